//! Relating the details inside one aligned unit (an article sentence and the source
//! passages it retells): each article detail paired with the closest source detail of its
//! kind.

use super::*;

/// How far (in bytes) either side of a mention its context words are read.
const CONTEXT_BYTES: usize = 60;

/// Shortest word (in letters) that counts as context: "the", "and", "der" say nothing.
const CONTEXT_LETTERS: usize = 4;

/// Words of [`CONTEXT_LETTERS`] letters or more that stand within [`CONTEXT_BYTES`] of both
/// mentions.
pub(super) fn shared_context(s: &Mention, a: &Mention, source: &Facts, article: &Facts) -> usize {
    pub(super) fn around(text: &str, span: Span) -> Vec<String> {
        let lo = floor_char_boundary(text, span.start.saturating_sub(CONTEXT_BYTES));
        let hi = ceil_char_boundary(text, span.end + CONTEXT_BYTES);
        let mut words: Vec<String> = [&text[lo..span.start], &text[span.end..hi]]
            .iter()
            .flat_map(|part| part.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= CONTEXT_LETTERS)
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

/// How an article detail relates to a source detail of its unit: the relation, a note and
/// the kind of fact; `None` when the two say nothing about each other.
pub(super) fn compare_in_unit(
    s: &Mention,
    a: &Mention,
    source: &Facts,
    article: &Facts,
    titles: &HashMap<String, Vec<String>>,
) -> Option<(Relation, DetailNote, DetailKind)> {
    let kind = a.kind;
    let texts = (s.span.slice(source.text), a.span.slice(article.text));
    let relation = match (&s.value, &a.value) {
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
        ) if ss == sa => quantities((sv, su), (av, au), *ss, texts),
        // One figure, a share on one side and points on the other: "12 per cento" and "12
        // punti percentuali" are not one fact.
        (
            Value::Quantity {
                value: sv,
                scale: ss,
                ..
            },
            Value::Quantity {
                value: av,
                scale: sa,
                ..
            },
        ) if *ss != Scale::Plain && *sa != Scale::Plain && sv.base == av.base => {
            Some(unit_changed(sv, av, texts))
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
        ) if sc == ac => {
            let relation = interval_relation(sv, av, texts.0, texts.1);
            figures(relation, (sv, av), "", sc, texts)
        }
        (Value::Duration(sv), Value::Duration(av)) => {
            let relation = interval_relation(sv, av, texts.0, texts.1);
            Some((
                relation,
                quantity_note(relation, (sv, av), " min", "", texts),
            ))
        }
        (Value::Date(se), Value::Date(ae)) => return date_relation(se, ae, source, article, s, a),
        (Value::Place { .. }, Value::Place { .. }) => places(&s.value, &a.value, texts),
        (
            Value::Org {
                key: sk,
                parent: sp,
            },
            Value::Org {
                key: ak,
                parent: ap,
            },
        ) => organisations((sk, sp.as_deref()), (ak, ap.as_deref()), texts),
        (Value::Hedge { key: sk, .. }, Value::Hedge { key: ak, .. }) => Some(hedges(sk, ak)),
        _ => return people((s, source), (a, article), titles),
    };
    relation.map(|(relation, note)| (relation, note, kind))
}

/// Two hedges: the same word, or another one ("about" and "nearly").
fn hedges(source: &str, article: &str) -> (Relation, DetailNote) {
    if source == article {
        (
            Relation::Same,
            DetailNote::BothHedge {
                hedge: article.to_string(),
            },
        )
    } else {
        (
            Relation::Compatible,
            DetailNote::HedgedDifferently {
                source: source.to_string(),
                article: article.to_string(),
            },
        )
    }
}

/// Two quantities of one scale: a changed, rounded or equal figure of the same unit (a rate
/// needs no noun: "rose 11%" and "up 10.9%" in one aligned sentence).
fn quantities(
    (sv, su): (&Interval, &[String]),
    (av, au): (&Interval, &[String]),
    scale: Scale,
    (st, at): (&str, &str),
) -> Option<(Relation, DetailNote)> {
    let same_unit = !su.is_empty()
        && !au.is_empty()
        && (su.last() == au.last() || su.iter().any(|w| au.contains(w)));
    let bare_rate = scale != Scale::Plain && (su.is_empty() || au.is_empty());
    let unit = su.last().or(au.last()).cloned().unwrap_or_default();
    let relation = interval_relation(sv, av, st, at);
    // Two bare figures ("14.065" and "circa 14.000") pair when they agree; a changed bare
    // figure needs a unit in common to be the same fact.
    let bare_agree = su.is_empty() && au.is_empty() && relation == Relation::Compatible;
    if !same_unit && !bare_rate && !bare_agree && relation != Relation::Same {
        return None;
    }
    let suffix = match scale {
        Scale::Percent => "%",
        Scale::Points => " pt",
        Scale::Plain => "",
    };
    figures(relation, (sv, av), suffix, &unit, (st, at))
}

/// One figure in two units (percent and percentage points).
fn unit_changed(sv: &Interval, av: &Interval, (st, at): (&str, &str)) -> (Relation, DetailNote) {
    let note = DetailNote::Figures {
        source: super::numbers::fmt_interval(sv, ""),
        article: super::numbers::fmt_interval(av, ""),
        source_words: st.to_string(),
        words: at.to_string(),
        change: FigureChange::Unit,
    };
    (Relation::Conflicting, note)
}

/// The note on two related figures; none when they conflict but lie more than a factor of
/// ten apart ("$12.6 million" against "$0.25" is no changed figure, only two figures).
fn figures(
    relation: Relation,
    (sv, av): (&Interval, &Interval),
    suffix: &str,
    unit: &str,
    (st, at): (&str, &str),
) -> Option<(Relation, DetailNote)> {
    if relation == Relation::Conflicting && far_apart(sv, av) {
        return None;
    }
    let mut note = quantity_note(relation, (sv, av), suffix, unit, (st, at));
    if relation == Relation::Compatible
        && (rounded(sv, av, st, at) || rounded_hedged(sv, av, st, at))
    {
        note = DetailNote::Rounded(Box::new(note));
    }
    Some((relation, note))
}

/// Two places: the same, or one the generic form of the other ("a school", "P.S. 58").
fn places(s: &Value, a: &Value, (st, at): (&str, &str)) -> Option<(Relation, DetailNote)> {
    let (
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
    ) = (s, a)
    else {
        return None;
    };
    let one_class = sc.is_some() && sc == ac;
    if sk == ak && sg == ag {
        let article = at.to_string();
        Some((Relation::Same, DetailNote::SamePlace { article }))
    } else if *sg && !*ag && one_class {
        let note = DetailNote::NamesThePlace {
            class: sc.as_deref().unwrap_or("place").to_string(),
            source: st.to_string(),
            article: at.to_string(),
        };
        Some((Relation::MoreSpecific, note))
    } else if !*sg && *ag && one_class {
        Some((
            Relation::Compatible,
            DetailNote::Vaguer {
                source: st.to_string(),
                article: at.to_string(),
            },
        ))
    } else {
        None
    }
}

/// Two organisations: the same, or one a part of the other (keys and parents).
fn organisations(
    (sk, sp): (&str, Option<&str>),
    (ak, ap): (&str, Option<&str>),
    (st, at): (&str, &str),
) -> Option<(Relation, DetailNote)> {
    if sk.eq_ignore_ascii_case(ak) {
        let note = DetailNote::SameName {
            kind: DetailKind::Organization,
            source: st.to_string(),
            article: at.to_string(),
        };
        Some((Relation::Same, note))
    } else if ap.is_some_and(|p| p.eq_ignore_ascii_case(sk)) {
        Some((
            Relation::MoreSpecific,
            DetailNote::PartOf {
                source: st.to_string(),
                article: at.to_string(),
            },
        ))
    } else if sp.is_some_and(|p| p.eq_ignore_ascii_case(ak)) {
        Some((
            Relation::Compatible,
            DetailNote::ParentBody {
                source: st.to_string(),
                article: at.to_string(),
            },
        ))
    } else {
        other_body(st, at)
    }
}

/// Two organisations of one kind in one retold sentence, neither a short form of the other:
/// one body swapped for another ("Tweede Kamer" / "Eerste Kamer", "Camera" / "Senato",
/// "ministero della Salute" / "ministero dell'Interno").
fn other_body(st: &str, at: &str) -> Option<(Relation, DetailNote)> {
    let lx = crate::lexicon::get();
    let (sw, aw) = (crate::lexicon::phrase(st), crate::lexicon::phrase(at));
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    if within(&sw, &aw) || within(&aw, &sw) {
        return None;
    }
    let kind = sw
        .iter()
        .any(|w| lx.org_keywords.contains(w) && aw.contains(w));
    let chambers =
        sw.iter().any(|w| lx.chambers.contains(w)) && aw.iter().any(|w| lx.chambers.contains(w));
    (kind || chambers).then(|| {
        let note = DetailNote::OtherBody {
            source: st.to_string(),
            article: at.to_string(),
        };
        (Relation::Conflicting, note)
    })
}

/// Titles without a name, and a title on one side for a person the other names.
fn people(
    (s, source): (&Mention, &Facts),
    (a, article): (&Mention, &Facts),
    titles: &HashMap<String, Vec<String>>,
) -> Option<(Relation, DetailNote, DetailKind)> {
    let (st, at) = (s.span.slice(source.text), a.span.slice(article.text));
    match (&s.value, &a.value) {
        (Value::Title { words: sw }, Value::Title { words: aw })
            if !is_named(s, source) && !is_named(a, article) =>
        {
            same_role(sw, aw).then(|| {
                (
                    title_relation(sw, aw),
                    DetailNote::Titles {
                        source: st.to_string(),
                        article: at.to_string(),
                    },
                    a.kind,
                )
            })
        }
        // "the President" in the source, "President Marcelo Rebelo de Sousa" in the article.
        (Value::Title { words: sw }, Value::Person { key, .. })
            if !is_named(s, source) && titles.get(key).is_some_and(|aw| same_role(sw, aw)) =>
        {
            Some((
                Relation::MoreSpecific,
                DetailNote::NamesTheTitled {
                    source: st.to_string(),
                    article: at.to_string(),
                },
                DetailKind::Person,
            ))
        }
        (Value::Person { key, .. }, Value::Title { words: aw })
            if !is_named(a, article) && titles.get(key).is_some_and(|sw| same_role(sw, aw)) =>
        {
            Some((
                Relation::Compatible,
                DetailNote::OnlyTitle {
                    source: st.to_string(),
                    article: at.to_string(),
                },
                DetailKind::Person,
            ))
        }
        _ => None,
    }
}

pub(super) fn describe(m: &Mention, side: &Facts) -> String {
    let text = m.span.slice(side.text);
    match &m.value {
        Value::Date(e) => match e.resolve(side.reference) {
            Some((a, b)) if a == b => format!("{text} ({})", calendar::label(a)),
            Some((a, b)) => format!("{text} ({} – {})", calendar::label(a), calendar::label(b)),
            None => text.to_string(),
        },
        _ => text.to_string(),
    }
}
