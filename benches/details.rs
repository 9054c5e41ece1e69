//! Speed of the paraphrase and detail passes, and of the whole comparison with and without
//! details and differences, on a large pair.
//!
//! The pair is built at bench time from `../shared/corpus/*.txt` (override with
//! `QUOTEDIFF_CORPUS`): a 1 MB source of prose, and a 200 KB article that mixes other prose
//! with retold stretches of the source (numbers and names changed), so alignment, extraction
//! and relating all have work to do. Nothing from the corpus is committed.
//!
//! Run: `cargo bench --bench details`.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use quotediff::compare::MatchKind;
use quotediff::details::{annotate, DocumentDates};
use quotediff::normalize::tokenize;
use quotediff::{compare, CompareOptions, Document};

const SOURCE_BYTES: usize = 1_000_000;
const ARTICLE_BYTES: usize = 200_000;

fn corpus() -> Vec<String> {
    let dir = std::env::var_os("QUOTEDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Cuts `text` to at most `limit` bytes at a char boundary.
fn cut(text: &str, limit: usize) -> &str {
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn pair() -> Option<(Document, Document)> {
    let texts = corpus();
    if texts.len() < 2 {
        return None;
    }
    let mut source = String::with_capacity(SOURCE_BYTES);
    for t in &texts {
        if source.len() >= SOURCE_BYTES {
            break;
        }
        source.push_str(cut(t, SOURCE_BYTES - source.len()));
    }
    // The article: paragraphs of another book, and every fifth paragraph of the source
    // retold with its numbers changed and "said" turned into "told reporters".
    let other = &texts[texts.len() - 1];
    let mut article = String::with_capacity(ARTICLE_BYTES);
    let source_paragraphs: Vec<&str> = source.split("\n\n").collect();
    let other_paragraphs: Vec<&str> = other.split("\n\n").collect();
    let mut k = 0;
    while article.len() < ARTICLE_BYTES && k < other_paragraphs.len() {
        article.push_str(other_paragraphs[k]);
        article.push_str("\n\n");
        if k % 2 == 0 {
            if let Some(p) = source_paragraphs.get(k * 5 % source_paragraphs.len().max(1)) {
                let retold = p
                    .replace("said", "told reporters")
                    .replace(" two ", " three ")
                    .replace(" one ", " a single ");
                article.push_str(&retold);
                article.push_str("\n\n");
            }
        }
        k += 1;
    }
    let article = cut(&article, ARTICLE_BYTES).to_string();
    Some((
        Document::from_text("source", source),
        Document::from_text("article", article),
    ))
}

fn bench(c: &mut Criterion) {
    let Some((source, article)) = pair() else {
        eprintln!("details bench: no corpus found; set QUOTEDIFF_CORPUS");
        return;
    };
    let options = CompareOptions::default();
    let mut group = c.benchmark_group("details");
    group.sample_size(10);
    group.bench_function("compare_1mb_source_200kb_article", |b| {
        b.iter(|| compare(source.clone(), article.clone(), &options))
    });
    let full = compare(source.clone(), article.clone(), &options);
    eprintln!(
        "details bench: {} matches ({} paraphrase), {} details",
        full.matches.len(),
        full.matches
            .iter()
            .filter(|m| m.kind == MatchKind::Paraphrase)
            .count(),
        full.details.len()
    );
    let verbatim: Vec<_> = full
        .matches
        .iter()
        .filter(|m| m.kind != MatchKind::Paraphrase)
        .cloned()
        .collect();
    let source_tokens = tokenize(&source.text);
    let article_tokens = tokenize(&article.text);
    group.bench_function("paraphrase_and_details_1mb_200kb", |b| {
        b.iter(|| {
            annotate(
                (&source.text, &article.text),
                &verbatim,
                (&source_tokens, &article_tokens),
                &DocumentDates::default(),
            )
        })
    });
    // The same comparison without details and differences: what those two stages add is
    // the gap between this and `compare_1mb_source_200kb_article`.
    let quotations_only = CompareOptions {
        skip_details: true,
        ..CompareOptions::default()
    };
    group.bench_function("compare_1mb_200kb_no_details", |b| {
        b.iter(|| compare(source.clone(), article.clone(), &quotations_only))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
