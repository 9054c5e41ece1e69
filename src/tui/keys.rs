//! The key table as data: which keys run which [`Command`].
//!
//! One table maps keys to commands; the help screen and the hint line are generated from it,
//! so they can never drift from the real bindings, and the config file overrides it command
//! by command. This module knows keys and names only: what a command does is `app::update`'s
//! business.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// The next match, or the next search hit while a search is active.
    Next,
    /// The previous match, or the previous search hit while a search is active.
    Prev,
    /// The next match (always a match, even during a search).
    NextMatch,
    /// The previous match (always a match).
    PrevMatch,
    /// The next difference (a changed figure, a dropped qualifier...), whatever stop it is in.
    NextDifference,
    /// The previous difference.
    PrevDifference,
    /// The first match.
    FirstMatch,
    /// The last match.
    LastMatch,
    /// Move the focus to the other pane.
    SwitchPane,
    /// Scroll the focused pane a page down.
    PageDown,
    /// Scroll the focused pane a page up.
    PageUp,
    /// Scroll the focused pane half a page down.
    HalfPageDown,
    /// Scroll the focused pane half a page up.
    HalfPageUp,
    /// Scroll the focused pane one line down.
    LineDown,
    /// Scroll the focused pane one line up.
    LineUp,
    /// Bring the other pane back to the counterpart of what the focused pane shows.
    Sync,
    /// Cycle the filter ([`Filter::CYCLE`](super::app::Filter::CYCLE)).
    CycleFilter,
    /// Cycle the filter backwards.
    CycleFilterBack,
    /// Go to the next stop without a verdict, wrapping round to the first.
    NextUnreviewed,
    /// Bring both panes back to the current stop after scrolling away.
    Recenter,
    /// Search the focused text.
    Search,
    /// Show or hide the inspector.
    ToggleInspector,
    /// Mark the current match accepted.
    Accept,
    /// Mark the current match flagged.
    Flag,
    /// Set the current match back to unreviewed.
    Unreview,
    /// Mark a quotation not in the source fabricated (`a` and `x` mark it found elsewhere
    /// and unverifiable).
    Fabricated,
    /// Attach a one-line note to the current match.
    Note,
    /// Turn mouse capture off (so the terminal can select text) or on again.
    ToggleMouse,
    /// Opens the "who is quoted" summary.
    Speakers,
    /// Show every key and the legend.
    Help,
    /// Close an overlay or leave search mode.
    Close,
    /// Leave quotediff.
    Quit,
}

impl Command {
    /// Every command, in the order the help screen lists them.
    pub const ALL: [Command; 32] = [
        Command::Next,
        Command::Prev,
        Command::NextMatch,
        Command::PrevMatch,
        Command::NextDifference,
        Command::PrevDifference,
        Command::FirstMatch,
        Command::LastMatch,
        Command::NextUnreviewed,
        Command::Recenter,
        Command::SwitchPane,
        Command::PageDown,
        Command::PageUp,
        Command::HalfPageDown,
        Command::HalfPageUp,
        Command::LineDown,
        Command::LineUp,
        Command::Sync,
        Command::CycleFilter,
        Command::CycleFilterBack,
        Command::Search,
        Command::ToggleInspector,
        Command::Accept,
        Command::Flag,
        Command::Unreview,
        Command::Fabricated,
        Command::Note,
        Command::ToggleMouse,
        Command::Speakers,
        Command::Help,
        Command::Close,
        Command::Quit,
    ];

    /// The name used in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Command::Next => "next",
            Command::Prev => "prev",
            Command::NextMatch => "next_match",
            Command::PrevMatch => "prev_match",
            Command::NextDifference => "next_difference",
            Command::PrevDifference => "prev_difference",
            Command::FirstMatch => "first_match",
            Command::LastMatch => "last_match",
            Command::SwitchPane => "switch_pane",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::HalfPageDown => "half_page_down",
            Command::HalfPageUp => "half_page_up",
            Command::LineDown => "line_down",
            Command::LineUp => "line_up",
            Command::Sync => "sync",
            Command::CycleFilter => "cycle_filter",
            Command::CycleFilterBack => "cycle_filter_back",
            Command::NextUnreviewed => "next_unreviewed",
            Command::Recenter => "recenter",
            Command::Search => "search",
            Command::ToggleInspector => "toggle_inspector",
            Command::Accept => "accept",
            Command::Flag => "flag",
            Command::Unreview => "unreview",
            Command::Fabricated => "fabricated",
            Command::Note => "note",
            Command::ToggleMouse => "toggle_mouse",
            Command::Speakers => "speakers",
            Command::Help => "help",
            Command::Close => "close",
            Command::Quit => "quit",
        }
    }

    /// The command with this config-file name.
    pub fn from_name(name: &str) -> Option<Self> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What the help screen says it does.
    pub fn describe(self) -> &'static str {
        match self {
            Command::Next => "next match (next search hit while searching)",
            Command::Prev => "previous match (previous search hit while searching)",
            Command::NextMatch => "next match",
            Command::PrevMatch => "previous match",
            Command::NextDifference => "next difference: both panes go to its words",
            Command::PrevDifference => "previous difference",
            Command::FirstMatch => "first match",
            Command::LastMatch => "last match",
            Command::SwitchPane => "focus the other pane",
            Command::PageDown => "scroll the focused pane a page down",
            Command::PageUp => "scroll the focused pane a page up",
            Command::HalfPageDown => "scroll the focused pane half a page down",
            Command::HalfPageUp => "scroll the focused pane half a page up",
            Command::LineDown => "scroll the focused pane a line down",
            Command::LineUp => "scroll the focused pane a line up",
            Command::Sync => "bring the other pane to the counterpart",
            Command::CycleFilter => "cycle the filter: all, unreviewed, flagged, quotations, altered, not in source, reuse, paraphrase, details, major differences",
            Command::CycleFilterBack => "cycle the filter backwards",
            Command::NextUnreviewed => "next stop without a verdict (wraps round)",
            Command::Recenter => "back to the current stop after scrolling away",
            Command::Search => "search the focused text",
            Command::ToggleInspector => "inspector: full screen, hidden, back below the panes",
            Command::Accept => "accepted (not in source: found elsewhere)",
            Command::Flag => "flagged (not in source: unverifiable)",
            Command::Unreview => "set the stop back to unreviewed",
            Command::Fabricated => "a quotation not in the source: fabricated",
            Command::Note => "write a one-line note on the stop",
            Command::ToggleMouse => "mouse capture off/on (off: select text to copy)",
            Command::Speakers => "who is quoted: each speaker and their quotations",
            Command::Help => "this help",
            Command::Close => "close an overlay, leave search mode",
            Command::Quit => "quit",
        }
    }
}

/// A key with its modifiers, as the table stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Only Ctrl and Alt count; Shift is part of the character (`N` is not `n`).
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

impl Key {
    /// The key of a terminal event.
    pub fn of(event: &KeyEvent) -> Self {
        let code = match event.code {
            // Some terminals report Shift-Tab as Tab with Shift.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses a key as written in the config file: `n`, `N`, `ctrl-d`, `pgdn`, `enter`, `?`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
                ctrl = true;
                rest = &rest[rest.find('-')? + 1..];
            } else if rest.chars().count() > 2 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pgdown" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "backspace" => KeyCode::Backspace,
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                // Ctrl-D arrives as Ctrl with 'd'.
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the help screen writes it.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Up => "\u{2191}".to_string(),
            KeyCode::Down => "\u{2193}".to_string(),
            KeyCode::Left => "\u{2190}".to_string(),
            KeyCode::Right => "\u{2192}".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{name}"),
            (false, true) => format!("Alt-{name}"),
            _ => name,
        }
    }
}

/// The bindings: each key runs one command; a command may have several keys.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTable {
    bindings: Vec<(Key, Command)>,
}

/// The default bindings, as written in the config file's syntax.
const DEFAULTS: &[(&str, Command)] = &[
    ("n", Command::Next),
    ("N", Command::Prev),
    ("j", Command::NextMatch),
    ("down", Command::NextMatch),
    ("]", Command::NextMatch),
    ("k", Command::PrevMatch),
    ("up", Command::PrevMatch),
    ("[", Command::PrevMatch),
    ("d", Command::NextDifference),
    ("D", Command::PrevDifference),
    ("g", Command::FirstMatch),
    ("home", Command::FirstMatch),
    ("G", Command::LastMatch),
    ("end", Command::LastMatch),
    ("tab", Command::SwitchPane),
    ("backtab", Command::SwitchPane),
    ("pgdn", Command::PageDown),
    ("space", Command::PageDown),
    ("pgup", Command::PageUp),
    ("ctrl-d", Command::HalfPageDown),
    ("ctrl-u", Command::HalfPageUp),
    ("ctrl-e", Command::LineDown),
    ("ctrl-y", Command::LineUp),
    ("enter", Command::Sync),
    ("f", Command::CycleFilter),
    ("F", Command::CycleFilterBack),
    ("r", Command::NextUnreviewed),
    ("z", Command::Recenter),
    ("/", Command::Search),
    ("i", Command::ToggleInspector),
    ("a", Command::Accept),
    ("x", Command::Flag),
    ("u", Command::Unreview),
    ("X", Command::Fabricated),
    ("c", Command::Note),
    ("m", Command::ToggleMouse),
    ("w", Command::Speakers),
    ("?", Command::Help),
    ("esc", Command::Close),
    ("q", Command::Quit),
    ("ctrl-c", Command::Quit),
];

impl Default for KeyTable {
    fn default() -> Self {
        KeyTable {
            bindings: DEFAULTS
                .iter()
                .filter_map(|(k, c)| Key::parse(k).map(|k| (k, *c)))
                .collect(),
        }
    }
}

impl KeyTable {
    /// The command a key event runs, if any.
    pub fn lookup(&self, event: &KeyEvent) -> Option<Command> {
        let key = Key::of(event);
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| *c)
    }

    /// The keys bound to a command, in table order.
    pub fn keys_for(&self, command: Command) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The keys of a command as the help screen and the hint line write them (`n`, `j/↓/]`).
    pub fn label(&self, command: Command) -> String {
        let keys: Vec<String> = self.keys_for(command).iter().map(Key::label).collect();
        keys.join("/")
    }

    /// Replaces a command's keys (config file). A key taken from another command moves to
    /// this one. Ctrl-C always keeps quitting, so a config file cannot lock the user in.
    pub fn rebind(&mut self, command: Command, keys: &[Key]) {
        self.bindings
            .retain(|(k, c)| *c != command && !keys.contains(k));
        for k in keys {
            self.bindings.push((*k, command));
        }
        let ctrl_c = Key {
            code: KeyCode::Char('c'),
            ctrl: true,
            alt: false,
        };
        self.bindings.retain(|(k, _)| *k != ctrl_c);
        self.bindings.push((ctrl_c, Command::Quit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn shift_n_goes_back_and_ctrl_d_scrolls() {
        let t = KeyTable::default();
        assert_eq!(
            t.lookup(&press(KeyCode::Char('N'), KeyModifiers::SHIFT)),
            Some(Command::Prev)
        );
        assert_eq!(
            t.lookup(&press(KeyCode::Char('n'), KeyModifiers::NONE)),
            Some(Command::Next)
        );
        assert_eq!(
            t.lookup(&press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Command::HalfPageDown)
        );
        assert_eq!(
            t.lookup(&press(KeyCode::Char('d'), KeyModifiers::NONE)),
            Some(Command::NextDifference)
        );
        assert_eq!(t.label(Command::NextMatch), "j/\u{2193}/]");
    }

    #[test]
    fn every_command_has_a_default_key_and_a_unique_name() {
        let t = KeyTable::default();
        for c in Command::ALL {
            assert!(!t.keys_for(c).is_empty(), "{c:?} has no key");
            assert_eq!(Command::from_name(c.name()), Some(c));
        }
    }

    #[test]
    fn rebinding_moves_a_key_and_keeps_ctrl_c() {
        let mut t = KeyTable::default();
        t.rebind(Command::Accept, &[Key::parse("y").unwrap()]);
        t.rebind(Command::Quit, &[Key::parse("Q").unwrap()]);
        assert_eq!(
            t.lookup(&press(KeyCode::Char('y'), KeyModifiers::NONE)),
            Some(Command::Accept)
        );
        assert_eq!(
            t.lookup(&press(KeyCode::Char('a'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            t.lookup(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Command::Quit)
        );
        assert_eq!(Key::parse("ctrl-"), None);
        assert_eq!(Key::parse("pgdn").map(|k| k.code), Some(KeyCode::PageDown));
        assert_eq!(Key::parse("two"), None);
    }
}
