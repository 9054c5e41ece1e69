//! Finding one entry of an archive again, for `quotediff open`.
//!
//! The list of pairs names each side by its id; Enter must show both texts at once, in an
//! archive of a hundred thousand articles, so an entry is never looked for by reading the
//! archive from its start. The scan notes where each entry it keeps a pair of begins (the
//! byte offset of its line in a JSON Lines archive, [`Entry::at`]) in two files beside its
//! output, `PATH.source-offsets` and `PATH.article-offsets`, one `{"id", "at"}` a line; here
//! an entry is read straight from its offset. A folder's entry is its file (the id is its
//! path below the folder). Only an archive with no offsets noted (the Spark job's output, or
//! an archive changed since the scan) is read through until the id turns up.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::archive::{self, ArchiveError, Entry};
use crate::document::{self, LoadOptions};

/// Which archive of a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The releases.
    Sources,
    /// The articles.
    Articles,
}

/// The file beside a scan's output `out` that notes where the entries of one side begin.
pub fn offsets_path(out: &Path, side: Side) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(match side {
        Side::Sources => ".source-offsets",
        Side::Articles => ".article-offsets",
    });
    PathBuf::from(name)
}

/// One line of an offsets file.
#[derive(Debug, Serialize, Deserialize)]
struct Offset<'a> {
    id: &'a str,
    at: u64,
}

/// Notes where each of `entries` begins (those with an offset) on `out`.
pub fn write_offsets<'a>(
    out: &mut impl Write,
    entries: impl IntoIterator<Item = (&'a str, Option<u64>)>,
) -> std::io::Result<()> {
    for (id, at) in entries {
        if let Some(at) = at {
            serde_json::to_writer(&mut *out, &Offset { id, at })?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// Writes the offsets file of the sources, anew.
pub fn write_source_offsets(out: &Path, sources: &[Entry]) -> std::io::Result<()> {
    let mut file = BufWriter::new(File::create(offsets_path(out, Side::Sources))?);
    write_offsets(&mut file, sources.iter().map(|e| (e.id.as_str(), e.at)))?;
    file.flush()
}

/// The offsets noted for one side of the scan `out`; none when the file is missing (a scan
/// from before offsets were noted, or the Spark job) or a line of it cannot be read.
pub fn read_offsets(out: &Path, side: Side) -> HashMap<String, u64> {
    let Ok(file) = File::open(offsets_path(out, side)) else {
        return HashMap::new();
    };
    let mut offsets = HashMap::new();
    for line in BufReader::new(file).lines() {
        let Ok(line) = line else { break };
        if let Ok(offset) = serde_json::from_str::<Offset>(&line) {
            offsets.insert(offset.id.to_string(), offset.at);
        }
    }
    offsets
}

/// Finds entries of one archive by id.
#[derive(Debug)]
pub struct Finder {
    path: PathBuf,
    offsets: HashMap<String, u64>,
    load: LoadOptions,
}

impl Finder {
    /// A finder over the archive at `path`, with the offsets a scan noted for it.
    pub fn new(path: PathBuf, offsets: HashMap<String, u64>, load: LoadOptions) -> Self {
        Finder {
            path,
            offsets,
            load,
        }
    }

    /// The archive.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entry with this id: read from its noted offset, from its file in a folder, and
    /// only failing both by reading the archive through; `None` when it has no such entry.
    pub fn find(&self, id: &str) -> Result<Option<Entry>, ArchiveError> {
        if self.path.is_dir() {
            return self.in_folder(id);
        }
        if let Some(&at) = self.offsets.get(id) {
            // An archive changed since the scan may hold another entry there, or none.
            if let Ok(entry) = archive::read_at(&self.path, at) {
                if entry.id == id {
                    return Ok(Some(entry));
                }
            }
        }
        self.read_through(id)
    }

    /// The file `id` below the folder; an id that would leave the folder is no entry.
    fn in_folder(&self, id: &str) -> Result<Option<Entry>, ArchiveError> {
        let relative = Path::new(id);
        let inside = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        let file = self.path.join(relative);
        if !inside || !file.is_file() {
            return Ok(None);
        }
        let document = document::load(&file, &self.load)?;
        Ok(Some(Entry {
            id: id.to_string(),
            text: document.text,
            date: None,
            url: None,
            title: None,
            at: None,
        }))
    }

    fn read_through(&self, id: &str) -> Result<Option<Entry>, ArchiveError> {
        for entry in archive::open(&self.path, &self.load)? {
            let entry = entry?;
            if entry.id == id {
                return Ok(Some(entry));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, text: &str) -> String {
        serde_json::json!({"id": id, "text": text}).to_string() + "\n"
    }

    #[test]
    fn an_entry_is_read_from_its_offset_without_reading_what_comes_before() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("archive.jsonl");
        let good = [
            line("a", "First."),
            line("b", "Second."),
            line("c", "Third."),
        ];
        std::fs::write(&path, good.concat()).expect("written");
        let entries: Vec<Entry> = archive::open(&path, &LoadOptions::default())
            .expect("opens")
            .collect::<Result<_, _>>()
            .expect("reads");
        let mut noted = Vec::new();
        write_offsets(&mut noted, entries.iter().map(|e| (e.id.as_str(), e.at))).expect("noted");
        let out = dir.path().join("results.jsonl");
        std::fs::write(offsets_path(&out, Side::Articles), &noted).expect("written");
        // What comes before "c" is no longer JSON: reading through would stop at line 1.
        let spoilt = "x".repeat(good[0].len() + good[1].len() - 1) + "\n" + &good[2];
        std::fs::write(&path, spoilt).expect("written");
        let finder = Finder::new(
            path.clone(),
            read_offsets(&out, Side::Articles),
            LoadOptions::default(),
        );
        let found = finder.find("c").expect("read from its offset");
        assert_eq!(found.map(|e| e.text), Some("Third.".to_string()));
        // Without offsets the archive is read through, and its first line is not an entry.
        let blind = Finder::new(path, HashMap::new(), LoadOptions::default());
        assert!(matches!(
            blind.find("c"),
            Err(ArchiveError::Line { line: 1, .. })
        ));
    }

    #[test]
    fn an_offset_that_no_longer_fits_falls_back_to_reading_through() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("archive.jsonl");
        std::fs::write(&path, line("a", "First.") + &line("b", "Second.")).expect("written");
        let stale = HashMap::from([("b".to_string(), 0)]);
        let finder = Finder::new(path, stale, LoadOptions::default());
        let found = finder.find("b").expect("found by reading through");
        assert_eq!(found.map(|e| e.text), Some("Second.".to_string()));
        assert!(finder.find("z").expect("read through").is_none());
    }

    #[test]
    fn a_folder_entry_is_its_file_and_no_id_leaves_the_folder() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("sub")).expect("a subfolder");
        std::fs::write(dir.path().join("sub/one.txt"), "One release.").expect("written");
        std::fs::write(dir.path().join("secret.txt"), "Not an entry.").expect("written");
        let finder = Finder::new(
            dir.path().join("sub"),
            HashMap::new(),
            LoadOptions::default(),
        );
        let found = finder.find("one.txt").expect("loads");
        assert_eq!(found.map(|e| e.text), Some("One release.".to_string()));
        assert!(finder.find("../secret.txt").expect("no error").is_none());
    }
}
