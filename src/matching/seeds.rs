//! Step 1 of matching: maximal exact runs of equal words, grown from n-gram seeds.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::index::{gram_key, GramIndex};
use super::pairs::two_word_sentences;
use super::{push_maximal, Region, Run, PARALLEL_WORDS};
use crate::normalize::Token;
use crate::parallel::both;

/// Most occurrences of an n-gram in the source for it to be used as a seed.
pub(super) const SEED_CAP: usize = 16;

/// Source length (in words) up to which [`SEED_CAP`] applies in full; beyond it the cap
/// shrinks in proportion (to no less than 4), so that the chance hits per article word stay
/// constant and the work stays linear as both texts grow.
pub(super) const SEED_CAP_WORDS: usize = 200_000;

/// Numbers the stretches between quotation boundaries of the article: two words are in the
/// same segment when no quotation mark of the article opens or closes between them.
///
/// The marks around a quotation too short to be matched on its own (scare quotes: growth
/// had been "quite weak" and wage pressures had eased) do not cut: a passage the article
/// reuses runs through them.
pub(super) fn segments_of(
    regions: &[Region],
    lengths: &[usize],
    min_quote_words: usize,
) -> Vec<u32> {
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

/// Step 1: maximal exact runs from n-gram seeds (3-grams inside quotation marks and for a
/// sentence of three words, 4-grams outside). On long texts the two indexes are built, and the article's two halves seeded, on
/// two threads: a run found from both halves is the same maximal run, kept once.
pub(super) fn find_runs(
    sids: &[u32],
    aids: &[u32],
    regions: &[Region],
    segments: &[u32],
    (source, article): (&[Token], &[Token]),
    content: &[bool],
) -> Vec<Run> {
    let seeds = |index3: &GramIndex, index4: &GramIndex, range: Range<usize>| {
        seed_runs(
            sids,
            aids,
            regions,
            segments,
            (source, article),
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
    runs.extend(two_word_sentences(
        (sids, aids),
        content,
        regions,
        segments,
        (source, article),
    ));
    runs.sort_unstable_by_key(|r| (r.a, r.s, r.len));
    runs.dedup_by_key(|r| (r.a, r.s, r.len));
    runs
}

/// The runs seeded from article words `range` (a run may reach beyond it).
pub(super) fn seed_runs(
    sids: &[u32],
    aids: &[u32],
    regions: &[Region],
    segments: &[u32],
    (source, article): (&[Token], &[Token]),
    (index3, index4): (&GramIndex, &GramIndex),
    range: Range<usize>,
) -> Vec<Run> {
    let starts = |i: usize| {
        i == 0 || i == article.len() || {
            let gap = article[i].gap;
            gap.sentence_end || gap.line_break
        }
    };
    let seed_cap = (SEED_CAP * SEED_CAP_WORDS / sids.len().max(SEED_CAP_WORDS)).max(4);
    // Per diagonal (s - a), how far the last run found on it reaches in the article.
    let mut reach: FxHashMap<i64, u32> = FxHashMap::default();
    let mut runs = Vec::new();
    for i in range {
        let quoted = regions[i].is_some();
        // A sentence of three words ("Las conversaciones fracasaron.") is seeded whole: it
        // may be copied whole (see `select::copied_sentence`).
        let sentence3 = i + 3 <= article.len() && starts(i) && starts(i + 3);
        let index = if quoted || sentence3 { index3 } else { index4 };
        let k = index.k;
        if i + k > aids.len() {
            continue;
        }
        let Some(hits) = index.lookup(gram_key(&aids[i..i + k]), seed_cap) else {
            continue;
        };
        for s in hits {
            let s = s as usize;
            let diag = s as i64 - i as i64;
            if reach.get(&diag).is_some_and(|&end| end as usize > i) {
                continue;
            }
            if sids[s..s + k] != aids[i..i + k] {
                continue;
            }
            let a1 = push_maximal((i, s, k), (sids, aids), segments, source, &mut runs);
            reach.insert(diag, a1 as u32);
        }
    }
    runs
}
