//! Sentence boundaries in byte spans, for aligning paraphrases and scoping details.
//!
//! A full stop after an abbreviation (`Mr.`, `Gov.`), an initial (`John R. Park`) or a dotted
//! acronym (`U.S.`, `D.C.`, `P.S. 58`, `4 p.m.`) does not end a sentence; a line break does,
//! because headlines and datelines stand on lines of their own. We tried
//! `unicode-segmentation`'s sentence bounds first: it splits "U.S. Citizenship" and
//! "Mr. Kelly", and a short abbreviation list is all that fixes it. This module only cuts; it
//! knows nothing of what the sentences say.

use crate::span::Span;

/// True when the word just before a full stop makes that stop part of the word.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "R", "U.S", "p.m".
    if word.split('.').all(|part| part.chars().count() == 1) {
        return true;
    }
    crate::lexicon::get()
        .abbreviations
        .contains(&word.to_lowercase())
}

/// True for a mark that may end a sentence. Punctuation, not words, so in code, not in
/// `assets/`: the same four marks in every language quotediff reads.
fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// How far back (in bytes) [`cut_before`] looks for the stop: past closing marks and spaces,
/// never into the sentence before.
const CUT_REACH: usize = 64;

/// Lines shorter than this (in bytes) stand alone: headlines, datelines, list items.
const SHORT_LINE: usize = 60;

/// The sentences of `text`, trimmed, in order.
pub fn split(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut cut = Cutter::new(text);
    // Walks the text once, decoding characters in place (a long text is not copied into a
    // vector of characters).
    let mut pos = 0usize;
    while pos < bytes.len() {
        let i = pos;
        // A run of ASCII letters and digits, most of any text, is taken whole: only its first
        // character can open a sentence or a word, and none of them can end one.
        if bytes[i].is_ascii_alphanumeric() {
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| i + n);
            cut.start.get_or_insert(i);
            if !cut.prev.is_some_and(is_wordish) {
                cut.word_start = i;
            }
            cut.last_end = run;
            cut.prev = Some(char::from(bytes[run - 1]));
            pos = run;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        pos = cut.step(i, c);
    }
    cut.finish()
}

/// The cutter walking a text: the sentences so far, where the open one and its last word
/// start, where its last character other than a space ends, and that character.
struct Cutter<'t> {
    text: &'t str,
    sentences: Vec<Span>,
    start: Option<usize>,
    word_start: usize,
    last_end: usize,
    prev: Option<char>,
}

impl<'t> Cutter<'t> {
    fn new(text: &'t str) -> Self {
        Cutter {
            text,
            sentences: Vec::with_capacity(text.len() / 100 + 1),
            start: None,
            word_start: 0,
            last_end: 0,
            prev: None,
        }
    }

    /// Reads the character `c` at `i`: where the next character to read starts (after the
    /// closing marks a stop swallows).
    fn step(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let mut next_pos = i + c.len_utf8();
        if self.start.is_none() && !c.is_whitespace() {
            self.start = Some(i);
        }
        if c.is_alphanumeric() && !self.prev.is_some_and(is_wordish) {
            self.word_start = i;
        }
        if !c.is_whitespace() {
            self.last_end = next_pos;
        }
        let mut boundary_at = None;
        if c == '\n' || c == '\u{2029}' {
            boundary_at = line_ends_sentence(text, i, c).then_some(self.last_end);
        } else if is_stop(c) {
            if let Some(end) = stop_ends_sentence(text, (i, next_pos), c, self.word_start) {
                (boundary_at, next_pos, self.last_end) = (Some(end), end, end);
            }
        }
        if let (Some(end), Some(s)) = (boundary_at, self.start) {
            self.start = None;
            if end > s {
                self.sentences.push(Span::new(s, end));
            }
        }
        // The last character read: `c`, or the last closing mark a stop swallowed.
        self.prev = if next_pos == i + c.len_utf8() {
            Some(c)
        } else {
            text[..next_pos].chars().next_back()
        };
        next_pos
    }

    /// The sentences, the last one ended by the end of the text.
    fn finish(mut self) -> Vec<Span> {
        if let Some(s) = self.start.filter(|s| self.last_end > *s) {
            self.sentences.push(Span::new(s, self.last_end));
        }
        self.sentences
    }
}

/// True when the line break `c` at `i` ends a sentence: a blank line or a short line (a
/// headline, a dateline) does; a single line break in hard-wrapped prose does not.
fn line_ends_sentence(text: &str, i: usize, c: char) -> bool {
    let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
    let blank_next = text[i + c.len_utf8()..]
        .chars()
        .take_while(|d| *d != '\n')
        .all(char::is_whitespace);
    c == '\u{2029}' || blank_next || i - line_start < SHORT_LINE
}

/// Where the sentence ends when the stop `c` at `i` (the next character at `next_pos`), in
/// the word that began at `word_start`, ends it: after any closing marks, when a space and a
/// sentence opening follow and the stop belongs to no abbreviation.
fn stop_ends_sentence(
    text: &str,
    (i, next_pos): (usize, usize),
    c: char,
    word_start: usize,
) -> Option<usize> {
    // Swallow closing marks: `."`, `.)`, `?”`.
    let closing: usize = text[next_pos..]
        .chars()
        .take_while(|d| {
            matches!(
                d,
                '.' | '"' | '”' | '’' | '\'' | ')' | '»' | '!' | '?' | '…'
            )
        })
        .map(char::len_utf8)
        .sum();
    let end = next_pos + closing;
    let after = &text[end..];
    if !after.chars().next().is_none_or(char::is_whitespace) {
        return None;
    }
    let next = after.chars().find(|d| !d.is_whitespace());
    let starts_new = next.is_none_or(|d| {
        d.is_uppercase()
            || d.is_ascii_digit()
            || matches!(
                d,
                '"' | '“' | '‘' | '«' | '„' | '‚' | '»' | '‹' | '¿' | '¡' | '(' | '—' | '-'
            )
    });
    let word = text.get(word_start..i).unwrap_or("");
    // "14. Juni 2018": a German ordinal day before a month name.
    let ordinal_day =
        !word.is_empty() && word.len() <= 2 && word.chars().all(|d| d.is_ascii_digit()) && {
            let next_word: String = after
                .chars()
                .skip_while(|d| d.is_whitespace())
                .take_while(|d| d.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            crate::lexicon::get().months.contains_key(&next_word)
        };
    let abbreviated = c == '.' && (is_abbreviation(word) || ordinal_day);
    (starts_new && !abbreviated).then_some(end)
}

/// The sentence (or sentences) of `text` around `at`, looking at most `reach` bytes either
/// side: a "sentence" longer than that is a list or an extraction without stops. The stop
/// that ends it is left out.
pub(crate) fn around(text: &str, at: Span, reach: usize) -> Span {
    let floor = crate::span::floor_char_boundary(text, at.start.saturating_sub(reach));
    let ceil = crate::span::floor_char_boundary(text, at.end.saturating_add(reach).min(text.len()));
    Span::new(
        start_before(text, at.start, floor),
        end_after(text, at.end, ceil),
    )
}

/// Where the sentence holding byte `at` of `text` starts, looking back no further than
/// `floor`: just after the last sentence end before it (a line break, or a stop that
/// [`split`] would cut at, with its closing marks), or `floor` when there is none. For a
/// reader that needs one sentence around a point of a long text, where cutting the whole
/// text would cost more than the look-up.
pub(crate) fn start_before(text: &str, at: usize, floor: usize) -> usize {
    let window = text.get(floor..at).unwrap_or("");
    for (k, c) in window.char_indices().rev() {
        let i = floor + k;
        if c == '\n' || c == '\u{2029}' {
            return i + c.len_utf8();
        }
        if let Some(end) = stop_at(text, i, c) {
            // A stop that ends right at `at` (or whose closing marks run past it) closes the
            // sentence that `at` ends, not one before it.
            if end < at {
                return end;
            }
        }
    }
    floor
}

/// Where the sentence holding byte `at` of `text` ends, looking no further than `ceil`: at
/// the next line break or the next stop that [`split`] would cut at (the stop itself is left
/// out), or `ceil` when there is none.
pub(crate) fn end_after(text: &str, at: usize, ceil: usize) -> usize {
    let window = text.get(at..ceil).unwrap_or("");
    for (k, c) in window.char_indices() {
        let i = at + k;
        if c == '\n' || c == '\u{2029}' || stop_at(text, i, c).is_some() {
            return i;
        }
    }
    ceil
}

/// True when the cutter ends a sentence (or a line) right before byte `at` of `text`, with
/// nothing but white space between: a quotation that stands as its own sentence. Unlike
/// [`opens_sentence`], a colon does not count ("di oggi: «La sicurezza»" is words taken
/// into the article's sentence).
pub(crate) fn cut_before(text: &str, at: usize) -> bool {
    let floor = crate::span::floor_char_boundary(text, at.saturating_sub(CUT_REACH));
    let start = start_before(text, at, floor);
    start > floor && text[start..at].trim().is_empty()
}

/// Where the sentence ends when the character `c` at byte `i` is a stop that ends it (see
/// [`stop_ends_sentence`]), the word before it read as [`split`] reads it.
fn stop_at(text: &str, i: usize, c: char) -> Option<usize> {
    if !is_stop(c) {
        return None;
    }
    stop_ends_sentence(text, (i, i + c.len_utf8()), c, word_before(text, i))
}

/// Where the word that ends at byte `i` starts: its first letter or digit after the last
/// character that belongs to no word ("U.S", "Mr" in "(Mr").
fn word_before(text: &str, i: usize) -> usize {
    let before = &text[..i];
    let run = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_wordish(c))
        .last()
        .map_or(i, |(k, _)| k);
    before[run..]
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric())
        .map_or(i, |(k, _)| run + k)
}

/// True when a sentence may start at byte `at` of `text`: nothing but spaces and opening marks
/// (quotation marks, a bracket, a dash) between it and the text's start, a line break or a
/// sentence's or clause's end (". ", ": "). The one test of a sentence's start: a short
/// quotation's capital, a name's capital and a bridge's first word all ask it.
pub(crate) fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    for c in before.chars().rev() {
        match c {
            '.' | '!' | '?' | '\n' | ':' => return true,
            c if c.is_whitespace() => continue,
            '"' | '“' | '‘' | '«' | '„' | '(' | '\'' | '–' | '—' | '-' => continue,
            _ => return false,
        }
    }
    true
}

fn is_wordish(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_and_acronyms_do_not_end_sentences() {
        let text = "Agents from U.S. Citizenship and Immigration Services visited P.S. 58 in \
                    Queens. Mr. Kelly met Gov. Larry Hogan in Washington, D.C. on Monday at 4 p.m. \
                    and left. Then they spoke.";
        assert_eq!(
            texts(text),
            [
                "Agents from U.S. Citizenship and Immigration Services visited P.S. 58 in Queens.",
                "Mr. Kelly met Gov. Larry Hogan in Washington, D.C. on Monday at 4 p.m. and left.",
                "Then they spoke."
            ]
        );
    }

    #[test]
    fn quotes_and_line_breaks_close_sentences() {
        let text =
            "FOR IMMEDIATE RELEASE, May 15, 2017\nHe said: \"We will stay.\" She left?\n\nYes.";
        assert_eq!(
            texts(text),
            [
                "FOR IMMEDIATE RELEASE, May 15, 2017",
                "He said: \"We will stay.\"",
                "She left?",
                "Yes."
            ]
        );
    }

    #[test]
    fn hard_wrapped_prose_is_joined_but_short_lines_stand_alone() {
        let text = "READOUT: MAYOR MEETS SECRETARY\nThe Federal Open Market Committee decided today to establish a\ntarget range for the federal funds rate of 0 to 1/4 percent.\n\nNext paragraph.";
        assert_eq!(
            texts(text),
            [
                "READOUT: MAYOR MEETS SECRETARY",
                "The Federal Open Market Committee decided today to establish a\ntarget range for the federal funds rate of 0 to 1/4 percent.",
                "Next paragraph."
            ]
        );
    }

    #[test]
    fn a_german_ordinal_date_is_one_sentence() {
        assert_eq!(
            texts("Berlin, 14. Juni 2018. Er kam."),
            ["Berlin, 14. Juni 2018.", "Er kam."]
        );
    }

    #[test]
    fn words_that_end_sentences_are_not_abbreviations() {
        // "me", "est", "sat", "sun": words of English, French and Spanish first.
        assert_eq!(
            texts("She called me. Then she left. Me lo dijo a me. Luego salió."),
            [
                "She called me.",
                "Then she left.",
                "Me lo dijo a me.",
                "Luego salió."
            ]
        );
        assert_eq!(
            texts("La réunion a eu lieu dans le Grand Est. Le préfet a parlé."),
            [
                "La réunion a eu lieu dans le Grand Est.",
                "Le préfet a parlé."
            ]
        );
        assert_eq!(
            texts("He sat. Kelly told The Sun. The rate rose."),
            ["He sat.", "Kelly told The Sun.", "The rate rose."]
        );
        // Their neighbours in the list still abbreviate.
        assert_eq!(
            texts("Mme. Dupont met Gov. Hogan on Fri. Dec. 6."),
            ["Mme. Dupont met Gov. Hogan on Fri. Dec. 6."]
        );
    }

    #[test]
    fn a_german_quotation_opens_a_sentence() {
        assert_eq!(
            texts("Merkel hat die Reformen gewürdigt. „Griechenland hat Fortschritte gemacht“, sagte sie. »Ja«, sagte er."),
            [
                "Merkel hat die Reformen gewürdigt.",
                "„Griechenland hat Fortschritte gemacht“, sagte sie.",
                "»Ja«, sagte er."
            ]
        );
    }

    #[test]
    fn a_quotation_after_a_stop_is_cut_before_but_not_after_a_colon() {
        let cut = |text: &str, word: &str| cut_before(text, text.find(word).unwrap());
        assert!(cut("Er kam. „Nein“, sagte er.", "„Nein"));
        assert!(cut("He left.\n“Nothing,” said he.", "“Nothing"));
        assert!(!cut("nodo chiave di oggi: «La sicurezza», definita", "«La"));
        assert!(!cut("“Nothing,” said he.", "“Nothing"));
    }

    #[test]
    fn a_sentence_opens_after_a_stop_a_colon_or_a_line_break_and_opening_marks() {
        let at = |text: &str, word: &str| opens_sentence(text, text.find(word).unwrap());
        assert!(at("“Nothing,” said he.", "“Nothing"));
        assert!(at("He left. (“Never,” she wrote.)", "“Never"));
        assert!(at("Il a répondu : « Non ».", "« Non"));
        assert!(at("Headline\n— Kelly said", "Kelly"));
        assert!(!at(
            "Officials called the deal “ironclad” on Friday.",
            "“ironclad"
        ));
        assert!(!at("a speech about “Security”", "“Security"));
    }

    #[test]
    fn a_lowercase_word_after_a_stop_continues_the_sentence() {
        assert_eq!(
            texts("The rate is 2.5 per cent. and rising"),
            ["The rate is 2.5 per cent. and rising"]
        );
    }

    /// The sentence around the first occurrence of `word`, as the differences read it.
    fn around_word<'t>(text: &'t str, word: &str) -> &'t str {
        let at = text.find(word).unwrap();
        around(text, Span::new(at, at + word.len()), 1_200)
            .slice(text)
            .trim_start()
    }

    #[test]
    fn the_sentence_around_a_point_is_cut_as_split_cuts() {
        // A decimal point, an abbreviation in brackets and an initial end nothing.
        assert_eq!(
            around_word(
                "Fees rose. The fine (Mr. Kelly said) was $1.5 million. Then",
                "million"
            ),
            "The fine (Mr. Kelly said) was $1.5 million"
        );
        // A stop inside closing quotation marks ends the sentence.
        assert_eq!(
            around_word("He said \"yes.\" Then she left.", "she"),
            "Then she left"
        );
        assert_eq!(
            around_word("She said: «Non.» Il part.", "Non"),
            "She said: «Non"
        );
        // A line break always ends it; so does the reach.
        assert_eq!(
            around_word("Title\nThe text goes on", "text"),
            "The text goes on"
        );
        let long = format!("{} end", "word ".repeat(400));
        let at = long.find("end").unwrap();
        assert_eq!(around(&long, Span::new(at, at + 3), 100).start, at - 100);
    }

    /// The cutter as it was before runs of ASCII letters were taken whole: one character at
    /// a time, every one through [`Cutter::step`]. The fast path must cut every text exactly
    /// as this does.
    fn split_by_characters(text: &str) -> Vec<Span> {
        let mut cut = Cutter::new(text);
        let mut pos = 0;
        while let Some(c) = text[pos..].chars().next() {
            pos = cut.step(pos, c);
        }
        cut.finish()
    }

    proptest::proptest! {
        #[test]
        fn runs_of_ascii_letters_cut_as_characters_do(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Mr", "U", "S", "p", "m", "14", "Juni", "the", "Kelly", "é", "Ölz", "日本",
                "’s", "'", ".", ". ", "! ", "?", "…", "\"", "”", ")", "»", "«", " ", "  ",
                "\n", "\n\n", "\u{2029}", "\t", "-", "—", ",", "\u{a0}",
            ]), 0..60)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(split(&text), split_by_characters(&text));
        }
    }
}
