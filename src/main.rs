//! The `quotediff` binary: parse the command line, run the library, report errors once.

mod cli;
mod exit_codes;
mod output;
mod scan_command;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use cli::{Cli, Command, EngineArgs, FormatArg, PairArgs};
use quotediff::document::{self, Document, LoadOptions};
use quotediff::report::{self, Format};
use quotediff::review::{self, Review};
use quotediff::{compare, CompareOptions, Comparison};

fn main() -> ExitCode {
    panics_in_one_line();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(command_line_refused(&e)),
    };
    // A bug: the hook has said so in one line (and the interface restored the terminal as
    // the panic unwound through it).
    let Ok(result) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli))) else {
        return ExitCode::from(exit_codes::FAILURE);
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if output::is_broken_pipe(&err) {
                return ExitCode::from(exit_codes::SUCCESS);
            }
            let code = if err.downcast_ref::<document::LoadError>().is_some()
                || err.downcast_ref::<UsageError>().is_some()
            {
                exit_codes::BAD_INPUT
            } else {
                exit_codes::FAILURE
            };
            output::message(format_args!("{err:#}"));
            ExitCode::from(code)
        }
    }
}

/// A command line that parses but asks for something impossible.
#[derive(Debug)]
struct UsageError(&'static str);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for UsageError {}

/// A panic is a bug in quotediff: the user gets one line naming it, never Rust's message
/// and backtrace (the exit code, 1, says something went wrong inside quotediff). The PDF
/// reader panics on some damaged files; the library catches that and reports a clear error,
/// so those panics say nothing at all.
fn panics_in_one_line() {
    std::panic::set_hook(Box::new(|info| {
        if quotediff::extract::pdf::in_pdf_reader() {
            return;
        }
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("a panic");
        let what = what.lines().next().unwrap_or_default();
        match info.location() {
            Some(at) => output::message(format_args!(
                "internal error, please report it: {what} (at {}:{})",
                at.file(),
                at.line()
            )),
            None => output::message(format_args!("internal error, please report it: {what}")),
        }
    }));
}

/// What clap says when it does not run a command: help and the version on standard output
/// (exit 0, or 1 when they cannot be written), a usage error on standard error (exit 2).
/// clap's own `exit()` ignores write errors, so `--help > /dev/full` used to exit 0.
fn command_line_refused(e: &clap::Error) -> u8 {
    let styled = e.render();
    if !e.use_stderr() {
        let text = if std::io::stdout().is_terminal() {
            styled.ansi().to_string()
        } else {
            styled.to_string()
        };
        let what = match e.kind() {
            clap::error::ErrorKind::DisplayVersion => "writing the version",
            _ => "writing the help",
        };
        return match output::stdout(text.as_bytes()) {
            Ok(()) => exit_codes::SUCCESS,
            Err(err) => output::write_failed(&err, what),
        };
    }
    let text = if std::io::stderr().is_terminal() {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
    u8::try_from(e.exit_code()).unwrap_or(exit_codes::BAD_INPUT)
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Some(Command::Report(args)) => {
            let comparison = load_and_compare(&args.pair, &cli.engine)?;
            let format = match args.format {
                FormatArg::Text => Format::Text,
                FormatArg::Json => Format::Json,
                FormatArg::Html => Format::Html,
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            // Verdicts recorded in the interactive review, when the article has a sidecar.
            let review = review_path(&cli.review, &args.pair).and_then(|path| {
                let review = Review::load(&path, &comparison).unwrap_or_else(|e| {
                    output::message(format_args!("warning: {e}"));
                    None
                });
                if let Some(lost) = review.as_ref().map(Review::lost).filter(|l| !l.is_empty()) {
                    let ids: Vec<&str> = lost.iter().map(|l| l.id.as_str()).collect();
                    output::message(format_args!(
                        "warning: {}: {} verdicts could not be carried over to the edited documents ({})",
                        path.display(),
                        lost.len(),
                        ids.join(", ")
                    ));
                }
                review
            });
            report::write(&comparison, review.as_ref(), format, &mut out)
                .context("writing the report")?;
            out.flush().context("writing the report")?;
            Ok(exit_codes::SUCCESS)
        }
        Some(Command::Extract(args)) => {
            let options = LoadOptions {
                max_bytes: cli.engine.max_bytes,
            };
            let loaded = document::load_as(&args.file, &options, args.format.map(Into::into))?;
            print_notes(&loaded);
            // Raw into a pipe or a file; on a terminal, the document's control characters
            // (escape sequences) are shown, not obeyed. Line ends (CRLF too) stay.
            let text = &loaded.document.text;
            let text = match std::io::stdout().is_terminal() {
                true => output::visible(text, &['\t', '\n', '\r']),
                false => text.into(),
            };
            output::stdout(text.as_bytes()).context("writing the text")?;
            Ok(exit_codes::SUCCESS)
        }
        Some(Command::Scan(args)) => scan_command::scan(&args, &cli.engine),
        Some(Command::Open(args)) => scan_command::open(&args, &cli.engine, &cli.review),
        Some(Command::Completions(args)) => {
            // Generated in memory: clap_complete panics when its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "quotediff", &mut script);
            output::stdout(&script).context("writing the completions")?;
            Ok(exit_codes::SUCCESS)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .context("writing the man page")?;
            output::stdout(&page).context("writing the man page")?;
            Ok(exit_codes::SUCCESS)
        }
        None => review_interactively(&cli),
    }
}

/// Opens the interactive review (feature `tui`).
#[cfg(feature = "tui")]
fn review_interactively(cli: &Cli) -> Result<u8> {
    use quotediff::tui::{self, theme::ThemeName};
    let comparison = load_and_compare(&cli.pair, &cli.engine)?;
    let review_file = review_path(&cli.review, &cli.pair);
    if let (None, None, Some(folder)) = (
        &cli.pair.source,
        &cli.pair.article,
        review_file.as_deref().and_then(|p| p.parent()),
    ) {
        // The data folder of the bundled pair's review may not exist yet.
        let _ = std::fs::create_dir_all(folder);
    }
    let options = tui::Options {
        review_file,
        theme: cli.review.theme.map(|t| match t {
            cli::ThemeArg::Dark => ThemeName::Dark,
            cli::ThemeArg::Light => ThemeName::Light,
            cli::ThemeArg::Mono => ThemeName::Mono,
        }),
        no_mouse: cli.review.no_mouse,
        config: None,
    };
    match tui::run(comparison, options) {
        Ok(()) => Ok(exit_codes::SUCCESS),
        Err(e) if e.is_bad_input() => {
            output::message(format_args!("{e}"));
            Ok(exit_codes::BAD_INPUT)
        }
        Err(e) => Err(e.into()),
    }
}

/// Without the `tui` feature there is only the report.
#[cfg(not(feature = "tui"))]
fn review_interactively(_cli: &Cli) -> Result<u8> {
    output::message(format_args!(
        "built without the interactive review (feature `tui`); use `quotediff report`"
    ));
    Ok(exit_codes::BAD_INPUT)
}

/// Where the verdicts of a pair are kept: `--review-file`, else beside the article, else (the
/// bundled pair) in the user's data folder; none for an article read from standard input.
fn review_path(options: &cli::ReviewArgs, pair: &PairArgs) -> Option<std::path::PathBuf> {
    if let Some(path) = &options.review_file {
        return Some(path.clone());
    }
    match (&pair.source, &pair.article) {
        (None, None) => review::bundled_path(),
        (_, Some(article)) if article.as_os_str() != "-" => Some(review::default_path(article)),
        _ => None,
    }
}

/// Loads the pair named on the command line (or the bundled one) and compares it.
fn load_and_compare(pair: &PairArgs, engine: &EngineArgs) -> Result<Comparison> {
    let (source, article) = load_pair(pair, engine)?;
    let mut options = CompareOptions::default();
    options.matching.min_words = engine.min_words as usize;
    options.skip_details = engine.no_details;
    options.dates.source = engine.source_date;
    options.dates.article = engine.article_date;
    Ok(compare(source, article, &options))
}

fn load_pair(pair: &PairArgs, engine: &EngineArgs) -> Result<(Document, Document)> {
    let options = LoadOptions {
        max_bytes: engine.max_bytes,
    };
    match (&pair.source, &pair.article) {
        (Some(source), Some(article)) => {
            if source.as_os_str() == "-" && article.as_os_str() == "-" {
                return Err(UsageError(
                    "only one of SOURCE and ARTICLE can be read from standard input (-)",
                )
                .into());
            }
            // Both files are read (and decoded, and extracted from HTML or PDF) side by side.
            let (source, article) = std::thread::scope(|scope| {
                let other = scope.spawn(|| {
                    document::load_as(article, &options, engine.article_format.map(Into::into))
                });
                let source =
                    document::load_as(source, &options, engine.source_format.map(Into::into));
                let article = other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (source, article)
            });
            let (source, article) = (source?, article?);
            print_notes(&source);
            print_notes(&article);
            Ok((source.document, article.document))
        }
        _ => Ok(document::bundled_pair()),
    }
}

/// Tells the user what was assumed to read a file (an encoding guessed), on standard error.
fn print_notes(loaded: &document::Loaded) {
    let name = match loaded.document.name.as_str() {
        "<stdin>" => "standard input",
        name => name,
    };
    for note in &loaded.notes {
        output::message(format_args!("note: {name}: {note}"));
    }
}
