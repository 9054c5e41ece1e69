//! The review screen's looks as data: one [`Theme`] of styles per name (dark, light, mono).
//!
//! Every highlight carries a modifier (bold, italic, underline, reverse) as well as colours,
//! and the gutter marks each kind with its own character, so the screen reads on a monochrome
//! terminal and with `NO_COLOR` set. The mono theme is the modifiers alone; the colour themes
//! add colours on top of the same modifiers, so the three can never disagree about what a
//! passage is. This module holds no state and draws nothing.

use ratatui::style::{Color, Modifier, Style};

/// What a highlighted stretch of text is; each has one style, the same in both panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A quotation found in the source word for word.
    Verified,
    /// A quotation found in the source with words changed.
    Altered,
    /// The words that changed inside an altered passage.
    ChangedWords,
    /// The source's words reused without quotation marks.
    Reuse,
    /// A quotation the source does not contain (article side only).
    NotInSource,
    /// The same content in other words.
    Paraphrase,
    /// A fact (number, date, name, place) that differs between the documents.
    Detail,
}

impl Mark {
    /// Every mark, in the order the legend lists them.
    pub const ALL: [Mark; 7] = [
        Mark::Verified,
        Mark::Altered,
        Mark::ChangedWords,
        Mark::Reuse,
        Mark::NotInSource,
        Mark::Paraphrase,
        Mark::Detail,
    ];

    /// How the legend names it.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Verified => "verified quotation",
            Mark::Altered => "altered quotation",
            Mark::ChangedWords => "changed words",
            Mark::Reuse => "reuse without quotation marks",
            Mark::NotInSource => "quotation not in the source",
            Mark::Paraphrase => "paraphrase",
            Mark::Detail => "differing detail",
        }
    }

    /// The gutter character of a row that this kind of passage touches, so the kind reads
    /// without colour or modifiers.
    pub fn gutter(self) -> char {
        match self {
            Mark::Verified => '"',
            Mark::Altered | Mark::ChangedWords => '~',
            Mark::Reuse => '=',
            Mark::NotInSource => '?',
            Mark::Paraphrase => '\u{2248}',
            Mark::Detail => '#',
        }
    }
}

/// The theme names `--theme` and the config file accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colour at all: modifiers and gutter markers only (chosen by `NO_COLOR`).
    Mono,
}

impl ThemeName {
    /// Parses a theme name as written on the command line or in the config file.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "mono" | "monochrome" | "none" => Some(ThemeName::Mono),
            _ => None,
        }
    }
}

/// The styles of every element of the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// Text outside every highlight.
    pub text: Style,
    /// Secondary text: gutter markers, labels, the key hint.
    pub dim: Style,
    /// A verified quotation.
    pub verified: Style,
    /// An altered quotation.
    pub altered: Style,
    /// Changed words inside an altered passage (patched over the passage's style).
    pub changed_words: Style,
    /// Reuse without quotation marks.
    pub reuse: Style,
    /// A quotation not in the source.
    pub not_in_source: Style,
    /// A paraphrase.
    pub paraphrase: Style,
    /// A differing detail (patched over the passage's style).
    pub detail: Style,
    /// A stop accepted (or found elsewhere), patched over its kind's style: toned down, as
    /// it is done with.
    pub reviewed: Style,
    /// A stop flagged (or unverifiable, fabricated), patched over its kind's style.
    pub flagged: Style,
    /// The current match, patched over its kind's style so it stands out from all others.
    pub current: Style,
    /// The current match's gutter marker.
    pub current_gutter: Style,
    /// The counterpart shown briefly after `Enter`.
    pub flash: Style,
    /// A search hit.
    pub search_hit: Style,
    /// A pane's border.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// The title bar and the status bar.
    pub bar: Style,
    /// Words only the source has, in the inspector.
    pub removed: Style,
    /// Words only the article has, in the inspector.
    pub added: Style,
    /// A message in the status bar (a saved review, a changed document).
    pub message: Style,
}

impl Theme {
    /// The theme with this name.
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// Modifiers only: the base every theme builds on.
    pub fn mono() -> Self {
        let m = |modifier: Modifier| Style::new().add_modifier(modifier);
        Theme {
            name: ThemeName::Mono,
            text: Style::new(),
            dim: m(Modifier::DIM),
            verified: m(Modifier::BOLD),
            altered: m(Modifier::ITALIC),
            changed_words: m(Modifier::BOLD | Modifier::UNDERLINED),
            reuse: m(Modifier::UNDERLINED),
            not_in_source: m(Modifier::ITALIC | Modifier::UNDERLINED),
            paraphrase: m(Modifier::DIM | Modifier::ITALIC),
            detail: m(Modifier::UNDERLINED | Modifier::BOLD),
            reviewed: m(Modifier::DIM),
            flagged: m(Modifier::UNDERLINED),
            current: m(Modifier::REVERSED),
            current_gutter: m(Modifier::BOLD),
            flash: m(Modifier::REVERSED | Modifier::BOLD | Modifier::SLOW_BLINK),
            search_hit: m(Modifier::REVERSED | Modifier::UNDERLINED),
            border: Style::new(),
            border_focused: m(Modifier::BOLD),
            bar: m(Modifier::REVERSED),
            removed: m(Modifier::CROSSED_OUT),
            added: m(Modifier::BOLD | Modifier::UNDERLINED),
            message: m(Modifier::BOLD),
        }
    }

    /// Light text on a dark background.
    pub fn dark() -> Self {
        let base = Theme::mono();
        let c = |fg: u8, bg: u8| Style::new().fg(Color::Indexed(fg)).bg(Color::Indexed(bg));
        let fg = |fg: u8| Style::new().fg(Color::Indexed(fg));
        Theme {
            name: ThemeName::Dark,
            verified: base.verified.patch(c(194, 22)),
            altered: base.altered.patch(c(230, 58)),
            changed_words: base.changed_words.patch(fg(214)),
            reuse: base.reuse.patch(c(189, 24)),
            not_in_source: base.not_in_source.patch(c(225, 53)),
            paraphrase: base.paraphrase.patch(fg(109)),
            detail: base
                .detail
                .patch(fg(210))
                .underline_color(Color::Indexed(203)),
            flagged: base.flagged.underline_color(Color::Indexed(196)),
            current: base.current.add_modifier(Modifier::BOLD),
            current_gutter: base.current_gutter.patch(fg(226)),
            flash: base
                .flash
                .patch(c(16, 226))
                .remove_modifier(Modifier::REVERSED),
            search_hit: base
                .search_hit
                .patch(c(16, 45))
                .remove_modifier(Modifier::REVERSED),
            border: fg(240),
            border_focused: base.border_focused.patch(fg(45)),
            bar: Style::new().fg(Color::Indexed(252)).bg(Color::Indexed(236)),
            removed: base.removed.patch(fg(203)),
            added: base.added.patch(fg(114)),
            message: base.message.patch(fg(221)),
            ..base
        }
    }

    /// Dark text on a light background.
    pub fn light() -> Self {
        let base = Theme::mono();
        let c = |fg: u8, bg: u8| Style::new().fg(Color::Indexed(fg)).bg(Color::Indexed(bg));
        let fg = |fg: u8| Style::new().fg(Color::Indexed(fg));
        Theme {
            name: ThemeName::Light,
            verified: base.verified.patch(c(22, 194)),
            altered: base.altered.patch(c(94, 229)),
            changed_words: base.changed_words.patch(fg(160)),
            reuse: base.reuse.patch(c(18, 153)),
            not_in_source: base.not_in_source.patch(c(90, 225)),
            paraphrase: base.paraphrase.patch(fg(66)),
            detail: base
                .detail
                .patch(fg(124))
                .underline_color(Color::Indexed(160)),
            flagged: base.flagged.underline_color(Color::Indexed(160)),
            current: base.current.add_modifier(Modifier::BOLD),
            current_gutter: base.current_gutter.patch(fg(202)),
            flash: base
                .flash
                .patch(c(231, 202))
                .remove_modifier(Modifier::REVERSED),
            search_hit: base
                .search_hit
                .patch(c(16, 117))
                .remove_modifier(Modifier::REVERSED),
            border: fg(246),
            border_focused: base.border_focused.patch(fg(25)),
            bar: Style::new().fg(Color::Indexed(235)).bg(Color::Indexed(252)),
            removed: base.removed.patch(fg(160)),
            added: base.added.patch(fg(28)),
            message: base.message.patch(fg(130)),
            ..base
        }
    }

    /// The names the config file's `[styles]` table uses, one per field.
    pub const ELEMENTS: [&'static str; 21] = [
        "text",
        "dim",
        "verified",
        "altered",
        "changed_words",
        "reuse",
        "not_in_source",
        "paraphrase",
        "detail",
        "reviewed",
        "flagged",
        "current",
        "current_gutter",
        "flash",
        "search_hit",
        "border",
        "border_focused",
        "bar",
        "removed",
        "added",
        "message",
    ];

    /// The style of an element named as in [`Theme::ELEMENTS`].
    pub fn element_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "text" => &mut self.text,
            "dim" => &mut self.dim,
            "verified" => &mut self.verified,
            "altered" => &mut self.altered,
            "changed_words" => &mut self.changed_words,
            "reuse" => &mut self.reuse,
            "not_in_source" => &mut self.not_in_source,
            "paraphrase" => &mut self.paraphrase,
            "detail" => &mut self.detail,
            "reviewed" => &mut self.reviewed,
            "flagged" => &mut self.flagged,
            "current" => &mut self.current,
            "current_gutter" => &mut self.current_gutter,
            "flash" => &mut self.flash,
            "search_hit" => &mut self.search_hit,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "bar" => &mut self.bar,
            "removed" => &mut self.removed,
            "added" => &mut self.added,
            "message" => &mut self.message,
            _ => return None,
        })
    }

    /// Replaces the style of an element with one written in the config file's syntax
    /// (`"bold underline fg=214 bg=#202020"`). The mono theme keeps only the modifiers, so
    /// `NO_COLOR` wins over a colour in the file.
    pub fn set_element(&mut self, name: &str, spec: &str) -> Result<(), String> {
        let mut style = parse_style(spec)?;
        if self.name == ThemeName::Mono {
            style.fg = None;
            style.bg = None;
            style.underline_color = None;
        }
        let slot = self
            .element_mut(name)
            .ok_or_else(|| format!("unknown style \"{name}\" in [styles]"))?;
        *slot = style;
        Ok(())
    }

    /// The style of one kind of highlight.
    pub fn mark(&self, mark: Mark) -> Style {
        match mark {
            Mark::Verified => self.verified,
            Mark::Altered => self.altered,
            Mark::ChangedWords => self.changed_words,
            Mark::Reuse => self.reuse,
            Mark::NotInSource => self.not_in_source,
            Mark::Paraphrase => self.paraphrase,
            Mark::Detail => self.detail,
        }
    }
}

/// Parses a style: modifier names (`bold`, `dim`, `italic`, `underline`, `reverse`,
/// `crossed_out`, `blink`) and `fg=`/`bg=` colours (a name, an index 0-255 or `#rrggbb`).
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    for word in spec.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        if let Some((key, value)) = lower.split_once('=') {
            let color: Color = value
                .parse()
                .map_err(|_| format!("unknown colour \"{value}\" in \"{spec}\""))?;
            style = match key {
                "fg" => style.fg(color),
                "bg" => style.bg(color),
                _ => return Err(format!("unknown \"{key}=\" in \"{spec}\" (fg= or bg=)")),
            };
            continue;
        }
        let modifier = match lower.as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underline" | "underlined" => Modifier::UNDERLINED,
            "reverse" | "reversed" => Modifier::REVERSED,
            "crossed_out" | "strikethrough" => Modifier::CROSSED_OUT,
            "blink" => Modifier::SLOW_BLINK,
            _ => return Err(format!("unknown style word \"{word}\" in \"{spec}\"")),
        };
        style = style.add_modifier(modifier);
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_highlight_differs_by_more_than_colour() {
        for theme in [Theme::dark(), Theme::light(), Theme::mono()] {
            for mark in Mark::ALL {
                let style = theme.mark(mark);
                assert!(
                    !style.add_modifier.is_empty(),
                    "{:?} {mark:?} relies on colour alone",
                    theme.name
                );
            }
            assert!(!theme.current.add_modifier.is_empty());
        }
    }

    #[test]
    fn mono_has_no_colour() {
        let t = Theme::mono();
        for mark in Mark::ALL {
            assert_eq!(t.mark(mark).fg, None);
            assert_eq!(t.mark(mark).bg, None);
        }
        assert_eq!(ThemeName::parse(" Light "), Some(ThemeName::Light));
        assert_eq!(ThemeName::parse("solarized"), None);
    }

    #[test]
    fn a_style_from_the_config_replaces_one_element() {
        let mut t = Theme::dark();
        t.set_element("verified", "bold underline fg=#00ff00 bg=22")
            .unwrap();
        assert_eq!(
            t.verified,
            Style::new()
                .fg(Color::Rgb(0, 255, 0))
                .bg(Color::Indexed(22))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        );
        let mut mono = Theme::mono();
        mono.set_element("reuse", "reverse fg=red").unwrap();
        assert_eq!(mono.reuse, Style::new().add_modifier(Modifier::REVERSED));
        assert!(t.set_element("verfied", "bold").is_err());
        assert!(t.set_element("reuse", "sparkly").is_err());
        assert!(t.set_element("reuse", "fg=nope").is_err());
        for name in Theme::ELEMENTS {
            assert!(t.element_mut(name).is_some(), "{name}");
        }
    }
}
