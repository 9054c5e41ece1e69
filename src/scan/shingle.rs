//! Word shingles: the fingerprints that find candidate pairs before any comparison runs.
//!
//! A shingle is a run of [`SHINGLE_WORDS`] consecutive words in the engine's own normalised
//! form ([`crate::normalize::tokenize`]: NFKC, case folded, apostrophes and punctuation
//! ignored), hashed to 64 bits with XXH3. Normalising exactly as the comparison does means a
//! passage the comparison would find always yields the same shingles on both sides, whatever
//! quotes, case or line breaks the article used. Five words, because a passage outside
//! quotation marks counts from six words: a six-word reuse then shares two shingles.

use xxhash_rust::xxh3::Xxh3;

use crate::normalize;

/// Words in one shingle.
pub const SHINGLE_WORDS: usize = 5;

/// The distinct shingle hashes of `text`, sorted.
///
/// Sorted and free of repeats, so that a shingle a document says twice counts once when two
/// documents are compared, and so that Python and Spark, which call this same function, see
/// the same set.
pub fn shingles(text: &str) -> Vec<u64> {
    let tokens = normalize::tokenize(text);
    let mut hashes: Vec<u64> = tokens
        .windows(SHINGLE_WORDS)
        .map(|window| {
            let mut hasher = Xxh3::new();
            for token in window {
                hasher.update(token.norm.as_bytes());
                // A separator no word contains, so "ab c" and "a bc" differ.
                hasher.update(&[0]);
            }
            hasher.digest()
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
