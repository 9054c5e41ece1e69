//! Scope words in the rest of a reused sentence: the run the matcher found ends before them,
//! and the article restated the rest in its own words.

use super::tests::differences;
use super::DifferenceKind;

/// "pourraient bénéficier" told as "bénéficieront": the French article drops the modal in
/// the part of the sentence before its reused run ("versée à partir du 1er juin"), and
/// a possibility becomes a promise.
#[test]
fn a_modal_dropped_from_the_rest_of_a_reused_sentence_is_shown() {
    let d = differences(
        "Le ministre a présenté le plan ce matin. Selon le ministère, environ 15 000 exploitations pourraient bénéficier de l'aide, qui sera versée à partir du 1er juin.",
        "Le ministre a présenté le plan jeudi. Environ 15 000 exploitations bénéficieront de l'aide, versée à partir du 1er juin.",
    );
    assert!(
        d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::Scope && n.contains("pourraient")),
        "{d:?}"
    );
}

/// A certainty told as a possibility, in the languages whose lists were thinnest: Italian
/// "saranno commissariate" as "potranno essere commissariate", Portuguese "serão" as
/// "poderão ser", Dutch "krijgen een boete" as "krijgen mogelijk een boete".
#[test]
fn a_modal_added_is_shown_in_italian_portuguese_and_dutch() {
    for (source, article, modal) in [
        (
            "Il ministro ha firmato oggi il decreto. Le regioni che non rispettano i tempi massimi saranno commissariate dal governo entro giugno.",
            "Il ministro ha firmato ieri il decreto. Le regioni che non rispettano i tempi massimi potranno essere commissariate dal governo entro giugno.",
            "potranno",
        ),
        (
            "O ministro assinou hoje o decreto. As regiões que não cumprirem os prazos serão intervencionadas pelo governo até junho.",
            "O ministro assinou ontem o decreto. As regiões que não cumprirem os prazos poderão ser intervencionadas pelo governo até junho.",
            "poderão",
        ),
        (
            "De minister tekende vandaag het besluit. Gemeenten die de termijnen niet halen, krijgen een boete van het rijk voor juni.",
            "De minister tekende gisteren het besluit. Gemeenten die de termijnen niet halen, krijgen mogelijk een boete van het rijk voor juni.",
            "mogelijk",
        ),
    ] {
        let d = differences(source, article);
        assert!(
            d.iter()
                .any(|(k, _, n)| *k == DifferenceKind::Scope && n.contains(modal)),
            "{d:?}"
        );
    }
}

/// "Governor Lopez on Monday unveiled a plan, saying “every bridge … will be fixed by
/// 2030.”" in the paper of Tuesday 4 March: the quoted "will" is the governor's, the
/// sentence tells of the Monday just past (3 March, the release's "today"), not of the
/// Monday to come.
#[test]
fn a_future_inside_the_quotation_does_not_move_the_weekday_of_the_report() {
    let d = differences(
        "FOR IMMEDIATE RELEASE\nMarch 3, 2025\n\nGovernor Maria Lopez today announced a $2.4 billion plan to repair 1,200 bridges over the next five years. \"Every bridge in poor condition will be fixed or replaced by 2030,\" Governor Lopez said.",
        "Governor unveils $2.4bn bridge repair plan\n\nBy Staff Reporter, March 4, 2025\n\nGovernor Maria Lopez on Monday unveiled a $2.4 billion plan to repair 1,200 bridges over five years, saying \"every bridge in poor condition will be fixed by 2030.\"",
    );
    assert!(
        !d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::Date && n.contains("Monday")),
        "{d:?}"
    );
}

/// "the council would publish a list of the schools in April" told as "a list of the schools
/// would be published in May": the reused run ends before the article's "would", which the
/// passive moved past it. The modal is kept, not dropped; the other way round, a modal the
/// article writes before its run that the source writes after its own is not added.
#[test]
fn a_modal_the_article_moves_out_of_the_reused_run_is_not_dropped() {
    let d = differences(
        "The programme will start in the spring. If the government confirms its second funding round, the council could extend the programme to a further 35 secondary schools. Chief executive Tom Riordan said the council would publish a list of the schools in April.",
        "The programme will start in the spring. The council could extend the programme to a further 35 secondary schools. Chief executive Tom Riordan said a list of the schools would be published in April.",
    );
    assert!(
        !d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::Scope && n.contains("would")),
        "{d:?}"
    );
    // The condition the article cut is shown, once: not again as its first word or as the
    // words between the two reused runs.
    let condition = |n: &str| n.contains("If the government") || n.contains("“if”");
    assert_eq!(
        d.iter()
            .filter(|(k, _, n)| *k == DifferenceKind::Scope && condition(n))
            .count(),
        1,
        "{d:?}"
    );
    // In Spanish: "el ayuntamiento podría publicar la lista" / "la lista podría publicarse".
    let d = differences(
        "El pleno aprobó ayer el plan de obras para los colegios. El alcalde Juan Pérez dijo que el ayuntamiento podría publicar la lista de los colegios en abril.",
        "El pleno aprobó ayer el plan de obras para los colegios. El alcalde Juan Pérez dijo que la lista de los colegios podría publicarse en abril.",
    );
    assert!(
        !d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::Scope && n.contains("podría")),
        "{d:?}"
    );
}

/// "we expect the first 40 schools to be finished" quoted as "the first 40 schools will be
/// finished" inside a reused passage (the narrative before the quotation reused too): the
/// quotation's edit says "modal dropped", and the same words are not shown a second time as
/// a scope entry of their own. French: "nous espérons que" dropped, one entry too.
#[test]
fn a_modal_dropped_inside_quotation_marks_is_one_entry() {
    for (source, article, modal) in [
        (
            "The council confirmed a programme to repair roofs and windows at 120 schools across the city over the next three years. Councillor Helen Marsh said: \"This investment will allow us to fix the worst buildings, and we expect the first 40 schools to be finished by September 2027.\" The plan was approved on Monday.",
            "The council announced a programme to repair roofs and windows at 120 schools across the city over the next three years. Councillor Helen Marsh said: 'This investment will allow us to fix the worst buildings, and the first 40 schools will be finished by September 2027.' The plan was approved on Monday.",
            "expect",
        ),
        (
            "Le conseil a confirmé un programme de rénovation des toits et des fenêtres de 120 écoles de la ville au cours des trois prochaines années. La maire Anne Martin a déclaré : « Ce plan nous permettra de rénover les bâtiments les plus vétustes, et nous espérons que les 40 premières écoles seront prêtes en septembre 2027. » Le plan a été adopté lundi.",
            "Le conseil a annoncé un programme de rénovation des toits et des fenêtres de 120 écoles de la ville au cours des trois prochaines années. La maire Anne Martin a déclaré : « Ce plan nous permettra de rénover les bâtiments les plus vétustes, et les 40 premières écoles seront prêtes en septembre 2027. » Le plan a été adopté lundi.",
            "espérons",
        ),
    ] {
        let d = differences(source, article);
        let told = d.iter().filter(|(_, _, n)| n.contains(modal)).count();
        assert_eq!(told, 1, "{d:?}");
    }
}

/// German puts the modal second, in the head of the sentence: "Nach Angaben der Verwaltung
/// könnten bei weiteren Fördermitteln zusätzlich zwölf Fußgängerbrücken saniert werden"
/// told as "Zusätzlich werden zwölf Fußgängerbrücken saniert" cuts the head whole, and a
/// possibility becomes a plan.
#[test]
fn a_modal_cut_with_the_head_of_a_german_sentence_is_shown() {
    let d = differences(
        "Der Gemeinderat hat heute ein Programm zur Sanierung von 34 Brücken beschlossen. Nach Angaben der Verwaltung könnten bei weiteren Fördermitteln zusätzlich zwölf Fußgängerbrücken saniert werden.",
        "Der Gemeinderat hat am Mittwoch ein Programm zur Sanierung von 34 Brücken beschlossen. Zusätzlich werden zwölf Fußgängerbrücken saniert.",
    );
    assert!(
        d.iter()
            .any(|(k, _, n)| *k == DifferenceKind::Scope && n.contains("könnten")),
        "{d:?}"
    );
}

/// An aside set off by commas and opened by a relative pronoun describes the noun before it:
/// "The mayor, who could not attend the meeting because of illness, welcomed the decision"
/// told as "The mayor welcomed the decision" drops no modal or negation of the sentence
/// (English, French, German). A condition set off the same way ("The plan, if approved by
/// the region, will …") still qualifies the sentence.
#[test]
fn an_aside_dropped_whole_takes_no_modal_of_the_sentence_with_it() {
    for (source, article) in [
        (
            "The council approved the bridge programme on Monday. The mayor, who could not attend the meeting because of illness, welcomed the decision in a statement.",
            "The council approved the bridge programme on Monday. The mayor welcomed the decision in a statement.",
        ),
        (
            "Le conseil a adopté lundi le programme de rénovation des ponts. Le maire, qui ne pouvait pas assister à la séance, a salué la décision dans un communiqué.",
            "Le conseil a adopté lundi le programme de rénovation des ponts. Le maire a salué la décision dans un communiqué.",
        ),
        (
            "Der Gemeinderat hat am Montag das Programm zur Sanierung der Brücken beschlossen. Der Bürgermeister, der an der Sitzung nicht teilnehmen konnte, begrüßte die Entscheidung in einer Mitteilung.",
            "Der Gemeinderat hat am Montag das Programm zur Sanierung der Brücken beschlossen. Der Bürgermeister begrüßte die Entscheidung in einer Mitteilung.",
        ),
    ] {
        let d = differences(source, article);
        assert!(!d.iter().any(|(k, _, _)| *k == DifferenceKind::Scope), "{d:?}");
    }
    let d = differences(
        "The council approved the bridge programme on Monday. The plan, if approved by the region, will repair 34 bridges by 2028.",
        "The council approved the bridge programme on Monday. The plan will repair 34 bridges by 2028.",
    );
    assert!(
        d.iter().any(|(k, _, _)| *k == DifferenceKind::Scope),
        "{d:?}"
    );
}
