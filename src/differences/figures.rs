//! Figures inside aligned words: what a stretch's figures are worth (a multiplier read
//! with its figure, "£340m" as "£340 million"), whether two stretches hold the same ones,
//! a figure rounded under an approximator, and a figure replaced in a restated sentence
//! ("will rise by 4.6% on 1 March" told as "are to rise by 4.9% from 1 March").

use similar::DiffOp;

use crate::comparison::{Comparison, Match};
use crate::matching::is_content_word;
use crate::span::Span;

use super::align::Word;
use super::dates::in_date;
use super::{Change, Difference, DifferenceKind, Severity};

/// True when `a` gives the one figure of `s` rounded under an approximator of the word
/// lists ("about", "environ", "rund", "casi"): within a tenth either side for "about", just
/// under it for "almost".
pub(super) fn approximates(s: &[Word], a: &[Word]) -> bool {
    use crate::lexicon::HedgeKind;
    let one = |ws: &[Word]| -> Option<f64> {
        let mut values = ws.iter().filter_map(|w| w.value);
        let v = values.next()?;
        values.next().is_none().then_some(v)
    };
    let (Some(x), Some(v)) = (one(s), one(a)) else {
        return false;
    };
    let lx = crate::lexicon::get();
    let kind = (0..a.len()).find_map(|i| {
        lx.hedges_by_first
            .candidates(&a[i].norm)
            .into_iter()
            .find_map(|k| {
                let (p, kind) = &lx.hedges[k];
                (i + p.len() <= a.len() && p.iter().zip(&a[i..]).all(|(w, x)| *w == x.norm))
                    .then_some(*kind)
            })
    });
    match kind {
        Some(HedgeKind::Around) => (x - v).abs() <= 0.1 * v.abs(),
        Some(HedgeKind::Below) => x < v && x >= 0.8 * v,
        _ => false,
    }
}

/// The figures of `words`, each with the multiplier after it ("340 million": 340e6).
fn figures(words: &[Word], lang: &str) -> Vec<f64> {
    let lx = crate::lexicon::get();
    let lang = crate::lexicon::Lang::from_code(lang);
    let factor = |w: &Word| {
        lx.multipliers
            .get(w.norm.as_str())?
            .iter()
            .find(|(l, _)| Some(*l) == lang)
            .map(|(_, f)| *f)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(v) = words[i].value {
            match words.get(i + 1).and_then(factor) {
                Some(f) => {
                    out.push(v * f);
                    i += 1;
                }
                None => out.push(v),
            }
        }
        i += 1;
    }
    out
}

/// True when two stretches hold the same figures, in the same order.
pub(super) fn same_figures(s: &[Word], a: &[Word], lang: &str) -> bool {
    let (x, y) = (figures(s, lang), figures(a, lang));
    !x.is_empty()
        && x.len() == y.len()
        && x.iter()
            .zip(&y)
            .all(|(p, q)| (p - q).abs() <= 1e-9 * p.abs().max(q.abs()))
}

/// True when `words` hold a figure.
pub(super) fn has_figure(words: &[Word]) -> bool {
    words.iter().any(|w| w.value.is_some())
}

/// Bytes either side of a match in which the other document's figures count as its own:
/// a sentence or two.
const NEARBY_BYTES: usize = 400;

/// True when every figure of `figures` (article words of match `m`) is written the same way
/// by the source within [`NEARBY_BYTES`] of the match: a retelling that joins two sentences
/// gives the figure of the one it was not aligned with ("underlying inflation has slowed to
/// 3.2%" against a sentence on the target band, the source's next one saying "underlying
/// inflation is at 3.2%"). The article did not add that figure. (The other way does not
/// hold: a figure the article leaves out of a sentence is left out there, whatever it says
/// nearby.)
pub(super) fn stated_nearby(c: &Comparison, m: &Match, figures: &[Word]) -> bool {
    let (text, span) = (&c.source.text, m.source);
    let from = crate::span::ceil_char_boundary(text, span.start.saturating_sub(NEARBY_BYTES));
    let to = crate::span::floor_char_boundary(text, (span.end + NEARBY_BYTES).min(text.len()));
    let near = crate::normalize::tokenize(&text[from..to.max(from)]);
    let mut values = figures.iter().filter(|w| w.value.is_some()).peekable();
    values.peek().is_some() && values.all(|w| near.iter().any(|t| t.norm == w.norm))
}

/// Most words on either side of a replaced stretch for its figure to count as replaced: a
/// longer stretch was rewritten, and its figure may be another fact.
const MAX_REPLACED_WORDS: usize = 3;

/// Fewest aligned words right before a replaced figure, one a content word ("rise by"), for
/// the two figures to be one fact told with two values.
const MIN_LEAD_WORDS: usize = 2;

/// The figures of a restated sentence (a paraphrase's aligned words `source`, `article`,
/// `ops`) replaced by another value right after the same words: "will rise by 4.6% on 1
/// March" told as "are to rise by 4.9% from 1 March". The details stage may pair the
/// article's figure with another one of the source ("an index of 4.9%"): the sentence's own
/// alignment says which figure it restates. Years are the dates' to report.
pub(super) fn replaced(
    c: &Comparison,
    m: &Match,
    (source, article): (&[Word], &[Word]),
    ops: &[DiffOp],
    lang: &str,
    out: &mut Vec<Difference>,
) {
    for (k, op) in ops.iter().enumerate() {
        let DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = *op
        else {
            continue;
        };
        let led = k
            .checked_sub(1)
            .and_then(|p| ops.get(p))
            .is_some_and(|p| match *p {
                DiffOp::Equal { old_index, len, .. } => {
                    len >= MIN_LEAD_WORDS
                        && source[old_index..old_index + len]
                            .iter()
                            .any(|w| is_content_word(&w.norm))
                }
                _ => false,
            });
        if !led || old_len > MAX_REPLACED_WORDS || new_len > MAX_REPLACED_WORDS {
            continue;
        }
        let (s, a) = (
            &source[old_index..old_index + old_len],
            &article[new_index..new_index + new_len],
        );
        let (Some(from), Some(to)) = (lone_figure(s), lone_figure(a)) else {
            continue;
        };
        // The article's figure after the same word elsewhere in the source's sentences
        // ("lowered … by 25 basis points to 2.25 percent"): the alignment crossed two facts.
        let lead = article[new_index - 1].key;
        let told_elsewhere = source.iter().enumerate().any(|(i, w)| {
            i > 0 && i != old_index && w.value == to.value && source[i - 1].key == lead
        });
        let values = (figures(s, lang), figures(a, lang));
        if told_elsewhere
            || values.0 == values.1
            || [from, to].iter().any(|w| is_year(w))
            || in_date(source, s)
            || in_date(article, a)
            || approximates(s, a)
        {
            continue;
        }
        let (from_span, to_span) = (
            with_sign(&c.source.text, from),
            with_sign(&c.article.text, to),
        );
        out.push(super::found(
            DifferenceKind::Number,
            Severity::Major,
            (Some(from_span), Some(to_span)),
            Some(m.id),
            Change::Value {
                from: from_span.slice(&c.source.text).to_string(),
                to: to_span.slice(&c.article.text).to_string(),
            },
        ));
    }
}

/// The one figure of a stretch, which must open it: "4.6% on", not "on 1 March".
fn lone_figure<'w, 't>(words: &'w [Word<'t>]) -> Option<&'w Word<'t>> {
    let mut figures = words.iter().filter(|w| w.value.is_some());
    let first = figures.next()?;
    (figures.next().is_none() && std::ptr::eq(first, &words[0])).then_some(first)
}

/// A whole number a year may be (1800 to 2199).
fn is_year(w: &Word) -> bool {
    w.value
        .is_some_and(|v| v.fract() == 0.0 && (1800.0..2200.0).contains(&v))
        && w.raw.chars().all(|ch| ch.is_ascii_digit())
}

/// A figure's span with the percent sign written after it ("4.6%", "3,5 %").
fn with_sign(text: &str, w: &Word) -> Span {
    let rest = &text[w.span.end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
    let sign = rest[gap..]
        .chars()
        .next()
        .filter(|ch| matches!(ch, '%' | '‰'))
        .map_or(0, |ch| gap.min(3) + ch.len_utf8());
    Span::new(w.span.start, w.span.end + sign)
}

#[cfg(test)]
mod tests {
    use super::super::tests::differences;
    use super::super::DifferenceKind;

    fn changed(source: &str, article: &str, from: &str, to: &str) -> bool {
        let d = differences(source, article);
        let found = d
            .iter()
            .any(|(k, _, n)| *k == DifferenceKind::Number && n.contains(&format!("{from} → {to}")));
        if !found {
            eprintln!("{d:?}");
        }
        found
    }

    /// The headline figure of a restated sentence changed, while the article's value is
    /// another figure of the source's paragraph (an index, a forecast).
    #[test]
    fn a_figure_replaced_in_a_restated_sentence_is_shown() {
        assert!(changed(
            "Regulated rail fares in England will rise by 4.6% on 1 March, the lowest increase in three years, the Transport Secretary confirmed today. The cap, set below July's retail prices index of 4.9%, applies to season tickets.",
            "Rail fares in England are to rise by 4.9% from 1 March, the Transport Secretary announced, the biggest increase in years.",
            "4.6%",
            "4.9%",
        ));
        assert!(changed(
            "Les loyers du parc social augmenteront de 3,5 % au 1er janvier, a annoncé le ministre du Logement lundi. L'inflation atteindra 2,1 % sur l'année selon l'Insee.",
            "Selon le ministre du Logement, les loyers du parc social vont augmenter de 2,1 % au 1er janvier prochain.",
            "3,5",
            "2,1",
        ));
        assert!(changed(
            "Der Rundfunkbeitrag soll ab Januar um 58 Cent auf 18,94 Euro im Monat steigen, teilte die Kommission am Freitag in Mainz mit. Die Sender hatten mehr gefordert.",
            "Die Kommission will den Rundfunkbeitrag ab Januar um 85 Cent erhöhen, hieß es in Mainz.",
            "58",
            "85",
        ));
        assert!(changed(
            "El Gobierno subirá el salario mínimo un 4,4 % este año, hasta los 1.184 euros mensuales en catorce pagas, anunció la ministra de Trabajo. La patronal rechazó el acuerdo.",
            "La ministra de Trabajo anunció que el Gobierno subirá el salario mínimo un 5 % este año, según fuentes del ministerio.",
            "4,4",
            "5",
        ));
    }

    /// A figure of the article said after the same words elsewhere in the source's
    /// sentences is that other fact, not the aligned one changed.
    #[test]
    fn a_figure_told_after_the_same_words_elsewhere_is_no_change() {
        let d = differences(
            "The committee today lowered the cash rate by 25 basis points to 2.25 percent. Annual inflation rose 0.4 percentage points to 3.1 percent in the December quarter.",
            "The central bank lowered its cash rate by a quarter of a percentage point to 2.25 percent on Wednesday.",
        );
        assert!(d.iter().all(|(_, _, n)| !n.contains("3.1 → 2.25")), "{d:?}");
    }
}
