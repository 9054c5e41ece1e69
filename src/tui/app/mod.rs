//! The review's state and the only function that changes it.
//!
//! The Elm architecture: the run loop turns terminal events into an [`Action`], [`App::update`]
//! applies it, and the view draws from the state without changing it. Everything the screen
//! needs is derived here once: the navigable items (matches and quotations not in the
//! source), the highlight layers of each side, each pane's wrapped rows (re-wrapped only
//! when its width changes) and its scroll position, kept as a byte offset so it survives a
//! re-wrap. The one side effect is saving the review on every verdict or note, as the review
//! must survive a crash. Nothing here reads the terminal or the clock: time passes as
//! [`Action::Tick`]s.

mod differences;
mod filter;
mod layers;
mod panes;
mod progress;
mod search;
#[cfg(test)]
mod tests;
mod verdicts;

pub use crate::comparison::Side;
pub use filter::Filter;
pub use layers::{Item, ItemKind, Layer};
pub use panes::Pane;
pub use search::{find_all, Search};
pub use verdicts::{open_review, verdict_for, verdict_label, verdict_mark, ReviewFile};

use filter::details_in;
pub(in crate::tui) use filter::differences_in;
use layers::{items_of, layers_of};
use verdicts::no_verdict_message;

use crate::comparison::Comparison;
use crate::details::Detail;
use crate::review::Review;
use crate::span::Span;

use super::keys::{Command, KeyTable};
use super::layout::{InspectorSize, Screen};
use super::side::SideExt;
use super::theme::Theme;

/// How many ticks the counterpart stays flashed after `Enter`.
pub const FLASH_TICKS: u8 = 8;
/// Rows one mouse-wheel step scrolls.
const WHEEL_ROWS: isize = 3;

/// A one-line text being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// What the text is for.
    pub purpose: InputPurpose,
    /// The text so far.
    pub text: String,
}

/// What a one-line input is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputPurpose {
    /// A search of the focused text.
    Search,
    /// A note on the current match.
    Note,
}

/// The counterpart flashed after `Enter`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flash {
    /// Which pane.
    pub side: Side,
    /// Which bytes.
    pub span: Span,
    /// Ticks left.
    pub ticks: u8,
}

/// A text edit while typing a search or a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputEdit {
    /// A character typed.
    Char(char),
    /// Remove the last character.
    Backspace,
    /// Done (`Enter`).
    Submit,
    /// Abandon (`Esc`).
    Cancel,
}

/// Everything that can happen to the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A key bound in the key table.
    Command(Command),
    /// Typing in the input line.
    Input(InputEdit),
    /// The terminal has this many columns and rows.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The mouse wheel turned over the screen at this cell.
    Wheel {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// Towards the end of the text.
        down: bool,
    },
    /// A left click at this cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// Time passed (about a tenth of a second).
    Tick,
}

/// The whole state of a review session.
#[derive(Debug)]
pub struct App {
    /// What is reviewed.
    pub comparison: Comparison,
    /// Matches and quotations not in the source, in article order.
    pub items: Vec<Item>,
    /// Highlights of each side (source, article), drawn in this order.
    pub layers: [Vec<Layer>; 2],
    /// The filter in force.
    pub filter: Filter,
    /// Indices into `items` that pass the filter.
    pub visible: Vec<usize>,
    /// The current item (an index into `items`).
    pub current: Option<usize>,
    /// The difference `d`/`D` last stepped to (an index into `comparison.differences`).
    pub difference: Option<usize>,
    /// The stop each difference lies in (an index into `items`), computed once.
    pub difference_stops: Vec<Option<usize>>,
    /// The pane the keys scroll.
    pub focus: Side,
    /// Scroll state of the source and the article.
    pub panes: [Pane; 2],
    /// Terminal size.
    pub size: (u16, u16),
    /// How much of the screen the inspector takes.
    pub inspector: InspectorSize,
    /// The rows the docked inspector's content takes for the current stop, so the layout
    /// gives it no more (none before the first layout).
    pub inspector_rows: Option<u16>,
    /// The help screen is open.
    pub help: bool,
    /// The "who is quoted" summary is open.
    pub speakers: bool,
    /// Lines the help screen is scrolled by (when it is taller than the terminal).
    pub help_scroll: u16,
    /// A search or a note being typed.
    pub input: Option<Input>,
    /// The search `n`/`N` step through.
    pub search: Option<Search>,
    /// The reviewer's verdicts.
    pub review: Review,
    /// Where they are saved.
    pub review_file: ReviewFile,
    /// A line for the status bar (saved, changed documents, no more matches).
    pub message: Option<String>,
    /// The counterpart flashed after `Enter`.
    pub flash: Option<Flash>,
    /// Mouse capture on.
    pub mouse: bool,
    /// The user asked to leave.
    pub quit: bool,
    /// Why verdicts are not saved (the last save failed, or there is no file): shown until a
    /// save succeeds, and `q` asks before quitting.
    pub unsaved: Option<String>,
    /// `q` was pressed once with verdicts not saved: the next `q` quits.
    pub quit_asked: bool,
    /// Looks.
    pub theme: Theme,
    /// Keys.
    pub keys: KeyTable,
}

impl App {
    /// A review of `comparison` with nothing reviewed yet, no review file and the default
    /// keys: what the tests, the benches and a library user drawing a comparison start from.
    pub fn fresh(comparison: Comparison, theme: Theme) -> App {
        let review = Review::new(&comparison);
        App::new(
            comparison,
            review,
            ReviewFile::default(),
            theme,
            KeyTable::default(),
        )
    }

    /// A review of `comparison` with these verdicts, looks and keys.
    pub fn new(
        comparison: Comparison,
        review: Review,
        review_file: ReviewFile,
        theme: Theme,
        keys: KeyTable,
    ) -> App {
        let items = items_of(&comparison);
        let layers = layers_of(&comparison, &items);
        let difference_stops = differences::stops_of_differences(&comparison, &items);
        let mut app = App {
            comparison,
            items,
            layers,
            filter: Filter::All,
            visible: Vec::new(),
            current: None,
            difference: None,
            difference_stops,
            focus: Side::Article,
            panes: [Pane::default(), Pane::default()],
            size: (0, 0),
            inspector: InspectorSize::Docked,
            inspector_rows: None,
            help: false,
            speakers: false,
            help_scroll: 0,
            input: None,
            search: None,
            review,
            review_file,
            message: None,
            flash: None,
            mouse: true,
            quit: false,
            unsaved: None,
            quit_asked: false,
            theme,
            keys,
        };
        app.apply_filter();
        app.current = app.visible.first().copied();
        app.restore_place();
        app
    }

    /// The layout of the current terminal size.
    pub fn screen(&self) -> Screen {
        Screen::fitted(
            self.size.0,
            self.size.1,
            self.inspector,
            self.inspector_rows,
        )
    }

    /// A pane's state.
    pub fn pane(&self, side: Side) -> &Pane {
        &self.panes[side.index()]
    }

    /// A pane's state, to change (for `update`, and for benchmarks that place the view).
    pub fn pane_mut(&mut self, side: Side) -> &mut Pane {
        &mut self.panes[side.index()]
    }

    /// The highlights of one side, in drawing order.
    pub fn layers(&self, side: Side) -> &[Layer] {
        &self.layers[side.index()]
    }

    /// A document's text.
    pub fn text(&self, side: Side) -> &str {
        match side {
            Side::Source => &self.comparison.source.text,
            Side::Article => &self.comparison.article.text,
        }
    }

    /// The current item.
    ///
    /// None while the filter hides it: what the screen shows and what a verdict key acts on
    /// must be the same stop, and a filter with nothing in it shows none.
    pub fn current_item(&self) -> Option<&Item> {
        let cur = self.current?;
        self.visible.binary_search(&cur).ok()?;
        self.items.get(cur)
    }

    /// How the report names a stop: `M7` for a match (with `Q6` when it lies in a
    /// quotation), `Q6` for a quotation without a match. One numbering for the screen, the
    /// reports and the review file.
    pub fn id_label(&self, item: &Item) -> String {
        let c = &self.comparison;
        match item.kind {
            ItemKind::Match(i) => {
                let m = &c.matches[i];
                match m.quote.and_then(|q| c.quotes.get(q)) {
                    Some(q) => format!("M{} \u{b7} Q{}", m.id, q.id),
                    None => format!("M{}", m.id),
                }
            }
            ItemKind::Quotation(q) => format!("Q{}", c.quotes.get(q).map_or(0, |q| q.id)),
        }
    }

    /// Position of the current item in the filtered list, from 1.
    pub fn position(&self) -> Option<usize> {
        let cur = self.current?;
        self.visible.iter().position(|i| *i == cur).map(|p| p + 1)
    }

    /// The details compared inside an item: those the engine tied to its match, and those
    /// tied to no match that lie inside its passages.
    pub fn details_of(&self, item: &Item) -> Vec<&Detail> {
        details_in(&self.comparison, item).collect()
    }

    /// The verdict and note on a stop, whatever its kind.
    pub fn verdict(&self, item: &Item) -> crate::review::Entry {
        self.review.entry_at(item.review_key())
    }

    /// Applies one action: the only place the state changes.
    pub fn update(&mut self, action: Action) {
        let moved = !matches!(action, Action::Tick | Action::Wheel { .. });
        self.apply(action);
        if moved {
            self.fit_inspector();
        }
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Tick => {
                if let Some(f) = &mut self.flash {
                    f.ticks = f.ticks.saturating_sub(1);
                    if f.ticks == 0 {
                        self.flash = None;
                    }
                }
            }
            Action::Resize { width, height } => self.resize(width, height),
            Action::Input(edit) => {
                self.message = None;
                self.edit_input(edit);
            }
            Action::Command(command) => {
                self.message = None;
                let asked = std::mem::take(&mut self.quit_asked);
                if command == Command::Quit {
                    self.request_quit(asked);
                    return;
                }
                // Keys are text while typing, and behind the "too small" message nothing
                // moves unseen.
                if self.input.is_none() && !self.screen().too_small {
                    self.command(command);
                    self.refresh_filter();
                }
                // A failed save stays on screen until one succeeds.
                if self.message.is_none() {
                    self.message = self.unsaved.clone();
                }
            }
            Action::Wheel { column, row, down } => {
                if let Some(side) = self.side_at(column, row) {
                    self.pane_mut(side)
                        .scroll(if down { WHEEL_ROWS } else { -WHEEL_ROWS });
                }
            }
            Action::Click { column, row } => {
                self.message = None;
                self.click(column, row);
                self.refresh_filter();
            }
        }
    }

    fn command(&mut self, command: Command) {
        if self.help {
            self.help_command(command);
            return;
        }
        if self.speakers {
            // The summary only reads: it closes, or the program quits.
            match command {
                Command::Quit => self.quit = true,
                Command::Speakers | Command::Close => self.speakers = false,
                _ => {}
            }
            return;
        }
        let page = self.pane(self.focus).height.max(2) as isize;
        match command {
            Command::Next | Command::Prev if self.search.is_some() => {
                self.step_hit(command == Command::Next)
            }
            Command::Next | Command::NextMatch => self.step(1),
            Command::Prev | Command::PrevMatch => self.step(-1),
            Command::NextDifference => self.step_difference(true),
            Command::PrevDifference => self.step_difference(false),
            Command::FirstMatch => self.go_to_position(0),
            Command::LastMatch => self.go_to_position(self.visible.len().saturating_sub(1)),
            Command::SwitchPane => self.focus = self.focus.other(),
            Command::PageDown => self.pane_mut(self.focus).scroll(page - 1),
            Command::PageUp => self.pane_mut(self.focus).scroll(1 - page),
            Command::HalfPageDown => self.pane_mut(self.focus).scroll(page / 2),
            Command::HalfPageUp => self.pane_mut(self.focus).scroll(-page / 2),
            Command::LineDown => self.pane_mut(self.focus).scroll(1),
            Command::LineUp => self.pane_mut(self.focus).scroll(-1),
            Command::Sync => self.sync(),
            Command::CycleFilter => self.cycle_filter(true),
            Command::CycleFilterBack => self.cycle_filter(false),
            Command::NextUnreviewed => self.next_unreviewed(),
            Command::Recenter => self.recenter(),
            Command::Search => {
                self.input = Some(Input {
                    purpose: InputPurpose::Search,
                    text: String::new(),
                })
            }
            Command::ToggleInspector => {
                self.inspector = self.inspector.next();
                self.resize(self.size.0, self.size.1);
            }
            Command::Accept | Command::Flag | Command::Unreview | Command::Fabricated => {
                self.judge(command)
            }
            Command::Note => self.start_note(),
            Command::ToggleMouse => self.toggle_mouse(),
            Command::Speakers => self.speakers = true,
            Command::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            Command::Close => {
                if self.search.take().is_some() {
                    self.message = Some("search closed: n steps through matches".to_string());
                }
                self.flash = None;
            }
            Command::Quit => self.quit = true,
        }
    }

    /// Keys while the help is open: they scroll it or close it, nothing else.
    fn help_command(&mut self, command: Command) {
        let page = self.size.1.saturating_sub(4).max(1);
        match command {
            Command::Quit => self.quit = true,
            Command::Help | Command::Close => self.help = false,
            Command::Next | Command::NextMatch | Command::LineDown => {
                self.help_scroll = self.help_scroll.saturating_add(1)
            }
            Command::Prev | Command::PrevMatch | Command::LineUp => {
                self.help_scroll = self.help_scroll.saturating_sub(1)
            }
            Command::PageDown | Command::HalfPageDown => {
                self.help_scroll = self.help_scroll.saturating_add(page)
            }
            Command::PageUp | Command::HalfPageUp => {
                self.help_scroll = self.help_scroll.saturating_sub(page)
            }
            Command::FirstMatch => self.help_scroll = 0,
            _ => {}
        }
    }

    /// `c`: the note line, filled with the note already there.
    fn start_note(&mut self) {
        match self.current_item() {
            Some(item) => {
                let note = self.verdict(item).note.unwrap_or_default();
                self.input = Some(Input {
                    purpose: InputPurpose::Note,
                    text: note,
                });
            }
            None => self.message = Some(no_verdict_message().to_string()),
        }
    }

    fn toggle_mouse(&mut self) {
        self.mouse = !self.mouse;
        self.message = Some(if self.mouse {
            "mouse capture on".to_string()
        } else {
            format!(
                "mouse capture off: select text to copy; {} turns it back on",
                self.keys.label(Command::ToggleMouse)
            )
        });
    }

    fn step(&mut self, delta: isize) {
        let Some(pos) = self.position() else {
            // The current item is hidden by the filter: start from its neighbourhood.
            self.after_filter();
            return;
        };
        let target = pos as isize - 1 + delta;
        if target < 0 {
            self.message = Some("first match".to_string());
        } else if target as usize >= self.visible.len() {
            self.message = Some("last match".to_string());
        } else {
            self.go_to_position(target as usize);
        }
    }

    fn go_to_position(&mut self, pos: usize) {
        if let Some(i) = self.visible.get(pos).copied() {
            self.current = Some(i);
            self.reveal_current();
        }
    }

    fn edit_input(&mut self, edit: InputEdit) {
        let Some(input) = &mut self.input else {
            return;
        };
        match edit {
            InputEdit::Char(c) if !c.is_control() => input.text.push(c),
            InputEdit::Char(_) => {}
            InputEdit::Backspace => {
                input.text.pop();
            }
            InputEdit::Cancel => self.input = None,
            InputEdit::Submit => {
                let Some(input) = self.input.take() else {
                    return;
                };
                match input.purpose {
                    InputPurpose::Search => self.start_search(input.text),
                    InputPurpose::Note => {
                        if let Some(key) = self.current_item().map(|i| i.review_key()) {
                            self.review.set_note_at(key, &input.text);
                            self.review.set_place(key);
                            self.save("note");
                        }
                    }
                }
            }
        }
    }
}
