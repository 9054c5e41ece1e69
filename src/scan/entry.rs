//! One document of an archive, the fields it is read from, and why an archive could not be
//! read: shared by every archive format (JSON Lines and folders in [`super::archive`],
//! Parquet in `super::parquet`), so no reader needs another.

use std::path::PathBuf;

use thiserror::Error;

use super::dates::DayNumber;
use crate::document::LoadError;

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
    /// An entry of an id and a text alone, as the tests of the scan build them.
    #[cfg(test)]
    pub(crate) fn of_text(id: &str, text: &str) -> Entry {
        Entry {
            id: id.into(),
            text: text.into(),
            date: None,
            url: None,
            title: None,
            at: None,
        }
    }

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
