//! The interactive review: a full-screen, side-by-side view over a [`Comparison`].
//!
//! This module owns the terminal: it checks that standard output is one, switches to raw
//! mode and the alternate screen, and restores the terminal however the session ends (`q`,
//! Ctrl-C, an error, or a panic, through a guard and a panic hook; `kill`, a closed terminal
//! window or `kill -INT`, through a thread that waits for SIGTERM, SIGHUP and SIGINT). Between the two it runs
//! the loop of the Elm architecture: a terminal event becomes an [`app::Action`],
//! [`app::App::update`] applies it, and [`view::render`] draws the state. The rest of the
//! crate must not depend on this module; it is compiled only with the `tui` feature.

pub mod app;
pub mod config;
pub mod keys;
pub mod layout;
pub mod pairs;
pub mod side;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io::{self, IsTerminal, Stdout};
use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use thiserror::Error;

use crate::comparison::Comparison;
use app::{Action, App, InputEdit};
use theme::{Theme, ThemeName};

/// How the review is opened (from the command line).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where verdicts are saved; `None` for no file (the bundled pair, standard input).
    pub review_file: Option<PathBuf>,
    /// The theme asked for on the command line (it wins over `NO_COLOR` and the config).
    pub theme: Option<ThemeName>,
    /// Mouse capture off from the start (`--no-mouse`).
    pub no_mouse: bool,
    /// The config file; `None` for the default place.
    pub config: Option<PathBuf>,
}

/// Why the review could not run.
#[derive(Debug, Error)]
pub enum TuiError {
    /// Standard output is a pipe or a file.
    #[error("the interactive review needs a terminal; to write the comparison to a file or a pipe, use `quotediff report`")]
    NotATerminal,
    /// The config file is broken.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// The terminal failed.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
}

impl TuiError {
    /// True when the user's input or setup is at fault (exit code 2), not quotediff.
    pub fn is_bad_input(&self) -> bool {
        matches!(self, TuiError::NotATerminal | TuiError::Config(_))
    }
}

/// Picks the theme: the command line, then `NO_COLOR`, then the config file, then dark.
pub fn choose_theme(cli: Option<ThemeName>, no_color: bool, config: Option<ThemeName>) -> Theme {
    let name = cli
        .or(no_color.then_some(ThemeName::Mono))
        .or(config)
        .unwrap_or(ThemeName::Dark);
    Theme::named(name)
}

/// Builds the review of a comparison as `run` would, without a terminal: the state that
/// tests and benchmarks draw.
pub fn prepare(comparison: Comparison, options: &Options) -> Result<App, TuiError> {
    let config = match options.config.clone().or_else(config::default_path) {
        Some(path) => config::load(&path)?,
        None => config::Config::default(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = config.styled(choose_theme(options.theme, no_color, config.theme));
    let (review, file, message) = app::open_review(options.review_file.as_deref(), &comparison);
    let mut app = App::new(comparison, review, file, theme, config.keys);
    app.mouse = !options.no_mouse && config.mouse.unwrap_or(true);
    app.message = message;
    Ok(app)
}

/// Runs the interactive review until the user quits.
pub fn run(comparison: Comparison, options: Options) -> Result<(), TuiError> {
    if !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let mut app = prepare(comparison, &options)?;
    let guard = TerminalGuard::enter(app.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    // The guard restores the terminal when the loop ends, error or not.
    event_loop(&mut terminal, &mut app, guard)
}

/// A test hook, compiled in every build: with this environment variable set, the first
/// draw panics after rendering, so a test can drive a panic inside the interface through the
/// real binary in a pseudo-terminal and check that the terminal is restored. Nobody sets it
/// by accident; it changes nothing else.
pub const TEST_PANIC: &str = "QUOTEDIFF_TEST_PANIC";

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    mut guard: TerminalGuard,
) -> Result<(), TuiError> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    let test_panic = std::env::var_os(TEST_PANIC).is_some();
    while !app.quit {
        // Mouse motion and unbound keys change nothing: no need to draw again for them.
        if dirty {
            terminal.draw(|frame| {
                view::render(app, frame);
                if test_panic {
                    panic!("{TEST_PANIC} is set: a panic while drawing, as a test asked");
                }
            })?;
            dirty = false;
        }
        if app.mouse != guard.mouse {
            guard.set_mouse(app.mouse)?;
        }
        let timeout = Duration::from_millis(if app.flash.is_some() { 100 } else { 500 });
        if !event::poll(timeout)? {
            if app.flash.is_some() {
                app.update(Action::Tick);
                dirty = true;
            }
            continue;
        }
        if let Some(action) = action_of(app, event::read()?) {
            app.update(action);
            dirty = true;
        }
    }
    drop(guard);
    Ok(())
}

/// Turns a terminal event into an action, given whether a line is being typed.
pub fn action_of(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    if app.input.is_some() {
        // Keys are text while typing; Ctrl-C abandons the line, as in a shell, so a slip
        // of the finger never quits with a half-typed note.
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return Some(Action::Input(InputEdit::Cancel));
        }
        return match key.code {
            KeyCode::Enter => Some(Action::Input(InputEdit::Submit)),
            KeyCode::Esc => Some(Action::Input(InputEdit::Cancel)),
            KeyCode::Backspace => Some(Action::Input(InputEdit::Backspace)),
            KeyCode::Char(c) => Some(Action::Input(InputEdit::Char(c))),
            _ => None,
        };
    }
    app.keys.lookup(&key).map(Action::Command)
}

/// Raw mode, the alternate screen and mouse capture, undone on drop and on panic.
struct TerminalGuard {
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        #[cfg(unix)]
        restore_on_signals()?;
        enable_raw_mode()?;
        let guard = TerminalGuard { mouse: false };
        execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
        let mut guard = guard;
        guard.set_mouse(mouse)?;
        Ok(guard)
    }

    fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        if on {
            execute!(io::stdout(), EnableMouseCapture)?;
        } else {
            execute!(io::stdout(), DisableMouseCapture)?;
        }
        self.mouse = on;
        Ok(())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as the shell expects it; safe to call twice.
fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// SIGTERM (`kill`), SIGHUP (the terminal window closed) and SIGINT (`kill -INT`; Ctrl-C is
/// a key in raw mode) end the process without running any destructor, so the guard cannot
/// restore the terminal: a thread waits for them, restores it and exits with the code a shell
/// gives a process killed by that signal (128 + its number). It holds standard output while
/// it does, so the drawing thread cannot write after the restore.
#[cfg(unix)]
fn restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _stdout = io::stdout().lock();
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first, so the panic message lands on a normal screen.
        restore();
        previous(info);
    }));
}
