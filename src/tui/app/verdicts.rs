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
    /// The sidecar file; none for the bundled pair or standard input without `--review-file`.
    pub path: Option<PathBuf>,
    /// The file holds a review that could not be used (documents changed, broken file): it
    /// is moved aside, not overwritten, at the first save.
    pub keep_old: bool,
}

/// Opens the review saved for this comparison at `path`. A file that cannot be used
/// (documents changed since, not a review) yields a fresh review, a message saying so, and
/// `keep_old` so the first save moves the old file aside instead of overwriting it.
pub fn open_review(path: Option<&Path>, c: &Comparison) -> (Review, ReviewFile, Option<String>) {
    let Some(path) = path else {
        return (Review::new(c), ReviewFile::default(), None);
    };
    let file = |keep_old| ReviewFile {
        path: Some(path.to_path_buf()),
        keep_old,
    };
    match Review::load(path, c) {
        Ok(Some(review)) => {
            let n = review.verdicts();
            let plural = if n == 1 { "" } else { "s" };
            let msg =
                (n > 0).then(|| format!("restored {n} verdict{plural} from {}", path.display()));
            (review, file(false), msg)
        }
        Ok(None) => (Review::new(c), file(false), None),
        Err(e @ (ReviewError::DocumentsChanged { .. } | ReviewError::Invalid { .. })) => (
            Review::new(c),
            file(true),
            Some(format!(
                "{e}; starting a fresh review (the old file is kept as .old at the first verdict)"
            )),
        ),
        Err(e) => (Review::new(c), file(false), Some(e.to_string())),
    }
}

/// The message when a verdict key finds no stop on screen (an empty filter).
pub(super) fn no_verdict_message() -> &'static str {
    "nothing here to judge: no stop passes the filter"
}

/// How the screen shows a verdict: a mark as well as the word, so it reads without colour.
pub fn verdict_label(verdict: Verdict) -> String {
    let mark = match verdict {
        Verdict::Accepted | Verdict::FoundElsewhere => "\u{2713} ",
        Verdict::Flagged | Verdict::Fabricated => "\u{2717} ",
        Verdict::Unverifiable => "? ",
        Verdict::Unreviewed => "",
    };
    format!("{mark}{}", verdict.words())
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
        self.save(verdict.words());
    }

    /// How many stops carry a verdict, quotations not in the source included.
    pub fn reviewed(&self) -> usize {
        self.items
            .iter()
            .filter(|i| self.review.entry_at(i.review_key()).verdict != Verdict::Unreviewed)
            .count()
    }

    pub(super) fn save(&mut self, what: &str) {
        let Some(path) = self.review_file.path.clone() else {
            self.message = Some(format!(
                "{what} (kept for this session only: give files or --review-file PATH to save)"
            ));
            return;
        };
        let mut note = String::new();
        if self.review_file.keep_old && path.exists() {
            let mut old = path.as_os_str().to_os_string();
            old.push(".old");
            let old = PathBuf::from(old);
            if let Err(e) = std::fs::rename(&path, &old) {
                self.message = Some(format!(
                    "not saved: could not move the old review aside to {}: {e}",
                    old.display()
                ));
                return;
            }
            note = format!("; the old review is kept as {}", old.display());
        }
        self.review_file.keep_old = false;
        self.message = Some(match self.review.save(&path, &self.comparison) {
            Ok(()) => format!("{what} · saved to {}{note}", path.display()),
            Err(e) => format!("{what} but not saved: {e}"),
        });
    }
}
