//! Prints sentence alignments of a pair (a debugging aid).
use std::collections::HashMap;

use quotediff::details::{paraphrase, sentences};
use quotediff::normalize::tokenize;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let source = std::fs::read_to_string(&args[1]).expect("source");
    let article = std::fs::read_to_string(&args[2]).expect("article");
    let (st, at) = (tokenize(&source), tokenize(&article));
    let (ss, sa) = (sentences::split(&source), sentences::split(&article));
    let (ls, la) = (paraphrase::detect_language(&st), paraphrase::detect_language(&at));
    let mut vocab = HashMap::new();
    let a = paraphrase::terms(ls, &source, &st, &ss, &paraphrase::stemmer(ls), &mut vocab);
    let b = paraphrase::terms(la, &article, &at, &sa, &paraphrase::stemmer(la), &mut vocab);
    for l in paraphrase::align(&a, &b) {
        let src = ss[l.source.0].cover(&ss[l.source.1]);
        println!("a{} -> s{}..{} score {:.2} shared {} primary {}\n   A: {}\n   S: {}", l.article, l.source.0, l.source.1, l.score, l.shared, l.primary,
            &sa[l.article].slice(&article).chars().take(110).collect::<String>(), src.slice(&source).chars().take(110).collect::<String>());
    }
}
