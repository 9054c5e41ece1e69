//! The words of a quotation beyond its matches: “made a good start” quoted for the source's
//! "made a start", where the passage match stops at the word the article added and the
//! quotation's last words are found by no match of their own (too short). The quotation is
//! marked altered; this rule says how: the few words after the match (or before it) are
//! aligned with the source's words that follow (or precede) the match, and what does not
//! align is a change of the speaker's words.

use similar::DiffOp;

use crate::comparison::{Comparison, Match, QuoteFinding, QuoteStatus};
use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

use super::align::{Keyer, Word};
use super::{within, Difference};

/// Most words of a quotation left over beyond its matches for them to be aligned here: a
/// longer stretch is the article's own words, or a passage the matcher would have found.
const MAX_REST_WORDS: usize = 6;

/// How many source words beyond the match, more than the article's rest holds, the rest
/// may be aligned against (a word the article dropped).
const SOURCE_SLACK_WORDS: usize = 3;

/// How far (bytes) the source is read beyond the match.
const SOURCE_REACH: usize = 160;

/// Adds the changes in the words of every quotation found in the source that lie before
/// its first match or after its last.
pub(super) fn of_quotations(c: &Comparison, keyer: &Keyer, out: &mut Vec<Difference>) {
    for q in &c.quotes {
        if q.status == QuoteStatus::NotInSource {
            continue;
        }
        let first = q.matches.first().and_then(|&id| c.match_by_id(id));
        let last = q.matches.last().and_then(|&id| c.match_by_id(id));
        // A match that runs on past the quotation's end (or starts before it) leaves no
        // rest on that side.
        if let Some(m) = last {
            let start = m.article.end.max(q.article.start);
            if start < q.article.end {
                let rest = Span::new(start, q.article.end);
                rest_of(c, keyer, q, m, rest, Direction::After, out);
            }
        }
        if let Some(m) = first {
            let end = m.article.start.min(q.article.end);
            if q.article.start < end {
                let rest = Span::new(q.article.start, end);
                rest_of(c, keyer, q, m, rest, Direction::Before, out);
            }
        }
    }
}

/// Which side of its match a rest lies on.
#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Before,
    After,
}

/// The changes in `rest`, the article words of quotation `q` on one side of match `m`.
fn rest_of(
    c: &Comparison,
    keyer: &Keyer,
    q: &QuoteFinding,
    m: &Match,
    rest: Span,
    direction: Direction,
    out: &mut Vec<Difference>,
) {
    if rest.start >= rest.end || !m.article.overlaps(&q.article) {
        return;
    }
    let article = keyer.words(&c.article.text, rest);
    if article.is_empty() || article.len() > MAX_REST_WORDS {
        return;
    }
    let source = source_beside(c, keyer, m, direction, article.len() + SOURCE_SLACK_WORDS);
    if source.is_empty() {
        return;
    }
    let (source, article) = match direction {
        Direction::After => (source, article),
        Direction::Before => (reversed(source), reversed(article)),
    };
    let Some(source) = anchored(&source, &article) else {
        return;
    };
    let (mut source, mut article) = (source.to_vec(), article);
    if direction == Direction::Before {
        source.reverse();
        article.reverse();
    }
    within::of_rest(c, m, keyer.code, (&source, &article), true, out);
}

fn reversed(mut words: Vec<Word<'_>>) -> Vec<Word<'_>> {
    words.reverse();
    words
}

/// Up to `n` source words right after (or before) match `m`, in the same sentence and
/// outside any other quotation's reach.
fn source_beside<'t>(
    c: &'t Comparison,
    keyer: &Keyer,
    m: &Match,
    direction: Direction,
    n: usize,
) -> Vec<Word<'t>> {
    let text = &c.source.text;
    let span = match direction {
        Direction::After => Span::new(
            m.source.end,
            floor_char_boundary(text, m.source.end + SOURCE_REACH).max(m.source.end),
        ),
        Direction::Before => Span::new(
            ceil_char_boundary(text, m.source.start.saturating_sub(SOURCE_REACH))
                .min(m.source.start),
            m.source.start,
        ),
    };
    // The speaker's sentence only: the words after its stop are someone else's, or later.
    let span = match direction {
        Direction::After => match span.slice(text).find(['.', '!', '?', '\n']) {
            Some(i) => Span::new(span.start, span.start + i),
            None => span,
        },
        Direction::Before => match span.slice(text).rfind(['.', '!', '?', '\n']) {
            Some(i) => Span::new(span.start + i + 1, span.end),
            None => span,
        },
    };
    let words = keyer.words(text, span);
    match direction {
        Direction::After => words.into_iter().take(n).collect(),
        Direction::Before => {
            let skip = words.len().saturating_sub(n);
            words.into_iter().skip(skip).collect()
        }
    }
}

/// The source words (read away from the match) that the article's rest aligns with, when
/// its farthest word is the source's too and at least half its words are: a rest that
/// ends in words of its own was not taken from here. The source's words beyond the last
/// aligned one are left out (the quotation stops there).
fn anchored<'s, 't>(source: &'s [Word<'t>], article: &[Word<'t>]) -> Option<&'s [Word<'t>]> {
    let ops = super::align::diff(source, article);
    let shared: usize = ops
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Equal { len, .. } => Some(len),
            _ => None,
        })
        .sum();
    if shared * 2 < article.len() {
        return None;
    }
    let last = ops.iter().rev().find(|op| !op.new_range().is_empty())?;
    let DiffOp::Equal { old_index, len, .. } = *last else {
        return None;
    };
    Some(&source[..old_index + len])
}

#[cfg(test)]
mod tests {
    use super::super::tests::differences;
    use super::super::{DifferenceKind, Severity};

    fn quote_changes(source: &str, article: &str) -> Vec<(Severity, String)> {
        differences(source, article)
            .into_iter()
            .filter(|(k, _, _)| *k == DifferenceKind::QuoteWording)
            .map(|(_, s, n)| (s, n))
            .collect()
    }

    /// A word added at a short quotation's end, past where the passage match stops.
    #[test]
    fn a_word_added_after_the_match_is_shown() {
        let en = quote_changes(
            "Transport Focus chief executive Alex Robertson said the government had \"made a start\" but that passengers would struggle.",
            "Transport Focus chief executive Alex Robertson said the government had \"made a good start\", but warned of a hard year.",
        );
        assert!(
            en.iter()
                .any(|(s, n)| *s == Severity::Major && n.contains("added") && n.contains("good")),
            "{en:?}"
        );
        let fr = quote_changes(
            "Le président de l'association Marc Lemoine a estimé que la mairie avait \"fait un geste\" mais que les familles attendaient plus.",
            "Le président de l'association Marc Lemoine a estimé que la mairie avait \"fait un beau geste\", sans plus.",
        );
        assert!(fr.iter().any(|(_, n)| n.contains("beau")), "{fr:?}");
    }

    /// A word added before the match, at a short quotation's start.
    #[test]
    fn a_word_added_before_the_match_is_shown() {
        let de = quote_changes(
            "Die Ministerin nannte die Reform am Montag \"einen Erfolg für jede Familie im Land\". Die Opposition widersprach.",
            "Die Ministerin sprach von \"einem großen Erfolg für jede Familie im Land\".",
        );
        assert!(de.iter().any(|(_, n)| n.contains("großen")), "{de:?}");
    }

    /// A rest of the article's own words that the source does not have is not aligned.
    #[test]
    fn a_rest_the_source_does_not_have_is_left_alone() {
        let en = quote_changes(
            "The mayor said the plan had \"made a start\" on the backlog of repairs across the city.",
            "The mayor said the plan had \"made a start, which nobody expected\" on repairs.",
        );
        assert!(en.iter().all(|(_, n)| !n.contains("nobody")), "{en:?}");
    }
}
