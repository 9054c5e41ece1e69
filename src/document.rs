//! Loading the two documents a comparison is made of.
//!
//! A [`Document`] is the text a person reads, as it was read. Plain UTF-8 text is kept as it
//! is (a byte-order mark removed, CRLF line ends kept, so byte offsets match the file); other
//! formats (HTML, Markdown, PDF, DOCX, UTF-16, legacy encodings) go through
//! [`crate::extract`], and the extracted text becomes the document, so every span refers to
//! what the user sees in `quotediff extract`, not to the file's bytes. Loading checks what
//! would otherwise surface later as nonsense: a directory, binary data, undecodable bytes, an
//! empty or oversized file. This module reads files and standard input but never prints; the
//! caller decides how to tell the user (including the notes on what was assumed).

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::extract::{self, ExtractError, Format};

/// Largest input accepted by default; defined beside the extraction that also bounds what a
/// compressed container unpacks to, so the two modules do not import each other.
pub use crate::extract::DEFAULT_MAX_BYTES;

/// Largest input ever accepted, whatever `max_bytes` says: positions of words are kept in 32
/// bits (a megabyte has 190,000 words; four bytes less each is memory a long pair needs).
pub const HARD_MAX_BYTES: u64 = u32::MAX as u64 - 1;

/// One of the two texts being compared, with the name it is reported under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What the user calls it: the path as given, `<stdin>`, or a bundled asset's name.
    pub name: String,
    /// The full text; every [`crate::Span`] of this document indexes into it.
    pub text: String,
}

impl Document {
    /// A document from text already in memory (a byte-order mark is removed).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Document {
            name: name.into(),
            text,
        }
    }

    /// Size of the text in bytes.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }
}

/// Why a document could not be loaded. Each variant names the file, so the message alone
/// tells the user what to fix.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{}: no such file", shown(.path))]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// The path is a directory, not a file.
    #[error("{}: is a directory, expected a text file", shown(.path))]
    IsDirectory {
        /// The path as given.
        path: PathBuf,
    },
    /// The file exists but cannot be read (permissions, I/O error).
    #[error("{}: cannot read: {reason}", shown(.path))]
    Unreadable {
        /// The path as given.
        path: PathBuf,
        /// The operating system's reason (not an error `source`: the message already says
        /// it, and a chain would say it twice).
        reason: std::io::Error,
    },
    /// The file is larger than the configured limit.
    #[error("{}: too large ({size} bytes; the limit is {limit} bytes, see --max-bytes)", shown(.path))]
    TooLarge {
        /// The path as given.
        path: PathBuf,
        /// Size found (or read so far).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The file holds binary data (NUL bytes), not text.
    #[error("{}: looks like binary data, not text (NUL byte at offset {offset})", shown(.path))]
    Binary {
        /// The path as given.
        path: PathBuf,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The bytes are not valid UTF-8, nor any legacy encoding the detector recognises.
    #[error(
        "{}: not valid UTF-8 (invalid byte at offset {offset}), and no other encoding fits; convert it to UTF-8 first",
        shown(.path)
    )]
    InvalidUtf8 {
        /// The path as given.
        path: PathBuf,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The file's format could not be read (a damaged PDF, a zip that is not a docx, ...).
    #[error("{}: {reason}", shown(.path))]
    Extract {
        /// The path as given.
        path: PathBuf,
        /// What the extractor found wrong (not a `source`: the message already says it, and
        /// the binary prints the whole chain).
        reason: ExtractError,
    },
    /// The path names a FIFO, a socket or a device, not a regular file: opening a FIFO
    /// blocks until someone writes to it, and a device may never end.
    #[error("{}: is {kind}, not a regular file; to read a stream, give `-` and pipe it to standard input", shown(.path))]
    NotRegular {
        /// The path as given.
        path: PathBuf,
        /// What it is instead ("a named pipe (FIFO)").
        kind: &'static str,
    },
    /// The extracted text is larger than the limit: a small compressed file (a docx, a PDF)
    /// that unpacks to more than `--max-bytes`.
    #[error("{}: unpacks to more than {limit} bytes of text (the limit, see --max-bytes)", shown(.path))]
    TextTooLarge {
        /// The path as given.
        path: PathBuf,
        /// The limit in force.
        limit: u64,
    },
    /// The file is empty or holds only whitespace.
    #[error("{}: empty, there is no text to compare", shown(.path))]
    Empty {
        /// The path as given.
        path: PathBuf,
    },
}

/// How a path is named in messages: standard input is "standard input", not `-`.
fn shown(path: &Path) -> std::borrow::Cow<'_, str> {
    if path == Path::new("-") {
        "standard input".into()
    } else {
        path.to_string_lossy()
    }
}

/// What a path that is not a regular file is, for the message that refuses it.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
    }
    let _ = file_type;
    "something else"
}

/// Limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Largest accepted input in bytes.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// A loaded document with what was learnt on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The document, its text extracted.
    pub document: Document,
    /// The format it was read as.
    pub format: Format,
    /// What the user should know about the extraction ("decoded as windows-1252").
    pub notes: Vec<String>,
}

/// Loads a document from a path, or from standard input when the path is `-`, recognising
/// its format by content and extension.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Document, LoadError> {
    load_as(path, options, None).map(|loaded| loaded.document)
}

/// Loads a document read as `format`, or as the format detected when `format` is `None`.
pub fn load_as(
    path: &Path,
    options: &LoadOptions,
    format: Option<Format>,
) -> Result<Loaded, LoadError> {
    let bytes = if path == Path::new("-") {
        read_limited(
            std::io::stdin().lock(),
            path,
            options.max_bytes.min(HARD_MAX_BYTES),
        )?
    } else {
        read_file(path, options.max_bytes.min(HARD_MAX_BYTES))?
    };
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    extract_bytes(&name, path, bytes, format, options)
}

fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_path_buf(),
        },
        _ => LoadError::Unreadable {
            path: path.to_path_buf(),
            reason: e,
        },
    })?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| LoadError::Unreadable {
        path: path.to_path_buf(),
        reason: e,
    })?;
    read_limited_sized(file, path, limit, meta.len())
}

/// Reads at most `limit + 1` bytes, so a pipe or a growing file cannot exhaust memory.
fn read_limited(reader: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    read_limited_sized(reader, path, limit, 0)
}

/// Like [`read_limited`], with room for `expected` bytes reserved up front (a file's size),
/// so a large file is not copied through doubling buffers.
fn read_limited_sized(
    reader: impl Read,
    path: &Path,
    limit: u64,
    expected: u64,
) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::with_capacity(expected.min(limit) as usize + 1);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Unreadable {
            path: path.to_path_buf(),
            reason: e,
        })?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Checks and decodes raw bytes into a [`Document`], detecting their format.
pub fn decode(name: &str, path: &Path, bytes: Vec<u8>) -> Result<Document, LoadError> {
    extract_bytes(name, path, bytes, None, &LoadOptions::default()).map(|loaded| loaded.document)
}

/// Extracts the text of raw bytes read as `format` (detected when `None`): the one place
/// where the format is decided, before anything looks for NUL bytes, since UTF-16 text and
/// PDFs are full of them. `options.max_bytes` bounds what a compressed container (a docx, a
/// PDF's streams) may unpack to, as well as the text extracted.
pub fn extract_bytes(
    name: &str,
    path: &Path,
    bytes: Vec<u8>,
    format: Option<Format>,
    options: &LoadOptions,
) -> Result<Loaded, LoadError> {
    let format = format.unwrap_or_else(|| extract::detect(Some(path), &bytes));
    let limit = options.max_bytes.min(HARD_MAX_BYTES);
    let extracted = extract::extract_within(bytes, format, limit).map_err(|e| match e {
        ExtractError::Binary { offset } => LoadError::Binary {
            path: path.to_path_buf(),
            offset,
        },
        ExtractError::Undecodable { offset } => LoadError::InvalidUtf8 {
            path: path.to_path_buf(),
            offset,
        },
        reason => LoadError::Extract {
            path: path.to_path_buf(),
            reason,
        },
    })?;
    if extracted.text.len() as u64 > limit {
        return Err(LoadError::TextTooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    let document = Document::from_text(name, extracted.text);
    if document.text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Loaded {
        document,
        format: extracted.format,
        notes: extracted.notes,
    })
}

/// The readout of the NYC Mayor's meeting of 15 May 2017, bundled as the default source.
pub const BUNDLED_SOURCE: &str = include_str!("../assets/000_3be4328de4cd21dc.txt");
/// The news article that quotes [`BUNDLED_SOURCE`], bundled as the default article.
pub const BUNDLED_ARTICLE: &str = include_str!("../assets/002_f411545625baf07b.txt");

/// The bundled pair (source, article) that `quotediff` opens when given no files.
pub fn bundled_pair() -> (Document, Document) {
    (
        Document::from_text("000_3be4328de4cd21dc.txt", BUNDLED_SOURCE),
        Document::from_text("002_f411545625baf07b.txt", BUNDLED_ARTICLE),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_and_crlf_kept() {
        let d = Document::from_text("x", "\u{feff}one\r\ntwo");
        assert_eq!(d.text, "one\r\ntwo");
    }

    #[test]
    fn binary_and_invalid_utf8_are_named() {
        let p = Path::new("f.bin");
        let e = decode("f.bin", p, vec![b'a', 0, b'b']).unwrap_err();
        assert_eq!(
            e.to_string(),
            "f.bin: looks like binary data, not text (NUL byte at offset 1)"
        );
        // A lone 0xff is no longer an error: it is read as a legacy encoding, with a note.
        let loaded = extract_bytes(
            "f.txt",
            Path::new("f.txt"),
            b"Caf\xe9 au lait".to_vec(),
            None,
            &LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(loaded.document.text, "Caf\u{e9} au lait");
        assert!(
            loaded.notes[0].contains("windows-1252"),
            "{:?}",
            loaded.notes
        );
        let e = decode("e.txt", Path::new("e.txt"), b" \n\t".to_vec()).unwrap_err();
        assert!(e.to_string().starts_with("e.txt: empty"));
    }

    #[test]
    fn bundled_pair_is_the_seed() {
        let (s, a) = bundled_pair();
        assert!(s.text.contains("FOR IMMEDIATE RELEASE, May 15, 2017"));
        assert!(a.text.starts_with("A federal immigration agent's presence"));
    }
}
