//! Sentence alignment: which source sentence (or pair of adjacent sentences) each article
//! sentence retells, in any order.
//!
//! Words are stemmed with `rust-stemmers` (Snowball) in the document's language and weighted
//! by BM25 over the source's sentences; names and numbers weigh more, because "Kelly" and
//! "55" say more about which sentence is meant than "said". An inverted index keeps the pass
//! near-linear: each article sentence only scores the source sentences it shares a word with.
//! This module aligns; it does not decide what is a quotation or a detail.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::stems::Stems;
use crate::matching::is_content_word;
use crate::normalize::Token;
use crate::span::{Span, SpanIndex};

/// A sentence's stem ids with their weights, each id once, ascending. A sentence holds a few
/// dozen stems: a sorted vector is built, walked and searched faster than a map, and every
/// sum over it runs in one order (by id), wherever it is summed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights(Vec<(u32, f64)>);

impl Weights {
    /// The weights of `pairs`, given in any order; an id given twice keeps its highest
    /// weight.
    pub fn from_pairs(mut pairs: Vec<(u32, f64)>) -> Weights {
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        pairs.dedup_by_key(|(id, _)| *id);
        Weights(pairs)
    }

    /// Gives stem `id` at least `weight`, adding it if absent.
    pub fn raise(&mut self, id: u32, weight: f64) {
        match self.0.binary_search_by_key(&id, |(k, _)| *k) {
            Ok(at) => self.0[at].1 = self.0[at].1.max(weight),
            Err(at) => self.0.insert(at, (id, weight)),
        }
    }

    /// True when the sentence holds stem `id`.
    pub fn contains(&self, id: u32) -> bool {
        self.0.binary_search_by_key(&id, |(k, _)| *k).is_ok()
    }

    /// The stems with their weights, by ascending id.
    pub fn iter(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.0.iter().copied()
    }

    /// The stem ids, ascending.
    pub fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().map(|(id, _)| *id)
    }

    /// How many stems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The same weights with every id renumbered by `new_id` (one to one).
    pub fn renumbered(self, new_id: impl Fn(u32) -> u32) -> Weights {
        Weights::from_pairs(self.0.into_iter().map(|(id, w)| (new_id(id), w)).collect())
    }
}

/// The words of one sentence that alignment looks at.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// Stem ids with their weights (names and numbers count more).
    pub terms: Weights,
    /// Number of words.
    pub len: usize,
    /// Terms specific enough to tie two sentences on their own with one more word in
    /// common: an exact count like 10,011, a full date.
    pub anchors: FxHashSet<u32>,
}

/// One article sentence aligned to source sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Index of the article sentence.
    pub article: usize,
    /// Source sentences, adjacent, first..=last.
    pub source: (usize, usize),
    /// Share of the article sentence's weight found in the source sentences, 0..=1.
    pub score: f64,
    /// Distinct content stems the two sides share.
    pub shared: usize,
    /// False for a second link of the same article sentence (one sentence retelling two).
    pub primary: bool,
}

/// Turns each sentence into weighted stem ids.
pub fn terms(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    stems: &mut Stems,
    vocab: &mut FxHashMap<String, u32>,
) -> Vec<Terms> {
    let lang = stems.lang();
    let lexicon = crate::lexicon::get();
    let mut out = vec![Terms::default(); sentences.len()];
    // Each sentence's stems as they come, a stem as often as it is used: sorted once at the
    // end.
    let mut found: Vec<Vec<(u32, f64)>> = vec![Vec::new(); sentences.len()];
    // Each distinct word is looked up, stemmed and interned once: (id, is a number).
    let mut seen: FxHashMap<&str, Option<(u32, bool)>> = FxHashMap::default();
    let mut s = 0;
    for (k, t) in tokens.iter().enumerate() {
        while s < sentences.len() && sentences[s].end <= t.span().start {
            s += 1;
        }
        if s >= sentences.len() {
            break;
        }
        if !sentences[s].contains(&t.span()) {
            continue;
        }
        out[s].len += 1;
        // Dotted initials ("D.C.") are one term.
        let raw = t.span().slice(text);
        if one_char(raw) && text[t.span().end..].starts_with('.') {
            let mut joined = t.norm.to_string();
            if let Some(next) = tokens.get(k + 1) {
                if next.span().start == t.span().end + 1 && one_char(next.span().slice(text)) {
                    joined.push_str(&next.norm);
                    let id = intern(vocab, joined);
                    found[s].push((id, 1.5));
                }
            }
            continue;
        }
        let Some((id, digit)) = *seen.entry(t.norm.as_str()).or_insert_with(|| {
            let digit = t.norm.chars().next().is_some_and(|c| c.is_ascii_digit())
                || lexicon.number(lang, &t.norm).is_some();
            if !is_content_word(&t.norm) && !digit {
                return None;
            }
            let stem = stems.stem(&t.norm.replace('\u{2019}', "'")).to_string();
            Some((intern(vocab, stem), digit))
        }) else {
            continue;
        };
        let capital =
            raw.chars().next().is_some_and(char::is_uppercase) && !t.gap.sentence_end && k > 0;
        let weight = if digit || capital { 1.5 } else { 1.0 };
        found[s].push((id, weight));
    }
    for (terms, found) in out.iter_mut().zip(found) {
        terms.terms = Weights::from_pairs(found);
    }
    out
}

/// [`terms`] of the one sentence at `span` of `text`, whose words are among `tokens`, as
/// [`terms`] of the whole document finds them (new stems numbered in `vocab` after the rest).
pub fn sentence_terms(
    (text, tokens): (&str, &[Token]),
    span: Span,
    stems: &mut Stems,
    vocab: &mut FxHashMap<String, u32>,
) -> Terms {
    let std::ops::Range { start: lo, end: hi } = SpanIndex::new(tokens, Token::span).inside(span);
    // One word either side, outside the sentence: [`terms`] reads whether a word is the
    // document's first and what follows an initial.
    let around = &tokens[lo.saturating_sub(1)..(hi + 1).min(tokens.len())];
    terms(text, around, &[span], stems, vocab)
        .pop()
        .unwrap_or_default()
}

/// True for a word of one character (an initial): told from the first two characters, not
/// by counting every character of every word of the document.
fn one_char(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Adds a term to a sentence: the value of a number ("#2.5%"), so that "2 1/2 per cent" and
/// "2.50 percent" count as one word when aligning.
pub fn add_term(
    terms: &mut Terms,
    key: String,
    weight: f64,
    anchor: bool,
    vocab: &mut FxHashMap<String, u32>,
) {
    let id = intern(vocab, key);
    if anchor {
        terms.anchors.insert(id);
    }
    terms.terms.raise(id, weight);
}

fn intern(vocab: &mut FxHashMap<String, u32>, word: String) -> u32 {
    let next = vocab.len() as u32;
    *vocab.entry(word).or_insert(next)
}

/// The two parameters of BM25, the weighting that ranks source sentences for an article
/// sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bm25 {
    /// How fast a term's weight saturates as it repeats (higher: slower).
    pub(crate) k1: f64,
    /// How much a long sentence is discounted against the average one (0: not at all).
    pub(crate) b: f64,
}

/// The textbook values (Robertson and Zaragoza); tuned on nothing, so no gold pair favours
/// them.
pub(crate) const BM25: Bm25 = Bm25 { k1: 1.2, b: 0.75 };

impl Bm25 {
    /// The share of a term's weight a sentence of `len` terms earns, given the average
    /// length of the source's sentences (the term counted once: sentences are short).
    fn term_part(self, len: f64, avg_len: f64) -> f64 {
        (self.k1 + 1.0) / (1.0 + self.k1 * (1.0 - self.b + self.b * len / avg_len.max(1.0)))
    }
}

/// Fewest shared content stems for an alignment.
const MIN_SHARED: usize = 3;
/// Least share of the article sentence's weight the source must hold.
const MIN_SCORE: f64 = 0.3;

/// Candidates kept for each article sentence: the source sentences with the highest BM25
/// score, whose cover is then measured exactly.
const CANDIDATES: usize = 8;
/// How much more of the article sentence's weight, and how many more shared stems, a
/// neighbouring source sentence must bring to join the best one as a pair.
const NEIGHBOUR_GAIN: f64 = 0.12;
const NEIGHBOUR_SHARED: usize = 2;
/// Weight of a source headline in capitals against body text (the body usually says the
/// same with more context).
const SHOUTING: f64 = 0.9;
/// The other ways an alignment is accepted: an anchor (a name or figure) and this many shared
/// stems; this share of the source sentences' own weight retold; a lower score with more
/// shared stems.
const ANCHORED_SHARED: usize = 2;
const MIN_SOURCE_SHARE: f64 = 0.4;
const LOW_SCORE: f64 = 0.2;
const LOW_SCORE_EXTRA_SHARED: usize = 2;
/// A further, distant source sentence is linked when it shares this many stems, this many
/// of them absent from the best range.
const FURTHER_SHARED: usize = 4;
const FURTHER_FRESH: usize = 3;

/// Aligns every article sentence with its best source sentence or adjacent pair, plus
/// further source sentences that hold words the best one lacks.
#[cfg(test)]
pub fn align(source: &[Terms], article: &[Terms]) -> Vec<Link> {
    align_with(source, article, &vec![false; source.len()])
}

/// [`align`], with source sentences in capitals (headlines) preferred less on a tie: the body
/// usually says the same with more context.
#[cfg(test)]
pub fn align_with(source: &[Terms], article: &[Terms], shouting: &[bool]) -> Vec<Link> {
    let aligning = Aligning::new(source.to_vec(), article.to_vec(), shouting.to_vec());
    crate::parallel::both(|| aligning.help(), || aligning.help());
    aligning.links()
}

/// Article sentences in one run of [`Aligning`] (at least; a long article's runs are a
/// thirty-second of it): enough that a run's buffers, sized by the vocabulary and the
/// source, cost little beside its work.
const RUN_SENTENCES: usize = 512;

/// Article sentences above which [`Aligning::links`] leaves the freeing of the alignment to a
/// thread of its own.
const BACKGROUND_DROP_SENTENCES: usize = 2000;

/// Sentence alignment shared out: the source indexed once, the article's sentences in runs
/// that any thread may take ([`Aligning::help`]), each aligned independently. The pipeline
/// builds it while matching still runs: the thread that built it aligns, and the matching
/// thread, once done, takes the runs that are left, so that neither waits and the two never
/// make three threads on two cores. [`Aligning::links`] gathers the runs in article order:
/// the links are the same whoever aligned which run.
pub struct Aligning {
    /// `None` for a source without a sentence: nothing to align with.
    index: Option<SourceIndex>,
    article: Vec<Terms>,
    run: usize,
    next: AtomicUsize,
    runs: Vec<OnceLock<Vec<Link>>>,
}

impl Aligning {
    /// The alignment of `article`'s sentences with `source`'s (`shouting`: which source
    /// sentences are in capitals), nothing aligned yet.
    pub fn new(source: Vec<Terms>, article: Vec<Terms>, shouting: Vec<bool>) -> Aligning {
        let index = (!source.is_empty()).then(|| SourceIndex::new(source, &article, shouting));
        let run = RUN_SENTENCES.max(article.len().div_ceil(32));
        let runs = match index {
            Some(_) => article.len().div_ceil(run),
            None => 0,
        };
        Aligning {
            index,
            article,
            run,
            next: AtomicUsize::new(0),
            runs: (0..runs).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Aligns the runs no thread has taken yet, one after another, until none is left.
    pub fn help(&self) {
        let Some(index) = &self.index else {
            return;
        };
        loop {
            let k = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = self.runs.get(k) else {
                break;
            };
            let _ = slot.set(index.align_range(&self.article, self.run_at(k)));
        }
    }

    /// The article sentences of run `k`.
    fn run_at(&self, k: usize) -> std::ops::Range<usize> {
        let start = k * self.run;
        start..(start + self.run).min(self.article.len())
    }

    /// The links of every article sentence, in article order. Owning the alignment, the
    /// caller knows no other thread still aligns a run (a panic in one was resumed where
    /// that thread was joined); a run no thread aligned is aligned here.
    pub fn links(self) -> Vec<Link> {
        let mut links = Vec::new();
        for (k, slot) in self.runs.iter().enumerate() {
            match (slot.get(), &self.index) {
                (Some(run), _) => links.extend_from_slice(run),
                (None, Some(index)) => {
                    links.extend(index.align_range(&self.article, self.run_at(k)))
                }
                (None, None) => {}
            }
        }
        // Freeing a long document's index (a list of sentences for every stem) takes
        // milliseconds the caller need not wait for.
        if self.article.len() > BACKGROUND_DROP_SENTENCES {
            crate::parallel::drop_in_background((self.index, self.article));
        }
        links
    }
}

/// The source sentences, indexed for BM25: which sentences hold each stem, and each stem's
/// inverse document frequency.
struct SourceIndex {
    source: Vec<Terms>,
    shouting: Vec<bool>,
    postings: Vec<Vec<usize>>,
    idfs: Vec<f64>,
    /// Each source sentence's BM25 share of a term ([`Bm25::term_part`] of its length),
    /// computed once rather than for every article sentence that touches it.
    parts: Vec<f64>,
    /// Terms in more than this many sentences do not propose candidates (they still count in
    /// the cover of those the rarer terms propose): on a novel-length source the commonest
    /// stems would otherwise touch thousands of sentences for every article sentence.
    common: usize,
}

/// A source sentence or adjacent pair (first and last sentence) for an article sentence, its
/// cover (the share of the article sentence's weight it holds) and the stems they share.
type Pick = ((usize, usize), f64, usize);

impl SourceIndex {
    fn new(source: Vec<Terms>, article: &[Terms], shouting: Vec<bool>) -> Self {
        let n = source.len();
        // Stem ids are small and dense (handed out by `intern`): postings and weights live in
        // vectors indexed by id rather than in maps.
        let ids = source
            .iter()
            .chain(article)
            .flat_map(|s| s.terms.ids())
            .max()
            .map_or(0, |m| m as usize + 1);
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); ids];
        for (i, s) in source.iter().enumerate() {
            for id in s.terms.ids() {
                postings[id as usize].push(i);
            }
        }
        let idfs: Vec<f64> = postings
            .iter()
            .map(|list| {
                let df = list.len() as f64;
                ((n as f64 - df + 0.5) / (df + 0.5) + 1.0).ln()
            })
            .collect();
        let avg_len = source.iter().map(|s| s.len).sum::<usize>() as f64 / n as f64;
        let parts = source
            .iter()
            .map(|s| BM25.term_part(s.len as f64, avg_len))
            .collect();
        SourceIndex {
            source,
            shouting,
            postings,
            idfs,
            parts,
            common: (n / 20).clamp(40, 100),
        }
    }

    fn idf(&self, id: &u32) -> f64 {
        self.idfs[*id as usize]
    }

    /// True when one of the source sentences `range` (first and last) holds stem `id`.
    fn holds(&self, range: (usize, usize), id: &u32) -> bool {
        (range.0..=range.1).any(|i| self.source[i].terms.contains(*id))
    }

    /// The links of the article sentences in `range`.
    fn align_range(&self, article: &[Terms], range: std::ops::Range<usize>) -> Vec<Link> {
        let mut links = Vec::new();
        let mut scores = vec![0.0f64; self.source.len()];
        let mut touched = Vec::new();
        let mut query = Query::new(self.postings.len());
        for (a, q) in article
            .iter()
            .enumerate()
            .skip(range.start)
            .take(range.len())
        {
            let total: f64 = q.terms.iter().map(|(id, w)| self.idf(&id) * w).sum();
            if total <= 0.0 || q.terms.len() < MIN_SHARED {
                continue;
            }
            let candidates = self.candidates(q, (&mut scores, &mut touched));
            query.start(q, &self.idfs);
            let Some((range, score, shared)) = self.best(&mut query, total, &candidates) else {
                continue;
            };
            if !self.accepted(q, total, (range, score, shared)) {
                continue;
            }
            links.push(Link {
                article: a,
                source: range,
                score,
                shared,
                primary: true,
            });
            self.further(&mut query, (a, range, total), &candidates, &mut links);
        }
        links
    }

    /// The source sentences with the best BM25 scores for article sentence `q`, best first.
    /// Scores accumulate in `scores`, reused (and left zeroed) across sentences; only the
    /// sentences touched are read back (listed in `touched`, reused too: a sentence touches
    /// hundreds).
    fn candidates(
        &self,
        q: &Terms,
        (scores, touched): (&mut [f64], &mut Vec<usize>),
    ) -> Vec<(usize, f64)> {
        touched.clear();
        for (id, w) in q.terms.iter() {
            let list = &self.postings[id as usize];
            if list.len() > self.common {
                continue;
            }
            let weight = self.idf(&id) * w;
            for &i in list {
                if scores[i] == 0.0 {
                    touched.push(i);
                }
                scores[i] += weight * self.parts[i];
            }
        }
        // The best few, kept in order as the touched sentences go by: most are worse than the
        // worst kept and cost one comparison, where selecting from all of them cost a
        // partition of thousands. The order is total (ties go to the earlier sentence), so
        // the few kept are the same.
        let by_score = |x: &(usize, f64), y: &(usize, f64)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        let mut candidates: Vec<(usize, f64)> = Vec::with_capacity(CANDIDATES + 1);
        for &i in touched.iter() {
            let candidate = (i, scores[i]);
            scores[i] = 0.0;
            // Scores are positive sums, never NaN: `<` orders them as `total_cmp` does.
            if let Some(&(worst, low)) = candidates.get(CANDIDATES - 1) {
                if candidate.1 < low || (candidate.1 == low && i >= worst) {
                    continue;
                }
            }
            let at = candidates.partition_point(|kept| by_score(kept, &candidate).is_lt());
            candidates.insert(at, candidate);
            candidates.truncate(CANDIDATES);
        }
        candidates
    }

    /// How much of article sentence `query` (of weight `total`) the source sentences `range`
    /// hold, and how many stems they share.
    fn cover(&self, query: &mut Query, total: f64, range: (usize, usize)) -> (f64, usize) {
        let mut got = 0.0;
        let mut shared = 0;
        let (terms, held) = query.held_in(&self.source, range);
        for k in Query::set_bits(held) {
            got += terms[k].1;
            shared += 1;
        }
        let shouting = (range.0..=range.1).all(|i| self.shouting.get(i).copied().unwrap_or(false));
        let penalty = if shouting { SHOUTING } else { 1.0 };
        (penalty * got / total, shared)
    }

    /// The best-covering candidate, joined with a neighbour when it brings real words of its
    /// own.
    fn best(&self, q: &mut Query, total: f64, candidates: &[(usize, f64)]) -> Option<Pick> {
        let last = self.source.len() - 1;
        let mut best: Option<Pick> = None;
        for &(i, _) in candidates {
            let (single, shared) = self.cover(q, total, (i, i));
            let mut pick = ((i, i), single, shared);
            for range in [(i.saturating_sub(1), i), (i, (i + 1).min(last))] {
                if range.0 == range.1 {
                    continue;
                }
                let (score, shared) = self.cover(q, total, range);
                if score >= pick.1 + NEIGHBOUR_GAIN && shared >= pick.2 + NEIGHBOUR_SHARED {
                    pick = (range, score, shared);
                }
            }
            if best.as_ref().is_none_or(|b| pick.1 > b.1 + 1e-9) {
                best = Some(pick);
            }
        }
        best
    }

    /// True when the best pick is an alignment at all.
    fn accepted(&self, q: &Terms, total: f64, (range, score, shared): Pick) -> bool {
        // A long article sentence that adds much can still retell a short source one whole.
        let source_share = if score > 0.0 {
            score * total / self.source_total(range).max(1e-9)
        } else {
            0.0
        };
        let anchored = q
            .terms
            .ids()
            .any(|id| q.anchors.contains(&id) && self.holds(range, &id));
        (score >= MIN_SCORE && shared >= MIN_SHARED)
            || (anchored && shared >= ANCHORED_SHARED)
            || (source_share >= MIN_SOURCE_SHARE && shared > MIN_SHARED)
            || (score >= LOW_SCORE && shared >= MIN_SHARED + LOW_SCORE_EXTRA_SHARED)
    }

    /// The weight of the stems of source sentences `range`.
    fn source_total(&self, range: (usize, usize)) -> f64 {
        let mut ids: Vec<(u32, f64)> = (range.0..=range.1)
            .flat_map(|i| self.source[i].terms.iter())
            .collect();
        ids.sort_by_key(|x| x.0);
        ids.dedup_by_key(|x| x.0);
        ids.iter().map(|(id, w)| self.idf(id) * w).sum()
    }

    /// Further links of article sentence `a` (`q`, of weight `total`, aligned with `range`):
    /// one article sentence can retell two distant source sentences.
    fn further(
        &self,
        query: &mut Query,
        (a, range, total): (usize, (usize, usize), f64),
        candidates: &[(usize, f64)],
        links: &mut Vec<Link>,
    ) {
        // Words the source never uses cannot favour any sentence: leave them out here.
        let known: f64 = query
            .terms
            .iter()
            .filter(|(id, _)| !self.postings[*id as usize].is_empty())
            .map(|(_, weight)| weight)
            .sum();
        let in_range = query.held_in(&self.source, range).1.to_vec();
        for &(i, _) in candidates {
            if (range.0..=range.1).contains(&i) {
                continue;
            }
            let mut shared = 0;
            let mut got = 0.0;
            let (terms, held) = query.held_in(&self.source, (i, i));
            for k in Query::set_bits(held) {
                shared += 1;
                got += terms[k].1;
            }
            let fresh: usize = held
                .iter()
                .zip(&in_range)
                .map(|(h, before)| (h & !before).count_ones() as usize)
                .sum();
            if fresh >= FURTHER_FRESH
                && shared >= FURTHER_SHARED
                && got / known.max(1e-9) >= MIN_SCORE
            {
                links.push(Link {
                    article: a,
                    source: (i, i),
                    score: got / total,
                    shared,
                    primary: false,
                });
            }
        }
    }
}

/// One article sentence as alignment reads it: its stems with their weights (idf times the
/// word's weight) in the order of its terms, and which stems each source sentence looked at
/// holds. The weights are summed in that one order everywhere (the held stems are read as
/// bits, lowest first), so every score is the same to the last bit as one summed straight
/// from the terms; each source sentence is looked up once per article sentence instead of
/// once per range and per pass, by reading the source sentence's own few terms rather than
/// looking up each of the article sentence's in it. Its buffers are reused from one article
/// sentence to the next.
struct Query {
    terms: Vec<(u32, f64)>,
    /// For each stem id, its place in `terms`, or [`Query::ABSENT`].
    slot: Vec<u32>,
    /// 64-bit words per row: one bit per term.
    width: usize,
    /// The source sentences looked up so far, and where their rows start in `held`.
    rows: Vec<(usize, usize)>,
    /// One row per source sentence looked up: bit `k` set when the sentence holds term `k`.
    held: Vec<u64>,
    /// The rows of a range of two or more sentences, or-ed together.
    joined: Vec<u64>,
}

impl Query {
    const ABSENT: u32 = u32::MAX;

    /// An empty query over stem ids below `ids`.
    fn new(ids: usize) -> Query {
        Query {
            terms: Vec::new(),
            slot: vec![Query::ABSENT; ids],
            width: 0,
            rows: Vec::new(),
            held: Vec::new(),
            joined: Vec::new(),
        }
    }

    /// Starts on article sentence `q`.
    fn start(&mut self, q: &Terms, idfs: &[f64]) {
        for (id, _) in &self.terms {
            self.slot[*id as usize] = Query::ABSENT;
        }
        self.terms.clear();
        self.terms
            .extend(q.terms.iter().map(|(id, w)| (id, idfs[id as usize] * w)));
        for (k, (id, _)) in self.terms.iter().enumerate() {
            self.slot[*id as usize] = k as u32;
        }
        self.width = self.terms.len().div_ceil(64);
        self.rows.clear();
        self.held.clear();
    }

    /// Where source sentence `i`'s row starts in `held`, looked up on first use.
    fn row(&mut self, source: &[Terms], i: usize) -> usize {
        if let Some(&(_, at)) = self.rows.iter().find(|(k, _)| *k == i) {
            return at;
        }
        let at = self.held.len();
        self.held.resize(at + self.width, 0);
        for id in source[i].terms.ids() {
            let k = self.slot[id as usize];
            if k != Query::ABSENT {
                self.held[at + k as usize / 64] |= 1 << (k % 64);
            }
        }
        self.rows.push((i, at));
        at
    }

    /// The terms, and the row of the source sentences `range` (first and last): bit `k` set
    /// when one of them holds term `k`.
    fn held_in(&mut self, source: &[Terms], range: (usize, usize)) -> (&[(u32, f64)], &[u64]) {
        let n = self.width;
        let first = self.row(source, range.0);
        if range.0 == range.1 {
            return (&self.terms, &self.held[first..first + n]);
        }
        self.joined.clear();
        self.joined.extend_from_slice(&self.held[first..first + n]);
        for i in range.0 + 1..=range.1 {
            let at = self.row(source, i);
            for (j, h) in self.joined.iter_mut().zip(&self.held[at..at + n]) {
                *j |= *h;
            }
        }
        (&self.terms, &self.joined)
    }

    /// The places of the bits set in `row`, lowest first: the terms held, in term order.
    fn set_bits(row: &[u64]) -> impl Iterator<Item = usize> + '_ {
        row.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let k = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + k
                })
            })
        })
    }
}

#[cfg(test)]
mod tests;
