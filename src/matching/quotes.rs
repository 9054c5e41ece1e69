//! Judging the article's quotations against the passages matched: which are verified, altered
//! or not in the source, and the short quotations (under the passage minimum) looked up word
//! for word in the source. It reads the matches; it finds none of its own beyond those
//! short look-ups.

use rustc_hash::FxHashMap;

use super::Region;
use crate::compare::{Match, QuoteFinding, QuoteStatus};
use crate::normalize::{self, Token};
use crate::quotes::Quotation;
use crate::span::Span;

/// Decides each quotation's status from the matches that overlap it. A short match that
/// covers little of a long quotation is an incidental phrase, not the quotation's origin: it
/// is dropped and the quotation is not in the source, unless it is `min_words` long (the
/// `--min-words` that makes a passage).
pub(crate) fn judge_quotes(
    quotations: &[Quotation],
    matches: &mut Vec<Match>,
    atoks: &[Token],
    regions: &[Region],
    min_words: usize,
) -> Vec<QuoteFinding> {
    let mut words = vec![0usize; quotations.len()];
    for r in regions.iter().flatten() {
        words[*r as usize] += 1;
    }
    let mut shared = vec![0usize; quotations.len()];
    for m in matches.iter() {
        if let Some(q) = m.quote {
            shared[q] += m.shared_words;
        }
    }
    matches.retain(|m| match m.quote {
        Some(q) => shared[q] >= min_words || shared[q] * 2 >= words[q],
        None => true,
    });
    // Words of each quotation that lie inside some match.
    let mut covered = vec![0usize; quotations.len()];
    let inside = inside_spans(atoks, matches.iter().map(|m| m.article));
    for (r, inside) in regions.iter().zip(inside) {
        if let (Some(q), true) = (r, inside) {
            covered[*q as usize] += 1;
        }
    }
    quotations
        .iter()
        .enumerate()
        .map(|(q, quotation)| {
            let inside: Vec<&Match> = overlapping(matches, quotation.inner).collect();
            let coverage = if words[q] == 0 {
                0.0
            } else {
                covered[q] as f64 / words[q] as f64
            };
            let status = if inside.is_empty() || covered[q] == 0 {
                QuoteStatus::NotInSource
            } else if covered[q] == words[q]
                && inside
                    .iter()
                    .all(|m| m.edits.iter().all(|e| !e.within(quotation.inner)))
            {
                QuoteStatus::Verified
            } else {
                QuoteStatus::Altered
            };
            QuoteFinding {
                id: q + 1,
                status,
                article: quotation.inner,
                outer: quotation.outer,
                // Filled in once matches have their final ids.
                matches: Vec::new(),
                speaker: quotation.speaker.clone(),
                speaker_kind: quotation.speaker_kind,
                speaker_span: quotation.speaker_span,
                coverage,
                source_phrase: None,
            }
        })
        .collect()
}

/// Looks up, word for word in the source, the quotations too short to be matched (fewer than
/// `min_words` words) that hold a content word, and marks those found as verified: telling a
/// reader that "at length" is not in the source when the source says "discussed at length"
/// would be a false alarm. Stop words alone ("No," "Yes") prove nothing and stay unmatched.
pub(crate) fn find_short_quotes(
    quotes: &mut [QuoteFinding],
    (atoks, aids): (&[Token], &[u32]),
    (stoks, sids): (&[Token], &[u32]),
    counts: &[u32],
    min_words: usize,
) {
    let wanted: Vec<(usize, &[u32])> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.status == QuoteStatus::NotInSource)
        .filter_map(|(k, q)| {
            let range = normalize::token_range(atoks, q.article);
            let good = !range.is_empty()
                && range.len() < min_words
                && atoks[range.clone()]
                    .iter()
                    .any(|t| super::is_content_word(&t.norm));
            good.then(|| (k, &aids[range]))
        })
        .collect();
    if wanted.is_empty() {
        return;
    }
    // Each quotation is looked up by its rarer word ("good" in "good night" would have the
    // source's every "good" tried).
    let times = |id: u32| counts.get(id as usize).copied().unwrap_or(0);
    let anchored: Vec<(usize, &[u32], usize)> = wanted
        .into_iter()
        .filter_map(|(k, ids)| {
            let (anchor, &rarest) = ids.iter().enumerate().min_by_key(|&(_, &id)| times(id))?;
            (times(rarest) > 0).then_some((k, ids, anchor))
        })
        .collect();
    // One pass over the source collects where each anchor word occurs.
    let mut is_anchor = vec![false; counts.len()];
    for &(_, ids, anchor) in &anchored {
        is_anchor[ids[anchor] as usize] = true;
    }
    let mut at: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (i, &id) in sids.iter().enumerate() {
        if is_anchor[id as usize] {
            at.entry(id).or_default().push(i);
        }
    }
    for (k, ids, anchor) in anchored {
        let found = at.get(&ids[anchor]).into_iter().flatten().find_map(|&i| {
            let start = i.checked_sub(anchor)?;
            (sids.get(start..start + ids.len()) == Some(ids)).then_some(start)
        });
        if let Some(i) = found {
            let q = &mut quotes[k];
            q.status = QuoteStatus::Verified;
            q.coverage = 1.0;
            q.source_phrase = Some(stoks[i].span().cover(&stoks[i + ids.len() - 1].span()));
        }
    }
}

/// The matches whose article span overlaps `span`. Matches are in article order and do not
/// overlap each other in the article, so this is a binary search, not a scan (an article
/// can have thousands of quotations and hundreds of matches).
fn overlapping(matches: &[Match], span: Span) -> impl Iterator<Item = &Match> {
    let first = matches.partition_point(|m| m.article.end <= span.start);
    matches[first..]
        .iter()
        .take_while(move |m| m.article.start < span.end)
        .filter(move |m| m.article.overlaps(&span))
}

pub(crate) fn renumber_quote_matches(
    mut quotes: Vec<QuoteFinding>,
    matches: &[Match],
) -> Vec<QuoteFinding> {
    for q in &mut quotes {
        q.matches = overlapping(matches, q.article).map(|m| m.id).collect();
    }
    quotes
}

/// For each of `tokens`, whether it lies inside one of `spans`.
fn inside_spans(tokens: &[Token], spans: impl Iterator<Item = Span>) -> Vec<bool> {
    let mut spans: Vec<Span> = spans.collect();
    spans.sort();
    let mut k = 0;
    tokens
        .iter()
        .map(|t| {
            while k < spans.len() && spans[k].end <= t.span().start {
                k += 1;
            }
            spans[k..]
                .iter()
                .take_while(|s| s.start <= t.span().start)
                .any(|s| s.contains(&t.span()))
        })
        .collect()
}
