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
//! The result is in token indices; [`crate::compare`] turns it into byte spans.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::normalize::Token;

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
pub type Region = Option<usize>;

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
const SEED_CAP: usize = 48;
/// Largest article gap between two chained runs, in words (a bracketed insertion).
const MAX_ARTICLE_GAP: u32 = 12;

/// The stop words of `assets/stopwords.txt`, normalised.
fn stopwords() -> &'static std::collections::HashSet<String> {
    static WORDS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../assets/stopwords.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(crate::normalize::normalize_word)
            .collect()
    })
}

/// True when a normalised word carries content (not a stop word).
pub fn is_content_word(norm: &str) -> bool {
    !stopwords().contains(norm)
        && (norm.chars().count() > 1 || norm.chars().all(|c| c.is_ascii_digit()))
}

/// Maps each distinct normalised word to a small integer, the same on both sides.
fn intern(source: &[Token], article: &[Token]) -> (Vec<u32>, Vec<u32>, Vec<bool>) {
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity(source.len() / 4 + 64);
    let mut content = Vec::new();
    let mut out = [
        Vec::with_capacity(source.len()),
        Vec::with_capacity(article.len()),
    ];
    for (side, tokens) in [source, article].into_iter().enumerate() {
        for t in tokens {
            let next = ids.len() as u32;
            let id = *ids.entry(t.norm.as_str()).or_insert_with(|| {
                content.push(is_content_word(&t.norm));
                next
            });
            out[side].push(id);
        }
    }
    let [s, a] = out;
    (s, a, content)
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

/// The source's n-grams, sorted by key, for seed look-ups.
struct GramIndex {
    k: usize,
    entries: Vec<(u64, u32)>,
}

impl GramIndex {
    fn new(ids: &[u32], k: usize) -> Self {
        let mut entries: Vec<(u64, u32)> = if ids.len() >= k {
            (0..=ids.len() - k)
                .map(|i| (gram_key(&ids[i..i + k]), i as u32))
                .collect()
        } else {
            Vec::new()
        };
        entries.sort_unstable();
        GramIndex { k, entries }
    }

    fn lookup(&self, key: u64) -> &[(u64, u32)] {
        let lo = self.entries.partition_point(|e| e.0 < key);
        let hi = lo + self.entries[lo..].partition_point(|e| e.0 == key);
        &self.entries[lo..hi]
    }
}

/// Finds every passage the article shares with the source.
///
/// `regions[i]` says which quotation article token `i` lies in (see [`Region`]).
pub fn align(
    source: &[Token],
    article: &[Token],
    regions: &[Region],
    options: &MatchOptions,
) -> Vec<Alignment> {
    debug_assert_eq!(regions.len(), article.len());
    let (sids, aids, content) = intern(source, article);
    let runs = find_runs(&sids, &aids, regions);
    let chains = chain_runs(&runs, article, regions);
    select(&runs, chains, &sids, &aids, &content, regions, options)
}

/// Step 1: maximal exact runs from n-gram seeds.
fn find_runs(sids: &[u32], aids: &[u32], regions: &[Region]) -> Vec<Run> {
    let index3 = GramIndex::new(sids, 3);
    let index4 = GramIndex::new(sids, 4);
    // Per diagonal (s - a), how far the last run found on it reaches in the article.
    let mut reach: HashMap<i64, u32> = HashMap::new();
    let mut runs = Vec::new();
    for i in 0..aids.len() {
        let quoted = regions[i].is_some();
        let index = if quoted { &index3 } else { &index4 };
        let k = index.k;
        if i + k > aids.len() {
            continue;
        }
        let hits = index.lookup(gram_key(&aids[i..i + k]));
        if hits.is_empty() || hits.len() > SEED_CAP {
            continue;
        }
        for &(_, s) in hits {
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
            // A run is cut where the article crosses a quotation boundary.
            let mut start = a0;
            for j in a0 + 1..=a1 {
                if j == a1 || regions[j] != regions[start] {
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
    runs.sort_unstable_by_key(|r| (r.a, r.s));
    runs
}

/// A chain of runs: the indices of its runs in article order and its score.
#[derive(Debug, Clone)]
struct Chain {
    runs: Vec<usize>,
    score: f64,
}

/// Step 2: chain runs by dynamic programming over compatible predecessors.
fn chain_runs(runs: &[Run], article: &[Token], regions: &[Region]) -> Vec<Chain> {
    let n = runs.len();
    let mut best = vec![0f64; n];
    let mut pred: Vec<Option<usize>> = vec![None; n];
    // Runs indexed by where they end in the article, for predecessor look-ups.
    let mut by_end: HashMap<u32, Vec<usize>> = HashMap::new();
    for (r, run) in runs.iter().enumerate() {
        let mut best_here = run.len as f64;
        let region = regions[run.a as usize];
        let lo = run.a.saturating_sub(MAX_ARTICLE_GAP);
        for end in lo..=run.a + 2 {
            let Some(cands) = by_end.get(&end) else {
                continue;
            };
            for &p in cands {
                let prev = runs[p];
                if prev.a >= run.a || regions[prev.a as usize] != region {
                    continue;
                }
                if let Some(penalty) = link_penalty(&prev, run, article, region.is_some()) {
                    let overlap = (prev.a_end() as i64 - run.a as i64)
                        .max(prev.s_end() as i64 - run.s as i64)
                        .max(0) as f64;
                    let value = best[p] + run.len as f64 - overlap - penalty;
                    if value > best_here {
                        best_here = value;
                        pred[r] = Some(p);
                    }
                }
            }
        }
        best[r] = best_here;
        by_end.entry(run.a_end()).or_default().push(r);
    }
    // Greedy: best chain ends first; a run belongs to one chain.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&x, &y| best[y].total_cmp(&best[x]).then(x.cmp(&y)));
    let mut used = vec![false; n];
    let mut chains = Vec::new();
    for end in order {
        if used[end] {
            continue;
        }
        let mut members = vec![end];
        used[end] = true;
        let mut cur = end;
        while let Some(p) = pred[cur] {
            if used[p] {
                break;
            }
            used[p] = true;
            members.push(p);
            cur = p;
        }
        members.reverse();
        chains.push(Chain {
            runs: members,
            score: best[end],
        });
    }
    chains
}

/// Whether run `next` may follow run `prev` in one passage, and at what cost.
fn link_penalty(prev: &Run, next: &Run, article: &[Token], quoted: bool) -> Option<f64> {
    let gap_a = next.a as i64 - prev.a_end() as i64;
    let gap_s = next.s as i64 - prev.s_end() as i64;
    if gap_a < -2 || gap_s < -2 {
        return None;
    }
    let (ga, gs) = (gap_a.max(0) as usize, gap_s.max(0) as usize);
    let between = &article[prev.a_end().min(next.a) as usize..=next.a as usize];
    let ellipsis = between.iter().any(|t| t.gap.ellipsis);
    let gap_tokens = &article[prev.a_end() as usize..(next.a as usize).max(prev.a_end() as usize)];
    let bracketed = !gap_tokens.is_empty() && gap_tokens.iter().all(|t| t.bracketed);
    if ga <= 4 && gs <= 4 {
        return Some(0.5 * ga.max(gs) as f64);
    }
    if ellipsis && ga <= 3 && gs <= 120 {
        return Some(1.0);
    }
    if bracketed && ga <= MAX_ARTICLE_GAP as usize && gs <= 8 {
        return Some(1.0);
    }
    if quoted && ga <= 2 && gs <= 60 && prev.len >= 4 && next.len >= 4 {
        return Some(2.0);
    }
    None
}

/// Step 3: take chains best first, give each article word to one passage, apply thresholds.
fn select(
    runs: &[Run],
    chains: Vec<Chain>,
    sids: &[u32],
    aids: &[u32],
    content: &[bool],
    regions: &[Region],
    options: &MatchOptions,
) -> Vec<Alignment> {
    let mut claimed = vec![false; aids.len()];
    let mut out = Vec::new();
    let region_len = region_lengths(regions);
    let mut chains = chains;
    chains.sort_by(|x, y| y.score.total_cmp(&x.score));
    for chain in chains {
        let need = options.min_quote_words.min(options.min_words).max(1) as f64;
        if chain.score < need {
            // Chains are sorted; nothing below can pass any threshold.
            break;
        }
        // Drop the parts of runs already given to a passage.
        let mut pieces: Vec<Run> = Vec::new();
        for &r in &chain.runs {
            let run = runs[r];
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
                    let s = run.s + (start - run.a);
                    // Keep source order monotonic inside the passage.
                    if pieces
                        .last()
                        .is_none_or(|p| p.s_end() <= s && p.a_end() <= start)
                    {
                        pieces.push(Run {
                            a: start,
                            s,
                            len: j - start,
                        });
                    }
                }
            }
        }
        let Some(first) = pieces.first().copied() else {
            continue;
        };
        let last = *pieces.last().unwrap_or(&first);
        let region = regions[first.a as usize];
        let (mut a_range, mut s_range) = (
            first.a as usize..last.a_end() as usize,
            first.s as usize..last.s_end() as usize,
        );
        extend_edges(&mut a_range, &mut s_range, sids, aids, regions, &claimed);
        let ops = capture_diff_slices(
            Algorithm::Myers,
            &sids[s_range.clone()],
            &aids[a_range.clone()],
        );
        let mut matched = 0;
        let mut content_matched = 0;
        for op in &ops {
            if let DiffOp::Equal { new_index, len, .. } = *op {
                matched += len;
                content_matched += aids[a_range.start + new_index..a_range.start + new_index + len]
                    .iter()
                    .filter(|&&id| content[id as usize])
                    .count();
            }
        }
        if !passes(matched, content_matched, region, &region_len, options) {
            continue;
        }
        for c in &mut claimed[a_range.clone()] {
            *c = true;
        }
        out.push(Alignment {
            article: a_range,
            source: s_range,
            region,
            ops,
            matched,
        });
    }
    out.sort_by_key(|al| (al.article.start, al.source.start));
    out
}

fn region_lengths(regions: &[Region]) -> HashMap<usize, usize> {
    let mut lengths = HashMap::new();
    for r in regions.iter().flatten() {
        *lengths.entry(*r).or_insert(0) += 1;
    }
    lengths
}

/// The thresholds: enough matched words, enough of them content words, and for a short
/// match inside a quotation, enough of that quotation.
fn passes(
    matched: usize,
    content_matched: usize,
    region: Region,
    region_len: &HashMap<usize, usize>,
    options: &MatchOptions,
) -> bool {
    match region {
        None => matched >= options.min_words && content_matched >= 2,
        Some(q) => {
            if matched < options.min_quote_words {
                return false;
            }
            if matched >= options.min_words {
                return content_matched >= 2;
            }
            // A short shared phrase counts only when it is most of a short quotation and
            // says something ("late into 2005", not "I don't know").
            let total = region_len.get(&q).copied().unwrap_or(matched).max(1);
            content_matched >= 2 && matched * 10 >= total * 6
        }
    }
}

/// Grows a passage past a changed, dropped or added word at either end when matching words
/// follow (too few to have seeded a run of their own).
fn extend_edges(
    a_range: &mut Range<usize>,
    s_range: &mut Range<usize>,
    sids: &[u32],
    aids: &[u32],
    regions: &[Region],
    claimed: &[bool],
) {
    let region = regions[a_range.start];
    let free = |i: usize| !claimed[i] && regions[i] == region;
    const SKIPS: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];
    // Forward.
    for _ in 0..3 {
        let mut grown = false;
        for (da, ds) in SKIPS {
            let (a, s) = (a_range.end + da, s_range.end + ds);
            if a > aids.len() || s > sids.len() {
                continue;
            }
            let mut m = 0;
            while a + m < aids.len()
                && s + m < sids.len()
                && free(a + m)
                && aids[a + m] == sids[s + m]
            {
                m += 1;
            }
            let at_edge = a + m == aids.len() || regions[a + m] != region;
            let skipped_free = (a_range.end..a).all(free);
            if skipped_free && (m >= 2 || (m >= 1 && at_edge && region.is_some())) {
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
    // Backward.
    for _ in 0..3 {
        let mut grown = false;
        for (da, ds) in SKIPS {
            if a_range.start < da + 1 || s_range.start < ds + 1 {
                continue;
            }
            let (a, s) = (a_range.start - da, s_range.start - ds);
            let mut m = 0;
            while a > m && s > m && free(a - m - 1) && aids[a - m - 1] == sids[s - m - 1] {
                m += 1;
            }
            let at_edge = a == m || regions[a - m - 1] != region;
            let skipped_free = (a..a_range.start).all(free);
            if skipped_free && (m >= 2 || (m >= 1 && at_edge && region.is_some())) {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    fn run(source: &str, article: &str, quoted: bool) -> Vec<(String, String)> {
        let s = tokenize(source);
        let a = tokenize(article);
        let regions = vec![if quoted { Some(0) } else { None }; a.len()];
        align(&s, &a, &regions, &MatchOptions::default())
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
