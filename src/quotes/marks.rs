//! Finding quotations in a text: which marks open and close them.
//!
//! Quotation marks are ambiguous: a straight `"` both opens and closes, `’` is also an
//! apostrophe (`agent’s`, `’90s`, the plural possessive `agents’`), German opens with `„` and
//! closes with `“` (which opens in English), French uses `« »` with spaces inside, and a
//! quotation that runs over several paragraphs leaves each paragraph open and reopens the next
//! one. A regular expression cannot keep those apart, so this module scans each paragraph with
//! a stack of open marks and decides every mark from its neighbours. It reports top-level
//! quotations only; quotations nested inside them are part of their text.

use super::Quotation;
use crate::normalize::{is_apostrophe, is_quote_mark, is_word_char};
use crate::span::Span;

/// Kinds of opening mark, each with the closers that end it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `"` straight double.
    StraightDouble,
    /// `'` straight single.
    StraightSingle,
    /// `“` English double (closed by `”`).
    CurlyDouble,
    /// `‘` English single (closed by `’`).
    CurlySingle,
    /// `„` low double (closed by `“` German, or `”` Polish/Romanian).
    LowDouble,
    /// `‚` low single (closed by `‘` or `’`).
    LowSingle,
    /// `«` (closed by `»`).
    Guillemet,
    /// `»` opening, German style (closed by `«`).
    ReversedGuillemet,
    /// `‹` single guillemet (closed by `›`).
    SingleGuillemet,
    /// `「` corner bracket, Chinese and Japanese (closed by `」`).
    Corner,
    /// `『` white corner bracket, a quotation inside `「」` or a title (closed by `』`).
    WhiteCorner,
    /// `〝` double prime (closed by `〞` or `〟`).
    DoublePrime,
    /// `＂` full-width straight double (closed by another).
    FullWidthDouble,
}

impl Mark {
    fn opener(c: char) -> Option<Mark> {
        Some(match c {
            '"' => Mark::StraightDouble,
            '\'' => Mark::StraightSingle,
            '\u{201c}' => Mark::CurlyDouble,
            '\u{2018}' => Mark::CurlySingle,
            '\u{201e}' => Mark::LowDouble,
            '\u{201a}' => Mark::LowSingle,
            '\u{ab}' => Mark::Guillemet,
            '\u{bb}' => Mark::ReversedGuillemet,
            '\u{2039}' => Mark::SingleGuillemet,
            '\u{300c}' => Mark::Corner,
            '\u{300e}' => Mark::WhiteCorner,
            '\u{301d}' => Mark::DoublePrime,
            '\u{ff02}' => Mark::FullWidthDouble,
            _ => return None,
        })
    }

    fn closed_by(self, c: char) -> bool {
        match self {
            Mark::StraightDouble => c == '"' || c == '\u{201d}',
            Mark::StraightSingle => c == '\'' || c == '\u{2019}',
            Mark::CurlyDouble => c == '\u{201d}' || c == '"',
            Mark::CurlySingle => c == '\u{2019}' || c == '\'',
            Mark::LowDouble => c == '\u{201c}' || c == '\u{201d}',
            Mark::LowSingle => c == '\u{2018}' || c == '\u{2019}',
            Mark::Guillemet => c == '\u{bb}',
            Mark::ReversedGuillemet => c == '\u{ab}',
            Mark::SingleGuillemet => c == '\u{203a}',
            Mark::Corner => c == '\u{300d}',
            Mark::WhiteCorner => c == '\u{300f}',
            Mark::DoublePrime => c == '\u{301e}' || c == '\u{301f}',
            Mark::FullWidthDouble => c == '\u{ff02}',
        }
    }

    fn is_single(self) -> bool {
        matches!(
            self,
            Mark::StraightSingle
                | Mark::CurlySingle
                | Mark::LowSingle
                | Mark::SingleGuillemet
                | Mark::WhiteCorner
        )
    }

    /// Chinese and Japanese marks: the text has no spaces around them, and each mark is
    /// either an opener or a closer, so an opener opens wherever it stands.
    fn is_cjk(self) -> bool {
        matches!(
            self,
            Mark::Corner | Mark::WhiteCorner | Mark::DoublePrime | Mark::FullWidthDouble
        )
    }
}

/// Characters after which a quotation may open: start of text, space, opening punctuation.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ';' | ',')
                || (is_quote_mark(p) && p != '\'' && p != '\u{2019}')
        }
    }
}

/// A paragraph of text. Where the text has blank lines, they separate paragraphs and a
/// single line break is only a wrapped line (hard-wrapped releases, transcripts); without
/// blank lines, each line is a paragraph (articles that put one paragraph on each line).
struct Paragraph {
    start: usize,
    end: usize,
}

fn paragraphs(text: &str) -> Vec<Paragraph> {
    let blank_line_separated = has_blank_line(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{2029}' {
            let line_blank = text[line_start..i].trim().is_empty();
            if !blank_line_separated || line_blank || c == '\u{2029}' {
                out.push(Paragraph { start, end: i });
                start = i + c.len_utf8();
            }
            line_start = i + c.len_utf8();
        }
    }
    out.push(Paragraph {
        start,
        end: text.len(),
    });
    out.retain(|p| !text[p.start..p.end].trim().is_empty());
    out
}

fn has_blank_line(text: &str) -> bool {
    let mut previous_was_break = false;
    for c in text.chars() {
        match c {
            '\n' if previous_was_break => return true,
            '\n' => previous_was_break = true,
            ' ' | '\t' | '\r' | '\u{a0}' => {}
            _ => previous_was_break = false,
        }
    }
    false
}

/// An open mark on the stack: its kind and the byte offset of the mark.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    at: usize,
    len: usize,
}

/// The quotations of `text`, in order, without speakers (all `None`): naming speakers is a separate pass,
/// [`assign_speakers`], that a caller may run beside other work.
pub fn find_unattributed(text: &str) -> Vec<Quotation> {
    let paras = paragraphs(text);
    let mut found: Vec<Quotation> = Vec::new();
    // An outer quotation left open at the end of the previous paragraph.
    let mut carried: Option<Open> = None;
    for (pi, para) in paras.iter().enumerate() {
        let body = &text[para.start..para.end];
        let chars: Vec<(usize, char)> = body
            .char_indices()
            .map(|(i, c)| (i + para.start, c))
            .collect();
        let mut stack: Vec<Open> = Vec::new();
        let mut first_word_seen = false;
        if let Some(open) = carried.take() {
            stack.push(open);
        }
        for k in 0..chars.len() {
            let (at, c) = chars[k];
            if is_word_char(c) {
                first_word_seen = true;
            }
            if !is_quote_mark(c) {
                continue;
            }
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            let next = chars.get(k + 1).map(|&(_, n)| n);
            // A reopening mark at the start of a continued paragraph is not a new quotation.
            if !first_word_seen
                && stack.len() == 1
                && stack[0].at < para.start
                && Mark::opener(c).is_some_and(|m| same_family(m, stack[0].mark))
            {
                first_word_seen = true;
                continue;
            }
            if is_apostrophe_here(c, prev, next, &chars, k, &stack) {
                continue;
            }
            // Close the innermost open quotation this mark can close. A mark that reads as an
            // opener (space before, word after) only closes when it cannot open anything new
            // inside: `“a „b“ c”` closes the `„`, but `“a “b” c”` nests.
            let looks_open = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
            if let Some(depth) = stack.iter().rposition(|o| o.mark.closed_by(c)) {
                let ambiguous = Mark::opener(c).is_some() && c != '"';
                if !(ambiguous && looks_open && depth + 1 < stack.len()) {
                    let open = stack[depth];
                    stack.truncate(depth);
                    if stack.is_empty() {
                        found.push(make_quotation(text, open, at, c.len_utf8(), true));
                    }
                    continue;
                }
            }
            if let Some(mark) = Mark::opener(c) {
                let opens = looks_open
                    || (mark == Mark::Guillemet && opens_after(prev))
                    || (mark.is_cjk() && next.is_some());
                if opens && closer_follows(mark, &chars[k + 1..]) {
                    stack.push(Open {
                        mark,
                        at,
                        len: c.len_utf8(),
                    });
                }
            }
        }
        // A paragraph that leaves a quotation open: does the next one continue it?
        if let Some(&outer) = stack.first() {
            let next = paras.get(pi + 1).map(|n| &text[n.start..n.end]);
            if next.is_some_and(|next| continues(next, outer.mark)) {
                carried = Some(outer);
            } else {
                found.push(make_quotation(text, outer, para.end, 0, false));
            }
        }
    }
    found.sort_by_key(|q| q.outer.start);
    found.retain(|q| !q.inner.is_empty());
    found
}

/// True when an opening `mark` can be closed in `rest` of its paragraph: `»` opens only in
/// the German reversed style, where a `«` closes later; a single mark needs a closer.
fn closer_follows(mark: Mark, rest: &[(usize, char)]) -> bool {
    match mark {
        Mark::ReversedGuillemet => rest.iter().any(|&(_, d)| d == '\u{ab}'),
        Mark::StraightSingle | Mark::CurlySingle => has_single_closer(rest),
        _ => true,
    }
}

/// True when paragraph `next` continues a quotation opened with `mark` and left open: it
/// reopens it (the convention for a quotation over several paragraphs), or closes it first
/// thing (then the break was only a line break inside the quotation).
fn continues(next: &str, mark: Mark) -> bool {
    let reopens = next
        .trim_start()
        .chars()
        .next()
        .and_then(Mark::opener)
        .is_some_and(|m| same_family(m, mark));
    reopens || closes_first(next, mark)
}

/// True when the first quotation mark of `paragraph` that could close `mark` does close it
/// (a non-space before it) and no opening mark of the same family comes before it.
fn closes_first(paragraph: &str, mark: Mark) -> bool {
    let mut prev: Option<char> = None;
    for c in paragraph.chars() {
        if is_quote_mark(c) && !(is_apostrophe(c) && prev.is_some_and(is_word_char)) {
            if mark.closed_by(c) && prev.is_some_and(|p| !p.is_whitespace()) {
                return true;
            }
            if Mark::opener(c).is_some_and(|m| same_family(m, mark)) {
                return false;
            }
        }
        prev = Some(c);
    }
    false
}

fn same_family(a: Mark, b: Mark) -> bool {
    a == b || (!a.is_single() && !b.is_single())
}

/// True when a `'`/`’`/`‘` at this place is an apostrophe rather than a quotation mark.
fn is_apostrophe_here(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    chars: &[(usize, char)],
    k: usize,
    stack: &[Open],
) -> bool {
    if !is_apostrophe(c) || !matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
        return false;
    }
    let word_before = prev.is_some_and(is_word_char);
    let word_after = next.is_some_and(is_word_char);
    if word_before && word_after {
        return true; // don't, agent’s, l’État
    }
    if !word_before && word_after {
        // ’90s, ’em, ’til: elisions at the start of a word.
        let rest: String = chars[k + 1..].iter().take(4).map(|&(_, d)| d).collect();
        let digits = rest.chars().take_while(|d| d.is_ascii_digit()).count();
        let after_digits = rest.chars().nth(2);
        if digits == 2 && (after_digits == Some('s') || !after_digits.is_some_and(is_word_char)) {
            return true;
        }
        let lower = rest.to_lowercase();
        let elision = |w: &str| {
            lower
                .strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        };
        if super::lists::lists().elisions.iter().any(elision) {
            return c != '\u{2018}' || !has_single_closer(&chars[k + 1..]);
        }
        return false;
    }
    if word_before && !word_after {
        // A plural possessive (`agents’ presence`) unless a single quotation is open and this
        // is the most plausible place to close it.
        let single_open = stack.iter().any(|o| o.mark.is_single());
        if !single_open {
            return true;
        }
        if prev == Some('s') && next == Some(' ') {
            let after: Vec<char> = chars[k + 1..].iter().take(3).map(|&(_, d)| d).collect();
            let lower_word_follows = after.get(1).is_some_and(|d| d.is_lowercase());
            let later_closer = has_single_closer(&chars[k + 1..]);
            if lower_word_follows && later_closer {
                return true;
            }
        }
        return false;
    }
    false
}

/// True when a later single mark in the paragraph could close a single quotation.
fn has_single_closer(rest: &[(usize, char)]) -> bool {
    (0..rest.len()).any(|j| {
        let c = rest[j].1;
        if !matches!(c, '\'' | '\u{2019}') {
            return false;
        }
        let prev = if j > 0 { Some(rest[j - 1].1) } else { None };
        let next = rest.get(j + 1).map(|&(_, n)| n);
        prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(is_word_char)
    })
}

fn make_quotation(
    text: &str,
    open: Open,
    close_at: usize,
    close_len: usize,
    closed: bool,
) -> Quotation {
    let outer = Span::new(open.at, close_at + close_len);
    let mut start = open.at + open.len;
    let mut end = close_at.max(start);
    let inner_text = &text[start..end];
    let lead = inner_text.len() - inner_text.trim_start().len();
    let trail = inner_text.len() - inner_text.trim_end().len();
    start += lead;
    end = (end - trail).max(start);
    Quotation {
        inner: Span::new(start, end),
        outer,
        closed,
        speaker: None,
        speaker_kind: None,
        speaker_span: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_quotations;

    fn inner(text: &str) -> Vec<&str> {
        find_quotations(text)
            .into_iter()
            .map(|q| q.inner.slice(text))
            .collect::<Vec<_>>()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            inner(r#"He said "we will go" and "stay.""#),
            ["we will go", "stay."]
        );
        assert_eq!(inner("He said “we will go” today."), ["we will go"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let t = "The agent’s visit in the ’90s and the agents’ presence, he said, wasn't ‘rock and roll’.";
        assert_eq!(inner(t), ["rock and roll"]);
        let british = "‘The agents’ presence was a mistake,’ he said.";
        assert_eq!(inner(british), ["The agents’ presence was a mistake,"]);
        assert!(inner("It's the agents' job and the '90s era.").is_empty());
    }

    #[test]
    fn nested_and_british_order() {
        assert_eq!(
            inner("She said: “He called it ‘a disgrace’ twice.”"),
            ["He called it ‘a disgrace’ twice."]
        );
        assert_eq!(
            inner("‘The Mayor said “no” today,’ he added."),
            ["The Mayor said “no” today,"]
        );
    }

    #[test]
    fn guillemets_and_german_marks() {
        assert_eq!(
            inner("Il a dit : « Nous resterons unis » hier."),
            ["Nous resterons unis"]
        );
        assert_eq!(
            inner("Er sagte: „Wir bleiben hier“, so der Minister."),
            ["Wir bleiben hier"]
        );
        assert_eq!(
            inner("Er sagte: »Wir bleiben hier«, so der Minister."),
            ["Wir bleiben hier"]
        );
    }

    #[test]
    fn quotation_over_several_paragraphs() {
        let t = "He wrote:\n\n“First paragraph goes on.\n\n“Second paragraph ends here.”\n\nAfter.";
        let qs = find_quotations(t);
        assert_eq!(qs.len(), 1);
        assert!(qs[0].closed);
        assert_eq!(
            qs[0].inner.slice(t),
            "First paragraph goes on.\n\n“Second paragraph ends here."
        );
    }

    #[test]
    fn hard_wrapped_quotation_spans_lines() {
        let t = "He said, \"this quotation is wrapped\nacross two lines,\" and left.\n\nNext paragraph.";
        assert_eq!(inner(t), ["this quotation is wrapped\nacross two lines,"]);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        let t = "He said “this never closes.\nNext paragraph “is separate”.";
        let qs = find_quotations(t);
        assert_eq!(qs.len(), 2);
        assert!(!qs[0].closed);
        assert_eq!(qs[0].inner.slice(t), "this never closes.");
    }
}
