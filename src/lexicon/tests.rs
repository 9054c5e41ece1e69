//! The lists parse into their tables; the language detector tells languages apart.

use super::*;
use crate::normalize::tokenize;

#[test]
fn lists_parse_into_tables() {
    let lx = get();
    assert_eq!(lx.number(Lang::Pt, "quatro"), Some(4.0));
    assert_eq!(lx.number(Lang::Pt, "dos"), None);
    assert_eq!(lx.number(Lang::Es, "dos"), Some(2.0));
    assert_eq!(lx.multiplier(Lang::En, "million"), Some(1e6));
    assert_eq!(lx.months.get("sept"), Some(&9));
    assert!(lx
        .weekdays
        .contains(&(vec!["segunda".into(), "feira".into()], 1)));
    assert!(lx
        .relatives
        .contains(&(phrase("last week"), Relative::Week(-1))));
    assert_eq!(lx.durations.get("hour"), Some(&60.0));
    assert_eq!(
        lx.title_alias.get("gov").map(String::as_str),
        Some("governor")
    );
    assert_eq!(
        lx.orgs.get("uscis").and_then(|o| o.parent.as_deref()),
        Some("DHS")
    );
    assert!(lx.is_place("new york city"));
}

/// Every closed list read around dates and figures has its words: a list whose name is
/// misspelt in its file would be read as another kind of line and stay empty.
#[test]
fn closed_lists_around_dates_and_figures_are_read() {
    let lx = get();
    let d = &lx.date_words;
    let f = &lx.figure_words;
    for (name, list) in [
        ("next", &d.next),
        ("last", &d.last),
        ("day-suffix", &d.day_suffixes),
        ("date-de", &d.date_de),
        ("quarter", &d.quarter),
        ("quarter-year", &d.quarter_year),
        ("year-after", &d.year_after),
        ("part-joiner", &d.part_joiners),
        ("hour-word", &d.hour_words),
        ("month-joiner", &d.month_joiners),
        ("point-word", &f.point),
        ("cent-word", &f.cent),
        ("currency-joiner", &f.currency_joiners),
        ("figure-verb", &f.verbs),
        ("ordinal-suffix", &f.ordinal_suffixes),
        ("one-word", &f.one),
        ("name-openers", &lx.name_words.name_openers),
    ] {
        assert!(!list.is_empty(), "{name} is empty");
    }
    assert!(d.quarter.contains("trimestre") && d.year_after.contains("seit"));
    assert!(f.ordinal_suffixes.contains("ème") && f.currency_joiners.contains("d"));
    assert_eq!(lx.clock_words.get("mittag"), Some(&(12.0, 12.5)));
    assert_eq!(lx.clock_words.get("minuit"), Some(&(0.0, 0.5)));
}

/// The list writes "Mexico" and "España"; articles write "México" and "Espana" too.
#[test]
fn places_are_found_with_or_without_accents() {
    let lx = get();
    assert!(lx.is_place(&compact_phrase("México")));
    assert!(lx.is_place(&compact_phrase("Espana")));
    assert!(lx.is_place(&compact_phrase("Etats-Unis")));
    assert!(!lx.is_place(&compact_phrase("Mexique")));
}

/// Italian writes "le" and "qui" as French does: a short Italian paragraph rich in them
/// is Italian, and a French one rich in "il" and "non" stays French.
#[test]
fn short_italian_text_is_not_french() {
    let italian = "Le liste d'attesa restano lunghe in tutto il Sud. Le visite \
        specialistiche richiedono mesi e le famiglie pagano di tasca propria le analisi più \
        urgenti. Qui a Bari le code al pronto soccorso superano spesso le sei ore, e le \
        associazioni dei pazienti chiedono risposte rapide. Le regioni accusano Roma: le \
        risorse promesse arrivano tardi e le assunzioni procedono a rilento. Il ministero \
        replica che le nuove regole entreranno in vigore a giugno e che le aziende \
        sanitarie dovranno pubblicare ogni mese i tempi reali.";
    let french = "Il a répondu non. Le préfet a dit qu'il ne reviendrait pas sur sa \
        décision : le pont reste fermé et il faudra attendre la décrue. Non, a-t-il ajouté, \
        le maire n'a pas été consulté.";
    assert_eq!(Lang::of_document(&tokenize(italian)), Lang::It);
    assert_eq!(Lang::of_document(&tokenize(french)), Lang::Fr);
}
