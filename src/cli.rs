//! The command line: what the user can ask for, parsed by clap.
//!
//! Only definitions live here; `main.rs` runs them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare an official text (a press release, a readout, a statement, a transcript) with an
/// article that reports on it: what was quoted and how faithfully, what was reused without
/// quotation marks, which quotations come from elsewhere, which details changed.
#[derive(Debug, Parser)]
#[command(name = "quotediff", version, about, long_about = None)]
#[command(after_help = "Examples:
  quotediff                                  review the bundled example pair
  quotediff release.txt article.txt          review a pair interactively
  quotediff report release.txt article.txt   print a text report
  quotediff report --format json release.txt article.txt > report.json
  quotediff report --format html release.pdf page.html > review.html
  quotediff extract page.html                see the text compared for a file
  quotediff scan --sources releases/ --articles archive.jsonl --out results.jsonl
  quotediff completions bash > ~/.local/share/bash-completion/completions/quotediff")]
pub struct Cli {
    /// What to do; without a subcommand, open the interactive review.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files to review interactively (the source first); none for the bundled pair.
    #[command(flatten)]
    pub pair: PairArgs,

    /// Settings of the comparison.
    #[command(flatten)]
    pub engine: EngineArgs,

    /// Settings of the interactive review.
    #[command(flatten)]
    pub review: ReviewArgs,
}

/// Options of the interactive review.
#[derive(Debug, Args, Clone)]
pub struct ReviewArgs {
    /// Where verdicts are kept (default: ARTICLE.quotediff.json beside the article); the
    /// report reads them from there too.
    #[arg(long, global = true, value_name = "PATH")]
    pub review_file: Option<PathBuf>,
    /// Colours: dark, light or mono (default: dark; mono when NO_COLOR is set).
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
    /// Leave the mouse to the terminal, so text can be selected and copied.
    #[arg(long)]
    pub no_mouse: bool,
}

/// Themes on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ThemeArg {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colour: bold, underline, reverse and gutter markers only.
    Mono,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a report of the comparison (text, JSON or HTML) instead of opening the review.
    Report(ReportArgs),
    /// Print the text quotediff extracts from a file (HTML, Markdown, PDF, DOCX, any encoding):
    /// what is compared, and what every offset refers to.
    Extract(ExtractArgs),
    /// Find which articles of an archive took what from which releases (JSON Lines out).
    Scan(ScanArgs),
    /// Open a scan's results: the pairs, highest share first; Enter reviews one.
    Open(OpenArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff) to standard output.
    #[command(hide = true)]
    Man,
}

/// `quotediff extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// How to read the file; detected from its content and extension when omitted.
    #[arg(long = "as", value_enum, value_name = "FORMAT")]
    pub format: Option<InputFormat>,
    /// The file (or - for standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// `quotediff completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Formats of the input files.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// Plain text in UTF-8, UTF-16 (with a byte-order mark) or a legacy encoding.
    Text,
    /// A web page: its main content.
    Html,
    /// Markdown: the prose.
    Markdown,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document.
    Docx,
}

impl From<InputFormat> for quotediff::extract::Format {
    fn from(format: InputFormat) -> Self {
        use quotediff::extract::Format;
        match format {
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Pdf => Format::Pdf,
            InputFormat::Docx => Format::Docx,
        }
    }
}

/// The two documents.
#[derive(Debug, Args, Clone)]
pub struct PairArgs {
    /// The official text (a file, or - for standard input).
    #[arg(value_name = "SOURCE", requires = "article")]
    pub source: Option<PathBuf>,
    /// The article that reports on it (a file, or - for standard input).
    #[arg(value_name = "ARTICLE")]
    pub article: Option<PathBuf>,
}

/// Options that change what the engine finds.
#[derive(Debug, Args, Clone)]
pub struct EngineArgs {
    /// Fewest shared words for a passage outside quotation marks to count as reuse.
    #[arg(long, global = true, default_value_t = 6, value_name = "N", value_parser = clap::value_parser!(u32).range(2..))]
    pub min_words: u32,
    /// Quotations and reuse only: skip paraphrase alignment and the comparison of details
    /// (numbers, dates, names), which take most of the time on very long documents.
    #[arg(long, global = true)]
    pub no_details: bool,
    /// Largest input file accepted, in bytes (at most 4 GiB).
    #[arg(long, global = true, default_value_t = quotediff::document::DEFAULT_MAX_BYTES, value_name = "BYTES",
          value_parser = clap::value_parser!(u64).range(1..=quotediff::document::HARD_MAX_BYTES))]
    pub max_bytes: u64,
    /// Date the source was issued (YYYY-MM-DD), for "today", "yesterday", "last week";
    /// without it, the dateline the source carries.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub source_date: Option<quotediff::details::CalendarDate>,
    /// Date the article was published (YYYY-MM-DD); without it, its dateline, else inferred.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub article_date: Option<quotediff::details::CalendarDate>,
    /// How to read SOURCE; detected from its content and extension when omitted.
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub source_format: Option<InputFormat>,
    /// How to read ARTICLE; detected from its content and extension when omitted.
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub article_format: Option<InputFormat>,
}

/// Parses a YYYY-MM-DD date that exists in the calendar.
fn parse_date(text: &str) -> Result<quotediff::details::CalendarDate, String> {
    quotediff::details::CalendarDate::parse(text)
        .ok_or_else(|| format!("expected a date as YYYY-MM-DD, got {text:?}"))
}

/// `quotediff report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// The two documents; none for the bundled pair.
    #[command(flatten)]
    pub pair: PairArgs,
}

/// Report formats on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// A listing to read.
    Text,
    /// The JSON contract (docs/report-format.md).
    Json,
    /// One self-contained page to send to an editor: both texts side by side.
    Html,
}

/// `quotediff scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The releases: a folder of documents (any format `extract` reads) or a JSON Lines file
    /// of {"id", "text", "date"?, "url"?, "title"?}.
    #[arg(long, value_name = "PATH")]
    pub sources: PathBuf,
    /// The articles, as for --sources; read as a stream, so any size.
    #[arg(long, value_name = "PATH")]
    pub articles: PathBuf,
    /// Where the pairs go (JSON Lines), with PATH.done (finished articles, for --resume) and
    /// PATH.summary.json; without it, the pairs go to standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// jsonl: the pairs (to standard output without --out); table: the ranking, for a person.
    #[arg(long, short, value_enum, default_value_t = ScanFormat::Jsonl)]
    pub format: ScanFormat,
    /// Go on with an interrupted scan into --out, without redoing finished articles.
    #[arg(long, requires = "out")]
    pub resume: bool,
    /// Keep a pair without a shared quotation when at least this share of the article comes
    /// from the source (0.05 or 5%).
    #[arg(long, default_value = "5%", value_name = "SHARE", value_parser = parse_share)]
    pub min_share: f64,
    /// Keep a pair below --min-share only when one of its quotations shares at least this
    /// many words with the source (a short quoted phrase is found in some release by chance).
    #[arg(long, default_value_t = quotediff::scan::record::Keeping::DEFAULT_QUOTE_WORDS, value_name = "N")]
    pub min_quote_words: usize,
    /// Fewest five-word shingles an article must share with a source to be compared with it
    /// (fewer for a short article: never more than a twentieth of it in one piece gives).
    #[arg(long, default_value_t = quotediff::scan::ScanOptions::default().min_shared_shingles, value_name = "N")]
    pub min_shingles: usize,
    /// Most sources compared with one article.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub max_candidates: usize,
    /// Days after a release its articles may appear (when both are dated).
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub window: i64,
    /// A shingle in more sources than this is boilerplate (default: 1% of them, at least 5).
    #[arg(long, value_name = "N")]
    pub boilerplate: Option<usize>,
    /// Rows of each ranking in --format table.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
}

/// Output formats of `scan`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ScanFormat {
    /// One JSON line per kept pair.
    Jsonl,
    /// The rankings of sources and articles, for a person.
    Table,
}

/// `quotediff open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The output of `quotediff scan --out`.
    #[arg(value_name = "RESULTS")]
    pub results: PathBuf,
    /// The releases, when not where the scan read them.
    #[arg(long, value_name = "PATH")]
    pub sources: Option<PathBuf>,
    /// The articles, when not where the scan read them.
    #[arg(long, value_name = "PATH")]
    pub articles: Option<PathBuf>,
}

/// A share as a fraction (0.05) or a percentage (5%).
fn parse_share(text: &str) -> Result<f64, String> {
    let (number, scale) = match text.strip_suffix('%') {
        Some(number) => (number, 100.0),
        None => (text, 1.0),
    };
    match number.trim().parse::<f64>() {
        Ok(value) if (0.0..=1.0).contains(&(value / scale)) => Ok(value / scale),
        _ => Err(format!("expected a share such as 0.05 or 5%, got {text:?}")),
    }
}
