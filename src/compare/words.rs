//! The first reading of the two texts, before anything is matched: their words, the
//! article's quotations with their speakers and, when the details are compared, their
//! sentences, shared between two threads so that both finish together.

use super::{CompareOptions, ReadAlone, Sentences};
use crate::differences;
use crate::lexicon::Lang;
use crate::normalize::{self, Token};
use crate::parallel::both_then_spare;
use crate::quotes::{self, Quotation};
use crate::span::Span;

/// What is read of the two texts first: their words, the article's quotations and, when the
/// details are compared, their sentences.
pub(super) struct Words {
    pub(super) quotations: Vec<Quotation>,
    pub(super) source_tokens: Vec<Token>,
    pub(super) article_tokens: Vec<Token>,
    /// The source's and the article's sentences, unless the details are skipped.
    pub(super) sentences: Option<Sentences>,
    /// What the differences read of the texts alone, in the language the article's words
    /// tell (unless the details are skipped).
    pub(super) documents: Option<ReadAlone>,
}

/// A piece of the first reading that only the texts decide, taken by whichever thread is
/// free first.
enum Piece {
    Sentences(Vec<Span>),
    Documents(Lang, differences::Documents),
    Legal(Vec<crate::comparison::Difference>),
}

/// Bytes of the article's head whose words tell its language as its whole words do
/// ([`Lang::of_document`] reads the first few thousand).
const LANGUAGE_HEAD_BYTES: usize = 256 * 1024;

/// The article's language as [`Lang::of_document`] tells it from the words of `text`,
/// told from the words of its head (cut where the tokenizer cuts, so the first words are
/// the same) rather than waiting for all of them: the caller, should the whole words tell
/// another, reads again.
fn language_of_head(text: &str) -> Lang {
    let tail = text.len().saturating_sub(LANGUAGE_HEAD_BYTES);
    let words = match normalize::split_point(text, tail) {
        Some(at) => normalize::tokenize_head(text, at),
        None => normalize::tokenize(text),
    };
    Lang::of_document(&words)
}

/// The [`Words`] of both texts: the article's quotations with their speakers (unless the
/// options skip them), and the sentences unless they skip the details.
pub(super) fn words_and_quotations(source: &str, text: &str, options: &CompareOptions) -> Words {
    // Cutting both texts into words, and finding the article's quotations and their
    // speakers, are independent: on two cores they run side by side, the source's words on
    // this thread, the quotations and speakers on the other. The article's words are shared
    // out so that both finish together (see `Shares`). Cutting the texts into sentences and
    // reading the differences of the texts alone, which the details need, read only the
    // texts: the thread that finishes its share first takes them (on the planted 1 MB pair
    // the quotations take longer than `Shares` expects, and these fill this thread's wait).
    let shares = Shares::of(source, text);
    let split_source = || Piece::Sentences(crate::align::sentences::split(source));
    let split_article = || Piece::Sentences(crate::align::sentences::split(text));
    // The article's language, told once for the two pieces that read in it.
    let told = std::sync::OnceLock::new();
    let lang = || {
        *told.get_or_init(|| {
            (options.languages).map_or_else(|| language_of_head(text), |(_, lang)| lang)
        })
    };
    let read_documents = || {
        let lang = lang();
        Piece::Documents(
            lang,
            differences::of_documents_but_legal(source, text, lang),
        )
    };
    let read_legal = || Piece::Legal(differences::legal_terms(source, text, lang()));
    // The longest first, so that the thread that finishes its share last finds short ones.
    let spare: [&(dyn Fn() -> Piece + Sync); 4] =
        [&read_documents, &read_legal, &split_source, &split_article];
    let spare = match options.skip_details {
        true => &spare[..0],
        false => &spare[..],
    };
    let ((quotations, source_tail, article_tail), (source_head, article_head), pieces) =
        both_then_spare(
            || {
                let mut quotations = quotes::find_unattributed(text);
                if !options.skip_speakers {
                    quotes::assign_speakers(text, &mut quotations);
                }
                let source_tail = shares
                    .source_cut
                    .map(|at| normalize::tokenize_from(source, at));
                let article_tail = match shares.article_here {
                    0 => Some(normalize::tokenize(text)),
                    here if here < text.len() => Some(normalize::tokenize_from(text, here)),
                    _ => None,
                };
                (quotations, source_tail, article_tail)
            },
            || {
                let source_head = match shares.source_cut {
                    Some(at) => normalize::tokenize_head(source, at),
                    None => normalize::tokenize(source),
                };
                let article_head = match shares.article_here {
                    0 => None,
                    here if here < text.len() => Some(normalize::tokenize_head(text, here)),
                    _ => Some(normalize::tokenize(text)),
                };
                (source_head, article_head)
            },
            spare,
        );
    let source_tokens = appended(source_head, source_tail);
    let article_tokens = match article_head {
        Some(head) => appended(head, article_tail),
        None => article_tail.unwrap_or_default(),
    };
    let (sentences, documents) = Piece::gathered(pieces);
    Words {
        quotations,
        source_tokens,
        article_tokens,
        sentences,
        documents,
    }
}

impl Piece {
    /// What the spare pieces read, put together: the source's and the article's sentences
    /// (in that order), and the differences of the texts alone with their legal terms.
    fn gathered(pieces: Vec<Piece>) -> (Option<Sentences>, Option<ReadAlone>) {
        let (mut sentences, mut documents, mut legal) = (Vec::new(), None, Vec::new());
        for piece in pieces {
            match piece {
                Piece::Sentences(spans) => sentences.push(spans),
                Piece::Documents(lang, read) => documents = Some((lang, read)),
                Piece::Legal(found) => legal = found,
            }
        }
        // Both pieces read in the one language told.
        let documents = documents.map(|(lang, read)| (lang, read.with_legal(legal)));
        let mut sentences = sentences.into_iter();
        (sentences.next().zip(sentences.next()), documents)
    }
}

/// How [`super::compare`] shares the tokenizing between its two threads so that both finish
/// together. One cuts the source's words; the other finds the article's quotations and
/// their speakers, which together cost about one and a half times what cutting the article's
/// words does. The article's words go to whichever thread has time left, its head to this
/// one, its tail to the other; when the source alone is the longer work, the other thread
/// also takes the source's tail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shares {
    /// Where the source is cut: the other thread tokenizes from here.
    source_cut: Option<usize>,
    /// How many of the article's bytes this thread tokenizes (from its start): none, all of
    /// them, or up to a [`normalize::split_point`].
    article_here: usize,
}

impl Shares {
    fn of(source: &str, article: &str) -> Shares {
        // In quarter-bytes of tokenizing: this thread's own work, and the other's.
        let (mine, theirs) = (4 * source.len(), 10 * article.len());
        if mine >= theirs {
            return Shares {
                source_cut: normalize::split_point(source, (mine - theirs) / 8),
                article_here: 0,
            };
        }
        // This thread takes the article's head: the other keeps the rest.
        let here = (theirs - mine) / 8;
        let tail = article.len().saturating_sub(here);
        let article_here = match normalize::split_point(article, tail) {
            Some(at) => at,
            // Too little to cut off, or nowhere to cut: the article goes whole to the
            // thread that should do most of it.
            None if here * 2 > article.len() => article.len(),
            None => 0,
        };
        Shares {
            source_cut: None,
            article_here,
        }
    }
}

/// A text's tokens from its head (with room reserved) and its tail, tokenized apart.
fn appended(mut head: Vec<Token>, tail: Option<Vec<Token>>) -> Vec<Token> {
    if let Some(tail) = tail {
        head.extend(tail);
        head.shrink_to_fit();
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: usize) -> String {
        "A line of words that ends in a break.\n".repeat(bytes / 38)
    }

    #[test]
    fn the_tokenizing_is_shared_so_that_both_threads_finish_together() {
        // A long transcript and a short article: the source's thread would finish last.
        let (source, article) = (lines(400_000), lines(40_000));
        let shares = Shares::of(&source, &article);
        assert_eq!(shares.article_here, 0);
        let tail = source.len() - shares.source_cut.expect("the source is cut");
        let want = (4 * source.len() - 10 * article.len()) / 8;
        assert!(tail.abs_diff(want) < 100, "{tail} bytes, {want} wanted");
        // Texts of the same length: the article's head goes to the source's thread.
        let (source, article) = (lines(1_000_000), lines(1_000_000));
        let shares = Shares::of(&source, &article);
        assert_eq!(shares.source_cut, None);
        let want = 6 * article.len() / 8;
        assert!(shares.article_here.abs_diff(want) < 100, "{shares:?}");
        // A long article and a short source: the quotations and speakers are the longer work.
        let shares = Shares::of(&lines(100_000), &article);
        assert_eq!(shares.article_here, article.len());
        // Short texts are not worth a cut: the article goes whole to one thread.
        let shares = Shares::of(&lines(20_000), &lines(20_000));
        assert_eq!(
            (shares.source_cut, shares.article_here),
            (None, 20_000 / 38 * 38)
        );
        let shares = Shares::of(&lines(60_000), &lines(20_000));
        assert_eq!((shares.source_cut, shares.article_here), (None, 0));
    }
}
