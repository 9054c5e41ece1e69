//! The navigable stops and the highlights of each side, derived once from the comparison.
//!
//! A stop is a match or a quotation without one (not in the source, or a word or two the
//! source has word for word); the layers are what the view paints under the text, in drawing
//! order. Both are computed when the review opens and never change: the state that moves
//! (current stop, filter, scroll) lives elsewhere and refers to stops by index.

use crate::comparison::{Comparison, Fidelity, MatchKind, QuoteFinding, QuoteStatus, Side};
use crate::details::Relation;
use crate::span::Span;

use super::super::side::SideExt;
use super::super::theme::Mark;

/// What one navigable item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// `Comparison::matches[i]`.
    Match(usize),
    /// `Comparison::quotes[i]`, a quotation without a match: one the source does not
    /// contain, or one of one or two words the source has word for word.
    Quotation(usize),
}

/// One stop of `n`/`N`: a match, or a quotation not in the source (which has no match but
/// is what a fact-checker most needs to see).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// What it is.
    pub kind: ItemKind,
    /// How it is highlighted.
    pub mark: Mark,
    /// Its passage in the source, if it has one.
    pub source: Option<Span>,
    /// Its passage in the article.
    pub article: Span,
}

impl Item {
    /// Its passage on one side.
    pub fn span(&self, side: Side) -> Option<Span> {
        match side {
            Side::Source => self.source,
            Side::Article => Some(self.article),
        }
    }
}

/// A highlighted stretch of one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layer {
    /// The bytes highlighted.
    pub span: Span,
    /// How.
    pub mark: Mark,
    /// The item a click on it selects.
    pub item: Option<usize>,
}

/// The navigable items: every match, and every quotation not in the source, in article order.
pub(super) fn items_of(c: &Comparison) -> Vec<Item> {
    let mut items: Vec<Item> = c
        .matches
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let quote = m.quote.and_then(|q| c.quotes.get(q)).map(|q| q.status);
            let mark = match (m.kind, quote) {
                (MatchKind::Reuse, _) => Mark::Reuse,
                (MatchKind::Paraphrase, _) => Mark::Paraphrase,
                (MatchKind::Quotation, Some(QuoteStatus::Altered)) => Mark::Altered,
                (MatchKind::Quotation, _) if m.fidelity == Fidelity::Edited => Mark::Altered,
                (MatchKind::Quotation, _) => Mark::Verified,
            };
            Item {
                kind: ItemKind::Match(i),
                mark,
                source: Some(m.source),
                article: m.article,
            }
        })
        .collect();
    for (i, q) in c.quotes.iter().enumerate() {
        if q.status == QuoteStatus::NotInSource {
            items.push(Item {
                kind: ItemKind::Quotation(i),
                mark: Mark::NotInSource,
                source: None,
                article: q.article,
            });
        } else if let (Some(found), true) = (q.source_phrase, q.matches.is_empty()) {
            items.push(Item {
                kind: ItemKind::Quotation(i),
                mark: Mark::Verified,
                source: Some(found),
                article: q.article,
            });
        }
    }
    items.sort_by_key(|i| (i.article.start, i.source.map(|s| s.start)));
    items
}

/// The highlights of each side, in drawing order: passages, then changed words, then details.
pub(super) fn layers_of(c: &Comparison, items: &[Item]) -> [Vec<Layer>; 2] {
    let mut match_items = vec![None; c.matches.len()];
    for (i, it) in items.iter().enumerate() {
        if let ItemKind::Match(m) = it.kind {
            match_items[m] = Some(i);
        }
    }
    // Match ids count from 1; a 0 from a careless producer finds nothing rather than panics.
    let item_of_match = |id: usize| {
        id.checked_sub(1)
            .and_then(|m| match_items.get(m).copied().flatten())
    };
    let mut layers = [Vec::new(), Vec::new()];
    // An altered quotation is highlighted whole, words outside its matches included.
    for q in c.quotes.iter().filter(|q| q.status == QuoteStatus::Altered) {
        let first = q.matches.first().and_then(|id| item_of_match(*id));
        layers[1].push(Layer {
            span: q.article,
            mark: Mark::Altered,
            item: first,
        });
    }
    for (i, item) in items.iter().enumerate() {
        push(
            &mut layers,
            item.source,
            Some(item.article),
            item.mark,
            Some(i),
        );
    }
    // Changed words belong to their stop: dimmed with it when the filter hides it.
    for q in c.quotes.iter().filter(|q| q.status == QuoteStatus::Altered) {
        let first = q.matches.first().and_then(|id| item_of_match(*id));
        for gap in added_words(c, q) {
            push(&mut layers, None, Some(gap), Mark::ChangedWords, first);
        }
    }
    for m in &c.matches {
        for e in &m.edits {
            let item = item_of_match(m.id);
            push(&mut layers, e.source, e.article, Mark::ChangedWords, item);
        }
    }
    for d in c.details.iter().filter(|d| d.relation != Relation::Same) {
        let item = d.match_id.and_then(item_of_match);
        push(&mut layers, d.source, d.article, Mark::Detail, item);
    }
    layers
}

/// Adds a highlight on each side that has a span.
fn push(
    layers: &mut [Vec<Layer>; 2],
    source: Option<Span>,
    article: Option<Span>,
    mark: Mark,
    item: Option<usize>,
) {
    for (side, span) in [(Side::Source, source), (Side::Article, article)] {
        if let Some(span) = span {
            layers[side.index()].push(Layer { span, mark, item });
        }
    }
}

/// Words of an altered quotation that no match carries: the article added them.
fn added_words(c: &Comparison, q: &QuoteFinding) -> Vec<Span> {
    let mut at = q.article.start;
    let mut spans: Vec<Span> = q
        .matches
        .iter()
        .filter_map(|id| c.match_by_id(*id).map(|m| m.article))
        .collect();
    spans.sort();
    spans.push(Span::new(q.article.end, q.article.end));
    let mut gaps = Vec::new();
    for s in spans {
        if s.start > at {
            let gap = Span::new(at, s.start);
            if gap
                .slice(&c.article.text)
                .chars()
                .any(char::is_alphanumeric)
            {
                gaps.push(gap);
            }
        }
        at = at.max(s.end);
    }
    gaps
}
