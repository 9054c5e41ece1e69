//! quotediff: compare an official text with an article that reports on it.
//!
//! The library holds everything that is not the terminal: loading documents
//! ([`document`]), the normalised word view ([`normalize`]), quotation finding ([`quotes`]),
//! passage matching and the comparison that ties them together, and
//! the reports. It never prints, never reads the clock and never touches a
//! terminal; the binary and the interface are views over its results.
#![deny(missing_docs)]

pub mod document;
pub mod extract;
pub mod normalize;
pub(crate) mod quotes;
mod span;

pub use document::Document;
pub use span::Span;
mod align;
pub mod compare;
pub mod comparison;
pub mod details;
pub(crate) mod differences;
mod lexicon;
pub(crate) mod matching;
mod parallel;

pub use compare::{compare, CompareOptions, Comparison};
pub mod report;
pub mod review;
// Public because the binary and the tests use them, not as a library's API: `extract`
// (reading PDF, HTML and DOCX), `normalize` (the tests count words as the engine does),
// `details` (its extraction is tested and benchmarked on its own), `scan` and `tui`.
pub mod scan;
#[cfg(feature = "tui")]
pub mod tui;
