//! Prints the details extracted from a file (a debugging aid).
use quotediff::details::{extract, paraphrase};
use quotediff::normalize::tokenize;

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump_details FILE");
    let text = std::fs::read_to_string(path).expect("readable file");
    let toks = tokenize(&text);
    let lang = paraphrase::detect_language(&toks);
    let ex = extract::extract(&text, &toks, lang, &paraphrase::stemmer(lang));
    println!("lang {lang:?} dateline {:?}", ex.dateline.map(quotediff::details::dates::label));
    for m in &ex.mentions {
        println!("s{:<3} {:?} {:?} {:?}", m.sentence, m.kind, m.span.slice(&text), m.value);
    }
}
