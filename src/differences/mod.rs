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
mod once;
mod scope;
mod status;
mod tails;
mod titles;
mod units;
mod unsourced;
mod within;
pub mod words;

use std::sync::Arc;

use crate::align::stems::Stems;
use crate::comparison::{Comparison, Detail, Difference};
use crate::lexicon::Lang;
use crate::span::Span;

pub use crate::comparison::{Change, DifferenceKind, Severity};
pub(crate) use align::Keyer;

/// What the rules that read only the two texts, not the matches nor the details, find:
/// [`of_documents`], for [`joined`].
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
    let legal = legal_terms(source, article, lang);
    of_documents_but_legal(source, article, lang).with_legal(legal)
}

/// [`of_documents`] but for the legal terms, which a caller with two threads reads apart
/// ([`legal_terms`], added with [`Documents::with_legal`]).
pub(crate) fn of_documents_but_legal(source: &str, article: &str, lang: Lang) -> Documents {
    let keyer = Keyer::new(lang);
    let figures = (
        units::figures(source, &keyer),
        units::figures(article, &keyer),
    );
    let mut status = Vec::new();
    status::of_documents(source, article, &figures, &keyer, &mut status);
    Documents {
        legal: Vec::new(),
        status,
        figures,
    }
}

/// The people the article moves to another step of a criminal case ("suspects" become
/// "convicts"), read from the two texts alone, the article in `lang`: a rule of
/// [`of_documents`] that needs no keyer.
pub(crate) fn legal_terms(source: &str, article: &str, lang: Lang) -> Vec<Difference> {
    let mut legal = Vec::new();
    legal::of_documents(source, article, lang.code(), &mut legal);
    legal
}

impl Documents {
    /// These, with the legal terms read apart ([`legal_terms`]).
    pub(crate) fn with_legal(self, legal: Vec<Difference>) -> Documents {
        Documents { legal, ..self }
    }
}

/// Matches in one [`Pieces`] piece, at most.
const PIECE_MATCHES: usize = 128;

/// Pieces of [`Pieces`] that are rules over the whole comparison, not runs of matches.
const RULES: usize = 3;

/// The rules that read the matches and the quotations but no detail, cut into pieces that
/// any thread may take, each its own list: the differences inside a run of matches (a
/// piece per [`PIECE_MATCHES`]), across the quotations, between the matches, and the
/// quotations from somewhere else. The pipeline runs them while the details are related
/// ([`joined`] then adds what reads the details), so neither waits for the other. Stems are
/// read by keyers kept in a pool, one per thread at a time (the keys of two keyers never
/// meet: each piece keys all its words with one).
pub(crate) struct Pieces<'c> {
    c: &'c Comparison,
    lang: Lang,
    /// The words the details stemmed in `lang`, for the keyers to share.
    stems: Option<Arc<Stems>>,
    keyers: std::sync::Mutex<Vec<Keyer>>,
}

impl<'c> Pieces<'c> {
    /// The pieces of `c`, whose article is in `lang` (`stems` the words the details
    /// stemmed in it).
    pub(crate) fn new(c: &'c Comparison, lang: Lang, stems: Option<Arc<Stems>>) -> Pieces<'c> {
        Pieces {
            c,
            lang,
            stems,
            keyers: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// How many pieces are runs of matches (the three rules come after them).
    fn match_runs(&self) -> usize {
        self.c.matches.len().div_ceil(PIECE_MATCHES)
    }

    /// Every piece as a task for [`crate::parallel::both_then_spare`], the longest first
    /// ([`Pieces::in_order`] puts what they find back in the pieces' order).
    pub(crate) fn each(&self) -> Vec<impl Fn() -> Vec<Difference> + Sync + '_> {
        // The three rules first: the one across the quotations is the longest piece, and a
        // long piece taken last keeps one thread busy while the other waits. The runs of
        // matches, short and alike, fill in after them.
        let runs = self.match_runs();
        (runs..runs + RULES)
            .chain(0..runs)
            .map(|k| move || self.run(k))
            .collect()
    }

    /// The lists found by the tasks of [`Pieces::each`] (in its order), put in the pieces'
    /// order: the runs of matches, then the three rules.
    pub(crate) fn in_order(&self, mut found: Vec<Vec<Difference>>) -> Vec<Vec<Difference>> {
        let rules = found.len().min(RULES);
        found.rotate_left(rules);
        found
    }

    /// The differences piece `k` finds.
    fn run(&self, k: usize) -> Vec<Difference> {
        let c = self.c;
        let keyer = self.keyer();
        let mut out = Vec::new();
        match k.checked_sub(self.match_runs()) {
            None => {
                let start = k * PIECE_MATCHES;
                let end = (start + PIECE_MATCHES).min(c.matches.len());
                for m in &c.matches[start..end] {
                    within::of_match(c, m, &keyer, &mut out);
                }
            }
            Some(0) => {
                gaps::of_quotations(c, &mut out);
                cut::of_quotations(c, &keyer, &mut out);
                tails::of_quotations(c, &keyer, &mut out);
                attribution::of_quotations(c, &mut out);
            }
            Some(1) => {
                bridges::of_matches(c, &keyer, &mut out);
                clauses::of_matches(c, &keyer, &mut out);
            }
            Some(_) => unsourced::of_quotations(c, &keyer, &mut out),
        }
        if let Ok(mut pool) = self.keyers.lock() {
            pool.push(keyer);
        }
        out
    }

    /// A keyer from the pool, or a new one.
    fn keyer(&self) -> Keyer {
        self.keyers
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_else(|| Keyer::sharing(self.lang, self.stems.clone()))
    }
}

/// The differences of `c`, given the lists its [`Pieces`] found (`found`, in the pieces'
/// order) and what [`of_documents`] found (`documents`): the rules that read the details
/// are added, everything is put in article order, the same difference found twice kept
/// once, and each numbered. The article is in `lang`, `stems` the words the details stemmed
/// in it.
pub(crate) fn joined(
    c: &Comparison,
    (lang, stems): (Lang, Option<Arc<Stems>>),
    documents: Documents,
    found: Vec<Vec<Difference>>,
) -> Vec<Difference> {
    let keyer = Keyer::sharing(lang, stems);
    let mut out: Vec<Difference> = found.into_iter().flatten().collect();
    out.extend(documents.legal);
    units::of_documents(
        (&c.source.text, &c.article.text),
        &documents.figures,
        &mut out,
    );
    out.extend(documents.status);
    facts::of_details(c, &keyer, &mut out);
    out.sort_by_key(|d| position(d, c));
    out.dedup_by(|b, a| told_twice(c, a, b));
    gaps::drop_told(&mut out);
    once::drop_moved(c, &keyer, &mut out);
    once::drop_inside(&mut out);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = i + 1;
    }
    out
}

/// True when `b`, right after `a` in article order, tells the reviewer nothing `a` did not:
/// the same difference found twice, or the same article words set against the same source
/// words written again elsewhere (a release that says "two years" twice, an article that
/// says "three years" once: one change, shown once, against the first).
fn told_twice(c: &Comparison, a: &Difference, b: &Difference) -> bool {
    if a.kind != b.kind || a.article != b.article {
        return false;
    }
    match (a.source, b.source) {
        (x, y) if x == y => true,
        (Some(x), Some(y)) => {
            a.article.is_some()
                && x.slice(&c.source.text).to_lowercase() == y.slice(&c.source.text).to_lowercase()
        }
        _ => false,
    }
}

/// A difference found by a rule of this stage (not related from a detail), inside match
/// `match_id` or across the documents; [`joined`] numbers it at the end.
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
mod figure_tests;
#[cfg(test)]
mod reversed_tests;
#[cfg(test)]
mod scope_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod title_tests;
