//! Where the reviewer was when they left: the stop kept in the review file, so that a
//! relaunch opens at it instead of at the first stop of a long article.
//!
//! The stop is kept by its spans and its article words. When the documents are those the
//! file was saved for, the spans find it; after an edit they no longer mean anything, and
//! the stop whose article words are the same is taken instead (none: the review opens at
//! the first stop, as a fresh one would).

use crate::comparison::Comparison;
use crate::span::Span;

use super::carry::{stop_keys, words};
use super::file::FilePlace;
use super::MatchKey;

/// The file's record of the stop `key`.
pub(super) fn record(c: &Comparison, key: MatchKey) -> FilePlace {
    FilePlace {
        source: key.source.map(|s| [s.start, s.end]),
        article: [key.article.start, key.article.end],
        article_text: Some(words(&c.article.text, key.article)),
    }
}

/// The stop of `c` the record names: by its spans when the documents did not change, by
/// its article words when they did. `None` when no stop of `c` is it any more.
pub(super) fn find(place: &FilePlace, c: &Comparison, changed: bool) -> Option<MatchKey> {
    let stops = stop_keys(c);
    if !changed {
        let key = MatchKey {
            source: place.source.map(|s| Span::new(s[0], s[1].max(s[0]))),
            article: Span::new(place.article[0], place.article[1].max(place.article[0])),
        };
        return stops.into_iter().find(|k| *k == key);
    }
    let wanted = place.article_text.as_deref()?;
    stops
        .into_iter()
        .find(|k| words(&c.article.text, k.article) == wanted)
}
