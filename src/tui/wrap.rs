//! Word wrapping of a whole document into screen rows, measured with `unicode-width`.
//!
//! A document is wrapped once per pane width and kept ([`WrapCache`]); drawing a frame then
//! only reads the rows on screen, which keeps a megabyte-sized text as fast as a short one.
//! Rows are byte ranges into the original text, so highlights (byte spans) map onto them
//! directly and a scroll position can be kept as a byte offset that survives a re-wrap.
//! Paragraphs are kept: every line break ends a row and a blank line is an empty row. This
//! module measures and splits text; it draws nothing.

use unicode_width::UnicodeWidthChar;

/// One screen row: the bytes `start..end` of the text, without the line break or the
/// whitespace at which the line was wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// First byte of the row.
    pub start: usize,
    /// One past the last byte shown on the row.
    pub end: usize,
}

/// The columns a character takes: tabs count as one column (drawn as a space), control
/// characters as none, wide (CJK) characters as two and combining marks as none.
pub fn char_width(c: char) -> usize {
    if c == '\t' {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// The columns a string takes.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Wraps `text` into rows of at most `width` columns, breaking at whitespace; a word longer
/// than a row is split between characters. `width` is at least 1.
pub fn wrap(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::with_capacity(text.len() / width.max(20) + 1);
    let mut line_start = 0;
    for line in text.split('\n') {
        let content = line.strip_suffix('\r').unwrap_or(line);
        wrap_line(content, line_start, width, &mut rows);
        line_start += line.len() + 1;
    }
    rows
}

/// Wraps one line (no line break inside) that starts at byte `offset` of the text.
fn wrap_line(line: &str, offset: usize, width: usize, rows: &mut Vec<Row>) {
    let mut row = RowBuilder {
        width,
        start: offset,
        end: offset,
        col: 0,
        rows,
    };
    // Width of the whitespace between the last word placed and the next one.
    let mut pending_space = 0usize;
    let mut word: Option<(usize, usize)> = None; // (start, width)
    let mut leading = true;
    for (i, c) in line.char_indices() {
        let at = offset + i;
        if c.is_whitespace() && !leading {
            if let Some((start, w)) = word.take() {
                row.place(&line[start - offset..i], start, w, pending_space);
                pending_space = 0;
            }
            pending_space += char_width(c);
        } else {
            // Leading indentation belongs to the first word, so it is kept on screen.
            leading &= c.is_whitespace();
            let (start, w) = word.unwrap_or((at, 0));
            word = Some((start, w + char_width(c)));
        }
    }
    if let Some((start, w)) = word {
        row.place(&line[start - offset..], start, w, pending_space);
    }
    let last = Row {
        start: row.start,
        end: row.end,
    };
    rows.push(last);
}

/// The row being filled while a line is wrapped.
struct RowBuilder<'r> {
    width: usize,
    start: usize,
    end: usize,
    col: usize,
    rows: &'r mut Vec<Row>,
}

impl RowBuilder<'_> {
    /// Places `word` (starting at byte `start`, `word_width` columns) after `space` columns of
    /// whitespace, starting a new row when it does not fit.
    fn place(&mut self, word: &str, start: usize, word_width: usize, space: usize) {
        let end = start + word.len();
        if self.col > 0 && self.col + space + word_width <= self.width {
            self.col += space + word_width;
            self.end = end;
            return;
        }
        if self.col > 0 {
            self.rows.push(Row {
                start: self.start,
                end: self.end,
            });
        }
        self.start = start;
        self.col = 0;
        // A word longer than the row is split between characters.
        for (i, c) in word.char_indices() {
            let w = char_width(c);
            if self.col > 0 && self.col + w > self.width {
                self.rows.push(Row {
                    start: self.start,
                    end: start + i,
                });
                self.start = start + i;
                self.col = 0;
            }
            self.col += w;
        }
        // A row holding only zero-width characters still counts as started.
        self.col = self.col.max(1);
        self.end = end;
    }
}

/// A document wrapped at one width, kept until the width changes.
#[derive(Debug, Clone, Default)]
pub struct WrapCache {
    width: usize,
    rows: Vec<Row>,
}

impl WrapCache {
    /// Wraps `text` at `width` unless it is already wrapped at that width; true when it had
    /// to wrap.
    pub fn ensure(&mut self, text: &str, width: usize) -> bool {
        let width = width.max(1);
        if self.width == width && !self.rows.is_empty() {
            return false;
        }
        self.width = width;
        self.rows = wrap(text, width);
        true
    }

    /// The rows (empty before the first [`WrapCache::ensure`]).
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The width the rows were made for.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The row that shows byte `at` (the row before it when `at` is wrapping whitespace).
    pub fn row_of(&self, at: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= at)
            .saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_and_keeps_paragraphs() {
        let text = "The Mayor and Secretary discussed the presence of two agents.\n\nThey pledged to work together.";
        assert_eq!(
            lines(text, 24),
            vec![
                "The Mayor and Secretary",
                "discussed the presence",
                "of two agents.",
                "",
                "They pledged to work",
                "together.",
            ]
        );
    }

    #[test]
    fn a_1600_character_line_fits_its_width_everywhere() {
        let sentence = "De Blasio said the agents’ presence was “non-conducive to the learning environment” and asked DHS to work remotely. ";
        let text = sentence.repeat(1600 / sentence.len() + 1);
        let rows = wrap(&text, 57);
        assert!(rows.len() > 25);
        for r in &rows {
            let row = &text[r.start..r.end];
            assert!(str_width(row) <= 57, "{row:?}");
            assert!(!row.starts_with(' ') && !row.ends_with(' '), "{row:?}");
        }
        // Nothing but the wrapping spaces is lost.
        let joined: String = rows
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, text.trim_end());
    }

    #[test]
    fn wide_and_combining_characters_are_measured() {
        // Each CJK character takes two columns; the combining accent takes none.
        let text = "東京都知事の記者会見 cafe\u{301} cafe\u{301}";
        assert_eq!(str_width("cafe\u{301}"), 4);
        let rows = lines(text, 10);
        assert_eq!(
            rows,
            vec!["東京都知事", "の記者会見", "cafe\u{301} cafe\u{301}"]
        );
        assert_eq!(
            lines("cafe\u{301} cafe\u{301}", 8),
            vec!["cafe\u{301}", "cafe\u{301}"]
        );
    }

    #[test]
    fn long_words_are_split_and_crlf_is_dropped() {
        assert_eq!(
            lines("https://www1.nyc.gov/office-of-the-mayor\r\nnext", 12),
            vec![
                "https://www1",
                ".nyc.gov/off",
                "ice-of-the-m",
                "ayor",
                "next"
            ]
        );
    }

    #[test]
    fn cache_rewraps_only_on_a_new_width_and_finds_rows() {
        let text = "Mayor Bill de Blasio met Secretary John Kelly in Washington.";
        let mut cache = WrapCache::default();
        assert!(cache.ensure(text, 20));
        assert!(!cache.ensure(text, 20));
        let kelly = text.find("Kelly").unwrap();
        let row = cache.row_of(kelly);
        let r = cache.rows()[row];
        assert!(text[r.start..r.end].contains("Kelly"));
        assert!(cache.ensure(text, 80));
        assert_eq!(cache.rows().len(), 1);
        assert_eq!(cache.row_of(kelly), 0);
    }
}
