//! The text report: a listing a person scans in a terminal or pastes into an e-mail.
//!
//! Quotations come first (what a fact-checker asks first: is each quotation in the source,
//! and faithful?), then every shared passage with its word-level changes, then the details.
//! The report goes to a terminal as often as to a file, so every control character other
//! than tab and line feed (escape sequences in a document or a file name) is written escaped
//! (`\u{1b}`), never raw.

use std::io::Write;

use crate::comparison::Difference;
use crate::comparison::{describe_edit, Comparison, EditPart, Fidelity, Match, QuoteStatus};
use crate::report::one_line;
use crate::review::{Review, Verdict};
use crate::span::Span;

const WIDTH: usize = 96;

/// Writes the text report, control characters escaped.
pub fn write(c: &Comparison, review: Option<&Review>, out: &mut dyn Write) -> std::io::Result<()> {
    let out = &mut Escaped::new(out);
    let report = Report { c, review };
    report.header(out)?;
    report.quotations(out)?;
    write_differences(c, out)?;
    report.matches(out)?;
    write_details(c, out)
}

/// What the sections that show the reviewer's verdicts read: the comparison and the review.
struct Report<'a> {
    c: &'a Comparison,
    review: Option<&'a Review>,
}

impl Report<'_> {
    /// The two documents, the coverage, the counts and who is quoted.
    fn header(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let (c, review) = (self.c, self.review);
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
            "  {}: {} verified, {} altered, {} not in the source; {}.",
            counted(c.quotes.len(), "quotation", "quotations"),
            count(QuoteStatus::Verified),
            count(QuoteStatus::Altered),
            count(QuoteStatus::NotInSource),
            counted(c.matches.len(), "shared passage", "shared passages")
        )?;
        if let Some(r) = review {
            let (reviewed, stops) = r.progress(c);
            writeln!(
                out,
                "  Reviewed: {reviewed}/{stops} (matches and quotations without one)."
            )?;
        }

        let quoted = crate::report::speakers::who_is_quoted(c);
        if !quoted.is_empty() {
            writeln!(out)?;
            writeln!(out, "WHO IS QUOTED")?;
            for r in &quoted {
                let label = crate::report::speakers::label(r);
                let tally = crate::report::speakers::tally(r);
                writeln!(out, "  {label} · {tally}")?;
            }
        }
        Ok(())
    }

    /// Every quotation with its status, speaker and matches.
    fn quotations(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let (c, review) = (self.c, self.review);
        heading(out, "QUOTATIONS", c.quotes.is_empty().then_some("(none)"))?;
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
            // A quotation without a match is a stop of its own: its verdict is here.
            if let Some(entry) = review.and_then(|r| r.quotation_entry(q)) {
                write_verdict(&entry, out)?;
            }
        }
        Ok(())
    }

    /// Every shared passage with its changes and the reviewer's verdict.
    fn matches(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let (c, review) = (self.c, self.review);
        let none = "(none: the two documents share no passage)";
        heading(out, "SHARED PASSAGES", c.matches.is_empty().then_some(none))?;
        for m in &c.matches {
            write_match(c, m, out)?;
            if let Some(entry) = review.map(|r| r.entry(m)) {
                write_verdict(&entry, out)?;
            }
        }
        Ok(())
    }
}

/// One side of a detail or a difference: its words in quotation marks on one line, or a dash
/// when that side has none.
fn side(span: Option<Span>, text: &str) -> String {
    span.map_or("—".to_string(), |sp| {
        format!("“{}”", one_line(sp.slice(text)))
    })
}

/// The first line of a detail, a difference or a match: its letter and id ("D12 "), then
/// its fields between middle dots.
fn item_line(
    out: &mut dyn Write,
    letter: char,
    id: usize,
    fields: &[String],
) -> std::io::Result<()> {
    writeln!(out, "  {letter}{id:<3} {}", fields.join(" · "))
}

/// A section's title after a blank line, and what stands for an empty section.
fn heading(out: &mut dyn Write, title: &str, empty: Option<&str>) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")?;
    if let Some(none) = empty {
        writeln!(out, "  {none}")?;
    }
    Ok(())
}

/// The reviewer's verdict and note on a stop, when there is one.
fn write_verdict(entry: &crate::review::Entry, out: &mut dyn Write) -> std::io::Result<()> {
    if entry.verdict != Verdict::Unreviewed || entry.note.is_some() {
        let note = entry
            .note
            .as_ref()
            .map(|n| format!(" · note: {n}"))
            .unwrap_or_default();
        writeln!(out, "        verdict: {}{note}", entry.verdict.as_str())?;
    }
    Ok(())
}

/// The related details, each with both sides and its note.
fn write_details(c: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    if !c.details.is_empty() {
        writeln!(out)?;
        writeln!(out, "DETAILS")?;
        for d in &c.details {
            let fields = [
                d.kind.as_str().to_string(),
                d.relation.as_str().to_string(),
                format!("source {}", side(d.source, &c.source.text)),
                format!("article {}", side(d.article, &c.article.text)),
            ];
            item_line(out, 'D', d.id, &fields)?;
            let note = d.note.to_string();
            if !note.is_empty() {
                writeln!(out, "        {note}")?;
            }
        }
    }
    Ok(())
}

/// The differences, major first, each with both sides: what a fact-checker reads first
/// after the quotations.
fn write_differences(c: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    heading(
        out,
        "DIFFERENCES",
        c.differences.is_empty().then_some("(none found)"),
    )?;
    if c.differences.is_empty() {
        return Ok(());
    }
    let mut ranked: Vec<&Difference> = c.differences.iter().collect();
    ranked.sort_by_key(|d| d.severity);
    for d in ranked {
        let mut fields = vec![d.severity.as_str().to_string(), d.kind.as_str().to_string()];
        fields.extend(d.match_id.map(|id| format!("M{id}")));
        item_line(out, 'X', d.id, &fields)?;
        wrap_into(out, &d.note(), "        ")?;
        wrap_into(
            out,
            &format!("source:  {}", side(d.source, &c.source.text)),
            "        ",
        )?;
        wrap_into(
            out,
            &format!("article: {}", side(d.article, &c.article.text)),
            "        ",
        )?;
    }
    Ok(())
}

fn write_match(c: &Comparison, m: &Match, out: &mut dyn Write) -> std::io::Result<()> {
    let fields = [
        m.kind.as_str().to_string(),
        m.fidelity.as_str().to_string(),
        format!("score {:.2}", m.score),
        format!("{} words", m.shared_words),
        format!("source {}..{}", m.source.start, m.source.end),
        format!("article {}..{}", m.article.start, m.article.end),
    ];
    item_line(out, 'M', m.id, &fields)?;
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

/// "1 shared passage", "2 shared passages".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A writer that escapes control characters on their way to `inner`: C0 controls but tab
/// and line feed, DEL, and the C1 controls (U+0080 to U+009F, which some terminals obey
/// too) become `\u{..}`. The report's own text holds none, so only what came from a
/// document or a file name is touched.
struct Escaped<'w> {
    inner: &'w mut dyn Write,
    /// A 0xC2 byte seen at the end of the last write: the first half of a C1 control, or of
    /// an ordinary character such as "é"'s neighbours.
    pending_c2: bool,
}

impl<'w> Escaped<'w> {
    fn new(inner: &'w mut dyn Write) -> Self {
        Escaped {
            inner,
            pending_c2: false,
        }
    }
}

impl Write for Escaped<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut out = Vec::with_capacity(bytes.len());
        for &b in bytes {
            if std::mem::take(&mut self.pending_c2) {
                if (0x80..0xa0).contains(&b) {
                    write!(out, "\\u{{{b:x}}}")?;
                    continue;
                }
                out.push(0xc2);
            }
            match b {
                b'\t' | b'\n' => out.push(b),
                0x00..=0x1f | 0x7f => write!(out, "\\u{{{b:x}}}")?,
                0xc2 => self.pending_c2 = true,
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.pending_c2) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(pieces: &[&[u8]]) -> String {
        let mut out = Vec::new();
        let mut writer = Escaped::new(&mut out);
        for piece in pieces {
            writer.write_all(piece).unwrap();
        }
        writer.flush().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn control_characters_are_escaped_and_text_is_not() {
        assert_eq!(
            escaped(&[b"a\x1b]0;owned\x07b\tc\n\r\x7f"]),
            "a\\u{1b}]0;owned\\u{7}b\tc\n\\u{d}\\u{7f}"
        );
        // A C1 control split across two writes, and a "©" (C2 A9) that stays.
        assert_eq!(
            escaped(&[
                "x\u{9b}".as_bytes().split_at(2).0,
                &[0x9b],
                "31m \u{a9}".as_bytes()
            ]),
            "x\\u{9b}31m \u{a9}"
        );
    }
}
