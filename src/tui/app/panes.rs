//! Each pane's scroll state over its wrapped document, and what moves it: a resize, bringing
//! the current stop into view, `Enter` (the counterpart), the mouse.

use crate::comparison::Side;
use crate::span::Span;

use super::super::side::SideExt;
use super::super::wrap::{char_width, WrapCache};
use super::{App, Flash, FLASH_TICKS};

/// One pane's scroll state over its wrapped document.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    /// The document wrapped at the pane's width.
    pub wrap: WrapCache,
    /// Byte offset of the first row on screen: an anchor in the text, not a row number, so
    /// a re-wrap keeps the same words at the top.
    pub top: usize,
    /// Rows of text the pane shows.
    pub height: usize,
}

impl Pane {
    /// The row at the top of the pane.
    pub fn top_row(&self) -> usize {
        self.wrap.row_of(self.top)
    }

    pub(super) fn max_top_row(&self) -> usize {
        self.wrap.rows().len().saturating_sub(self.height.max(1))
    }

    pub(super) fn set_top_row(&mut self, row: usize) {
        let row = row.min(self.max_top_row());
        self.top = self.wrap.rows().get(row).map_or(0, |r| r.start);
    }

    pub(super) fn scroll(&mut self, rows: isize) {
        let top = self.top_row() as isize + rows;
        self.set_top_row(top.max(0) as usize);
    }

    /// The bytes on screen.
    pub fn visible_bytes(&self) -> Span {
        let rows = self.wrap.rows();
        let first = self.top_row();
        let last = (first + self.height.max(1)).min(rows.len());
        match (
            rows.get(first),
            last.checked_sub(1).and_then(|l| rows.get(l)),
        ) {
            (Some(a), Some(b)) => Span::new(a.start, b.end.max(a.start)),
            _ => Span::default(),
        }
    }

    /// First and last row of a span.
    pub(super) fn rows_of(&self, span: Span) -> (usize, usize) {
        let first = self.wrap.row_of(span.start);
        let last = self.wrap.row_of(span.end.saturating_sub(1).max(span.start));
        (first, last.max(first))
    }

    pub(super) fn shows(&self, span: Span) -> bool {
        let (first, last) = self.rows_of(span);
        let top = self.top_row();
        let bottom = top + self.height.max(1);
        // A passage taller than the pane counts as shown when its start is.
        first >= top && (last < bottom || (first < bottom && last - first >= self.height))
    }
}

impl App {
    /// After an action: when the current stop's inspector wants other rows than it has,
    /// the screen is laid out again (the panes take or give back the difference).
    pub(super) fn fit_inspector(&mut self) {
        if self.size == (0, 0) {
            return;
        }
        let rows = Some(super::super::view::wanted_rows(self, self.size.0));
        if rows != self.inspector_rows {
            self.resize(self.size.0, self.size.1);
        }
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.inspector_rows = Some(super::super::view::wanted_rows(self, width));
        let screen = self.screen();
        if screen.too_small {
            return;
        }
        for side in [Side::Source, Side::Article] {
            let area = screen.text_area(side);
            let text_len = self.text(side).len();
            let (width, height) = (area.width as usize, area.height as usize);
            let pane = &mut self.panes[side.index()];
            let text = match side {
                Side::Source => &self.comparison.source.text,
                Side::Article => &self.comparison.article.text,
            };
            pane.wrap.ensure(text, width);
            pane.height = height;
            pane.top = pane.top.min(text_len);
            // The same words stay at the top; the row may now start earlier.
            let row = pane.top_row();
            pane.set_top_row(row);
        }
        self.reveal_current();
    }

    /// Scrolls both panes so the current item is in view on each side, its first row at the
    /// same height in both when they have to move.
    pub(super) fn reveal_current(&mut self) {
        let Some(item) = self.current_item().copied() else {
            return;
        };
        let sides: Vec<(Side, Span)> = [Side::Source, Side::Article]
            .into_iter()
            .filter_map(|s| item.span(s).map(|span| (s, span)))
            .collect();
        self.reveal(&sides);
    }

    /// Scrolls the panes so each span is in view on its side, their first rows at the same
    /// height when they have to move.
    pub(super) fn reveal(&mut self, sides: &[(Side, Span)]) {
        if sides.iter().all(|(s, span)| self.pane(*s).shows(*span)) {
            return;
        }
        let offset = sides
            .iter()
            .map(|(s, span)| {
                let pane = self.pane(*s);
                (pane.height / 4).min(pane.rows_of(*span).0)
            })
            .min()
            .unwrap_or(0);
        for &(s, span) in sides {
            let pane = self.pane_mut(s);
            let first = pane.rows_of(span).0;
            pane.set_top_row(first - offset.min(first));
        }
    }

    /// `Enter`: the match on screen in the focused pane becomes current and the other pane
    /// shows its counterpart at the same height, flashed.
    pub(super) fn sync(&mut self) {
        let side = self.focus;
        let seen = self.pane(side).visible_bytes();
        let on_screen = |i: usize| {
            self.items[i]
                .span(side)
                .is_some_and(|s| s.overlaps(&seen) || (s.is_empty() && seen.contains(&s)))
        };
        let chosen = self
            .current
            .filter(|c| on_screen(*c))
            .or_else(|| self.visible.iter().copied().find(|i| on_screen(*i)));
        let Some(chosen) = chosen else {
            self.message = Some(format!(
                "no match on screen in the {} ({} goes back to the current stop)",
                side.label(),
                self.keys.label(super::super::keys::Command::Recenter)
            ));
            return;
        };
        self.current = Some(chosen);
        let item = self.items[chosen];
        let other = side.other();
        let Some(counterpart) = item.span(other) else {
            self.message = Some("this quotation is not in the source".to_string());
            return;
        };
        let here = self.pane(side);
        let anchor = here
            .rows_of(item.span(side).unwrap_or_default())
            .0
            .saturating_sub(here.top_row());
        let pane = self.pane_mut(other);
        let first = pane.rows_of(counterpart).0;
        pane.set_top_row(first.saturating_sub(anchor));
        self.flash = Some(Flash {
            side: other,
            span: counterpart,
            ticks: FLASH_TICKS,
        });
    }

    pub(super) fn side_at(&self, column: u16, row: u16) -> Option<Side> {
        let screen = self.screen();
        if screen.too_small {
            return None;
        }
        let p = ratatui::layout::Position::new(column, row);
        [Side::Source, Side::Article]
            .into_iter()
            .find(|s| screen.pane(*s).contains(p))
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let Some(side) = self.side_at(column, row) else {
            return;
        };
        self.focus = side;
        let area = self.screen().text_area(side);
        if column < area.x || row < area.y {
            return;
        }
        let pane = self.pane(side);
        let Some(r) = pane
            .wrap
            .rows()
            .get(pane.top_row() + (row - area.y) as usize)
        else {
            return;
        };
        // Walk the row to the clicked column.
        let text = self.text(side);
        let want = (column - area.x) as usize;
        let mut col = 0;
        let mut at = r.end;
        for (i, c) in text[r.start..r.end].char_indices() {
            col += char_width(c);
            if col > want {
                at = r.start + i;
                break;
            }
        }
        let hit = |i: &usize| {
            self.items[*i]
                .span(side)
                .is_some_and(|s| s.start <= at && at < s.end)
        };
        if let Some(i) = self.visible.iter().copied().find(hit) {
            self.current = Some(i);
        } else if (0..self.items.len()).any(|i| hit(&i)) {
            self.message = Some(format!(
                "that passage is hidden by the filter ({})",
                self.filter.label()
            ));
        }
    }
}
