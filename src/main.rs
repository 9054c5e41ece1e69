//! The `quotediff` binary: parse the command line, run the library, report errors once.

mod cli;
mod exit_codes;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use cli::{Cli, Command, EngineArgs, FormatArg, PairArgs};
use quotediff::document::{self, Document, LoadOptions};
use quotediff::report::{self, Format};
use quotediff::review::{self, Review};
use quotediff::{compare, CompareOptions, Comparison};

fn main() -> ExitCode {
    quiet_pdf_reader_panics();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(exit_codes::SUCCESS);
            }
            let code = if err.downcast_ref::<document::LoadError>().is_some() {
                exit_codes::BAD_INPUT
            } else {
                exit_codes::FAILURE
            };
            eprintln!("quotediff: {err:#}");
            ExitCode::from(code)
        }
    }
}

/// The PDF reader panics on some damaged files; the library catches that and reports a clear
/// error, so the panic's own message would only be noise before it.
fn quiet_pdf_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !quotediff::extract::pdf::in_pdf_reader() {
            default(info);
        }
    }));
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
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
            let review = match &args.pair.article {
                Some(article) if article.as_os_str() != "-" => {
                    Review::load(&review::default_path(article), &comparison).unwrap_or_else(|e| {
                        eprintln!("quotediff: warning: {e}");
                        None
                    })
                }
                _ => None,
            };
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
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(loaded.document.text.as_bytes())
                .and_then(|()| out.flush())
                .context("writing the text")?;
            Ok(exit_codes::SUCCESS)
        }
        Some(Command::Completions(args)) => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(args.shell, &mut Cli::command(), "quotediff", &mut out);
            out.flush().context("writing the completions")?;
            Ok(exit_codes::SUCCESS)
        }
        Some(Command::Man) => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .and_then(|()| out.flush())
                .context("writing the man page")?;
            Ok(exit_codes::SUCCESS)
        }
        None => {
            let _comparison = load_and_compare(&cli.pair, &cli.engine)?;
            eprintln!("quotediff: the interactive review is not built yet; use `quotediff report`");
            Ok(exit_codes::FAILURE)
        }
    }
}

/// Loads the pair named on the command line (or the bundled one) and compares it.
fn load_and_compare(pair: &PairArgs, engine: &EngineArgs) -> Result<Comparison> {
    let (source, article) = load_pair(pair, engine)?;
    let mut options = CompareOptions::default();
    options.matching.min_words = engine.min_words as usize;
    Ok(compare(source, article, &options))
}

fn load_pair(pair: &PairArgs, engine: &EngineArgs) -> Result<(Document, Document)> {
    let options = LoadOptions {
        max_bytes: engine.max_bytes,
    };
    match (&pair.source, &pair.article) {
        (Some(source), Some(article)) => {
            if source.as_os_str() == "-" && article.as_os_str() == "-" {
                anyhow::bail!("only one of SOURCE and ARTICLE can be read from standard input (-)");
            }
            let source = document::load_as(source, &options, engine.source_format.map(Into::into))?;
            let article =
                document::load_as(article, &options, engine.article_format.map(Into::into))?;
            print_notes(&source);
            print_notes(&article);
            Ok((source.document, article.document))
        }
        _ => Ok(document::bundled_pair()),
    }
}

/// Tells the user what was assumed to read a file (an encoding guessed), on standard error.
fn print_notes(loaded: &document::Loaded) {
    for note in &loaded.notes {
        eprintln!("quotediff: note: {}: {note}", loaded.document.name);
    }
}
