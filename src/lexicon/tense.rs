//! The words that tell a sentence's tense, per language (`assets/details/tense.txt`).

use rustc_hash::FxHashSet as HashSet;

use super::{lines, Lang, Lexicon};

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
    /// True when `word` (normalised) speaks of what comes.
    pub fn is_future(&self, word: &str) -> bool {
        self.future.contains(word)
            || (self.future_endings.iter())
                .any(|e| word.len() > e.len() + 1 && word.ends_with(e.as_str()))
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
