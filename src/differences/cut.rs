//! Quotations closed before the speaker's sentence ends ("We will prioritize streets near
//! schools," he said / "…near schools and hospitals," Okafor said): the article presents the
//! words as a whole statement, and a reader cannot tell that the source goes on. A fragment
//! taken into the article's own sentence ("said the plan would "fix the worst roads"") is how
//! quotations are written and is not shown.

use similar::DiffOp;

use crate::comparison::{Comparison, Match, QuoteFinding, QuoteStatus, ScopeClass};
use crate::span::Span;

use super::align::{Keyer, Word};
use super::scope::scope_phrases;
use super::{Change, Difference, DifferenceKind, Severity};

/// Most words the source may go on with for the quotation to be a sentence cut short; a
/// longer rest is a long sentence quoted in part, as articles do.
const MAX_CUT_WORDS: usize = 6;

/// How far (bytes) the end of the source's sentence is looked for.
const SENTENCE_REACH: usize = 400;

/// Adds a difference for every quotation the article closes as a whole statement while the
/// source's sentence goes on for a few words more.
pub(super) fn of_quotations(c: &Comparison, keyer: &Keyer, out: &mut Vec<Difference>) {
    for q in &c.quotes {
        if q.status == QuoteStatus::NotInSource || !presented_whole(&c.article.text, q) {
            continue;
        }
        let Some(&last) = q.matches.last() else {
            continue;
        };
        let Some(m) = c.match_by_id(last) else {
            continue;
        };
        let Some(end) = source_end(c, keyer, m, q) else {
            continue;
        };
        let Some(rest) = rest_of_sentence(&c.source.text, end) else {
            continue;
        };
        // The article quoting the rest after its attribution ("…near schools," he said,
        // "and hospitals.") cut nothing.
        let quoted_later = c.quotes.iter().any(|other| {
            other.id != q.id
                && other
                    .matches
                    .iter()
                    .any(|&id| c.match_by_id(id).is_some_and(|x| x.source.overlaps(&rest)))
        });
        if quoted_later {
            continue;
        }
        let words = keyer.words(&c.source.text, rest);
        if words.is_empty() || words.len() > MAX_CUT_WORDS {
            continue;
        }
        let mut scope: Vec<ScopeClass> = scope_phrases(&words, keyer.code)
            .iter()
            .map(|p| p.2)
            .collect();
        if scope.is_empty() && limits(c, keyer, m, &words) {
            scope.push(ScopeClass::Condition);
        }
        let weighty = !scope.is_empty() || words.iter().any(|w| w.value.is_some());
        // Cut at a clause's end (", vamos a informar…"), the quotation is a whole clause:
        // shown only when the rest changes its force (", nicht schwächen").
        let at_clause_end = c.source.text[end..rest.start].contains([',', ';', ':', '—', '–']);
        if at_clause_end && !weighty {
            continue;
        }
        let severity = if weighty {
            Severity::Major
        } else {
            Severity::Minor
        };
        out.push(super::found(
            DifferenceKind::QuoteWording,
            severity,
            (Some(rest), None),
            Some(last),
            Change::Dropped {
                words: rest.slice(&c.source.text).to_string(),
                class: scope.first().copied(),
                marked: None,
            },
        ));
    }
}

/// True when `rest`, the words the article's quotation leaves off, is a relative clause
/// that limits a negated or universal statement quoted whole (match `m`): "Kein Krankenhaus
/// wird geschlossen" without ", das für die Versorgung gebraucht wird" promises that no
/// hospital at all closes.
fn limits(c: &Comparison, keyer: &Keyer, m: &Match, rest: &[Word]) -> bool {
    let opens_clause = rest.first().is_some_and(|w| {
        super::words::get()
            .relatives
            .get(keyer.code)
            .is_some_and(|r| r.contains(w.norm.as_str()))
    });
    opens_clause
        && scope_phrases(&keyer.words(&c.source.text, m.source), keyer.code)
            .iter()
            .any(|p| matches!(p.2, ScopeClass::Negation | ScopeClass::Quantifier))
}

/// True when the article gives the quotation as a statement of its own: it opens a sentence
/// (or starts with a capital) and closes on a stop or on the comma before its attribution,
/// with no ellipsis that would own up to a cut.
fn presented_whole(article: &str, q: &QuoteFinding) -> bool {
    let inner = q.article.slice(article).trim_end();
    let opens = inner.starts_with(char::is_uppercase)
        && crate::align::sentences::opens_sentence(article, q.outer.start);
    let after = article.get(q.outer.end..).unwrap_or("");
    let closes = inner.ends_with(['.', ',', '!', '?']) || after.starts_with([',', '.']);
    let marked = inner.ends_with('…') || inner.ends_with("...");
    opens && closes && !marked
}

/// The source byte where the quotation's last word ends, read through the word alignment of
/// its last match; `None` when that word is not the source's.
fn source_end(
    c: &Comparison,
    keyer: &Keyer,
    m: &crate::comparison::Match,
    q: &QuoteFinding,
) -> Option<usize> {
    let part = Span::new(
        m.article.start.max(q.article.start),
        m.article.end.min(q.article.end),
    );
    if part.start >= part.end {
        return None;
    }
    let source = keyer.words(&c.source.text, m.source);
    let article = keyer.words(&c.article.text, part);
    let ops = super::align::diff(&source, &article);
    // The quotation's last words must be the source's, two of them at least: one shared
    // word at the end can be a chance meeting elsewhere in a long match.
    let last = ops
        .iter()
        .rev()
        .find(|op| !matches!(op, DiffOp::Delete { .. }))?;
    match *last {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } if len >= 2 && new_index + len == article.len() => {
            Some(source[old_index + len - 1].span.end)
        }
        _ => None,
    }
}

/// The rest of the source's sentence after byte `end`, up to its stop or to the quotation
/// mark that closes the speaker's words there; `None` when nothing but punctuation is left.
fn rest_of_sentence(source: &str, end: usize) -> Option<Span> {
    let ceil = crate::span::floor_char_boundary(source, (end + SENTENCE_REACH).min(source.len()));
    let stop = crate::align::sentences::end_after(source, end, ceil);
    let rest = source.get(end..stop)?;
    // A quotation mark ends the speaker's words only when an attribution follows it
    // (`…and hospitals," Okafor said`); one that opens a title ("paru sur « les notes… »")
    // is part of the sentence.
    let spoken = match rest.find(crate::normalize::is_quote_mark) {
        Some(k) if closes_at(rest, k) && crate::quotes::holds_attribution(&rest[k..]) => &rest[..k],
        _ => rest,
    };
    let trimmed_start = spoken.len()
        - spoken
            .trim_start_matches(|ch: char| !ch.is_alphanumeric())
            .len();
    let body = spoken[trimmed_start..].trim_end_matches(|ch: char| !ch.is_alphanumeric());
    if body.is_empty() {
        return None;
    }
    Some(Span::new(
        end + trimmed_start,
        end + trimmed_start + body.len(),
    ))
}

/// True when the quotation mark at byte `k` of `text` closes a quotation: a French closing
/// guillemet, or a mark that hugs the word or stop before it (`hospitals,"`), where an
/// opening mark follows a space.
fn closes_at(text: &str, k: usize) -> bool {
    let mark = text[k..].chars().next();
    let before = text[..k].chars().next_back();
    matches!(mark, Some('»' | '›')) || before.is_some_and(|b| !b.is_whitespace())
}

#[cfg(test)]
mod tests {
    use crate::differences::tests::differences;
    use crate::differences::{DifferenceKind, Severity};

    fn cut(d: &[(DifferenceKind, Severity, String)], words: &str) -> Option<Severity> {
        d.iter()
            .find(|(k, _, n)| *k == DifferenceKind::QuoteWording && n.contains(words))
            .map(|(_, s, _)| *s)
    }

    #[test]
    fn a_quotation_closed_before_the_sources_sentence_ends_is_shown() {
        let d = differences(
            "Public Works Director Sam Okafor said crews would start in June. \"We will prioritize streets near schools and hospitals,\" Okafor said.",
            "Crews start in June, the director said. \"We will prioritize streets near schools,\" he said.",
        );
        assert_eq!(cut(&d, "and hospitals"), Some(Severity::Minor), "{d:?}");
        // The rest negates: the force of the statement changed.
        let d = differences(
            "Berlin, 12. Oktober 2022. „Wir wollen die Versorgung auf dem Land sichern, nicht schwächen“, sagte Weber.",
            "Berlin, 13. Oktober 2022. „Wir wollen die Versorgung auf dem Land sichern“, sagte Weber.",
        );
        assert_eq!(cut(&d, "nicht schwächen"), Some(Severity::Major), "{d:?}");
        let d = differences(
            "Le ministre a été clair. « Nous fermerons trois usines en 2025 et sans doute une quatrième », a déclaré M. Martin.",
            "Le ministre a parlé. « Nous fermerons trois usines en 2025 », a déclaré M. Martin.",
        );
        assert!(cut(&d, "sans doute une quatrième").is_some(), "{d:?}");
        let d = differences(
            "«Vamos a contratar a 500 maestros en las escuelas rurales del país», dijo la ministra.",
            "«Vamos a contratar a 500 maestros», dijo la ministra.",
        );
        assert!(cut(&d, "en las escuelas rurales").is_some(), "{d:?}");
    }

    #[test]
    fn a_fragment_a_whole_clause_or_the_rest_quoted_after_the_attribution_is_no_cut() {
        // A fragment taken into the article's own sentence.
        let d = differences(
            "\"This plan will fix the worst roads first and hospitals will follow,\" said Mayor Ruiz.",
            "The mayor said the plan would \"fix the worst roads first\" this year.",
        );
        assert_eq!(cut(&d, "hospitals"), None, "{d:?}");
        // Cut at a comma, the rest adding nothing to its force.
        let d = differences(
            "\"The morning briefing is the morning briefing, we will report on the virus,\" the president said.",
            "\"The morning briefing is the morning briefing,\" the president said.",
        );
        assert_eq!(cut(&d, "we will report"), None, "{d:?}");
        // The rest quoted after the attribution.
        let d = differences(
            "\"We will prioritize streets near schools and hospitals,\" Okafor said.",
            "\"We will prioritize streets near schools,\" he said, \"and hospitals.\"",
        );
        assert_eq!(cut(&d, "and hospitals"), None, "{d:?}");
    }

    /// German and Dutch set every relative clause off with a comma: a promise quoted
    /// without the clause that limits it ("kein Krankenhaus …, das …") says more than the
    /// speaker did, and is major; a clause that limits nothing negated or universal stays
    /// unshown, as any quotation closed at a clause's end.
    #[test]
    fn a_limiting_clause_cut_from_a_negated_promise_is_major() {
        let d = differences(
            "Der Minister stellte am Dienstag die Reform vor. „Kein Krankenhaus wird geschlossen, das für die Versorgung gebraucht wird“, betonte der Minister vor der Presse.",
            "Der Minister stellte am Dienstag die Reform vor. „Kein Krankenhaus wird geschlossen“, betonte der Minister vor der Presse.",
        );
        assert_eq!(
            cut(&d, "das für die Versorgung"),
            Some(Severity::Major),
            "{d:?}"
        );
        let d = differences(
            "De minister presenteerde dinsdag het plan. „Geen school gaat dicht, die nodig is voor het dorp“, zei de minister tegen verslaggevers.",
            "De minister presenteerde dinsdag het plan. „Geen school gaat dicht“, zei de minister tegen verslaggevers.",
        );
        assert_eq!(cut(&d, "die nodig is"), Some(Severity::Major), "{d:?}");
        let d = differences(
            "Der Minister stellte am Dienstag die Reform vor. „Das Krankenhaus wird modernisiert, das am Stadtrand liegt“, sagte der Minister vor der Presse.",
            "Der Minister stellte am Dienstag die Reform vor. „Das Krankenhaus wird modernisiert“, sagte der Minister vor der Presse.",
        );
        assert_eq!(cut(&d, "am Stadtrand"), None, "{d:?}");
    }
}
