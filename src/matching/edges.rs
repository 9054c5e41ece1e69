//! Growing a passage past its ends: a changed, dropped or added word, an editor's
//! [bracketed] words, an ellipsis, a contraction. Runs are seeded from three or four equal
//! words; the one or two words around a change are found here.

use std::ops::Range;

use super::{Words, ELLIPSIS_SKIP};

/// English contractions: the full word and what is left of it after the apostrophe.
pub(super) const CONTRACTIONS: &[(&str, &str)] = &[
    ("have", "ve"),
    ("are", "re"),
    ("is", "s"),
    ("has", "s"),
    ("will", "ll"),
    ("would", "d"),
    ("had", "d"),
    ("not", "nt"),
    ("am", "m"),
    ("us", "s"),
];

/// True when `short` is `first` and `second` contracted ("weve" for "we have").
pub(super) fn is_contraction(short: &str, first: &str, second: &str) -> bool {
    // Most calls compare unrelated words: the lengths alone rule them out.
    if !(1..=2).contains(&short.len().saturating_sub(first.len())) || second.len() > 5 {
        return false;
    }
    short.strip_prefix(first).is_some_and(|rest| {
        CONTRACTIONS
            .iter()
            .any(|&(full, tail)| full == second && rest == tail)
    })
}

/// Article word `a` contracts source words `s` and `s + 1`.
pub(super) fn contracts(w: &Words, a: usize, s: usize) -> bool {
    is_contraction(
        &w.article_tokens[a].norm,
        &w.source_tokens[s].norm,
        &w.source_tokens[s + 1].norm,
    )
}

/// Article words `a` and `a + 1` are source word `s` spelt out.
pub(super) fn expands(w: &Words, a: usize, s: usize) -> bool {
    is_contraction(
        &w.source_tokens[s].norm,
        &w.article_tokens[a].norm,
        &w.article_tokens[a + 1].norm,
    )
}

/// False when no rule of [`extend_edges`] can grow the passage: the words just around it
/// differ in every way edge growth looks at (no equal word within the largest skip, no
/// variant, bracket, ellipsis or contraction). Most chains are a chance overlap of a few
/// words; this look is far cheaper than trying every rule on them.
pub(super) fn may_grow(a_range: &Range<usize>, s_range: &Range<usize>, w: &Words) -> bool {
    let (aids, sids) = (w.aids, w.sids);
    let equal = |a: Option<usize>, s: Option<usize>| match (a, s) {
        (Some(a), Some(s)) => a < aids.len() && s < sids.len() && aids[a] == sids[s],
        _ => false,
    };
    // Skips reach two article words and three source words (see `extend_edges`).
    let near = |a: usize, s: usize, forward: bool| {
        (0..=2).any(|da| {
            (0..=3).any(|ds| {
                if forward {
                    equal(Some(a + da), Some(s + ds))
                } else {
                    equal(a.checked_sub(da + 1), s.checked_sub(ds + 1))
                }
            })
        })
    };
    let (a, s) = (a_range.end, s_range.end);
    if a < aids.len()
        && (near(a, s, true)
            || w.bracketed(a)
            || w.ellipsis(a)
            || (s < sids.len() && is_variant(w, a, s))
            || (s + 1 < sids.len() && contracts(w, a, s))
            || (a + 1 < aids.len() && s < sids.len() && expands(w, a, s)))
    {
        return true;
    }
    let (a, s) = (a_range.start, s_range.start);
    a > 0
        && (near(a, s, false)
            || w.bracketed(a - 1)
            || w.ellipsis(a)
            || (s >= 1 && is_variant(w, a - 1, s - 1))
            || (s >= 2 && contracts(w, a - 1, s - 2))
            || (a >= 2 && s >= 1 && expands(w, a - 2, s - 1)))
}

/// Article word `a` stands where source word `s` did with a change a reader must see, not a
/// different phrase: another figure ("12.6" for "12.8") or another form of the same word
/// ("marcado" for "marcados", "zentrale" for "zentraler").
pub(super) fn is_variant(w: &Words, a: usize, s: usize) -> bool {
    let (x, y) = (
        w.article_tokens[a].norm.as_str(),
        w.source_tokens[s].norm.as_str(),
    );
    let digit = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    if digit(x) && digit(y) {
        return true;
    }
    // Most pairs tried differ from the first letter: no need to count.
    if x.as_bytes().first() != y.as_bytes().first() || x.len().min(y.len()) < 4 {
        return false;
    }
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    let (lx, ly) = (x.chars().count(), y.chars().count());
    common >= 4 && lx.abs_diff(ly) <= 3 && lx.min(ly) - common <= 2
}

/// Grows a passage past a changed, dropped or added word at either end when matching words
/// follow (too few to have seeded a run of their own).
pub(super) fn extend_edges(
    a_range: &mut Range<usize>,
    s_range: &mut Range<usize>,
    w: &Words,
    claimed: &[bool],
) {
    let (sids, aids, segments) = (w.sids, w.aids, w.segments);
    let quoted = w.regions[a_range.start].is_some();
    // Inside quotation marks an editor also drops two or three words ("Dos años, como
    // decía, difíciles" quoted as "Dos años difíciles") or swaps two.
    let skips: &[(usize, usize)] = if quoted {
        &[(1, 1), (1, 0), (0, 1), (0, 2), (2, 2), (0, 3)]
    } else {
        &[(1, 1), (1, 0), (0, 1)]
    };
    // Forward, within the segment of the passage's last word.
    let segment = segments[a_range.end - 1];
    let free = |i: usize| !claimed[i] && segments[i] == segment;
    // How many equal words follow from article word `a` and source word `s`, and whether
    // they reach the end of the segment (a quotation's closing mark).
    let run_after = |a: usize, s: usize| {
        let mut m = 0;
        while a + m < aids.len() && s + m < sids.len() && free(a + m) && aids[a + m] == sids[s + m]
        {
            m += 1;
        }
        (m, a + m == aids.len() || segments[a + m] != segment)
    };
    // Enough to grow by: two words, or one that reaches the end of a quotation. A single
    // skipped word may resume on less when it is a variant of the source's (a changed
    // figure, "marcado" for "marcados"): one word, or none at a quotation's or sentence's
    // end, because that is exactly where a fact-checker wants the passage to reach.
    let grows_forward = |(a, s): (usize, usize), (da, ds): (usize, usize), (m, at_edge)| {
        let swap = (da, ds) == (1, 1) && is_variant(w, a - 1, s - 1);
        let sentence_end =
            (a == aids.len() || w.starts(a)) && (s == sids.len() || w.source_starts(s));
        let single = da <= 1 && ds <= 1;
        m >= 2
            || (single && m >= 1 && at_edge && quoted)
            || (swap && (m >= 1 || (m == 0 && (at_edge && quoted || sentence_end))))
    };
    for _ in 0..3 {
        let mut grown = false;
        for &(da, ds) in skips {
            let (a, s) = (a_range.end + da, s_range.end + ds);
            if a > aids.len() || s > sids.len() {
                continue;
            }
            let skipped_free = (a_range.end..a).all(free);
            let (m, at_edge) = run_after(a, s);
            if skipped_free && grows_forward((a, s), (da, ds), (m, at_edge)) {
                a_range.end = a + m;
                s_range.end = s + m;
                grown = true;
                break;
            }
        }
        if !grown {
            break;
        }
    }
    let resume_after = |a: usize, s: usize| {
        let (m, at_edge) = run_after(a, s);
        (m >= 2 || (m >= 1 && at_edge && quoted)).then_some(m)
    };
    // An editor's [bracketed] words inside the passage ("nous [la Banque de France] qui"):
    // an insertion, after which the source resumes where it was.
    let mut a = a_range.end;
    while a < aids.len() && free(a) && w.bracketed(a) && a - a_range.end < 6 {
        a += 1;
    }
    if a > a_range.end {
        if let Some(m) = resume_after(a, s_range.end) {
            a_range.end = a + m;
            s_range.end += m;
        }
    }
    // Past an ellipsis at the end: the article resumes further on in the source.
    let a = a_range.end;
    if a < aids.len() && w.ellipsis(a) && free(a) {
        let window = s_range.end..(s_range.end + ELLIPSIS_SKIP).min(sids.len());
        let resume = window
            .into_iter()
            .find_map(|s| resume_after(a, s).map(|m| (s, m)));
        if let Some((s, m)) = resume {
            a_range.end = a + m;
            s_range.end = s + m;
        }
    }
    // A contraction at the end: "we have" in the source, "we've" in the article, or back.
    let (a, s) = (a_range.end, s_range.end);
    if a < aids.len() && free(a) {
        if s + 1 < sids.len() && contracts(w, a, s) {
            a_range.end += 1;
            s_range.end += 2;
        } else if a + 1 < aids.len() && free(a + 1) && s < sids.len() && expands(w, a, s) {
            a_range.end += 2;
            s_range.end += 1;
        }
    }
    // An editor's [bracketed] words closing the quotation: an insertion.
    let mut end = a_range.end;
    while end < aids.len() && free(end) && w.bracketed(end) && end - a_range.end < 6 {
        end += 1;
    }
    if end > a_range.end && (end == aids.len() || segments[end] != segment) {
        a_range.end = end;
    }
    // Backward, within the segment of the passage's first word.
    let segment = segments[a_range.start];
    let free = |i: usize| !claimed[i] && segments[i] == segment;
    // The same, reading backwards from before article word `a` and source word `s`.
    let run_before = |a: usize, s: usize| {
        let mut m = 0;
        while a > m && s > m && free(a - m - 1) && aids[a - m - 1] == sids[s - m - 1] {
            m += 1;
        }
        (m, a == m || segments[a - m - 1] != segment)
    };
    let resume_before = |a: usize, s: usize| {
        let (m, at_edge) = run_before(a, s);
        (m >= 2 || (m >= 1 && at_edge && quoted)).then_some(m)
    };
    let mut a = a_range.start;
    while a > 0 && free(a - 1) && w.bracketed(a - 1) && a_range.start - a < 6 {
        a -= 1;
    }
    if a < a_range.start {
        if let Some(m) = resume_before(a, s_range.start) {
            a_range.start = a - m;
            s_range.start -= m;
        }
    }
    let grows_backward = |(a, s): (usize, usize), (da, ds): (usize, usize), (m, at_edge)| {
        let swap = (da, ds) == (1, 1) && is_variant(w, a, s);
        let sentence_start = w.starts(a) && w.source_starts(s);
        let single = da <= 1 && ds <= 1;
        m >= 2
            || (single && m >= 1 && at_edge && quoted)
            || (swap && (m >= 1 || (m == 0 && (at_edge && quoted || sentence_start))))
    };
    for _ in 0..3 {
        let mut grown = false;
        for &(da, ds) in skips {
            if a_range.start < da + 1 || s_range.start < ds + 1 {
                continue;
            }
            let (a, s) = (a_range.start - da, s_range.start - ds);
            let skipped_free = (a..a_range.start).all(free);
            let (m, at_edge) = run_before(a, s);
            if skipped_free && grows_backward((a, s), (da, ds), (m, at_edge)) {
                a_range.start = a - m;
                s_range.start = s - m;
                grown = true;
                break;
            }
        }
        if !grown {
            break;
        }
    }
    // An editor's [bracketed] words opening the quotation ("[The mayor] said"): they stand
    // for as many source words before the passage, within its sentence.
    let mut start = a_range.start;
    while start > 0 && free(start - 1) && w.bracketed(start - 1) && a_range.start - start < 6 {
        start -= 1;
    }
    if start < a_range.start && (start == 0 || segments[start - 1] != segment) {
        let mut s = s_range.start;
        while s > 0 && s_range.start - s < a_range.start - start && !w.source_starts(s) {
            s -= 1;
        }
        a_range.start = start;
        s_range.start = s;
    }
    // A contraction at the start ("We've made" for "We have made"), or the other way.
    let (a, s) = (a_range.start, s_range.start);
    if a >= 1 && free(a - 1) {
        if s >= 2 && contracts(w, a - 1, s - 2) {
            a_range.start -= 1;
            s_range.start -= 2;
        } else if a >= 2 && free(a - 2) && s >= 1 && expands(w, a - 2, s - 1) {
            a_range.start -= 2;
            s_range.start -= 1;
        }
    }
    // Before an ellipsis at the start: the article took words from earlier in the source.
    let a = a_range.start;
    if w.ellipsis(a) && a > 0 && free(a - 1) {
        let window = s_range.start.saturating_sub(ELLIPSIS_SKIP)..s_range.start;
        let resume = window
            .rev()
            .find_map(|s| resume_before(a, s).map(|m| (s, m)));
        if let Some((s, m)) = resume {
            a_range.start = a - m;
            s_range.start = s - m;
        }
    }
}
