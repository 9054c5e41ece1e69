//! A quotation's pieces: what the article did between and around the passages matched in it.
//!
//! Matching finds passages; a quotation may hold several, and words of it may lie in none.
//! This step reads each quotation's matches in article order and says what lies between
//! and around them, so that the verdict and the change list never depend on how far apart
//! the pieces are in the source:
//!
//! - two pieces that lie apart in the source, in another sentence or in the other order, are
//!   a **splice** ([`EditOp::Splice`]), whether matching chained them into one passage (a
//!   few sentences apart) or found them as two (pages apart);
//! - two pieces of one sentence with words dropped, added or changed between them are one
//!   passage with that edit;
//! - words at either edge of the quotation that are in no passage are listed as added.
//!
//! It reads matches and tokens only; it finds no passage of its own.

use std::ops::Range;

use crate::comparison::{Edit, EditMark, EditOp, Fidelity, Match, MatchKind};
use crate::normalize::{token_range, Token};
use crate::quotes::Quotation;
use crate::span::Span;

/// Completes the matches of every quotation: splices, the words between pieces of one
/// sentence, the words at a quotation's edges. `matches` are in article order.
pub(crate) fn complete_quotations(
    matches: &mut Vec<Match>,
    quotations: &[Quotation],
    stoks: &[Token],
    atoks: &[Token],
) {
    let sides = Sides { stoks, atoks };
    let mut out: Vec<Match> = Vec::with_capacity(matches.len());
    let mut first_of_quote = 0;
    for m in matches.drain(..) {
        let quoted = m.kind == MatchKind::Quotation;
        let m = if quoted { sides.split_edits(m) } else { m };
        let same_quote =
            quoted && out.len() > first_of_quote && out.last().is_some_and(|p| p.quote == m.quote);
        if same_quote {
            if let Some(prev) = out.last_mut() {
                if let Some(next) = sides.join(prev, m) {
                    out.push(next);
                }
            }
            continue;
        }
        close_quote(&mut out[first_of_quote..], quotations, &sides);
        first_of_quote = out.len();
        out.push(m);
    }
    close_quote(&mut out[first_of_quote..], quotations, &sides);
    for m in &mut out {
        if !m.edits.is_empty() {
            m.fidelity = Fidelity::Edited;
        }
    }
    *matches = out;
}

/// Lists the words at the edges of the quotation that `group` (its matches, when it is a
/// quotation's) leaves out.
fn close_quote(group: &mut [Match], quotations: &[Quotation], sides: &Sides) {
    let Some(q) = group.first().and_then(|m| m.quote) else {
        return;
    };
    if group[0].kind != MatchKind::Quotation {
        return;
    }
    let words = token_range(sides.atoks, quotations[q].inner);
    let first = token_range(sides.atoks, group[0].article);
    if words.start < first.start {
        let added = sides.added(words.start..first.start);
        group[0].edits.insert(0, added);
    }
    let Some(last) = group.last_mut() else {
        return;
    };
    let end = token_range(sides.atoks, last.article).end;
    if end < words.end {
        last.edits.push(sides.added(end..words.end));
    }
}

/// Fewest unchanged words on each side of a deletion inside one passage for it to be read as
/// a splice: what matching asks of two runs it links across a skip inside a quotation.
const MIN_PIECE_WORDS: usize = 4;

/// The words of both documents.
struct Sides<'t> {
    stoks: &'t [Token],
    atoks: &'t [Token],
}

impl Sides<'_> {
    /// Source words `left_out` (between two kept words) join two sentences: a sentence or a
    /// line starts after the first word left out or at the kept word after them. Dropping
    /// the first words of a sentence ("Truly, families…") joins nothing.
    fn joins_sentences(&self, left_out: Range<usize>) -> bool {
        self.stoks
            .get(left_out.start + 1..=left_out.end)
            .is_some_and(|t| t.iter().any(|t| t.gap.sentence_end || t.gap.line_break))
    }

    /// The source passage of tokens `range`.
    fn source_cover(&self, range: Range<usize>) -> Option<Span> {
        cover(self.stoks, range)
    }

    /// An edit adding article words `range`, marked when they are in brackets.
    fn added(&self, range: Range<usize>) -> Edit {
        let article = cover(self.atoks, range.clone());
        let bracketed = self.atoks[range.clone()].iter().all(|t| t.bracketed);
        Edit {
            op: EditOp::Insert,
            source: None,
            article,
            marked: bracketed.then_some(EditMark::Brackets),
            at: self.atoks[range.start].span().start,
            places: None,
        }
    }

    /// How the article marks the join before article word `next` after the words `between`:
    /// an ellipsis there, or only bracketed words between.
    fn join_mark(&self, between: Range<usize>, next: usize) -> Option<EditMark> {
        let ellipsis = self.atoks[between.start.min(next)..=next]
            .iter()
            .any(|t| t.gap.ellipsis);
        if ellipsis {
            Some(EditMark::Ellipsis)
        } else if !between.is_empty() && self.atoks[between].iter().all(|t| t.bracketed) {
            Some(EditMark::Brackets)
        } else {
            None
        }
    }

    /// Turns each deletion of `m` that joins two source sentences into a splice of the
    /// pieces before and after it, when each piece is [`MIN_PIECE_WORDS`] long: a word or
    /// three reached across a sentence end ("on university property. The University of
    /// Utah" for "on University of Utah property") is a chance alignment of common words, and
    /// the deletion stays one.
    fn split_edits(&self, mut m: Match) -> Match {
        let whole = token_range(self.stoks, m.source);
        // Where each edit's source words are, to measure the unchanged pieces between them.
        let taken: Vec<Option<Range<usize>>> = m
            .edits
            .iter()
            .map(|e| e.source.map(|sp| token_range(self.stoks, sp)))
            .collect();
        for (k, e) in m.edits.iter_mut().enumerate() {
            let Some(left_out) = taken[k].clone().filter(|_| e.op == EditOp::Delete) else {
                continue;
            };
            let piece_start = taken[..k]
                .iter()
                .flatten()
                .last()
                .map_or(whole.start, |r| r.end);
            let piece_end = taken[k + 1..]
                .iter()
                .flatten()
                .next()
                .map_or(whole.end, |r| r.start);
            if left_out.start < piece_start + MIN_PIECE_WORDS
                || left_out.end + MIN_PIECE_WORDS > piece_end
                || !self.joins_sentences(left_out.clone())
            {
                continue;
            }
            let before = self.source_cover(whole.start..left_out.start);
            let after = self.source_cover(left_out.end..whole.end);
            if let (Some(before), Some(after)) = (before, after) {
                e.op = EditOp::Splice;
                e.source = None;
                e.places = Some([before, after]);
            }
        }
        m
    }

    /// Reads what lies between `prev` and `next`, two matches of one quotation in article
    /// order: `next` is merged into `prev` when both are pieces of one source sentence in
    /// order (the words between become an edit), and is returned with a splice edit
    /// otherwise.
    fn join(&self, prev: &mut Match, mut next: Match) -> Option<Match> {
        let (s1, s2) = (
            token_range(self.stoks, prev.source),
            token_range(self.stoks, next.source),
        );
        let (a1, a2) = (
            token_range(self.atoks, prev.article),
            token_range(self.atoks, next.article),
        );
        let between = a1.end..a2.start.max(a1.end);
        let apart =
            s2.start < s1.end || (s2.start > s1.end && self.joins_sentences(s1.end..s2.start));
        if !apart {
            let gap = self.gap_edit(s1.end..s2.start, between, a2.start);
            prev.article = prev.article.cover(&next.article);
            prev.source = prev.source.cover(&next.source);
            prev.edits.extend(gap);
            prev.edits.append(&mut next.edits);
            prev.shared_words += next.shared_words;
            let words = (s1.start..s2.end).len() + (a1.start..a2.end).len();
            prev.score = 2.0 * prev.shared_words as f64 / words.max(1) as f64;
            return None;
        }
        let marked = self.join_mark(between.clone(), a2.start);
        let mut edits = Vec::with_capacity(next.edits.len() + 2);
        if !between.is_empty() && marked != Some(EditMark::Brackets) {
            edits.push(self.added(between));
        }
        edits.push(Edit {
            op: EditOp::Splice,
            source: None,
            article: None,
            marked,
            at: next.article.start,
            places: Some([prev.source, next.source]),
        });
        edits.append(&mut next.edits);
        next.edits = edits;
        Some(next)
    }

    /// The edit for source words `left_out` and article words `put` between two pieces of
    /// one sentence, before article word `next`; none when both are empty.
    fn gap_edit(&self, left_out: Range<usize>, put: Range<usize>, next: usize) -> Option<Edit> {
        let op = match (left_out.is_empty(), put.is_empty()) {
            (true, true) => return None,
            (false, true) => EditOp::Delete,
            (true, false) => EditOp::Insert,
            (false, false) => EditOp::Replace,
        };
        let marked = match op {
            EditOp::Delete => self.join_mark(put.clone(), next),
            _ if self.atoks[put.clone()].iter().all(|t| t.bracketed) => Some(EditMark::Brackets),
            _ => None,
        };
        Some(Edit {
            op,
            source: self.source_cover(left_out),
            article: cover(self.atoks, put.clone()),
            marked,
            at: self.atoks[if put.is_empty() { next } else { put.start }]
                .span()
                .start,
            places: None,
        })
    }
}

/// The text of tokens `range`, first word to last; `None` when the range is empty.
fn cover(tokens: &[Token], range: Range<usize>) -> Option<Span> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    (range.start < range.end).then(|| first.span().cover(&last.span()))
}
