//! The normalised view of a text that matching works on.
//!
//! Matching must not care about case, punctuation, curly versus straight quotes, dashes,
//! non-breaking spaces or line breaks, yet every result must point back at the original
//! characters. So instead of producing a second, cleaned-up string (whose offsets would drift
//! from the original), this module cuts the original into word [`Token`]s, each carrying its
//! byte [`Span`] and a normalised form (Unicode NFKC, lower case, apostrophes removed).
//! Punctuation never becomes a token; what the gap before a token held (an ellipsis, a
//! paragraph break, a sentence end) is kept as flags, because an ellipsis in a quotation marks
//! an omission and a `[bracketed]` word marks an insertion.

use compact_str::CompactString;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

/// One word of a document: where it is and what it compares as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where the word starts, in bytes (see [`Token::span`]): 32 bits, so that a token takes
    /// 40 bytes, not 48; documents are limited to less than 4 GiB when loaded.
    start: u32,
    /// Where the word ends, in bytes.
    end: u32,
    /// NFKC, lower-cased form with apostrophes removed (`Agent’s` → `agents`). Stored
    /// inline (no allocation for words up to 24 bytes): a megabyte has 180,000 of them.
    pub norm: CompactString,
    /// What the text between the previous token and this one held.
    pub gap: Gap,
    /// True when the word sits inside square brackets: an editor's insertion.
    pub bracketed: bool,
}

impl Token {
    /// A token of the word at `span`.
    pub fn new(span: Span, norm: CompactString, gap: Gap, bracketed: bool) -> Token {
        Token {
            start: offset(span.start),
            end: offset(span.end),
            norm,
            gap,
            bracketed,
        }
    }

    /// Bytes of the word in the original text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Moves the token `by` bytes further into its text (a part tokenized on its own).
    fn shift(&mut self, by: usize) {
        self.start = offset(self.start as usize + by);
        self.end = offset(self.end as usize + by);
    }
}

/// A byte offset in 32 bits. Loading refuses documents of 4 GiB or more; a longer text given
/// directly would have its offsets saturate, never wrap.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Gap {
    /// An ellipsis (`...`, `…`, `. . .`): words were left out here.
    pub ellipsis: bool,
    /// A blank line or a line break: a new paragraph (or line) starts here.
    pub line_break: bool,
    /// A full stop, question or exclamation mark: a new sentence probably starts here.
    pub sentence_end: bool,
    /// A quotation mark (or a lone apostrophe that may be one).
    pub quote_mark: bool,
}

/// True for characters that make up words: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// True for the characters of Chinese and Japanese script (Han ideographs, hiragana,
/// katakana), which are written without spaces between words. Korean, written with spaces,
/// is not among them.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}' // half-width katakana
        | '\u{20000}'..='\u{2fa1f}') // extensions B to F, supplement
}

/// True for a Han ideograph: a character that is a word (or most of one) by itself.
pub fn is_ideograph(c: char) -> bool {
    is_cjk(c) && !matches!(c, '\u{3040}'..='\u{30ff}' | '\u{ff66}'..='\u{ff9f}')
}

/// True for every character that can open or close a quotation, in any language: straight,
/// curly, low-9, guillemets, CJK corner brackets, full-width (apostrophes included: which
/// one a `'` is, the quotation finder decides). One list for normalising and finding.
pub(crate) fn is_quote_mark(c: char) -> bool {
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
            | '\u{300c}'..='\u{300f}'
            | '\u{301d}'..='\u{301f}'
            | '\u{ff02}'
    )
}

/// True for the apostrophes that can join the parts of a word (`don't`, `agent’s`, `l’État`).
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{02bc}' | '\u{2018}' | '`' | '\u{00b4}'
    )
}

/// Cuts `text` into word tokens with normalised forms and gap flags.
///
/// A word is a run of word characters; an apostrophe between two word characters stays inside
/// the word, and so do `,` and `.` between two digits (`10,000`, `2.5`). Hyphens and dashes
/// split words (`55-minute` is `55` and `minute`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(capacity_for(text));
    tokenize_into(text, &mut tokens);
    tokens.shrink_to_fit();
    tokens
}

/// Room for the tokens of `text`, so that the vector does not grow by doubling (which copies
/// it): prose has about 180,000 words a megabyte, and this reserves room for 250,000.
/// Memory reserved but never written costs nothing (its pages are never touched), and the
/// slack is given back at the end. (Counting word starts first cost a pass over the text.)
fn capacity_for(text: &str) -> usize {
    text.len() / 4 + 16
}

/// Appends the tokens of `text` to `tokens`.
fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut between = Between::default();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        // A plain space between words, the commonest gap, changes nothing.
        if c == ' ' && between.dots == 0 {
            i += 1;
            continue;
        }
        // "[T]he", "[w]e": an editor's change of case at the start of a word is the word.
        let recased = c == '[' && recased_letters(&text[i..]).is_some();
        let token = if let Some(op) = operator(c) {
            Some((Span::new(i, i + c.len_utf8()), CompactString::from(op)))
        } else if is_cjk(c) {
            // Chinese and Japanese write no spaces between words: each character is a token,
            // and passages are found from runs of characters as they are from runs of words
            // (a seed of three or four characters is a character n-gram).
            let span = Span::new(i, i + c.len_utf8());
            Some((span, normalize_word(span.slice(text))))
        } else if is_word_char(c) || recased || signs_number(text, i, c) {
            Some(word_at(text, i, c, recased))
        } else {
            None
        };
        if let Some((span, norm)) = token {
            tokens.push(Token::new(
                span,
                norm,
                between.gap,
                between.bracket_depth > 0,
            ));
            between.gap = Gap::default();
            between.dots = 0;
            i = span.end;
            continue;
        }
        between.read(c, bytes.get(i + 1) == Some(&b'.'));
        i += c.len_utf8();
    }
}

/// A space that groups the digits of a figure by thousands: plain, no-break, narrow no-break
/// or thin.
fn is_group_space(ch: char) -> bool {
    matches!(ch, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The bytes of a thousands group that continues the figure `text[start..end]`: one group
/// space and exactly three digits, where the figure so far is one to three digits or already
/// grouped this way ("3 500", "1 200 000"), and no digit or letter follows the group. A year
/// before a count ("en 2022 300 personnes") has four digits and stays apart.
fn digit_group_after(text: &str, start: usize, end: usize) -> Option<usize> {
    let space = text[end..]
        .chars()
        .next()
        .filter(|ch| is_group_space(*ch))?;
    let group = end + space.len_utf8();
    let digits = text.get(group..group + 3)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text[group + 3..]
        .chars()
        .next()
        .is_some_and(|ch| ch.is_alphanumeric())
    {
        return None;
    }
    let head = text[start..end].rsplit(is_group_space).next()?;
    let leading = !text[start..end].contains(is_group_space);
    let ok = head.bytes().all(|b| b.is_ascii_digit())
        && if leading {
            (1..=3).contains(&head.len())
        } else {
            head.len() == 3
        };
    ok.then_some(space.len_utf8() + 3)
}

/// The character at byte `i` of `text`, an ASCII byte read without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// The word that starts at byte `start` with `c` (with an editor's bracketed letters when
/// `recased`): its span and its normalised form.
#[inline]
fn word_at(text: &str, start: usize, c: char, recased: bool) -> (Span, CompactString) {
    let bytes = text.as_bytes();
    let mut end = start + c.len_utf8();
    if let Some(n) = recased.then(|| recased_letters(&text[start..])).flatten() {
        end = start + n;
    }
    let mut prev = c;
    // Whether the word is plain ASCII with no apostrophe, and has a capital: most words
    // are, and their normalised form is then just the word in lower case.
    let mut plain = c.is_ascii_alphanumeric();
    let mut capital = c.is_ascii_uppercase();
    let mut grouped = false;
    loop {
        // ASCII letters and digits, the bulk of most texts, a byte at a time.
        let run = end;
        while let Some(&b) = bytes.get(end).filter(|b| b.is_ascii_alphanumeric()) {
            capital |= b.is_ascii_uppercase();
            end += 1;
        }
        if end > run {
            prev = bytes[end - 1] as char;
        }
        let Some(d) = char_at(text, end) else {
            break;
        };
        if is_word_char(d) && !is_cjk(d) {
            end += d.len_utf8();
            prev = d;
            plain = false;
            continue;
        }
        // Thousands grouped by a space ("3 500", "2\u{202f}000", French and SI style): one
        // figure, read without its spaces.
        if let Some(n) = digit_group_after(text, start, end) {
            end += n;
            prev = '0';
            plain = false;
            grouped = true;
            continue;
        }
        // A joiner only counts when a word character follows it.
        let digit_separator = matches!(d, ',' | '.') && prev.is_ascii_digit();
        if is_apostrophe(d) || digit_separator {
            let ok = match char_at(text, end + d.len_utf8()) {
                Some(n) if digit_separator => n.is_ascii_digit(),
                Some(n) => !matches!(d, ',' | '.') && is_word_char(n),
                None => false,
            };
            if ok {
                end += d.len_utf8();
                prev = d;
                plain &= digit_separator;
                continue;
            }
        }
        break;
    }
    let word = &text[start..end];
    let norm = if recased {
        normalize_word(&word.replace(['[', ']'], ""))
    } else if grouped {
        word.chars().filter(|ch| !is_group_space(*ch)).collect()
    } else if plain {
        let mut norm = CompactString::from(word);
        if capital {
            norm.as_mut_str().make_ascii_lowercase();
        }
        norm
    } else {
        normalize_word(word)
    };
    (Span::new(start, end), norm)
}

/// What the tokenizer has read since the last word: the gap so far, how deep inside
/// brackets it is, and how many full stops in a row (an ellipsis is three).
#[derive(Default)]
struct Between {
    gap: Gap,
    bracket_depth: u32,
    dots: u32,
}

impl Between {
    /// Reads `c`, a character between words (`dot_next`: a full stop follows it).
    #[inline]
    fn read(&mut self, c: char, dot_next: bool) {
        let gap = &mut self.gap;
        match c {
            '.' => {
                self.dots += 1;
                if self.dots >= 3 {
                    gap.ellipsis = true;
                }
                gap.sentence_end = true;
            }
            // ". . ." keeps counting across the spaces.
            ' ' if self.dots > 0 && dot_next => {}
            '\u{2026}' => gap.ellipsis = true,
            '!' | '?' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{ff0e}' => {
                gap.sentence_end = true
            }
            // Brackets do not run past the end of a line: a stray "[" must not make the rest
            // of the text an insertion.
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                gap.line_break = true;
                self.bracket_depth = 0;
            }
            c if is_quote_mark(c) => gap.quote_mark = true,
            '[' => self.bracket_depth += 1,
            ']' => self.bracket_depth = self.bracket_depth.saturating_sub(1),
            _ => {}
        }
        if c != '.' && !(c == ' ' && self.dots > 0 && dot_next) {
            self.dots = 0;
        }
    }
}

/// A sign or operator that carries meaning as much as a word does ("p < 0.05" is not
/// "p = 0.05", "5%" is not "5"): it becomes a token of its own, with this form.
fn operator(c: char) -> Option<&'static str> {
    Some(match c {
        '<' => "<",
        '>' => ">",
        '=' => "=",
        '\u{2264}' => "<=",
        '\u{2265}' => ">=",
        '\u{2260}' => "!=",
        '\u{2248}' => "~",
        '\u{b1}' => "+-",
        '%' | '\u{ff05}' => "%",
        _ => return None,
    })
}

/// A minus sign in any of its forms (hyphen-minus, U+2212, the dashes typesetters use for it).
fn is_minus(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2212}' | '\u{2012}' | '\u{2013}' | '\u{fe63}' | '\u{ff0d}'
    )
}

/// The minus at byte `at` of `text` is a number's sign ("-0.42", "−3 %"): a digit follows
/// it and no word character comes right before it (in "55-minute" or "2-3" it is a hyphen).
fn signs_number(text: &str, at: usize, c: char) -> bool {
    is_minus(c)
        && text
            .as_bytes()
            .get(at + c.len_utf8())
            .is_some_and(u8::is_ascii_digit)
        && !text[..at].chars().next_back().is_some_and(is_word_char)
}

/// The tokens that start inside `span`, from tokens in text order: two binary searches.
pub(crate) fn tokens_in(tokens: &[Token], span: Span) -> &[Token] {
    &tokens[token_range(tokens, span)]
}

/// Where in `tokens` (in text order) the tokens that start inside `span` are.
pub fn token_range(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    crate::span::SpanIndex::new(tokens, Token::span).starting_in(span)
}

/// Fewest bytes worth tokenizing on another thread: a thread costs more than it saves.
const SPLIT_BYTES: usize = 32 * 1024;

/// Where `text` can be cut so that about its last `tail_bytes` are tokenized on their own (on
/// another core), with the same tokens as in one piece: the start of the gap before a line
/// break. Nothing carries over a line break but that gap (brackets close there), and a gap is
/// read whole by whichever part holds the word after it. `None` when either part would be
/// too short to be worth a thread, or there is no line break near where the cut should be.
pub fn split_point(text: &str, tail_bytes: usize) -> Option<usize> {
    if tail_bytes < SPLIT_BYTES || tail_bytes.saturating_add(SPLIT_BYTES) > text.len() {
        return None;
    }
    let at = ceil_char_boundary(text, text.len() - tail_bytes);
    let window = &text[at..floor_char_boundary(text, at + 64 * 1024)];
    let newline = at + window.find('\n')?;
    let gap_start = text[..newline]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (gap_start > 0).then_some(gap_start)
}

/// [`tokenize`] for `text[..at]`, `at` being a [`split_point`], with room reserved for the
/// tokens of the rest of `text` (tokenized by [`tokenize_from`] and appended): the rest is
/// copied once, the head never.
pub fn tokenize_head(text: &str, at: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(capacity_for(text));
    tokenize_into(&text[..at], &mut tokens);
    tokens
}

/// [`tokenize`] for `text[from..]`, with spans into the whole `text`; `from` is a
/// [`split_point`].
pub fn tokenize_from(text: &str, from: usize) -> Vec<Token> {
    let mut tokens = tokenize(&text[from..]);
    for t in &mut tokens {
        t.shift(from);
    }
    tokens
}

/// For text opening with `[`, one to three letters and `]` glued to more letters ("[T]he"):
/// the bytes up to and including the `]`.
fn recased_letters(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('[')?;
    let (close, _) = inner.char_indices().take(4).find(|&(_, c)| c == ']')?;
    let letters = &inner[..close];
    let glued = inner[close + 1..].chars().next().is_some_and(is_word_char);
    (close > 0 && letters.chars().all(char::is_alphabetic) && glued).then_some(close + 2)
}

/// The comparison form of one word: NFKC, lower case, apostrophes and digit separators kept
/// only where they carry meaning.
pub fn normalize_word(word: &str) -> CompactString {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return CompactString::from(word);
    }
    if word.is_ascii() {
        if word.bytes().any(|b| b == b'\'' || b == b'`') {
            let mut out = CompactString::with_capacity(word.len());
            for b in word.bytes().filter(|&b| b != b'\'' && b != b'`') {
                out.push(b.to_ascii_lowercase() as char);
            }
            return out;
        }
        let mut out = CompactString::from(word);
        out.as_mut_str().make_ascii_lowercase();
        return out;
    }
    let mut out = CompactString::with_capacity(word.len());
    for c in word.nfkc() {
        if is_apostrophe(c) {
            continue;
        }
        if is_minus(c) {
            out.push('-');
            continue;
        }
        if c == 'ß' {
            out.push_str("ss");
            continue;
        }
        // A PDF's text layer writes "i" as a dotless ı with a combining dot above: that is
        // the extraction's, not the text's, and reads as "i" (a Turkish ı alone stays ı).
        if c == '\u{307}' && out.ends_with('\u{131}') {
            out.pop();
            out.push('i');
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Folds a whole passage to what it compares as: its tokens' normalised forms joined by one
/// space. Used to decide whether two passages differ only in case, punctuation or typography.
pub fn fold(text: &str) -> String {
    let tokens = tokenize(text);
    let mut out = String::with_capacity(text.len());
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(&t.norm);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_dotless_i_with_a_combining_dot_from_a_pdf_reads_as_i() {
        assert_eq!(super::normalize_word("\u{131}\u{307}nstitute"), "institute");
        // A Turkish dotless ı on its own is another letter.
        assert_eq!(super::normalize_word("kapı"), "kapı");
    }

    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    }

    #[test]
    fn case_typography_and_apostrophes_fold_away() {
        assert_eq!(norms("The agents’ presence"), ["the", "agents", "presence"]);
        assert_eq!(norms("AGENT'S"), norms("agent’s"));
        assert_eq!(norms("l’État"), ["létat"]);
        assert_eq!(norms("Straße"), ["strasse"]);
        assert_eq!(norms("ﬁne"), ["fine"]);
    }

    #[test]
    fn numbers_keep_their_separators_and_hyphens_split() {
        assert_eq!(
            norms("10,000 and 2.5, then 55-minute"),
            ["10,000", "and", "2.5", "then", "55", "minute"]
        );
        assert_eq!(norms("in 2005, late"), ["in", "2005", "late"]);
    }

    #[test]
    fn thousands_grouped_by_spaces_are_one_figure() {
        assert_eq!(norms("3 500 écoles"), ["3500", "écoles"]);
        assert_eq!(norms("1\u{202f}200\u{a0}000 euros"), ["1200000", "euros"]);
        assert_eq!(
            norms("moins de 2 000,50 euros"),
            ["moins", "de", "2000,50", "euros"]
        );
        // A year before a count, a group of two or four digits, digits run into a word.
        assert_eq!(
            norms("en 2022 300 personnes"),
            ["en", "2022", "300", "personnes"]
        );
        assert_eq!(
            norms("le 3 10 et 12 2500"),
            ["le", "3", "10", "et", "12", "2500"]
        );
        assert_eq!(norms("3 500e"), ["3", "500e"]);
        let spans: Vec<_> = tokenize("de 3 500 écoles")
            .iter()
            .map(|t| t.span())
            .collect();
        assert_eq!((spans[1].start, spans[1].end), (3, 8));
    }

    #[test]
    fn signs_and_operators_survive() {
        assert_eq!(norms("was -0.42"), ["was", "-0.42"]);
        assert_eq!(norms("was \u{2212}0.42"), norms("was -0.42"));
        assert_ne!(norms("was -0.42"), norms("was 0.42"));
        assert_eq!(norms("p < 0.05"), ["p", "<", "0.05"]);
        assert_ne!(norms("p < 0.05"), norms("p = 0.05"));
        assert_eq!(norms("p \u{2264} 0.05"), ["p", "<=", "0.05"]);
        assert_eq!(norms("rose 5% (\u{b1}2)"), ["rose", "5", "%", "+-", "2"]);
        // Hyphens between words and figures stay hyphens.
        assert_eq!(
            norms("a 55-minute talk, 2-3 days"),
            ["a", "55", "minute", "talk", "2", "3", "days"]
        );
        let text = "fell to \u{2212}3.5 %";
        for t in tokenize(text) {
            assert_eq!(normalize_word(t.span().slice(text)), t.norm);
        }
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let text = "Hé, “l’agent” — non-conducive.";
        for t in tokenize(text) {
            assert_eq!(normalize_word(t.span().slice(text)), t.norm);
        }
    }

    #[test]
    fn ellipsis_brackets_and_breaks_are_flagged() {
        let toks = tokenize("said ... that [the Mayor] met\n\nthem… here");
        let get = |w: &str| toks.iter().find(|t| t.norm == w).unwrap().clone();
        assert!(get("that").gap.ellipsis);
        assert!(get("the").bracketed && get("mayor").bracketed && !get("met").bracketed);
        assert!(get("them").gap.line_break);
        assert!(get("here").gap.ellipsis);
        assert!(!get("met").gap.ellipsis);
        assert!(tokenize("U.S. A").iter().all(|t| !t.gap.ellipsis));
        assert!(tokenize("a . . . b")[1].gap.ellipsis);
    }

    #[test]
    fn a_text_cut_at_its_split_point_gives_the_same_tokens() {
        let paragraph =
            "The [Mayor] said: \u{201c}We\u{2019}ll see\u{2026}\u{201d} Costs rose 2.5% to \
            $10,000 [1. ";
        let text = paragraph.repeat(8 * 1024).replace("[1. ", "[1.\n\n");
        let whole = tokenize(&text);
        for tail in [40_000, text.len() / 2, text.len() - 40_000] {
            let at = split_point(&text, tail).expect("a long text with line breaks splits");
            let want = text.len() - tail;
            assert!(at > want - 200 && at < want + 200, "{at} for {want}");
            let mut parts = tokenize_head(&text, at);
            assert!(parts.capacity() >= whole.len());
            parts.extend(tokenize_from(&text, at));
            assert_eq!(parts, whole);
        }
        // Too short a tail or head, or no line break: no cut.
        assert_eq!(split_point(&text, 1000), None);
        assert_eq!(split_point(&text, text.len() - 1000), None);
        assert_eq!(split_point(&paragraph.repeat(8 * 1024), 100_000), None);
    }

    #[test]
    fn a_recased_first_letter_in_brackets_stays_in_its_word() {
        let text = "“[T]he agents,” she said, “[w]ere [not] there.”";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            ["the", "agents", "she", "said", "were", "not", "there"]
        );
        assert_eq!(toks[0].span().slice(text), "[T]he");
        assert!(!toks[0].bracketed && !toks[4].bracketed);
        // A bracketed word of its own is still an insertion.
        assert!(toks[5].bracketed);
        let toks = tokenize("see note [1\n\nThe fund opens");
        assert!(toks[2].bracketed && !toks[3].bracketed);
    }
}
