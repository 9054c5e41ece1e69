//! People moved to a later step of a criminal case: the source speaks of "suspects"
//! ("verdachten"), the article of "convicts" ("Veroordeelden").
//!
//! The word that names a person's standing in a case is a fact, and the one a headline
//! most often gets wrong. The steps and their words, in the seven languages, are in
//! `assets/differences/legal_status.txt`.

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::span::Span;

use super::{Change, Difference, DifferenceKind, Severity};

/// The listed words of one language, found in one pass over a text.
struct Finder {
    /// Every listed word, lower case.
    words: AhoCorasick,
    /// The step of each word, by pattern number.
    steps: Vec<u8>,
}

/// The finder of every language of the list, by language code.
fn finders() -> &'static HashMap<&'static str, Finder> {
    static FINDERS: OnceLock<HashMap<&'static str, Finder>> = OnceLock::new();
    FINDERS.get_or_init(|| {
        let mut lists: HashMap<&'static str, Vec<(String, u8)>> = HashMap::default();
        let text: &'static str = include_str!("../../assets/differences/legal_status.txt");
        for line in crate::lexicon::lines(text) {
            let mut parts = line.split_whitespace();
            let (Some(lang), Some(step)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(step) = step.parse::<u8>() else {
                continue;
            };
            let list = lists.entry(lang).or_default();
            list.extend(parts.map(|w| (w.to_lowercase(), step)));
        }
        lists
            .into_iter()
            .filter_map(|(lang, list)| {
                let words = AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(list.iter().map(|(w, _)| w))
                    .ok()?;
                let steps = list.iter().map(|(_, step)| *step).collect();
                Some((lang, Finder { words, steps }))
            })
            .collect()
    })
}

/// True for a character that continues a word ("non-suspect" is not "suspect").
fn in_word(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '-'
}

/// Every listed word of `text` standing as a word of its own, with its step and span, in
/// text order.
fn listed(text: &str, finder: &Finder) -> Vec<(u8, Span)> {
    finder
        .words
        .find_iter(text)
        .filter(|m| {
            !text[..m.start()].chars().next_back().is_some_and(in_word)
                && !text[m.end()..].chars().next().is_some_and(in_word)
        })
        .map(|m| {
            (
                finder.steps[m.pattern().as_usize()],
                Span::new(m.start(), m.end()),
            )
        })
        .collect()
}

/// Adds a difference when the article names people at a later step of a case than any the
/// source names (and the source names one): the first such word of the article.
pub(super) fn of_documents(source: &str, article: &str, lang: &str, out: &mut Vec<Difference>) {
    let Some(finder) = finders().get(lang) else {
        return;
    };
    let in_source = listed(source, finder);
    let Some(&(highest, _)) = in_source.iter().max_by_key(|(step, _)| *step) else {
        return;
    };
    let Some(&(_, s)) = in_source.iter().find(|(step, _)| *step == highest) else {
        return;
    };
    let Some(&(_, a)) = listed(article, finder)
        .iter()
        .find(|(step, _)| *step > highest)
    else {
        return;
    };
    let (from, to) = (s.slice(source), a.slice(article));
    out.push(super::found(
        DifferenceKind::Scope,
        Severity::Major,
        (Some(s), Some(a)),
        None,
        Change::LaterStep {
            from: from.to_string(),
            to: to.to_string(),
        },
    ));
}
