//! Relating details on pairs of sentences written for each rule.

use crate::compare::{CompareOptions, MatchKind};
use crate::details::tests::{compared, details, details_with, Row};
use crate::details::{CalendarDate, DetailKind as K, Relation as R};

/// A row a comparison must hold: its kind, its relation, and a text that each side's span
/// contains ("" where that side has none). A tuple, so that a test lists the rows it expects
/// one to a line rather than one call of five arguments each.
pub(super) type Want = (K, R, &'static str, &'static str);

/// Options for a source issued on this day, the reference for its relative dates
/// ("yesterday"), as a user gives it when the text has no dateline.
fn issued_on(year: i32, month: u32, day: u32) -> CompareOptions {
    let mut options = CompareOptions::default();
    options.dates.source = Some(CalendarDate { year, month, day });
    options
}

/// Fails the test, showing every row, unless each wanted row is there: one row of its kind
/// and relation whose texts hold the wanted ones.
#[track_caller]
pub(super) fn expect_rows(rows: &[Row], wants: &[Want]) {
    for &(kind, relation, source, article) in wants {
        let found = rows.iter().any(|(k, r, s, a)| {
            *k == kind && *r == relation && s.contains(source) && a.contains(article)
        });
        assert!(
            found,
            "no {kind:?} {relation:?} {source:?} {article:?} in {rows:#?}"
        );
    }
}

/// Compares the two texts under these options and expects these rows; returns every row for
/// the checks a test adds. Most tests are one comparison and the rows it must hold.
#[track_caller]
fn expect_details_with(
    source: &str,
    article: &str,
    options: &CompareOptions,
    wants: &[Want],
) -> Vec<Row> {
    let rows = details_with(source, article, options);
    expect_rows(&rows, wants);
    rows
}

/// [`expect_details_with`] under the default options, which most tests use.
#[track_caller]
pub(super) fn expect_details(source: &str, article: &str, wants: &[Want]) -> Vec<Row> {
    expect_details_with(source, article, &CompareOptions::default(), wants)
}

const READOUT: &str = "FOR IMMEDIATE RELEASE, May 15, 2017\n\nThis afternoon, Mayor Ana Ortiz met with \
    Transport Secretary Paul Lindqvist. The 55-minute meeting at the ministry in Lisbon focused on rail \
    funding for the northern line. The Mayor and Secretary discussed the presence of two federal \
    inspectors at a school in Queens last week.";

/// The article that retells [`READOUT`]'s meeting in other words.
const READOUT_RETOLD: &str = "Ortiz was visiting Lisbon on Monday, and met with Lindqvist for \
    almost an hour about rail funding at the ministry.";

#[test]
fn duration_and_relative_dates_are_compatible() {
    expect_details(
        READOUT,
        READOUT_RETOLD,
        &[
            (K::Duration, R::Compatible, "55-minute", "almost an hour"),
            (K::Date, R::Compatible, "This afternoon", "Monday"),
        ],
    );
}

#[test]
fn a_count_against_a_single_mention_conflicts_and_a_named_school_is_more_specific() {
    let article = "Two federal inspectors apparently visited P.S. 58 in Queens on Thursday, the Mayor \
                   and Secretary discussed. A federal inspector's presence at a school was discussed.";
    expect_details(
        READOUT,
        article,
        &[
            (K::Number, R::Same, "two", "Two"),
            (K::Place, R::MoreSpecific, "a school", "P.S. 58"),
            (K::Date, R::Compatible, "last week", "Thursday"),
            (K::Hedge, R::OnlyArticle, "", "apparently"),
            (K::Number, R::Conflicting, "two", "A federal inspector's"),
        ],
    );
}

#[test]
fn a_name_introduced_in_full_then_shortened_is_the_same_person() {
    let source = "Governor Maria Okafor signed the flood relief order on Friday in Richmond.";
    let article = "Gov. Okafor signed a flood relief order in Richmond. Okafor said the order \
                   would help. Senator James Kelly praised it.";
    let rows = expect_details(
        source,
        article,
        &[
            (K::Person, R::Same, "Maria Okafor", "Okafor"),
            (K::Title, R::Same, "Governor", "Gov."),
        ],
    );
    // A name the source never uses is listed where the article retells the source, not in a
    // sentence that retells nothing of it ("Senator James Kelly praised it.").
    assert!(
        rows.iter().all(|(_, _, _, a)| a != "James Kelly"),
        "{rows:#?}"
    );
    let article = "Senator James Kelly watched Governor Maria Okafor sign the flood relief order \
                   on Friday in Richmond.";
    expect_details(
        source,
        article,
        &[(K::Person, R::OnlyArticle, "", "James Kelly")],
    );
    expect_details(
        "Senator John Kelly spoke in Richmond.",
        "Senator James Kelly spoke in Richmond.",
        &[(K::Person, R::Conflicting, "John Kelly", "James Kelly")],
    );
}

#[test]
fn organisations_join_acronyms_and_know_their_parents() {
    let source =
        "Agents of the Department of Homeland Security visited the school on Monday morning.";
    let article = "Agents of U.S. Citizenship and Immigration Services visited the school on Monday, DHS said.";
    expect_details(
        source,
        article,
        &[
            (
                K::Organization,
                R::MoreSpecific,
                "Department of Homeland Security",
                "U.S. Citizenship",
            ),
            (
                K::Organization,
                R::Same,
                "Department of Homeland Security",
                "DHS",
            ),
        ],
    );
}

#[test]
fn numbers_in_other_words_are_the_same_and_money_conflicts() {
    let source =
        "The Bank of Canada lowered its target for the overnight rate by one-quarter of one \
                  percentage point to 2 1/2 per cent and set aside $2.5 million for the review.";
    let article =
        "The Bank of Canada cut its overnight rate target 25 basis points to 2.50 percent and \
                   set aside $3 million for a review.";
    expect_details(
        source,
        article,
        &[
            (K::Number, R::Same, "one-quarter", "25 basis points"),
            (K::Number, R::Same, "2 1/2 per cent", "2.50 percent"),
            (K::Money, R::Conflicting, "2.5 million", "3 million"),
        ],
    );
}

#[test]
fn yesterday_across_a_month_boundary_and_a_weekday_across_a_year_boundary() {
    let source =
        "The council approved the harbour budget yesterday after a long debate on the tunnel.";
    let article =
        "The council approved the harbour budget on May 31 after a long debate on the tunnel, \
                   and the mayor signed it on Thursday.";
    let wants = [(K::Date, R::Same, "yesterday", "May 31")];
    expect_details_with(source, article, &issued_on(2017, 6, 1), &wants);

    let source =
        "The council approved the harbour budget last Thursday after a long debate on the tunnel.";
    let article =
        "The council approved the harbour budget on December 28 after a long debate on the tunnel.";
    let options = issued_on(2024, 1, 2);
    let wants = [(K::Date, R::Same, "Thursday", "December 28")];
    expect_details_with(source, article, &options, &wants);
    let wrong =
        "The council approved the harbour budget on December 27 after a long debate on the tunnel.";
    let wants = [(K::Date, R::Conflicting, "Thursday", "December 27")];
    expect_details_with(source, wrong, &options, &wants);
}

#[test]
fn facts_on_one_side_only_are_listed() {
    let source = "The council approved 14 new bus lanes for the harbour district on Tuesday.";
    let article =
        "The council approved new bus lanes for the harbour district, about 3 kilometres in all.";
    expect_details(
        source,
        article,
        &[
            (K::Number, R::OnlySource, "14", ""),
            (K::Number, R::OnlyArticle, "", "about 3"),
        ],
    );
}

#[test]
fn paraphrase_matches_continue_the_ids_and_details_point_at_them() {
    let c = compared(READOUT, READOUT_RETOLD, &CompareOptions::default());
    let para: Vec<_> = c
        .matches
        .iter()
        .filter(|m| m.kind == MatchKind::Paraphrase)
        .collect();
    assert!(!para.is_empty());
    for (k, m) in c.matches.iter().enumerate() {
        assert_eq!(m.id, k + 1);
    }
    let duration = c
        .details
        .iter()
        .find(|d| d.kind == K::Duration)
        .expect("a duration");
    let m = c
        .match_by_id(duration.match_id.expect("in a match"))
        .expect("match exists");
    assert!(m.article.contains(&duration.article.expect("article side")));
    assert!(c.stats.article_paraphrased > 0.5);
}

#[test]
fn a_distinctive_count_ties_a_short_sentence_to_its_source() {
    let source =
        "The housing office confirmed 2,317 new permits in the northern district this spring, \
                  most of them for family homes near the river.";
    let article =
        "Officials have counted 2,317 permits so far. Builders cheered the news downtown.";
    expect_details(source, article, &[(K::Number, R::Same, "2,317", "2,317")]);
}

#[test]
fn a_possessive_weekday_is_still_a_date() {
    let source =
        "Police made five misdemeanor arrests on Saturday afternoon at the festival in Richmond.";
    let article =
        "Police made five misdemeanor arrests at this past Saturday’s festival in Richmond.";
    expect_details(
        source,
        article,
        &[
            (K::Date, R::Compatible, "Saturday afternoon", "Saturday’s"),
            (K::Number, R::Same, "five", "five"),
        ],
    );
}

#[test]
fn spanish_and_french_details() {
    let source = "MADRID, 24 de diciembre de 2020\n\nEl Rey se reunió ayer con el presidente del \
                  Gobierno, Pedro Sánchez, durante casi dos horas en el Palacio de la Zarzuela. Ambos \
                  acordaron destinar 1.200 millones de euros a la reconstrucción de 15 hospitales.";
    let article = "El Rey se reunió el miércoles con Sánchez durante unas dos horas en la Zarzuela. \
                   Ambos acordaron destinar 1.500 millones de euros a la reconstrucción de 12 hospitales.";
    expect_details(
        source,
        article,
        &[
            (K::Date, R::Same, "ayer", "miércoles"),
            (K::Person, R::Same, "Pedro Sánchez", "Sánchez"),
            (
                K::Duration,
                R::Compatible,
                "casi dos horas",
                "unas dos horas",
            ),
            (K::Money, R::Conflicting, "1.200 millones de euros", "1.500"),
            (K::Number, R::Conflicting, "15", "12"),
        ],
    );

    let source =
        "Paris, le 12 mars 2018\n\nLe président de la République, Emmanuel Macron, a reçu \
                  hier à l'Élysée trois représentants des spahis.";
    let article = "Emmanuel Macron a reçu dimanche deux représentants des spahis à l'Élysée.";
    expect_details(
        source,
        article,
        &[
            (K::Date, R::Same, "hier", "dimanche"),
            (K::Number, R::Conflicting, "trois", "deux"),
        ],
    );
}

#[test]
fn german_details_with_an_ordinal_dateline() {
    let source =
        "Berlin, 14. Juni 2018\n\nBundespräsident Frank-Walter Steinmeier hat heute in Münster \
                  mit rund 40 Vertretern der Stadt gesprochen. Das Treffen dauerte 90 Minuten.";
    let article =
        "Steinmeier sprach am Donnerstag in Münster mit 50 Vertretern der Stadt, das Treffen \
                   dauerte etwa zwei Stunden.";
    let rows = expect_details(
        source,
        article,
        &[
            (K::Date, R::Same, "heute", "Donnerstag"),
            (K::Person, R::Same, "Frank-Walter Steinmeier", "Steinmeier"),
            (K::Number, R::Conflicting, "rund 40", "50"),
        ],
    );
    assert!(
        !rows
            .iter()
            .any(|r| r.0 == K::Person && r.3.contains("Vertretern")),
        "{rows:#?}"
    );
}

#[test]
fn a_changed_hedged_number_conflicts() {
    let source = "With the new trains, passengers could travel this distance in less than four \
        hours. We will extend the minimum wage to more than 2 million unprotected workers.";
    let article = "He said passengers could travel this distance in less than three hours. \
        He proposed extending the minimum wage to more than 3 million unprotected workers.";
    expect_details(
        source,
        article,
        &[
            (
                K::Duration,
                R::Conflicting,
                "less than four hours",
                "less than three hours",
            ),
            (
                K::Number,
                R::Conflicting,
                "more than 2 million",
                "more than 3 million",
            ),
        ],
    );
}

#[test]
fn rounding_cents_and_precision_are_not_conflicts() {
    let source = "Growth in revenues to $77.0 million, up 10.9% year-over-year. Earnings were \
        $0.25 per diluted share, compared to $0.33 reported last year.";
    let article = "Revenue rose 11% to $77 million, though earnings per share fell to 25 cents \
        from 33 cents a year earlier.";
    expect_details(
        source,
        article,
        &[
            (K::Number, R::Compatible, "10.9", "11"),
            (K::Money, R::Same, "$77.0 million", "$77 million"),
            (K::Money, R::Same, "$0.25", "25 cents"),
            (K::Money, R::Same, "$0.33", "33 cents"),
        ],
    );
    // A real change of the same precision is not rounding.
    expect_details(
        "Free cash flow was $12.8 million.",
        "Free cash flow was $12.6 million.",
        &[(K::Money, R::Conflicting, "$12.8", "$12.6")],
    );
}

#[test]
fn a_quarter_point_is_25_basis_points_and_4_10_is_4_1() {
    let source = "Good afternoon. As you know the Board decided today to cut the cash rate by 25 \
        basis points to 4.1%.";
    let article = "Australia's central bank cut interest rates by a quarter point to 4.10%, its \
        first easing since the pandemic.";
    expect_details(
        source,
        article,
        &[
            (K::Number, R::Same, "25 basis points", "a quarter point"),
            (K::Number, R::Same, "4.1", "4.10"),
        ],
    );
}

#[test]
fn a_figure_changed_in_a_reused_passage_pairs_with_the_closest_figure() {
    let source = "Fourth Quarter Highlights\n\n• Earnings were $0.25 per diluted share\n\n• Cash \
        from operations was $17.4 million with free cash flow of $12.8 million\n";
    let article = "Cash from operations in the quarter was $17.4 million, with free cash flow of \
        $12.6 million.";
    let wants = [(K::Money, R::Conflicting, "$12.8 million", "$12.6 million")];
    let rows = expect_details(source, article, &wants);
    assert!(
        !rows
            .iter()
            .any(|(_, _, s, a)| s.contains("$0.25") && !a.is_empty()),
        "{rows:#?}"
    );
}

#[test]
fn longer_or_abbreviated_forms_of_one_name_are_the_same_person() {
    let source = "BK'in Merkel: Meine Damen und Herren, ich freue mich. Chief Executive Ziv \
        Shoshani said the year was strong.";
    let article = "Angela Merkel sprach in Berlin. Executive Ziv Shoshani said the year was \
        strong, according to Ziv Shoshani.";
    let rows = details(source, article);
    assert!(
        !rows
            .iter()
            .any(|(k, r, _, _)| *k == K::Person && *r == R::Conflicting),
        "{rows:#?}"
    );
    expect_rows(&rows, &[(K::Person, R::Same, "Merkel", "Angela Merkel")]);
    // Different given names still conflict.
    expect_details(
        "Mayor Bill de Blasio met John Kelly.",
        "Mayor Bill de Blasio met James Kelly.",
        &[(K::Person, R::Conflicting, "John Kelly", "James Kelly")],
    );
}

#[test]
fn a_dateline_pairs_with_the_same_day_written_otherwise() {
    let source = "Annual Message to the Congress on the State of the Union\n\nMr. Speaker, \
        we meet tonight to review the year.\n\nGiven on Monday, January 4, 1965, at the \
        Capitol.";
    let article = "WASHINGTON, Jan. 4 — President Johnson laid out his plans in a speech to \
        Congress.";
    expect_details(
        source,
        article,
        &[(K::Date, R::Same, "January 4, 1965", "Jan. 4")],
    );
}

#[test]
fn the_same_words_are_the_same_date_and_a_year_is_not_a_day() {
    let source = "Quiero darles las gracias hoy y siempre. El objetivo es llegar a 2030 con \
        la economía transformada.";
    let article = "Sánchez quiso dar las gracias hoy y siempre a los medios, en su balance \
        del 29 dic.";
    let rows = expect_details(source, article, &[(K::Date, R::Same, "hoy", "hoy")]);
    assert!(
        !rows
            .iter()
            .any(|(k, _, s, a)| *k == K::Date && s.contains("2030") && a.contains("29 dic")),
        "{rows:#?}"
    );
}

#[test]
fn spanish_ordinals_and_numeric_datelines() {
    let source = "Rueda de prensa del presidente para presentar la 3ª edición del informe \
        \"Cumpliendo\"\n\n29.12.2021\n\nHoy presentamos la 3ª edición del informe sobre el \
        cumplimiento de los compromisos del Gobierno.";
    let article = "El presidente del Gobierno presentó este miércoles en la Moncloa la cuarta \
        edición del informe sobre el cumplimiento de los compromisos del Gobierno.";
    expect_details(
        source,
        article,
        &[
            (K::Number, R::Conflicting, "3ª", "cuarta"),
            (K::Date, R::Same, "", "miércoles"),
        ],
    );
}

#[test]
fn a_different_time_of_day_conflicts_without_a_dateline() {
    let source = "A Downing Street spokesperson said: The Prime Minister held an hour long \
        video conference this afternoon with President Obama.";
    let article = "David Cameron held an hour-long video call with President Obama on Monday \
        evening, a Downing Street spokesman said.";
    let wants = [(K::Date, R::Conflicting, "this afternoon", "Monday evening")];
    expect_details(source, article, &wants);
}

#[test]
fn figures_and_names_the_article_has_no_reason_to_use_are_not_listed() {
    let source = "Vishay Precision Group reported results today. Gross margin was 37.1% and \
        operating margin was 9.2%, compared to 10.3% last year. As Thomas Jefferson told \
        the Congress, a nation must plan ahead.";
    let article = "Operating margin narrowed to 9.2% from 10.3%, Vishay Precision Group said.";
    let rows = expect_details(source, article, &[(K::Number, R::Same, "9.2", "9.2")]);
    assert!(
        !rows
            .iter()
            .any(|(_, r, s, _)| *r == R::OnlySource
                && (s.contains("37.1") || s.contains("Jefferson"))),
        "{rows:#?}"
    );
    // A figure dropped from a sentence whose changed figure could not be paired stays.
    let rows = details(
        "The plant shipped 1,200 units in the quarter and hired 45 engineers.",
        "The plant shipped 1,300 sensors in the quarter and hired 45 engineers.",
    );
    assert!(
        rows.iter()
            .any(|(_, r, s, _)| *r == R::OnlySource && s.contains("1,200")),
        "{rows:#?}"
    );
}

#[test]
fn an_acronym_is_the_name_it_abbreviates() {
    let source = "Wir haben vereinbart, dass die Kreditanstalt für Wiederaufbau beim Aufbau \
        einer Förderbank in Griechenland hilft.";
    let article = "Die staatliche KfW soll beim Aufbau einer Förderbank in Griechenland \
        helfen, sagte Merkel.";
    let wants = [(
        K::Organization,
        R::Same,
        "Kreditanstalt für Wiederaufbau",
        "KfW",
    )];
    expect_details(source, article, &wants);
    assert!(super::names::acronym_of(
        "BCE",
        "Banque centrale européenne"
    ));
    assert!(!super::names::acronym_of("PP", "Banque de France"));
}

#[test]
fn a_changed_count_pairs_with_the_count_in_the_same_context() {
    let source = "Dos años difíciles, dos años complejos y dos años intensos. Dentro de pocos \
        días se va a cumplir el ecuador de la legislatura, con el proceso de investidura que \
        se vivió hace dos años.";
    let article = "Sánchez recordó que dentro de pocos días se cumplen tres años de su \
        investidura, en el ecuador de la legislatura.";
    let c = compared(source, article, &CompareOptions::default());
    let hace = source.rfind("dos años").unwrap_or(0);
    let paired: Vec<usize> = c
        .details
        .iter()
        .filter(|d| d.kind == K::Duration && d.relation == R::Conflicting)
        .filter_map(|d| d.source.map(|s| s.start))
        .collect();
    assert_eq!(paired, vec![hace], "{:#?}", c.details);
}

#[test]
fn a_time_rounded_to_the_hour_is_compatible_and_another_hour_conflicts() {
    let source =
        "Police Scotland said the man was questioned by detectives after he was arrested at \
                  7.45am. He was released from custody at 6.57pm without charge.";
    let rounded = "The man was questioned by detectives after he was arrested at 7.45am and \
                   released shortly before 7pm without charge.";
    expect_details(
        source,
        rounded,
        &[
            (K::Date, R::Same, "7.45am", "7.45am"),
            (K::Date, R::Compatible, "6.57pm", "7pm"),
        ],
    );
    let moved = "The man was questioned by detectives after he was arrested at 7.45am and \
                 released at 9pm without charge.";
    expect_details(source, moved, &[(K::Date, R::Conflicting, "6.57pm", "9pm")]);
}

#[test]
fn a_past_event_and_one_to_come_are_two_dates_not_a_conflict() {
    let rows = details(
        "WASHINGTON, March 8, 2024\n\nThe county council learned from the district court on March 6 that the judge who sentenced the nine suspects had never been sworn in. The council said the suspects remain in custody while the court reviews every one of the forty cases.\n",
        "March 9, 2024\n\nSuspects stay in custody\n\nThe council said the suspects remain in custody while the court reviews every one of the forty cases. The district court will decide on Tuesday whether the nine suspects sentenced by the judge may go free.\n",
    );
    assert!(
        !rows
            .iter()
            .any(|(k, r, _, _)| *k == K::Date && *r == R::Conflicting),
        "{rows:?}"
    );
    expect_rows(&rows, &[(K::Date, R::OnlyArticle, "", "Tuesday")]);
}
