//! Figures whose unit changed between the documents, wherever they stand.
//!
//! A lead sentence is often rewritten whole, so the figure it carries is in no aligned pair:
//! "cut the rate to 6.5 percent" becomes "cut rates to 6.5 points". A distinctive figure
//! (a decimal, or a number above a dozen) that the source gives only with one unit and the
//! article only with another is a changed fact, aligned or not.

use crate::span::{floor_char_boundary, Span};

use super::align::{Keyer, Word};
use super::words;
use super::{Change, Difference, DifferenceKind, Severity};

/// A figure, and the unit of the list that follows it.
pub(super) struct Figure {
    pub value: f64,
    pub unit: Option<usize>,
    /// The figure and its unit.
    pub span: Span,
}

/// Most bytes read after a figure for its unit ("percentage points" and some space).
const UNIT_WINDOW: usize = 40;

/// The unit of the list that `words` open with, and how many words name it (a two-word
/// unit such as "percentage points" before a one-word one).
pub(super) fn unit_at(words: &[Word]) -> Option<(usize, usize)> {
    let units = &words::get().units;
    let one = words.first()?;
    if let Some(two) = words.get(1) {
        if let Some(u) = units.get(&format!("{} {}", one.norm, two.norm)) {
            return Some((*u, 2));
        }
    }
    units.get(one.norm.as_str()).map(|u| (*u, 1))
}

/// The figures of `text`, with their units where the list knows them.
pub(super) fn figures(text: &str, keyer: &Keyer) -> Vec<Figure> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b',')
        {
            i += 1;
        }
        let mut end = i;
        while end > start && !bytes[end - 1].is_ascii_digit() {
            end -= 1;
        }
        let Some(value) = keyer.value(&text[start..end]) else {
            continue;
        };
        let stop = floor_char_boundary(text, end + UNIT_WINDOW);
        let after = keyer.words(text, Span::new(end, stop));
        // A one-word unit must follow the figure at once ("6.5 percent", "6.5%").
        let unit = unit_at(&after)
            .filter(|&(_, len)| len == 2 || after[0].span.start <= end + 1)
            .map(|(unit, len)| (unit, after[len - 1].span.end));
        out.push(Figure {
            value,
            unit: unit.map(|u| u.0),
            span: Span::new(start, unit.map_or(end, |u| u.1)),
        });
    }
    out
}

fn distinctive(value: f64) -> bool {
    value.fract() != 0.0 || value > 12.0
}

/// Adds a difference for each distinctive figure the two documents give with other units.
pub(super) fn of_documents(
    (source, article): (&str, &str),
    (s_figs, a_figs): &(Vec<Figure>, Vec<Figure>),
    out: &mut Vec<Difference>,
) {
    let found = out.len();
    for a in a_figs
        .iter()
        .filter(|f| f.unit.is_some() && distinctive(f.value))
    {
        let reported = out[..found].iter().any(|d| {
            d.kind == DifferenceKind::Number && d.article.is_some_and(|x| x.overlaps(&a.span))
        });
        let same_value: Vec<&Figure> = s_figs
            .iter()
            .filter(|s| s.value == a.value && s.unit.is_some())
            .collect();
        if reported || same_value.is_empty() || same_value.iter().any(|s| s.unit == a.unit) {
            continue;
        }
        let s = same_value[0];
        out.push(super::found(
            DifferenceKind::Number,
            Severity::Major,
            (Some(s.span), Some(a.span)),
            None,
            Change::Unit {
                from: s.span.slice(source).to_string(),
                to: a.span.slice(article).to_string(),
            },
        ));
    }
}
