//! Drawing the review: a pure function of the [`App`] state onto a frame.
//!
//! Nothing here changes the state or reads the terminal, so any state can be drawn into a
//! test backend and snapshotted. Each part of the screen has its own module (the panes, the
//! inspector, the status and hint lines, the help); this one places them with the layout and
//! draws the title bar and the "too small" message.

mod help;
mod inspector;
mod panes;
mod passage;
mod speakers;
mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui::Frame;

use crate::comparison::Side;

use super::app::App;
use super::keys::Command;
use super::layout::{Screen, MIN_HEIGHT, MIN_WIDTH};
use super::wrap::str_width;

pub(crate) use inspector::{kind_label, wanted_rows};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(app, area, buf);
}

/// Draws the whole screen into a buffer (what [`render`] does, without a frame).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let screen = Screen::fitted(area.width, area.height, app.inspector, app.inspector_rows);
    if screen.too_small {
        too_small(app, area, buf);
        return;
    }
    title_bar(app, screen.title, buf);
    for side in [Side::Source, Side::Article] {
        panes::pane(app, &screen, side, buf);
    }
    if let Some(rect) = screen.inspector {
        inspector::inspector(app, rect, buf);
    }
    // A long message may take the hint row; a line being typed takes it back.
    let hint_taken = status::status_bar(app, screen.status, screen.hint, buf);
    if !hint_taken || app.input.is_some() {
        status::hint_line(app, screen.hint, buf);
    }
    if app.speakers {
        speakers::speakers(app, area, buf);
    }
    if app.help {
        help::help(app, area, buf);
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "quotediff needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this terminal is {}x{}. Enlarge it, or press {} to quit.",
        area.width,
        area.height,
        app.keys.label(Command::Quit)
    );
    let lines = (str_width(&text) as u16 / area.width.max(1)) + 1;
    let y = area.y + area.height.saturating_sub(lines) / 2;
    let rect = Rect::new(
        area.x,
        y,
        area.width,
        area.height.saturating_sub(y - area.y),
    );
    Paragraph::new(text)
        .style(app.theme.message)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

fn size_label(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

fn title_bar(app: &App, rect: Rect, buf: &mut Buffer) {
    let c = &app.comparison;
    // The filter first: on a narrow terminal the file names are what gets cut.
    let mut text = format!(
        " quotediff \u{2500} filter: {} ({}) \u{2500} source: {} ({}) \u{2500} article: {} ({})",
        app.filter.label(),
        app.visible.len(),
        c.source.name,
        size_label(c.source.bytes()),
        c.article.name,
        size_label(c.article.bytes()),
    );
    if !app.mouse {
        text.push_str(" \u{2500} mouse off");
    }
    buf.set_style(rect, app.theme.bar);
    buf.set_stringn(rect.x, rect.y, text, rect.width as usize, app.theme.bar);
}
