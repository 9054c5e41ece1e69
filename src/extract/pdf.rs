//! The text of a PDF, in reading order, without the page furniture.
//!
//! `pdf-extract` (pure Rust, over `lopdf`) lays out each page's text; this module then joins
//! words hyphenated across a line break, drops page numbers and running headers or footers
//! (a line that recurs at the top or bottom of most pages), and separates pages like
//! paragraphs. It reads the PDFs word processors and press offices produce; it does not do
//! OCR, and multi-column layouts may come out column by column or interleaved. `pdf-extract`
//! can panic on damaged files, so the call is wrapped in `catch_unwind` and a panic becomes
//! an [`ExtractError::Pdf`], never a crash. A C library (poppler, mupdf) would read more
//! PDFs but was rejected to keep the build pure Rust.

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::{tidy, ExtractError};

thread_local! {
    static READING: Cell<bool> = const { Cell::new(false) };
}

/// True while this thread is inside the PDF reader. Its panics (from `pdf-extract`, `lopdf`
/// or the font and CMap parsers under them) are caught and become an [`ExtractError::Pdf`];
/// a panic hook can ask this to keep their messages quiet (the binary does) or to let them
/// unwind (the fuzz target does), while still treating every other panic as a bug.
pub fn in_pdf_reader() -> bool {
    READING.with(Cell::get)
}

/// True when the bytes carry a PDF header (within the first kilobyte, as readers allow).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// The text of every page, cleaned of page numbers and running heads, with streams allowed to
/// unpack to the default input limit.
pub fn extract(bytes: &[u8]) -> Result<String, ExtractError> {
    extract_within(bytes, super::DEFAULT_MAX_BYTES)
}

/// [`extract`], refusing a PDF whose compressed streams unpack to more than `limit` bytes
/// (or to more than ten times the file, half a megabyte at least): counted before the reader,
/// which would unpack them whole, runs. Then, with the file parsed but no page read yet, the
/// pages are costed as the reader would read them ([`super::pdf_cost`]): content drawn over
/// and over, forms that draw themselves and pages too costly to parse are refused too.
pub fn extract_within(bytes: &[u8], limit: u64) -> Result<String, ExtractError> {
    if !looks_like_pdf(bytes) {
        return Err(ExtractError::Pdf {
            reason: "no %PDF- header, so not a PDF".to_string(),
        });
    }
    let objects =
        super::pdf_streams::check(bytes, limit).map_err(|too_much| ExtractError::PdfUnpacks {
            budget: too_much.budget,
        })?;
    let budget = super::pdf_cost::Budget::for_file(bytes.len() as u64, limit);
    super::pdf_cost::check_objects(objects, budget).map_err(ExtractError::PdfPages)?;
    let doc = in_reader(|| load(bytes))?;
    super::pdf_cost::check(&doc, budget).map_err(ExtractError::PdfPages)?;
    let pages = in_reader(|| Ok(pages_of(&doc)))?;
    let text = clean_pages(&pages);
    if text.trim().is_empty() {
        return Err(ExtractError::PdfWithoutText);
    }
    Ok(text)
}

/// Runs `work` inside the PDF reader: its panics and errors become [`ExtractError::Pdf`].
fn in_reader<T>(
    work: impl FnOnce() -> Result<T, pdf_extract::OutputError>,
) -> Result<T, ExtractError> {
    READING.with(|r| r.set(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    READING.with(|r| r.set(false));
    result
        .map_err(|panic| ExtractError::Pdf {
            reason: format!("the PDF reader failed: {}", panic_message(&panic)),
        })?
        .map_err(|e| ExtractError::Pdf {
            reason: e.to_string(),
        })
}

/// The parsed file, decrypted with the empty password when it is encrypted (as
/// `pdf-extract` does: many PDFs are encrypted only to restrict printing).
fn load(bytes: &[u8]) -> Result<pdf_extract::Document, pdf_extract::OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        doc.decrypt("")?;
    }
    Ok(doc)
}

/// The text of each page, as `pdf-extract`'s own page-by-page reading gives it (a fresh
/// plain-text layout per page; reading stops at the first page that fails), but walking the
/// page tree once: its per-page call walks it again for every page.
fn pages_of(doc: &pdf_extract::Document) -> Vec<String> {
    let mut pages = PageByPage::default();
    let _ = pdf_extract::output_doc(doc, &mut pages);
    pages.done
}

/// Where one page's text is written.
#[derive(Clone, Default)]
struct PageText(std::rc::Rc<std::cell::RefCell<String>>);

impl std::fmt::Write for PageText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.borrow_mut().push_str(s);
        Ok(())
    }
}

impl pdf_extract::ConvertToFmt for PageText {
    type Writer = PageText;
    fn convert(self) -> PageText {
        self
    }
}

/// A plain-text output started afresh on every page, each page's text kept apart.
#[derive(Default)]
struct PageByPage {
    page: Option<(pdf_extract::PlainTextOutput<PageText>, PageText)>,
    done: Vec<String>,
}

impl PageByPage {
    fn output(&mut self) -> &mut pdf_extract::PlainTextOutput<PageText> {
        let (output, _) = self.page.get_or_insert_with(|| {
            let text = PageText::default();
            (pdf_extract::PlainTextOutput::new(text.clone()), text)
        });
        output
    }
}

impl pdf_extract::OutputDev for PageByPage {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &pdf_extract::MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.page = None;
        self.output().begin_page(page_num, media_box, art_box)
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.output().end_page()?;
        if let Some((_, text)) = self.page.take() {
            self.done.push(text.0.take());
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        self.output()
            .output_character(trm, width, spacing, font_size, char)
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.output().begin_word()
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.output().end_word()
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.output().end_line()
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unexpected data".to_string())
}

/// How many lines at the top and the bottom of a page count as its margins.
const MARGIN_LINES: usize = 2;

/// Joins pages into one text: page furniture dropped, hyphenated words rejoined.
pub fn clean_pages(pages: &[String]) -> String {
    // Justified lines come out padded with runs of spaces; collapse them so line lengths
    // compare (and running heads match) whatever the justification.
    let pages: Vec<Vec<String>> = pages
        .iter()
        .map(|p| {
            p.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect()
        })
        .collect();
    let pages: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.iter().map(String::as_str).collect())
        .collect();
    // A line in the margins of at least half the pages (and of two or more) is a running
    // head or foot; digits are masked so "Page 2" and "Page 3" count as the same line.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in &pages {
        let mut on_this_page: Vec<String> = margins(page).map(mask_digits).collect();
        on_this_page.dedup();
        for line in on_this_page {
            *seen.entry(line).or_default() += 1;
        }
    }
    let threshold = (pages.len().div_ceil(2)).max(2);
    let mut out = String::new();
    for page in &pages {
        let n = page.len();
        let kept: Vec<&str> = page
            .iter()
            .enumerate()
            .filter(|&(i, line)| {
                let in_margin = i < MARGIN_LINES || i + MARGIN_LINES >= n;
                !(in_margin
                    && (is_page_number(line)
                        || seen.get(&mask_digits(line)).copied().unwrap_or(0) >= threshold))
            })
            .map(|(_, line)| *line)
            .collect();
        if kept.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&paragraphs(&kept));
    }
    tidy(&join_hyphenated(&out))
}

/// Puts a blank line after lines that end a paragraph. PDFs keep no paragraphs, only lines;
/// a line clearly shorter than the page's longest (a heading, the last line of a paragraph)
/// ends one, and a sentence end lowers the bar. Character counts stand in for widths, which
/// is rough with proportional fonts, hence the margins.
fn paragraphs(lines: &[&str]) -> String {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if i + 1 == lines.len() {
            break;
        }
        let width = line.chars().count() as f64;
        let sentence_end = line.ends_with(['.', '!', '?', ':', '\u{201d}', '"']);
        let short = width < 0.7 * widest as f64;
        let shortish = width < 0.85 * widest as f64;
        out.push_str(if short || (sentence_end && shortish) {
            "\n\n"
        } else {
            "\n"
        });
    }
    out
}

fn margins<'a>(page: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
    let n = page.len();
    page.iter()
        .enumerate()
        .filter(move |&(i, _)| i < MARGIN_LINES || i + MARGIN_LINES >= n)
        .map(|(_, l)| *l)
}

fn mask_digits(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// The words around a page number, from `assets/extract/page_labels.txt`: the labels that
/// may open the line ("page") and the joiners between page and count ("of").
fn page_labels() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static LABELS: std::sync::OnceLock<(Vec<&str>, Vec<&str>)> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        let (mut labels, mut joiners) = (Vec::new(), Vec::new());
        for line in crate::lexicon::lines(include_str!("../../assets/extract/page_labels.txt")) {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("label") => labels.extend(words),
                Some("joiner") => joiners.extend(words),
                _ => {}
            }
        }
        (labels, joiners)
    })
}

/// "7", "- 7 -", "Page 7", "Page 7 of 12", "7 / 12", "p. 7".
fn is_page_number(line: &str) -> bool {
    let (labels, joiners) = page_labels();
    let lower = line.to_lowercase();
    let rest = labels
        .iter()
        .find_map(|label| lower.strip_prefix(label))
        .unwrap_or(&lower);
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == '|')
        .filter(|w| !w.is_empty() && !joiners.contains(w))
        .collect();
    !words.is_empty()
        && words.len() <= 2
        && words
            .iter()
            .all(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()))
}

/// "govern-\nment" becomes "government": a hyphen at a line end between two lowercase
/// letters is a typesetter's break. "well-\nknown" would lose its hyphen too; such words are
/// rarer in releases than broken ones.
fn join_hyphenated(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("-\n") {
        let before = rest[..pos].chars().next_back();
        let after = rest[pos + 2..].chars().next();
        out.push_str(&rest[..pos]);
        if before.is_some_and(char::is_lowercase) && after.is_some_and(char::is_lowercase) {
            rest = &rest[pos + 2..];
        } else {
            out.push_str("-\n");
            rest = &rest[pos + 2..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_goes_and_broken_words_are_joined() {
        let pages = vec![
            "CITY OF NEW YORK - OFFICE OF THE MAYOR\n\nThe Mayor met with the Secre-\ntary of Homeland Security.\n\nPage 1 of 2\n".to_string(),
            "CITY OF NEW YORK - OFFICE OF THE MAYOR\n\n\u{201c}Our schools are safe,\u{201d} the Mayor said.\n\nPage 2 of 2\n".to_string(),
        ];
        assert_eq!(
            clean_pages(&pages),
            "The Mayor met with the Secretary of Homeland Security.\n\n\
             \u{201c}Our schools are safe,\u{201d} the Mayor said.\n"
        );
        // Short lines end paragraphs; full lines run on.
        let page = vec![
            "The Mayor met the Secretary of Homeland Security on Tuesday in".to_string()
                + "\nWashington to discuss enforcement near schools and hospitals."
                + "\nThey spoke for an hour."
                + "\nThe meeting was requested by the Mayor after the agents came.",
        ];
        assert_eq!(
            clean_pages(&page),
            "The Mayor met the Secretary of Homeland Security on Tuesday in\n\
             Washington to discuss enforcement near schools and hospitals.\n\
             They spoke for an hour.\n\n\
             The meeting was requested by the Mayor after the agents came.\n"
        );
    }

    #[test]
    fn page_numbers_are_recognised() {
        for yes in ["7", "- 7 -", "Page 7", "page 7 of 12", "7 / 12", "p. 7"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "2017",
            "May 15, 2017",
            "Page Six gossip",
            "Section 8 housing",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn damaged_pdfs_are_errors_not_panics() {
        let e = extract(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF")
            .unwrap_err();
        assert!(matches!(e, ExtractError::Pdf { .. }), "{e:?}");
        let e = extract(b"just text").unwrap_err();
        assert!(e.to_string().contains("not a PDF"), "{e}");
    }
}
