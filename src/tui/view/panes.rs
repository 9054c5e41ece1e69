//! The two document panes: the wrapped text drawn cell by cell from the cached rows, with
//! its highlights, the current stop, search hits, the flash and the gutter.
//!
//! Only the rows on screen are touched, which keeps a frame of a megabyte-sized document as
//! cheap as one of a short one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span as TextSpan;
use ratatui::widgets::{Block, Borders, Widget};

use crate::comparison::Side;
use crate::span::Span;

use crate::review::Verdict;

use super::super::app::{verdict_mark, App, Layer};
use super::super::layout::{Screen, GUTTER};
use super::super::theme::Theme;
use super::super::wrap::char_width;

pub(super) fn pane(app: &App, screen: &Screen, side: Side, buf: &mut Buffer) {
    border(app, screen.pane(side), side, buf);
    let area = screen.text_area(side);
    let p = app.pane(side);
    let rows = p.wrap.rows();
    let top = p.top_row();
    let text = app.text(side);
    let paint = Paint::new(app, side, p.visible_bytes());
    let gutter_x = area.x.saturating_sub(GUTTER);
    for y in 0..area.height {
        let Some(row) = rows.get(top + y as usize) else {
            break;
        };
        let row_span = Span::new(row.start, row.end);
        let sy = area.y + y;
        if GUTTER > 0 && area.x > gutter_x {
            if let Some((symbol, style)) = paint.gutter(row_span) {
                buf[(gutter_x, sy)].set_char(symbol).set_style(style);
            }
        }
        let cells = Rect::new(area.x, sy, area.width, 1);
        draw_row(text, row_span, cells, &paint, buf);
    }
}

/// The pane's frame, its title marked when it has the focus.
fn border(app: &App, rect: Rect, side: Side, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == side;
    let name = match side {
        Side::Source => "SOURCE",
        Side::Article => "ARTICLE",
    };
    let at = position(app, side);
    let title = if focused {
        format!("\u{25b6} {name} {at} ")
    } else {
        format!(" {name} {at} ")
    };
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(TextSpan::styled(title, border))
        .render(rect, buf);
}

/// Where the pane is in its document: "all" when it fits, else how far down the last row on
/// screen is, so a long source always says where the reviewer is.
fn position(app: &App, side: Side) -> String {
    let p = app.pane(side);
    let rows = p.wrap.rows().len();
    if rows <= p.height {
        return "\u{b7} all".to_string();
    }
    let bottom = (p.top_row() + p.height).min(rows);
    format!("\u{b7} {}%", bottom * 100 / rows.max(1))
}

/// How one highlight is drawn: its style, and its stop's gutter mark.
struct Look<'a> {
    layer: &'a Layer,
    style: Style,
    gutter: (char, Style),
}

/// The look of a highlight: its kind's style, toned down when its stop is accepted and
/// marked when flagged, the verdict's mark in the gutter; dimmed whole when the filter
/// hides its stop, so that what `n` steps through stands out.
fn look<'a>(app: &App, layer: &'a Layer) -> Look<'a> {
    let theme = &app.theme;
    let kind = (layer.mark.gutter(), theme.dim);
    let Some(i) = layer.item else {
        return Look {
            layer,
            style: theme.mark(layer.mark),
            gutter: kind,
        };
    };
    let verdict = app
        .items
        .get(i)
        .map_or(Verdict::Unreviewed, |item| app.verdict(item).verdict);
    if app.visible.binary_search(&i).is_err() {
        // Its verdict still shows: under "unreviewed", the reviewed stops around say where
        // the reviewer is.
        let mark = verdict_mark(verdict).unwrap_or(kind.0);
        return Look {
            layer,
            style: theme.dim,
            gutter: (mark, theme.dim),
        };
    }
    let (style, gutter) = match (verdict, verdict_mark(verdict)) {
        (_, None) => (theme.mark(layer.mark), kind),
        (Verdict::Accepted | Verdict::FoundElsewhere, Some(m)) => {
            (theme.mark(layer.mark).patch(theme.reviewed), (m, theme.dim))
        }
        (_, Some(m)) => (
            theme.mark(layer.mark).patch(theme.flagged),
            (m, theme.message),
        ),
    };
    Look {
        layer,
        style,
        gutter,
    }
}

/// What colours the bytes on screen of one pane: the highlights, the current stop, search
/// hits and the flash. Only the highlights on screen are kept, as each character is
/// looked up in all of them.
struct Paint<'a> {
    theme: &'a Theme,
    layers: Vec<Look<'a>>,
    current: Option<Span>,
    hits: Vec<Span>,
    /// The hit `n`/`N` last moved to, which must stand out from the others.
    current_hit: Option<Span>,
    flash: Option<Span>,
}

impl<'a> Paint<'a> {
    fn new(app: &'a App, side: Side, seen: Span) -> Paint<'a> {
        let layers = app
            .layers(side)
            .iter()
            .filter(|l| l.span.start <= seen.end && l.span.end >= seen.start)
            .map(|l| look(app, l))
            .collect();
        let hits = match &app.search {
            Some(s) if s.side == side => s
                .hits
                .iter()
                .copied()
                .filter(|h| h.overlaps(&seen))
                .collect(),
            _ => Vec::new(),
        };
        let current_hit = app
            .search
            .as_ref()
            .filter(|s| s.side == side)
            .and_then(|s| s.hits.get(s.current?).copied());
        Paint {
            theme: &app.theme,
            current_hit,
            layers,
            current: app.current_item().and_then(|i| i.span(side)),
            hits,
            flash: app
                .flash
                .filter(|f| f.side == side && f.ticks > 0)
                .map(|f| f.span),
        }
    }

    /// The gutter of a row: the current stop, or the kind of the first passage on the row.
    fn gutter(&self, row: Span) -> Option<(char, Style)> {
        if self.current.is_some_and(|c| c.overlaps(&row)) {
            return Some(('\u{258c}', self.theme.current_gutter));
        }
        self.layers
            .iter()
            .find(|l| l.layer.item.is_some() && l.layer.span.overlaps(&row))
            .map(|l| l.gutter)
    }

    /// The style of the character at byte `at`.
    fn style_at(&self, at: usize) -> Style {
        let inside = |s: &Span| s.start <= at && at < s.end;
        let theme = self.theme;
        let mut style = theme.text;
        for l in self.layers.iter().filter(|l| inside(&l.layer.span)) {
            style = style.patch(l.style);
        }
        if self.current.as_ref().is_some_and(inside) {
            style = style.patch(theme.current);
        }
        if self.hits.iter().any(inside) {
            style = style.patch(theme.search_hit);
        }
        if self.current_hit.as_ref().is_some_and(inside) {
            // Drawn as the flash, alone: the other hits' look and the passages' must not
            // make it one more underlined word among them.
            style = theme.flash;
        }
        if self.flash.as_ref().is_some_and(inside) {
            style = style.patch(theme.flash);
        }
        style
    }
}

/// One wrapped row of text into the cells of `cells`, styled.
fn draw_row(text: &str, row: Span, cells: Rect, paint: &Paint, buf: &mut Buffer) {
    let (mut x, sy) = (cells.x, cells.y);
    let right = cells.x + cells.width;
    let mut last_cell: Option<u16> = None;
    for (i, ch) in text[row.start..row.end].char_indices() {
        let w = char_width(ch);
        if w == 0 {
            // A combining mark joins the character before it; controls are dropped.
            if !ch.is_control() {
                if let Some(lx) = last_cell {
                    let cell = &mut buf[(lx, sy)];
                    let joined = format!("{}{ch}", cell.symbol());
                    cell.set_symbol(&joined);
                }
            }
            continue;
        }
        if x + w as u16 > right {
            break;
        }
        let cell = &mut buf[(x, sy)];
        cell.set_char(if ch == '\t' { ' ' } else { ch });
        cell.set_style(paint.style_at(row.start + i));
        last_cell = Some(x);
        for k in 1..w as u16 {
            buf[(x + k, sy)].reset();
        }
        x += w as u16;
    }
}
