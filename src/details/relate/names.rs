//! Relating people, titles and organisations, across the whole documents: the same person
//! named in full or by surname, an organisation and its acronym.

use super::*;

/// True when a title stands right before a name ("Mayor" in "Mayor Bill de Blasio") or in
/// apposition to one ("the President, Marcelo Rebelo de Sousa").
pub(super) fn is_named(title: &Mention, side: &Facts) -> bool {
    let ms = &side.extraction.mentions;
    let next = SpanIndex::new(ms, |m: &Mention| m.span).next_from(title.span.end);
    next.map(|k| &ms[k]).is_some_and(|next| {
        next.kind == DetailKind::Person
            && side
                .text
                .get(title.span.end..next.span.start)
                .is_some_and(|gap| {
                    gap.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
                        .is_empty()
                })
    })
}

pub(super) fn person_title_of(m: &Mention, side: &Facts) -> Option<(Span, Vec<String>)> {
    let ms = &side.extraction.mentions;
    let prev = &ms[SpanIndex::new(ms, |x: &Mention| x.span).last_before(m.span.start)?];
    let gap = side.text.get(prev.span.end..m.span.start)?;
    match &prev.value {
        Value::Title { words }
            if gap
                .trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
                .is_empty() =>
        {
            Some((prev.span, words.clone()))
        }
        _ => None,
    }
}

/// True when two titles share a title word ("Presidente" and "Presidente da República",
/// "Homeland Security Secretary" and "Secretary").
pub(super) fn same_role(s: &[String], a: &[String]) -> bool {
    let roles =
        |words: &[String]| -> Vec<String> { words.iter().filter_map(|w| role(w)).collect() };
    let theirs = roles(a);
    roles(s).iter().any(|r| theirs.contains(r))
}

/// The office a title word names: the word itself when the list holds it, else the title a
/// German or Dutch compound ends in ("minister" for "bundesgesundheitsminister").
fn role(word: &str) -> Option<String> {
    let lx = crate::lexicon::get();
    if lx.titles.contains(word) {
        Some(word.to_string())
    } else {
        lx.title_head(word).map(str::to_string)
    }
}

/// True when the article's title is the source's with words or a compound's first part left
/// out: "ministro" for "ministro della Salute", "Gesundheitsminister" for
/// "Bundesgesundheitsminister".
pub(super) fn shortened(s: &[String], a: &[String]) -> bool {
    s != a
        && a.iter()
            .all(|x| s.iter().any(|w| w == x || w.ends_with(x.as_str())))
}

pub(super) fn title_relation(s: &[String], a: &[String]) -> Relation {
    if s == a {
        Relation::Same
    } else if same_role(s, a) {
        Relation::Compatible
    } else {
        Relation::Conflicting
    }
}

/// People and organisations across the documents.
///
/// A person or organisation only the source names is listed only where the article retells or
/// quotes the passage that names it (`retold`, sorted and disjoint): a speech names dozens the
/// article has no reason to.
pub(super) fn across(source: &Facts, article: &Facts, retold: &[Span], found: &mut Found) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    for kind in [
        DetailKind::Person,
        DetailKind::Organization,
        DetailKind::Place,
    ] {
        let s_first = first_by_key(source, kind, None);
        let a_first = first_by_key(article, kind, None);
        let s_map: HashMap<&str, usize> = s_first.iter().map(|(k, i)| (k.as_str(), *i)).collect();
        let a_keys: HashSet<&str> = a_first.iter().map(|(k, _)| k.as_str()).collect();
        let mut spelled_out: HashSet<String> = HashSet::default();
        for (key, a) in &a_first {
            match s_map.get(key.as_str()) {
                Some(&s) => same_key(source, article, kind, (&sm[s], &am[*a]), found),
                None if kind == DetailKind::Place => {}
                None => {
                    let skey =
                        shortened_name(source, article, &s_first, &am[*a], found).or_else(|| {
                            let s_keys = (&s_first[..], &s_map);
                            article_only_key(source, article, kind, s_keys, &am[*a], found)
                        });
                    if let Some(skey) = skey {
                        spelled_out.insert(skey);
                    }
                }
            }
        }
        for (key, s) in &first_by_key(source, kind, Some(retold)) {
            if !a_keys.contains(key.as_str())
                && !spelled_out.contains(key)
                && kind != DetailKind::Place
            {
                found.push(Related {
                    kind,
                    relation: Relation::OnlySource,
                    note: DetailNote::NamedOnly {
                        side: Side::Source,
                        name: sm[*s].span.slice(source.text).to_string(),
                    },
                    source: Some(sm[*s].span),
                    article: None,
                });
            }
        }
    }
}

/// The key of every person, organisation or place of `kind` a side names, in the order of
/// first mention, each with its fullest mention (the first one that gives a given name);
/// with `retold`, only the mentions inside those spans (sorted and disjoint).
fn first_by_key(side: &Facts, kind: DetailKind, retold: Option<&[Span]>) -> Vec<(String, usize)> {
    let retold = retold.map(|spans| SpanIndex::new(spans, |r: &Span| *r));
    let in_retold = |sp: &Span| {
        retold
            .as_ref()
            .is_none_or(|retold| retold.containing(*sp).is_some())
    };
    let mut order = Vec::new();
    let mut firsts: HashMap<String, usize> = HashMap::default();
    for (k, m) in side.extraction.mentions.iter().enumerate() {
        if m.kind != kind || !in_retold(&m.span) {
            continue;
        }
        let key = match &m.value {
            Value::Person { key, .. } => key.clone(),
            Value::Org { key, .. } => key.to_lowercase(),
            Value::Place {
                key,
                generic: false,
                ..
            } => key.clone(),
            _ => continue,
        };
        if key.is_empty() {
            continue;
        }
        match firsts.get(&key) {
            None => {
                firsts.insert(key.clone(), k);
                order.push(key);
            }
            Some(&prev) => {
                let fuller = |x: &Mention| matches!(&x.value, Value::Person { given: Some(_), .. });
                if !fuller(&side.extraction.mentions[prev]) && fuller(m) {
                    firsts.insert(key, k);
                }
            }
        }
    }
    order
        .into_iter()
        .map(|key| {
            let k = firsts[&key];
            (key, k)
        })
        .collect()
}

/// A person, organisation or place both sides name with one key: the same, or a person with
/// another first name; and a person's titles on either side.
fn same_key(
    source: &Facts,
    article: &Facts,
    kind: DetailKind,
    (sm_, am_): (&Mention, &Mention),
    found: &mut Found,
) {
    let (st, at) = (sm_.span.slice(source.text), am_.span.slice(article.text));
    let spans = (sm_.span, am_.span);
    let (relation, note) = match (&sm_.value, &am_.value) {
        (Value::Person { given: Some(x), .. }, Value::Person { given: Some(y), .. })
            if x != y && !one_name(st, at) =>
        {
            (
                Relation::Conflicting,
                DetailNote::FirstNames {
                    source: st.to_string(),
                    article: at.to_string(),
                },
            )
        }
        _ => (
            Relation::Same,
            DetailNote::SameName {
                kind,
                source: st.to_string(),
                article: at.to_string(),
            },
        ),
    };
    found.push(Related::both(kind, relation, note, spans));
    if kind == DetailKind::Person {
        person_titles(source, article, (sm_, am_), found);
    }
}

/// The titles two mentions of one person carry, related: the same, shortened or changed.
fn person_titles(
    source: &Facts,
    article: &Facts,
    (sm_, am_): (&Mention, &Mention),
    found: &mut Found,
) {
    if let (Some((st, sw)), Some((at, aw))) =
        (person_title_of(sm_, source), person_title_of(am_, article))
    {
        let relation = title_relation(&sw, &aw);
        let change = if relation == Relation::Same {
            TitleChange::Same
        } else if aw.len() < sw.len() || shortened(&sw, &aw) {
            TitleChange::Shortened
        } else {
            TitleChange::Changed
        };
        let note = DetailNote::PersonTitle {
            change,
            source: st.slice(source.text).to_string(),
            article: at.slice(article.text).to_string(),
        };
        found.push(Related::both(DetailKind::Title, relation, note, (st, at)));
    }
}

/// A person the article names with a surname fewer than the source ("Elena Martín" for
/// "Elena Martín Soler", the second surname dropped): one person, the name shortened, with
/// the source's key. A name the article gives in more words than the source is the same
/// person told in full.
fn shortened_name(
    source: &Facts,
    article: &Facts,
    s_first: &[(String, usize)],
    am_: &Mention,
    found: &mut Found,
) -> Option<String> {
    if am_.kind != DetailKind::Person {
        return None;
    }
    let words = |t: &str| -> Vec<String> {
        crate::normalize::tokenize(t)
            .iter()
            .map(|t| t.norm.to_string())
            .collect()
    };
    let at = am_.span.slice(article.text);
    let aw = words(at);
    let sm = &source.extraction.mentions;
    let (skey, s) = s_first.iter().find(|(_, s)| {
        let sw = words(sm[*s].span.slice(source.text));
        let (short, long) = if aw.len() < sw.len() {
            (&aw, &sw)
        } else {
            (&sw, &aw)
        };
        sm[*s].kind == DetailKind::Person
            && short.len() >= 2
            && short.len() < long.len()
            && long.starts_with(short)
    })?;
    let st = sm[*s].span.slice(source.text);
    let (relation, note) = if aw.len() < words(st).len() {
        let (source, article) = (st.to_string(), at.to_string());
        (
            Relation::Compatible,
            DetailNote::ShortenedName { source, article },
        )
    } else {
        let (source, article) = (st.to_string(), at.to_string());
        let kind = DetailKind::Person;
        (
            Relation::Same,
            DetailNote::SameName {
                kind,
                source,
                article,
            },
        )
    };
    found.push(Related::both(
        DetailKind::Person,
        relation,
        note,
        (sm[*s].span, am_.span),
    ));
    person_titles(source, article, (&sm[*s], am_), found);
    Some(skey.clone())
}

/// A person or organisation whose key only the article gives: an acronym of one the source
/// spells out (returning the source's key), a part of one the source names, or named by the
/// article alone.
fn article_only_key(
    source: &Facts,
    article: &Facts,
    kind: DetailKind,
    (s_first, s_map): (&[(String, usize)], &HashMap<&str, usize>),
    am_: &Mention,
    found: &mut Found,
) -> Option<String> {
    let sm = &source.extraction.mentions;
    // An acronym for a name the other side spells out: "KfW" for
    // "Kreditanstalt für Wiederaufbau".
    let at = am_.span.slice(article.text);
    let spelled = s_first.iter().find(|(_, s)| {
        let st = sm[*s].span.slice(source.text);
        kind == DetailKind::Organization && (acronym_of(at, st) || acronym_of(st, at))
    });
    if let Some((skey, s)) = spelled {
        let note = DetailNote::SameName {
            kind: DetailKind::Organization,
            source: sm[*s].span.slice(source.text).to_string(),
            article: at.to_string(),
        };
        let spans = (sm[*s].span, am_.span);
        found.push(Related::both(kind, Relation::Same, note, spans));
        return Some(skey.clone());
    }
    // An agency inside one the source names: "USCIS" for "DHS".
    let parent = match &am_.value {
        Value::Org {
            parent: Some(p), ..
        } => s_map.get(p.to_lowercase().as_str()).copied(),
        _ => None,
    };
    if let Some(s) = parent {
        let note = DetailNote::PartOf {
            source: sm[s].span.slice(source.text).to_string(),
            article: at.to_string(),
        };
        let spans = (sm[s].span, am_.span);
        found.push(Related::both(kind, Relation::MoreSpecific, note, spans));
    } else {
        found.push(Related {
            kind,
            relation: Relation::OnlyArticle,
            note: DetailNote::NamedOnly {
                side: Side::Article,
                name: at.to_string(),
            },
            source: None,
            article: Some(am_.span),
        });
    }
    None
}

/// True when `short` is an acronym ("KfW", "BCE") of the words of `long` ("Kreditanstalt für
/// Wiederaufbau", "Banque centrale européenne"), with or without its small words.
pub(super) fn acronym_of(short: &str, long: &str) -> bool {
    let letters = short.chars().count();
    if !(2..=6).contains(&letters)
        || !short.chars().all(char::is_alphabetic)
        || short.chars().filter(|c| c.is_uppercase()).count() < 2
    {
        return false;
    }
    let words: Vec<&str> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let short = short.to_lowercase();
    let initials = |all: bool| -> String {
        words
            .iter()
            .filter(|w| all || w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    initials(true) == short || initials(false) == short
}

/// True when two person mentions with the same surname are one name written with more or
/// fewer words before it: "Executive Ziv Shoshani" and "Ziv Shoshani", "Président de la
/// République François Hollande" and "François Hollande", or an abbreviated title where a
/// given name would be ("BK'in Merkel" and "Angela Merkel").
pub(super) fn one_name(x: &str, y: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches(['\'', '’', 's']).to_lowercase())
            .collect()
    };
    let (a, b) = (words(x), words(y));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() >= 2 && long.ends_with(short) {
        return true;
    }
    // A first word that cannot be a given name: "BK'in", "Dr.", "EU-Kommissar".
    let not_a_given_name = |t: &str| {
        t.split_whitespace().next().is_some_and(|w| {
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            w.contains(['\'', '’', '.']) || upper >= 2
        })
    };
    not_a_given_name(x) || not_a_given_name(y)
}
