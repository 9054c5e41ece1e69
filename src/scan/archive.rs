//! Reading an archive of documents: a folder of files, or a JSON Lines file.
//!
//! Entries are read one at a time, never the whole archive at once, so a scan of a large
//! archive of articles keeps only the batch it is comparing in memory. A folder's files are
//! read with [`crate::document::load`], so every format `quotediff extract` reads (HTML, PDF,
//! DOCX, legacy encodings) can be scanned; their id is the path below the folder. A JSON Lines
//! file has one object a line: `{"id", "text", "date"?, "url"?, "title"?}`.
//!
//! A `.parquet` file is read by [`super::parquet`] when the tool is built with the cargo
//! feature `parquet` (off by default: the Parquet reader would add a large crate to every
//! build); without it, such a path is refused with a line saying so.

use std::fs::File;
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use super::entry::{entry_of_fields, ArchiveError, Entry, Fields};
use crate::document::{self, LoadOptions};

/// The fields of one JSON line.
#[derive(Debug, Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    date: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// The entries of the archive at `path`, read lazily in order.
pub fn open(
    path: &Path,
    options: &LoadOptions,
) -> Result<Box<dyn Iterator<Item = Result<Entry, ArchiveError>> + Send>, ArchiveError> {
    let io = |source| ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        let mut files = Vec::new();
        list_files(path, &mut files).map_err(io)?;
        files.sort();
        let root = path.to_path_buf();
        let options = *options;
        return Ok(Box::new(files.into_iter().map(move |file| {
            let document = document::load(&file, &options)?;
            let id = file
                .strip_prefix(&root)
                .unwrap_or(&file)
                .to_string_lossy()
                .into_owned();
            Ok(Entry {
                id,
                text: document.text,
                date: None,
                url: None,
                title: None,
                at: None,
            })
        })));
    }
    if is_parquet(path) {
        return open_parquet(path);
    }
    let reader = BufReader::new(File::open(path).map_err(io)?);
    Ok(Box::new(JsonLines {
        reader,
        path: path.to_path_buf(),
        at: 0,
        line: 0,
    }))
}

/// The entries of a JSON Lines archive, each with the byte offset of its line.
struct JsonLines {
    reader: BufReader<File>,
    path: PathBuf,
    /// Offset of the next line.
    at: u64,
    /// Lines read so far.
    line: usize,
}

impl Iterator for JsonLines {
    type Item = Result<Entry, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = String::new();
        loop {
            line.clear();
            let start = self.at;
            let read = match self.reader.read_line(&mut line) {
                Ok(0) => return None,
                Ok(read) => read,
                Err(source) => {
                    return Some(Err(ArchiveError::Io {
                        path: self.path.clone(),
                        source,
                    }))
                }
            };
            self.at += read as u64;
            self.line += 1;
            if line.trim().is_empty() {
                continue;
            }
            return Some(
                entry_from_json(&line)
                    .map(|entry| Entry {
                        at: Some(start),
                        ..entry
                    })
                    .map_err(|message| ArchiveError::Line {
                        path: self.path.clone(),
                        line: self.line,
                        message,
                    }),
            );
        }
    }
}

/// True for a path named `*.parquet`.
fn is_parquet(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

#[cfg(feature = "parquet")]
fn open_parquet(
    path: &Path,
) -> Result<Box<dyn Iterator<Item = Result<Entry, ArchiveError>> + Send>, ArchiveError> {
    super::parquet::open(path)
}

#[cfg(not(feature = "parquet"))]
fn open_parquet(
    path: &Path,
) -> Result<Box<dyn Iterator<Item = Result<Entry, ArchiveError>> + Send>, ArchiveError> {
    Err(without_parquet(path))
}

/// The refusal of a Parquet archive by a build without the `parquet` feature.
#[cfg(not(feature = "parquet"))]
fn without_parquet(path: &Path) -> ArchiveError {
    ArchiveError::Parquet {
        path: path.to_path_buf(),
        row: None,
        message: "this quotediff was built without Parquet (cargo install --features parquet), \
            and the Spark job reads Parquet too; or convert the archive to JSON Lines"
            .into(),
    }
}

/// The entry that starts at `at` in the archive `path`, an offset an earlier read gave in
/// [`Entry::at`]: the byte offset of its line in a JSON Lines archive, its row number in a
/// Parquet one.
pub fn read_at(path: &Path, at: u64) -> Result<Entry, ArchiveError> {
    if is_parquet(path) {
        #[cfg(feature = "parquet")]
        return super::parquet::read_row(path, at);
        #[cfg(not(feature = "parquet"))]
        return Err(without_parquet(path));
    }
    let io = |source| ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    file.seek(SeekFrom::Start(at)).map_err(io)?;
    let mut line = String::new();
    BufReader::new(file).read_line(&mut line).map_err(io)?;
    let entry = entry_from_json(&line).map_err(|message| ArchiveError::At {
        path: path.to_path_buf(),
        at,
        message,
    })?;
    Ok(Entry {
        at: Some(at),
        ..entry
    })
}

/// Every file below `dir`, hidden ones (names starting with a dot) left out.
fn list_files(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// One JSON line as an entry (also for the Python bindings); the message says what is
/// missing or wrong.
pub fn entry_from_json(line: &str) -> Result<Entry, String> {
    let parsed: Line = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let id = match parsed.id {
        serde_json::Value::String(id) => id,
        serde_json::Value::Number(id) => id.to_string(),
        other => return Err(format!("\"id\" must be a string or a number, not {other}")),
    };
    entry_of_fields(Fields {
        id: Some(id),
        text: Some(parsed.text),
        date: parsed.date,
        url: parsed.url,
        title: parsed.title,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::dates::DayNumber;

    #[test]
    fn a_line_reads_as_an_entry_with_a_numeric_id() {
        let entry = entry_from_json(r#"{"id": 7, "text": "Hello.", "date": "2024-01-02T10:00"}"#)
            .expect("a valid line");
        assert_eq!(entry.id, "7");
        assert_eq!(entry.day(), DayNumber::parse("2024-01-02"));
    }

    #[test]
    fn a_line_without_text_or_with_a_bad_date_says_why() {
        let missing = entry_from_json(r#"{"id": "a"}"#).unwrap_err();
        assert!(missing.contains("text"), "{missing}");
        let bad = entry_from_json(r#"{"id": "a", "text": "x", "date": "last May"}"#).unwrap_err();
        assert!(bad.contains("last May"), "{bad}");
    }
}
