//! Which stops `n`/`N` step through: the filter and what it admits.

use crate::comparison::{Comparison, Difference, Relation, Severity};
use crate::details::Detail;

use super::super::theme::Mark;
use super::layers::{Item, ItemKind};
use super::App;

/// Which items `n`/`N` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Everything.
    All,
    /// Quotations, found in the source or not.
    Quotations,
    /// Altered quotations.
    Altered,
    /// Quotations not in the source.
    NotInSource,
    /// Reuse without quotation marks.
    Reuse,
    /// Paraphrases.
    Paraphrase,
    /// Stops with a detail that differs between the documents.
    Details,
    /// Stops with a major difference: a fact or its force changed.
    Major,
}

impl Filter {
    /// The order `f` cycles through.
    pub const CYCLE: [Filter; 8] = [
        Filter::All,
        Filter::Quotations,
        Filter::Altered,
        Filter::NotInSource,
        Filter::Reuse,
        Filter::Paraphrase,
        Filter::Details,
        Filter::Major,
    ];

    /// How the screen names it.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Quotations => "quotations",
            Filter::Altered => "altered",
            Filter::NotInSource => "not in source",
            Filter::Reuse => "reuse",
            Filter::Paraphrase => "paraphrase",
            Filter::Details => "details",
            Filter::Major => "major differences",
        }
    }

    pub(super) fn next(self) -> Filter {
        let i = Filter::CYCLE.iter().position(|f| *f == self).unwrap_or(0);
        Filter::CYCLE[(i + 1) % Filter::CYCLE.len()]
    }

    pub(super) fn admits(self, item: &Item, c: &Comparison) -> bool {
        match self {
            Filter::All => true,
            Filter::Quotations => matches!(
                item.mark,
                Mark::Verified | Mark::Altered | Mark::NotInSource
            ),
            Filter::Altered => item.mark == Mark::Altered,
            Filter::NotInSource => item.mark == Mark::NotInSource,
            Filter::Reuse => item.mark == Mark::Reuse,
            Filter::Paraphrase => item.mark == Mark::Paraphrase,
            Filter::Details => details_in(c, item).any(|d| d.relation != Relation::Same),
            Filter::Major => differences_in(c, item).any(|d| d.severity == Severity::Major),
        }
    }
}

/// The details of an item: tied to its match by the engine, or tied to no match and lying
/// inside one of its passages.
pub(super) fn details_in<'c>(c: &'c Comparison, item: &Item) -> impl Iterator<Item = &'c Detail> {
    let id = match item.kind {
        ItemKind::Match(i) => Some(c.matches[i].id),
        ItemKind::Quotation(_) => None,
    };
    let (source, article) = (item.source, item.article);
    c.details.iter().filter(move |d| match d.match_id {
        Some(m) => Some(m) == id,
        None => {
            d.article.is_some_and(|a| article.contains(&a))
                || d.source.zip(source).is_some_and(|(d, s)| s.contains(&d))
        }
    })
}

/// The differences of an item: those of its match, and those tied to no match whose article
/// words lie inside its passage.
pub(in crate::tui) fn differences_in<'c>(
    c: &'c Comparison,
    item: &Item,
) -> impl Iterator<Item = &'c Difference> {
    let id = match item.kind {
        ItemKind::Match(i) => Some(c.matches[i].id),
        ItemKind::Quotation(_) => None,
    };
    let article = item.article;
    c.differences.iter().filter(move |d| match d.match_id {
        Some(m) => Some(m) == id,
        None => d.article.is_some_and(|a| article.contains(&a)),
    })
}

impl App {
    pub(super) fn apply_filter(&mut self) {
        let c = &self.comparison;
        let filter = self.filter;
        self.visible = (0..self.items.len())
            .filter(|i| filter.admits(&self.items[*i], c))
            .collect();
    }

    pub(super) fn after_filter(&mut self) {
        // The stop the reviewer was on, even if the previous filter hid it.
        let at = self
            .current
            .and_then(|i| self.items.get(i))
            .map_or(0, |i| i.article.start);
        let next = self
            .visible
            .iter()
            .copied()
            .find(|i| self.items[*i].article.start >= at)
            .or_else(|| self.visible.last().copied());
        match next {
            Some(i) => {
                self.current = Some(i);
                self.reveal_current();
            }
            None => {
                self.message = Some(format!("no {} in this pair", self.filter.label()));
            }
        }
    }
}
