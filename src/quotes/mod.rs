//! Finding quotations in a text and naming who is quoted.
//!
//! Quotation marks are ambiguous: a straight `"` both opens and closes, `’` is also an
//! apostrophe (`agent’s`, `’90s`, the plural possessive `agents’`), German opens with `„` and
//! closes with `“` (which opens in English), French uses `« »` with spaces inside, and a
//! quotation that runs over several paragraphs leaves each paragraph open and reopens the next
//! one. A regular expression cannot keep those apart, so this module scans each paragraph with
//! a stack of open marks and decides every mark from its neighbours. It reports top-level
//! quotations only; quotations nested inside them are part of their text.

mod lists;
mod marks;
mod names;
mod referent;
mod speaker;
mod words;

pub use marks::find_unattributed;
pub use speaker::assign_speakers;

use crate::span::Span;

/// One quotation in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without the quotation marks and the whitespace just inside them.
    /// A quotation over several paragraphs covers them all, reopening marks included.
    pub inner: Span,
    /// The quotation with its marks.
    pub outer: Span,
    /// False when the text ended (or the paragraph ended without a continuation) before a
    /// closing mark: the quotation is taken to run to that point.
    pub closed: bool,
    /// Who the text says is speaking, when an attribution names them (best effort).
    pub speaker: Option<String>,
}

/// Finds every top-level quotation in `text`, in order, with its speaker.
pub fn find_quotations(text: &str) -> Vec<Quotation> {
    let mut found = find_unattributed(text);
    assign_speakers(text, &mut found);
    found
}
