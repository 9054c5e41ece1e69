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
    // The details stage related the two titles already: that difference says it.
    if c.details
        .iter()
        .any(|t| t.kind == DetailKind::Title && t.source == Some(ts) && t.article == Some(ta))
    {
        return None;
    }
    let (from, to) = (ts.slice(&c.source.text), ta.slice(&c.article.text));
    if from.to_lowercase() == to.to_lowercase()
        || initials(from) == initials(to)
        || !holds_title(from)
        || !holds_title(to)
    {
        return None;
    }
    // "Deputy Mayor" and "Mayor" name two holders of one office.
    let severity = if super::words::get().other_holder(from, to) {
        Severity::Major
    } else {
        Severity::Minor
    };
    Some(super::of_detail(
        d,
        DifferenceKind::Title,
        severity,
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

#[cfg(test)]
mod tests {
    use crate::differences::tests::differences;
    use crate::differences::{DifferenceKind, Severity};

    /// The title differences of the pair, with their severity.
    fn titles(source: &str, article: &str) -> Vec<(Severity, String)> {
        differences(source, article)
            .into_iter()
            .filter(|(k, _, _)| *k == DifferenceKind::Title)
            .map(|(_, s, n)| (s, n))
            .collect()
    }

    /// A deputy told as the office holder is another person in office: major, shown once.
    #[test]
    fn a_deputy_told_as_the_office_holder_is_major() {
        assert_eq!(
            titles(
                "The dikes held, Deputy Mayor Laura Chen told reporters in Sacramento on Tuesday.",
                "The dikes held, Mayor Laura Chen told reporters in Sacramento on Tuesday.",
            ),
            [(Severity::Major, "title: Deputy Mayor → Mayor".to_string())]
        );
        let found = titles(
            "La vicepresidenta Elena Martín Soler presentó el informe en Madrid el martes.",
            "La presidenta Elena Martín Soler presentó el informe en Madrid el martes.",
        );
        assert!(
            found.iter().any(|(s, _)| *s == Severity::Major),
            "{found:?}"
        );
    }

    /// The title dropped in the attribution after the closing mark, which the quotation's
    /// match runs on into, is no word of the quotation: one title difference, no wording.
    #[test]
    fn a_rank_dropped_after_the_closing_mark_is_no_quoted_word() {
        let d = differences(
            "\"We are cautiously optimistic that the worst of this season is behind us,\" said \
             Deputy Director Dr. Maria Alvarez on Tuesday.",
            "\"We are cautiously optimistic that the worst of this season is behind us,\" said \
             Director Dr. Maria Alvarez on Tuesday.",
        );
        assert!(
            d.iter().all(|(k, _, _)| *k != DifferenceKind::QuoteWording),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|(k, s, _)| *k == DifferenceKind::Title && *s == Severity::Major),
            "{d:?}"
        );
    }

    /// A title shortened, or one of two offices kept, names the same holder: minor, and the
    /// field of the title ("Transport") is no lost name.
    #[test]
    fn a_title_shortened_stays_minor() {
        let d = differences(
            "The dikes held, Transport Secretary Laura Chen told reporters in Sacramento on Tuesday.",
            "The dikes held, Secretary Laura Chen told reporters in Sacramento on Tuesday.",
        );
        assert!(
            d.iter()
                .all(|(k, s, _)| *k == DifferenceKind::Title && *s == Severity::Minor),
            "{d:?}"
        );
        let found = titles(
            "La vicepresidenta primera y ministra de Hacienda, Elena Martín Soler, presentó el \
             informe en Madrid el martes.",
            "La ministra de Hacienda, Elena Martín Soler, presentó el informe en Madrid el martes.",
        );
        assert!(
            found.iter().all(|(s, _)| *s == Severity::Minor),
            "{found:?}"
        );
    }
}
