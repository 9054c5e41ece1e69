//! The text report: a listing a person scans in a terminal or pastes into an e-mail.
//!
//! Quotations come first (what a fact-checker asks first: is each quotation in the source,
//! and faithful?), then every shared passage with its word-level changes, then the details.

use std::io::Write;

use crate::comparison::{describe_edit, Comparison, EditPart, Fidelity, Match, QuoteStatus};
use crate::report::one_line;
use crate::review::{Review, Verdict};
use crate::span::Span;

const WIDTH: usize = 96;

/// Writes the text report.
pub fn write(c: &Comparison, review: Option<&Review>, out: &mut dyn Write) -> std::io::Result<()> {
    let s = &c.stats;
    writeln!(out, "quotediff report")?;
    writeln!(
        out,
        "  source   {} ({} bytes, {} words)",
        c.source.name,
        c.source.bytes(),
        s.source_words
    )?;
    writeln!(
        out,
        "  article  {} ({} bytes, {} words)",
        c.article.name,
        c.article.bytes(),
        s.article_words
    )?;
    writeln!(
        out,
        "  {:.0}% of the article comes from the source; the article carries {:.0}% of the source.",
        s.article_from_source * 100.0,
        s.source_in_article * 100.0
    )?;
    let count = |st: QuoteStatus| c.quotes.iter().filter(|q| q.status == st).count();
    writeln!(
        out,
        "  {} quotations: {} verified, {} altered, {} not in the source; {} shared passages.",
        c.quotes.len(),
        count(QuoteStatus::Verified),
        count(QuoteStatus::Altered),
        count(QuoteStatus::NotInSource),
        c.matches.len()
    )?;
    if let Some(r) = review {
        writeln!(
            out,
            "  Reviewed: {}/{} matches.",
            r.reviewed(c),
            c.matches.len()
        )?;
    }

    writeln!(out)?;
    writeln!(out, "QUOTATIONS")?;
    if c.quotes.is_empty() {
        writeln!(out, "  (none)")?;
    }
    for q in &c.quotes {
        let label = match q.status {
            QuoteStatus::Verified => "verified",
            QuoteStatus::Altered => "ALTERED",
            QuoteStatus::NotInSource => "NOT IN SOURCE",
        };
        let speaker = q
            .speaker
            .as_deref()
            .map(|sp| format!(" · speaker: {sp}"))
            .unwrap_or_default();
        let matches = if let Some(found) = q.source_phrase {
            // A one- or two-word quotation: where the source says the same words.
            format!(" · source {}..{}", found.start, found.end)
        } else if q.matches.is_empty() {
            String::new()
        } else {
            format!(
                " · {}",
                q.matches
                    .iter()
                    .map(|id| format!("M{id}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        writeln!(out, "  Q{:<3} {label}{speaker}{matches}", q.id)?;
        wrap_into(
            out,
            &format!("“{}”", one_line(q.article.slice(&c.article.text))),
            "        ",
        )?;
    }

    writeln!(out)?;
    writeln!(out, "SHARED PASSAGES")?;
    if c.matches.is_empty() {
        writeln!(out, "  (none: the two documents share no passage)")?;
    }
    for m in &c.matches {
        write_match(c, m, out)?;
        if let Some(entry) = review.map(|r| r.entry(m)) {
            if entry.verdict != Verdict::Unreviewed || entry.note.is_some() {
                let note = entry
                    .note
                    .map(|n| format!(" · note: {n}"))
                    .unwrap_or_default();
                writeln!(out, "        verdict: {}{note}", entry.verdict.as_str())?;
            }
        }
    }

    if !c.details.is_empty() {
        writeln!(out)?;
        writeln!(out, "DETAILS")?;
        for d in &c.details {
            let side = |sp: Option<Span>, text: &str| {
                sp.map_or("—".to_string(), |sp| {
                    format!("“{}”", one_line(sp.slice(text)))
                })
            };
            writeln!(
                out,
                "  D{:<3} {} · {} · source {} · article {}",
                d.id,
                d.kind.as_str(),
                d.relation.as_str(),
                side(d.source, &c.source.text),
                side(d.article, &c.article.text)
            )?;
            if !d.note.is_empty() {
                writeln!(out, "        {}", d.note)?;
            }
        }
    }
    Ok(())
}

fn write_match(c: &Comparison, m: &Match, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "  M{:<3} {} · {} · score {:.2} · {} words · source {}..{} · article {}..{}",
        m.id,
        m.kind.as_str(),
        m.fidelity.as_str(),
        m.score,
        m.shared_words,
        m.source.start,
        m.source.end,
        m.article.start,
        m.article.end
    )?;
    wrap_into(
        out,
        &format!("source:  {}", one_line(m.source.slice(&c.source.text))),
        "        ",
    )?;
    if m.fidelity != Fidelity::Exact {
        wrap_into(
            out,
            &format!("article: {}", one_line(m.article.slice(&c.article.text))),
            "        ",
        )?;
    }
    for e in &m.edits {
        let what: String = describe_edit(e, &c.source.text, &c.article.text)
            .into_iter()
            .map(|part| match part {
                EditPart::Wording(words) => words.to_string(),
                EditPart::Removed(words) | EditPart::Added(words) => {
                    format!("\u{201c}{}\u{201d}", one_line(words))
                }
            })
            .collect();
        writeln!(out, "        · {what}")?;
    }
    Ok(())
}

/// Writes `text` word-wrapped to the report width, each line after `indent`.
fn wrap_into(out: &mut dyn Write, text: &str, indent: &str) -> std::io::Result<()> {
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty()
            && line.chars().count() + 1 + word.chars().count() > WIDTH - indent.len()
        {
            writeln!(out, "{indent}{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}
