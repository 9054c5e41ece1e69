//! An article's lead-in that keeps the source's words: `the office said that “the continued
//! detention …”` where the source says `… the view that the continued detention …`. The
//! quotation marks open a word later than the borrowing starts; the words before them are
//! reuse of the same source sentence, right before the quoted passage.
//!
//! Seeding cannot find them (a word or two, and chains never cross a quotation's boundary),
//! so they are read here off the quotation matches once those are known: only words that
//! sit right before the opening mark and right before the passage in the source, inside the
//! same sentence on both sides, and ending on a word that opens reported speech ("that",
//! "que", "dass"). A lone word anywhere else proves nothing and is never taken.

use std::sync::OnceLock;

use compact_str::CompactString;

use crate::comparison::{Fidelity, Match, MatchKind};
use crate::normalize::{self, Token};

use super::Region;

/// Most words of a lead-in taken: a clause's opening ("said that", "estime que"), not a
/// paraphrase (which selection finds on its own when it is long enough).
const MOST_LEAD_IN_WORDS: usize = 3;

/// The words of `assets/lead_in_words.txt`, in normalised form: what opens reported speech
/// ("that", "que", "dass"). Only a lead-in that ends on one of them is taken: any other word
/// the article has right before a quotation mark ("a", "Congress") says nothing of where its
/// sentence comes from, even when the source has it there.
fn lead_in_words() -> &'static [CompactString] {
    static WORDS: OnceLock<Vec<CompactString>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::lexicon::lines(include_str!("../../assets/lead_in_words.txt"))
            .map(normalize::normalize_word)
            .collect()
    })
}

/// Adds a reuse match for the words right before each quotation match that opens its
/// quotation, when the source has the same words right before the matched passage and the
/// two together are at least `min_words` long (the `--min-words` of a passage).
pub(crate) fn add_lead_ins(
    matches: &mut Vec<Match>,
    (article, atoks, aids, regions): (&str, &[Token], &[u32], &[Region]),
    (source, stoks, sids): (&str, &[Token], &[u32]),
    min_words: usize,
) {
    let mut found = Vec::new();
    for m in matches.iter().filter(|m| m.kind == MatchKind::Quotation) {
        let a0 = normalize::token_range(atoks, m.article).start;
        let s0 = normalize::token_range(stoks, m.source).start;
        let opens = atoks
            .get(a0)
            .is_some_and(|t| t.gap.quote_mark && !breaks(t));
        let reports = a0 > 0 && lead_in_words().contains(&atoks[a0 - 1].norm);
        if !opens || !reports || s0 >= stoks.len() || breaks(&stoks[s0]) {
            continue;
        }
        let n = (1..=MOST_LEAD_IN_WORDS.min(a0).min(s0))
            .take_while(|&k| {
                let (a, s) = (a0 - k, s0 - k);
                let inside = k == 1 || !(breaks(&atoks[a + 1]) || breaks(&stoks[s + 1]));
                inside
                    && regions[a].is_none()
                    && aids[a] == sids[s]
                    && (k == 1 || !atoks[a + 1].gap.quote_mark)
            })
            .count();
        // With the quoted words, the lead-in must make a passage long enough to be reuse on
        // its own: "saying that “all parties”" takes three words, as any article might.
        if n == 0 || n + m.shared_words < min_words {
            continue;
        }
        let article_span = atoks[a0 - n].span().cover(&atoks[a0 - 1].span());
        if matches
            .iter()
            .any(|other| other.article.overlaps(&article_span))
        {
            continue;
        }
        let source_span = stoks[s0 - n].span().cover(&stoks[s0 - 1].span());
        found.push(Match {
            id: 0,
            kind: MatchKind::Reuse,
            fidelity: if article_span.slice(article) == source_span.slice(source) {
                Fidelity::Exact
            } else {
                Fidelity::Normalized
            },
            score: 1.0,
            source: source_span,
            article: article_span,
            edits: Vec::new(),
            quote: None,
            shared_words: n,
        });
    }
    if found.is_empty() {
        return;
    }
    matches.extend(found);
    matches.sort_by_key(|m| (m.article.start, m.source.start));
}

/// A sentence or a line ends right before this word: a lead-in does not reach across it.
fn breaks(t: &Token) -> bool {
    t.gap.sentence_end || t.gap.line_break
}
