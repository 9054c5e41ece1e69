//! Figures inside quotations: a changed figure is a change of fact, never a spelling.

use super::tests::differences;
use super::{DifferenceKind, Severity};

/// "2014" and "2015" are one letter apart, as "labor" and "labour" are: the year is not a
/// spelling, and a reviewer stepping through the major differences must meet it.
#[test]
fn a_year_changed_inside_a_quotation_is_major_not_a_spelling() {
    for (source, article) in [
        (
            "The leaders agreed that the strategy to withdraw combat troops from the country by the end of 2014 was on track.",
            "The two men 'agreed that the strategy to withdraw combat troops from the country by the end of 2015 was on track', the spokesman said.",
        ),
        (
            "Die Ministerin sagte, der Abzug der Truppen bis Ende 2014 sei auf einem guten Weg.",
            "„Der Abzug der Truppen bis Ende 2015 ist auf einem guten Weg“, sagte die Ministerin.",
        ),
    ] {
        let d = differences(source, article);
        assert!(
            !d.iter().any(|(_, _, n)| n.contains("spelling")),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|(_, s, n)| *s == Severity::Major && n.contains("2014") && n.contains("2015")),
            "{d:?}"
        );
        assert!(d.iter().all(|(k, _, _)| *k != DifferenceKind::Name), "{d:?}");
    }
}
