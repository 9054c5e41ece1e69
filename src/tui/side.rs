//! What the interface needs of the core's [`Side`]: an array index for per-side state, and the
//! word the screen uses for it.
//!
//! The core owns the one `Side` enum; this trait only adds what is the interface's business,
//! so the state and the layout can share it without importing each other.

use crate::comparison::Side;

/// The interface's view of a [`Side`].
pub trait SideExt {
    /// Where this side's state sits in a `[_; 2]` (source first).
    fn index(self) -> usize;
    /// How the screen names it.
    fn label(self) -> &'static str;
}

impl SideExt for Side {
    fn index(self) -> usize {
        match self {
            Side::Source => 0,
            Side::Article => 1,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::Article => "article",
        }
    }
}
