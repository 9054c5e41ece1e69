//! The differences a reviewer reads: every way the article departs from the source, once
//! each, in article order.
//!
//! The comparison already holds the facts of both documents (`details`, with their relations,
//! `same` included) and the aligned pairs of passages (`matches`, with their word edits). This
//! stage reads both and keeps only what differs: a changed figure or unit, a date told
//! another way, a name or title changed, a word altered inside a quotation, a qualifier,
//! condition or hedge dropped. It decides what a reviewer must see; it never prints: the
//! reports and the interface turn a [`Change`] into words with [`Difference::note`].

mod align;
mod facts;
mod status;
mod units;
mod within;
pub mod words;

use crate::comparison::{Comparison, Difference};

pub use crate::comparison::{Change, DifferenceKind, ScopeClass, Severity};
pub(crate) use align::Keyer;

/// Every difference between the two documents of `c`, each once, in article order.
pub fn find(c: &Comparison) -> Vec<Difference> {
    let keyer = Keyer::new(language_of(&c.article.text));
    let mut out = Vec::new();
    for m in &c.matches {
        within::of_match(c, m, &keyer, &mut out);
    }
    units::of_documents(&c.source.text, &c.article.text, &keyer, &mut out);
    status::of_documents(&c.source.text, &c.article.text, &keyer, &mut out);
    facts::of_details(c, &mut out);
    out.sort_by_key(|d| position(d, c));
    out.dedup_by(|b, a| a.kind == b.kind && a.source == b.source && a.article == b.article);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = i + 1;
    }
    out
}

/// How much of a text's start is read to tell its language.
const LANGUAGE_SAMPLE_BYTES: usize = 20_000;

/// The language code of a text, from its first words (enough to tell function words apart).
fn language_of(text: &str) -> &'static str {
    let end = crate::span::floor_char_boundary(text, LANGUAGE_SAMPLE_BYTES);
    let tokens = crate::normalize::tokenize(&text[..end]);
    words::get().language_of(tokens.iter().map(|t| t.norm.as_str()))
}

/// Where it sits in the article, for ordering: its article words, else its match's.
fn position(d: &Difference, c: &Comparison) -> (usize, usize) {
    let at = d
        .article
        .map(|a| a.start)
        .or_else(|| {
            d.match_id
                .and_then(|id| c.match_by_id(id))
                .map(|m| m.article.start)
        })
        .unwrap_or(usize::MAX);
    (at, d.source.map_or(usize::MAX, |s| s.start))
}

#[cfg(test)]
mod tests;
