//! Which sentences the details read in full: those where the two documents speak of the
//! same thing.
//!
//! Values (counts, sums, dates) are read in every sentence, since sentence alignment weighs
//! them. Names, titles, places and hedges are compared only where a passage of one document
//! retells or quotes one of the other, and people and places across the documents by name:
//! so they are read in the sentences an aligned unit touches, and in the sentences that hold
//! a name the other document also uses. On two long texts that share a few passages most
//! sentences are neither, and reading their names was most of the cost of the details.

use rustc_hash::FxHashMap as HashMap;

use crate::normalize::Token;
use crate::span::{Span, SpanIndex};

/// A capitalised word in more sentences than this, on either side, is too common to say
/// that two sentences speak of one thing ("Mr", "London" in two novels).
const RARE_NAME_SENTENCES: u32 = 3;

/// The sentences (spans, in order) that overlap one of `spans`.
pub(super) fn touched(sentences: &[Span], spans: impl Iterator<Item = Span>) -> Vec<bool> {
    let mut marked = vec![false; sentences.len()];
    let index = SpanIndex::new(sentences, |s: &Span| *s);
    for span in spans {
        for k in index.overlapping(span) {
            marked[k] = true;
        }
    }
    marked
}

/// One document: its text, words and sentences.
pub(super) type Side<'a> = (&'a str, &'a [Token], &'a [Span]);

/// Marks, on both sides, the sentences holding a capitalised word (not the sentence's first)
/// that both documents write with a capital, each in a few sentences only: a name both use
/// ("Presidents Circle" and "Presidents’ Circle"), whose spellings relating compares
/// wherever they stand.
pub(super) fn mark_shared_names(
    (source, article): (Side, Side),
    (source_marked, article_marked): (&mut [bool], &mut [bool]),
) {
    let source_names = capitalised(source);
    let article_names = capitalised(article);
    let (in_source, in_article) = (counts(&source_names), counts(&article_names));
    let rare = |counts: &HashMap<&str, u32>, norm: &str| {
        counts.get(norm).is_some_and(|&n| n <= RARE_NAME_SENTENCES)
    };
    let shared = |norm: &str| rare(&in_source, norm) && rare(&in_article, norm);
    for (names, marked) in [
        (&source_names, source_marked),
        (&article_names, article_marked),
    ] {
        for &(sentence, norm) in names {
            if shared(norm) {
                marked[sentence] = true;
            }
        }
    }
}

/// In how many sentences each word of `names` (in sentence order) stands.
fn counts<'a>(names: &[(usize, &'a str)]) -> HashMap<&'a str, u32> {
    let mut counts: HashMap<&str, (usize, u32)> = HashMap::default();
    for &(sentence, norm) in names {
        let entry = counts.entry(norm).or_insert((usize::MAX, 0));
        if entry.0 != sentence {
            *entry = (sentence, entry.1 + 1);
        }
    }
    counts.into_iter().map(|(norm, (_, n))| (norm, n)).collect()
}

/// The capitalised words of a document with their sentence, leaving out each sentence's
/// first word (capitalised whatever it is).
fn capitalised<'a>((text, tokens, sentences): Side<'a>) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut t = 0;
    for (k, s) in sentences.iter().enumerate() {
        while t < tokens.len() && tokens[t].span().start < s.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span().end <= s.end {
            let word = &tokens[t];
            let capital = word
                .span()
                .slice(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if t > first && capital && word.norm.len() > 1 {
                out.push((k, word.norm.as_str()));
            }
            t += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::details::tests::details;
    use crate::details::{DetailKind, Relation};

    #[test]
    fn a_name_in_an_article_sentence_that_retells_nothing_is_not_listed() {
        let source = "The council approved 14 new bus lanes for the harbour district on Tuesday.";
        let article = "The council approved 14 new bus lanes for the harbour district on Tuesday. \
                       Meanwhile Gabriela Merida walked her dog through the park.";
        let rows = details(source, article);
        assert!(
            rows.iter().all(|(_, _, _, a)| !a.contains("Merida")),
            "{rows:#?}"
        );
        assert!(
            rows.iter()
                .any(|(k, r, s, _)| *k == DetailKind::Number && *r == Relation::Same && s == "14"),
            "{rows:#?}"
        );
    }

    #[test]
    fn a_name_both_documents_use_is_related_where_no_sentence_aligns() {
        let source = "Students gathered on Presidents Circle at dawn.";
        let article = "Tents went up in Presidents’ Circle overnight.";
        let rows = details(source, article);
        assert!(
            rows.iter().any(|(k, _, s, a)| *k == DetailKind::Place
                && s == "Presidents Circle"
                && a == "Presidents’ Circle"),
            "{rows:#?}"
        );
    }
}
