//! Finding quotations in a text and naming who is quoted.
//!
//! Quotation marks are ambiguous: a straight `"` both opens and closes, `’` is also an
//! apostrophe (`agent’s`, `’90s`, the plural possessive `agents’`), German opens with `„` and
//! closes with `“` (which opens in English), French uses `« »` with spaces inside, and a
//! quotation that runs over several paragraphs leaves each paragraph open and reopens the next
//! one. A regular expression cannot keep those apart, so this module scans each paragraph with
//! a stack of open marks and decides every mark from its neighbours. It reports top-level
//! quotations only; quotations nested inside them are part of their text.

use std::collections::{HashMap, HashSet};

use compact_str::CompactString;
use std::sync::OnceLock;

use crate::normalize::{is_apostrophe, is_word_char};
use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

/// One quotation in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without the quotation marks and the whitespace just inside them.
    /// A quotation over several paragraphs covers them all, reopening marks included.
    pub inner: Span,
    /// The quotation with its marks.
    pub outer: Span,
    /// False when the text ended (or the paragraph ended without a continuation) before a
    /// closing mark: the quotation is taken to run to that point.
    pub closed: bool,
    /// Who the text says is speaking, when an attribution names them (best effort).
    pub speaker: Option<String>,
}

/// Kinds of opening mark, each with the closers that end it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `"` straight double.
    StraightDouble,
    /// `'` straight single.
    StraightSingle,
    /// `“` English double (closed by `”`).
    CurlyDouble,
    /// `‘` English single (closed by `’`).
    CurlySingle,
    /// `„` low double (closed by `“` German, or `”` Polish/Romanian).
    LowDouble,
    /// `‚` low single (closed by `‘` or `’`).
    LowSingle,
    /// `«` (closed by `»`).
    Guillemet,
    /// `»` opening, German style (closed by `«`).
    ReversedGuillemet,
    /// `‹` single guillemet (closed by `›`).
    SingleGuillemet,
}

impl Mark {
    fn opener(c: char) -> Option<Mark> {
        Some(match c {
            '"' => Mark::StraightDouble,
            '\'' => Mark::StraightSingle,
            '\u{201c}' => Mark::CurlyDouble,
            '\u{2018}' => Mark::CurlySingle,
            '\u{201e}' => Mark::LowDouble,
            '\u{201a}' => Mark::LowSingle,
            '\u{ab}' => Mark::Guillemet,
            '\u{bb}' => Mark::ReversedGuillemet,
            '\u{2039}' => Mark::SingleGuillemet,
            _ => return None,
        })
    }

    fn closed_by(self, c: char) -> bool {
        match self {
            Mark::StraightDouble => c == '"' || c == '\u{201d}',
            Mark::StraightSingle => c == '\'' || c == '\u{2019}',
            Mark::CurlyDouble => c == '\u{201d}' || c == '"',
            Mark::CurlySingle => c == '\u{2019}' || c == '\'',
            Mark::LowDouble => c == '\u{201c}' || c == '\u{201d}',
            Mark::LowSingle => c == '\u{2018}' || c == '\u{2019}',
            Mark::Guillemet => c == '\u{bb}',
            Mark::ReversedGuillemet => c == '\u{ab}',
            Mark::SingleGuillemet => c == '\u{203a}',
        }
    }

    fn is_single(self) -> bool {
        matches!(
            self,
            Mark::StraightSingle | Mark::CurlySingle | Mark::LowSingle | Mark::SingleGuillemet
        )
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201e}'
            | '\u{201a}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{2039}'
            | '\u{203a}'
    )
}

/// Characters after which a quotation may open: start of text, space, opening punctuation.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ';' | ',')
                || (is_quote_char(p) && p != '\'' && p != '\u{2019}')
        }
    }
}

/// A paragraph of text. Where the text has blank lines, they separate paragraphs and a
/// single line break is only a wrapped line (hard-wrapped releases, transcripts); without
/// blank lines, each line is a paragraph (articles that put one paragraph on each line).
struct Paragraph {
    start: usize,
    end: usize,
}

fn paragraphs(text: &str) -> Vec<Paragraph> {
    let blank_line_separated = has_blank_line(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{2029}' {
            let line_blank = text[line_start..i].trim().is_empty();
            if !blank_line_separated || line_blank || c == '\u{2029}' {
                out.push(Paragraph { start, end: i });
                start = i + c.len_utf8();
            }
            line_start = i + c.len_utf8();
        }
    }
    out.push(Paragraph {
        start,
        end: text.len(),
    });
    out.retain(|p| !text[p.start..p.end].trim().is_empty());
    out
}

fn has_blank_line(text: &str) -> bool {
    let mut previous_was_break = false;
    for c in text.chars() {
        match c {
            '\n' if previous_was_break => return true,
            '\n' => previous_was_break = true,
            ' ' | '\t' | '\r' | '\u{a0}' => {}
            _ => previous_was_break = false,
        }
    }
    false
}

/// An open mark on the stack: its kind and the byte offset of the mark.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    at: usize,
    len: usize,
}

/// Finds every top-level quotation in `text`, in order, with its speaker.
pub fn find_quotations(text: &str) -> Vec<Quotation> {
    let mut found = find_unattributed(text);
    assign_speakers(text, &mut found);
    found
}

/// [`find_quotations`] without speakers (all `None`): naming speakers is a separate pass,
/// [`assign_speakers`], that a caller may run beside other work.
pub fn find_unattributed(text: &str) -> Vec<Quotation> {
    let paras = paragraphs(text);
    let mut found: Vec<Quotation> = Vec::new();
    // An outer quotation left open at the end of the previous paragraph.
    let mut carried: Option<Open> = None;
    for (pi, para) in paras.iter().enumerate() {
        let body = &text[para.start..para.end];
        let chars: Vec<(usize, char)> = body
            .char_indices()
            .map(|(i, c)| (i + para.start, c))
            .collect();
        let mut stack: Vec<Open> = Vec::new();
        let mut first_word_seen = false;
        if let Some(open) = carried.take() {
            stack.push(open);
        }
        for k in 0..chars.len() {
            let (at, c) = chars[k];
            if is_word_char(c) {
                first_word_seen = true;
            }
            if !is_quote_char(c) {
                continue;
            }
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            let next = chars.get(k + 1).map(|&(_, n)| n);
            // A reopening mark at the start of a continued paragraph is not a new quotation.
            if !first_word_seen
                && stack.len() == 1
                && stack[0].at < para.start
                && Mark::opener(c).is_some_and(|m| same_family(m, stack[0].mark))
            {
                first_word_seen = true;
                continue;
            }
            if is_apostrophe_here(c, prev, next, &chars, k, &stack) {
                continue;
            }
            // Close the innermost open quotation this mark can close. A mark that reads as an
            // opener (space before, word after) only closes when it cannot open anything new
            // inside: `“a „b“ c”` closes the `„`, but `“a “b” c”` nests.
            let looks_open = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
            if let Some(depth) = stack.iter().rposition(|o| o.mark.closed_by(c)) {
                let ambiguous = Mark::opener(c).is_some() && c != '"';
                if !(ambiguous && looks_open && depth + 1 < stack.len()) {
                    let open = stack[depth];
                    stack.truncate(depth);
                    if stack.is_empty() {
                        found.push(make_quotation(text, open, at, c.len_utf8(), true));
                    }
                    continue;
                }
            }
            if let Some(mark) = Mark::opener(c) {
                let opens = looks_open || (mark == Mark::Guillemet && opens_after(prev));
                // `»` opens only in the German reversed style, where a `«` closes later.
                let plausible = match mark {
                    Mark::ReversedGuillemet => chars[k + 1..].iter().any(|&(_, d)| d == '\u{ab}'),
                    Mark::StraightSingle | Mark::CurlySingle => has_single_closer(&chars[k + 1..]),
                    _ => true,
                };
                if opens && plausible {
                    stack.push(Open {
                        mark,
                        at,
                        len: c.len_utf8(),
                    });
                }
            }
        }
        // A paragraph that leaves a quotation open: does the next one continue it?
        if let Some(&outer) = stack.first() {
            // Either the next paragraph reopens it (the convention for a quotation over
            // several paragraphs), or it closes it first thing: then the break was only a
            // line break inside the quotation.
            let continues = paras.get(pi + 1).is_some_and(|n| {
                let next = &text[n.start..n.end];
                let reopens = next
                    .trim_start()
                    .chars()
                    .next()
                    .and_then(Mark::opener)
                    .is_some_and(|m| same_family(m, outer.mark));
                reopens || closes_first(next, outer.mark)
            });
            if continues {
                carried = Some(outer);
            } else {
                found.push(make_quotation(text, outer, para.end, 0, false));
            }
        }
    }
    found.sort_by_key(|q| q.outer.start);
    found.retain(|q| !q.inner.is_empty());
    found
}

/// True when the first quotation mark of `paragraph` that could close `mark` does close it
/// (a non-space before it) and no opening mark of the same family comes before it.
fn closes_first(paragraph: &str, mark: Mark) -> bool {
    let mut prev: Option<char> = None;
    for c in paragraph.chars() {
        if is_quote_char(c) && !(is_apostrophe(c) && prev.is_some_and(is_word_char)) {
            if mark.closed_by(c) && prev.is_some_and(|p| !p.is_whitespace()) {
                return true;
            }
            if Mark::opener(c).is_some_and(|m| same_family(m, mark)) {
                return false;
            }
        }
        prev = Some(c);
    }
    false
}

fn same_family(a: Mark, b: Mark) -> bool {
    a == b || (!a.is_single() && !b.is_single())
}

/// True when a `'`/`’`/`‘` at this place is an apostrophe rather than a quotation mark.
fn is_apostrophe_here(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    chars: &[(usize, char)],
    k: usize,
    stack: &[Open],
) -> bool {
    if !is_apostrophe(c) || !matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
        return false;
    }
    let word_before = prev.is_some_and(is_word_char);
    let word_after = next.is_some_and(is_word_char);
    if word_before && word_after {
        return true; // don't, agent’s, l’État
    }
    if !word_before && word_after {
        // ’90s, ’em, ’til: elisions at the start of a word.
        let rest: String = chars[k + 1..].iter().take(4).map(|&(_, d)| d).collect();
        let digits = rest.chars().take_while(|d| d.is_ascii_digit()).count();
        let after_digits = rest.chars().nth(2);
        if digits == 2 && (after_digits == Some('s') || !after_digits.is_some_and(is_word_char)) {
            return true;
        }
        let lower = rest.to_lowercase();
        if ["em ", "til ", "n ", "cause "]
            .iter()
            .any(|w| lower.starts_with(w) || lower == w.trim_end())
        {
            return c != '\u{2018}' || !has_single_closer(&chars[k + 1..]);
        }
        return false;
    }
    if word_before && !word_after {
        // A plural possessive (`agents’ presence`) unless a single quotation is open and this
        // is the most plausible place to close it.
        let single_open = stack.iter().any(|o| o.mark.is_single());
        if !single_open {
            return true;
        }
        if prev == Some('s') && next == Some(' ') {
            let after: Vec<char> = chars[k + 1..].iter().take(3).map(|&(_, d)| d).collect();
            let lower_word_follows = after.get(1).is_some_and(|d| d.is_lowercase());
            let later_closer = has_single_closer(&chars[k + 1..]);
            if lower_word_follows && later_closer {
                return true;
            }
        }
        return false;
    }
    false
}

/// True when a later single mark in the paragraph could close a single quotation.
fn has_single_closer(rest: &[(usize, char)]) -> bool {
    (0..rest.len()).any(|j| {
        let c = rest[j].1;
        if !matches!(c, '\'' | '\u{2019}') {
            return false;
        }
        let prev = if j > 0 { Some(rest[j - 1].1) } else { None };
        let next = rest.get(j + 1).map(|&(_, n)| n);
        prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(is_word_char)
    })
}

fn make_quotation(
    text: &str,
    open: Open,
    close_at: usize,
    close_len: usize,
    closed: bool,
) -> Quotation {
    let outer = Span::new(open.at, close_at + close_len);
    let mut start = open.at + open.len;
    let mut end = close_at.max(start);
    let inner_text = &text[start..end];
    let lead = inner_text.len() - inner_text.trim_start().len();
    let trail = inner_text.len() - inner_text.trim_end().len();
    start += lead;
    end = (end - trail).max(start);
    Quotation {
        inner: Span::new(start, end),
        outer,
        closed,
        speaker: None,
    }
}

/// The attribution phrases, from `assets/attribution.txt`, as lists of lower-case words,
/// grouped by their first word so a look-up costs one hash per word.
fn attribution_phrases() -> &'static HashMap<String, Vec<Vec<String>>> {
    static PHRASES: OnceLock<HashMap<String, Vec<Vec<String>>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut map: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for line in include_str!("../assets/attribution.txt")
            .lines()
            .map(str::trim)
        {
            if line.is_empty() || line.starts_with('#') || line.starts_with("role:") {
                continue;
            }
            let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
            map.entry(words[0].clone()).or_default().push(words);
        }
        map
    })
}

/// Nouns naming a person by office ("role: mayor" lines of `assets/attribution.txt`): "The
/// mayor met residents" opens with a speaker, "The heart of the speech was" does not.
fn role_nouns() -> &'static HashSet<String> {
    static ROLES: OnceLock<HashSet<String>> = OnceLock::new();
    ROLES.get_or_init(|| {
        include_str!("../assets/attribution.txt")
            .lines()
            .filter_map(|line| line.trim().strip_prefix("role:"))
            .map(|noun| noun.trim().to_lowercase())
            .collect()
    })
}

/// A word of the text around a quotation, for attribution patterns.
#[derive(Debug, Clone)]
struct Word<'t> {
    text: &'t str,
    lower: CompactString,
    /// Punctuation (a comma, colon, bracket, dash, quotation mark) stands between this word
    /// and the one before: a name does not run across it ("El líder del PP, Pablo Casado").
    pause: bool,
    /// A full stop follows the word directly ("Mr.", "R."), kept when the word is inside a name.
    dot: bool,
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    first_words_of(text, usize::MAX)
}

/// The first `limit` words of `text` (see [`words_of`]): only the start of what follows a
/// quotation can name its speaker, and a novel's sentences run long.
fn first_words_of(text: &str, limit: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pause = false;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if out.len() >= limit {
            out.truncate(limit);
            return out;
        }
        let inside = is_word_char(c)
            || ((is_apostrophe(c) || c == '-' || c == '.')
                && start.is_some()
                && iter.peek().is_some_and(|&(_, n)| is_word_char(n)));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut out, &text[s..i], pause, c == '.');
                pause = false;
                start = None;
            }
            _ => {}
        }
        if !inside && matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–') {
            pause = true;
        }
    }
    if let Some(s) = start {
        push_word(&mut out, &text[s..], pause, false);
    }
    out.truncate(limit);
    out
}

/// Adds a word, splitting off a French inverted subject: "affirme-t-il" is the verb
/// "affirme" and the pronoun "il", so the verb is found in the word list.
fn push_word<'t>(out: &mut Vec<Word<'t>>, text: &'t str, pause: bool, dot: bool) {
    // Most words have no hyphen: nothing to split.
    let dash = text.bytes().rposition(|b| b == b'-');
    let inverted = dash.and_then(|_| {
        [
            "-t-il", "-t-elle", "-t-on", "-ils", "-elles", "-il", "-elle",
        ]
        .iter()
        .find(|s| {
            let cut = text.len().saturating_sub(s.len());
            cut > 0 && text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(s)
        })
    });
    if let (Some(suffix), Some(dash)) = (inverted, dash) {
        let stem = &text[..text.len() - suffix.len()];
        out.push(Word {
            text: stem,
            lower: lowercase(stem),
            pause,
            dot: false,
        });
        out.push(Word {
            text: &text[dash + 1..],
            lower: lowercase(&text[dash + 1..]),
            pause: false,
            dot,
        });
        return;
    }
    out.push(Word {
        text,
        lower: lowercase(text),
        pause,
        dot,
    });
}

/// A word in lower case, without allocating for short words.
fn lowercase(word: &str) -> CompactString {
    if word.is_ascii() {
        let mut lower = CompactString::from(word);
        lower.make_ascii_lowercase();
        return lower;
    }
    word.chars().flat_map(char::to_lowercase).collect()
}

/// Lower-case words that may sit inside a name (`de Blasio`, `van der Berg`, `da Silva`).
const NAME_PARTICLES: &[&str] = &[
    "of", "for", "de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den",
    "la", "le", "bin", "al", "y",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "el", "la", "los", "las", "le", "les",
    "der", "die", "das", "o", "os", "il", "lo", "un", "una", "une", "ein", "eine", "um", "uma",
];
/// Words that may stand between a subject and its attribution verb: adverbs and auxiliaries
/// ("has said", "ha afirmado", "a déclaré", "hat gesagt").
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "further",
    "previously",
    "earlier",
    "again",
    "still",
    "had",
    "has",
    "have",
    "ha",
    "han",
    "había",
    "a",
    "ont",
    "avait",
    "hat",
    "hatte",
    "haben",
    "tem",
    "também",
    "también",
    "aussi",
    "auch",
    "vivement",
    "encore",
    "ainsi",
    "ainda",
    "zudem",
    "außerdem",
];
/// Relative pronouns that end a subject phrase ("the minister, who said").
const RELATIVES: &[&str] = &[
    "who", "which", "that", "que", "qui", "quien", "welche", "welcher",
];
/// Conjunctions joining a second predicate to the sentence's subject ("... and said").
const CONJUNCTIONS: &[&str] = &[
    "and", "but", "y", "e", "et", "und", "pero", "mais", "aber", "mas", "ma",
];
/// Capitalised articles that open a subject ("The Fed", "El Rey", "Die Ministerin").
const OPENING_ARTICLES: &[&str] = &[
    "The", "A", "An", "El", "La", "Los", "Las", "Le", "Les", "Der", "Die", "Das", "O", "Os", "Il",
    "Lo",
];
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "release",
    "message",
    "note",
    "readout",
    "post",
    "tweet",
    "letter",
    "report",
    "office",
];
/// Personal pronouns: a speaker the text named earlier ("he said", "selon lui", "erklärte sie").
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "il", "elle", "ils", "elles", "lui", "er", "sie", "ele", "ela",
    "eles", "elas", "él", "ella", "ellos", "ellas", "we", "i",
];
/// Prepositions: a name right after one is its object ("an opening to Moscow, saying"), never
/// the subject of the verb that follows.
const PREPOSITIONS: &[&str] = &[
    "to", "of", "in", "at", "on", "for", "with", "from", "by", "into", "about", "against", "à",
    "au", "aux", "en", "dans", "pour", "avec", "par", "sur", "chez", "vers", "a", "en", "con",
    "para", "por", "desde", "hacia", "sobre", "ante", "zu", "nach", "mit", "von", "vom", "bei",
    "für", "gegen", "aus", "im", "am", "auf", "em", "no", "na", "nos", "nas", "ao", "com", "pelo",
    "pela",
];
/// Capitalised words that open a sentence without being its subject ("On foreign policy, Mr.
/// Johnson was brief", "In Berlin, …").
const SENTENCE_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "for",
    "after",
    "before",
    "but",
    "and",
    "however",
    "yet",
    "still",
    "while",
    "when",
    "speaking",
    "asked",
    "meanwhile",
    "dans",
    "en",
    "pour",
    "après",
    "mais",
    "et",
    "selon",
    "nommé",
    "nommée",
    "contacté",
    "contactée",
    "lors",
    "am",
    "im",
    "in",
    "aber",
    "und",
    "nach",
    "auch",
    "en",
    "pero",
    "y",
    "tras",
    "durante",
    "según",
    "em",
    "mas",
    "após",
    "depois",
    "since",
    "during",
    "depuis",
    "pendant",
    "desde",
    "seit",
    "während",
    "além",
];
/// Plural pronouns: a group, never one speaker to name ("They agreed that …").
const PLURAL_PRONOUNS: &[&str] = &["they", "ils", "elles", "ellos", "ellas", "eles", "elas"];

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_pronoun(w: &Word) -> bool {
    PRONOUNS.contains(&w.lower.as_str())
}

/// Who a quotation is attributed to, before pronouns are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    /// A name, or a role as the text writes it ("the council clerk").
    Named(String),
    /// A pronoun or a verb without a subject ("he said", "affirme-t-il", "subrayó"): someone
    /// the text named before.
    Unnamed,
}

fn named(name: String) -> Said {
    if PRONOUNS.contains(&name.to_lowercase().as_str()) {
        Said::Unnamed
    } else {
        Said::Named(name)
    }
}

/// The capitalised run of words ending at `end` (exclusive), reading backwards. A run right
/// after a preposition is its object, not a subject: none.
fn name_before(words: &[Word], end: usize) -> Option<String> {
    let mut start = end;
    while start > 0 {
        let w = &words[start - 1];
        let cap = is_capitalized(w.text);
        let particle = NAME_PARTICLES.contains(&w.lower.as_str()) && start < end;
        if cap || particle {
            start -= 1;
        } else {
            break;
        }
        if end - start >= 5 || w.pause {
            break;
        }
    }
    // "to Moscow", "de la Banque de France": the object of a preposition.
    let mut p = start;
    while p > 0 && DETERMINERS.contains(&words[p - 1].lower.as_str()) && !words[p].pause {
        p -= 1;
    }
    if p > 0
        && start < end
        && !words[p].pause
        && PREPOSITIONS.contains(&words[p - 1].lower.as_str())
    {
        return None;
    }
    while start < end
        && (NAME_PARTICLES.contains(&words[start].lower.as_str())
            || DETERMINERS.contains(&words[start].lower.as_str()))
    {
        start += 1;
    }
    if start == end {
        return None;
    }
    Some(join_name(&words[start..end]))
}

/// The capitalised run of words starting at `start`, reading forwards.
fn name_after(words: &[Word], start: usize) -> Option<String> {
    let mut end = start;
    while end < words.len() && end - start < 6 {
        let w = &words[end];
        if end > start && w.pause {
            break;
        }
        let cap = is_capitalized(w.text);
        let particle = NAME_PARTICLES.contains(&w.lower.as_str())
            && end > start
            && words.get(end + 1).is_some_and(|n| is_capitalized(n.text));
        if cap || particle {
            end += 1;
        } else {
            break;
        }
    }
    while end > start && NAME_PARTICLES.contains(&words[end - 1].lower.as_str()) {
        end -= 1;
    }
    if end == start {
        return None;
    }
    Some(join_name(&words[start..end]))
}

fn join_name(words: &[Word]) -> String {
    let mut name = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            name.push(' ');
        }
        name.push_str(w.text);
        // "Gerald R. Ford", "Mr. Johnson": an initial or a title keeps its full stop.
        if w.dot && k + 1 < words.len() && w.text.chars().count() <= 3 {
            name.push('.');
        }
    }
    for suffix in ["’s", "'s"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped.to_string();
        }
    }
    name
}

/// "according to X", "selon X", "laut X": words after which the speaker is named.
fn names_follow(verb: &str) -> bool {
    matches!(
        verb,
        "according" | "selon" | "laut" | "según" | "segundo" | "secondo" | "so" | "hieß" | "heißt"
    )
}

/// "saying", "dénonçant", "subrayando": a participle whose subject is the sentence's.
fn is_participle(verb: &str) -> bool {
    ["ing", "ant", "ando", "endo"]
        .iter()
        .any(|s| verb.len() > s.len() + 2 && verb.ends_with(s))
}

/// Finds an attribution phrase in `words`; returns (first word index, phrase length).
fn find_attribution(words: &[Word], from_end: bool) -> Option<(usize, usize)> {
    let phrases = attribution_phrases();
    let phrase_at = |i: usize| -> Option<usize> {
        phrases.get(words[i].lower.as_str())?.iter().find_map(|p| {
            (i + p.len() <= words.len() && p.iter().zip(&words[i..]).all(|(a, w)| *a == w.lower))
                .then_some(p.len())
        })
    };
    let accept = |i: usize| {
        let verb = words[i].lower.as_str();
        // "the United States was": a capitalised word inside a clause is a name, not a verb.
        if i > 0 && !words[i].pause && is_capitalized(words[i].text) {
            return false;
        }
        // "Er sagte laut Übersetzung": after a verb, "laut" says how, not who.
        if names_follow(verb) && i > 0 && phrase_at(i - 1).is_some() {
            return false;
        }
        // "…, so Merkel": "so" attributes only after a pause and before a name or article.
        if verb == "so" {
            return words[i].pause
                && words.get(i + 1).is_some_and(|n| {
                    is_capitalized(n.text) || matches!(n.lower.as_str(), "der" | "die")
                });
        }
        true
    };
    let found = |i: usize| phrase_at(i).filter(|_| accept(i)).map(|len| (i, len));
    if from_end {
        (0..words.len()).rev().find_map(found)
    } else {
        (0..words.len()).find_map(found)
    }
}

/// The speaker named by an attribution phrase in `words`, either side of the verb.
/// Only `words[search_from..]` may hold the verb; the subject may lie before it ("Le
/// gouverneur …, François Villeroy de Galhau, a réagi … à un article …, dénonçant").
fn speaker_in(words: &[Word], from_end: bool, search_from: usize) -> Option<Said> {
    let (i, len) = find_attribution(&words[search_from..], from_end)?;
    let i = i + search_from;
    let verb = words[i].lower.as_str();
    let mut after = i + len;
    if names_follow(verb) {
        // "selon lui", "según él": someone named before.
        if words.get(after).is_some_and(is_pronoun) {
            return Some(Said::Unnamed);
        }
        // "hieß es aus Regierungskreisen".
        while after < words.len()
            && (matches!(words[after].lower.as_str(), "es" | "aus")
                || DETERMINERS.contains(&words[after].lower.as_str()))
        {
            after += 1;
        }
        return name_after_verb(words, i + len, after).map(named);
    }
    // Adverbs and auxiliaries between subject and verb: "the readout also says", "she later
    // told", "a indiqué".
    let mut v = i;
    while v > 0 && ADVERBS.contains(&words[v - 1].lower.as_str()) && !words[v].pause {
        v -= 1;
    }
    if v > 0 {
        // "prompted the central bank to say": the subject of the infinitive.
        if v > 1 && words[v - 1].lower == "to" {
            v -= 1;
        }
        let prev = &words[v - 1];
        if PLURAL_PRONOUNS.contains(&prev.lower.as_str()) {
            return None;
        }
        if is_pronoun(prev) {
            return Some(Said::Unnamed);
        }
        // "He offered an opening to Moscow, saying": the subject opens the clause.
        if is_participle(verb) && words[i].pause {
            return Some(clause_subject(&words[..i]).unwrap_or(Said::Unnamed));
        }
        // "Randall’s statement read", "the readout says": the document or its owner.
        if STATEMENT_NOUNS.contains(&prev.lower.as_str()) {
            return Some(Said::Named(
                name_before(words, v - 1).unwrap_or_else(|| format!("the {}", prev.lower)),
            ));
        }
        // "The readout of the mayor's meeting with Kelly also says": the subject is the
        // document, not the last name before the verb.
        if let Some(d) = (v.saturating_sub(8)..v - 1)
            .find(|&d| STATEMENT_NOUNS.contains(&words[d].lower.as_str()))
        {
            return Some(Said::Named(
                name_before(words, d).unwrap_or_else(|| format!("the {}", words[d].lower)),
            ));
        }
        if let Some(n) = name_before(words, v) {
            // "the Secretary said": one capitalised noun after an article is a role.
            let article = v >= 2
                && !n.contains(' ')
                && OPENING_ARTICLES
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(words[v - 2].text));
            if article && is_capitalized(&words[v - 1].lower.to_uppercase()) {
                return Some(Said::Named(format!("{} {n}", words[v - 2].text)));
            }
            return Some(named(n));
        }
        // "The Federal Reserve cut rates and said": the subject opens the sentence.
        if CONJUNCTIONS.contains(&prev.lower.as_str()) {
            return Some(clause_subject(&words[..v - 1]).unwrap_or(Said::Unnamed));
        }
        // "the council clerk wrote", "a spokeswoman said": a role, not a name.
        if let Some(d) = (v.saturating_sub(6)..v - 1)
            .rev()
            .find(|&d| DETERMINERS.contains(&words[d].lower.as_str()))
        {
            // "Gerald R. Ford of Michigan, the new House minority leader, said": the name
            // before the apposition.
            if words[d].pause && words[v].pause {
                if let Some(n) = name_before(words, d) {
                    return Some(named(n));
                }
            }
            if d + 4 >= v {
                // "el monarca, que ha añadido": the role ends at the relative pronoun.
                let end = (d + 1..v)
                    .find(|&e| RELATIVES.contains(&words[e].lower.as_str()))
                    .unwrap_or(v);
                return Some(Said::Named(
                    words[d..end]
                        .iter()
                        .map(|w| w.text)
                        .collect::<Vec<_>>()
                        .join(" "),
                ));
            }
        }
        // A subject we cannot read ("officials said"): only a verb that opens its clause
        // ("…, said Kelly", "…, subrayó") names or implies its speaker.
        if !words[i].pause {
            return None;
        }
        // "El jefe del Ejecutivo, que en pocos días cumplirá …, recordó": the clause opens
        // with its subject.
        if let Some(Said::Named(n)) = clause_subject(&words[..i]) {
            return Some(Said::Named(n));
        }
    }
    // "affirme-t-il", "dijo él": the pronoun after the verb.
    if words.get(after).is_some_and(is_pronoun) {
        return Some(Said::Unnamed);
    }
    // Skip an article: "said the Mayor", "ha señalado el monarca".
    let mut start = after;
    while start < words.len() && DETERMINERS.contains(&words[start].lower.as_str()) {
        start += 1;
    }
    after = start;
    Some(
        name_after_verb(words, i + len, after)
            .map(named)
            .unwrap_or(Said::Unnamed),
    )
}

/// The name or role after an attribution verb: `words[after..]` once articles are skipped,
/// `verb_end` being the first word after the verb.
fn name_after_verb(words: &[Word], verb_end: usize, after: usize) -> Option<String> {
    if after < words.len() && words[after].pause && after > verb_end {
        return None;
    }
    let name = name_after(words, after).map(|name| {
        // "betonte der Bundespräsident", "said the Mayor": one capitalised noun after an
        // article is a role; the article stays with it.
        if after > verb_end && !name.contains(' ') {
            format!("{} {name}", words[after - 1].text)
        } else {
            name
        }
    });
    // "martèle la maire de Paris, Anne Hidalgo": the name in apposition to the role.
    if after > verb_end {
        if let Some(n) = apposition(words, after) {
            return Some(n);
        }
    }
    name.or_else(|| {
        // A role after the verb: "said the spokeswoman", "ha señalado el monarca".
        (after > verb_end && after < words.len()).then(|| {
            words[verb_end..=after]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

/// The subject at the start of a clause: a name, a pronoun, or an article and a role.
fn clause_subject(words: &[Word]) -> Option<Said> {
    // After a dateline ("WASHINGTON (Reuters) - The Fed ..."), at its article.
    let start = (0..words.len())
        .find(|&d| OPENING_ARTICLES.contains(&words[d].text))
        .unwrap_or(0);
    sentence_subject(&words[start..])
}

/// The subject of a sentence, read from its first words: the first name that is not the
/// object of a preposition, or a pronoun. German capitalises every noun, so this is a guess.
fn sentence_subject(words: &[Word]) -> Option<Said> {
    // "El líder del PP, Pablo Casado, replicó", "Le gouverneur de la banque centrale
    // française, François Villeroy de Galhau, a réagi": a name set off by commas near the
    // start is the subject in apposition.
    if let Some(n) = apposition(words, 0) {
        return Some(Said::Named(n));
    }
    // "El jefe del Ejecutivo": an article, a role and what it heads.
    if words.len() > 3
        && DETERMINERS.contains(&words[0].lower.as_str())
        && !is_capitalized(words[1].text)
        && NAME_PARTICLES.contains(&words[2].lower.as_str())
        && is_capitalized(words[3].text)
        && !words[1].pause
        && !words[2].pause
    {
        if let Some(n) = name_after(words, 3) {
            return Some(Said::Named(format!(
                "{} {} {} {n}",
                words[0].text, words[1].text, words[2].text
            )));
        }
    }
    // "The mayor met residents", "Le Premier ministre a répondu": an article and an office.
    if words.len() > 1 && DETERMINERS.contains(&words[0].lower.as_str()) {
        let roles = role_nouns();
        if let Some(r) = (1..words.len().min(4))
            .take_while(|&r| !words[r].pause)
            .find(|&r| roles.contains(words[r].lower.as_str()))
        {
            // "Le Premier ministre": an office of several words.
            let mut r = r;
            while words
                .get(r + 1)
                .is_some_and(|w| !w.pause && roles.contains(w.lower.as_str()))
            {
                r += 1;
            }
            // "El rey Felipe VI": the name after the office.
            if words.get(r + 1).is_some_and(|w| !w.pause) {
                if let Some(name) = name_after(words, r + 1) {
                    return Some(Said::Named(name));
                }
            }
            let role = words[..=r].iter().map(|w| w.text).collect::<Vec<_>>();
            return Some(Said::Named(role.join(" ")));
        }
    }
    let mut j = 0;
    while j < words.len().min(8) {
        let w = &words[j];
        if is_pronoun(w) {
            return Some(Said::Unnamed);
        }
        let opener =
            SENTENCE_OPENERS.contains(&w.lower.as_str()) || DETERMINERS.contains(&w.lower.as_str());
        if is_capitalized(w.text) && !opener {
            let object = j > 0 && !w.pause && PREPOSITIONS.contains(&words[j - 1].lower.as_str());
            if !object {
                return name_after(words, j).map(named);
            }
            while j + 1 < words.len() && is_capitalized(words[j + 1].text) {
                j += 1;
            }
        }
        j += 1;
    }
    None
}

/// A name between two pauses within the first words from `from` ("The president, Joe
/// Biden, said"), the first word a determiner or a capitalised title.
fn apposition(words: &[Word], from: usize) -> Option<String> {
    let first = words.get(from)?;
    if from == 0 && !(DETERMINERS.contains(&first.lower.as_str()) || is_capitalized(first.text)) {
        return None;
    }
    let open = (from + 1..words.len().min(from + 10)).find(|&j| words[j].pause)?;
    if !is_capitalized(words[open].text) {
        return None;
    }
    let name = name_after(words, open)?;
    let len = name.split(' ').count();
    let closes = words.get(open + len).is_none_or(|w| w.pause);
    (len >= 2 && closes).then_some(name)
}

/// The person a role refers to when the text names them before: "le gouverneur" after
/// "Le gouverneur de la banque centrale française, François Villeroy de Galhau", "the
/// Secretary" after "Homeland Security Secretary John Kelly". The role itself otherwise.
fn resolve_role(text: &str, at: usize, role: String) -> String {
    let words = words_of(&role);
    let role_noun = match words.as_slice() {
        [article, noun] if DETERMINERS.contains(&article.lower.as_str()) => noun.lower.clone(),
        _ => return role,
    };
    let floor = ceil_char_boundary(text, at.saturating_sub(3000));
    let before = &text[floor..at];
    // The noun as written in running text or as a title ("governor", "Governor"), searched
    // without lower-casing the whole window: this runs for every quotation given a role.
    let mut chars = role_noun.chars();
    let title: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let mut search_end = before.len();
    let last_of = |end: usize| {
        let plain = before[..end].rfind(role_noun.as_str());
        let titled = before[..end].rfind(title.as_str());
        plain.max(titled)
    };
    while let Some(found) = last_of(search_end) {
        search_end = found;
        // A whole word: "Vizekanzler" is not "der Kanzler".
        if !before.is_char_boundary(found)
            || before[..found]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let end = floor_char_boundary(before, found + 300);
        let context = words_of(&before[found..end]);
        if context.first().is_none_or(|w| w.lower != role_noun) {
            continue;
        }
        // "Secretary John Kelly": the role as a title before the name.
        if context.get(1).is_some_and(|w| !w.pause) {
            if let Some(name) = name_after(&context, 1) {
                if name.split(' ').count() >= 2 {
                    return name;
                }
                // "President Johnson": a one-word name keeps its title.
                if is_capitalized(context[0].text) {
                    return format!("{} {name}", context[0].text);
                }
            }
        }
        if let Some(name) = apposition(&context, 1) {
            return name;
        }
    }
    role
}

/// The person a pronoun or a subjectless verb at `at` refers to: walking back a few
/// sentences, the speaker of a quotation there or the name a sentence opens with.
fn recent_speaker(text: &str, earlier: &[Quotation], at: usize) -> Option<String> {
    let floor = ceil_char_boundary(text, at.saturating_sub(1500));
    let mut end = at;
    let mut sentences = 0;
    for _ in 0..16 {
        let sentence = sentence_before(text, end, floor);
        let start = end - sentence.len();
        if !sentence.trim().is_empty() {
            sentences += 1;
            // A quotation in this sentence already attributed: the latest one's speaker.
            let first = earlier.partition_point(|p| p.outer.start < start);
            let last = earlier.partition_point(|p| p.outer.start < end);
            if let Some(name) = earlier[first..last]
                .iter()
                .rev()
                .find_map(|p| p.speaker.clone())
            {
                return Some(name);
            }
            // The sentence of the quotation itself opens with anything ("Growth in private
            // demand had been “quite weak”, she said"): only earlier sentences name the person.
            let subject = sentence_subject(&words_of(sentence));
            if end == at {
                let words = words_of(sentence);
                if words
                    .iter()
                    .take(3)
                    .any(|w| PLURAL_PRONOUNS.contains(&w.lower.as_str()))
                {
                    return None;
                }
            } else if let Some(Said::Named(name)) = subject {
                return Some(name);
            }
        }
        if start <= floor || sentences >= 4 {
            break;
        }
        // Step back over the sentence's terminator (one byte: '.', '!', '?' or '\n').
        end = start - 1;
    }
    // Further back: the last attributed quotation, if not too far.
    earlier
        .iter()
        .rev()
        .take_while(|p| p.outer.end + 3000 > at)
        .find_map(|p| p.speaker.clone())
}

/// Names who speaks each quotation of `text` (found by [`find_unattributed`]), when the text
/// says so.
pub fn assign_speakers(text: &str, quotes: &mut [Quotation]) {
    let n = quotes.len();
    for k in 0..n {
        let q = &quotes[k];
        // After the closing mark, up to the end of the sentence or the next quotation.
        let limit_after = if k + 1 < n {
            quotes[k + 1].outer.start
        } else {
            text.len()
        };
        let after_text = sentence_after(text, q.outer.end, limit_after);
        // Before the opening mark, back to the start of the sentence or the previous quotation.
        let limit_before = if k > 0 { quotes[k - 1].outer.end } else { 0 };
        let before_text = sentence_before(text, q.outer.start, limit_before);
        let after_words = first_words_of(after_text, 10);
        let before_words = words_of(before_text);
        // An attribution right before the opening mark ("X said, “…”") is the surest; the
        // text after the closing mark belongs to this quotation only when the sentence goes
        // on (“…,” X said), not when a new sentence starts (“….” She also said, “…”).
        let tail = before_words.len().saturating_sub(24);
        let close_to_open = before_words.len().saturating_sub(3);
        let inner_text = q.inner.slice(text).trim_end();
        let sentence_goes_on = !inner_text.ends_with(['.', '!', '?'])
            || after_text
                .trim_start()
                .starts_with(|c: char| c == ',' || c.is_lowercase());
        let mut said = find_attribution(&before_words[close_to_open..], true)
            .and_then(|_| speaker_in(&before_words, true, tail));
        if said.is_none() {
            // A name on either side beats a pronoun or a bare verb on the other ("… said
            // the program was “…” and added that “…”").
            let after = sentence_goes_on
                .then(|| speaker_in(&after_words, false, 0))
                .flatten();
            let before = speaker_in(&before_words, true, tail);
            said = match (after, before) {
                (Some(Said::Unnamed), Some(Said::Named(n))) => Some(Said::Named(n)),
                (after, before) => after.or(before),
            };
        }
        if said.is_none() {
            said = speaker_in(&after_words, false, 0);
        }
        // "Sánchez comenzó agradeciendo su labor a la prensa: «…»": the sentence's subject
        // introduces what follows the colon.
        if said.is_none() && before_text.trim_end().ends_with(':') {
            said = sentence_subject(&before_words);
        }
        // A quotation opening its sentence after one that ends in an attribution
        // ("…, so Merkel. „Aber …“").
        if said.is_none() && before_text.trim().is_empty() {
            let sentence_start = q.outer.start - before_text.len();
            let ends_sentence = text[..sentence_start].ends_with(['.', '!', '?']);
            if sentence_start > limit_before && ends_sentence {
                let previous = sentence_before(text, sentence_start - 1, limit_before);
                let words = words_of(previous);
                if find_attribution(&words[words.len().saturating_sub(4)..], true).is_some() {
                    said = speaker_in(&words, true, words.len().saturating_sub(12));
                }
            }
        }
        // "répond au « Monde »", "der „Süddeutschen Zeitung“": a quoted title after an article
        // or a preposition names something; nobody says it.
        if is_quoted_title(inner_text, &before_words, after_text) {
            said = None;
        }
        let speaker = match said {
            Some(Said::Named(name)) => Some(resolve_role(text, q.outer.start, name)),
            Some(Said::Unnamed) => quoted_subject(text, quotes, k, &before_words)
                .or_else(|| recent_speaker(text, &quotes[..k], q.outer.start)),
            None => {
                // A quotation continued after an attribution in the same paragraph ("…,” she
                // said. “…”): the previous speaker.
                let same_paragraph =
                    k > 0 && !text[quotes[k - 1].outer.end..q.outer.start].contains('\n');
                if same_paragraph {
                    quotes[k - 1].speaker.clone()
                } else {
                    None
                }
            }
        };
        quotes[k].speaker = speaker;
    }
}

/// A quotation of a few capitalised words without closing punctuation: a name or a title.
fn looks_like_title(inner: &str) -> bool {
    let words = words_of(inner);
    !words.is_empty()
        && words.len() <= 4
        && !inner.ends_with(['.', ',', '!', '?'])
        && words
            .iter()
            .all(|w| is_capitalized(w.text) || NAME_PARTICLES.contains(&w.lower.as_str()))
}

/// A quoted title: after an article or a preposition ("répond au « Monde »"), or as the
/// subject of the attribution verb right after it ("« Le Monde » a indiqué").
fn is_quoted_title(inner: &str, before_words: &[Word], after_text: &str) -> bool {
    if !looks_like_title(inner) {
        return false;
    }
    let after_article = before_words.last().is_some_and(|w| {
        DETERMINERS.contains(&w.lower.as_str()) || PREPOSITIONS.contains(&w.lower.as_str())
    });
    let subject = !after_text.trim_start().starts_with(',')
        && find_attribution(&words_of(after_text), false).is_some_and(|(i, _)| i == 0);
    after_article || subject
}

/// "« Le Monde » a indiqué « … »": a verb right after a short quoted name has that name
/// as its subject.
fn quoted_subject(
    text: &str,
    quotes: &[Quotation],
    k: usize,
    before_words: &[Word],
) -> Option<String> {
    let previous = quotes[..k].last()?;
    let title = previous.inner.slice(text);
    let gap = &text[previous.outer.end..quotes[k].outer.start];
    let verb_opens = find_attribution(before_words, false).is_some_and(|(i, _)| i == 0);
    let short_name = is_capitalized(title) && title.split_whitespace().count() <= 4;
    (verb_opens && short_name && !gap.contains(['\n', '.', ','])).then(|| title.to_string())
}

fn sentence_after(text: &str, from: usize, limit: usize) -> &str {
    let limit = limit.max(from).min(text.len());
    let rest = &text[from..limit];
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if c == '\n' || ((c == '.' || c == '!' || c == '?') && i > 2) {
            end = i;
            break;
        }
    }
    &rest[..end]
}

/// Titles and abbreviations whose full stop does not end a sentence ("Mr. Johnson").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "maj", "lt", "col",
    "capt", "prof", "mme", "mlle", "sra", "srta", "dra", "jan", "feb", "aug", "sept", "oct", "nov",
    "dec", "no",
];

fn sentence_before(text: &str, to: usize, limit: usize) -> &str {
    let limit = limit.min(to);
    let before = &text[limit..to];
    let mut start = 0;
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            start = i + 1;
            break;
        }
        if c == '.' || c == '!' || c == '?' {
            // "U.S." or "D.C." inside a sentence: an abbreviation, not an end.
            let after = &before[i + 1..];
            let word_start = before[..i]
                .rfind(|p: char| !p.is_alphabetic())
                .map_or(0, |p| {
                    p + before[p..].chars().next().map_or(1, char::len_utf8)
                });
            let word = &before[word_start..i];
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&word.to_lowercase().as_str())
                    || (word.chars().count() == 1 && is_capitalized(word)));
            if after.starts_with(' ') && !abbreviation {
                start = i + 1;
                break;
            }
        }
    }
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find_quotations(text)
            .into_iter()
            .map(|q| q.inner.slice(text))
            .collect::<Vec<_>>()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            inner(r#"He said "we will go" and "stay.""#),
            ["we will go", "stay."]
        );
        assert_eq!(inner("He said “we will go” today."), ["we will go"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let t = "The agent’s visit in the ’90s and the agents’ presence, he said, wasn't ‘rock and roll’.";
        assert_eq!(inner(t), ["rock and roll"]);
        let british = "‘The agents’ presence was a mistake,’ he said.";
        assert_eq!(inner(british), ["The agents’ presence was a mistake,"]);
        assert!(inner("It's the agents' job and the '90s era.").is_empty());
    }

    #[test]
    fn nested_and_british_order() {
        assert_eq!(
            inner("She said: “He called it ‘a disgrace’ twice.”"),
            ["He called it ‘a disgrace’ twice."]
        );
        assert_eq!(
            inner("‘The Mayor said “no” today,’ he added."),
            ["The Mayor said “no” today,"]
        );
    }

    #[test]
    fn guillemets_and_german_marks() {
        assert_eq!(
            inner("Il a dit : « Nous resterons unis » hier."),
            ["Nous resterons unis"]
        );
        assert_eq!(
            inner("Er sagte: „Wir bleiben hier“, so der Minister."),
            ["Wir bleiben hier"]
        );
        assert_eq!(
            inner("Er sagte: »Wir bleiben hier«, so der Minister."),
            ["Wir bleiben hier"]
        );
    }

    #[test]
    fn quotation_over_several_paragraphs() {
        let t = "He wrote:\n\n“First paragraph goes on.\n\n“Second paragraph ends here.”\n\nAfter.";
        let qs = find_quotations(t);
        assert_eq!(qs.len(), 1);
        assert!(qs[0].closed);
        assert_eq!(
            qs[0].inner.slice(t),
            "First paragraph goes on.\n\n“Second paragraph ends here."
        );
    }

    #[test]
    fn hard_wrapped_quotation_spans_lines() {
        let t = "He said, \"this quotation is wrapped\nacross two lines,\" and left.\n\nNext paragraph.";
        assert_eq!(inner(t), ["this quotation is wrapped\nacross two lines,"]);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        let t = "He said “this never closes.\nNext paragraph “is separate”.";
        let qs = find_quotations(t);
        assert_eq!(qs.len(), 2);
        assert!(!qs[0].closed);
        assert_eq!(qs[0].inner.slice(t), "this never closes.");
    }

    #[test]
    fn speakers_from_attribution() {
        let t = "“We have overcome so much,” Hogan said. “Even while the worst is behind us.”\nA USCIS spokeswoman Katie Tichacek said, \"I must emphasize that.\"\n“It’s graduation week,” Randall’s statement concluded.\n\"Prices rose,\" according to the Bank of Canada.";
        let speakers: Vec<_> = find_quotations(t).into_iter().map(|q| q.speaker).collect();
        assert_eq!(
            speakers,
            [
                Some("Hogan".to_string()),
                Some("Hogan".to_string()),
                Some("Katie Tichacek".to_string()),
                Some("Randall".to_string()),
                Some("Bank of Canada".to_string()),
            ]
        );
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        find_quotations(text)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    fn some(names: &[&str]) -> Vec<Option<String>> {
        names.iter().map(|n| Some(n.to_string())).collect()
    }

    #[test]
    fn english_pronoun_is_the_person_named_before_not_an_object() {
        let t = "On foreign policy, Mr. Johnson was brief but firm. He said the United States was \
            in Vietnam \"because a friendly nation has asked us for help,\" and added: \"We will \
            not break it now.\"\n\nHe offered an opening to Moscow, saying he hoped \"the new \
            Soviet leaders can visit America.\"";
        assert_eq!(speakers(t), some(&["Mr. Johnson"; 3]));
    }

    #[test]
    fn english_titles_inversion_and_apposition() {
        let t = "\"We will not tolerate violence in our schools,\" said Homeland Security \
            Secretary John Kelly.\nRepresentative Gerald R. Ford of Michigan, the new House \
            minority leader, said Republicans would offer \"constructive alternatives.\"\n\
            Maria Chen said the fund was too small. \"A furnace costs more than that,\" she added.";
        assert_eq!(
            speakers(t),
            some(&[
                "Homeland Security Secretary John Kelly",
                "Gerald R. Ford of Michigan",
                "Maria Chen"
            ])
        );
        // A group is not one speaker.
        let t = "Trump and Putin spoke on Tuesday.\nThey agreed that the war had \"gone on for far too long.\"";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn roles_resolve_to_the_name_the_text_gives_them() {
        let t = "Homeland Security Secretary John Kelly met the mayor on Monday. \"The agents \
            were not there for enforcement,\" the Secretary said.\n\
            \"We will rebuild,\" said the mayor, Bill de Blasio.\n\
            The governor toured the flooded district. \"Every street will be repaired,\" she said.";
        assert_eq!(
            speakers(t),
            some(&["John Kelly", "Bill de Blasio", "The governor"])
        );
        let t = "« Nous ne lâcherons rien », martèle la maire de Paris, Anne Hidalgo.\n\
            Le Premier ministre a répondu aux députés. « Je ne reculerai pas », a-t-il lancé.\n\
            El rey Felipe VI presidió el acto. «España es una gran nación», dijo.";
        assert_eq!(
            speakers(t),
            some(&["Anne Hidalgo", "Le Premier ministre", "Felipe VI"])
        );
    }

    #[test]
    fn french_inverted_subjects_and_roles() {
        let t = "Le gouverneur de la Banque de France, François Villeroy de Galhau, a réagi \
            vendredi.\n\n« Je viens de lire cet article avec stupéfaction », écrit le gouverneur. \
            « C’est nous qui avons transmis ces notes », affirme-t-il.\n\n« Le journaliste n’a \
            tenu aucun compte des explications », a-t-il déploré.";
        assert_eq!(speakers(t), some(&["François Villeroy de Galhau"; 3]));
        let t = "« Nous resterons mobilisés », a déclaré le ministre.\nSelon Gabriel Attal, « la \
            réforme est nécessaire ».";
        assert_eq!(speakers(t), some(&["le ministre", "Gabriel Attal"]));
        // A quoted newspaper is a name, not a quotation anyone said.
        let t = "Contacté par l’AFP, « Le Monde » a indiqué « maintenir ses informations ».";
        assert_eq!(speakers(t), [None, Some("Le Monde".to_string())]);
    }

    #[test]
    fn spanish_verbs_without_subject_and_apposition() {
        let t = "El presidente del Gobierno, Pedro Sánchez, compareció en La Moncloa.\n\n\
            «Debemos ser conscientes», subrayó, «de que todas las naciones se juegan su futuro».\n\n\
            El líder del PP, Pablo Casado, replicó que el balance es «pura propaganda».\n\
            Según Nadia Calviño, «la recuperación está en marcha».";
        assert_eq!(
            speakers(t),
            some(&[
                "Pedro Sánchez",
                "Pedro Sánchez",
                "Pablo Casado",
                "Nadia Calviño"
            ])
        );
        let t = "«La economía crece más de lo previsto», afirmó el presidente.";
        assert_eq!(speakers(t), some(&["el presidente"]));
    }

    #[test]
    fn german_attributions() {
        let t =
            "„Griechenland hat Fortschritte gemacht“, sagte Merkel am Freitag. Am sichtbarsten \
            werde dies im Haushalt, so Merkel. „Aber die Reformen sind tiefgehender.“\n\n\
            Samaras war zu einem Wirtschaftsforum nach Berlin gekommen. Er sagte laut \
            Übersetzung: „Wir haben mehr als die Hälfte des Weges geschafft.“\n\
            „Wir stehen an der Seite der Opfer“, betonte der Bundespräsident.";
        assert_eq!(
            speakers(t),
            some(&["Merkel", "Merkel", "Samaras", "der Bundespräsident"])
        );
        let t = "Samaras kam auf Einladung der „Süddeutschen Zeitung“ nach Berlin.";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn portuguese_attributions() {
        let t = "O Presidente da República, Marcelo Rebelo de Sousa, lamentou hoje a morte de \
            quatro portugueses, expressando \"sentidas condolências\" às famílias.\n\
            \"Estamos a acompanhar a situação\", disse o ministro.\n\
            Segundo António Costa, \"o país está preparado\".\n\
            \"A economia vai crescer\", afirmou Fernando Medina.";
        assert_eq!(
            speakers(t),
            some(&[
                "Marcelo Rebelo de Sousa",
                "o ministro",
                "António Costa",
                "Fernando Medina"
            ])
        );
    }
}
