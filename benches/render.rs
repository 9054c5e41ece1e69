//! How fast the review draws: the first frame of the bundled pair (comparison included), and
//! one frame of a megabyte-sized document scrolled to its middle, both into a 200x60
//! `TestBackend`. Targets: under 50 ms and under 5 ms.
//!
//! The megabyte is cut from the Dickens novels in `../shared/corpus/` at bench time (it is
//! not committed); without them, the bundled article is repeated instead.

use criterion::{criterion_group, criterion_main, Criterion};
use quotediff::compare::{compare, CompareOptions};
use quotediff::document::{bundled_pair, Document};
use quotediff::tui::app::{Action, App, Side};
use quotediff::tui::theme::Theme;
use quotediff::tui::{view, wrap};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const MEGABYTE: usize = 1 << 20;

fn app_of(source: Document, article: Document) -> App {
    let c = compare(source, article, &CompareOptions::default());
    App::fresh(c, Theme::dark())
}

/// A megabyte of prose: the corpus novels, or the bundled article repeated.
fn megabyte() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut text = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    for path in names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        if let Ok(t) = std::fs::read_to_string(path) {
            text.push_str(&t);
        }
        if text.len() >= MEGABYTE {
            break;
        }
    }
    if text.len() < MEGABYTE {
        eprintln!(
            "corpus not found in {}: repeating the bundled article",
            dir.display()
        );
        let (_, article) = bundled_pair();
        while text.len() < MEGABYTE {
            text.push_str(&article.text);
            text.push_str("\n\n");
        }
    }
    let mut end = MEGABYTE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn first_frame(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    c.bench_function("first frame, bundled pair, comparison included", |b| {
        b.iter(|| {
            let (source, article) = bundled_pair();
            let mut app = app_of(source, article);
            app.update(Action::Resize {
                width: WIDTH,
                height: HEIGHT,
            });
            terminal.draw(|f| view::render(&app, f)).unwrap();
        })
    });
}

fn megabyte_frame(c: &mut Criterion) {
    let text = megabyte();
    // The article: the same megabyte lightly edited, so both panes are full of highlights.
    let article = text.replacen(" the ", " a ", 2000);
    let mut app = app_of(
        Document::from_text("novels.txt", text.clone()),
        Document::from_text("edited.txt", article),
    );
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    // The middle of both documents, and the match there as the current one.
    let middle = app.visible[app.visible.len() / 2];
    app.current = Some(middle);
    for side in [Side::Source, Side::Article] {
        let middle = app.text(side).len() / 2;
        app.pane_mut(side).top = middle;
    }
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    c.bench_function("one frame, 1 MB documents scrolled to the middle", |b| {
        b.iter(|| {
            terminal.draw(|f| view::render(&app, f)).unwrap();
        })
    });
    let width = app.pane(Side::Source).wrap.width();
    c.bench_function("wrap 1 MB once (cached afterwards)", |b| {
        b.iter(|| wrap::wrap(&text, width).len())
    });
}

criterion_group! {
    name = render;
    config = Criterion::default().sample_size(20);
    targets = first_frame, megabyte_frame
}
criterion_main!(render);
