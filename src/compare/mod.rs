//! The pipeline that compares one source with one article.
//!
//! [`compare`] runs it top to bottom (tokenise both texts, find the article's quotations,
//! align shared passages, classify them, judge each quotation, align paraphrases and relate
//! details, number everything once, count coverage) and returns a [`Comparison`] in byte
//! spans of the original texts. The result types live in [`crate::comparison`]; the
//! interface and the reports only read them.

use std::sync::{Arc, OnceLock};

use similar::DiffOp;

use crate::align::stems::{ByLang, Stems};
use crate::comparison::Detail;
pub use crate::comparison::{
    Comparison, Edit, EditMark, EditOp, Fidelity, Match, MatchKind, QuoteFinding, QuoteStatus,
    Side, Stats,
};
use crate::details;
use crate::differences;
use crate::document::Document;
use crate::lexicon::Lang;
use crate::matching::broken::Mends;
use crate::matching::{self, Alignment, MatchOptions, Region};
use crate::normalize::Token;
use crate::parallel::{both, both_then_spare};
use crate::quotes::Quotation;
use crate::span::{Span, SpanIndex};

mod words;

use words::{words_and_quotations, Words};

/// Settings of one comparison.
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// Thresholds for shared passages.
    pub matching: MatchOptions,
    /// Dates the documents were published, when the user knows better than the text.
    pub dates: details::DocumentDates,
    /// Leave out paraphrase alignment and detail comparison: quotations and reuse only, in
    /// a fraction of the time and memory on very long documents.
    pub skip_details: bool,
    /// Run every step on the calling thread, with no helper threads: for a caller that
    /// already keeps every core busy with comparisons of its own (`quotediff scan`), where
    /// helpers only add their start-up cost and more threads than cores.
    pub one_thread: bool,
    /// Leave every quotation's speaker unread (`None`): who speaks changes no match, no
    /// status and no share, so a caller that only asks whether a pair shares anything (the
    /// scan's first look at a candidate) need not pay for it.
    pub skip_speakers: bool,
    /// The two documents' languages (source, article), when the caller has told them
    /// already from the same words, as this would: `quotediff scan` tells each
    /// release's once, not once for every article compared with it. `None`: told here.
    pub languages: Option<(Lang, Lang)>,
}

/// Compares `source` with `article`.
pub fn compare(source: Document, article: Document, options: &CompareOptions) -> Comparison {
    if options.one_thread && !crate::parallel::one_thread() {
        return crate::parallel::on_one_thread(|| compare(source, article, options));
    }
    let Words {
        quotations,
        source_tokens,
        article_tokens,
        sentences,
        documents,
    } = words_and_quotations(&source.text, &article.text, options);
    let guessed = sentences.map(|sentences| {
        (
            languages(options, &source_tokens, &article_tokens),
            sentences,
        )
    });
    let (Verbatim(aligned, matches, quotes), details, mends) = matched_and_linked(
        (&source, &article),
        (&source_tokens, &article_tokens),
        &quotations,
        (guessed, documents),
        options,
    );
    let (source_tokens, article_tokens) = mends.into_tokens((source_tokens, article_tokens));
    let (details, paraphrases) = match details {
        Some((linked, documents, article)) => {
            let (paraphrased, paraphrases) =
                details::paraphrased(linked, &matches, &article_tokens);
            (Some((paraphrased, documents, article)), paraphrases)
        }
        None => (None, Vec::new()),
    };
    let (matches, quotes) = numbered(matches, quotes, paraphrases);
    let mut comparison = Comparison {
        source,
        article,
        matches,
        quotes,
        details: Vec::new(),
        differences: Vec::new(),
        stats: Stats::default(),
    };
    if let Some((paraphrased, documents, (lang, stems))) = details {
        let tokens = (source_tokens.as_slice(), article_tokens.as_slice());
        let article = (lang, stems.clone());
        let (details, found) =
            related_and_found(&comparison, paraphrased, tokens, article, options);
        comparison.details = numbered_details(details, &comparison.matches);
        // The list of differences and the shares of each text matched read the same finished
        // comparison: on a long pair side by side, rather than the one after the other (each
        // takes some milliseconds there, the second core idle otherwise); on a short one a
        // thread would cost more than it saves.
        let joined = || differences::joined(&comparison, (lang, stems), documents, found);
        let shares = || stats(&comparison, &source_tokens, &article_tokens);
        let (differences, stats) = match source_tokens.len() + article_tokens.len() {
            n if n > BACKGROUND_DROP_WORDS => crate::parallel::both(joined, shares),
            _ => (joined(), shares()),
        };
        comparison.differences = differences;
        comparison.stats = stats;
    } else {
        comparison.stats = stats(&comparison, &source_tokens, &article_tokens);
    }
    // Freeing a long text's words takes milliseconds the caller need not wait for.
    if source_tokens.len() + article_tokens.len() > BACKGROUND_DROP_WORDS {
        crate::parallel::drop_in_background((source_tokens, article_tokens, aligned));
    }
    comparison
}

/// The details of `c` related (from what is left of them, `paraphrased`; unnumbered) and
/// the lists of differences its [`differences::Pieces`] find, side by side: the details on
/// one thread, the pieces by whichever thread is free, so that neither waits for the other.
fn related_and_found(
    c: &Comparison,
    paraphrased: details::Paraphrased,
    tokens: (&[Token], &[Token]),
    (lang, stems): Article,
    options: &CompareOptions,
) -> (Vec<Detail>, Vec<Vec<crate::comparison::Difference>>) {
    let pieces = differences::Pieces::new(c, lang, stems);
    let texts = (c.source.text.as_str(), c.article.text.as_str());
    let (details, (), found) = both_then_spare(
        || paraphrased.related(texts, tokens, &options.dates),
        || (),
        &pieces.each(),
    );
    (details, pieces.in_order(found))
}

/// The quotations judged against the matches, and the matches they complete: pieces of one
/// quotation joined, short quotations found word for word, lead-ins ("that", "que") added.
fn judge_quotations(
    matches: &mut Vec<Match>,
    quotations: &[Quotation],
    (source, article): (&str, &str),
    (source_tokens, article_tokens): (&[Token], &[Token]),
    (aligned, regions): (&matching::Aligned, &[Region]),
    options: &CompareOptions,
) -> Vec<QuoteFinding> {
    matching::pieces::complete_quotations(matches, quotations, source_tokens, article_tokens);
    let mut quotes = matching::quotes::judge_quotes(
        quotations,
        matches,
        article_tokens,
        regions,
        options.matching.min_words,
    );
    matching::quotes::find_short_quotes(
        &mut quotes,
        matches,
        (article, article_tokens, &aligned.article_words),
        (source, source_tokens, &aligned.source_words),
        &aligned.source_counts,
        &options.matching,
    );
    matching::lead_in::add_lead_ins(
        matches,
        (article, article_tokens, &aligned.article_words, regions),
        (source, source_tokens, &aligned.source_words),
        options.matching.min_words,
    );
    quotes
}

/// The two documents' languages, told from their words (source, article), unless the caller
/// told them.
fn languages(options: &CompareOptions, source: &[Token], article: &[Token]) -> (Lang, Lang) {
    options
        .languages
        .unwrap_or_else(|| (Lang::of_document(source), Lang::of_document(article)))
}

/// The sentences of the source and of the article.
type Sentences = (Vec<Span>, Vec<Span>);

/// The two documents' languages as their words tell them, and their sentences.
type Guessed = ((Lang, Lang), Sentences);

/// What the differences read of the texts alone, and the article's language they read it in.
type ReadAlone = (Lang, differences::Documents);

/// What the details read beside matching: each document's facts and the links of their
/// sentences, the differences that read only the texts, and the article's language with the
/// words stemmed in it.
type Linked = (details::Linked, differences::Documents, Article);

/// The article's language, and the words the details stemmed in it (none should the
/// article's words have been read in no language but another).
type Article = (Lang, Option<Arc<Stems>>);

/// The words a PDF broke, mended ([`Mends`]), and the shared passages ([`Verbatim`]); given
/// the languages `guessed` from the words as tokenised and the texts' sentences, also what the
/// details read beside them ([`Linked`]), with the differences of the texts alone that the
/// first reading found (`documents`; read again here in the rare case the mended words tell
/// the article's language otherwise).
///
/// Mending and matching keep one core busy; the other reads what the details need of each
/// text meanwhile ([`Early`]), then, once the mending is handed over, brings it up to date and
/// links the two documents' sentences while matching still runs; the matching thread, once
/// done, helps align the sentences left ([`details::Linking`], shared through a `OnceLock`:
/// should the linking not be built yet, it does not wait). On
/// one thread ([`crate::parallel::on_one_thread`]) the mending and matching run first, so the
/// wait for the hand-over returns at once; should the mending panic, its end of the channel is
/// dropped, the wait ends, and the panic is resumed after the join.
fn matched_and_linked(
    (source, article): (&Document, &Document),
    (source_tokens, article_tokens): (&[Token], &[Token]),
    quotations: &[Quotation],
    (guessed, documents): (Option<Guessed>, Option<ReadAlone>),
    options: &CompareOptions,
) -> (Verbatim, Option<Linked>, Mends) {
    let texts = (source.text.as_str(), article.text.as_str());
    let words = (source_tokens, article_tokens);
    let mended: OnceLock<Mends> = OnceLock::new();
    let (handed, handed_over) = std::sync::mpsc::channel::<()>();
    // The sentences being aligned, once the linking thread has built them: the matching
    // thread helps when it is done (and does not wait should they not be built yet).
    let shared: OnceLock<details::Linking> = OnceLock::new();
    let (verbatim, linked) = both(
        || {
            // Owned here, so that a panic drops it and ends the other thread's wait.
            let handed = handed;
            let mends = mended.get_or_init(|| Mends::of(texts, words));
            let _ = handed.send(());
            let tokens = mends.tokens(words);
            let regions = regions_of(tokens.1, quotations);
            let matched = verbatim((source, article), tokens, (quotations, &regions), options);
            if let Some(linking) = shared.get() {
                linking.help();
            }
            matched
        },
        || {
            let (guessed, sentences) = guessed?;
            let early = Early::read(texts, words, guessed, sentences);
            handed_over.recv().ok()?;
            let mends = mended.get()?;
            let languages = match mends.any() {
                false => guessed,
                true => {
                    let (s, a) = mends.tokens(words);
                    languages(options, s, a)
                }
            };
            let (linking, stems) = early.linking(texts, words, mends, languages);
            shared.get_or_init(|| linking).help();
            Some((languages, stems))
        },
    );
    // The differences of the texts alone were read in the language the article's head
    // tells: read again in the one its mended words tell, in the rare case they tell another.
    let linked = (linked.zip(shared.into_inner())).map(|((languages, stems), linking)| {
        let linked = linking.linked();
        let documents = match documents {
            Some((lang, documents)) if lang == languages.1 => documents,
            _ => differences::of_documents(texts.0, texts.1, languages.1),
        };
        (linked, documents, (languages.1, stems.map(Arc::new)))
    });
    (
        verbatim,
        linked,
        mended.into_inner().unwrap_or(Mends(None, None)),
    )
}

/// What the details read of the two texts before any word is mended or matched, on the core
/// that mending and matching leave free: each document's facts and weighted stems
/// ([`details::prepare`]) in its sentences, read from the words as tokenised in the languages
/// they were guessed to be. [`Early::linking`] brings them up to date with the mended words,
/// ready to link the sentences.
struct Early {
    /// The source's and the article's, in the languages of `guessed`.
    prepared: (details::Prepared, details::Prepared),
    /// The languages they were read in.
    guessed: (Lang, Lang),
    /// The words they stemmed, by language: the differences stem the same words.
    stems: ByLang,
}

impl Early {
    /// Reads [`Early`] of `texts`, their words as tokenised, in the languages `guessed`.
    fn read(
        (source, article): (&str, &str),
        (source_tokens, article_tokens): (&[Token], &[Token]),
        guessed: (Lang, Lang),
        (source_sentences, article_sentences): Sentences,
    ) -> Early {
        let mut stems = ByLang::default();
        let prepared = (
            details::prepare(source, source_tokens, stems.of(guessed.0), source_sentences),
            details::prepare(
                article,
                article_tokens,
                stems.of(guessed.1),
                article_sentences,
            ),
        );
        Early {
            prepared,
            guessed,
            stems,
        }
    }

    /// Brings what was read up to date with the words as mended (`mends` of the words as
    /// tokenised, `tokens`) and the `languages` told from them, ready to link the two
    /// documents' sentences ([`details::Linking`]). A side whose language the mended words
    /// tell otherwise (a rare case) is read again whole; else only the sentences that hold a
    /// mended word are. The stems the article's language was read with come back too.
    fn linking(
        self,
        (source, article): (&str, &str),
        tokens: (&[Token], &[Token]),
        mends: &Mends,
        languages: (Lang, Lang),
    ) -> (details::Linking, Option<Stems>) {
        let Early {
            prepared: (source_prepared, article_prepared),
            guessed,
            mut stems,
        } = self;
        let mended = mends.tokens(tokens);
        let mut again =
            |prepared: details::Prepared, text: &str, (old, new), (was, is): (Lang, Lang)| {
                if was == is {
                    details::remend(prepared, text, (old, new), stems.of(was))
                } else {
                    details::prepare(text, new, stems.of(is), prepared.into_sentences())
                }
            };
        let prepared = (
            again(
                source_prepared,
                source,
                (tokens.0, mended.0),
                (guessed.0, languages.0),
            ),
            again(
                article_prepared,
                article,
                (tokens.1, mended.1),
                (guessed.1, languages.1),
            ),
        );
        let linking = details::linking(source, prepared);
        (linking, stems.take(languages.1))
    }
}

/// The shared passages of the two texts, the matches they make and the quotations judged
/// against them.
struct Verbatim(matching::Aligned, Vec<Match>, Vec<QuoteFinding>);

/// [`Verbatim`] of the two documents, given their words (as mended), their quotations and
/// each article word's quotation.
fn verbatim(
    (source, article): (&Document, &Document),
    tokens: (&[Token], &[Token]),
    (quotations, regions): (&[Quotation], &[Region]),
    options: &CompareOptions,
) -> Verbatim {
    let aligned = matching::align(tokens.0, tokens.1, regions, &options.matching);
    let mut matches = matches_of(&aligned, (source, article), tokens, quotations);
    let texts = (source.text.as_str(), article.text.as_str());
    let quotes = judge_quotations(
        &mut matches,
        quotations,
        texts,
        tokens,
        (&aligned, regions),
        options,
    );
    Verbatim(aligned, matches, quotes)
}

/// The shared passages matching found, as matches between the two documents.
fn matches_of(
    aligned: &matching::Aligned,
    (source, article): (&Document, &Document),
    (source_tokens, article_tokens): (&[Token], &[Token]),
    quotations: &[Quotation],
) -> Vec<Match> {
    aligned
        .passages
        .iter()
        .map(|al| {
            to_match(
                al,
                source,
                article,
                source_tokens,
                article_tokens,
                quotations,
            )
        })
        .collect()
}

/// Words in both texts above which they are freed on a thread of their own, and the last
/// two steps (the differences' list and the shares) run side by side: a long pair.
const BACKGROUND_DROP_WORDS: usize = 100_000;

/// For each article token, the quotation it lies in.
fn regions_of(tokens: &[Token], quotations: &[Quotation]) -> Vec<Region> {
    let mut regions = Vec::with_capacity(tokens.len());
    let mut q = 0;
    for t in tokens {
        while q < quotations.len() && quotations[q].inner.end <= t.span().start {
            q += 1;
        }
        let inside = quotations
            .get(q)
            .is_some_and(|quote| quote.inner.contains(&t.span()));
        regions.push(if inside { Some(q as u32) } else { None });
    }
    regions
}

fn token_cover(tokens: &[Token], range: std::ops::Range<usize>) -> Option<Span> {
    if range.is_empty() {
        return None;
    }
    Some(
        tokens[range.start]
            .span()
            .cover(&tokens[range.end - 1].span()),
    )
}

/// Extends a passage's end over punctuation both texts have right after it (a full stop
/// inside the quotation marks), so an exact quotation reads as exact.
fn extend_over_common_punctuation(
    source: &str,
    article: &str,
    s: &mut Span,
    a: &mut Span,
    limit: usize,
) {
    let mut sc = source[s.end..].chars();
    let mut ac = article[a.end..limit.max(a.end)].chars();
    loop {
        match (sc.next(), ac.next()) {
            (Some(x), Some(y)) if x == y && is_trailing_punct(x) => {
                s.end += x.len_utf8();
                a.end += y.len_utf8();
            }
            _ => break,
        }
    }
}

fn is_trailing_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ')' | '%')
}

fn to_match(
    al: &Alignment,
    source: &Document,
    article: &Document,
    stoks: &[Token],
    atoks: &[Token],
    quotations: &[Quotation],
) -> Match {
    let mut s = token_cover(stoks, al.source.clone()).unwrap_or_default();
    let mut a = token_cover(atoks, al.article.clone()).unwrap_or_default();
    let limit = match al.region {
        Some(q) => quotations[q as usize].inner.end,
        None => article.text.len(),
    };
    extend_over_common_punctuation(&source.text, &article.text, &mut s, &mut a, limit);
    let same_words = al.ops.iter().all(|op| matches!(op, DiffOp::Equal { .. }));
    let fidelity = if s.slice(&source.text) == a.slice(&article.text) {
        Fidelity::Exact
    } else if same_words {
        Fidelity::Normalized
    } else {
        Fidelity::Edited
    };
    let edits = if fidelity == Fidelity::Edited {
        edits_of(al, stoks, atoks)
    } else {
        Vec::new()
    };
    let total = al.source.len() + al.article.len();
    let score = if total == 0 {
        0.0
    } else {
        2.0 * al.matched as f64 / total as f64
    };
    Match {
        id: 0,
        kind: if al.region.is_some() {
            MatchKind::Quotation
        } else {
            MatchKind::Reuse
        },
        fidelity,
        score,
        source: s,
        article: a,
        edits,
        quote: al.region.map(|q| q as usize),
        shared_words: al.matched,
    }
}

fn edits_of(al: &Alignment, stoks: &[Token], atoks: &[Token]) -> Vec<Edit> {
    let mut edits = Vec::new();
    for op in &al.ops {
        let (tag, old, new) = op.as_tag_tuple();
        let old = al.source.start + old.start..al.source.start + old.end;
        let new = al.article.start + new.start..al.article.start + new.end;
        let op = match tag {
            similar::DiffTag::Equal => continue,
            similar::DiffTag::Delete => EditOp::Delete,
            similar::DiffTag::Insert => EditOp::Insert,
            similar::DiffTag::Replace => EditOp::Replace,
        };
        let new_tokens = &atoks[new.clone()];
        let marked = if !new_tokens.is_empty() && new_tokens.iter().all(|t| t.bracketed) {
            Some(EditMark::Brackets)
        } else if op == EditOp::Delete && atoks.get(new.start).is_some_and(|t| t.gap.ellipsis) {
            Some(EditMark::Ellipsis)
        } else {
            None
        };
        edits.push(Edit {
            op,
            source: token_cover(stoks, old),
            at: atoks
                .get(new.start)
                .map_or(atoks[al.article.end - 1].span().end, |t| t.span().start),
            article: token_cover(atoks, new),
            marked,
            places: None,
        });
    }
    edits
}

/// Numbers every match and quotation reference, once, at the end of the pipeline: matches
/// (the quotation and reuse matches and the `paraphrases`) in article order (then source
/// order, a paraphrase after a quotation or reuse match that starts where it does), each
/// quotation's matches among the quotation and reuse matches inside it.
fn numbered(
    mut matches: Vec<Match>,
    quotes: Vec<QuoteFinding>,
    paraphrases: Vec<Match>,
) -> (Vec<Match>, Vec<QuoteFinding>) {
    matches.extend(paraphrases);
    matches.sort_by_key(|m| {
        (
            m.article.start,
            m.source.start,
            m.kind == MatchKind::Paraphrase,
        )
    });
    for (k, m) in matches.iter_mut().enumerate() {
        m.id = k + 1;
    }
    // Quotation and reuse matches do not overlap in the article: a binary search finds them.
    let verbatim: Vec<Match> = matches
        .iter()
        .filter(|m| m.kind != MatchKind::Paraphrase)
        .cloned()
        .collect();
    let quotes = matching::quotes::renumber_quote_matches(quotes, &verbatim);
    (matches, quotes)
}

/// Numbers the details in the order given, each tied to the (numbered) match that holds it.
fn numbered_details(mut details: Vec<Detail>, matches: &[Match]) -> Vec<Detail> {
    // Matches by where they start, on each side, to find the one holding a detail quickly.
    let mut by_article: Vec<(Span, usize)> = matches.iter().map(|m| (m.article, m.id)).collect();
    let mut by_source: Vec<(Span, usize)> = matches.iter().map(|m| (m.source, m.id)).collect();
    by_article.sort();
    by_source.sort();
    let holder = |sorted: &[(Span, usize)], span: Span| -> Option<usize> {
        let k = sorted.partition_point(|(m, _)| m.start <= span.start);
        sorted[..k]
            .iter()
            .rev()
            .take(32)
            .filter(|(m, _)| m.contains(&span))
            .map(|(_, id)| *id)
            .min()
    };
    for (k, d) in details.iter_mut().enumerate() {
        d.id = k + 1;
        d.match_id = match (d.article, d.source) {
            (Some(a), _) => holder(&by_article, a),
            (None, Some(s)) => holder(&by_source, s),
            _ => None,
        };
    }
    details
}

/// How many of `tokens` lie inside one of `spans`. Spans begin and end on word boundaries,
/// so each span's words are found by two binary searches (not a pass over every word).
fn covered(tokens: &[Token], spans: impl Iterator<Item = Span>) -> usize {
    let mut spans: Vec<Span> = spans.collect();
    spans.sort();
    let mut count = 0;
    // Words before this offset are counted already (spans may overlap).
    let mut reach = 0;
    let words = SpanIndex::new(tokens, Token::span);
    for span in spans {
        let start = span.start.max(reach);
        if span.end <= start {
            continue;
        }
        count += words.inside(Span::new(start, span.end)).len();
        reach = span.end;
    }
    count
}

fn stats(c: &Comparison, stoks: &[Token], atoks: &[Token]) -> Stats {
    let share = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    // Words carried verbatim (quoted or reused) and words retold (paraphrase), apart.
    let words_in = |paraphrase: bool, side: Side| {
        let spans = c
            .matches
            .iter()
            .filter(|m| (m.kind == MatchKind::Paraphrase) == paraphrase)
            .map(|m| m.span(side));
        match side {
            Side::Source => covered(stoks, spans),
            Side::Article => covered(atoks, spans),
        }
    };
    let from_source = words_in(false, Side::Article);
    let paraphrased = words_in(true, Side::Article);
    let carried = words_in(false, Side::Source);
    let retold = words_in(true, Side::Source);
    Stats {
        article_from_source: share(from_source, atoks.len()),
        source_in_article: share(carried, stoks.len()),
        article_words: atoks.len(),
        source_words: stoks.len(),
        article_paraphrased: share(paraphrased, atoks.len()),
        source_paraphrased: share(retold, stoks.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_threads_find_what_one_finds_when_the_differences_come_in_many_pieces() {
        // The eight real pairs of the fixtures, each document after the other: some 140
        // matches, so the differences inside them come in more than one piece, taken by
        // whichever thread is free.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pairs");
        let mut pairs: Vec<_> = std::fs::read_dir(&dir)
            .expect("the fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        pairs.sort();
        let read = |name: &str| -> String {
            let texts = pairs.iter().map(|p| std::fs::read_to_string(p.join(name)));
            texts
                .collect::<Result<Vec<_>, _>>()
                .expect("a fixture")
                .join("\n\n")
        };
        let (source, article) = (
            Document::from_text("source", read("source.txt")),
            Document::from_text("article", read("article.txt")),
        );
        let run = |one_thread| {
            let options = CompareOptions {
                one_thread,
                ..CompareOptions::default()
            };
            compare(source.clone(), article.clone(), &options)
        };
        let (two, one) = (run(false), run(true));
        assert!(two.matches.len() > 128, "{} matches", two.matches.len());
        assert!(!two.differences.is_empty() && !two.details.is_empty());
        assert_eq!(two.differences, one.differences);
        assert_eq!(two.details, one.details);
        assert_eq!(two.matches, one.matches);
    }

    #[test]
    fn skip_speakers_leaves_speakers_unread_and_nothing_else_changed() {
        let source = "The council will build three new libraries next year, the mayor said.";
        let article = "\"The council will build three new libraries next year,\" Mayor Ann \
                       Smith said on Monday.";
        let run = |skip_speakers| {
            let options = CompareOptions {
                skip_details: true,
                skip_speakers,
                ..CompareOptions::default()
            };
            compare(
                Document::from_text("s", source),
                Document::from_text("a", article),
                &options,
            )
        };
        let (with, without) = (run(false), run(true));
        assert_eq!(with.quotes[0].speaker.as_deref(), Some("Ann Smith"));
        assert_eq!(without.quotes[0].speaker, None);
        assert_eq!(with.quotes[0].status, without.quotes[0].status);
        assert_eq!(with.matches, without.matches);
        assert_eq!(with.stats, without.stats);
    }

    #[test]
    fn min_words_also_decides_when_a_match_is_incidental_to_a_long_quotation() {
        // Five words of a twenty-word quotation are in the source: less than half of it, so
        // the match counts only when five words make a passage (`--min-words 5` or less).
        let source = "The council met on Tuesday. The budget will fund new libraries, the \
                      mayor said.";
        let article = "The mayor was blunt. \"Nobody asked for this, and this budget will fund \
                       new libraries while our parks and pools fall apart slowly,\" a \
                       resident said.";
        let status = |min_words: usize| {
            let options = CompareOptions {
                matching: MatchOptions {
                    min_words,
                    ..MatchOptions::default()
                },
                ..CompareOptions::default()
            };
            let c = compare(
                Document::from_text("source", source),
                Document::from_text("article", article),
                &options,
            );
            c.quotes[0].status
        };
        assert_eq!(status(6), QuoteStatus::NotInSource);
        assert_eq!(status(4), QuoteStatus::Altered);
    }
}
