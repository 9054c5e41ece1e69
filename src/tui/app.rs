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

use std::path::{Path, PathBuf};

use crate::compare::{Comparison, Fidelity, MatchKind, QuoteStatus};
use crate::details::{Detail, Relation};
use crate::review::{Review, ReviewError, Verdict};
use crate::span::Span;

use super::keys::{Command, KeyTable};
use super::layout::Screen;
use super::theme::{Mark, Theme};
use super::wrap::{char_width, WrapCache};

/// How many ticks the counterpart stays flashed after `Enter`.
pub const FLASH_TICKS: u8 = 8;
/// Rows one mouse-wheel step scrolls.
const WHEEL_ROWS: isize = 3;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The official text, drawn on the left (or on top when stacked).
    Source,
    /// The article, drawn on the right (or below).
    Article,
}

impl Side {
    /// The other document.
    pub fn other(self) -> Side {
        match self {
            Side::Source => Side::Article,
            Side::Article => Side::Source,
        }
    }

    fn index(self) -> usize {
        match self {
            Side::Source => 0,
            Side::Article => 1,
        }
    }

    /// How the screen names it.
    pub fn label(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::Article => "article",
        }
    }
}

/// What one navigable item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// `Comparison::matches[i]`.
    Match(usize),
    /// `Comparison::quotes[i]`, a quotation without a match: one the source does not
    /// contain, or one of one or two words the source has word for word.
    Quotation(usize),
}

/// One stop of `n`/`N`: a match, or a quotation not in the source (which has no match but
/// is what a fact-checker most needs to see).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// What it is.
    pub kind: ItemKind,
    /// How it is highlighted.
    pub mark: Mark,
    /// Its passage in the source, if it has one.
    pub source: Option<Span>,
    /// Its passage in the article.
    pub article: Span,
}

impl Item {
    /// Its passage on one side.
    pub fn span(&self, side: Side) -> Option<Span> {
        match side {
            Side::Source => self.source,
            Side::Article => Some(self.article),
        }
    }
}

/// Which items `n`/`N` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Everything.
    All,
    /// Quotations, found in the source or not.
    Quotations,
    /// Altered quotations.
    Altered,
    /// Quotations not in the source.
    NotInSource,
    /// Reuse without quotation marks.
    Reuse,
    /// Paraphrases.
    Paraphrase,
    /// Matches with details compared inside them.
    Details,
}

impl Filter {
    /// The order `f` cycles through.
    pub const CYCLE: [Filter; 7] = [
        Filter::All,
        Filter::Quotations,
        Filter::Altered,
        Filter::NotInSource,
        Filter::Reuse,
        Filter::Paraphrase,
        Filter::Details,
    ];

    /// How the screen names it.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Quotations => "quotations",
            Filter::Altered => "altered",
            Filter::NotInSource => "not in source",
            Filter::Reuse => "reuse",
            Filter::Paraphrase => "paraphrase",
            Filter::Details => "details",
        }
    }

    fn next(self) -> Filter {
        let i = Filter::CYCLE.iter().position(|f| *f == self).unwrap_or(0);
        Filter::CYCLE[(i + 1) % Filter::CYCLE.len()]
    }

    fn admits(self, item: &Item, c: &Comparison) -> bool {
        match self {
            Filter::All => true,
            Filter::Quotations => matches!(
                item.mark,
                Mark::Verified | Mark::Altered | Mark::NotInSource
            ),
            Filter::Altered => item.mark == Mark::Altered,
            Filter::NotInSource => item.mark == Mark::NotInSource,
            Filter::Reuse => item.mark == Mark::Reuse,
            Filter::Paraphrase => item.mark == Mark::Paraphrase,
            Filter::Details => details_in(c, item).next().is_some(),
        }
    }
}

/// A highlighted stretch of one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layer {
    /// The bytes highlighted.
    pub span: Span,
    /// How.
    pub mark: Mark,
    /// The item a click on it selects.
    pub item: Option<usize>,
}

/// One pane's scroll state over its wrapped document.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    /// The document wrapped at the pane's width.
    pub wrap: WrapCache,
    /// Byte offset of the first row on screen: an anchor in the text, not a row number, so
    /// a re-wrap keeps the same words at the top.
    pub top: usize,
    /// Rows of text the pane shows.
    pub height: usize,
}

impl Pane {
    /// The row at the top of the pane.
    pub fn top_row(&self) -> usize {
        self.wrap.row_of(self.top)
    }

    fn max_top_row(&self) -> usize {
        self.wrap.rows().len().saturating_sub(self.height.max(1))
    }

    fn set_top_row(&mut self, row: usize) {
        let row = row.min(self.max_top_row());
        self.top = self.wrap.rows().get(row).map_or(0, |r| r.start);
    }

    fn scroll(&mut self, rows: isize) {
        let top = self.top_row() as isize + rows;
        self.set_top_row(top.max(0) as usize);
    }

    /// The bytes on screen.
    pub fn visible_bytes(&self) -> Span {
        let rows = self.wrap.rows();
        let first = self.top_row();
        let last = (first + self.height.max(1)).min(rows.len());
        match (
            rows.get(first),
            last.checked_sub(1).and_then(|l| rows.get(l)),
        ) {
            (Some(a), Some(b)) => Span::new(a.start, b.end.max(a.start)),
            _ => Span::default(),
        }
    }

    /// First and last row of a span.
    fn rows_of(&self, span: Span) -> (usize, usize) {
        let first = self.wrap.row_of(span.start);
        let last = self.wrap.row_of(span.end.saturating_sub(1).max(span.start));
        (first, last.max(first))
    }

    fn shows(&self, span: Span) -> bool {
        let (first, last) = self.rows_of(span);
        let top = self.top_row();
        let bottom = top + self.height.max(1);
        // A passage taller than the pane counts as shown when its start is.
        first >= top && (last < bottom || (first < bottom && last - first >= self.height))
    }
}

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

/// An active search: `n`/`N` step through its hits until `Esc`.
#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    /// The text searched.
    pub side: Side,
    /// What was typed.
    pub query: String,
    /// Every occurrence, in text order.
    pub hits: Vec<Span>,
    /// The hit last moved to.
    pub current: Option<usize>,
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

/// Where the review is saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewFile {
    /// The sidecar file; none for the bundled pair or standard input without `--review-file`.
    pub path: Option<PathBuf>,
    /// The file holds a review that could not be used (documents changed, broken file): it
    /// is moved aside, not overwritten, at the first save.
    pub keep_old: bool,
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
    /// The pane the keys scroll.
    pub focus: Side,
    /// Scroll state of the source and the article.
    pub panes: [Pane; 2],
    /// Terminal size.
    pub size: (u16, u16),
    /// The inspector is shown.
    pub inspector: bool,
    /// The help screen is open.
    pub help: bool,
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
    /// Looks.
    pub theme: Theme,
    /// Keys.
    pub keys: KeyTable,
}

/// Opens the review saved for this comparison at `path`. A file that cannot be used
/// (documents changed since, not a review) yields a fresh review, a message saying so, and
/// `keep_old` so the first save moves the old file aside instead of overwriting it.
pub fn open_review(path: Option<&Path>, c: &Comparison) -> (Review, ReviewFile, Option<String>) {
    let Some(path) = path else {
        return (Review::new(c), ReviewFile::default(), None);
    };
    let file = |keep_old| ReviewFile {
        path: Some(path.to_path_buf()),
        keep_old,
    };
    match Review::load(path, c) {
        Ok(Some(review)) => {
            let n = review.reviewed(c);
            let plural = if n == 1 { "" } else { "s" };
            let msg =
                (n > 0).then(|| format!("restored {n} verdict{plural} from {}", path.display()));
            (review, file(false), msg)
        }
        Ok(None) => (Review::new(c), file(false), None),
        Err(e @ (ReviewError::DocumentsChanged { .. } | ReviewError::Invalid { .. })) => (
            Review::new(c),
            file(true),
            Some(format!(
                "{e}; starting a fresh review (the old file is kept as .old at the first verdict)"
            )),
        ),
        Err(e) => (Review::new(c), file(false), Some(e.to_string())),
    }
}

impl App {
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
        let mut app = App {
            comparison,
            items,
            layers,
            filter: Filter::All,
            visible: Vec::new(),
            current: None,
            focus: Side::Article,
            panes: [Pane::default(), Pane::default()],
            size: (0, 0),
            inspector: true,
            help: false,
            help_scroll: 0,
            input: None,
            search: None,
            review,
            review_file,
            message: None,
            flash: None,
            mouse: true,
            quit: false,
            theme,
            keys,
        };
        app.apply_filter();
        app.current = app.visible.first().copied();
        app
    }

    /// The layout of the current terminal size.
    pub fn screen(&self) -> Screen {
        Screen::new(self.size.0, self.size.1, self.inspector)
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
    pub fn current_item(&self) -> Option<&Item> {
        self.current.and_then(|i| self.items.get(i))
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

    /// The verdict on an item (quotations not in the source take none).
    pub fn verdict(&self, item: &Item) -> Option<crate::review::Entry> {
        match item.kind {
            ItemKind::Match(i) => Some(self.review.entry(&self.comparison.matches[i])),
            ItemKind::Quotation(_) => None,
        }
    }

    /// Applies one action: the only place the state changes.
    pub fn update(&mut self, action: Action) {
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
                if self.input.is_some() {
                    // Keys are text while typing; only Ctrl-C still quits.
                    if command == Command::Quit {
                        self.quit = true;
                    }
                    return;
                }
                self.command(command);
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
            }
        }
    }

    fn command(&mut self, command: Command) {
        if self.help {
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
            return;
        }
        let page = self.pane(self.focus).height.max(2) as isize;
        match command {
            Command::Next | Command::Prev if self.search.is_some() => {
                self.step_hit(command == Command::Next)
            }
            Command::Next | Command::NextMatch => self.step(1),
            Command::Prev | Command::PrevMatch => self.step(-1),
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
            Command::CycleFilter => {
                self.filter = self.filter.next();
                self.apply_filter();
                self.after_filter();
            }
            Command::Search => {
                self.input = Some(Input {
                    purpose: InputPurpose::Search,
                    text: String::new(),
                })
            }
            Command::ToggleInspector => {
                self.inspector = !self.inspector;
                self.resize(self.size.0, self.size.1);
            }
            Command::Accept => self.set_verdict(Verdict::Accepted),
            Command::Flag => self.set_verdict(Verdict::Flagged),
            Command::Unreview => self.set_verdict(Verdict::Unreviewed),
            Command::Note => match self.current_item().map(|i| i.kind) {
                Some(ItemKind::Match(i)) => {
                    let note = self
                        .review
                        .entry(&self.comparison.matches[i])
                        .note
                        .unwrap_or_default();
                    self.input = Some(Input {
                        purpose: InputPurpose::Note,
                        text: note,
                    });
                }
                _ => self.message = Some(no_verdict_message().to_string()),
            },
            Command::ToggleMouse => {
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

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let screen = self.screen();
        if screen.too_small {
            return;
        }
        for side in [Side::Source, Side::Article] {
            let area = screen.text_area(side);
            let text_len = self.text(side).len();
            let (width, height) = (area.width as usize, area.height as usize);
            let pane = &mut self.panes[side.index()];
            let text = match side {
                Side::Source => &self.comparison.source.text,
                Side::Article => &self.comparison.article.text,
            };
            pane.wrap.ensure(text, width);
            pane.height = height;
            pane.top = pane.top.min(text_len);
            // The same words stay at the top; the row may now start earlier.
            let row = pane.top_row();
            pane.set_top_row(row);
        }
        self.reveal_current();
    }

    fn apply_filter(&mut self) {
        let c = &self.comparison;
        let filter = self.filter;
        self.visible = (0..self.items.len())
            .filter(|i| filter.admits(&self.items[*i], c))
            .collect();
    }

    fn after_filter(&mut self) {
        let at = self.current_item().map_or(0, |i| i.article.start);
        let next = self
            .visible
            .iter()
            .copied()
            .find(|i| self.items[*i].article.start >= at)
            .or_else(|| self.visible.last().copied());
        match next {
            Some(i) => {
                self.current = Some(i);
                self.reveal_current();
            }
            None => {
                self.message = Some(format!("no {} in this pair", self.filter.label()));
            }
        }
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

    /// Scrolls both panes so the current item is in view on each side, its first row at the
    /// same height in both when they have to move.
    fn reveal_current(&mut self) {
        let Some(item) = self.current_item().copied() else {
            return;
        };
        let sides: Vec<(Side, Span)> = [Side::Source, Side::Article]
            .into_iter()
            .filter_map(|s| item.span(s).map(|span| (s, span)))
            .collect();
        if sides.iter().all(|(s, span)| self.pane(*s).shows(*span)) {
            return;
        }
        let offset = sides
            .iter()
            .map(|(s, span)| {
                let pane = self.pane(*s);
                (pane.height / 4).min(pane.rows_of(*span).0)
            })
            .min()
            .unwrap_or(0);
        for (s, span) in sides {
            let pane = self.pane_mut(s);
            let first = pane.rows_of(span).0;
            pane.set_top_row(first - offset.min(first));
        }
    }

    /// `Enter`: the match on screen in the focused pane becomes current and the other pane
    /// shows its counterpart at the same height, flashed.
    fn sync(&mut self) {
        let side = self.focus;
        let seen = self.pane(side).visible_bytes();
        let on_screen = |i: usize| {
            self.items[i]
                .span(side)
                .is_some_and(|s| s.overlaps(&seen) || (s.is_empty() && seen.contains(&s)))
        };
        let chosen = self
            .current
            .filter(|c| on_screen(*c))
            .or_else(|| self.visible.iter().copied().find(|i| on_screen(*i)));
        let Some(chosen) = chosen else {
            self.message = Some(format!("no match on screen in the {}", side.label()));
            return;
        };
        self.current = Some(chosen);
        let item = self.items[chosen];
        let other = side.other();
        let Some(counterpart) = item.span(other) else {
            self.message = Some("this quotation is not in the source".to_string());
            return;
        };
        let here = self.pane(side);
        let anchor = here
            .rows_of(item.span(side).unwrap_or_default())
            .0
            .saturating_sub(here.top_row());
        let pane = self.pane_mut(other);
        let first = pane.rows_of(counterpart).0;
        pane.set_top_row(first.saturating_sub(anchor));
        self.flash = Some(Flash {
            side: other,
            span: counterpart,
            ticks: FLASH_TICKS,
        });
    }

    fn side_at(&self, column: u16, row: u16) -> Option<Side> {
        let screen = self.screen();
        if screen.too_small {
            return None;
        }
        let p = ratatui::layout::Position::new(column, row);
        [Side::Source, Side::Article]
            .into_iter()
            .find(|s| screen.pane(*s).contains(p))
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some(side) = self.side_at(column, row) else {
            return;
        };
        self.focus = side;
        let area = self.screen().text_area(side);
        if column < area.x || row < area.y {
            return;
        }
        let pane = self.pane(side);
        let Some(r) = pane
            .wrap
            .rows()
            .get(pane.top_row() + (row - area.y) as usize)
        else {
            return;
        };
        // Walk the row to the clicked column.
        let text = self.text(side);
        let want = (column - area.x) as usize;
        let mut col = 0;
        let mut at = r.end;
        for (i, c) in text[r.start..r.end].char_indices() {
            col += char_width(c);
            if col > want {
                at = r.start + i;
                break;
            }
        }
        let hit = |i: &usize| {
            self.items[*i]
                .span(side)
                .is_some_and(|s| s.start <= at && at < s.end)
        };
        if let Some(i) = self.visible.iter().copied().find(hit) {
            self.current = Some(i);
        } else if (0..self.items.len()).any(|i| hit(&i)) {
            self.message = Some(format!(
                "that passage is hidden by the filter ({})",
                self.filter.label()
            ));
        }
    }

    fn set_verdict(&mut self, verdict: Verdict) {
        let Some(ItemKind::Match(i)) = self.current_item().map(|i| i.kind) else {
            self.message = Some(no_verdict_message().to_string());
            return;
        };
        let m = &self.comparison.matches[i];
        self.review.set_verdict(m, verdict);
        self.save(verdict.as_str());
    }

    fn save(&mut self, what: &str) {
        let Some(path) = self.review_file.path.clone() else {
            self.message = Some(format!(
                "{what} (kept for this session only: give files or --review-file PATH to save)"
            ));
            return;
        };
        let mut note = String::new();
        if self.review_file.keep_old && path.exists() {
            let mut old = path.as_os_str().to_os_string();
            old.push(".old");
            let old = PathBuf::from(old);
            if let Err(e) = std::fs::rename(&path, &old) {
                self.message = Some(format!(
                    "not saved: could not move the old review aside to {}: {e}",
                    old.display()
                ));
                return;
            }
            note = format!("; the old review is kept as {}", old.display());
        }
        self.review_file.keep_old = false;
        self.message = Some(match self.review.save(&path, &self.comparison) {
            Ok(()) => format!("{what} · saved to {}{note}", path.display()),
            Err(e) => format!("{what} but not saved: {e}"),
        });
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
                        if let Some(ItemKind::Match(i)) = self.current_item().map(|i| i.kind) {
                            let m = &self.comparison.matches[i];
                            self.review.set_note(m, &input.text);
                            self.save("note");
                        }
                    }
                }
            }
        }
    }

    fn start_search(&mut self, query: String) {
        if query.trim().is_empty() {
            return;
        }
        let side = self.focus;
        let hits = find_all(self.text(side), &query);
        if hits.is_empty() {
            self.message = Some(format!(
                "no \u{201c}{query}\u{201d} in the {}",
                side.label()
            ));
            self.search = None;
            return;
        }
        let top = self.pane(side).top;
        let first = hits.iter().position(|h| h.start >= top).unwrap_or(0);
        self.search = Some(Search {
            side,
            query,
            hits,
            current: None,
        });
        self.go_to_hit(first);
    }

    fn step_hit(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            return;
        };
        let n = search.hits.len();
        let next = match (search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        if matches!((search.current, forward), (Some(i), true) if i + 1 == n)
            || matches!((search.current, forward), (Some(0), false))
        {
            self.message = Some("search wrapped around".to_string());
        }
        self.go_to_hit(next);
    }

    fn go_to_hit(&mut self, index: usize) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.current = Some(index);
        let (side, hit) = (search.side, search.hits[index]);
        let pane = self.pane_mut(side);
        if !pane.shows(hit) {
            let first = pane.rows_of(hit).0;
            let offset = pane.height / 4;
            pane.set_top_row(first.saturating_sub(offset));
        }
    }
}

fn no_verdict_message() -> &'static str {
    "verdicts go on matched passages; this quotation is not in the source"
}

/// The details of an item: tied to its match by the engine, or tied to no match and lying
/// inside one of its passages.
fn details_in<'c>(c: &'c Comparison, item: &Item) -> impl Iterator<Item = &'c Detail> {
    let id = match item.kind {
        ItemKind::Match(i) => Some(c.matches[i].id),
        ItemKind::Quotation(_) => None,
    };
    let (source, article) = (item.source, item.article);
    c.details.iter().filter(move |d| match d.match_id {
        Some(m) => Some(m) == id,
        None => {
            d.article.is_some_and(|a| article.contains(&a))
                || d.source.zip(source).is_some_and(|(d, s)| s.contains(&d))
        }
    })
}

/// Every occurrence of `query` in `text`, ignoring ASCII case.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let q = query.as_bytes();
    let t = text.as_bytes();
    if q.is_empty() || q.len() > t.len() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut i = 0;
    while i + q.len() <= t.len() {
        if t[i..i + q.len()].eq_ignore_ascii_case(q)
            && text.is_char_boundary(i)
            && text.is_char_boundary(i + q.len())
        {
            hits.push(Span::new(i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    hits
}

/// The navigable items: every match, and every quotation not in the source, in article order.
fn items_of(c: &Comparison) -> Vec<Item> {
    let mut items: Vec<Item> = c
        .matches
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let quote = m.quote.and_then(|q| c.quotes.get(q)).map(|q| q.status);
            let mark = match (m.kind, quote) {
                (MatchKind::Reuse, _) => Mark::Reuse,
                (MatchKind::Paraphrase, _) => Mark::Paraphrase,
                (MatchKind::Quotation, Some(QuoteStatus::Altered)) => Mark::Altered,
                (MatchKind::Quotation, _) if m.fidelity == Fidelity::Edited => Mark::Altered,
                (MatchKind::Quotation, _) => Mark::Verified,
            };
            Item {
                kind: ItemKind::Match(i),
                mark,
                source: Some(m.source),
                article: m.article,
            }
        })
        .collect();
    for (i, q) in c.quotes.iter().enumerate() {
        if q.status == QuoteStatus::NotInSource {
            items.push(Item {
                kind: ItemKind::Quotation(i),
                mark: Mark::NotInSource,
                source: None,
                article: q.article,
            });
        } else if let (Some(found), true) = (q.source_phrase, q.matches.is_empty()) {
            items.push(Item {
                kind: ItemKind::Quotation(i),
                mark: Mark::Verified,
                source: Some(found),
                article: q.article,
            });
        }
    }
    items.sort_by_key(|i| (i.article.start, i.source.map(|s| s.start)));
    items
}

/// The highlights of each side, in drawing order: passages, then changed words, then details.
fn layers_of(c: &Comparison, items: &[Item]) -> [Vec<Layer>; 2] {
    let mut source = Vec::new();
    let mut article = Vec::new();
    let mut match_items = vec![None; c.matches.len()];
    for (i, it) in items.iter().enumerate() {
        if let ItemKind::Match(m) = it.kind {
            match_items[m] = Some(i);
        }
    }
    // Match ids count from 1; a 0 from a careless producer finds nothing rather than panics.
    let item_of_match = |id: usize| {
        id.checked_sub(1)
            .and_then(|m| match_items.get(m).copied().flatten())
    };
    // An altered quotation is highlighted whole, words outside its matches included.
    for q in &c.quotes {
        if q.status == QuoteStatus::Altered {
            let first = q.matches.first().and_then(|id| item_of_match(*id));
            article.push(Layer {
                span: q.article,
                mark: Mark::Altered,
                item: first,
            });
        }
    }
    for (i, item) in items.iter().enumerate() {
        if let Some(s) = item.source {
            source.push(Layer {
                span: s,
                mark: item.mark,
                item: Some(i),
            });
        }
        article.push(Layer {
            span: item.article,
            mark: item.mark,
            item: Some(i),
        });
    }
    for q in &c.quotes {
        if q.status != QuoteStatus::Altered {
            continue;
        }
        // Words of the quotation that no match carries were added by the article.
        let mut at = q.article.start;
        let mut spans: Vec<Span> = q
            .matches
            .iter()
            .filter_map(|id| c.match_by_id(*id).map(|m| m.article))
            .collect();
        spans.sort();
        spans.push(Span::new(q.article.end, q.article.end));
        for s in spans {
            if s.start > at {
                let gap = Span::new(at, s.start);
                if gap
                    .slice(&c.article.text)
                    .chars()
                    .any(char::is_alphanumeric)
                {
                    article.push(Layer {
                        span: gap,
                        mark: Mark::ChangedWords,
                        item: None,
                    });
                }
            }
            at = at.max(s.end);
        }
    }
    for m in &c.matches {
        for e in &m.edits {
            if let Some(s) = e.source {
                source.push(Layer {
                    span: s,
                    mark: Mark::ChangedWords,
                    item: None,
                });
            }
            if let Some(a) = e.article {
                article.push(Layer {
                    span: a,
                    mark: Mark::ChangedWords,
                    item: None,
                });
            }
        }
    }
    for d in &c.details {
        if d.relation == Relation::Same {
            continue;
        }
        let item = d.match_id.and_then(item_of_match);
        for (side, span) in [(&mut source, d.source), (&mut article, d.article)] {
            if let Some(span) = span {
                side.push(Layer {
                    span,
                    mark: Mark::Detail,
                    item,
                });
            }
        }
    }
    [source, article]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, CompareOptions};
    use crate::document::bundled_pair;

    fn app() -> App {
        let (s, a) = bundled_pair();
        app_of(compare(s, a, &CompareOptions::default()))
    }

    fn app_of(c: Comparison) -> App {
        let review = Review::new(&c);
        let mut app = App::new(
            c,
            review,
            ReviewFile::default(),
            Theme::mono(),
            KeyTable::default(),
        );
        app.update(Action::Resize {
            width: 160,
            height: 45,
        });
        app
    }

    #[test]
    fn a_two_word_quotation_found_in_the_source_is_a_stop_with_its_source_words() {
        use crate::document::Document;
        let c = compare(
            Document::from_text(
                "readout.txt",
                "The two presidents spoke today. They also discussed at length working \
                 together to eradicate terrorism throughout the Middle East.",
            ),
            Document::from_text(
                "article.txt",
                "The leaders talked \u{201c}at length\u{201d} about terrorism, aides said.",
            ),
            &CompareOptions::default(),
        );
        let app = app_of(c);
        let item = app
            .items
            .iter()
            .find(|i| matches!(i.kind, ItemKind::Quotation(_)))
            .expect("the quotation is a stop");
        assert_eq!(item.mark, Mark::Verified);
        let found = item.source.expect("its words in the source");
        assert_eq!(found.slice(&app.comparison.source.text), "at length");
    }

    #[test]
    fn unsourced_quotations_are_stops_between_matches() {
        let app = app();
        // Paraphrases aside, the article's quotations in order: the three not in the source
        // sit between the verified ones.
        let marks: Vec<Mark> = app
            .items
            .iter()
            .map(|i| i.mark)
            .filter(|m| *m != Mark::Paraphrase)
            .collect();
        assert_eq!(
            marks,
            vec![
                Mark::Verified,
                Mark::NotInSource,
                Mark::NotInSource,
                Mark::NotInSource,
                Mark::Verified,
                Mark::Verified,
                Mark::Verified
            ]
        );
        assert_eq!(app.position(), Some(1));
    }

    #[test]
    fn filter_keeps_stepping_within_it() {
        let mut app = app();
        app.update(Action::Command(Command::CycleFilter)); // quotations
        app.update(Action::Command(Command::CycleFilter)); // altered: none here
        assert_eq!(app.filter, Filter::Altered);
        assert!(app.visible.is_empty());
        assert_eq!(app.message.as_deref(), Some("no altered in this pair"));
        app.update(Action::Command(Command::CycleFilter)); // not in source
        assert_eq!(app.visible.len(), 3);
        assert_eq!(app.current_item().unwrap().mark, Mark::NotInSource);
        app.update(Action::Command(Command::Next));
        app.update(Action::Command(Command::Next));
        app.update(Action::Command(Command::Next));
        assert_eq!(app.position(), Some(3));
        assert_eq!(app.message.as_deref(), Some("last match"));
        assert!(app
            .items
            .iter()
            .all(|i| i.mark != Mark::NotInSource || i.source.is_none()));
    }

    #[test]
    fn search_takes_over_n_until_escape() {
        let mut app = app();
        app.update(Action::Command(Command::Search));
        for c in "kelly".chars() {
            app.update(Action::Input(InputEdit::Char(c)));
        }
        app.update(Action::Input(InputEdit::Submit));
        let search = app.search.clone().unwrap();
        assert_eq!(search.side, Side::Article);
        assert_eq!(
            search.hits.len(),
            3,
            "Kelly appears three times in the article"
        );
        app.update(Action::Command(Command::Next));
        assert_eq!(app.search.as_ref().unwrap().current, Some(1));
        assert_eq!(app.position(), Some(1), "n moved the hit, not the match");
        app.update(Action::Command(Command::Close));
        app.update(Action::Command(Command::Next));
        assert_eq!(app.position(), Some(2));
    }

    #[test]
    fn resize_keeps_the_current_match_in_view() {
        let mut app = app();
        app.update(Action::Command(Command::LastMatch));
        for (w, h) in [(90, 40), (60, 14), (200, 60), (41, 12)] {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            let item = *app.current_item().unwrap();
            for side in [Side::Source, Side::Article] {
                let span = item.span(side).unwrap();
                assert!(app.pane(side).shows(span), "{side:?} at {w}x{h}");
            }
        }
    }

    #[test]
    fn enter_brings_the_counterpart_and_flashes_it() {
        let mut app = app();
        app.update(Action::Resize {
            width: 90,
            height: 40,
        });
        app.update(Action::Command(Command::LastMatch));
        app.update(Action::Command(Command::SwitchPane)); // source
        app.update(Action::Command(Command::FirstMatch));
        // Scroll the article away, then come back with Enter from the source.
        app.update(Action::Command(Command::SwitchPane));
        app.update(Action::Command(Command::PageDown));
        app.update(Action::Command(Command::PageDown));
        app.update(Action::Command(Command::SwitchPane));
        app.update(Action::Command(Command::Sync));
        let flash = app.flash.unwrap();
        assert_eq!(flash.side, Side::Article);
        assert!(app.pane(Side::Article).shows(flash.span));
        for _ in 0..FLASH_TICKS {
            app.update(Action::Tick);
        }
        assert_eq!(app.flash, None);
    }

    #[test]
    fn verdicts_without_a_file_say_they_are_not_saved() {
        let mut app = app();
        app.update(Action::Command(Command::Accept));
        assert_eq!(app.review.reviewed(&app.comparison), 1);
        assert!(app.message.as_deref().unwrap().contains("--review-file"));
        while app
            .current_item()
            .is_some_and(|i| i.mark != Mark::NotInSource)
        {
            app.update(Action::Command(Command::Next));
        }
        app.update(Action::Command(Command::Accept));
        assert!(app
            .message
            .as_deref()
            .unwrap()
            .contains("not in the source"));
        assert_eq!(app.review.reviewed(&app.comparison), 1);
    }

    #[test]
    fn events_anywhere_never_panic() {
        let mut app = app();
        for (w, h) in [(160u16, 45u16), (30, 8), (1, 1), (0, 0), (100, 12)] {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            for c in Command::ALL {
                if c == Command::Quit {
                    continue;
                }
                app.update(Action::Command(c));
                app.update(Action::Input(InputEdit::Char('x')));
                app.update(Action::Input(InputEdit::Submit));
                app.update(Action::Command(Command::Close));
            }
            for (x, y) in [(0, 0), (w / 2, h / 2), (w.saturating_sub(1), h), (500, 500)] {
                app.update(Action::Click { column: x, row: y });
                app.update(Action::Wheel {
                    column: x,
                    row: y,
                    down: true,
                });
            }
        }
        assert!(!app.quit);
    }

    #[test]
    fn a_review_of_changed_documents_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt.quotediff.json");
        let (s, a) = bundled_pair();
        let before = compare(s, a, &CompareOptions::default());
        let mut old = Review::new(&before);
        old.set_verdict(&before.matches[0], Verdict::Flagged);
        old.save(&path, &before).unwrap();

        // The article gained a correction since.
        let (s, mut a) = bundled_pair();
        a.text
            .push_str("\n\nCorrection: the meeting lasted 55 minutes.");
        let after = compare(s, a, &CompareOptions::default());
        let (review, file, message) = open_review(Some(&path), &after);
        assert_eq!(review.reviewed(&after), 0);
        assert!(file.keep_old);
        assert!(message.unwrap().contains("the article changed since"));

        let mut app = App::new(after, review, file, Theme::mono(), KeyTable::default());
        app.update(Action::Command(Command::Accept));
        let old_path = dir.path().join("story.txt.quotediff.json.old");
        assert!(app.message.as_deref().unwrap().contains("kept as"));
        assert!(std::fs::read_to_string(&old_path)
            .unwrap()
            .contains("flagged"));
        assert!(std::fs::read_to_string(&path).unwrap().contains("accepted"));
        // Only the first save moves the old file aside.
        app.update(Action::Command(Command::Flag));
        assert!(!app.message.as_deref().unwrap().contains("kept as"));
        assert!(std::fs::read_to_string(&old_path)
            .unwrap()
            .contains("flagged"));
    }

    #[test]
    fn a_click_selects_the_passage_and_the_wheel_scrolls_the_pane_under_it() {
        let mut app = app();
        let screen = app.screen();
        // The lowest passage whose start is on screen in the article: click on its first word.
        let pane = app.pane(Side::Article);
        let last = *app
            .visible
            .iter()
            .rev()
            .find(|i| app.items[**i].article.start < pane.visible_bytes().end)
            .unwrap();
        assert_ne!(Some(last), app.current);
        let span = app.items[last].article;
        let row = pane.rows_of(span).0 - pane.top_row();
        let area = screen.text_area(Side::Article);
        let at = &app.comparison.article.text[pane.wrap.rows()[pane.top_row() + row].start..];
        let offset = span.start - pane.wrap.rows()[pane.top_row() + row].start;
        let column = area.x + super::super::wrap::str_width(&at[..offset]) as u16 + 1;
        app.update(Action::Click {
            column,
            row: area.y + row as u16,
        });
        assert_eq!(app.current, Some(last));
        assert_eq!(app.focus, Side::Article);

        let source = screen.text_area(Side::Source);
        let top = app.pane(Side::Source).top_row();
        app.update(Action::Wheel {
            column: source.x + 3,
            row: source.y + 3,
            down: true,
        });
        assert_eq!(app.pane(Side::Source).top_row(), top + 3);
        assert_eq!(app.focus, Side::Article, "the wheel does not steal focus");
    }

    #[test]
    fn search_ignores_ascii_case_and_respects_characters() {
        let text = "Secretary Kelly met the Mayor. KELLY said… kelly";
        assert_eq!(find_all(text, "kelly").len(), 3);
        assert_eq!(find_all("café Café", "CAFÉ").len(), 0);
        // Only ASCII letters fold: é and É differ.
        assert_eq!(find_all("café Café", "Café").len(), 2);
    }
}
