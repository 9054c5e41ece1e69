//! Hostile input and a hostile environment (issue 13): every case here once panicked, hung,
//! blew up memory or left the terminal broken. Each test builds its own input: a long text in
//! a script of multi-byte characters, a decompression bomb, a FIFO, a signal to the real
//! binary, a pipe closed early.

use quotediff::{compare, CompareOptions, Document};

/// `len` bytes or more of sentences in `script`'s characters, no line break in the first
/// `len / 2` bytes (so a cut looked for near the middle lands inside a long line).
fn long_text(words: &[&str], len: usize) -> String {
    let mut text = String::with_capacity(len + 64);
    let mut i = 0usize;
    while text.len() < len {
        text.push_str(words[i % words.len()]);
        text.push_str(if i % 7 == 6 { "。" } else { "，" });
        if text.len() > len / 2 && i % 50 == 49 {
            text.push('\n');
        }
        i = i.wrapping_mul(31).wrapping_add(17) % 1_000_003;
    }
    text
}

#[test]
fn long_cjk_text_is_compared_without_a_panic() {
    let words = [
        "市长", "宣布", "救济", "基金", "洪水", "家庭", "企业", "今天", "议会", "批准",
    ];
    let source = long_text(&words, 130 * 1024);
    // A short article: the source alone is worth cutting for a second thread, at a point
    // computed in bytes (64 KiB on from its middle).
    let article = format!("据报道，“{}”他说。", &source[..300]);
    let result = compare(
        Document::from_text("source.txt", &source),
        Document::from_text("article.txt", &article),
        &CompareOptions::default(),
    );
    assert_eq!(result.source.text.len(), source.len());
}
