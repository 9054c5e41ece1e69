//! Where each part of the review goes for a terminal size: a pure function of the size.
//!
//! Both the state (to know how wide and tall each pane's text is, so it can wrap and scroll)
//! and the view (to draw) ask this module, so they can never disagree. Side by side from
//! [`STACK_BELOW`] columns, stacked under it, and nothing but a message under
//! [`MIN_WIDTH`] x [`MIN_HEIGHT`]. It holds no state and draws nothing.

use ratatui::layout::Rect;

use crate::comparison::Side;

/// Narrowest terminal the review is drawn in.
pub const MIN_WIDTH: u16 = 40;
/// Lowest terminal the review is drawn in.
pub const MIN_HEIGHT: u16 = 12;
/// Under this many columns the panes are stacked instead of side by side.
pub const STACK_BELOW: u16 = 100;
/// Rows of the compact inspector: its border, one row for each text and the verdict.
pub const COMPACT_INSPECTOR: u16 = 5;
/// Columns before the text of a pane: the gutter marker and a space.
pub const GUTTER: u16 = 2;

/// How much of the screen the inspector takes (`i` cycles through them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InspectorSize {
    /// Below the panes, as tall as the terminal allows beside them (a compact form on a
    /// small terminal such as 80x24).
    #[default]
    Docked,
    /// Nearly the whole screen, the panes kept to a strip each: for a stop with a long list
    /// of differences, or a small terminal.
    Full,
    /// Not shown.
    Hidden,
}

impl InspectorSize {
    /// The size `i` turns it to: docked, full screen, hidden, docked again.
    pub fn next(self) -> InspectorSize {
        match self {
            InspectorSize::Docked => InspectorSize::Full,
            InspectorSize::Full => InspectorSize::Hidden,
            InspectorSize::Hidden => InspectorSize::Docked,
        }
    }
}

/// Rows of text each pane keeps when the inspector takes the full screen.
const STRIP_ROWS: u16 = 1;

/// Where each part of the screen goes, for a terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The whole terminal.
    pub area: Rect,
    /// Too small to draw the review: a message instead.
    pub too_small: bool,
    /// The panes are above each other.
    pub stacked: bool,
    /// The title bar.
    pub title: Rect,
    /// The source pane, border included.
    pub source: Rect,
    /// The article pane, border included.
    pub article: Rect,
    /// The inspector, when shown and there is room.
    pub inspector: Option<Rect>,
    /// The status bar.
    pub status: Rect,
    /// The key hint (or the input line while typing).
    pub hint: Rect,
}

impl Screen {
    /// Lays out a terminal of `width` x `height`, the inspector at its largest.
    pub fn new(width: u16, height: u16, inspector: InspectorSize) -> Screen {
        Screen::fitted(width, height, inspector, None)
    }

    /// Lays out a terminal of `width` x `height`, the docked inspector no taller than its
    /// content's `rows` (border aside) when given: a short stop gives its rows to the panes.
    pub fn fitted(width: u16, height: u16, inspector: InspectorSize, rows: Option<u16>) -> Screen {
        let area = Rect::new(0, 0, width, height);
        let mut screen = Screen {
            area,
            too_small: width < MIN_WIDTH || height < MIN_HEIGHT,
            stacked: width < STACK_BELOW,
            title: Rect::default(),
            source: Rect::default(),
            article: Rect::default(),
            inspector: None,
            status: Rect::default(),
            hint: Rect::default(),
        };
        if screen.too_small {
            return screen;
        }
        screen.title = Rect::new(0, 0, width, 1);
        screen.status = Rect::new(0, height - 2, width, 1);
        screen.hint = Rect::new(0, height - 1, width, 1);
        let mut body = height - 3;
        // The full inspector where the panes keep room enough; a compact one (a row per
        // side and the verdict) on a smaller terminal such as 80x24, rather than none.
        let room = if screen.stacked { 30 } else { 24 };
        // Full screen: the panes keep a strip each (border and a row of text), so the
        // reviewer still sees where the stop is.
        let strips = if screen.stacked { 2 } else { 1 } * (STRIP_ROWS + 2);
        let h = match (inspector, screen.stacked) {
            (InspectorSize::Hidden, _) => 0,
            (InspectorSize::Full, _) => body.saturating_sub(strips),
            (InspectorSize::Docked, _) if height < room - 8 => 0,
            (InspectorSize::Docked, _) if height < room => COMPACT_INSPECTOR,
            (InspectorSize::Docked, true) => 7,
            (InspectorSize::Docked, false) => 9,
        };
        let h = match (inspector, rows) {
            (InspectorSize::Docked, Some(rows)) if h > COMPACT_INSPECTOR => (rows + 2).clamp(3, h),
            _ => h,
        };
        if h > 0 {
            body -= h;
            screen.inspector = Some(Rect::new(0, 1 + body, width, h));
        }
        if screen.stacked {
            let top = body / 2;
            screen.source = Rect::new(0, 1, width, top);
            screen.article = Rect::new(0, 1 + top, width, body - top);
        } else {
            let left = width / 2;
            screen.source = Rect::new(0, 1, left, body);
            screen.article = Rect::new(left, 1, width - left, body);
        }
        screen
    }

    /// A pane's rectangle, border included.
    pub fn pane(&self, side: Side) -> Rect {
        match side {
            Side::Source => self.source,
            Side::Article => self.article,
        }
    }

    /// Where a pane's text goes: inside the border, after the gutter.
    pub fn text_area(&self, side: Side) -> Rect {
        let r = self.pane(side);
        let inner = Rect::new(
            r.x + 1,
            r.y + 1,
            r.width.saturating_sub(2),
            r.height.saturating_sub(2),
        );
        Rect::new(
            inner.x + GUTTER.min(inner.width),
            inner.y,
            inner.width.saturating_sub(GUTTER),
            inner.height,
        )
    }
}
