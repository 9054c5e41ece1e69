//! One comparison of two texts written for a test, and the texts of what it found: the
//! set-up the engine's and the quotations' tests share.
#![allow(dead_code)]

use quotediff::compare::MatchKind;
use quotediff::{compare, CompareOptions, Comparison, Document, Span};

/// `source` (as `release.txt`) compared with `article` (as `article.txt`), default options.
pub fn run(source: &str, article: &str) -> Comparison {
    compare(
        Document::from_text("release.txt", source),
        Document::from_text("article.txt", article),
        &CompareOptions::default(),
    )
}

pub fn article_text(c: &Comparison, span: Span) -> &str {
    span.slice(&c.article.text)
}

pub fn source_text(c: &Comparison, span: Span) -> &str {
    span.slice(&c.source.text)
}

/// The quotation match whose article words are `text`: its source words and where they start.
pub fn quotation_match<'c>(c: &'c Comparison, text: &str) -> Option<(&'c str, usize)> {
    c.matches
        .iter()
        .filter(|m| m.kind == MatchKind::Quotation)
        .find(|m| article_text(c, m.article) == text)
        .map(|m| (source_text(c, m.source), m.source.start))
}
