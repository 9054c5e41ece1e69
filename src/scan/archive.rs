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
use thiserror::Error;

use super::dates::DayNumber;
use crate::document::{self, LoadError, LoadOptions};

/// One document of an archive.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Unique within its archive: the JSON `id`, or the path below the folder.
    pub id: String,
    /// The text compared.
    pub text: String,
    /// When it was published or issued, as given (`YYYY-MM-DD...`).
    pub date: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Where its line starts in a JSON Lines archive (bytes from the file's start), so that
    /// `quotediff open` can read it again without reading what comes before; `None` for a
    /// folder's file, found by its id (its path) anyway.
    pub at: Option<u64>,
}

impl Entry {
    /// The publication day, when the entry has a valid date.
    pub fn day(&self) -> Option<DayNumber> {
        self.date.as_deref().and_then(DayNumber::parse)
    }
}

/// Why an archive could not be read. Each names the file (and line) at fault.
#[derive(Debug, Error)]
pub enum ArchiveError {
    /// The archive path does not exist or cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The archive.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A line of a JSON Lines archive is not an entry.
    #[error("{path}, line {line}: {message}")]
    Line {
        /// The archive.
        path: PathBuf,
        /// From 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// No entry starts at a recorded offset (the archive changed since the scan).
    #[error("{path}, byte {at}: {message}")]
    At {
        /// The archive.
        path: PathBuf,
        /// The offset.
        at: u64,
        /// What is wrong there.
        message: String,
    },
    /// A document of a folder could not be loaded.
    #[error(transparent)]
    Document(#[from] LoadError),
    /// A Parquet archive that cannot be read (a row that is no entry, a file that is no
    /// Parquet), or any Parquet archive in a build without the `parquet` feature.
    #[error("{path}{}: {message}", at_row(*.row))]
    Parquet {
        /// The archive.
        path: PathBuf,
        /// The row at fault (from 0), when one is.
        row: Option<u64>,
        /// What is wrong.
        message: String,
    },
}

/// `, row N` (from 1) for an error message.
fn at_row(row: Option<u64>) -> String {
    row.map(|row| format!(", row {}", row + 1))
        .unwrap_or_default()
}

/// The fields of one JSON line.
#[derive(Debug, Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    date: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// The fields of an entry as an archive gives them, before they are checked (a Parquet row,
/// or the columns the Spark job hands the Python bindings).
#[derive(Debug, Default)]
pub struct Fields {
    /// The `id` column, as text.
    pub id: Option<String>,
    /// The `text` column.
    pub text: Option<String>,
    /// The `date` column, as text.
    pub date: Option<String>,
    /// The `url` column.
    pub url: Option<String>,
    /// The `title` column.
    pub title: Option<String>,
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

/// The entry of an archive's fields, once checked: an id and a text present, a date (when
/// there is one) a `YYYY-MM-DD` date. The same checks for every format.
pub fn entry_of_fields(fields: Fields) -> Result<Entry, String> {
    let id = fields.id.ok_or("missing field `id`")?;
    let text = fields.text.ok_or("missing field `text`")?;
    if let Some(date) = &fields.date {
        if DayNumber::parse(date).is_none() {
            return Err(format!("\"date\" {date:?} is not a YYYY-MM-DD date"));
        }
    }
    Ok(Entry {
        id,
        text,
        date: fields.date,
        url: fields.url,
        title: fields.title,
        at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
