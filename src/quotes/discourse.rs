//! What a reader carries from one sentence and paragraph to the next.
//!
//! A quotation often has no attribution in its own sentence: it opens a paragraph after "Dr
//! Bollard said the …" or after "His office released this description:", it goes on from the
//! previous paragraph's quotation, or it is one more fragment of the one speech the article is
//! about. This pass fills those in after `speaker.rs` has read each sentence, then gives every
//! speaker its fullest form, its kind and the span of the mention it rests on. It never
//! overrides an attribution the sentence itself makes.

use super::lists::{attribution_phrases, lists, role_nouns};
use super::names::{name_after, name_before, possessive_subject, sentence_subject, Said};
use super::referent::{recent_speaker, resolve_role};
use super::speaker::{find_attribution, speaker_in};
use super::words::{is_capitalized, sentence_before, words_of};
use super::{Quotation, SpeakerKind};
use crate::normalize::{is_apostrophe, is_word_char};
use crate::span::Span;
use rustc_hash::FxHashMap;

/// How far back (bytes) a speaker's mention and fuller name are looked for.
const LOOK_BACK: usize = 3000;
/// How much of the text (bytes) is read for the speaker of a one-speech article.
const MAIN_SPEAKER_WINDOW: usize = 20_000;

/// Fills in the speakers the sentence pass left open, then names every speaker in full with
/// its kind and mention. `titles[k]` marks a quoted title, which nobody says.
pub(super) fn complete(text: &str, quotes: &mut [Quotation], titles: &[bool]) {
    let mut mentions: Vec<Option<String>> = quotes.iter().map(|q| q.speaker.clone()).collect();
    for k in 0..quotes.len() {
        if quotes[k].speaker.is_none() && !titles[k] {
            quotes[k].speaker = carried_over(text, quotes, k);
            mentions[k] = quotes[k].speaker.clone();
        }
    }
    if let Some(main) = main_speaker(text, quotes, titles) {
        for (k, q) in quotes.iter_mut().enumerate() {
            if q.speaker.is_none() && !titles[k] && !group_subject(text, q.outer.start) {
                q.speaker = Some(main.clone());
                mentions[k] = Some(main.clone());
            }
        }
    }
    // A speaker is usually quoted many times, and finding a name's fullest form reads the
    // whole text: each name is looked up once, and the names ending at each word are read
    // once for all the speakers sharing that last word.
    let mut fullest: FxHashMap<String, String> = Default::default();
    let lasts: Vec<&str> = quotes
        .iter()
        .filter_map(|q| last_word(q.speaker.as_deref()?))
        .collect();
    let mut runs = Runs::of_lasts(text, &lasts);
    for (q, mention) in quotes.iter_mut().zip(mentions) {
        let Some(name) = q.speaker.take() else {
            continue;
        };
        let full = fullest
            .entry(name.clone())
            .or_insert_with(|| fullest_form(text, &name, &mut runs))
            .clone();
        q.speaker_kind = Some(kind_of(&full));
        q.speaker_span = mention.and_then(|m| mention_span(text, &m, q.outer));
        q.speaker = Some(full);
    }
}

/// The speaker of a quotation that opens its sentence, from the sentence just before: the
/// previous quotation's speaker when that sentence holds it, the subject of a colon that ends
/// it, or the speaker of the reported speech it holds ("Dr Bollard said the …").
fn carried_over(text: &str, quotes: &[Quotation], k: usize) -> Option<String> {
    let start = quotes[k].outer.start;
    let own = sentence_before(text, start, 0);
    if !own.trim().is_empty() {
        return None;
    }
    let sentence_start = start - own.len();
    let previous_end = text[..sentence_start].trim_end().len();
    if previous_end == 0 {
        return None;
    }
    let previous = sentence_before(text, previous_end, 0);
    let previous_start = previous_end - previous.len();
    if k > 0 && quotes[k - 1].outer.end > previous_start {
        return quotes[k - 1].speaker.clone();
    }
    let words = words_of(previous);
    if previous.ends_with(':') {
        return possessive_subject(previous).or_else(|| match sentence_subject(&words) {
            Some(Said::Named(n)) => Some(resolve_role(text, previous_start, n)),
            _ => None,
        });
    }
    find_attribution(&words, false)?;
    match speaker_in(&words, false, 0)? {
        Said::Named(n) => Some(resolve_role(text, previous_start, n)),
        Said::Unnamed => recent_speaker(text, &quotes[..k], previous_start),
    }
}

/// The speaker of an article about one person's words: the speaker of at least half of the
/// attributed quotations, or, when none is attributed, the first person the text names beside
/// a speech verb (inside quotations too: "— riflette Mattarella —").
fn main_speaker(text: &str, quotes: &[Quotation], titles: &[bool]) -> Option<String> {
    let named: Vec<&String> = quotes
        .iter()
        .zip(titles)
        .filter(|(_, title)| !**title)
        .filter_map(|(q, _)| q.speaker.as_ref())
        .collect();
    if !named.is_empty() {
        // Counted once each (a novel quotes thousands of times); on a tie, the name quoted
        // last among the most quoted.
        let mut counts: FxHashMap<&String, usize> = Default::default();
        for name in &named {
            *counts.entry(name).or_default() += 1;
        }
        let count = counts.values().copied().max()?;
        let best = named.iter().rev().find(|n| counts[*n] == count)?;
        return (count * 2 >= named.len()).then(|| (*best).clone());
    }
    let end = crate::span::floor_char_boundary(text, MAIN_SPEAKER_WINDOW);
    text[..end]
        .split(['\n', '.', '—', '–'])
        .find_map(|piece| {
            let words = words_of(piece);
            let (i, len) = find_attribution(&words, false)?;
            // A name set off from the verb by punctuation ("She added: “Every penny …”")
            // opens what is said, not who says it.
            let after = words
                .get(i + len)
                .filter(|w| !w.pause)
                .and_then(|_| name_after(&words, i + len));
            after.or_else(|| name_before(&words, i))
        })
        .filter(|n| !lists().pronouns.contains(n.to_lowercase().as_str()))
}

/// "They agreed that the war has “gone on for far too long”": a sentence whose subject is a
/// group quotes no one speaker, so no speaker is guessed for it.
fn group_subject(text: &str, at: usize) -> bool {
    words_of(sentence_before(text, at, 0))
        .iter()
        .take(3)
        .any(|w| lists().plural_pronouns.contains(w.lower.as_str()))
}

/// Whether `word` is a title or office before a name ("Dr", "Governor", "Kanzlerin"), or an
/// acronym naming the body ("RB Governor Alan Bollard").
pub(super) fn is_title(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    // German compounds and cases: "Bundeskanzlerin", "Ministerpräsidenten".
    let compound = is_capitalized(word)
        && role_nouns().iter().any(|r| {
            r.chars().count() >= 5
                && [
                    lower.as_str(),
                    lower.trim_end_matches('n'),
                    lower.trim_end_matches("en"),
                ]
                .iter()
                .any(|l| l.ends_with(r.as_str()))
        });
    compound
        || role_nouns().contains(lower.as_str())
        || lists().titles.contains(lower.as_str())
        || crate::lexicon::get().abbreviations.contains(lower.as_str())
        || (word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase()))
}

/// A name without the titles and openers before it ("Homeland Security Secretary John
/// Kelly" is John Kelly; "Selon Gabriel Attal" is Gabriel Attal); the whole name when nothing
/// would be left.
pub(super) fn without_titles(name: &str) -> &str {
    let words: Vec<&str> = name.split(' ').collect();
    let opener = |w: &str| {
        let lower = w.to_lowercase();
        lists().sentence_openers.contains(lower.as_str())
            || lists().prepositions.contains(lower.as_str())
            || attribution_phrases().contains_key(lower.as_str())
    };
    let cut = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&i| is_title(words[i]) || (i == 0 && opener(words[i])))
        .map_or(0, |i| i + 1);
    let skipped: usize = words[..cut].iter().map(|w| w.len() + 1).sum();
    &name[skipped..]
}

/// The fullest form the text gives a person's name: "Kathy Hochul" for "Hochul", "Alan
/// Bollard" for "Dr Bollard" (titles dropped); a role or a body is left as it is.
fn fullest_form(text: &str, name: &str, runs: &mut Runs) -> String {
    let core = without_titles(name);
    let Some(last) = last_word(name) else {
        return name.to_string();
    };
    let mut best = core.to_string();
    for run in runs.ending_with(text, last) {
        let longer = run.split(' ').count() > best.split(' ').count();
        if longer && run.ends_with(core) {
            best = run.clone();
        }
    }
    if best.split(' ').count() == 1 && core != name {
        return name.to_string();
    }
    best
}

/// The last word of a person's name, titles dropped ("Bollard" for "Dr Alan Bollard"), which
/// its fuller forms end with; `None` for a role or a body ("the governor's office").
fn last_word(name: &str) -> Option<&str> {
    let core = without_titles(name);
    let all_names = core
        .split(' ')
        .all(|w| is_capitalized(w) || lists().name_particles.contains(w));
    if !all_names || !is_capitalized(core) {
        return None;
    }
    core.rsplit(' ').next()
}

/// For each last word of a speaker's name, the names of two to five words (titles dropped)
/// that the text ends at that word, in text order: the candidates for every speaker's fuller
/// form ("Alan Bollard" for "Bollard", "Dr Bollard" and "Governor Bollard").
#[derive(Default)]
struct Runs(FxHashMap<String, Vec<String>>);

impl Runs {
    /// The runs of every last word in `lasts`, found in one pass over `text` (a novel quotes
    /// hundreds of people: one search of the whole text per name grew with their number).
    fn of_lasts(text: &str, lasts: &[&str]) -> Runs {
        let mut unique: Vec<&str> = lasts.to_vec();
        unique.sort_unstable();
        unique.dedup();
        let mut runs = Runs::default();
        if unique.is_empty() {
            return runs;
        }
        let Ok(finder) = aho_corasick::AhoCorasick::new(&unique) else {
            return runs;
        };
        let mut at: Vec<Vec<usize>> = vec![Vec::new(); unique.len()];
        for m in finder.find_overlapping_iter(text) {
            let k = m.pattern().as_usize();
            // As a search for the one word would find them: one after another, none inside
            // the one before.
            if at[k]
                .last()
                .is_none_or(|&p| m.start() >= p + unique[k].len())
            {
                at[k].push(m.start());
            }
        }
        for (last, at) in unique.iter().zip(at) {
            runs.0
                .insert(last.to_string(), runs_at(text, last, at.into_iter()));
        }
        runs
    }

    fn ending_with(&mut self, text: &str, last: &str) -> &[String] {
        self.0
            .entry(last.to_string())
            .or_insert_with(|| runs_ending_with(text, last))
    }
}

/// Reads every occurrence of `last` (not followed by a letter or digit) back to the name it
/// ends; one-word names are left out, as they cannot be fuller than the speaker's own.
fn runs_ending_with(text: &str, last: &str) -> Vec<String> {
    runs_at(
        text,
        last,
        memchr::memmem::find_iter(text.as_bytes(), last.as_bytes()),
    )
}

/// [`runs_ending_with`] for the occurrences of `last` at the byte offsets `found`.
fn runs_at(text: &str, last: &str, found: impl Iterator<Item = usize>) -> Vec<String> {
    let mut runs = Vec::new();
    let mut cores: FxHashMap<String, Option<String>> = Default::default();
    for at in found {
        let end = at + last.len();
        if text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let from = crate::span::ceil_char_boundary(text, at.saturating_sub(200));
        if !may_continue_back(text, from, at, last) {
            continue;
        }
        let words = words_of(&text[from..end]);
        let Some(run) = name_before(&words, words.len()) else {
            continue;
        };
        // The same name recurs ("Mr. Peggotty" hundreds of times in a novel): its titles are
        // looked up once.
        let core = cores
            .entry(run)
            .or_insert_with_key(|run| {
                let core = without_titles(run);
                (2..=5)
                    .contains(&core.split(' ').count())
                    .then(|| core.to_string())
            })
            .clone();
        runs.extend(core);
    }
    runs
}

/// Whether the name ending with the word `last` at `at` can hold more than that word, as
/// `name_before` reads the words of `text[from..]`: false when the word before is neither
/// capitalised nor a particle, or a comma, colon, bracket or dash stands between them. Most
/// occurrences of a name are preceded by an ordinary word, and this is answered from a few
/// bytes instead of cutting `from..at` into words. True whenever in doubt (a hyphen, a word
/// running into `at`, the window's start).
fn may_continue_back(text: &str, from: usize, at: usize, last: &str) -> bool {
    let joins = |c: char| is_apostrophe(c) || c == '-' || c == '.';
    let before = &text[from..at];
    let mut chars = before.char_indices().rev();
    match chars.next() {
        Some((_, c)) if !is_word_char(c) && !joins(c) && !last.contains('-') => {
            if PAUSES.contains(&c) {
                return false;
            }
        }
        _ => return true,
    }
    // The separator back to the word before: a pause there ends the name at `last`.
    let word_end = loop {
        match chars.next() {
            None => return true,
            Some((i, c)) if is_word_char(c) => break i + c.len_utf8(),
            Some((_, c)) if PAUSES.contains(&c) => return false,
            Some(_) => {}
        }
    };
    // The word before, with the apostrophes, hyphens and full stops it holds ("O'Brien").
    let mut start = word_end;
    let word_char_before = |i: usize| before[..i].chars().next_back().is_some_and(is_word_char);
    while let Some(c) = before[..start].chars().next_back() {
        let inner = joins(c)
            && word_char_before(start - c.len_utf8())
            && before[start..].chars().next().is_some_and(is_word_char);
        if !is_word_char(c) && !inner {
            break;
        }
        start -= c.len_utf8();
    }
    let word = &before[start..word_end];
    if start == 0 || word.contains('-') || is_capitalized(word) {
        return true;
    }
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    lists().name_particles.contains(lower.as_str())
}

/// Punctuation across which a name does not run (as `words::first_words_of` marks a pause).
const PAUSES: [char; 7] = [',', ';', ':', '(', ')', '—', '–'];

/// Person, organisation or document, from the nouns of the speaker's name.
fn kind_of(speaker: &str) -> SpeakerKind {
    let words = words_of(speaker);
    if words
        .iter()
        .any(|w| lists().documents.contains(w.lower.as_str()))
    {
        return SpeakerKind::Document;
    }
    let acronym = words.len() == 1
        && speaker.chars().count() >= 2
        && speaker.chars().all(|c| c.is_uppercase());
    if acronym
        || words
            .iter()
            .any(|w| lists().bodies.contains(w.lower.as_str()))
    {
        return SpeakerKind::Organisation;
    }
    SpeakerKind::Person
}

/// The mention `mention` nearest the quotation at `outer`, preferring one outside it.
fn mention_span(text: &str, mention: &str, outer: Span) -> Option<Span> {
    let from = crate::span::ceil_char_boundary(text, outer.start.saturating_sub(LOOK_BACK));
    let to = crate::span::floor_char_boundary(text, outer.end + 300);
    let window = &text[from..to];
    let distance = |at: usize| {
        let (s, e) = (from + at, from + at + mention.len());
        if e <= outer.start {
            outer.start - e
        } else if s >= outer.end {
            s - outer.end
        } else {
            // Inside the quotation ("— riflette Mattarella —"): only when nothing is outside.
            LOOK_BACK * 2
        }
    };
    window
        .match_indices(mention)
        .map(|(at, _)| at)
        .min_by_key(|&at| distance(at))
        .map(|at| Span::new(from + at, from + at + mention.len()))
}

#[cfg(test)]
mod tests {
    use super::super::names::name_before;
    use super::super::words::{is_capitalized, words_of};
    use super::may_continue_back;

    /// The shortcut of `runs_ending_with` never drops a name: wherever it says the name ending
    /// at a word cannot reach further back, reading the 200 bytes before gives one word or
    /// none, on real prose in the project's languages.
    #[test]
    fn the_shortcut_skips_only_one_word_names() {
        let mut texts: Vec<String> = std::fs::read_dir("tests/fixtures/pairs")
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|d| ["source.txt", "article.txt"].map(|f| d.path().join(f)))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        if let Ok(novel) = std::fs::read_to_string("../shared/corpus/david_copperfield.txt") {
            texts.push(novel.chars().skip(100_000).take(150_000).collect());
        }
        assert!(texts.len() > 10, "the fixtures are read");
        let (mut skipped, mut longer) = (0, 0);
        for text in &texts {
            let starts = text.char_indices().filter(|&(i, c)| {
                c.is_uppercase()
                    && !text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            });
            for (at, _) in starts {
                let last = words_of(&text[at..])[0].text;
                let end = at + last.len();
                let from = crate::span::ceil_char_boundary(text, at.saturating_sub(200));
                let words = words_of(&text[from..end]);
                let run = name_before(&words, words.len()).unwrap_or_default();
                let many = run.contains(' ');
                longer += usize::from(many);
                if !may_continue_back(text, from, at, last) {
                    skipped += 1;
                    assert!(!many, "{run:?} ends at {at} and was skipped");
                    assert!(is_capitalized(last));
                }
            }
        }
        // Both sides are exercised: names of several words, and words the shortcut answers.
        assert!(
            longer > 500 && skipped > 2000,
            "{longer} longer, {skipped} skipped"
        );
    }
}
