//! One line of a scan's output: what one article took from one source.
//!
//! A record is read off the JSON report of the pair (`docs/report-format.md`), not off the
//! engine's result types: the report is the contract other tools rely on, so a scan says
//! exactly what `quotediff report --format json` would say about the pair, and the engine's
//! types can change without the scan's output changing. The Spark job builds its records with
//! this same function (through the Python bindings), so both give byte-identical lines.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::archive::Entry;

/// What a kept pair shares, one JSON line of the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairRecord {
    /// The release's id in its archive.
    pub source_id: String,
    /// The article's id in its archive.
    pub article_id: String,
    /// The release's date, as the archive gave it.
    pub source_date: Option<String>,
    /// The article's date, as the archive gave it.
    pub article_date: Option<String>,
    /// The article's headline, when the archive has one.
    pub article_title: Option<String>,
    /// Where the article was published, when the archive says.
    pub article_url: Option<String>,
    /// Distinct shingles the candidate search found in common.
    pub shared_shingles: usize,
    /// Share of the article's words quoted or reused from the source.
    pub article_from_source: f64,
    /// Share of the source's words that the article carries.
    pub source_in_article: f64,
    /// The article's quotations by status (`verified`, `altered`, `not_in_source`).
    pub quotes: BTreeMap<String, usize>,
    /// The report's major differences (`differences[]` of severity `major`: another figure,
    /// a quoted word changed without a mark, a condition dropped), by kind (`number`,
    /// `date`, `quote_wording`, `scope`, ...). Minor ones (spelling, house style, a marked
    /// cut) are left out: a researcher ranking coverage asks where facts changed.
    pub differences: BTreeMap<String, usize>,
    /// The longest passage the two share as quotation or reuse.
    pub longest: Option<Passage>,
}

/// A shared passage, as the JSON report gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// `quotation` or `reuse`.
    pub kind: String,
    /// Words equal on both sides.
    pub words: usize,
    /// Byte offsets in the source text, end exclusive.
    pub source_start: usize,
    /// End of the passage in the source.
    pub source_end: usize,
    /// Byte offsets in the article text.
    pub article_start: usize,
    /// End of the passage in the article.
    pub article_end: usize,
    /// The article's words.
    pub text: String,
}

impl PairRecord {
    /// Number of the article's quotations found in the source (verified or altered).
    pub fn quotes_from_source(&self) -> usize {
        ["verified", "altered"]
            .iter()
            .filter_map(|status| self.quotes.get(*status))
            .sum()
    }
}

/// What a candidate pair must share to be kept.
///
/// A pair is kept when the article carries at least `min_share` of its words from the source,
/// or when one of its quotations shares at least `min_quote_words` words with the source. A
/// quotation shorter than that keeps nothing on its own: across thousands of releases, a
/// short quoted phrase ("said the head of the", a stock five-word turn of speech) is found in
/// some release by chance, and a researcher ranking coverage would read each such pair as a
/// use of the release that never happened (on 10,000 generated releases and 10,000 articles,
/// more than half the kept pairs were of that kind). A quotation that long still counts
/// with most of the article taken elsewhere: a one-sentence quote in a long story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keeping {
    /// Share of the article that keeps a pair without a quotation.
    pub min_share: f64,
    /// Fewest words one quotation must share with the source to keep the pair.
    pub min_quote_words: usize,
}

impl Keeping {
    /// Ten words: a quoted clause, longer than a stock phrase or a name with its title. (On
    /// 10,000 generated releases and 10,000 articles, where every planted pair also carries
    /// at least a tenth of its article, 4,440 pairs besides the 3,132 planted were kept with
    /// no length asked of the quotation; 1,090 with eight words, 413 with ten, 188 with
    /// twelve: all of them releases whose generated text repeats a run of the novels.)
    pub const DEFAULT_QUOTE_WORDS: usize = 10;

    /// Whether a pair is kept, from the share of the article it carries and the words its
    /// best quotation shares with the source (0: no quotation found in the source).
    pub fn keeps(&self, article_share: f64, quotation_words: usize) -> bool {
        article_share >= self.min_share
            || (quotation_words > 0 && quotation_words >= self.min_quote_words)
    }
}

/// The record of a pair from its JSON report (`report`), or `None` when the pair is not
/// kept ([`Keeping`]).
pub fn from_report(
    report: &Value,
    source: &Entry,
    article: &Entry,
    shared_shingles: usize,
    keeping: &Keeping,
) -> Option<PairRecord> {
    let share = |name| report["stats"][name].as_f64().unwrap_or(0.0);
    let mut quotes = BTreeMap::new();
    for quote in report["quotes"].as_array().into_iter().flatten() {
        if let Some(status) = quote["status"].as_str() {
            *quotes.entry(status.to_string()).or_insert(0) += 1;
        }
    }
    let mut differences = BTreeMap::new();
    for difference in report["differences"].as_array().into_iter().flatten() {
        if difference["severity"] == "major" {
            if let Some(kind) = difference["kind"].as_str() {
                *differences.entry(kind.to_string()).or_insert(0) += 1;
            }
        }
    }
    let record = PairRecord {
        source_id: source.id.clone(),
        article_id: article.id.clone(),
        source_date: source.date.clone(),
        article_date: article.date.clone(),
        article_title: article.title.clone(),
        article_url: article.url.clone(),
        shared_shingles,
        article_from_source: share("article_from_source"),
        source_in_article: share("source_in_article"),
        quotes,
        differences,
        longest: longest_passage(report),
    };
    let kept = keeping.keeps(record.article_from_source, best_quotation_words(report));
    kept.then_some(record)
}

/// The most words one verified or altered quotation of the report shares with the source
/// (the shared words of the matches inside it).
fn best_quotation_words(report: &Value) -> usize {
    let matches = report["matches"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let shared_words = |id: &Value| {
        matches
            .iter()
            .find(|m| m["id"] == *id)
            .and_then(|m| m["shared_words"].as_u64())
            .unwrap_or(0) as usize
    };
    report["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|q| matches!(q["status"].as_str(), Some("verified" | "altered")))
        .map(|q| {
            let ids = q["matches"].as_array().map(Vec::as_slice).unwrap_or(&[]);
            ids.iter().map(shared_words).sum()
        })
        .max()
        .unwrap_or(0)
}

/// The quotation or reuse match with the most shared words (the first of equals).
fn longest_passage(report: &Value) -> Option<Passage> {
    let mut best: Option<Passage> = None;
    for m in report["matches"].as_array().into_iter().flatten() {
        let kind = m["kind"].as_str().unwrap_or_default();
        if kind == "paraphrase" {
            continue;
        }
        let words = m["shared_words"].as_u64().unwrap_or(0) as usize;
        if best.as_ref().is_some_and(|b| b.words >= words) {
            continue;
        }
        let offset = |side: &str, end: &str| m[side][end].as_u64().unwrap_or(0) as usize;
        best = Some(Passage {
            kind: kind.to_string(),
            words,
            source_start: offset("source", "start"),
            source_end: offset("source", "end"),
            article_start: offset("article", "start"),
            article_end: offset("article", "end"),
            text: m["article"]["text"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        });
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, CompareOptions, Document};

    fn entry(id: &str, text: &str) -> Entry {
        Entry::of_text(id, text)
    }

    fn record_of(source: &str, article: &str, min_share: f64) -> Option<PairRecord> {
        let keeping = Keeping {
            min_share,
            min_quote_words: Keeping::DEFAULT_QUOTE_WORDS,
        };
        kept_by(source, article, &keeping)
    }

    fn kept_by(source: &str, article: &str, keeping: &Keeping) -> Option<PairRecord> {
        let comparison = compare(
            Document::from_text("s", source),
            Document::from_text("a", article),
            &CompareOptions::default(),
        );
        let report = crate::report::json::to_value(&comparison, None);
        from_report(
            &report,
            &entry("s", source),
            &entry("a", article),
            3,
            keeping,
        )
    }

    const RELEASE: &str = "The city will hire 200 new teachers for the autumn term. \
        \"Every child deserves a full classroom of attention,\" the mayor said. \
        Funding comes from the state education budget approved in March.";

    #[test]
    fn a_quoting_article_is_kept_with_its_quotation_and_longest_passage() {
        let article = "Schools are short of staff across the region this year. The mayor \
            promised help: \"Every child deserves a full classroom of attention,\" she said, \
            announcing 300 new teachers. Unions welcomed the news but asked for more money \
            and better pay for the staff already working in the schools of the region.";
        let record = record_of(RELEASE, article, 0.05).expect("kept");
        assert_eq!(record.quotes.get("verified"), Some(&1));
        let longest = record.longest.expect("a shared passage");
        assert_eq!(longest.kind, "quotation");
        assert_eq!(longest.words, 8);
        assert_eq!(
            &article[longest.article_start..longest.article_end],
            longest.text
        );
        assert_eq!(
            &RELEASE[longest.source_start..longest.source_end],
            longest.text
        );
    }

    #[test]
    fn differences_count_the_major_ones_of_the_report_by_kind() {
        // A quoted word changed without a mark is a major `quote_wording` difference (no
        // detail has that kind), the other figure a major `number` one.
        let article = "Schools are short of staff across the region this year. The mayor \
            promised help: \"Every child deserves a small classroom of attention,\" she said, \
            announcing that the city will hire 300 new teachers for the autumn term.";
        let record = record_of(RELEASE, article, 0.05).expect("kept for its quotation");
        let expected: BTreeMap<String, usize> =
            [("number".to_string(), 1), ("quote_wording".to_string(), 1)].into();
        assert_eq!(record.differences, expected);
    }

    #[test]
    fn minor_differences_are_not_counted() {
        // "labor" told as "labour" inside the quotation: a spelling change, minor.
        let source = "The minister spoke on Monday. \"Our labor plan protects every worker in \
            the country,\" she said.";
        let article = "The minister defended her record. \"Our labour plan protects every \
            worker in the country,\" she said on Monday.";
        let record = record_of(source, article, 0.05).expect("kept for its quotation");
        assert_eq!(record.differences, BTreeMap::new());
    }

    #[test]
    fn an_article_sharing_nothing_is_not_kept() {
        let article = "The weather stayed dry all week, and farmers in the valley began \
            the harvest early, hoping to beat the rain forecast for the weekend.";
        assert_eq!(record_of(RELEASE, article, 0.05), None);
    }

    const FERRY: &str = "The harbour board approved the new ferry timetable on Tuesday. \
        \"We will run a boat every twenty minutes from the first of May until the end of \
        September,\" the chair said. Tickets will cost the same as last year.";

    #[test]
    fn a_pair_is_kept_on_a_quotation_alone_only_when_it_is_long_enough() {
        // Half the article must come from the release to keep it without a quotation: here
        // only a quotation can keep it.
        let (min_share, short_ok) = (0.5, 1);
        let story = |quoted: &str| {
            format!(
                "Island families have waited years for a better service. \"{quoted}\" the \
                 chair promised, to cheers from the commuters who had packed the small hall \
                 on the quay for the evening meeting."
            )
        };
        // Six words of the release's quotation: found in it, but a phrase any release
        // could hold.
        let short = story("Every twenty minutes from the first of May,");
        let any_quote = Keeping {
            min_share,
            min_quote_words: short_ok,
        };
        let found = kept_by(FERRY, &short, &any_quote).expect("the phrase is in the release");
        assert_eq!(found.quotes.get("verified"), Some(&1));
        assert_eq!(record_of(FERRY, &short, min_share), None);
        // The whole sentence, eighteen words: kept.
        let full = story(
            "We will run a boat every twenty minutes from the first of May until the end of \
             September,",
        );
        let record = record_of(FERRY, &full, min_share).expect("kept on its quotation");
        assert!(record.article_from_source < min_share);
        assert_eq!(record.quotes_from_source(), 1);
    }
}
