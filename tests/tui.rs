//! The interactive review, from the outside: full-screen snapshots of the bundled pair drawn
//! into ratatui's `TestBackend`, and the real release binary driven in a pseudo-terminal.
#![cfg(feature = "tui")]

use quotediff::compare::{compare, CompareOptions};
use quotediff::document::{bundled_pair, Document};
use quotediff::review::Review;
use quotediff::tui::app::{Action, App, ReviewFile};
use quotediff::tui::keys::{Command, KeyTable};
use quotediff::tui::theme::{Theme, ThemeName};
use quotediff::tui::{choose_theme, view};
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

fn review_of(source: Document, article: Document, theme: Theme) -> App {
    let c = compare(source, article, &CompareOptions::default());
    let review = Review::new(&c);
    App::new(c, review, ReviewFile::default(), theme, KeyTable::default())
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
    assert!(screen.contains(" 1/7 quotation · verified · exact"));
    insta::assert_snapshot!("start_160x45", t.backend());
}

#[test]
fn after_next_three_times() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::Next, 3);
    let t = draw(&mut app, 160, 45);
    assert!(text_of(&t).contains(" 4/7 quotation · not in source"));
    insta::assert_snapshot!("next_three_times_160x45", t.backend());
}

#[test]
fn filter_on_quotations_not_in_the_source() {
    let mut app = bundled(Theme::dark());
    draw(&mut app, 160, 45);
    press(&mut app, Command::CycleFilter, 3);
    press(&mut app, Command::Next, 1);
    let t = draw(&mut app, 160, 45);
    let screen = text_of(&t);
    assert!(screen.contains("filter: not in source (3)"));
    assert!(screen.contains(" 2/3 quotation · not in source"));
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
        assert!(screen.contains(c.describe()), "{c:?} missing from help");
    }
    assert!(screen.contains("quotation not in the source"));
    insta::assert_snapshot!("help_160x45", t.backend());
    press(&mut app, Command::Close, 1);
    assert!(!app.help);
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
    assert!(text_of(&t).contains("1/7"));
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
}
