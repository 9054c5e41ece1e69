//! Fuzzes the engine and the reports: any two texts must compare without a panic, every span
//! must lie on character boundaries inside its text, ids must be dense, and the three reports
//! must render.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotediff::report::{self, Format};
use quotediff::{compare, CompareOptions, Document};

fuzz_target!(|data: &[u8]| {
    // The first 0xff byte (never valid UTF-8) separates the source from the article.
    let split = data
        .iter()
        .position(|&b| b == 0xff)
        .unwrap_or(data.len() / 2);
    let (source, article) = data.split_at(split);
    let article = article.get(1..).unwrap_or_default();
    let source = Document::from_text("source", String::from_utf8_lossy(source));
    let article = Document::from_text("article", String::from_utf8_lossy(article));
    let c = compare(source, article, &CompareOptions::default());
    let on_boundaries = |span: quotediff::Span, text: &str| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for (i, m) in c.matches.iter().enumerate() {
        assert_eq!(m.id, i + 1);
        assert!(on_boundaries(m.source, &c.source.text));
        assert!(on_boundaries(m.article, &c.article.text));
    }
    for (i, q) in c.quotes.iter().enumerate() {
        assert_eq!(q.id, i + 1);
        assert!(on_boundaries(q.article, &c.article.text));
        assert!(on_boundaries(q.outer, &c.article.text));
    }
    for format in [Format::Text, Format::Json, Format::Html] {
        let mut out = Vec::new();
        report::write(&c, None, format, &mut out).expect("writing to memory");
    }
});
