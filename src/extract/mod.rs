//! Turning the files people actually receive into the plain text that is compared.
//!
//! An article arrives as a saved web page, a release as a PDF or a Word file, an old
//! statement in Windows-1252 or UTF-16. [`detect`] decides the format from the content first
//! (a PDF or zip signature, a byte-order mark, an HTML doctype) and the file name second;
//! [`extract`] runs the format's extractor (one module each) and returns the text a person
//! reads, with notes on what was assumed (an encoding guessed, say). Everything downstream,
//! every [`crate::Span`] included, refers to that extracted text, never to the file's bytes,
//! so the interface and the reports show exactly what was compared. This module reads no
//! files and prints nothing: it works on bytes in memory and returns errors that do not yet
//! name the file (the caller, [`crate::document`], adds the path).

pub mod docx;
pub mod html;
pub mod markdown;
mod nesting;
pub mod pdf;
pub mod pdf_cost;
mod pdf_lexer;
mod pdf_streams;
pub mod text;

use std::path::Path;

use thiserror::Error;

/// The formats quotediff reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: UTF-8, UTF-16 with a byte-order mark, or a legacy single-byte encoding.
    Text,
    /// A web page: its main content, without navigation, banners and footers.
    Html,
    /// Markdown: the prose, markup removed.
    Markdown,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document (Office Open XML).
    Docx,
}

impl Format {
    /// The name used on the command line and in notes.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// The format a file name's extension promises, if it promises one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Text extracted from a file, and what the extractor had to assume to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text that is compared; every span of the document indexes into it.
    pub text: String,
    /// The format it was read as.
    pub format: Format,
    /// Things the user should know about how the text was obtained ("decoded as
    /// windows-1252"), one sentence each.
    pub notes: Vec<String>,
}

/// Why a file's text could not be extracted. The messages do not name the file; the loader
/// prefixes the path.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// NUL bytes in what should be text, with no byte-order mark to explain them.
    #[error("looks like binary data, not text (NUL byte at offset {offset})")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The bytes are neither UTF-8 nor a legacy encoding we could identify.
    #[error("not valid UTF-8 (invalid byte at offset {offset}), and no other encoding fits; convert it to UTF-8 first")]
    Undecodable {
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The PDF is broken, encrypted, or one the PDF reader cannot handle.
    #[error("cannot read this PDF ({reason}); save it as text from a PDF viewer and compare that")]
    Pdf {
        /// What went wrong, in the PDF reader's words.
        reason: String,
    },
    /// A compressed container unpacks to more than the limit (`--max-bytes`): a
    /// decompression bomb, or a file far larger than any release.
    #[error("{what} unpacks to more than {limit} bytes (the limit, see --max-bytes)")]
    Unpacks {
        /// What was being unpacked ("word/document.xml", "the PDF's compressed streams").
        what: &'static str,
        /// The limit in force.
        limit: u64,
    },
    /// A PDF whose compressed streams unpack to more than the budget: the limit
    /// (`--max-bytes`), and ten times the file (half a megabyte at least).
    #[error("cannot read this PDF: its compressed streams unpack to more than {budget} bytes (the limit is ten times the file's size, half a megabyte at least, or --max-bytes if smaller)")]
    PdfUnpacks {
        /// The budget that was passed.
        budget: u64,
    },
    /// Reading the PDF's pages would cost far more than the file suggests, or never end:
    /// content drawn again and again, a form that draws itself (see [`pdf_cost`]).
    #[error("cannot read this PDF: {0}")]
    PdfPages(pdf_cost::Refusal),
    /// The PDF has pages but no text on them: a scan, most likely.
    #[error("this PDF has no text layer (a scanned document?); quotediff does not do OCR")]
    PdfWithoutText,
    /// The file is not a Word document (or a damaged one).
    #[error("cannot read this Word document ({reason})")]
    Docx {
        /// What is wrong with it.
        reason: String,
    },
    /// Markup nested deeper than any real page (the main-content scoring is quadratic in the
    /// depth, so such a file would hang the program rather than fail).
    #[error("HTML nested {depth} levels deep or more (the limit is {limit}); this does not look like a saved page")]
    TooDeep {
        /// Depth found.
        depth: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The extractor found nothing readable (an HTML page without text, markup only).
    #[error("no readable text found in this {format} file")]
    NoText {
        /// The format it was read as (`Format::as_str`).
        format: &'static str,
    },
}

/// Decides how to read `bytes`: what the content proves wins over what the name promises,
/// since saved files are often misnamed (a web page saved as `.txt`, a PDF without extension).
pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Format {
    if pdf::looks_like_pdf(bytes) {
        return Format::Pdf;
    }
    if docx::looks_like_zip(bytes) {
        return Format::Docx;
    }
    // A page saved as `.txt` is still a page; a `.md` file may embed HTML and stays Markdown.
    match path.and_then(Format::from_path) {
        None | Some(Format::Text) if html::looks_like_html(bytes) => Format::Html,
        Some(format) => format,
        None => Format::Text,
    }
}

/// Largest input accepted by default, in bytes (64 MiB). A press release is kilobytes; a
/// larger file is almost always the wrong file, and the engine keeps several copies in memory.
/// It bounds what a compressed container unpacks to as well.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Extracts the text of `bytes` read as `format`, compressed containers allowed to unpack to
/// the default input limit ([`DEFAULT_MAX_BYTES`]).
pub fn extract(bytes: Vec<u8>, format: Format) -> Result<Extracted, ExtractError> {
    extract_within(bytes, format, DEFAULT_MAX_BYTES)
}

/// Extracts the text of `bytes` read as `format`; a docx's body or a PDF's compressed streams
/// may unpack to at most `limit` bytes. The limit is checked while unpacking, not after: a
/// 600 KB file can unpack to gigabytes.
pub fn extract_within(
    bytes: Vec<u8>,
    format: Format,
    limit: u64,
) -> Result<Extracted, ExtractError> {
    let (text, notes) = match format {
        Format::Text => {
            let decoded = text::decode(bytes)?;
            (decoded.text, decoded.notes)
        }
        Format::Html => {
            let decoded = text::decode(bytes)?;
            (html::extract(&decoded.text)?, decoded.notes)
        }
        Format::Markdown => {
            let decoded = text::decode(bytes)?;
            (markdown::extract(&decoded.text), decoded.notes)
        }
        Format::Pdf => (pdf::extract_within(&bytes, limit)?, Vec::new()),
        Format::Docx => (docx::extract_within(&bytes, limit)?, Vec::new()),
    };
    Ok(Extracted {
        text,
        format,
        notes,
    })
}

/// Tidies the whitespace extractors leave behind, without touching the words: spaces at line
/// ends go, runs of spaces inside a line become one, and more than one blank line becomes one.
/// Paragraphs stay separated by a blank line, which is how the interface shows them.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.lines() {
        let mut tidied = String::with_capacity(line.len());
        for word in line.split([' ', '\t', '\u{a0}']) {
            if word.is_empty() {
                continue;
            }
            if !tidied.is_empty() {
                tidied.push(' ');
            }
            tidied.push_str(word);
        }
        if tidied.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&tidied);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_the_file_name() {
        assert_eq!(
            detect(Some(Path::new("release.txt")), b"%PDF-1.7\n..."),
            Format::Pdf
        );
        assert_eq!(
            detect(Some(Path::new("saved.txt")), b"PK\x03\x04rest"),
            Format::Docx
        );
        assert_eq!(
            detect(
                None,
                b"  <!DOCTYPE html><html><body>The mayor said</body></html>"
            ),
            Format::Html
        );
        assert_eq!(
            detect(
                Some(Path::new("notes.md")),
                b"# Statement\n\nThe mayor said."
            ),
            Format::Markdown
        );
        assert_eq!(
            detect(Some(Path::new("readout")), b"The mayor said."),
            Format::Text
        );
    }

    #[test]
    fn tidy_keeps_paragraphs_and_drops_stray_spacing() {
        assert_eq!(
            tidy("  The Mayor   met\tthe agents. \n\n\n\nThey left.  \n"),
            "The Mayor met the agents.\n\nThey left.\n"
        );
    }
}
