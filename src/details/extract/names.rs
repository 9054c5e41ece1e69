//! Capitalised names in one sentence: people with their titles, organisations and their
//! acronyms, places; and, across the document, short names resolved to the full ones.

use super::*;
use rustc_hash::FxHashMap as HashMap;

/// Capitalised names at `i`, where [`scan`] found no date: titles, people, organisations,
/// places.
pub(super) fn names(s: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let n = s.toks.len();
    let lx = s.lx;
    let is_title = |k: usize| s.is_title(k);
    // A lower-case title straight before a name ("spokeswoman Katie Tichacek", with the
    // words that qualify it: "le secrétaire général Paul Durand"), or before its field and a
    // name ("il ministro della Salute Marco Bellini").
    let named_at = (!s.is_cap(i) && is_title(i)).then(|| after_modifiers(s, i + 1));
    let lower_title = named_at.is_some_and(|named_at| {
        i + 1 < n
            && ((named_at < n && s.is_cap(named_at) && s.joined(named_at))
                || (s.joined(i + 1)
                    && lx.name_words.connectors.contains(s.norm(i + 1))
                    && lx.title_complements.contains(s.norm(i + 2))
                    && s.is_cap(i + 2)))
    });
    if !s.is_cap(i) && !lower_title {
        return None;
    }
    if s.shouting {
        return None;
    }
    let end = match lower_title {
        true => run_end(s, named_at.map_or(i + 1, |at| at.max(i + 1)) - 1),
        false => run_end(s, i),
    };
    let from = name_start(s, i, end);
    let from = if lower_title && from == i {
        prefixed_title_start(s, joined_title_start(s, i))
    } else {
        from
    };
    if from >= end {
        return Some(end);
    }
    // Don't take dates and numbers as names (none starts at `i`).
    if (from..end).any(|k| s.month_at(k).is_some() && s.day_number(k + 1).is_some())
        || (from != i && s.date_part(from).is_some())
    {
        return None;
    }
    // Every name below ends its run but a named place with its number ("P.S. 58"), which
    // only a number right after the run can be.
    if s.values_only && s.digits(end).is_none() {
        return Some(end);
    }
    let words: Vec<&str> = (from..end).map(|k| s.norm(k)).collect();
    let folded = fold_words(&words);
    // Title words: the last one splits title from name.
    let last_title = (from..end).rev().find(|&k| is_title(k));
    let (title_range, name_from) = match last_title {
        // "Secretary of State", "Minister van Binnenlandse Zaken Sandra de Vries": the title
        // runs over its field; a name may follow it.
        Some(k)
            if k + 2 < end + 1
                && s.lx.name_words.connectors.contains(s.norm(k + 1))
                && lx.title_complements.contains(s.norm(k + 2)) =>
        {
            let field_end = (k + 2..end)
                .find(|&j| !lx.title_complements.contains(s.norm(j)))
                .unwrap_or(end);
            (Some((from, field_end)), field_end)
        }
        Some(k) => {
            let title_end = after_modifiers(s, k + 1).min(end);
            (Some((from, title_end)), title_end)
        }
        None => (None, from),
    };
    let title_words = title_range.map(|(a, b)| push_title(s, (a, b), out));
    // Apposition: "The President of the Republic, Marcelo Rebelo de Sousa, ...".
    if name_from >= end {
        return Some(end);
    }
    named(s, (from, name_from, end), &folded, title_words, out)
}

/// The first token at or after `k` that is not a word qualifying a title joined to the
/// one before ("général", "adjoint": [`lexicon::Lexicon::title_modifiers`]).
fn after_modifiers(s: &Sentence, mut k: usize) -> usize {
    while k < s.toks.len() && s.joined(k) && s.lx.title_modifiers.contains(s.norm(k)) {
        k += 1;
    }
    k
}

/// The start of the title at `i` with a rank joined to it by a hyphen ("sous-préfet",
/// "vice-presidenta": [`lexicon::Lexicon::title_prefixes`]).
fn prefixed_title_start(s: &Sentence, i: usize) -> usize {
    let hyphen = matches!(s.gap(i), "-" | "\u{2010}" | "\u{2011}");
    match i > 0 && hyphen && s.lx.title_prefixes.contains(s.norm(i - 1)) {
        true => i - 1,
        false => i,
    }
}

/// The start of an office joined by "and" to the title at `i`, with at most one word after
/// it ("vicepresidenta primera y ministra de Hacienda", "deputy leader and minister"): one
/// person holds both, and the two are read as one title.
fn joined_title_start(s: &Sentence, i: usize) -> usize {
    if i < 2 || !s.joined(i) || !s.lx.name_words.and_words.contains(s.norm(i - 1)) {
        return i;
    }
    let first = (2..=3)
        .filter(|&back| back <= i)
        .map(|back| i - back)
        .find(|&k| s.is_title(k) && (k + 1..i).all(|j| s.joined(j) && !s.is_title(j)));
    first.unwrap_or(i)
}

/// The name of tokens `name_from..end` (the run began at `from`; `folded` is the whole run
/// folded) after any title: an organisation, a place or a person.
fn named(
    s: &Sentence,
    (from, name_from, end): (usize, usize, usize),
    folded: &str,
    title_words: Option<Vec<String>>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let lx = s.lx;
    let name: Vec<&str> = (name_from..end).map(|k| s.norm(k)).collect();
    let name_folded = compact(s, name_from, end);
    // A law or treaty is no one: "the Taft-Hartley Act".
    let law = end - name_from >= 2 && s.lx.name_words.law_words.contains(s.norm(end - 1));
    // German compounds end in what they are: "Kreditanstalt", "Bundesbank", "Finanzamt".
    let german_body = s.lang == Lang::De && name.iter().any(|w| lx.name_words.is_german_body(w));
    if law
        || german_body
        || name_folded.split(' ').any(|w| lx.org_keywords.contains(w))
        || lx.orgs.contains_key(&name_folded)
    {
        push_org(s, name_from, end, out);
        return Some(end);
    }
    let acronym_like = end - name_from == 1 && is_acronym(s, name_from);
    if acronym_like {
        push_org(s, name_from, end, out);
        return Some(end);
    }
    let before = if from > 0 { s.norm(from - 1) } else { "" };
    let compact_words: Vec<&str> = name_folded.split(' ').collect();
    let named_class = compact_words.iter().find_map(|w| lx.named_places.get(*w));
    // "Washington, D.C.", "Richmond, Va.": a known place with a state after it.
    let known_place = (1..=compact_words.len()).any(|k| lx.is_place(&compact_words[..k].join(" ")))
        || lx.is_place(folded);
    if title_words.is_none()
        && (known_place
            || named_class.is_some()
            // German capitalises every noun: "im Rahmen" is no place.
            || (lx.name_words.locatives.contains(before)
                && s.lang != Lang::De
                && end - name_from <= 3
                && !looks_like_person(&name)))
    {
        let mut span_end = end;
        // "P.S. 58": a named place with a number.
        if named_class.is_some() && s.digits(end).is_some() && (s.joined(end) || s.gap(end) == ". ")
        {
            span_end += 1;
        }
        let value = Value::Place {
            key: name_folded.clone(),
            class: named_class.cloned(),
            generic: false,
        };
        out.push(Mention {
            kind: DetailKind::Place,
            span: s.span(name_from, span_end),
            value,
            sentence: s.index,
        });
        return Some(span_end);
    }
    push_person(s, (name_from, end), (&name, name_folded), title_words, out)
}

/// A person named by tokens `name_from..end` (`name`, folded `name_folded`), with the title
/// before the name: in full, or a single word resolved once the document is read.
fn push_person(
    s: &Sentence,
    (name_from, end): (usize, usize),
    (name, name_folded): (&[&str], String),
    title_words: Option<Vec<String>>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    if title_words.is_none() && !could_be_person(s, name) {
        return Some(end);
    }
    let tokens_in_name = name
        .iter()
        .filter(|w| !s.lx.name_words.particles.contains(**w))
        .count();
    if tokens_in_name >= 2 || title_words.is_some() {
        // The folded surname, without a possessive ("Kelly’s" is Kelly).
        let key = name_folded.split(" ").last().unwrap_or("").to_string();
        let given = (tokens_in_name >= 2).then(|| name[0].to_string());
        out.push(Mention {
            kind: DetailKind::Person,
            span: s.span(name_from, end),
            value: Value::Person {
                key,
                given,
                title: title_words,
            },
            sentence: s.index,
        });
        return Some(end);
    }
    // A single capitalised word: a short name, resolved once the document is read.
    if name_from != 0 || s.is_cap(name_from) {
        out.push(Mention {
            kind: DetailKind::Person,
            span: s.span(name_from, end),
            value: Value::Person {
                key: String::new(),
                given: Some(name_folded),
                title: None,
            },
            sentence: s.index,
        });
    }
    Some(end)
}

/// Where the run of capitalised words (and the connectors between them) starting at `i`
/// ends.
fn run_end(s: &Sentence, i: usize) -> usize {
    let n = s.toks.len();
    let lx = s.lx;
    let mut end = i + 1;
    loop {
        if end >= n {
            break;
        }
        let gap = s.gap(end);
        let dotted = gap == "." || gap == ". ";
        let plain = s.joined(end) || gap == "’ " || gap == "' " || dotted;
        if plain && s.is_cap(end) {
            end += 1;
            continue;
        }
        // "Washington, D.C.": a comma before a two-letter dotted abbreviation.
        if gap == ", " && s.raw(end).len() == 1 && s.gap(end + 1) == "." && s.is_cap(end) {
            end += 1;
            continue;
        }
        // German capitalises every noun: its articles never join a name ("Vertretern der
        // Stadt").
        let german_article =
            s.lang == Lang::De && s.lx.name_words.german_determiners.contains(s.norm(end));
        if s.joined(end)
            && !german_article
            && s.lx.name_words.connectors.contains(s.norm(end))
            && end + 1 < n
            && s.is_cap(end + 1)
            && s.joined(end + 1)
        {
            // "and" joins names only inside an organisation ("Citizenship and Immigration
            // Services"), not two people ("Mayor de Blasio and Secretary Kelly").
            if s.lx.name_words.and_words.contains(s.norm(end)) {
                let mut k = end + 1;
                let mut org = false;
                while k < n && s.is_cap(k) && (k == end + 1 || s.joined(k)) {
                    org |= lx.org_keywords.contains(s.norm(k));
                    k += 1;
                }
                if !org {
                    break;
                }
            }
            end += 2;
            continue;
        }
        break;
    }
    end
}

/// Where the name of run `i..end` starts: after sentence-initial function words and "The",
/// and after "X of" opening a sentence ("Agents of the Department...").
fn name_start(s: &Sentence, i: usize, end: usize) -> usize {
    let lx = s.lx;
    let is_title = |k: usize| s.is_title(k);
    let mut from = i;
    // Sentence-initial function words and "The" are not part of a name.
    while from < end
        && (s.lx.name_words.name_openers.contains(s.norm(from))
            || (from == 0
                && !is_content_word(s.norm(from))
                && !s.lx.name_words.particles.contains(s.norm(from))))
    {
        from += 1;
    }
    // "Agents of the Department...": a capitalised first word of the sentence before "of".
    if from == 0
        && end > from + 2
        && s.lx.name_words.connectors.contains(s.norm(from + 1))
        && !is_title(from)
        && !lx.org_keywords.contains(s.norm(from))
        && !lx.is_place(s.norm(from))
    {
        from += 2;
    }
    from
}

/// Lists the title of tokens `a..b` (and an organisation inside it); its words.
fn push_title(s: &Sentence, (a, b): (usize, usize), out: &mut Vec<Mention>) -> Vec<String> {
    let lx = s.lx;
    let is_title = |k: usize| s.is_title(k);
    let mut words: Vec<String> = (a..b)
        .map(|k| {
            let w = s.norm(k);
            lx.title_alias
                .get(w)
                .cloned()
                .unwrap_or_else(|| w.to_string())
        })
        .collect();
    words.retain(|w| is_content_word(w) || lx.is_title(w, s.lang) || lx.title_prefixes.contains(w));
    out.push(Mention {
        kind: DetailKind::Title,
        span: s.span(a, b),
        value: Value::Title {
            words: words.clone(),
        },
        sentence: s.index,
    });
    // An organisation inside the title: "Department of Homeland Security Secretary".
    if let Some(k) = (a..b).find(|&k| lx.org_keywords.contains(s.norm(k))) {
        let org_end = if b - 1 > k { b - 1 } else { b };
        let org_from = if s.norm(k + 1) == "of" { k } else { a };
        if org_end > org_from && !is_title(org_from) {
            push_org(s, org_from, org_end, out);
        }
    }
    words
}

/// True when token `k` reads as an acronym: "DHS", and "KfW" with its small "f".
fn is_acronym(s: &Sentence, k: usize) -> bool {
    let lx = s.lx;
    let raw = s.raw(k);
    let upper = raw.chars().filter(char::is_ascii_uppercase).count();
    raw.len() >= 2
        && raw.len() <= 6
        && raw.chars().all(|c| c.is_ascii_alphabetic())
        // "DHS", and "KfW" with its small "f".
        && (upper == raw.len() || (upper >= 2 && raw.len() <= 4))
        && !lx.is_place(s.norm(k))
}

/// The folded words of tokens `from..to`, with dotted initials joined ("P.S." → "ps") and a
/// final possessive dropped ("Education's" → "education").
pub(super) fn compact(s: &Sentence, from: usize, to: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut prev_initial = false;
    for k in from..to {
        let raw = s.raw(k);
        let mut w = s.norm(k).to_string();
        if k + 1 == to && (raw.ends_with("'s") || raw.ends_with("’s")) {
            w.pop();
        }
        let initial = raw.chars().count() == 1
            && s.text
                .get(s.toks[k].span().end..)
                .is_some_and(|t| t.starts_with('.'));
        match words.last_mut() {
            Some(last) if initial && prev_initial => last.push_str(&w),
            _ => words.push(w),
        }
        prev_initial = initial;
    }
    words.join(" ")
}

/// False for capitalised words that are no one's name: a heading ("Basic Policies"), German
/// nouns, which are all capitalised ("Meine Damen", "Reformanstrengungen Griechenlands").
pub(super) fn could_be_person(s: &Sentence, name: &[&str]) -> bool {
    if s.heading {
        return false;
    }
    if s.lang == Lang::De {
        let determiner = name
            .first()
            .is_some_and(|w| s.lx.name_words.german_determiners.contains(*w));
        let noun = name.iter().any(|w| {
            w.chars().count() > 6
                && s.lx
                    .name_words
                    .german_noun_endings
                    .iter()
                    .any(|e| w.ends_with(e.as_str()))
        });
        if determiner || noun {
            return false;
        }
    }
    true
}

pub(super) fn looks_like_person(name: &[&str]) -> bool {
    name.len() >= 2 && name.len() <= 4
}

pub(super) fn push_org(s: &Sentence, mut from: usize, to: usize, out: &mut Vec<Mention>) {
    let lx = s.lx;
    // "Der Bundesrat" is the Bundesrat: its article would make "Der Bundestag" the same "DB".
    while to - from > 1 && lx.name_words.definite_articles.contains(s.norm(from)) {
        from += 1;
    }
    let folded = compact(s, from, to);
    let raw_initials: String = (from..to)
        .filter(|&k| s.is_cap(k))
        .filter_map(|k| s.raw(k).chars().next())
        .collect();
    let (key, parent) = match lx
        .orgs
        .get(&folded)
        .or_else(|| lx.orgs.get(&raw_initials.to_lowercase()))
    {
        Some(known) if to - from == 1 || lx.orgs.contains_key(&folded) => {
            (known.acronym.clone(), known.parent.clone())
        }
        _ if to - from == 1 && s.raw(from).chars().all(|c| c.is_ascii_uppercase()) => {
            (s.raw(from).to_string(), None)
        }
        _ if to - from == 1 => (folded.clone(), None),
        _ => (raw_initials, None),
    };
    out.push(Mention {
        kind: DetailKind::Organization,
        span: s.span(from, to),
        value: Value::Org { key, parent },
        sentence: s.index,
    });
}

/// Single capitalised words become people when they are the surname of a full name in the
/// same document ("Kelly" after "John Kelly"); the others wait in `pending` until the other
/// document has been read ([`Extraction::adopt_names`]).
pub(super) fn resolve_short_names(mentions: &mut Vec<Mention>, text: &str) -> Vec<Mention> {
    let surnames: HashSet<String> = surnames_of(mentions);
    let inner = inner_surnames(mentions, text);
    let mut pending = Vec::new();
    mentions.retain_mut(|m| {
        if let Value::Person { key, given, .. } = &mut m.value {
            if key.is_empty() {
                let word = given.clone().unwrap_or_default();
                let last = word.split(' ').next_back().unwrap_or("").to_string();
                let full = if surnames.contains(&last) {
                    Some(last)
                } else {
                    inner.get(&last).cloned()
                };
                if let Some(full) = full {
                    *key = full;
                    *given = None;
                    return true;
                }
                pending.push(m.clone());
                return false;
            }
        }
        true
    });
    pending
}

/// The first of two surnames (the Spanish and Portuguese custom), to the key of the full
/// name: "martín" in "Elena Martín Soler", who is "Martín" when named by one word. Only
/// names of three words or more have one: given name, first surname, second surname.
fn inner_surnames(mentions: &[Mention], text: &str) -> HashMap<String, String> {
    let particles = &lexicon::get().name_words.particles;
    let mut inner = HashMap::default();
    for m in mentions {
        let Value::Person {
            key,
            given: Some(_),
            ..
        } = &m.value
        else {
            continue;
        };
        let tokens = crate::normalize::tokenize(m.span.slice(text));
        let words: Vec<&str> = tokens
            .iter()
            .map(|t| t.norm.as_str())
            .filter(|w| !particles.contains(*w))
            .collect();
        if let [_, middle @ .., last] = words.as_slice() {
            if last == key {
                for w in middle {
                    inner.entry(w.to_string()).or_insert_with(|| key.clone());
                }
            }
        }
    }
    inner
}

fn surnames_of(mentions: &[Mention]) -> HashSet<String> {
    mentions
        .iter()
        .filter_map(|m| match &m.value {
            Value::Person { key, .. } if !key.is_empty() => Some(key.clone()),
            _ => None,
        })
        .collect()
}

impl Extraction {
    /// Surnames of the people this document names in full.
    pub fn surnames(&self) -> HashSet<String> {
        surnames_of(&self.mentions)
    }

    /// Takes single capitalised words that are the surname of someone the other document
    /// names in full ("Sánchez" when the source says "Pedro Sánchez") as that person.
    pub fn adopt_names(&mut self, surnames: &HashSet<String>) {
        let mut adopted = false;
        for mut m in std::mem::take(&mut self.pending) {
            if let Value::Person { key, given, .. } = &mut m.value {
                let word = given.take().unwrap_or_default();
                let last = word.split(' ').next_back().unwrap_or("").to_string();
                if surnames.contains(&last) {
                    *key = last;
                    self.mentions.push(m);
                    adopted = true;
                }
            }
        }
        if adopted {
            self.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        }
    }
}
