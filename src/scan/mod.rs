//! Scanning an archive: which articles took what from which releases.
//!
//! A reviewer compares one pair; a researcher starts from thousands of releases and an
//! archive of articles and must first find the pairs. A scan runs two stages, built on the
//! public comparison only:
//!
//! 1. **Candidates** ([`index`]): every source's word shingles ([`shingle`]) are indexed,
//!    those found in many sources dropped as boilerplate; each article's shingles are looked
//!    up, and the sources sharing enough of them (within the date window) are its candidates.
//! 2. **Comparison** ([`record`]): each candidate pair goes through [`crate::compare()`], the
//!    same comparison as `quotediff report`; pairs sharing a quotation or enough of the
//!    article are kept, one [`record::PairRecord`] each.
//!
//! Articles are taken in batches ([`run`]), each batch compared on all cores, so memory holds
//! the sources and one batch, whatever the archive's size. [`output`] writes the records and
//! remembers finished articles so that an interrupted scan resumes; [`summary`] ranks sources
//! and articles. Nothing here prints or draws a progress bar: the caller is told after each
//! batch and decides.

pub mod archive;
pub mod compared;
pub mod dates;
pub mod entry;
pub mod index;
pub mod lookup;
pub mod output;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod record;
pub mod shingle;
pub mod summary;

use std::collections::HashSet;

use rayon::prelude::*;

use crate::compare::QuoteStatus;
use crate::lexicon::Lang;
use crate::{compare, CompareOptions, Comparison, Document};
use archive::{ArchiveError, Entry};
use compared::Compared;
use dates::DayNumber;
use index::SourceIndex;
use record::{Keeping, PairRecord};

/// Settings of a scan. The defaults are those of `quotediff scan` and the Spark job.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Fewest distinct shingles an article must share with a source to be compared with it
    /// (fewer for a short article: [`ScanOptions::least_shared`]).
    pub min_shared_shingles: usize,
    /// A shingle found in more sources than this is boilerplate (0: one percent of the
    /// sources, at least 5).
    pub boilerplate_sources: usize,
    /// Most sources compared with one article (those sharing the most shingles).
    pub max_candidates: usize,
    /// Days after a source's date an article may appear and still be compared with it.
    pub window_days: i64,
    /// Share of the article that must come from the source for a pair without a shared
    /// quotation to be kept.
    pub min_share: f64,
    /// Fewest words a quotation must share with the source for the pair to be kept on that
    /// quotation alone (below [`ScanOptions::min_share`]); see [`Keeping`].
    pub min_quote_words: usize,
    /// Articles compared per batch (memory holds one batch).
    pub batch_size: usize,
    /// Settings of each comparison.
    pub compare: CompareOptions,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            min_shared_shingles: 5,
            boilerplate_sources: 0,
            max_candidates: 20,
            window_days: 30,
            min_share: 0.05,
            min_quote_words: Keeping::DEFAULT_QUOTE_WORDS,
            batch_size: 256,
            // The scan keeps every core busy with pairs of its own; helper threads inside
            // each comparison would only cost their start and crowd the cores.
            compare: CompareOptions {
                one_thread: true,
                ..CompareOptions::default()
            },
        }
    }
}

impl ScanOptions {
    /// Fewest shingles a source must share with an article of `article_shingles` distinct
    /// shingles to be compared with it.
    ///
    /// Five by default: a pair is kept on a quotation of ten words or on a twentieth of the
    /// article, and ten words quoted word for word are six shingles, a twentieth of a
    /// 500-word story 21 when in one piece. Of the candidates of 2,000 benchmark articles
    /// against 10,000 releases, seven in ten shared two to four shingles, and 16 of those
    /// 3,837 were kept, none of them a planted pair. A short article needs less: a twentieth of a 120-word brief
    /// is six words, two shingles in one piece, so the least asked never exceeds what a
    /// twentieth of the article in one piece gives (at least 2, unless
    /// [`ScanOptions::min_shared_shingles`] is lower still).
    pub fn least_shared(&self, article_shingles: usize) -> usize {
        let words = article_shingles + shingle::SHINGLE_WORDS - 1;
        let share_run = (self.min_share * words as f64).ceil() as usize;
        let from_share = (share_run + 1).saturating_sub(shingle::SHINGLE_WORDS);
        self.min_shared_shingles
            .min(from_share.max(SHORT_ARTICLE_SHINGLES))
    }

    /// What a compared pair must share to be kept.
    pub fn keeping(&self) -> Keeping {
        Keeping {
            min_share: self.min_share,
            min_quote_words: self.min_quote_words,
        }
    }

    /// Most sources a shingle may occur in before it counts as boilerplate.
    pub fn max_sources_per_shingle(&self, sources: usize) -> usize {
        match self.boilerplate_sources {
            0 => (sources / 100).max(5),
            given => given,
        }
    }

    /// Whether an article of `article` date may have used a source of `source` date: no
    /// earlier than the source, at most [`ScanOptions::window_days`] after. Undated either
    /// side, always.
    pub fn in_window(&self, source: Option<DayNumber>, article: Option<DayNumber>) -> bool {
        match (source, article) {
            (Some(source), Some(article)) => {
                (0..=self.window_days).contains(&(article.0 - source.0))
            }
            _ => true,
        }
    }
}

/// The fewest shingles ever asked of a candidate of a short article (unless the options ask
/// fewer of every article): one shingle is a single five-word phrase.
const SHORT_ARTICLE_SHINGLES: usize = 2;

/// The sources of a scan, indexed.
#[derive(Debug)]
pub struct Sources {
    /// The sources with each one's language, told once here rather than in every comparison.
    compared: Compared,
    index: SourceIndex,
}

impl Sources {
    /// Shingles every source (on all cores) and indexes them.
    pub fn new(entries: Vec<Entry>, options: &ScanOptions) -> Self {
        let (shingled, languages): (Vec<index::Shingled>, Vec<Lang>) = entries
            .par_iter()
            .map(|entry| {
                let tokens = crate::normalize::tokenize(&entry.text);
                let shingles = shingle::shingles_of(&tokens);
                ((shingles, entry.day()), Lang::of_document(&tokens))
            })
            .unzip();
        let index = SourceIndex::build(&shingled, options);
        Sources {
            compared: Compared::with_languages(entries, languages),
            index,
        }
    }

    /// Reads every source of an archive.
    pub fn read(
        entries: impl Iterator<Item = Result<Entry, ArchiveError>>,
        options: &ScanOptions,
    ) -> Result<Self, ArchiveError> {
        Ok(Sources::new(entries.collect::<Result<_, _>>()?, options))
    }

    /// Number of sources.
    pub fn len(&self) -> usize {
        self.compared.entries().len()
    }

    /// True when there are no sources.
    pub fn is_empty(&self) -> bool {
        self.compared.entries().is_empty()
    }

    /// The sources, in the order read.
    pub fn entries(&self) -> &[Entry] {
        self.compared.entries()
    }

    /// The index (for its figures).
    pub fn index(&self) -> &SourceIndex {
        &self.index
    }

    /// The kept pairs of one article, its most shared source first.
    pub fn pairs_of(&self, article: &Entry, options: &ScanOptions) -> Vec<PairRecord> {
        let tokens = crate::normalize::tokenize(&article.text);
        let hashes = shingle::shingles_of(&tokens);
        let candidates = self.index.candidates(&hashes, article.day(), options);
        let article_language = Lang::of_document(&tokens);
        drop(tokens);
        self.compared
            .pairs_in(article, article_language, &candidates, options)
    }
}

/// Compares one candidate pair as `quotediff report` does; its record when kept.
///
/// Whether a pair is kept rests on its quotations and on the share of the article carried
/// word for word, and neither the details nor who speaks change them (quotations are judged
/// before details are read; paraphrase is counted apart; speakers are only read off). The
/// details are most of a comparison's time, and most candidates are dropped (they share a
/// stock phrase or two), so each candidate is first looked at without details or speakers
/// ([`may_be_kept`]), and only a pair that may be kept is compared in full, for the details
/// its record counts: the same records in less than half the time. (Running the full
/// comparison on every candidate, as the scan first did, spent most of it on pairs it then
/// threw away.)
pub fn compare_pair(
    source: &Entry,
    article: &Entry,
    shared_shingles: usize,
    options: &ScanOptions,
) -> Option<PairRecord> {
    if !options.compare.skip_details && !may_be_kept(source, article, options) {
        return None;
    }
    record_of(
        source,
        article,
        shared_shingles,
        &options.keeping(),
        &options.compare,
    )
}

/// Half the last place of a share in the JSON report (four decimals), which the record's
/// share is read from.
const SHARE_ROUNDING: f64 = 0.5e-4;

/// The first look at a candidate: compared without details or speakers, does one of the
/// article's quotations share enough words with the source, or does the article carry at
/// least `min_share` of its words from it ([`Keeping`])? Read off the comparison itself, not
/// its JSON report (building the report of every dropped candidate cost a tenth of the scan);
/// a share within rounding of the threshold counts as may-be, and [`record::from_report`]
/// decides on the full comparison's report.
pub fn may_be_kept(source: &Entry, article: &Entry, options: &ScanOptions) -> bool {
    let quick = CompareOptions {
        skip_details: true,
        skip_speakers: true,
        ..options.compare.clone()
    };
    let comparison = compare_entries(source, article, &quick);
    let quotation_words = comparison
        .quotes
        .iter()
        .filter(|quote| matches!(quote.status, QuoteStatus::Verified | QuoteStatus::Altered))
        .map(|quote| {
            let inside = quote
                .matches
                .iter()
                .filter_map(|id| comparison.match_by_id(*id));
            inside.map(|m| m.shared_words).sum()
        })
        .max()
        .unwrap_or(0);
    let keeping = options.keeping();
    keeping.keeps(
        comparison.stats.article_from_source + SHARE_ROUNDING,
        quotation_words,
    )
}

/// The record of a pair compared with `compare`, when kept.
pub fn record_of(
    source: &Entry,
    article: &Entry,
    shared_shingles: usize,
    keeping: &Keeping,
    compare: &CompareOptions,
) -> Option<PairRecord> {
    let comparison = compare_entries(source, article, compare);
    let report = crate::report::json::to_value(&comparison, None);
    record::from_report(&report, source, article, shared_shingles, keeping)
}

/// The comparison of two archive entries, each dated as its archive dates it (relative dates
/// such as "yesterday" resolve against that), unless `options` give dates.
pub fn compare_entries(source: &Entry, article: &Entry, options: &CompareOptions) -> Comparison {
    let mut options = options.clone();
    options.dates.source = options.dates.source.or_else(|| calendar(source));
    options.dates.article = options.dates.article.or_else(|| calendar(article));
    compare(
        Document::from_text(source.id.clone(), source.text.clone()),
        Document::from_text(article.id.clone(), article.text.clone()),
        &options,
    )
}

/// The entry's date for the comparison of details.
fn calendar(entry: &Entry) -> Option<crate::details::CalendarDate> {
    entry
        .date
        .as_deref()
        .and_then(|date| crate::details::CalendarDate::parse(date.get(..10).unwrap_or(date)))
}

/// One article's outcome.
#[derive(Debug, Clone)]
pub struct ArticleResult {
    /// The article's id.
    pub article_id: String,
    /// Where the article starts in its archive ([`Entry::at`]).
    pub article_at: Option<u64>,
    /// Its kept pairs.
    pub pairs: Vec<PairRecord>,
}

/// Runs the scan of `articles` against `sources`, skipping the ids in `done`; after each
/// batch, `on_batch` receives the batch's results in archive order (to write them, show
/// progress); an error it returns stops the scan.
pub fn run<E: From<ArchiveError>>(
    sources: &Sources,
    articles: impl Iterator<Item = Result<Entry, ArchiveError>>,
    done: &HashSet<String>,
    options: &ScanOptions,
    mut on_batch: impl FnMut(Vec<ArticleResult>) -> Result<(), E>,
) -> Result<(), E> {
    let mut batch = Vec::with_capacity(options.batch_size);
    let mut articles = articles.peekable();
    while articles.peek().is_some() {
        batch.clear();
        for entry in articles.by_ref() {
            let entry = entry?;
            if !done.contains(&entry.id) {
                batch.push(entry);
            }
            if batch.len() == options.batch_size.max(1) {
                break;
            }
        }
        let results = batch
            .par_iter()
            .map(|article| ArticleResult {
                article_id: article.id.clone(),
                article_at: article.at,
                pairs: sources.pairs_of(article, options),
            })
            .collect();
        on_batch(results)?;
    }
    Ok(())
}
