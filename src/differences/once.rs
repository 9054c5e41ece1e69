//! Each change shown once. Several rules can meet the same cut: the words between two reused
//! runs ([`super::bridges`]), the condition cut before a run ([`super::clauses`]) and the
//! scope words of an edit ([`super::within`]) each see "If the government confirms its
//! second funding round" go. And one word can leave a run and come back beside it: the
//! article's passive moves the source's "would" past the end of the reused words ("the
//! council would publish a list" / "a list … would be published"), where the rest of the
//! sentence is read apart. A reviewer reads one entry per change.

use crate::align::sentences;
use crate::comparison::{Comparison, Difference};
use crate::span::Span;

use super::align::Keyer;
use super::clauses::MAX_SENTENCE_BYTES;
use super::scope::scope_phrases;
use super::{Change, DifferenceKind};

/// Removes a scope word a match drops that the article writes in the rest of the same
/// sentence, outside the match, and one the article adds there that the source's sentence
/// holds: the word moved ("the council would publish a list" / "a list … would be
/// published"; "el ayuntamiento podría publicar" / "podría publicarse"), the force of the
/// sentence kept.
pub(super) fn drop_moved(c: &Comparison, keyer: &Keyer, out: &mut Vec<Difference>) {
    let moved = |d: &Difference| {
        let (words, article_side) = match &d.change {
            Change::Dropped {
                words,
                class: Some(_),
                ..
            } if d.article.is_none() => (words, true),
            Change::Added {
                words,
                class: Some(_),
                ..
            } if d.source.is_none() => (words, false),
            _ => return false,
        };
        let Some(m) = d.match_id.and_then(|id| c.match_by_id(id)) else {
            return false;
        };
        let (text, run) = match article_side {
            true => (c.article.text.as_str(), m.article),
            false => (c.source.text.as_str(), m.source),
        };
        let sentence = sentences::around(text, run, MAX_SENTENCE_BYTES);
        let wanted = words
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        // A word the article drops from its run is looked for around the run; one it adds
        // (in the rest of its sentence) anywhere in the source's sentence, run included.
        let parts = match article_side {
            true => vec![
                Span::new(sentence.start, run.start),
                Span::new(run.end, sentence.end),
            ],
            false => vec![sentence],
        };
        parts.into_iter().any(|rest| {
            let ws = keyer.words(text, rest);
            scope_phrases(&ws, keyer.code).iter().any(|&(i, len, _)| {
                let said: Vec<&str> = ws[i..i + len].iter().map(|w| w.norm.as_str()).collect();
                said.join(" ") == wanted
            })
        })
    };
    out.retain(|d| d.kind != DifferenceKind::Scope || !moved(d));
}

/// Removes a scope difference on one side only (words dropped, or added) whose words lie
/// inside those of another one-sided scope or quotation-wording difference: the clause cut
/// whole is shown, not again its first word ("if") or the stretch a bridge between two runs
/// saw go; a modal dropped inside quotation marks ("we expect") is the quotation's edit,
/// whose note names it, not a second entry. Of two scope differences on the same words, the
/// one that names its class ("condition dropped") is kept.
pub(super) fn drop_inside(out: &mut Vec<Difference>) {
    // The side a one-sided difference has (true: the source's) and its words there.
    let one_sided = |d: &Difference| match (d.source, d.article) {
        (Some(s), None) => Some((true, s)),
        (None, Some(a)) => Some((false, a)),
        _ => None,
    };
    let named = |d: &Difference| {
        matches!(
            d.change,
            Change::Dropped { class: Some(_), .. } | Change::Added { class: Some(_), .. }
        )
    };
    let sides: Vec<_> = out
        .iter()
        .map(|d| match d.kind {
            DifferenceKind::Scope | DifferenceKind::QuoteWording => one_sided(d),
            _ => None,
        })
        .collect();
    // Whether difference `j` holds difference `i`'s words and is the one to keep.
    let holds = |i: usize, j: usize| {
        let (Some((side, s)), Some((other, t))) = (sides[i], sides[j]) else {
            return false;
        };
        if i == j || side != other || !t.contains(&s) {
            return false;
        }
        let (di, dj) = (&out[i], &out[j]);
        t != s
            || dj.kind == DifferenceKind::QuoteWording
            || (named(dj) && !named(di))
            || (named(dj) == named(di) && j < i)
    };
    let keep: Vec<bool> = (0..out.len())
        .map(|i| out[i].kind != DifferenceKind::Scope || !(0..out.len()).any(|j| holds(i, j)))
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}
