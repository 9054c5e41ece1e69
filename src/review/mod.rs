//! A reviewer's verdicts on the stops of one comparison, kept in a sidecar file.
//!
//! A review outlives the program: verdicts are saved beside the article
//! (`ARTICLE.quotediff.json`, or the user's data folder for the bundled pair) on every
//! change, and restored on the next launch. Each verdict is keyed by its stop's byte spans,
//! and the file also records the words of both sides with some context ([`carry`]), so that
//! after an edit of either document the verdicts go to the stops that still have the same
//! words, and the reviewer is told which could not be placed. Saving re-reads the file first
//! and merges what another instance saved meanwhile, and never overwrites a file it cannot
//! use: that one is kept under a new name ([`file`]). This module does file I/O but no
//! terminal work and no printing.

mod carry;
mod file;
mod place;

pub use carry::{stop_keys, Lost, CONTEXT_BYTES};
pub use file::{keep_aside, MAX_REVIEW_BYTES};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::comparison::{Comparison, Match};
use crate::span::Span;

/// What the reviewer decided about one match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Not looked at yet (or set back).
    #[default]
    Unreviewed,
    /// Checked and fine.
    Accepted,
    /// Checked and wrong, or worth a second look.
    Flagged,
    /// A quotation not in the source, found in another text (an earlier statement, an
    /// interview).
    FoundElsewhere,
    /// A quotation not in the source that could not be checked anywhere.
    Unverifiable,
    /// A quotation not in the source that its speaker never said.
    Fabricated,
}

impl Verdict {
    /// The name used in files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Unreviewed => "unreviewed",
            Verdict::Accepted => "accepted",
            Verdict::Flagged => "flagged",
            Verdict::FoundElsewhere => "found_elsewhere",
            Verdict::Unverifiable => "unverifiable",
            Verdict::Fabricated => "fabricated",
        }
    }

    /// How a screen or a sentence names it.
    pub fn words(self) -> &'static str {
        match self {
            Verdict::FoundElsewhere => "found elsewhere",
            other => other.as_str(),
        }
    }
}

/// The verdict and note on one match.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// Accepted, flagged or unreviewed.
    pub verdict: Verdict,
    /// A one-line note, if the reviewer wrote one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Why a review file could not be used.
#[derive(Debug, Error)]
pub enum ReviewError {
    /// The file exists but cannot be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The review file.
        path: PathBuf,
        /// The operating system's reason (a field, not an error `source`, so it is said once).
        reason: std::io::Error,
    },
    /// The file is not a quotediff review.
    #[error("{path}: not a quotediff review file ({reason})")]
    Invalid {
        /// The review file.
        path: PathBuf,
        /// What the JSON parser said.
        reason: String,
    },
    /// The path is a folder, a device or a pipe, not a file.
    #[error("{path}: not a regular file")]
    NotAFile {
        /// The review file.
        path: PathBuf,
    },
    /// The file is larger than any review.
    #[error("{path}: larger than {limit} bytes, not a quotediff review file")]
    TooLarge {
        /// The review file.
        path: PathBuf,
        /// [`MAX_REVIEW_BYTES`].
        limit: u64,
    },
    /// The file is read-only: the reviewer froze it, so it is not replaced.
    #[error("{path}: read-only; not replaced")]
    ReadOnly {
        /// The review file.
        path: PathBuf,
    },
    /// The path is a symbolic link to another folder.
    #[error("{path}: a symbolic link out of its folder; not followed")]
    SymlinkOutOfPlace {
        /// The review file.
        path: PathBuf,
    },
    /// The documents changed since the review was saved.
    #[error("{path}: saved for other versions of the documents ({which} changed since); its verdicts were not applied")]
    DocumentsChanged {
        /// The review file.
        path: PathBuf,
        /// "the source", "the article" or "both documents".
        which: &'static str,
    },
}

/// Identifies a reviewed passage across runs: its two byte spans. A quotation not in the
/// source has no source span, and takes verdicts too: those are the ones a checker most
/// needs to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatchKey {
    /// The passage in the source; none for a quotation not in the source.
    pub source: Option<Span>,
    /// The match's span in the article.
    pub article: Span,
}

/// The verdicts of a file of the same documents, by their spans.
fn by_spans(records: Vec<file::FileEntry>) -> BTreeMap<MatchKey, Entry> {
    records
        .into_iter()
        .map(|fe| {
            let key = MatchKey {
                source: fe.source.map(|s| Span::new(s[0], s[1].max(s[0]))),
                article: Span::new(fe.article[0], fe.article[1].max(fe.article[0])),
            };
            (key, fe.entry)
        })
        .filter(|(_, e)| !e.is_empty())
        .collect()
}

/// The entry at `k` when it says something (a verdict or a note).
fn given<'m>(entries: &'m BTreeMap<MatchKey, Entry>, k: &MatchKey) -> Option<&'m Entry> {
    entries.get(k).filter(|e| !e.is_empty())
}

impl Entry {
    /// Neither a verdict nor a note.
    pub fn is_empty(&self) -> bool {
        self.verdict == Verdict::Unreviewed && self.note.is_none()
    }
}

impl MatchKey {
    /// The key of a match.
    pub fn of(m: &Match) -> Self {
        MatchKey {
            source: Some(m.source),
            article: m.article,
        }
    }
}

/// All verdicts for one pair of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    source_hash: String,
    article_hash: String,
    source_name: String,
    article_name: String,
    entries: BTreeMap<MatchKey, Entry>,
    /// The verdicts as the file last held them (read or written): what this instance
    /// changed is what differs from it, and only that overrides the file at the next save.
    base: BTreeMap<MatchKey, Entry>,
    /// Which document changed since the file was saved, when its verdicts were carried over.
    changed: Option<&'static str>,
    /// Verdicts of the file that could not be carried over to the edited documents.
    lost: Vec<Lost>,
    /// The stop the reviewer was on when the review was last saved or left.
    place: Option<MatchKey>,
}

/// What a save did besides writing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// Verdicts another instance had saved meanwhile, now merged in.
    pub merged: usize,
    /// Where the file found at the path was kept, when it could not be merged (broken, or
    /// for other versions of the documents).
    pub kept_aside: Option<PathBuf>,
}

/// A 64-bit FNV-1a fingerprint of a text, in hex. Not cryptographic: it only tells whether
/// a document changed since the review was saved.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Where the review of the bundled example pair is kept: the user's data folder
/// (`$XDG_DATA_HOME/quotediff/bundled-pair.quotediff.json`, `~/.local/share` by default), as
/// it has no folder of its own.
pub fn bundled_path() -> Option<PathBuf> {
    Some(
        dirs::data_dir()?
            .join("quotediff")
            .join("bundled-pair.quotediff.json"),
    )
}

/// Where the review of an article is kept by default: beside it, `ARTICLE.quotediff.json`.
pub fn default_path(article: &Path) -> PathBuf {
    let mut name = article.as_os_str().to_os_string();
    name.push(".quotediff.json");
    PathBuf::from(name)
}

impl Review {
    /// An empty review of this comparison.
    pub fn new(c: &Comparison) -> Self {
        Review {
            source_hash: fingerprint(&c.source.text),
            article_hash: fingerprint(&c.article.text),
            source_name: c.source.name.clone(),
            article_name: c.article.name.clone(),
            entries: BTreeMap::new(),
            base: BTreeMap::new(),
            changed: None,
            lost: Vec::new(),
            place: None,
        }
    }

    /// Loads the review saved at `path` for this comparison; `Ok(None)` when there is none.
    /// When a document changed since, the verdicts are carried over to the stops with the
    /// same words ([`Review::changed_since`], [`Review::lost`]); a file too old to hold the
    /// words is refused with [`ReviewError::DocumentsChanged`].
    pub fn load(path: &Path, c: &Comparison) -> Result<Option<Self>, ReviewError> {
        let Some(layout) = file::read(path)? else {
            return Ok(None);
        };
        let mut review = Review::new(c);
        let changed = review.changed_in(&layout);
        review.place = layout
            .place
            .as_ref()
            .and_then(|p| place::find(p, c, changed.is_some()));
        match changed {
            None => review.entries = by_spans(layout.verdicts),
            Some(which) if layout.verdicts.iter().all(|v| v.article_text.is_some()) => {
                let (placed, lost) = carry::carry_over(layout.verdicts, c);
                review.entries = placed;
                review.lost = lost;
                review.changed = Some(which);
            }
            Some(which) => {
                return Err(ReviewError::DocumentsChanged {
                    path: path.to_path_buf(),
                    which,
                })
            }
        }
        review.base = review.entries.clone();
        Ok(Some(review))
    }

    /// Which document a file's fingerprints say changed, if any.
    fn changed_in(&self, layout: &file::FileLayout) -> Option<&'static str> {
        let source = layout.source.hash != self.source_hash;
        let article = layout.article.hash != self.article_hash;
        match (source, article) {
            (false, false) => None,
            (true, true) => Some("both documents"),
            (true, false) => Some("the source"),
            (false, true) => Some("the article"),
        }
    }

    /// When the verdicts were carried over from other versions of the documents: which
    /// changed ("the article", "the source", "both documents").
    pub fn changed_since(&self) -> Option<&'static str> {
        self.changed
    }

    /// The verdicts of the file that could not be carried over to the edited documents.
    pub fn lost(&self) -> &[Lost] {
        &self.lost
    }

    /// Saves the review to `path`. The file is read again first: verdicts another instance
    /// saved since are merged in (this instance's own changes win where both changed the
    /// same stop), and a file that cannot be merged is kept under a new name, never
    /// overwritten. Then written safely (see [`file`]).
    pub fn save(&mut self, path: &Path, c: &Comparison) -> Result<Saved, ReviewError> {
        let mut saved = Saved::default();
        // What to merge into: the file's verdicts when it holds a review of these
        // documents; otherwise (no file, a broken one, one of other versions) all of ours.
        let on_disk = match file::read(path) {
            Ok(Some(layout)) if self.changed_in(&layout).is_none() => by_spans(layout.verdicts),
            Ok(None) => self.base.clone(),
            Ok(Some(_)) | Err(ReviewError::Invalid { .. } | ReviewError::TooLarge { .. }) => {
                saved.kept_aside = Some(keep_aside(path)?);
                self.base.clone()
            }
            Err(e) => return Err(e),
        };
        let mine: BTreeSet<MatchKey> = self
            .entries
            .keys()
            .chain(self.base.keys())
            .filter(|k| given(&self.entries, k) != given(&self.base, k))
            .copied()
            .collect();
        let mut merged = on_disk;
        for k in &mine {
            match given(&self.entries, k) {
                Some(e) => merged.insert(*k, e.clone()),
                None => merged.remove(k),
            };
        }
        saved.merged = merged
            .keys()
            .chain(self.entries.keys())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter(|k| given(&merged, k) != given(&self.entries, k))
            .count();
        let layout = file::FileLayout {
            quotediff_review: 2,
            source: file::FileDoc {
                name: self.source_name.clone(),
                hash: self.source_hash.clone(),
            },
            article: file::FileDoc {
                name: self.article_name.clone(),
                hash: self.article_hash.clone(),
            },
            verdicts: merged
                .iter()
                .map(|(k, e)| carry::record(c, *k, e))
                .collect(),
            place: self.place.map(|k| place::record(c, k)),
        };
        let json = serde_json::to_string_pretty(&layout).map_err(|e| ReviewError::Invalid {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        file::write(path, &(json + "\n"))?;
        self.entries = merged.clone();
        self.base = merged;
        Ok(saved)
    }

    /// The stop the reviewer was on when the review was last saved: where a relaunch
    /// opens. After an edit of the documents, the stop with the same article words.
    pub fn place(&self) -> Option<MatchKey> {
        self.place
    }

    /// Records the stop the reviewer is on; it is written with the next save.
    pub fn set_place(&mut self, key: MatchKey) {
        self.place = Some(key);
    }

    /// The verdict and note on a match (unreviewed when none was recorded).
    pub fn entry(&self, m: &Match) -> Entry {
        self.entry_at(MatchKey::of(m))
    }

    /// The verdict and note on any reviewed passage, a quotation not in the source included.
    pub fn entry_at(&self, key: MatchKey) -> Entry {
        self.entries.get(&key).cloned().unwrap_or_default()
    }

    /// Records a verdict on a match.
    pub fn set_verdict(&mut self, m: &Match, verdict: Verdict) {
        self.set_verdict_at(MatchKey::of(m), verdict);
    }

    /// Records a verdict on any reviewed passage.
    pub fn set_verdict_at(&mut self, key: MatchKey, verdict: Verdict) {
        self.entries.entry(key).or_default().verdict = verdict;
    }

    /// Attaches a note to a match (an empty note removes it).
    pub fn set_note(&mut self, m: &Match, note: &str) {
        self.set_note_at(MatchKey::of(m), note);
    }

    /// Attaches a note to any reviewed passage (an empty note removes it).
    pub fn set_note_at(&mut self, key: MatchKey, note: &str) {
        let note = note.trim();
        self.entries.entry(key).or_default().note = (!note.is_empty()).then(|| note.to_string());
    }

    /// How many passages (matches and quotations not in the source) carry a verdict.
    pub fn verdicts(&self) -> usize {
        self.entries
            .values()
            .filter(|e| e.verdict != Verdict::Unreviewed)
            .count()
    }

    /// How many stops carry a verdict, and how many there are: every match and every
    /// quotation without one (not in the source, a word or two found word for word), as the
    /// interface counts them.
    pub fn progress(&self, c: &Comparison) -> (usize, usize) {
        let stops = stop_keys(c);
        let reviewed = stops
            .iter()
            .filter(|k| self.entry_at(**k).verdict != Verdict::Unreviewed)
            .count();
        (reviewed, stops.len())
    }

    /// The verdict and note on a quotation that is a stop of its own (it has no match);
    /// `None` for a quotation whose matches carry its verdicts.
    pub fn quotation_entry(&self, q: &crate::comparison::QuoteFinding) -> Option<Entry> {
        let source = if q.status == crate::comparison::QuoteStatus::NotInSource {
            None
        } else if q.matches.is_empty() {
            Some(q.source_phrase?)
        } else {
            return None;
        };
        Some(self.entry_at(MatchKey {
            source,
            article: q.article,
        }))
    }

    /// How many of the comparison's matches have a verdict other than unreviewed.
    pub fn reviewed(&self, c: &Comparison) -> usize {
        c.matches
            .iter()
            .filter(|m| self.entry(m).verdict != Verdict::Unreviewed)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, CompareOptions};
    use crate::document::bundled_pair;

    fn comparison() -> Comparison {
        let (s, a) = bundled_pair();
        compare(s, a, &CompareOptions::default())
    }

    #[test]
    fn verdicts_survive_a_save_and_load() {
        let c = comparison();
        let dir = std::env::temp_dir().join(format!("quotediff-review-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("article.txt.quotediff.json");
        let mut review = Review::new(&c);
        review.set_verdict(&c.matches[0], Verdict::Accepted);
        review.set_note(&c.matches[1], "check the capital T");
        review.set_verdict(&c.matches[1], Verdict::Flagged);
        review.save(&path, &c).unwrap();
        let loaded = Review::load(&path, &c).unwrap().unwrap();
        assert_eq!(loaded.entry(&c.matches[0]).verdict, Verdict::Accepted);
        assert_eq!(
            loaded.entry(&c.matches[1]).note.as_deref(),
            Some("check the capital T")
        );
        assert_eq!(loaded.reviewed(&c), 2);
        assert!(!dir.join("article.txt.quotediff.json.tmp").exists());

        // Against an article with a sentence added at the end, the verdicts carry over.
        let (s, mut a) = bundled_pair();
        a.text.push_str(" One more sentence.");
        let changed = compare(s, a, &CompareOptions::default());
        let carried = Review::load(&path, &changed).unwrap().unwrap();
        assert_eq!(carried.changed_since(), Some("the article"));
        assert_eq!(carried.reviewed(&changed), 2);
        assert!(carried.lost().is_empty());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn verdicts_follow_their_words_after_an_edit_and_the_lost_are_named() {
        let c = comparison();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt.quotediff.json");
        let mut review = Review::new(&c);
        for m in &c.matches {
            review.set_verdict(m, Verdict::Accepted);
        }
        let not_in_source = stop_keys(&c)
            .into_iter()
            .find(|k| k.source.is_none())
            .unwrap();
        review.set_verdict_at(not_in_source, Verdict::Fabricated);
        review.save(&path, &c).unwrap();

        // One word added at the top moves every span; one sentence of a match removed.
        let gone = c.matches[1].article.slice(&c.article.text).to_string();
        let (s, mut a) = bundled_pair();
        a.text = format!("UPDATED: {}", a.text.replacen(&gone, "", 1));
        let edited = compare(s, a, &CompareOptions::default());
        let carried = Review::load(&path, &edited).unwrap().unwrap();
        assert_eq!(carried.changed_since(), Some("the article"));
        let lost: Vec<&str> = carried.lost().iter().map(|l| l.id.as_str()).collect();
        assert!(lost.contains(&"M2"), "{lost:?}");
        assert_eq!(
            carried.verdicts() + carried.lost().len(),
            c.matches.len() + 1
        );
        let moved = stop_keys(&edited)
            .into_iter()
            .find(|k| k.source.is_none())
            .unwrap();
        assert_eq!(carried.entry_at(moved).verdict, Verdict::Fabricated);
        assert_ne!(moved.article, not_in_source.article, "the span moved");
    }

    #[test]
    fn the_place_is_kept_and_found_again_after_an_edit() {
        let c = comparison();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt.quotediff.json");
        let mut review = Review::new(&c);
        let third = MatchKey::of(&c.matches[2]);
        review.set_place(third);
        review.save(&path, &c).unwrap();
        let loaded = Review::load(&path, &c).unwrap().unwrap();
        assert_eq!(loaded.place(), Some(third));
        // One word added at the top moves every span: the words find the stop again.
        let (s, mut a) = bundled_pair();
        a.text = format!("UPDATED: {}", a.text);
        let edited = compare(s, a, &CompareOptions::default());
        let moved = Review::load(&path, &edited).unwrap().unwrap().place();
        let moved = moved.expect("the stop is found by its words");
        assert_eq!(moved.article.start, third.article.start + "UPDATED: ".len());
    }

    #[test]
    fn a_save_merges_what_another_instance_saved() {
        let c = comparison();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt.quotediff.json");
        let mut first = Review::new(&c);
        let mut second = Review::new(&c);
        first.set_verdict(&c.matches[0], Verdict::Accepted);
        first.save(&path, &c).unwrap();
        second.set_verdict(&c.matches[1], Verdict::Flagged);
        let saved = second.save(&path, &c).unwrap();
        assert_eq!(saved.merged, 1);
        // The first takes back the second's verdict at its next save; its own change wins.
        first.set_verdict(&c.matches[0], Verdict::Unreviewed);
        first.save(&path, &c).unwrap();
        let both = Review::load(&path, &c).unwrap().unwrap();
        assert_eq!(both.entry(&c.matches[0]).verdict, Verdict::Unreviewed);
        assert_eq!(both.entry(&c.matches[1]).verdict, Verdict::Flagged);
    }

    #[test]
    fn a_broken_file_is_kept_and_never_replaces_an_earlier_backup() {
        let c = comparison();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt.quotediff.json");
        let mut review = Review::new(&c);
        review.set_verdict(&c.matches[0], Verdict::Accepted);
        for (n, junk) in [b"\xff\xfe broken".as_slice(), b"{ not json"]
            .iter()
            .enumerate()
        {
            std::fs::write(&path, junk).unwrap();
            assert!(matches!(
                Review::load(&path, &c),
                Err(ReviewError::Invalid { .. })
            ));
            let saved = review.save(&path, &c).unwrap();
            let kept = saved.kept_aside.unwrap();
            assert_eq!(std::fs::read(&kept).unwrap(), *junk, "backup {n}");
        }
        assert!(dir.path().join("story.txt.quotediff.json.old").exists());
        assert!(dir.path().join("story.txt.quotediff.json.old.2").exists());
        assert_eq!(Review::load(&path, &c).unwrap().unwrap().verdicts(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_permissions_and_refuses_what_it_must_not_replace() {
        use std::os::unix::fs::PermissionsExt;
        let c = comparison();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt.quotediff.json");
        let mut review = Review::new(&c);
        review.set_verdict(&c.matches[0], Verdict::Accepted);
        review.save(&path, &c).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        review.save(&path, &c).unwrap();
        assert_eq!(mode(&path), 0o640);
        // Read-only: refused, untouched.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o440)).unwrap();
        assert!(matches!(
            review.save(&path, &c),
            Err(ReviewError::ReadOnly { .. })
        ));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        // A link out of the folder is refused; one within it is followed and kept.
        let elsewhere = tempfile::tempdir().unwrap();
        let outside = elsewhere.path().join("target.json");
        std::fs::write(&outside, "{}").unwrap();
        let link = dir.path().join("linked.quotediff.json");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        assert!(matches!(
            review.save(&link, &c),
            Err(ReviewError::SymlinkOutOfPlace { .. })
        ));
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "{}");
        let inside = dir.path().join("inside.quotediff.json");
        std::fs::remove_file(&link).unwrap();
        std::os::unix::fs::symlink("story.txt.quotediff.json", &inside).unwrap();
        review.save(&inside, &c).unwrap();
        assert!(std::fs::symlink_metadata(&inside)
            .unwrap()
            .file_type()
            .is_symlink());
        // A device is not read (it would never end) and not replaced.
        let zero = Path::new("/dev/zero");
        assert!(matches!(
            Review::load(zero, &c),
            Err(ReviewError::NotAFile { .. })
        ));
        // A huge file is not read whole.
        let huge = dir.path().join("huge.json");
        let f = std::fs::File::create(&huge).unwrap();
        f.set_len(MAX_REVIEW_BYTES + 1).unwrap();
        assert!(matches!(
            Review::load(&huge, &c),
            Err(ReviewError::TooLarge { .. })
        ));
    }

    #[test]
    fn sidecar_sits_beside_the_article() {
        assert_eq!(
            default_path(Path::new("news/story.txt")),
            PathBuf::from("news/story.txt.quotediff.json")
        );
    }
}
