//! Byte ranges into an original text.
//!
//! Every position the engine reports is a [`Span`] of byte offsets into the text as it was
//! read (after BOM removal), end exclusive, so a highlight in the interface or a report maps
//! back to exactly the characters the reader sees. This module owns that invariant; it does
//! not know what the text means.

use serde::Serialize;

/// A half-open byte range `start..end` into one document's text.
///
/// Invariant (checked by [`Span::new`] in debug builds): `start <= end`. Spans made by the
/// engine also lie on `char` boundaries of the text they index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers in `text`; empty when the span does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The nearest character boundary of `text` at or before `at`, `at` clamped to the text's
/// length.
///
/// Every slice at a computed byte offset ("64 KiB further", "300 bytes back") goes through
/// this or [`ceil_char_boundary`]: such an offset can fall inside a multi-byte character, and
/// slicing there panics, which only long non-ASCII text ever shows.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary of `text` at or after `at`, `at` clamped to the text's
/// length (see [`floor_char_boundary`]).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_strict_on_touching_ends() {
        let a = Span::new(0, 5);
        assert!(!a.overlaps(&Span::new(5, 9)));
        assert!(a.overlaps(&Span::new(4, 9)));
        assert_eq!(a.cover(&Span::new(7, 9)), Span::new(0, 9));
    }

    #[test]
    fn slice_outside_text_is_empty() {
        assert_eq!(Span::new(2, 40).slice("short"), "");
        assert_eq!(Span::new(1, 3).slice("short"), "ho");
    }

    #[test]
    fn boundaries_round_inside_a_character() {
        // "中" is three bytes: 1 and 2 fall inside it.
        let text = "a中b";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 4);
        assert_eq!(floor_char_boundary(text, 4), 4);
        assert_eq!(ceil_char_boundary(text, 99), text.len());
        assert_eq!(floor_char_boundary(text, 99), text.len());
    }
}
