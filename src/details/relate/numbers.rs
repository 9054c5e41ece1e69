//! Relating numbers, money and durations: intervals that agree, round to each other or
//! conflict, and the notes that say so.

use super::*;

/// How far apart in size two figures are, in tenths of a natural log (0 for equal ones and
/// for details that are not figures).
pub(super) fn magnitude_gap(s: &Mention, a: &Mention) -> u32 {
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
pub(super) fn same_value_anywhere(source: &Facts, article: &Facts, found: &mut Found) {
    let sm = &source.extraction.mentions;
    let am = &article.extraction.mentions;
    let key = |m: &Mention| -> Option<String> {
        let telling = match &m.value {
            Value::Quantity { scale, .. } => {
                *scale != Scale::Plain || crate::details::extract::is_distinctive(&m.value)
            }
            Value::Money { .. } => true,
            _ => false,
        };
        if telling {
            crate::details::extract::value_key(&m.value)
        } else {
            None
        }
    };
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::default();
    for (k, m) in sm.iter().enumerate() {
        if !found.paired_s.contains(&k) {
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
        if found.paired_a.contains(&a) {
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
        let spans = (sm[s].span, m.span);
        found.pair((s, a), Related::both(kind, relation, note, spans));
    }
}

/// A single thing the other side names with "a", "an" or "one" where this side counts more.
pub(super) struct ImplicitOne {
    /// "an agent" in the other document.
    pub(super) span: Span,
    /// This side's count, as a note writes it ("2").
    pub(super) figure: String,
    /// The noun counted ("agent").
    pub(super) noun: String,
    /// The other side's words.
    pub(super) text: String,
}

/// "two agents" against "an agent"/"a federal immigration agent's" in the other passage.
pub(super) fn implicit_one(m: &Mention, other: &Facts, within_span: Span) -> Option<ImplicitOne> {
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
    let one_words = &crate::lexicon::get().figure_words.one;
    for (k, (off, w)) in words.iter().enumerate() {
        if !one_words.contains(w.to_lowercase().as_str()) {
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
                return Some(ImplicitOne {
                    span: Span::new(start, end),
                    figure: fmt_num(value.lo),
                    noun: head.clone(),
                    text: other.text.get(start..end).unwrap_or("").to_string(),
                });
            }
        }
    }
    None
}

pub(super) fn word_offsets(text: &str) -> Vec<(usize, &str)> {
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
pub(super) fn interval_relation(
    s: &Interval,
    a: &Interval,
    source_text: &str,
    article_text: &str,
) -> Relation {
    if s.same(a) || (s.lo == a.lo && s.hi == a.hi) {
        return Relation::Same;
    }
    if rounded(s, a, source_text, article_text) || both_rounded(s, a, source_text, article_text) {
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

/// Most a rounded figure may differ from the figure it rounds, as a share of it.
const ROUNDING_SHARE: f64 = 0.05;

/// True when both sides state exact values and the coarser one is the finer one rounded to
/// its last digit, within [`ROUNDING_SHARE`] (5%): "11%" for "10.9%", "$3 million" for
/// "$2.96 million".
pub(super) fn rounded(s: &Interval, a: &Interval, source_text: &str, article_text: &str) -> bool {
    if !s.exact || !a.exact {
        return false;
    }
    match (step(source_text, s.lo), step(article_text, a.lo)) {
        (Some(sp), Some(ap)) => rounds_to((s.lo, sp), (a.lo, ap)),
        _ => false,
    }
}

/// True when of two figures, each with the value of its last written digit, the coarser is
/// the finer rounded to that digit, within [`ROUNDING_SHARE`].
fn rounds_to((s, sp): (f64, f64), (a, ap): (f64, f64)) -> bool {
    let (coarse, fine, unit) = if sp > ap {
        (s, a, sp)
    } else if ap > sp {
        (a, s, ap)
    } else {
        return false;
    };
    let diff = (coarse - fine).abs();
    diff <= unit / 2.0 + 1e-9 * unit && diff <= ROUNDING_SHARE * coarse.abs().max(fine.abs())
}

/// True when both sides give an approximate figure ("unas 48.230", "cerca de 48.000") and
/// the coarser is the finer rounded: two words for "about" around one figure, not another
/// figure. Bounds ("less than four hours") are not approximations.
fn both_rounded(s: &Interval, a: &Interval, source_text: &str, article_text: &str) -> bool {
    approximate(s) && approximate(a) && bases_rounded(s, a, source_text, article_text)
}

/// True when at least one side gives an approximate figure and the figures it states round
/// to each other: "circa 14.000" for "14.065".
pub(super) fn rounded_hedged(
    s: &Interval,
    a: &Interval,
    source_text: &str,
    article_text: &str,
) -> bool {
    let plain = |v: &Interval| v.exact || approximate(v);
    (approximate(s) || approximate(a))
        && plain(s)
        && plain(a)
        && bases_rounded(s, a, source_text, article_text)
}

/// "about", "cerca de": a figure widened both ways, not a bound ("up to", "more than").
fn approximate(v: &Interval) -> bool {
    !v.exact && v.lo > 0.0 && v.hi.is_finite() && v.lo != v.base && v.hi != v.base
}

/// [`rounded`] on the figures the two phrases state, their hedges set aside, and a whole
/// figure's final zeros read as rounding: "cerca de 48.000" is 48,230 to the thousand. (Only
/// under a hedge: two exact figures "400" and "410" are a changed figure.)
fn bases_rounded(s: &Interval, a: &Interval, source_text: &str, article_text: &str) -> bool {
    match (
        rough_step(source_text, s.base),
        rough_step(article_text, a.base),
    ) {
        (Some(sp), Some(ap)) => rounds_to((s.base, sp), (a.base, ap)),
        _ => false,
    }
}

/// [`step`], times ten for each final zero of a figure written without decimals: 1,000 for
/// "14.000", 10 for "48.230".
fn rough_step(text: &str, value: f64) -> Option<f64> {
    let unit = step(text, value)?;
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .next()?
        .trim_end_matches(['.', ','])
        .to_string();
    let decimals = matches!(digits.rfind(['.', ',']), Some(k) if digits.len() - k - 1 != 3);
    if decimals || value.abs() < 10.0 {
        return Some(unit);
    }
    let plain: String = digits.chars().filter(char::is_ascii_digit).collect();
    let zeros = plain.len() - plain.trim_end_matches('0').len();
    Some(unit * 10f64.powi(zeros.min(plain.len().saturating_sub(1)) as i32))
}

/// The value of one unit in the last written digit of the number in `text` whose value is
/// `value`: 0.1 for "10.9%", 100,000 for "$12.6 million", 1 for "11%".
pub(super) fn step(text: &str, value: f64) -> Option<f64> {
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

/// How many times apart two figures are when they are two different figures, not one changed.
const FAR_APART_RATIO: f64 = 10.0;

/// Two figures more than [`FAR_APART_RATIO`] times apart are two different figures, not one
/// changed.
pub(super) fn far_apart(s: &Interval, a: &Interval) -> bool {
    let (x, y) = (s.base.abs(), a.base.abs());
    x.min(y) > 0.0 && x.max(y) / x.min(y) > FAR_APART_RATIO
}

pub(super) fn fmt_num(v: f64) -> String {
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

pub(super) fn fmt_interval(v: &Interval, suffix: &str) -> String {
    if v.exact || (v.lo - v.hi).abs() < 1e-9 {
        format!("{}{suffix}", fmt_num(v.lo))
    } else if v.hi.is_infinite() || v.lo == v.base {
        // "at least 30", and "more than 100,000" too: a lower bound.
        format!("≥ {}{suffix}", fmt_num(v.lo))
    } else if v.lo == 0.0 {
        format!("≤ {}{suffix}", fmt_num(v.hi))
    } else {
        format!("≈ {}–{}{suffix}", fmt_num(v.lo), fmt_num(v.hi))
    }
}

pub(super) fn quantity_note(
    relation: Relation,
    (s, a): (&Interval, &Interval),
    suffix: &str,
    unit: &str,
    (source_text, article_text): (&str, &str),
) -> DetailNote {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    match relation {
        // The article's words as written ("400 Kliniken"), not the value and a stem.
        Relation::Same => DetailNote::SameFigure {
            figure: article_text.to_string(),
        },
        // Both hedge, with different numbers: "less than four hours" → "less than three".
        Relation::Conflicting if !s.exact && !a.exact && s.base != a.base => {
            DetailNote::NumberChanged {
                source: format!("{}{suffix}", fmt_num(s.base)),
                article: format!("{}{suffix}{unit}", fmt_num(a.base)),
                source_words: source_text.to_string(),
                words: article_text.to_string(),
            }
        }
        _ => DetailNote::Figures {
            source: fmt_interval(s, suffix),
            article: format!("{}{unit}", fmt_interval(a, suffix)),
            source_words: source_text.to_string(),
            words: article_text.to_string(),
            change: figure_change(relation, s, a),
        },
    }
}

/// What the article did to the source's figure: a bound or an approximation dropped or
/// added, the sign turned, another figure.
fn figure_change(relation: Relation, s: &Interval, a: &Interval) -> FigureChange {
    // "up to", "at least", "more than": a limit, not an approximation.
    let bound = |v: &Interval| !v.exact && (v.lo == 0.0 || v.hi.is_infinite() || v.lo == v.base);
    let approximate = |v: &Interval| !v.exact && !bound(v);
    if relation == Relation::Conflicting {
        return if s.base != 0.0 && s.base == -a.base {
            FigureChange::Sign
        } else {
            FigureChange::Changed
        };
    }
    match (bound(s), bound(a), approximate(s), approximate(a)) {
        (true, false, _, false) => FigureChange::BoundDropped,
        (false, true, false, _) => FigureChange::BoundAdded,
        (_, _, true, false) if a.exact => FigureChange::ApproximationDropped,
        (_, _, false, true) if s.exact => FigureChange::Approximated,
        _ => FigureChange::Compatible,
    }
}
