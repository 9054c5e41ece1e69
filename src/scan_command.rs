//! `quotediff scan` and `quotediff open`: the command line over [`quotediff::scan`].
//!
//! Kept apart from `main.rs` so the binary's entry point stays a dispatcher. This file only
//! reads options, draws the progress bar on standard error and writes files; the scan itself
//! is the library's.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};

use crate::cli::{EngineArgs, OpenArgs, ReviewArgs, ScanArgs, ScanFormat};
use crate::exit_codes;
use quotediff::document::LoadOptions;
use quotediff::scan::archive;
use quotediff::scan::output::{self, ResultWriter};
use quotediff::scan::{self, lookup, summary, ScanOptions, Sources};

/// What `scan --out` leaves in PATH.summary.json: where the archives are, and the rankings.
#[derive(Debug, Serialize, Deserialize)]
struct SummaryFile {
    sources: PathBuf,
    articles: PathBuf,
    summary: serde_json::Value,
}

fn summary_path(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".summary.json");
    PathBuf::from(name)
}

/// Runs `quotediff scan`.
pub fn scan(args: &ScanArgs, engine: &EngineArgs) -> Result<u8> {
    let mut options = ScanOptions {
        min_shared_shingles: args.min_shingles.max(1),
        boilerplate_sources: args.boilerplate.unwrap_or(0),
        max_candidates: args.max_candidates,
        window_days: args.window,
        min_share: args.min_share,
        min_quote_words: args.min_quote_words,
        ..ScanOptions::default()
    };
    options.compare.matching.min_words = engine.min_words as usize;
    options.compare.skip_details = engine.no_details;
    let load = LoadOptions {
        max_bytes: engine.max_bytes,
    };
    let started = Instant::now();
    let sources = match archive::open(&args.sources, &load)
        .and_then(|entries| Sources::read(entries, &options))
    {
        Ok(sources) => sources,
        Err(e) => return bad_input(&e),
    };
    let articles = match archive::open(&args.articles, &load) {
        Ok(articles) => articles,
        Err(e) => return bad_input(&e),
    };
    let (mut writer, done) = open_output(args, &sources)?;
    let progress = progress_bar(&args.articles, done.len());
    let mut records = Vec::new();
    let mut scanned = 0;
    let outcome = scan::run(&sources, articles, &done, &options, |batch| -> Result<()> {
        scanned += batch.len();
        progress.inc(batch.len() as u64);
        writer.write_batch(&batch).context("writing the results")?;
        if args.out.is_none() {
            records.extend(batch.into_iter().flat_map(|r| r.pairs));
        }
        Ok(())
    });
    progress.finish_and_clear();
    if let Err(e) = outcome {
        if let Some(archive_error) = e.downcast_ref::<archive::ArchiveError>() {
            return bad_input(archive_error);
        }
        return Err(e);
    }
    if let Some(out) = &args.out {
        records = output::read_records(out)?;
        write_summary_file(args, out, &records)?;
    }
    crate::output::message(format_args!(
        "scanned {scanned} articles against {} sources ({} shingles, {} dropped as boilerplate): {} pairs kept, {:.1} s",
        sources.len(),
        sources.index().shingles(),
        sources.index().boilerplate_shingles(),
        records.len(),
        started.elapsed().as_secs_f64()
    ));
    if args.format == ScanFormat::Table {
        let mut out = std::io::stdout().lock();
        summary::write_table(&summary::summarize(&records), args.limit, &mut out)?;
        out.flush()?;
    }
    Ok(exit_codes::SUCCESS)
}

/// Where the records go, with the articles an interrupted scan finished (`--resume`); beside
/// `--out`, where each source begins, for `quotediff open`.
fn open_output(args: &ScanArgs, sources: &Sources) -> Result<(ResultWriter, HashSet<String>)> {
    let opening = |e: std::io::Error| anyhow::Error::new(e).context("opening the output");
    let Some(out) = &args.out else {
        let records: Box<dyn Write + Send> = match args.format {
            ScanFormat::Jsonl => Box::new(std::io::stdout()),
            ScanFormat::Table => Box::new(std::io::sink()),
        };
        return Ok((ResultWriter::to_writer(records), HashSet::new()));
    };
    lookup::write_source_offsets(out, sources.entries())
        .with_context(|| format!("writing the offsets beside {}", out.display()))?;
    if args.resume {
        let done = output::resume(out).with_context(|| format!("resuming {}", out.display()))?;
        return Ok((ResultWriter::append(out).map_err(opening)?, done));
    }
    Ok((ResultWriter::create(out).map_err(opening)?, HashSet::new()))
}

fn bad_input(error: &dyn std::fmt::Display) -> Result<u8> {
    crate::output::message(format_args!("{error}"));
    Ok(exit_codes::BAD_INPUT)
}

fn write_summary_file(
    args: &ScanArgs,
    out: &Path,
    records: &[scan::record::PairRecord],
) -> Result<()> {
    let absolute = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let file = SummaryFile {
        sources: absolute(&args.sources),
        articles: absolute(&args.articles),
        summary: serde_json::to_value(summary::summarize(records))?,
    };
    let path = summary_path(out);
    let text = serde_json::to_string_pretty(&file)?;
    std::fs::write(&path, text + "\n").with_context(|| format!("writing {}", path.display()))
}

/// A bar on standard error (drawn only when it is a terminal), its length the archive's
/// entries when they can be counted cheaply.
fn progress_bar(articles: &Path, done: usize) -> ProgressBar {
    let total = count_entries(articles).unwrap_or(0);
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_position(done as u64);
    bar
}

/// Lines of a JSON Lines file, files of a folder (top level only: an estimate is enough).
fn count_entries(path: &Path) -> Option<usize> {
    if path.is_dir() {
        return Some(std::fs::read_dir(path).ok()?.count());
    }
    let mut file = std::fs::File::open(path).ok()?;
    let mut buffer = vec![0u8; 1 << 20];
    let mut lines = 0;
    loop {
        let read = std::io::Read::read(&mut file, &mut buffer).ok()?;
        if read == 0 {
            return Some(lines);
        }
        lines += buffer[..read].iter().filter(|&&b| b == b'\n').count();
    }
}

/// Runs `quotediff open`: the list of pairs, each opened in the review.
#[cfg(feature = "tui")]
pub fn open(args: &OpenArgs, engine: &EngineArgs, review: &ReviewArgs) -> Result<u8> {
    use quotediff::tui::{self, theme::ThemeName};
    let records = match output::read_records(&args.results) {
        Ok(records) => records,
        Err(e) => return bad_input(&e),
    };
    let summary_file = summary_path(&args.results);
    let recorded: Option<SummaryFile> = std::fs::read_to_string(&summary_file)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    let archive_of = |given: &Option<PathBuf>, recorded: Option<PathBuf>, what: &str| {
        given.clone().or(recorded).ok_or_else(|| {
            format!(
                "{}: no {} archive recorded (no {}); give --{what}",
                args.results.display(),
                what,
                summary_file.display()
            )
        })
    };
    let paths = archive_of(
        &args.sources,
        recorded.as_ref().map(|r| r.sources.clone()),
        "sources",
    )
    .and_then(|sources| {
        archive_of(
            &args.articles,
            recorded.as_ref().map(|r| r.articles.clone()),
            "articles",
        )
        .map(|articles| (sources, articles))
    });
    let (sources, articles) = match paths {
        Ok(paths) => paths,
        Err(message) => return bad_input(&message),
    };
    let load = LoadOptions {
        max_bytes: engine.max_bytes,
    };
    let mut options = quotediff::CompareOptions::default();
    options.matching.min_words = engine.min_words as usize;
    options.skip_details = engine.no_details;
    // Each side is read straight from where the scan noted its entries begin.
    let finder = |path: PathBuf, side| {
        lookup::Finder::new(path, lookup::read_offsets(&args.results, side), load)
    };
    let sources = finder(sources, lookup::Side::Sources);
    let articles = finder(articles, lookup::Side::Articles);
    let open_pair = |record: &scan::record::PairRecord| {
        let find = |finder: &lookup::Finder, id: &str| {
            finder
                .find(id)
                .map_err(|e| format!("{e}"))?
                .ok_or_else(|| format!("{}: no entry {id:?}", finder.path().display()))
        };
        let source = find(&sources, &record.source_id)?;
        let article = find(&articles, &record.article_id)?;
        Ok(scan::compare_entries(&source, &article, &options))
    };
    let tui_options = tui::Options {
        review_file: None,
        theme: review.theme.map(|t| match t {
            crate::cli::ThemeArg::Dark => ThemeName::Dark,
            crate::cli::ThemeArg::Light => ThemeName::Light,
            crate::cli::ThemeArg::Mono => ThemeName::Mono,
        }),
        no_mouse: review.no_mouse,
        config: None,
    };
    match tui::pairs::run(records, open_pair, tui_options) {
        Ok(()) => Ok(exit_codes::SUCCESS),
        Err(e) if e.is_bad_input() => bad_input(&e),
        Err(e) => Err(e.into()),
    }
}

/// Without the `tui` feature there is no list to open.
#[cfg(not(feature = "tui"))]
pub fn open(_args: &OpenArgs, _engine: &EngineArgs, _review: &ReviewArgs) -> Result<u8> {
    bad_input(&"built without the interactive review (feature `tui`)")
}
