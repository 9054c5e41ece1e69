//! The paragraphs of a Word document (`.docx`, Office Open XML).
//!
//! A `.docx` is a zip archive whose `word/document.xml` holds the body. This module reads
//! that one part with `zip` and walks it with `quick-xml`: the text runs (`w:t`) of each
//! paragraph (`w:p`) are joined, tabs and line breaks kept, and paragraphs separated by a
//! blank line. Deleted text of tracked changes (`w:delText`) is left out, since the document
//! as it reads now is what was issued. Headers, footers, comments and footnotes live in other
//! parts and are not read. A full OOXML library was rejected: this is the only part we need.
//! Broken archives and broken XML become errors, never panics. A zip bomb cannot exhaust
//! memory: the part is unpacked through a counter that stops at the caller's limit
//! (`--max-bytes`), whatever sizes the archive claims, and an archive of implausibly many
//! entries is refused.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{tidy, ExtractError};

/// Largest `word/document.xml` read by [`extract`], uncompressed (256 MiB; a long report is a
/// few MiB).
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Most entries an archive may list. A Word file has a few dozen parts (styles, fonts,
/// images); a hundred thousand tiny entries only cost memory and time.
const MAX_ENTRIES: usize = 10_000;

/// True when the bytes start with a zip signature (a `.docx`, or any other zip).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn broken(reason: impl std::fmt::Display) -> ExtractError {
    ExtractError::Docx {
        reason: reason.to_string(),
    }
}

/// The document's paragraphs, separated by blank lines.
pub fn extract(bytes: &[u8]) -> Result<String, ExtractError> {
    extract_within(bytes, MAX_PART_BYTES)
}

/// [`extract`], refusing a body that unpacks to more than `limit` bytes.
pub fn extract_within(bytes: &[u8], limit: u64) -> Result<String, ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| broken(format_args!("not a zip archive: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(broken(format_args!(
            "an archive of {} entries (a Word file has a few dozen)",
            archive.len()
        )));
    }
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|_| broken("a zip archive without word/document.xml, so not a Word document"))?;
    // Parsed as it is unpacked, never held whole; the size the archive declares is not
    // trusted: what is read is counted, and reading stops one byte past the limit.
    let mut counted = Counted {
        inner: (&mut part).take(limit.saturating_add(1)),
        count: 0,
        since_markup: 0,
    };
    let text = paragraphs(std::io::BufReader::new(&mut counted));
    if counted.count > limit {
        return Err(ExtractError::Unpacks {
            what: "word/document.xml",
            limit,
        });
    }
    if counted.since_markup > MAX_TEXT_RUN {
        return Err(broken(format_args!(
            "word/document.xml has over {MAX_TEXT_RUN} bytes without markup, so it is not a Word body"
        )));
    }
    Ok(tidy(&text?))
}

/// Longest stretch of a Word body without a `<`. The XML reader holds such a stretch whole
/// (64 MiB of zeros cost 64 MiB); a real run of text is a paragraph at most.
const MAX_TEXT_RUN: u64 = 1 << 20;

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: u64,
    /// Bytes read since the last `<`; reading fails once it passes [`MAX_TEXT_RUN`].
    since_markup: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buffer)?;
        self.count += n as u64;
        self.since_markup = match buffer[..n].iter().rposition(|&b| b == b'<') {
            Some(at) => (n - at - 1) as u64,
            None => self.since_markup + n as u64,
        };
        if self.since_markup > MAX_TEXT_RUN {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "too long without markup",
            ));
        }
        Ok(n)
    }
}

/// Walks the body XML, keeping the text of runs and the paragraph structure.
fn paragraphs(xml: impl std::io::BufRead) -> Result<String, ExtractError> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut buffer = Vec::new();
    // Inside a `w:t` element (text to keep); `w:delText` and `w:instrText` are not kept.
    let mut in_text = false;
    loop {
        buffer.clear();
        let event = reader.read_event_into(&mut buffer).map_err(|e| {
            broken(format_args!(
                "word/document.xml is malformed at byte {}: {e}",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                b"noBreakHyphen" => out.push('-'),
                b"p" => out.push_str("\n\n"),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => out.push_str("\n\n"),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let text = t
                    .decode()
                    .map_err(|e| broken(format_args!("bad text in word/document.xml: {e}")))?;
                out.push_str(&text);
            }
            Event::CData(t) if in_text => {
                let text = t
                    .decode()
                    .map_err(|e| broken(format_args!("bad text in word/document.xml: {e}")))?;
                out.push_str(&text);
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else {
                    let name = r.decode().map_err(|e| {
                        broken(format_args!("bad entity in word/document.xml: {e}"))
                    })?;
                    match name.as_ref() {
                        "amp" => out.push('&'),
                        "lt" => out.push('<'),
                        "gt" => out.push('>'),
                        "quot" => out.push('"'),
                        "apos" => out.push('\''),
                        other => {
                            return Err(broken(format_args!(
                                "unknown entity &{other}; in word/document.xml"
                            )))
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal `.docx` in memory: the one part this module reads.
    pub(crate) fn docx_with_body(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut buffer = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).unwrap();
        write!(
            zip,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        zip.finish().unwrap();
        buffer.into_inner()
    }

    #[test]
    fn runs_join_and_paragraphs_separate() {
        let docx = docx_with_body(
            r#"<w:p><w:r><w:t>FOR IMMEDIATE RELEASE</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The Mayor said: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>&#8220;Our schools are safe &amp; open.&#8221;</w:t></w:r><w:del><w:r><w:delText>Withdrawn words.</w:delText></w:r></w:del></w:p>
<w:p/>
<w:p><w:r><w:t>Contact:</w:t><w:tab/><w:t>Press Office</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            extract(&docx).unwrap(),
            "FOR IMMEDIATE RELEASE\n\n\
             The Mayor said: \u{201c}Our schools are safe & open.\u{201d}\n\n\
             Contact: Press Office\n"
        );
    }

    #[test]
    fn a_body_of_zeros_is_refused_without_being_held() {
        let body = "\0".repeat(3 << 20);
        let e = extract(&docx_with_body(&body)).unwrap_err();
        assert!(e.to_string().contains("without markup"), "{e}");
    }

    #[test]
    fn a_zip_that_is_not_a_docx_is_named_as_such() {
        let mut buffer = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        zip.start_file("photo.jpg", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.finish().unwrap();
        let e = extract(&buffer.into_inner()).unwrap_err();
        assert!(e.to_string().contains("not a Word document"), "{e}");
        let e = extract(b"PK\x03\x04 truncated").unwrap_err();
        assert!(e.to_string().contains("not a zip archive"), "{e}");
    }
}
