//! Names inside a replaced stretch of a match: where a name's words are, and what the word
//! lists say it is (a place, an organisation, a date), so a changed name is reported as the
//! kind of fact it is.

use super::align::{cover_of, Word};
use super::DifferenceKind;
use crate::matching::is_content_word;
use crate::span::Span;

/// Whether a name of two capitalised words or more follows `at` ("players Latrell Mitchell",
/// "spokesman John Smith"): words cut just before it label the person, they do not qualify a
/// claim.
pub(super) fn before_a_name(text: &str, at: usize) -> bool {
    let mut words = text.get(at..).unwrap_or("").split_whitespace();
    let capitalised =
        |w: Option<&str>| w.is_some_and(|w| starts_upper(w) && w.chars().any(char::is_lowercase));
    capitalised(words.next()) && capitalised(words.next())
}

/// A word without the elided article or preposition glued to its front ("l'Assemblée",
/// "dell'Interno", "d'Italia"): what is left is the word that may be a name.
fn unelided(raw: &str) -> &str {
    match raw
        .char_indices()
        .find(|(_, ch)| crate::normalize::is_apostrophe(*ch))
    {
        Some((i, ch))
            if (1..=4).contains(&raw[..i].chars().count())
                && raw[..i].chars().all(char::is_lowercase) =>
        {
            &raw[i + ch.len_utf8()..]
        }
        _ => raw,
    }
}

/// Most words of a name in a replaced stretch.
const MAX_NAME_WORDS: usize = 4;

/// The name inside a replaced stretch: its words without the lower-case function words
/// around them ("en Bretagne", "le Sénat"), when it opens with a capital, holds no figure,
/// and at least half its words are capitalised ("Assemblée nationale", "Occitanie").
pub(super) fn name_core<'w, 't>(ws: &'w [Word<'t>]) -> Option<&'w [Word<'t>]> {
    let capital = |w: &Word| starts_upper(unelided(w.raw));
    let function = |w: &Word| !capital(w) && !is_content_word(&w.norm);
    let first = ws.iter().position(|w| !function(w))?;
    let last = ws.iter().rposition(|w| !function(w))?;
    let core = &ws[first..=last];
    let capitals = core.iter().filter(|w| capital(w)).count();
    // German capitalises units ("Prozentpunkte", "Prozent"): the unit changes tell those.
    let unit = core
        .iter()
        .all(|w| super::words::get().units.contains_key(w.norm.as_str()));
    let ok = capital(&core[0])
        && core.len() <= MAX_NAME_WORDS
        && capitals * 2 >= core.len()
        && core.iter().all(|w| w.value.is_none())
        && !unit;
    ok.then_some(core)
}

/// What a name is, from the word lists: an organisation when one of its words makes names
/// bodies ("Sénat", "Ministerium"), a place when the list knows it or a locative
/// preposition stands before it ("en Bretagne", "nach Bayern").
pub(super) fn name_kind(text: &str, name: &[Word]) -> Option<DifferenceKind> {
    let lx = crate::lexicon::get();
    let norm = |w: &Word| unelided(w.raw).to_lowercase();
    // A month or a weekday ("im November", "on Monday") names a time.
    let weekday = |w: &Word| {
        lx.weekdays
            .iter()
            .any(|(p, _)| p.len() == 1 && p[0] == w.norm)
    };
    if name
        .iter()
        .any(|w| lx.months.contains_key(w.norm.as_str()) || weekday(w))
    {
        return Some(DifferenceKind::Date);
    }
    // The rest of the name after it counts too: "Tweede" of "Tweede Kamer".
    let rest = text[cover_of(name)?.end..]
        .split_whitespace()
        .take(3)
        .take_while(|w| w.starts_with(char::is_uppercase))
        .map(|w| unelided(w.trim_end_matches(|c: char| !c.is_alphanumeric())).to_lowercase());
    if name.iter().any(|w| lx.org_keywords.contains(&norm(w)))
        || rest.into_iter().any(|w| lx.org_keywords.contains(&w))
    {
        return Some(DifferenceKind::Organisation);
    }
    let whole = crate::lexicon::compact_phrase(cover_of(name)?.slice(text));
    let before = text[..name.first()?.span.start]
        .split_whitespace()
        .next_back()
        .map(|w| w.to_lowercase());
    let elided = name[0].raw != unelided(name[0].raw);
    let located = before.is_some_and(|b| lx.name_words.locatives.contains(&b)) && !elided;
    // A place noun right after it: "Fresno, Kern and Tulare counties", "Kern County".
    let headed = text[cover_of(name)?.end..]
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| lx.name_words.place_heads.contains(&w));
    (lx.is_place(&whole) || located || headed).then_some(DifferenceKind::Place)
}

/// True when `word` opens with a capital letter.
/// True when word `at` of `words` (German) opens a common noun phrase, not a name: a
/// determiner stands right before it ("die Kliniken", "welche Leistungen"), or before the
/// one lower-case word before it ("die neuen Regeln").
/// True for a German compound that names a body by its ending ("Aufsichtsrat",
/// "Finanzamt"): capitalised like every German noun, but an organisation when replaced.
pub(super) fn german_body(lang: &str, name: &[Word]) -> bool {
    let words = &crate::lexicon::get().name_words;
    lang == "de" && name.iter().any(|w| words.is_german_body(&w.norm))
}

/// True when the words at `span` of `text` (in `lang`) open a German common noun phrase,
/// not a name: German capitalises every noun, and a determiner stands right before this one
/// ("die Kliniken", "welche Leistungen") or before the one lower-case word before it ("die
/// neuen Regeln").
pub(super) fn german_noun_at(lang: &str, text: &str, span: Option<Span>) -> bool {
    let Some(span) = span.filter(|_| lang == "de") else {
        return false;
    };
    let determiners = &crate::lexicon::get().name_words.german_determiners;
    let mut before = text[..span.start]
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2);
    let determiner = |w: &str| determiners.contains(w.to_lowercase().as_str());
    match (before.next(), before.next()) {
        (Some(w), _) if determiner(w) => true,
        (Some(w), Some(v)) => !starts_upper(w) && determiner(v),
        _ => false,
    }
}

pub(super) fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::differences::tests::differences;
    use crate::differences::DifferenceKind;

    fn kind_of(
        d: &[(DifferenceKind, crate::differences::Severity, String)],
        w: &str,
    ) -> Option<DifferenceKind> {
        d.iter().find(|(_, _, n)| n.contains(w)).map(|(k, _, _)| *k)
    }

    #[test]
    fn a_chamber_swapped_inside_a_reused_run_is_an_organisation() {
        let d = differences(
            "Het wetsvoorstel over de bouw van sociale huurwoningen wordt volgende maand door de Tweede Kamer behandeld, zo meldt het ministerie.",
            "Het wetsvoorstel over de bouw van sociale huurwoningen wordt volgende maand door de Eerste Kamer behandeld, zo meldt het ministerie.",
        );
        assert_eq!(
            kind_of(&d, "Tweede"),
            Some(DifferenceKind::Organisation),
            "{d:?}"
        );
    }

    #[test]
    fn the_field_of_a_title_dropped_is_no_lost_name_and_a_day_dropped_is_a_date() {
        let d = differences(
            "Il ministro della Salute Marco Bellini ha presentato oggi a Roma il piano nazionale per la riduzione delle liste d'attesa negli ospedali.",
            "Il ministro Marco Bellini ha presentato oggi a Roma il piano nazionale per la riduzione delle liste d'attesa negli ospedali.",
        );
        assert!(
            !d.iter()
                .any(|(k, _, n)| *k == DifferenceKind::Name && n.contains("Salute")),
            "{d:?}"
        );
        let d = differences(
            "A operação decorreu em Setúbal e os detidos serão presentes a tribunal na quinta-feira, 5 de fevereiro, para primeiro interrogatório judicial.",
            "A operação decorreu em Setúbal e os detidos serão presentes a tribunal hoje, para primeiro interrogatório judicial.",
        );
        assert_eq!(
            kind_of(&d, "fevereiro"),
            Some(DifferenceKind::Date),
            "{d:?}"
        );
    }

    #[test]
    fn the_day_of_each_texts_dateline_inside_a_reused_run_is_no_figure() {
        let d = differences(
            "Madrid, 28 de abril de 2026\n\nLa ministra de Hacienda presentó el informe trimestral de coyuntura económica ante los medios de comunicación.",
            "Madrid, 29 de abril de 2026 (EFE). La ministra de Hacienda presentó el informe trimestral de coyuntura económica ante los medios de comunicación.",
        );
        assert!(
            !d.iter()
                .any(|(k, _, n)| *k == DifferenceKind::Number && n.contains("28")),
            "{d:?}"
        );
    }

    /// A list shortened: the last item dropped, shown once as dropped, not as the item
    /// before it lost and the last one replaced by it.
    #[test]
    fn the_last_place_of_a_list_dropped_is_shown_once() {
        let d = differences(
            "Since October, the state has recorded 2,347 flu-related deaths. Hospitals in \
             Fresno, Kern and Tulare counties reported the highest occupancy rates.",
            "Since October, the state has recorded 2,347 flu-related deaths. Hospitals in \
             Fresno and Kern counties reported the highest occupancy rates.",
        );
        let names: Vec<(&DifferenceKind, &String)> = d
            .iter()
            .filter(|(k, _, _)| matches!(k, DifferenceKind::Name | DifferenceKind::Place))
            .map(|(k, _, n)| (k, n))
            .collect();
        // A county: the place noun after the list says so.
        assert_eq!(
            names,
            [(&DifferenceKind::Place, &"dropped: “Tulare”".to_string())],
            "{d:?}"
        );
    }

    /// A name before a place noun ("Kern County") is a place, with no preposition before it.
    #[test]
    fn a_name_before_a_place_noun_is_a_place() {
        let d = differences(
            "Officials said Kern County reported 41 new cases on Monday, the highest count since January.",
            "Officials said Kings County reported 41 new cases on Monday, the highest count since January.",
        );
        assert_eq!(kind_of(&d, "Kings"), Some(DifferenceKind::Place), "{d:?}");
    }

    /// German capitalises units: "Prozentpunkte" told as "Prozent" is the unit changed,
    /// shown once as such, not also as a name.
    #[test]
    fn a_capitalised_unit_changed_is_no_name() {
        let d = differences(
            "Die operative Marge sank im dritten Quartal um 1,2 Prozentpunkte auf 7,9 Prozent, \
             teilte das Unternehmen am Donnerstag in Stuttgart mit.",
            "Die operative Marge sank im dritten Quartal um 1,2 Prozent auf 7,9 Prozent, teilte \
             das Unternehmen am Donnerstag in Stuttgart mit.",
        );
        assert!(
            d.iter()
                .any(|(k, _, n)| *k == DifferenceKind::Number && n.contains("unit changed")),
            "{d:?}"
        );
        assert!(
            d.iter().all(|(k, _, _)| *k != DifferenceKind::Name),
            "{d:?}"
        );
    }

    /// German capitalises every noun: a noun replaced after a determiner ("die
    /// Krankenhäuser" told as "die Kliniken", "welche Leistungsgruppen" as "welche
    /// Leistungen") is no person renamed; a body replaced ("der Aufsichtsrat" told as "der
    /// Betriebsrat") is an organisation; a person replaced is still a name.
    #[test]
    fn german_nouns_are_not_names_but_a_board_is_a_body() {
        let d = differences(
            "Nach Angaben des Ministeriums erhalten die Krankenhäuser künftig eine Pauschale, die rund 60 Prozent der Vergütung ausmacht. Die Länder sollen bis Ende 2026 festlegen, welche Kliniken welche Leistungsgruppen anbieten dürfen.",
            "Nach Angaben des Ministeriums erhalten die Kliniken künftig eine Pauschale, die rund 60 Prozent der Vergütung ausmacht. Die Länder sollen bis Ende 2026 festlegen, welche Kliniken welche Leistungen anbieten dürfen.",
        );
        assert!(
            d.iter().all(|(k, _, _)| *k != DifferenceKind::Name),
            "{d:?}"
        );
        let d = differences(
            "Der Vorstand hat den Plan am Montag vorgestellt. Der Aufsichtsrat muss dem Verkauf der Sparte noch zustimmen, teilte das Unternehmen mit.",
            "Der Vorstand hat den Plan am Montag vorgestellt. Der Betriebsrat muss dem Verkauf der Sparte noch zustimmen, teilte das Unternehmen mit.",
        );
        assert_eq!(
            kind_of(&d, "Aufsichtsrat"),
            Some(DifferenceKind::Organisation),
            "{d:?}"
        );
        let d = differences(
            "Der Plan sei ein guter Anfang, sagte Finanzvorstand Jens Müller am Montag vor Journalisten in Stuttgart.",
            "Der Plan sei ein guter Anfang, sagte Finanzvorstand Jens Schmidt am Montag vor Journalisten in Stuttgart.",
        );
        assert_eq!(kind_of(&d, "Müller"), Some(DifferenceKind::Name), "{d:?}");
    }
}
