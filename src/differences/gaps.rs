//! Quotations split by an attribution ("…sehr getroffen", schrieb er. "Mit Hardy Krüger…"):
//! a reader takes the two parts for one continuous statement, so whatever the source says
//! between them was left out, and parts quoted in the reverse order were reordered.

use crate::comparison::{Comparison, QuoteFinding, QuoteStatus};
use crate::span::Span;

use super::{Change, Difference, DifferenceKind, Severity};

/// Most words between two quoted parts for them to read as one statement split by an
/// attribution ("he said on Thursday"); more, and the article has moved on.
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// Fewest source words between the parts that count as something left out (a lone "and" or
/// a dropped "he said" in a transcript is not a statement).
const MIN_LEFT_OUT_WORDS: usize = 3;

/// Most source bytes left out between two parts for them to be one passage cut short; two
/// remarks far apart are quoted as two.
const MAX_LEFT_OUT_BYTES: usize = 400;

/// Most words of the left-out text quoted in the note; the span holds it all.
const NOTE_WORDS: usize = 12;

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Where the source has a quotation's words: from its first match's start to its last's end.
pub(super) fn source_of(c: &Comparison, q: &QuoteFinding) -> Option<Span> {
    let first = c.match_by_id(*q.matches.first()?)?.source;
    let last = c.match_by_id(*q.matches.last()?)?.source;
    Some(Span {
        start: first.start,
        end: last.end.max(first.end),
    })
}

fn shortened(text: &str) -> String {
    let mut ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() > NOTE_WORDS {
        ws.truncate(NOTE_WORDS);
        return format!("{} …", ws.join(" "));
    }
    ws.join(" ")
}

/// Adds a difference for every pair of quoted parts split by an attribution whose source has
/// words between them, or has them the other way round.
pub(super) fn of_quotations(c: &Comparison, out: &mut Vec<Difference>) {
    let art = &c.article.text;
    let src = &c.source.text;
    let quoted: Vec<&QuoteFinding> = c
        .quotes
        .iter()
        .filter(|q| q.status != QuoteStatus::NotInSource && !q.matches.is_empty())
        .collect();
    for pair in quoted.windows(2) {
        let (q1, q2) = (pair[0], pair[1]);
        if q2.outer.start < q1.outer.end {
            continue;
        }
        let between = &art[q1.outer.end..q2.outer.start];
        // One sentence split by its attribution: `…", she said. "…` or `…," he added, "…`.
        let continues = between.trim_start().starts_with(',')
            || art[..q1.outer.end]
                .trim_end()
                .ends_with(|ch| ch == ',' || crate::normalize::is_quote_mark(ch))
                && art[q1.article.start..q1.outer.end].contains(',');
        if between.contains('\n')
            || words(between) > MAX_ATTRIBUTION_WORDS
            || !continues
            || !crate::quotes::holds_attribution(between)
        {
            continue;
        }
        if q2.speaker.is_some() && q1.speaker != q2.speaker {
            continue;
        }
        let (Some(s1), Some(s2)) = (source_of(c, q1), source_of(c, q2)) else {
            continue;
        };
        let article = Span {
            start: q1.outer.end,
            end: q2.outer.start,
        };
        if s2.start >= s1.end {
            let gap = Span {
                start: s1.end,
                end: s2.start,
            };
            let left_out = gap.slice(src);
            if words(left_out) < MIN_LEFT_OUT_WORDS
                || gap.end - gap.start > MAX_LEFT_OUT_BYTES
                || is_own_attribution(left_out)
            {
                continue;
            }
            let trimmed = left_out.trim_start_matches(|ch: char| !ch.is_alphanumeric());
            let source = Span {
                start: gap.end - trimmed.len(),
                end: gap.end,
            };
            out.push(gap_difference(
                q1,
                source,
                article,
                Change::LeftOut {
                    words: shortened(source.slice(src)),
                    reversed: false,
                },
            ));
        } else if s2.end <= s1.start {
            out.push(gap_difference(
                q1,
                s2,
                article,
                Change::LeftOut {
                    words: shortened(s2.slice(src)),
                    reversed: true,
                },
            ));
        }
    }
}

/// True when the source's words between the two parts hold its own attribution between two
/// quotations (`…streets," said Mayor Ruiz. "This plan…`; `…na região», afirmou o
/// superintendente Rui Tavares, comandante distrital da PSP. «…`): the source split the
/// statement there too. Words of the speaker's before that attribution are the end of the
/// first part cut short, shown as such when they change its force (see `cut`).
fn is_own_attribution(left_out: &str) -> bool {
    let first = left_out.find(crate::normalize::is_quote_mark);
    let last = left_out.rfind(crate::normalize::is_quote_mark);
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    // Only the end of the first part, up to the source's closing mark: the attribution
    // after it is the article's too (`…verliezen”, zei De Vries.` reused as it stands).
    if words(&left_out[last..]) == 0 && words(&left_out[..first]) > 0 {
        return true;
    }
    // Between the marks when the source reopens its quotation, else after the one mark.
    let between = if last > first {
        &left_out[first..last]
    } else {
        &left_out[first..]
    };
    words(between) <= MAX_OWN_ATTRIBUTION_WORDS && crate::quotes::holds_attribution(between)
}

/// Most words of the source's own attribution between two quoted parts, with the speaker's
/// title and office ("afirmou o superintendente Rui Tavares, comandante distrital da PSP de
/// Setúbal").
const MAX_OWN_ATTRIBUTION_WORDS: usize = 16;

fn gap_difference(q1: &QuoteFinding, source: Span, article: Span, change: Change) -> Difference {
    let reversed = matches!(change, Change::LeftOut { reversed: true, .. });
    let severity = if reversed {
        Severity::Major
    } else {
        Severity::Minor
    };
    super::found(
        DifferenceKind::QuoteWording,
        severity,
        (Some(source), Some(article)),
        q1.matches.last().copied(),
        change,
    )
}

/// Drops the words left out between two quoted parts that a scope difference already tells
/// ("Should the economy improve, we will look again" quoted from "we will look again": the
/// condition dropped, major, says more than "left out between the quoted parts").
pub(super) fn drop_told(out: &mut Vec<Difference>) {
    let scopes: Vec<Span> = out
        .iter()
        .filter(|x| x.kind == DifferenceKind::Scope)
        .filter_map(|x| x.source)
        .collect();
    out.retain(|x| {
        let Change::LeftOut {
            reversed: false, ..
        } = x.change
        else {
            return true;
        };
        let Some(left) = x.source else {
            return true;
        };
        !scopes
            .iter()
            .any(|s| left.contains(s) && s.len() * 2 >= left.len())
    });
}

#[cfg(test)]
mod tests {
    use crate::differences::tests::differences;
    use crate::differences::DifferenceKind;

    #[test]
    fn the_sources_long_attribution_or_a_part_cut_short_is_not_left_out_between_parts() {
        // The source's attribution carries the speaker's office: still only an attribution.
        let d = differences(
            "«A operação decorreu sem incidentes e envolveu agentes de todo o distrito», afirmou o superintendente Rui Tavares, comandante distrital da PSP de Setúbal. «Vamos continuar a combater o tráfico na região.»",
            "«A operação decorreu sem incidentes e envolveu agentes de todo o distrito», afirmou o comissário Rui Tavares. «Vamos continuar a combater o tráfico na região.»",
        );
        assert!(
            !d.iter().any(|(_, _, n)| n.contains("quoted parts")),
            "{d:?}"
        );
        // The first part cut short, the attribution reused as it stands: the cut is the
        // dropped negation's to show, not something left out between the parts.
        let d = differences(
            "“We moeten sneller bouwen, zonder de kwaliteit uit het oog te verliezen”, zei De Vries. “Gemeenten krijgen meer ruimte om zelf te beslissen.”",
            "“We moeten sneller bouwen”, zei De Vries. “Gemeenten krijgen ruimte om zelf te beslissen.”",
        );
        assert!(
            !d.iter().any(|(_, _, n)| n.contains("quoted parts")),
            "{d:?}"
        );
    }

    /// A condition opening the second quoted part, dropped: shown once, as the condition.
    #[test]
    fn a_condition_dropped_between_quoted_parts_is_told_once() {
        let d = differences(
            "Rail minister Lord Hendy said the cap would stay. \"We are keeping this under close review,\" he said. \"Should the economy improve, we will look again at the cap for 2027.\"",
            "Rail minister Lord Hendy said the cap would stay. \"We are keeping this under close review,\" he said. \"We will look again at the cap for 2027.\"",
        );
        assert!(
            d.iter()
                .any(|(k, _, n)| *k == DifferenceKind::Scope && n.contains("condition")),
            "{d:?}"
        );
        assert!(
            d.iter().all(|(_, _, n)| !n.contains("left out between")),
            "{d:?}"
        );
    }
}
