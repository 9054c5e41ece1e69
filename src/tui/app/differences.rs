//! Stepping through the differences themselves (`d`/`D`): each one brings both panes to its
//! words and makes the stop it lies in current, so the inspector shows it among the others.
//!
//! The list is the engine's (`Comparison::differences`, in article order); this module only
//! finds which stop each one lies in and moves there. It draws nothing.

use std::collections::HashMap;

use crate::comparison::{Comparison, Side};
use crate::span::Span;

use super::layers::{Item, ItemKind};
use super::App;

/// The stop each difference lies in: its match's stop, or for a difference tied to no match
/// the stop whose article passage holds its words (as the inspector lists it). `None` when
/// no stop holds it.
pub(super) fn stops_of_differences(c: &Comparison, items: &[Item]) -> Vec<Option<usize>> {
    let by_match: HashMap<usize, usize> = items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| match it.kind {
            ItemKind::Match(m) => Some((c.matches[m].id, i)),
            ItemKind::Quotation(_) => None,
        })
        .collect();
    c.differences
        .iter()
        .map(|d| match d.match_id {
            Some(id) => by_match.get(&id).copied(),
            None => {
                let words = d.article?;
                items.iter().position(|it| it.article.contains(&words))
            }
        })
        .collect()
}

impl App {
    /// The difference `d`/`D` last stepped to, when it lies in the current stop.
    pub fn current_difference(&self) -> Option<usize> {
        let d = self.difference?;
        (self.difference_stops.get(d).copied().flatten() == self.current
            && self.current_item().is_some())
        .then_some(d)
    }

    /// Whether `d`/`D` may stop on a difference: its stop passes the filter (a difference in
    /// no stop only under the "all" filter).
    fn difference_reachable(&self, d: usize) -> bool {
        match self.difference_stops[d] {
            Some(i) => self.visible.binary_search(&i).is_ok(),
            None => self.filter == super::Filter::All,
        }
    }

    /// `d` (forward) or `D`: the next or previous difference in article order.
    pub(super) fn step_difference(&mut self, forward: bool) {
        let c = &self.comparison;
        if c.differences.is_empty() {
            self.message = Some("no differences in this pair".to_string());
            return;
        }
        // From the difference last stepped to, or from where the current stop begins.
        let here = self.current_difference();
        let at = self.current_item().map_or(0, |i| i.article.start);
        let key = |d: usize| c.differences[d].article.map_or(usize::MAX, |s| s.start);
        let n = c.differences.len();
        let next = if forward {
            match here {
                Some(h) => (h + 1..n).find(|d| self.difference_reachable(*d)),
                None => (0..n).find(|d| key(*d) >= at && self.difference_reachable(*d)),
            }
        } else {
            match here {
                Some(h) => (0..h).rev().find(|d| self.difference_reachable(*d)),
                None => (0..n)
                    .rev()
                    .find(|d| key(*d) < at && self.difference_reachable(*d)),
            }
        };
        let Some(d) = next else {
            self.message = Some(if forward {
                "last difference".to_string()
            } else {
                "first difference".to_string()
            });
            return;
        };
        self.go_to_difference(d);
    }

    fn go_to_difference(&mut self, d: usize) {
        self.difference = Some(d);
        if let Some(stop) = self.difference_stops[d] {
            self.current = Some(stop);
        }
        let diff = self.comparison.differences[d].clone();
        let item = self.current_item().copied();
        let spans: Vec<(Side, Span)> = [(Side::Source, diff.source), (Side::Article, diff.article)]
            .into_iter()
            .filter_map(|(side, span)| {
                span.or_else(|| item.and_then(|i| i.span(side)))
                    .map(|s| (side, s))
            })
            .collect();
        self.reveal(&spans);
        let n = self.comparison.differences.len();
        self.message = Some(format!(
            "difference {}/{n}: {} {} \u{b7} {}",
            d + 1,
            diff.severity.as_str(),
            diff.kind.as_str(),
            diff.note()
        ));
    }
}
