//! The interactive review, from the outside: full-screen snapshots of the bundled pair drawn
//! into ratatui's `TestBackend`, and the real release binary driven in a pseudo-terminal.
#![cfg(feature = "tui")]

#[path = "common/terminal.rs"]
mod pty;

use quotediff::compare::{compare, CompareOptions};
use quotediff::comparison::Side;
use quotediff::document::{bundled_pair, Document};
use quotediff::tui::app::{Action, App, ReviewFile};
use quotediff::tui::keys::Command;
use quotediff::tui::theme::{Theme, ThemeName};
use quotediff::tui::{choose_theme, view};
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

fn review_of(source: Document, article: Document, theme: Theme) -> App {
    let c = compare(source, article, &CompareOptions::default());
    App::fresh(c, theme)
}

fn bundled(theme: Theme) -> App {
    let (s, a) = bundled_pair();
    review_of(s, a, theme)
}

/// Draws the app as the run loop does after the terminal reports its size.
fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::render(app, f)).unwrap();
    terminal
}

/// Draws the app at its size without a resize event (which brings the current stop into
/// view, as a real resize does).
fn redraw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::render(app, f)).unwrap();
    terminal
}

fn press(app: &mut App, command: Command, times: usize) {
    for _ in 0..times {
        app.update(Action::Command(command));
    }
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

#[test]
fn start_screen_of_the_bundled_pair() {
    let mut app = bundled(Theme::dark());
    let t = draw(&mut app, 160, 45);
    let screen = text_of(&t);
    assert!(screen.contains("THE CITY OF NEW YORK"));
    assert!(screen.contains("A federal immigration agent's presence"));
    assert!(screen.contains(" 1/11 M1 paraphrase · edited"), "{screen}");
    insta::assert_snapshot!("start_160x45", t.backend());
}

#[test]
fn after_next_three_times() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::Next, 3);
    let t = draw(&mut app, 160, 45);
    assert!(text_of(&t).contains(" 4/11 M4 · Q1 quotation · verified · exact"));
    insta::assert_snapshot!("next_three_times_160x45", t.backend());
}

#[test]
fn filter_on_quotations_not_in_the_source() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::CycleFilter, 5);
    press(&mut app, Command::Next, 1);
    let t = draw(&mut app, 160, 45);
    let screen = text_of(&t);
    assert!(screen.contains("filter: not in source (3)"));
    assert!(screen.contains(" 2/3 Q3 quotation · not in source"));
    insta::assert_snapshot!("filter_not_in_source_160x45", t.backend());
}

#[test]
fn help_lists_every_key_and_the_legend() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::Help, 1);
    let t = draw(&mut app, 160, 45);
    let screen = text_of(&t);
    for c in Command::ALL {
        // A long description goes on under itself: its beginning is on the key's line.
        let head: String = c.describe().chars().take(30).collect();
        assert!(screen.contains(&head), "{c:?} missing from help");
    }
    assert!(screen.contains("quotation not in the source"));
    insta::assert_snapshot!("help_160x45", t.backend());
    press(&mut app, Command::Close, 1);
    assert!(!app.help);
}

#[test]
fn help_taller_than_the_terminal_scrolls_to_the_legend() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 90, 40);
    press(&mut app, Command::Help, 1);
    let screen = text_of(&draw(&mut app, 90, 40));
    assert!(screen.contains("j/↓/] scroll"), "{screen}");
    assert!(!screen.contains("[styles]"));
    press(&mut app, Command::PageDown, 3);
    let screen = text_of(&draw(&mut app, 90, 40));
    assert!(
        screen.contains("config.toml: theme, mouse, [keys], [styles]."),
        "{screen}"
    );
    assert!(app.help, "scrolling keeps the help open");
}

#[test]
fn a_long_note_shows_where_the_typing_is() {
    use quotediff::tui::app::InputEdit;
    let mut app = bundled(Theme::dark());
    draw(&mut app, 90, 40);
    press(&mut app, Command::Note, 1);
    let note = "Check with the mayor's press office whether the readout was edited after release; the article quotes it on Tuesday";
    for c in note.chars() {
        app.update(Action::Input(InputEdit::Char(c)));
    }
    let screen = text_of(&draw(&mut app, 90, 40));
    let input = screen.lines().last().unwrap();
    assert!(input.contains("note: \u{2026}"), "{input}");
    assert!(input.contains("quotes it on Tuesday"), "{input}");
    let noted = app.current_item().cloned();
    app.update(Action::Input(InputEdit::Submit));
    let Some(quotediff::tui::app::ItemKind::Match(i)) = noted.map(|n| n.kind) else {
        panic!("the first stop is a match")
    };
    let m = &app.comparison.matches[i];
    assert_eq!(app.review.entry(m).note.as_deref(), Some(note));
}

#[test]
fn narrow_terminal_stacks_the_panes() {
    let mut app = bundled(Theme::dark());
    let t = draw(&mut app, 90, 40);
    let screen = text_of(&t);
    let source_row = screen.lines().position(|l| l.contains("SOURCE")).unwrap();
    let article_row = screen.lines().position(|l| l.contains("ARTICLE")).unwrap();
    assert!(article_row > source_row + 5, "stacked, not side by side");
    insta::assert_snapshot!("stacked_90x40", t.backend());
}

#[test]
fn too_small_terminal_says_so() {
    let mut app = bundled(Theme::dark());
    let t = draw(&mut app, 30, 8);
    assert!(text_of(&t).contains("needs at least"));
    insta::assert_snapshot!("too_small_30x8", t.backend());
    // Growing again brings the review back, current match in view.
    let t = draw(&mut app, 120, 30);
    assert!(text_of(&t).contains("1/11"));
}

#[test]
fn no_color_reads_without_colour() {
    let theme = choose_theme(None, true, Some(ThemeName::Dark));
    assert_eq!(theme.name, ThemeName::Mono);
    let mut app = bundled(theme);
    let t = draw(&mut app, 120, 32);
    let buffer = t.backend().buffer();
    let mut modified = 0;
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "a colour under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset, "a colour under NO_COLOR");
        if !cell.modifier.is_empty() {
            modified += 1;
        }
    }
    assert!(modified > 100, "highlights must show as modifiers");
    // The styles are part of this snapshot: bold, reverse, underline and the gutter.
    insta::assert_snapshot!("no_color_120x32", format!("{buffer:?}"));
}

#[test]
fn changed_words_of_an_altered_quotation_are_marked() {
    let source = Document::from_text(
        "readout.txt",
        "The leaders discussed Rafah, and the President reiterated his clear position on the hostage deal and the need to protect civilians.",
    );
    let article = Document::from_text(
        "story.txt",
        "A readout said \"the leaders discussed Rafah, and Biden reiterated his clear position on the hostage deal and the need to protect civilians.\"",
    );
    let mut app = review_of(source, article, Theme::mono());
    let t = draw(&mut app, 120, 24);
    let screen = text_of(&t);
    assert!(screen.contains("altered"), "{screen}");
    // "Biden" replaces "the President": bold and underlined inside the quotation.
    let buffer = t.backend().buffer();
    let (x, y) = (0..buffer.area.height)
        .find_map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            let col = row.find("Biden")?;
            // The row is ASCII up to the article pane, except the box-drawing border.
            Some((row[..col].chars().count() as u16, y))
        })
        .expect("Biden on screen");
    let cell = &buffer[(x, y)];
    assert!(
        cell.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED),
        "{cell:?}"
    );
    // The inspector names the change in the reports' words (`describe_edit`).
    assert!(
        screen.contains("changed \u{201c}the President\u{201d} \u{2192} \u{201c}Biden\u{201d}"),
        "{screen}"
    );
}

#[test]
fn paraphrase_and_details_from_the_engine_are_shown() {
    use quotediff::tui::app::Filter;

    let (source, article) = bundled_pair();
    let c = compare(source, article, &CompareOptions::default());
    let paraphrases = c
        .matches
        .iter()
        .filter(|m| m.kind == quotediff::compare::MatchKind::Paraphrase)
        .count();
    assert!(paraphrases >= 2);
    let mut app = App::fresh(c, Theme::mono());
    draw(&mut app, 160, 45);
    // Step to the sentence that retells the 55-minute meeting as "almost an hour".
    for _ in 0..20 {
        let here = app
            .current_item()
            .map(|i| i.article.slice(&app.comparison.article.text).to_string());
        if here.is_some_and(|t| t.starts_with("De Blasio was visiting")) {
            break;
        }
        press(&mut app, Command::Next, 1);
    }
    let t = draw(&mut app, 160, 45);
    let screen = text_of(&t);
    assert!(screen.contains("paraphrase · edited"), "{screen}");
    assert!(screen.contains("→ almost an hour"), "{screen}");
    // The details are underlined inside the (dim italic) paraphrase, on both sides.
    let buffer = t.backend().buffer();
    let underlined = buffer
        .content()
        .iter()
        .filter(|cell| {
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD)
                && cell.modifier.contains(Modifier::ITALIC)
        })
        .count();
    assert!(
        underlined >= "55-minute".len() + "almost an hour".len(),
        "{underlined}"
    );
    // The filter reaches both.
    while app.filter != Filter::Paraphrase {
        press(&mut app, Command::CycleFilter, 1);
    }
    assert_eq!(app.visible.len(), paraphrases);
    press(&mut app, Command::CycleFilter, 1);
    assert_eq!(app.filter, Filter::Details);
    assert!(!app.visible.is_empty());
}

#[test]
fn compact_inspector_at_80x24() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 80, 24);
    press(&mut app, Command::Next, 3);
    let t = draw(&mut app, 80, 24);
    let screen = text_of(&t);
    // Before, 80x24 had no inspector at all and `i` did nothing visible.
    assert!(screen.contains("M4 · Q1 · 4/11"), "{screen}");
    assert!(screen.contains("│source "), "{screen}");
    assert!(screen.contains("│details  verdict: unreviewed"), "{screen}");
    insta::assert_snapshot!("compact_inspector_80x24", t.backend());
}

#[test]
fn an_empty_filter_empties_the_inspector_and_takes_no_verdict() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 100, 30);
    press(&mut app, Command::CycleFilter, 4); // altered: none in this pair
    let t = draw(&mut app, 100, 30);
    let screen = text_of(&t);
    assert!(screen.contains("filter: altered (0)"), "{screen}");
    assert!(screen.contains("nothing to inspect"), "{screen}");
    assert!(!screen.contains("verdict:"), "{screen}");
    press(&mut app, Command::Accept, 1);
    assert_eq!(app.review.reviewed(&app.comparison), 0, "no hidden verdict");
    insta::assert_snapshot!("empty_filter_100x30", t.backend());
}

#[test]
fn the_current_search_hit_stands_out() {
    use quotediff::tui::app::InputEdit;
    let mut app = bundled(Theme::mono());
    draw(&mut app, 100, 30);
    press(&mut app, Command::Search, 1);
    for c in "agents".chars() {
        app.update(Action::Input(InputEdit::Char(c)));
    }
    app.update(Action::Input(InputEdit::Submit));
    press(&mut app, Command::Next, 1);
    let t = draw(&mut app, 100, 30);
    let screen = text_of(&t);
    assert!(screen.contains("n: hit 2/"), "{screen}");
    let search = app.search.clone().unwrap();
    let buffer = t.backend().buffer();
    let flash = app.theme.flash;
    let current = buffer
        .content()
        .iter()
        .filter(|c| c.modifier == flash.add_modifier)
        .count();
    let others = buffer
        .content()
        .iter()
        .filter(|c| {
            c.modifier
                .contains(Modifier::REVERSED | Modifier::UNDERLINED)
        })
        .count();
    // Exactly one hit, "agents", is drawn apart from the others.
    assert_eq!(current, "agents".len());
    assert!(others >= "agents".len(), "the other hits still show");
    assert_eq!(search.current, Some(1));
    insta::assert_snapshot!("search_current_hit_100x30", format!("{buffer:?}"));
}

#[test]
fn who_is_quoted_lists_every_speaker_with_the_status_of_their_quotations() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::Speakers, 1);
    let t = draw(&mut app, 160, 45);
    let screen = text_of(&t);
    assert!(screen.contains("Who is quoted"), "{screen}");
    assert!(screen.contains("not in the source"), "{screen}");
    insta::assert_snapshot!("who_is_quoted_160x45", t.backend());
    press(&mut app, Command::Speakers, 1);
    assert!(!app.speakers, "the same key closes it");
}

#[test]
fn the_major_filter_steps_only_through_stops_with_a_major_difference() {
    use quotediff::comparison::Severity;
    use quotediff::tui::app::{Filter, ItemKind};
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    let steps = Filter::CYCLE
        .iter()
        .position(|f| *f == Filter::Major)
        .unwrap();
    press(&mut app, Command::CycleFilter, steps);
    assert_eq!(app.filter, Filter::Major);
    let major_matches: Vec<usize> = app
        .comparison
        .differences
        .iter()
        .filter(|d| d.severity == Severity::Major)
        .filter_map(|d| d.match_id)
        .collect();
    assert!(
        !app.visible.is_empty(),
        "the bundled pair has a major difference"
    );
    for &i in &app.visible {
        let ItemKind::Match(m) = app.items[i].kind else {
            continue;
        };
        assert!(
            major_matches.contains(&app.comparison.matches[m].id),
            "stop {i} has no major difference"
        );
    }
    assert!(
        app.visible.len() < app.items.len(),
        "the filter leaves some stops out"
    );
}

#[test]
fn help_at_100x30_leaves_the_status_bar() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 100, 30);
    press(&mut app, Command::Help, 1);
    let t = draw(&mut app, 100, 30);
    let status = text_of(&t).lines().nth(28).unwrap_or("").to_string();
    assert!(status.contains(" 1/11 M1 paraphrase"), "{status}");
    // A description too wide for the box goes on under itself: the filter's whole cycle.
    // The help box's inside: between the second and third border of each row.
    let words: Vec<String> = text_of(&t)
        .lines()
        .filter_map(|l| l.split('\u{2502}').nth(2))
        .flat_map(|w| w.split_whitespace())
        .map(str::to_string)
        .collect();
    assert!(
        words.join(" ").contains(Command::CycleFilter.describe()),
        "{}",
        text_of(&t)
    );
    insta::assert_snapshot!("help_100x30", t.backend());
}

#[test]
fn the_smallest_screen_draws_cleanly() {
    let mut app = bundled(Theme::dark());
    let t = draw(&mut app, 40, 12);
    let screen = text_of(&t);
    assert!(screen.contains("SOURCE"), "{screen}");
    assert!(screen.contains("ARTICLE"), "{screen}");
    insta::assert_snapshot!("smallest_40x12", t.backend());
}

#[test]
fn ctrl_c_in_the_note_line_cancels_the_note_not_the_program() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use quotediff::tui::app::InputEdit;
    let mut app = bundled(Theme::dark());
    draw(&mut app, 100, 30);
    press(&mut app, Command::Note, 1);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let action = quotediff::tui::action_of(&app, ctrl_c).unwrap();
    assert_eq!(action, Action::Input(InputEdit::Cancel));
    app.update(action);
    assert!(app.input.is_none() && !app.quit);
}

#[test]
fn keys_do_nothing_behind_the_too_small_message() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 30, 8);
    press(&mut app, Command::Next, 2);
    press(&mut app, Command::Accept, 1);
    assert_eq!(app.position(), Some(1));
    assert_eq!(app.review.reviewed(&app.comparison), 0);
}

#[test]
fn reviewed_stops_are_marked_and_stops_outside_the_filter_dimmed() {
    let mut app = bundled(Theme::mono());
    draw(&mut app, 120, 40);
    press(&mut app, Command::Accept, 1);
    press(&mut app, Command::Next, 3);
    press(&mut app, Command::Flag, 1);
    press(&mut app, Command::Next, 1);
    let t = draw(&mut app, 120, 40);
    let buffer = t.backend().buffer().clone();
    // In the gutter: the current stop is the fifth, unreviewed.
    let screen = text_of(&t);
    assert!(screen.contains("\u{2713} A federal"), "{screen}");
    assert!(screen.contains('\u{2717}'), "{screen}");
    // The accepted first stop, at the top of the article pane, is toned down.
    let first = app.items[0];
    let cell_of = |buffer: &ratatui::buffer::Buffer, text: &str| {
        (0..buffer.area.height).find_map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            row.find(text)
                .map(|col| buffer[(row[..col].chars().count() as u16, y)].clone())
        })
    };
    let federal = cell_of(&buffer, "A federal immigration").expect("on screen");
    assert!(federal.modifier.contains(Modifier::DIM), "{federal:?}");
    assert!(matches!(
        first.kind,
        quotediff::tui::app::ItemKind::Match(_)
    ));
    insta::assert_snapshot!("reviewed_marks_120x40", format!("{buffer:?}"));
    // Under the quotations filter the paraphrases are dimmed whole: no italic.
    press(&mut app, Command::CycleFilter, 3);
    press(&mut app, Command::FirstMatch, 1);
    let t = draw(&mut app, 120, 40);
    let federal = cell_of(t.backend().buffer(), "A federal immigration").expect("on screen");
    assert_eq!(federal.modifier, Modifier::DIM, "{federal:?}");
}

#[test]
fn a_long_status_message_is_not_cut_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir
        .path()
        .join("reviews-of-the-week-of-the-fifth-of-december");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("a-story-about-immigration-agents.txt.quotediff.json");
    let mut app = bundled(Theme::dark());
    app.review_file = ReviewFile {
        path: Some(path.clone()),
    };
    draw(&mut app, 80, 24);
    press(&mut app, Command::ToggleMouse, 1);
    let screen = text_of(&draw(&mut app, 80, 24));
    let bottom = |screen: &str| -> String {
        let rows: Vec<&str> = screen.lines().rev().take(2).collect();
        rows.into_iter()
            .rev()
            .collect::<String>()
            .replace(['"', ' '], "")
    };
    assert!(bottom(&screen).contains("mturnsitbackon"), "{screen}");
    assert!(
        screen.contains(" 1/11 M1 \u{2502} 0/11 reviewed"),
        "{screen}"
    );
    press(&mut app, Command::Accept, 1);
    let t = draw(&mut app, 80, 24);
    let screen = text_of(&t);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(bottom(&screen).contains(&name.replace(' ', "")), "{screen}");
}

#[test]
fn the_inspector_takes_the_rows_its_stop_needs_and_no_blank_ones() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    let mut heights = Vec::new();
    for _ in 0..app.items.len() {
        let screen = text_of(&draw(&mut app, 160, 45));
        let lines: Vec<&str> = screen.lines().collect();
        let top = lines
            .iter()
            .rposition(|l| l.starts_with("\"┌ M") || l.starts_with("\"┌ Q"))
            .expect("the inspector's title");
        let bottom = top
            + lines[top..]
                .iter()
                .position(|l| l.starts_with("\"└"))
                .unwrap();
        for l in &lines[top + 1..bottom] {
            let inside = l.trim_matches(['"', '\u{2502}']);
            assert!(!inside.trim().is_empty(), "a blank row:\n{screen}");
        }
        heights.push(bottom - top + 1);
        press(&mut app, Command::Next, 1);
    }
    // A short stop gives its rows to the panes; none is taller than the docked box.
    assert!(heights.iter().any(|h| *h < 9), "{heights:?}");
    assert!(heights.iter().all(|h| *h <= 9), "{heights:?}");
}

/// The 50 KB minutes of the FOMC's December 2022 meeting, and a story of our own that
/// quotes, alters, reuses and retells them and quotes someone they do not.
fn fomc_minutes() -> App {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |path: &str| {
        let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
        Document::from_text(path.rsplit('/').next().unwrap(), text)
    };
    review_of(
        read("../shared/corpus/official/fomc-minutes-2022-12-14.txt"),
        read("tests/fixtures/tui/fomc-minutes-story.txt"),
        Theme::dark(),
    )
}

/// A reviewer goes through every stop of the FOMC minutes with the keyboard alone (a verdict
/// key, then `r` to the next stop without one) and always sees which stop, which pane has the
/// keys, where in each document, how many are reviewed and so how many are left.
#[test]
fn a_walk_through_the_fomc_minutes_with_the_keyboard_alone() {
    use quotediff::tui::theme::Mark;
    let mut app = fomc_minutes();
    let stops = app.items.len();
    assert!(stops >= 12, "{stops}");
    let t = draw(&mut app, 100, 30);
    insta::assert_snapshot!("fomc_walk_1_start_100x30", t.backend());
    for done in 0..stops {
        let item = *app.current_item().expect("a current stop");
        let key = match item.mark {
            Mark::NotInSource => Command::Fabricated,
            Mark::Altered => Command::Flag,
            _ => Command::Accept,
        };
        press(&mut app, key, 1);
        let t = draw(&mut app, 100, 30);
        let screen = text_of(&t);
        let status = screen.lines().nth(28).unwrap();
        let at = format!(
            " {}/{stops} {}",
            app.position().unwrap(),
            app.id_label(&item)
        );
        assert!(status.contains(&at), "{status}");
        assert!(
            status.contains(&format!("{}/{stops} reviewed", done + 1)),
            "{status}"
        );
        let titles = screen.lines().nth(1).unwrap();
        assert!(titles.contains("\u{25b6} ARTICLE"), "{titles}");
        assert!(titles.contains("SOURCE \u{b7} "), "{titles}");
        match key {
            Command::Flag => {
                insta::assert_snapshot!("fomc_walk_2_altered_flagged_100x30", t.backend())
            }
            Command::Fabricated => {
                insta::assert_snapshot!("fomc_walk_3_not_in_source_fabricated_100x30", t.backend())
            }
            _ => {}
        }
        press(&mut app, Command::NextUnreviewed, 1);
    }
    let screen = text_of(&draw(&mut app, 100, 30));
    assert!(
        screen.contains(&format!("every stop is reviewed ({stops} of {stops})")),
        "{screen}"
    );
    // What is left: nothing under "unreviewed"; the flagged ones under "flagged".
    press(&mut app, Command::CycleFilter, 1);
    let t = draw(&mut app, 100, 30);
    assert!(
        text_of(&t).contains("filter: unreviewed (0)"),
        "{}",
        text_of(&t)
    );
    insta::assert_snapshot!("fomc_walk_4_nothing_left_100x30", t.backend());
    press(&mut app, Command::CycleFilter, 1);
    let screen = text_of(&draw(&mut app, 100, 30));
    assert!(screen.contains("filter: flagged (2)"), "{screen}");
}

#[test]
fn r_goes_to_the_next_stop_without_a_verdict_and_says_when_none_is_left() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::Accept, 1);
    press(&mut app, Command::Next, 2);
    press(&mut app, Command::Accept, 1);
    press(&mut app, Command::FirstMatch, 1);
    press(&mut app, Command::NextUnreviewed, 1);
    assert_eq!(app.position(), Some(2));
    press(&mut app, Command::NextUnreviewed, 1);
    assert_eq!(app.position(), Some(4), "the accepted third is skipped");
    // Every stop but the second judged: from the last, `r` wraps round to it.
    for _ in 0..8 {
        press(&mut app, Command::Accept, 1);
        press(&mut app, Command::Next, 1);
    }
    assert_eq!(app.position(), Some(11));
    press(&mut app, Command::Accept, 1);
    press(&mut app, Command::NextUnreviewed, 1);
    assert_eq!(app.position(), Some(2));
    press(&mut app, Command::Flag, 1);
    press(&mut app, Command::NextUnreviewed, 1);
    let t = draw(&mut app, 160, 45);
    assert!(
        text_of(&t).contains("every stop is reviewed (11 of 11)"),
        "{}",
        text_of(&t)
    );
}

#[test]
fn unreviewed_and_flagged_filters_follow_the_verdicts_and_f_back_returns() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::Accept, 1);
    press(&mut app, Command::Next, 1);
    press(&mut app, Command::Flag, 1);
    press(&mut app, Command::CycleFilter, 1);
    let screen = text_of(&draw(&mut app, 160, 45));
    assert!(screen.contains("filter: unreviewed (9)"), "{screen}");
    assert!(screen.contains(" 1/9 M3 "), "{screen}");
    // The stop just judged stays while it is current, then leaves the list.
    press(&mut app, Command::Accept, 1);
    let screen = text_of(&draw(&mut app, 160, 45));
    assert!(screen.contains(" 1/9 M3 "), "{screen}");
    assert!(screen.contains("\u{2713} accepted"), "{screen}");
    press(&mut app, Command::Next, 1);
    let t = draw(&mut app, 160, 45);
    assert!(text_of(&t).contains(" 1/8 M4 "), "{}", text_of(&t));
    insta::assert_snapshot!("unreviewed_filter_160x45", t.backend());
    press(&mut app, Command::CycleFilter, 1);
    let screen = text_of(&draw(&mut app, 160, 45));
    assert!(screen.contains("filter: flagged (1)"), "{screen}");
    assert!(screen.contains(" 1/1 M2 "), "{screen}");
    press(&mut app, Command::CycleFilterBack, 1);
    let screen = text_of(&draw(&mut app, 160, 45));
    assert!(screen.contains("filter: unreviewed (8)"), "{screen}");
    press(&mut app, Command::CycleFilterBack, 1);
    let screen = text_of(&draw(&mut app, 160, 45));
    assert!(screen.contains("filter: all (11)"), "{screen}");
}

#[test]
fn z_brings_the_current_stop_back_after_scrolling_away() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 100, 30);
    let item = *app.current_item().unwrap();
    let shown = |app: &App, side: Side| {
        let at = item.span(side).unwrap().start;
        let seen = app.pane(side).visible_bytes();
        seen.start <= at && at < seen.end
    };
    assert!(shown(&app, Side::Article) && shown(&app, Side::Source));
    press(&mut app, Command::PageDown, 6);
    press(&mut app, Command::SwitchPane, 1);
    press(&mut app, Command::PageDown, 6);
    assert!(!shown(&app, Side::Article) && !shown(&app, Side::Source));
    press(&mut app, Command::Recenter, 1);
    let t = redraw(&app);
    assert!(shown(&app, Side::Article) && shown(&app, Side::Source));
    assert!(text_of(&t).contains(" 1/11 M1 "));
}

/// A rate decision whose one paragraph the article copies with a dozen facts changed.
fn rate_decision() -> App {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/differences/");
    let read = |name: &str| {
        let file = format!("rate_decision.{name}.txt");
        let text = std::fs::read_to_string(format!("{dir}{file}")).unwrap();
        Document::from_text(file, text)
    };
    review_of(read("source"), read("article"), Theme::dark())
}

#[test]
fn d_steps_through_the_differences_and_both_panes_follow() {
    let mut app = rate_decision();
    let total = app.comparison.differences.len();
    assert!(total >= 10, "the pair has a long list: {total}");
    draw(&mut app, 160, 45);
    press(&mut app, Command::NextDifference, 1);
    assert_eq!(app.difference, Some(0));
    let screen = text_of(&draw(&mut app, 160, 45));
    assert!(
        screen.contains(&format!("difference 1/{total}: ")),
        "{screen}"
    );
    // Stepping to the seventh: the status names it, the inspector points at it, and each
    // pane shows its words.
    press(&mut app, Command::NextDifference, 6);
    assert_eq!(app.difference, Some(6));
    let d = app.comparison.differences[6].clone();
    let t = draw(&mut app, 160, 45);
    let screen = text_of(&t);
    assert!(
        screen.contains(&format!("difference 7/{total}: ")),
        "{screen}"
    );
    assert!(screen.contains(&format!(
        "\u{25b6} {} {}",
        d.severity.as_str(),
        d.kind.as_str()
    )));
    for (side, span) in [(Side::Source, d.source), (Side::Article, d.article)] {
        let span = span.expect("a changed figure has words on both sides");
        assert!(app.pane(side).visible_bytes().contains(&span), "{side:?}");
    }
    insta::assert_snapshot!("differences_long_list_160x45", t.backend());
    // Back, and past the first.
    press(&mut app, Command::PrevDifference, 7);
    assert_eq!(app.difference, Some(0));
    assert_eq!(app.message.as_deref(), Some("first difference"));
}

#[test]
fn a_long_differences_list_at_80x24_full_screen() {
    let mut app = rate_decision();
    draw(&mut app, 80, 24);
    press(&mut app, Command::NextDifference, 9);
    // Docked, the compact inspector names the difference stepped to on its bottom row.
    let d = app.comparison.differences[8].note();
    let screen = text_of(&draw(&mut app, 80, 24));
    assert!(screen.contains("\u{25b6} major"), "{screen}");
    assert!(screen.contains(&d[..d.len().min(12)]), "{screen}");
    // `i`: the inspector takes the screen and lists them, the one stepped to in view.
    press(&mut app, Command::ToggleInspector, 1);
    let t = draw(&mut app, 80, 24);
    let screen = text_of(&t);
    assert!(screen.contains("more above"), "{screen}");
    assert!(screen.contains(&d), "{screen}");
    insta::assert_snapshot!("differences_full_inspector_80x24", t.backend());
    press(&mut app, Command::ToggleInspector, 1);
    assert!(app.screen().inspector.is_none(), "a second i hides it");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]

    /// No sequence of keys, clicks, wheel turns and resizes can panic, in update or in drawing.
    #[test]
    fn no_sequence_of_events_panics(
        steps in proptest::collection::vec((0usize..64, 0u16..220, 0u16..70), 1..40)
    ) {
        use quotediff::tui::app::InputEdit;
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;

        let mut app = bundled(Theme::dark());
        app.update(Action::Resize { width: 160, height: 45 });
        // Every command first (however many there are), then the other events.
        let commands = Command::ALL.len();
        for (kind, x, y) in steps {
            let action = match kind {
                k if k < commands && Command::ALL[k] != Command::Quit => {
                    Action::Command(Command::ALL[k])
                }
                k if k < commands => Action::Tick,
                k => match k - commands {
                    0 => Action::Resize { width: x, height: y },
                    1 => Action::Click { column: x, row: y },
                    2 => Action::Wheel { column: x, row: y, down: x % 2 == 0 },
                    e @ 3..=7 => Action::Input(InputEdit::Char(['e', 'K', ' ', '\u{e9}', '/'][e - 3])),
                    8 => Action::Input(InputEdit::Submit),
                    9 => Action::Input(InputEdit::Backspace),
                    10 => Action::Input(InputEdit::Cancel),
                    _ => Action::Tick,
                },
            };
            app.update(action);
            let area = Rect::new(0, 0, app.size.0, app.size.1);
            let mut buffer = Buffer::empty(area);
            view::draw(&app, area, &mut buffer);
        }
        proptest::prop_assert!(!app.quit);
    }
}

/// The real release binary in a pseudo-terminal, its screen read by a terminal emulator.
mod terminal {
    use std::path::Path;

    use super::pty::Session;

    const ROWS: u16 = 45;
    const COLS: u16 = 160;

    /// `quotediff ARGS` in `dir`, in its own terminal of 45 by 160.
    fn start(dir: &Path, args: &[&str]) -> Session {
        Session::start(dir, args, (ROWS, COLS), &[])
    }

    /// The bundled pair written as `readout.txt` and `story.txt` in a fresh folder, and
    /// where their review file goes.
    fn bundled_pair_in_a_folder() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let (source, article) = quotediff::document::bundled_pair();
        std::fs::write(dir.path().join("readout.txt"), &source.text).unwrap();
        std::fs::write(dir.path().join("story.txt"), &article.text).unwrap();
        let sidecar = dir.path().join("story.txt.quotediff.json");
        (dir, sidecar)
    }

    #[test]
    fn review_in_a_real_terminal_keeps_verdicts_across_launches() {
        let (dir, sidecar) = bundled_pair_in_a_folder();

        let mut first = start(dir.path(), &["readout.txt", "story.txt"]);
        let screen = first.wait_for(" 1/11 ");
        assert!(screen.contains("THE CITY OF NEW YORK"), "{screen}");
        assert!(
            screen.contains("A federal immigration agent's presence"),
            "{screen}"
        );
        first.keys("n");
        first.wait_for(" 2/11 M2 paraphrase");
        first.keys("N");
        first.wait_for(" 1/11 M1 paraphrase");
        first.keys("a");
        first.wait_for(" 1/11 M1 paraphrase · edited \u{2713} accepted │ 1/11 reviewed");
        first.keys("q");
        assert_eq!(first.exit_code(), 0);
        first.assert_restored();

        let saved = std::fs::read_to_string(&sidecar).expect("the sidecar was written");
        assert!(saved.contains("\"verdict\": \"accepted\""), "{saved}");
        assert!(saved.contains("\"match\": "), "{saved}");

        // The report carries the verdict too.
        let report = std::process::Command::new(env!("CARGO_BIN_EXE_quotediff"))
            .args(["report", "readout.txt", "story.txt"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(String::from_utf8_lossy(&report.stdout).contains("verdict: accepted"));

        let mut second = start(dir.path(), &["readout.txt", "story.txt"]);
        let screen = second.wait_for("1/11 reviewed");
        assert!(
            screen.contains("restored 1 verdict from story.txt.quotediff.json"),
            "{screen}"
        );
        assert!(screen.contains("verdict: \u{2713} accepted"), "{screen}");
        // A resize re-wraps at once: under 100 columns the panes stack.
        second.resize(40, 90);
        // Side by side, the article pane's corner follows the source pane's on one line.
        second.wait_for("\n┌▶ ARTICLE");
        second.keys("\x03"); // Ctrl-C
        assert_eq!(second.exit_code(), 0);
        second.assert_restored();
    }

    #[test]
    fn a_relaunch_opens_at_the_stop_where_the_reviewer_left() {
        let (dir, sidecar) = bundled_pair_in_a_folder();
        let mut first = start(dir.path(), &["readout.txt", "story.txt"]);
        first.wait_for(" 1/11 ");
        first.keys("nnnn");
        first.wait_for(" 5/11 ");
        first.keys("q");
        assert_eq!(first.exit_code(), 0);
        let saved = std::fs::read_to_string(&sidecar).expect("the place was saved");
        assert!(saved.contains("\"place\""), "{saved}");
        let mut second = start(dir.path(), &["readout.txt", "story.txt"]);
        second.wait_for(" 5/11 ");
        second.keys("q");
        assert_eq!(second.exit_code(), 0);
    }

    /// `kill` (SIGTERM) and a closed terminal window (SIGHUP) used to leave the terminal in
    /// raw mode on the alternate screen, cursor hidden and mouse reporting on.
    #[cfg(unix)]
    #[test]
    fn signals_restore_the_terminal() {
        for (signal, code) in [
            (libc::SIGTERM, 143),
            (libc::SIGHUP, 129),
            (libc::SIGINT, 130),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let mut session = start(dir.path(), &[]);
            session.wait_for(" 1/11 ");
            let pid = session.child.process_id().expect("a process id") as libc::pid_t;
            // SAFETY: kill only sends a signal to the child we started.
            assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
            assert_eq!(session.exit_code(), code, "signal {signal}");
            session.assert_restored();
        }
    }

    #[test]
    fn a_verdict_on_a_quotation_not_in_the_source() {
        let (dir, sidecar) = bundled_pair_in_a_folder();

        let mut first = start(dir.path(), &["readout.txt", "story.txt"]);
        first.wait_for(" 1/11 ");
        first.keys("fffff");
        first.wait_for("filter: not in source (3)");
        first.keys("x");
        let screen = first.wait_for("! unverifiable");
        assert!(screen.contains("1/11 reviewed"), "{screen}");
        first.keys("q");
        assert_eq!(first.exit_code(), 0);
        let saved = std::fs::read_to_string(&sidecar).expect("the sidecar was written");
        assert!(saved.contains("\"verdict\": \"unverifiable\""), "{saved}");
        assert!(saved.contains("\"quotation\": 2"), "{saved}");
        // The reports count it (a stop with no match) and show it on its quotation.
        let report = |format: &str| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_quotediff"))
                .args(["report", "--format", format, "readout.txt", "story.txt"])
                .current_dir(dir.path())
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let text = report("text");
        assert!(
            text.contains("Reviewed: 1/11 (matches and quotations without one)."),
            "{text}"
        );
        assert!(text.contains("verdict: unverifiable"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
        assert_eq!(json["review"]["reviewed"], 1);
        assert_eq!(json["review"]["total"], 11);
        assert_eq!(json["quotes"][1]["verdict"], "unverifiable");
        assert!(report("html").contains("<strong>1/11</strong>"));

        let mut second = start(dir.path(), &["readout.txt", "story.txt"]);
        let screen = second.wait_for("1/11 reviewed");
        assert!(screen.contains("restored 1 verdict"), "{screen}");
        second.keys("q");
        assert_eq!(second.exit_code(), 0);
    }

    /// Starts a review of the pair in `dir`, waits for its first screen, runs `keys` and
    /// waits for `then`; the session, to go on.
    fn review_with(dir: &Path, extra: &[&str], keys: &str, then: &str) -> (Session, String) {
        let mut args = vec!["readout.txt", "story.txt"];
        args.extend_from_slice(extra);
        let mut session = start(dir, &args);
        session.wait_for(" reviewed");
        session.keys(keys);
        let screen = session.wait_for(then);
        (session, screen)
    }

    fn quit(mut session: Session) {
        session.keys("q");
        assert_eq!(session.exit_code(), 0, "{}", session.contents());
    }

    #[test]
    fn verdicts_survive_an_edit_of_the_article_and_the_lost_are_named() {
        let (dir, _) = bundled_pair_in_a_folder();
        // Accept the first three stops, mark the first quotation not in the source.
        let (first, _) = review_with(dir.path(), &[], "anana", "3/11 reviewed");
        quit(first);
        let (second, _) = review_with(dir.path(), &[], "fffffX", "4/11 reviewed");
        quit(second);
        // One word at the top, and the sentence of the second stop removed.
        let story = dir.path().join("story.txt");
        let text = std::fs::read_to_string(&story).unwrap();
        let (_, article) = quotediff::document::bundled_pair();
        let c = quotediff::compare::compare(
            quotediff::document::bundled_pair().0,
            article,
            &quotediff::compare::CompareOptions::default(),
        );
        let second = c.matches[1].article.slice(&text).to_string();
        std::fs::write(
            &story,
            format!("UPDATED: {}", text.replacen(&second, "", 1)),
        )
        .unwrap();
        let mut session = start(dir.path(), &["readout.txt", "story.txt"]);
        // The first two stops were two source sentences retold by one article sentence, the
        // one removed: both are lost and named. The third now starts "UPDATED:" and keeps
        // its verdict, as does the quotation not in the source, though every span moved.
        let screen =
            session.wait_for("the article changed since: 2 verdicts carried over, 2 lost: M1 ");
        assert!(screen.contains("M1 \u{201c}A federal"), "{screen}");
        assert!(screen.contains("2/9 reviewed"), "{screen}");
        session.keys("q");
        assert_eq!(session.exit_code(), 0);
    }

    #[test]
    fn two_instances_on_one_pair_lose_nothing() {
        let (dir, sidecar) = bundled_pair_in_a_folder();
        let mut first = start(dir.path(), &["readout.txt", "story.txt"]);
        let mut second = start(dir.path(), &["readout.txt", "story.txt"]);
        first.wait_for(" 1/11 ");
        second.wait_for(" 1/11 ");
        first.keys("a");
        first.wait_for("saved to");
        second.keys("nx");
        let screen = second.wait_for("merged 1 verdict saved by another window");
        assert!(screen.contains("2/11 reviewed"), "{screen}");
        first.keys("nnu");
        first.wait_for("saved to");
        quit(first);
        quit(second);
        let saved = std::fs::read_to_string(&sidecar).unwrap();
        assert!(
            saved.contains("\"accepted\"") && saved.contains("\"flagged\""),
            "{saved}"
        );
    }

    #[test]
    fn a_failed_save_stays_on_screen_and_q_asks() {
        let (dir, _) = bundled_pair_in_a_folder();
        let folder = dir.path().join("frozen");
        std::fs::create_dir(&folder).unwrap();
        let mut review = folder.join("story.quotediff.json");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
            // The superuser writes into a read-only folder anyway: a path under a file then.
            if std::fs::write(folder.join("probe"), "").is_ok() {
                review = dir.path().join("story.txt").join("review.json");
            }
        }
        let review = review.to_string_lossy().into_owned();
        let (mut s, _) = review_with(dir.path(), &["--review-file", &review], "a", "NOT SAVED");
        s.keys("n");
        let screen = s.wait_for(" 2/11 ");
        assert!(screen.contains("NOT SAVED"), "{screen}");
        s.keys("q");
        s.wait_for("quit and lose them?");
        s.keys("q");
        assert_eq!(s.exit_code(), 0);
    }

    #[test]
    fn a_broken_review_file_is_kept() {
        let (dir, sidecar) = bundled_pair_in_a_folder();
        std::fs::write(&sidecar, b"\xff\xfe not a review").unwrap();
        let old = dir.path().join("story.txt.quotediff.json.old");
        std::fs::write(&old, "an earlier backup").unwrap();
        let (s, screen) = review_with(dir.path(), &[], "", "not a quotediff review file");
        assert!(screen.contains("starting a fresh review"), "{screen}");
        let mut s = s;
        s.keys("a");
        s.wait_for("the old review is kept as");
        quit(s);
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "an earlier backup");
        let kept = dir.path().join("story.txt.quotediff.json.old.2");
        assert_eq!(std::fs::read(&kept).unwrap(), b"\xff\xfe not a review");
        assert!(std::fs::read_to_string(&sidecar)
            .unwrap()
            .contains("accepted"));
    }

    #[test]
    fn the_bundled_pair_keeps_its_review_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = start(dir.path(), &[]);
        s.wait_for(" 1/11 ");
        s.keys("a");
        s.wait_for("saved to");
        quit(s);
        let file = dir
            .path()
            .join("quotediff")
            .join("bundled-pair.quotediff.json");
        assert!(std::fs::read_to_string(&file).unwrap().contains("accepted"));
        let again = start(dir.path(), &[]);
        again.wait_for("1/11 reviewed");
        quit(again);
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_permissions_refuses_links_out_of_place_and_devices() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, sidecar) = bundled_pair_in_a_folder();
        let (s, _) = review_with(dir.path(), &[], "a", "saved to");
        quit(s);
        std::fs::set_permissions(&sidecar, std::fs::Permissions::from_mode(0o600)).unwrap();
        let (s, _) = review_with(dir.path(), &[], "nx", "saved to");
        quit(s);
        let mode = std::fs::metadata(&sidecar).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);

        let elsewhere = tempfile::tempdir().unwrap();
        let outside = elsewhere.path().join("elsewhere.json");
        std::fs::write(&outside, "{}").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let (s, _) = review_with(
            dir.path(),
            &["--review-file", "link.json"],
            "a",
            "a symbolic link out of its folder",
        );
        drop(s);
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "{}");

        let (s, _) = review_with(
            dir.path(),
            &["--review-file", "/dev/zero"],
            "",
            "/dev/zero: not a regular file",
        );
        drop(s);
    }

    #[test]
    fn output_that_is_not_a_terminal_points_to_report() {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_quotediff"))
            .env("XDG_CONFIG_HOME", std::env::temp_dir())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("quotediff report"), "{err}");
        assert!(out.stdout.is_empty());
    }
}
