//! The help overlay: every key from the key table (so it cannot drift from the bindings) and
//! the legend of highlights, in two columns when there is room, scrolled when too tall.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::super::app::App;
use super::super::keys::Command;
use super::super::theme::Mark;
use super::super::wrap::str_width;

pub(super) fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let size = Sizes::of(app, area);
    let keys = key_lines(app, size.key_width, size.room);
    let legend = legend_lines(app);
    let lines = if size.two_columns {
        keys.len().max(legend.len())
    } else {
        keys.len() + 1 + legend.len()
    } as u16;
    // Between the title bar and the status bar, which stay readable under the help.
    let height = (lines + 2).min(area.height.saturating_sub(3));
    // Scrolled no further than the last line (the state may ask for more).
    let scroll = app.help_scroll.min((lines + 2).saturating_sub(height));
    let rect = Rect::new(
        area.x + (area.width - size.width) / 2,
        area.y + 1 + (area.height.saturating_sub(3) - height) / 2,
        size.width,
        height,
    );
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(TextSpan::styled(
            title(app, scroll > 0 || height < lines + 2),
            theme.border_focused,
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    size.fill(keys, legend, inner, scroll, buf);
}

/// The overlay's title: how to close it, and how to scroll it when it does not fit.
fn title(app: &App, scrolls: bool) -> String {
    if scrolls {
        format!(
            " Help \u{2500} {} scroll \u{2500} {} closes ",
            app.keys.label(Command::NextMatch),
            app.keys.label(Command::Close)
        )
    } else {
        format!(" Help \u{2500} {} closes ", app.keys.label(Command::Close))
    }
}

/// How wide the overlay and its columns are drawn in an area.
struct Sizes {
    /// The widest key label, with its margin.
    key_width: usize,
    /// The room a key's description has before it goes on under itself.
    room: usize,
    /// The keys' column: labels and descriptions.
    keys_width: u16,
    /// Keys and legend side by side (else the legend under the keys).
    two_columns: bool,
    /// The overlay's width, borders included.
    width: u16,
}

impl Sizes {
    fn of(app: &App, area: Rect) -> Sizes {
        let key_width = Command::ALL
            .iter()
            .map(|c| str_width(&app.keys.label(*c)))
            .max()
            .unwrap_or(8)
            + 2;
        let describe_width = Command::ALL
            .iter()
            .map(|c| str_width(c.describe()))
            .max()
            .unwrap_or(40)
            .min(DESCRIBE_MAX);
        let keys_width = (key_width + describe_width + 2) as u16;
        let two_columns = area.width >= keys_width + 60;
        let width = if two_columns {
            (keys_width + 56).min(area.width - 4)
        } else {
            (keys_width + 2).min(area.width.saturating_sub(2))
        };
        // A description longer than its room goes on under itself, never cut.
        let room = if two_columns {
            describe_width
        } else {
            (width as usize).saturating_sub(3 + key_width).max(12)
        };
        Sizes {
            key_width,
            room,
            keys_width,
            two_columns,
            width,
        }
    }

    /// The keys and the legend drawn inside the overlay's border, scrolled by `scroll` lines.
    fn fill(
        &self,
        mut keys: Vec<Line<'static>>,
        legend: Vec<Line<'static>>,
        inner: Rect,
        scroll: u16,
        buf: &mut Buffer,
    ) {
        let keys_width = self.keys_width;
        if self.two_columns {
            let left = Rect::new(inner.x + 1, inner.y, keys_width, inner.height);
            let right = Rect::new(
                inner.x + 1 + keys_width,
                inner.y,
                inner.width.saturating_sub(keys_width + 1),
                inner.height,
            );
            Paragraph::new(keys).scroll((scroll, 0)).render(left, buf);
            Paragraph::new(legend)
                .scroll((scroll, 0))
                .render(right, buf);
        } else {
            keys.push(Line::raw(""));
            keys.extend(legend);
            let r = Rect::new(
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(1),
                inner.height,
            );
            Paragraph::new(keys).scroll((scroll, 0)).render(r, buf);
        }
    }
}

/// The widest a key's description is drawn before it goes on to the next line.
const DESCRIBE_MAX: usize = 60;

/// One line per command, from the key table; a description wider than `room` goes on
/// under itself, so that none is cut (the filter's cycle order is the longest).
fn key_lines(app: &App, key_width: usize, room: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut keys: Vec<Line<'static>> = vec![Line::styled("Keys", theme.message), Line::raw("")];
    for c in Command::ALL {
        let label = app.keys.label(c);
        let pad = key_width.saturating_sub(str_width(&label));
        for (k, part) in wrap_words(c.describe(), room).into_iter().enumerate() {
            let key = if k == 0 { label.clone() } else { String::new() };
            let pad = if k == 0 { pad } else { key_width };
            keys.push(Line::from(vec![
                TextSpan::styled(key, theme.message),
                TextSpan::raw(" ".repeat(pad)),
                TextSpan::raw(part),
            ]));
        }
    }
    keys
}

/// `text` in lines of at most `room` columns, broken between words.
fn wrap_words(text: &str, room: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && str_width(&line) + 1 + str_width(word) > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// The legend of highlights, the mouse and the settings file.
fn legend_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut legend: Vec<Line<'static>> = vec![Line::styled("Legend", theme.message), Line::raw("")];
    for mark in Mark::ALL {
        legend.push(Line::from(vec![
            TextSpan::styled(mark.gutter().to_string(), theme.dim),
            TextSpan::raw(" "),
            TextSpan::styled(format!(" {} ", mark.label()), theme.mark(mark)),
        ]));
    }
    legend.push(Line::from(vec![
        TextSpan::styled("\u{258c}", theme.current_gutter),
        TextSpan::raw(" "),
        TextSpan::styled(" the current match ", theme.verified.patch(theme.current)),
    ]));
    // A reviewed stop: its verdict's mark in the gutter and its highlight toned down
    // (accepted) or marked (flagged); a stop outside the filter is dimmed whole.
    legend.push(Line::from(vec![
        TextSpan::styled("\u{2713}", theme.dim),
        TextSpan::raw(" "),
        TextSpan::styled(" accepted ", theme.verified.patch(theme.reviewed)),
        TextSpan::raw(" "),
        TextSpan::styled("\u{2717}", theme.message),
        TextSpan::raw(" "),
        TextSpan::styled(" flagged ", theme.verified.patch(theme.flagged)),
        TextSpan::styled(" ! unverifiable", theme.message),
    ]));
    legend.push(Line::from(vec![
        TextSpan::raw("  "),
        TextSpan::styled(" outside the filter ", theme.dim),
    ]));
    legend.push(Line::from(vec![
        TextSpan::raw("  "),
        TextSpan::styled(" a search hit ", theme.search_hit),
        TextSpan::raw(" "),
        TextSpan::styled(" the current hit ", theme.flash),
    ]));
    // Blank lines between the paragraphs on the mouse and on the settings file.
    for text in [
        "",
        "Mouse: the wheel scrolls the pane under it; a click",
        "on a highlighted passage makes it the current match.",
        "",
        "Settings: $XDG_CONFIG_HOME/quotediff/",
        "config.toml: theme, mouse, [keys], [styles].",
    ] {
        legend.push(if text.is_empty() {
            Line::raw("")
        } else {
            Line::styled(text, theme.dim)
        });
    }
    legend
}
