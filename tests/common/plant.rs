//! Planting edited source passages into an unrelated text, for recall tests and benchmarks
//! at scale.
//!
//! Takes one public-domain novel as the "source" and another as the "article", lifts
//! passages of 8 to 60 words from the source and inserts them into the article as new
//! paragraphs, each edited the way newsrooms edit: verbatim, case changed, curly quotes, a
//! word dropped or changed, a `[bracketed]` insertion, an ellipsis omission, wrapped in
//! quotation marks, split by `," he said, "`, lines re-wrapped. Every planted passage keeps
//! the byte ranges of its source words and of the article text that came from them, so a
//! test can check that the engine found and paired it.
#![allow(dead_code)]

use std::ops::Range;

/// A small deterministic generator (xorshift64*), so a failing run can be replayed.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `range`.
    pub fn range(&mut self, range: Range<usize>) -> usize {
        range.start + (self.next_u64() % (range.end - range.start) as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() % 10_000) as f64 / 10_000.0 < p
    }
}

/// One passage planted in the article.
#[derive(Debug, Clone)]
pub struct Planted {
    /// The source words it was lifted from.
    pub source: Range<usize>,
    /// The article text that came from the source (two pieces when split by "he said").
    pub pieces: Vec<Range<usize>>,
    /// The whole inserted paragraph, attribution and quotation marks included.
    pub inserted: Range<usize>,
    /// How it was edited.
    pub style: &'static str,
}

/// A source, an article with passages planted in it, and where they are.
pub struct PlantedPair {
    /// The source text.
    pub source: String,
    /// The article with the planted passages.
    pub article: String,
    /// The planted passages, in article order.
    pub planted: Vec<Planted>,
}

/// Reads a novel of `shared/corpus/` (beside the project).
pub fn corpus(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first `bytes` bytes of `text` (cut back to a line end), skipping `skip` bytes.
pub fn slice_mb(text: &str, skip: usize, bytes: usize) -> String {
    let mut start = skip.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (start + bytes).min(text.len());
    while end > start && !text[..end].ends_with('\n') {
        end -= 1;
    }
    text[start..end].to_string()
}

const STYLES: [&str; 8] = [
    "verbatim", "case", "curly", "dropped", "changed", "brackets", "ellipsis", "split",
];
const REPLACEMENTS: [&str; 8] = [
    "several", "quite", "another", "certain", "rather", "every", "such", "many",
];

/// Word byte ranges of `text` (whitespace-separated).
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Plants `count` edited passages of `source` into `article_base`.
pub fn plant(source: &str, article_base: &str, count: usize, seed: u64) -> PlantedPair {
    let mut rng = Rng::new(seed);
    let source_words = words(source);
    let mut taken = vec![false; source_words.len()];
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    while chosen.len() < count {
        let len = rng.range(8..61);
        let start = rng.range(0..source_words.len() - len);
        if taken[start.saturating_sub(20)..(start + len + 20).min(taken.len())]
            .iter()
            .any(|&t| t)
        {
            continue;
        }
        for t in &mut taken[start..start + len] {
            *t = true;
        }
        chosen.push((start, len));
    }
    // Paragraph boundaries of the article, where passages are inserted (random order).
    let mut gaps: Vec<usize> = article_base.match_indices("\n\n").map(|(i, _)| i).collect();
    let mut picks = Vec::new();
    while picks.len() < count {
        let g = gaps.swap_remove(rng.range(0..gaps.len()));
        picks.push(g);
    }
    picks.sort_unstable();
    let mut article = String::with_capacity(article_base.len() + count * 400);
    let mut planted = Vec::new();
    let mut last = 0;
    for (k, &gap) in picks.iter().enumerate() {
        article.push_str(&article_base[last..gap]);
        last = gap;
        article.push_str("\n\n");
        let (start, len) = chosen[k];
        let style = STYLES[rng.range(0..STYLES.len())];
        let src_range = source_words[start].start..source_words[start + len - 1].end;
        let mut ws: Vec<String> = source[src_range.clone()]
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let quoted = style == "split" || rng.chance(0.4);
        edit(&mut ws, style, &mut rng);
        if quoted {
            // Quotation marks inside a quotation become single marks.
            for w in &mut ws {
                *w = w.replace('"', "'");
            }
        }
        let rewrap = rng.chance(0.3);
        let join = |ws: &[String], rng: &mut Rng| {
            let mut s = String::new();
            for (i, w) in ws.iter().enumerate() {
                if i > 0 {
                    s.push(if rewrap && rng.chance(0.12) {
                        '\n'
                    } else {
                        ' '
                    });
                }
                s.push_str(w);
            }
            s
        };
        let inserted_start = article.len();
        let mut pieces = Vec::new();
        if style == "split" {
            let cut = ws.len() / 2;
            let (first, second) = ws.split_at(cut.max(3));
            article.push('"');
            let a = article.len();
            article.push_str(&join(first, &mut rng));
            pieces.push(a..article.len());
            article.push_str(",\" he said, \"");
            let b = article.len();
            article.push_str(&join(second, &mut rng));
            pieces.push(b..article.len());
            article.push('"');
        } else if quoted {
            let curly = style == "curly";
            article.push_str(if curly {
                "She said: \u{201c}"
            } else {
                "She said: \""
            });
            let a = article.len();
            article.push_str(&join(&ws, &mut rng));
            pieces.push(a..article.len());
            article.push(if curly { '\u{201d}' } else { '"' });
        } else {
            let a = article.len();
            article.push_str(&join(&ws, &mut rng));
            pieces.push(a..article.len());
        }
        planted.push(Planted {
            source: src_range,
            pieces,
            inserted: inserted_start..article.len(),
            style,
        });
    }
    article.push_str(&article_base[last..]);
    PlantedPair {
        source: source.to_string(),
        article,
        planted,
    }
}

fn edit(ws: &mut Vec<String>, style: &str, rng: &mut Rng) {
    let n = ws.len();
    match style {
        "case" => {
            let i = rng.range(0..n);
            ws[i] = flip_case(&ws[i]);
            ws[0] = flip_case(&ws[0]);
        }
        "curly" => {
            for w in ws.iter_mut() {
                *w = w.replace('\'', "\u{2019}");
            }
        }
        "dropped" => {
            ws.remove(rng.range(2..n - 2));
        }
        "changed" => {
            let i = rng.range(2..n - 2);
            ws[i] = REPLACEMENTS[rng.range(0..REPLACEMENTS.len())].to_string();
        }
        "brackets" => {
            let i = rng.range(2..n - 2);
            ws[i] = format!("[{}]", REPLACEMENTS[rng.range(0..REPLACEMENTS.len())]);
        }
        "ellipsis" => {
            let i = rng.range(3..n - 3);
            let k = rng.range(1..(n - i - 2).clamp(2, 7));
            let mark = if rng.chance(0.5) { "..." } else { "\u{2026}" };
            ws.splice(i..i + k, [mark.to_string()]);
        }
        _ => {}
    }
}

fn flip_case(w: &str) -> String {
    let mut out = String::new();
    for (i, c) in w.chars().enumerate() {
        if i == 0 && c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else if i == 0 {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// How well a set of matches recovers the planted passages.
#[derive(Debug, Clone, Copy)]
pub struct Recall {
    /// Share of planted passages found and paired with their source.
    pub found: f64,
    /// Share of matched article text that lies inside a planted passage.
    pub precision: f64,
    /// Share of matched article text outside the planted passages whose words are, word for
    /// word, the words of the source text it is paired with: a run the two texts really
    /// share, which the planting does not know of (two novels by one author share stock
    /// phrases). The rest of the text outside the planted passages pairs different words.
    pub shared: f64,
    /// Planted passages missed.
    pub missed: usize,
}

/// Scores `(source span, article span)` pairs of matches against the planted passages.
/// A passage counts as found when matches that point into its source words cover at least
/// 80% of its non-space article characters.
pub fn score(pair: &PlantedPair, matches: &[(Range<usize>, Range<usize>)]) -> Recall {
    let art = pair.article.as_bytes();
    let non_space = |r: &Range<usize>| {
        art[r.clone()]
            .iter()
            .filter(|b| !b.is_ascii_whitespace())
            .count()
    };
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut found = 0;
    let mut missed = Vec::new();
    for p in &pair.planted {
        let need: usize = p.pieces.iter().map(non_space).sum();
        let mut got = 0;
        for piece in &p.pieces {
            for (s, a) in matches {
                if overlap(s, &p.source) && overlap(a, piece) {
                    let r = a.start.max(piece.start)..a.end.min(piece.end);
                    got += non_space(&r);
                }
            }
        }
        if got * 10 >= need * 8 {
            found += 1;
        } else {
            missed.push(p.style);
        }
    }
    let mut inside = 0;
    let mut total = 0;
    let mut shared = 0;
    for (s, a) in matches {
        total += non_space(a);
        let mut planted = false;
        for p in &pair.planted {
            if overlap(a, &p.inserted) {
                let r = a.start.max(p.inserted.start)..a.end.min(p.inserted.end);
                inside += non_space(&r);
                planted = true;
            }
        }
        if !planted && same_words(&pair.article[a.clone()], &pair.source[s.clone()]) {
            shared += non_space(a);
        }
    }
    if std::env::var_os("QUOTEDIFF_SHOW_MISSED").is_some() {
        eprintln!("missed styles: {missed:?}");
    }
    Recall {
        found: found as f64 / pair.planted.len().max(1) as f64,
        precision: if total == 0 {
            1.0
        } else {
            inside as f64 / total as f64
        },
        shared: if total == 0 {
            0.0
        } else {
            shared as f64 / total as f64
        },
        missed: missed.len(),
    }
}

/// The two texts hold the same words in the same order, whatever their case, punctuation,
/// hyphens and line breaks.
fn same_words(article: &str, source: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    words(article) == words(source)
}
