//! Each word's stem, stemmed once for a whole comparison.
//!
//! The source's sentences, the article's and the word alignment of the differences all stem
//! the same words, and Snowball is the dearest step of reading a word: on a long pair the
//! article repeats most of the source's vocabulary, and each pair of passages the differences
//! align asks again for words both documents already stemmed.

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::lexicon::Lang;

/// The stemmer for a language.
pub(crate) fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::En => Algorithm::English,
        Lang::Es => Algorithm::Spanish,
        Lang::Fr => Algorithm::French,
        Lang::De => Algorithm::German,
        Lang::Pt => Algorithm::Portuguese,
        Lang::It => Algorithm::Italian,
        Lang::Nl => Algorithm::Dutch,
    })
}

/// The stems of one language's words, each word stemmed once: filled while the documents'
/// sentences are read, then read by anyone who stems in that language.
pub(crate) struct Stems {
    lang: Lang,
    stemmer: Stemmer,
    /// Each word stemmed so far, with its stem.
    known: FxHashMap<CompactString, CompactString>,
}

impl Stems {
    /// No word stemmed yet, in `lang`.
    pub(crate) fn new(lang: Lang) -> Stems {
        Stems {
            lang,
            stemmer: stemmer(lang),
            known: FxHashMap::default(),
        }
    }

    /// The language its stems are in.
    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    /// Its stemmer, for a reader that stems a word once on its own.
    pub(crate) fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// The stem of `word`, stemmed now should it be new.
    pub(crate) fn stem(&mut self, word: &str) -> &str {
        if !self.known.contains_key(word) {
            let stem = CompactString::from(self.stemmer.stem(word).as_ref());
            self.known.insert(word.into(), stem);
        }
        self.known.get(word).map_or("", CompactString::as_str)
    }

    /// The stem of `word`, should it have been stemmed already.
    pub(crate) fn known(&self, word: &str) -> Option<&str> {
        self.known.get(word).map(CompactString::as_str)
    }
}

/// The [`Stems`] of each language a comparison reads: one, unless the two documents are in
/// two languages.
#[derive(Default)]
pub(crate) struct ByLang(Vec<Stems>);

impl ByLang {
    /// The stems of `lang`, begun should none be.
    pub(crate) fn of(&mut self, lang: Lang) -> &mut Stems {
        let at = match self.0.iter().position(|s| s.lang == lang) {
            Some(at) => at,
            None => {
                self.0.push(Stems::new(lang));
                self.0.len() - 1
            }
        };
        &mut self.0[at]
    }

    /// The stems of `lang`, should any word have been read in it.
    pub(crate) fn take(self, lang: Lang) -> Option<Stems> {
        self.0.into_iter().find(|s| s.lang == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_stemmed_as_the_stemmer_stems_it_and_then_known() {
        let mut stems = Stems::new(Lang::En);
        assert_eq!(stems.known("running"), None);
        let direct = stemmer(Lang::En).stem("running").into_owned();
        assert_eq!(stems.stem("running"), direct);
        assert_eq!(stems.known("running"), Some(direct.as_str()));
        let mut by_lang = ByLang::default();
        by_lang.of(Lang::Fr).stem("chevaux");
        by_lang.of(Lang::En).stem("horses");
        by_lang.of(Lang::Fr).stem("maisons");
        let french = by_lang.take(Lang::Fr).expect("French was read");
        assert_eq!(french.known("chevaux"), Some("cheval"));
        assert_eq!(french.known("horses"), None);
    }
}
