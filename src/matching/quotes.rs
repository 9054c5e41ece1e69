//! Judging the article's quotations against the passages matched: which are verified, altered
//! or not in the source, and the short quotations (under the passage minimum) looked up word
//! for word in the source. It reads the matches; it finds none of its own beyond those
//! short look-ups.

use rustc_hash::FxHashMap;

use super::Region;
use crate::align::sentences::opens_sentence;
use crate::comparison::{Edit, EditOp, Fidelity, Match, MatchKind, QuoteFinding, QuoteStatus};
use crate::normalize::{self, Token};
use crate::quotes::Quotation;
use crate::span::{Span, SpanIndex};

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
/// `min_quote_words` words) that hold a content word, marks those found as verified and adds
/// each as a quotation match with both spans: telling a reader that "at length" is not in the
/// source when the source says "discussed at length" would be a false alarm, and a tool
/// reading the matches must see where the source says it. Stop words alone ("No," "Yes")
/// prove nothing and stay unmatched. A quotation under `min_words` with a word cut short
/// ("expect a sharp recovery" for "expected a sharp recovery") has no three equal words in a
/// row to be seeded from: it is looked up here too, the cut word read as the source's.
pub(crate) fn find_short_quotes(
    quotes: &mut [QuoteFinding],
    matches: &mut Vec<Match>,
    (article, atoks, aids): (&str, &[Token], &[u32]),
    (source, stoks, sids): (&str, &[Token], &[u32]),
    counts: &[u32],
    options: &super::MatchOptions,
) {
    let longest = options.min_words.max(options.min_quote_words);
    let anchored = anchored_short_quotes(quotes, atoks, aids, counts, longest);
    if anchored.is_empty() {
        return;
    }
    let at = anchor_positions(&anchored, sids, counts.len());
    // Where the matches found so far put each stretch of the article in the source.
    let placed: Vec<(Span, Span)> = matches.iter().map(|m| (m.article, m.source)).collect();
    for (k, first, ids, anchor) in anchored {
        let opens_sentence = opens_sentence(article, quotes[k].outer.start);
        // Words too short to be read as cut short must be the source's own: tested on word
        // numbers first, so that most places are turned down without reading a source token.
        let may_be_cut: Vec<bool> = (0..ids.len())
            .map(|j| atoks[first + j].norm.chars().count() >= MIN_CUT_LETTERS)
            .collect();
        let starts = at.get(&ids[anchor]).into_iter().flatten().filter_map(|&i| {
            let start = i.checked_sub(anchor)?;
            let found = sids.get(start..start + ids.len())?;
            if !(0..ids.len()).all(|j| may_be_cut[j] || found[j] == ids[j]) {
                return None;
            }
            let same = (0..ids.len()).all(|j| {
                let (a, s) = (&atoks[first + j], &stoks[start + j]);
                (found[j] == ids[j] || cut_short(&a.norm, &s.norm))
                    && ((j == 0 && opens_sentence) || !names_a_word(article, a, source, s))
            });
            same.then_some(start)
        });
        let expected = expected_source(&placed, article, quotes[k].article);
        let nearest = starts.min_by_key(|&i| {
            let phrase = stoks[i].span().cover(&stoks[i + ids.len() - 1].span());
            let distance = expected.map_or(0, |e| e.distance(phrase));
            (distance, i)
        });
        let Some(i) = nearest else {
            continue;
        };
        let words = atoks[first]
            .span()
            .cover(&atoks[first + ids.len() - 1].span());
        let found = stoks[i].span().cover(&stoks[i + ids.len() - 1].span());
        // The words the article cut short, each with the source's whole word.
        let cut: Vec<(Span, Span)> = (0..ids.len())
            .filter(|&j| sids[i + j] != ids[j])
            .map(|j| (atoks[first + j].span(), stoks[i + j].span()))
            .collect();
        // A quotation long enough to be matched and found equal was judged by matching.
        if cut.is_empty() && ids.len() >= options.min_quote_words {
            continue;
        }
        let verified = verify_short_quote(
            &mut quotes[k],
            k,
            (article, words),
            (source, found),
            ids.len(),
            &cut,
        );
        if let Some(m) = verified {
            matches.push(m);
        }
    }
    matches.sort_by_key(|m| (m.article.start, m.source.start));
}

/// A short quotation not yet found (its index, its first token, its word ids) with the
/// position among them of its rarest word, the one it is looked up by.
type Anchored<'a> = (usize, usize, &'a [u32], usize);

/// The quotations [`find_short_quotes`] looks up: not in the source, shorter than
/// `min_words`, holding a content word whose rarest word the source has. Each quotation is
/// looked up by its rarer word ("good" in "good night" would have the source's every "good"
/// tried).
fn anchored_short_quotes<'a>(
    quotes: &[QuoteFinding],
    atoks: &[Token],
    aids: &'a [u32],
    counts: &[u32],
    min_words: usize,
) -> Vec<Anchored<'a>> {
    let times = |id: u32| counts.get(id as usize).copied().unwrap_or(0);
    quotes
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
            good.then(|| (k, range.start, &aids[range]))
        })
        .filter_map(|(k, first, ids)| {
            // A word the source lacks may be one cut short ("expect" for "expected"): the
            // anchor is a word the source has.
            let (anchor, _) = ids
                .iter()
                .enumerate()
                .filter(|&(_, &id)| times(id) > 0)
                .min_by_key(|&(_, &id)| times(id))?;
            Some((k, first, ids, anchor))
        })
        .collect()
}

/// Where in the source (token positions) each anchor word occurs, collected in one pass.
fn anchor_positions(
    anchored: &[Anchored<'_>],
    sids: &[u32],
    vocabulary: usize,
) -> FxHashMap<u32, Vec<usize>> {
    let mut is_anchor = vec![false; vocabulary];
    for &(_, _, ids, anchor) in anchored {
        is_anchor[ids[anchor] as usize] = true;
    }
    let mut at: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (i, &id) in sids.iter().enumerate() {
        if is_anchor[id as usize] {
            at.entry(id).or_default().push(i);
        }
    }
    at
}

/// Marks quotation `q` (number `k`) verified, its `q_words` words at `words` in the article
/// found at `found` in the source, and returns the quotation match that pairs them when the
/// phrase is worth pairing. With words `cut` short (article word, source word), the
/// quotation is altered and each is a change of the match; it must then be paired, or it
/// stays not in the source: an altered quotation always lists its changes.
fn verify_short_quote(
    q: &mut QuoteFinding,
    k: usize,
    (article, words): (&str, Span),
    (source, found): (&str, Span),
    q_words: usize,
    cut: &[(Span, Span)],
) -> Option<Match> {
    // A phrase of a word or two turns up anywhere in a book-length source: there it
    // proves nothing of the quotation's origin. In a release, a transcript or a speech
    // it is the source's phrase, paired near where the article's other passages come from.
    let paired = source.len() <= SHORT_PHRASE_SOURCE && !is_utterance(article, q.article, q.outer);
    if !cut.is_empty() && !paired {
        return None;
    }
    q.status = if cut.is_empty() {
        QuoteStatus::Verified
    } else {
        QuoteStatus::Altered
    };
    q.coverage = (q_words - cut.len()) as f64 / q_words as f64;
    q.source_phrase = Some(found);
    let edits: Vec<Edit> = cut
        .iter()
        .map(|&(a, s)| Edit {
            op: EditOp::Replace,
            source: Some(s),
            article: Some(a),
            marked: None,
            at: a.start,
            places: None,
        })
        .collect();
    paired.then(|| Match {
        id: 0,
        kind: MatchKind::Quotation,
        fidelity: if !edits.is_empty() {
            Fidelity::Edited
        } else if found.slice(source) == words.slice(article) {
            Fidelity::Exact
        } else {
            Fidelity::Normalized
        },
        score: 2.0 * (q_words - cut.len()) as f64 / (2 * q_words) as f64,
        source: found,
        article: words,
        edits,
        quote: Some(k),
        shared_words: q_words - cut.len(),
    })
}

/// The article's word `quoted` is the source's word `said` cut short: the start of it, four
/// letters at least ("expect" for "expected", "remain" for "remained"), so that a quotation
/// of a word or two that a reporter shortened is still the source's, with the change listed.
fn cut_short(quoted: &str, said: &str) -> bool {
    said.len() > quoted.len()
        && said.starts_with(quoted)
        && quoted.chars().count() >= MIN_CUT_LETTERS
}

/// Fewest letters a word cut short keeps to be read as the source's word.
const MIN_CUT_LETTERS: usize = 4;

/// The article capitalises a content word the source writes in lower case: a name ("Le
/// Monde", the newspaper) where the source has the common word ("tout le monde"), unless a
/// sentence starts there.
fn names_a_word(article: &str, at: &Token, source: &str, st: &Token) -> bool {
    let first = |text: &str, t: &Token| text[t.span().start..].chars().next();
    first(article, at).is_some_and(char::is_uppercase)
        && first(source, st).is_some_and(char::is_lowercase)
        && super::is_content_word(&at.norm)
}

/// A short quotation that is someone's whole utterance (dialogue: "'Nothing,' said he.",
/// "Ah!") rather than words of a source taken into the article's sentence (called the deal
/// "ironclad"): it starts a sentence of the article or ends on its own comma, exclamation or
/// question mark. An utterance of a word or two says nothing of where it comes from.
fn is_utterance(text: &str, inner: Span, outer: Span) -> bool {
    // (A text's very first words are a headline's, not dialogue.)
    let starts = !text[..outer.start].trim().is_empty()
        && crate::align::sentences::cut_before(text, outer.start);
    let words = inner.slice(text).trim_end();
    starts || words.ends_with([',', '!', '?'])
}

/// Longest source (in bytes) in which a phrase of a word or two found word for word is paired
/// with the quotation as a match: a long report or a day's transcript, not a book.
const SHORT_PHRASE_SOURCE: usize = super::SHORT_SOURCE_BYTES;

/// How far (in bytes) a short quotation may lie from the article's nearest other passage, and
/// its source words from where that passage's source words are, to be paired with them: a
/// few pages.
const NEAR_BYTES: usize = 2_000;

/// Where in the source a phrase at `phrase` (in `article`) most likely comes from: right
/// after the source passage of the match before it in the article, or else right before the
/// passage of the match after it, when one of these lies within [`NEAR_BYTES`] of the
/// phrase; but the match after it first when it follows in the same sentence and the one
/// before does not lie nearer. A phrase the source says more than once ("security" in a
/// speech about security) is paired with the place the article is retelling: `spoke of
/// “security”, called “the condition of a calm life”` retells the source's sentence that
/// goes on with those words, whatever the article quoted a paragraph earlier.
fn expected_source(placed: &[(Span, Span)], article: &str, phrase: Span) -> Option<Expected> {
    let at = placed.partition_point(|(a, _)| a.end <= phrase.start);
    let before = at
        .checked_sub(1)
        .map(|k| placed[k])
        .filter(|(a, _)| phrase.start - a.end <= NEAR_BYTES);
    let after = placed
        .get(at..)
        .and_then(|rest| rest.iter().find(|(a, _)| a.start >= phrase.end))
        .filter(|(a, _)| a.start - phrase.end <= NEAR_BYTES);
    let same_sentence =
        |from: usize, to: usize| !article[from..to].contains(['.', '!', '?', '\n', '\r']);
    let after_first = after.is_some_and(|(a, _)| {
        same_sentence(phrase.end, a.start)
            && before.is_none_or(|(b, _)| phrase.start - b.end > a.start - phrase.end)
    });
    let after = after.map(|(_, s)| Expected::Before(s.start));
    let before = before.map(|(_, s)| Expected::After(s.end));
    if after_first {
        after
    } else {
        before.or(after)
    }
}

/// Where a short phrase is expected in the source, next to a neighbouring match's passage.
#[derive(Debug, Clone, Copy)]
enum Expected {
    /// Right after the passage of the match before it, which ends at this byte.
    After(usize),
    /// Right before the passage of the match after it, which starts at this byte.
    Before(usize),
}

impl Expected {
    /// How far (in bytes) a phrase at `found` in the source lies from where it is expected.
    fn distance(self, found: Span) -> usize {
        match self {
            Expected::After(end) => found.start.abs_diff(end),
            Expected::Before(start) => found.end.abs_diff(start),
        }
    }
}

/// The matches whose article span overlaps `span`. Matches are in article order and do not
/// overlap each other in the article, so this is a binary search, not a scan (an article
/// can have thousands of quotations and hundreds of matches).
fn overlapping(matches: &[Match], span: Span) -> impl Iterator<Item = &Match> {
    let near = SpanIndex::new(matches, |m: &Match| m.article).overlapping(span);
    matches[near]
        .iter()
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
