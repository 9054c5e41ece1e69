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
mod attribution;
mod bridges;
mod clauses;
mod cut;
mod facts;
mod gaps;
mod legal;
mod status;
mod titles;
mod units;
mod unsourced;
mod within;
pub mod words;

use crate::comparison::{Comparison, Detail, Difference};
use crate::lexicon::Lang;
use crate::span::Span;

pub use crate::comparison::{Change, DifferenceKind, Severity};
pub(crate) use align::Keyer;

/// Every difference between the two documents of `c`, each once, in article order; words are
/// stemmed and read as words of `lang`, the article's language.
pub fn find(c: &Comparison, lang: Lang) -> Vec<Difference> {
    let keyer = Keyer::new(lang);
    // On two cores the rules that read the whole documents (the figures of both texts, the
    // status words, the legal terms, the quotations not in the source) and the later
    // matches go to a thread of their own, with a keyer of its own (its keys only ever
    // meet keys it gave), while this one reads the earlier matches: the two shares cost
    // about the same. The lists are joined in one fixed order, so the result is the same
    // as one thread's.
    let split = c.matches.len() * 4 / 5;
    let (whole, mut out) = crate::parallel::both(
        || {
            let keyer = Keyer::new(lang);
            let figures = (
                units::figures(&c.source.text, &keyer),
                units::figures(&c.article.text, &keyer),
            );
            let mut later = Vec::new();
            for m in &c.matches[split..] {
                within::of_match(c, m, &keyer, &mut later);
            }
            let mut unsourced = Vec::new();
            unsourced::of_quotations(c, &keyer, &mut unsourced);
            let mut legal = Vec::new();
            legal::of_documents(&c.source.text, &c.article.text, keyer.code, &mut legal);
            let mut status = Vec::new();
            status::of_documents(
                &c.source.text,
                &c.article.text,
                &figures,
                &keyer,
                &mut status,
            );
            Whole {
                later,
                unsourced,
                legal,
                status,
                figures,
            }
        },
        || {
            let mut out = Vec::new();
            for m in &c.matches[..split] {
                within::of_match(c, m, &keyer, &mut out);
            }
            out
        },
    );
    out.extend(whole.later);
    gaps::of_quotations(c, &mut out);
    cut::of_quotations(c, &keyer, &mut out);
    attribution::of_quotations(c, &mut out);
    bridges::of_matches(c, &keyer, &mut out);
    clauses::of_matches(c, &keyer, &mut out);
    out.extend(whole.unsourced);
    out.extend(whole.legal);
    units::of_documents((&c.source.text, &c.article.text), &whole.figures, &mut out);
    out.extend(whole.status);
    facts::of_details(c, &keyer, &mut out);
    out.sort_by_key(|d| position(d, c));
    out.dedup_by(|b, a| a.kind == b.kind && a.source == b.source && a.article == b.article);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = i + 1;
    }
    out
}

/// What [`find`]'s second thread finds, each rule's list apart, to be joined in order.
struct Whole {
    later: Vec<Difference>,
    unsourced: Vec<Difference>,
    legal: Vec<Difference>,
    status: Vec<Difference>,
    /// The figures of the source and of the article.
    figures: (Vec<units::Figure>, Vec<units::Figure>),
}

/// A difference found by a rule of this stage (not related from a detail), inside match
/// `match_id` or across the documents; [`find`] numbers it at the end.
fn found(
    kind: DifferenceKind,
    severity: Severity,
    (source, article): (Option<Span>, Option<Span>),
    match_id: Option<usize>,
    change: Change,
) -> Difference {
    Difference {
        id: 0,
        kind,
        severity,
        source,
        article,
        match_id,
        detail_id: None,
        change,
    }
}

/// A difference read from detail `d` (a figure, a date or a name that differs): it keeps the
/// detail's match and id, so the reports can show the two together.
fn of_detail(
    d: &Detail,
    kind: DifferenceKind,
    severity: Severity,
    (source, article): (Span, Span),
    change: Change,
) -> Difference {
    Difference {
        detail_id: Some(d.id),
        ..found(
            kind,
            severity,
            (Some(source), Some(article)),
            d.match_id,
            change,
        )
    }
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
