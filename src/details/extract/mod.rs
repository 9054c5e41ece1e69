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

use super::calendar::{day_of, DateExpr, Day};
use super::DetailKind;
use crate::lexicon::{self, HedgeKind, Lang, Lexicon, Relative};
use crate::matching::is_content_word;
use crate::normalize::Token;
use crate::span::{Span, SpanIndex};

mod dates;
mod names;
mod numbers;

use names::{names, resolve_short_names};
pub use numbers::parse_digits;
use numbers::quantity;

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
    pub(crate) fn exact(v: f64) -> Interval {
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
        // Below zero, "about -0.3" runs from -0.33 to -0.27.
        Interval {
            lo: lo.min(hi),
            hi: lo.max(hi),
            exact: false,
            base: v,
        }
    }

    /// The same interval in another unit (`factor` of it to one of the new unit).
    pub fn scaled(&self, factor: f64) -> Interval {
        Interval {
            lo: self.lo * factor,
            hi: self.hi * factor,
            exact: self.exact,
            base: self.base * factor,
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
        value: Interval,
        /// Stems of the counted noun phrase, head last.
        unit: Vec<String>,
        /// Plain, per cent, points.
        scale: Scale,
    },
    /// An amount of money.
    Money {
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
    pub span: Span,
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
    /// Whether the sentence speaks of the past ([`is_past`]), read when a date needs it.
    past: std::cell::OnceCell<bool>,
    shouting: bool,
    /// A short title-case line without a full stop: a headline or section heading ("Basic
    /// Policies", "Full Year Highlights"), whose capitalised words are not people.
    heading: bool,
    /// Only values are read ([`extract_values`]): a run of capitalised words is passed over
    /// as [`scan`] would pass it over, without working out whom or what it names.
    values_only: bool,
}

fn phrase_in(list: &[Vec<String>], words: &[&str]) -> bool {
    list.iter().any(|p| p.as_slice() == words)
}

impl<'a> Sentence<'a> {
    /// Whether the sentence speaks of the past: read once, on the first date found in it.
    fn past(&self) -> bool {
        let read = || is_past(self.text, self.toks, self.lang);
        *self.past.get_or_init(read)
    }

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

    /// The word after an elided "de" ("environ" of "d'environ", whose normalised form
    /// drops the apostrophe: "denviron").
    fn after_elided_de(&self, i: usize) -> Option<&str> {
        // Most words do not open with "d": passed over before their text is sliced.
        let first = (self.toks.get(i)).and_then(|t| self.text.as_bytes().get(t.span().start));
        if first != Some(&b'd') {
            return None;
        }
        let raw = self.raw(i);
        (raw.starts_with("d'") || raw.starts_with("d’")).then(|| self.norm(i).get(1..))?
    }

    /// True when tokens `i - 1` and `i` belong to one phrase (only spaces or hyphens between).
    fn joined(&self, i: usize) -> bool {
        i > 0
            && i < self.toks.len()
            && self.gap(i).chars().all(|c| {
                c == ' ' || c == '-' || c == '\u{a0}' || c == '\u{2010}' || c == '\u{2011}'
            })
    }

    /// True when token `i` is a title word ([`lexicon::Lexicon::is_title`]).
    fn is_title(&self, i: usize) -> bool {
        self.lx.is_title(self.norm(i), self.lang)
    }

    fn is_cap(&self, i: usize) -> bool {
        // An ASCII first letter read from its byte; any other from its character.
        let Some(t) = self.toks.get(i).filter(|t| !t.span().is_empty()) else {
            return false;
        };
        match self.text.as_bytes().get(t.span().start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.raw(i).chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// Bytes of tokens `from..to`, with the full stop of a final initial ("D.C.", "p.m."):
    /// not of a final figure ("on April 4." ends a sentence; "4." before a month is inside).
    fn span(&self, from: usize, to: usize) -> Span {
        let mut span = self.toks[from].span().cover(&self.toks[to - 1].span());
        let last = self.raw(to - 1);
        let mut chars = last.chars();
        let initial = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
        let figure = last.starts_with(|c: char| c.is_ascii_digit());
        let abbreviated = initial || !figure && crate::align::sentences::is_abbreviation(last);
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

    fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }
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

fn fold_words(words: &[&str]) -> String {
    words.join(" ")
}

/// Extracts every detail of a document: its values, then the rest in every sentence.
#[cfg(test)]
pub fn extract(text: &str, tokens: &[Token], lang: Lang, stemmer: &Stemmer) -> Extraction {
    let mut extraction = extract_values(text, tokens, lang, stemmer);
    let every = vec![true; extraction.sentences.len()];
    extraction.read_names((text, tokens), (lang, stemmer), &every);
    extraction
}

/// The values of a document (counts, sums of money, lengths of time, dates) in every
/// sentence, and no names yet: what sentence alignment weighs (a figure both sentences
/// give), what relates across the whole documents (the same sum or day anywhere), and the
/// dateline. [`Extraction::read_names`] reads the rest once the aligned sentences are known.
///
/// Each value is the one [`extract`] finds: the scan takes the same steps, and only leaves
/// the names it passes over unread.
#[cfg(test)]
pub fn extract_values(text: &str, tokens: &[Token], lang: Lang, stemmer: &Stemmer) -> Extraction {
    let sentences = crate::align::sentences::split(text);
    extract_values_in(text, tokens, (lang, stemmer), sentences)
}

/// [`extract_values`] with the document's sentences already cut
/// ([`crate::align::sentences::split`] of `text`): the pipeline cuts them while other work
/// runs.
pub(crate) fn extract_values_in(
    text: &str,
    tokens: &[Token],
    (lang, stemmer): (Lang, &Stemmer),
    sentences: Vec<Span>,
) -> Extraction {
    let doc = Reader {
        text,
        tokens,
        lang,
        stemmer,
    };
    let mut mentions = Vec::new();
    for (index, s) in sentences.iter().enumerate() {
        doc.scan_sentence((index, *s), Reading::Values, &mut mentions);
    }
    mentions.retain(is_value);
    Extraction {
        dateline: dateline(&mentions),
        sentences,
        mentions,
        pending: Vec::new(),
    }
}

impl Extraction {
    /// Reads again the values of the sentences numbered in `changed` (ascending), from
    /// `tokens`, words of the same text that now differ there (words a PDF broke, mended):
    /// the others keep what [`extract_values_in`] read, as it would read them again.
    pub(crate) fn reread_values(
        &mut self,
        (text, tokens): (&str, &[Token]),
        (lang, stemmer): (Lang, &Stemmer),
        changed: &[usize],
    ) {
        let doc = Reader {
            text,
            tokens,
            lang,
            stemmer,
        };
        let mut old = std::mem::take(&mut self.mentions).into_iter().peekable();
        let mut mentions = Vec::new();
        let mut fresh = Vec::new();
        for &index in changed {
            while let Some(m) = old.next_if(|m| m.sentence < index) {
                mentions.push(m);
            }
            while old.next_if(|m| m.sentence == index).is_some() {}
            doc.scan_sentence((index, self.sentences[index]), Reading::Values, &mut fresh);
            mentions.extend(fresh.drain(..).filter(is_value));
        }
        mentions.extend(old);
        self.dateline = dateline(&mentions);
        self.mentions = mentions;
    }

    /// Reads every detail (names, titles, places, hedges as well as values) of the sentences
    /// marked in `aligned`, an extraction by [`extract_values`] of the same document, and
    /// resolves the short names among them. The other sentences keep their values only: a
    /// person, a title or a place is compared where the two documents tell the same thing,
    /// and a sentence no match and no alignment touches tells nothing the other says.
    pub fn read_names(
        &mut self,
        (text, tokens): (&str, &[Token]),
        (lang, stemmer): (Lang, &Stemmer),
        aligned: &[bool],
    ) {
        let doc = Reader {
            text,
            tokens,
            lang,
            stemmer,
        };
        let values = std::mem::take(&mut self.mentions);
        let mut mentions = Vec::with_capacity(values.len());
        let mut values = values.into_iter().peekable();
        for (index, s) in self.sentences.iter().enumerate() {
            let read = aligned.get(index).copied().unwrap_or(false);
            if read {
                doc.scan_sentence((index, *s), Reading::All, &mut mentions);
            }
            while let Some(m) = values.next_if(|m| m.sentence == index) {
                if !read {
                    mentions.push(m);
                }
            }
        }
        self.pending = resolve_short_names(&mut mentions, text);
        self.mentions = mentions;
    }
}

/// True for the details [`extract_values`] keeps.
fn is_value(m: &Mention) -> bool {
    matches!(
        m.kind,
        DetailKind::Number | DetailKind::Money | DetailKind::Duration | DetailKind::Date
    )
}

/// The full date among the details of a document's first lines, if any.
fn dateline(mentions: &[Mention]) -> Option<Day> {
    match &mentions[dateline_at(mentions)?].value {
        Value::Date(e) => day_of(e.year?, e.month?, e.day?),
        _ => None,
    }
}

/// Which of `mentions` is the document's dateline: the first full date of its first lines.
pub(crate) fn dateline_at(mentions: &[Mention]) -> Option<usize> {
    let full = |e: &DateExpr| day_of(e.year?, e.month?, e.day?);
    mentions.iter().position(|m| {
        (m.span.start < 600 || m.sentence < 4)
            && matches!(&m.value, Value::Date(e) if full(e).is_some())
    })
}

/// What a scan of a sentence reads: every detail, or the values only (names passed over).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    All,
    Values,
}

/// One document as extraction reads it.
struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lang: Lang,
    stemmer: &'a Stemmer,
}

impl Reader<'_> {
    /// Scans sentence `index` (at `span`) for details, added to `out`.
    fn scan_sentence(
        &self,
        (index, span): (usize, Span),
        reading: Reading,
        out: &mut Vec<Mention>,
    ) {
        let toks = &self.tokens[SpanIndex::new(self.tokens, Token::span).inside(span)];
        if toks.is_empty() {
            return;
        }
        let Capitals {
            letters,
            capital_letters: upper,
            ..
        } = capitals(span.slice(self.text));
        let sentence = Sentence {
            text: self.text,
            toks,
            lang: self.lang,
            lx: lexicon::get(),
            stemmer: self.stemmer,
            index,
            past: std::cell::OnceCell::new(),
            shouting: toks.len() >= 3 && upper * 10 >= letters * 7,
            heading: reading == Reading::All && is_heading(self.text, span.slice(self.text), toks),
            values_only: reading == Reading::Values,
        };
        scan(&sentence, out);
    }
}

/// How many letters a text holds, how many of them are capitals, and how many characters
/// of any kind are capitals: what tells a line in capitals (a headline) from prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Capitals {
    pub letters: usize,
    pub capital_letters: usize,
    pub capitals: usize,
}

/// Counts the [`Capitals`] of `text` in one pass, a byte at a time through ASCII (most of
/// any text in the languages we read) and a character at a time elsewhere.
pub(crate) fn capitals(text: &str) -> Capitals {
    let mut count = Capitals::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at once: capitals and small letters counted in one word.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            if word & HIGH_BITS == 0 {
                let (capitals, small) = (in_range(word, b'A', b'Z'), in_range(word, b'a', b'z'));
                count.letters += capitals + small;
                count.capital_letters += capitals;
                count.capitals += capitals;
                i += 8;
                continue;
            }
        }
        let (letter, capital, len) = if bytes[i].is_ascii() {
            let b = bytes[i];
            (b.is_ascii_alphabetic(), b.is_ascii_uppercase(), 1)
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            (c.is_alphabetic(), c.is_uppercase(), c.len_utf8())
        };
        count.letters += usize::from(letter);
        count.capital_letters += usize::from(letter && capital);
        count.capitals += usize::from(capital);
        i += len;
    }
    count
}

/// The high bit of each byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// How many of the eight ASCII bytes of `word` lie in `lo..=hi` (both ASCII): adding
/// `0x80 - lo` to a byte sets its high bit from `lo` up, and no byte carries into the next
/// because every byte and every addend is below 0x80.
fn in_range(word: u64, lo: u8, hi: u8) -> usize {
    let spread = |b: u8| u64::from(b).wrapping_mul(0x0101_0101_0101_0101);
    let from_lo = word.wrapping_add(spread(0x80 - lo));
    let above_hi = word.wrapping_add(spread(0x80 - (hi + 1)));
    (from_lo & !above_hi & HIGH_BITS).count_ones() as usize
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

/// True when a bare weekday in the sentence is the most recent one ("announced on Monday" in
/// Wednesday's paper): no word of the sentence outside its quotation marks speaks of what
/// comes, in the document's language, and for a language that tells plans in the present
/// tense (Dutch), some word speaks of the past ([`lexicon::Tense::tells_past`]). The cues
/// are in `assets/details/tense.txt`.
fn is_past(text: &str, toks: &[Token], lang: Lang) -> bool {
    lexicon::get()
        .tenses
        .get(&lang)
        .is_none_or(|tense| tense.tells_past(text, toks))
}

/// Lower-case words that can open a detail: hedges, relative dates, weekdays (and their
/// plurals), months, number words, titles, articles ("an hour", "a school"), ordinals
/// ("fourth quarter"), "noon".
/// Every other lower-case word that is not a number is skipped without trying each rule, which
/// is most words of a long text.
fn starters() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lx = lexicon::get();
        let mut set: HashSet<String> = HashSet::default();
        set.extend(lx.numbers.keys().cloned());
        set.extend(lx.phrase_starts.iter().cloned());
        // Their plurals too ("Mondays"): one look-up for a word ending in "s".
        set.extend(lx.phrase_starts.iter().map(|w| format!("{w}s")));
        set.extend(lx.months.keys().cloned());
        set.extend(lx.titles.iter().cloned());
        set.extend(lx.name_words.articles.iter().cloned());
        set.extend(lx.ordinals.keys().cloned());
        set.extend(lx.clock_words.keys().cloned());
        set
    })
}

impl Sentence<'_> {
    /// True when word `i` is a definite article and the next a fraction word ("die Hälfte",
    /// "la moitié", "de helft").
    fn share_after_article(&self, i: usize) -> bool {
        i + 1 < self.toks.len()
            && self.lx.name_words.definite_articles.contains(self.norm(i))
            && self.joined(i + 1)
            && self.number_word(i + 1).is_some_and(|v| v < 1.0)
    }

    /// False when no rule of [`scan`] can start at word `i`.
    fn may_start_detail(&self, i: usize) -> bool {
        let norm = self.norm(i);
        let unsigned = norm.strip_prefix('-').unwrap_or(norm);
        unsigned.starts_with(|c: char| c.is_ascii_digit())
            || self.is_cap(i)
            || starters().contains(norm)
            || self
                .after_elided_de(i)
                .is_some_and(|w| self.lx.phrase_starts.contains(w))
    }
}

/// Where the figure a numeric hedge ending before word `end` qualifies starts, if one
/// follows: at `end` ("about 40", "almost an hour"), or past a definite article before a
/// share of a whole ("mehr als die Hälfte", "plus de la moitié", "más de la mitad").
fn figure_after_hedge(s: &Sentence, end: usize) -> Option<usize> {
    let next_is_quantity = s.number_at(end).is_some()
        || s.lx.name_words.articles.contains(s.norm(end))
        || s.date_part(end).is_some()
        || s.gap(end).contains(['$', '€', '£']);
    if next_is_quantity && end < s.toks.len() {
        Some(end)
    } else if s.share_after_article(end) {
        Some(end + 1)
    } else {
        None
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
            if let Some(figure) = figure_after_hedge(s, end) {
                pending_hedge = Some((kind, i));
                i = figure;
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
        if s.lx.name_words.articles.contains(s.norm(i)) && i + 1 < n {
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

#[cfg(test)]
mod tests;
