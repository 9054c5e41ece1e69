//! Quotations found, paired and judged on text written for each rule: a short quotation
//! paired with the place the article retells, an article's lead-in that keeps the source's
//! words, a reworded stretch inside one reused sentence, signs and operators, CJK text.
//! Every assertion is about what a reader would see in the report.

use quotediff::compare::{EditMark, EditOp, MatchKind, QuoteStatus};
use quotediff::{Comparison, Span};

#[path = "common/compare.rs"]
mod common;
use common::{article_text, quotation_match, run, source_text};

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

/// The one quotation of `c` and the article words of its changes.
fn changes(c: &Comparison) -> (QuoteStatus, Vec<String>) {
    let q = c.quotes.first().expect("one quotation");
    let edits = c
        .matches
        .iter()
        .filter(|m| q.matches.contains(&m.id))
        .flat_map(|m| m.edits.iter())
        .filter(|e| e.within(q.article))
        .map(|e| {
            e.article
                .map_or(String::new(), |s| article_text(c, s).to_string())
        })
        .collect();
    (q.status, edits)
}

#[test]
fn a_changed_sign_or_operator_alters_the_quotation() {
    let cases = [
        (
            "The study found that the correlation was -0.42 across all the regions surveyed.",
            "“The correlation was 0.42 across all the regions surveyed,” the authors wrote.",
            "0.42",
        ),
        (
            "Die Studie zeigt: Die Korrelation lag bei \u{2212}0,42 in allen untersuchten Regionen.",
            "„Die Korrelation lag bei 0,42 in allen untersuchten Regionen“, schreiben die Autoren.",
            "0,42",
        ),
        (
            "El efecto fue significativo con p < 0,05 en todos los grupos del ensayo clínico.",
            "«El efecto fue significativo con p = 0,05 en todos los grupos del ensayo clínico», \
             señala el informe.",
            "=",
        ),
        (
            "Le chômage a reculé de 5 % au troisième trimestre dans toutes les régions du pays.",
            "« Le chômage a reculé de 5 au troisième trimestre dans toutes les régions du pays », \
             selon l'institut.",
            "",
        ),
    ];
    for (source, article, changed) in cases {
        let c = run(source, article);
        let (status, edits) = changes(&c);
        assert_eq!(status, QuoteStatus::Altered, "{article}: {:#?}", c.matches);
        assert!(edits.iter().any(|e| e == changed), "{article}: {edits:?}");
    }
    // The same sign on both sides, in two of its forms, is the same quotation.
    let c = run(
        "The study found that the correlation was \u{2212}0.42 across all the regions surveyed.",
        "“The correlation was -0.42 across all the regions surveyed,” the authors wrote.",
    );
    assert_eq!(changes(&c), (QuoteStatus::Verified, Vec::new()));
}

#[test]
fn chinese_and_japanese_quotations_are_found_in_their_marks() {
    let cases = [
        (
            "外交部发言人表示，中方坚决反对任何形式的单边制裁，并呼吁各方通过对话解决分歧。",
            "发言人说，中方「坚决反对任何形式的单边制裁」，并呼吁对话。",
            "坚决反对任何形式的单边制裁",
        ),
        (
            "首相は記者会見で、経済対策を年内にまとめる考えを示した。",
            "首相は『経済対策を年内にまとめる』と述べた。",
            "経済対策を年内にまとめる",
        ),
        (
            "首相は記者会見で、経済対策を年内にまとめる考えを示した。",
            "首相は＂経済対策を年内にまとめる＂と述べた。",
            "経済対策を年内にまとめる",
        ),
    ];
    for (source, article, quoted) in cases {
        let c = run(source, article);
        assert_eq!(c.quotes.len(), 1, "{article}: {:#?}", c.quotes);
        assert_eq!(article_text(&c, c.quotes[0].article), quoted);
        assert_eq!(
            c.quotes[0].status,
            QuoteStatus::Verified,
            "{:#?}",
            c.matches
        );
        assert_eq!(quotation_match(&c, quoted).map(|(s, _)| s), Some(quoted));
    }
}

#[test]
fn chinese_reuse_is_found_and_a_changed_word_alters_a_quotation() {
    let source = "外交部发言人表示，中方坚决反对任何形式的单边制裁，并呼吁各方通过对话解决分歧。";
    let article = "报道称，中方坚决反对任何形式的单边制裁，并呼吁各方通过对话解决分歧。";
    let c = run(source, article);
    let reuse: Vec<&str> = c
        .matches
        .iter()
        .filter(|m| m.kind == MatchKind::Reuse)
        .map(|m| article_text(&c, m.article))
        .collect();
    assert_eq!(
        reuse,
        ["中方坚决反对任何形式的单边制裁，并呼吁各方通过对话解决分歧"]
    );
    let altered = "发言人说，中方「坚决反对任何形式的单方面制裁」。";
    let c = run(source, altered);
    assert_eq!(c.quotes.len(), 1);
    assert_eq!(c.quotes[0].status, QuoteStatus::Altered, "{:#?}", c.matches);
}

/// A splice as a reader sees it: whether the order changed, how it is marked, the source
/// words of its two places.
type Splice = (bool, Option<EditMark>, [String; 2]);

/// The splices of the quotation holding `text`: for each, whether the order changed, how it
/// is marked and the source words of its two places.
fn splices(c: &Comparison, text: &str) -> (QuoteStatus, Vec<Splice>) {
    let q = c
        .quotes
        .iter()
        .find(|q| article_text(c, q.article).contains(text))
        .unwrap_or_else(|| panic!("no quotation holds {text:?}"));
    let found = c
        .matches
        .iter()
        .filter(|m| m.quote == Some(q.id - 1))
        .flat_map(|m| &m.edits)
        .filter(|e| e.op == EditOp::Splice)
        .map(|e| {
            let [first, second] = e.places.expect("a splice has two places");
            let words = |sp: Span| source_text(c, sp).to_string();
            (e.order_changed(), e.marked, [words(first), words(second)])
        })
        .collect();
    (q.status, found)
}

/// Sentences of a release, `filler` sentences apart: the distance between the two quoted
/// sentences is all that changes from one case to the next.
fn release(first: &str, filler: &[&str], second: &str) -> String {
    let mut text = format!("{first} ");
    for f in filler {
        text.push_str(f);
        text.push(' ');
    }
    text.push_str(second);
    text
}

#[test]
fn two_sentences_joined_are_a_splice_near_or_far() {
    let cases = [
        (
            "We will build ten thousand new homes before the end of the decade.",
            "Our priority remains the safety of every citizen in this country.",
            "The plan also covers transport, schools and clinics in every district.",
            "“We will build ten thousand new homes before the end of the decade, our priority \
             remains the safety of every citizen in this country,” the minister said.",
        ),
        (
            "Nous construirons dix mille logements neufs avant la fin de la décennie.",
            "Notre priorité reste la sécurité de chaque citoyen de ce pays.",
            "Le plan couvre aussi les transports, les écoles et les cliniques de chaque quartier.",
            "« Nous construirons dix mille logements neufs avant la fin de la décennie. Notre \
             priorité reste la sécurité de chaque citoyen de ce pays », a dit la ministre.",
        ),
        (
            "Wir werden bis zum Ende des Jahrzehnts zehntausend neue Wohnungen bauen.",
            "Unsere Priorität bleibt die Sicherheit jedes Bürgers in diesem Land.",
            "Der Plan umfasst auch Verkehr, Schulen und Kliniken in jedem Bezirk der Stadt.",
            "„Wir werden bis zum Ende des Jahrzehnts zehntausend neue Wohnungen bauen. Unsere \
             Priorität bleibt die Sicherheit jedes Bürgers in diesem Land“, sagte die Ministerin.",
        ),
    ];
    for (first, second, filler, article) in cases {
        // One sentence between the two, then forty: chained into one passage, then two.
        for apart in [1, 40] {
            let source = release(first, &vec![filler; apart], second);
            let c = run(&source, article);
            let (status, found) = splices(&c, &first[..20]);
            assert_eq!(status, QuoteStatus::Altered, "{apart} apart: {article}");
            assert_eq!(found.len(), 1, "{apart} apart: {found:?}");
            let (reversed, marked, [one, two]) = &found[0];
            assert!(!reversed && marked.is_none(), "{apart} apart: {found:?}");
            assert!(first.starts_with(one.get(..20).unwrap_or(one)), "{one:?}");
            assert!(two.starts_with(&second[..20]), "{two:?}");
        }
    }
}

#[test]
fn parts_in_reverse_order_around_an_ellipsis_are_a_marked_splice() {
    let first = "We will build ten thousand new homes before the end of the decade.";
    let second = "Our priority remains the safety of every citizen in this country.";
    let filler = "The plan also covers transport, schools and clinics in every district.";
    let article = "The minister said: “Our priority remains the safety of every citizen … we \
                   will build ten thousand new homes before the end of the decade.”";
    for apart in [0, 1, 40] {
        let c = run(&release(first, &vec![filler; apart], second), article);
        let (status, found) = splices(&c, "Our priority");
        assert_eq!(status, QuoteStatus::Altered, "{apart} apart");
        assert_eq!(found.len(), 1, "{apart} apart: {found:?}");
        assert!(found[0].0, "order changed: {found:?}");
        assert_eq!(found[0].1, Some(EditMark::Ellipsis));
    }
}

#[test]
fn sentences_quoted_in_their_order_with_nothing_left_out_are_no_splice() {
    let source = "Families have waited far too long for affordable places to live. The plan \
                  also covers transport, schools and clinics in every district of the city.\n\
                  Funding comes from a regional bond.";
    let article = "“Families have waited far too long for affordable places to live. The plan \
                   also covers transport, schools and clinics in every district of the city,” \
                   she said.";
    let (status, found) = splices(&run(source, article), "Families");
    assert_eq!(status, QuoteStatus::Verified);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_sentence_cut_by_an_ellipsis_in_its_middle_is_a_cut_not_a_splice() {
    let source = "The council approved the budget for the new school year after a long debate \
                  that lasted well into the evening on Tuesday.";
    let article = "“The council approved the budget for the new school year … on Tuesday,” the \
                   clerk said.";
    let c = run(source, article);
    let (status, found) = splices(&c, "The council");
    assert_eq!(status, QuoteStatus::Altered);
    assert!(found.is_empty(), "{found:?}");
    let cut = c
        .matches
        .iter()
        .flat_map(|m| &m.edits)
        .find(|e| e.op == EditOp::Delete)
        .expect("the words left out are listed");
    assert_eq!(cut.marked, Some(EditMark::Ellipsis));
    assert!(source_text(&c, cut.source.expect("source words")).starts_with("after a long"));
}

#[test]
fn a_splice_is_worded_the_same_in_the_text_json_and_html_reports() {
    let first = "We will build ten thousand new homes before the end of the decade.";
    let second = "Our priority remains the safety of every citizen in this country.";
    let filler = "The plan also covers transport, schools and clinics in every district.";
    let source = release(first, &vec![filler; 30], second);
    let article = "“Our priority remains the safety of every citizen in this country. We will \
                   build ten thousand new homes before the end of the decade,” she said.";
    let c = run(&source, article);
    let render = |format: fn(&Comparison, &mut Vec<u8>) -> std::io::Result<()>| {
        let mut out = Vec::new();
        format(&c, &mut out).expect("written");
        String::from_utf8(out).expect("UTF-8")
    };
    let text = render(|c, out| quotediff::report::text::write(c, None, out));
    let html = render(|c, out| quotediff::report::html::write(c, None, out));
    let json = render(|c, out| quotediff::report::json::write(c, None, out));
    assert!(text.contains("order changed"), "{text}");
    assert!(html.contains("order changed"), "{html}");
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let splice = report["quotes"][0]["changes"]
        .as_array()
        .and_then(|c| c.iter().find(|e| e["op"] == "splice"))
        .expect("a splice in the changes");
    assert_eq!(
        splice["places"][1]["text"].as_str().map(|t| &t[..6]),
        Some("We wil")
    );
    assert!(splice["places"][0]["text"]
        .as_str()
        .unwrap_or("")
        .starts_with("Our priority"));
}

#[test]
fn words_at_the_edges_of_a_quotation_not_in_the_source_are_listed() {
    let cases = [
        (
            "We will build ten thousand new homes before the end of the decade.",
            "“Frankly, we will build ten thousand new homes before the end of the decade,” \
             she said.",
            "Frankly",
        ),
        (
            "Construiremos diez mil viviendas nuevas antes del final de la década.",
            "«Construiremos diez mil viviendas nuevas antes del final de la década sin falta», \
             dijo la ministra.",
            "sin falta",
        ),
        (
            "Wir werden bis zum Ende des Jahrzehnts zehntausend neue Wohnungen bauen.",
            "„Ganz sicher, wir werden bis zum Ende des Jahrzehnts zehntausend neue Wohnungen \
             bauen“, sagte sie.",
            "Ganz sicher",
        ),
    ];
    for (source, article, added) in cases {
        let c = run(source, article);
        let (status, changes) = changes(&c);
        assert_eq!(status, QuoteStatus::Altered, "{article}");
        assert!(
            changes.iter().any(|w| w == added),
            "{added:?} in {changes:?}"
        );
    }
}

#[test]
fn a_word_cut_short_keeps_a_short_quotation_with_the_change_listed() {
    let cases = [
        (
            "The governor said officials remained cautious about the budget for next year.",
            "Officials “remain cautious” about the budget, the governor said.",
            ("remained", "remain"),
        ),
        (
            "El ministro dijo que el gobierno esperaba una recuperación rápida del turismo.",
            "El gobierno «espera una recuperación» del sector, según el ministro.",
            ("esperaba", "espera"),
        ),
        (
            "Le ministre a précisé que les banques restent prudentes face à la crise.",
            "Les banques « restent prudent » face à la crise, selon le ministre.",
            ("prudentes", "prudent"),
        ),
    ];
    for (source, article, (said, quoted)) in cases {
        let c = run(source, article);
        let q = &c.quotes[0];
        assert_eq!(q.status, QuoteStatus::Altered, "{article}");
        let edit = c
            .matches
            .iter()
            .filter(|m| q.matches.contains(&m.id))
            .flat_map(|m| &m.edits)
            .find(|e| e.op == EditOp::Replace)
            .unwrap_or_else(|| panic!("the cut listed: {article}"));
        assert_eq!(edit.source.map(|s| source_text(&c, s)), Some(said));
        assert_eq!(edit.article.map(|a| article_text(&c, a)), Some(quoted));
    }
}

#[test]
fn a_shorter_word_that_is_not_the_source_s_is_not_read_as_cut() {
    // Three letters are too few to be the source's word cut short: "act" is not "action".
    let source = "The council will take action on housing before the summer recess.";
    let article = "The council will “act on housing”, the mayor said.";
    let c = run(source, article);
    assert_eq!(c.quotes[0].status, QuoteStatus::NotInSource);
}

#[test]
fn a_dotless_i_with_a_combining_dot_in_a_pdf_source_keeps_a_quotation_verified() {
    let source = "The committee said the \u{131}\u{307}nstitute was right about the data it \
                  collected in the f\u{131}\u{307}rst year.";
    let article = "The committee said “the institute was right about the data it collected in \
                   the first year”.";
    let c = run(source, article);
    assert_eq!(
        c.quotes[0].status,
        QuoteStatus::Verified,
        "{:#?}",
        c.matches
    );
}

/// Sources extracted from PDF, each with one word broken the way text layers break words, and
/// an article quoting the sentence faithfully; the quoted word as the source writes it.
const BROKEN_WORDS: [(&str, &str, &str); 8] = [
    (
        "The minister said the difference between the two plans is smaller than \
         critics claim.",
        "The minister said \u{201c}the difference between the two plans is smaller than \
         critics claim\u{201d}.",
        "",
    ),
    (
        "The minister said the differ- ence between the two plans is smaller than critics \
         claim.",
        "The minister said \u{201c}the difference between the two plans is smaller than \
         critics claim\u{201d}.",
        "differ- ence",
    ),
    (
        "Le ministre a estimé que la diffé-\nrence entre les deux plans est plus faible que ne \
         le disent ses critiques.",
        "Le ministre a estimé que \u{ab}\u{a0}la différence entre les deux plans est plus \
         faible que ne le disent ses critiques\u{a0}\u{bb}.",
        "diffé-\nrence",
    ),
    (
        "Die Ministerin sagte, der Unter schied zwischen den beiden Plänen sei kleiner, als \
         die Kritiker behaupten.",
        "Die Ministerin sagte, \u{201e}der Unterschied zwischen den beiden Plänen sei kleiner, \
         als die Kritiker behaupten\u{201c}.",
        "Unter schied",
    ),
    (
        "El ministro afirmó que la diferencia entre los dosplanes es menor de lo que dicen \
         sus críticos.",
        "El ministro afirmó que \u{ab}la diferencia entre los dos planes es menor de lo que \
         dicen sus críticos\u{bb}.",
        "dosplanes",
    ),
    (
        "The study found that prefixmatching alone misses most of the reworded passages in \
         the sample.",
        "The study found that \u{201c}prefix matching alone misses most of the reworded \
         passages\u{201d} in the sample.",
        "prefixmatching",
    ),
    (
        "The board said the new rules take effect in January and apply to every member \
         state with\u{ad}out exception.",
        "The board said \u{201c}the new rules take effect in January and apply to every \
         member state without exception\u{201d}.",
        "with\u{ad}out",
    ),
    (
        "The report says the costs were under-\nestimated by every agency that reviewed \
         the project.",
        "The report says \u{201c}the costs were underestimated by every agency that \
         reviewed the project\u{201d}.",
        "under-\nestimated",
    ),
];

#[test]
fn a_word_broken_by_a_pdf_text_layer_keeps_a_quotation_verified() {
    for (source, article, broken) in BROKEN_WORDS {
        let c = run(source, article);
        let m = the_verified_quotations_match(&c, source);
        // The source side still points at the original text, broken word and all.
        assert!(
            source_text(&c, m.source).contains(broken),
            "{:?}",
            source_text(&c, m.source)
        );
    }
}

#[test]
fn words_really_changed_next_to_a_line_break_still_alter_a_quotation() {
    // The source's hyphen joins two words of its own: an article joining them differently,
    // or changing one, has changed the quotation.
    let cases = [
        (
            "The minister said the differ- ence between the two plans is smaller than critics \
             claim.",
            "The minister said \u{201c}the distance between the two plans is smaller than \
             critics claim\u{201d}.",
        ),
        (
            "The minister said the cuts would hit low- and middle-income families hardest in \
             the first year.",
            "The minister said \u{201c}the cuts would hit lowand middle-income families \
             hardest in the first year\u{201d}.",
        ),
    ];
    for (source, article) in cases {
        let c = run(source, article);
        assert_eq!(c.quotes[0].status, QuoteStatus::Altered, "{source}");
    }
}

/// The reuse matches of `c`, as article text.
fn reused(c: &Comparison) -> Vec<&str> {
    c.matches
        .iter()
        .filter(|m| m.kind == MatchKind::Reuse)
        .map(|m| article_text(c, m.article))
        .collect()
}

#[test]
fn a_short_sentence_copied_whole_is_reuse() {
    let cases = [
        (
            "The union met the company's negotiators for nine hours on Friday. The talks have \
             failed. A strike will begin on Monday at all four plants, the union said.",
            "Workers at the carmaker's four plants are preparing to walk out. The talks have \
             failed. Union leaders gave no date for new negotiations.",
            "The talks have failed.",
        ),
        (
            "Le syndicat a rencontré la direction pendant neuf heures vendredi. Les \
             négociations ont échoué. Une grève commencera lundi dans les quatre usines.",
            "Les ouvriers des quatre usines se préparent à cesser le travail. Les négociations \
             ont échoué. Aucune date n'a été fixée pour une reprise du dialogue.",
            "Les négociations ont échoué.",
        ),
        (
            "Die Gewerkschaft traf die Geschäftsführung am Freitag neun Stunden lang. Die \
             Gespräche sind gescheitert. Ein Streik beginnt am Montag in allen vier Werken.",
            "In den vier Werken bereiten sich die Beschäftigten auf einen Ausstand vor. Die \
             Gespräche sind gescheitert. Ein neuer Termin wurde nicht genannt.",
            "Die Gespräche sind gescheitert.",
        ),
        (
            "El sindicato se reunió con la dirección durante nueve horas el viernes. Las \
             conversaciones fracasaron. La huelga empezará el lunes en las cuatro plantas.",
            "Los trabajadores de las cuatro plantas se preparan para parar. Las \
             conversaciones fracasaron. No hay fecha para nuevas negociaciones.",
            "Las conversaciones fracasaron.",
        ),
    ];
    for (source, article, sentence) in cases {
        let c = run(source, article);
        let words = sentence.trim_end_matches('.');
        assert!(
            reused(&c).iter().any(|r| r.trim_end_matches('.') == words),
            "{sentence}: {:#?}",
            c.matches
        );
    }
}

#[test]
fn a_short_sentence_of_stop_words_or_inside_another_is_not_reuse() {
    let cases = [
        // Stop words only.
        (
            "The council voted on the budget late on Tuesday night. It was not. The mayor \
             left before the vote.",
            "Residents had hoped the plan would be approved. It was not. Many of them left the \
             hall in protest.",
        ),
        // Whole in the article, part of a longer sentence in the source.
        (
            "The union said that the talks have failed because the company refused to move \
             on pensions.",
            "Workers are preparing to walk out. The talks have failed. No date has been set.",
        ),
    ];
    for (source, article) in cases {
        let c = run(source, article);
        assert!(reused(&c).is_empty(), "{source}: {:#?}", c.matches);
    }
}

#[test]
fn a_two_word_sentence_copied_whole_is_reuse() {
    let cases = [
        (
            "The union met the company's negotiators for nine hours on Friday in the capital. \
             Talks failed. A strike will begin on Monday at all four plants, the union said in \
             a statement released after the meeting.",
            "Workers at the carmaker's four plants are preparing to walk out next week after a \
             long night of bargaining in the capital between both sides and their lawyers. \
             Talks failed. Union leaders gave no date for new negotiations, and the company \
             declined to comment on the strike or on its plans for the plants.",
            "Talks failed.",
        ),
        (
            "Le syndicat a rencontré la direction pendant neuf heures vendredi au siège du \
             groupe. Négociations rompues. Une grève commencera lundi dans les quatre usines, a \
             indiqué le syndicat dans un communiqué.",
            "Les ouvriers des quatre usines se préparent à cesser le travail la semaine \
             prochaine après une longue nuit de discussions à Paris. Négociations \
             rompues. Aucune date n'a été fixée pour une reprise du dialogue et la direction \
             n'a pas souhaité commenter la grève.",
            "Négociations rompues.",
        ),
        (
            "Die Gewerkschaft traf die Geschäftsführung am Freitag neun Stunden lang in der \
             Zentrale. Verhandlungen gescheitert. Ein Streik beginnt am Montag in allen vier \
             Werken, teilte die Gewerkschaft mit.",
            "In den vier Werken bereiten sich die Beschäftigten nach einer langen Nacht in der \
             Zentrale auf einen Ausstand in der kommenden Woche vor. Verhandlungen gescheitert. \
             Ein neuer Termin wurde nicht genannt, und das Unternehmen wollte sich zu dem \
             Streik nicht äußern.",
            "Verhandlungen gescheitert.",
        ),
        (
            "El sindicato se reunió con la dirección durante nueve horas el viernes en la sede \
             central. Negociaciones rotas. La huelga empezará el lunes en las cuatro plantas, \
             según un comunicado del sindicato.",
            "Los trabajadores de las cuatro plantas se preparan para parar la próxima semana \
             tras una larga noche de reuniones en Madrid. Negociaciones \
             rotas. No hay fecha para nuevas negociaciones y la empresa no quiso comentar la \
             huelga ni sus planes para las plantas.",
            "Negociaciones rotas.",
        ),
    ];
    for (source, article, sentence) in cases {
        let c = run(source, article);
        assert!(
            reused(&c)
                .iter()
                .any(|r| r.trim_end_matches('.') == sentence.trim_end_matches('.')),
            "{sentence}: {:#?}",
            c.matches
        );
    }
}

#[test]
fn a_two_word_sentence_of_common_text_is_not_reuse() {
    // Each pair shares one two-word sentence, whole on both sides: stop words, a courtesy
    // or a greeting any conversation has, or a sentence the source says again and again.
    let pairs = [
        ("Thank you.", "en"),
        ("He said.", "en"),
        ("Not yet.", "en"),
        ("Good morning.", "en"),
        ("Merci beaucoup.", "fr"),
        ("Pas encore.", "fr"),
        ("Vielen Dank.", "de"),
        ("Guten Morgen.", "de"),
        ("Muchas gracias.", "es"),
        ("Buenos días.", "es"),
    ];
    for (sentence, _) in pairs {
        let source = format!(
            "The minister opened the session on the new budget at nine. {sentence} The \
             debate on hospital funding lasted until the evening."
        );
        let article = format!(
            "Reporters waited outside the chamber for most of the day. {sentence} Several \
             deputies left before the final vote on the package."
        );
        let c = run(&source, &article);
        assert!(reused(&c).is_empty(), "{sentence}: {:#?}", c.matches);
    }
    // A two-word sentence the source repeats is its refrain, not a statement reused.
    let districts = [
        "north", "south", "east", "west", "centre", "harbour", "airport",
    ];
    let source: String = (0..60)
        .map(|k| {
            let refrain = if k % 20 == 0 { " Wages stalled." } else { "" };
            format!(
                "Rents in the {} district rose by {k} percent in year {}.{refrain} ",
                districts[k % districts.len()],
                2000 + k
            )
        })
        .collect();
    let article = "Households are struggling across the country this winter. Wages stalled. \
                   Economists expect little change before the spring.";
    let c = run(&source, article);
    assert!(reused(&c).is_empty(), "refrain: {:#?}", c.matches);
    // Whole in the article, part of a longer sentence in the source.
    let source = "The union said the talks failed because the company refused to move.";
    let article = "Workers are preparing to walk out. Talks failed. No date has been set.";
    let c = run(source, article);
    assert!(reused(&c).is_empty(), "inside: {:#?}", c.matches);
}

#[test]
fn a_word_broken_in_an_article_taken_from_a_pdf_is_paired_with_the_whole_word() {
    // (source, article extracted from a PDF newsletter or e-paper, the quoted broken word,
    // the source's whole word): the quotation is the word, paired with that word alone.
    let cases = [
        (
            "The agency said the costs of the new bridge were underestimated by every planner.",
            "The costs were \u{201c}under-\nestimated\u{201d}, the agency said.",
            "under-\nestimated",
            "underestimated",
        ),
        (
            "Le ministre juge la différence entre les deux plans négligeable.",
            "Le ministre parle d'une \u{ab}\u{a0}diffé- rence\u{a0}\u{bb} sans importance.",
            "diffé- rence",
            "différence",
        ),
        (
            "Die Behörde nannte den Unterschied zwischen beiden Plänen erheblich.",
            "Laut der Behörde ist der \u{201e}Unter schied\u{201c} groß.",
            "Unter schied",
            "Unterschied",
        ),
        (
            "El ministro calificó la diferencia entre los planes de considerable.",
            "Según el ministro, esa \u{ab}dife- rencia\u{bb} es grande.",
            "dife- rencia",
            "diferencia",
        ),
    ];
    for (source, article, broken, whole) in cases {
        let c = run(source, article);
        let m = the_verified_quotations_match(&c, article);
        // Both sides point at the original texts: the broken word, the whole one.
        assert_eq!(article_text(&c, m.article), broken);
        assert_eq!(source_text(&c, m.source), whole, "{article}");
    }
}

/// The match of the one quotation of `c`, which must be verified; `what` names the case.
fn the_verified_quotations_match<'c>(
    c: &'c Comparison,
    what: &str,
) -> &'c quotediff::compare::Match {
    assert_eq!(c.quotes.len(), 1, "{what}");
    let q = &c.quotes[0];
    assert_eq!(q.status, QuoteStatus::Verified, "{what}\n{:#?}", c.matches);
    c.matches
        .iter()
        .find(|m| q.matches.contains(&m.id))
        .expect("a match")
}
