//! Step 2 of matching: runs chained by dynamic programming into candidate passages.

use super::{Run, Words, ELLIPSIS_SKIP, MAX_ARTICLE_GAP};

/// A chain of runs: the indices of its runs in article order and its score.
#[derive(Debug, Clone)]
pub(super) struct Chain {
    /// Where its runs' indices start in the shared member list.
    pub(super) first: u32,
    /// How many runs it has.
    pub(super) len: u32,
    pub(super) score: f64,
}

/// All chains, their run indices stored in one list (one allocation, not one per chain).
pub(super) struct Chains {
    pub(super) members: Vec<u32>,
    pub(super) chains: Vec<Chain>,
}

impl Chains {
    pub(super) fn runs_of(&self, chain: &Chain) -> &[u32] {
        &self.members[chain.first as usize..(chain.first + chain.len) as usize]
    }
}

/// Step 2: chain runs by dynamic programming over compatible predecessors.
pub(super) fn chain_runs(runs: &[Run], w: &Words) -> Chains {
    let (best, pred) = best_predecessors(runs, w);
    greedy_chains(&best, &pred)
}

/// No predecessor, in the `u32` lists of [`best_predecessors`].
const NONE: u32 = u32::MAX;

/// For each run, the best score of a chain ending with it and its predecessor in that chain
/// ([`NONE`] for none).
fn best_predecessors(runs: &[Run], w: &Words) -> (Vec<f64>, Vec<u32>) {
    let (article, regions, segments) = (w.article_tokens, w.regions, w.segments);
    let n = runs.len();
    let mut best = vec![0f64; n];
    // Best predecessor of each run (`NONE` for none): u32, not Option<usize>, at 50,000 runs.
    let mut pred: Vec<u32> = vec![NONE; n];
    // Runs indexed by where they end in the article, for predecessor look-ups: a linked
    // list per article position (`head[end]`, then `next[run]`), so no allocation per run.
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
                if let Some(penalty) = link_penalty(&prev, run, w, region.is_some()) {
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
    (best, pred)
}

/// Greedy: best chain ends first; a run belongs to one chain. Chains come out sorted by
/// score, best first.
fn greedy_chains(best: &[f64], pred: &[u32]) -> Chains {
    let n = best.len();
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
        while pred[cur] != NONE {
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
pub(super) fn link_penalty(prev: &Run, next: &Run, w: &Words, quoted: bool) -> Option<f64> {
    let article = w.article_tokens;
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
    // In a book-length source two chance overlaps a few words apart are common: there the
    // gap between runs must be one of the kinds above.
    let apart = gap_a >= 0 && gap_s >= 0 && w.short_source;
    if apart && ga <= REWORDED_GAP && gs <= REWORDED_GAP {
        // The words the stretch keeps count for the link, as the words of a gap of one
        // changed word would.
        if let Some(shared) = reworded(prev, next, w) {
            return Some(0.5 * (ga.max(gs) - shared) as f64 + 1.0);
        }
    }
    None
}

/// Widest gap, in words on either side, that a reworded stretch inside one passage may fill.
const REWORDED_GAP: usize = 10;

/// The words between two runs, on both sides, are the same stretch reworded, not two
/// passages (`Some` of how many words they share): they share at least two words, one of them a content word, and at least a third
/// of the longer side ("rate cuts in the coming months would" for "interest rate cuts over the
/// coming months will"). The runs around them are seeded from four equal words each, so the
/// stretch sits between two pieces of the same sentence.
fn reworded(prev: &Run, next: &Run, w: &Words) -> Option<usize> {
    let article = &w.aids[prev.a_end() as usize..next.a as usize];
    let source = &w.sids[prev.s_end() as usize..next.s as usize];
    let mut left: Vec<u32> = source.to_vec();
    let (mut shared, mut content) = (0usize, false);
    for id in article {
        if let Some(k) = left.iter().position(|s| s == id) {
            left.swap_remove(k);
            shared += 1;
            content |= w.content[*id as usize];
        }
    }
    (shared >= 2 && content && 4 * shared >= article.len().max(source.len())).then_some(shared)
}

/// Where runs (in article order) can be cut into two groups that no chain links across, as
/// near the middle as can be: an index before which every run ends well before the run there
/// starts. `None` when no such place lies in the middle half.
pub(super) fn independent_cut(runs: &[Run]) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_cut_only_where_no_chain_can_link_across() {
        let run = |a: u32| Run { a, s: a, len: 4 };
        let runs: Vec<Run> = [0, 10, 20, 60, 70, 80].into_iter().map(run).collect();
        assert_eq!(independent_cut(&runs), Some(3));
        // Runs every ten words: a chain may link any two neighbours.
        let dense: Vec<Run> = (0..40).map(|k| run(k * 10)).collect();
        assert_eq!(independent_cut(&dense), None);
    }
}
