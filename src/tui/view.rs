//! Drawing the review: a pure function of the [`App`] state onto a frame.
//!
//! Nothing here changes the state or reads the terminal, so any state can be drawn into a
//! test backend and snapshotted. The panes are drawn cell by cell from the cached wrapped
//! rows, and only the rows on screen are touched, which keeps a frame of a megabyte-sized
//! document as cheap as one of a short one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use ratatui::Frame;
use similar::{ChangeTag, TextDiff};

use crate::compare::{EditMark, EditOp, MatchKind};
use crate::details::Relation;
use crate::review::Verdict;
use crate::span::{floor_char_boundary, Span};

use super::app::{App, InputPurpose, Item, ItemKind, Side};
use super::keys::Command;
use super::layout::{Screen, GUTTER, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Mark;
use super::wrap::{char_width, str_width};

/// The inspector shows at most this many bytes of each passage: it has a few rows anyway,
/// and a word diff of a huge passage would cost more than the rest of the frame.
const INSPECTOR_BYTES: usize = 1500;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(app, area, buf);
}

/// Draws the whole screen into a buffer (what [`render`] does, without a frame).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let screen = Screen::new(area.width, area.height, app.inspector);
    if screen.too_small {
        too_small(app, area, buf);
        return;
    }
    title_bar(app, screen.title, buf);
    for side in [Side::Source, Side::Article] {
        pane(app, &screen, side, buf);
    }
    if let Some(rect) = screen.inspector {
        inspector(app, rect, buf);
    }
    status_bar(app, screen.status, buf);
    hint_line(app, screen.hint, buf);
    if app.help {
        help(app, area, buf);
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

fn pane(app: &App, screen: &Screen, side: Side, buf: &mut Buffer) {
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

fn kind_label(app: &App, item: &Item) -> String {
    match item.kind {
        ItemKind::Match(i) => {
            let m = &app.comparison.matches[i];
            let quote = match item.mark {
                Mark::Verified => " · verified",
                Mark::Altered => " · altered",
                _ => "",
            };
            format!("{}{quote} · {}", m.kind.as_str(), m.fidelity.as_str())
        }
        ItemKind::Quotation(_) if item.mark == Mark::NotInSource => {
            "quotation · not in source".to_string()
        }
        ItemKind::Quotation(_) => "quotation · verified · found word for word".to_string(),
    }
}

fn inspector(app: &App, rect: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(item) = app.current_item() else {
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(" MATCH 0/0 ")
            .render(rect, buf);
        let text = format!(
            "nothing to inspect: no {} in this pair ({} changes the filter)",
            app.filter.label(),
            app.keys.label(Command::CycleFilter)
        );
        let inner = Rect::new(rect.x + 1, rect.y + 1, rect.width.saturating_sub(2), 1);
        Paragraph::new(text).style(theme.dim).render(inner, buf);
        return;
    };
    let c = &app.comparison;
    let noun = match item.kind {
        ItemKind::Match(_) => "MATCH",
        ItemKind::Quotation(_) => "QUOTATION",
    };
    let mut title = format!(
        " {noun} {}/{} · {}",
        app.position().unwrap_or(0),
        app.visible.len(),
        kind_label(app, item)
    );
    let speaker = match item.kind {
        ItemKind::Match(i) => {
            let m = &c.matches[i];
            title.push_str(&format!(
                " · score {:.2} · {} words",
                m.score, m.shared_words
            ));
            m.quote.and_then(|q| c.quotes.get(q))
        }
        ItemKind::Quotation(q) => c.quotes.get(q),
    }
    .and_then(|q| q.speaker.clone());
    if let Some(s) = speaker {
        title.push_str(&format!(" · speaker: {s}"));
    }
    title.push(' ');
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(TextSpan::styled(title, theme.border_focused));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height == 0 || inner.width < 12 {
        return;
    }
    const LABEL: u16 = 9;
    let text_rect = |y: u16, h: u16| {
        Rect::new(
            inner.x + LABEL,
            y,
            inner.width - LABEL,
            h.min(inner.bottom().saturating_sub(y)),
        )
    };
    let label = |y: u16, text: &str, buf: &mut Buffer| {
        buf.set_stringn(inner.x, y, text, LABEL as usize, theme.dim);
    };

    let source_text = item
        .source
        .map(|s| clip(s.slice(&c.source.text)))
        .unwrap_or("");
    let article_text = clip(item.article.slice(&c.article.text));
    let (source_line, article_line) = if item.source.is_some() {
        word_diff(source_text, article_text, theme.removed, theme.added)
    } else {
        (
            Line::styled("(not in the source)", theme.dim),
            Line::styled(article_text.to_string(), theme.mark(Mark::NotInSource)),
        )
    };
    // The bottom row is for the verdict and the details, the one above it for the word
    // changes (when there are any and room); the rest is shared by the two texts.
    let changes = changes_line(app, item);
    let changes_row = changes.is_some() && inner.height >= 5;
    let body = inner
        .height
        .saturating_sub(1 + u16::from(changes_row))
        .max(1);
    let source_rows = body.div_ceil(2);
    let article_rows = body - source_rows;
    label(inner.y, "source", buf);
    Paragraph::new(source_line)
        .wrap(Wrap { trim: true })
        .render(text_rect(inner.y, source_rows), buf);
    if article_rows > 0 {
        let y = inner.y + source_rows;
        label(y, "article", buf);
        Paragraph::new(article_line)
            .wrap(Wrap { trim: true })
            .render(text_rect(y, article_rows), buf);
    }
    if let Some(line) = changes.filter(|_| changes_row) {
        let y = inner.bottom() - 2;
        label(y, "changes", buf);
        Paragraph::new(line).render(text_rect(y, 1), buf);
    }
    if inner.height > 1 {
        let y = inner.bottom() - 1;
        let mut spans = Vec::new();
        // The verdict first: it is short and must never be pushed off the row by details.
        match app.verdict(item) {
            Some(entry) => {
                let v = match entry.verdict {
                    Verdict::Accepted => "\u{2713} accepted",
                    Verdict::Flagged => "\u{2717} flagged",
                    Verdict::Unreviewed => "unreviewed",
                };
                spans.push(TextSpan::styled("verdict: ", theme.dim));
                spans.push(TextSpan::styled(v, theme.message));
                if let Some(n) = entry.note {
                    spans.push(TextSpan::styled(
                        format!("  note: \u{201c}{n}\u{201d}"),
                        theme.text,
                    ));
                }
            }
            None => spans.push(TextSpan::styled(
                "(no verdict: not a matched passage)",
                theme.dim,
            )),
        }
        spans.push(TextSpan::styled("   ", theme.dim));
        // Details that differ come before those that agree.
        let mut details = app.details_of(item);
        details.sort_by_key(|d| d.relation == Relation::Same);
        if details.is_empty() {
            spans.push(TextSpan::styled("(no details compared here)", theme.dim));
        }
        for (k, d) in details.iter().enumerate() {
            if k > 0 {
                spans.push(TextSpan::styled(" · ", theme.dim));
            }
            spans.push(TextSpan::styled(
                format!("{}: {} ({})", d.kind.as_str(), d.note, d.relation.as_str()),
                theme.detail,
            ));
        }
        label(y, "details", buf);
        Paragraph::new(Line::from(spans)).render(text_rect(y, 1), buf);
    }
}

/// The engine's word-level edits of a match, and how the article signals each one
/// (brackets, an ellipsis) or does not: what a fact-checker has to judge.
fn changes_line(app: &App, item: &Item) -> Option<Line<'static>> {
    let ItemKind::Match(i) = item.kind else {
        return None;
    };
    let c = &app.comparison;
    let m = &c.matches[i];
    if m.edits.is_empty() {
        return None;
    }
    let theme = &app.theme;
    let words = |span: Option<crate::span::Span>, text: &str| {
        let w = span.map(|s| s.slice(text)).unwrap_or("");
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        if str_width(&w) > 40 {
            let cut: String = w.chars().take(39).collect();
            format!("{cut}\u{2026}")
        } else {
            w
        }
    };
    let mut spans = Vec::new();
    for (k, e) in m.edits.iter().enumerate() {
        if k > 0 {
            spans.push(TextSpan::styled(" · ", theme.dim));
        }
        let from = words(e.source, &c.source.text);
        let to = words(e.article, &c.article.text);
        match e.op {
            EditOp::Replace => {
                spans.push(TextSpan::styled(
                    format!("\u{201c}{from}\u{201d}"),
                    theme.removed,
                ));
                spans.push(TextSpan::raw(" \u{2192} "));
                spans.push(TextSpan::styled(
                    format!("\u{201c}{to}\u{201d}"),
                    theme.added,
                ));
            }
            EditOp::Delete => {
                spans.push(TextSpan::raw("dropped "));
                spans.push(TextSpan::styled(
                    format!("\u{201c}{from}\u{201d}"),
                    theme.removed,
                ));
            }
            EditOp::Insert => {
                spans.push(TextSpan::raw("added "));
                spans.push(TextSpan::styled(
                    format!("\u{201c}{to}\u{201d}"),
                    theme.added,
                ));
            }
        }
        let mark = match e.marked {
            Some(EditMark::Brackets) => " [in brackets]",
            Some(EditMark::Ellipsis) => " [ellipsis]",
            None => " (unmarked)",
        };
        spans.push(TextSpan::styled(mark, theme.dim));
    }
    Some(Line::from(spans))
}

/// At most [`INSPECTOR_BYTES`] of a passage, cut at a character boundary.
fn clip(text: &str) -> &str {
    if text.len() <= INSPECTOR_BYTES {
        return text;
    }
    &text[..floor_char_boundary(text, INSPECTOR_BYTES)]
}

/// The two passages with the words only one of them has marked.
fn word_diff(
    source: &str,
    article: &str,
    removed: Style,
    added: Style,
) -> (Line<'static>, Line<'static>) {
    let diff = TextDiff::from_words(source, article);
    let mut s = Vec::new();
    let mut a = Vec::new();
    for change in diff.iter_all_changes() {
        let v = change.value().to_string();
        match change.tag() {
            ChangeTag::Equal => {
                s.push(TextSpan::raw(v.clone()));
                a.push(TextSpan::raw(v));
            }
            ChangeTag::Delete => s.push(TextSpan::styled(v, removed)),
            ChangeTag::Insert => a.push(TextSpan::styled(v, added)),
        }
    }
    (Line::from(s), Line::from(a))
}

fn status_bar(app: &App, rect: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let c = &app.comparison;
    buf.set_style(rect, theme.bar);
    let (position, short_position) = match app.current_item() {
        Some(item) if app.position().is_some() => {
            let at = format!(" {}/{} ", app.position().unwrap_or(0), app.visible.len());
            let full = kind_label(app, item);
            // Without the fidelity, which the inspector shows anyway.
            let short = full.rsplit_once(" · ").map_or(full.as_str(), |(k, _)| k);
            // The verdict on it, so the reviewer sees it without the inspector.
            let verdict = match app.verdict(item).map(|e| e.verdict) {
                Some(Verdict::Accepted) => " \u{2713} accepted",
                Some(Verdict::Flagged) => " \u{2717} flagged",
                _ => "",
            };
            (
                format!("{at}{full}{verdict}"),
                format!("{at}{short}{verdict}"),
            )
        }
        _ => {
            let none = format!(" 0/{} ({})", app.visible.len(), app.filter.label());
            (none.clone(), none)
        }
    };
    let reviewed = format!("{}/{} reviewed", app.review.reviewed(c), c.matches.len());
    let sep = " \u{2502} ";
    if let Some(m) = &app.message {
        let line = Line::from(vec![
            TextSpan::styled(format!("{position}{sep}{reviewed}{sep}"), theme.bar),
            TextSpan::styled(m.clone(), theme.bar.patch(theme.message)),
        ]);
        buf.set_line(rect.x, rect.y, &line, rect.width);
        return;
    }
    let mode = match &app.search {
        Some(s) => format!(
            "n: hit {}/{} \u{201c}{}\u{201d} (Esc ends)",
            s.current.map_or(0, |i| i + 1),
            s.hits.len(),
            s.query
        ),
        None => "n: match".to_string(),
    };
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    let (from, into) = (
        pct(c.stats.article_from_source),
        pct(c.stats.source_in_article),
    );
    let mut coverage = format!("article from source {from} · source in article {into}");
    let mut short_coverage = format!("{from} from source · {into} in article");
    if c.matches.iter().any(|m| m.kind == MatchKind::Paraphrase) {
        let p = pct(c.stats.article_paraphrased);
        coverage.push_str(&format!(" · paraphrased {p}"));
        short_coverage.push_str(&format!(" · {p} paraphrased"));
    }
    // The longest wording that fits.
    let candidates = [
        format!("{position}{sep}{reviewed}{sep}{mode}{sep}{coverage}"),
        format!("{position}{sep}{reviewed}{sep}{mode}{sep}{short_coverage}"),
        format!("{short_position}{sep}{reviewed}{sep}{mode}{sep}{short_coverage}"),
        format!("{short_position}{sep}{reviewed}{sep}{mode}"),
    ];
    let text = candidates
        .iter()
        .find(|t| str_width(t) <= rect.width as usize)
        .unwrap_or(&candidates[3]);
    buf.set_stringn(rect.x, rect.y, text, rect.width as usize, theme.bar);
}

fn hint_line(app: &App, rect: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if let Some(input) = &app.input {
        let (prompt, help) = match input.purpose {
            InputPurpose::Search => (
                format!("search the {}: ", app.focus.label()),
                "   Enter search · Esc cancel",
            ),
            InputPurpose::Note => ("note: ".to_string(), "   Enter save · Esc cancel"),
        };
        // A long text shows its end, where the typing happens.
        let room = (rect.width as usize).saturating_sub(str_width(&prompt) + str_width(help) + 2);
        let shown = if str_width(&input.text) > room {
            let mut tail: Vec<char> = Vec::new();
            let mut width = 1;
            for c in input.text.chars().rev() {
                width += char_width(c);
                if width > room {
                    break;
                }
                tail.push(c);
            }
            std::iter::once('\u{2026}')
                .chain(tail.into_iter().rev())
                .collect()
        } else {
            input.text.clone()
        };
        let line = Line::from(vec![
            TextSpan::styled(prompt, theme.message),
            TextSpan::styled(shown, theme.text),
            TextSpan::styled("\u{2581}", theme.current_gutter),
            TextSpan::styled(help, theme.dim),
        ]);
        buf.set_line(rect.x, rect.y, &line, rect.width);
        return;
    }
    let first = |c: Command| {
        app.keys
            .keys_for(c)
            .first()
            .map_or_else(|| "-".to_string(), |k| k.label())
    };
    // (keys, what, priority): the lowest priorities go first when the line is too narrow.
    let mut hints = vec![
        (
            format!("{}/{}", first(Command::Next), first(Command::Prev)),
            "next/prev",
            9,
        ),
        (first(Command::SwitchPane), "pane", 5),
        (first(Command::Sync), "sync", 2),
        (first(Command::CycleFilter), "filter", 6),
        (first(Command::Search), "search", 4),
        (
            format!(
                "{}/{}/{}",
                first(Command::Accept),
                first(Command::Flag),
                first(Command::Unreview)
            ),
            "accept/flag/undo",
            7,
        ),
        (first(Command::Note), "note", 3),
        (first(Command::ToggleInspector), "inspector", 1),
        (first(Command::ToggleMouse), "mouse", 0),
        (first(Command::Help), "help", 9),
        (first(Command::Quit), "quit", 8),
    ];
    let width = |hints: &[(String, &str, u8)]| -> usize {
        hints
            .iter()
            .map(|(k, w, _)| str_width(k) + w.len() + 4)
            .sum::<usize>()
    };
    while width(&hints) > rect.width as usize && hints.len() > 2 {
        let lowest = (0..hints.len()).min_by_key(|i| hints[*i].2).unwrap_or(0);
        hints.remove(lowest);
    }
    let mut spans = vec![TextSpan::raw(" ")];
    for (k, (key, what, _)) in hints.into_iter().enumerate() {
        if k > 0 {
            spans.push(TextSpan::styled(" · ", theme.dim));
        }
        spans.push(TextSpan::styled(key, theme.message));
        spans.push(TextSpan::styled(format!(" {what}"), theme.dim));
    }
    buf.set_line(rect.x, rect.y, &Line::from(spans), rect.width);
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let key_width = Command::ALL
        .iter()
        .map(|c| str_width(&app.keys.label(*c)))
        .max()
        .unwrap_or(8)
        + 2;
    let mut keys: Vec<Line> = vec![Line::styled("Keys", theme.message), Line::raw("")];
    for c in Command::ALL {
        let label = app.keys.label(c);
        let pad = key_width.saturating_sub(str_width(&label));
        keys.push(Line::from(vec![
            TextSpan::styled(label, theme.message),
            TextSpan::raw(" ".repeat(pad)),
            TextSpan::raw(c.describe()),
        ]));
    }
    let mut legend: Vec<Line> = vec![Line::styled("Legend", theme.message), Line::raw("")];
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
    legend.push(Line::from(vec![
        TextSpan::raw("  "),
        TextSpan::styled(" a search hit ", theme.search_hit),
    ]));
    legend.push(Line::raw(""));
    legend.push(Line::styled(
        "Mouse: the wheel scrolls the pane under it; a click",
        theme.dim,
    ));
    legend.push(Line::styled(
        "on a highlighted passage makes it the current match.",
        theme.dim,
    ));
    legend.push(Line::raw(""));
    legend.push(Line::styled(
        "Settings: $XDG_CONFIG_HOME/quotediff/",
        theme.dim,
    ));
    legend.push(Line::styled(
        "config.toml: theme, mouse, [keys], [styles].",
        theme.dim,
    ));

    let describe_width = Command::ALL
        .iter()
        .map(|c| str_width(c.describe()))
        .max()
        .unwrap_or(40);
    let keys_width = (key_width + describe_width + 2) as u16;
    let two_columns = area.width >= keys_width + 60;
    let width = if two_columns {
        (keys_width + 56).min(area.width - 4)
    } else {
        (keys_width + 2).min(area.width.saturating_sub(2))
    };
    let lines = if two_columns {
        keys.len().max(legend.len())
    } else {
        keys.len() + 1 + legend.len()
    } as u16;
    let height = (lines + 2).min(area.height.saturating_sub(2));
    // Scrolled no further than the last line (the state may ask for more).
    let scroll = app.help_scroll.min((lines + 2).saturating_sub(height));
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(TextSpan::styled(
            if scroll > 0 || height < lines + 2 {
                format!(
                    " Help \u{2500} {} scroll \u{2500} {} closes ",
                    app.keys.label(Command::NextMatch),
                    app.keys.label(Command::Close)
                )
            } else {
                format!(" Help \u{2500} {} closes ", app.keys.label(Command::Close))
            },
            theme.border_focused,
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if two_columns {
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
