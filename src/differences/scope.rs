//! The words that set a statement's scope ("may", "if", "not", "proposed"), found in a run
//! of aligned words through the scope list of `words.rs`.

use super::align::Word;
use super::words::get;
use crate::comparison::ScopeClass;

/// The scope phrases of `words`: where each starts, its length and its class.
pub(super) fn scope_phrases(words: &[Word], lang: &str) -> Vec<(usize, usize, ScopeClass)> {
    let list = get();
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < norms.len() {
        match list.scope_at(&norms[i..], lang) {
            Some((len, class)) => {
                out.push((i, len, class));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}
