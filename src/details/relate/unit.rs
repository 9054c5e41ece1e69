//! Relating the details inside one aligned unit (an article sentence and the source
//! passages it retells): each article detail paired with the closest source detail of its
//! kind.

use super::*;

/// Words of four letters or more that stand within 60 bytes of both mentions.
pub(super) fn shared_context(s: &Mention, a: &Mention, source: &Facts, article: &Facts) -> usize {
    pub(super) fn around(text: &str, span: Span) -> Vec<String> {
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

pub(super) fn compare_in_unit(
    s: &Mention,
    a: &Mention,
    source: &Facts,
    article: &Facts,
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
