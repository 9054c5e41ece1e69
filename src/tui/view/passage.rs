//! A passage as the inspector shows it: its words, the engine's edits marked, paragraph
//! breaks kept, wrapped into a few rows and cut with an ellipsis when it does not fit.
//!
//! The marked words are the engine's (`Match::edits`), never a second diff of the raw texts,
//! so the inspector cannot disagree with the changes it lists (a diff of its own counted
//! `They` against `they` as a change).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::span::{floor_char_boundary, Span};

/// The inspector shows at most this many bytes of a passage: it has a few rows anyway, and
/// wrapping a huge passage would cost more than the rest of the frame.
const PASSAGE_BYTES: usize = 1500;

/// The lines of a passage: one per paragraph, `marked` spans in the `mark` style. A passage
/// longer than [`PASSAGE_BYTES`] ends with an ellipsis.
pub(super) fn lines(
    text: &str,
    span: Span,
    marked: &[Span],
    base: Style,
    mark: Style,
) -> Vec<Line<'static>> {
    let end = if span.len() > PASSAGE_BYTES {
        floor_char_boundary(text, span.start + PASSAGE_BYTES)
    } else {
        span.end
    };
    let mut marked: Vec<Span> = marked
        .iter()
        .filter(|m| m.start < end && m.end > span.start)
        .map(|m| Span::new(m.start.max(span.start), m.end.min(end)))
        .collect();
    marked.sort();
    let mut pieces = Vec::new();
    let mut at = span.start;
    for m in marked {
        if m.end <= at {
            continue;
        }
        let start = m.start.max(at);
        pieces.push((Span::new(at, start), base));
        pieces.push((Span::new(start, m.end), mark));
        at = m.end;
    }
    pieces.push((Span::new(at, end), base));
    if end < span.end {
        pieces.push((Span::new(end, end), base));
    }
    let mut out = vec![Vec::new()];
    for (piece, style) in pieces {
        for (k, part) in piece.slice(text).split('\n').enumerate() {
            if k > 0 && out.last().is_some_and(|l: &Vec<TextSpan>| !l.is_empty()) {
                out.push(Vec::new());
            }
            if !part.is_empty() {
                if let Some(line) = out.last_mut() {
                    line.push(TextSpan::styled(part.replace('\t', " "), style));
                }
            }
        }
    }
    if end < span.end {
        if let Some(line) = out.last_mut() {
            line.push(TextSpan::styled("\u{2026}", base));
        }
    }
    out.into_iter()
        .filter(|l| !l.is_empty())
        .map(Line::from)
        .collect()
}

/// How many rows the lines take wrapped at `width`: drawn once off screen, as word wrapping
/// decides it and an estimate would cut a line short or leave a blank row.
pub(super) fn rows_needed(lines: &[Line<'static>], width: u16) -> u16 {
    let chars: usize = lines.iter().map(|l| l.width()).sum();
    let most = (chars / width.max(1) as usize + lines.len() * 2 + 2).min(400) as u16;
    let area = Rect::new(0, 0, width, most);
    let mut scratch = Buffer::empty(area);
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: true })
        .render(area, &mut scratch);
    (0..most)
        .rev()
        .find(|y| (0..width).any(|x| scratch[(x, *y)].symbol() != " "))
        .map_or(0, |y| y + 1)
}

/// Draws the lines into `rect`; when they need more rows, the last cell shown becomes an
/// ellipsis so a cut is never mistaken for the end of the passage.
pub(super) fn draw(lines: Vec<Line<'static>>, rect: Rect, needed: u16, buf: &mut Buffer) {
    if rect.height == 0 || rect.width == 0 {
        return;
    }
    let style = lines
        .last()
        .and_then(|l| l.spans.first())
        .map_or_else(Style::default, |s| s.style);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
    if needed > rect.height {
        let (x, y) = (rect.right() - 1, rect.bottom() - 1);
        buf[(x, y)].set_char('\u{2026}').set_style(style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn paragraph_breaks_are_kept_and_edits_marked() {
        let text = "They met for an hour.\n\nThe agents left at noon.";
        let span = Span::new(0, text.len());
        let edit = Span::new(text.find("noon").unwrap(), text.len() - 1);
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let lines = lines(text, span, &[edit], Style::default(), bold);
        assert_eq!(
            plain(&lines),
            vec!["They met for an hour.", "The agents left at noon."]
        );
        let marked: Vec<_> = lines[1]
            .spans
            .iter()
            .filter(|s| s.style == bold)
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(marked, vec!["noon"]);
    }

    #[test]
    fn a_long_passage_is_cut_with_an_ellipsis() {
        let text = "word ".repeat(400);
        let lines = lines(
            &text,
            Span::new(0, text.len()),
            &[],
            Style::default(),
            Style::default(),
        );
        assert!(lines[0].to_string().ends_with('\u{2026}'));
        let rows = rows_needed(&lines, 40);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 3));
        draw(lines, Rect::new(0, 0, 40, 3), rows, &mut buf);
        assert!(rows > 3);
        assert_eq!(buf[(39, 2)].symbol(), "\u{2026}");
    }
}
