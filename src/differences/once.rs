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
/// holds: the word moved ("the council would publish a list"
/// / "a list … would be published"; "el ayuntamiento podría publicar" / "podría
/// publicarse"), the force of the sentence kept.
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
        let Some(m) = d
            .match_id
            .and_then(|id| c.matches.iter().find(|m| m.id == id))
        else {
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

/// Removes a scope difference with no article side whose source words lie inside those of
/// another such difference: the clause cut whole is shown, not again its first word ("if")
/// or the stretch a bridge between two runs saw go. Of two on the same words, the one that
/// names its class ("condition dropped") is kept.
pub(super) fn drop_inside(out: &mut Vec<Difference>) {
    let cut = |d: &Difference| {
        (d.kind == DifferenceKind::Scope && d.article.is_none())
            .then_some(d.source)
            .flatten()
    };
    let named = |d: &Difference| matches!(d.change, Change::Dropped { class: Some(_), .. });
    let spans: Vec<_> = out.iter().map(cut).collect();
    let keep: Vec<bool> = (0..out.len())
        .map(|i| {
            let Some(s) = spans[i] else {
                return true;
            };
            !(0..out.len()).any(|j| {
                j != i
                    && spans[j].is_some_and(|t| {
                        t.contains(&s)
                            && (t != s
                                || (named(&out[j]) && !named(&out[i]))
                                || (named(&out[j]) == named(&out[i]) && j < i))
                    })
            })
        })
        .collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}
