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
