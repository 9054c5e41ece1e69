//! The review file on disk: its JSON layout, reading it with a size limit, writing it so
//! that nothing is lost (a temporary file, fsync, rename, fsync of the folder), and keeping
//! a file that cannot be used under a new name.
//!
//! It refuses what would silently destroy or leak data: a path that is not a regular file
//! (`--review-file /dev/zero` once filled the memory), a read-only file (the reviewer made
//! it so), and a symbolic link that points out of the review's folder. A link within the
//! folder is followed and kept. It knows nothing of verdicts beyond their layout.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Entry, ReviewError};

/// The largest review file read: a verdict takes a few hundred bytes, so this holds tens of
/// thousands, and a wrong path (a device, a huge file) fails at once instead of filling the
/// memory.
pub const MAX_REVIEW_BYTES: u64 = 16 << 20;

/// One document as the file names it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct FileDoc {
    pub name: String,
    pub hash: String,
}

/// One verdict: the report's id, both spans, and (from version 2) the quoted words of both
/// sides with some of the article around them, so an edited document can be matched again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct FileEntry {
    #[serde(rename = "match", default, skip_serializing_if = "Option::is_none")]
    pub match_id: Option<usize>,
    /// The report's id of a quotation without a match (`Q3`).
    #[serde(rename = "quotation", default, skip_serializing_if = "Option::is_none")]
    pub quotation_id: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<[usize; 2]>,
    pub article: [usize; 2],
    /// The source's words of the passage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
    /// The article's words of the passage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_text: Option<String>,
    /// Up to [`CONTEXT_BYTES`](super::carry::CONTEXT_BYTES) of the article before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// And after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    #[serde(flatten)]
    pub entry: Entry,
}

/// The whole file.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct FileLayout {
    pub quotediff_review: u32,
    pub source: FileDoc,
    pub article: FileDoc,
    pub verdicts: Vec<FileEntry>,
    /// The stop the reviewer was on when they last left, so a relaunch opens there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<FilePlace>,
}

/// Where the reviewer was: a stop's spans and its article words, by which it is found again
/// after an edit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct FilePlace {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<[usize; 2]>,
    pub article: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_text: Option<String>,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> ReviewError + '_ {
    move |reason| ReviewError::Io {
        path: path.to_path_buf(),
        reason,
    }
}

/// Reads and parses the file at `path`; `Ok(None)` when there is none.
pub(super) fn read(path: &Path) -> Result<Option<FileLayout>, ReviewError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(path)(e)),
    };
    if !meta.is_file() {
        return Err(ReviewError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let too_large = || ReviewError::TooLarge {
        path: path.to_path_buf(),
        limit: MAX_REVIEW_BYTES,
    };
    if meta.len() > MAX_REVIEW_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_REVIEW_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io_error(path))?;
    if bytes.len() as u64 > MAX_REVIEW_BYTES {
        return Err(too_large());
    }
    let invalid = |reason: String| ReviewError::Invalid {
        path: path.to_path_buf(),
        reason,
    };
    let text = String::from_utf8(bytes).map_err(|_| invalid("not UTF-8 text".to_string()))?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| invalid(e.to_string()))
}

/// Where a save of `path` writes: `path` itself, or the file a symbolic link in the same
/// folder points to (so the link is kept). A link out of the folder is refused: a review
/// must not be written somewhere the reviewer did not name.
fn destination(path: &Path) -> Result<PathBuf, ReviewError> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    let refuse = || ReviewError::SymlinkOutOfPlace {
        path: path.to_path_buf(),
    };
    let folder = path
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .and_then(|p| p.canonicalize().ok())
        .ok_or_else(refuse)?;
    let target = std::fs::read_link(path).map_err(io_error(path))?;
    let target = if target.is_absolute() {
        target
    } else {
        folder.join(target)
    };
    let target_folder = target
        .parent()
        .and_then(|p| p.canonicalize().ok())
        .ok_or_else(refuse)?;
    if target_folder != folder {
        return Err(refuse());
    }
    Ok(target)
}

/// Writes `text` to `path` so that a crash leaves the old file or the new one, never half a
/// file: a temporary file beside it (named for this process, so two instances never write
/// the same one), flushed to disk, renamed over the old file, and the folder flushed so the
/// rename itself survives. The old file's permissions are kept.
pub(super) fn write(path: &Path, text: &str) -> Result<(), ReviewError> {
    let path = destination(path)?;
    let path = path.as_path();
    let io = io_error(path);
    let old = match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            return Err(ReviewError::NotAFile {
                path: path.to_path_buf(),
            })
        }
        Ok(m) if m.permissions().readonly() => {
            return Err(ReviewError::ReadOnly {
                path: path.to_path_buf(),
            })
        }
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let name = path
        .file_name()
        .map_or_else(|| "review".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        file.write_all(text.as_bytes())?;
        if let Some(perms) = &old {
            file.set_permissions(perms.clone())?;
        }
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    // The rename is an entry of the folder: flush it too. Not every system can open a
    // folder for this; the file itself is already safe.
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Keeps the file at `path` under a name no file has yet (`.old`, then `.old.2`, `.old.3`,
/// ...), so that an earlier backup is never replaced. A hard link where the system allows
/// it (instant, and atomic: it fails rather than replace), a copy otherwise.
pub fn keep_aside(path: &Path) -> Result<PathBuf, ReviewError> {
    let io = io_error(path);
    for n in 1..10_000 {
        let mut name = path.as_os_str().to_os_string();
        name.push(if n == 1 {
            ".old".to_string()
        } else {
            format!(".old.{n}")
        });
        let candidate = PathBuf::from(name);
        match std::fs::hard_link(path, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) => {}
        }
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(mut copy) => {
                let mut from = File::open(path).map_err(&io)?;
                std::io::copy(&mut from, &mut copy).map_err(&io)?;
                copy.sync_all().map_err(&io)?;
                return Ok(candidate);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(e)),
        }
    }
    Err(io(std::io::Error::other("no free name for a backup")))
}
