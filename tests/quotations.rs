//! Quotations found, paired and judged on text written for each rule: a short quotation
//! paired with the place the article retells, an article's lead-in that keeps the source's
//! words, a reworded stretch inside one reused sentence, signs and operators, CJK text.
//! Every assertion is about what a reader would see in the report.

use quotediff::compare::{MatchKind, QuoteStatus};
use quotediff::{compare, CompareOptions, Comparison, Document, Span};

fn run(source: &str, article: &str) -> Comparison {
    compare(
        Document::from_text("release.txt", source),
        Document::from_text("article.txt", article),
        &CompareOptions::default(),
    )
}

fn article_text(c: &Comparison, span: Span) -> &str {
    span.slice(&c.article.text)
}

fn source_text(c: &Comparison, span: Span) -> &str {
    span.slice(&c.source.text)
}

/// The quotation match whose article words are `text`: its source words and where they start.
fn quotation_match<'c>(c: &'c Comparison, text: &str) -> Option<(&'c str, usize)> {
    c.matches
        .iter()
        .filter(|m| m.kind == MatchKind::Quotation)
        .find(|m| article_text(c, m.article) == text)
        .map(|m| (source_text(c, m.source), m.source.start))
}

#[test]
fn a_short_quotation_is_paired_next_to_the_nearer_neighbour() {
    // The article quoted the last sentence first, then "security" right before the words
    // that follow the source's first "security": that one is retold, not the later one.
    let cases = [
        (
            "We will keep our promises to every region. Certainly, security is the condition \
             of a calm life. But security starts here, in our streets and schools. Taxes on \
             generosity must be avoided.",
            "The president said that “taxes on generosity must be avoided” and, a little \
             further on in his address, spoke of “security”, called “the condition of a calm \
             life”.",
            "security",
        ),
        (
            "Wir halten unsere Versprechen. Gewiss, die Sicherheit ist die Bedingung eines \
             ruhigen Lebens. Aber die Sicherheit beginnt hier, in unseren Straßen. Steuern auf \
             Großzügigkeit sind zu vermeiden.",
            "Der Präsident sagte, „Steuern auf Großzügigkeit sind zu vermeiden“, und sprach \
             etwas später in seiner Rede von „Sicherheit“, genannt „die Bedingung eines ruhigen \
             Lebens“.",
            "Sicherheit",
        ),
    ];
    for (source, article, word) in cases {
        let c = run(source, article);
        let first = source.find(word).expect("said twice");
        assert_eq!(
            quotation_match(&c, word),
            Some((word, first)),
            "{:#?}",
            c.matches
        );
    }
}

#[test]
fn lead_in_words_the_source_says_before_the_quoted_passage_are_reused() {
    let cases = [
        (
            "The office confirmed on Monday that the judge was never sworn in. It holds the \
             view that the continued detention of suspects must weigh more heavily than strict \
             compliance with the rules.",
            "In a statement the office said that \u{201c}the continued detention of suspects \
             must weigh more heavily than strict compliance with the rules\u{201d}.",
            "that",
        ),
        (
            "Le parquet a été informé lundi. Il considère que la détention provisoire doit \
             peser plus lourd que le respect strict des règles de procédure.",
            "Dans un communiqué, le parquet estime que « la détention provisoire doit peser \
             plus lourd que le respect strict des règles de procédure ».",
            "que",
        ),
    ];
    for (source, article, word) in cases {
        let c = run(source, article);
        let quoted = c
            .matches
            .iter()
            .find(|m| m.kind == MatchKind::Quotation)
            .expect("the quotation is matched");
        let lead = c
            .matches
            .iter()
            .find(|m| m.kind == MatchKind::Reuse && m.article.end <= quoted.article.start)
            .unwrap_or_else(|| panic!("{word} before the quotation: {:#?}", c.matches));
        assert_eq!(article_text(&c, lead.article), word);
        assert_eq!(source_text(&c, lead.source), word);
        let between = &c.source.text[lead.source.end..quoted.source.start];
        assert!(between.trim().is_empty(), "{between:?}");
    }
}

#[test]
fn a_lead_in_word_the_source_does_not_say_there_is_not_reused() {
    let source = "The office confirmed on Monday that the judge was never sworn in. It holds the \
        view the continued detention of suspects must weigh more heavily than strict compliance \
        with the rules.";
    let article = "In a statement the office said that \u{201c}the continued detention of \
        suspects must weigh more heavily than strict compliance with the rules\u{201d}.";
    let c = run(source, article);
    assert!(
        c.matches.iter().all(|m| m.kind != MatchKind::Reuse),
        "{:#?}",
        c.matches
    );
}

#[test]
fn a_reworded_stretch_inside_a_reused_sentence_stays_one_passage() {
    // Outside quotation marks: a few words reworded in the middle ("the rates" for "its
    // interest rates"), and at the end words added, dropped and re-inflected at once.
    let cases = [
        (
            "The bank said the timing and extent of its interest rate cuts over the coming \
             months will depend on evidence of actual falls in domestic cost pressures as well \
             as how the global financial markets play out.",
            "The governor stressed that the timing and extent of rate cuts in the coming months \
             would depend on evidence of falls in domestic cost pressures as well as on how \
             global financial markets played out.",
            "the timing and extent",
            "played out",
        ),
        (
            "La decisión es la última de varias medidas del consejo de administración y de la \
             alta dirección para reforzar la gobernanza y la gestión de la seguridad.",
            "La decisión es la última de varias medidas del consejo de administración mientras \
             la empresa busca reforzar su gobernanza y la gestión de la seguridad.",
            "La decisión es",
            "gestión de la seguridad",
        ),
    ];
    for (source, article, first, last) in cases {
        let c = run(source, article);
        let reuse: Vec<_> = c
            .matches
            .iter()
            .filter(|m| m.kind == MatchKind::Reuse)
            .collect();
        assert_eq!(reuse.len(), 1, "{:#?}", c.matches);
        let text = article_text(&c, reuse[0].article);
        assert!(text.contains(first) && text.contains(last), "{text}");
    }
}

#[test]
fn quotation_status_survives_the_pairing_rules() {
    let source = "Certainly, security is the condition of a calm life.";
    let article =
        "He spoke of \u{201c}security\u{201d} as \u{201c}the condition of a calm life\u{201d}.";
    let c = run(source, article);
    assert!(c.quotes.iter().all(|q| q.status == QuoteStatus::Verified));
}

#[test]
fn a_quotation_is_matched_up_to_the_quoters_own_first_word() {
    // A headline quotes "Security, not acceptable …" where the source says "Not at all
    // acceptable …": the match reaches "not", one word short of the quotation's start.
    let cases = [
        (
            "Crime grows where the state is absent.\n\nNot at all acceptable are lawless zones \
             where the law is not observed.",
            "\u{201c}Security, not acceptable are lawless zones\u{201d}: the president spoke.",
            "not acceptable are lawless zones",
        ),
        (
            "La criminalidad crece donde el Estado falta.\n\nNo son admisibles las zonas francas \
             donde la ley no se respeta.",
            "«Seguridad, no admisibles las zonas francas», dijo el presidente.",
            "no admisibles las zonas francas",
        ),
    ];
    for (source, article, words) in cases {
        let c = run(source, article);
        let quoted: Vec<&str> = c
            .matches
            .iter()
            .filter(|m| m.kind == MatchKind::Quotation)
            .map(|m| article_text(&c, m.article))
            .collect();
        assert_eq!(quoted, [words], "{:#?}", c.matches);
    }
}

#[test]
fn a_lead_in_to_a_short_quotation_is_not_reuse() {
    // "that “all parties”" is three words: any article might write them.
    let source = "The president agreed that the war has gone on too long and that all parties \
        must do what they can.";
    let article = "He said that \u{201c}all parties\u{201d} must act now.";
    let c = run(source, article);
    assert!(
        c.matches.iter().all(|m| m.kind != MatchKind::Reuse),
        "{:#?}",
        c.matches
    );
}
