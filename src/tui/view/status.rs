//! The two bottom lines: the status bar (where the reviewer is, how much is reviewed, the
//! search, coverage, or a message) and the key hints, or the line being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};

use crate::comparison::MatchKind;
use crate::review::Verdict;

use super::super::app::{verdict_label, App, Input, InputPurpose};
use super::super::keys::Command;
use super::super::side::SideExt;
use super::super::wrap::{char_width, str_width};
use super::kind_label;

/// Draws the status bar; true when a message too long for it took the hint row below too.
pub(super) fn status_bar(app: &App, rect: Rect, hint: Rect, buf: &mut Buffer) -> bool {
    let theme = &app.theme;
    let c = &app.comparison;
    buf.set_style(rect, theme.bar);
    let (position, short_position, tiny) = match app.current_item() {
        Some(item) if app.position().is_some() => {
            let at = format!(
                " {}/{} {} ",
                app.position().unwrap_or(0),
                app.visible.len(),
                app.id_label(item)
            );
            let full = kind_label(app, item);
            // Without the fidelity, which the inspector shows anyway.
            let short = full.rsplit_once(" · ").map_or(full.as_str(), |(k, _)| k);
            // The verdict on it, so the reviewer sees it without the inspector.
            let verdict = match app.verdict(item).verdict {
                Verdict::Unreviewed => String::new(),
                v => format!(" {}", verdict_label(v)),
            };
            (
                format!("{at}{full}{verdict}"),
                format!("{at}{short}{verdict}"),
                at.trim_end().to_string(),
            )
        }
        _ => {
            let none = format!(" 0/{} ({})", app.visible.len(), app.filter.label());
            (none.clone(), none.clone(), none)
        }
    };
    let reviewed = format!("{}/{} reviewed", app.reviewed(), app.items.len());
    let sep = " \u{2502} ";
    if let Some(m) = &app.message {
        return message(
            app,
            m,
            [position, short_position, tiny, reviewed],
            rect,
            hint,
            buf,
        );
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
    false
}

/// `text` on two rows of `width` columns: broken at the last space that leaves the first
/// row at least half full, else inside a word (a long path); the second row cut with an
/// ellipsis when even two rows are not enough.
fn two_rows(text: &str, width: usize) -> [String; 2] {
    let mut first = String::new();
    let mut used = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        if used + w > width {
            break;
        }
        if c == ' ' {
            space = Some(i);
        }
        used += w;
        first.push(c);
    }
    let cut = match space {
        Some(s)
            if first.len() < text.len()
                && s * 2 >= first.len()
                && str_width(&text[s..]) <= width =>
        {
            s
        }
        _ => first.len(),
    };
    let rest = format!(" {}", text[cut..].trim_start());
    let second = if str_width(&rest) > width {
        let mut kept = String::new();
        let mut used = 0;
        for c in rest.chars() {
            used += char_width(c);
            if used + 1 > width {
                break;
            }
            kept.push(c);
        }
        format!("{kept}\u{2026}")
    } else {
        rest
    };
    [text[..cut].to_string(), second]
}

/// A message on the status bar, after as much of where the reviewer is as leaves it room.
/// A message that does not fit even alone (a long path, the verdicts an edit lost) goes on
/// over the hint row, which the message is worth more than; the rest is cut with an
/// ellipsis. True when the hint row was taken.
fn message(
    app: &App,
    m: &str,
    [position, short_position, tiny, reviewed]: [String; 4],
    rect: Rect,
    hint: Rect,
    buf: &mut Buffer,
) -> bool {
    let theme = &app.theme;
    let sep = " \u{2502} ";
    let width = rect.width as usize;
    let prefix = [
        format!("{position}{sep}{reviewed}{sep}"),
        format!("{short_position}{sep}{reviewed}{sep}"),
        format!("{tiny}{sep}{reviewed}{sep}"),
    ]
    .into_iter()
    .find(|p| str_width(p) + str_width(m) <= width);
    if let Some(prefix) = prefix {
        let line = Line::from(vec![
            TextSpan::styled(prefix, theme.bar),
            TextSpan::styled(m.to_string(), theme.bar.patch(theme.message)),
        ]);
        buf.set_line(rect.x, rect.y, &line, rect.width);
        return false;
    }
    // Which stop and how much is reviewed stay in front.
    let prefix = format!("{tiny}{sep}{reviewed}{sep}");
    let rows = two_rows(&format!("{prefix}{m}"), width);
    for (text, r) in rows.iter().zip([rect, hint]) {
        buf.set_style(r, theme.bar);
        buf.set_stringn(
            r.x,
            r.y,
            text,
            r.width as usize,
            theme.bar.patch(theme.message),
        );
    }
    buf.set_stringn(rect.x, rect.y, &prefix, rect.width as usize, theme.bar);
    true
}

pub(super) fn hint_line(app: &App, rect: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if let Some(input) = &app.input {
        input_line(app, input, rect, buf);
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

/// The line being typed (a search or a note), its end in view.
fn input_line(app: &App, input: &Input, rect: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
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
}
