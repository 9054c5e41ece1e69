//! People moved to a later step of a criminal case: the source speaks of "suspects"
//! ("verdachten"), the article of "convicts" ("Veroordeelden").
//!
//! The word that names a person's standing in a case is a fact, and the one a headline
//! most often gets wrong. The steps and their words, in the seven languages, are in
//! `assets/differences/legal_status.txt`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::comparison::Relation;
use crate::span::Span;

use super::{Change, Difference, DifferenceKind, Severity};

/// The step of every listed word, by language code.
fn steps() -> &'static HashMap<&'static str, HashMap<String, u8>> {
    static STEPS: OnceLock<HashMap<&'static str, HashMap<String, u8>>> = OnceLock::new();
    STEPS.get_or_init(|| {
        let mut out: HashMap<&'static str, HashMap<String, u8>> = HashMap::default();
        let text: &'static str = include_str!("../../assets/differences/legal_status.txt");
        for line in crate::lexicon::lines(text) {
            let mut parts = line.split_whitespace();
            let (Some(lang), Some(step)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(step) = step.parse::<u8>() else {
                continue;
            };
            let words = out.entry(lang).or_default();
            for w in parts {
                words.insert(w.to_lowercase(), step);
            }
        }
        out
    })
}

/// Every listed word of `text` with its step and span, in text order.
fn listed(text: &str, words: &HashMap<String, u8>) -> Vec<(u8, Span)> {
    let mut out = Vec::new();
    let mut lower = String::new();
    let mut start: Option<usize> = None;
    let bytes_end = text.len();
    for (i, ch) in text.char_indices().chain(std::iter::once((bytes_end, ' '))) {
        let wordish = ch.is_alphanumeric() || ch == '-';
        match (wordish, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                lower.clear();
                lower.extend(text[s..i].chars().flat_map(char::to_lowercase));
                if let Some(&step) = words.get(lower.as_str()) {
                    out.push((step, Span::new(s, i)));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Adds a difference when the article names people at a later step of a case than any the
/// source names (and the source names one): the first such word of the article.
pub(super) fn of_documents(source: &str, article: &str, lang: &str, out: &mut Vec<Difference>) {
    let Some(words) = steps().get(lang) else {
        return;
    };
    let in_source = listed(source, words);
    let Some(&(highest, _)) = in_source.iter().max_by_key(|(step, _)| *step) else {
        return;
    };
    let Some(&(_, s)) = in_source.iter().find(|(step, _)| *step == highest) else {
        return;
    };
    let Some(&(_, a)) = listed(article, words)
        .iter()
        .find(|(step, _)| *step > highest)
    else {
        return;
    };
    let (from, to) = (s.slice(source), a.slice(article));
    out.push(Difference {
        id: 0,
        kind: DifferenceKind::Scope,
        severity: Severity::Major,
        source: Some(s),
        article: Some(a),
        match_id: None,
        detail_id: None,
        change: Change::Fact {
            relation: Relation::Conflicting,
            note: format!("{from} → {to}: a later step of the case than the source names"),
        },
    });
}
