//! The state machine on the bundled pair and on sentences written for each case.

use super::*;
use crate::compare::{compare, CompareOptions};
use crate::document::bundled_pair;
use crate::review::Verdict;
use crate::tui::theme::Mark;

fn app() -> App {
    let (s, a) = bundled_pair();
    app_of(compare(s, a, &CompareOptions::default()))
}

fn app_of(c: Comparison) -> App {
    let mut app = App::fresh(c, Theme::mono());
    app.update(Action::Resize {
        width: 160,
        height: 45,
    });
    app
}

#[test]
fn a_two_word_quotation_found_in_the_source_is_a_stop_with_its_source_words() {
    use crate::document::Document;
    let c = compare(
        Document::from_text(
            "readout.txt",
            "The two presidents spoke today. They also discussed at length working \
             together to eradicate terrorism throughout the Middle East.",
        ),
        Document::from_text(
            "article.txt",
            "The leaders talked \u{201c}at length\u{201d} about terrorism, aides said.",
        ),
        &CompareOptions::default(),
    );
    let app = app_of(c);
    // Found word for word, the quotation is a match of its own (issue 15): its stop.
    let item = app
        .items
        .iter()
        .find(|i| i.article.slice(&app.comparison.article.text) == "at length")
        .expect("the quotation is a stop");
    assert_eq!(item.mark, Mark::Verified);
    let found = item.source.expect("its words in the source");
    assert_eq!(found.slice(&app.comparison.source.text), "at length");
}

#[test]
fn unsourced_quotations_are_stops_between_matches() {
    let app = app();
    // Paraphrases aside, the article's quotations in order: the three not in the source
    // sit between the verified ones.
    let marks: Vec<Mark> = app
        .items
        .iter()
        .map(|i| i.mark)
        .filter(|m| *m != Mark::Paraphrase)
        .collect();
    assert_eq!(
        marks,
        vec![
            Mark::Verified,
            Mark::NotInSource,
            Mark::NotInSource,
            Mark::NotInSource,
            Mark::Verified,
            Mark::Verified,
            Mark::Verified
        ]
    );
    assert_eq!(app.position(), Some(1));
}

#[test]
fn filter_keeps_stepping_within_it() {
    let mut app = app();
    app.update(Action::Command(Command::CycleFilter)); // unreviewed
    app.update(Action::Command(Command::CycleFilter)); // flagged
    app.update(Action::Command(Command::CycleFilter)); // quotations
    app.update(Action::Command(Command::CycleFilter)); // altered: none here
    assert_eq!(app.filter, Filter::Altered);
    assert!(app.visible.is_empty());
    assert_eq!(app.message.as_deref(), Some("no altered in this pair"));
    app.update(Action::Command(Command::CycleFilter)); // not in source
    assert_eq!(app.visible.len(), 3);
    assert_eq!(app.current_item().unwrap().mark, Mark::NotInSource);
    app.update(Action::Command(Command::Next));
    app.update(Action::Command(Command::Next));
    app.update(Action::Command(Command::Next));
    assert_eq!(app.position(), Some(3));
    assert_eq!(app.message.as_deref(), Some("last match"));
    assert!(app
        .items
        .iter()
        .all(|i| i.mark != Mark::NotInSource || i.source.is_none()));
}

#[test]
fn search_takes_over_n_until_escape() {
    let mut app = app();
    app.update(Action::Command(Command::Search));
    for c in "kelly".chars() {
        app.update(Action::Input(InputEdit::Char(c)));
    }
    app.update(Action::Input(InputEdit::Submit));
    let search = app.search.clone().unwrap();
    assert_eq!(search.side, Side::Article);
    assert_eq!(
        search.hits.len(),
        3,
        "Kelly appears three times in the article"
    );
    app.update(Action::Command(Command::Next));
    assert_eq!(app.search.as_ref().unwrap().current, Some(1));
    assert_eq!(app.position(), Some(1), "n moved the hit, not the match");
    app.update(Action::Command(Command::Close));
    app.update(Action::Command(Command::Next));
    assert_eq!(app.position(), Some(2));
}

#[test]
fn resize_keeps_the_current_match_in_view() {
    let mut app = app();
    app.update(Action::Command(Command::LastMatch));
    for (w, h) in [(90, 40), (60, 14), (200, 60), (41, 12)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        let item = *app.current_item().unwrap();
        for side in [Side::Source, Side::Article] {
            let span = item.span(side).unwrap();
            assert!(app.pane(side).shows(span), "{side:?} at {w}x{h}");
        }
    }
}

#[test]
fn enter_brings_the_counterpart_and_flashes_it() {
    let mut app = app();
    app.update(Action::Resize {
        width: 90,
        height: 40,
    });
    app.update(Action::Command(Command::LastMatch));
    app.update(Action::Command(Command::SwitchPane)); // source
    app.update(Action::Command(Command::FirstMatch));
    // Scroll the article away, then come back with Enter from the source.
    app.update(Action::Command(Command::SwitchPane));
    app.update(Action::Command(Command::PageDown));
    app.update(Action::Command(Command::PageDown));
    app.update(Action::Command(Command::SwitchPane));
    app.update(Action::Command(Command::Sync));
    let flash = app.flash.unwrap();
    assert_eq!(flash.side, Side::Article);
    assert!(app.pane(Side::Article).shows(flash.span));
    for _ in 0..FLASH_TICKS {
        app.update(Action::Tick);
    }
    assert_eq!(app.flash, None);
}

#[test]
fn verdicts_without_a_file_say_they_are_not_saved() {
    let mut app = app();
    app.update(Action::Command(Command::Accept));
    assert_eq!(app.review.reviewed(&app.comparison), 1);
    assert!(app.message.as_deref().unwrap().contains("--review-file"));
}

#[test]
fn a_quotation_not_in_the_source_takes_its_own_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt.quotediff.json");
    let (s, a) = bundled_pair();
    let c = compare(s, a, &CompareOptions::default());
    let (review, file, _) = open_review(Some(&path), &c);
    let mut app = App::new(c, review, file, Theme::mono(), KeyTable::default());
    app.update(Action::Resize {
        width: 160,
        height: 45,
    });
    while app
        .current_item()
        .is_some_and(|i| i.mark != Mark::NotInSource)
    {
        app.update(Action::Command(Command::Next));
    }
    let total = app.items.len();
    app.update(Action::Command(Command::Flag));
    assert_eq!(
        app.verdict(app.current_item().unwrap()).verdict,
        Verdict::Unverifiable
    );
    app.update(Action::Command(Command::Fabricated));
    assert_eq!(
        app.verdict(app.current_item().unwrap()).verdict,
        Verdict::Fabricated
    );
    app.update(Action::Command(Command::Next));
    app.update(Action::Command(Command::Accept));
    assert_eq!(
        app.verdict(app.current_item().unwrap()).verdict,
        Verdict::FoundElsewhere
    );
    // Progress counts every stop, not only the matches.
    assert_eq!((app.reviewed(), total), (2, 11));
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("\"verdict\": \"fabricated\""), "{saved}");
    assert!(saved.contains("\"quotation\": 2"), "{saved}");
    // A match takes no "fabricated".
    app.update(Action::Command(Command::FirstMatch));
    app.update(Action::Command(Command::Fabricated));
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .contains("not in the source"));

    let (s, a) = bundled_pair();
    let c = compare(s, a, &CompareOptions::default());
    let (review, _, message) = open_review(Some(&path), &c);
    assert_eq!(review.verdicts(), 2);
    assert!(message.unwrap().contains("restored 2 verdicts"));
}

#[test]
fn events_anywhere_never_panic() {
    let mut app = app();
    for (w, h) in [(160u16, 45u16), (30, 8), (1, 1), (0, 0), (100, 12)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        for c in Command::ALL {
            if c == Command::Quit {
                continue;
            }
            app.update(Action::Command(c));
            app.update(Action::Input(InputEdit::Char('x')));
            app.update(Action::Input(InputEdit::Submit));
            app.update(Action::Command(Command::Close));
        }
        for (x, y) in [(0, 0), (w / 2, h / 2), (w.saturating_sub(1), h), (500, 500)] {
            app.update(Action::Click { column: x, row: y });
            app.update(Action::Wheel {
                column: x,
                row: y,
                down: true,
            });
        }
    }
    assert!(!app.quit);
}

#[test]
fn a_review_of_changed_documents_is_carried_over_and_the_old_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt.quotediff.json");
    let (s, a) = bundled_pair();
    let before = compare(s, a, &CompareOptions::default());
    let mut old = Review::new(&before);
    old.set_verdict(&before.matches[0], Verdict::Flagged);
    old.save(&path, &before).unwrap();

    // The article gained a correction since.
    let (s, mut a) = bundled_pair();
    a.text
        .push_str("\n\nCorrection: the meeting lasted 55 minutes.");
    let after = compare(s, a, &CompareOptions::default());
    let (review, file, message) = open_review(Some(&path), &after);
    assert_eq!(review.reviewed(&after), 1);
    let message = message.unwrap();
    assert!(
        message.contains("the article changed since: 1 verdict carried over"),
        "{message}"
    );

    let mut app = App::new(after, review, file, Theme::mono(), KeyTable::default());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app.update(Action::Command(Command::Next));
    app.update(Action::Command(Command::Accept));
    let old_path = dir.path().join("story.txt.quotediff.json.old");
    assert!(app.message.as_deref().unwrap().contains("kept as"));
    assert!(std::fs::read_to_string(&old_path)
        .unwrap()
        .contains("flagged"));
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("accepted") && saved.contains("flagged"),
        "{saved}"
    );
    // Only the first save keeps the old file aside.
    app.update(Action::Command(Command::Flag));
    assert!(!app.message.as_deref().unwrap().contains("kept as"));
    assert!(!dir.path().join("story.txt.quotediff.json.old.2").exists());
}

#[test]
fn a_failed_save_stays_on_screen_and_q_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    // A review file inside a folder that does not exist: every save fails.
    let path = dir.path().join("missing").join("story.txt.quotediff.json");
    let (s, a) = bundled_pair();
    let c = compare(s, a, &CompareOptions::default());
    let (review, file, _) = open_review(Some(&path), &c);
    let mut app = App::new(c, review, file, Theme::mono(), KeyTable::default());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app.update(Action::Command(Command::Accept));
    assert!(app.message.as_deref().unwrap().contains("NOT SAVED"));
    app.update(Action::Command(Command::Next));
    assert!(
        app.message.as_deref().unwrap().contains("NOT SAVED"),
        "the warning outlives the next key"
    );
    app.update(Action::Command(Command::Quit));
    assert!(!app.quit);
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .contains("quit and lose them?"));
    // Any other key stays; then q asks again, and a second q quits.
    app.update(Action::Command(Command::Next));
    app.update(Action::Command(Command::Quit));
    assert!(!app.quit);
    app.update(Action::Command(Command::Quit));
    assert!(app.quit);
}

#[test]
fn a_click_selects_the_passage_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = app();
    let screen = app.screen();
    // The lowest passage whose start is on screen in the article: click on its first word.
    let pane = app.pane(Side::Article);
    let last = *app
        .visible
        .iter()
        .rev()
        .find(|i| app.items[**i].article.start < pane.visible_bytes().end)
        .unwrap();
    assert_ne!(Some(last), app.current);
    let span = app.items[last].article;
    let row = pane.rows_of(span).0 - pane.top_row();
    let area = screen.text_area(Side::Article);
    let at = &app.comparison.article.text[pane.wrap.rows()[pane.top_row() + row].start..];
    let offset = span.start - pane.wrap.rows()[pane.top_row() + row].start;
    let column = area.x + super::super::wrap::str_width(&at[..offset]) as u16 + 1;
    app.update(Action::Click {
        column,
        row: area.y + row as u16,
    });
    assert_eq!(app.current, Some(last));
    assert_eq!(app.focus, Side::Article);

    // A lower terminal, where the source is longer than its pane.
    app.update(Action::Resize {
        width: 160,
        height: 30,
    });
    let source = app.screen().text_area(Side::Source);
    app.pane_mut(Side::Source).set_top_row(0);
    app.update(Action::Wheel {
        column: source.x + 3,
        row: source.y + 3,
        down: true,
    });
    assert_eq!(app.pane(Side::Source).top_row(), 3);
    assert_eq!(app.focus, Side::Article, "the wheel does not steal focus");
}

#[test]
fn search_ignores_ascii_case_and_respects_characters() {
    let text = "Secretary Kelly met the Mayor. KELLY said… kelly";
    assert_eq!(find_all(text, "kelly").len(), 3);
    assert_eq!(find_all("café Café", "CAFÉ").len(), 0);
    // Only ASCII letters fold: é and É differ.
    assert_eq!(find_all("café Café", "Café").len(), 2);
}
