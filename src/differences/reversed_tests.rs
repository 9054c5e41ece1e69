//! A word saying which way a quantity moved or lies, turned into its opposite: the figure
//! stays, the statement is reversed.

use crate::differences::tests::differences;
use crate::differences::{DifferenceKind, Severity};

/// True when the differences hold one reversal, major and of kind number, from `from` to `to`.
fn reversed(source: &str, article: &str, from: &str, to: &str) -> bool {
    let d = differences(source, article);
    let note = format!("“{from}” → “{to}”: direction reversed");
    let found = d
        .iter()
        .any(|(k, s, n)| *k == DifferenceKind::Number && *s == Severity::Major && *n == note);
    if !found {
        eprintln!("{d:#?}");
    }
    found
}

#[test]
fn a_rise_told_as_a_fall_in_english() {
    assert!(reversed(
        "The unemployment rate rose to 4.2 percent in March, the statistics office said on Friday.",
        "The unemployment rate fell to 4.2 percent in March, the statistics office said on Friday.",
        "rose",
        "fell",
    ));
}

#[test]
fn above_the_level_told_as_below_in_a_retold_sentence() {
    assert!(reversed(
        "Consumer prices in the euro area were 0.4 percent above the level of a year earlier, \
         Eurostat said.",
        "According to Eurostat, consumer prices in the euro area stood 0.4 percent below the \
         level of a year earlier.",
        "above",
        "below",
    ));
}

#[test]
fn un_recul_devenu_une_progression() {
    assert!(reversed(
        "Le taux de chômage a reculé de 0,3 point au troisième trimestre, selon l'Insee.",
        "Le taux de chômage a progressé de 0,3 point au troisième trimestre, selon l'Insee.",
        "reculé",
        "progressé",
    ));
}

#[test]
fn unter_dem_vorjahr_wird_ueber_dem_vorjahr() {
    assert!(reversed(
        "Der Umsatz lag im dritten Quartal mit 412 Millionen Euro deutlich unter dem Vorjahr, \
         teilte das Unternehmen mit.",
        "Der Umsatz lag im dritten Quartal mit 412 Millionen Euro deutlich über dem Vorjahr, \
         teilte das Unternehmen mit.",
        "unter",
        "über",
    ));
}

#[test]
fn la_inflacion_que_subio_y_bajo() {
    assert!(reversed(
        "La inflación subió hasta el 3,2 por ciento en octubre, según los datos del INE.",
        "La inflación bajó hasta el 3,2 por ciento en octubre, según los datos del INE.",
        "subió",
        "bajó",
    ));
}

/// The same direction in other words, or both directions kept, reverses nothing.
#[test]
fn the_same_direction_reworded_is_no_reversal() {
    for (source, article) in [
        (
            "The unemployment rate rose to 4.2 percent in March, the statistics office said.",
            "The unemployment rate climbed to 4.2 percent in March, the statistics office said.",
        ),
        (
            "Shares rose in early trading and fell back in the afternoon, the exchange said.",
            "Shares fell back in the afternoon after they rose in early trading, the exchange said.",
        ),
    ] {
        let d = differences(source, article);
        assert!(
            d.iter().all(|(_, _, n)| !n.contains("direction reversed")),
            "{d:#?}"
        );
    }
}

/// A retold sentence whose words before the figure were rewritten: the figure both sides
/// give anchors the direction word right before it.
#[test]
fn a_fall_told_as_a_rise_before_the_same_figure_in_a_retold_sentence() {
    assert!(reversed(
        "State Health Department Reports Decline in Flu Hospitalizations\n\nSACRAMENTO — The \
         California Department of Public Health (CDPH) today reported that weekly flu \
         hospitalizations fell to 1,482 in the week ending March 7, down 18 percent from the \
         previous week.",
        "Flu hospitalizations in California rose to 1,482 last week, a decline of 18% from the \
         week before, state health officials said Wednesday.",
        "fell",
        "rose",
    ));
}
