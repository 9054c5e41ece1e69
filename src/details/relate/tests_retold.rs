//! Relating details a wire rewrite retells: a sign dropped, a title set off by commas, a
//! surname dropped, figures in abbreviated millions and billions.

use super::tests::expect_details;
use crate::details::{DetailKind as K, Relation as R};

/// A fall told as a rise: "-0,3 por ciento" against "0,3 por ciento" is another figure.
#[test]
fn a_sign_dropped_is_another_figure() {
    let source =
        "Madrid, 28 de abril de 2026\n\nEl Producto Interior Bruto registró una variación \
                  de -0,3 por ciento respecto al trimestre anterior.";
    let article =
        "Madrid, 29 de abril de 2026\n\nEl Producto Interior Bruto registró una variación \
                   del 0,3 por ciento respecto al trimestre anterior.";
    let wants = [(
        K::Number,
        R::Conflicting,
        "-0,3 por ciento",
        "0,3 por ciento",
    )];
    expect_details(source, article, &wants);
    expect_details(
        "Output changed by -0.42 percent in March.",
        "Output changed by -0.42 percent in March, the agency said.",
        &[(K::Number, R::Same, "-0.42", "-0.42")],
    );
}

/// "La vicepresidenta primera y ministra de Hacienda, Elena Martín Soler," holds a title
/// before a name set off by commas; the article's "ministra de Hacienda" is the same office
/// shortened, and "Elena Martín" the same person with a surname dropped.
#[test]
fn a_spanish_title_set_off_by_commas_and_a_surname_dropped() {
    let source =
        "Madrid, 28 de abril de 2026\n\nLa vicepresidenta primera y ministra de Hacienda, \
                  Elena Martín Soler, ha presentado hoy el informe trimestral de coyuntura.";
    let article = "Madrid, 29 de abril de 2026\n\nLa ministra de Hacienda, Elena Martín, presentó \
                   ayer el informe trimestral de coyuntura.";
    expect_details(
        source,
        article,
        &[
            (
                K::Person,
                R::Compatible,
                "Elena Martín Soler",
                "Elena Martín",
            ),
            (
                K::Title,
                R::Compatible,
                "vicepresidenta primera y ministra de Hacienda",
                "ministra de Hacienda",
            ),
        ],
    );
}

/// German, Dutch and Italian releases abbreviate millions and billions ("2,4 Mrd. Euro",
/// "310 Mio. Euro", "1,2 mld euro"); the article writes them out. The abbreviation's full
/// stop ends no sentence.
#[test]
fn abbreviated_millions_and_billions_are_the_figures_written_out() {
    let source = "Stuttgart, 5. November 2026\n\nDie Neckarwerk AG hat im dritten Quartal einen \
                  Umsatz von 2,4 Mrd. Euro erzielt. Das operative Ergebnis stieg in den drei \
                  Monaten bis Ende September auf rund 310 Mio. Euro, teilte der Konzern mit.";
    let article = "Stuttgart, 6. November 2026\n\nNeckarwerk hat im dritten Quartal seinen Umsatz \
                   auf 2,4 Milliarden Euro gesteigert. Das operative Ergebnis stieg in den drei \
                   Monaten bis Ende September auf 320 Millionen Euro, teilte der Konzern mit.";
    expect_details(
        source,
        article,
        &[
            (K::Money, R::Same, "2,4 Mrd. Euro", "2,4 Milliarden Euro"),
            (
                K::Money,
                R::Compatible,
                "rund 310 Mio. Euro",
                "320 Millionen Euro",
            ),
        ],
    );
}

/// French elides "de" before a hedge: "d'environ 10,5 mètres" is about 10.5 metres, and the
/// article's "10,5 mètres" drops the approximation.
#[test]
fn an_elided_hedge_still_hedges() {
    let source = "Bordeaux, le 3 mars 2025\n\nSelon les prévisions, le pic de crue est attendu \
                  mercredi à Cadillac avec une hauteur d'environ 10,5 mètres au pont.";
    let article = "Bordeaux, 4 mars 2025\n\nSelon les prévisions, le pic de crue est attendu \
                   mercredi à Cadillac avec une hauteur de 10,5 mètres au pont.";
    expect_details(
        source,
        article,
        &[(K::Number, R::Compatible, "environ 10,5", "10,5")],
    );
}
