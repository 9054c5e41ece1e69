//! Quotation marks around words the source has only in part: the article puts "sentidas
//! condolências" in quotation marks where the passage it retells says "as condolências".
//!
//! Such a quotation is too short, or too changed, to be paired with the source, so it is
//! listed as not found there; but inside a paraphrase of one source passage (or a sentence
//! that reuses one) whose words it partly shares, it is the speaker's wording changed, and the words the source lacks are
//! the difference a reviewer must see.

use crate::align::sentences;
use crate::comparison::{Comparison, Match, MatchKind, QuoteStatus};
use crate::matching::is_content_word;
use crate::span::Span;

use super::align::{Keyer, Word};
use super::clauses::MAX_SENTENCE_BYTES;
use super::{Change, Difference, DifferenceKind, Severity};

/// Most content words of a quotation read this way: a longer one not found in the source is
/// someone else's statement, not a retold phrase.
const MAX_QUOTED_WORDS: usize = 8;

/// Adds, for every quotation not found in the source that sits inside a paraphrase, the words
/// in its quotation marks that the paraphrased source passage lacks.
pub(super) fn of_quotations(c: &Comparison, keyer: &Keyer, out: &mut Vec<Difference>) {
    let paraphrases = ByArticle::of(c, MatchKind::Paraphrase);
    let reuses = ByArticle::of(c, MatchKind::Reuse);
    for q in c
        .quotes
        .iter()
        .filter(|q| q.status == QuoteStatus::NotInSource)
    {
        // The passage the quotation's sentence retells: a paraphrase around it, else a
        // reused run in the same sentence, with the whole source sentence of that run.
        let art = c.article.text.as_str();
        let sentence = sentences::around(art, q.article, MAX_SENTENCE_BYTES);
        let Some((m, passage)) = paraphrases
            .around(q.article)
            .map(|m| (m, m.source))
            .or_else(|| {
                let src = c.source.text.as_str();
                reuses
                    .inside(sentence)
                    .map(|m| (m, sentences::around(src, m.source, MAX_SENTENCE_BYTES)))
            })
        else {
            continue;
        };
        let quoted = keyer.words(&c.article.text, q.article);
        let content: Vec<&Word> = quoted.iter().filter(|w| is_content_word(&w.norm)).collect();
        if content.is_empty() || content.len() > MAX_QUOTED_WORDS {
            continue;
        }
        let source = keyer.words(&c.source.text, passage);
        let in_source = |w: &Word| source.iter().find(|s| s.key == w.key);
        let found: Vec<&Word> = content.iter().filter_map(|w| in_source(w)).collect();
        let missing: Vec<&Word> = content
            .iter()
            .copied()
            .filter(|w| in_source(w).is_none())
            .collect();
        // All found: the quotation is the source's (the matcher's to pair); none: it comes
        // from somewhere else, and the quotation list says so.
        if found.is_empty() || missing.is_empty() {
            continue;
        }
        let (Some(first), Some(last)) = (missing.first(), missing.last()) else {
            continue;
        };
        let article = Span::new(first.span.start, last.span.end);
        let Some(source_span) = found.iter().map(|w| w.span).reduce(|a, b| a.cover(&b)) else {
            continue;
        };
        out.push(super::found(
            DifferenceKind::QuoteWording,
            Severity::Major,
            (Some(source_span), Some(article)),
            Some(m.id),
            Change::Added {
                words: missing.iter().map(|w| w.raw).collect::<Vec<_>>().join(" "),
                class: None,
                marked: None,
            },
        ));
    }
}

/// The matches of one kind sorted by where they start in the article, so that finding the
/// one around a quotation is a binary search and a short walk, not a pass over every match
/// for every quotation (quadratic in the length of a long article).
struct ByArticle<'a> {
    /// In article order, each with its place in the comparison's list.
    matches: Vec<(usize, &'a Match)>,
    /// The longest article passage of these matches: one that starts further back cannot
    /// hold a span.
    longest: usize,
}

impl<'a> ByArticle<'a> {
    fn of(c: &'a Comparison, kind: MatchKind) -> Self {
        let mut matches: Vec<(usize, &Match)> = (c.matches.iter().enumerate())
            .filter(|(_, m)| m.kind == kind)
            .collect();
        matches.sort_by_key(|(_, m)| m.article.start);
        let longest = matches.iter().map(|(_, m)| m.article.len()).max();
        ByArticle {
            matches,
            longest: longest.unwrap_or(0),
        }
    }

    /// The matches that start in `start..end`, in article order.
    fn starting_in(&self, start: usize, end: usize) -> &[(usize, &'a Match)] {
        let lo = self
            .matches
            .partition_point(|(_, m)| m.article.start < start);
        let hi = self.matches.partition_point(|(_, m)| m.article.start < end);
        &self.matches[lo..hi.max(lo)]
    }

    /// The match whose article passage holds `span`, the first in the comparison's list
    /// when several do (as a pass over the list would find).
    fn around(&self, span: Span) -> Option<&'a Match> {
        let from = span.end.saturating_sub(self.longest);
        self.first(self.starting_in(from, span.start + 1), |m| {
            m.article.contains(&span)
        })
    }

    /// The first match in the comparison's list whose article passage lies inside `span`.
    fn inside(&self, span: Span) -> Option<&'a Match> {
        self.first(self.starting_in(span.start, span.end + 1), |m| {
            span.contains(&m.article)
        })
    }

    fn first(
        &self,
        candidates: &[(usize, &'a Match)],
        holds: impl Fn(&Match) -> bool,
    ) -> Option<&'a Match> {
        (candidates.iter().copied())
            .filter(|(_, m)| holds(m))
            .min_by_key(|(k, _)| *k)
            .map(|(_, m)| m)
    }
}
