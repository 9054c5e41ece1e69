//! Step 3 of matching: the best chains taken first, each article word given to one passage,
//! the thresholds that tell a shared passage from a chance overlap, and the second look at
//! quoted pieces too short to count alone.

use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::chains::{chain_runs, independent_cut, Chain};
use super::edges::{extend_edges, may_grow};
use super::{Alignment, Groups, MatchOptions, Region, Run, Words, PARALLEL_WORDS};
use crate::parallel::both;

/// Lowest chain score selection looks at: a chain below it cannot pass any threshold, and
/// chains come sorted, so selection stops there.
const MIN_CHAIN_SCORE: f64 = 2.0;

/// How many equal chains (the same article words at other places of the source) are tried
/// for the place where the passage grows furthest.
const SAME_CHAINS_TRIED: usize = 8;

/// Fewest matched words of a quoted piece kept, though too short to count alone, for a second
/// look beside its neighbours.
const DEFERRED_MIN_MATCHED: usize = 2;

/// Most words between a deferred quoted piece and an accepted passage it continues, in the
/// article and in the source.
const CONTINUES_ARTICLE_GAP: usize = 15;
const CONTINUES_SOURCE_GAP: usize = 3;

/// Steps 2 and 3 over all runs.
///
/// A chain links runs at most [`MAX_ARTICLE_GAP`] words apart in the article, so runs with a
/// wider gap between them fall into groups that never share a chain: on a long article the
/// runs are cut into two such groups near the middle, and each group is chained and selected
/// on a thread of its own. Selection takes the first group before the second; done apart,
/// the second cannot see what the first took. That matters only when a passage of one
/// group grows into the other's, so then both are done again, one after the other.
pub(super) fn chain_and_select(
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

/// What selection took from a group of runs: passages accepted, and quoted pieces too short
/// to count alone, kept (without their counts) for a second look.
#[derive(Default)]
pub(super) struct Picked {
    pub(super) accepted: Vec<Alignment>,
    pub(super) deferred: Vec<Alignment>,
}

/// Step 3: take a group's chains best first, give each article word to one passage (marking
/// it in `claimed`), apply thresholds.
pub(super) fn pick(
    runs: &[Run],
    w: &Words,
    options: &MatchOptions,
    claimed: &mut [bool],
) -> Picked {
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
        if chain.score < MIN_CHAIN_SCORE {
            // Chains are sorted; nothing below can pass any threshold.
            break;
        }
        // Most chains are one short run, a chance overlap that cannot grow: judged on its
        // counts alone, with nothing built.
        if let [only] = chains.runs_of(chain) {
            if let Some(judged) = failed_alone(runs[*only as usize], w, options, claimed) {
                deferred.extend(judged);
                continue;
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
                .take(SAME_CHAINS_TRIED)
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
        } else if let Some((a, s)) = copied_piece(&pieces, w, options) {
            claimed[a.clone()].fill(true);
            out.push(exact_alignment(a, s, None));
        } else if candidate.alignment.region.is_some()
            && candidate.alignment.matched >= DEFERRED_MIN_MATCHED
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

/// A chain of one run whose article words are free and that cannot grow, when it fails the
/// thresholds on its counts alone: `Some` with the piece to defer, if it is one, so that
/// nothing is built for it; `None` when the chain must be built and judged whole.
fn failed_alone(
    run: Run,
    w: &Words,
    options: &MatchOptions,
    claimed: &[bool],
) -> Option<Option<Alignment>> {
    let (a, s) = (
        run.a as usize..run.a_end() as usize,
        run.s as usize..run.s_end() as usize,
    );
    if claimed[a.clone()].iter().any(|&c| c) || may_grow(&a, &s, w) {
        return None;
    }
    let tally = tally_exact(&a, w);
    // A short sentence copied whole is built and judged as a chain (see `copied_sentence`).
    if passes(&tally, w, options) || copied_sentence(&a, &s, w, options).is_some() {
        return None;
    }
    let deferred =
        tally.region.is_some() && tally.matched >= DEFERRED_MIN_MATCHED && tally.content > 0;
    Some(deferred.then(|| exact_alignment(a, s, tally.region)))
}

/// What the thresholds look at in a passage.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tally {
    pub(super) region: Region,
    pub(super) matched: usize,
    pub(super) content: usize,
    pub(super) surprise: f64,
    pub(super) whole: bool,
}

impl Candidate {
    pub(super) fn tally(&self) -> Tally {
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
pub(super) struct Candidate {
    pub(super) alignment: Alignment,
    pub(super) content: usize,
    pub(super) surprise: f64,
    /// The passage is a whole sentence or paragraph of the article, not a phrase inside one.
    pub(super) whole: bool,
}

/// Step 4: the second look at quoted pieces too short to count alone, then all passages in
/// article order.
pub(super) fn settle(picked: Picked, mut claimed: Vec<bool>) -> Vec<Alignment> {
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
                && al.article.start - other.article.end.min(al.article.start)
                    <= CONTINUES_ARTICLE_GAP
                && other.article.end <= al.article.start
                && al.source.start >= other.source.end
                && al.source.start - other.source.end <= CONTINUES_SOURCE_GAP
        }) || after.is_some_and(|other| {
            other.region != al.region
                && al.article.end <= other.article.start
                && other.article.start - al.article.end <= CONTINUES_ARTICLE_GAP
                && other.source.start >= al.source.end
                && other.source.start - al.source.end <= CONTINUES_SOURCE_GAP
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
pub(super) fn unclaimed_pieces(runs: &[Run], members: &[u32], claimed: &[bool]) -> Vec<Run> {
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
pub(super) fn tally_exact(a_range: &Range<usize>, w: &Words) -> Tally {
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

/// The sentence [`copied_sentence`] finds in a chain of one piece.
fn copied_piece(
    pieces: &[Run],
    w: &Words,
    options: &MatchOptions,
) -> Option<(Range<usize>, Range<usize>)> {
    let [one] = pieces else {
        return None;
    };
    let a = one.a as usize..one.a_end() as usize;
    copied_sentence(&a, &(one.s as usize..one.s_end() as usize), w, options)
}

/// A whole sentence of the article copied word for word from a whole sentence of the source,
/// inside an exact run (`a` of the article, `s` of the source) too short to count by the
/// number of its words: reuse however short ("The talks have failed."), the run cut back to
/// the sentence (it may run on into the next one's first word, "Ein"). Outside quotation
/// marks, with two content words, and its words' surprise beating the chance that one of the
/// article's sentences is found whole in the source (the sentence is looked up whole, like a
/// quotation, not as any of the article's phrases).
fn copied_sentence(
    a: &Range<usize>,
    s: &Range<usize>,
    w: &Words,
    options: &MatchOptions,
) -> Option<(Range<usize>, Range<usize>)> {
    let to_source = |i: usize| s.start + (i - a.start);
    let bound = |i: usize| {
        (i == w.aids.len() || w.starts(i))
            && (to_source(i) == w.sids.len() || w.source_starts(to_source(i)))
    };
    let start = (a.start..a.end).find(|&i| bound(i))?;
    let end = (start + 1..=a.end).rev().find(|&i| bound(i))?;
    let sentence = start..end;
    if sentence.len() >= options.min_words
        || w.regions[sentence.clone()].iter().any(Option::is_some)
    {
        return None;
    }
    let tally = tally_exact(&sentence, w);
    (tally.content >= 2 && tally.surprise >= w.sentence_chance)
        .then(|| (sentence.clone(), to_source(start)..to_source(end)))
}

/// A passage whose words are all equal on both sides.
pub(super) fn exact_alignment(
    article: Range<usize>,
    source: Range<usize>,
    region: Region,
) -> Alignment {
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
pub(super) fn build(pieces: &[Run], w: &Words, claimed: &[bool]) -> Option<Candidate> {
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
pub(super) fn majority_region(regions: &[Region]) -> Region {
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
pub(super) fn region_lengths(regions: &[Region]) -> Vec<usize> {
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
pub(super) const LONG_PASSAGE: usize = 12;

/// The thresholds. A passage needs enough matched words (six outside quotation marks, three
/// inside) and two content words. A short one must also be unlikely to occur by chance: the
/// surprise of its words must beat what two texts of these lengths share anyway, so stock
/// phrases ("at the other end of the room", "I beg your pardon") that any two long texts
/// share are not reported, while in a one-page release almost any shared phrase counts. A
/// passage of six words or more that is a whole sentence of the article, or most of a
/// quotation, needs half the surprise: a stock phrase is rarely all the article says. A
/// short quotation must be most of its quotation.
pub(super) fn passes(c: &Tally, w: &Words, options: &MatchOptions) -> bool {
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
