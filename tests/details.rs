//! Paraphrase and differing details, end to end: the library on the bundled pair (the
//! readout of 15 May 2017 and the article that retells it) and the binary's date options.

use std::process::Command;

use quotediff::compare::MatchKind;
use quotediff::details::{DetailKind, Relation};
use quotediff::{compare, document, CompareOptions};

fn bundled() -> quotediff::Comparison {
    let (source, article) = document::bundled_pair();
    compare(source, article, &CompareOptions::default())
}

fn find(
    c: &quotediff::Comparison,
    kind: DetailKind,
    relation: Relation,
    source: &str,
    article: &str,
) -> bool {
    c.details.iter().any(|d| {
        d.kind == kind
            && d.relation == relation
            && d.source
                .is_some_and(|s| s.slice(&c.source.text).contains(source))
            && d.article
                .is_some_and(|a| a.slice(&c.article.text).contains(article))
    })
}

#[test]
fn retold_sentences_become_paraphrase_matches_in_article_order() {
    let c = bundled();
    let verbatim = c
        .matches
        .iter()
        .filter(|m| m.kind != MatchKind::Paraphrase)
        .count();
    assert!(verbatim >= 4);
    // Numbered in article order, paraphrases among the others.
    for (k, m) in c.matches.iter().enumerate() {
        assert_eq!(m.id, k + 1);
    }
    assert!(c
        .matches
        .windows(2)
        .all(|w| w[0].article.start <= w[1].article.start));
    let paraphrases: Vec<_> = c
        .matches
        .iter()
        .filter(|m| m.kind == MatchKind::Paraphrase)
        .collect();
    // "De Blasio was visiting Washington D.C. on Monday..." retells the readout's first two
    // sentences.
    assert!(paraphrases.iter().any(|m| {
        m.article
            .slice(&c.article.text)
            .starts_with("De Blasio was visiting")
            && m.source.slice(&c.source.text).starts_with("This afternoon")
            && m.source.slice(&c.source.text).contains("55-minute")
    }));
    // Every quotation still points at its own passages.
    for q in &c.quotes {
        for id in &q.matches {
            let m = c.match_by_id(*id).expect("the match exists");
            assert!(m.article.overlaps(&q.article));
            assert_ne!(m.kind, MatchKind::Paraphrase);
        }
    }
}

#[test]
fn the_bundled_pair_shows_what_the_article_changed() {
    let c = bundled();
    assert!(find(
        &c,
        DetailKind::Duration,
        Relation::Compatible,
        "55-minute",
        "almost an hour"
    ));
    assert!(find(
        &c,
        DetailKind::Date,
        Relation::Compatible,
        "This afternoon",
        "Monday"
    ));
    assert!(find(
        &c,
        DetailKind::Date,
        Relation::Compatible,
        "last week",
        "Thursday"
    ));
    assert!(find(
        &c,
        DetailKind::Number,
        Relation::Conflicting,
        "two",
        "agent's"
    ));
    assert!(find(
        &c,
        DetailKind::Place,
        Relation::MoreSpecific,
        "a school",
        "P.S. 58"
    ));
    assert!(find(
        &c,
        DetailKind::Person,
        Relation::Same,
        "de Blasio",
        "Bill de Blasio"
    ));
    assert!(find(
        &c,
        DetailKind::Organization,
        Relation::MoreSpecific,
        "Department of Homeland Security",
        "U.S. Citizenship and Immigration Services"
    ));
    for (k, d) in c.details.iter().enumerate() {
        assert_eq!(d.id, k + 1);
        if let (Some(id), Some(a)) = (d.match_id, d.article) {
            assert!(c.match_by_id(id).is_some_and(|m| m.article.contains(&a)));
        }
    }
}

#[test]
fn a_user_given_article_date_resolves_yesterday() {
    let out = Command::new(env!("CARGO_BIN_EXE_quotediff"))
        .args(["report", "--format", "json", "--article-date", "2017-05-17"])
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let yesterday = report["details"]
        .as_array()
        .expect("details")
        .iter()
        .find(|d| d["article"]["text"] == "yesterday")
        .expect("a detail for yesterday")
        .clone();
    // Published on the 17th, "yesterday" is the 16th: not the day of the meeting.
    assert_eq!(yesterday["relation"], "conflicting");
    assert!(yesterday["note"]
        .as_str()
        .unwrap_or("")
        .contains("16 May 2017"));
}

#[test]
fn an_impossible_date_is_bad_input() {
    let out = Command::new(env!("CARGO_BIN_EXE_quotediff"))
        .args(["report", "--source-date", "2017-02-30"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

mod no_panic {
    use proptest::prelude::*;
    use quotediff::{compare, CompareOptions, Document};

    fn texty() -> impl Strategy<Value = String> {
        // Words, numbers, dates, abbreviations and odd characters in random order.
        let pieces = prop::sample::select(vec![
            "Mayor",
            "de",
            "Blasio",
            "U.S.",
            "D.C.",
            "P.S.",
            "58",
            "two",
            "a",
            "an",
            "hour",
            "almost",
            "55-minute",
            "May",
            "15,",
            "2017",
            "yesterday",
            "last",
            "week",
            "on",
            "Thursday",
            "4",
            "p.m.",
            "12:45",
            "$",
            "2.5",
            "million",
            "percent",
            "1/2",
            "DHS",
            "Department",
            "of",
            "Homeland",
            "Security",
            ".",
            ",",
            "\n",
            "\n\n",
            "“",
            "”",
            "’s",
            "é",
            "ß",
            "…",
            "quatro",
            "às",
            "04:30",
            "hier",
            "Saturday’s",
            "(",
            ")",
            "-",
            "%",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn details_never_panic_and_point_into_the_texts(source in texty(), article in texty()) {
            let c = compare(
                Document::from_text("s", source.clone()),
                Document::from_text("a", article.clone()),
                &CompareOptions::default(),
            );
            for d in &c.details {
                if let Some(s) = d.source {
                    prop_assert!(source.get(s.start..s.end).is_some());
                }
                if let Some(a) = d.article {
                    prop_assert!(article.get(a.start..a.end).is_some());
                }
            }
            for (k, m) in c.matches.iter().enumerate() {
                prop_assert_eq!(m.id, k + 1);
            }
        }
    }
}

// ----- facts on releases and next-day articles written for the purpose ------------------

use quotediff::comparison::{DifferenceKind, Severity};

/// The differences of a pair: kind, severity and note.
fn differences(source: &str, article: &str) -> Vec<(DifferenceKind, Severity, String)> {
    let c = compare(
        quotediff::Document::from_text("source", source),
        quotediff::Document::from_text("article", article),
        &CompareOptions::default(),
    );
    c.differences
        .iter()
        .map(|d| (d.kind, d.severity, d.note()))
        .collect()
}

fn shows(
    d: &[(DifferenceKind, Severity, String)],
    kind: DifferenceKind,
    severity: Severity,
    note: &str,
) -> bool {
    d.iter()
        .any(|(k, s, n)| *k == kind && *s == severity && n.contains(note))
}

#[test]
fn a_compound_title_shortened_is_a_minor_title_not_another_first_name() {
    let d = differences(
        "Berlin, 12. Oktober 2022\n\nBundesgesundheitsminister Karl Weber hat heute den Entwurf für das Krankenhausgesetz im Kabinett vorgestellt.",
        "Berlin, 13. Oktober 2022. Gesundheitsminister Karl Weber hat gestern den Entwurf für das Krankenhausgesetz im Kabinett vorgestellt.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Title,
            Severity::Minor,
            "title shortened: Bundesgesundheitsminister vs Gesundheitsminister"
        ),
        "{d:?}"
    );
    assert!(
        !d.iter().any(|(k, _, _)| *k == DifferenceKind::Name),
        "{d:?}"
    );
    // "heute" in the release of the 12th and "gestern" in the article of the 13th: one day.
    assert!(
        !d.iter().any(|(k, _, _)| *k == DifferenceKind::Date),
        "{d:?}"
    );
}

#[test]
fn a_title_with_its_field_is_no_part_of_the_name() {
    let d = differences(
        "Den Haag, 9 oktober 2026\n\nMinister van Binnenlandse Zaken Sandra de Vries heeft vandaag het wetsvoorstel voor de nieuwe Woningwet naar het parlement gestuurd.",
        "Den Haag, 10 oktober 2026 – Minister Sanne de Vries heeft gisteren het wetsvoorstel voor de nieuwe Woningwet naar het parlement gestuurd.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Name,
            Severity::Major,
            "different first names: Sandra de Vries vs Sanne de Vries"
        ),
        "{d:?}"
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Title,
            Severity::Minor,
            "title shortened: Minister van Binnenlandse Zaken vs Minister"
        ),
        "{d:?}"
    );
    let d = differences(
        "Roma, 12 marzo 2026\n\nIl ministro della Salute Marco Bellini ha presentato oggi il piano nazionale per la riduzione delle liste d'attesa.",
        "Roma, 13 marzo 2026 – Il ministro Marco Bellini ha presentato ieri il piano nazionale per la riduzione delle liste d'attesa.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Title,
            Severity::Minor,
            "title shortened: ministro della Salute vs ministro"
        ),
        "{d:?}"
    );
    assert!(
        !d.iter()
            .any(|(_, _, n)| n.contains("different first names")),
        "{d:?}"
    );
}

#[test]
fn a_figure_note_gives_the_words_as_written() {
    let d = differences(
        "Nach Angaben des Ministeriums könnten bis zu 400 Kliniken von den neuen Fallpauschalen profitieren, sagte ein Sprecher.",
        "Nach Angaben des Ministeriums könnten 400 Kliniken von den neuen Fallpauschalen profitieren, sagte ein Sprecher.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Number,
            Severity::Major,
            "bis zu 400 → 400: bound dropped"
        ),
        "{d:?}"
    );
    let d = differences(
        "A PSP deteve ontem 23 suspeitos numa operação de combate ao tráfico de droga que envolveu cerca de 300 agentes em Setúbal.",
        "A PSP deteve ontem 23 suspeitos numa operação de combate ao tráfico de droga que envolveu 300 agentes em Setúbal.",
    );
    assert!(
        d.iter().any(|(k, s, n)| *k == DifferenceKind::Number
            && *s == Severity::Minor
            && n == "cerca de 300 → 300: approximation dropped"),
        "{d:?}"
    );
}

#[test]
fn two_approximations_of_one_figure_are_a_rounding_not_a_change() {
    let d = differences(
        "Unas 48.230 empresas podrán beneficiarse de las ayudas del nuevo plan de apoyo a la industria, según el ministerio.",
        "Cerca de 48.000 empresas podrán beneficiarse de las ayudas del nuevo plan de apoyo a la industria, según el ministerio.",
    );
    assert!(
        !d.iter()
            .any(|(k, s, _)| *k == DifferenceKind::Number && *s == Severity::Major),
        "{d:?}"
    );
    // Two approximations of different figures are still a change.
    let d = differences(
        "Unas 48.230 empresas podrán beneficiarse de las ayudas del nuevo plan de apoyo a la industria, según el ministerio.",
        "Cerca de 41.000 empresas podrán beneficiarse de las ayudas del nuevo plan de apoyo a la industria, según el ministerio.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Number,
            Severity::Major,
            "figure changed"
        ),
        "{d:?}"
    );
}

#[test]
fn a_weekday_that_is_not_the_dates_is_a_wrong_day() {
    let d = differences(
        "Den Haag, 9 oktober 2026\n\nDe Tweede Kamer behandelt het voorstel naar verwachting op dinsdag 10 november, meldt het ministerie.",
        "Den Haag, 10 oktober 2026 – De Tweede Kamer behandelt het voorstel naar verwachting op woensdag 10 november, meldt het ministerie.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Date,
            Severity::Major,
            "woensdag 10 november (Tue 10 Nov 2026)"
        ),
        "{d:?}"
    );
}

#[test]
fn next_weekday_counts_from_the_article_date_and_never_means_that_day() {
    // Wednesday 29 April: "el próximo miércoles" is 6 May, not Tuesday 5 May.
    let d = differences(
        "Madrid, 28 de abril de 2026\n\nEl plan de apoyo a la industria se aprobará en el Consejo de Ministros del próximo martes, 5 de mayo, informó el ministerio.",
        "Madrid, 29 de abril de 2026 (EFE). El plan de apoyo a la industria se aprobará en el Consejo de Ministros del próximo miércoles, informó el ministerio.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Date,
            Severity::Major,
            "miércoles (Wed 6 May 2026)"
        ),
        "{d:?}"
    );
    // "hoje" in an article of 4 February is not Thursday 5 February.
    let d = differences(
        "Lisboa, 3 de fevereiro de 2026\n\nOs detidos serão presentes a tribunal na quinta-feira, 5 de fevereiro, no Tribunal de Setúbal, informou a polícia.",
        "Lisboa, 4 de fevereiro de 2026 – Os detidos serão presentes a tribunal hoje, no Tribunal de Setúbal, informou a polícia.",
    );
    assert!(
        d.iter()
            .any(|(_, s, n)| *s == Severity::Major && n.contains("hoje")),
        "{d:?}"
    );
}

#[test]
fn percent_told_as_percentage_points_in_italian_and_dutch() {
    let d = differences(
        "Volgens het ministerie steeg het woningtekort vorig jaar met 0,8 procent tot 401.000 woningen in het hele land.",
        "Volgens het ministerie steeg het woningtekort vorig jaar met 0,8 procentpunt tot 401.000 woningen in het hele land.",
    );
    assert!(
        shows(&d, DifferenceKind::Number, Severity::Major, "unit changed"),
        "{d:?}"
    );
    let d = differences(
        "Nel 2025 le prestazioni erogate in ritardo sono state 14.065, in calo del 12 per cento rispetto all'anno precedente.",
        "Nel 2025 le prestazioni erogate in ritardo sono state 14.065, in calo di 12 punti percentuali rispetto all'anno precedente.",
    );
    assert!(
        shows(
            &d,
            DifferenceKind::Number,
            Severity::Major,
            "12 per cento → 12 punti percentuali: unit changed"
        ),
        "{d:?}"
    );
}

#[test]
fn one_chamber_told_as_the_other_is_another_body() {
    let c = compare(
        quotediff::Document::from_text("source", "Roma, 12 marzo 2026\n\nIl piano sarà illustrato alla Camera martedì 17 marzo, ha detto il ministro."),
        quotediff::Document::from_text("article", "Roma, 13 marzo 2026 – Il piano nazionale sarà illustrato al Senato martedì, ha detto il ministro."),
        &CompareOptions::default(),
    );
    assert!(
        c.details.iter().any(|d| d.kind == DetailKind::Organization
            && d.relation == Relation::Conflicting
            && d.note.to_string() == "another body: Camera → Senato"),
        "{:?}",
        c.details
    );
    assert!(
        c.differences.iter().any(|d| d.severity == Severity::Major
            && d.note().contains("Camera")
            && d.note().contains("Senato")),
        "{:?}",
        c.differences
    );
    // "Der Bundesrat" and "Der Bundestag" are two bodies, not one "DB".
    let c = compare(
        quotediff::Document::from_text(
            "source",
            "Der Bundesrat soll im November über den Entwurf beraten, teilte das Ministerium mit.",
        ),
        quotediff::Document::from_text(
            "article",
            "Der Bundestag soll im November über den Entwurf beraten, teilte das Ministerium mit.",
        ),
        &CompareOptions::default(),
    );
    assert!(
        !find(
            &c,
            DetailKind::Organization,
            Relation::Same,
            "Bundesrat",
            "Bundestag"
        ),
        "{:?}",
        c.details
    );
    assert!(
        find(
            &c,
            DetailKind::Organization,
            Relation::Conflicting,
            "Bundesrat",
            "Bundestag"
        ),
        "{:?}",
        c.details
    );
}
