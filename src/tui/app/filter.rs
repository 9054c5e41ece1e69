//! Which stops `n`/`N` step through: the filter and what it admits.

use crate::comparison::{Comparison, Difference, Relation, Severity};
use crate::details::Detail;
use crate::review::{Review, Verdict};

use super::super::theme::Mark;
use super::layers::{Item, ItemKind};
use super::App;

/// Which items `n`/`N` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Everything.
    All,
    /// Stops without a verdict yet: what is left to do.
    Unreviewed,
    /// Stops the reviewer flagged (flagged, unverifiable, fabricated): what needs a second
    /// look or a correction.
    Flagged,
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
    pub const CYCLE: [Filter; 10] = [
        Filter::All,
        Filter::Unreviewed,
        Filter::Flagged,
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
            Filter::Unreviewed => "unreviewed",
            Filter::Flagged => "flagged",
            Filter::Quotations => "quotations",
            Filter::Altered => "altered",
            Filter::NotInSource => "not in source",
            Filter::Reuse => "reuse",
            Filter::Paraphrase => "paraphrase",
            Filter::Details => "details",
            Filter::Major => "major differences",
        }
    }

    /// The filter after this one in [`Filter::CYCLE`] (`f`), or before it (`F`).
    pub(super) fn next(self, forward: bool) -> Filter {
        let n = Filter::CYCLE.len();
        let i = Filter::CYCLE.iter().position(|f| *f == self).unwrap_or(0);
        Filter::CYCLE[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }

    /// Whether what it admits changes with the verdicts, not only with the comparison.
    pub(super) fn follows_verdicts(self) -> bool {
        matches!(self, Filter::Unreviewed | Filter::Flagged)
    }

    pub(super) fn admits(self, item: &Item, c: &Comparison, review: &Review) -> bool {
        let verdict = || review.entry_at(item.review_key()).verdict;
        match self {
            Filter::All => true,
            Filter::Unreviewed => verdict() == Verdict::Unreviewed,
            Filter::Flagged => matches!(
                verdict(),
                Verdict::Flagged | Verdict::Unverifiable | Verdict::Fabricated
            ),
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
    /// The stops that pass the filter.
    pub(super) fn apply_filter(&mut self) {
        self.visible = self.admitted(None);
    }

    /// The stops that pass the filter, and `pinned` if given.
    fn admitted(&self, pinned: Option<usize>) -> Vec<usize> {
        let (c, review, filter) = (&self.comparison, &self.review, self.filter);
        (0..self.items.len())
            .filter(|i| Some(*i) == pinned || filter.admits(&self.items[*i], c, review))
            .collect()
    }

    /// After a verdict, under a filter that follows them (unreviewed, flagged): the stop
    /// just judged stays in the list while it is current, so the reviewer still sees it and
    /// its new verdict; it leaves the list once they move on, and the count shows what is
    /// left.
    pub(super) fn refresh_filter(&mut self) {
        if !self.filter.follows_verdicts() {
            return;
        }
        let pinned = self
            .current
            .filter(|c| self.visible.binary_search(c).is_ok());
        self.visible = self.admitted(pinned);
    }

    /// `f` and `F`: the next or the previous filter, and the stop nearest the current one
    /// that passes it.
    pub(super) fn cycle_filter(&mut self, forward: bool) {
        self.filter = self.filter.next(forward);
        self.apply_filter();
        self.after_filter();
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

#[cfg(test)]
mod tests {
    use super::super::super::keys::Command;
    use super::Filter;

    #[test]
    fn the_help_names_the_filters_in_the_order_f_cycles_and_f_back_returns() {
        let order: Vec<&str> = Filter::CYCLE.iter().map(|f| f.label()).collect();
        let help = Command::CycleFilter.describe();
        assert!(help.ends_with(&order.join(", ")), "{help}");
        for f in Filter::CYCLE {
            assert_eq!(f.next(true).next(false), f);
        }
        assert_eq!(Filter::All.next(false), Filter::Major);
    }
}
