//! Differences on sentences written for the purpose, in several languages.

use super::*;
use crate::compare::{compare, CompareOptions};
use crate::document::Document;

fn differences(source: &str, article: &str) -> Vec<(DifferenceKind, Severity, String)> {
    let c = compare(
        Document::from_text("source", source),
        Document::from_text("article", article),
        &CompareOptions::default(),
    );
    c.differences
        .iter()
        .map(|d| (d.kind, d.severity, d.note()))
        .collect()
}

fn has(diffs: &[(DifferenceKind, Severity, String)], kind: DifferenceKind, text: &str) -> bool {
    diffs.iter().any(|(k, _, n)| *k == kind && n.contains(text))
}

#[test]
fn unit_changed_from_percent_to_points() {
    let d = differences(
        "The Reserve Bank today cut the Official Cash Rate by 100 basis points to 6.5 percent. The Governor said the outlook had deteriorated sharply over the past month.",
        "The Reserve Bank today cut the Official Cash Rate by 100 basis points to 6.5 points, the Governor said, citing an outlook that deteriorated sharply over the past month.",
    );
    assert!(has(&d, DifferenceKind::Number, "unit changed"), "{d:?}");
}

#[test]
fn word_dropped_inside_an_english_quotation_is_major() {
    let d = differences(
        "The governor said: We will not raise taxes on working families this year, and we will protect the budget for schools.",
        "The governor promised more. \"We will not raise taxes on families this year, and we will protect the budget for schools,\" she said.",
    );
    assert!(
        d.iter().any(|(k, s, n)| *k == DifferenceKind::QuoteWording
            && *s == Severity::Major
            && n.contains("working")),
        "{d:?}"
    );
}

#[test]
fn capital_added_to_a_mid_sentence_word_is_a_minor_case_change() {
    let d = differences(
        "The decision reflects the ongoing financial market turmoil and a deteriorating outlook for global growth, the bank said.",
        "The bank cut rates. \"Ongoing financial market turmoil and a deteriorating outlook for global growth\" weighed on the decision.",
    );
    assert!(
        d.iter().any(|(k, s, n)| *k == DifferenceKind::QuoteWording
            && *s == Severity::Minor
            && n.contains("case changed")),
        "{d:?}"
    );
}

#[test]
fn british_spelling_inside_a_quotation_is_minor() {
    let d = differences(
        "Calhoun said the board believes a clear division of labor will help the company focus on returning the jet to service.",
        "\"The board believes a clear division of labour will help the company focus on returning the jet to service,\" Calhoun said.",
    );
    assert!(
        d.iter().any(|(k, s, n)| *k == DifferenceKind::QuoteWording
            && *s == Severity::Minor
            && n.contains("spelling changed")),
        "{d:?}"
    );
}

#[test]
fn proposed_penalty_reported_as_imposed() {
    let d = differences(
        "The league has issued breach notices to two players.\n\nPenalties proposed for each player are:\n\n• Player One: $50,000 fine\n• Player Two: $20,000 fine\n\nBoth players have five days to respond.",
        "Player One has been handed a $50,000 fine by the league, which acted after photos emerged.",
    );
    assert!(
        has(&d, DifferenceKind::Scope, "status word dropped"),
        "{d:?}"
    );
}

#[test]
fn french_quotation_with_a_dropped_qualifier() {
    let d = differences(
        "La ministre a déclaré : « Nous ne fermerons aucune école rurale avant la fin de l'année scolaire prochaine. »",
        "« Nous ne fermerons aucune école avant la fin de l'année scolaire prochaine », a promis la ministre mardi.",
    );
    assert!(
        d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::QuoteWording && n.contains("rurale")),
        "{d:?}"
    );
}

#[test]
fn german_reuse_drops_a_modal_hedge() {
    let d = differences(
        "Die Regierung wird die Steuern für kleine Unternehmen im kommenden Jahr voraussichtlich um zwei Prozent senken, teilte das Ministerium am Montag mit.",
        "Die Regierung wird die Steuern für kleine Unternehmen im kommenden Jahr um zwei Prozent senken, berichtet die Zeitung.",
    );
    assert!(has(&d, DifferenceKind::Scope, "voraussichtlich"), "{d:?}");
}

#[test]
fn spanish_figure_changed_inside_a_quotation() {
    let d = differences(
        "El portavoz afirmó: Hemos detenido a 14 personas en la operación de esta mañana en el puerto de Valencia.",
        "«Hemos detenido a 40 personas en la operación de esta mañana en el puerto de Valencia», dijo el portavoz.",
    );
    assert!(
        d.iter()
            .any(|(k, s, _)| *k == DifferenceKind::Number && *s == Severity::Major),
        "{d:?}"
    );
}

#[test]
fn reported_speech_tense_is_not_a_difference() {
    let d = differences(
        "The bank will keep interest rates unchanged until the economy recovers fully from the recession, the governor said.",
        "The governor said the bank would keep interest rates unchanged until the economy recovers fully from the recession.",
    );
    assert!(
        !d.iter().any(|(k, _, _)| *k == DifferenceKind::Scope),
        "{d:?}"
    );
}
