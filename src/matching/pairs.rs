//! Sentences of two words copied whole ("Talks failed.", "Verhandlungen gescheitert."): too
//! short for any n-gram seed of step 1, they are looked up here as whole sentences.
//!
//! Two words prove little on their own, so only a pair that is a whole sentence on both
//! sides is looked up, and never one that any text says: both words must carry content (not
//! "He said.", "Not yet."), neither may be a word of greeting, thanks or assent
//! (`assets/formulae.txt`: "Thank you.", "Vielen Dank."), and the source must say the
//! sentence once (a refrain the source repeats is not a statement reused). Whether the pair
//! is rare enough to count is decided with the other short sentences in
//! `select::copied_sentence`.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{push_maximal, Region, Run};
use crate::normalize::Token;

/// The words of `assets/formulae.txt`, normalised.
fn formulae() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::lexicon::words(include_str!("../../assets/formulae.txt"))
            .map(|w| crate::normalize::normalize_word(w).to_string())
            .collect()
    })
}

/// Word `i` of `tokens` begins a sentence or a line, or `i` is the end of the text.
fn starts(tokens: &[Token], i: usize) -> bool {
    i == 0 || i == tokens.len() || {
        let gap = tokens[i].gap;
        gap.sentence_end || gap.line_break
    }
}

/// The runs (grown as in step 1) of the article's two-word sentences, outside quotation
/// marks, that the source has once as a whole sentence. One pass over each text, and over
/// the source only when the article has such a sentence.
pub(super) fn two_word_sentences(
    (sids, aids): (&[u32], &[u32]),
    content: &[bool],
    regions: &[Region],
    segments: &[u32],
    (source, article): (&[Token], &[Token]),
) -> Vec<Run> {
    let carries = |i: usize| {
        content.get(aids[i] as usize).copied().unwrap_or(false)
            && !formulae().contains(article[i].norm.as_str())
    };
    // Each candidate pair of words, with the article sentences that are that pair.
    let mut wanted: FxHashMap<(u32, u32), Vec<usize>> = FxHashMap::default();
    for i in 0..aids.len().saturating_sub(1) {
        if starts(article, i)
            && starts(article, i + 2)
            && regions[i].is_none()
            && regions[i + 1].is_none()
            && carries(i)
            && carries(i + 1)
        {
            wanted.entry((aids[i], aids[i + 1])).or_default().push(i);
        }
    }
    if wanted.is_empty() {
        return Vec::new();
    }
    // Where the source has each pair as a whole sentence, and how often.
    let mut found: FxHashMap<(u32, u32), (usize, u32)> = FxHashMap::default();
    for s in 0..sids.len().saturating_sub(1) {
        if starts(source, s) && starts(source, s + 2) {
            let key = (sids[s], sids[s + 1]);
            if wanted.contains_key(&key) {
                found.entry(key).or_insert((s, 0)).1 += 1;
            }
        }
    }
    let mut runs = Vec::new();
    for (key, (s, times)) in found {
        if times != 1 {
            continue;
        }
        for &a in &wanted[&key] {
            push_maximal((a, s, 2), (sids, aids), segments, source, &mut runs);
        }
    }
    runs
}
