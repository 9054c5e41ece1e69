//! Writing a scan's records, and resuming an interrupted scan.
//!
//! Beside the output `results.jsonl`, a progress file `results.jsonl.done` lists the ids of
//! the articles whose pairs are all written, one a line. A batch's records are written and
//! flushed first, its ids after them: a scan stopped in between leaves records of articles
//! the progress file does not list, and [`resume`] removes those lines before the scan goes
//! on, so no article is ever counted twice or lost. An output line alone could not say this:
//! most articles have no kept pair, and nothing would record that they were scanned.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::lookup::{offsets_path, write_offsets, Side};
use super::record::PairRecord;
use super::ArticleResult;

/// The progress file of an output.
pub fn done_path(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".done");
    PathBuf::from(name)
}

/// Where the records of a scan go, and where finished articles are noted.
pub struct ResultWriter {
    records: BufWriter<Box<dyn Write + Send>>,
    done: Option<BufWriter<File>>,
    /// Where the articles with kept pairs begin in their archive ([`super::lookup`]).
    offsets: Option<BufWriter<File>>,
}

impl ResultWriter {
    /// Records to standard output or any writer, with no progress file (no resuming).
    pub fn to_writer(records: Box<dyn Write + Send>) -> Self {
        ResultWriter {
            records: BufWriter::new(records),
            done: None,
            offsets: None,
        }
    }

    /// A fresh scan into `out` (truncated), with its progress file.
    pub fn create(out: &Path) -> std::io::Result<Self> {
        let records = File::create(out)?;
        let done = File::create(done_path(out))?;
        let offsets = File::create(offsets_path(out, Side::Articles))?;
        Ok(ResultWriter {
            records: BufWriter::new(Box::new(records)),
            done: Some(BufWriter::new(done)),
            offsets: Some(BufWriter::new(offsets)),
        })
    }

    /// Appends to `out` and its progress file, after [`resume`] has tidied them.
    pub fn append(out: &Path) -> std::io::Result<Self> {
        let open = |path: &Path| OpenOptions::new().create(true).append(true).open(path);
        Ok(ResultWriter {
            records: BufWriter::new(Box::new(open(out)?)),
            done: Some(BufWriter::new(open(&done_path(out))?)),
            offsets: Some(BufWriter::new(open(&offsets_path(out, Side::Articles))?)),
        })
    }

    /// Writes one batch: its records and where their articles begin, flushed, then its
    /// articles' ids, flushed.
    pub fn write_batch(&mut self, batch: &[ArticleResult]) -> std::io::Result<()> {
        for result in batch {
            for record in &result.pairs {
                serde_json::to_writer(&mut self.records, record)?;
                self.records.write_all(b"\n")?;
            }
        }
        self.records.flush()?;
        if let Some(offsets) = &mut self.offsets {
            let kept = batch.iter().filter(|result| !result.pairs.is_empty());
            write_offsets(
                offsets,
                kept.map(|result| (result.article_id.as_str(), result.article_at)),
            )?;
            offsets.flush()?;
        }
        if let Some(done) = &mut self.done {
            for result in batch {
                writeln!(done, "{}", result.article_id)?;
            }
            done.flush()?;
        }
        Ok(())
    }
}

/// Prepares `out` for resuming: returns the ids of the finished articles and removes from
/// `out` any record of an article not among them (a batch cut short).
pub fn resume(out: &Path) -> std::io::Result<HashSet<String>> {
    let done: HashSet<String> = match File::open(done_path(out)) {
        Ok(file) => BufReader::new(file).lines().collect::<Result<_, _>>()?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => HashSet::new(),
        Err(e) => return Err(e),
    };
    let kept: Vec<String> = match File::open(out) {
        Ok(file) => {
            let mut kept = Vec::new();
            for line in BufReader::new(file).lines() {
                let line = line?;
                let finished = serde_json::from_str::<PairRecord>(&line)
                    .is_ok_and(|record| done.contains(&record.article_id));
                if finished {
                    kept.push(line);
                }
            }
            kept
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e),
    };
    let mut rewritten = BufWriter::new(File::create(out)?);
    for line in kept {
        writeln!(rewritten, "{line}")?;
    }
    rewritten.flush()?;
    Ok(done)
}

/// Why a scan's output could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The output file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A line is not a record.
    #[error("{path}, line {line}: not a scan result ({message})")]
    NotARecord {
        /// The output file.
        path: PathBuf,
        /// From 1.
        line: usize,
        /// What the JSON reader said.
        message: String,
    },
}

/// Reads the records of a scan's output; a line that is not a record is an error naming it.
pub fn read_records(path: &Path) -> Result<Vec<PairRecord>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let mut records = Vec::new();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|e| ReadError::NotARecord {
            path: path.to_path_buf(),
            line: number + 1,
            message: e.to_string(),
        })?;
        records.push(record);
    }
    Ok(records)
}
