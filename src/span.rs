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

/// Items in text order whose spans do not overlap one another (the words, sentences or
/// details of a document, the quotation and reuse matches on one side), looked up by position.
/// (Items that overlap but are sorted by start answer [`SpanIndex::starting_in`],
/// [`SpanIndex::next_from`] and [`SpanIndex::last_before`] rightly too.)
///
/// Each look-up is two binary searches, not a pass: an article can have thousands of
/// quotations, a source tens of thousands of words. The look-ups were once written at every
/// call site with `partition_point`, each choosing `<` or `<=` and start or end again; here
/// each question is asked one way. `span` says where an item lies.
pub struct SpanIndex<'a, T, F> {
    items: &'a [T],
    span: F,
}

impl<'a, T, F: Fn(&T) -> Span> SpanIndex<'a, T, F> {
    /// An index over `items`, sorted by position and not overlapping one another.
    pub fn new(items: &'a [T], span: F) -> Self {
        SpanIndex { items, span }
    }

    /// The items, in order (the ranges the look-ups return index them).
    pub fn items(&self) -> &'a [T] {
        self.items
    }

    /// The items that start inside `span` (they may end after it).
    pub fn starting_in(&self, span: Span) -> std::ops::Range<usize> {
        let lo = self.first_where(|s| s.start >= span.start);
        lo..self.first_from(lo, |s| s.start >= span.end)
    }

    /// The items that lie inside `span`, whole.
    pub fn inside(&self, span: Span) -> std::ops::Range<usize> {
        let lo = self.first_where(|s| s.start >= span.start);
        lo..self.first_from(lo, |s| s.end > span.end)
    }

    /// The items that share a byte with `span` (or, for an empty `span`, stand around it).
    pub fn overlapping(&self, span: Span) -> std::ops::Range<usize> {
        let lo = self.first_where(|s| s.end > span.start);
        lo..self.first_from(lo, |s| s.start >= span.end)
    }

    /// The item that holds all of `span`, if one does.
    pub fn containing(&self, span: Span) -> Option<usize> {
        let k = self.first_where(|s| s.end > span.start);
        self.items
            .get(k)
            .is_some_and(|item| (self.span)(item).contains(&span))
            .then_some(k)
    }

    /// The first item that starts at or after `at`.
    pub fn next_from(&self, at: usize) -> Option<usize> {
        let k = self.first_where(|s| s.start >= at);
        (k < self.items.len()).then_some(k)
    }

    /// The last item that starts before `at`.
    pub fn last_before(&self, at: usize) -> Option<usize> {
        self.first_where(|s| s.start >= at).checked_sub(1)
    }

    /// The first position whose item's span meets `found` (which, by the items' order, holds
    /// for every later one too).
    fn first_where(&self, found: impl Fn(Span) -> bool) -> usize {
        self.items.partition_point(|item| !found((self.span)(item)))
    }

    /// [`SpanIndex::first_where`], but no earlier than `from`: the end of a range, a few
    /// items past its start. Found by galloping from `from` (1, 2, 4... items on), so the
    /// search reads the items near `from`, already in the cache, instead of halving the whole
    /// rest of a document's words, a cache miss at nearly every step: reading each sentence's
    /// words, the end's search was three quarters of the value scan's own time on 1 MB.
    fn first_from(&self, from: usize, found: impl Fn(Span) -> bool) -> usize {
        let rest = self.items.get(from..).unwrap_or_default();
        let holds = |k: usize| found((self.span)(&rest[k]));
        let mut bound = 1;
        while bound <= rest.len() && !holds(bound - 1) {
            bound *= 2;
        }
        // The first item found lies in `bound / 2 - 1 .. bound` (clamped to the rest).
        let low = (bound / 2).saturating_sub(1).min(rest.len());
        let high = bound.min(rest.len());
        from + low + rest[low..high].partition_point(|item| !found((self.span)(item)))
    }
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
    #[test]
    fn index_answers_by_position() {
        // Words of "the cat sat on the mat" at 0..3, 4..7, 8..11, 12..14, 15..18, 19..22.
        let words =
            [(0, 3), (4, 7), (8, 11), (12, 14), (15, 18), (19, 22)].map(|(s, e)| Span::new(s, e));
        let index = SpanIndex::new(&words, |w: &Span| *w);
        // "at sat o" (5..13) starts inside "cat" and ends inside "on".
        let part = Span::new(5, 13);
        assert_eq!(index.starting_in(part), 2..4);
        assert_eq!(index.inside(part), 2..3);
        assert_eq!(index.overlapping(part), 1..4);
        assert_eq!(
            index.overlapping(Span::new(3, 4)),
            1..1,
            "the space between two words"
        );
        assert_eq!(
            index.overlapping(Span::new(5, 5)),
            1..2,
            "an empty span inside a word"
        );
        assert_eq!(index.containing(Span::new(9, 11)), Some(2));
        assert_eq!(index.containing(part), None);
        assert_eq!(index.next_from(12), Some(3));
        assert_eq!(index.next_from(20), None);
        assert_eq!(index.last_before(12), Some(2));
        assert_eq!(index.last_before(0), None);
    }
}
