//! Relating the details of the two documents: same, compatible, conflicting, more specific,
//! or on one side only, each with a note a person reads at a glance.
//!
//! Numbers, money, durations, dates, places, titles without a name and hedges are compared
//! only inside aligned units (an article sentence and the source sentences it retells or
//! quotes), because "two" in one sentence says nothing about "three" in an unrelated one.
//! People and organisations are compared across the whole documents: "Mayor Bill de Blasio"
//! is the same man wherever he appears. This module compares values; it finds none.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::calendar::{self, Day};
use super::{DetailKind, Relation};
use crate::comparison::{DetailNote, FigureChange, Side, TitleChange};
use crate::details::extract::{dateline_at, Extraction, Interval, Mention, Scale, Value};
use crate::span::{ceil_char_boundary, floor_char_boundary, Span, SpanIndex};

mod dates;
mod names;
mod numbers;
mod unit;

use dates::{date_relation, infer_reference, same_day_anywhere};
use names::{across, is_named, same_role, title_relation};
use numbers::{
    far_apart, implicit_one, interval_relation, magnitude_gap, quantity_note, rounded,
    rounded_hedged, same_value_anywhere,
};
use unit::{compare_in_unit, describe, shared_context};

/// One document as relating sees it.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub text: &'a str,
    pub extraction: &'a Extraction,
    /// The date relative expressions count from.
    pub reference: Option<Day>,
}

/// An article passage and the source passages it retells or quotes.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The article sentence.
    pub article: Span,
    /// The source sentences or passages it is aligned with.
    pub sources: Vec<Span>,
    /// The parts of the source the article quotes or reuses word for word: a figure there
    /// that the article leaves out is worth listing; one in a sentence the article only
    /// retells mostly is not (a release gives many figures; an article picks a few).
    pub verbatim: Vec<Span>,
}

/// A related detail before it gets its id and match.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub kind: DetailKind,
    /// How the sides relate.
    pub relation: Relation,
    pub note: DetailNote,
    pub source: Option<Span>,
    pub article: Option<Span>,
}

/// A possible pairing of an article detail with a source detail in one unit.
struct Candidate {
    /// Relations ranked best first (see [`rank`]).
    rank: u8,
    /// How far apart the two values are in size (see [`magnitude_gap`]).
    gap: u32,
    /// Words the two share around them (more is better).
    shared: usize,
    /// How far apart the two stand in their unit, counted in details.
    distance: usize,
    /// The article mention.
    article: usize,
    /// The source mention.
    source: usize,
    relation: Relation,
    note: DetailNote,
    kind: DetailKind,
}

impl Candidate {
    /// Best relation first; among changed figures the closest in size ("$12.6 million"
    /// changed from "$12.8 million", not from "$0.25"), then the one whose neighbours match,
    /// then the nearest in the sentence.
    fn order(&self) -> (u8, u32, std::cmp::Reverse<usize>, usize, usize, usize) {
        (
            self.rank,
            self.gap,
            std::cmp::Reverse(self.shared),
            self.distance,
            self.article,
            self.source,
        )
    }
}

/// What relating has found so far: the related details, the pairs already listed, and which
/// mentions of each side are paired.
#[derive(Default)]
struct Found {
    out: Vec<Related>,
    seen: HashSet<(Option<Span>, Option<Span>)>,
    paired_a: HashSet<usize>,
    paired_s: HashSet<usize>,
}

impl Found {
    /// Lists `r` unless the same spans are listed already.
    fn push(&mut self, r: Related) {
        if self.seen.insert((r.source, r.article)) {
            self.out.push(r);
        }
    }

    /// Lists source mention `s` and article mention `a` as a pair, and marks both paired.
    fn pair(&mut self, (s, a): (usize, usize), r: Related) {
        self.paired_s.insert(s);
        self.paired_a.insert(a);
        self.push(r);
    }
}

impl Related {
    /// A detail both documents give, at `source` and `article`.
    fn both(
        kind: DetailKind,
        relation: Relation,
        note: DetailNote,
        (source, article): (Span, Span),
    ) -> Self {
        Related {
            kind,
            relation,
            note,
            source: Some(source),
            article: Some(article),
        }
    }
}

/// The mentions that start inside `span`.
fn within(mentions: &[Mention], span: Span) -> std::ops::Range<usize> {
    SpanIndex::new(mentions, |m: &Mention| m.span).starting_in(span)
}

fn rank(r: Relation) -> u8 {
    match r {
        Relation::Same => 0,
        Relation::MoreSpecific | Relation::Compatible => 1,
        _ => 2,
    }
}

/// Relates the details of `source` and `article` in `units`, and people and organisations
/// across the documents.
pub fn relate(source: &Facts, article: &Facts, units: &[Unit]) -> Vec<Related> {
    let mut article_side = *article;
    if article.reference.is_none() {
        article_side.reference = infer_reference(source, article, units, false);
    }
    let mut source_side = *source;
    if source.reference.is_none() {
        source_side.reference = infer_reference(source, &article_side, units, true);
    }
    let (source, article) = (&source_side, &article_side);
    let titles = titles_of(source, article);
    // The article's dateline (on a line of its own, or opening the lead before a dash) is
    // the day it was written, no fact of the story: it meets the source's dateline, or
    // nothing (a byline's "4 mars 2025" is no restating of the release's "aujourd'hui"). A
    // date inside the lead sentence is a fact. Found once: each unit asks.
    let (sm, am) = (&source.extraction.mentions, &article.extraction.mentions);
    let datelines = Datelines {
        source: dateline_at(sm),
        byline: dateline_at(am).filter(|&k| is_dateline(article.text, am[k].span)),
    };
    let mut found = Found::default();
    let mut in_unit_a: Vec<usize> = Vec::new();
    let mut in_unit_s: Vec<usize> = Vec::new();
    for unit in units {
        let pair = (source, article);
        relate_unit(
            pair,
            (unit, &datelines),
            &titles,
            &mut found,
            (&mut in_unit_a, &mut in_unit_s),
        );
    }
    same_day_anywhere(source, article, &mut found);
    same_value_anywhere(source, article, &mut found);
    one_sided(source, article, (in_unit_a, in_unit_s), &mut found);
    across(source, article, &retold(units), &mut found);
    found.out
}

/// What each person is called in either document ("presidente" for Rebelo de Sousa).
fn titles_of(source: &Facts, article: &Facts) -> HashMap<String, Vec<String>> {
    let mut titles: HashMap<String, Vec<String>> = HashMap::default();
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    for m in sm.iter().chain(am.iter()) {
        if let Value::Person {
            key,
            title: Some(words),
            ..
        } = &m.value
        {
            titles
                .entry(key.clone())
                .or_default()
                .extend(words.iter().cloned());
        }
    }
    titles
}

/// Relates the details inside one unit: the best pairs first, then counts one side states
/// with "a"/"an". Records which mentions the unit holds, for the one-sided facts.
fn relate_unit(
    (source, article): (&Facts, &Facts),
    (unit, datelines): (&Unit, &Datelines),
    titles: &HashMap<String, Vec<String>>,
    found: &mut Found,
    (in_unit_a, in_unit_s): (&mut Vec<usize>, &mut Vec<usize>),
) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let a_idx: Vec<usize> = within(am, unit.article)
        .filter(|&k| unit.article.contains(&am[k].span))
        .collect();
    let mut s_idx: Vec<usize> = unit
        .sources
        .iter()
        .flat_map(|sp| within(sm, *sp).filter(move |&k| sp.contains(&sm[k].span)))
        .collect();
    s_idx.sort_unstable();
    s_idx.dedup();
    in_unit_a.extend(&a_idx);
    let mut candidates = candidates_in(source, article, unit, (&a_idx, &s_idx), titles);
    candidates
        .retain(|c| datelines.byline != Some(c.article) || datelines.source == Some(c.source));
    candidates.sort_by_key(Candidate::order);
    let mut used_a = HashSet::default();
    let mut used_s = HashSet::default();
    for c in candidates {
        if used_a.contains(&c.article) || used_s.contains(&c.source) {
            continue;
        }
        used_a.insert(c.article);
        used_s.insert(c.source);
        let spans = (sm[c.source].span, am[c.article].span);
        found.pair(
            (c.source, c.article),
            Related::both(c.kind, c.relation, c.note, spans),
        );
    }
    implicit_ones(
        source,
        article,
        unit,
        (&a_idx, &s_idx),
        (&mut used_a, &mut used_s),
        found,
    );
    // A source figure the article leaves out is worth listing when the article reuses the
    // words around it, or retells its sentence with a figure of the same kind it could not
    // pair (perhaps a changed one); the other figures of a release are not.
    in_unit_s.extend(s_idx.iter().filter(|&&k| {
        unit.verbatim.iter().any(|v| v.contains(&sm[k].span))
            || a_idx
                .iter()
                .any(|&a| !used_a.contains(&a) && am[a].kind == sm[k].kind)
    }));
}

/// Which mention of each document is its dateline (the article's only when it stands as one:
/// [`is_dateline`]), numbers into their mentions.
struct Datelines {
    source: Option<usize>,
    byline: Option<usize>,
}

/// Most words of a line that holds a dateline and no sentence ("Stuttgart, 6. November
/// 2026", "By Staff Reporter, March 4, 2025").
const BYLINE_WORDS: usize = 8;

/// Most words before an agency's dateline that opens a paragraph ("Stuttgart, 6. November
/// 2026 – Der Maschinenbauer …", "PARIS, March 4 (Reuters) - …").
const DATELINE_PLACE_WORDS: usize = 3;

/// True when `span` of `text` is a dateline, not a date of the story: on a line of at most
/// [`BYLINE_WORDS`] words, or after a place at the start of a line and before a dash or
/// the agency's name.
fn is_dateline(text: &str, span: Span) -> bool {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let after = text[span.end..end].trim_start();
    text[start..end].split_whitespace().count() <= BYLINE_WORDS
        || (text[start..span.start].split_whitespace().count() <= DATELINE_PLACE_WORDS
            && after.starts_with(['–', '—', '-', '(']))
}

/// Pairs of details (article × source) above which a unit is long (a long reused passage):
/// each article detail is then compared with the source details near its relative place only.
const LONG_UNIT_PAIRS: usize = 400;

/// How many source details either side of an article detail's relative place a long unit
/// compares it with.
const LONG_UNIT_WINDOW: usize = 8;

/// Every pairing of an article detail with a source detail of the unit that relates at all.
fn candidates_in(
    source: &Facts,
    article: &Facts,
    unit: &Unit,
    (a_idx, s_idx): (&[usize], &[usize]),
    titles: &HashMap<String, Vec<String>>,
) -> Vec<Candidate> {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let mut candidates: Vec<Candidate> = Vec::new();
    // In a long unit (a long reused passage) each article detail is compared with the
    // source details at about the same relative place only, which keeps this linear.
    let window = if a_idx.len() * s_idx.len() > LONG_UNIT_PAIRS {
        LONG_UNIT_WINDOW
    } else {
        usize::MAX
    };
    let (by_value, reused) = beyond_window(sm, unit, (a_idx, s_idx), window);
    for (ai, &a) in a_idx.iter().enumerate() {
        let centre = ai * s_idx.len() / a_idx.len().max(1);
        let lo = centre.saturating_sub(window);
        let hi = centre.saturating_add(window).min(s_idx.len());
        let mut extra: Vec<usize> = crate::details::extract::value_key(&am[a].value)
            .and_then(|k| by_value.get(&k))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .chain(&reused)
            .copied()
            .filter(|si| !(lo..hi).contains(si))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        for si in (lo..hi).chain(extra) {
            let s = s_idx[si];
            if let Some((relation, note, kind)) =
                compare_in_unit(&sm[s], &am[a], source, article, titles)
            {
                // Ties go to the figure whose neighbours match ("tres años de su
                // investidura" with "investidura ... hace dos años", not "Dos años
                // difíciles").
                let shared = if relation == Relation::Same {
                    0
                } else {
                    shared_context(&sm[s], &am[a], source, article)
                };
                candidates.push(Candidate {
                    rank: rank(relation),
                    gap: magnitude_gap(&sm[s], &am[a]),
                    shared,
                    distance: si.abs_diff(ai),
                    article: a,
                    source: s,
                    relation,
                    note,
                    kind,
                });
            }
        }
    }
    candidates
}

/// The source details (by their place in `s_idx`) that count outside a long unit's window:
/// those with the same value as an article detail ("$77 million" finds "$77.0 million" three
/// bullets away), and those inside the words the article reuses, when they are few (a reused
/// clause inside a long source sentence).
fn beyond_window(
    sm: &[Mention],
    unit: &Unit,
    (a_idx, s_idx): (&[usize], &[usize]),
    window: usize,
) -> (HashMap<String, Vec<usize>>, Vec<usize>) {
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::default();
    let mut reused: Vec<usize> = Vec::new();
    if window != usize::MAX {
        for (si, &s) in s_idx.iter().enumerate() {
            if let Some(key) = crate::details::extract::value_key(&sm[s].value) {
                by_value.entry(key).or_default().push(si);
            }
            if unit.verbatim.iter().any(|v| v.contains(&sm[s].span)) {
                reused.push(si);
            }
        }
        if reused.len() * a_idx.len() > LONG_UNIT_PAIRS {
            reused.clear();
        }
    }
    (by_value, reused)
}

/// A count the other side states with "a"/"an": "two agents" against "an agent".
fn implicit_ones(
    source: &Facts,
    article: &Facts,
    unit: &Unit,
    (a_idx, s_idx): (&[usize], &[usize]),
    (used_a, used_s): (&mut HashSet<usize>, &mut HashSet<usize>),
    found: &mut Found,
) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    for &s in s_idx {
        if used_s.contains(&s) {
            continue;
        }
        if let Some(one) = implicit_one(&sm[s], article, unit.article) {
            used_s.insert(s);
            found.paired_s.insert(s);
            found.push(Related {
                kind: DetailKind::Number,
                relation: Relation::Conflicting,
                note: DetailNote::ImpliedOne {
                    figure: one.figure,
                    noun: one.noun,
                    words: one.text,
                },
                source: Some(sm[s].span),
                article: Some(one.span),
            });
        }
    }
    for &a in a_idx {
        if used_a.contains(&a) {
            continue;
        }
        for sp in &unit.sources {
            if let Some(one) = implicit_one(&am[a], source, *sp) {
                used_a.insert(a);
                found.paired_a.insert(a);
                found.push(Related {
                    kind: DetailKind::Number,
                    relation: Relation::Conflicting,
                    note: DetailNote::SourceSaysOne { figure: one.figure },
                    source: Some(one.span),
                    article: Some(am[a].span),
                });
                break;
            }
        }
    }
}

/// Numbers, money, durations, dates and hedges of a unit that only one side states.
fn one_sided(
    source: &Facts,
    article: &Facts,
    (mut in_unit_a, mut in_unit_s): (Vec<usize>, Vec<usize>),
    found: &mut Found,
) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let compared_in_units = |m: &Mention| {
        matches!(
            m.kind,
            DetailKind::Number
                | DetailKind::Money
                | DetailKind::Duration
                | DetailKind::Date
                | DetailKind::Hedge
        )
    };
    in_unit_a.sort_unstable();
    in_unit_a.dedup();
    for a in in_unit_a {
        if !found.paired_a.contains(&a) && compared_in_units(&am[a]) {
            found.push(Related {
                kind: am[a].kind,
                relation: Relation::OnlyArticle,
                note: DetailNote::OnlyOneSide {
                    side: Side::Article,
                    words: describe(&am[a], article),
                },
                source: None,
                article: Some(am[a].span),
            });
        }
    }
    in_unit_s.sort_unstable();
    in_unit_s.dedup();
    for s in in_unit_s {
        if !found.paired_s.contains(&s) && compared_in_units(&sm[s]) {
            found.push(Related {
                kind: sm[s].kind,
                relation: Relation::OnlySource,
                note: DetailNote::OnlyOneSide {
                    side: Side::Source,
                    words: describe(&sm[s], source),
                },
                source: Some(sm[s].span),
                article: None,
            });
        }
    }
}

/// The source passages the article retells or quotes, merged, for one-sided names.
fn retold(units: &[Unit]) -> Vec<Span> {
    let mut retold: Vec<Span> = units
        .iter()
        .flat_map(|u| u.sources.iter().copied())
        .collect();
    retold.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(retold.len());
    for sp in retold {
        match merged.last_mut() {
            Some(last) if sp.start <= last.end => *last = last.cover(&sp),
            _ => merged.push(sp),
        }
    }
    merged
}

trait MaxWith {
    fn max_with(self, other: Relation) -> Relation;
}

impl MaxWith for Relation {
    fn max_with(self, other: Relation) -> Relation {
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_retold;
