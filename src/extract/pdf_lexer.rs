//! A small lexer over PDF content streams: how many tokens a stream holds and which named
//! objects it draws (`/Name Do`), without building any of them. [`super::pdf_cost`] uses it
//! to tell what the PDF reader's parse of the stream will cost before the reader runs.

/// What one decoded content stream holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scanned {
    /// Its decoded size.
    pub bytes: u64,
    /// Operands and operators, each array and dictionary counting once more.
    pub tokens: u64,
    /// The names it draws with `Do`, and how many times each.
    pub draws: Vec<(Vec<u8>, u64)>,
}

/// Scans a decoded content stream.
pub fn scan(data: &[u8]) -> Scanned {
    let mut scanned = Scanned {
        bytes: data.len() as u64,
        ..Scanned::default()
    };
    let mut draws: std::collections::HashMap<&[u8], u64> = std::collections::HashMap::new();
    let mut last_name: Option<&[u8]> = None;
    let mut at = 0;
    while at < data.len() {
        let b = data[at];
        if is_space(b) {
            at += 1;
            continue;
        }
        let start = at;
        at = match b {
            b'%' => skip_line(data, at),
            b'(' => skip_string(data, at),
            b'<' if data.get(at + 1) == Some(&b'<') => at + 2,
            b'>' if data.get(at + 1) == Some(&b'>') => at + 2,
            b'<' => skip_past(data, at, b'>'),
            b'/' => regular_run(data, at + 1),
            b'[' | b']' | b'{' | b'}' | b')' | b'>' => at + 1,
            _ => regular_run(data, at).max(at + 1),
        };
        if b == b'%' {
            continue;
        }
        scanned.tokens += 1;
        let token = &data[start..at];
        match token {
            b"Do" => {
                if let Some(name) = last_name.take() {
                    *draws.entry(name).or_default() += 1;
                }
            }
            // An inline image: its data is binary, up to `EI`.
            b"ID" => at = skip_inline_image(data, at),
            _ if b == b'/' => last_name = Some(&token[1..]),
            _ => last_name = None,
        }
    }
    scanned.draws = draws.into_iter().map(|(n, k)| (n.to_vec(), k)).collect();
    scanned.draws.sort();
    scanned
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn regular_run(data: &[u8], from: usize) -> usize {
    from + data[from..]
        .iter()
        .position(|&b| is_space(b) || is_delimiter(b))
        .unwrap_or(data.len() - from)
}

fn skip_line(data: &[u8], from: usize) -> usize {
    from + data[from..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(data.len() - from)
}

fn skip_past(data: &[u8], from: usize, end: u8) -> usize {
    data[from..]
        .iter()
        .position(|&b| b == end)
        .map_or(data.len(), |n| from + n + 1)
}

/// Past a literal string: parentheses nest, a backslash escapes the next byte.
fn skip_string(data: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    let mut at = from;
    while at < data.len() {
        match data[at] {
            b'\\' => at += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    data.len()
}

/// Past the `EI` that ends an inline image's data (after white space, before white space or
/// the end).
fn skip_inline_image(data: &[u8], from: usize) -> usize {
    let mut at = from;
    while at + 2 <= data.len() {
        if &data[at..at + 2] == b"EI"
            && at > 0
            && is_space(data[at - 1])
            && data.get(at + 2).is_none_or(|&b| is_space(b))
        {
            return at + 2;
        }
        at += 1;
    }
    data.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_draws() {
        let s = scan(b"q 1 0 0 1 0 0 cm /Fm1 Do Q % a comment /Fm9 Do\nBT (a (nested) \\) string) Tj [(A) 120 (B)] TJ ET /Fm1 Do /Im2 Do");
        // q, six numbers, cm, /Fm1, Do, Q, BT, the string, Tj, [, (A), 120, (B), ], TJ, ET,
        // /Fm1, Do, /Im2, Do.
        assert_eq!(s.tokens, 25);
        assert_eq!(s.draws, vec![(b"Fm1".to_vec(), 2), (b"Im2".to_vec(), 1)]);
    }

    #[test]
    fn inline_image_data_is_skipped() {
        let s = scan(b"BI /W 2 /H 2 /BPC 8 /CS /G ID \x00/X Do\xff EI /Fm1 Do");
        assert_eq!(s.draws, vec![(b"Fm1".to_vec(), 1)]);
    }

    #[test]
    fn a_name_must_come_right_before_do() {
        let s = scan(b"/Fm1 0 Do << /A /B >> Do");
        assert!(s.draws.is_empty(), "{s:?}");
    }
}
