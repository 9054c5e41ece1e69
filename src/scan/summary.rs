//! The summary of a scan: per source, the articles that used it and how much; per article,
//! its sources ranked.
//!
//! Built from the records alone (not during the scan), so a resumed scan, or the Spark job's
//! output, summarises exactly like an uninterrupted one.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::record::PairRecord;

/// Both rankings of a scan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Kept pairs.
    pub pairs: usize,
    /// Sources used by at least one article, the most used first.
    pub sources: Vec<SourceUse>,
    /// Articles with at least one source, the one taking most from a source first.
    pub articles: Vec<ArticleSources>,
}

/// How one source was used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceUse {
    /// The source's id.
    pub source_id: String,
    /// Articles that used it.
    pub articles: usize,
    /// Mean share of those articles taken from it.
    pub mean_article_share: f64,
    /// The largest share of one article taken from it.
    pub max_article_share: f64,
    /// Quotations of it, across the articles.
    pub quotations: usize,
}

/// One article's sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSources {
    /// The article's id.
    pub article_id: String,
    /// Its sources, the one it takes most from first.
    pub sources: Vec<RankedSource>,
}

/// One source of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedSource {
    /// The source's id.
    pub source_id: String,
    /// Share of the article taken from it.
    pub article_from_source: f64,
    /// Share of the source the article carries.
    pub source_in_article: f64,
    /// The article's quotations found in it.
    pub quotations: usize,
}

/// Orders an article's sources: larger share first, then more quotations, then id.
fn by_rank(a: &RankedSource, b: &RankedSource) -> Ordering {
    b.article_from_source
        .total_cmp(&a.article_from_source)
        .then(b.quotations.cmp(&a.quotations))
        .then(a.source_id.cmp(&b.source_id))
}

/// Summarises a scan's records.
pub fn summarize(records: &[PairRecord]) -> Summary {
    let mut by_article: BTreeMap<&str, Vec<RankedSource>> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, Vec<&PairRecord>> = BTreeMap::new();
    for record in records {
        by_article
            .entry(&record.article_id)
            .or_default()
            .push(RankedSource {
                source_id: record.source_id.clone(),
                article_from_source: record.article_from_source,
                source_in_article: record.source_in_article,
                quotations: record.quotes_from_source(),
            });
        by_source.entry(&record.source_id).or_default().push(record);
    }
    let mut articles: Vec<ArticleSources> = by_article
        .into_iter()
        .map(|(id, mut sources)| {
            sources.sort_by(by_rank);
            ArticleSources {
                article_id: id.to_string(),
                sources,
            }
        })
        .collect();
    articles.sort_by(|a, b| by_rank(&a.sources[0], &b.sources[0]));
    let mut sources: Vec<SourceUse> = by_source
        .into_iter()
        .map(|(id, uses)| SourceUse {
            source_id: id.to_string(),
            articles: uses.len(),
            mean_article_share: round(
                uses.iter().map(|r| r.article_from_source).sum::<f64>() / uses.len() as f64,
            ),
            max_article_share: uses
                .iter()
                .map(|r| r.article_from_source)
                .fold(0.0, f64::max),
            quotations: uses.iter().map(|r| r.quotes_from_source()).sum(),
        })
        .collect();
    sources.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then(b.mean_article_share.total_cmp(&a.mean_article_share))
            .then(a.source_id.cmp(&b.source_id))
    });
    Summary {
        pairs: records.len(),
        sources,
        articles,
    }
}

/// Four decimals, as the JSON report gives shares.
fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// Writes the two rankings for a person, `limit` rows each.
pub fn write_table(summary: &Summary, limit: usize, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} pairs: {} sources used by {} articles",
        summary.pairs,
        summary.sources.len(),
        summary.articles.len()
    )?;
    writeln!(out, "\nSOURCES (most used first)")?;
    writeln!(
        out,
        "  {:>8}  {:>10}  {:>9}  {:>6}  source",
        "articles", "mean share", "max share", "quotes"
    )?;
    for source in summary.sources.iter().take(limit) {
        writeln!(
            out,
            "  {:>8}  {:>9.1}%  {:>8.1}%  {:>6}  {}",
            source.articles,
            source.mean_article_share * 100.0,
            source.max_article_share * 100.0,
            source.quotations,
            source.source_id
        )?;
    }
    more(out, summary.sources.len(), limit)?;
    writeln!(out, "\nARTICLES (largest share from one source first)")?;
    writeln!(
        out,
        "  {:>6}  {:>6}  {:>7}  article ← sources",
        "share", "quotes", "sources"
    )?;
    for article in summary.articles.iter().take(limit) {
        let top = &article.sources[0];
        let others: Vec<&str> = article.sources[1..]
            .iter()
            .map(|s| s.source_id.as_str())
            .collect();
        let others = match others.is_empty() {
            true => String::new(),
            false => format!(" (then {})", others.join(", ")),
        };
        writeln!(
            out,
            "  {:>5.1}%  {:>6}  {:>7}  {} ← {}{}",
            top.article_from_source * 100.0,
            top.quotations,
            article.sources.len(),
            article.article_id,
            top.source_id,
            others
        )?;
    }
    more(out, summary.articles.len(), limit)
}

fn more(out: &mut dyn Write, total: usize, limit: usize) -> std::io::Result<()> {
    if total > limit {
        writeln!(
            out,
            "  ... and {} more (all of them in the JSON summary)",
            total - limit
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(source: &str, article: &str, share: f64, verified: usize) -> PairRecord {
        PairRecord {
            source_id: source.into(),
            article_id: article.into(),
            source_date: None,
            article_date: None,
            article_title: None,
            article_url: None,
            shared_shingles: 5,
            article_from_source: share,
            source_in_article: share / 2.0,
            quotes: [("verified".to_string(), verified)].into_iter().collect(),
            differences: BTreeMap::new(),
            longest: None,
        }
    }

    #[test]
    fn an_article_ranks_the_source_it_takes_most_from_first() {
        let records = vec![
            record("r1", "a1", 0.10, 2),
            record("r2", "a1", 0.40, 0),
            record("r1", "a2", 0.20, 1),
        ];
        let summary = summarize(&records);
        assert_eq!(summary.pairs, 3);
        let a1 = summary
            .articles
            .iter()
            .find(|a| a.article_id == "a1")
            .expect("a1");
        assert_eq!(a1.sources[0].source_id, "r2");
        assert_eq!(summary.articles[0].article_id, "a1");
        assert_eq!(summary.sources[0].source_id, "r1");
        assert_eq!(summary.sources[0].articles, 2);
        assert_eq!(summary.sources[0].mean_article_share, 0.15);
        assert_eq!(summary.sources[0].quotations, 3);
        let mut table = Vec::new();
        write_table(&summary, 1, &mut table).expect("written");
        let table = String::from_utf8(table).expect("UTF-8");
        assert!(table.contains("a1 ← r2 (then r1)"), "{table}");
        assert!(table.contains("... and 1 more"), "{table}");
    }
}
