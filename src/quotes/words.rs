//! The words and sentences around a quotation, as attribution reads them.
//!
//! Attribution looks at a few words either side of a quotation, with the punctuation that
//! separates them (a name does not run across a comma) and whether a full stop follows
//! ("Mr."); it never needs the whole text tokenized, so this is a small scanner of its own
//! rather than the engine's normalised view.

use compact_str::CompactString;

use crate::align::sentences;
use crate::normalize::{is_apostrophe, is_word_char};

/// A word of the text around a quotation, for attribution patterns.
#[derive(Debug, Clone)]
pub(super) struct Word<'t> {
    pub(super) text: &'t str,
    pub(super) lower: CompactString,
    /// Punctuation (a comma, colon, bracket, dash, quotation mark) stands between this word
    /// and the one before: a name does not run across it ("El líder del PP, Pablo Casado").
    pub(super) pause: bool,
    /// A full stop follows the word directly ("Mr.", "R."), kept when the word is inside a name.
    pub(super) dot: bool,
}

/// A word reads as its lower case, as the word lists are written.
impl AsRef<str> for Word<'_> {
    fn as_ref(&self) -> &str {
        &self.lower
    }
}

pub(super) fn words_of(text: &str) -> Vec<Word<'_>> {
    first_words_of(text, usize::MAX)
}

/// The first `limit` words of `text` (see [`words_of`]): only the start of what follows a
/// quotation can name its speaker, and a novel's sentences run long.
pub(super) fn first_words_of(text: &str, limit: usize) -> Vec<Word<'_>> {
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
/// "affirme" and the pronoun "il", so the verb is found in the word list
/// (`assets/speakers/inverted_subjects.txt`).
fn push_word<'t>(out: &mut Vec<Word<'t>>, text: &'t str, pause: bool, dot: bool) {
    // Most words have no hyphen: nothing to split.
    let dash = text.bytes().rposition(|b| b == b'-');
    let inverted = dash.and_then(|_| {
        super::lists::lists().inverted_subjects.iter().find(|s| {
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

pub(super) fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The text from `from` to the end of its sentence (the stop left out), read no further than
/// `limit`: what follows a quotation up to the next one. Cut by the one sentence cutter,
/// [`crate::align::sentences`].
pub(super) fn sentence_after(text: &str, from: usize, limit: usize) -> &str {
    let limit = limit.max(from).min(text.len());
    &text[from..sentences::end_after(text, from, limit)]
}

/// The text from the start of the sentence holding `to` up to it, read no further back than
/// `limit`: what precedes a quotation since the one before.
pub(super) fn sentence_before(text: &str, to: usize, limit: usize) -> &str {
    let limit = limit.min(to);
    &text[sentences::start_before(text, to, limit)..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_after_a_quotation_runs_past_a_decimal_point_to_its_stop() {
        let text = "“Yes,” he said, paying $1.5 million. Then he left.";
        let from = text.find(" he").unwrap();
        assert_eq!(
            sentence_after(text, from, text.len()),
            " he said, paying $1.5 million"
        );
    }

    #[test]
    fn the_sentence_before_a_quotation_starts_after_a_closed_quotation() {
        let text = "She said “yes.” Kelly added: “No.”";
        let to = text.rfind('“').unwrap();
        assert_eq!(sentence_before(text, to, 0), " Kelly added: ");
    }
}
