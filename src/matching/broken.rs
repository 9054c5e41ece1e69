//! Words a PDF's text layer broke, read whole for matching.
//!
//! A source saved from a PDF carries the typesetting's cuts: a word hyphenated at the end of a
//! line ("differ-\nence", "diffé- rence" once the line is joined, "with\u{ad}out" with a soft
//! hyphen), a space the extraction put inside a word ("Unter schied"), or the space between
//! two words lost ("prefixmatching"). That is the extraction's, not a change the article made,
//! and must not make a faithful quotation `altered` or `not_in_source`. So before matching, the
//! source's words are mended where the article shows the whole word: two source words become
//! one token (its span runs over both parts and the break, so offsets stay into the original
//! text), and one source word becomes two tokens (each part's span inside the word).
//!
//! The article decides, never a dictionary: a break is mended only into a word the article
//! writes. A hyphen at a line break (or a soft hyphen) is a typesetter's, so the whole word in
//! the article is enough. A space, or a hyphen before a space on the same line, can be the
//! author's ("low- and middle-income", "any one"), so one of the two parts must also be a word
//! the article never writes alone ("ence"), and the second no stop word (what follows an
//! author's suspended hyphen is a conjunction: "low- and", "Ein- und", "pré- et"). A word run together is split only where the
//! article writes the two parts side by side, and only when the article never writes it whole.

use rustc_hash::{FxHashMap, FxHashSet};

use super::index::WordKey;
use crate::normalize::{is_word_char, Token};

/// Fewest characters of each part of a word split in two ("dos" + "planes"): a single
/// letter is too easily a chance split.
const MIN_PART_CHARS: usize = 2;

/// How a text layer may have broken a word between two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// A hyphen at a line's end, or a soft hyphen: a typesetter's.
    Hyphenation,
    /// A space, or a hyphen before a space on the same line: perhaps the author's.
    Space,
}

/// The words a PDF's text layer broke, mended on each side (`None`: nothing to mend there,
/// the commonest case).
///
/// A release may be a PDF, and so may an article (a newsletter, an e-paper): the words a
/// text layer broke are read whole where the other text writes them whole. Each side is
/// mended against the other's words, the article against the source as mended: a word broken
/// on one side only is then mended once, on that side.
pub(crate) struct Mends(pub(crate) Option<Vec<Token>>, pub(crate) Option<Vec<Token>>);

impl Mends {
    /// Mends both sides of `tokens`, the words of `texts` as tokenised.
    pub(crate) fn of((source, article): (&str, &str), (s, a): (&[Token], &[Token])) -> Mends {
        let mended_source = mend(source, s, (article, a));
        let mended_article = mend(article, a, (source, mended_source.as_deref().unwrap_or(s)));
        Mends(mended_source, mended_article)
    }

    /// True when a word was mended on either side.
    pub(crate) fn any(&self) -> bool {
        self.0.is_some() || self.1.is_some()
    }

    /// The words of both sides as mended, given them as tokenised.
    pub(crate) fn tokens<'a>(
        &'a self,
        (s, a): (&'a [Token], &'a [Token]),
    ) -> (&'a [Token], &'a [Token]) {
        (
            self.0.as_deref().unwrap_or(s),
            self.1.as_deref().unwrap_or(a),
        )
    }

    /// [`Mends::tokens`], owned.
    pub(crate) fn into_tokens(self, (s, a): (Vec<Token>, Vec<Token>)) -> (Vec<Token>, Vec<Token>) {
        (self.0.unwrap_or(s), self.1.unwrap_or(a))
    }
}

/// The source's tokens with the words a PDF broke mended where the article writes them whole
/// or apart (see the module's documentation); `None` when nothing is mended, the commonest
/// case, so that no copy is made. The two sides may be swapped: an article taken from a PDF
/// is mended against its source's words the same way.
pub(crate) fn mend(
    text: &str,
    source: &[Token],
    (article_text, article): (&str, &[Token]),
) -> Option<Vec<Token>> {
    let written = Written::of(article);
    // Each source word looked up once: most are words the article writes too, and a pair of
    // those joined by a plain space is read no further.
    let known: Vec<bool> = source.iter().map(|t| written.has(&t.norm)).collect();
    let joins = joins(text, source, &known, &written);
    let splits = splits(text, source, (article_text, article), (&known, &written));
    if joins.is_empty() && splits.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(source.len() + splits.len());
    let mut i = 0;
    while i < source.len() {
        let t = &source[i];
        if joins.first_of(i) {
            let next = &source[i + 1];
            let span = crate::span::Span::new(t.span().start, next.span().end);
            let norm = format!("{}{}", t.norm, next.norm);
            out.push(Token::new(span, norm.into(), t.gap, t.bracketed));
            i += 2;
            continue;
        }
        if let Some(&at) = splits.get(&i) {
            let span = t.span();
            let (left, right) = t.norm.split_at(at);
            let cut = span.start + at;
            let first = crate::span::Span::new(span.start, cut);
            let second = crate::span::Span::new(cut, span.end);
            out.push(Token::new(first, left.into(), t.gap, t.bracketed));
            out.push(Token::new(
                second,
                right.into(),
                Default::default(),
                t.bracketed,
            ));
        } else {
            out.push(t.clone());
        }
        i += 1;
    }
    Some(out)
}

/// The source tokens that start a broken word, each followed by its second part.
struct Joins(Vec<usize>);

impl Joins {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    fn first_of(&self, i: usize) -> bool {
        self.0.binary_search(&i).is_ok()
    }
}

/// The words an article writes, by their packed keys (see [`WordKey`]).
struct Written<'a>(FxHashSet<WordKey<'a>>);

impl<'a> Written<'a> {
    fn of(article: &'a [Token]) -> Self {
        // Grown as distinct words come, not reserved for every word as `collect` would: a
        // long text repeats its words, and a table sized for all of them (some 32 MB for
        // 3.6 MB of text) misses the cache at every look-up.
        let mut words = FxHashSet::default();
        for t in article {
            words.insert(WordKey::of(&t.norm));
        }
        Written(words)
    }
    fn has(&self, word: &str) -> bool {
        self.0.contains(&WordKey::of(word))
    }
}

/// Pairs of source tokens that are one word broken by the text layer (see [`Break`]).
fn joins(text: &str, source: &[Token], known: &[bool], written: &Written) -> Joins {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < source.len() {
        let (left, right) = (&source[i], &source[i + 1]);
        let both_known = known[i] && known[i + 1];
        // Two words the article writes, a plain space between them: the author's.
        if both_known && left.span().end + 1 == right.span().start {
            i += 1;
            continue;
        }
        let kind = break_between(text, left, right);
        let whole = kind.is_some_and(|kind| {
            (kind == Break::Hyphenation || (!both_known && super::is_content_word(&right.norm)))
                && written.has(&format!("{}{}", left.norm, right.norm))
        });
        if whole {
            found.push(i);
            i += 2;
        } else {
            i += 1;
        }
    }
    Joins(found)
}

/// How the text between two words may have broken one word, if it may: letters on both
/// sides, the second part in lower case (a word's rest, not a new name or sentence), and
/// between them nothing but a hyphen, a soft hyphen or white space.
fn break_between(text: &str, left: &Token, right: &Token) -> Option<Break> {
    let (l, r) = (left.span(), right.span());
    let gap = text.get(l.end..r.start)?;
    let last = text[..l.end].chars().next_back()?;
    let first = text[r.start..].chars().next()?;
    if !last.is_alphabetic() || !first.is_lowercase() || gap.is_empty() || gap.len() > 8 {
        return None;
    }
    let mut chars = gap.chars();
    match chars.next()? {
        '\u{ad}' => chars.all(char::is_whitespace).then_some(Break::Hyphenation),
        '-' | '\u{2010}' => {
            let rest = chars.as_str();
            if rest.is_empty() || !rest.chars().all(char::is_whitespace) {
                None
            } else if rest.contains(['\n', '\r']) {
                Some(Break::Hyphenation)
            } else {
                Some(Break::Space)
            }
        }
        ' ' => chars.all(|c| c == ' ').then_some(Break::Space),
        _ => None,
    }
}

/// Source tokens that are two words run together, each with the byte of its norm where the
/// second word starts: the article writes the two words side by side and never the whole.
fn splits(
    text: &str,
    source: &[Token],
    (article_text, article): (&str, &[Token]),
    (known, written): (&[bool], &Written),
) -> FxHashMap<usize, usize> {
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (i, t) in source.iter().enumerate() {
        if known[i] {
            continue;
        }
        let norm = t.norm.as_str();
        let span = t.span();
        // A part's bytes must be the word's own at the same place (no case or width change
        // of another length), and the word all letters.
        if norm.len() != span.len()
            || norm.chars().count() < 2 * MIN_PART_CHARS
            || !norm.chars().all(char::is_alphabetic)
        {
            continue;
        }
        for (at, _) in norm.char_indices().skip(MIN_PART_CHARS) {
            let (left, right) = norm.split_at(at);
            if right.chars().count() >= MIN_PART_CHARS
                && text.is_char_boundary(span.start + at)
                && written.has(left)
                && written.has(right)
            {
                candidates.push((i, at));
            }
        }
    }
    if candidates.is_empty() {
        return FxHashMap::default();
    }
    let wanted: FxHashSet<(&str, &str)> = candidates
        .iter()
        .map(|&(i, at)| source[i].norm.split_at(at))
        .collect();
    // Side by side with nothing but a space between: "low- and" written apart by its author
    // does not split a "lowand" that lost the hyphen too.
    let side_by_side: FxHashSet<(&str, &str)> = article
        .windows(2)
        .filter(|w| is_word_char_first(&w[1]))
        .filter(|w| {
            article_text
                .get(w[0].span().end..w[1].span().start)
                .is_some_and(|between| between.chars().all(char::is_whitespace))
        })
        .map(|w| (w[0].norm.as_str(), w[1].norm.as_str()))
        .filter(|pair| wanted.contains(pair))
        .collect();
    let mut out = FxHashMap::default();
    for (i, at) in candidates {
        if side_by_side.contains(&source[i].norm.split_at(at)) {
            out.entry(i).or_insert(at);
        }
    }
    out
}

/// The token is a word (not a sign or an operator).
fn is_word_char_first(t: &Token) -> bool {
    t.norm.chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    fn mended(source: &str, article: &str) -> Vec<(String, String)> {
        let tokens = tokenize(source);
        let out = mend(source, &tokens, (article, &tokenize(article))).unwrap_or(tokens);
        out.iter()
            .map(|t| (t.norm.to_string(), t.span().slice(source).to_string()))
            .collect()
    }

    #[test]
    fn a_word_hyphenated_at_a_line_end_is_one_token_over_both_parts() {
        let got = mended("the differ-\nence is", "the difference");
        assert_eq!(got[1], ("difference".into(), "differ-\nence".into()));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn two_words_run_together_are_two_tokens_inside_the_word() {
        let got = mended("that prefixmatching alone", "that prefix matching alone");
        assert_eq!(got[1], ("prefix".into(), "prefix".into()));
        assert_eq!(got[2], ("matching".into(), "matching".into()));
        // Not split when the article does not write the parts side by side.
        let got = mended("that prefixmatching alone", "the prefix and the matching");
        assert_eq!(got[1].0, "prefixmatching");
    }

    #[test]
    fn an_authors_space_or_hyphen_stays() {
        // Both parts are words the article writes: the author's "low- and", "any one".
        let got = mended("hit low- and middle", "hit lowand middle and low");
        assert_eq!(got[1].0, "low");
        let got = mended("hit low- and middle", "hit lowand middle");
        assert_eq!(got[1].0, "low");
        let got = mended("for any one of them", "for anyone one of any");
        assert_eq!(got[1].0, "any");
        // Written apart with a hyphen, not a space lost: not split.
        let got = mended("hit lowand middle", "hit low- and middle");
        assert_eq!(got[1].0, "lowand");
        // A capital after the break is a new word.
        let got = mended("in New York", "in newyork");
        assert_eq!(got[1].0, "new");
    }
}
