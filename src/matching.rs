//! Finding the passages an article shares with its source.
//!
//! A line diff cannot do this: an article quotes the source out of order, cuts a quotation
//! in two with "he said", drops a word, swaps one, marks an omission with an ellipsis or an
//! insertion with brackets. So matching works in three steps over the normalised words of
//! [`crate::normalize`]:
//!
//! 1. **Seeds.** Every word trigram (inside a quotation) or 4-gram (elsewhere) of the article
//!    is looked up in an index of the source's n-grams; each hit is extended word by word in
//!    both directions into a maximal exact run. N-grams that occur very often in the source
//!    are not used as seeds (a run through them is still found from a rarer seed nearby), so
//!    the work stays linear on long, repetitive texts.
//! 2. **Chains.** Runs that follow each other on both sides with a small gap are chained by
//!    dynamic programming into one passage: a gap of a few words (a word dropped, added or
//!    changed), a longer skip in the source where the article has an ellipsis, bracketed
//!    words in the article, or inside one quotation a splice of two nearby source sentences.
//!    Chains never cross the boundary of a quotation in the article, so a quotation split by
//!    an attribution is matched piece by piece.
//! 3. **Selection.** The best chains are taken first; each article word belongs to at most one
//!    passage. A passage must have enough matched words (six by default, three inside
//!    quotation marks) and enough content words, so a stock phrase is not reuse.
//!
//! The result is in token indices; [`crate::compare()`] turns it into byte spans.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::normalize::Token;
use crate::parallel::both;

pub(crate) mod quotes;

/// Thresholds for what counts as a shared passage.
#[derive(Debug, Clone, Copy)]
pub struct MatchOptions {
    /// Fewest matched words for a passage outside quotation marks.
    pub min_words: usize,
    /// Fewest matched words for a passage inside quotation marks.
    pub min_quote_words: usize,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            min_words: 6,
            min_quote_words: 3,
        }
    }
}

/// Where an article word stands with respect to quotation marks: outside all of them, or
/// inside the quotation with this index.
pub type Region = Option<u32>;

/// One passage the article shares with the source, in token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Article tokens the passage covers (first matched word to last).
    pub article: Range<usize>,
    /// Source tokens the passage covers.
    pub source: Range<usize>,
    /// The quotation the passage lies in, if any.
    pub region: Region,
    /// Word-level operations turning the source tokens into the article tokens, in token
    /// indices relative to the two ranges' starts (as computed by `similar`).
    pub ops: Vec<DiffOp>,
    /// Number of words that are equal on both sides.
    pub matched: usize,
}

/// An exact run of equal words: `len` words from article index `a` and source index `s`.
#[derive(Debug, Clone, Copy)]
struct Run {
    a: u32,
    s: u32,
    len: u32,
}

impl Run {
    fn a_end(&self) -> u32 {
        self.a + self.len
    }
    fn s_end(&self) -> u32 {
        self.s + self.len
    }
}

/// Most occurrences of an n-gram in the source for it to be used as a seed.
const SEED_CAP: usize = 16;
/// Source length (in words) up to which [`SEED_CAP`] applies in full; beyond it the cap
/// shrinks in proportion (to no less than 4), so that the chance hits per article word stay
/// constant and the work stays linear as both texts grow.
const SEED_CAP_WORDS: usize = 200_000;
/// What a stop word adds to a passage's surprise (see `surprise_weights`).
const STOP_WORD_SURPRISE: f64 = 1.0;
/// Most source words an ellipsis may stand for.
const ELLIPSIS_SKIP: usize = 120;
/// Largest article gap between two chained runs, in words (a bracketed insertion).
const MAX_ARTICLE_GAP: u32 = 12;

/// The stop words of `assets/stopwords.txt`, normalised.
fn stopwords() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../assets/stopwords.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(|w| crate::normalize::normalize_word(w).to_string())
            .collect()
    })
}

/// True when a normalised word carries content (not a stop word).
pub fn is_content_word(norm: &str) -> bool {
    !stopwords().contains(norm)
        && (norm.chars().count() > 1 || norm.chars().all(|c| c.is_ascii_digit()))
}

/// A word's normalised form as a map key: up to 16 bytes packed into one integer (hashed and
/// compared without a call to `memcmp`, which a megabyte's 180,000 look-ups feel), longer
/// words as text. Words hold no NUL byte, so the zero padding cannot make two words equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum WordKey<'a> {
    Short(u128),
    Long(&'a str),
}

impl<'a> WordKey<'a> {
    fn of(word: &'a str) -> Self {
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
struct Numbering<'a> {
    ids: FxHashMap<WordKey<'a>, u32>,
    words: Vec<&'a str>,
    content: Vec<bool>,
}

/// One side's words numbered in order of first appearance, with the numbering; an
/// article's [bracketed] words get [`BRACKETED`] instead.
fn number_words(tokens: &[Token], brackets: bool) -> (Vec<u32>, Numbering<'_>) {
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
const FRONT_BITS: u32 = 12;
const FRONT_SLOTS: usize = 1 << FRONT_BITS;

/// Marks an editor's bracketed word while numbering.
const BRACKETED: u32 = u32::MAX;

/// Maps each distinct normalised word to a small integer, the same on both sides, and says
/// which ids are content words. Each side is numbered on its own (on two threads for long
/// texts), then the article's numbers are translated into the source's.
fn intern(source: &[Token], article: &[Token]) -> (Vec<u32>, Vec<u32>, Vec<bool>) {
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

fn gram_key(ids: &[u32]) -> u64 {
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
struct GramIndex {
    k: usize,
    shift: u32,
    /// Start of each bucket in `keys`/`positions`; one more entry than buckets.
    offsets: Vec<u32>,
    /// The low 32 bits of each key: enough to tell the few keys of one bucket apart (a
    /// collision only costs a seed that fails verification).
    keys: Vec<u32>,
    positions: Vec<u32>,
    /// One bit per slot, set when some n-gram's key falls on it: a look-up of an n-gram the
    /// text lacks (most of an article's) usually stops here, in a table small enough for the
    /// cache, instead of reading two places of the index that are not.
    present: Vec<u64>,
    /// Which slot of `present` a key falls on (see [`GramIndex::slot`]).
    slot_mask: u64,
}

impl GramIndex {
    fn new(ids: &[u32], k: usize) -> Self {
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
    fn slot(key: u64, mask: u64) -> usize {
        ((key >> 16) & mask) as usize
    }

    /// How often the n-gram with this key occurs, and where.
    fn lookup(&self, key: u64) -> (usize, impl Iterator<Item = u32> + '_) {
        let slot = Self::slot(key, self.slot_mask);
        let b = (key >> self.shift) as usize;
        let range = if self.present[slot / 64] & (1 << (slot % 64)) == 0 {
            0..0
        } else {
            self.offsets[b] as usize..self.offsets[b + 1] as usize
        };
        let keys = &self.keys[range.clone()];
        let low = key as u32;
        let count = keys.iter().filter(|&&k| k == low).count();
        let positions = keys
            .iter()
            .zip(&self.positions[range])
            .filter(move |(&k, _)| k == low)
            .map(|(_, &p)| p);
        (count, positions)
    }
}

/// What [`align`] found, with the word numbering it found it with.
#[derive(Debug)]
pub struct Aligned {
    /// The shared passages, in article order.
    pub passages: Vec<Alignment>,
    /// Each source word's number: two words have the same number when their normalised
    /// forms are equal.
    pub source_words: Vec<u32>,
    /// Each article word's number, in the same numbering; an editor's \[bracketed\] word has a
    /// number no other word has.
    pub article_words: Vec<u32>,
    /// How often each word number occurs in the source (0 for the article's own words).
    pub source_counts: Vec<u32>,
}

/// Finds every passage the article shares with the source.
///
/// `regions[i]` says which quotation article token `i` lies in (see [`Region`]).
pub fn align(
    source: &[Token],
    article: &[Token],
    regions: &[Region],
    options: &MatchOptions,
) -> Aligned {
    align_in(source, article, regions, options, Groups::Apart)
}

/// How the groups of runs of a long article are chained and selected (see
/// [`chain_and_select`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Groups {
    /// On two threads, one after the other when they turn out to meet.
    Apart,
    /// One after the other: what [`Groups::Apart`] must give.
    #[cfg_attr(not(test), allow(dead_code))]
    InTurn,
}

fn align_in(
    source: &[Token],
    article: &[Token],
    regions: &[Region],
    options: &MatchOptions,
    groups: Groups,
) -> Aligned {
    debug_assert_eq!(regions.len(), article.len());
    let (sids, aids, content) = intern(source, article);
    let mut counts = vec![0u32; content.len()];
    for &id in &sids {
        counts[id as usize] += 1;
    }
    let weight = surprise_weights(&counts, sids.len(), &content);
    // A chance overlap becomes likelier the longer both texts are: a short passage must be
    // less likely than that (see `passes`).
    let chance = ((sids.len() + 1) as f64).ln() + ((aids.len() + 1) as f64).ln();
    // A whole quotation is one phrase looked up in the source, not any of the article's
    // phrases: what it must beat grows with the number of quotations, not of article words.
    let quotations = regions
        .iter()
        .flatten()
        .copied()
        .max()
        .map_or(0, |q| q as usize + 1);
    let quote_chance = ((sids.len() + 1) as f64).ln() + ((quotations + 1) as f64).ln();
    let region_len = region_lengths(regions);
    let segments = segments_of(regions, &region_len, options.min_quote_words);
    // Built, used for seeding and dropped before chaining: the peak of memory is later.
    let runs = find_runs(&sids, &aids, regions, &segments, source);
    let words = Words {
        sids: &sids,
        aids: &aids,
        content: &content,
        weight: &weight,
        chance,
        quote_chance: quote_chance.min(chance),
        source_tokens: source,
        article_tokens: article,
        regions,
        region_len: &region_len,
        segments: &segments,
    };
    let passages = chain_and_select(&runs, &words, options, groups);
    Aligned {
        passages,
        source_words: sids,
        article_words: aids,
        source_counts: counts,
    }
}

impl Words<'_> {
    /// An ellipsis stands right before article word `a`.
    fn ellipsis(&self, a: usize) -> bool {
        self.article_tokens[a].gap.ellipsis
    }
    /// Article word `a` is in square brackets.
    fn bracketed(&self, a: usize) -> bool {
        self.article_tokens[a].bracketed
    }
    /// Article word `a` begins a sentence or a line (or the text).
    fn starts(&self, a: usize) -> bool {
        a == 0 || {
            let gap = self.article_tokens[a].gap;
            gap.sentence_end || gap.line_break
        }
    }
    /// Source word `s` begins a sentence or a line (or the text).
    fn source_starts(&self, s: usize) -> bool {
        s == 0 || {
            let gap = self.source_tokens[s].gap;
            gap.sentence_end || gap.line_break
        }
    }
}

/// The interned words of both sides and what is known about them, for selection.
struct Words<'a> {
    sids: &'a [u32],
    aids: &'a [u32],
    content: &'a [bool],
    weight: &'a [f64],
    chance: f64,
    /// The same for a passage that is all or most of one quotation.
    quote_chance: f64,
    source_tokens: &'a [Token],
    article_tokens: &'a [Token],
    regions: &'a [Region],
    /// Words in each quotation, by its number.
    region_len: &'a [usize],
    segments: &'a [u32],
}

/// How surprising each word is in the source: `ln(N / frequency)` for content words, a
/// small constant for stop words (they make a phrase a little less likely, whatever the
/// text). Summed over a passage's matched words, this is how unlikely the passage is
/// to occur by chance, so "with his hands in his pockets" (common words) counts for less
/// than "servant did not come near me at dinner". `counts` says how often each word occurs
/// among the source's `words`.
fn surprise_weights(counts: &[u32], words: usize, content: &[bool]) -> Vec<f64> {
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

/// Numbers the stretches between quotation boundaries of the article: two words are in the
/// same segment when no quotation mark of the article opens or closes between them.
///
/// The marks around a quotation too short to be matched on its own (scare quotes: growth
/// had been "quite weak" and wage pressures had eased) do not cut: a passage the article
/// reuses runs through them.
fn segments_of(regions: &[Region], lengths: &[usize], min_quote_words: usize) -> Vec<u32> {
    let cuts = |r: &Region| {
        r.filter(|&q| lengths.get(q as usize).copied().unwrap_or(0) >= min_quote_words)
    };
    let mut seg = 0u32;
    let mut out = Vec::with_capacity(regions.len());
    let mut previous = None;
    for (i, r) in regions.iter().enumerate() {
        let current = cuts(r);
        if i > 0 && previous != current {
            seg += 1;
        }
        previous = current;
        out.push(seg);
    }
    out
}

/// Article words from which seeding is split between two threads.
const PARALLEL_WORDS: usize = 40_000;

/// Step 1: maximal exact runs from n-gram seeds (3-grams inside quotation marks, 4-grams
/// outside). On long texts the two indexes are built, and the article's two halves seeded, on
/// two threads: a run found from both halves is the same maximal run, kept once.
fn find_runs(
    sids: &[u32],
    aids: &[u32],
    regions: &[Region],
    segments: &[u32],
    source: &[Token],
) -> Vec<Run> {
    let seeds = |index3: &GramIndex, index4: &GramIndex, range: Range<usize>| {
        seed_runs(
            sids,
            aids,
            regions,
            segments,
            source,
            (index3, index4),
            range,
        )
    };
    let mut runs = if aids.len() < PARALLEL_WORDS {
        seeds(
            &GramIndex::new(sids, 3),
            &GramIndex::new(sids, 4),
            0..aids.len(),
        )
    } else {
        let (index3, index4) = both(|| GramIndex::new(sids, 3), || GramIndex::new(sids, 4));
        let mid = aids.len() / 2;
        let (second, mut runs) = both(
            || seeds(&index3, &index4, mid..aids.len()),
            || seeds(&index3, &index4, 0..mid),
        );
        runs.extend(second);
        runs
    };
    runs.sort_unstable_by_key(|r| (r.a, r.s, r.len));
    runs.dedup_by_key(|r| (r.a, r.s, r.len));
    runs
}

/// The runs seeded from article words `range` (a run may reach beyond it).
fn seed_runs(
    sids: &[u32],
    aids: &[u32],
    regions: &[Region],
    segments: &[u32],
    source: &[Token],
    (index3, index4): (&GramIndex, &GramIndex),
    range: Range<usize>,
) -> Vec<Run> {
    let seed_cap = (SEED_CAP * SEED_CAP_WORDS / sids.len().max(SEED_CAP_WORDS)).max(4);
    // Per diagonal (s - a), how far the last run found on it reaches in the article.
    let mut reach: FxHashMap<i64, u32> = FxHashMap::default();
    let mut runs = Vec::new();
    for i in range {
        let quoted = regions[i].is_some();
        let index = if quoted { index3 } else { index4 };
        let k = index.k;
        if i + k > aids.len() {
            continue;
        }
        let (count, hits) = index.lookup(gram_key(&aids[i..i + k]));
        if count == 0 || count > seed_cap {
            continue;
        }
        for s in hits {
            let s = s as usize;
            let diag = s as i64 - i as i64;
            if reach.get(&diag).is_some_and(|&end| end as usize > i) {
                continue;
            }
            if sids[s..s + k] != aids[i..i + k] {
                continue;
            }
            let (mut a0, mut s0) = (i, s);
            while a0 > 0 && s0 > 0 && aids[a0 - 1] == sids[s0 - 1] {
                a0 -= 1;
                s0 -= 1;
            }
            let (mut a1, mut s1) = (i + k, s + k);
            while a1 < aids.len() && s1 < sids.len() && aids[a1] == sids[s1] {
                a1 += 1;
                s1 += 1;
            }
            reach.insert(diag, a1 as u32);
            // A run is cut where the article opens or closes a quotation, unless the source
            // has a quotation mark at the same place (the article reproduces the source's own
            // quotation marks).
            let mut start = a0;
            for j in a0 + 1..=a1 {
                let cut = j < a1
                    && segments[j] != segments[j - 1]
                    && !source[s0 + (j - a0)].gap.quote_mark;
                if j == a1 || cut {
                    runs.push(Run {
                        a: start as u32,
                        s: (s0 + (start - a0)) as u32,
                        len: (j - start) as u32,
                    });
                    start = j;
                }
            }
        }
    }
    runs
}

/// A chain of runs: the indices of its runs in article order and its score.
#[derive(Debug, Clone)]
struct Chain {
    /// Where its runs' indices start in the shared member list.
    first: u32,
    /// How many runs it has.
    len: u32,
    score: f64,
}

/// All chains, their run indices stored in one list (one allocation, not one per chain).
struct Chains {
    members: Vec<u32>,
    chains: Vec<Chain>,
}

impl Chains {
    fn runs_of(&self, chain: &Chain) -> &[u32] {
        &self.members[chain.first as usize..(chain.first + chain.len) as usize]
    }
}

/// Steps 2 and 3 over all runs.
///
/// A chain links runs at most [`MAX_ARTICLE_GAP`] words apart in the article, so runs with a
/// wider gap between them fall into groups that never share a chain: on a long article the
/// runs are cut into two such groups near the middle, and each group is chained and selected
/// on a thread of its own. Selection takes the first group before the second; done apart,
/// the second cannot see what the first took. That matters only when a passage of one
/// group grows into the other's, so then both are done again, one after the other.
fn chain_and_select(
    runs: &[Run],
    w: &Words,
    options: &MatchOptions,
    mode: Groups,
) -> Vec<Alignment> {
    let cut = (w.aids.len() >= PARALLEL_WORDS)
        .then(|| independent_cut(runs))
        .flatten();
    let groups = match cut {
        Some(c) => vec![&runs[..c], &runs[c..]],
        None => vec![runs],
    };
    if let ([first, second], Groups::Apart) = (&groups[..], mode) {
        let apart = |group| {
            let mut claimed = vec![false; w.aids.len()];
            let picked = pick(group, w, options, &mut claimed);
            (picked, claimed)
        };
        let ((second, claimed_second), (mut first, mut claimed)) =
            both(|| apart(second), || apart(first));
        let mut all: Vec<&Range<usize>> = first.accepted.iter().map(|al| &al.article).collect();
        all.extend(second.accepted.iter().map(|al| &al.article));
        all.sort_unstable_by_key(|r| r.start);
        if all.windows(2).all(|pair| pair[0].end <= pair[1].start) {
            for (c, other) in claimed.iter_mut().zip(claimed_second) {
                *c |= other;
            }
            first.accepted.extend(second.accepted);
            first.deferred.extend(second.deferred);
            return settle(first, claimed);
        }
    }
    let mut claimed = vec![false; w.aids.len()];
    let mut all = Picked::default();
    for group in groups {
        let picked = pick(group, w, options, &mut claimed);
        all.accepted.extend(picked.accepted);
        all.deferred.extend(picked.deferred);
    }
    settle(all, claimed)
}

/// Where runs (in article order) can be cut into two groups that no chain links across, as
/// near the middle as can be: an index before which every run ends well before the run there
/// starts. `None` when no such place lies in the middle half.
fn independent_cut(runs: &[Run]) -> Option<usize> {
    // A chain's link spans at most MAX_ARTICLE_GAP words (and overlaps by two at most).
    const APART: u32 = MAX_ARTICLE_GAP + 4;
    let mut reach = Vec::with_capacity(runs.len() + 1);
    reach.push(0u32);
    for run in runs {
        let last = reach.last().copied().unwrap_or(0);
        reach.push(last.max(run.a_end()));
    }
    let n = runs.len();
    let fits = |i: usize| i > 0 && i < n && reach[i] + APART <= runs[i].a;
    let mid = n / 2;
    (0..n / 4)
        .flat_map(|d| [mid - d, mid + d])
        .find(|&i| fits(i))
}

/// What selection took from a group of runs: passages accepted, and quoted pieces too short
/// to count alone, kept (without their counts) for a second look.
#[derive(Default)]
struct Picked {
    accepted: Vec<Alignment>,
    deferred: Vec<Alignment>,
}

/// Step 2: chain runs by dynamic programming over compatible predecessors.
fn chain_runs(runs: &[Run], w: &Words) -> Chains {
    let (article, regions, segments) = (w.article_tokens, w.regions, w.segments);
    let n = runs.len();
    let mut best = vec![0f64; n];
    // Best predecessor of each run (`NONE` for none): u32, not Option<usize>, at 50,000 runs.
    let mut pred: Vec<u32> = vec![u32::MAX; n];
    // Runs indexed by where they end in the article, for predecessor look-ups: a linked
    // list per article position (`head[end]`, then `next[run]`), so no allocation per run.
    const NONE: u32 = u32::MAX;
    let mut head = vec![NONE; article.len() + 1];
    let mut next = vec![NONE; n];
    for (r, run) in runs.iter().enumerate() {
        let mut best_here = run.len as f64;
        let region = regions[run.a as usize];
        let lo = run.a.saturating_sub(MAX_ARTICLE_GAP);
        let hi = (run.a + 2).min(article.len() as u32);
        for end in lo..=hi {
            let mut p = head[end as usize];
            while p != NONE {
                let prev = runs[p as usize];
                let candidate = p as usize;
                p = next[candidate];
                if prev.a >= run.a
                    || segments[prev.a_end() as usize - 1] != segments[run.a as usize]
                {
                    continue;
                }
                if let Some(penalty) = link_penalty(&prev, run, article, region.is_some()) {
                    let overlap = (prev.a_end() as i64 - run.a as i64)
                        .max(prev.s_end() as i64 - run.s as i64)
                        .max(0) as f64;
                    let value = best[candidate] + run.len as f64 - overlap - penalty;
                    if value > best_here {
                        best_here = value;
                        pred[r] = candidate as u32;
                    }
                }
            }
        }
        best[r] = best_here;
        let end = run.a_end() as usize;
        next[r] = head[end];
        head[end] = r as u32;
    }
    // Greedy: best chain ends first; a run belongs to one chain. Chains come out sorted by
    // score, best first.
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_unstable_by(|&x, &y| {
        best[y as usize]
            .total_cmp(&best[x as usize])
            .then(x.cmp(&y))
    });
    let mut used = vec![false; n];
    let mut all = Chains {
        members: Vec::with_capacity(n),
        chains: Vec::new(),
    };
    for end in order {
        let end = end as usize;
        if used[end] {
            continue;
        }
        let first = all.members.len();
        all.members.push(end as u32);
        used[end] = true;
        let mut cur = end;
        while pred[cur] != u32::MAX {
            let p = pred[cur] as usize;
            if used[p] {
                break;
            }
            used[p] = true;
            all.members.push(p as u32);
            cur = p;
        }
        all.members[first..].reverse();
        all.chains.push(Chain {
            first: first as u32,
            len: (all.members.len() - first) as u32,
            score: best[end],
        });
    }
    all
}

/// Whether run `next` may follow run `prev` in one passage, and at what cost.
fn link_penalty(prev: &Run, next: &Run, article: &[Token], quoted: bool) -> Option<f64> {
    let gap_a = next.a as i64 - prev.a_end() as i64;
    let gap_s = next.s as i64 - prev.s_end() as i64;
    if gap_a < -2 || gap_s < -2 {
        return None;
    }
    let (ga, gs) = (gap_a.max(0) as usize, gap_s.max(0) as usize);
    if ga <= 4 && gs <= 4 {
        return Some(0.5 * ga.max(gs) as f64);
    }
    // The words between are read only when the gaps allow a link through them: most pairs
    // of runs are chance overlaps far apart in the source.
    let ellipsis = || {
        article[prev.a_end().min(next.a) as usize..=next.a as usize]
            .iter()
            .any(|t| t.gap.ellipsis)
    };
    if ga <= 3 && gs <= ELLIPSIS_SKIP && ellipsis() {
        return Some(1.0);
    }
    let bracketed = || {
        let gap_tokens =
            &article[prev.a_end() as usize..(next.a as usize).max(prev.a_end() as usize)];
        !gap_tokens.is_empty() && gap_tokens.iter().all(|t| t.bracketed)
    };
    if ga <= MAX_ARTICLE_GAP as usize && gs <= 8 && bracketed() {
        return Some(1.0);
    }
    if quoted && ga <= 2 && gs <= 60 && prev.len >= 4 && next.len >= 4 {
        return Some(2.0);
    }
    None
}

/// What the thresholds look at in a passage.
#[derive(Debug, Clone, Copy)]
struct Tally {
    region: Region,
    matched: usize,
    content: usize,
    surprise: f64,
    whole: bool,
}

impl Candidate {
    fn tally(&self) -> Tally {
        Tally {
            region: self.alignment.region,
            matched: self.alignment.matched,
            content: self.content,
            surprise: self.surprise,
            whole: self.whole,
        }
    }
}

/// A passage under consideration, with the counts the thresholds look at.
struct Candidate {
    alignment: Alignment,
    content: usize,
    surprise: f64,
    /// The passage is a whole sentence or paragraph of the article, not a phrase inside one.
    whole: bool,
}

/// Step 3: take a group's chains best first, give each article word to one passage (marking
/// it in `claimed`), apply thresholds.
fn pick(runs: &[Run], w: &Words, options: &MatchOptions, claimed: &mut [bool]) -> Picked {
    let chains = chain_runs(runs, w);
    let mut out: Vec<Alignment> = Vec::new();
    let mut deferred: Vec<Alignment> = Vec::new();
    let article_span = |chain: &Chain| {
        let members = chains.runs_of(chain);
        let first = members.first().map(|&r| runs[r as usize].a);
        let last = members.last().map(|&r| runs[r as usize].a_end());
        (first, last)
    };
    for (k, chain) in chains.chains.iter().enumerate() {
        if chain.score < 2.0 {
            // Chains are sorted; nothing below can pass any threshold.
            break;
        }
        // Most chains are one short run, a chance overlap that cannot grow: judged on its
        // counts alone, with nothing built.
        if let [only] = chains.runs_of(chain) {
            let run = runs[*only as usize];
            let (a, s) = (
                run.a as usize..run.a_end() as usize,
                run.s as usize..run.s_end() as usize,
            );
            if !claimed[a.clone()].iter().any(|&c| c) && !may_grow(&a, &s, w) {
                let tally = tally_exact(&a, w);
                if !passes(&tally, w, options) {
                    if tally.region.is_some() && tally.matched >= 2 && tally.content > 0 {
                        deferred.push(exact_alignment(a, s, tally.region));
                    }
                    continue;
                }
            }
        }
        let pieces = unclaimed_pieces(runs, chains.runs_of(chain), claimed);
        let Some(mut candidate) = build(&pieces, w, claimed) else {
            continue;
        };
        if passes(&candidate.tally(), w, options) {
            // The same article words at other places of the source (a release that repeats
            // "for the fourth quarter and full year"): equal chains sort side by side; take
            // the place where the passage grows furthest.
            let here = article_span(chain);
            for other in chains.chains[k + 1..]
                .iter()
                .take_while(|o| o.score == chain.score)
                .take(8)
                .filter(|o| article_span(o) == here)
            {
                let pieces = unclaimed_pieces(runs, chains.runs_of(other), claimed);
                if let Some(c) = build(&pieces, w, claimed) {
                    if c.alignment.matched > candidate.alignment.matched
                        && passes(&c.tally(), w, options)
                    {
                        candidate = c;
                    }
                }
            }
            for c in &mut claimed[candidate.alignment.article.clone()] {
                *c = true;
            }
            out.push(candidate.alignment);
        } else if candidate.alignment.region.is_some()
            && candidate.alignment.matched >= 2
            && candidate.content > 0
        {
            deferred.push(candidate.alignment);
        }
    }
    Picked {
        accepted: out,
        deferred,
    }
}

/// Step 4: the second look at quoted pieces too short to count alone, then all passages in
/// article order.
fn settle(picked: Picked, mut claimed: Vec<bool>) -> Vec<Alignment> {
    let Picked {
        accepted: mut out,
        deferred,
    } = picked;
    // A quotation split by an attribution ("…,” she said, “…”), or a quoted phrase that
    // finishes a sentence the article reuses: a piece too short to count alone counts when
    // it continues, in the source, a passage just before it in the article (or leads into
    // one just after it).
    out.sort_by_key(|al| al.article.start);
    let accepted = out.len();
    for al in deferred {
        if claimed[al.article.clone()].iter().any(|&c| c) {
            continue;
        }
        // Accepted passages do not overlap in the article: the neighbours are on either
        // side of where this one would sort.
        let at = out[..accepted].partition_point(|o| o.article.start < al.article.start);
        let before = at.checked_sub(1).map(|i| &out[i]);
        let after = out[..accepted].get(at);
        let continues = before.is_some_and(|other| {
            other.region != al.region
                && al.article.start - other.article.end.min(al.article.start) <= 15
                && other.article.end <= al.article.start
                && al.source.start >= other.source.end
                && al.source.start - other.source.end <= 3
        }) || after.is_some_and(|other| {
            other.region != al.region
                && al.article.end <= other.article.start
                && other.article.start - al.article.end <= 15
                && other.source.start >= al.source.end
                && other.source.start - al.source.end <= 3
        });
        if continues {
            for c in &mut claimed[al.article.clone()] {
                *c = true;
            }
            out.push(al);
        }
    }
    out.sort_by_key(|al| (al.article.start, al.source.start));
    out
}

/// The parts of a chain's runs that no accepted passage has taken yet.
fn unclaimed_pieces(runs: &[Run], members: &[u32], claimed: &[bool]) -> Vec<Run> {
    let mut pieces: Vec<Run> = Vec::new();
    for &r in members {
        let run = runs[r as usize];
        let mut j = run.a;
        while j < run.a_end() {
            while j < run.a_end() && claimed[j as usize] {
                j += 1;
            }
            let start = j;
            while j < run.a_end() && !claimed[j as usize] {
                j += 1;
            }
            if j > start {
                let (mut a, mut s, mut len) = (start, run.s + (start - run.a), j - start);
                // Keep both sides in order inside the passage: trim what overlaps the piece
                // before (an article that repeats a word, a source that has one more).
                if let Some(p) = pieces.last() {
                    let over = (p.a_end() as i64 - a as i64)
                        .max(p.s_end() as i64 - s as i64)
                        .max(0) as u32;
                    if over >= len {
                        continue;
                    }
                    a += over;
                    s += over;
                    len -= over;
                }
                pieces.push(Run { a, s, len });
            }
        }
    }
    pieces
}

/// The counts of a passage whose words are all equal on both sides.
fn tally_exact(a_range: &Range<usize>, w: &Words) -> Tally {
    let (mut content, mut surprise) = (0, 0.0);
    for &id in &w.aids[a_range.clone()] {
        surprise += w.weight[id as usize];
        if w.content[id as usize] {
            content += 1;
        }
    }
    Tally {
        region: majority_region(&w.regions[a_range.clone()]),
        matched: a_range.len(),
        content,
        surprise,
        whole: w.starts(a_range.start) && (a_range.end == w.aids.len() || w.starts(a_range.end)),
    }
}

/// A passage whose words are all equal on both sides.
fn exact_alignment(article: Range<usize>, source: Range<usize>, region: Region) -> Alignment {
    let len = article.len();
    Alignment {
        article,
        source,
        region,
        ops: vec![DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len,
        }],
        matched: len,
    }
}

/// Turns the pieces of a chain into a passage: edges grown, word diff computed, counted.
fn build(pieces: &[Run], w: &Words, claimed: &[bool]) -> Option<Candidate> {
    let first = *pieces.first()?;
    let last = *pieces.last()?;
    let (mut a_range, mut s_range) = (
        first.a as usize..last.a_end() as usize,
        first.s as usize..last.s_end() as usize,
    );
    if may_grow(&a_range, &s_range, w) {
        extend_edges(&mut a_range, &mut s_range, w, claimed);
    }
    // Most chains are one exact run (chance overlaps among them): no diff needed.
    let exact =
        pieces.len() == 1 && a_range.len() == first.len as usize && s_range.len() == a_range.len();
    let ops = if exact {
        vec![DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: a_range.len(),
        }]
    } else {
        capture_diff_slices(
            Algorithm::Myers,
            &w.sids[s_range.clone()],
            &w.aids[a_range.clone()],
        )
    };
    let (mut matched, mut content, mut surprise) = (0, 0, 0.0);
    for op in &ops {
        if let DiffOp::Equal { new_index, len, .. } = *op {
            matched += len;

            for &id in &w.aids[a_range.start + new_index..a_range.start + new_index + len] {
                surprise += w.weight[id as usize];
                if w.content[id as usize] {
                    content += 1;
                }
            }
        }
    }
    let region = majority_region(&w.regions[a_range.clone()]);
    let whole = w.starts(a_range.start) && (a_range.end == w.aids.len() || w.starts(a_range.end));
    Some(Candidate {
        alignment: Alignment {
            article: a_range,
            source: s_range,
            region,
            ops,
            matched,
        },
        content,
        surprise,
        whole,
    })
}

/// The quotation most of these words lie in, or none when most lie outside quotation marks.
fn majority_region(regions: &[Region]) -> Region {
    if let Some(first) = regions.first() {
        if regions.iter().all(|r| r == first) {
            return *first;
        }
    }
    let mut counts: Vec<(u32, usize)> = Vec::new();
    let mut outside = 0;
    for r in regions {
        match r {
            None => outside += 1,
            Some(q) => match counts.iter_mut().find(|(k, _)| k == q) {
                Some((_, n)) => *n += 1,
                None => counts.push((*q, 1)),
            },
        }
    }
    let best = counts
        .into_iter()
        .max_by_key(|&(q, n)| (n, std::cmp::Reverse(q)));
    match best {
        Some((q, n)) if n * 2 >= regions.len() || n >= outside => Some(q),
        _ => None,
    }
}

/// Words in each quotation, indexed by its number (quotations are numbered densely).
fn region_lengths(regions: &[Region]) -> Vec<usize> {
    let mut lengths = Vec::new();
    for &r in regions.iter().flatten() {
        let r = r as usize;
        if r >= lengths.len() {
            lengths.resize(r + 1, 0);
        }
        lengths[r] += 1;
    }
    lengths
}

/// Fewest matched words for a passage to count on length alone, whatever its words.
const LONG_PASSAGE: usize = 12;

/// The thresholds. A passage needs enough matched words (six outside quotation marks, three
/// inside) and two content words. A short one must also be unlikely to occur by chance: the
/// surprise of its words must beat what two texts of these lengths share anyway, so stock
/// phrases ("at the other end of the room", "I beg your pardon") that any two long texts
/// share are not reported, while in a one-page release almost any shared phrase counts. A
/// passage of six words or more that is a whole sentence of the article, or most of a
/// quotation, needs half the surprise: a stock phrase is rarely all the article says. A
/// short quotation must be most of its quotation.
fn passes(c: &Tally, w: &Words, options: &MatchOptions) -> bool {
    let al = c;
    // Two content words, or one in most of a quotation ("one shooting is one too many").
    if c.content == 0 {
        return false;
    }
    let long = al.matched >= LONG_PASSAGE;
    let total = al
        .region
        .and_then(|q| w.region_len.get(q as usize).copied())
        .unwrap_or(al.matched)
        .max(1);
    let most_of_quote = al.region.is_some() && al.matched * 10 >= total * 8;
    if c.content < 2 && !(most_of_quote && al.matched >= 5 && c.surprise >= w.quote_chance) {
        return false;
    }
    let bar = if c.whole || most_of_quote { 0.5 } else { 1.0 } * w.chance;
    match al.region {
        None => al.matched >= options.min_words && (long || c.surprise >= bar),
        Some(_) if al.matched >= options.min_words => long || c.surprise >= bar,
        // Short dialogue ("I beg your pardon") is whole quotations too: no discount here.
        Some(_) => {
            al.matched >= options.min_quote_words
                && al.matched * 10 >= total * 6
                && c.surprise
                    >= if most_of_quote {
                        w.quote_chance
                    } else {
                        w.chance
                    }
        }
    }
}

/// English contractions: the full word and what is left of it after the apostrophe.
const CONTRACTIONS: &[(&str, &str)] = &[
    ("have", "ve"),
    ("are", "re"),
    ("is", "s"),
    ("has", "s"),
    ("will", "ll"),
    ("would", "d"),
    ("had", "d"),
    ("not", "nt"),
    ("am", "m"),
    ("us", "s"),
];

/// True when `short` is `first` and `second` contracted ("weve" for "we have").
fn is_contraction(short: &str, first: &str, second: &str) -> bool {
    // Most calls compare unrelated words: the lengths alone rule them out.
    if !(1..=2).contains(&short.len().saturating_sub(first.len())) || second.len() > 5 {
        return false;
    }
    short.strip_prefix(first).is_some_and(|rest| {
        CONTRACTIONS
            .iter()
            .any(|&(full, tail)| full == second && rest == tail)
    })
}

/// Article word `a` contracts source words `s` and `s + 1`.
fn contracts(w: &Words, a: usize, s: usize) -> bool {
    is_contraction(
        &w.article_tokens[a].norm,
        &w.source_tokens[s].norm,
        &w.source_tokens[s + 1].norm,
    )
}

/// Article words `a` and `a + 1` are source word `s` spelt out.
fn expands(w: &Words, a: usize, s: usize) -> bool {
    is_contraction(
        &w.source_tokens[s].norm,
        &w.article_tokens[a].norm,
        &w.article_tokens[a + 1].norm,
    )
}

/// False when no rule of [`extend_edges`] can grow the passage: the words just around it
/// differ in every way edge growth looks at (no equal word within the largest skip, no
/// variant, bracket, ellipsis or contraction). Most chains are a chance overlap of a few
/// words; this look is far cheaper than trying every rule on them.
fn may_grow(a_range: &Range<usize>, s_range: &Range<usize>, w: &Words) -> bool {
    let (aids, sids) = (w.aids, w.sids);
    let equal = |a: Option<usize>, s: Option<usize>| match (a, s) {
        (Some(a), Some(s)) => a < aids.len() && s < sids.len() && aids[a] == sids[s],
        _ => false,
    };
    // Skips reach two article words and three source words (see `extend_edges`).
    let near = |a: usize, s: usize, forward: bool| {
        (0..=2).any(|da| {
            (0..=3).any(|ds| {
                if forward {
                    equal(Some(a + da), Some(s + ds))
                } else {
                    equal(a.checked_sub(da + 1), s.checked_sub(ds + 1))
                }
            })
        })
    };
    let (a, s) = (a_range.end, s_range.end);
    if a < aids.len()
        && (near(a, s, true)
            || w.bracketed(a)
            || w.ellipsis(a)
            || (s < sids.len() && is_variant(w, a, s))
            || (s + 1 < sids.len() && contracts(w, a, s))
            || (a + 1 < aids.len() && s < sids.len() && expands(w, a, s)))
    {
        return true;
    }
    let (a, s) = (a_range.start, s_range.start);
    a > 0
        && (near(a, s, false)
            || w.bracketed(a - 1)
            || w.ellipsis(a)
            || (s >= 1 && is_variant(w, a - 1, s - 1))
            || (s >= 2 && contracts(w, a - 1, s - 2))
            || (a >= 2 && s >= 1 && expands(w, a - 2, s - 1)))
}

/// Article word `a` stands where source word `s` did with a change a reader must see, not a
/// different phrase: another figure ("12.6" for "12.8") or another form of the same word
/// ("marcado" for "marcados", "zentrale" for "zentraler").
fn is_variant(w: &Words, a: usize, s: usize) -> bool {
    let (x, y) = (
        w.article_tokens[a].norm.as_str(),
        w.source_tokens[s].norm.as_str(),
    );
    let digit = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    if digit(x) && digit(y) {
        return true;
    }
    // Most pairs tried differ from the first letter: no need to count.
    if x.as_bytes().first() != y.as_bytes().first() || x.len().min(y.len()) < 4 {
        return false;
    }
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    let (lx, ly) = (x.chars().count(), y.chars().count());
    common >= 4 && lx.abs_diff(ly) <= 3 && lx.min(ly) - common <= 2
}

/// Grows a passage past a changed, dropped or added word at either end when matching words
/// follow (too few to have seeded a run of their own).
fn extend_edges(
    a_range: &mut Range<usize>,
    s_range: &mut Range<usize>,
    w: &Words,
    claimed: &[bool],
) {
    let (sids, aids, segments) = (w.sids, w.aids, w.segments);
    let quoted = w.regions[a_range.start].is_some();
    // Inside quotation marks an editor also drops two or three words ("Dos años, como
    // decía, difíciles" quoted as "Dos años difíciles") or swaps two.
    let skips: &[(usize, usize)] = if quoted {
        &[(1, 1), (1, 0), (0, 1), (0, 2), (2, 2), (0, 3)]
    } else {
        &[(1, 1), (1, 0), (0, 1)]
    };
    // Forward, within the segment of the passage's last word.
    let segment = segments[a_range.end - 1];
    let free = |i: usize| !claimed[i] && segments[i] == segment;
    // How many equal words follow from article word `a` and source word `s`, and whether
    // they reach the end of the segment (a quotation's closing mark).
    let run_after = |a: usize, s: usize| {
        let mut m = 0;
        while a + m < aids.len() && s + m < sids.len() && free(a + m) && aids[a + m] == sids[s + m]
        {
            m += 1;
        }
        (m, a + m == aids.len() || segments[a + m] != segment)
    };
    // Enough to grow by: two words, or one that reaches the end of a quotation. A single
    // skipped word may resume on less when it is a variant of the source's (a changed
    // figure, "marcado" for "marcados"): one word, or none at a quotation's or sentence's
    // end, because that is exactly where a fact-checker wants the passage to reach.
    let grows_forward = |(a, s): (usize, usize), (da, ds): (usize, usize), (m, at_edge)| {
        let swap = (da, ds) == (1, 1) && is_variant(w, a - 1, s - 1);
        let sentence_end =
            (a == aids.len() || w.starts(a)) && (s == sids.len() || w.source_starts(s));
        let single = da <= 1 && ds <= 1;
        m >= 2
            || (single && m >= 1 && at_edge && quoted)
            || (swap && (m >= 1 || (m == 0 && (at_edge && quoted || sentence_end))))
    };
    for _ in 0..3 {
        let mut grown = false;
        for &(da, ds) in skips {
            let (a, s) = (a_range.end + da, s_range.end + ds);
            if a > aids.len() || s > sids.len() {
                continue;
            }
            let skipped_free = (a_range.end..a).all(free);
            let (m, at_edge) = run_after(a, s);
            if skipped_free && grows_forward((a, s), (da, ds), (m, at_edge)) {
                a_range.end = a + m;
                s_range.end = s + m;
                grown = true;
                break;
            }
        }
        if !grown {
            break;
        }
    }
    let resume_after = |a: usize, s: usize| {
        let (m, at_edge) = run_after(a, s);
        (m >= 2 || (m >= 1 && at_edge && quoted)).then_some(m)
    };
    // An editor's [bracketed] words inside the passage ("nous [la Banque de France] qui"):
    // an insertion, after which the source resumes where it was.
    let mut a = a_range.end;
    while a < aids.len() && free(a) && w.bracketed(a) && a - a_range.end < 6 {
        a += 1;
    }
    if a > a_range.end {
        if let Some(m) = resume_after(a, s_range.end) {
            a_range.end = a + m;
            s_range.end += m;
        }
    }
    // Past an ellipsis at the end: the article resumes further on in the source.
    let a = a_range.end;
    if a < aids.len() && w.ellipsis(a) && free(a) {
        let window = s_range.end..(s_range.end + ELLIPSIS_SKIP).min(sids.len());
        let resume = window
            .into_iter()
            .find_map(|s| resume_after(a, s).map(|m| (s, m)));
        if let Some((s, m)) = resume {
            a_range.end = a + m;
            s_range.end = s + m;
        }
    }
    // A contraction at the end: "we have" in the source, "we've" in the article, or back.
    let (a, s) = (a_range.end, s_range.end);
    if a < aids.len() && free(a) {
        if s + 1 < sids.len() && contracts(w, a, s) {
            a_range.end += 1;
            s_range.end += 2;
        } else if a + 1 < aids.len() && free(a + 1) && s < sids.len() && expands(w, a, s) {
            a_range.end += 2;
            s_range.end += 1;
        }
    }
    // An editor's [bracketed] words closing the quotation: an insertion.
    let mut end = a_range.end;
    while end < aids.len() && free(end) && w.bracketed(end) && end - a_range.end < 6 {
        end += 1;
    }
    if end > a_range.end && (end == aids.len() || segments[end] != segment) {
        a_range.end = end;
    }
    // Backward, within the segment of the passage's first word.
    let segment = segments[a_range.start];
    let free = |i: usize| !claimed[i] && segments[i] == segment;
    // The same, reading backwards from before article word `a` and source word `s`.
    let run_before = |a: usize, s: usize| {
        let mut m = 0;
        while a > m && s > m && free(a - m - 1) && aids[a - m - 1] == sids[s - m - 1] {
            m += 1;
        }
        (m, a == m || segments[a - m - 1] != segment)
    };
    let resume_before = |a: usize, s: usize| {
        let (m, at_edge) = run_before(a, s);
        (m >= 2 || (m >= 1 && at_edge && quoted)).then_some(m)
    };
    let mut a = a_range.start;
    while a > 0 && free(a - 1) && w.bracketed(a - 1) && a_range.start - a < 6 {
        a -= 1;
    }
    if a < a_range.start {
        if let Some(m) = resume_before(a, s_range.start) {
            a_range.start = a - m;
            s_range.start -= m;
        }
    }
    let grows_backward = |(a, s): (usize, usize), (da, ds): (usize, usize), (m, at_edge)| {
        let swap = (da, ds) == (1, 1) && is_variant(w, a, s);
        let sentence_start = w.starts(a) && w.source_starts(s);
        let single = da <= 1 && ds <= 1;
        m >= 2
            || (single && m >= 1 && at_edge && quoted)
            || (swap && (m >= 1 || (m == 0 && (at_edge && quoted || sentence_start))))
    };
    for _ in 0..3 {
        let mut grown = false;
        for &(da, ds) in skips {
            if a_range.start < da + 1 || s_range.start < ds + 1 {
                continue;
            }
            let (a, s) = (a_range.start - da, s_range.start - ds);
            let skipped_free = (a..a_range.start).all(free);
            let (m, at_edge) = run_before(a, s);
            if skipped_free && grows_backward((a, s), (da, ds), (m, at_edge)) {
                a_range.start = a - m;
                s_range.start = s - m;
                grown = true;
                break;
            }
        }
        if !grown {
            break;
        }
    }
    // An editor's [bracketed] words opening the quotation ("[The mayor] said"): they stand
    // for as many source words before the passage, within its sentence.
    let mut start = a_range.start;
    while start > 0 && free(start - 1) && w.bracketed(start - 1) && a_range.start - start < 6 {
        start -= 1;
    }
    if start < a_range.start && (start == 0 || segments[start - 1] != segment) {
        let mut s = s_range.start;
        while s > 0 && s_range.start - s < a_range.start - start && !w.source_starts(s) {
            s -= 1;
        }
        a_range.start = start;
        s_range.start = s;
    }
    // A contraction at the start ("We've made" for "We have made"), or the other way.
    let (a, s) = (a_range.start, s_range.start);
    if a >= 1 && free(a - 1) {
        if s >= 2 && contracts(w, a - 1, s - 2) {
            a_range.start -= 1;
            s_range.start -= 2;
        } else if a >= 2 && free(a - 2) && s >= 1 && expands(w, a - 2, s - 1) {
            a_range.start -= 2;
            s_range.start -= 1;
        }
    }
    // Before an ellipsis at the start: the article took words from earlier in the source.
    let a = a_range.start;
    if w.ellipsis(a) && a > 0 && free(a - 1) {
        let window = s_range.start.saturating_sub(ELLIPSIS_SKIP)..s_range.start;
        let resume = window
            .rev()
            .find_map(|s| resume_before(a, s).map(|m| (s, m)));
        if let Some((s, m)) = resume {
            a_range.start = a - m;
            s_range.start = s - m;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    /// A long source of made-up words (a few common, most rare, as in prose), and an article
    /// of other words that lifts 140 passages from it, some with a word changed.
    fn long_pair() -> (String, String) {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut word = |rare: bool| {
            let n = if rare || next(3) == 0 {
                next(4000)
            } else {
                next(40)
            };
            format!("w{n}")
        };
        let source: Vec<String> = (0..60_000).map(|k| word(k % 7 == 0)).collect();
        let mut article = Vec::new();
        for passage in 0..140 {
            article.extend((0..300).map(|k| format!("x{}", (k * 31 + passage) % 997)));
            let start = next(59_000) as usize;
            let len = 8 + next(40) as usize;
            let mut lifted = source[start..start + len].to_vec();
            if passage % 3 == 0 {
                lifted[len / 2] = "changed".into();
            }
            article.extend(lifted);
            article.push(".\n".into());
        }
        (source.join(" "), article.join(" "))
    }

    #[test]
    fn groups_chained_apart_give_what_groups_in_turn_give() {
        let (source, article) = long_pair();
        let (s, a) = (tokenize(&source), tokenize(&article));
        assert!(a.len() >= PARALLEL_WORDS, "{} words", a.len());
        let regions = vec![None; a.len()];
        let options = MatchOptions::default();
        // The runs do fall into two groups here, so the two ways differ in how they run.
        let (sids, aids, _) = intern(&s, &a);
        let segments = segments_of(&regions, &region_lengths(&regions), options.min_quote_words);
        let runs = find_runs(&sids, &aids, &regions, &segments, &s);
        assert!(independent_cut(&runs).is_some());
        let apart = align_in(&s, &a, &regions, &options, Groups::Apart).passages;
        let in_turn = align_in(&s, &a, &regions, &options, Groups::InTurn).passages;
        assert!(apart.len() >= 135, "{} passages", apart.len());
        assert_eq!(apart, in_turn);
    }

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
    fn runs_are_cut_only_where_no_chain_can_link_across() {
        let run = |a: u32| Run { a, s: a, len: 4 };
        let runs: Vec<Run> = [0, 10, 20, 60, 70, 80].into_iter().map(run).collect();
        assert_eq!(independent_cut(&runs), Some(3));
        // Runs every ten words: a chain may link any two neighbours.
        let dense: Vec<Run> = (0..40).map(|k| run(k * 10)).collect();
        assert_eq!(independent_cut(&dense), None);
    }

    fn run(source: &str, article: &str, quoted: bool) -> Vec<(String, String)> {
        let s = tokenize(source);
        let a = tokenize(article);
        let regions = vec![if quoted { Some(0u32) } else { None }; a.len()];
        align(&s, &a, &regions, &MatchOptions::default())
            .passages
            .into_iter()
            .map(|al| {
                let words = |toks: &[Token], r: Range<usize>| {
                    toks[r]
                        .iter()
                        .map(|t| t.norm.clone())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                (words(&a, al.article), words(&s, al.source))
            })
            .collect()
    }

    #[test]
    fn out_of_order_passages_are_both_found() {
        let source = "The council approved the budget after a long debate on Tuesday evening. \
            Separately, the mayor announced a new program to repair every bridge in the county.";
        let article = "The mayor announced a new program to repair every bridge in the county, \
            and the council approved the budget after a long debate on Tuesday evening.";
        let found = run(source, article, false);
        assert_eq!(found.len(), 2);
        assert!(found[0].0.starts_with("the mayor announced"));
        assert!(found[1].0.starts_with("the council approved"));
    }

    #[test]
    fn a_changed_word_stays_inside_one_passage() {
        let source = "Officials said the new bridge will open to traffic in early March next year.";
        let article =
            "Officials said the new bridge would open to traffic in early March next year.";
        let found = run(source, article, false);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "officials said the new bridge would open to traffic in early march next year"
        );
    }

    #[test]
    fn stock_phrases_are_not_reuse() {
        let source = "It is one of the things that we do in New York City every day.";
        let article = "He said it is one of the things that we do.";
        assert!(run(source, article, false).is_empty());
    }
}
