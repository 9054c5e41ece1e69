//! The word numbering and the n-gram index that matching looks words up in.
//!
//! Both sides' normalised words become small integers (equal words, equal numbers) so that
//! every later step compares integers, not strings; the source's n-grams are bucketed for
//! seed look-ups. Nothing here decides what is shared.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::PARALLEL_WORDS;
use crate::normalize::Token;
use crate::parallel::both;

/// What a stop word adds to a passage's surprise (see `surprise_weights`).
pub(super) const STOP_WORD_SURPRISE: f64 = 1.0;

/// The stop words of `assets/stopwords.txt`, normalised.
pub(super) fn stopwords() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::lexicon::words(include_str!("../../assets/stopwords.txt"))
            .map(|w| crate::normalize::normalize_word(w).to_string())
            .collect()
    })
}

/// True when a normalised word carries content (not a stop word).
pub fn is_content_word(norm: &str) -> bool {
    !stopwords().contains(norm)
        && (norm.chars().count() > 1
            || norm
                .chars()
                .all(|c| c.is_ascii_digit() || crate::normalize::is_ideograph(c)))
}

/// A word's normalised form as a map key: up to 16 bytes packed into one integer (hashed and
/// compared without a call to `memcmp`, which a megabyte's 180,000 look-ups feel), longer
/// words as text. Words hold no NUL byte, so the zero padding cannot make two words equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum WordKey<'a> {
    Short(u128),
    Long(&'a str),
}

impl<'a> WordKey<'a> {
    pub(super) fn of(word: &'a str) -> Self {
        let bytes = word.as_bytes();
        if bytes.len() > 16 {
            return WordKey::Long(word);
        }
        let mut packed = [0u8; 16];
        packed[..bytes.len()].copy_from_slice(bytes);
        WordKey::Short(u128::from_le_bytes(packed))
    }
}

/// One side's distinct words: the number of each, and each number's word and whether it
/// carries content (worked out here, on the numbering's own thread).
pub(super) struct Numbering<'a> {
    pub(super) ids: FxHashMap<WordKey<'a>, u32>,
    pub(super) words: Vec<&'a str>,
    pub(super) content: Vec<bool>,
}

/// One side's words numbered in order of first appearance, with the numbering; an
/// article's [bracketed] words get [`BRACKETED`] instead.
pub(super) fn number_words(tokens: &[Token], brackets: bool) -> (Vec<u32>, Numbering<'_>) {
    let mut numbering = Numbering {
        ids: FxHashMap::with_capacity_and_hasher(tokens.len() / 8 + 64, Default::default()),
        words: Vec::with_capacity(tokens.len() / 8 + 64),
        content: Vec::with_capacity(tokens.len() / 8 + 64),
    };
    // The commonest words make most of a text ("the", "of", "and"): a small table in front
    // of the map, which stays in the cache, answers for them.
    // All ones marks an empty slot: no word packs to it (0xFF never occurs in UTF-8).
    let mut front = vec![(u128::MAX, 0u32); FRONT_SLOTS];
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        if brackets && t.bracketed {
            out.push(BRACKETED);
            continue;
        }
        let word = t.norm.as_str();
        let key = WordKey::of(word);
        let slot = match key {
            WordKey::Short(packed) => {
                let mixed =
                    (packed as u64 ^ (packed >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let slot = (mixed >> (64 - FRONT_BITS)) as usize;
                if front[slot].0 == packed {
                    out.push(front[slot].1);
                    continue;
                }
                Some((slot, packed))
            }
            WordKey::Long(_) => None,
        };
        let next = numbering.words.len() as u32;
        let id = *numbering.ids.entry(key).or_insert(next);
        if id == next {
            numbering.words.push(word);
            numbering.content.push(is_content_word(word));
        }
        if let Some((slot, packed)) = slot {
            front[slot] = (packed, id);
        }
        out.push(id);
    }
    (out, numbering)
}

/// Slots of the table in front of [`number_words`]' map: 2^12 of 32 bytes, 128 KiB.
pub(super) const FRONT_BITS: u32 = 12;

pub(super) const FRONT_SLOTS: usize = 1 << FRONT_BITS;

/// Marks an editor's bracketed word while numbering.
pub(super) const BRACKETED: u32 = u32::MAX;

/// Maps each distinct normalised word to a small integer, the same on both sides, and says
/// which ids are content words. Each side is numbered on its own (on two threads for long
/// texts), then the article's numbers are translated into the source's.
pub(super) fn intern(source: &[Token], article: &[Token]) -> (Vec<u32>, Vec<u32>, Vec<bool>) {
    let ((sids, source_ids), (local, article_ids)) = if article.len() < PARALLEL_WORDS {
        (number_words(source, false), number_words(article, true))
    } else {
        both(
            || number_words(source, false),
            || number_words(article, true),
        )
    };
    let mut content = source_ids.content;
    let translate: Vec<u32> = article_ids
        .words
        .iter()
        .zip(&article_ids.content)
        .map(
            |(word, &carries)| match source_ids.ids.get(&WordKey::of(word)) {
                Some(&global) => global,
                None => {
                    content.push(carries);
                    content.len() as u32 - 1
                }
            },
        )
        .collect();
    // An editor's [bracketed] words are the article's own: they never equal a source word,
    // so "[la Banque de France]" cannot pull a quotation onto an earlier mention in the
    // source. Each gets an id of its own.
    let aids = local
        .into_iter()
        .map(|l| {
            if l == BRACKETED {
                content.push(false);
                content.len() as u32 - 1
            } else {
                translate[l as usize]
            }
        })
        .collect();
    (sids, aids, content)
}

pub(super) fn gram_key(ids: &[u32]) -> u64 {
    // FxHash-style mixing; collisions only cost a wasted extension, since every seed is
    // verified word by word.
    let mut h: u64 = 0;
    for &id in ids {
        h = (h.rotate_left(5) ^ id as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

/// The n-grams of a text, for seed look-ups: positions bucketed by the top bits of their
/// n-gram key (a counting sort, linear time), so a look-up reads one short, contiguous
/// bucket. (A comparison sort of the keys, a binary search over them, or a hash map cost
/// far more time or memory on a megabyte of text.)
pub(super) struct GramIndex {
    pub(super) k: usize,
    pub(super) shift: u32,
    /// Start of each bucket in `keys`/`positions`; one more entry than buckets.
    pub(super) offsets: Vec<u32>,
    /// The low 32 bits of each key: enough to tell the few keys of one bucket apart (a
    /// collision only costs a seed that fails verification).
    pub(super) keys: Vec<u32>,
    pub(super) positions: Vec<u32>,
    /// One bit per slot, set when some n-gram's key falls on it: a look-up of an n-gram the
    /// text lacks (most of an article's) usually stops here, in a table small enough for the
    /// cache, instead of reading two places of the index that are not.
    pub(super) present: Vec<u64>,
    /// Which slot of `present` a key falls on (see [`GramIndex::slot`]).
    pub(super) slot_mask: u64,
}

impl GramIndex {
    pub(super) fn new(ids: &[u32], k: usize) -> Self {
        let n = (ids.len() + 1).saturating_sub(k);
        // About two positions a bucket.
        let bits = (usize::BITS - n.max(1).leading_zeros())
            .saturating_sub(1)
            .clamp(4, 28);
        let shift = 64 - bits;
        let buckets = 1usize << bits;
        // Keys are computed twice (to count, then to place) rather than kept: hashing is
        // cheaper than a vector of a megabyte's keys at the peak of memory.
        let key_at = |i: usize| gram_key(&ids[i..i + k]);
        // About eight slots an n-gram: one look-up in eight of an absent one gets past.
        let slot_mask = ((n.max(64) * 8).next_power_of_two() - 1) as u64;
        let mut present = vec![0u64; (slot_mask as usize + 1) / 64];
        let mut offsets = vec![0u32; buckets + 1];
        for i in 0..n {
            let key = key_at(i);
            offsets[(key >> shift) as usize + 1] += 1;
            let slot = Self::slot(key, slot_mask);
            present[slot / 64] |= 1 << (slot % 64);
        }
        for b in 0..buckets {
            offsets[b + 1] += offsets[b];
        }
        // Each bucket's start serves as its fill cursor, then is put back.
        let mut keys = vec![0u32; n];
        let mut positions = vec![0u32; n];
        for i in 0..n {
            let key = key_at(i);
            let slot = &mut offsets[(key >> shift) as usize];
            keys[*slot as usize] = key as u32;
            positions[*slot as usize] = i as u32;
            *slot += 1;
        }
        offsets.copy_within(0..buckets, 1);
        offsets[0] = 0;
        GramIndex {
            k,
            shift,
            offsets,
            keys,
            positions,
            present,
            slot_mask,
        }
    }

    /// The slot of `present` for a key: bits of the key other than those that choose its
    /// bucket.
    pub(super) fn slot(key: u64, mask: u64) -> usize {
        ((key >> 16) & mask) as usize
    }

    /// Where the n-gram with this key occurs, when it occurs at most `cap` times (`None`
    /// when more often). The bucket is read only until the n-gram is seen `cap + 1` times:
    /// when one word repeats through the source ("the the the ..."), one n-gram fills a
    /// bucket of the whole text's size, and counting it all for every article word made the
    /// time grow with the square of the length.
    pub(super) fn lookup(&self, key: u64, cap: usize) -> Option<impl Iterator<Item = u32> + '_> {
        let slot = Self::slot(key, self.slot_mask);
        if self.present[slot / 64] & (1 << (slot % 64)) == 0 {
            return None;
        }
        let b = (key >> self.shift) as usize;
        let range = self.offsets[b] as usize..self.offsets[b + 1] as usize;
        let keys = &self.keys[range.clone()];
        let low = key as u32;
        let mut count = 0;
        for &k in keys {
            if k == low {
                count += 1;
                if count > cap {
                    return None;
                }
            }
        }
        (count > 0).then(|| {
            keys.iter()
                .zip(&self.positions[range])
                .filter(move |(&k, _)| k == low)
                .map(|(_, &p)| p)
        })
    }
}

/// How surprising each word is in the source: `ln(N / frequency)` for content words, a
/// small constant for stop words (they make a phrase a little less likely, whatever the
/// text). Summed over a passage's matched words, this is how unlikely the passage is
/// to occur by chance, so "with his hands in his pockets" (common words) counts for less
/// than "servant did not come near me at dinner". `counts` says how often each word occurs
/// among the source's `words`.
pub(super) fn surprise_weights(counts: &[u32], words: usize, content: &[bool]) -> Vec<f64> {
    let n = (words + 1) as f64;
    counts
        .iter()
        .copied()
        .zip(content)
        .map(|(f, &c)| {
            if c {
                (n / f.max(1) as f64).ln()
            } else {
                STOP_WORD_SURPRISE
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    #[test]
    fn words_are_numbered_by_their_whole_form_short_or_long() {
        let text = "Über uber über-haupt internationalisation internationalisations \
                    abcdefghijklmnop abcdefghijklmnopq abcdefghijklmnop Internationalisation";
        let tokens = tokenize(text);
        let (ids, numbering) = number_words(&tokens, false);
        assert_eq!(ids, [0, 1, 0, 2, 3, 4, 5, 6, 5, 3]);
        assert_eq!(numbering.words[3], "internationalisation");
        assert_eq!(numbering.words.len(), 7);
    }

    #[test]
    fn an_ngram_seen_more_often_than_the_cap_has_no_positions() {
        let ids: Vec<u32> = (0..1000)
            .map(|i| if i % 100 == 7 { 1 } else { 0 })
            .collect();
        let index = GramIndex::new(&ids, 3);
        assert!(index.lookup(gram_key(&[0, 0, 0]), 16).is_none());
        let hits: Vec<u32> = index.lookup(gram_key(&[0, 1, 0]), 16).unwrap().collect();
        assert_eq!(hits, (0..10).map(|k| 100 * k + 6).collect::<Vec<u32>>());
        assert!(index.lookup(gram_key(&[0, 1, 0]), 9).is_none());
        assert!(index.lookup(gram_key(&[1, 1, 1]), 16).is_none());
    }
}
