//! The "who is quoted" overlay: each speaker the article names, with how many of their
//! quotations are verified, altered or not in the source. A quotation not in the source tells
//! the reviewer whose other statements to look up next; the tally is the reports' own
//! ([`crate::report::speakers`]), so the screen and the reports cannot disagree.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::super::app::App;
use super::super::keys::Command;
use super::super::theme::Mark;
use crate::report::speakers::{label, tally, who_is_quoted};

pub(super) fn speakers(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let rows = who_is_quoted(&app.comparison);
    let mut lines: Vec<Line> = Vec::new();
    if rows.is_empty() {
        lines.push(Line::styled("The article quotes nobody.", theme.dim));
    }
    for r in &rows {
        let mark = if r.not_in_source > 0 {
            theme.mark(Mark::NotInSource)
        } else if r.altered > 0 {
            theme.mark(Mark::Altered)
        } else {
            theme.text
        };
        lines.push(Line::from(vec![
            TextSpan::styled(label(r), mark),
            TextSpan::styled("  ", theme.dim),
            TextSpan::styled(tally(r), theme.dim),
        ]));
    }
    let width = area.width.saturating_sub(4).clamp(20, 90);
    let height = (lines.len() as u16 + 2)
        .min(area.height.saturating_sub(3))
        .max(3);
    let rect = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + 1 + area.height.saturating_sub(3).saturating_sub(height) / 2,
        width.min(area.width),
        height.min(area.height),
    );
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(TextSpan::styled(
            format!(
                " Who is quoted \u{2500} {} closes ",
                app.keys.label(Command::Speakers)
            ),
            theme.border_focused,
        ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(rect, buf);
}
