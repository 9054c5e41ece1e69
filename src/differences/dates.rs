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
}
