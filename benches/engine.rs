//! Speed of the comparison engine: the bundled pair, and a megabyte of one novel against a
//! megabyte of another with 300 edited passages planted (and the same at two megabytes, to
//! show the growth is linear). Run with `cargo bench --bench engine`.

#[path = "../tests/common/plant.rs"]
mod plant;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use quotediff::{compare, CompareOptions, Document};

fn bundled(c: &mut Criterion) {
    let (source, article) = quotediff::document::bundled_pair();
    c.bench_function("compare/bundled pair", |b| {
        b.iter(|| compare(source.clone(), article.clone(), &CompareOptions::default()))
    });
}

fn planted(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare/planted");
    group.sample_size(10);
    let bleak = plant::corpus("bleak_house.txt");
    let copperfield = plant::corpus("david_copperfield.txt");
    for megabytes in [1usize, 2] {
        let source = plant::slice_mb(&bleak, 20_000, megabytes * 900_000);
        let article = plant::slice_mb(&copperfield, 20_000, megabytes * 900_000);
        let pair = plant::plant(&source, &article, 300 * megabytes, 2017);
        let (s, a) = (
            Document::from_text("source", pair.source),
            Document::from_text("article", pair.article),
        );
        for (name, skip_details) in [("quotations and reuse", true), ("with details", false)] {
            let options = CompareOptions {
                skip_details,
                ..CompareOptions::default()
            };
            let id = BenchmarkId::new(name, format!("{megabytes} MB"));
            group.bench_with_input(id, &megabytes, |b, _| {
                b.iter(|| {
                    let c = compare(s.clone(), a.clone(), &options);
                    let mut out = Vec::with_capacity(1 << 20);
                    quotediff::report::json::write(&c, None, &mut out).map(|_| out.len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bundled, planted);
criterion_main!(benches);
