//! The word lists of `assets/`: the one reader of list files, and the details' lists parsed.
//!
//! Users will want to add a title, an agency or a hedge without touching code, so every word
//! list lives in a text file under `assets/` loaded with `include_str!`. [`lines`] and
//! [`words`] read every such file (comments, blank lines); the modules that own a list parse
//! its lines once into their own table. This module also parses the details' lists into
//! lookup tables (phrases as sequences of normalised words) and tells a document's language;
//! it decides nothing else.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::normalize::{tokenize, Token};

mod language;
mod tense;
pub use tense::Tense;

/// A language quotediff knows words of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// German.
    De,
    /// Portuguese.
    Pt,
    /// Italian.
    It,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The language of an ISO 639-1 code ("nl"), if quotediff knows its words.
    pub(crate) fn from_code(code: &str) -> Option<Lang> {
        Some(match code {
            "en" => Lang::En,
            "es" => Lang::Es,
            "fr" => Lang::Fr,
            "de" => Lang::De,
            "pt" => Lang::Pt,
            "it" => Lang::It,
            "nl" => Lang::Nl,
            _ => return None,
        })
    }

    /// Its ISO 639-1 code, the key of the language-specific word lists.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Pt => "pt",
            Lang::It => "it",
            Lang::Nl => "nl",
        }
    }

    /// The language of a document, from the function words among its first
    /// [`LANGUAGE_SAMPLE_WORDS`] words (English when none is known). The pipeline asks once
    /// per document and hands the answer to the stages that need it (details, paraphrase,
    /// differences), so they can never disagree on a document's language.
    pub(crate) fn of_document(tokens: &[Token]) -> Lang {
        let words = tokens.iter().take(LANGUAGE_SAMPLE_WORDS);
        Lang::from_code(language::language_of(words.map(|t| t.norm.as_str()))).unwrap_or(Lang::En)
    }
}

/// How many of a document's first words tell its language: enough to tell the function words
/// of a page apart, few enough to cost nothing on a book.
const LANGUAGE_SAMPLE_WORDS: usize = 5000;

/// How an approximator widens the number it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HedgeKind {
    /// "almost": just under the value.
    Below,
    /// "about": either side of it.
    Around,
    /// "more than": above it.
    Above,
    /// "at least": the value or more.
    AtLeast,
    /// "up to": the value or less.
    AtMost,
    /// "apparently": a doubt about the statement, not about a number.
    Epistemic,
}

/// A day, week, month or year named relative to the document's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// `day OFFSET`: "yesterday" is -1.
    Day(i32),
    /// `part START END`: a part of the reference day, in hours ("this afternoon").
    Part(u32, u32),
    /// `week OFFSET`: "last week" is -1.
    Week(i32),
    /// `month+ OFFSET`.
    Month(i32),
    /// `year+ OFFSET`.
    Year(i32),
}

/// A known organisation.
#[derive(Debug, Clone)]
pub struct KnownOrg {
    /// Its acronym, the key other mentions are joined on.
    pub acronym: String,
    /// Acronym of the body it belongs to.
    pub parent: Option<String>,
}

/// Positions in a phrase list (kept longest first) by the phrase's first word, so that a
/// lookup tries only the few phrases that can match instead of the whole list.
#[derive(Debug, Default)]
pub struct FirstWords(HashMap<String, Vec<usize>>);

impl FirstWords {
    fn of<T>(list: &[(Vec<String>, T)]) -> FirstWords {
        let mut map: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, (phrase, _)) in list.iter().enumerate() {
            if let Some(first) = phrase.first() {
                map.entry(first.clone()).or_default().push(k);
            }
        }
        FirstWords(map)
    }

    /// Positions, in list order, of the phrases that start with `word`, or with `word`
    /// without a final "s" (a possessive: "Saturday's" is folded to "saturdays").
    pub fn candidates(&self, word: &str) -> Vec<usize> {
        let exact = self.0.get(word).map_or(&[][..], Vec::as_slice);
        let stripped = word
            .strip_suffix('s')
            .and_then(|w| self.0.get(w))
            .map_or(&[][..], Vec::as_slice);
        let mut out: Vec<usize> = exact.iter().chain(stripped).copied().collect();
        if !stripped.is_empty() && !exact.is_empty() {
            out.sort_unstable();
        }
        out
    }
}

/// Every list, parsed.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Number words per language.
    pub numbers: HashMap<String, Vec<(Lang, f64)>>,
    /// Multipliers ("million") per language.
    pub multipliers: HashMap<String, Vec<(Lang, f64)>>,
    /// Short forms of multipliers ("bn" for "billion", "Mio." for "Millionen"), per language,
    /// with the word written out: "£340m" and "£340 million" are one figure.
    pub multiplier_short: HashMap<String, Vec<(Lang, String)>>,
    /// Hedge phrases.
    pub hedges: Vec<(Vec<String>, HedgeKind)>,
    /// First words of the hedge, weekday and relative-date phrases, to skip most words fast.
    pub phrase_starts: HashSet<String>,
    /// [`Lexicon::hedges`] by first word.
    pub hedges_by_first: FirstWords,
    /// [`Lexicon::weekdays`] by first word.
    pub weekdays_by_first: FirstWords,
    /// [`Lexicon::relatives`] by first word.
    pub relatives_by_first: FirstWords,
    /// Month names and abbreviations, 1..=12.
    pub months: HashMap<String, u32>,
    /// Weekday names as phrases, 1 = Monday.
    pub weekdays: Vec<(Vec<String>, u32)>,
    /// Relative date phrases.
    pub relatives: Vec<(Vec<String>, Relative)>,
    /// Relative date words that count only in some languages ("hier" is French, "morgen"
    /// German and Dutch).
    pub relative_lang: HashMap<String, Vec<Lang>>,
    /// Tense cues per language (`assets/details/tense.txt`).
    pub tenses: HashMap<Lang, Tense>,
    /// Units of time, in minutes.
    pub durations: HashMap<String, f64>,
    /// Title words, normalised.
    pub titles: HashSet<String>,
    /// Abbreviated titles to their full form ("gov" → "governor").
    pub title_alias: HashMap<String, String>,
    /// Words that continue a title after "of" ("Secretary of State").
    pub title_complements: HashSet<String>,
    /// Words that qualify a title right after it ("secrétaire général", "maire adjoint").
    pub title_modifiers: HashSet<String>,
    /// Words joined by a hyphen before a title ("sous-préfet", "vice-presidente").
    pub title_prefixes: HashSet<String>,
    /// Title words long enough to end a German or Dutch compound title
    /// ("Bundesgesundheitsminister", "staatssecretaris"): see [`Lexicon::is_title`].
    pub title_heads: Vec<String>,
    /// Words that make a name an organisation.
    pub org_keywords: HashSet<String>,
    /// Words naming a chamber of a parliament ("Senato", "Camera", "Bundesrat"): two
    /// chambers in one retold sentence are one body swapped for another.
    pub chambers: HashSet<String>,
    /// Known organisations by acronym and by folded full name.
    pub orgs: HashMap<String, KnownOrg>,
    /// Common nouns for a kind of place, to the kind.
    pub generic_places: HashMap<String, String>,
    /// Words that make a name a place of a kind.
    pub named_places: HashMap<String, String>,
    /// Well-known places, folded and without accents: asked through [`Lexicon::is_place`].
    places: HashSet<String>,
    /// Parts of the day after a date ("Monday morning"), in hours.
    pub day_parts: HashMap<String, (f64, f64)>,
    /// Ordinal words ("fourth", "4th", "cuarto"), for quarters.
    pub ordinals: HashMap<String, u32>,
    /// Times of day in words ("noon"), in hours.
    pub clock_words: HashMap<String, (f64, f64)>,
    /// The closed lists read around dates (`assets/details/dates.txt`).
    pub date_words: DateWords,
    /// The closed lists read around figures (`assets/details/quantities.txt`).
    pub figure_words: FigureWords,
    /// Phrases after a figure that make it a percentage ("per cent").
    pub percent: Vec<Vec<String>>,
    /// Phrases after a figure that make it percentage points.
    pub points: Vec<Vec<String>>,
    /// Phrases after a figure that make it basis points.
    pub basis_points: Vec<Vec<String>>,
    /// Currency words to their symbol ("euros" → "€").
    pub currencies: HashMap<String, String>,
    /// The closed lists read around names (`assets/details/name_words.txt`).
    pub name_words: NameWords,
    /// Words whose full stop does not end a sentence ("Mr.", "Gov.", "approx."), lower case
    /// (`assets/abbreviations.txt`): the one list the sentence cutter and attribution read.
    pub abbreviations: HashSet<String>,
}

/// The closed word lists read around names, from `assets/details/name_words.txt` (what each
/// list is for is said there).
#[derive(Debug, Default)]
pub struct NameWords {
    /// "a", "one", "ein".
    pub articles: HashSet<String>,
    /// Words joining the words of one name ("of", "de").
    pub connectors: HashSet<String>,
    /// Words joining two names ("and", "y").
    pub and_words: HashSet<String>,
    /// Particles inside a surname ("de", "van").
    pub particles: HashSet<String>,
    /// Prepositions before a place ("in", "à").
    pub locatives: HashSet<String>,
    /// Common nouns after names that make them places ("Fresno and Kern counties").
    pub place_heads: HashSet<String>,
    /// Last words of the name of a law or treaty.
    pub law_words: HashSet<String>,
    /// Words that open a German noun phrase, never a name.
    pub german_determiners: HashSet<String>,
    /// Endings of German names of bodies.
    pub german_org_endings: Vec<String>,
    /// Endings of German common nouns no surname has.
    pub german_noun_endings: Vec<String>,
    /// Words that open a run of capitalised words without being part of its name ("The").
    pub name_openers: HashSet<String>,
    /// Definite articles that may open a capitalised name ("Der Bundesrat", "De Tweede
    /// Kamer") without being part of it.
    pub definite_articles: HashSet<String>,
}

impl NameWords {
    /// True when a German compound `word` (lower case) names a body by its ending
    /// ("kreditanstalt", "finanzamt", "aufsichtsrat"): the one reading the extractor and the
    /// differences share.
    pub fn is_german_body(&self, word: &str) -> bool {
        self.german_org_endings
            .iter()
            .any(|e| word.ends_with(e.as_str()))
    }
}

/// The closed word lists read around dates, from `assets/details/dates.txt` (what each list
/// is for is said there).
#[derive(Debug, Default)]
pub struct DateWords {
    /// Before a weekday, put it after the document's date ("next", "próximo").
    pub next: HashSet<String>,
    /// Before a weekday, put it before the document's date ("last", "pasado").
    pub last: HashSet<String>,
    /// After the digits of a day ("1st", "1er").
    pub day_suffixes: HashSet<String>,
    /// Between a day and its month, or a month and its year ("15 de marzo").
    pub date_de: HashSet<String>,
    /// A quarter of a year after its ordinal ("quarter", "trimestre").
    pub quarter: HashSet<String>,
    /// Between a quarter and its year ("of", "de").
    pub quarter_year: HashSet<String>,
    /// Before a year on its own that make it a date ("in", "desde").
    pub year_after: HashSet<String>,
    /// Between two parts of one date ("at", "on", "a las").
    pub part_joiners: HashSet<String>,
    /// After an hour, make it a time ("Uhr").
    pub hour_words: HashSet<String>,
    /// Between a day and its month, for the differences ("de", "di", "of").
    pub month_joiners: HashSet<String>,
    /// Before a month named alone, make it a date ("in April", "en abril").
    pub month_after: HashSet<String>,
}

/// The closed word lists read around figures, from `assets/details/quantities.txt` (what
/// each list is for is said there).
#[derive(Debug, Default)]
pub struct FigureWords {
    /// Percentage points after a fraction ("a quarter point").
    pub point: HashSet<String>,
    /// A hundredth of a dollar ("cents").
    pub cent: HashSet<String>,
    /// Between a figure and its currency ("de", "of").
    pub currency_joiners: HashSet<String>,
    /// English verbs that end the thing a figure counts ("were", "said").
    pub verbs: HashSet<String>,
    /// After the digits of an ordinal ("rd", "ème").
    pub ordinal_suffixes: HashSet<String>,
    /// Name a single thing ("an agent", "one agent").
    pub one: HashSet<String>,
}

impl DateWords {
    /// The list a line of `assets/details/dates.txt` named `name` adds to, if it is one.
    fn list(&mut self, name: &str) -> Option<&mut HashSet<String>> {
        Some(match name {
            "next" => &mut self.next,
            "last" => &mut self.last,
            "day-suffix" => &mut self.day_suffixes,
            "date-de" => &mut self.date_de,
            "quarter" => &mut self.quarter,
            "quarter-year" => &mut self.quarter_year,
            "year-after" => &mut self.year_after,
            "part-joiner" => &mut self.part_joiners,
            "hour-word" => &mut self.hour_words,
            "month-joiner" => &mut self.month_joiners,
            "month-after" => &mut self.month_after,
            _ => return None,
        })
    }
}

impl FigureWords {
    /// The list a line of `assets/details/quantities.txt` named `name` adds to, if it is one.
    fn list(&mut self, name: &str) -> Option<&mut HashSet<String>> {
        Some(match name {
            "point-word" => &mut self.point,
            "cent-word" => &mut self.cent,
            "currency-joiner" => &mut self.currency_joiners,
            "figure-verb" => &mut self.verbs,
            "ordinal-suffix" => &mut self.ordinal_suffixes,
            "one-word" => &mut self.one,
            _ => return None,
        })
    }
}

impl Lexicon {
    /// The value of a number word in a language ("quatro" in Portuguese is 4).
    pub fn number(&self, lang: Lang, word: &str) -> Option<f64> {
        let values = self.numbers.get(word)?;
        values.iter().find(|(l, _)| *l == lang).map(|(_, v)| *v)
    }

    /// True when `folded` (a name as [`compact_phrase`] folds it) is a well-known place,
    /// accents aside: articles write "México" and "Mexico", "États-Unis" and "Etats-Unis", and
    /// the list holds each name once, with or without them.
    pub fn is_place(&self, folded: &str) -> bool {
        self.places.contains(unaccented(folded).as_ref())
    }

    /// True for a title word, and in German or Dutch for a compound that ends in a long one
    /// ("Bundesgesundheitsminister", "Gesundheitsministerin", "oud-minister"): those
    /// languages write the office and its field as one word, and no list can hold them all.
    pub fn is_title(&self, word: &str, lang: Lang) -> bool {
        self.titles.contains(word)
            || (matches!(lang, Lang::De | Lang::Nl) && self.title_head(word).is_some())
    }

    /// The title word a German or Dutch compound title ends in ("minister" for
    /// "bundesgesundheitsminister"), when the word is longer than it.
    pub fn title_head(&self, word: &str) -> Option<&str> {
        self.title_heads
            .iter()
            .find(|head| word.len() > head.len() + 2 && word.ends_with(head.as_str()))
            .map(String::as_str)
    }

    /// The factor of a multiplier word in a language ("million").
    pub fn multiplier(&self, lang: Lang, word: &str) -> Option<f64> {
        let values = self.multipliers.get(word)?;
        values.iter().find(|(l, _)| *l == lang).map(|(_, v)| *v)
    }
}

/// Normalised words of a phrase as the tokenizer would cut them.
pub fn phrase(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .map(|t| t.norm.to_string())
        .collect()
}

/// [`phrase`] with runs of single letters joined, as names fold them ("U.S." → "us").
pub fn compact_phrase(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut prev_single = false;
    for w in phrase(text) {
        let single = w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
        match out.last_mut() {
            Some(last) if single && prev_single => last.push_str(&w),
            _ => out.push(w),
        }
        prev_single = single;
    }
    out.join(" ")
}

/// `word` without its accents ("México" → "Mexico"); borrowed when it has none to drop.
fn unaccented(word: &str) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.nfd()
            .filter(|ch| !unicode_normalization::char::is_combining_mark(*ch))
            .collect(),
    )
}

/// The lines of a list file in `assets/` that say something: trimmed, without blank lines and
/// `#` comments. The one reader of every word list; what a line means is its module's to say.
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every word of a list file that is only words, in file order (see [`lines`]).
pub(crate) fn words(file: &'static str) -> impl Iterator<Item = &'static str> {
    lines(file).flat_map(str::split_whitespace)
}

/// The lexicon, built on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

fn build() -> Lexicon {
    let mut lx = Lexicon::default();
    read_numbers(&mut lx);
    read_hedges(&mut lx);
    read_dates(&mut lx);
    index_phrases(&mut lx);
    read_durations(&mut lx);
    tense::read_tenses(&mut lx);
    read_titles(&mut lx);
    read_organisations(&mut lx);
    read_places(&mut lx);
    read_quantities(&mut lx);
    read_name_words(&mut lx);
    lx.abbreviations = words(include_str!("../assets/abbreviations.txt"))
        .map(str::to_lowercase)
        .collect();
    lx
}

/// Percentages, points, basis points and currency words.
fn read_quantities(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/quantities.txt")) {
        let words = |rest: &str| rest.split_whitespace().map(str::to_string).collect();
        let Some((kind, rest)) = line.split_once(' ') else {
            continue;
        };
        if let Some(list) = lx.figure_words.list(kind) {
            list.extend(rest.split_whitespace().map(str::to_string));
            continue;
        }
        match kind {
            "percent" => lx.percent.push(words(rest)),
            "points" => lx.points.push(words(rest)),
            "basis-points" => lx.basis_points.push(words(rest)),
            "currency" => {
                let mut parts = rest.split_whitespace();
                if let Some(symbol) = parts.next() {
                    for w in parts {
                        lx.currencies.insert(w.to_string(), symbol.to_string());
                    }
                }
            }
            _ => {}
        }
    }
}

/// The lists read around names.
fn read_name_words(lx: &mut Lexicon) {
    let w = &mut lx.name_words;
    for line in lines(include_str!("../assets/details/name_words.txt")) {
        let mut parts = line.split_whitespace();
        let list = match parts.next() {
            Some("articles") => &mut w.articles,
            Some("connectors") => &mut w.connectors,
            Some("and-words") => &mut w.and_words,
            Some("particles") => &mut w.particles,
            Some("locatives") => &mut w.locatives,
            Some("place-heads") => &mut w.place_heads,
            Some("law-words") => &mut w.law_words,
            Some("german-determiners") => &mut w.german_determiners,
            Some("name-openers") => &mut w.name_openers,
            Some("definite-articles") => &mut w.definite_articles,
            Some("german-org-endings") => {
                w.german_org_endings.extend(parts.map(str::to_string));
                continue;
            }
            Some("german-noun-endings") => {
                w.german_noun_endings.extend(parts.map(str::to_string));
                continue;
            }
            _ => continue,
        };
        list.extend(parts.map(str::to_string));
    }
}

/// The numbers in words and the multipliers ("two", "million"), per language.
fn read_numbers(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/numbers.txt")) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let Some(lang) = parts.first().and_then(|c| Lang::from_code(c)) else {
            continue;
        };
        match parts.as_slice() {
            [_, "short", short, word] => lx
                .multiplier_short
                .entry(short.to_lowercase())
                .or_default()
                .push((lang, word.to_string())),
            [_, "x", word, factor] => {
                if let Ok(f) = factor.parse() {
                    lx.multipliers
                        .entry(phrase(word).join(" "))
                        .or_default()
                        .push((lang, f));
                }
            }
            [_, word, value] => {
                if let Ok(v) = value.parse() {
                    lx.numbers
                        .entry(phrase(word).join(" "))
                        .or_default()
                        .push((lang, v));
                }
            }
            _ => {}
        }
    }
}

/// Hedges ("about", "at least"), longest phrase first so "at least" wins over a shorter overlap.
fn read_hedges(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/hedges.txt")) {
        let Some((kind, words)) = line.split_once(' ') else {
            continue;
        };
        let kind = match kind {
            "below" => HedgeKind::Below,
            "around" => HedgeKind::Around,
            "above" => HedgeKind::Above,
            "atleast" => HedgeKind::AtLeast,
            "atmost" => HedgeKind::AtMost,
            _ => HedgeKind::Epistemic,
        };
        lx.hedges.push((phrase(words), kind));
    }
    // Longest phrase first, so "at least" wins over a shorter overlap.
    lx.hedges.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
}

/// Months, weekdays and relative dates ("yesterday", "last week"), longest phrase first.
fn read_dates(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/dates.txt")) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if let Some(list) = parts.first().and_then(|name| lx.date_words.list(name)) {
            list.extend(parts[1..].iter().map(|w| w.to_string()));
            continue;
        }
        let num = |k: usize| parts.get(k).and_then(|s| s.parse::<i32>().ok());
        match parts.first().copied() {
            Some("month") => {
                if let Some(n) = num(1) {
                    for w in &parts[2..] {
                        lx.months.insert(phrase(w).join(" "), n as u32);
                    }
                }
            }
            Some("weekday") => {
                if let Some(n) = num(1) {
                    for w in &parts[2..] {
                        lx.weekdays.push((phrase(w), n as u32));
                    }
                }
            }
            Some(kind @ ("day" | "week" | "month+" | "year+")) => {
                if let Some(n) = num(1) {
                    let rel = match kind {
                        "day" => Relative::Day(n),
                        "week" => Relative::Week(n),
                        "month+" => Relative::Month(n),
                        _ => Relative::Year(n),
                    };
                    lx.relatives.push((phrase(&parts[2..].join(" ")), rel));
                }
            }
            Some("only") => {
                if let Some(lang) = parts.get(1).and_then(|c| Lang::from_code(c)) {
                    for w in &parts[2..] {
                        lx.relative_lang
                            .entry(phrase(w).join(" "))
                            .or_default()
                            .push(lang);
                    }
                }
            }
            Some(kind @ ("daypart" | "clock")) => {
                let hour = |k: usize| parts.get(k).and_then(|s| s.parse::<f64>().ok());
                let table = match kind {
                    "daypart" => &mut lx.day_parts,
                    _ => &mut lx.clock_words,
                };
                if let (Some(a), Some(b)) = (hour(1), hour(2)) {
                    for w in &parts[3..] {
                        table.insert(w.to_string(), (a, b));
                    }
                }
            }
            Some("ordinal") => {
                if let Some(n) = num(1) {
                    for w in &parts[2..] {
                        lx.ordinals.insert(w.to_string(), n as u32);
                    }
                }
            }
            Some("part") => {
                if let (Some(a), Some(b)) = (num(1), num(2)) {
                    let rel = Relative::Part(a as u32, b as u32);
                    lx.relatives.push((phrase(&parts[3..].join(" ")), rel));
                }
            }
            _ => {}
        }
    }
    lx.relatives
        .sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    lx.weekdays.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
}

/// The first words of the hedge, weekday and relative-date phrases, to look phrases up by.
fn index_phrases(lx: &mut Lexicon) {
    let firsts = lx
        .hedges
        .iter()
        .map(|(p, _)| p)
        .chain(lx.weekdays.iter().map(|(p, _)| p))
        .chain(lx.relatives.iter().map(|(p, _)| p))
        .filter_map(|p| p.first().cloned())
        .collect();
    lx.phrase_starts = firsts;
    lx.hedges_by_first = FirstWords::of(&lx.hedges);
    lx.weekdays_by_first = FirstWords::of(&lx.weekdays);
    lx.relatives_by_first = FirstWords::of(&lx.relatives);
}

/// Durations in words ("an hour"), in minutes.
fn read_durations(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/durations.txt")) {
        let mut parts = line.split_whitespace();
        let Some(minutes) = parts.next().and_then(|m| m.parse::<f64>().ok()) else {
            continue;
        };
        for w in parts {
            lx.durations.insert(phrase(w).join(" "), minutes);
        }
    }
}

/// Titles and offices, their complements and short forms.
fn read_titles(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/titles.txt")) {
        if let Some(rest) = line.strip_prefix("complement ") {
            lx.title_complements
                .extend(rest.split_whitespace().map(|w| phrase(w).join(" ")));
            continue;
        }
        if let Some(rest) = line.strip_prefix("modifier ") {
            lx.title_modifiers
                .extend(rest.split_whitespace().map(|w| phrase(w).join(" ")));
            continue;
        }
        if let Some(rest) = line.strip_prefix("prefix ") {
            lx.title_prefixes
                .extend(rest.split_whitespace().map(|w| phrase(w).join(" ")));
            continue;
        }
        if let Some(rest) = line.strip_prefix("= ") {
            if let Some((short, full)) = rest.split_once(' ') {
                lx.title_alias
                    .insert(phrase(short).join(" "), phrase(full).join(" "));
                lx.titles.insert(phrase(short).join(" "));
            }
            continue;
        }
        for w in line.split_whitespace() {
            // "vice-president" is two tokens; its last word carries the title.
            if let Some(last) = phrase(w).pop() {
                lx.titles.insert(last);
            }
        }
    }
    // Longest first, so "ministerin" is the head of "Gesundheitsministerin", not "minister".
    lx.title_heads = lx
        .titles
        .iter()
        .filter(|w| w.chars().count() >= MIN_TITLE_HEAD)
        .cloned()
        .collect();
    lx.title_heads
        .sort_unstable_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
}

/// Fewest letters of a title word that ends a compound title: "minister", "kanzler",
/// "sprecher", not "rat" or "chef", which end too many other words.
const MIN_TITLE_HEAD: usize = 6;

/// Organisation keywords and known organisations with their acronyms and parents.
fn read_organisations(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/organizations.txt")) {
        if let Some(rest) = line.strip_prefix("keywords ") {
            lx.org_keywords
                .extend(rest.split_whitespace().map(|w| phrase(w).join(" ")));
        } else if let Some(rest) = line.strip_prefix("chambers ") {
            lx.chambers
                .extend(rest.split_whitespace().map(|w| phrase(w).join(" ")));
        } else if let Some(rest) = line.strip_prefix("org ") {
            let fields: Vec<&str> = rest.split('|').map(str::trim).collect();
            if let [acronym, full, parent] = fields.as_slice() {
                let org = KnownOrg {
                    acronym: acronym.to_string(),
                    parent: (!parent.is_empty()).then(|| parent.to_string()),
                };
                lx.orgs.insert(compact_phrase(full), org.clone());
                lx.orgs.insert(acronym.to_lowercase(), org);
            }
        }
    }
}

/// Generic and named places, and place names.
fn read_places(lx: &mut Lexicon) {
    for line in lines(include_str!("../assets/details/places.txt")) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["generic", class, nouns @ ..] => {
                for n in nouns {
                    lx.generic_places
                        .insert(phrase(n).join(" "), class.to_string());
                }
            }
            ["named", class, words @ ..] => {
                for w in words {
                    lx.named_places
                        .insert(phrase(w).join(" "), class.to_string());
                }
            }
            ["place", name @ ..] => {
                let folded = compact_phrase(&name.join(" "));
                lx.places.insert(unaccented(&folded).into_owned());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
