//! Verdicts and notes: opening the saved review and saving it on every change.
//!
//! The one side effect of the state: a verdict must survive a crash, so it is written at
//! once.

use std::path::{Path, PathBuf};

use crate::comparison::Comparison;
use crate::review::{MatchKey, Review, ReviewError, Verdict};

use super::super::keys::Command;
use super::super::theme::Mark;
use super::layers::Item;
use super::App;

/// Where the review is saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewFile {
    /// The sidecar file; none for standard input without `--review-file`.
    pub path: Option<PathBuf>,
}

/// Opens the review saved for this comparison at `path`, with the line the status bar
/// shows about it: how many verdicts were restored; when a document changed since, how
/// many were carried over and which could not be; when the file cannot be used, why (a
/// fresh review starts, and the first save keeps the old file under a new name).
pub fn open_review(path: Option<&Path>, c: &Comparison) -> (Review, ReviewFile, Option<String>) {
    let Some(path) = path else {
        return (Review::new(c), ReviewFile::default(), None);
    };
    let file = ReviewFile {
        path: Some(path.to_path_buf()),
    };
    match Review::load(path, c) {
        Ok(Some(review)) => {
            let msg = restored_message(&review, path);
            (review, file, msg)
        }
        Ok(None) => (Review::new(c), file, None),
        Err(
            e @ (ReviewError::DocumentsChanged { .. }
            | ReviewError::Invalid { .. }
            | ReviewError::TooLarge { .. }),
        ) => (
            Review::new(c),
            file,
            Some(format!(
                "{e}; starting a fresh review (the old file is kept under a new name at the first verdict)"
            )),
        ),
        Err(e) => (Review::new(c), file, Some(e.to_string())),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// What the reviewer is told about a review read back.
fn restored_message(review: &Review, path: &Path) -> Option<String> {
    let n = review.verdicts();
    let Some(which) = review.changed_since() else {
        return (n > 0)
            .then(|| format!("restored {} from {}", plural(n, "verdict"), path.display()));
    };
    let mut msg = format!(
        "{which} changed since: {} carried over",
        plural(n, "verdict")
    );
    let lost = review.lost();
    if !lost.is_empty() {
        // Ids first, and a few words each: the status bar is one line.
        let named: Vec<String> = lost
            .iter()
            .map(|l| {
                let words: String = l.words.chars().take(16).collect();
                format!("{} \u{201c}{}\u{2026}\u{201d}", l.id, words.trim_end())
            })
            .collect();
        msg.push_str(&format!(
            ", {} lost: {} (kept in the old file at the first save)",
            lost.len(),
            named.join(", ")
        ));
    }
    Some(msg)
}

/// The message when a verdict key finds no stop on screen (an empty filter).
pub(super) fn no_verdict_message() -> &'static str {
    "nothing here to judge: no stop passes the filter"
}

/// How the screen shows a verdict: a mark as well as the word, so it reads without colour.
pub fn verdict_label(verdict: Verdict) -> String {
    match verdict_mark(verdict) {
        Some(mark) => format!("{mark} {}", verdict.words()),
        None => verdict.words().to_string(),
    }
}

/// The one-character mark of a verdict, in the status bar and in the gutter of a reviewed
/// stop: `✓` done, `✗` wrong, `!` could not be checked (not `?`, the gutter's mark of a
/// quotation not in the source). None for unreviewed.
pub fn verdict_mark(verdict: Verdict) -> Option<char> {
    match verdict {
        Verdict::Accepted | Verdict::FoundElsewhere => Some('\u{2713}'),
        Verdict::Flagged | Verdict::Fabricated => Some('\u{2717}'),
        Verdict::Unverifiable => Some('!'),
        Verdict::Unreviewed => None,
    }
}

/// What a verdict key means for a stop: accept and flag for a passage of the source; for a
/// quotation not in the source, found elsewhere, unverifiable or fabricated. `None` when the
/// key has no meaning for that kind of stop.
pub fn verdict_for(command: Command, item: &Item) -> Option<Verdict> {
    let unsourced = item.mark == Mark::NotInSource;
    match (command, unsourced) {
        (Command::Unreview, _) => Some(Verdict::Unreviewed),
        (Command::Accept, false) => Some(Verdict::Accepted),
        (Command::Flag, false) => Some(Verdict::Flagged),
        (Command::Accept, true) => Some(Verdict::FoundElsewhere),
        (Command::Flag, true) => Some(Verdict::Unverifiable),
        (Command::Fabricated, true) => Some(Verdict::Fabricated),
        _ => None,
    }
}

impl Item {
    /// The key of its verdict in the review: its two spans, as for a match.
    pub fn review_key(&self) -> MatchKey {
        MatchKey {
            source: self.source,
            article: self.article,
        }
    }
}

impl App {
    /// A verdict key on the current stop.
    pub(super) fn judge(&mut self, command: Command) {
        let Some(item) = self.current_item().copied() else {
            self.message = Some(no_verdict_message().to_string());
            return;
        };
        let Some(verdict) = verdict_for(command, &item) else {
            self.message = Some(format!(
                "{} is for quotations not in the source",
                self.keys.label(command)
            ));
            return;
        };
        self.review.set_verdict_at(item.review_key(), verdict);
        self.review.set_place(item.review_key());
        self.save(verdict.words());
    }

    /// How many stops carry a verdict, quotations not in the source included.
    pub fn reviewed(&self) -> usize {
        self.items
            .iter()
            .filter(|i| self.review.entry_at(i.review_key()).verdict != Verdict::Unreviewed)
            .count()
    }

    /// Saves at once (a verdict must survive a crash). A save that fails stays on the
    /// status bar until one succeeds, and `q` then asks before quitting.
    pub(super) fn save(&mut self, what: &str) {
        let Some(path) = self.review_file.path.clone() else {
            let why = "kept for this session only: give files or --review-file PATH to save";
            self.unsaved = Some(format!("verdicts not saved ({why})"));
            self.message = Some(format!("{what} ({why})"));
            return;
        };
        match self.review.save(&path, &self.comparison) {
            Ok(saved) => {
                self.unsaved = None;
                let mut msg = format!("{what} \u{b7} saved to {}", path.display());
                if saved.merged > 0 {
                    msg.push_str(&format!(
                        "; merged {} saved by another window",
                        plural(saved.merged, "verdict")
                    ));
                }
                if let Some(old) = saved.kept_aside {
                    msg.push_str(&format!("; the old review is kept as {}", old.display()));
                }
                self.message = Some(msg);
            }
            Err(e) => {
                let line = format!("NOT SAVED: {e}");
                self.message = Some(format!("{what} but {line}"));
                self.unsaved = Some(line);
            }
        }
    }

    /// `q`: quits, unless verdicts are not saved; then it asks first, and a second `q`
    /// quits.
    pub(super) fn request_quit(&mut self, asked: bool) {
        match &self.unsaved {
            Some(why) if !asked => {
                self.quit_asked = true;
                self.message = Some(format!(
                    "{why} \u{2014} quit and lose them? {} again quits, any other key stays",
                    self.keys.label(super::super::keys::Command::Quit)
                ));
            }
            _ => {
                self.remember_place();
                self.quit = true;
            }
        }
    }
}
