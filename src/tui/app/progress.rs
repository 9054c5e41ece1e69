//! Keeping one's place in a long review: the next stop without a verdict, back to the
//! current stop after scrolling away, and the stop a relaunch opens at.

use crate::review::Verdict;

use super::super::keys::Command;
use super::App;

impl App {
    /// `r`: the next stop without a verdict among those the filter shows, after the current
    /// one and wrapping round to the first, so that a reviewer who skipped some finds them.
    pub(super) fn next_unreviewed(&mut self) {
        let unreviewed =
            |app: &App, i: usize| app.verdict(&app.items[i]).verdict == Verdict::Unreviewed;
        let start = self.position().unwrap_or(0);
        let n = self.visible.len();
        let found = (0..n)
            .map(|k| self.visible[(start + k) % n])
            .find(|i| unreviewed(self, *i) && Some(*i) != self.current);
        if let Some(i) = found {
            self.current = Some(i);
            self.reveal_current();
            return;
        }
        let left = (0..self.items.len())
            .filter(|i| unreviewed(self, *i) && Some(*i) != self.current)
            .count();
        self.message = Some(if left > 0 {
            format!(
                "no other unreviewed stop passes the filter ({}); {left} more outside it ({} changes the filter)",
                self.filter.label(),
                self.keys.label(Command::CycleFilter)
            )
        } else if self
            .current_item()
            .is_some_and(|i| self.verdict(i).verdict == Verdict::Unreviewed)
        {
            "this is the last stop without a verdict".to_string()
        } else {
            format!(
                "every stop is reviewed ({} of {})",
                self.reviewed(),
                self.items.len()
            )
        });
    }

    /// `z`: both panes back to the current stop, after scrolling or clicking away.
    pub(super) fn recenter(&mut self) {
        if self.current_item().is_none() {
            self.message = Some(format!(
                "no current stop: none passes the filter ({})",
                self.filter.label()
            ));
            return;
        }
        self.center_current();
    }

    /// Scrolls both panes so the current stop sits a quarter down each, even when it is
    /// already somewhere on screen.
    fn center_current(&mut self) {
        let Some(item) = self.current_item().copied() else {
            return;
        };
        for side in [
            crate::comparison::Side::Source,
            crate::comparison::Side::Article,
        ] {
            if let Some(span) = item.span(side) {
                let pane = self.pane_mut(side);
                let first = pane.rows_of(span).0;
                let offset = (pane.height / 4).min(first);
                pane.set_top_row(first - offset);
            }
        }
    }

    /// The stop the review file says the reviewer was on, if it is still a stop: where a
    /// relaunch opens.
    pub(super) fn restore_place(&mut self) {
        let Some(place) = self.review.place() else {
            return;
        };
        if let Some(i) = self.items.iter().position(|i| i.review_key() == place) {
            self.current = Some(i);
        }
    }

    /// Keeps the current stop in the review file, so a relaunch opens there. Written when
    /// the reviewer leaves (and with every verdict); a save that fails here loses no verdict,
    /// so it does not keep them.
    pub(super) fn remember_place(&mut self) {
        let Some(key) = self.current_item().map(|i| i.review_key()) else {
            return;
        };
        let first = self.items.first().map(|i| i.review_key());
        if self.review.place() == Some(key) || (self.review.place().is_none() && first == Some(key))
        {
            return;
        }
        self.review.set_place(key);
        if let Some(path) = self.review_file.path.clone() {
            if self.unsaved.is_none() {
                let _ = self.review.save(&path, &self.comparison);
            }
        }
    }
}
