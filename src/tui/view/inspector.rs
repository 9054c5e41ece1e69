//! The inspector: the current stop's two texts with their word differences, its word changes
//! and whether the article marks them, the speaker, details and verdict.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::comparison::{describe_edit, Difference, EditPart, Severity, Side};
use crate::details::Relation;

use super::super::app::{differences_in, verdict_label, App, Item, ItemKind};
use super::super::keys::Command;
use super::super::layout::InspectorSize;
use super::super::theme::Mark;
use super::super::wrap::str_width;
use super::passage;

pub(crate) fn kind_label(app: &App, item: &Item) -> String {
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

pub(super) fn inspector(app: &App, rect: Rect, buf: &mut Buffer) {
    let Some(item) = app.current_item() else {
        empty(app, rect, buf);
        return;
    };
    let inner = frame(app, item, rect, buf);
    if inner.height == 0 || inner.width < 12 {
        return;
    }
    let (source_lines, article_lines) = texts(app, item);
    let width = inner.width - LABEL;
    let need = (
        passage::rows_needed(&source_lines, width),
        passage::rows_needed(&article_lines, width),
    );
    // The rows are shared as Rows::of says; the differences may take a third of the box.
    let changes = changes_line(app, item);
    let changes_row = changes.is_some() && inner.height >= 4;
    // Full screen, the differences may take half the box: that is what it is for.
    let full = app.inspector == InspectorSize::Full;
    let most = inner.height / if full { 2 } else { 3 };
    let differences = differences_lines(app, item, width, most);
    let differences_need = passage::rows_needed(&differences, width);
    let Rows {
        source_rows,
        article_rows,
        differences_rows,
        body,
    } = Rows::of(
        inner.height,
        need,
        changes_row,
        (!differences.is_empty(), differences_need),
        most,
    );
    let at = |y: u16, rows: u16| (inner, y, rows);
    let source = ("source", source_lines, need.0);
    labelled(app, at(inner.y, source_rows), source, buf);
    if article_rows > 0 {
        let article = ("article", article_lines, need.1);
        labelled(app, at(inner.y + source_rows, article_rows), article, buf);
    }
    if differences_rows > 0 {
        let listed = ("differ", differences, differences_need);
        labelled(app, at(inner.y + body, differences_rows), listed, buf);
    }
    if let Some(line) = changes.filter(|_| changes_row) {
        // One row: a longer list ends in an ellipsis, not in a cut word.
        let rows = passage::rows_needed(std::slice::from_ref(&line), width);
        labelled(
            app,
            at(inner.bottom() - 2, 1),
            ("changes", vec![line], rows),
            buf,
        );
    }
    if inner.height > 1 {
        let y = inner.bottom() - 1;
        label(app, inner, y, "details", buf);
        let listed = differences_rows > 0;
        let text = verdict_and_details(app, item, listed);
        Paragraph::new(text).render(text_rect(inner, y, 1), buf);
    }
}

/// The inspector's border with the stop's title; what is left inside it.
fn frame(app: &App, item: &Item, rect: Rect, buf: &mut Buffer) -> Rect {
    let theme = &app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(TextSpan::styled(
            fit_title(title(app, item), rect.width.saturating_sub(2)),
            theme.border_focused,
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Lines drawn in `rows` rows from row `y` of the inspector's `inner` box, after their label.
fn labelled(
    app: &App,
    (inner, y, rows): (Rect, u16, u16),
    (name, lines, need): (&str, Vec<Line<'static>>, u16),
    buf: &mut Buffer,
) {
    label(app, inner, y, name, buf);
    passage::draw(lines, text_rect(inner, y, rows), need, buf);
}

/// A row's label ("source", "article", ...) in the inspector's `inner` box.
fn label(app: &App, inner: Rect, y: u16, text: &str, buf: &mut Buffer) {
    buf.set_stringn(inner.x, y, text, LABEL as usize, app.theme.dim);
}

/// Where the texts go in `h` rows from row `y` of the inspector's `inner` box: after the
/// labels, and never below the box.
fn text_rect(inner: Rect, y: u16, h: u16) -> Rect {
    Rect::new(
        inner.x + LABEL,
        y,
        inner.width - LABEL,
        h.min(inner.bottom().saturating_sub(y)),
    )
}

/// How the inspector's rows are shared between the two texts and the stop's differences.
struct Rows {
    source_rows: u16,
    article_rows: u16,
    differences_rows: u16,
    /// The two texts' rows together (the differences start below them).
    body: u16,
}

impl Rows {
    /// The rows of a box `height` rows high inside its border, for texts that need `need`
    /// rows, with a row for the word changes or not, and differences (when there are any)
    /// that need `differences_need` rows and may take `most`.
    ///
    /// The bottom row is for the verdict and the details, the one above it for the word
    /// changes (when there are any and room); the rest goes to the two texts, each as many
    /// rows as it needs while both fit, the source at least half when they do not.
    /// The stop's differences, major first, take the rows they need between the texts and
    /// the changes: at most `most`, so that the texts stay readable, or what the texts leave.
    fn of(
        height: u16,
        need: (u16, u16),
        changes_row: bool,
        (any_differences, differences_need): (bool, u16),
        most: u16,
    ) -> Rows {
        let avail = height.saturating_sub(1 + u16::from(changes_row));
        let left = avail.saturating_sub(need.0.max(1) + need.1.max(1));
        let differences_rows = if !any_differences || avail < 3 {
            0
        } else {
            differences_need.min(most.max(left)).min(avail - 2).max(1)
        };
        let body = height
            .saturating_sub(1 + u16::from(changes_row) + differences_rows)
            .max(1);
        let source_rows = if need.0 + need.1 <= body {
            need.0.max(1)
        } else {
            need.0
                .min(body.div_ceil(2).max(body.saturating_sub(need.1)))
        }
        .min(body);
        Rows {
            source_rows,
            article_rows: body - source_rows,
            differences_rows,
            body,
        }
    }
}

/// The two passages of a stop, the engine's edits marked on each side.
fn texts(app: &App, item: &Item) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let theme = &app.theme;
    let c = &app.comparison;
    let edits = match item.kind {
        ItemKind::Match(i) => c.matches[i].edits.as_slice(),
        ItemKind::Quotation(_) => &[],
    };
    let marked = |side: Side| -> Vec<crate::span::Span> {
        edits
            .iter()
            .filter_map(|e| match side {
                Side::Source => e.source,
                Side::Article => e.article,
            })
            .collect()
    };
    let Some(source) = item.source else {
        return (
            vec![Line::styled("(not in the source)", theme.dim)],
            passage::lines(
                &c.article.text,
                item.article,
                &[],
                theme.mark(Mark::NotInSource),
                theme.mark(Mark::NotInSource),
            ),
        );
    };
    let plain = ratatui::style::Style::default();
    (
        passage::lines(
            &c.source.text,
            source,
            &marked(Side::Source),
            plain,
            theme.removed,
        ),
        passage::lines(
            &c.article.text,
            item.article,
            &marked(Side::Article),
            plain,
            theme.added,
        ),
    )
}

/// Columns of the labels ("source", "article", ...) before the inspector's texts.
const LABEL: u16 = 9;

/// The inspector of an empty filter: nothing to inspect, and how to change the filter.
fn empty(app: &App, rect: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(" 0/0 ")
        .render(rect, buf);
    let text = format!(
        "nothing to inspect: no {} in this pair ({} changes the filter)",
        app.filter.label(),
        app.keys.label(Command::CycleFilter)
    );
    let inner = Rect::new(rect.x + 1, rect.y + 1, rect.width.saturating_sub(2), 1);
    Paragraph::new(text).style(theme.dim).render(inner, buf);
}

/// The rows of text the docked inspector wants for the current stop (its border aside): each
/// text's rows at this terminal `width`, its differences, its changes and the verdict row.
/// The layout gives it no more, so that a short stop leaves no blank rows.
pub(crate) fn wanted_rows(app: &App, width: u16) -> u16 {
    let Some(item) = app.current_item() else {
        return 1;
    };
    let width = width.saturating_sub(2 + LABEL).max(1);
    let (source, article) = texts(app, item);
    let texts =
        passage::rows_needed(&source, width).max(1) + passage::rows_needed(&article, width).max(1);
    let differences = differences_lines(app, item, width, u16::MAX);
    let changes = u16::from(changes_line(app, item).is_some());
    texts + passage::rows_needed(&differences, width) + changes + 1
}

/// A title no wider than `room`: the score goes first, then the end is cut with an
/// ellipsis, never into the box's corner.
fn fit_title(title: String, room: u16) -> String {
    let room = room as usize;
    if str_width(&title) <= room {
        return title;
    }
    let title = match (title.find(" · score "), title.find(" words")) {
        (Some(a), Some(b)) if b > a => format!("{}{}", &title[..a], &title[b + " words".len()..]),
        _ => title,
    };
    if str_width(&title) <= room {
        return title;
    }
    let mut cut = String::new();
    for c in title.chars() {
        if str_width(&cut) + crate::tui::wrap::char_width(c) + 2 > room {
            break;
        }
        cut.push(c);
    }
    format!("{}\u{2026} ", cut.trim_end())
}

/// The inspector's title: which stop of how many, its kind, score and speaker.
fn title(app: &App, item: &Item) -> String {
    let c = &app.comparison;
    let mut title = format!(
        " {} \u{b7} {}/{} \u{b7} {}",
        app.id_label(item),
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
    title
}

/// The bottom row: the verdict first (it is short and must never be pushed off the row by
/// details), then the difference `d` stepped to when the box has no room to list it (the
/// compact form), then the details that differ.
fn verdict_and_details(app: &App, item: &Item, listed: bool) -> Line<'static> {
    let theme = &app.theme;
    let mut spans = Vec::new();
    let entry = app.verdict(item);
    spans.push(TextSpan::styled("verdict: ", theme.dim));
    spans.push(TextSpan::styled(
        verdict_label(entry.verdict),
        theme.message,
    ));
    if let Some(n) = entry.note {
        spans.push(TextSpan::styled(
            format!("  note: \u{201c}{n}\u{201d}"),
            theme.text,
        ));
    }
    spans.push(TextSpan::styled("   ", theme.dim));
    if !listed {
        let c = &app.comparison;
        if let Some(d) = app.current_difference().map(|d| &c.differences[d]) {
            spans.push(TextSpan::styled(
                format!("\u{25b6} {} {} ", d.severity.as_str(), d.kind.as_str()),
                severity_style(app, d.severity),
            ));
            spans.push(TextSpan::styled(d.note() + "   ", theme.text));
        } else {
            let n = differences_in(c, item).count();
            if n > 0 {
                spans.push(TextSpan::styled(
                    format!(
                        "{n} difference{} ({} steps through them)   ",
                        if n == 1 { "" } else { "s" },
                        app.keys.label(Command::NextDifference)
                    ),
                    theme.detail,
                ));
            }
        }
    }
    // Facts that agree are the inventory, not news: the differences above say what changed.
    let details: Vec<_> = app
        .details_of(item)
        .into_iter()
        .filter(|d| d.relation != Relation::Same)
        .collect();
    if details.is_empty() {
        spans.push(TextSpan::styled("(no differing details here)", theme.dim));
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
    Line::from(spans)
}

fn severity_style(app: &App, severity: Severity) -> ratatui::style::Style {
    match severity {
        Severity::Major => app.theme.mark(Mark::Altered),
        Severity::Minor => app.theme.detail,
    }
}

/// The differences of a stop, major first, one line each: severity, kind, the note. The one
/// `d` stepped to is pointed at, and when the list is longer than its `rows` at `width` it
/// starts a line before that one (saying how many are above), so it is always in view.
fn differences_lines(app: &App, item: &Item, width: u16, rows: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let c = &app.comparison;
    let current = app.current_difference().map(|d| c.differences[d].id);
    let mut found: Vec<&Difference> = differences_in(c, item).collect();
    found.sort_by_key(|d| d.severity);
    let at = found.iter().position(|d| Some(d.id) == current);
    let lines: Vec<Line<'static>> = found
        .into_iter()
        .map(|d| {
            let pointer = if Some(d.id) == current {
                TextSpan::styled("\u{25b6} ", theme.message)
            } else {
                TextSpan::raw("")
            };
            Line::from(vec![
                pointer,
                TextSpan::styled(
                    format!("{} {} ", d.severity.as_str(), d.kind.as_str()),
                    severity_style(app, d.severity),
                ),
                TextSpan::styled(d.note(), theme.text),
            ])
        })
        .collect();
    let Some(at) = at.filter(|at| *at > 0) else {
        return lines;
    };
    if passage::rows_needed(&lines[..=at], width) <= rows {
        return lines;
    }
    // The line before it for context, when there are rows enough for it and the arrow.
    let skip = if rows > 2 { at - 1 } else { at };
    let mut shown = vec![Line::styled(
        format!("\u{2191} {skip} more above"),
        theme.dim,
    )];
    shown.extend(lines.into_iter().skip(skip));
    shown
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
    // One passage's words on one line, a long one cut.
    let quoted = |words: &str| {
        let w = words.split_whitespace().collect::<Vec<_>>().join(" ");
        let w = if str_width(&w) > 40 {
            let cut: String = w.chars().take(39).collect();
            format!("{cut}\u{2026}")
        } else {
            w
        };
        format!("\u{201c}{w}\u{201d}")
    };
    let mut spans = Vec::new();
    for (k, e) in m.edits.iter().enumerate() {
        if k > 0 {
            spans.push(TextSpan::styled(" · ", theme.dim));
        }
        // The reports' wording, so the screen and the report never tell a change two ways.
        for part in describe_edit(e, &c.source.text, &c.article.text) {
            spans.push(match part {
                EditPart::Wording(w) => TextSpan::styled(w, theme.dim),
                EditPart::Removed(w) => TextSpan::styled(quoted(w), theme.removed),
                EditPart::Added(w) => TextSpan::styled(quoted(w), theme.added),
            });
        }
    }
    Some(Line::from(spans))
}
