//! The words and sentences around a quotation, as attribution reads them.
//!
//! Attribution looks at a few words either side of a quotation, with the punctuation that
//! separates them (a name does not run across a comma) and whether a full stop follows
//! ("Mr."); it never needs the whole text tokenized, so this is a small scanner of its own
//! rather than the engine's normalised view.

use compact_str::CompactString;

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

pub(super) fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn sentence_after(text: &str, from: usize, limit: usize) -> &str {
    let limit = limit.max(from).min(text.len());
    let rest = &text[from..limit];
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if c == '\n'
            || ((c == '.' || c == '!' || c == '?') && i > 2 && !after_abbreviation(rest, i))
        {
            end = i;
            break;
        }
    }
    &rest[..end]
}

/// Whether the full stop at byte `i` of `text` closes an abbreviation or an initial ("said
/// Mr. Smith.", "said John F. Kennedy."), so the sentence goes on.
fn after_abbreviation(text: &str, i: usize) -> bool {
    if !text[i..].starts_with('.') {
        return false;
    }
    let before = &text[..i];
    let word_start = before.rfind(|p: char| !p.is_alphabetic()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    crate::align::sentences::is_abbreviation(&before[word_start..])
}

pub(super) fn sentence_before(text: &str, to: usize, limit: usize) -> &str {
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
            let abbreviation = after_abbreviation(before, i);
            if after.starts_with(' ') && !abbreviation {
                start = i + 1;
                break;
            }
        }
    }
    &before[start..]
}
