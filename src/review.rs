//! A reviewer's verdicts on the matches of one comparison, kept in a sidecar file.
//!
//! A review outlives the program: verdicts are saved beside the article
//! (`ARTICLE.quotediff.json`) on every change, written atomically (a temporary file renamed
//! over the old one, so a crash never leaves half a file), and restored on the next launch.
//! The file records a fingerprint of both documents; when either text has changed since, the
//! verdicts may no longer point at the same words, so loading says so instead of silently
//! attaching them to other passages. Verdicts are keyed by the match's byte spans, which are
//! stable for the same texts, rather than by match number. This module does file I/O but no
//! terminal work and no printing.

use std::collections::BTreeMap;
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
}

/// The sidecar file's layout.
#[derive(Debug, Serialize, Deserialize)]
struct FileDoc {
    name: String,
    hash: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct FileEntry {
    #[serde(rename = "match", default, skip_serializing_if = "Option::is_none")]
    match_id: Option<usize>,
    /// The report's id of a quotation without a match (`Q3`).
    #[serde(rename = "quotation", default, skip_serializing_if = "Option::is_none")]
    quotation_id: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<[usize; 2]>,
    article: [usize; 2],
    #[serde(flatten)]
    entry: Entry,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    quotediff_review: u32,
    source: FileDoc,
    article: FileDoc,
    verdicts: Vec<FileEntry>,
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
        }
    }

    /// Loads the review saved at `path` for this comparison; `Ok(None)` when there is none.
    pub fn load(path: &Path, c: &Comparison) -> Result<Option<Self>, ReviewError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(ReviewError::Io {
                    path: path.to_path_buf(),
                    reason: e,
                })
            }
        };
        let file: File = serde_json::from_str(&text).map_err(|e| ReviewError::Invalid {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let mut review = Review::new(c);
        let source_changed = file.source.hash != review.source_hash;
        let article_changed = file.article.hash != review.article_hash;
        if source_changed || article_changed {
            return Err(ReviewError::DocumentsChanged {
                path: path.to_path_buf(),
                which: match (source_changed, article_changed) {
                    (true, true) => "both documents",
                    (true, false) => "the source",
                    _ => "the article",
                },
            });
        }
        for fe in file.verdicts {
            let key = MatchKey {
                source: fe.source.map(|s| Span::new(s[0], s[1].max(s[0]))),
                article: Span::new(fe.article[0], fe.article[1].max(fe.article[0])),
            };
            review.entries.insert(key, fe.entry);
        }
        Ok(Some(review))
    }

    /// Saves the review to `path` atomically: a temporary file beside it, then a rename.
    pub fn save(&self, path: &Path, c: &Comparison) -> Result<(), ReviewError> {
        let io = |e| ReviewError::Io {
            path: path.to_path_buf(),
            reason: e,
        };
        let ids: BTreeMap<MatchKey, usize> =
            c.matches.iter().map(|m| (MatchKey::of(m), m.id)).collect();
        let file = File {
            quotediff_review: 1,
            source: FileDoc {
                name: self.source_name.clone(),
                hash: self.source_hash.clone(),
            },
            article: FileDoc {
                name: self.article_name.clone(),
                hash: self.article_hash.clone(),
            },
            verdicts: self
                .entries
                .iter()
                .filter(|(_, e)| e.verdict != Verdict::Unreviewed || e.note.is_some())
                .map(|(k, e)| FileEntry {
                    match_id: ids.get(k).copied(),
                    quotation_id: k
                        .source
                        .is_none()
                        .then(|| c.quotes.iter().find(|q| q.article == k.article))
                        .flatten()
                        .map(|q| q.id),
                    source: k.source.map(|s| [s.start, s.end]),
                    article: [k.article.start, k.article.end],
                    entry: e.clone(),
                })
                .collect(),
        };
        let json = serde_json::to_string_pretty(&file).map_err(|e| ReviewError::Invalid {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let mut tmp = path.as_os_str().to_os_string();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, json + "\n").map_err(io)?;
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e)
        })
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

        // The same file against a changed article is refused, and says which changed.
        let (s, mut a) = bundled_pair();
        a.text.push_str(" One more sentence.");
        let changed = compare(s, a, &CompareOptions::default());
        let err = Review::load(&path, &changed).unwrap_err();
        assert!(
            err.to_string().contains("the article changed since"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn sidecar_sits_beside_the_article() {
        assert_eq!(
            default_path(Path::new("news/story.txt")),
            PathBuf::from("news/story.txt.quotediff.json")
        );
    }
}
