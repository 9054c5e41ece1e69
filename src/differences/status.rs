//! Figures the source gives as a step not yet taken ("Penalties proposed: a $50,000 fine")
//! and the article states as done ("has been handed a $50,000 fine").
//!
//! The status word often stands in a heading or a lead-in line ("... are:") above a list,
//! far from the figure, so no sentence pair holds both: the figure's scope is the paragraph
//! of the status word and, when that paragraph introduces a list with a colon, the next one.

use crate::align::sentences;
use crate::span::Span;

use super::align::Keyer;
use super::clauses::MAX_SENTENCE_BYTES;
use super::units::Figure;
use super::words;
use super::{Change, Difference, DifferenceKind, Severity};
use crate::comparison::ScopeClass;

/// The paragraphs of `text`: runs of lines between blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if at > start {
                out.push(Span::new(start, at));
            }
            start = at + line.len();
        }
        at += line.len();
    }
    if at > start {
        out.push(Span::new(start, at));
    }
    out
}

/// Status words of the text and the stretch each governs.
fn status_scopes(text: &str, keyer: &Keyer) -> Vec<(Span, Span)> {
    let list = words::get();
    // Most texts have no status word: a byte search (ASCII case folded, which keeps every
    // offset) finds the few paragraphs worth cutting into words.
    let firsts: Vec<String> = list
        .scope
        .iter()
        .filter(|(_, lang, class)| *lang == keyer.code && *class == ScopeClass::Status)
        .filter_map(|(p, _, _)| p.first().map(|w| w.to_ascii_lowercase()))
        .collect();
    let lowered = text.to_ascii_lowercase();
    let paras = paragraphs(text);
    let worth = paragraphs_holding(&lowered, &paras, &firsts);
    let mut out = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        if !worth[k] {
            continue;
        }
        let ws = keyer.words(text, *p);
        let norms: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
        for i in 0..ws.len() {
            let Some((len, ScopeClass::Status)) = list.scope_at(&norms[i..], keyer.code) else {
                continue;
            };
            let word = Span::new(ws[i].span.start, ws[i + len - 1].span.end);
            let introduces_list = p.slice(text).trim_end().ends_with(':');
            let end = match paras.get(k + 1) {
                Some(next) if introduces_list => next.end,
                _ => p.end,
            };
            out.push((word, Span::new(p.start, end)));
        }
    }
    out
}

/// For each paragraph of `paras` (spans of `lowered`), whether it holds one of `words`. Each
/// word is searched once through the whole text rather than once per paragraph: a word
/// without spaces cannot run across the blank line between two paragraphs, so its hits fall
/// inside the paragraphs that hold it.
fn paragraphs_holding(lowered: &str, paras: &[Span], words: &[String]) -> Vec<bool> {
    let mut worth = vec![false; paras.len()];
    for w in words {
        if w.is_empty() || w.contains(char::is_whitespace) {
            for (k, p) in paras.iter().enumerate() {
                worth[k] |= p.slice(lowered).contains(w.as_str());
            }
            continue;
        }
        for at in memchr::memmem::find_iter(lowered.as_bytes(), w.as_bytes()) {
            let k = paras.partition_point(|p| p.end <= at);
            if paras
                .get(k)
                .is_some_and(|p| p.start <= at && at + w.len() <= p.end)
            {
                worth[k] = true;
            }
        }
    }
    worth
}

/// Adds a difference for each figure the source gives under a status word and the article
/// states without one.
pub(super) fn of_documents(
    source: &str,
    article: &str,
    (s_figs, a_figs): &(Vec<Figure>, Vec<Figure>),
    keyer: &Keyer,
    out: &mut Vec<Difference>,
) {
    let scopes = status_scopes(source, keyer);
    if scopes.is_empty() {
        return;
    }
    let list = words::get();
    // An amount (a sum of money, a figure with its unit) is what a status word governs: "a
    // $50,000 fine proposed", not the age or the year in the same paragraph.
    let amount = |f: &&Figure| {
        f.value >= 10.0
            && (f.unit.is_some()
                || article[..f.span.start]
                    .trim_end()
                    .ends_with(['$', '€', '£', '¥']))
    };
    for a in a_figs.iter().filter(amount) {
        let Some((word, _)) = s_figs
            .iter()
            .filter(|s| s.value == a.value)
            .find_map(|s| scopes.iter().find(|(_, scope)| scope.contains(&s.span)))
        else {
            continue;
        };
        let sentence = sentences::around(article, a.span, MAX_SENTENCE_BYTES).slice(article);
        let words = keyer.words(sentence, Span::new(0, sentence.len()));
        let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        let hedged = (0..norms.len()).any(|i| {
            matches!(
                list.scope_at(&norms[i..], keyer.code),
                Some((
                    _,
                    ScopeClass::Status | ScopeClass::Modal | ScopeClass::Hedge
                ))
            )
        });
        if hedged {
            continue;
        }
        out.push(super::found(
            DifferenceKind::Scope,
            Severity::Major,
            (Some(*word), Some(a.span)),
            None,
            Change::Dropped {
                words: word.slice(source).to_string(),
                class: Some(ScopeClass::Status),
                marked: None,
            },
        ));
    }
}
