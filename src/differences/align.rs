//! Word alignment inside one aligned pair of passages.
//!
//! A quotation, a reused passage and a paraphrase each pair a stretch of the source with a
//! stretch of the article. Inside that pair, words are compared on a key that forgives what
//! a reader forgives (case, inflection through a stemmer, a synonym of the list, a figure
//! written as a word), so that what is left unaligned is what changed.

use std::cell::RefCell;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp};

use crate::comparison::{Edit, EditOp};
use crate::details::extract::parse_digits;
use crate::lexicon::{self, Lang};
use crate::normalize::tokenize;
use crate::span::Span;

use super::words;

/// One word of a passage.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// Where it stands in its document.
    pub span: Span,
    /// The word as written.
    pub raw: &'t str,
    /// Normalised: lower case, NFKC, no apostrophes.
    pub norm: String,
    /// What it is compared on: a figure's value, a synonym group, or a stem, numbered by
    /// the [`Keyer`] that read it (words of two keyers are never compared).
    pub key: Key,
    /// The figure it states, when it is one.
    pub value: Option<f64>,
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
}

impl Keyer {
    /// A keyer for texts in `lang`.
    pub fn new(lang: Lang) -> Keyer {
        Keyer {
            lang,
            code: lang.code(),
            stemmer: crate::align::paraphrase::stemmer(lang),
            by_word: Default::default(),
            keys: Default::default(),
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
            None => self.intern(self.stemmer.stem(norm).into_owned()),
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
        tokenize(slice)
            .into_iter()
            .map(|t| {
                let local = t.span();
                let span = Span::new(span.start + local.start, span.start + local.end);
                let norm = t.norm.to_string();
                let value = self.value(&norm);
                let key = self.key(&norm, value);
                Word {
                    span,
                    raw: span.slice(text),
                    norm,
                    key,
                    value,
                }
            })
            .collect()
    }
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
