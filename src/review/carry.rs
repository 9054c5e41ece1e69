//! Carrying verdicts over to edited documents: each verdict keeps the words it was given
//! on (both sides) and a little of the article around them, so when either document has
//! changed since, the verdict goes to the stop that now has the same words, and the ones
//! whose words are gone are reported rather than dropped in silence.
//!
//! Offsets alone cannot survive an edit ("UPDATED: " at the top moves every span), and a
//! fingerprint of the whole text only says that something changed.

use std::collections::{BTreeMap, BTreeSet};

use crate::comparison::{Comparison, QuoteStatus};
use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

use super::file::FileEntry;
use super::{Entry, MatchKey};

/// Bytes of the article kept on each side of a passage, to choose between two stops with
/// the same words.
pub const CONTEXT_BYTES: usize = 60;

/// A verdict that could not be carried over to the edited documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// The report's id it had (`M5`, `Q3`).
    pub id: String,
    /// The start of the article's words it was given on.
    pub words: String,
    /// The verdict and note.
    pub entry: Entry,
}

/// Every stop that takes a verdict, as the interface steps through them: each match, and
/// each quotation without one (not in the source, or a word or two found word for word).
pub fn stop_keys(c: &Comparison) -> Vec<MatchKey> {
    let mut keys: Vec<MatchKey> = c.matches.iter().map(MatchKey::of).collect();
    for q in &c.quotes {
        if q.status == QuoteStatus::NotInSource {
            keys.push(MatchKey {
                source: None,
                article: q.article,
            });
        } else if let (Some(found), true) = (q.source_phrase, q.matches.is_empty()) {
            keys.push(MatchKey {
                source: Some(found),
                article: q.article,
            });
        }
    }
    keys
}

/// How alike two passages must be, in thousandths of their words, for a verdict to move
/// from one to the other.
const SIMILAR: u32 = 800;

/// The share of words two passages have in common, in thousandths of the longer one's
/// distinct words (case folded): 1000 for the same words.
fn likeness(a: &str, b: &str) -> u32 {
    if a == b {
        return 1000;
    }
    let set = |t: &str| -> BTreeSet<String> {
        t.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (set(a), set(b));
    let most = a.len().max(b.len());
    if most == 0 {
        return 0;
    }
    (a.intersection(&b).count() * 1000 / most) as u32
}

/// The words of a passage, whitespace folded, so a re-wrapped paragraph still matches.
pub(super) fn words(text: &str, span: Span) -> String {
    span.slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn before(text: &str, span: Span) -> String {
    let start = floor_char_boundary(text, span.start.saturating_sub(CONTEXT_BYTES));
    Span::new(start, span.start).slice(text).to_string()
}

fn after(text: &str, span: Span) -> String {
    let end = ceil_char_boundary(text, (span.end + CONTEXT_BYTES).min(text.len()));
    Span::new(span.end, end).slice(text).to_string()
}

/// The file's record of a verdict on the stop `key`.
pub(super) fn record(c: &Comparison, key: MatchKey, entry: &Entry) -> FileEntry {
    let article = &c.article.text;
    FileEntry {
        match_id: c
            .matches
            .iter()
            .find(|m| MatchKey::of(m) == key)
            .map(|m| m.id),
        quotation_id: key
            .source
            .is_none()
            .then(|| c.quotes.iter().find(|q| q.article == key.article))
            .flatten()
            .map(|q| q.id),
        source: key.source.map(|s| [s.start, s.end]),
        article: [key.article.start, key.article.end],
        source_text: key.source.map(|s| words(&c.source.text, s)),
        article_text: Some(words(article, key.article)),
        before: Some(before(article, key.article)),
        after: Some(after(article, key.article)),
        entry: entry.clone(),
    }
}

/// The id a record had, for the reviewer (`M5`, `Q3`, or `?`).
fn old_id(fe: &FileEntry) -> String {
    match (fe.match_id, fe.quotation_id) {
        (Some(m), _) => format!("M{m}"),
        (None, Some(q)) => format!("Q{q}"),
        _ => "?".to_string(),
    }
}

/// Places each recorded verdict on the stop of `c` with the same words on both sides, or
/// failing that the most alike (at least [`SIMILAR`] on each side); among equals, the one
/// whose surroundings in the article still read the same, then the nearest to where it was. A stop takes one verdict. Returns the verdicts placed and those lost.
pub(super) fn carry_over(
    records: Vec<FileEntry>,
    c: &Comparison,
) -> (BTreeMap<MatchKey, Entry>, Vec<Lost>) {
    let stops: Vec<(MatchKey, String, Option<String>)> = stop_keys(c)
        .into_iter()
        .map(|k| {
            (
                k,
                words(&c.article.text, k.article),
                k.source.map(|s| words(&c.source.text, s)),
            )
        })
        .collect();
    let mut placed = BTreeMap::new();
    let mut taken = BTreeSet::new();
    let mut lost = Vec::new();
    for fe in records {
        let Some(article_text) = fe.article_text.as_deref() else {
            lost.push(Lost {
                id: old_id(&fe),
                words: String::new(),
                entry: fe.entry,
            });
            continue;
        };
        let was = fe.article[0];
        let best = stops
            .iter()
            .filter(|(k, _, _)| !taken.contains(k))
            .filter_map(|(k, a, s)| {
                // The same words score 1000; an edit inside or at the edge of the passage
                // ("UPDATED: " now opening its sentence) still carries it when most words
                // are the same on both sides.
                let article_like = likeness(a, article_text);
                let source_like = match (s, &fe.source_text) {
                    (None, None) => 1000,
                    (Some(s), Some(was)) => likeness(s, was),
                    _ => 0,
                };
                let like = article_like.min(source_like);
                (like >= SIMILAR).then(|| {
                    let same_before =
                        fe.before.as_deref() == Some(&before(&c.article.text, k.article));
                    let same_after =
                        fe.after.as_deref() == Some(&after(&c.article.text, k.article));
                    let context = u8::from(same_before) + u8::from(same_after);
                    (
                        like,
                        context,
                        std::cmp::Reverse(k.article.start.abs_diff(was)),
                        *k,
                    )
                })
            })
            .max()
            .map(|(_, _, _, k)| k);
        match best {
            Some(key) => {
                taken.insert(key);
                placed.insert(key, fe.entry);
            }
            None => lost.push(Lost {
                id: old_id(&fe),
                words: article_text.chars().take(50).collect(),
                entry: fe.entry,
            }),
        }
    }
    (placed, lost)
}
