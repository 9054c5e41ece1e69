//! Whether figures of a changed stretch belong to a date ("24 oktober", "28 de abril de
//! 2026"): a day or a year changed is the dates' to report, not a changed count.

use super::align::Word;

/// A four-digit year ("2009"): a date's to report, not a figure's.
fn is_year(w: &Word) -> bool {
    w.raw.len() == 4
        && w.value
            .is_some_and(|v| v.fract() == 0.0 && (1800.0..=2100.0).contains(&v))
}

/// True when a figure of `part` (a stretch of `all`) is a year or stands next to a month name.
pub(super) fn in_date(all: &[Word], part: &[Word]) -> bool {
    if part.iter().any(is_year) {
        return true;
    }
    let Some(first) = part.first() else {
        return false;
    };
    // `all` is in text order: a binary search, not a walk, for each figure edit.
    let at = all.partition_point(|w| w.span.start < first.span.start);
    let lx = crate::lexicon::get();
    let months = &lx.months;
    let lo = at.saturating_sub(1);
    let hi = (at + part.len() + 1).min(all.len());
    // "28 de abril", "5 di marzo", "the 4th of July": the month after a joining word.
    let joined_month = || {
        let next = at + part.len();
        all.get(next)
            .is_some_and(|w| lx.date_words.month_joiners.contains(w.norm.as_str()))
            && all
                .get(next + 1)
                .is_some_and(|w| months.contains_key(w.norm.as_str()))
    };
    part.iter().any(|w| w.value.is_some())
        && (all[lo..hi]
            .iter()
            .any(|w| months.contains_key(w.norm.as_str()))
            || joined_month())
}

#[cfg(test)]
mod tests {
    use crate::differences::tests::differences;
    use crate::differences::DifferenceKind;

    /// A byline's date is the day the article was written: "le 4 mars 2025" (or "6.
    /// November 2026" above a German report) is no restating of the release's "aujourd'hui"
    /// ("heute") of the day before. The weekday the article gives still meets the release's
    /// day.
    #[test]
    fn the_articles_dateline_is_no_fact_of_the_story() {
        for (source, article) in [
            (
                "COMMUNIQUÉ – Paris, le 3 mars 2025\n\nLa présidente de la région, Marie Durand, a présenté aujourd'hui un plan de 2,4 milliards d'euros pour réparer 1 200 ponts.",
                "Ponts : un plan de 2,4 milliards\n\nPar notre correspondant, le 4 mars 2025\n\nLa présidente de la région, Marie Durand, a présenté lundi un plan de 2,4 milliards d'euros pour réparer 1 200 ponts.",
            ),
            (
                "Pressemitteilung, Stuttgart, 5. November 2026\n\nDer Vorstand der Neckarwerke hat heute die Zahlen für das dritte Quartal vorgelegt.",
                "Neckarwerke legen Zahlen vor\n\nStuttgart, 6. November 2026\n\nDer Vorstand der Neckarwerke hat am Donnerstag die Zahlen für das dritte Quartal vorgelegt.",
            ),
        ] {
            let d = differences(source, article);
            assert!(
                !d.iter().any(|(k, _, n)| *k == DifferenceKind::Date
                    && (n.contains("aujourd") || n.contains("heute"))),
                "{d:?}"
            );
        }
    }

    /// A deadline moved by a month: "would publish a list of the schools in April" told as
    /// "would be published in May". A month named alone after "in" ("en", "im", "bis") is a
    /// date; the same month told again is no difference, and a modal "may" is no month.
    #[test]
    fn a_month_named_alone_is_a_date() {
        for (source, article, from) in [
            (
                "Leeds City Council
Tuesday 10 March 2026

Chief executive Tom Riordan said the council would publish a list of the schools in April.",
                "Wednesday 11 March 2026

Chief executive Tom Riordan said a list of the schools would be published in May.",
                "April",
            ),
            (
                "Madrid, 10 de marzo de 2026

El consejero Luis Gómez anunció que el ayuntamiento publicará la lista de colegios en abril.",
                "Madrid, 11 de marzo de 2026

El consejero Luis Gómez anunció que el ayuntamiento publicará la lista de colegios en mayo.",
                "abril",
            ),
            (
                "Stuttgart, 10. März 2026

Der Bürgermeister Jan Vogel kündigte an, die Stadt werde die Liste der Schulen im April veröffentlichen.",
                "Stuttgart, 11. März 2026

Der Bürgermeister Jan Vogel kündigte an, die Stadt werde die Liste der Schulen im Juni veröffentlichen.",
                "April",
            ),
            (
                "Lyon, le 10 mars 2026

Le maire Paul Roux a annoncé que la ville publiera la liste des écoles en avril.",
                "Lyon, le 11 mars 2026

Le maire Paul Roux a annoncé que la ville publiera la liste des écoles en mai.",
                "avril",
            ),
        ] {
            let d = differences(source, article);
            assert!(
                d.iter()
                    .any(|(k, _, n)| *k == DifferenceKind::Date && n.contains(from)),
                "{d:?}"
            );
        }
        let d = differences(
            "Tuesday 10 March 2026

The council said it would publish the list in April. Parents may object until then.",
            "Wednesday 11 March 2026

The council said it would publish the list in April. Parents may still object.",
        );
        assert!(
            !d.iter().any(|(k, _, _)| *k == DifferenceKind::Date),
            "{d:?}"
        );
    }
}
