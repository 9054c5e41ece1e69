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

use similar::DiffOp;

use crate::normalize::Token;
pub(crate) mod broken;
mod chains;
mod edges;
mod index;
pub(crate) mod lead_in;
mod pairs;
pub(crate) mod pieces;
pub(crate) mod quotes;
mod seeds;
mod select;

pub use index::is_content_word;
use index::{intern, surprise_weights};
use seeds::{find_runs, segments_of};
use select::{chain_and_select, region_lengths};

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

/// Most source words an ellipsis may stand for.
const ELLIPSIS_SKIP: usize = 120;

/// Largest article gap between two chained runs, in words (a bracketed insertion).
const MAX_ARTICLE_GAP: u32 = 12;

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
    // A short sentence copied whole is one sentence of the article looked up whole in the
    // source: what it must beat grows with the number of the article's sentences.
    let sentences = (0..article.len())
        .filter(|&a| {
            let gap = article[a].gap;
            a == 0 || gap.sentence_end || gap.line_break
        })
        .count();
    let sentence_chance = ((sids.len() + 1) as f64).ln() + ((sentences + 1) as f64).ln();
    let region_len = region_lengths(regions);
    let segments = segments_of(regions, &region_len, options.min_quote_words);
    // Built, used for seeding and dropped before chaining: the peak of memory is later.
    let runs = find_runs(
        &sids,
        &aids,
        regions,
        &segments,
        (source, article),
        &content,
    );
    let words = Words {
        sids: &sids,
        aids: &aids,
        content: &content,
        weight: &weight,
        chance,
        quote_chance: quote_chance.min(chance),
        sentence_chance: sentence_chance.min(chance),
        source_tokens: source,
        article_tokens: article,
        regions,
        region_len: &region_len,
        segments: &segments,
        short_source: source
            .last()
            .is_none_or(|t| t.span().end <= SHORT_SOURCE_BYTES),
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
    /// The same for a short sentence of the article copied whole (see
    /// `select::copied_sentence`).
    sentence_chance: f64,
    source_tokens: &'a [Token],
    article_tokens: &'a [Token],
    regions: &'a [Region],
    /// Words in each quotation, by its number.
    region_len: &'a [usize],
    segments: &'a [u32],
    /// The source is a release, a speech or a transcript, not a book: one equal word after a
    /// change is worth growing a passage by (see [`edges`]). In a book-length source a
    /// passage is as often a chance overlap, and a single word proves nothing.
    short_source: bool,
}

/// Longest source (in bytes) in which one equal word after a change grows a passage.
pub(crate) const SHORT_SOURCE_BYTES: usize = 200_000;

/// Article words from which seeding is split between two threads.
const PARALLEL_WORDS: usize = 40_000;

/// Grows the `k` equal words at article word `a` and source word `s` into the maximal run of
/// equal words and pushes it, cut where the article opens or closes a quotation unless the
/// source has a quotation mark at the same place (the article reproduces the source's own
/// quotation marks). Returns the article index where the run ends.
fn push_maximal(
    (a, s, k): (usize, usize, usize),
    (sids, aids): (&[u32], &[u32]),
    segments: &[u32],
    source: &[Token],
    runs: &mut Vec<Run>,
) -> usize {
    let (mut a0, mut s0) = (a, s);
    while a0 > 0 && s0 > 0 && aids[a0 - 1] == sids[s0 - 1] {
        a0 -= 1;
        s0 -= 1;
    }
    let (mut a1, mut s1) = (a + k, s + k);
    while a1 < aids.len() && s1 < sids.len() && aids[a1] == sids[s1] {
        a1 += 1;
        s1 += 1;
    }
    let mut start = a0;
    for j in a0 + 1..=a1 {
        let cut = j < a1 && segments[j] != segments[j - 1] && !source[s0 + (j - a0)].gap.quote_mark;
        if j == a1 || cut {
            runs.push(Run {
                a: start as u32,
                s: (s0 + (start - a0)) as u32,
                len: (j - start) as u32,
            });
            start = j;
        }
    }
    a1
}

#[cfg(test)]
mod tests {
    use super::chains::independent_cut;
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
        let (sids, aids, content) = intern(&s, &a);
        let segments = segments_of(&regions, &region_lengths(&regions), options.min_quote_words);
        let runs = find_runs(&sids, &aids, &regions, &segments, (&s, &a), &content);
        assert!(independent_cut(&runs).is_some());
        let apart = align_in(&s, &a, &regions, &options, Groups::Apart).passages;
        let in_turn = align_in(&s, &a, &regions, &options, Groups::InTurn).passages;
        assert!(apart.len() >= 135, "{} passages", apart.len());
        assert_eq!(apart, in_turn);
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
