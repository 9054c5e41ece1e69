//! Differences from the details stage: facts of both documents related to each other.
//!
//! The details stage pairs the facts of the two documents and says how they relate. A pair
//! that is not the same fact in the same words is a difference; how much it matters follows
//! from the relation: two facts that cannot both be true are major, a date told another way
//! or a title shortened is minor.

use crate::comparison::Comparison;
use crate::comparison::{Detail, DetailKind, Relation, Side};

use super::align::Key;
use super::{Change, Difference, DifferenceKind, Severity};
use crate::differences::Keyer;
use crate::span::{floor_char_boundary, Span};

/// How far after a figure its counted noun is looked for.
const NOUN_WINDOW_BYTES: usize = 48;

/// What a figure counts ("10,011 deaths"), read from the words right after it.
struct Counted {
    /// The counted noun's key.
    key: Key,
    /// From the figure's start to the noun's end.
    span: Span,
    /// Whether the noun is a unit of the list ("percent", "people").
    unit: bool,
    /// The keys of the few words after the figure, up to any other figure: a noun after a
    /// qualifier ("120 primary schools") is among them.
    next: Vec<Key>,
}

/// Words after a figure read for its noun when a qualifier stands between ("120 primary
/// schools").
const QUALIFIED_NOUN_WORDS: usize = 3;

/// The word after a figure when it names what is counted ("10,011 deaths"): a content word,
/// not another figure, right after it.
fn counted_noun(text: &str, figure: Span, keyer: &Keyer) -> Option<Counted> {
    let end = floor_char_boundary(text, figure.end + NOUN_WINDOW_BYTES);
    let after = keyer.words(
        text,
        Span {
            start: figure.end,
            end: end.max(figure.end),
        },
    );
    let w = after.first()?;
    // Only what directly follows: "10,011 deaths", not "10,011 in the state".
    let between = &text[figure.end..w.span.start];
    if between.chars().any(|ch| ch != ' ') || w.value.is_some() {
        return None;
    }
    if !crate::matching::is_content_word(&w.norm) {
        return None;
    }
    Some(Counted {
        key: w.key,
        span: Span {
            start: figure.start,
            end: w.span.end,
        },
        unit: super::units::unit_at(&after).is_some(),
        next: after
            .iter()
            .take(QUALIFIED_NOUN_WORDS)
            .take_while(|w| w.value.is_none())
            .map(|w| w.key)
            .collect(),
    })
}

/// The same figure counting another thing: "10,011 Marylanders" and "10,011 deaths",
/// "25,336 produced" and "25,336 deliveries". The figure agrees; what it counts may not.
fn counted_noun_change(
    c: &Comparison,
    d: &Detail,
    source: Span,
    article: Span,
    keyer: &Keyer,
) -> Option<Difference> {
    let s = counted_noun(&c.source.text, source, keyer)?;
    let a = counted_noun(&c.article.text, article, keyer)?;
    // Two units ("percent", "points") are the unit changes' to report.
    if s.key == a.key || (s.unit && a.unit) {
        return None;
    }
    // "120 primary schools" told as "120 schools": the same schools, a qualifier between
    // (which the scope changes show).
    if s.next.contains(&a.key) || a.next.contains(&s.key) {
        return None;
    }
    let (s_span, a_span) = (s.span, a.span);
    let (from, to) = (s_span.slice(&c.source.text), a_span.slice(&c.article.text));
    Some(super::of_detail(
        d,
        DifferenceKind::Number,
        Severity::Minor,
        (s_span, a_span),
        Change::Counted {
            from: from.to_string(),
            to: to.to_string(),
        },
    ))
}

fn kind_of(kind: DetailKind) -> DifferenceKind {
    match kind {
        DetailKind::Number | DetailKind::Money | DetailKind::Duration => DifferenceKind::Number,
        DetailKind::Date => DifferenceKind::Date,
        DetailKind::Person => DifferenceKind::Name,
        DetailKind::Title => DifferenceKind::Title,
        DetailKind::Organization => DifferenceKind::Organisation,
        DetailKind::Place => DifferenceKind::Place,
        DetailKind::Hedge => DifferenceKind::Scope,
    }
}

/// The words of a mention, lower case, possessive endings dropped ("Bank of Canada's").
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .map(|w| {
            let w = w.trim_matches(|c| c == '’' || c == '\'');
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// True when two mentions of one fact differ only as house style does: the same words with
/// other punctuation is not that (a reader sees "D.C." spelt two ways), but a possessive, an
/// acronym for the full name, or a short form the article uses after the full one is.
fn house_style(source: &str, article: &str) -> bool {
    let edge = |c: char| !c.is_alphanumeric() && !"$€£¥%.".contains(c);
    let (source, article) = (source.trim_matches(edge), article.trim_matches(edge));
    if is_acronym(source) || is_acronym(article) {
        return true;
    }
    if source == article {
        return true;
    }
    // Initials are house style too ("Dennis A. Muilenburg", "Dennis Muilenburg").
    let (s, a): (Vec<String>, Vec<String>) = (
        words_of(source)
            .into_iter()
            .filter(|w| w.chars().count() > 1)
            .collect(),
        words_of(article)
            .into_iter()
            .filter(|w| w.chars().count() > 1)
            .collect(),
    );
    if s == a && words_of(source).len() != words_of(article).len() {
        return true;
    }
    if s == a {
        // Only a possessive, or case, or punctuation: the punctuation of a name counts.
        return !has_inner_punctuation(source, article);
    }
    // The article's words a run of the source's: a short form ("Addo-Carr").
    !a.is_empty() && s.windows(a.len()).any(|w| w == a.as_slice())
}

/// Where a dateline may stand: within the first bytes of a text.
const DATELINE_BYTES: usize = 600;

/// True when `date` is a dateline of `text`: in its first lines, opening its line or after
/// no more than a place and a comma ("Berlin, 12. Oktober 2022", "PARIS, le 14 mars 2023 —").
fn is_dateline(text: &str, date: Span) -> bool {
    if date.start > DATELINE_BYTES {
        return false;
    }
    let line_start = text[..date.start].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..date.start].trim();
    lead.is_empty()
        || (lead.split_whitespace().count() <= 3 && lead.ends_with([',', '—', '–', '-'])
            || lead.split_whitespace().count() <= 4
                && lead
                    .trim_end_matches(|ch: char| ch.is_alphabetic())
                    .trim_end()
                    .ends_with(','))
}

/// True when the punctuation inside two spellings of a name differs ("D.C." and "DC",
/// "Presidents Circle" and "Presidents’ Circle"); a possessive ending and the typography of
/// an apostrophe do not count.
fn has_inner_punctuation(source: &str, article: &str) -> bool {
    let inner = |t: &str| -> String {
        t.trim_end_matches(['s', '’', '\''])
            .chars()
            .map(|c| {
                if crate::normalize::is_apostrophe(c) {
                    '\''
                } else {
                    c
                }
            })
            .filter(|c| c.is_ascii_punctuation())
            .collect()
    };
    inner(source) != inner(article)
}

/// True when the source's figure is a bound (at most, at least) and the article's exact.
fn bound_dropped(d: &Detail) -> bool {
    match &d.note {
        crate::comparison::DetailNote::Figures {
            source, article, ..
        } => source.starts_with(['≤', '≥']) && !article.starts_with(['≤', '≥', '≈']),
        _ => false,
    }
}

/// True when the two sides of title detail `d` name different holders of the office
/// ([`super::words::Words::other_holder`]).
fn rank_changed(c: &Comparison, d: &Detail) -> bool {
    let (Some(s), Some(a)) = (d.source, d.article) else {
        return false;
    };
    super::words::get().other_holder(s.slice(&c.source.text), a.slice(&c.article.text))
}

fn severity(c: &Comparison, d: &Detail) -> Option<Severity> {
    match d.relation {
        Relation::Conflicting => Some(Severity::Major),
        // The article naming a part of a body the source names tells more; it contradicts
        // nothing.
        Relation::MoreSpecific if d.kind == DetailKind::Organization => None,
        // A bound the article drops ("bis zu 400 Kliniken" told as "400 Kliniken", "at least
        // 30" as "30") states as definite what the source gave as a limit.
        Relation::Compatible if bound_dropped(d) => Some(Severity::Major),
        // "Deputy Mayor" told as "Mayor": another holder of the office, not a title shortened.
        Relation::Compatible | Relation::MoreSpecific
            if d.kind == DetailKind::Title && rank_changed(c, d) =>
        {
            Some(Severity::Major)
        }
        Relation::Compatible | Relation::MoreSpecific => Some(Severity::Minor),
        Relation::Same => Some(Severity::Minor),
        Relation::OnlySource | Relation::OnlyArticle => None,
    }
}

/// Adds a difference for every related pair of facts that differs, unless the word
/// alignment of its match already reports the same words.
pub(super) fn of_details(c: &Comparison, keyer: &Keyer, out: &mut Vec<Difference>) {
    let found = out.len();
    // The differences found before that a detail replaces.
    let mut dropped = vec![false; found];
    for d in &c.details {
        let (Some(source), Some(article)) = (d.source, d.article) else {
            continue;
        };
        let Some(severity) = severity(c, d) else {
            continue;
        };
        if is_datelines(c, d, source, article) {
            continue;
        }
        if let Some(x) = super::titles::title_change(c, d) {
            out.push(x);
            continue;
        }
        if d.relation == Relation::Same && matches!(d.kind, DetailKind::Number) {
            if let Some(x) = counted_noun_change(c, d, source, article, keyer) {
                out.push(x);
                continue;
            }
        }
        if told_alike(c, d, source, article) {
            continue;
        }
        // A figure the article rounds off by dropping its hedge ("environ 3 500" told as
        // "3 500") is the dropped hedge, already shown with the words that went.
        let hedge_dropped = |x: &Difference| {
            d.relation == Relation::Compatible
                && x.kind == DifferenceKind::Scope
                && x.article.is_none()
                && x.source.is_some_and(|s| s.overlaps(&source))
        };
        // A bound dropped ("hasta 3.500" told as "3.500") is the figure's: the detail's note
        // says it with the figure ("hasta 3.500 → 3.500: bound dropped"), in place of the
        // word alignment's "qualifier dropped: hasta".
        let bound = bound_dropped(d);
        let covered = out[..found].iter().any(|x| {
            x.article.is_some_and(|a| a.overlaps(&article))
                && x.source.is_none_or(|s| s.overlaps(&source))
                || hedge_dropped(x) && !bound
        });
        if covered {
            continue;
        }
        if bound {
            for (x, drop) in out[..found].iter().zip(dropped.iter_mut()) {
                *drop |= hedge_dropped(x);
            }
        }
        out.push(super::of_detail(
            d,
            kind_of(d.kind),
            severity,
            (source, article),
            fact_change(c, d, source, article),
        ));
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !dropped.get(k - 1).copied().unwrap_or(false)
    });
}

/// True when a detail's two sides are each text's own dateline ("Berlin, 12. Oktober 2022"
/// on the release, "Berlin, 13. Oktober 2022." on the next day's article): they say when it
/// was written, not a fact.
fn is_datelines(c: &Comparison, d: &Detail, source: Span, article: Span) -> bool {
    d.kind == DetailKind::Date
        && is_dateline(&c.source.text, source)
        && is_dateline(&c.article.text, article)
}

/// True when the same fact is told in words that differ only as house style does, or one
/// date is given in two formats. One day told two ways is a difference when one side counts
/// from the dateline ("next year" for "2009", "yesterday" for "24 October"), not when both
/// give the date ("hoy lunes 2 de marzo de 2020" and "02 de marzo de 2020").
fn told_alike(c: &Comparison, d: &Detail, source: Span, article: Span) -> bool {
    if d.relation != Relation::Same {
        return false;
    }
    let (s, a) = (source.slice(&c.source.text), article.slice(&c.article.text));
    if house_style(s, a) {
        return true;
    }
    let digits = |t: &str| t.chars().any(|ch| ch.is_ascii_digit());
    d.kind == DetailKind::Date && digits(s) == digits(a)
}

/// The details stage's note, except for one day told two ways, whose change names both
/// ("2009 → next year: the same time, counted from the article's date"), and for two
/// holders of one office ("title: Deputy Mayor → Mayor").
fn fact_change(c: &Comparison, d: &Detail, source: Span, article: Span) -> Change {
    if d.relation == Relation::Same && d.kind == DetailKind::Date {
        let (from, to) = (source.slice(&c.source.text), article.slice(&c.article.text));
        let counted_from = if to.chars().any(|ch| ch.is_ascii_digit()) {
            Side::Source
        } else {
            Side::Article
        };
        return Change::Recounted {
            from: from.to_string(),
            to: to.to_string(),
            counted_from,
        };
    }
    // Not "title shortened" where the two name two holders of the office.
    if d.kind == DetailKind::Title && rank_changed(c, d) {
        return Change::Title {
            from: source.slice(&c.source.text).to_string(),
            to: article.slice(&c.article.text).to_string(),
        };
    }
    Change::Fact {
        relation: d.relation,
        note: d.note.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::differences;
    use super::super::DifferenceKind;

    /// "hasta 3.500 millones" told as "3.500 millones": one difference, the figure's, with
    /// the bound in its note; not also the bound word as a qualifier dropped.
    #[test]
    fn a_bound_dropped_is_the_figures_difference() {
        for (source, article) in [
            (
                "El Gobierno movilizará hasta 3.500 millones de euros para la vivienda pública, anunció la ministra en Madrid. La oposición criticó el plan.",
                "El Gobierno movilizará 3.500 millones de euros para la vivienda pública, anunció la ministra en Madrid.",
            ),
            (
                "Der Bund stellt bis zu 400 Kliniken zusätzliche Mittel für die Notaufnahme bereit, teilte das Ministerium in Berlin mit. Die Länder begrüßten das.",
                "Der Bund stellt 400 Kliniken zusätzliche Mittel für die Notaufnahme bereit, teilte das Ministerium in Berlin mit.",
            ),
        ] {
            let d = differences(source, article);
            assert!(
                d.iter()
                    .any(|(k, _, n)| *k == DifferenceKind::Number && n.contains("bound dropped")),
                "{d:?}"
            );
            assert!(
                d.iter().all(|(k, _, _)| *k != DifferenceKind::Scope),
                "{d:?}"
            );
        }
    }
}
