//! Reports over a [`Comparison`]: one module per output format.
//!
//! Each format reads the same comparison (and the reviewer's verdicts, when there are any)
//! and writes to any `io::Write`; none of them changes the result or decides anything.

pub mod html;
pub mod json;
pub(crate) mod speakers;
pub mod text;

use crate::compare::Comparison;
use crate::review::Review;

/// Output formats of `quotediff report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A listing a person scans in a terminal.
    Text,
    /// The JSON contract of `docs/report-format.md`, for scripts.
    Json,
    /// One self-contained HTML page, both texts side by side, for people without a terminal.
    Html,
}

/// Writes `comparison` in `format`, with the reviewer's verdicts when there is a review.
pub fn write(
    comparison: &Comparison,
    review: Option<&Review>,
    format: Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::write(comparison, review, out),
        Format::Json => json::write(comparison, review, out),
        Format::Html => html::write(comparison, review, out),
    }
}

/// Collapses runs of whitespace (line breaks included) to one space, for one-line display.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
