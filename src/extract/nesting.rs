//! How deep a page's elements nest, read from the markup before any parser sees it.
//!
//! html5ever's tree building takes time quadratic in the nesting depth (150,000 levels in a
//! 1.65 MB file took 73 s), so a depth limit checked on the parsed tree comes too late. This
//! scan follows the tags as a browser would in the cases that matter for depth: an end tag
//! closes up to the matching open element (and is ignored when none is open), void elements
//! and those whose end tag is optional (`p`, `li`, `td`, ...) do not nest, comments and the
//! text of `script`, `style`, `textarea` and `title` are skipped. It may be off by a few
//! levels on soup, never by thousands; the depth measured on the parsed tree stays the final
//! word.

// The three lists below stay in code, not in `assets/`: they are the HTML standard's element
// names, fixed by the parser they mirror, not words of a language anyone would edit.

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose end tag may be left out: the next one of their kind closes them.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Elements whose content is text, not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

/// True when the markup nests deeper than `limit` levels; stops reading there.
pub fn deeper_than(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(lt) = bytes[at..].iter().position(|&b| b == b'<') {
        at += lt + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at = find(bytes, at + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            at = find(bytes, at, b">").map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.starts_with(b"/");
        let name_start = at + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = find(bytes, name_start + name_len, b">").map_or(bytes.len(), |end| end + 1);
        let self_closing = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        at = tag_end;
        if closing {
            if let Some(i) = open.iter().rposition(|n| *n == name) {
                open.truncate(i);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let end_tag = format!("</{name}");
            at = find_ignoring_case(bytes, at, end_tag.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if self_closing || VOID.contains(&name.as_str()) || IMPLIED_END.contains(&name.as_str()) {
            continue;
        }
        open.push(name);
        if open.len() > limit {
            return true;
        }
    }
    false
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

fn find_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_as_a_browser_would() {
        let deep = "<div>".repeat(600);
        assert!(deeper_than(&deep, 512));
        // Closed in turn, unclosed paragraphs and list items, void elements: shallow.
        let flat = "<div><span>a</span></div>".repeat(1000)
            + &"<p>para<li>item<br><img src=x>".repeat(1000);
        assert!(!deeper_than(&flat, 512));
        // An end tag closes the unclosed elements inside it.
        let sloppy = "<div><span><b>a</div>".repeat(1000);
        assert!(!deeper_than(&sloppy, 512));
        // Tags in comments and scripts are not tags.
        let hidden = format!(
            "<!-- {} --><script>var s = '{}';</script>",
            "<div>".repeat(600),
            "<div>".repeat(600)
        );
        assert!(!deeper_than(&hidden, 512));
    }
}
