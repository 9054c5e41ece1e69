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

/// True when word `i` of `words` (of `text`) stands in an aside that a comma and a relative
/// pronoun open ("…, der an der Sitzung nicht teilnehmen konnte, …"): the last word at or
/// before `i` that follows a comma is that pronoun. The word qualifies the noun before the
/// aside, not the sentence. (The first word's comma is looked for in the two bytes before
/// it: the words start where the run ends, ", der".)
pub(super) fn in_aside(text: &str, words: &[Word], i: usize, lang: &str) -> bool {
    let after_comma = |k: usize| {
        let from = if k == 0 {
            words[0].span.start.saturating_sub(2)
        } else {
            words[k - 1].span.end
        };
        text.get(from..words[k].span.start)
            .is_some_and(|gap| gap.contains(','))
    };
    let Some(open) = (0..=i.min(words.len().saturating_sub(1)))
        .rev()
        .find(|&k| after_comma(k))
    else {
        return false;
    };
    get()
        .asides
        .get(lang)
        .is_some_and(|l| l.contains(words[open].norm.as_str()))
}
