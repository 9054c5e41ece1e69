//! Titles told otherwise before the same name: shortened, changed, or a lower-case office
//! with its rank or qualifier.

use crate::differences::tests::{differences, has};
use crate::differences::{DifferenceKind, Severity};

#[test]
fn a_shortened_title_before_the_same_name_is_a_minor_title_difference() {
    let d = differences(
        "This afternoon, the Mayor met with United States Department of Homeland Security Secretary John Kelly at the department's headquarters in Washington.",
        "The meeting was held by the Mayor and Homeland Security Secretary John Kelly at the department's headquarters in Washington.",
    );
    assert!(
        d.iter().any(|(k, s, n)| *k == DifferenceKind::Title
            && *s == Severity::Minor
            && n.contains("United States Department of Homeland Security Secretary → Homeland Security Secretary")),
        "{d:?}"
    );
    // The same title in other words of case is no difference.
    let d = differences(
        "The statement was read by Police Chief Anna Berg outside the station on Monday evening.",
        "The statement was read by police chief Anna Berg outside the station on Monday evening.",
    );
    assert!(
        !d.iter().any(|(k, _, _)| *k == DifferenceKind::Title),
        "{d:?}"
    );
}

#[test]
fn a_lower_case_office_with_its_rank_or_qualifier_is_one_title_in_french_spanish_and_italian() {
    // French writes offices in lower case, with a rank joined by a hyphen ("sous-préfet")
    // or a qualifier after them ("secrétaire général", "maire adjointe").
    let d = differences(
        "Le sous-préfet Jean Martin a annoncé mardi la fermeture de la route départementale 12 pour trois semaines.",
        "Le secrétaire général Jean Martin a annoncé mardi la fermeture de la route départementale 12 pour trois semaines.",
    );
    assert!(
        has(
            &d,
            DifferenceKind::Title,
            "sous-préfet vs secrétaire général"
        ),
        "{d:?}"
    );
    let d = differences(
        "La maire adjointe Anne Dupont a inauguré samedi la nouvelle médiathèque du quartier nord.",
        "La maire Anne Dupont a inauguré samedi la nouvelle médiathèque du quartier nord.",
    );
    assert!(
        d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::Title && n.contains("maire adjointe")),
        "{d:?}"
    );
    let d = differences(
        "El secretario general Juan Pérez presentó el lunes el plan de vivienda de la comunidad.",
        "El vice-secretario Juan Pérez presentó el lunes el plan de vivienda de la comunidad.",
    );
    assert!(
        has(&d, DifferenceKind::Title, "secretario general"),
        "{d:?}"
    );
    let d = differences(
        "Il prefetto vicario Marco Rossi ha firmato ieri l'ordinanza sulla viabilità del centro.",
        "Il sottosegretario aggiunto Marco Rossi ha firmato ieri l'ordinanza sulla viabilità del centro.",
    );
    assert!(
        has(&d, DifferenceKind::Title, "sottosegretario aggiunto"),
        "{d:?}"
    );
    // The same office on both sides is no difference, and a qualifier with no name after it
    // makes no title.
    let d = differences(
        "Le secrétaire général Paul Durand a reçu les syndicats. Le préfet général a parlé.",
        "Le secrétaire général Paul Durand a reçu les syndicats. Le préfet a parlé.",
    );
    assert!(
        !d.iter().any(|(k, _, _)| *k == DifferenceKind::Title),
        "{d:?}"
    );
}

/// The office a person is given between commas, replaced by another: "Helen Marsh,
/// executive member for children's services, said" told as "Helen Marsh, the council's
/// leader, said" (English, in a reused passage); "Luis Gómez, responsable de Educación,"
/// as "Luis Gómez, portavoz del gobierno," (Spanish). A role restated in other words ("a
/// spokeswoman for the mayor" / "the mayor's spokeswoman") is no change of office.
#[test]
fn another_office_between_commas_after_the_name_is_a_title_change() {
    for (source, article, from) in [
        (
            "Leeds City Council today confirmed a programme to repair 120 schools. Councillor Helen Marsh, executive member for children's services, said the worst buildings would be fixed first.",
            "Leeds City Council yesterday confirmed a programme to repair 120 schools. Councillor Helen Marsh, the council's leader, said the worst buildings would be fixed first.",
            "executive member",
        ),
        (
            "El ayuntamiento aprobó hoy un plan para reparar 120 colegios. El concejal Luis Gómez, responsable de Educación, dijo que los edificios más dañados se arreglarán primero.",
            "El ayuntamiento aprobó ayer un plan para reparar 120 colegios. El concejal Luis Gómez, portavoz del gobierno municipal, dijo que los edificios más dañados se arreglarán primero.",
            "responsable de Educación",
        ),
    ] {
        let d = differences(source, article);
        assert!(
            d.iter()
                .any(|(k, s, n)| *k == DifferenceKind::Title
                    && *s == Severity::Major
                    && n.contains(from)),
            "{d:?}"
        );
    }
    // A list after the first word of a sentence is no apposition.
    let d = differences(
        "The council approved the programme on Monday. Roofs, windows, boilers and gutters will be repaired at 120 schools.",
        "The council approved the programme on Monday. Roofs, doors, boilers and gutters will be repaired at 120 schools.",
    );
    assert!(
        !d.iter().any(|(k, _, _)| *k == DifferenceKind::Title),
        "{d:?}"
    );
    let d = differences(
        "The city will close the road on Monday. Jane Doe, a spokeswoman for the mayor, said the works would last two weeks.",
        "The city will close the road on Monday. Jane Doe, the mayor's spokeswoman, said the works would last two weeks.",
    );
    assert!(
        !d.iter().any(|(k, _, _)| *k == DifferenceKind::Title),
        "{d:?}"
    );
}
