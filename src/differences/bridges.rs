//! The few words between two aligned runs: where the matcher stops one reused passage and
//! starts the next a few words on, the article changed those words ("by the board of
//! directors and Boeing senior leadership to strengthen" against "by the board of directors
//! as the company seeks to strengthen"). What the source has there and the article lacks,
//! a name, a figure or a qualifier, is a difference like any edit inside a match.

use std::collections::HashSet;

use crate::comparison::{Comparison, Match, MatchKind};
use crate::span::Span;

use super::align::{cover_of, Key, Keyer, Word};
use super::scope::scope_phrases;
use super::{Change, Difference, DifferenceKind, Severity};
use crate::align::sentences::opens_sentence;

/// Most words on either side of a bridge (or of an edit inside a match) for a name, figure
/// or scope word it drops to count: more, and the article wrote something of its own.
pub(super) const MAX_BRIDGE_WORDS: usize = 12;

fn is_run(m: &Match) -> bool {
    matches!(m.kind, MatchKind::Reuse | MatchKind::Quotation)
}

/// Words of a gap that end a sentence or a paragraph: a bridge stays inside one sentence.
fn crosses_sentence(text: &str) -> bool {
    text.chars().any(|ch| {
        matches!(ch, '\n' | '.' | '!' | '?')
            || (crate::normalize::is_quote_mark(ch) && !crate::normalize::is_apostrophe(ch))
    })
}

/// Adds a difference for every short stretch between two consecutive aligned runs that
/// drops or adds a name, a figure or a scope word.
pub(super) fn of_matches(c: &Comparison, keyer: &Keyer, out: &mut Vec<Difference>) {
    let mut runs: Vec<&Match> = c.matches.iter().filter(|m| is_run(m)).collect();
    runs.sort_by_key(|m| m.article.start);
    for pair in runs.windows(2) {
        let (m1, m2) = (pair[0], pair[1]);
        if m2.article.start < m1.article.end || m2.source.start < m1.source.end {
            continue;
        }
        let a_gap = Span::new(m1.article.end, m2.article.start);
        let s_gap = Span::new(m1.source.end, m2.source.start);
        if crosses_sentence(a_gap.slice(&c.article.text))
            || crosses_sentence(s_gap.slice(&c.source.text))
        {
            continue;
        }
        let sw = keyer.words(&c.source.text, s_gap);
        let aw = keyer.words(&c.article.text, a_gap);
        if sw.is_empty() || sw.len() > MAX_BRIDGE_WORDS || aw.len() > MAX_BRIDGE_WORDS {
            continue;
        }
        let kind = lost(c, keyer.code, &sw, &aw);
        // An aside dropped whole ("…, who could not attend, …"): its modal or negation
        // qualified the noun before it, not the sentence.
        if kind == Some(DifferenceKind::Scope)
            && aw.is_empty()
            && aside(&c.source.text, s_gap, &sw, keyer.code)
        {
            continue;
        }
        if let Some(kind) = kind {
            let source = cover_of(&sw).unwrap_or_default();
            let article = cover_of(&aw);
            out.push(super::found(
                kind,
                Severity::Major,
                (Some(source), article),
                Some(m1.id),
                Change::Replaced {
                    from: source.slice(&c.source.text).to_string(),
                    to: article.map_or("", |a| a.slice(&c.article.text)).to_string(),
                    marked: None,
                },
            ));
        }
    }
}

/// True when the words `sw` of `gap` are an aside set off by commas that a relative pronoun
/// opens (`assets/differences/asides.txt`).
fn aside(text: &str, gap: Span, sw: &[Word], lang: &str) -> bool {
    let words = &super::words::get().asides;
    let gap_text = gap.slice(text).trim();
    gap_text.starts_with(',')
        && gap_text.ends_with(',')
        && sw
            .first()
            .is_some_and(|w| words.get(lang).is_some_and(|l| l.contains(w.norm.as_str())))
}

/// From the first word's start to the last word's end.
/// What the source side of a bridge holds that the article side lacks: a figure, a name (a
/// capitalised word not opening a sentence) or a scope word.
pub(super) fn lost(c: &Comparison, lang: &str, sw: &[Word], aw: &[Word]) -> Option<DifferenceKind> {
    let a_keys: HashSet<Key> = aw.iter().map(|w| w.key).collect();
    let a_values: Vec<f64> = aw.iter().filter_map(|w| w.value).collect();
    let figure_lost = sw
        .iter()
        .filter_map(|w| w.value)
        .any(|v| !a_values.iter().any(|x| (x - v).abs() < 1e-9));
    if figure_lost {
        // "na quinta-feira, 5 de fevereiro" told as "hoje": a day, not a count.
        let dated = super::dates::in_date(sw, sw);
        return Some(if dated {
            DifferenceKind::Date
        } else {
            DifferenceKind::Number
        });
    }
    // An acronym dropped ("OCR reductions") is house style more often than a lost actor.
    let acronym = |w: &Word| {
        w.raw
            .chars()
            .filter(|ch| ch.is_alphabetic())
            .all(char::is_uppercase)
    };
    // German capitalises every noun: one after a determiner ("wegen dieser Reform") is a
    // thing, not a name.
    let lx = crate::lexicon::get();
    let common_noun = |k: usize| {
        lang == "de"
            && k > 0
            && lx
                .name_words
                .german_determiners
                .contains(sw[k - 1].norm.as_str())
    };
    let name_lost = sw.iter().enumerate().any(|(k, w)| {
        w.raw.chars().next().is_some_and(char::is_uppercase)
            && !acronym(w)
            && w.value.is_none()
            && !opens_sentence(&c.source.text, w.span.start)
            && !a_keys.contains(&w.key)
            && !title_word(w.raw, lang)
            && !common_noun(k)
            && !super::words::get().units.contains_key(w.norm.as_str())
            && !after_title(&c.source.text, w.span.start, lang)
            && !before_title(&c.source.text, w.span.end, lang)
    });
    if name_lost {
        return Some(DifferenceKind::Name);
    }
    let texts = |ws: &[Word]| -> Vec<String> {
        scope_phrases(ws, lang)
            .into_iter()
            .map(|(i, len, _)| {
                ws[i..i + len]
                    .iter()
                    .map(|w| w.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    let (s_scope, a_scope) = (texts(sw), texts(aw));
    let scope_changed = s_scope.iter().any(|t| !a_scope.contains(t))
        || a_scope.iter().any(|t| !s_scope.contains(t));
    scope_changed.then_some(DifferenceKind::Scope)
}

/// True when the word at byte `at` of `text` completes a title ("ministro della Salute",
/// "Minister van Binnenlandse Zaken"): a title word stands before it, past name particles
/// and other capitalised words. The details stage reports a title shortened.
fn after_title(text: &str, at: usize, lang: &str) -> bool {
    let is_title = |w: &str| title_word(w, lang);
    text[..at]
        .split_whitespace()
        .rev()
        .take(4)
        .find(|w| {
            !crate::quotes::is_name_particle(&w.to_lowercase())
                && !w.starts_with(char::is_uppercase)
                || is_title(w)
        })
        .is_some_and(is_title)
}

/// Most capitalised words between a title's field and the title word ("Work and Pensions
/// Secretary").
const MAX_TITLE_WORDS: usize = 4;

/// True when `w` is a title word in `lang` ("Secretary", "ministro", "Bundesminister").
fn title_word(w: &str, lang: &str) -> bool {
    let lx = crate::lexicon::get();
    let lower = w.to_lowercase();
    crate::quotes::is_title_word(w)
        || crate::lexicon::Lang::from_code(lang)
            .map_or(lx.titles.contains(&lower), |l| lx.is_title(&lower, l))
}

/// True when the capitalised words after a word (ending at byte `end` of `text`) end in a
/// title word: "Transport" of "Transport Secretary", "Health" of "Health Minister" names an
/// office's field, not a person, whether the title word was dropped with it or kept.
fn before_title(text: &str, end: usize, lang: &str) -> bool {
    text[end..]
        .split_whitespace()
        .take(MAX_TITLE_WORDS)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.starts_with(char::is_uppercase))
        .any(|w| title_word(w, lang))
}

#[cfg(test)]
mod tests {
    use super::super::tests::differences;
    use super::super::DifferenceKind;

    /// "Transport Secretary Louise Haigh" retold as "Louise Haigh": the office dropped before
    /// the name is no lost person ("Transport" names the office's field).
    #[test]
    fn a_title_dropped_before_a_name_is_no_lost_name() {
        for (source, article) in [
            (
                "Fares will rise by 4.6% in March, the lowest increase in three years, Transport Secretary Louise Haigh confirmed today. The cap, set below inflation, applies to season tickets.",
                "Fares will rise in March, the lowest increase in three years. Louise Haigh said the cap, set below inflation, applies to season tickets.",
            ),
            (
                "The clinic will open in June, the first of its kind in the region, Health Minister Mark Butler told reporters today. The site, chosen last year, will employ forty staff.",
                "The clinic will open in June, the first of its kind in the region. Mark Butler said the site, chosen last year, will employ forty staff.",
            ),
        ] {
            let d = differences(source, article);
            assert!(
                d.iter().all(|(k, _, n)| *k != DifferenceKind::Name || !n.contains("→ “”")),
                "{d:?}"
            );
        }
    }
}
