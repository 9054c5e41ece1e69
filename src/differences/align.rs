//! Word alignment inside one aligned pair of passages.
//!
//! A quotation, a reused passage and a paraphrase each pair a stretch of the source with a
//! stretch of the article. Inside that pair, words are compared on a key that forgives what
//! a reader forgives (case, inflection through a stemmer, a synonym of the list, a figure
//! written as a word), so that what is left unaligned is what changed.

use std::cell::RefCell;
use std::sync::Arc;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp};

use crate::align::stems::Stems;
use crate::comparison::{Edit, EditOp};
use crate::details::extract::parse_digits;
use crate::lexicon::{self, Lang};
use crate::normalize::tokenize;
use crate::span::{Span, SpanIndex};

use super::words;

/// One word of a passage.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// Where it stands in its document.
    pub span: Span,
    /// The word as written.
    pub raw: &'t str,
    /// Normalised: lower case, NFKC, no apostrophes.
    pub norm: compact_str::CompactString,
    /// What it is compared on: a figure's value, a synonym group, or a stem, numbered by
    /// the [`Keyer`] that read it (words of two keyers are never compared).
    pub key: Key,
    /// The figure it states, when it is one.
    pub value: Option<f64>,
}

/// The words of `words` that start inside `span`; none for no span.
pub(super) fn inside<'w, 't>(words: &'w [Word<'t>], span: Option<Span>) -> &'w [Word<'t>] {
    span.map_or(&[], |span| &words[range_in(words, span)])
}

/// Where in `words` the words that start inside `span` are.
pub(super) fn range_in(words: &[Word], span: Span) -> std::ops::Range<usize> {
    SpanIndex::new(words, |w: &Word| w.span).starting_in(span)
}

/// The span from the first of `words` to the last; none for no words.
pub(super) fn cover_of(words: &[Word]) -> Option<Span> {
    Some(Span::new(words.first()?.span.start, words.last()?.span.end))
}

/// A word's key as a number: equal keys, equal numbers. The word alignment compares
/// integers, not strings, and no key is copied for each word.
pub(crate) type Key = u32;

/// How words are keyed: the document's language for stems and number words.
pub(crate) struct Keyer {
    lang: Lang,
    /// The language's code ("en", "it"), for the word lists.
    pub code: &'static str,
    stemmer: Stemmer,
    /// Keys already computed, by normalised word (a word that states a figure is keyed on
    /// its value, so it is not kept here).
    by_word: RefCell<FxHashMap<String, Key>>,
    /// Every key handed out, by its text.
    keys: RefCell<FxHashMap<String, Key>>,
    /// The words the details stemmed already in this language, should they be shared.
    stems: Option<Arc<Stems>>,
}

impl Keyer {
    /// A keyer for texts in `lang`.
    pub fn new(lang: Lang) -> Keyer {
        Keyer::sharing(lang, None)
    }

    /// A keyer for texts in `lang` that takes a word's stem from `stems` when the details
    /// stemmed it already (stems of another language are not read).
    pub fn sharing(lang: Lang, stems: Option<Arc<Stems>>) -> Keyer {
        Keyer {
            lang,
            code: lang.code(),
            stemmer: crate::align::stems::stemmer(lang),
            by_word: Default::default(),
            keys: Default::default(),
            stems: stems.filter(|stems| stems.lang() == lang),
        }
    }

    /// The figure a normalised word states: digits, or a number word of the language.
    pub fn value(&self, norm: &str) -> Option<f64> {
        if let Some(v) = parse_digits(norm, self.lang) {
            return Some(v);
        }
        lexicon::get()
            .numbers
            .get(norm)
            .and_then(|vs| vs.iter().find(|(l, _)| *l == self.lang).map(|(_, v)| *v))
    }

    fn key(&self, norm: &str, value: Option<f64>) -> Key {
        if let Some(v) = value {
            return self.intern(format!("#{v}"));
        }
        // A long text repeats its words: each is keyed (and stemmed) once.
        if let Some(key) = self.by_word.borrow().get(norm) {
            return *key;
        }
        let key = match words::get().synonyms.get(norm) {
            Some(group) => self.intern(group.clone()),
            None => match self.stems.as_ref().and_then(|stems| stems.known(norm)) {
                Some(stem) => self.intern(stem.to_string()),
                None => self.intern(self.stemmer.stem(norm).into_owned()),
            },
        };
        self.by_word.borrow_mut().insert(norm.to_string(), key);
        key
    }

    /// The number of key `text`, handed out on first use.
    fn intern(&self, text: String) -> Key {
        let mut keys = self.keys.borrow_mut();
        let next = keys.len() as Key;
        *keys.entry(text).or_insert(next)
    }

    /// The words of `text` inside `span`, in order.
    pub fn words<'t>(&self, text: &'t str, span: Span) -> Vec<Word<'t>> {
        let slice = span.slice(text);
        let mut out: Vec<Word<'t>> = Vec::new();
        for t in tokenize(slice) {
            let local = t.span();
            let span = Span::new(span.start + local.start, span.start + local.end);
            let norm = t.norm;
            let value = self.value(&norm);
            if value.is_none() {
                if let Some((figure, short)) = self.multiplied(text, span, &norm) {
                    out.push(self.word(text, Span::new(span.start, figure), digits_of(&norm)));
                    out.push(self.word(text, Span::new(figure, span.end), short));
                    continue;
                }
                let after_figure = out.last().is_some_and(|w| w.value.is_some());
                if let Some(word) = self
                    .short_multiplier(&norm)
                    .filter(|w| after_figure && norm.len() > 1 && *w != norm)
                {
                    out.push(self.word(text, span, word));
                    continue;
                }
            }
            let key = self.key(&norm, value);
            out.push(Word {
                span,
                raw: span.slice(text),
                norm,
                key,
                value,
            });
        }
        out
    }

    /// The word for `norm` at `span`, keyed as [`Keyer::words`] keys its words.
    fn word<'t>(&self, text: &'t str, span: Span, norm: &str) -> Word<'t> {
        let value = self.value(norm);
        Word {
            span,
            raw: span.slice(text),
            norm: norm.into(),
            key: self.key(norm, value),
            value,
        }
    }

    /// The multiplier written out for its short form in this language ("bn": "billion").
    fn short_multiplier(&self, norm: &str) -> Option<&'static str> {
        let forms = lexicon::get().multiplier_short.get(norm)?;
        forms
            .iter()
            .find(|(l, _)| *l == self.lang)
            .map(|(_, word)| word.as_str())
    }

    /// A figure with a multiplier's short form run into it ("340m", "1.5bn"): where the
    /// figure ends, and the multiplier written out. A one-letter form counts only after a
    /// currency sign ("£340m"; "a 100m sprint" is metres).
    fn multiplied(&self, text: &str, span: Span, norm: &str) -> Option<(usize, &'static str)> {
        let digits = digits_of(norm);
        let suffix = &norm[digits.len()..];
        if digits.is_empty()
            || suffix.is_empty()
            || !digits.ends_with(|ch: char| ch.is_ascii_digit())
        {
            return None;
        }
        parse_digits(digits, self.lang)?;
        let word = self.short_multiplier(suffix)?;
        let currency = text[..span.start].ends_with(['$', '€', '£', '¥']);
        if suffix.chars().count() == 1 && !currency {
            return None;
        }
        let raw = span.slice(text);
        let figure = span.start + raw.trim_end_matches(|ch: char| ch.is_alphabetic()).len();
        (figure > span.start && figure < span.end).then_some((figure, word))
    }
}

/// A figure's digits, without the letters run into it ("340" of "340m").
fn digits_of(norm: &str) -> &str {
    norm.trim_end_matches(|ch: char| ch.is_alphabetic())
}

/// True when two spellings are one word written another way ("labor" and "labour",
/// "organize" and "organise"): long enough, same start, one or two letters apart. A figure
/// is never spelt another way: "2014" and "2015" are two years.
pub(super) fn is_spelling_variant(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 4 || a.first() != b.first() || a == b {
        return false;
    }
    if a.iter().chain(&b).any(char::is_ascii_digit) {
        return false;
    }
    let d = strsim::generic_levenshtein(&a, &b);
    d <= 2 && d * 4 <= a.len().max(b.len())
}

/// The operations that turn the source's words into the article's.
pub(crate) fn diff(source: &[Word], article: &[Word]) -> Vec<DiffOp> {
    let s: Vec<Key> = source.iter().map(|w| w.key).collect();
    let a: Vec<Key> = article.iter().map(|w| w.key).collect();
    similar::capture_diff_slices(Algorithm::Patience, &s, &a)
}

fn cover(words: &[Word]) -> Option<Span> {
    Some(Span::new(words.first()?.span.start, words.last()?.span.end))
}

/// The word edits of a pair, in the engine's own form, for a pair the matcher did not
/// align word by word (a paraphrase).
pub(crate) fn edits(ops: &[DiffOp], source: &[Word], article: &[Word]) -> Vec<Edit> {
    let mut out = Vec::new();
    for op in ops {
        let (old, new) = (op.old_range(), op.new_range());
        let kind = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { .. } => EditOp::Delete,
            DiffOp::Insert { .. } => EditOp::Insert,
            DiffOp::Replace { .. } => EditOp::Replace,
        };
        let (s, a) = (&source[old], &article[new.clone()]);
        // A deletion sits before the article word that follows it.
        let at = article
            .get(new.start)
            .or(article.last())
            .map_or(0, |w| w.span.start);
        out.push(Edit {
            op: kind,
            source: cover(s),
            article: cover(a),
            marked: None,
            at,
            places: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::differences;
    use super::super::DifferenceKind;
    use super::*;

    fn values(text: &str, lang: Lang) -> Vec<(String, Option<f64>)> {
        let keyer = Keyer::new(lang);
        keyer
            .words(text, Span::new(0, text.len()))
            .into_iter()
            .map(|w| (w.norm.into_string(), w.value))
            .collect()
    }

    /// "£340m" reads as "£340 million", "3,5 Mio." as "3,5 Millionen"; "a 100m sprint" keeps
    /// its metres.
    #[test]
    fn a_short_multiplier_is_the_word_written_out() {
        let en = values("with £340m for trains", Lang::En);
        assert_eq!(en[1], ("340".to_string(), Some(340.0)), "{en:?}");
        assert_eq!(en[2].0, "million", "{en:?}");
        let de = values("rund 3,5 Mio. Euro", Lang::De);
        assert_eq!(de[2].0, "millionen", "{de:?}");
        let sprint = values("a 100m sprint", Lang::En);
        assert_eq!(sprint[1].0, "100m", "{sprint:?}");
    }

    #[test]
    fn a_figure_with_its_multiplier_shortened_is_no_difference() {
        let d = differences(
            "Every penny will go back into the railway, with £340 million earmarked for new trains on the Northern network by 2028, the minister said.",
            "Every penny will go back into the railway, with £340m set aside for new trains on the Northern network by 2028, the minister said.",
        );
        assert!(
            d.iter().all(|(k, _, _)| *k != DifferenceKind::Number),
            "{d:?}"
        );
    }
}
