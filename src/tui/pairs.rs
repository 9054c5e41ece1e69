//! The list of a scan's pairs (`quotediff open results.jsonl`), in front of the review.
//!
//! The pairs are shown highest share of the article first; `/` filters them by source (the
//! typed text found in the source's id), `s` keeps only the selected pair's source (again:
//! all); Enter opens the pair in the usual review, and Esc there comes back to the list, on
//! the same row. State, keys and drawing follow the review's pattern: a [`PairList`] model
//! changed only by [`PairList::update`], and a [`render`] that only reads it. Loading a pair's
//! texts is the caller's (the list knows records, not archives).

use std::io::{self, IsTerminal};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState};
use ratatui::{Frame, Terminal};

use super::{action_of, app::Action, prepare, view, Options, TerminalGuard, TuiError};
use crate::compare::Comparison;
use crate::scan::record::PairRecord;

/// What the user can do on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListAction {
    /// Select the row above (`k`, Up).
    Up,
    /// Select the row below (`j`, Down).
    Down,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// Open the selected pair (Enter).
    Open,
    /// Keep only the selected pair's source, or all sources again (`s`).
    ToggleSource,
    /// Start typing a source filter (`/`).
    StartFilter,
    /// A character of the filter being typed.
    FilterChar(char),
    /// Remove the filter's last character.
    FilterBackspace,
    /// Stop typing (Enter keeps the filter, Esc clears it).
    FilterDone {
        /// Keep what was typed.
        keep: bool,
    },
    /// Leave (`q`, Esc, Ctrl-C).
    Quit,
}

/// The list's state.
#[derive(Debug, Clone)]
pub struct PairList {
    /// All pairs, highest share of the article first.
    records: Vec<PairRecord>,
    /// Only sources whose id contains this.
    pub filter: String,
    /// True while the filter is being typed.
    pub typing: bool,
    /// Row selected among the visible ones.
    pub selected: usize,
    /// Rows in a page (set from the terminal's height).
    pub page: usize,
    /// A line for the user (a pair that could not be loaded).
    pub message: Option<String>,
    /// True once the user has asked to leave.
    pub quit: bool,
}

impl PairList {
    /// The list of `records`, sorted highest share first (then most quotations, then ids).
    pub fn new(mut records: Vec<PairRecord>) -> Self {
        records.sort_by(|a, b| {
            b.article_from_source
                .total_cmp(&a.article_from_source)
                .then(b.quotes_from_source().cmp(&a.quotes_from_source()))
                .then(a.article_id.cmp(&b.article_id))
                .then(a.source_id.cmp(&b.source_id))
        });
        PairList {
            records,
            filter: String::new(),
            typing: false,
            selected: 0,
            page: 20,
            message: None,
            quit: false,
        }
    }

    /// The pairs the filter lets through, in order.
    pub fn visible(&self) -> Vec<&PairRecord> {
        let filter = self.filter.to_lowercase();
        self.records
            .iter()
            .filter(|r| filter.is_empty() || r.source_id.to_lowercase().contains(&filter))
            .collect()
    }

    /// The selected pair.
    pub fn current(&self) -> Option<&PairRecord> {
        self.visible().get(self.selected).copied()
    }

    /// Applies an action; returns the pair to open, for [`ListAction::Open`].
    pub fn update(&mut self, action: ListAction) -> Option<PairRecord> {
        let rows = self.visible().len();
        let last = rows.saturating_sub(1);
        self.message = None;
        match action {
            ListAction::Up => self.selected = self.selected.saturating_sub(1),
            ListAction::Down => self.selected = (self.selected + 1).min(last),
            ListAction::PageUp => self.selected = self.selected.saturating_sub(self.page),
            ListAction::PageDown => self.selected = (self.selected + self.page).min(last),
            ListAction::Open => return self.current().cloned(),
            ListAction::ToggleSource => {
                self.filter = match (self.filter.is_empty(), self.current()) {
                    (true, Some(record)) => record.source_id.clone(),
                    _ => String::new(),
                };
                self.selected = 0;
            }
            ListAction::StartFilter => self.typing = true,
            ListAction::FilterChar(c) => {
                self.filter.push(c);
                self.selected = 0;
            }
            ListAction::FilterBackspace => {
                self.filter.pop();
                self.selected = 0;
            }
            ListAction::FilterDone { keep } => {
                self.typing = false;
                if !keep {
                    self.filter.clear();
                }
            }
            ListAction::Quit => self.quit = true,
        }
        None
    }
}

/// The action of a key on the list.
pub fn list_action(list: &PairList, key: KeyEvent) -> Option<ListAction> {
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(ListAction::Quit);
    }
    if list.typing {
        return match key.code {
            KeyCode::Enter => Some(ListAction::FilterDone { keep: true }),
            KeyCode::Esc => Some(ListAction::FilterDone { keep: false }),
            KeyCode::Backspace => Some(ListAction::FilterBackspace),
            KeyCode::Char(c) => Some(ListAction::FilterChar(c)),
            _ => None,
        };
    }
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(ListAction::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(ListAction::Down),
        KeyCode::PageUp => Some(ListAction::PageUp),
        KeyCode::PageDown | KeyCode::Char(' ') => Some(ListAction::PageDown),
        KeyCode::Enter => Some(ListAction::Open),
        KeyCode::Char('s') => Some(ListAction::ToggleSource),
        KeyCode::Char('/') => Some(ListAction::StartFilter),
        KeyCode::Char('q') | KeyCode::Esc => Some(ListAction::Quit),
        _ => None,
    }
}

/// Draws the list: a title line, the table of pairs, a line of keys (or the filter typed).
pub fn render(list: &PairList, frame: &mut Frame) {
    let [title, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let visible = list.visible();
    let heading = match list.filter.is_empty() {
        true => format!("quotediff · {} pairs, highest share first", visible.len()),
        false => format!(
            "quotediff · {} pairs · source: {}",
            visible.len(),
            list.filter
        ),
    };
    frame.render_widget(
        Paragraph::new(heading).style(Style::new().add_modifier(Modifier::BOLD)),
        title,
    );
    let rows = visible.iter().map(|r| {
        Row::new([
            format!("{:5.1}%", r.article_from_source * 100.0),
            r.quotes_from_source().to_string(),
            r.differences.values().sum::<usize>().to_string(),
            r.article_id.clone(),
            r.source_id.clone(),
            r.article_date.clone().unwrap_or_default(),
        ])
    });
    let widths = [
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(5),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Length(10),
    ];
    let table = Table::new(rows, widths)
        .header(
            Row::new(["share", "quotes", "diffs", "article", "source", "date"])
                .style(Style::new().add_modifier(Modifier::UNDERLINED)),
        )
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("▶ ");
    let mut state =
        TableState::default().with_selected((!visible.is_empty()).then_some(list.selected));
    frame.render_stateful_widget(table, body, &mut state);
    let footer = match (&list.message, list.typing) {
        (Some(message), _) => Line::from(message.as_str()),
        (None, true) => Line::from(vec![
            Span::raw("source: "),
            Span::raw(list.filter.as_str()),
            Span::raw("▏"),
        ]),
        (None, false) => {
            Line::from("Enter review · ↑/↓ move · / filter by source · s only this source · q quit")
        }
    };
    frame.render_widget(Paragraph::new(footer), foot);
}

/// Runs the list until the user quits; `load` gives the comparison of a pair when it is
/// opened, or a message saying why it cannot.
pub fn run(
    records: Vec<PairRecord>,
    mut load: impl FnMut(&PairRecord) -> Result<Comparison, String>,
    options: Options,
) -> Result<(), TuiError> {
    if !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let mut list = PairList::new(records);
    let mut guard = TerminalGuard::enter(false)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    while !list.quit {
        list.page = usize::from(terminal.size()?.height.saturating_sub(4)).max(1);
        terminal.draw(|frame| render(&list, frame))?;
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        let Some(record) = list_action(&list, key).and_then(|action| list.update(action)) else {
            continue;
        };
        match load(&record) {
            Ok(comparison) => {
                // The review draws through the same terminal, so the next frame of the list
                // is diffed against the review's last one: no clearing (which would ask the
                // terminal where its cursor is) is needed.
                review(&mut terminal, &mut guard, comparison, &options)?;
            }
            Err(message) => list.message = Some(message),
        }
    }
    drop(guard);
    Ok(())
}

/// The review of one pair in the list's terminal, until Esc (or the review's quit key).
fn review(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    guard: &mut TerminalGuard,
    comparison: Comparison,
    options: &Options,
) -> Result<(), TuiError> {
    let mut app = prepare(comparison, options)?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    while !app.quit {
        terminal.draw(|frame| view::render(&app, frame))?;
        if app.mouse != guard.mouse {
            guard.set_mouse(app.mouse)?;
        }
        if !event::poll(Duration::from_millis(if app.flash.is_some() {
            100
        } else {
            500
        }))? {
            if app.flash.is_some() {
                app.update(Action::Tick);
            }
            continue;
        }
        let event = event::read()?;
        let back = matches!(&event, Event::Key(k) if k.code == KeyCode::Esc && k.kind != KeyEventKind::Release);
        if back && app.input.is_none() && !app.help {
            break;
        }
        if let Some(action) = action_of(&app, event) {
            app.update(action);
        }
    }
    guard.set_mouse(false)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use std::collections::BTreeMap;

    fn record(article: &str, source: &str, share: f64) -> PairRecord {
        PairRecord {
            source_id: source.into(),
            article_id: article.into(),
            source_date: None,
            article_date: Some("2024-05-02".into()),
            article_title: None,
            article_url: None,
            shared_shingles: 4,
            article_from_source: share,
            source_in_article: share,
            quotes: BTreeMap::new(),
            differences: BTreeMap::new(),
            longest: None,
        }
    }

    fn screen(list: &PairList) -> String {
        let mut terminal = Terminal::new(TestBackend::new(90, 8)).expect("test terminal");
        terminal.draw(|frame| render(list, frame)).expect("drawn");
        terminal.backend().to_string()
    }

    #[test]
    fn pairs_show_highest_share_first_and_filter_by_source() {
        let mut list = PairList::new(vec![
            record("a1", "ministry-7", 0.10),
            record("a2", "council-3", 0.60),
            record("a3", "ministry-7", 0.30),
        ]);
        assert_eq!(list.current().map(|r| r.article_id.as_str()), Some("a2"));
        insta::assert_snapshot!("pair_list_90x8", screen(&list));
        list.update(ListAction::Down);
        list.update(ListAction::ToggleSource);
        assert_eq!(list.filter, "ministry-7");
        let ids: Vec<&str> = list
            .visible()
            .iter()
            .map(|r| r.article_id.as_str())
            .collect();
        assert_eq!(ids, ["a3", "a1"]);
        list.update(ListAction::ToggleSource);
        assert_eq!(list.visible().len(), 3);
        for c in "COUNCIL".chars() {
            list.update(ListAction::FilterChar(c));
        }
        list.update(ListAction::FilterDone { keep: true });
        assert_eq!(
            list.update(ListAction::Open).map(|r| r.article_id),
            Some("a2".into())
        );
        assert!(screen(&list).contains("source: COUNCIL"));
    }
}
