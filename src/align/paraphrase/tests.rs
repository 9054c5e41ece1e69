//! Tests of sentence alignment.

use super::*;
use crate::align::sentences;
use crate::lexicon::Lang;
use crate::normalize::tokenize;

fn aligned(source: &str, article: &str) -> Vec<(String, String, bool)> {
    let st = tokenize(source);
    let at = tokenize(article);
    let ss = sentences::split(source);
    let sa = sentences::split(article);
    let mut stems = crate::align::stems::Stems::new(Lang::En);
    let mut vocab = FxHashMap::default();
    let a = terms(source, &st, &ss, &mut stems, &mut vocab);
    let b = terms(article, &at, &sa, &mut stems, &mut vocab);
    align(&a, &b)
        .into_iter()
        .map(|l| {
            let src = ss[l.source.0].cover(&ss[l.source.1]);
            (
                sa[l.article].slice(article).to_string(),
                src.slice(source).to_string(),
                l.primary,
            )
        })
        .collect()
}

#[test]
fn a_retold_sentence_finds_its_source_pair_in_any_order() {
    let source = "This afternoon, Mayor Ortiz met with Transport Secretary Ana Lindqvist. \
                  The 40-minute meeting at the ministry in Lisbon focused on rail funding. \
                  The two also discussed the harbour tunnel and its delays. \
                  Weather was mild.";
    let article = "Lindqvist and Ortiz spent the harbour tunnel delays on the agenda too. \
                   Ortiz was visiting Lisbon on Monday, and met with Lindqvist for almost an hour at the ministry.";
    let got = aligned(source, article);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].1.starts_with("The two also discussed"));
    assert!(
        got[1].1.starts_with("This afternoon") && got[1].1.ends_with("rail funding."),
        "{got:?}"
    );
}

#[test]
fn the_links_are_the_same_whichever_thread_aligns_which_run() {
    // 1,200 article sentences: three runs of 512 at least.
    let source: String = (0..1_200)
        .map(|i| format!("Mayor Ortiz said the harbour tunnel {i} would open in spring. "))
        .collect();
    let article: String = (0..1_200)
        .rev()
        .map(|i| format!("The tunnel {i} opens in spring, Ortiz told the harbour board. "))
        .collect();
    let (st, at) = (tokenize(&source), tokenize(&article));
    let (ss, sa) = (sentences::split(&source), sentences::split(&article));
    let mut stems = crate::align::stems::Stems::new(Lang::En);
    let mut vocab = FxHashMap::default();
    let a = terms(&source, &st, &ss, &mut stems, &mut vocab);
    let b = terms(&article, &at, &sa, &mut stems, &mut vocab);
    let shouting = vec![false; a.len()];
    let new = || Aligning::new(a.clone(), b.clone(), shouting.clone());
    let two = align_with(&a, &b, &shouting);
    let one = new();
    one.help();
    let untaken = new();
    assert!(untaken.runs.len() >= 3, "{} runs", untaken.runs.len());
    assert_eq!(two.len(), 1_200, "every sentence finds its own");
    assert_eq!(two, one.links());
    assert_eq!(
        two,
        untaken.links(),
        "runs no thread took are aligned at the end"
    );
}

#[test]
fn unrelated_sentences_stay_unaligned() {
    let got = aligned(
        "The council approved the budget for parks and libraries on Tuesday.",
        "Football fans celebrated the championship win downtown with fireworks.",
    );
    assert!(got.is_empty());
}

#[test]
fn language_is_guessed_from_function_words() {
    assert_eq!(
        Lang::of_document(&tokenize(
            "O Presidente da República lamenta a morte dos emigrantes em França."
        )),
        Lang::Pt
    );
    assert_eq!(
        Lang::of_document(&tokenize(
            "Der Bundespräsident und die Kanzlerin sind nicht in der Stadt."
        )),
        Lang::De
    );
    assert_eq!(
        Lang::of_document(&tokenize("The mayor and the secretary met with agents.")),
        Lang::En
    );
}
