//! Relating the details of the two documents: same, compatible, conflicting, more specific,
//! or on one side only, each with a note a person reads at a glance.
//!
//! Numbers, money, durations, dates, places, titles without a name and hedges are compared
//! only inside aligned units (an article sentence and the source sentences it retells or
//! quotes), because "two" in one sentence says nothing about "three" in an unrelated one.
//! People and organisations are compared across the whole documents: "Mayor Bill de Blasio"
//! is the same man wherever he appears. This module compares values; it finds none.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::dates::{self, Day};
use super::extract::{Extraction, Interval, Mention, Scale, Value};
use super::{DetailKind, Relation};
use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

/// One document as relating sees it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// Its text.
    pub text: &'a str,
    /// Its details.
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
    /// Kind of fact.
    pub kind: DetailKind,
    /// How the sides relate.
    pub relation: Relation,
    /// The note.
    pub note: String,
    /// Source span.
    pub source: Option<Span>,
    /// Article span.
    pub article: Option<Span>,
}

/// A possible pairing in a unit: rank of the relation, size gap, words shared around the two,
/// distance, article and source mention, relation, note, kind.
type Candidate = (
    u8,
    u32,
    std::cmp::Reverse<usize>,
    usize,
    usize,
    usize,
    Relation,
    String,
    DetailKind,
);

fn within(mentions: &[Mention], span: Span) -> std::ops::Range<usize> {
    let lo = mentions.partition_point(|m| m.span.start < span.start);
    let hi = mentions.partition_point(|m| m.span.start < span.end);
    lo..hi.max(lo)
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
pub fn relate(source: &Side, article: &Side, units: &[Unit]) -> Vec<Related> {
    let mut article_side = *article;
    if article.reference.is_none() {
        article_side.reference = infer_reference(source, article, units, false);
    }
    let mut source_side = *source;
    if source.reference.is_none() {
        source_side.reference = infer_reference(source, &article_side, units, true);
    }
    let (source, article) = (&source_side, &article_side);
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    // What each person is called in either document ("presidente" for Rebelo de Sousa).
    let mut titles: HashMap<String, Vec<String>> = HashMap::default();
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
    let mut out = Vec::new();
    let mut seen: HashSet<(Option<Span>, Option<Span>)> = HashSet::default();
    let mut paired_a: HashSet<usize> = HashSet::default();
    let mut paired_s: HashSet<usize> = HashSet::default();
    let mut in_unit_a: Vec<usize> = Vec::new();
    let mut in_unit_s: Vec<usize> = Vec::new();
    for unit in units {
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
        let mut candidates: Vec<Candidate> = Vec::new();
        // In a long unit (a long reused passage) each article detail is compared with the
        // source details at about the same relative place only, which keeps this linear.
        let window = if a_idx.len() * s_idx.len() > 400 {
            8
        } else {
            usize::MAX
        };
        // Outside the window, the source details with the same value still count: "$77
        // million" finds "$77.0 million" three bullets away.
        let mut by_value: HashMap<String, Vec<usize>> = HashMap::default();
        // So do the source details inside the words the article reuses, when they are few:
        // a reused clause inside a long source sentence.
        let mut reused: Vec<usize> = Vec::new();
        if window != usize::MAX {
            for (si, &s) in s_idx.iter().enumerate() {
                if let Some(key) = super::extract::value_key(&sm[s].value) {
                    by_value.entry(key).or_default().push(si);
                }
                if unit.verbatim.iter().any(|v| v.contains(&sm[s].span)) {
                    reused.push(si);
                }
            }
            if reused.len() * a_idx.len() > 400 {
                reused.clear();
            }
        }
        for (ai, &a) in a_idx.iter().enumerate() {
            let centre = ai * s_idx.len() / a_idx.len().max(1);
            let lo = centre.saturating_sub(window);
            let hi = centre.saturating_add(window).min(s_idx.len());
            let mut extra: Vec<usize> = super::extract::value_key(&am[a].value)
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
                    compare_in_unit(&sm[s], &am[a], source, article, &titles)
                {
                    let distance = si.abs_diff(ai);
                    let gap = magnitude_gap(&sm[s], &am[a]);
                    // Ties go to the figure whose neighbours match ("tres años de su
                    // investidura" with "investidura ... hace dos años", not "Dos años
                    // difíciles").
                    let shared = if relation == Relation::Same {
                        0
                    } else {
                        shared_context(&sm[s], &am[a], source, article)
                    };
                    candidates.push((
                        rank(relation),
                        gap,
                        std::cmp::Reverse(shared),
                        distance,
                        a,
                        s,
                        relation,
                        note,
                        kind,
                    ));
                }
            }
        }
        // Best relation first; among changed figures the closest in size ("$12.6 million"
        // changed from "$12.8 million", not from "$0.25"), then the nearest in the sentence.
        candidates.sort_by_key(|x| (x.0, x.1, x.2, x.3, x.4, x.5));
        let mut used_a = HashSet::default();
        let mut used_s = HashSet::default();
        for (_, _, _, _, a, s, relation, note, kind) in candidates {
            if used_a.contains(&a) || used_s.contains(&s) {
                continue;
            }
            used_a.insert(a);
            used_s.insert(s);
            paired_a.insert(a);
            paired_s.insert(s);
            push(
                &mut out,
                &mut seen,
                Related {
                    kind,
                    relation,
                    note,
                    source: Some(sm[s].span),
                    article: Some(am[a].span),
                },
            );
        }
        // A count the other side states with "a"/"an": "two agents" against "an agent".
        for &s in &s_idx {
            if used_s.contains(&s) {
                continue;
            }
            if let Some((span, note)) = implicit_one(&sm[s], article, unit.article) {
                used_s.insert(s);
                paired_s.insert(s);
                push(
                    &mut out,
                    &mut seen,
                    Related {
                        kind: DetailKind::Number,
                        relation: Relation::Conflicting,
                        note,
                        source: Some(sm[s].span),
                        article: Some(span),
                    },
                );
            }
        }
        for &a in &a_idx {
            if used_a.contains(&a) {
                continue;
            }
            for sp in &unit.sources {
                if let Some((span, note)) = implicit_one(&am[a], source, *sp) {
                    used_a.insert(a);
                    paired_a.insert(a);
                    let note = format!(
                        "source says one, article {}",
                        note.split(" vs ").next().unwrap_or("")
                    );
                    push(
                        &mut out,
                        &mut seen,
                        Related {
                            kind: DetailKind::Number,
                            relation: Relation::Conflicting,
                            note,
                            source: Some(span),
                            article: Some(am[a].span),
                        },
                    );
                    break;
                }
            }
        }
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
    same_day_anywhere(
        source,
        article,
        &mut paired_s,
        &mut paired_a,
        &mut out,
        &mut seen,
    );
    same_value_anywhere(
        source,
        article,
        &mut paired_s,
        &mut paired_a,
        &mut out,
        &mut seen,
    );
    // One side only, for the facts compared inside units.
    let one_sided = |m: &Mention| {
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
        if !paired_a.contains(&a) && one_sided(&am[a]) {
            let note = format!("only the article: {}", describe(&am[a], article));
            push(
                &mut out,
                &mut seen,
                Related {
                    kind: am[a].kind,
                    relation: Relation::OnlyArticle,
                    note,
                    source: None,
                    article: Some(am[a].span),
                },
            );
        }
    }
    in_unit_s.sort_unstable();
    in_unit_s.dedup();
    for s in in_unit_s {
        if !paired_s.contains(&s) && one_sided(&sm[s]) {
            let note = format!("only the source: {}", describe(&sm[s], source));
            push(
                &mut out,
                &mut seen,
                Related {
                    kind: sm[s].kind,
                    relation: Relation::OnlySource,
                    note,
                    source: Some(sm[s].span),
                    article: None,
                },
            );
        }
    }
    // The source passages the article retells or quotes, merged, for one-sided names.
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
    across(source, article, &merged, &mut out, &mut seen);
    out
}

/// Dates left unpaired that name the same single day on both sides, wherever they stand: the
/// article's dateline "Jan. 4" and the source's "Given on Monday, January 4, 1965", or "on
/// Tuesday" and a transcript's "today". Each source date pairs once.
fn same_day_anywhere(
    source: &Side,
    article: &Side,
    paired_s: &mut HashSet<usize>,
    paired_a: &mut HashSet<usize>,
    out: &mut Vec<Related>,
    seen: &mut HashSet<(Option<Span>, Option<Span>)>,
) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let single_day = |m: &Mention, side: &Side| -> Option<Day> {
        match &m.value {
            Value::Date(e) => match e.resolve(side.reference) {
                Some((x, y)) if x == y => Some(x),
                _ => None,
            },
            _ => None,
        }
    };
    let mut by_day: HashMap<Day, Vec<usize>> = HashMap::default();
    for (k, m) in sm.iter().enumerate() {
        if paired_s.contains(&k) {
            continue;
        }
        if let Some(d) = single_day(m, source) {
            by_day.entry(d).or_default().push(k);
        }
    }
    if by_day.is_empty() {
        return;
    }
    for (a, m) in am.iter().enumerate() {
        if paired_a.contains(&a) {
            continue;
        }
        let Some(d) = single_day(m, article) else {
            continue;
        };
        let Some(list) = by_day.get_mut(&d) else {
            continue;
        };
        // The source date written most like the article's: "vendredi 17 mai" goes with the
        // dateline "17 mai 2024" rather than with "aujourd'hui".
        let Value::Date(ae) = &m.value else {
            continue;
        };
        let Some(pos) = list
            .iter()
            .enumerate()
            .filter(|(_, s)| !paired_s.contains(s))
            .max_by_key(|(k, &s)| {
                let alike = match &sm[s].value {
                    Value::Date(se) => {
                        usize::from(se.day.is_some() == ae.day.is_some())
                            + usize::from(se.month.is_some() == ae.month.is_some())
                            + usize::from(se.relative.is_some() == ae.relative.is_some())
                    }
                    _ => 0,
                };
                (alike, std::cmp::Reverse(*k))
            })
            .map(|(k, _)| k)
        else {
            continue;
        };
        let s = list.remove(pos);
        let (Value::Date(se), Value::Date(ae)) = (&sm[s].value, &m.value) else {
            continue;
        };
        let Some((relation, note, kind)) = date_relation(se, ae, source, article, &sm[s], m) else {
            continue;
        };
        if relation == Relation::Conflicting {
            continue;
        }
        paired_s.insert(s);
        paired_a.insert(a);
        push(
            out,
            seen,
            Related {
                kind,
                relation,
                note,
                source: Some(sm[s].span),
                article: Some(m.span),
            },
        );
    }
}

/// Words of four letters or more that stand within 60 bytes of both mentions.
fn shared_context(s: &Mention, a: &Mention, source: &Side, article: &Side) -> usize {
    fn around(text: &str, span: Span) -> Vec<String> {
        let lo = floor_char_boundary(text, span.start.saturating_sub(60));
        let hi = ceil_char_boundary(text, span.end + 60);
        let mut words: Vec<String> = [&text[lo..span.start], &text[span.end..hi]]
            .iter()
            .flat_map(|part| part.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }
    let theirs = around(source.text, s.span);
    around(article.text, a.span)
        .iter()
        .filter(|w| theirs.binary_search(w).is_ok())
        .count()
}

/// How far apart in size two figures are, in tenths of a natural log (0 for equal ones and
/// for details that are not figures).
fn magnitude_gap(s: &Mention, a: &Mention) -> u32 {
    let base = |m: &Mention| match &m.value {
        Value::Quantity { value, .. } | Value::Money { value, .. } | Value::Duration(value) => {
            Some(value.base.abs())
        }
        _ => None,
    };
    match (base(s), base(a)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => ((x / y).ln().abs() * 10.0).round() as u32,
        _ => 0,
    }
}

/// Rates and distinctive figures left unpaired that have the same value on both sides,
/// wherever they stand: a lead's "cut ... by a quarter point to 4.10%" and a transcript's
/// "cut the cash rate by 25 basis points to 4.1%" when no sentence alignment joined them.
fn same_value_anywhere(
    source: &Side,
    article: &Side,
    paired_s: &mut HashSet<usize>,
    paired_a: &mut HashSet<usize>,
    out: &mut Vec<Related>,
    seen: &mut HashSet<(Option<Span>, Option<Span>)>,
) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let key = |m: &Mention| -> Option<String> {
        let telling = match &m.value {
            Value::Quantity { scale, .. } => {
                *scale != Scale::Plain || super::extract::is_distinctive(&m.value)
            }
            Value::Money { .. } => true,
            _ => false,
        };
        if telling {
            super::extract::value_key(&m.value)
        } else {
            None
        }
    };
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::default();
    for (k, m) in sm.iter().enumerate() {
        if !paired_s.contains(&k) {
            if let Some(key) = key(m) {
                by_key.entry(key).or_default().push(k);
            }
        }
    }
    if by_key.is_empty() {
        return;
    }
    let no_titles = HashMap::default();
    for (a, m) in am.iter().enumerate() {
        if paired_a.contains(&a) {
            continue;
        }
        let Some(list) = key(m).and_then(|k| by_key.get_mut(&k)) else {
            continue;
        };
        if list.is_empty() {
            continue;
        }
        let s = list.remove(0);
        let Some((relation, note, kind)) = compare_in_unit(&sm[s], m, source, article, &no_titles)
        else {
            continue;
        };
        paired_s.insert(s);
        paired_a.insert(a);
        push(
            out,
            seen,
            Related {
                kind,
                relation,
                note,
                source: Some(sm[s].span),
                article: Some(m.span),
            },
        );
    }
}

fn push(out: &mut Vec<Related>, seen: &mut HashSet<(Option<Span>, Option<Span>)>, r: Related) {
    if seen.insert((r.source, r.article)) {
        out.push(r);
    }
}

/// When the article gives no date, the day that makes its relative dates agree best with the
/// source's (a report is usually published the day of the event or a day or two later).
fn infer_reference(source: &Side, article: &Side, units: &[Unit], for_source: bool) -> Option<Day> {
    let known = if for_source {
        article.reference
    } else {
        source.reference
    }?;
    let candidates: Vec<Day> = if for_source {
        (0..=3).map(|k| known - k).collect()
    } else {
        (0..=3).map(|k| known + k).collect()
    };
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let mut best = (0usize, candidates[0]);
    for &c in &candidates {
        let mut agree = 0;
        for unit in units {
            for a in within(am, unit.article) {
                let Value::Date(ae) = &am[a].value else {
                    continue;
                };
                if !(if for_source {
                    true
                } else {
                    ae.needs_reference()
                }) {
                    continue;
                }
                for sp in &unit.sources {
                    for s in within(sm, *sp) {
                        let Value::Date(se) = &sm[s].value else {
                            continue;
                        };
                        let (sr, ar) = if for_source {
                            (Some(c), article.reference)
                        } else {
                            (source.reference, Some(c))
                        };
                        if let (Some(x), Some(y)) = (se.resolve(sr), ae.resolve(ar)) {
                            // Naming the very same day says more than falling in one week.
                            if x == y && x.0 == x.1 {
                                agree += 3;
                            } else if x.0 <= y.1 && y.0 <= x.1 {
                                agree += 1;
                            }
                        }
                    }
                }
            }
        }
        if agree > best.0 {
            best = (agree, c);
        }
    }
    // Nothing to go by: the article most likely appeared the day the source did.
    Some(best.1)
}

fn compare_in_unit(
    s: &Mention,
    a: &Mention,
    source: &Side,
    article: &Side,
    titles: &HashMap<String, Vec<String>>,
) -> Option<(Relation, String, DetailKind)> {
    let kind = a.kind;
    match (&s.value, &a.value) {
        (
            Value::Quantity {
                value: sv,
                unit: su,
                scale: ss,
            },
            Value::Quantity {
                value: av,
                unit: au,
                scale: sa,
            },
        ) => {
            if ss != sa {
                return None;
            }
            let same_unit = !su.is_empty()
                && !au.is_empty()
                && (su.last() == au.last() || su.iter().any(|w| au.contains(w)));
            // A rate needs no noun: "rose 11%" and "up 10.9%" in one aligned sentence.
            let bare_rate = *ss != Scale::Plain && (su.is_empty() || au.is_empty());
            let unit = su.last().or(au.last()).cloned().unwrap_or_default();
            let (st, at) = (s.span.slice(source.text), a.span.slice(article.text));
            let relation = interval_relation(sv, av, st, at);
            if !same_unit && !bare_rate && relation != Relation::Same {
                return None;
            }
            if relation == Relation::Conflicting && far_apart(sv, av) {
                return None;
            }
            let suffix = match ss {
                Scale::Percent => "%",
                Scale::Points => " pt",
                Scale::Plain => "",
            };
            let mut note = quantity_note(relation, sv, av, suffix, &unit, at);
            if relation == Relation::Compatible && rounded(sv, av, st, at) {
                note = format!("rounded: {note}");
            }
            Some((relation, note, kind))
        }
        (
            Value::Money {
                value: sv,
                currency: sc,
            },
            Value::Money {
                value: av,
                currency: ac,
            },
        ) => {
            if sc != ac {
                return None;
            }
            let (st, at) = (s.span.slice(source.text), a.span.slice(article.text));
            let relation = interval_relation(sv, av, st, at);
            // "$12.6 million" against "$0.25" is no changed figure, only two figures.
            if relation == Relation::Conflicting && far_apart(sv, av) {
                return None;
            }
            let mut note = quantity_note(relation, sv, av, "", sc, at);
            if relation == Relation::Compatible && rounded(sv, av, st, at) {
                note = format!("rounded: {note}");
            }
            Some((relation, note, kind))
        }
        (Value::Duration(sv), Value::Duration(av)) => {
            let (st, at) = (s.span.slice(source.text), a.span.slice(article.text));
            let relation = interval_relation(sv, av, st, at);
            Some((
                relation,
                quantity_note(relation, sv, av, " min", "", a.span.slice(article.text)),
                kind,
            ))
        }
        (Value::Date(se), Value::Date(ae)) => date_relation(se, ae, source, article, s, a),
        (
            Value::Place {
                key: sk,
                class: sc,
                generic: sg,
            },
            Value::Place {
                key: ak,
                class: ac,
                generic: ag,
            },
        ) => {
            if sk == ak && sg == ag {
                Some((
                    Relation::Same,
                    format!("same place: {}", a.span.slice(article.text)),
                    kind,
                ))
            } else if *sg && !*ag && sc.is_some() && sc == ac {
                Some((
                    Relation::MoreSpecific,
                    format!(
                        "the article names the {}: {} vs {}",
                        sc.as_deref().unwrap_or("place"),
                        a.span.slice(article.text),
                        s.span.slice(source.text)
                    ),
                    kind,
                ))
            } else if !*sg && *ag && sc.is_some() && sc == ac {
                Some((
                    Relation::Compatible,
                    format!(
                        "the article is vaguer: {} vs {}",
                        a.span.slice(article.text),
                        s.span.slice(source.text)
                    ),
                    kind,
                ))
            } else {
                None
            }
        }
        (
            Value::Org {
                key: sk,
                parent: sp,
            },
            Value::Org {
                key: ak,
                parent: ap,
            },
        ) => {
            let (st, at) = (s.span.slice(source.text), a.span.slice(article.text));
            if sk.eq_ignore_ascii_case(ak) {
                Some((
                    Relation::Same,
                    format!("same organisation: {st} = {at}"),
                    kind,
                ))
            } else if ap.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(sk)) {
                Some((
                    Relation::MoreSpecific,
                    format!("the article names a part of it: {at} (part of {st})"),
                    kind,
                ))
            } else if sp.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(ak)) {
                Some((
                    Relation::Compatible,
                    format!("the article names the parent body: {at} for {st}"),
                    kind,
                ))
            } else {
                None
            }
        }
        (Value::Hedge { key: sk, .. }, Value::Hedge { key: ak, .. }) => {
            if sk == ak {
                Some((Relation::Same, format!("both hedge: {ak}"), kind))
            } else {
                Some((
                    Relation::Compatible,
                    format!("hedged differently: {sk} vs {ak}"),
                    kind,
                ))
            }
        }
        (Value::Title { words: sw }, Value::Title { words: aw })
            if !is_named(s, source) && !is_named(a, article) =>
        {
            same_role(sw, aw).then(|| {
                (
                    title_relation(sw, aw),
                    format!(
                        "title: {} vs {}",
                        s.span.slice(source.text),
                        a.span.slice(article.text)
                    ),
                    kind,
                )
            })
        }
        // "the President" in the source, "President Marcelo Rebelo de Sousa" in the article.
        (Value::Title { words: sw }, Value::Person { key, .. })
            if !is_named(s, source) && titles.get(key).is_some_and(|aw| same_role(sw, aw)) =>
        {
            Some((
                Relation::MoreSpecific,
                format!(
                    "the article names the {}: {}",
                    s.span.slice(source.text),
                    a.span.slice(article.text)
                ),
                DetailKind::Person,
            ))
        }
        (Value::Person { key, .. }, Value::Title { words: aw })
            if !is_named(a, article) && titles.get(key).is_some_and(|sw| same_role(sw, aw)) =>
        {
            Some((
                Relation::Compatible,
                format!(
                    "the article says only {} for {}",
                    a.span.slice(article.text),
                    s.span.slice(source.text)
                ),
                DetailKind::Person,
            ))
        }
        _ => None,
    }
}

/// True when a title stands right before a name ("Mayor" in "Mayor Bill de Blasio") or in
/// apposition to one ("the President, Marcelo Rebelo de Sousa").
fn is_named(title: &Mention, side: &Side) -> bool {
    let ms = &side.extraction.mentions;
    let k = ms.partition_point(|m| m.span.start < title.span.end);
    ms.get(k).is_some_and(|next| {
        next.kind == DetailKind::Person
            && side
                .text
                .get(title.span.end..next.span.start)
                .is_some_and(|gap| {
                    gap.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
                        .is_empty()
                })
    })
}

fn person_title_of(m: &Mention, side: &Side) -> Option<(Span, Vec<String>)> {
    let ms = &side.extraction.mentions;
    let k = ms.partition_point(|x| x.span.start < m.span.start);
    let prev = ms.get(k.checked_sub(1)?)?;
    let gap = side.text.get(prev.span.end..m.span.start)?;
    match &prev.value {
        Value::Title { words }
            if gap
                .trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
                .is_empty() =>
        {
            Some((prev.span, words.clone()))
        }
        _ => None,
    }
}

/// True when two titles share a title word ("Presidente" and "Presidente da República",
/// "Homeland Security Secretary" and "Secretary").
fn same_role(s: &[String], a: &[String]) -> bool {
    let titles = &super::lexicon::get().titles;
    s.iter().any(|w| titles.contains(w) && a.contains(w))
}

fn title_relation(s: &[String], a: &[String]) -> Relation {
    if s == a {
        Relation::Same
    } else if same_role(s, a) {
        Relation::Compatible
    } else {
        Relation::Conflicting
    }
}

/// "two agents" against "an agent"/"a federal immigration agent's" in the other passage.
fn implicit_one(m: &Mention, other: &Side, within_span: Span) -> Option<(Span, String)> {
    let Value::Quantity {
        value,
        unit,
        scale: Scale::Plain,
    } = &m.value
    else {
        return None;
    };
    let head = unit.last()?;
    if !value.exact || value.lo == 1.0 || value.lo > 1000.0 {
        return None;
    }
    let text = within_span.slice(other.text);
    let words: Vec<(usize, &str)> = word_offsets(text);
    for (k, (off, w)) in words.iter().enumerate() {
        if !matches!(w.to_lowercase().as_str(), "a" | "an" | "one") {
            continue;
        }
        for (end_off, noun) in words.iter().skip(k + 1).take(3) {
            let lower = noun.to_lowercase();
            let possessive = lower.ends_with("'s") || lower.ends_with("’s");
            let bare = lower.trim_end_matches("'s").trim_end_matches("’s");
            let singular = possessive || !bare.ends_with('s');
            if bare.starts_with(head.as_str()) && bare.len() <= head.len() + 2 && singular {
                let start = within_span.start + off;
                let end = within_span.start + end_off + noun.len();
                let note = format!(
                    "{} vs 1 {head}: {}",
                    fmt_num(value.lo),
                    other.text.get(start..end).unwrap_or("")
                );
                return Some((Span::new(start, end), note));
            }
        }
    }
    None
}

fn word_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let wordish = c.is_alphanumeric() || c == '\'' || c == '’';
        match (wordish, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
        if out.len() > 400 {
            break;
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Same value; compatible when one side rounds the other ("11%" for "10.9%") or hedges a
/// value the other states ("almost an hour" for "55 minutes"); otherwise conflicting. Two
/// phrases that state different numbers conflict even when both hedge and the ranges meet:
/// "less than four hours" retold as "less than three hours" is a changed number a
/// fact-checker must see.
fn interval_relation(
    s: &Interval,
    a: &Interval,
    source_text: &str,
    article_text: &str,
) -> Relation {
    if s.same(a) || (s.lo == a.lo && s.hi == a.hi) {
        return Relation::Same;
    }
    if rounded(s, a, source_text, article_text) {
        return Relation::Compatible;
    }
    let eps = 1e-9 * s.base.abs().max(a.base.abs()).max(1.0);
    if !s.exact && !a.exact && (s.base - a.base).abs() > eps {
        return Relation::Conflicting;
    }
    if s.overlaps(a) {
        Relation::Compatible
    } else {
        Relation::Conflicting
    }
}

/// True when both sides state exact values and the coarser one is the finer one rounded to
/// its last digit, within 5%: "11%" for "10.9%", "$3 million" for "$2.96 million".
fn rounded(s: &Interval, a: &Interval, source_text: &str, article_text: &str) -> bool {
    if !s.exact || !a.exact {
        return false;
    }
    let (Some(sp), Some(ap)) = (step(source_text, s.lo), step(article_text, a.lo)) else {
        return false;
    };
    let (coarse, fine, unit) = if sp > ap {
        (s.lo, a.lo, sp)
    } else if ap > sp {
        (a.lo, s.lo, ap)
    } else {
        return false;
    };
    let diff = (coarse - fine).abs();
    diff <= unit / 2.0 + 1e-9 * unit && diff <= 0.05 * coarse.abs().max(fine.abs())
}

/// The value of one unit in the last written digit of the number in `text` whose value is
/// `value`: 0.1 for "10.9%", 100,000 for "$12.6 million", 1 for "11%".
fn step(text: &str, value: f64) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: &str = text[start..]
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .next()?;
    let digits = digits.trim_end_matches(['.', ',']);
    // The decimal part follows the last separator unless it is a group of three.
    let decimals = match digits.rfind(['.', ',']) {
        Some(k) if digits.len() - k - 1 != 3 => digits.len() - k - 1,
        _ => 0,
    };
    let written: f64 = if decimals > 0 {
        let k = digits.len() - decimals - 1;
        let whole: String = digits[..k].chars().filter(char::is_ascii_digit).collect();
        format!("{whole}.{}", &digits[k + 1..]).parse().ok()?
    } else {
        digits
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok()?
    };
    if written <= 0.0 || value <= 0.0 {
        return None;
    }
    Some(value / written * 10f64.powi(-(decimals as i32)))
}

/// Two figures more than ten times apart are two different figures, not one changed.
fn far_apart(s: &Interval, a: &Interval) -> bool {
    let (x, y) = (s.base.abs(), a.base.abs());
    x.min(y) > 0.0 && x.max(y) / x.min(y) > 10.0
}

fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        return "∞".into();
    }
    if (v - v.round()).abs() < 1e-6 {
        let r = v.round() as i64;
        if r.abs() >= 10_000 {
            let s = r.abs().to_string();
            let mut out = String::new();
            for (k, c) in s.chars().enumerate() {
                if k > 0 && (s.len() - k) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            return if r < 0 { format!("-{out}") } else { out };
        }
        return r.to_string();
    }
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn fmt_interval(v: &Interval, suffix: &str) -> String {
    if v.exact || (v.lo - v.hi).abs() < 1e-9 {
        format!("{}{suffix}", fmt_num(v.lo))
    } else if v.hi.is_infinite() {
        format!("≥ {}{suffix}", fmt_num(v.lo))
    } else if v.lo == 0.0 {
        format!("≤ {}{suffix}", fmt_num(v.hi))
    } else {
        format!("≈ {}–{}{suffix}", fmt_num(v.lo), fmt_num(v.hi))
    }
}

fn quantity_note(
    relation: Relation,
    s: &Interval,
    a: &Interval,
    suffix: &str,
    unit: &str,
    article_text: &str,
) -> String {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    match relation {
        Relation::Same => format!("same: {}{suffix}{unit}", fmt_num(a.lo)),
        // Both hedge, with different numbers: "less than four hours" → "less than three".
        _ if !s.exact && !a.exact && s.base != a.base => format!(
            "number changed: {}{suffix} vs {}{suffix}{unit}: {article_text}",
            fmt_num(s.base),
            fmt_num(a.base)
        ),
        _ => format!(
            "{} vs {}{unit}: {article_text}",
            fmt_interval(s, suffix),
            fmt_interval(a, suffix)
        ),
    }
}

fn describe(m: &Mention, side: &Side) -> String {
    let text = m.span.slice(side.text);
    match &m.value {
        Value::Date(e) => match e.resolve(side.reference) {
            Some((a, b)) if a == b => format!("{text} ({})", dates::label(a)),
            Some((a, b)) => format!("{text} ({} – {})", dates::label(a), dates::label(b)),
            None => text.to_string(),
        },
        _ => text.to_string(),
    }
}

fn date_relation(
    se: &dates::DateExpr,
    ae: &dates::DateExpr,
    source: &Side,
    article: &Side,
    s: &Mention,
    a: &Mention,
) -> Option<(Relation, String, DetailKind)> {
    let sd = describe(s, source);
    let ad = describe(a, article);
    let hours_relation = match (se.hours(), ae.hours()) {
        (Some(x), Some(y)) => {
            if (x.0 - y.0).abs() < 1e-6 && (x.1 - y.1).abs() < 1e-6 {
                Relation::Same
            } else if x.0 < y.1 && y.0 < x.1 {
                Relation::Compatible
            } else {
                Relation::Conflicting
            }
        }
        (None, None) => Relation::Same,
        _ => Relation::Compatible,
    };
    let relation = match (se.resolve(source.reference), ae.resolve(article.reference)) {
        (Some(x), Some(y)) => {
            if x == y {
                if x.0 == x.1 {
                    hours_relation
                } else {
                    Relation::Same.max_with(hours_relation)
                }
            } else if x.0 <= y.1 && y.0 <= x.1 {
                if hours_relation == Relation::Conflicting && x.0 == x.1 && y.0 == y.1 {
                    Relation::Conflicting
                } else {
                    Relation::Compatible
                }
            } else {
                Relation::Conflicting
            }
        }
        // Unresolved: the same words say the same thing ("hoy" and "hoy").
        _ if same_words(se, ae) => Relation::Same,
        // Unresolved, but the time of day differs: "this afternoon" and "Monday evening".
        _ if hours_relation == Relation::Conflicting => Relation::Conflicting,
        _ => match (se.weekday, ae.weekday) {
            (Some(x), Some(y)) if x != y => Relation::Conflicting,
            (Some(_), Some(_)) if se.hours == ae.hours => Relation::Same,
            _ => Relation::Compatible,
        },
    };
    // A day against a quarter or a year ("29 dic" and "2030", "fourth-quarter" and "February
    // 20, 2019") are two facts, not one worded twice.
    if relation != Relation::Same {
        if let (Some(x), Some(y)) = (se.resolve(source.reference), ae.resolve(article.reference)) {
            let (gx, gy) = (granularity(x), granularity(y));
            if gx != gy && !(gx.min(gy) == 0 && gx.max(gy) == 1) {
                return None;
            }
        }
    }
    let note = match relation {
        Relation::Same => format!("same time: {ad}"),
        _ => format!("{sd} vs {ad}"),
    };
    Some((relation, note, DetailKind::Date))
}

/// 0 for a day, 1 a week, 2 a month, 3 a quarter, 4 a year or more.
fn granularity((first, last): (Day, Day)) -> u8 {
    match last - first + 1 {
        ..=1 => 0,
        2..=7 => 1,
        8..=31 => 2,
        32..=92 => 3,
        _ => 4,
    }
}

/// Two date phrases that say the same thing in the same terms, tense aside.
fn same_words(x: &dates::DateExpr, y: &dates::DateExpr) -> bool {
    let mut y = y.clone();
    y.past = x.past;
    *x == y
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

/// People and organisations across the documents.
///
/// A person or organisation only the source names is listed only where the article retells or
/// quotes the passage that names it (`retold`, sorted and disjoint): a speech names dozens the
/// article has no reason to.
fn across(
    source: &Side,
    article: &Side,
    retold: &[Span],
    out: &mut Vec<Related>,
    seen: &mut HashSet<(Option<Span>, Option<Span>)>,
) {
    let in_retold = |sp: &Span| {
        let k = retold.partition_point(|r| r.end <= sp.start);
        retold.get(k).is_some_and(|r| r.contains(sp))
    };
    let first_by_key = |side: &Side, kind: DetailKind, retold_only: bool| -> Vec<(String, usize)> {
        let mut order = Vec::new();
        let mut firsts: HashMap<String, usize> = HashMap::default();
        for (k, m) in side.extraction.mentions.iter().enumerate() {
            if m.kind != kind || (retold_only && !in_retold(&m.span)) {
                continue;
            }
            let key = match &m.value {
                Value::Person { key, .. } => key.clone(),
                Value::Org { key, .. } => key.to_lowercase(),
                Value::Place {
                    key,
                    generic: false,
                    ..
                } => key.clone(),
                _ => continue,
            };
            if key.is_empty() {
                continue;
            }
            // Prefer the fullest mention: the first one that gives a given name.
            match firsts.get(&key) {
                None => {
                    firsts.insert(key.clone(), k);
                    order.push(key);
                }
                Some(&prev) => {
                    let fuller =
                        |x: &Mention| matches!(&x.value, Value::Person { given: Some(_), .. });
                    if !fuller(&side.extraction.mentions[prev]) && fuller(m) {
                        firsts.insert(key, k);
                    }
                }
            }
        }
        order
            .into_iter()
            .map(|key| {
                let k = firsts[&key];
                (key, k)
            })
            .collect()
    };
    for kind in [
        DetailKind::Person,
        DetailKind::Organization,
        DetailKind::Place,
    ] {
        let s_first = first_by_key(source, kind, false);
        let a_first = first_by_key(article, kind, false);
        let s_map: HashMap<&str, usize> = s_first.iter().map(|(k, i)| (k.as_str(), *i)).collect();
        let a_keys: HashSet<&str> = a_first.iter().map(|(k, _)| k.as_str()).collect();
        let mut spelled_out: HashSet<String> = HashSet::default();
        let sm = &source.extraction.mentions;
        let am = &article.extraction.mentions;
        for (key, a) in &a_first {
            let am_ = &am[*a];
            match s_map.get(key.as_str()) {
                Some(&s) => {
                    let sm_ = &sm[s];
                    let (relation, note) = match (&sm_.value, &am_.value) {
                        (
                            Value::Person { given: Some(x), .. },
                            Value::Person { given: Some(y), .. },
                        ) if x != y
                            && !one_name(
                                sm_.span.slice(source.text),
                                am_.span.slice(article.text),
                            ) =>
                        {
                            (
                                Relation::Conflicting,
                                format!(
                                    "different first names: {} vs {}",
                                    sm_.span.slice(source.text),
                                    am_.span.slice(article.text)
                                ),
                            )
                        }
                        _ => {
                            let what = match kind {
                                DetailKind::Person => "person",
                                DetailKind::Place => "place",
                                _ => "organisation",
                            };
                            (
                                Relation::Same,
                                format!(
                                    "same {what}: {} = {}",
                                    sm_.span.slice(source.text),
                                    am_.span.slice(article.text)
                                ),
                            )
                        }
                    };
                    push(
                        out,
                        seen,
                        Related {
                            kind,
                            relation,
                            note,
                            source: Some(sm_.span),
                            article: Some(am_.span),
                        },
                    );
                    if kind == DetailKind::Person {
                        if let (Some((st, sw)), Some((at, aw))) =
                            (person_title_of(sm_, source), person_title_of(am_, article))
                        {
                            let relation = title_relation(&sw, &aw);
                            let how = if relation == Relation::Same {
                                "same title"
                            } else if aw.len() < sw.len() {
                                "title shortened"
                            } else {
                                "title changed"
                            };
                            let note = format!(
                                "{how}: {} vs {}",
                                st.slice(source.text),
                                at.slice(article.text)
                            );
                            push(
                                out,
                                seen,
                                Related {
                                    kind: DetailKind::Title,
                                    relation,
                                    note,
                                    source: Some(st),
                                    article: Some(at),
                                },
                            );
                        }
                    }
                }
                None if kind == DetailKind::Place => {}
                None => {
                    // An acronym for a name the other side spells out: "KfW" for
                    // "Kreditanstalt für Wiederaufbau".
                    let at = am_.span.slice(article.text);
                    let spelled = s_first.iter().find(|(_, s)| {
                        let st = sm[*s].span.slice(source.text);
                        kind == DetailKind::Organization
                            && (acronym_of(at, st) || acronym_of(st, at))
                    });
                    if let Some((skey, s)) = spelled {
                        spelled_out.insert(skey.clone());
                        let note = format!(
                            "same organisation: {} = {at}",
                            sm[*s].span.slice(source.text)
                        );
                        push(
                            out,
                            seen,
                            Related {
                                kind,
                                relation: Relation::Same,
                                note,
                                source: Some(sm[*s].span),
                                article: Some(am_.span),
                            },
                        );
                        continue;
                    }
                    // An agency inside one the source names: "USCIS" for "DHS".
                    let parent = match &am_.value {
                        Value::Org {
                            parent: Some(p), ..
                        } => s_map.get(p.to_lowercase().as_str()).copied(),
                        _ => None,
                    };
                    if let Some(s) = parent {
                        let note = format!(
                            "the article names a part of it: {} (part of {})",
                            am_.span.slice(article.text),
                            sm[s].span.slice(source.text)
                        );
                        push(
                            out,
                            seen,
                            Related {
                                kind,
                                relation: Relation::MoreSpecific,
                                note,
                                source: Some(sm[s].span),
                                article: Some(am_.span),
                            },
                        );
                    } else {
                        let note =
                            format!("only the article names {}", am_.span.slice(article.text));
                        push(
                            out,
                            seen,
                            Related {
                                kind,
                                relation: Relation::OnlyArticle,
                                note,
                                source: None,
                                article: Some(am_.span),
                            },
                        );
                    }
                }
            }
        }
        for (key, s) in &first_by_key(source, kind, true) {
            if !a_keys.contains(key.as_str())
                && !spelled_out.contains(key)
                && kind != DetailKind::Place
            {
                let note = format!("only the source names {}", sm[*s].span.slice(source.text));
                push(
                    out,
                    seen,
                    Related {
                        kind,
                        relation: Relation::OnlySource,
                        note,
                        source: Some(sm[*s].span),
                        article: None,
                    },
                );
            }
        }
    }
}

/// True when `short` is an acronym ("KfW", "BCE") of the words of `long` ("Kreditanstalt für
/// Wiederaufbau", "Banque centrale européenne"), with or without its small words.
fn acronym_of(short: &str, long: &str) -> bool {
    let letters = short.chars().count();
    if !(2..=6).contains(&letters)
        || !short.chars().all(char::is_alphabetic)
        || short.chars().filter(|c| c.is_uppercase()).count() < 2
    {
        return false;
    }
    let words: Vec<&str> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let short = short.to_lowercase();
    let initials = |all: bool| -> String {
        words
            .iter()
            .filter(|w| all || w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    initials(true) == short || initials(false) == short
}

/// True when two person mentions with the same surname are one name written with more or
/// fewer words before it: "Executive Ziv Shoshani" and "Ziv Shoshani", "Président de la
/// République François Hollande" and "François Hollande", or an abbreviated title where a
/// given name would be ("BK'in Merkel" and "Angela Merkel").
fn one_name(x: &str, y: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches(['\'', '’', 's']).to_lowercase())
            .collect()
    };
    let (a, b) = (words(x), words(y));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() >= 2 && long.ends_with(short) {
        return true;
    }
    // A first word that cannot be a given name: "BK'in", "Dr.", "EU-Kommissar".
    let not_a_given_name = |t: &str| {
        t.split_whitespace().next().is_some_and(|w| {
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            w.contains(['\'', '’', '.']) || upper >= 2
        })
    };
    not_a_given_name(x) || not_a_given_name(y)
}

#[cfg(test)]
mod tests {
    use crate::compare::{compare, CompareOptions, MatchKind};
    use crate::details::{CalendarDate, DetailKind, Relation};
    use crate::document::Document;

    type Row = (DetailKind, Relation, String, String);

    fn details_with(source: &str, article: &str, options: &CompareOptions) -> Vec<Row> {
        let c = compare(
            Document::from_text("source", source),
            Document::from_text("article", article),
            options,
        );
        c.details
            .iter()
            .map(|d| {
                let side = |sp: Option<crate::span::Span>, text: &str| {
                    sp.map_or(String::new(), |s| s.slice(text).to_string())
                };
                (
                    d.kind,
                    d.relation,
                    side(d.source, source),
                    side(d.article, article),
                )
            })
            .collect()
    }

    fn details(source: &str, article: &str) -> Vec<Row> {
        details_with(source, article, &CompareOptions::default())
    }

    /// Fails the test, showing every row, unless one row has this kind and relation and
    /// holds these texts.
    #[track_caller]
    fn expect_row(rows: &[Row], kind: DetailKind, relation: Relation, source: &str, article: &str) {
        let found = rows.iter().any(|(k, r, s, a)| {
            *k == kind && *r == relation && s.contains(source) && a.contains(article)
        });
        assert!(found, "{rows:#?}");
    }

    const READOUT: &str = "FOR IMMEDIATE RELEASE, May 15, 2017\n\nThis afternoon, Mayor Ana Ortiz met with \
        Transport Secretary Paul Lindqvist. The 55-minute meeting at the ministry in Lisbon focused on rail \
        funding for the northern line. The Mayor and Secretary discussed the presence of two federal \
        inspectors at a school in Queens last week.";

    #[test]
    fn duration_and_relative_dates_are_compatible() {
        let article =
            "Ortiz was visiting Lisbon on Monday, and met with Lindqvist for almost an hour \
                       about rail funding at the ministry.";
        let rows = details(READOUT, article);
        expect_row(
            &rows,
            DetailKind::Duration,
            Relation::Compatible,
            "55-minute",
            "almost an hour",
        );
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Compatible,
            "This afternoon",
            "Monday",
        );
    }

    #[test]
    fn a_count_against_a_single_mention_conflicts_and_a_named_school_is_more_specific() {
        let article = "Two federal inspectors apparently visited P.S. 58 in Queens on Thursday, the Mayor \
                       and Secretary discussed. A federal inspector's presence at a school was discussed.";
        let rows = details(READOUT, article);
        expect_row(&rows, DetailKind::Number, Relation::Same, "two", "Two");
        expect_row(
            &rows,
            DetailKind::Place,
            Relation::MoreSpecific,
            "a school",
            "P.S. 58",
        );
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Compatible,
            "last week",
            "Thursday",
        );
        expect_row(
            &rows,
            DetailKind::Hedge,
            Relation::OnlyArticle,
            "",
            "apparently",
        );
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Conflicting,
            "two",
            "A federal inspector's",
        );
    }

    #[test]
    fn a_name_introduced_in_full_then_shortened_is_the_same_person() {
        let source = "Governor Maria Okafor signed the flood relief order on Friday in Richmond.";
        let article = "Gov. Okafor signed a flood relief order in Richmond. Okafor said the order \
                       would help. Senator James Kelly praised it.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Person,
            Relation::Same,
            "Maria Okafor",
            "Okafor",
        );
        expect_row(&rows, DetailKind::Title, Relation::Same, "Governor", "Gov.");
        expect_row(
            &rows,
            DetailKind::Person,
            Relation::OnlyArticle,
            "",
            "James Kelly",
        );
        let rows = details(
            "Senator John Kelly spoke in Richmond.",
            "Senator James Kelly spoke in Richmond.",
        );
        expect_row(
            &rows,
            DetailKind::Person,
            Relation::Conflicting,
            "John Kelly",
            "James Kelly",
        );
    }

    #[test]
    fn organisations_join_acronyms_and_know_their_parents() {
        let source =
            "Agents of the Department of Homeland Security visited the school on Monday morning.";
        let article = "Agents of U.S. Citizenship and Immigration Services visited the school on Monday, DHS said.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Organization,
            Relation::MoreSpecific,
            "Department of Homeland Security",
            "U.S. Citizenship",
        );
        expect_row(
            &rows,
            DetailKind::Organization,
            Relation::Same,
            "Department of Homeland Security",
            "DHS",
        );
    }

    #[test]
    fn numbers_in_other_words_are_the_same_and_money_conflicts() {
        let source = "The Bank of Canada lowered its target for the overnight rate by one-quarter of one \
                      percentage point to 2 1/2 per cent and set aside $2.5 million for the review.";
        let article =
            "The Bank of Canada cut its overnight rate target 25 basis points to 2.50 percent and \
                       set aside $3 million for a review.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Same,
            "one-quarter",
            "25 basis points",
        );
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Same,
            "2 1/2 per cent",
            "2.50 percent",
        );
        expect_row(
            &rows,
            DetailKind::Money,
            Relation::Conflicting,
            "2.5 million",
            "3 million",
        );
    }

    #[test]
    fn yesterday_across_a_month_boundary_and_a_weekday_across_a_year_boundary() {
        let source =
            "The council approved the harbour budget yesterday after a long debate on the tunnel.";
        let article =
            "The council approved the harbour budget on May 31 after a long debate on the tunnel, \
                       and the mayor signed it on Thursday.";
        let mut options = CompareOptions::default();
        options.dates.source = Some(CalendarDate {
            year: 2017,
            month: 6,
            day: 1,
        });
        let rows = details_with(source, article, &options);
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Same,
            "yesterday",
            "May 31",
        );

        let source = "The council approved the harbour budget last Thursday after a long debate on the tunnel.";
        let article = "The council approved the harbour budget on December 28 after a long debate on the tunnel.";
        options.dates.source = Some(CalendarDate {
            year: 2024,
            month: 1,
            day: 2,
        });
        let rows = details_with(source, article, &options);
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Same,
            "Thursday",
            "December 28",
        );
        let wrong = "The council approved the harbour budget on December 27 after a long debate on the tunnel.";
        let rows = details_with(source, wrong, &options);
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Conflicting,
            "Thursday",
            "December 27",
        );
    }

    #[test]
    fn facts_on_one_side_only_are_listed() {
        let source = "The council approved 14 new bus lanes for the harbour district on Tuesday.";
        let article = "The council approved new bus lanes for the harbour district, about 3 kilometres in all.";
        let rows = details(source, article);
        expect_row(&rows, DetailKind::Number, Relation::OnlySource, "14", "");
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::OnlyArticle,
            "",
            "about 3",
        );
    }

    #[test]
    fn paraphrase_matches_continue_the_ids_and_details_point_at_them() {
        let article =
            "Ortiz was visiting Lisbon on Monday, and met with Lindqvist for almost an hour \
                       about rail funding at the ministry.";
        let c = compare(
            Document::from_text("s", READOUT),
            Document::from_text("a", article),
            &CompareOptions::default(),
        );
        let para: Vec<_> = c
            .matches
            .iter()
            .filter(|m| m.kind == MatchKind::Paraphrase)
            .collect();
        assert!(!para.is_empty());
        for (k, m) in c.matches.iter().enumerate() {
            assert_eq!(m.id, k + 1);
        }
        let duration = c
            .details
            .iter()
            .find(|d| d.kind == DetailKind::Duration)
            .expect("a duration");
        let m = c
            .match_by_id(duration.match_id.expect("in a match"))
            .expect("match exists");
        assert!(m.article.contains(&duration.article.expect("article side")));
        assert!(c.stats.article_paraphrased > 0.5);
    }

    #[test]
    fn a_distinctive_count_ties_a_short_sentence_to_its_source() {
        let source =
            "The housing office confirmed 2,317 new permits in the northern district this spring, \
                      most of them for family homes near the river.";
        let article =
            "Officials have counted 2,317 permits so far. Builders cheered the news downtown.";
        let rows = details(source, article);
        expect_row(&rows, DetailKind::Number, Relation::Same, "2,317", "2,317");
    }

    #[test]
    fn a_possessive_weekday_is_still_a_date() {
        let source = "Police made five misdemeanor arrests on Saturday afternoon at the festival in Richmond.";
        let article =
            "Police made five misdemeanor arrests at this past Saturday’s festival in Richmond.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Compatible,
            "Saturday afternoon",
            "Saturday’s",
        );
        expect_row(&rows, DetailKind::Number, Relation::Same, "five", "five");
    }

    #[test]
    fn spanish_and_french_details() {
        let source = "MADRID, 24 de diciembre de 2020\n\nEl Rey se reunió ayer con el presidente del \
                      Gobierno, Pedro Sánchez, durante casi dos horas en el Palacio de la Zarzuela. Ambos \
                      acordaron destinar 1.200 millones de euros a la reconstrucción de 15 hospitales.";
        let article = "El Rey se reunió el miércoles con Sánchez durante unas dos horas en la Zarzuela. \
                       Ambos acordaron destinar 1.500 millones de euros a la reconstrucción de 12 hospitales.";
        let rows = details(source, article);
        expect_row(&rows, DetailKind::Date, Relation::Same, "ayer", "miércoles");
        expect_row(
            &rows,
            DetailKind::Person,
            Relation::Same,
            "Pedro Sánchez",
            "Sánchez",
        );
        expect_row(
            &rows,
            DetailKind::Duration,
            Relation::Compatible,
            "casi dos horas",
            "unas dos horas",
        );
        expect_row(
            &rows,
            DetailKind::Money,
            Relation::Conflicting,
            "1.200 millones de euros",
            "1.500",
        );
        expect_row(&rows, DetailKind::Number, Relation::Conflicting, "15", "12");

        let source =
            "Paris, le 12 mars 2018\n\nLe président de la République, Emmanuel Macron, a reçu \
                      hier à l'Élysée trois représentants des spahis.";
        let article = "Emmanuel Macron a reçu dimanche deux représentants des spahis à l'Élysée.";
        let rows = details(source, article);
        expect_row(&rows, DetailKind::Date, Relation::Same, "hier", "dimanche");
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Conflicting,
            "trois",
            "deux",
        );
    }

    #[test]
    fn german_details_with_an_ordinal_dateline() {
        let source = "Berlin, 14. Juni 2018\n\nBundespräsident Frank-Walter Steinmeier hat heute in Münster \
                      mit rund 40 Vertretern der Stadt gesprochen. Das Treffen dauerte 90 Minuten.";
        let article =
            "Steinmeier sprach am Donnerstag in Münster mit 50 Vertretern der Stadt, das Treffen \
                       dauerte etwa zwei Stunden.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Same,
            "heute",
            "Donnerstag",
        );
        expect_row(
            &rows,
            DetailKind::Person,
            Relation::Same,
            "Frank-Walter Steinmeier",
            "Steinmeier",
        );
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Conflicting,
            "rund 40",
            "50",
        );
        assert!(
            !rows
                .iter()
                .any(|r| r.0 == DetailKind::Person && r.3.contains("Vertretern")),
            "{rows:#?}"
        );
    }

    #[test]
    fn a_changed_hedged_number_conflicts() {
        let source =
            "With the new trains, passengers could travel this distance in less than four \
            hours. We will extend the minimum wage to more than 2 million unprotected workers.";
        let article = "He said passengers could travel this distance in less than three hours. \
            He proposed extending the minimum wage to more than 3 million unprotected workers.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Duration,
            Relation::Conflicting,
            "less than four hours",
            "less than three hours",
        );
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Conflicting,
            "more than 2 million",
            "more than 3 million",
        );
    }

    #[test]
    fn rounding_cents_and_precision_are_not_conflicts() {
        let source = "Growth in revenues to $77.0 million, up 10.9% year-over-year. Earnings were \
            $0.25 per diluted share, compared to $0.33 reported last year.";
        let article =
            "Revenue rose 11% to $77 million, though earnings per share fell to 25 cents \
            from 33 cents a year earlier.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Compatible,
            "10.9",
            "11",
        );
        expect_row(
            &rows,
            DetailKind::Money,
            Relation::Same,
            "$77.0 million",
            "$77 million",
        );
        expect_row(
            &rows,
            DetailKind::Money,
            Relation::Same,
            "$0.25",
            "25 cents",
        );
        expect_row(
            &rows,
            DetailKind::Money,
            Relation::Same,
            "$0.33",
            "33 cents",
        );
        // A real change of the same precision is not rounding.
        let rows = details(
            "Free cash flow was $12.8 million.",
            "Free cash flow was $12.6 million.",
        );
        expect_row(
            &rows,
            DetailKind::Money,
            Relation::Conflicting,
            "$12.8",
            "$12.6",
        );
    }

    #[test]
    fn a_quarter_point_is_25_basis_points_and_4_10_is_4_1() {
        let source =
            "Good afternoon. As you know the Board decided today to cut the cash rate by 25 \
            basis points to 4.1%.";
        let article =
            "Australia's central bank cut interest rates by a quarter point to 4.10%, its \
            first easing since the pandemic.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Same,
            "25 basis points",
            "a quarter point",
        );
        expect_row(&rows, DetailKind::Number, Relation::Same, "4.1", "4.10");
    }

    #[test]
    fn a_figure_changed_in_a_reused_passage_pairs_with_the_closest_figure() {
        let source =
            "Fourth Quarter Highlights\n\n• Earnings were $0.25 per diluted share\n\n• Cash \
            from operations was $17.4 million with free cash flow of $12.8 million\n";
        let article =
            "Cash from operations in the quarter was $17.4 million, with free cash flow of \
            $12.6 million.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Money,
            Relation::Conflicting,
            "$12.8 million",
            "$12.6 million",
        );
        assert!(
            !rows
                .iter()
                .any(|(_, _, s, a)| s.contains("$0.25") && !a.is_empty()),
            "{rows:#?}"
        );
    }

    #[test]
    fn longer_or_abbreviated_forms_of_one_name_are_the_same_person() {
        let source = "BK'in Merkel: Meine Damen und Herren, ich freue mich. Chief Executive Ziv \
            Shoshani said the year was strong.";
        let article = "Angela Merkel sprach in Berlin. Executive Ziv Shoshani said the year was \
            strong, according to Ziv Shoshani.";
        let rows = details(source, article);
        assert!(
            !rows
                .iter()
                .any(|(k, r, _, _)| *k == DetailKind::Person && *r == Relation::Conflicting),
            "{rows:#?}"
        );
        expect_row(
            &rows,
            DetailKind::Person,
            Relation::Same,
            "Merkel",
            "Angela Merkel",
        );
        // Different given names still conflict.
        let rows = details(
            "Mayor Bill de Blasio met John Kelly.",
            "Mayor Bill de Blasio met James Kelly.",
        );
        expect_row(
            &rows,
            DetailKind::Person,
            Relation::Conflicting,
            "John Kelly",
            "James Kelly",
        );
    }

    #[test]
    fn a_dateline_pairs_with_the_same_day_written_otherwise() {
        let source = "Annual Message to the Congress on the State of the Union\n\nMr. Speaker, \
            we meet tonight to review the year.\n\nGiven on Monday, January 4, 1965, at the \
            Capitol.";
        let article = "WASHINGTON, Jan. 4 — President Johnson laid out his plans in a speech to \
            Congress.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Same,
            "January 4, 1965",
            "Jan. 4",
        );
    }

    #[test]
    fn the_same_words_are_the_same_date_and_a_year_is_not_a_day() {
        let source = "Quiero darles las gracias hoy y siempre. El objetivo es llegar a 2030 con \
            la economía transformada.";
        let article = "Sánchez quiso dar las gracias hoy y siempre a los medios, en su balance \
            del 29 dic.";
        let rows = details(source, article);
        expect_row(&rows, DetailKind::Date, Relation::Same, "hoy", "hoy");
        assert!(
            !rows.iter().any(|(k, _, s, a)| *k == DetailKind::Date
                && s.contains("2030")
                && a.contains("29 dic")),
            "{rows:#?}"
        );
    }

    #[test]
    fn spanish_ordinals_and_numeric_datelines() {
        let source = "Rueda de prensa del presidente para presentar la 3ª edición del informe \
            \"Cumpliendo\"\n\n29.12.2021\n\nHoy presentamos la 3ª edición del informe sobre el \
            cumplimiento de los compromisos del Gobierno.";
        let article = "El presidente del Gobierno presentó este miércoles en la Moncloa la cuarta \
            edición del informe sobre el cumplimiento de los compromisos del Gobierno.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Number,
            Relation::Conflicting,
            "3ª",
            "cuarta",
        );
        expect_row(&rows, DetailKind::Date, Relation::Same, "", "miércoles");
    }

    #[test]
    fn a_different_time_of_day_conflicts_without_a_dateline() {
        let source = "A Downing Street spokesperson said: The Prime Minister held an hour long \
            video conference this afternoon with President Obama.";
        let article = "David Cameron held an hour-long video call with President Obama on Monday \
            evening, a Downing Street spokesman said.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Date,
            Relation::Conflicting,
            "this afternoon",
            "Monday evening",
        );
    }

    #[test]
    fn figures_and_names_the_article_has_no_reason_to_use_are_not_listed() {
        let source = "Vishay Precision Group reported results today. Gross margin was 37.1% and \
            operating margin was 9.2%, compared to 10.3% last year. As Thomas Jefferson told \
            the Congress, a nation must plan ahead.";
        let article = "Operating margin narrowed to 9.2% from 10.3%, Vishay Precision Group said.";
        let rows = details(source, article);
        expect_row(&rows, DetailKind::Number, Relation::Same, "9.2", "9.2");
        assert!(
            !rows.iter().any(|(_, r, s, _)| *r == Relation::OnlySource
                && (s.contains("37.1") || s.contains("Jefferson"))),
            "{rows:#?}"
        );
        // A figure dropped from a sentence whose changed figure could not be paired stays.
        let rows = details(
            "The plant shipped 1,200 units in the quarter and hired 45 engineers.",
            "The plant shipped 1,300 sensors in the quarter and hired 45 engineers.",
        );
        assert!(
            rows.iter()
                .any(|(_, r, s, _)| *r == Relation::OnlySource && s.contains("1,200")),
            "{rows:#?}"
        );
    }

    #[test]
    fn an_acronym_is_the_name_it_abbreviates() {
        let source = "Wir haben vereinbart, dass die Kreditanstalt für Wiederaufbau beim Aufbau \
            einer Förderbank in Griechenland hilft.";
        let article = "Die staatliche KfW soll beim Aufbau einer Förderbank in Griechenland \
            helfen, sagte Merkel.";
        let rows = details(source, article);
        expect_row(
            &rows,
            DetailKind::Organization,
            Relation::Same,
            "Kreditanstalt für Wiederaufbau",
            "KfW",
        );
        assert!(super::acronym_of("BCE", "Banque centrale européenne"));
        assert!(!super::acronym_of("PP", "Banque de France"));
    }

    #[test]
    fn a_changed_count_pairs_with_the_count_in_the_same_context() {
        let source = "Dos años difíciles, dos años complejos y dos años intensos. Dentro de pocos \
            días se va a cumplir el ecuador de la legislatura, con el proceso de investidura que \
            se vivió hace dos años.";
        let article = "Sánchez recordó que dentro de pocos días se cumplen tres años de su \
            investidura, en el ecuador de la legislatura.";
        let c = compare(
            Document::from_text("source", source),
            Document::from_text("article", article),
            &CompareOptions::default(),
        );
        let hace = source.rfind("dos años").unwrap_or(0);
        let paired: Vec<usize> = c
            .details
            .iter()
            .filter(|d| d.kind == DetailKind::Duration && d.relation == Relation::Conflicting)
            .filter_map(|d| d.source.map(|s| s.start))
            .collect();
        assert_eq!(paired, vec![hace], "{:#?}", c.details);
    }
}
