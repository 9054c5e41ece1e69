//! The words that tell a sentence's tense, per language (`assets/details/tense.txt`).

use rustc_hash::FxHashSet as HashSet;

use super::{lines, Lang, Lexicon};
use crate::normalize::Token;

/// The marks that open or close a quotation, each toggling whether the words after it are
/// quoted (apostrophes and single quotes are left out: they also stand inside words).
const QUOTE_MARKS: [char; 6] = ['"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}'];

/// The words that tell a sentence's tense in one language (`assets/details/tense.txt`).
#[derive(Debug, Default)]
pub struct Tense {
    /// Words of a sentence about what comes ("will").
    pub future: HashSet<String>,
    /// Endings of the simple future ("-eront").
    pub future_endings: Vec<String>,
    /// Words of a past sentence, for a language that tells plans in the present tense.
    pub past: HashSet<String>,
}

impl Tense {
    /// True when a sentence (its `tokens`, whose spans point into `text`) tells of the past:
    /// no future cue and, for a language with past cues, a past cue among the words outside
    /// its quotation marks. The reporting clause sets the tense ("“Every bridge will be
    /// fixed,” she said on Monday" tells of a Monday past); a sentence quoted whole is read
    /// from all its words.
    pub fn tells_past(&self, text: &str, tokens: &[Token]) -> bool {
        // One pass, no list: cues counted outside the marks and in all the words, each
        // (future, past) pair read as the sentence's tense.
        let (mut outside, mut all) = (Cues::default(), Cues::default());
        let mut quoted = false;
        let mut end = tokens.first().map_or(0, |t| t.span().start);
        for t in tokens {
            let gap = text.get(end..t.span().start).unwrap_or("");
            quoted ^= gap.chars().filter(|c| QUOTE_MARKS.contains(c)).count() % 2 == 1;
            let cue = Cues {
                words: 1,
                future: self.is_future(&t.norm),
                past: !self.past.is_empty() && self.past.contains(t.norm.as_str()),
            };
            all.add(&cue);
            if !quoted {
                outside.add(&cue);
            }
            end = t.span().end;
        }
        let cues = if outside.words == 0 { all } else { outside };
        !cues.future && (self.past.is_empty() || cues.past)
    }

    /// True when `word` (normalised) speaks of what comes.
    pub fn is_future(&self, word: &str) -> bool {
        self.future.contains(word)
            || (self.future_endings.iter())
                .any(|e| word.len() > e.len() + 1 && word.ends_with(e.as_str()))
    }
}

/// What some words of a sentence tell of its tense: how many they are, and whether one
/// speaks of what comes, one of the past.
#[derive(Debug, Default)]
struct Cues {
    words: usize,
    future: bool,
    past: bool,
}

impl Cues {
    fn add(&mut self, other: &Cues) {
        self.words += other.words;
        self.future |= other.future;
        self.past |= other.past;
    }
}

/// Tense cues, per language.
pub(super) fn read_tenses(lx: &mut Lexicon) {
    for line in lines(include_str!("../../assets/details/tense.txt")) {
        let mut parts = line.split_whitespace();
        let (Some(lang), Some(cue)) = (parts.next().and_then(Lang::from_code), parts.next()) else {
            continue;
        };
        let tense = lx.tenses.entry(lang).or_default();
        let words = parts.map(|w| crate::normalize::normalize_word(w).to_string());
        match cue {
            "future" => tense.future.extend(words),
            "ending" => tense.future_endings.extend(words),
            "past" => tense.past.extend(words),
            _ => {}
        }
    }
}
