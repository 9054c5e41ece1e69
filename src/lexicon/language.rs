//! Which of the languages quotediff knows a text is written in, from its function words
//! (`assets/languages.txt`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::lines;

/// The function words of each language quotediff reads (`assets/languages.txt`), in the
/// file's order, English first.
fn languages() -> &'static [(&'static str, HashSet<String>)] {
    static LANGUAGES: OnceLock<Vec<(&'static str, HashSet<String>)>> = OnceLock::new();
    LANGUAGES.get_or_init(|| {
        let listed: Vec<(&str, Vec<String>)> = lines(include_str!("../../assets/languages.txt"))
            .filter_map(|l| l.split_once(' '))
            .map(|(code, cues)| {
                let cues = cues.split_whitespace();
                (
                    code,
                    cues.map(|w| crate::normalize::normalize_word(w).to_string()),
                )
            })
            .map(|(code, cues)| (code, cues.collect()))
            .collect();
        // A word two languages share ("le", French and Italian) tells neither apart.
        let mut languages_of: HashMap<&str, usize> = HashMap::default();
        for cue in listed.iter().flat_map(|(_, cues)| cues) {
            *languages_of.entry(cue.as_str()).or_default() += 1;
        }
        let told_apart = |cue: &String| languages_of.get(cue.as_str()) == Some(&1);
        listed
            .iter()
            .map(|(code, cues)| {
                (
                    *code,
                    cues.iter().filter(|c| told_apart(c)).cloned().collect(),
                )
            })
            .collect()
    })
}

/// The code of the language whose function words are commonest among `words` (normalised);
/// on a tie (a short text, no cue at all) the first listed, English. The one language
/// detector, behind [`Lang::of_document`].
pub(super) fn language_of<'w>(words: impl Iterator<Item = &'w str> + Clone) -> &'static str {
    languages()
        .iter()
        .rev()
        .max_by_key(|(_, cues)| words.clone().filter(|w| cues.contains(*w)).count())
        .map_or("en", |(code, _)| code)
}
