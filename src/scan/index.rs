//! The index of the sources' shingles, and the candidate search over it.
//!
//! Comparing every article with every release is out of the question (a hundred thousand
//! articles by ten thousand releases), so each article's shingles are looked up here and only
//! the releases it shares enough of become candidates. Shingles found in many sources are
//! boilerplate (a ministry's "for more information, contact", a standard disclaimer) and are
//! dropped when the index is built: they would make every article a candidate of every
//! release of that ministry, and a passage made only of them is not reuse of one release.
//!
//! The postings are kept in one flat array (sources grouped by shingle), with a hash map
//! from a shingle to its slice, rather than a vector per shingle: millions of small vectors
//! would cost more memory than the ids they hold.

use rustc_hash::FxHashMap;

use super::dates::DayNumber;
use super::ScanOptions;

/// A source as the index takes it: its sorted distinct shingles and its date.
pub type Shingled = (Vec<u64>, Option<DayNumber>);

/// Shingle postings of all sources, boilerplate removed.
#[derive(Debug, Default)]
pub struct SourceIndex {
    /// Shingle hash → (start, length) in `postings`.
    slices: FxHashMap<u64, (u32, u32)>,
    /// Source numbers, grouped by shingle, each group ascending.
    postings: Vec<u32>,
    /// Each source's date, for the window.
    dates: Vec<Option<DayNumber>>,
    /// Shingles dropped as boilerplate.
    boilerplate: usize,
}

/// A source that shares enough with an article to be compared with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The source's number (its place in the list given to [`SourceIndex::build`]).
    pub source: usize,
    /// Distinct shingles the two share (boilerplate left out).
    pub shared: usize,
}

impl SourceIndex {
    /// Indexes the sources, given as their sorted distinct shingles and their dates; drops
    /// the shingles found in more than [`ScanOptions::max_sources_per_shingle`] sources.
    pub fn build(sources: &[Shingled], options: &ScanOptions) -> Self {
        let mut pairs: Vec<(u64, u32)> =
            Vec::with_capacity(sources.iter().map(|s| s.0.len()).sum());
        for (number, (hashes, _)) in sources.iter().enumerate() {
            pairs.extend(hashes.iter().map(|&h| (h, number as u32)));
        }
        pairs.sort_unstable();
        let limit = options.max_sources_per_shingle(sources.len());
        let mut index = SourceIndex {
            dates: sources.iter().map(|s| s.1).collect(),
            ..SourceIndex::default()
        };
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            if group.len() > limit {
                index.boilerplate += 1;
                continue;
            }
            let start = index.postings.len() as u32;
            index
                .postings
                .extend(group.iter().map(|&(_, source)| source));
            index.slices.insert(group[0].0, (start, group.len() as u32));
        }
        index
    }

    /// Number of distinct shingles dropped as boilerplate.
    pub fn boilerplate_shingles(&self) -> usize {
        self.boilerplate
    }

    /// Number of distinct shingles kept.
    pub fn shingles(&self) -> usize {
        self.slices.len()
    }

    /// The sources worth comparing with an article (given as its distinct shingles): those
    /// sharing at least [`ScanOptions::least_shared`] shingles with it and dated within the window
    /// (when both have a date), the most shared first (ties: the lower source number), at
    /// most [`ScanOptions::max_candidates`].
    pub fn candidates(
        &self,
        article: &[u64],
        article_date: Option<DayNumber>,
        options: &ScanOptions,
    ) -> Vec<Candidate> {
        let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
        for hash in article {
            if let Some(&(start, len)) = self.slices.get(hash) {
                for &source in &self.postings[start as usize..(start + len) as usize] {
                    *counts.entry(source).or_default() += 1;
                }
            }
        }
        let least = options.least_shared(article.len());
        let mut found: Vec<Candidate> = counts
            .into_iter()
            .filter(|&(_, shared)| shared as usize >= least)
            .filter(|&(source, _)| options.in_window(self.dates[source as usize], article_date))
            .map(|(source, shared)| Candidate {
                source: source as usize,
                shared: shared as usize,
            })
            .collect();
        found.sort_unstable_by(|a, b| b.shared.cmp(&a.shared).then(a.source.cmp(&b.source)));
        found.truncate(options.max_candidates);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::shingle::shingles;

    const RELEASE: &str = "The department will open three new clinics in the northern \
        districts before the end of the year, the minister said on Monday.";
    const OTHER: &str = "Parliament adopted the budget for the coming year by a large \
        majority after a long debate about taxes.";
    const ARTICLE: &str = "Officials say the department will open three new clinics in the \
        northern districts soon. Critics are not convinced.";

    fn index_of(texts: &[&str], options: &ScanOptions) -> SourceIndex {
        let sources: Vec<_> = texts.iter().map(|t| (shingles(t), None)).collect();
        SourceIndex::build(&sources, options)
    }

    #[test]
    fn the_release_an_article_reuses_is_its_candidate() {
        let options = ScanOptions::default();
        let index = index_of(&[OTHER, RELEASE], &options);
        let found = index.candidates(&shingles(ARTICLE), None, &options);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].source, 1);
        // "the department will open three new clinics in the northern districts": 11 words.
        assert_eq!(found[0].shared, 11 - 5 + 1);
    }

    #[test]
    fn a_long_article_must_share_more_than_a_brief() {
        let options = ScanOptions::default();
        let index = index_of(&[RELEASE], &options);
        // Eight words of the release, four shingles: enough for a brief of 50 words, where
        // they are more than a twentieth, not for a story of 300.
        let reused = "the department will open three new clinics in";
        let filler = |words: usize| -> String { (0..words).map(|n| format!("w{n} ")).collect() };
        let brief = format!("{}{reused}.", filler(42));
        let story = format!("{}{reused}.", filler(292));
        let shared = |text: &str| index.candidates(&shingles(text), None, &options);
        assert_eq!(shared(&brief).first().map(|c| c.shared), Some(4));
        assert!(shared(&story).is_empty());
        assert_eq!(options.least_shared(shingles(&story).len()), 5);
    }

    #[test]
    fn shingles_in_many_sources_are_boilerplate() {
        let options = ScanOptions {
            boilerplate_sources: 2,
            ..ScanOptions::default()
        };
        let footer = " For more information contact the press office of the ministry.";
        let texts: Vec<String> = [RELEASE, OTHER, "A third release on fishing quotas."]
            .iter()
            .map(|t| format!("{t}{footer}"))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let index = index_of(&refs, &options);
        assert!(index.boilerplate_shingles() > 0);
        let article = format!("Nothing else in common here at all.{footer}");
        assert!(index
            .candidates(&shingles(&article), None, &options)
            .is_empty());
    }

    #[test]
    fn an_article_dated_before_the_release_is_not_a_candidate() {
        let options = ScanOptions::default();
        let day = DayNumber::from_ymd(2024, 3, 10).expect("a real date");
        let sources = vec![(shingles(RELEASE), Some(day))];
        let index = SourceIndex::build(&sources, &options);
        let article = shingles(ARTICLE);
        let before = DayNumber::from_ymd(2024, 3, 9);
        let after = DayNumber::from_ymd(2024, 4, 9);
        let too_late = DayNumber::from_ymd(2024, 4, 10);
        assert!(index.candidates(&article, before, &options).is_empty());
        assert_eq!(index.candidates(&article, after, &options).len(), 1);
        assert!(index.candidates(&article, too_late, &options).is_empty());
        assert_eq!(index.candidates(&article, None, &options).len(), 1);
    }
}
