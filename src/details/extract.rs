//! Finding details in one document: numbers, money, durations, dates, people, titles,
//! organisations, places and hedges, each with its byte span and a value to compare.
//!
//! Rules and the small lists in `assets/details/` do the work; no model is downloaded. We
//! looked at `duckling` (a Rust port of Facebook's Duckling): it resolves a phrase well, but
//! run over whole documents its number and money dimensions turn "P.S. 58 in" into 58 inches,
//! so it would need the same phrase finding we do here anyway. Extraction looks at one
//! document only; relating the two sides is `relate`'s job.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

use rust_stemmers::Stemmer;

use super::dates::{day_of, DateExpr, Day};
use super::lexicon::{self, HedgeKind, Lang, Lexicon, Relative};
use super::DetailKind;
use crate::matching::is_content_word;
use crate::normalize::Token;
use crate::span::Span;

/// A range of values a phrase allows ("almost an hour" is [48, 60) minutes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Smallest value allowed.
    pub lo: f64,
    /// Largest value allowed.
    pub hi: f64,
    /// The phrase gives an exact value (no hedge).
    pub exact: bool,
    /// The number the phrase states, before any hedge widens it ("less than four hours" states
    /// 240 minutes): two hedged phrases stating different numbers are a changed number.
    pub base: f64,
}

impl Interval {
    fn exact(v: f64) -> Interval {
        Interval {
            lo: v,
            hi: v,
            exact: true,
            base: v,
        }
    }

    fn hedged(v: f64, kind: HedgeKind) -> Interval {
        let (lo, hi) = match kind {
            HedgeKind::Below => (0.8 * v, v),
            HedgeKind::Around => (0.9 * v, 1.1 * v),
            HedgeKind::Above => (v, 1.5 * v),
            HedgeKind::AtLeast => (v, f64::INFINITY),
            HedgeKind::AtMost => (0.0, v),
            HedgeKind::Epistemic => return Interval::exact(v),
        };
        Interval {
            lo,
            hi,
            exact: false,
            base: v,
        }
    }

    /// True when the two ranges share a value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let eps = 1e-9 * self.hi.abs().max(other.hi.abs()).max(1.0);
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }

    /// True when both name the same exact value.
    pub fn same(&self, other: &Interval) -> bool {
        let eps = 1e-9 * self.hi.abs().max(1.0);
        self.exact && other.exact && (self.lo - other.lo).abs() <= eps
    }
}

/// What a count is expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// A plain count or quantity.
    Plain,
    /// Per cent.
    Percent,
    /// Percentage points (basis points are hundredths of one).
    Points,
}

/// The comparable value of a detail.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A count with the words it counts (stems, head noun last).
    Quantity {
        /// The value.
        value: Interval,
        /// Stems of the counted noun phrase, head last.
        unit: Vec<String>,
        /// Plain, per cent, points.
        scale: Scale,
    },
    /// An amount of money.
    Money {
        /// The amount.
        value: Interval,
        /// Currency symbol or word, folded.
        currency: String,
    },
    /// A length of time in minutes.
    Duration(Interval),
    /// A date or time.
    Date(DateExpr),
    /// A person: the surname joins variants of one name.
    Person {
        /// Folded surname.
        key: String,
        /// Folded given name, when the text gives it.
        given: Option<String>,
        /// Folded title before the name, if any.
        title: Option<Vec<String>>,
    },
    /// A title or role.
    Title {
        /// Folded words of the title, full forms for abbreviations.
        words: Vec<String>,
    },
    /// An organisation: acronym or folded name.
    Org {
        /// Acronym when known, else the folded name.
        key: String,
        /// Acronym of the body it belongs to.
        parent: Option<String>,
    },
    /// A place.
    Place {
        /// Folded name, or the noun for a generic place.
        key: String,
        /// The kind of place (school, street...), when known.
        class: Option<String>,
        /// "a school" rather than a named one.
        generic: bool,
    },
    /// A hedge.
    Hedge {
        /// What the hedge does.
        kind: HedgeKind,
        /// Folded words.
        key: String,
    },
}

/// One detail found in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Number, date, person...
    pub kind: DetailKind,
    /// Where it is.
    pub span: Span,
    /// What it says.
    pub value: Value,
    /// Index of its sentence.
    pub sentence: usize,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Sentences in byte spans.
    pub sentences: Vec<Span>,
    /// Details in text order.
    pub mentions: Vec<Mention>,
    /// The date the document carries in its first lines, if any.
    pub dateline: Option<Day>,
    /// Single capitalised words not yet known to be anyone's name.
    pub pending: Vec<Mention>,
}

struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Token],
    lang: Lang,
    lx: &'static Lexicon,
    stemmer: &'a Stemmer,
    index: usize,
    past: bool,
    shouting: bool,
    /// A short title-case line without a full stop: a headline or section heading ("Basic
    /// Policies", "Full Year Highlights"), whose capitalised words are not people.
    heading: bool,
}

const ARTICLES: &[&str] = &[
    "a", "an", "one", "dun", "dune", "un", "une", "uno", "una", "um", "uma", "ein", "eine",
    "einer", "einen",
];
const CONNECTORS: &[&str] = &[
    "of", "and", "de", "da", "do", "dos", "das", "del", "la", "le", "van", "von", "der", "du",
    "des", "y", "e", "und", "et", "for", "di", "bin", "al", "für",
];
/// Last words of the name of a law or treaty.
const LAW_WORDS: &[&str] = &[
    "act",
    "law",
    "treaty",
    "bill",
    "gesetz",
    "ley",
    "loi",
    "lei",
    "accord",
    "agreement",
];
/// German words that open a capitalised noun phrase, never a name.
const GERMAN_DETERMINERS: &[&str] = &[
    "die", "der", "das", "den", "dem", "des", "diese", "dieser", "dieses", "diesen", "meine",
    "meiner", "unsere", "unser", "ihre", "seine", "alle", "viele", "liebe", "sehr", "jede",
    "jeder", "keine", "kein", "eine", "ein",
];
/// Endings of German names of bodies.
const GERMAN_ORG_ENDINGS: &[&str] = &[
    "anstalt",
    "bank",
    "amt",
    "ministerium",
    "kommission",
    "agentur",
    "gericht",
    "verband",
    "partei",
    "regierung",
    "institut",
    "stiftung",
    "zeitung",
    "behörde",
    "gesellschaft",
];
/// Endings of German common nouns (which German capitalises) that no surname has.
const GERMAN_NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "keit", "schaft", "ismus", "tion", "tionen", "lands", "reichs",
];
const AND_WORDS: &[&str] = &["and", "y", "e", "und", "et"];
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "la", "le", "van", "von", "der", "du", "di", "bin", "al",
];
const LOCATIVES: &[&str] = &[
    "in", "at", "from", "to", "near", "on", "en", "em", "no", "na", "à", "au", "aux", "nach",
    "aus", "bei", "im",
];
const PERCENT: &[&str] = &[
    "percent",
    "per cent",
    "pour cent",
    "por ciento",
    "por cento",
    "prozent",
    "pct",
];
const POINTS: &[&str] = &[
    "percentage point",
    "percentage points",
    "of one percentage point",
    "of a percentage point",
    "point de pourcentage",
    "points de pourcentage",
    "punto porcentual",
    "puntos porcentuales",
    "prozentpunkt",
    "prozentpunkte",
    "ponto percentual",
    "pontos percentuais",
];
const BASIS_POINTS: &[&str] = &[
    "basis point",
    "basis points",
    "points de base",
    "puntos básicos",
    "basispunkte",
    "pontos base",
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "$"),
    ("dollars", "$"),
    ("usd", "$"),
    ("dólares", "$"),
    ("dólar", "$"),
    ("euro", "€"),
    ("euros", "€"),
    ("eur", "€"),
    ("pound", "£"),
    ("pounds", "£"),
    ("gbp", "£"),
    ("reais", "R$"),
    ("real", "R$"),
    ("francs", "CHF"),
    ("yen", "¥"),
];
const PART_WORDS: &[(&str, (f64, f64))] = &[
    ("morning", (6.0, 12.0)),
    ("afternoon", (12.0, 18.0)),
    ("evening", (18.0, 24.0)),
    ("night", (18.0, 24.0)),
    ("mañana", (6.0, 12.0)),
    ("tarde", (12.0, 20.0)),
    ("noche", (20.0, 24.0)),
    ("matin", (6.0, 12.0)),
    ("soir", (18.0, 24.0)),
    ("morgen", (6.0, 12.0)),
    ("nachmittag", (12.0, 18.0)),
    ("abend", (18.0, 24.0)),
    ("manhã", (6.0, 12.0)),
    ("noite", (20.0, 24.0)),
    ("madrugada", (0.0, 6.0)),
];
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("primer", 1),
    ("segundo", 2),
    ("tercer", 3),
    ("cuarto", 4),
    ("premier", 1),
    ("deuxième", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("ersten", 1),
    ("zweiten", 2),
    ("dritten", 3),
    ("vierten", 4),
    ("primeiro", 1),
    ("terceiro", 3),
    ("quarto", 4),
];

fn phrase_in(list: &[&str], words: &[&str]) -> bool {
    list.iter().any(|p| {
        let ws: Vec<&str> = p.split(' ').collect();
        ws == words
    })
}

impl<'a> Sentence<'a> {
    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm.as_str())
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.span().slice(self.text))
    }

    /// The text between token `i - 1` and token `i`.
    fn gap(&self, i: usize) -> &str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[i - 1].span().end..self.toks[i].span().start)
            .unwrap_or("")
    }

    /// True when tokens `i - 1` and `i` belong to one phrase (only spaces or hyphens between).
    fn joined(&self, i: usize) -> bool {
        i > 0
            && i < self.toks.len()
            && self.gap(i).chars().all(|c| {
                c == ' ' || c == '-' || c == '\u{a0}' || c == '\u{2010}' || c == '\u{2011}'
            })
    }

    fn is_cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Bytes of tokens `from..to`, with the full stop of a final initial ("D.C.", "p.m.").
    fn span(&self, from: usize, to: usize) -> Span {
        let mut span = self.toks[from].span().cover(&self.toks[to - 1].span());
        let last = self.raw(to - 1);
        let abbreviated = last.chars().count() == 1 || super::sentences::is_abbreviation(last);
        if abbreviated
            && self
                .text
                .get(span.end..)
                .is_some_and(|t| t.starts_with('.'))
        {
            span.end += 1;
        }
        span
    }

    /// Length of the phrase of `words` at `i`, if it is there (a final possessive allowed:
    /// "Saturday’s").
    fn phrase_at(&self, i: usize, words: &[String]) -> Option<usize> {
        if words.is_empty() || i + words.len() > self.toks.len() {
            return None;
        }
        for (k, w) in words.iter().enumerate() {
            let norm = self.norm(i + k);
            let raw = self.raw(i + k);
            let possessive = k + 1 == words.len()
                && (raw.ends_with("'s") || raw.ends_with("’s"))
                && norm.strip_suffix('s') == Some(w.as_str());
            if (norm != w && !possessive) || (k > 0 && !self.joined(i + k)) {
                return None;
            }
        }
        Some(words.len())
    }

    fn words(&self, from: usize, n: usize) -> Vec<&str> {
        (from..(from + n).min(self.toks.len()))
            .map(|k| self.norm(k))
            .collect()
    }

    fn number_word(&self, i: usize) -> Option<f64> {
        self.lx.number(self.lang, self.norm(i))
    }

    /// "million", in the document's language or in English.
    fn multiplier(&self, i: usize) -> Option<f64> {
        let w = self.norm(i);
        self.lx
            .multiplier(self.lang, w)
            .or_else(|| self.lx.multiplier(Lang::En, w))
    }

    fn digits(&self, i: usize) -> Option<f64> {
        parse_digits(self.norm(i), self.lang).or_else(|| ordinal_digits(self.norm(i)))
    }

    /// A number at `i`: digits, a fraction, number words. Returns value and end.
    fn number_at(&self, i: usize) -> Option<(f64, usize)> {
        if let Some(v) = self.digits(i) {
            // "1/2", "2 1/2".
            if self.gap(i + 1) == "/" {
                if let Some(d) = self.digits(i + 1).filter(|d| *d != 0.0) {
                    return Some((v / d, i + 2));
                }
            }
            if self.joined(i + 1) && self.gap(i + 2) == "/" {
                if let (Some(n), Some(d)) = (self.digits(i + 1), self.digits(i + 2)) {
                    if d != 0.0 && n < d {
                        return Some((v + n / d, i + 3));
                    }
                }
            }
            return Some((v, i + 1));
        }
        let mut v = self.number_word(i)?;
        let mut end = i + 1;
        while end < self.toks.len() && self.joined(end) {
            if let Some(w) = self.number_word(end) {
                if w < 1.0 {
                    v *= w;
                } else if v < 100.0 && w < v && w < 10.0 {
                    v += w;
                } else {
                    break;
                }
                end += 1;
            } else {
                break;
            }
        }
        Some((v, end))
    }

    fn hedge_at(&self, i: usize) -> Option<(HedgeKind, usize)> {
        if !self.lx.phrase_starts.contains(self.norm(i)) {
            return None;
        }
        let lx = self.lx;
        lx.hedges_by_first
            .candidates(self.norm(i))
            .into_iter()
            .find_map(|k| {
                let (p, kind) = &lx.hedges[k];
                self.phrase_at(i, p).map(|n| (*kind, i + n))
            })
    }

    fn duration_unit(&self, i: usize) -> Option<f64> {
        if i >= self.toks.len() {
            return None;
        }
        self.lx.durations.get(self.norm(i)).copied()
    }

    fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// Content words right after a number: the thing counted.
    fn unit_after(&self, mut i: usize) -> (Vec<String>, usize) {
        let mut unit = Vec::new();
        while i < self.toks.len() && unit.len() < 3 && self.joined(i) {
            let w = self.norm(i);
            // A verb ends the counted phrase: "two agents visited".
            // ... unless a noun follows it: "2 million unprotected workers".
            let adjective = unit.is_empty()
                && w.ends_with("ed")
                && self.joined(i + 1)
                && is_content_word(self.norm(i + 1))
                && !self.norm(i + 1).ends_with("ed")
                && self.digits(i + 1).is_none();
            let verb = self.lang == Lang::En
                && ((w.ends_with("ed") && !adjective)
                    || matches!(w, "were" | "are" | "have" | "said" | "met" | "did"));
            if !is_content_word(w)
                || verb
                || self.digits(i).is_some()
                || self.number_word(i).is_some()
            {
                break;
            }
            unit.push(self.stem(w));
            i += 1;
        }
        (unit, i)
    }

    // ----- dates ---------------------------------------------------------------------------

    fn day_number(&self, i: usize) -> Option<u32> {
        let w = self.norm(i);
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let rest = &w[digits.len()..];
        if digits.is_empty() || !matches!(rest, "" | "st" | "nd" | "rd" | "th" | "er" | "º") {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn year_number(&self, i: usize) -> Option<i32> {
        let w = self.norm(i);
        if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
            w.parse().ok().filter(|y| (1800..=2200).contains(y))
        } else {
            None
        }
    }

    fn month_at(&self, i: usize) -> Option<u32> {
        if i >= self.toks.len() {
            return None;
        }
        self.lx.months.get(self.norm(i)).copied()
    }

    /// One part of a date phrase at `i`.
    fn date_part(&self, i: usize) -> Option<(DateExpr, usize)> {
        let mut e = DateExpr {
            past: self.past,
            ..DateExpr::default()
        };
        let lx = self.lx;
        let first = self.norm(i);
        let starts = lx.phrase_starts.contains(first)
            || first
                .strip_suffix('s')
                .is_some_and(|w| lx.phrase_starts.contains(w));
        // "hier" is a date in French only.
        let foreign = lx.relative_lang.get(first).is_some_and(|l| *l != self.lang);
        let relative = || {
            if foreign {
                return None;
            }
            lx.relatives_by_first
                .candidates(first)
                .into_iter()
                .find_map(|k| {
                    let (p, r) = &lx.relatives[k];
                    self.phrase_at(i, p).map(|n| (n, *r))
                })
        };
        let weekday = || {
            lx.weekdays_by_first
                .candidates(first)
                .into_iter()
                .find_map(|k| {
                    let (p, d) = &lx.weekdays[k];
                    self.phrase_at(i, p).map(|n| (n, *d))
                })
        };
        if let Some((n, rel)) = starts.then(relative).flatten() {
            e.relative = Some(rel);
            return Some((e, i + n));
        }
        if let Some((n, wd)) = starts.then(weekday).flatten() {
            e.weekday = Some(wd);
            let mut end = i + n;
            if self.joined(end) {
                if let Some((_, h)) = PART_WORDS.iter().find(|(w, _)| *w == self.norm(end)) {
                    e.hours = Some(*h);
                    end += 1;
                }
            }
            if i >= 1
                && matches!(
                    self.norm(i - 1),
                    "next" | "coming" | "próximo" | "próxima" | "prochain"
                )
            {
                e.past = false;
            }
            if i >= 1
                && matches!(
                    self.norm(i - 1),
                    "last" | "past" | "pasado" | "dernier" | "passado" | "letzten"
                )
            {
                e.past = true;
                e.previous = true;
            }
            return Some((e, end));
        }
        // Month day[, year] / month year.
        if let Some(m) = self.month_at(i) {
            let mut j = i + 1;
            if self.norm(j) == "de" {
                j += 1;
            }
            if let Some(d) = self.day_number(j).filter(|_| self.year_number(j).is_none()) {
                e.month = Some(m);
                e.day = Some(d);
                let mut end = j + 1;
                if let Some(y) = self.year_number(end) {
                    e.year = Some(y);
                    end += 1;
                }
                return Some((e, end));
            }
            if let Some(y) = self.year_number(j) {
                e.month = Some(m);
                e.year = Some(y);
                return Some((e, j + 1));
            }
        }
        // Day [de] month [[de] year].
        if let Some(d) = self.day_number(i) {
            let mut j = i + 1;
            if self.norm(j) == "de" {
                j += 1;
            }
            if let Some(m) = self.month_at(j) {
                e.day = Some(d);
                e.month = Some(m);
                let mut end = j + 1;
                let k = if self.norm(end) == "de" { end + 1 } else { end };
                if let Some(y) = self.year_number(k) {
                    e.year = Some(y);
                    end = k + 1;
                }
                return Some((e, end));
            }
        }
        // Numeric dates: "29.12.2021" (one token), "29/12/2021"; "12/29/2021" in English.
        if let Some((a, b, y)) = self.numeric_date(i) {
            let (d, m) = if self.lang == Lang::En {
                (b, a)
            } else {
                (a, b)
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) && day_of(y, m, d).is_some() {
                e.year = Some(y);
                e.month = Some(m);
                e.day = Some(d);
                let end = if self.norm(i).contains('.') {
                    i + 1
                } else {
                    i + 3
                };
                return Some((e, end));
            }
        }
        // ISO 2017-05-15.
        if let Some(y) = self.year_number(i) {
            if self.gap(i + 1) == "-" && self.gap(i + 2) == "-" {
                let m: Option<u32> = self
                    .norm(i + 1)
                    .parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m));
                if let (Some(m), Some(d)) = (m, self.day_number(i + 2)) {
                    e.year = Some(y);
                    e.month = Some(m);
                    e.day = Some(d);
                    return Some((e, i + 3));
                }
            }
        }
        // Times: 4 p.m., 12:45 a.m., 04:30, 16 Uhr, 16h30, noon.
        if let Some((h, end)) = self.time_at(i) {
            e.hours = Some(h);
            return Some((e, end));
        }
        // Quarters: "the fourth quarter of 2003".
        if let Some((_, q)) = ORDINALS.iter().find(|(w, _)| *w == self.norm(i)) {
            if matches!(self.norm(i + 1), "quarter" | "trimestre" | "quartal") && self.joined(i + 1)
            {
                e.quarter = Some(*q);
                let mut end = i + 2;
                let k = if matches!(self.norm(end), "of" | "de" | "do" | "del" | "des") {
                    end + 1
                } else {
                    end
                };
                if let Some(y) = self.year_number(k) {
                    e.year = Some(y);
                    end = k + 1;
                }
                return Some((e, end));
            }
        }
        // A year on its own: "in 2005", "late into 2005".
        if let Some(y) = self.year_number(i) {
            let before = if i > 0 { self.norm(i - 1) } else { "" };
            let after = self.text.get(self.toks[i].span().end..).unwrap_or("");
            let prep = matches!(
                before,
                "in" | "since"
                    | "of"
                    | "until"
                    | "by"
                    | "from"
                    | "to"
                    | "into"
                    | "en"
                    | "em"
                    | "im"
                    | "de"
                    | "desde"
                    | "depuis"
                    | "seit"
                    | "bis"
                    | "année"
                    | "año"
                    | "ano"
                    | "jahr"
            );
            let ends = after.is_empty() || after.starts_with([',', '.', ';', ')', ':']);
            if prep || ends {
                e.year = Some(y);
                return Some((e, i + 1));
            }
        }
        None
    }

    /// The three numbers of "29.12.2021" or "29/12/2021", first number first.
    fn numeric_date(&self, i: usize) -> Option<(u32, u32, i32)> {
        let w = self.norm(i);
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let mut parts = w.split('.');
        if let (Some(a), Some(b), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            if a.len() <= 2 && b.len() <= 2 && y.len() == 4 {
                return Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?));
            }
            return None;
        }
        if self.gap(i + 1) == "/" && self.gap(i + 2) == "/" && w.len() <= 2 {
            let b = self.norm(i + 1);
            if b.len() <= 2 {
                let y = self.year_number(i + 2)?;
                return Some((w.parse().ok()?, b.parse().ok()?, y));
            }
        }
        None
    }

    fn time_at(&self, i: usize) -> Option<((f64, f64), usize)> {
        let w = self.norm(i);
        match w {
            "noon" | "midday" | "mediodía" | "midi" | "mittag" => {
                return Some(((12.0, 12.5), i + 1))
            }
            "midnight" | "medianoche" | "minuit" | "mitternacht" | "meia-noite" => {
                return Some(((0.0, 0.5), i + 1))
            }
            _ => {}
        }
        // 16h30 / 16h.
        if let Some((h, m)) = w.split_once('h') {
            if let (Ok(h), true) = (h.parse::<u32>(), m.is_empty() || m.parse::<u32>().is_ok()) {
                if h < 24
                    && !h.to_string().is_empty()
                    && w.chars().next().is_some_and(|c| c.is_ascii_digit())
                {
                    let m: u32 = m.parse().unwrap_or(0);
                    let t = h as f64 + m as f64 / 60.0;
                    return Some(((t, t + 1.0 / 60.0), i + 1));
                }
            }
        }
        if !w.chars().all(|c| c.is_ascii_digit()) || w.is_empty() || w.len() > 2 {
            return None;
        }
        let h: u32 = w.parse().ok()?;
        let mut end = i + 1;
        let mut minutes: Option<u32> = None;
        if self.gap(end) == ":" || self.gap(end) == "." && self.norm(end).len() == 2 {
            if let Ok(m) = self.norm(end).parse::<u32>() {
                if m < 60 && self.norm(end).len() == 2 {
                    minutes = Some(m);
                    end += 1;
                }
            }
        }
        // a.m. / p.m. / am / pm / Uhr.
        let meridiem = match (self.norm(end), self.norm(end + 1)) {
            ("a", "m") if self.gap(end + 1) == "." => Some((false, 2)),
            ("p", "m") if self.gap(end + 1) == "." => Some((true, 2)),
            ("am", _) => Some((false, 1)),
            ("pm", _) => Some((true, 1)),
            _ => None,
        };
        let exact = minutes.map_or(0.0, |m| m as f64 / 60.0);
        if let Some((pm, n)) = meridiem {
            if !(1..=12).contains(&h) {
                return None;
            }
            let h24 = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            let t = h24 as f64 + exact;
            let width = if minutes.is_some() { 1.0 / 60.0 } else { 1.0 };
            return Some(((t, t + width), end + n));
        }
        if self.norm(end) == "uhr" {
            let t = h as f64 + exact;
            return Some(((t, t + 1.0 / 60.0), end + 1));
        }
        if minutes.is_some() && h < 24 {
            let t = h as f64 + exact;
            return Some(((t, t + 1.0 / 60.0), end));
        }
        None
    }

    /// A whole date phrase at `i`: parts joined by "at", "on", commas.
    fn date_at(&self, i: usize) -> Option<(DateExpr, usize)> {
        let (mut e, mut end) = self.date_part(i)?;
        loop {
            let mut j = end;
            let mut skipped = 0;
            while j < self.toks.len()
                && skipped < 2
                && matches!(
                    self.norm(j),
                    "at" | "on"
                        | "a"
                        | "à"
                        | "às"
                        | "as"
                        | "um"
                        | "de"
                        | "del"
                        | "le"
                        | "el"
                        | "the"
                        | "las"
                        | "los"
                        | "am"
                        | "en"
                        | "em"
                        | "in"
                )
            {
                j += 1;
                skipped += 1;
            }
            if j >= self.toks.len() || !self.gap(j).chars().all(|c| c == ' ' || c == ',') {
                break;
            }
            if j > end && !self.gap(end).chars().all(|c| c == ' ' || c == ',') {
                break;
            }
            match self.date_part(j) {
                Some((next, next_end)) if !conflicts(&e, &next) => {
                    e.merge(&next);
                    end = next_end;
                }
                _ => break,
            }
        }
        Some((e, end))
    }
}

fn conflicts(a: &DateExpr, b: &DateExpr) -> bool {
    (a.hours.is_some() && b.hours.is_some())
        || (a.day.is_some() && b.day.is_some())
        || (a.weekday.is_some() && b.weekday.is_some())
        || (a.relative.is_some()
            && b.relative.is_some()
            && !matches!(
                (a.relative, b.relative),
                (Some(Relative::Day(_)), Some(Relative::Part(..)))
                    | (Some(Relative::Part(..)), Some(Relative::Day(_)))
            ))
}

/// A word standing for a number's value, the same however it is written ("25 basis points"
/// and "one-quarter of one percentage point"); `None` for other details and vague values.
pub fn value_key(value: &Value) -> Option<String> {
    let (v, tag) = match value {
        Value::Quantity { value, scale, .. } => (
            value,
            match scale {
                Scale::Plain => "",
                Scale::Percent => "%",
                Scale::Points => "pt",
            },
        ),
        Value::Money { value, .. } => (value, "money"),
        Value::Duration(value) => (value, "min"),
        // "hoje" and "esta madrugada" both say "today"; "May 15, 2017" is one day.
        Value::Date(e) => {
            return match (e.relative, e.year, e.month, e.day) {
                (Some(Relative::Day(k)), ..) => Some(format!("@d{k}")),
                (Some(Relative::Part(..)), ..) => Some("@d0".to_string()),
                (None, Some(y), Some(m), Some(d)) => Some(format!("@{y}-{m}-{d}")),
                _ => None,
            };
        }
        _ => return None,
    };
    v.exact
        .then(|| format!("#{}{tag}", (v.lo * 1000.0).round() / 1000.0))
}

/// True for values few sentences share by chance: an exact count that is not round (10,011,
/// 2,958) or a full date.
pub fn is_distinctive(value: &Value) -> bool {
    match value {
        Value::Quantity { value, .. } | Value::Money { value, .. } => {
            value.exact && value.lo >= 100.0 && value.lo % 100.0 != 0.0 && value.lo.fract() == 0.0
        }
        Value::Date(e) => e.year.is_some() && e.month.is_some() && e.day.is_some(),
        _ => false,
    }
}

/// Parses "10,000", "2.50", "1.200" (German thousands), "2,5" (decimal comma).
pub fn parse_digits(word: &str, lang: Lang) -> Option<f64> {
    if word.is_empty() || !word.chars().next()?.is_ascii_digit() {
        return None;
    }
    if !word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let groups_of_three = |sep: char| {
        let parts: Vec<&str> = word.split(sep).collect();
        parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) && parts[0].len() <= 3
    };
    let cleaned: String = if lang == Lang::En {
        if word.contains(',') && groups_of_three(',') {
            word.replace(',', "")
        } else {
            word.replace(',', ".")
        }
    } else if word.contains('.') && groups_of_three('.') && !word.contains(',') {
        word.replace('.', "")
    } else {
        word.replace('.', "").replace(',', ".")
    };
    cleaned.parse().ok()
}

/// An ordinal written with digits: "3ª" and "3º" (folded to "3a", "3o"), "3rd", "4th",
/// "3e", "3ème", "3er".
fn ordinal_digits(word: &str) -> Option<f64> {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let suffix = &word[digits..];
    if !matches!(
        suffix,
        "a" | "o" | "st" | "nd" | "rd" | "th" | "e" | "er" | "eme" | "ème" | "re" | "as" | "os"
    ) {
        return None;
    }
    word[..digits].parse().ok()
}

fn fold_words(words: &[&str]) -> String {
    words.join(" ")
}

/// Extracts the details of a document.
pub fn extract(text: &str, tokens: &[Token], lang: Lang, stemmer: &Stemmer) -> Extraction {
    let lx = lexicon::get();
    let sentences = super::sentences::split(text);
    let mut mentions = Vec::new();
    let mut t = 0usize;
    for (index, s) in sentences.iter().enumerate() {
        while t < tokens.len() && tokens[t].span().start < s.start {
            t += 1;
        }
        let lo = t;
        while t < tokens.len() && tokens[t].span().end <= s.end {
            t += 1;
        }
        let toks = &tokens[lo..t];
        if toks.is_empty() {
            continue;
        }
        let (letters, upper) = s
            .slice(text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0usize, 0usize), |(n, up), c| {
                (n + 1, up + usize::from(c.is_uppercase()))
            });
        let sentence = Sentence {
            text,
            toks,
            lang,
            lx,
            stemmer,
            index,
            past: is_past(toks),
            shouting: toks.len() >= 3 && upper * 10 >= letters * 7,
            heading: is_heading(text, s.slice(text), toks),
        };
        scan(&sentence, &mut mentions);
    }
    let pending = resolve_short_names(&mut mentions);
    let dateline = mentions
        .iter()
        .filter(|m| m.span.start < 600 || m.sentence < 4)
        .find_map(|m| match &m.value {
            Value::Date(e) if e.year.is_some() && e.month.is_some() && e.day.is_some() => {
                day_of(e.year?, e.month?, e.day?)
            }
            _ => None,
        });
    Extraction {
        sentences,
        mentions,
        dateline,
        pending,
    }
}

/// True for a short line in title case that does not end like a sentence. `text` is the
/// document (token spans index it), `sentence` the line.
fn is_heading(text: &str, sentence: &str, toks: &[Token]) -> bool {
    if toks.len() < 2 || toks.len() > 12 {
        return false;
    }
    let ends_like_sentence = sentence.trim_end().ends_with([
        '.', '!', '?', ':', ';', '"', '”', '»', '…', ')', '\'', '’', '“', '«', ',',
    ]);
    if ends_like_sentence {
        return false;
    }
    let (mut words, mut caps) = (0usize, 0usize);
    for t in toks {
        let Some(c) = t.span().slice(text).chars().next() else {
            continue;
        };
        if !c.is_alphabetic() || t.norm.len() <= 3 {
            continue;
        }
        words += 1;
        caps += usize::from(c.is_uppercase());
    }
    words >= 2 && caps == words
}

fn is_past(toks: &[Token]) -> bool {
    let future = toks.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "will"
                | "shall"
                | "tomorrow"
                | "next"
                | "wird"
                | "werden"
                | "sera"
                | "seront"
                | "será"
                | "serán"
                | "vai"
                | "vão"
                | "irá"
                | "va"
                | "van"
        )
    });
    !future
}

/// Lower-case words that can open a detail: hedges, relative dates, weekdays, months, number
/// words, titles, articles ("an hour", "a school"), ordinals ("fourth quarter"), "noon".
/// Every other lower-case word that is not a number is skipped without trying each rule, which
/// is most words of a long text.
fn starters() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lx = lexicon::get();
        let mut set: HashSet<String> = HashSet::default();
        set.extend(lx.numbers.keys().cloned());
        set.extend(lx.phrase_starts.iter().cloned());
        set.extend(lx.months.keys().cloned());
        set.extend(lx.titles.iter().cloned());
        set.extend(ARTICLES.iter().map(|w| w.to_string()));
        set.extend(ORDINALS.iter().map(|(w, _)| w.to_string()));
        set.extend(
            [
                "noon",
                "midday",
                "mediodía",
                "midi",
                "mittag",
                "midnight",
                "medianoche",
                "minuit",
                "mitternacht",
                "meia-noite",
            ]
            .map(str::to_string),
        );
        set
    })
}

impl Sentence<'_> {
    /// False when no rule of [`scan`] can start at word `i`.
    fn may_start_detail(&self, i: usize) -> bool {
        let norm = self.norm(i);
        norm.starts_with(|c: char| c.is_ascii_digit())
            || self.is_cap(i)
            || starters().contains(norm)
            || norm
                .strip_suffix('s')
                .is_some_and(|w| self.lx.phrase_starts.contains(w))
    }
}

/// Scans one sentence, left to right, taking the longest detail at each word.
fn scan(s: &Sentence, out: &mut Vec<Mention>) {
    let n = s.toks.len();
    let mut i = 0;
    let mut pending_hedge: Option<(HedgeKind, usize)> = None;
    let push = |out: &mut Vec<Mention>, kind, span, value| {
        out.push(Mention {
            kind,
            span,
            value,
            sentence: s.index,
        });
    };
    while i < n {
        if pending_hedge.is_none() && !s.may_start_detail(i) {
            i += 1;
            continue;
        }
        // Hedges: numeric ones qualify what follows; epistemic ones stand alone.
        if let Some((kind, end)) = s.hedge_at(i) {
            let key = s.words(i, end - i).join(" ");
            if kind == HedgeKind::Epistemic {
                push(
                    out,
                    DetailKind::Hedge,
                    s.span(i, end),
                    Value::Hedge { kind, key },
                );
                i = end;
                continue;
            }
            let next_is_quantity = s.number_at(end).is_some()
                || ARTICLES.contains(&s.norm(end))
                || s.date_part(end).is_some()
                || s.gap(end).contains(['$', '€', '£']);
            if next_is_quantity && end < n {
                pending_hedge = Some((kind, i));
                i = end;
                continue;
            }
            // "about" meaning "concerning": not a hedge.
        }
        let hedge = pending_hedge.take();
        let start = hedge.map_or(i, |(_, at)| at);
        let hedge_kind = hedge.map(|(k, _)| k);

        if let Some((e, end)) = s.date_at(i) {
            push(out, DetailKind::Date, s.span(start, end), Value::Date(e));
            i = end;
            continue;
        }
        if let Some(end) = quantity(s, i, start, hedge_kind, out) {
            i = end;
            continue;
        }
        if let Some(end) = names(s, i, out) {
            i = end;
            continue;
        }
        // "a school": a generic place the other side may name.
        if ARTICLES.contains(&s.norm(i)) && i + 1 < n {
            if let Some(class) = s.lx.generic_places.get(s.norm(i + 1)) {
                let ends_phrase = i + 2 >= n || !s.joined(i + 2) || !is_content_word(s.norm(i + 2));
                if !s.is_cap(i + 1) && ends_phrase {
                    let value = Value::Place {
                        key: s.norm(i + 1).to_string(),
                        class: Some(class.clone()),
                        generic: true,
                    };
                    push(out, DetailKind::Place, s.span(i, i + 2), value);
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Numbers, money and durations at `i`.
fn quantity(
    s: &Sentence,
    i: usize,
    start: usize,
    hedge: Option<HedgeKind>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    // "an hour", "a dozen", "half an hour".
    let (mut value, mut end) = if ARTICLES.contains(&s.norm(i)) && s.norm(i) != "one" {
        if s.duration_unit(i + 1).is_some() && s.joined(i + 1) {
            (1.0, i + 1)
        } else if let Some(v) = s.number_word(i + 1).filter(|v| *v >= 12.0) {
            (v, i + 2)
        } else if let Some(v) = s
            .number_word(i + 1)
            .filter(|v| *v < 1.0 && s.joined(i + 2) && matches!(s.norm(i + 2), "point" | "points"))
        {
            // "a quarter point": a fraction of a percentage point.
            (v, i + 2)
        } else {
            return None;
        }
    } else {
        s.number_at(i)?
    };
    // A lone "one" in "one of the": a pronoun, not a count.
    if s.norm(i) == "one" && end == i + 1 && s.norm(end) == "of" && s.number_word(end + 1).is_none()
    {
        return None;
    }
    if let Some(m) = s.multiplier(end).filter(|_| s.joined(end)) {
        value *= m;
        end += 1;
    }
    if s.norm(i) == "half" && ARTICLES.contains(&s.norm(end)) && s.duration_unit(end + 1).is_some()
    {
        end += 1;
    }
    let before = if i > 0 { s.gap(i) } else { "" };
    // "25 cents" is $0.25.
    let cents = s.lang == Lang::En
        && matches!(s.norm(end), "cents" | "cent")
        && s.joined(end)
        && !before.contains(['$', '€', '£', '¥']);
    if cents {
        value /= 100.0;
    }
    let interval = hedge.map_or(Interval::exact(value), |k| Interval::hedged(value, k));
    let after = s.text.get(s.toks[end - 1].span().end..).unwrap_or("");
    // Money: a symbol before, a currency word after.
    let symbol = ['$', '€', '£', '¥']
        .into_iter()
        .find(|c| before.contains(*c));
    // "1.200 millones de euros", "2 million of dollars".
    if matches!(s.norm(end), "de" | "of" | "d")
        && CURRENCY_WORDS.iter().any(|(w, _)| *w == s.norm(end + 1))
    {
        end += 1;
    }
    let word_currency = CURRENCY_WORDS
        .iter()
        .find(|(w, _)| *w == s.norm(end))
        .map(|(_, c)| *c)
        .or(cents.then_some("$"));
    if let Some(currency) = symbol
        .map(|c| c.to_string())
        .or(word_currency.map(str::to_string))
    {
        let end = if word_currency.is_some() {
            end + 1
        } else {
            end
        };
        let mut span = s.span(start, end);
        if symbol.is_some() && start == i {
            span.start = span
                .start
                .saturating_sub(before.trim_start().len().min(before.len()));
        }
        out.push(Mention {
            kind: DetailKind::Money,
            span,
            value: Value::Money {
                value: interval,
                currency,
            },
            sentence: s.index,
        });
        return Some(end);
    }
    // Durations: "55-minute", "almost an hour", "two weeks".
    if let Some(minutes) = s.duration_unit(end).filter(|_| s.joined(end)) {
        let iv = Interval {
            lo: interval.lo * minutes,
            hi: interval.hi * minutes,
            exact: interval.exact,
            base: interval.base * minutes,
        };
        out.push(Mention {
            kind: DetailKind::Duration,
            span: s.span(start, end + 1),
            value: Value::Duration(iv),
            sentence: s.index,
        });
        return Some(end + 1);
    }
    if ARTICLES.contains(&s.norm(i)) && s.number_word(i + 1).is_none() {
        return None;
    }
    // Per cent and points.
    let mut scale = Scale::Plain;
    let mut iv = interval;
    if after.starts_with('%') {
        scale = Scale::Percent;
    } else if value < 1.0 && s.joined(end) && matches!(s.norm(end), "point" | "points") {
        // "a quarter point", "half a point" in a rate decision.
        scale = Scale::Points;
        end += 1;
    } else {
        for len in (1..=4).rev() {
            let words = s.words(end, len);
            if words.len() < len || !(0..len).all(|k| k == 0 || s.joined(end + k)) {
                continue;
            }
            if phrase_in(PERCENT, &words) {
                scale = Scale::Percent;
                end += len;
                break;
            }
            if phrase_in(POINTS, &words) {
                scale = Scale::Points;
                end += len;
                break;
            }
            if phrase_in(BASIS_POINTS, &words) {
                scale = Scale::Points;
                iv = Interval {
                    lo: iv.lo / 100.0,
                    hi: iv.hi / 100.0,
                    exact: iv.exact,
                    base: iv.base / 100.0,
                };
                end += len;
                break;
            }
        }
    }
    let (unit, _) = s.unit_after(end);
    out.push(Mention {
        kind: DetailKind::Number,
        span: s.span(start, end),
        value: Value::Quantity {
            value: iv,
            unit,
            scale,
        },
        sentence: s.index,
    });
    Some(end)
}

/// Capitalised names at `i`: titles, people, organisations, places.
fn names(s: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let n = s.toks.len();
    let lx = s.lx;
    let is_title = |k: usize| lx.titles.contains(s.norm(k));
    // A lower-case title straight before a name: "spokeswoman Katie Tichacek".
    let lower_title =
        !s.is_cap(i) && is_title(i) && i + 1 < n && s.is_cap(i + 1) && s.joined(i + 1);
    if !s.is_cap(i) && !lower_title {
        return None;
    }
    if s.shouting {
        return None;
    }
    // Collect the run.
    let mut end = i + 1;
    loop {
        if end >= n {
            break;
        }
        let gap = s.gap(end);
        let dotted = gap == "." || gap == ". ";
        let plain = s.joined(end) || gap == "’ " || gap == "' " || dotted;
        if plain && s.is_cap(end) {
            end += 1;
            continue;
        }
        // "Washington, D.C.": a comma before a two-letter dotted abbreviation.
        if gap == ", " && s.raw(end).len() == 1 && s.gap(end + 1) == "." && s.is_cap(end) {
            end += 1;
            continue;
        }
        // German capitalises every noun: its articles never join a name ("Vertretern der
        // Stadt").
        let german_article = s.lang == Lang::De
            && matches!(s.norm(end), "der" | "die" | "das" | "den" | "dem" | "des");
        if s.joined(end)
            && !german_article
            && CONNECTORS.contains(&s.norm(end))
            && end + 1 < n
            && s.is_cap(end + 1)
            && s.joined(end + 1)
        {
            // "and" joins names only inside an organisation ("Citizenship and Immigration
            // Services"), not two people ("Mayor de Blasio and Secretary Kelly").
            if AND_WORDS.contains(&s.norm(end)) {
                let mut k = end + 1;
                let mut org = false;
                while k < n && s.is_cap(k) && (k == end + 1 || s.joined(k)) {
                    org |= lx.org_keywords.contains(s.norm(k));
                    k += 1;
                }
                if !org {
                    break;
                }
            }
            end += 2;
            continue;
        }
        break;
    }
    let mut from = i;
    // Sentence-initial function words and "The" are not part of a name.
    while from < end
        && (matches!(s.norm(from), "the" | "a" | "an")
            || (from == 0 && !is_content_word(s.norm(from)) && !PARTICLES.contains(&s.norm(from))))
    {
        from += 1;
    }
    // "Agents of the Department...": a capitalised first word of the sentence before "of".
    if from == 0
        && end > from + 2
        && CONNECTORS.contains(&s.norm(from + 1))
        && !is_title(from)
        && !lx.org_keywords.contains(s.norm(from))
        && !lx.places.contains(s.norm(from))
    {
        from += 2;
    }
    if from >= end {
        return Some(end);
    }
    // Don't take dates and numbers as names.
    if (from..end).any(|k| s.month_at(k).is_some() && s.day_number(k + 1).is_some())
        || s.date_part(from).is_some()
    {
        return None;
    }
    let words: Vec<&str> = (from..end).map(|k| s.norm(k)).collect();
    let folded = fold_words(&words);
    // Title words: the last one splits title from name.
    let last_title = (from..end).rev().find(|&k| is_title(k));
    let (title_range, name_from) = match last_title {
        Some(k)
            if k + 2 < end + 1
                && CONNECTORS.contains(&s.norm(k + 1))
                && lx.title_complements.contains(s.norm(k + 2)) =>
        {
            (Some((from, end)), end)
        }
        Some(k) => (Some((from, k + 1)), k + 1),
        None => (None, from),
    };
    let mut title_words = None;
    if let Some((a, b)) = title_range {
        let mut words: Vec<String> = (a..b)
            .map(|k| {
                let w = s.norm(k);
                lx.title_alias
                    .get(w)
                    .cloned()
                    .unwrap_or_else(|| w.to_string())
            })
            .collect();
        words.retain(|w| is_content_word(w) || lx.titles.contains(w));
        out.push(Mention {
            kind: DetailKind::Title,
            span: s.span(a, b),
            value: Value::Title {
                words: words.clone(),
            },
            sentence: s.index,
        });
        title_words = Some(words);
        // An organisation inside the title: "Department of Homeland Security Secretary".
        if let Some(k) = (a..b).find(|&k| lx.org_keywords.contains(s.norm(k))) {
            let org_end = if b - 1 > k { b - 1 } else { b };
            let org_from = if s.norm(k + 1) == "of" { k } else { a };
            if org_end > org_from && !is_title(org_from) {
                push_org(s, org_from, org_end, out);
            }
        }
    }
    // Apposition: "The President of the Republic, Marcelo Rebelo de Sousa, ...".
    if name_from >= end {
        return Some(end);
    }
    let name: Vec<&str> = (name_from..end).map(|k| s.norm(k)).collect();
    let name_folded = compact(s, name_from, end);
    // A law or treaty is no one: "the Taft-Hartley Act".
    let law = end - name_from >= 2 && LAW_WORDS.contains(&s.norm(end - 1));
    // German compounds end in what they are: "Kreditanstalt", "Bundesbank", "Finanzamt".
    let german_body = s.lang == Lang::De
        && name
            .iter()
            .any(|w| GERMAN_ORG_ENDINGS.iter().any(|e| w.ends_with(e)));
    if law
        || german_body
        || name_folded.split(' ').any(|w| lx.org_keywords.contains(w))
        || lx.orgs.contains_key(&name_folded)
    {
        push_org(s, name_from, end, out);
        return Some(end);
    }
    let acronym_like = end - name_from == 1 && {
        let raw = s.raw(name_from);
        let upper = raw.chars().filter(char::is_ascii_uppercase).count();
        raw.len() >= 2
            && raw.len() <= 6
            && raw.chars().all(|c| c.is_ascii_alphabetic())
            // "DHS", and "KfW" with its small "f".
            && (upper == raw.len() || (upper >= 2 && raw.len() <= 4))
            && !lx.places.contains(s.norm(name_from))
    };
    if acronym_like {
        push_org(s, name_from, end, out);
        return Some(end);
    }
    let before = if from > 0 { s.norm(from - 1) } else { "" };
    let compact_words: Vec<&str> = name_folded.split(' ').collect();
    let named_class = compact_words.iter().find_map(|w| lx.named_places.get(*w));
    // "Washington, D.C.", "Richmond, Va.": a known place with a state after it.
    let known_place = (1..=compact_words.len())
        .any(|k| lx.places.contains(&compact_words[..k].join(" ")))
        || lx.places.contains(&folded);
    if title_words.is_none()
        && (known_place
            || named_class.is_some()
            // German capitalises every noun: "im Rahmen" is no place.
            || (LOCATIVES.contains(&before)
                && s.lang != Lang::De
                && end - name_from <= 3
                && !looks_like_person(&name)))
    {
        let mut span_end = end;
        // "P.S. 58": a named place with a number.
        if named_class.is_some() && s.digits(end).is_some() && (s.joined(end) || s.gap(end) == ". ")
        {
            span_end += 1;
        }
        let value = Value::Place {
            key: name_folded.clone(),
            class: named_class.cloned(),
            generic: false,
        };
        out.push(Mention {
            kind: DetailKind::Place,
            span: s.span(name_from, span_end),
            value,
            sentence: s.index,
        });
        return Some(span_end);
    }
    if title_words.is_none() && !could_be_person(s, &name) {
        return Some(end);
    }
    let tokens_in_name = name.iter().filter(|w| !PARTICLES.contains(w)).count();
    if tokens_in_name >= 2 || title_words.is_some() {
        // The folded surname, without a possessive ("Kelly’s" is Kelly).
        let key = name_folded.split(" ").last().unwrap_or("").to_string();
        let given = (tokens_in_name >= 2).then(|| name[0].to_string());
        out.push(Mention {
            kind: DetailKind::Person,
            span: s.span(name_from, end),
            value: Value::Person {
                key,
                given,
                title: title_words,
            },
            sentence: s.index,
        });
        return Some(end);
    }
    // A single capitalised word: a short name, resolved once the document is read.
    if name_from != 0 || s.is_cap(name_from) {
        out.push(Mention {
            kind: DetailKind::Person,
            span: s.span(name_from, end),
            value: Value::Person {
                key: String::new(),
                given: Some(name_folded),
                title: None,
            },
            sentence: s.index,
        });
    }
    Some(end)
}

/// The folded words of tokens `from..to`, with dotted initials joined ("P.S." → "ps") and a
/// final possessive dropped ("Education's" → "education").
fn compact(s: &Sentence, from: usize, to: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut prev_initial = false;
    for k in from..to {
        let raw = s.raw(k);
        let mut w = s.norm(k).to_string();
        if k + 1 == to && (raw.ends_with("'s") || raw.ends_with("’s")) {
            w.pop();
        }
        let initial = raw.chars().count() == 1
            && s.text
                .get(s.toks[k].span().end..)
                .is_some_and(|t| t.starts_with('.'));
        match words.last_mut() {
            Some(last) if initial && prev_initial => last.push_str(&w),
            _ => words.push(w),
        }
        prev_initial = initial;
    }
    words.join(" ")
}

/// False for capitalised words that are no one's name: a heading ("Basic Policies"), German
/// nouns, which are all capitalised ("Meine Damen", "Reformanstrengungen Griechenlands").
fn could_be_person(s: &Sentence, name: &[&str]) -> bool {
    if s.heading {
        return false;
    }
    if s.lang == Lang::De {
        let determiner = name.first().is_some_and(|w| GERMAN_DETERMINERS.contains(w));
        let noun = name
            .iter()
            .any(|w| w.chars().count() > 6 && GERMAN_NOUN_ENDINGS.iter().any(|e| w.ends_with(e)));
        if determiner || noun {
            return false;
        }
    }
    true
}

fn looks_like_person(name: &[&str]) -> bool {
    name.len() >= 2 && name.len() <= 4
}

fn push_org(s: &Sentence, from: usize, to: usize, out: &mut Vec<Mention>) {
    let lx = s.lx;
    let folded = compact(s, from, to);
    let raw_initials: String = (from..to)
        .filter(|&k| s.is_cap(k))
        .filter_map(|k| s.raw(k).chars().next())
        .collect();
    let (key, parent) = match lx
        .orgs
        .get(&folded)
        .or_else(|| lx.orgs.get(&raw_initials.to_lowercase()))
    {
        Some(known) if to - from == 1 || lx.orgs.contains_key(&folded) => {
            (known.acronym.clone(), known.parent.clone())
        }
        _ if to - from == 1 && s.raw(from).chars().all(|c| c.is_ascii_uppercase()) => {
            (s.raw(from).to_string(), None)
        }
        _ if to - from == 1 => (folded.clone(), None),
        _ => (raw_initials, None),
    };
    out.push(Mention {
        kind: DetailKind::Organization,
        span: s.span(from, to),
        value: Value::Org { key, parent },
        sentence: s.index,
    });
}

/// Single capitalised words become people when they are the surname of a full name in the
/// same document ("Kelly" after "John Kelly"); the others wait in `pending` until the other
/// document has been read ([`Extraction::adopt_names`]).
fn resolve_short_names(mentions: &mut Vec<Mention>) -> Vec<Mention> {
    let surnames: HashSet<String> = surnames_of(mentions);
    let mut pending = Vec::new();
    mentions.retain_mut(|m| {
        if let Value::Person { key, given, .. } = &mut m.value {
            if key.is_empty() {
                let word = given.clone().unwrap_or_default();
                let last = word.split(' ').next_back().unwrap_or("").to_string();
                if surnames.contains(&last) {
                    *key = last;
                    *given = None;
                    return true;
                }
                pending.push(m.clone());
                return false;
            }
        }
        true
    });
    pending
}

fn surnames_of(mentions: &[Mention]) -> HashSet<String> {
    mentions
        .iter()
        .filter_map(|m| match &m.value {
            Value::Person { key, .. } if !key.is_empty() => Some(key.clone()),
            _ => None,
        })
        .collect()
}

impl Extraction {
    /// Surnames of the people this document names in full.
    pub fn surnames(&self) -> HashSet<String> {
        surnames_of(&self.mentions)
    }

    /// Takes single capitalised words that are the surname of someone the other document
    /// names in full ("Sánchez" when the source says "Pedro Sánchez") as that person.
    pub fn adopt_names(&mut self, surnames: &HashSet<String>) {
        let mut adopted = false;
        for mut m in std::mem::take(&mut self.pending) {
            if let Value::Person { key, given, .. } = &mut m.value {
                let word = given.take().unwrap_or_default();
                let last = word.split(' ').next_back().unwrap_or("").to_string();
                if surnames.contains(&last) {
                    *key = last;
                    self.mentions.push(m);
                    adopted = true;
                }
            }
        }
        if adopted {
            self.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;
    use rust_stemmers::Algorithm;

    fn run(text: &str, lang: Lang) -> Extraction {
        let stemmer = Stemmer::create(match lang {
            Lang::En => Algorithm::English,
            Lang::Pt => Algorithm::Portuguese,
            Lang::Es => Algorithm::Spanish,
            Lang::Fr => Algorithm::French,
            Lang::De => Algorithm::German,
        });
        extract(text, &tokenize(text), lang, &stemmer)
    }

    fn found(text: &str, lang: Lang, kind: DetailKind) -> Vec<(String, Value)> {
        run(text, lang)
            .mentions
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| (m.span.slice(text).to_string(), m.value))
            .collect()
    }

    fn quantity(v: &Value) -> (f64, f64, Scale) {
        match v {
            Value::Quantity { value, scale, .. } => (value.lo, value.hi, *scale),
            Value::Duration(value) | Value::Money { value, .. } => {
                (value.lo, value.hi, Scale::Plain)
            }
            _ => panic!("not a quantity: {v:?}"),
        }
    }

    #[test]
    fn numbers_in_digits_and_words() {
        let text = "Two agents visited; 1.2 million people, 40% of voters and a dozen officers \
                    saw 10,011 deaths and twenty-five arrests.";
        let got = found(text, Lang::En, DetailKind::Number);
        let values: Vec<(&str, f64, Scale)> = got
            .iter()
            .map(|(t, v)| (t.as_str(), quantity(v).0, quantity(v).2))
            .collect();
        assert_eq!(
            values,
            [
                ("Two", 2.0, Scale::Plain),
                ("1.2 million", 1.2e6, Scale::Plain),
                ("40", 40.0, Scale::Percent),
                ("a dozen", 12.0, Scale::Plain),
                ("10,011", 10011.0, Scale::Plain),
                ("twenty-five", 25.0, Scale::Plain)
            ]
        );
        match &got[0].1 {
            Value::Quantity { unit, .. } => assert_eq!(unit, &["agent"]),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn fractions_points_and_foreign_number_words() {
        let text =
            "The Bank lowered its rate by one-quarter of one percentage point to 2 1/2 per cent.";
        let got: Vec<(f64, Scale)> = found(text, Lang::En, DetailKind::Number)
            .iter()
            .map(|(_, v)| (quantity(v).0, quantity(v).2))
            .collect();
        assert_eq!(got, [(0.25, Scale::Points), (2.5, Scale::Percent)]);
        let bp = found("a cut of 25 basis points", Lang::En, DetailKind::Number);
        assert_eq!(quantity(&bp[0].1), (0.25, 0.25, Scale::Points));
        let pt = found(
            "Morreram quatro portugueses dos doze passageiros.",
            Lang::Pt,
            DetailKind::Number,
        );
        let pt: Vec<f64> = pt.iter().map(|(_, v)| quantity(v).0).collect();
        assert_eq!(pt, [4.0, 12.0]);
    }

    #[test]
    fn durations_with_hedges_become_intervals() {
        let got = found(
            "They met for almost an hour after a 55-minute call.",
            Lang::En,
            DetailKind::Duration,
        );
        assert_eq!(got[0].0, "almost an hour");
        assert_eq!(quantity(&got[0].1), (48.0, 60.0, Scale::Plain));
        assert_eq!(got[1].0, "55-minute");
        assert_eq!(quantity(&got[1].1), (55.0, 55.0, Scale::Plain));
    }

    #[test]
    fn money_with_symbols_and_words() {
        let got = found(
            "The city will get $2.5 million, up from 900,000 euros.",
            Lang::En,
            DetailKind::Money,
        );
        assert_eq!(got.len(), 2);
        assert!(
            matches!(&got[0].1, Value::Money { value, currency } if value.lo == 2.5e6 && currency == "$")
        );
        assert!(
            matches!(&got[1].1, Value::Money { value, currency } if value.lo == 9e5 && currency == "€")
        );
    }

    #[test]
    fn dates_times_and_datelines() {
        let text = "FOR IMMEDIATE RELEASE, May 15, 2017\nYesterday, April 29 at 4 p.m., protesters \
                    gathered. Police came On April 30 at 12:45 a.m. and left in the fourth quarter of 2003.";
        let ex = run(text, Lang::En);
        let dates: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == DetailKind::Date)
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(
            dates,
            [
                "May 15, 2017",
                "Yesterday, April 29 at 4 p.m.",
                "April 30 at 12:45 a.m.",
                "fourth quarter of 2003"
            ]
        );
        assert_eq!(ex.dateline, day_of(2017, 5, 15));
        let Value::Date(e) = &ex
            .mentions
            .iter()
            .find(|m| m.span.slice(text).starts_with("April 30"))
            .unwrap()
            .value
        else {
            panic!()
        };
        assert_eq!(
            (e.month, e.day, e.hours),
            (Some(4), Some(30), Some((0.75, 0.75 + 1.0 / 60.0)))
        );
        let pt = run(
            "Quatro portugueses morreram hoje às 04:30 locais, esta madrugada.",
            Lang::Pt,
        );
        let pt: Vec<&str> = pt
            .mentions
            .iter()
            .filter(|m| m.kind == DetailKind::Date)
            .map(|m| {
                m.span
                    .slice("Quatro portugueses morreram hoje às 04:30 locais, esta madrugada.")
            })
            .collect();
        assert_eq!(pt, ["hoje às 04:30", "esta madrugada"]);
    }

    #[test]
    fn people_titles_organisations_and_places() {
        let text = "Mayor Bill de Blasio met Homeland Security Secretary John Kelly at the Department \
                    of Homeland Security in Washington, D.C. on Monday. De Blasio thanked Kelly. \
                    Agents from U.S. Citizenship and Immigration Services visited P.S. 58 and a school.";
        let ex = run(text, Lang::En);
        let of = |kind| -> Vec<&str> {
            ex.mentions
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| m.span.slice(text))
                .collect()
        };
        assert_eq!(
            of(DetailKind::Person),
            ["Bill de Blasio", "John Kelly", "De Blasio", "Kelly"]
        );
        assert_eq!(
            of(DetailKind::Title),
            ["Mayor", "Homeland Security Secretary"]
        );
        assert_eq!(
            of(DetailKind::Organization),
            [
                "Department of Homeland Security",
                "U.S. Citizenship and Immigration Services"
            ]
        );
        assert_eq!(
            of(DetailKind::Place),
            ["Washington, D.C.", "P.S. 58", "a school"]
        );
        let keys: Vec<String> = ex
            .mentions
            .iter()
            .filter_map(|m| match &m.value {
                Value::Org { key, .. } => Some(key.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(keys, ["DHS", "USCIS"]);
    }

    #[test]
    fn hedges_are_found() {
        let got = found(
            "Agents apparently visited the school, at least twice.",
            Lang::En,
            DetailKind::Hedge,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "apparently");
        let n = found(
            "Agents apparently visited the school, at least twice.",
            Lang::En,
            DetailKind::Number,
        );
        assert!(n.is_empty() || n[0].0.starts_with("at least"));
    }

    #[test]
    fn relative_words_count_in_their_own_language_only() {
        let de = found(
            "Ich habe das gestern schon gesagt, und ich sage es hier noch einmal.",
            Lang::De,
            DetailKind::Date,
        );
        assert!(de.iter().any(|(t, _)| t == "gestern"), "{de:?}");
        assert!(!de.iter().any(|(t, _)| t == "hier"), "{de:?}");
        let fr = found(
            "Le gouverneur a répondu hier au journal.",
            Lang::Fr,
            DetailKind::Date,
        );
        assert!(fr.iter().any(|(t, _)| t == "hier"), "{fr:?}");
    }

    #[test]
    fn numeric_dates_abbreviated_months_and_digit_ordinals() {
        let dates = found(
            "La Moncloa, 29.12.2021. El informe se presentó el 29 dic en Madrid.",
            Lang::Es,
            DetailKind::Date,
        );
        let full = |t: &str| {
            dates.iter().any(|(x, v)| {
                x == t && matches!(v, Value::Date(e) if e.day == Some(29) && e.month == Some(12))
            })
        };
        assert!(full("29.12.2021"), "{dates:?}");
        assert!(full("29 dic"), "{dates:?}");
        let numbers = found(
            "Presentamos la 3ª edición del informe, y la cuarta llegará en 2022.",
            Lang::Es,
            DetailKind::Number,
        );
        assert!(
            numbers
                .iter()
                .any(|(t, v)| t == "3ª" && quantity(v).0 == 3.0),
            "{numbers:?}"
        );
        assert!(
            numbers
                .iter()
                .any(|(t, v)| t == "cuarta" && quantity(v).0 == 4.0),
            "{numbers:?}"
        );
    }

    #[test]
    fn cents_and_fractions_of_a_point() {
        let money = found(
            "Earnings per share fell to 25 cents from 33 cents.",
            Lang::En,
            DetailKind::Money,
        );
        assert_eq!(
            money
                .iter()
                .map(|(t, v)| (t.as_str(), quantity(v).0))
                .collect::<Vec<_>>(),
            vec![("25 cents", 0.25), ("33 cents", 0.33)]
        );
        let points = found(
            "The bank cut rates by a quarter point, after a rise of one-quarter of one \
             percentage point.",
            Lang::En,
            DetailKind::Number,
        );
        assert!(
            points
                .iter()
                .filter(|(_, v)| quantity(v) == (0.25, 0.25, Scale::Points))
                .count()
                == 2,
            "{points:?}"
        );
    }

    #[test]
    fn places_laws_headings_and_german_nouns_are_not_people() {
        let people = |text: &str, lang: Lang| -> Vec<String> {
            found(text, lang, DetailKind::Person)
                .into_iter()
                .map(|(t, _)| t)
                .collect()
        };
        let en = people(
            "He spoke of North Korea and the Middle East, and of repealing section 14(b) of \
             the Taft-Hartley Act.\n\nBasic Policies\n\nRepresentative Gerald Ford answered.",
            Lang::En,
        );
        assert!(
            !en.iter().any(|p| p.contains("Korea")
                || p.contains("Middle East")
                || p.contains("Taft")
                || p.contains("Basic")),
            "{en:?}"
        );
        assert!(en.iter().any(|p| p.contains("Gerald Ford")), "{en:?}");
        let de = people(
            "Meine Damen und Herren, die Reformanstrengungen Griechenlands sind groß, sagte \
             Angela Merkel.",
            Lang::De,
        );
        assert_eq!(de, vec!["Angela Merkel".to_string()]);
        let places = found(
            "Im Rahmen der Task Force hilft die Kreditanstalt für Wiederaufbau in Griechenland.",
            Lang::De,
            DetailKind::Place,
        );
        assert_eq!(
            places.into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
            vec!["Griechenland".to_string()]
        );
    }
}
