//! The JSON report: the contract other tools read (`docs/report-format.md`).
//!
//! Field names here are a public interface: add fields freely, rename none. The report is
//! a tree of borrowed views serialised straight to the output (building a `serde_json::Value`
//! first cost more than the comparison itself on a long article with thousands of quotes).

use serde::Serialize;
use serde_json::Value;

use crate::compare::{Comparison, Edit, Match, QuoteFinding};
use crate::comparison::Difference;
use crate::details::Detail;
use crate::review::{Entry, Review};
use crate::span::Span;

/// A span with the text it covers.
#[derive(Serialize)]
struct TextSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> TextSpan<'a> {
    fn new(span: Span, text: &'a str) -> Self {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.slice(text),
        }
    }
    fn optional(span: Option<Span>, text: &'a str) -> Option<Self> {
        span.map(|s| TextSpan::new(s, text))
    }
}

#[derive(Serialize)]
struct EditView<'a> {
    op: &'static str,
    source: Option<TextSpan<'a>>,
    article: Option<TextSpan<'a>>,
    marked: Option<&'static str>,
    /// Only a splice has places: absent elsewhere, so other edits read as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    places: Option<[TextSpan<'a>; 2]>,
}

#[derive(Serialize)]
struct MatchView<'a> {
    id: usize,
    kind: &'static str,
    fidelity: &'static str,
    score: f64,
    source: TextSpan<'a>,
    article: TextSpan<'a>,
    edits: Vec<EditView<'a>>,
    quote: Option<usize>,
    shared_words: usize,
    verdict: Option<&'static str>,
    note: Option<String>,
}

#[derive(Serialize)]
struct QuoteView<'a> {
    id: usize,
    status: &'static str,
    article: TextSpan<'a>,
    #[serde(rename = "match")]
    first_match: Option<usize>,
    matches: &'a [usize],
    speaker: Option<&'a str>,
    speaker_kind: Option<&'static str>,
    speaker_span: Option<TextSpan<'a>>,
    coverage: f64,
    changes: Vec<EditView<'a>>,
    source: Option<TextSpan<'a>>,
    /// The reviewer's verdict on a quotation without a match (a stop of its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize)]
struct DetailView<'a> {
    id: usize,
    kind: &'static str,
    relation: &'static str,
    note: String,
    source: Option<TextSpan<'a>>,
    article: Option<TextSpan<'a>>,
    #[serde(rename = "match")]
    match_id: Option<usize>,
}

#[derive(Serialize)]
struct DocumentView<'a> {
    name: &'a str,
    bytes: usize,
    words: usize,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct ReviewView {
    reviewed: usize,
    total: usize,
}

#[derive(Serialize)]
struct StatsView {
    article_from_source: f64,
    source_in_article: f64,
    article_paraphrased: f64,
    source_paraphrased: f64,
}

#[derive(Serialize)]
struct DifferenceView<'a> {
    id: usize,
    kind: &'static str,
    severity: &'static str,
    source: Option<TextSpan<'a>>,
    article: Option<TextSpan<'a>>,
    #[serde(rename = "match")]
    match_id: Option<usize>,
    detail: Option<usize>,
    note: String,
}

/// The whole report, borrowing from the comparison.
#[derive(Serialize)]
struct ReportView<'a> {
    tool: Tool,
    source: DocumentView<'a>,
    article: DocumentView<'a>,
    matches: Vec<MatchView<'a>>,
    quotes: Vec<QuoteView<'a>>,
    details: Vec<DetailView<'a>>,
    differences: Vec<DifferenceView<'a>>,
    review: Option<ReviewView>,
    stats: StatsView,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn edit_view<'a>(e: &Edit, src: &'a str, art: &'a str) -> EditView<'a> {
    EditView {
        op: e.op.as_str(),
        source: TextSpan::optional(e.source, src),
        article: TextSpan::optional(e.article, art),
        marked: e.marked.map(|m| m.as_str()),
        places: e
            .places
            .map(|[first, second]| [TextSpan::new(first, src), TextSpan::new(second, src)]),
    }
}

fn view<'a>(c: &'a Comparison, review: Option<&Review>) -> ReportView<'a> {
    let texts = (c.source.text.as_str(), c.article.text.as_str());
    ReportView {
        tool: Tool {
            name: "quotediff",
            version: env!("CARGO_PKG_VERSION"),
        },
        source: DocumentView {
            name: &c.source.name,
            bytes: c.source.bytes(),
            words: c.stats.source_words,
        },
        article: DocumentView {
            name: &c.article.name,
            bytes: c.article.bytes(),
            words: c.stats.article_words,
        },
        matches: c
            .matches
            .iter()
            .map(|m| match_view(m, texts, review.map(|r| r.entry(m))))
            .collect(),
        quotes: c
            .quotes
            .iter()
            .map(|q| quote_view(q, c, texts, review.and_then(|r| r.quotation_entry(q))))
            .collect(),
        details: c.details.iter().map(|d| detail_view(d, texts)).collect(),
        differences: c
            .differences
            .iter()
            .map(|d| difference_view(d, texts))
            .collect(),
        review: review.map(|r| {
            let (reviewed, total) = r.progress(c);
            ReviewView { reviewed, total }
        }),
        stats: StatsView {
            article_from_source: round(c.stats.article_from_source, 4),
            source_in_article: round(c.stats.source_in_article, 4),
            article_paraphrased: round(c.stats.article_paraphrased, 4),
            source_paraphrased: round(c.stats.source_paraphrased, 4),
        },
    }
}

/// A match with the reviewer's `entry` on it, if there is a review.
fn match_view<'a>(
    m: &'a Match,
    (src, art): (&'a str, &'a str),
    entry: Option<Entry>,
) -> MatchView<'a> {
    MatchView {
        id: m.id,
        kind: m.kind.as_str(),
        fidelity: m.fidelity.as_str(),
        score: round(m.score, 3),
        source: TextSpan::new(m.source, src),
        article: TextSpan::new(m.article, art),
        edits: m.edits.iter().map(|e| edit_view(e, src, art)).collect(),
        quote: m.quote.map(|q| q + 1),
        shared_words: m.shared_words,
        verdict: entry.as_ref().map(|e| e.verdict.as_str()),
        note: entry.and_then(|e| e.note),
    }
}

/// A quotation with the reviewer's `entry` on it when it is a stop of its own.
fn quote_view<'a>(
    q: &'a QuoteFinding,
    c: &'a Comparison,
    (src, art): (&'a str, &'a str),
    entry: Option<Entry>,
) -> QuoteView<'a> {
    QuoteView {
        verdict: entry.as_ref().map(|e| e.verdict.as_str()),
        note: entry.and_then(|e| e.note),
        id: q.id,
        status: q.status.as_str(),
        article: TextSpan::new(q.article, art),
        first_match: q.matches.first().copied(),
        matches: &q.matches,
        speaker: q.speaker.as_deref(),
        speaker_kind: q.speaker_kind.map(|k| k.as_str()),
        speaker_span: TextSpan::optional(q.speaker_span, art),
        coverage: round(q.coverage, 3),
        changes: q
            .matches
            .iter()
            .filter_map(|id| c.match_by_id(*id))
            .flat_map(|m| m.edits.iter())
            .filter(|e| e.within(q.article))
            .map(|e| edit_view(e, src, art))
            .collect(),
        source: TextSpan::optional(
            q.source_phrase.or_else(|| {
                let first = q.matches.first().and_then(|id| c.match_by_id(*id))?;
                Some(first.source)
            }),
            src,
        ),
    }
}

fn detail_view<'a>(d: &'a Detail, (src, art): (&'a str, &'a str)) -> DetailView<'a> {
    DetailView {
        id: d.id,
        kind: d.kind.as_str(),
        relation: d.relation.as_str(),
        note: d.note.to_string(),
        source: TextSpan::optional(d.source, src),
        article: TextSpan::optional(d.article, art),
        match_id: d.match_id,
    }
}

fn difference_view<'a>(d: &'a Difference, (src, art): (&'a str, &'a str)) -> DifferenceView<'a> {
    DifferenceView {
        id: d.id,
        kind: d.kind.as_str(),
        severity: d.severity.as_str(),
        source: TextSpan::optional(d.source, src),
        article: TextSpan::optional(d.article, art),
        match_id: d.match_id,
        detail: d.detail_id,
        note: d.note(),
    }
}

/// The report as a JSON value, for tools that embed it (the HTML report, tests).
pub fn to_value(c: &Comparison, review: Option<&Review>) -> Value {
    serde_json::to_value(view(c, review)).unwrap_or(Value::Null)
}

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write(
    c: &Comparison,
    review: Option<&Review>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    // The formatter writes a few bytes at a time: a buffer of a known type takes them without
    // a call through `dyn Write` each (a long report has hundreds of thousands).
    use std::io::Write as _;
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, out);
    serde_json::to_writer_pretty(&mut buffered, &view(c, review))?;
    writeln!(buffered)?;
    buffered.flush()
}
