//! The sources of a scan as the comparison stage needs them: each source with its language,
//! told once rather than in every comparison.
//!
//! [`super::Sources`] finds candidates with its own index and compares them through this; the
//! Spark job finds them with a join in its plan and hands each article's candidates to the
//! same [`Compared::pairs_of`] through the Python bindings, so both make the same records.

use rayon::prelude::*;

use super::archive::Entry;
use super::index::Candidate;
use super::record::PairRecord;
use super::{compare_pair, ScanOptions};
use crate::lexicon::Lang;

/// Sources ready to be compared with articles.
#[derive(Debug)]
pub struct Compared {
    entries: Vec<Entry>,
    languages: Vec<Lang>,
}

impl Compared {
    /// The sources, each source's language told here (on all cores).
    pub fn new(entries: Vec<Entry>) -> Self {
        let languages = entries
            .par_iter()
            .map(|entry| Lang::of_document(&crate::normalize::tokenize(&entry.text)))
            .collect();
        Compared::with_languages(entries, languages)
    }

    /// The sources with their languages, already told.
    pub(crate) fn with_languages(entries: Vec<Entry>, languages: Vec<Lang>) -> Self {
        Compared { entries, languages }
    }

    /// The sources, in the order given.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The kept pairs of `article` among its `candidates` (sources by number), in the order
    /// of the candidates. A candidate naming no source is skipped.
    pub fn pairs_of(
        &self,
        article: &Entry,
        candidates: &[Candidate],
        options: &ScanOptions,
    ) -> Vec<PairRecord> {
        let language = Lang::of_document(&crate::normalize::tokenize(&article.text));
        self.pairs_in(article, language, candidates, options)
    }

    /// [`Compared::pairs_of`] with the article's language already told.
    pub(crate) fn pairs_in(
        &self,
        article: &Entry,
        article_language: Lang,
        candidates: &[Candidate],
        options: &ScanOptions,
    ) -> Vec<PairRecord> {
        let mut options = options.clone();
        candidates
            .iter()
            .filter_map(|candidate| {
                let source = self.entries.get(candidate.source)?;
                let languages = (self.languages[candidate.source], article_language);
                options.compare.languages = Some(languages);
                compare_pair(source, article, candidate.shared, &options)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::Sources;

    fn entry(id: &str, text: &str) -> Entry {
        Entry::of_text(id, text)
    }

    const USED: &str = "The harbour authority will dredge the northern channel from May. \
        \"Larger ferries will dock here within two years,\" the harbour master said. \
        The work costs 14 million euros and is paid by the regional fund.";
    const UNUSED: &str = "The orchestra opens its season with three symphonies in October. \
        Tickets go on sale next week at the box office and online.";
    const ARTICLE: &str = "Big changes are coming to the port. The harbour authority will \
        dredge the northern channel from May, and \"larger ferries will dock here within two \
        years,\" the harbour master said. Fishermen worry about the noise of the works.";

    #[test]
    fn given_candidates_make_the_records_the_index_finds() {
        let sources = vec![entry("unused", UNUSED), entry("used", USED)];
        let options = ScanOptions::default();
        let article = entry("article", ARTICLE);
        let indexed = Sources::new(sources.clone(), &options).pairs_of(&article, &options);
        assert_eq!(indexed.len(), 1);
        let shared = indexed[0].shared_shingles;
        let compared = Compared::new(sources);
        // The unrelated source and a number naming no source give nothing.
        let candidates = [
            Candidate { source: 0, shared },
            Candidate { source: 1, shared },
            Candidate { source: 7, shared },
        ];
        let records = compared.pairs_of(&article, &candidates, &options);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].source_id, "used");
        assert_eq!(
            serde_json::to_string(&records[0]).unwrap(),
            serde_json::to_string(&indexed[0]).unwrap()
        );
    }
}
