//! Relating dates and times: resolving relative expressions against a reference day (given,
//! read from a dateline or inferred from the other document) and comparing the days meant.

use super::*;

/// Dates left unpaired that name the same single day on both sides, wherever they stand: the
/// article's dateline "Jan. 4" and the source's "Given on Monday, January 4, 1965", or "on
/// Tuesday" and a transcript's "today". Each source date pairs once.
pub(super) fn same_day_anywhere(source: &Facts, article: &Facts, found: &mut Found) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let single_day = |m: &Mention, side: &Facts| -> Option<Day> {
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
        if found.paired_s.contains(&k) {
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
        if found.paired_a.contains(&a) {
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
            .filter(|(_, s)| !found.paired_s.contains(s))
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
        let spans = (sm[s].span, m.span);
        found.pair((s, a), Related::both(kind, relation, note, spans));
    }
}

/// When the article gives no date, the day that makes its relative dates agree best with the
/// source's (a report is usually published the day of the event or a day or two later).
pub(super) fn infer_reference(
    source: &Facts,
    article: &Facts,
    units: &[Unit],
    for_source: bool,
) -> Option<Day> {
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

/// How much earlier than a whole hour ("7pm") an exact time may fall and still be the same
/// moment rounded, in hours.
const ROUNDED_HOUR: f64 = 0.25;

/// How two times of day relate: the same, overlapping (a whole hour is a rounding: "shortly
/// before 7pm" for "6.57pm"), or apart; no time on one side contradicts nothing.
fn hours_relation(x: Option<(f64, f64)>, y: Option<(f64, f64)>) -> Relation {
    match (x, y) {
        (Some(x), Some(y)) => {
            let rounded = |h: (f64, f64)| {
                if (h.1 - h.0 - 1.0).abs() < 1e-6 {
                    (h.0 - ROUNDED_HOUR, h.1)
                } else {
                    h
                }
            };
            let (wx, wy) = (rounded(x), rounded(y));
            if (x.0 - y.0).abs() < 1e-6 && (x.1 - y.1).abs() < 1e-6 {
                Relation::Same
            } else if wx.0 < wy.1 && wy.0 < wx.1 {
                Relation::Compatible
            } else {
                Relation::Conflicting
            }
        }
        (None, None) => Relation::Same,
        _ => Relation::Compatible,
    }
}

/// Whether one of two resolved dates lies wholly before its document's day and the other
/// wholly after its own ("heard from the court on 24 October" in a release, "the court
/// decides on Tuesday" in the next day's article): a past event and one to come are two
/// facts, not one dated two ways.
fn one_past_one_to_come(
    source: (Day, Day),
    article: (Day, Day),
    source_day: Option<Day>,
    article_day: Option<Day>,
) -> bool {
    let past = |x: (Day, Day), r: Option<Day>| r.is_some_and(|r| x.1 < r);
    let to_come = |x: (Day, Day), r: Option<Day>| r.is_some_and(|r| x.0 > r);
    (past(source, source_day) && to_come(article, article_day))
        || (to_come(source, source_day) && past(article, article_day))
}

/// How two dates of linked passages relate, with the note and the kind of detail; `None` when
/// they are not one fact told twice (a day against a year, a past event against one to come).
pub(super) fn date_relation(
    se: &calendar::DateExpr,
    ae: &calendar::DateExpr,
    source: &Facts,
    article: &Facts,
    s: &Mention,
    a: &Mention,
) -> Option<(Relation, DetailNote, DetailKind)> {
    let sd = describe(s, source);
    let ad = describe(a, article);
    let hours_relation = hours_relation(se.hours(), ae.hours());
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
            } else if one_past_one_to_come(x, y, source.reference, article.reference) {
                return None;
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
    // A weekday that is not the date's ("woensdag 10 november" for Tuesday 10 November) is
    // a wrong day on whichever side names it.
    let relation = if misfit(se, source.reference) || misfit(ae, article.reference) {
        Relation::Conflicting
    } else {
        relation
    };
    // A day against a quarter or a year ("29 dic" and "2030", "fourth-quarter" and "February
    // 20, 2019") are two facts, not one worded twice.
    // Unresolved, the words still tell: "2003" against "last month", a date against a bare
    // "19:00".
    if relation != Relation::Same {
        let grain = |e: &calendar::DateExpr, r: Option<Day>| match e.resolve(r) {
            Some(x) => Some(granularity(x)),
            None => e.granularity(),
        };
        match (grain(se, source.reference), grain(ae, article.reference)) {
            (Some(gx), Some(gy)) if gx != gy && !(gx.min(gy) == 0 && gx.max(gy) == 1) => {
                return None
            }
            (None, Some(_)) if ae.hours().is_none() => return None,
            (Some(_), None) if se.hours().is_none() => return None,
            _ => {}
        }
    }
    let note = match relation {
        Relation::Same => DetailNote::SameTime {
            article: ad.to_string(),
        },
        _ => DetailNote::Dates {
            source: sd.to_string(),
            article: ad.to_string(),
        },
    };
    Some((relation, note, DetailKind::Date))
}

/// True when `e` names a weekday and a day of the month, and the day is another weekday.
fn misfit(e: &calendar::DateExpr, reference: Option<Day>) -> bool {
    let (Some(wd), Some(_), Some(_)) = (e.weekday, e.month, e.day) else {
        return false;
    };
    matches!(e.resolve(reference), Some((x, y)) if x == y && calendar::weekday(x) != wd)
}

/// 0 for a day, 1 a week, 2 a month, 3 a quarter, 4 a year or more.
pub(super) fn granularity((first, last): (Day, Day)) -> u8 {
    match last - first + 1 {
        ..=1 => 0,
        2..=7 => 1,
        8..=31 => 2,
        32..=92 => 3,
        _ => 4,
    }
}

/// Two date phrases that say the same thing in the same terms, tense aside.
pub(super) fn same_words(x: &calendar::DateExpr, y: &calendar::DateExpr) -> bool {
    let mut y = y.clone();
    y.past = x.past;
    *x == y
}
