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
mod bodies;
mod bridges;
mod clauses;
mod cut;
mod dates;
mod facts;
mod figures;
mod gaps;
mod legal;
mod names;
mod scope;
mod status;
mod tails;
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

/// What the rules that read only the two texts, not the matches nor the details, find:
/// [`of_documents`], for [`find`].
pub(crate) struct Documents {
    legal: Vec<Difference>,
    status: Vec<Difference>,
    /// The figures of the source and of the article.
    figures: (Vec<units::Figure>, Vec<units::Figure>),
}

/// The rules that read only the two texts (the figures of both, the status words, the legal
/// terms), with a keyer of their own (its keys only ever meet keys it gave). They need no
/// match, so the pipeline runs them while it still judges quotations and relates details.
pub(crate) fn of_documents(source: &str, article: &str, lang: Lang) -> Documents {
    let keyer = Keyer::new(lang);
    let figures = (
        units::figures(source, &keyer),
        units::figures(article, &keyer),
    );
    let mut legal = Vec::new();
    legal::of_documents(source, article, keyer.code, &mut legal);
    let mut status = Vec::new();
    status::of_documents(source, article, &figures, &keyer, &mut status);
    Documents {
        legal,
        status,
        figures,
    }
}

/// Every difference between the two documents of `c`, each once, in article order; words are
/// stemmed and read as words of `lang`, the article's language. `documents`: what
/// [`of_documents`] found, when the caller ran it already; else it runs here.
pub(crate) fn find(c: &Comparison, lang: Lang, documents: Option<Documents>) -> Vec<Difference> {
    let keyer = Keyer::new(lang);
    // On two cores the later matches, the rules that read the quotations and (unless run
    // already) the rules that read the whole documents go to a thread of their own, with a
    // keyer of its own, while this one reads the earlier matches and the rules that read
    // the matches: the two shares cost about the same. The lists are joined in one fixed
    // order, so the result is the same as one thread's, wherever the matches are split.
    let split = match documents {
        Some(_) => c.matches.len() * 3 / 5,
        None => c.matches.len() * 4 / 5,
    };
    let (whole, (mut out, of_matches)) = crate::parallel::both(
        || {
            let keyer = Keyer::new(lang);
            let documents =
                documents.unwrap_or_else(|| of_documents(&c.source.text, &c.article.text, lang));
            let mut later = Vec::new();
            for m in &c.matches[split..] {
                within::of_match(c, m, &keyer, &mut later);
            }
            let mut of_quotations = Vec::new();
            gaps::of_quotations(c, &mut of_quotations);
            cut::of_quotations(c, &keyer, &mut of_quotations);
            tails::of_quotations(c, &keyer, &mut of_quotations);
            attribution::of_quotations(c, &mut of_quotations);
            let mut unsourced = Vec::new();
            unsourced::of_quotations(c, &keyer, &mut unsourced);
            (later, of_quotations, unsourced, documents)
        },
        || {
            let mut out = Vec::new();
            for m in &c.matches[..split] {
                within::of_match(c, m, &keyer, &mut out);
            }
            let mut of_matches = Vec::new();
            bridges::of_matches(c, &keyer, &mut of_matches);
            clauses::of_matches(c, &keyer, &mut of_matches);
            (out, of_matches)
        },
    );
    let (later, of_quotations, unsourced, documents) = whole;
    out.extend(later);
    out.extend(of_quotations);
    out.extend(of_matches);
    out.extend(unsourced);
    out.extend(documents.legal);
    units::of_documents(
        (&c.source.text, &c.article.text),
        &documents.figures,
        &mut out,
    );
    out.extend(documents.status);
    facts::of_details(c, &keyer, &mut out);
    out.sort_by_key(|d| position(d, c));
    out.dedup_by(|b, a| a.kind == b.kind && a.source == b.source && a.article == b.article);
    gaps::drop_told(&mut out);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = i + 1;
    }
    out
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

/// Where it sits in the article, for ordering: its article words; for words only the source
/// has, the point of the article where its match left them out.
fn position(d: &Difference, c: &Comparison) -> (usize, usize) {
    let at = d
        .article
        .map(|a| a.start)
        .or_else(|| {
            let m = c.match_by_id(d.match_id?)?;
            Some(d.source.map_or(m.article.start, |s| left_out_at(m, s)))
        })
        .unwrap_or(usize::MAX);
    (at, d.source.map_or(usize::MAX, |s| s.start))
}

/// The article byte where match `m` leaves out source words `s`: the place of the edit
/// that drops them, else the point as far into the match's article side as `s` lies into
/// its source side (a word dropped after the run, a rest of a quotation cut off).
fn left_out_at(m: &crate::comparison::Match, s: Span) -> usize {
    if let Some(e) = m
        .edits
        .iter()
        .find(|e| e.source.is_some_and(|x| x.overlaps(&s)))
    {
        return e.at;
    }
    let (source_len, article_len) = (m.source.len().max(1), m.article.len());
    let into = s.start.saturating_sub(m.source.start).min(source_len);
    let at = m.article.start + into * article_len / source_len;
    at.min(m.article.end)
}

#[cfg(test)]
mod reversed_tests;
#[cfg(test)]
mod tests;
