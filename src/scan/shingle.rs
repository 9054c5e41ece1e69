//! Word shingles: the fingerprints that find candidate pairs before any comparison runs.
//!
//! A shingle is a run of [`SHINGLE_WORDS`] consecutive words in the engine's own normalised
//! form ([`crate::normalize::tokenize`]: NFKC, case folded, apostrophes and punctuation
//! ignored), hashed to 64 bits with XXH3: each word hashed once, then each run of five word
//! hashes (a streaming hasher fed every word of every window cost more than the words). Normalising exactly as the comparison does means a
//! passage the comparison would find always yields the same shingles on both sides, whatever
//! quotes, case or line breaks the article used. Five words, because a passage outside
//! quotation marks counts from six words: a six-word reuse then shares two shingles.

use xxhash_rust::xxh3::xxh3_64;

use crate::normalize::{self, Token};

/// Words in one shingle.
pub const SHINGLE_WORDS: usize = 5;

/// The distinct shingle hashes of `text`, sorted.
///
/// Sorted and free of repeats, so that a shingle a document says twice counts once when two
/// documents are compared, and so that Python and Spark, which call this same function, see
/// the same set.
pub fn shingles(text: &str) -> Vec<u64> {
    shingles_of(&normalize::tokenize(text))
}

/// The distinct shingle hashes of a text's words, sorted (for a caller that needs the words
/// for more than the shingles).
pub fn shingles_of(tokens: &[Token]) -> Vec<u64> {
    // Each word hashed on its own, so "ab c" and "a bc" differ.
    let words: Vec<u64> = tokens.iter().map(|t| xxh3_64(t.norm.as_bytes())).collect();
    let mut hashes: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|window| {
            let mut bytes = [0u8; 8 * SHINGLE_WORDS];
            for (chunk, word) in bytes.chunks_exact_mut(8).zip(window) {
                chunk.copy_from_slice(&word.to_le_bytes());
            }
            xxh3_64(&bytes)
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_words_in_other_typography_give_the_same_shingles() {
        let release = "The Council will “review every contract” before June.";
        let article = "the council WILL review\nevery contract, before june";
        assert_eq!(shingles(release), shingles(article));
        assert_eq!(shingles(release).len(), 8 - SHINGLE_WORDS + 1);
    }

    #[test]
    fn word_boundaries_matter() {
        assert_ne!(shingles("ab c d e f"), shingles("a bc d e f"));
    }

    #[test]
    fn a_repeated_passage_counts_once_and_short_texts_have_none() {
        let twice = "one two three four five one two three four five";
        // Windows: 12345, 23451, 34512, 45123, 51234, 12345 again.
        assert_eq!(shingles(twice).len(), 5);
        assert!(shingles("only four words here").is_empty());
    }
}
