//! The "who is quoted" summary: each speaker, how many quotations, and how many of them are
//! verified, altered or not in the source.
//!
//! A reviewer reads a quotation not in the source as a pointer: whose other statements to
//! check next. The text and HTML reports and the interface all show this one tally.

use crate::compare::{Comparison, QuoteStatus};
use crate::quotes::SpeakerKind;

/// One speaker's quotations.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted {
    /// The speaker as the quotations name it; `None` gathers the quotations nobody is named for.
    pub speaker: Option<String>,
    /// Person, organisation or document.
    pub kind: Option<SpeakerKind>,
    /// Number of quotations.
    pub quotations: usize,
    /// Of which in the source word for word.
    pub verified: usize,
    /// Of which in the source with words changed.
    pub altered: usize,
    /// Of which not in the source.
    pub not_in_source: usize,
}

/// Speakers by number of quotations (most first, then in order of first quotation); the
/// quotations without a speaker last.
pub fn who_is_quoted(c: &Comparison) -> Vec<Quoted> {
    let mut out: Vec<Quoted> = Vec::new();
    for q in &c.quotes {
        let row = match out.iter().position(|r| r.speaker == q.speaker) {
            Some(i) => &mut out[i],
            None => {
                out.push(Quoted {
                    speaker: q.speaker.clone(),
                    kind: q.speaker_kind,
                    quotations: 0,
                    verified: 0,
                    altered: 0,
                    not_in_source: 0,
                });
                out.last_mut().expect("just pushed")
            }
        };
        row.quotations += 1;
        match q.status {
            QuoteStatus::Verified => row.verified += 1,
            QuoteStatus::Altered => row.altered += 1,
            QuoteStatus::NotInSource => row.not_in_source += 1,
        }
    }
    // A stable sort keeps first-quotation order among equals.
    out.sort_by_key(|r| (r.speaker.is_none(), std::cmp::Reverse(r.quotations)));
    out
}

/// "3 quotations: 2 verified, 1 not in the source" for one row.
pub fn tally(r: &Quoted) -> String {
    let mut parts = Vec::new();
    for (n, what) in [
        (r.verified, "verified"),
        (r.altered, "altered"),
        (r.not_in_source, "not in the source"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    let noun = if r.quotations == 1 {
        "quotation"
    } else {
        "quotations"
    };
    format!("{} {noun}: {}", r.quotations, parts.join(", "))
}

/// The row's speaker for display: its name and kind, or "no speaker named".
pub fn label(r: &Quoted) -> String {
    match (&r.speaker, r.kind) {
        (Some(name), Some(kind)) if kind != SpeakerKind::Person => {
            format!("{name} ({})", kind.as_str())
        }
        (Some(name), _) => name.clone(),
        (None, _) => "no speaker named".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::report::{write, Format};
    use crate::{compare, CompareOptions, Document};

    fn report(format: Format) -> String {
        let source = Document::from_text(
            "source.txt",
            "The city will open three new shelters before the winter begins in earnest.",
        );
        let article = Document::from_text(
            "article.txt",
            "“The city will open three new shelters before the winter begins,” Mayor Tom Reed \
             said on Monday.\n\n“Nobody will sleep outside this year,” Reed added.\n\n\
             The council’s statement read: “We support the plan.”",
        );
        let c = compare(source, article, &CompareOptions::default());
        let mut out = Vec::new();
        write(&c, None, format, &mut out).expect("written to memory");
        String::from_utf8(out).expect("reports are UTF-8")
    }

    #[test]
    fn text_report_says_who_is_quoted() {
        let text = report(Format::Text);
        let summary = text.split("WHO IS QUOTED").nth(1).expect("a summary");
        assert!(
            summary.contains("Tom Reed · 2 quotations: 1 verified, 1 not in the source"),
            "{summary}"
        );
        assert!(
            summary.contains("the statement (document) · 1 quotation: 1 not in the source"),
            "{summary}"
        );
    }

    #[test]
    fn html_report_says_who_is_quoted() {
        let html = report(Format::Html);
        let summary = html
            .split("<h2>Who is quoted</h2>")
            .nth(1)
            .expect("a summary");
        assert!(
            summary.contains(
                "<td>Tom Reed</td><td>2 quotations: 1 verified, 1 not in the source</td>"
            ),
            "{summary}"
        );
    }

    #[test]
    fn json_report_gives_speaker_kind_and_mention() {
        let json = report(Format::Json);
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let q = &v["quotes"][1];
        assert_eq!(q["speaker"], "Tom Reed");
        assert_eq!(q["speaker_kind"], "person");
        assert_eq!(q["speaker_span"]["text"], "Reed");
    }
}
