//! Relating people, titles and organisations, across the whole documents: the same person
//! named in full or by surname, an organisation and its acronym.

use super::*;

/// True when a title stands right before a name ("Mayor" in "Mayor Bill de Blasio") or in
/// apposition to one ("the President, Marcelo Rebelo de Sousa").
pub(super) fn is_named(title: &Mention, side: &Facts) -> bool {
    let ms = &side.extraction.mentions;
    let k = ms.partition_point(|m| m.span.start < title.span.end);
    ms.get(k).is_some_and(|next| {
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
    let k = ms.partition_point(|x| x.span.start < m.span.start);
    let prev = ms.get(k.checked_sub(1)?)?;
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
    let titles = &crate::lexicon::get().titles;
    s.iter().any(|w| titles.contains(w) && a.contains(w))
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
pub(super) fn across(
    source: &Facts,
    article: &Facts,
    retold: &[Span],
    out: &mut Vec<Related>,
    seen: &mut HashSet<(Option<Span>, Option<Span>)>,
) {
    let in_retold = |sp: &Span| {
        let k = retold.partition_point(|r| r.end <= sp.start);
        retold.get(k).is_some_and(|r| r.contains(sp))
    };
    let first_by_key =
        |side: &Facts, kind: DetailKind, retold_only: bool| -> Vec<(String, usize)> {
            let mut order = Vec::new();
            let mut firsts: HashMap<String, usize> = HashMap::default();
            for (k, m) in side.extraction.mentions.iter().enumerate() {
                if m.kind != kind || (retold_only && !in_retold(&m.span)) {
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
                // Prefer the fullest mention: the first one that gives a given name.
                match firsts.get(&key) {
                    None => {
                        firsts.insert(key.clone(), k);
                        order.push(key);
                    }
                    Some(&prev) => {
                        let fuller =
                            |x: &Mention| matches!(&x.value, Value::Person { given: Some(_), .. });
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
        };
    for kind in [
        DetailKind::Person,
        DetailKind::Organization,
        DetailKind::Place,
    ] {
        let s_first = first_by_key(source, kind, false);
        let a_first = first_by_key(article, kind, false);
        let s_map: HashMap<&str, usize> = s_first.iter().map(|(k, i)| (k.as_str(), *i)).collect();
        let a_keys: HashSet<&str> = a_first.iter().map(|(k, _)| k.as_str()).collect();
        let mut spelled_out: HashSet<String> = HashSet::default();
        let sm = &source.extraction.mentions;
        let am = &article.extraction.mentions;
        for (key, a) in &a_first {
            let am_ = &am[*a];
            match s_map.get(key.as_str()) {
                Some(&s) => {
                    let sm_ = &sm[s];
                    let (relation, note) = match (&sm_.value, &am_.value) {
                        (
                            Value::Person { given: Some(x), .. },
                            Value::Person { given: Some(y), .. },
                        ) if x != y
                            && !one_name(
                                sm_.span.slice(source.text),
                                am_.span.slice(article.text),
                            ) =>
                        {
                            (
                                Relation::Conflicting,
                                format!(
                                    "different first names: {} vs {}",
                                    sm_.span.slice(source.text),
                                    am_.span.slice(article.text)
                                ),
                            )
                        }
                        _ => {
                            let what = match kind {
                                DetailKind::Person => "person",
                                DetailKind::Place => "place",
                                _ => "organisation",
                            };
                            (
                                Relation::Same,
                                format!(
                                    "same {what}: {} = {}",
                                    sm_.span.slice(source.text),
                                    am_.span.slice(article.text)
                                ),
                            )
                        }
                    };
                    push(
                        out,
                        seen,
                        Related {
                            kind,
                            relation,
                            note,
                            source: Some(sm_.span),
                            article: Some(am_.span),
                        },
                    );
                    if kind == DetailKind::Person {
                        if let (Some((st, sw)), Some((at, aw))) =
                            (person_title_of(sm_, source), person_title_of(am_, article))
                        {
                            let relation = title_relation(&sw, &aw);
                            let how = if relation == Relation::Same {
                                "same title"
                            } else if aw.len() < sw.len() {
                                "title shortened"
                            } else {
                                "title changed"
                            };
                            let note = format!(
                                "{how}: {} vs {}",
                                st.slice(source.text),
                                at.slice(article.text)
                            );
                            push(
                                out,
                                seen,
                                Related {
                                    kind: DetailKind::Title,
                                    relation,
                                    note,
                                    source: Some(st),
                                    article: Some(at),
                                },
                            );
                        }
                    }
                }
                None if kind == DetailKind::Place => {}
                None => {
                    // An acronym for a name the other side spells out: "KfW" for
                    // "Kreditanstalt für Wiederaufbau".
                    let at = am_.span.slice(article.text);
                    let spelled = s_first.iter().find(|(_, s)| {
                        let st = sm[*s].span.slice(source.text);
                        kind == DetailKind::Organization
                            && (acronym_of(at, st) || acronym_of(st, at))
                    });
                    if let Some((skey, s)) = spelled {
                        spelled_out.insert(skey.clone());
                        let note = format!(
                            "same organisation: {} = {at}",
                            sm[*s].span.slice(source.text)
                        );
                        push(
                            out,
                            seen,
                            Related {
                                kind,
                                relation: Relation::Same,
                                note,
                                source: Some(sm[*s].span),
                                article: Some(am_.span),
                            },
                        );
                        continue;
                    }
                    // An agency inside one the source names: "USCIS" for "DHS".
                    let parent = match &am_.value {
                        Value::Org {
                            parent: Some(p), ..
                        } => s_map.get(p.to_lowercase().as_str()).copied(),
                        _ => None,
                    };
                    if let Some(s) = parent {
                        let note = format!(
                            "the article names a part of it: {} (part of {})",
                            am_.span.slice(article.text),
                            sm[s].span.slice(source.text)
                        );
                        push(
                            out,
                            seen,
                            Related {
                                kind,
                                relation: Relation::MoreSpecific,
                                note,
                                source: Some(sm[s].span),
                                article: Some(am_.span),
                            },
                        );
                    } else {
                        let note =
                            format!("only the article names {}", am_.span.slice(article.text));
                        push(
                            out,
                            seen,
                            Related {
                                kind,
                                relation: Relation::OnlyArticle,
                                note,
                                source: None,
                                article: Some(am_.span),
                            },
                        );
                    }
                }
            }
        }
        for (key, s) in &first_by_key(source, kind, true) {
            if !a_keys.contains(key.as_str())
                && !spelled_out.contains(key)
                && kind != DetailKind::Place
            {
                let note = format!("only the source names {}", sm[*s].span.slice(source.text));
                push(
                    out,
                    seen,
                    Related {
                        kind,
                        relation: Relation::OnlySource,
                        note,
                        source: Some(sm[*s].span),
                        article: None,
                    },
                );
            }
        }
    }
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
