//! Reading a name, a role or a pronoun from the words around an attribution.
//!
//! A name is a run of capitalised words (with particles such as "de" or "van"), not the object
//! of a preposition; a role is an article and an office ("the governor"); a pronoun stands for
//! someone named before. These readers know nothing of speech verbs: `speaker.rs` decides
//! where to look, this module what is there.

use super::lists::{lists, role_nouns};
use super::words::{is_capitalized, words_of, Word};

pub(super) fn is_pronoun(w: &Word) -> bool {
    lists().pronouns.contains(&w.lower)
}

/// Who a quotation is attributed to, before pronouns are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Said {
    /// A name, or a role as the text writes it ("the council clerk").
    Named(String),
    /// A pronoun or a verb without a subject ("he said", "affirme-t-il", "subrayó"): someone
    /// the text named before.
    Unnamed,
}

pub(super) fn named(name: String) -> Said {
    if lists().pronouns.contains(name.to_lowercase().as_str()) {
        Said::Unnamed
    } else {
        Said::Named(name)
    }
}

/// The capitalised run of words ending at `end` (exclusive), reading backwards. A run right
/// after a preposition is its object, not a subject: none.
pub(super) fn name_before(words: &[Word], end: usize) -> Option<String> {
    let mut start = end;
    while start > 0 {
        let w = &words[start - 1];
        let cap = is_capitalized(w.text);
        let particle = lists().name_particles.contains(w.lower.as_str()) && start < end;
        if cap || particle {
            start -= 1;
        } else {
            break;
        }
        if end - start >= 5 || w.pause {
            break;
        }
    }
    // "to Moscow", "de la Banque de France": the object of a preposition.
    let mut p = start;
    while p > 0 && lists().determiners.contains(words[p - 1].lower.as_str()) && !words[p].pause {
        p -= 1;
    }
    if p > 0
        && start < end
        && !words[p].pause
        && lists().prepositions.contains(words[p - 1].lower.as_str())
    {
        return None;
    }
    while start < end
        && (lists().name_particles.contains(words[start].lower.as_str())
            || lists().determiners.contains(words[start].lower.as_str()))
    {
        start += 1;
    }
    if start == end {
        return None;
    }
    Some(join_name(&words[start..end]))
}

/// The capitalised run of words starting at `start`, reading forwards.
pub(super) fn name_after(words: &[Word], start: usize) -> Option<String> {
    let mut end = start;
    while end < words.len() && end - start < 6 {
        let w = &words[end];
        if end > start && w.pause {
            break;
        }
        let cap = is_capitalized(w.text);
        let particle = lists().name_particles.contains(w.lower.as_str())
            && end > start
            && words.get(end + 1).is_some_and(|n| is_capitalized(n.text));
        if cap || particle {
            end += 1;
        } else {
            break;
        }
    }
    while end > start
        && lists()
            .name_particles
            .contains(words[end - 1].lower.as_str())
    {
        end -= 1;
    }
    if end == start {
        return None;
    }
    Some(join_name(&words[start..end]))
}

pub(super) fn join_name(words: &[Word]) -> String {
    let mut name = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            name.push(' ');
        }
        name.push_str(w.text);
        // "Gerald R. Ford", "Mr. Johnson": an initial or a title keeps its full stop.
        if w.dot && k + 1 < words.len() && w.text.chars().count() <= 3 {
            name.push('.');
        }
    }
    for suffix in ["’s", "'s"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped.to_string();
        }
    }
    name
}

/// The subject at the start of a clause: a name, a pronoun, or an article and a role.
pub(super) fn clause_subject(words: &[Word]) -> Option<Said> {
    // After a dateline ("WASHINGTON (Reuters) - The Fed ..."), at its article.
    let start = (0..words.len())
        .find(|&d| lists().opening_articles.contains(words[d].text))
        .unwrap_or(0);
    sentence_subject(&words[start..])
}

/// The subject of a sentence, read from its first words: the first name that is not the
/// object of a preposition, or a pronoun. German capitalises every noun, so this is a guess.
pub(super) fn sentence_subject(words: &[Word]) -> Option<Said> {
    // "El líder del PP, Pablo Casado, replicó", "Le gouverneur de la banque centrale
    // française, François Villeroy de Galhau, a réagi": a name set off by commas near the
    // start is the subject in apposition.
    if let Some(n) = apposition(words, 0) {
        return Some(Said::Named(n));
    }
    // "El jefe del Ejecutivo": an article, a role and what it heads.
    if words.len() > 3
        && lists().determiners.contains(words[0].lower.as_str())
        && !is_capitalized(words[1].text)
        && lists().name_particles.contains(words[2].lower.as_str())
        && is_capitalized(words[3].text)
        && !words[1].pause
        && !words[2].pause
    {
        if let Some(n) = name_after(words, 3) {
            return Some(Said::Named(format!(
                "{} {} {} {n}",
                words[0].text, words[1].text, words[2].text
            )));
        }
    }
    // "The mayor met residents", "Le Premier ministre a répondu": an article and an office.
    if words.len() > 1 && lists().determiners.contains(words[0].lower.as_str()) {
        let roles = role_nouns();
        if let Some(r) = (1..words.len().min(4))
            .take_while(|&r| !words[r].pause)
            .find(|&r| roles.contains(words[r].lower.as_str()))
        {
            // "Le Premier ministre": an office of several words.
            let mut r = r;
            while words
                .get(r + 1)
                .is_some_and(|w| !w.pause && roles.contains(w.lower.as_str()))
            {
                r += 1;
            }
            // "El rey Felipe VI": the name after the office.
            if words.get(r + 1).is_some_and(|w| !w.pause) {
                if let Some(name) = name_after(words, r + 1) {
                    return Some(Said::Named(name));
                }
            }
            let role = words[..=r].iter().map(|w| w.text).collect::<Vec<_>>();
            return Some(Said::Named(role.join(" ")));
        }
    }
    let mut j = 0;
    while j < words.len().min(8) {
        let w = &words[j];
        if is_pronoun(w) {
            return Some(Said::Unnamed);
        }
        let opener = lists().sentence_openers.contains(w.lower.as_str())
            || lists().determiners.contains(w.lower.as_str())
            || (j == 0 && is_adverb_or_participle(words));
        if is_capitalized(w.text) && !opener {
            let object =
                j > 0 && !w.pause && lists().prepositions.contains(words[j - 1].lower.as_str());
            if !object {
                return name_after(words, j)
                    .map(|n| office_holder(words, j, &n).unwrap_or(n))
                    .map(named);
            }
            while j + 1 < words.len() && is_capitalized(words[j + 1].text) {
                j += 1;
            }
        }
        j += 1;
    }
    None
}

/// "Rail minister Lord Peter Hendy said": the capitalised words `name` opening the sentence
/// at `from` name the field of an office written in lower case, and the person holding it
/// follows the office.
fn office_holder(words: &[Word], from: usize, name: &str) -> Option<String> {
    let roles = role_nouns();
    let mut k = from + name.split_whitespace().count();
    let office = k;
    while words
        .get(k)
        .is_some_and(|w| !w.pause && !is_capitalized(w.text) && roles.contains(w.lower.as_str()))
    {
        k += 1;
    }
    if k == office
        || !words
            .get(k)
            .is_some_and(|w| !w.pause && is_capitalized(w.text))
    {
        return None;
    }
    name_after(words, k)
}

/// A name between two pauses within the first words from `from` ("The president, Joe
/// Biden, said"), the first word a determiner or a capitalised title.
pub(super) fn apposition(words: &[Word], from: usize) -> Option<String> {
    let first = words.get(from)?;
    if from == 0
        && !(lists().determiners.contains(first.lower.as_str()) || is_capitalized(first.text))
    {
        return None;
    }
    let open = (from + 1..words.len().min(from + 10)).find(|&j| words[j].pause)?;
    if !is_capitalized(words[open].text) {
        return None;
    }
    let name = name_after(words, open)?;
    let len = name.split(' ').count();
    let closes = words.get(open + len).is_none_or(|w| w.pause);
    (len >= 2 && closes).then_some(name)
}

/// A sentence's first word set off by a comma that reads as an adverb or a participle
/// ("Separately,", "Asimismo,", "Finalement,", "Interrogé,"): never a name. The endings are
/// `assets/speakers/opener_endings.txt`.
fn is_adverb_or_participle(words: &[Word]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let comma_after = words.get(1).is_some_and(|w| w.pause);
    comma_after
        && first.lower.chars().count() > 5
        && lists()
            .opener_endings
            .iter()
            .any(|e| first.lower.ends_with(e))
}

/// "Her office released this statement:": a possessive and the noun it owns.
pub(super) fn possessive_subject(sentence: &str) -> Option<String> {
    let words = words_of(sentence);
    let [first, noun, ..] = words.as_slice() else {
        return None;
    };
    (lists().possessives.contains(first.lower.as_str()) && !noun.pause)
        .then(|| format!("{} {}", first.text, noun.text))
}
