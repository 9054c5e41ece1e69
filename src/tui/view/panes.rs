//! The two document panes: the wrapped text drawn cell by cell from the cached rows, with
//! its highlights, the current stop, search hits, the flash and the gutter.
//!
//! Only the rows on screen are touched, which keeps a frame of a megabyte-sized document as
//! cheap as one of a short one.

use ratatui::buffer::Buffer;
use ratatui::text::Span as TextSpan;
use ratatui::widgets::{Block, Borders, Widget};

use crate::compare::Side;
use crate::span::Span;

use super::super::app::App;
use super::super::layout::{Screen, GUTTER};
use super::super::wrap::char_width;

pub(super) fn pane(app: &App, screen: &Screen, side: Side, buf: &mut Buffer) {
    let theme = &app.theme;
    let rect = screen.pane(side);
    let focused = app.focus == side;
    let name = match side {
        Side::Source => "SOURCE",
        Side::Article => "ARTICLE",
    };
    let title = if focused {
        format!("\u{25b6} {name} ")
    } else {
        format!(" {name} ")
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

    let area = screen.text_area(side);
    let p = app.pane(side);
    let rows = p.wrap.rows();
    let top = p.top_row();
    let text = app.text(side);
    let seen = p.visible_bytes();
    // Only the highlights on screen are looked at, character by character.
    let layers: Vec<_> = app
        .layers(side)
        .iter()
        .filter(|l| l.span.start <= seen.end && l.span.end >= seen.start)
        .collect();
    let current = app.current_item().and_then(|i| i.span(side));
    let hits: Vec<Span> = match &app.search {
        Some(s) if s.side == side => s
            .hits
            .iter()
            .copied()
            .filter(|h| h.overlaps(&seen))
            .collect(),
        _ => Vec::new(),
    };
    let flash = app
        .flash
        .filter(|f| f.side == side && f.ticks > 0)
        .map(|f| f.span);
    let inside = |s: Option<Span>, at: usize| s.is_some_and(|s| s.start <= at && at < s.end);
    let gutter_x = area.x.saturating_sub(GUTTER);
    for y in 0..area.height {
        let Some(row) = rows.get(top + y as usize) else {
            break;
        };
        let row_span = Span::new(row.start, row.end);
        let sy = area.y + y;
        // The gutter: the current match, or the kind of the first passage on the row.
        if GUTTER > 0 && area.x > gutter_x {
            if current.is_some_and(|c| c.overlaps(&row_span)) {
                buf[(gutter_x, sy)]
                    .set_char('\u{258c}')
                    .set_style(theme.current_gutter);
            } else if let Some(l) = layers
                .iter()
                .find(|l| l.item.is_some() && l.span.overlaps(&row_span))
            {
                buf[(gutter_x, sy)]
                    .set_char(l.mark.gutter())
                    .set_style(theme.dim);
            }
        }
        let mut x = area.x;
        let right = area.x + area.width;
        let mut last_cell: Option<u16> = None;
        for (i, ch) in text[row.start..row.end].char_indices() {
            let at = row.start + i;
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
            let mut style = theme.text;
            for l in &layers {
                if l.span.start <= at && at < l.span.end {
                    style = style.patch(theme.mark(l.mark));
                }
            }
            if inside(current, at) {
                style = style.patch(theme.current);
            }
            if hits.iter().any(|h| inside(Some(*h), at)) {
                style = style.patch(theme.search_hit);
            }
            if inside(flash, at) {
                style = style.patch(theme.flash);
            }
            let cell = &mut buf[(x, sy)];
            if ch == '\t' {
                cell.set_char(' ');
            } else {
                cell.set_char(ch);
            }
            cell.set_style(style);
            last_cell = Some(x);
            for k in 1..w as u16 {
                buf[(x + k, sy)].reset();
            }
            x += w as u16;
        }
    }
}
