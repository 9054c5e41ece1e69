//! A public body's qualifier changed where no capital marks it as a name: "le tribunal
//! judiciaire" told as "le tribunal administratif", "the district court" as "the appeals
//! court". The head noun ("tribunal", "court") is the same on both sides and aligned; the
//! words that say which body it is are not. Names with capitals are read elsewhere
//! ([`super::names`]); this is the lower-case case, common in French, Spanish, Italian and
//! Portuguese, and in English newsroom style.

use std::ops::Range;

use super::align::Word;
use super::names::starts_upper;
use super::words;
use crate::matching::is_content_word;
use crate::span::Span;

/// Most words of a qualifier on each side ("judiciaire", "de grande instance" is three).
const MAX_QUALIFIER_WORDS: usize = 3;

/// Given the words of both sides of an aligned pair and the ranges of one replaced stretch,
/// the body named on each side (head noun and qualifier) when the stretch is the qualifier
/// of the same kind of body, the head aligned on both sides.
pub(super) fn renamed(
    (source, article): (&[Word], &[Word]),
    (s, a): (Range<usize>, Range<usize>),
    lang: &str,
) -> Option<(Span, Span)> {
    let plain = |ws: &[Word]| {
        (1..=MAX_QUALIFIER_WORDS).contains(&ws.len())
            && ws.last().is_some_and(|w| is_content_word(&w.norm))
            && ws.iter().all(|w| w.value.is_none() && !starts_upper(w.raw))
    };
    if !plain(&source[s.clone()]) || !plain(&article[a.clone()]) {
        return None;
    }
    let list = words::get();
    let same_head = |i: usize, j: usize| {
        let (Some(sw), Some(aw)) = (source.get(i), article.get(j)) else {
            return false;
        };
        sw.key == aw.key && list.is_institution(lang, &sw.norm)
    };
    let cover =
        |ws: &[Word], from: usize, to: usize| Span::new(ws[from].span.start, ws[to].span.end);
    // "tribunal judiciaire": the head just before its qualifier; "juzgado de guardia": one
    // joining word ("de", "of") between them, the same on both sides.
    let joined = |back: usize| {
        (1..back).all(|k| {
            let (sw, aw) = (&source[s.start - k], &article[a.start - k]);
            sw.key == aw.key && list.title_joiners.contains(sw.norm.as_str())
        })
    };
    let head_before = (1..=2).find(|&back| {
        s.start >= back
            && a.start >= back
            && joined(back)
            && same_head(s.start - back, a.start - back)
    });
    // After the head, a verb may stand where a qualifier would ("le tribunal condamne"): the
    // qualifier must be followed, on both sides, by the same joining word or capitalised
    // word that goes on naming the body ("judiciaire de Bordeaux", "civile di Milano").
    let named_on = source
        .get(s.end)
        .zip(article.get(a.end))
        .is_some_and(|(sw, aw)| {
            sw.key == aw.key
                && (list.title_joiners.contains(sw.norm.as_str()) || starts_upper(sw.raw))
        });
    if let Some(back) = head_before.filter(|_| named_on) {
        Some((
            cover(source, s.start - back, s.end - 1),
            cover(article, a.start - back, a.end - 1),
        ))
    } else if same_head(s.end, a.end) {
        // "the district court": the qualifier before its head.
        Some((
            cover(source, s.start, s.end),
            cover(article, a.start, a.end),
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::differences::tests::differences;
    use crate::differences::{DifferenceKind, Severity};

    /// The notes of the major organisation differences of the pair.
    fn bodies(source: &str, article: &str) -> Vec<String> {
        differences(source, article)
            .into_iter()
            .filter(|(k, s, _)| *k == DifferenceKind::Organisation && *s == Severity::Major)
            .map(|(_, _, note)| note)
            .collect()
    }

    #[test]
    fn another_court_named_in_lower_case_is_another_body() {
        for (source, article, note) in [
            (
                "Le tribunal judiciaire de Bordeaux a condamné l'entreprise à une amende de \
                 50 000 euros, a indiqué la préfecture mardi.",
                "Le tribunal administratif de Bordeaux a condamné l'entreprise à une amende de \
                 50 000 euros, a indiqué la préfecture mardi.",
                "“tribunal judiciaire” → “tribunal administratif”",
            ),
            (
                "The man was arraigned in the district court on Monday and pleaded not guilty \
                 to all three charges, prosecutors said.",
                "The man was arraigned in the appeals court on Monday and pleaded not guilty \
                 to all three charges, prosecutors said.",
                "“district court” → “appeals court”",
            ),
            (
                "El juzgado de guardia de Sevilla decretó prisión provisional para los tres \
                 detenidos, informó la Policía Nacional.",
                "El juzgado de instrucción de Sevilla decretó prisión provisional para los tres \
                 detenidos, informó la Policía Nacional.",
                "“juzgado de guardia” → “juzgado de instrucción”",
            ),
        ] {
            assert_eq!(bodies(source, article), [note]);
        }
    }

    /// After the head a verb may stand where a qualifier would: what the court did is not
    /// which court it is.
    #[test]
    fn a_verb_after_the_head_is_no_qualifier() {
        let found = bodies(
            "Selon la préfecture, le tribunal condamne l'entreprise à une amende de 50 000 \
             euros pour pollution de la Garonne.",
            "Selon la préfecture, le tribunal relaxe l'entreprise à une amende de 50 000 \
             euros pour pollution de la Garonne.",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
