//! Who a pronoun, a role or a subjectless verb refers to: the last fitting named speaker.
//!
//! "He said", "le gouverneur", "subrayó" name nobody by themselves; a reader looks back to the
//! person the text named last in that role or as the subject of a recent sentence.

use super::lists::lists;
use super::names::{apposition, name_after, sentence_subject, Said};
use super::words::{is_capitalized, sentence_before, words_of};
use super::Quotation;
use crate::span::{ceil_char_boundary, floor_char_boundary, Span, SpanIndex};

/// The person a role refers to when the text names them before: "le gouverneur" after
/// "Le gouverneur de la banque centrale française, François Villeroy de Galhau", "the
/// Secretary" after "Homeland Security Secretary John Kelly". The role itself otherwise.
pub(super) fn resolve_role(text: &str, at: usize, role: String) -> String {
    let words = words_of(&role);
    let role_noun = match words.as_slice() {
        [article, noun] if lists().determiners.contains(article.lower.as_str()) => {
            noun.lower.clone()
        }
        _ => return role,
    };
    let floor = ceil_char_boundary(text, at.saturating_sub(3000));
    let before = &text[floor..at];
    // The noun as written in running text or as a title ("governor", "Governor"), searched
    // without lower-casing the whole window: this runs for every quotation given a role.
    let mut chars = role_noun.chars();
    let title: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let mut search_end = before.len();
    let last_of = |end: usize| {
        let plain = before[..end].rfind(role_noun.as_str());
        let titled = before[..end].rfind(title.as_str());
        plain.max(titled)
    };
    while let Some(found) = last_of(search_end) {
        search_end = found;
        // A whole word: "Vizekanzler" is not "der Kanzler".
        if !before.is_char_boundary(found)
            || before[..found]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let end = floor_char_boundary(before, found + 300);
        let context = words_of(&before[found..end]);
        if context.first().is_none_or(|w| w.lower != role_noun) {
            continue;
        }
        // "Secretary John Kelly": the role as a title before the name.
        if context.get(1).is_some_and(|w| !w.pause) {
            if let Some(name) = name_after(&context, 1) {
                if name.split(' ').count() >= 2 {
                    return name;
                }
                // "President Johnson": a one-word name keeps its title.
                if is_capitalized(context[0].text) {
                    return format!("{} {name}", context[0].text);
                }
            }
        }
        if let Some(name) = apposition(&context, 1) {
            return name;
        }
    }
    role
}

/// The person a pronoun or a subjectless verb at `at` refers to: walking back a few
/// sentences, the speaker of a quotation there or the name a sentence opens with.
pub(super) fn recent_speaker(text: &str, earlier: &[Quotation], at: usize) -> Option<String> {
    let floor = ceil_char_boundary(text, at.saturating_sub(1500));
    let mut end = at;
    let mut sentences = 0;
    for _ in 0..16 {
        let sentence = sentence_before(text, end, floor);
        let start = end - sentence.len();
        if !sentence.trim().is_empty() {
            sentences += 1;
            // A quotation in this sentence already attributed: the latest one's speaker.
            let this_sentence =
                SpanIndex::new(earlier, |p: &Quotation| p.outer).starting_in(Span::new(start, end));
            if let Some(name) = earlier[this_sentence]
                .iter()
                .rev()
                .find_map(|p| p.speaker.clone())
            {
                return Some(name);
            }
            // The sentence of the quotation itself opens with anything ("Growth in private
            // demand had been “quite weak”, she said"): only earlier sentences name the person.
            let subject = sentence_subject(&words_of(sentence));
            if end == at {
                let words = words_of(sentence);
                if words
                    .iter()
                    .take(3)
                    .any(|w| lists().plural_pronouns.contains(w.lower.as_str()))
                {
                    return None;
                }
            } else if let Some(Said::Named(name)) = subject {
                return Some(name);
            }
        }
        if start <= floor || sentences >= 4 {
            break;
        }
        // Step back over the sentence's terminator: a line break, a stop ('…' is three
        // bytes) or the last closing mark after it.
        end = text[..start]
            .char_indices()
            .next_back()
            .map_or(0, |(k, _)| k);
    }
    // Further back: the last attributed quotation, if not too far.
    earlier
        .iter()
        .rev()
        .take_while(|p| p.outer.end + 3000 > at)
        .find_map(|p| p.speaker.clone())
}
