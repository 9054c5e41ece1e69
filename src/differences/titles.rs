//! The title a person is given, on each side: "United States Department of Homeland
//! Security Secretary John Kelly" and "Homeland Security Secretary John Kelly" name one man
//! with a shortened title; "Operations Area 1 Major Scott Booth" and "Major Scott Booth" one
//! officer with his unit dropped.

use crate::comparison::{Comparison, Detail, DetailKind, Relation};
use crate::span::Span;

use super::{Change, Difference, DifferenceKind, Severity};

/// Most words of a title run before a name.
const MAX_TITLE_WORDS: usize = 10;

/// True for a small word joining the parts of a title ("of", "da"): the list is
/// `assets/differences/title_joiners.txt`.
fn is_joiner(word: &str) -> bool {
    super::words::get().title_joiners.contains(word)
}

/// The run of capitalised words (and figures, and joiners between them) right before `name`,
/// within its clause: "Operations Area 1 Major" before "Scott Booth".
fn title_before(text: &str, name: Span) -> Option<Span> {
    let head = text.get(..name.start)?;
    let cut = head
        .char_indices()
        .rev()
        .find(|(_, ch)| "\n,;:“”\"(«»„".contains(*ch))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let region = &head[cut..];
    let words: Vec<(usize, &str)> = region
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - region.as_ptr() as usize, w))
        .collect();
    let mut first = words.len();
    for (k, (_, w)) in words.iter().enumerate().rev() {
        let capital = w
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit());
        let joiner = is_joiner(w) && first < words.len();
        // "said." and "Berlin." end a sentence; "U.S." and "Gov." do not.
        let abbreviation = capital && w.chars().filter(|ch| ch.is_alphabetic()).count() <= 4;
        let sentence_end =
            w.ends_with('.') && w.chars().filter(|ch| *ch == '.').count() == 1 && !abbreviation;
        if !(capital || joiner) || sentence_end || words.len() - k > MAX_TITLE_WORDS {
            break;
        }
        first = k;
    }
    while first < words.len() && is_joiner(words[first].1) {
        first += 1;
    }
    let (start, _) = *words.get(first)?;
    let (last_at, last) = *words.last()?;
    Some(Span::new(cut + start, cut + last_at + last.len()))
}

/// The initials of a title's capitalised words, an acronym standing for its letters: "Reserve
/// Bank Governor" and "RB Governor" are one title in house style.
fn initials(title: &str) -> String {
    title
        .split_whitespace()
        .filter(|w| !is_joiner(w))
        .flat_map(|w| {
            let letters: Vec<char> = w.chars().filter(|ch| ch.is_alphabetic()).collect();
            if letters.len() > 1 && letters.iter().all(|ch| ch.is_uppercase()) {
                letters
            } else {
                letters.into_iter().take(1).collect()
            }
        })
        .flat_map(char::to_uppercase)
        .collect()
}

/// True when a title word of the lexicon ("secretary", "major") is among the run's words.
fn holds_title(text: &str) -> bool {
    let lx = crate::lexicon::get();
    text.split_whitespace().any(|w| {
        let w = w.trim_end_matches('.').to_lowercase();
        lx.titles.contains(&w) || lx.title_alias.contains_key(&w)
    })
}

/// A difference when one person is given two different titles, both stated right before
/// the name.
pub(super) fn title_change(c: &Comparison, d: &Detail) -> Option<Difference> {
    if d.kind != DetailKind::Person || d.relation != Relation::Same {
        return None;
    }
    let (name_s, name_a) = (d.source?, d.article?);
    let (ts, ta) = (
        title_before(&c.source.text, name_s)?,
        title_before(&c.article.text, name_a)?,
    );
    let (from, to) = (ts.slice(&c.source.text), ta.slice(&c.article.text));
    if from.to_lowercase() == to.to_lowercase()
        || initials(from) == initials(to)
        || !holds_title(from)
        || !holds_title(to)
    {
        return None;
    }
    Some(super::of_detail(
        d,
        DifferenceKind::Title,
        Severity::Minor,
        (
            Span::new(ts.start, name_s.end),
            Span::new(ta.start, name_a.end),
        ),
        Change::Title {
            from: from.to_string(),
            to: to.to_string(),
        },
    ))
}
