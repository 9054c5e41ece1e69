//! The JSON report: the contract other tools read (`docs/report-format.md`).
//!
//! Field names here are a public interface: add fields freely, rename none.

use serde_json::{json, Value};

use crate::compare::{Comparison, Edit, Match, QuoteFinding};
use crate::details::Detail;
use crate::review::Review;
use crate::span::Span;

/// The report as a JSON value.
pub fn to_value(c: &Comparison, review: Option<&Review>) -> Value {
    let src = &c.source.text;
    let art = &c.article.text;
    let span = |s: Span, text: &str| json!({"start": s.start, "end": s.end, "text": s.slice(text)});
    let opt_span = |s: Option<Span>, text: &str| s.map_or(Value::Null, |s| span(s, text));
    let edit = |e: &Edit| {
        json!({
            "op": e.op.as_str(),
            "source": opt_span(e.source, src),
            "article": opt_span(e.article, art),
            "marked": e.marked.map(|m| m.as_str()),
        })
    };
    let matches: Vec<Value> = c
        .matches
        .iter()
        .map(|m: &Match| {
            json!({
                "id": m.id,
                "kind": m.kind.as_str(),
                "fidelity": m.fidelity.as_str(),
                "score": (m.score * 1000.0).round() / 1000.0,
                "source": span(m.source, src),
                "article": span(m.article, art),
                "edits": m.edits.iter().map(edit).collect::<Vec<_>>(),
                "quote": m.quote.map(|q| q + 1),
                "shared_words": m.shared_words,
                "verdict": review.map(|r| r.entry(m).verdict.as_str()),
                "note": review.and_then(|r| r.entry(m).note),
            })
        })
        .collect();
    let quotes: Vec<Value> = c
        .quotes
        .iter()
        .map(|q: &QuoteFinding| {
            let changes: Vec<Value> = q
                .matches
                .iter()
                .filter_map(|id| c.match_by_id(*id))
                .flat_map(|m| m.edits.iter().map(edit))
                .collect();
            json!({
                "id": q.id,
                "status": q.status.as_str(),
                "article": span(q.article, art),
                "match": q.matches.first(),
                "matches": q.matches,
                "speaker": q.speaker,
                "coverage": (q.coverage * 1000.0).round() / 1000.0,
                "changes": changes,
            })
        })
        .collect();
    let details: Vec<Value> = c
        .details
        .iter()
        .map(|d: &Detail| {
            json!({
                "id": d.id,
                "kind": d.kind.as_str(),
                "relation": d.relation.as_str(),
                "note": d.note,
                "source": opt_span(d.source, src),
                "article": opt_span(d.article, art),
                "match": d.match_id,
            })
        })
        .collect();
    let round = |x: f64| (x * 10000.0).round() / 10000.0;
    json!({
        "tool": {"name": "quotediff", "version": env!("CARGO_PKG_VERSION")},
        "source": {"name": c.source.name, "bytes": c.source.bytes(), "words": c.stats.source_words},
        "article": {"name": c.article.name, "bytes": c.article.bytes(), "words": c.stats.article_words},
        "matches": matches,
        "quotes": quotes,
        "details": details,
        "review": review.map(|r| json!({"reviewed": r.reviewed(c), "total": c.matches.len()})),
        "stats": {
            "article_from_source": round(c.stats.article_from_source),
            "source_in_article": round(c.stats.source_in_article),
            "article_paraphrased": round(c.stats.article_paraphrased),
        },
    })
}

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write(
    c: &Comparison,
    review: Option<&Review>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(c, review))?;
    writeln!(out)
}
