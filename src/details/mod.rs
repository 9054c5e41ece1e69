//! Facts the article and the source state: numbers, dates, names, places, and how they
//! relate (same, compatible, conflicting, more specific, one side only).
//!
//! [`annotate`] runs after quotation and reuse matching: it splits both documents into
//! sentences ([`sentences`]), aligns the article's sentences with the source's
//! ([`paraphrase`]), proposes a `paraphrase` match for each aligned pair that no quotation or
//! reuse match already covers, extracts details from both sides ([`extract`], [`calendar`]) and
//! relates them ([`relate`]). It returns what it found ([`Annotation`]) and never changes the
//! matches it was given: numbering everything is the caller's last step.

use rustc_hash::FxHashMap as HashMap;

use crate::align::paraphrase;
use crate::align::stems::Stems;
pub use crate::comparison::{Detail, DetailKind, Relation};
use crate::comparison::{Fidelity, Match, MatchKind};
use crate::lexicon::Lang;
use crate::normalize::Token;
use crate::span::{Span, SpanIndex};

/// A calendar date, used as the reference for relative expressions ("yesterday").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    /// Year, e.g. 2017.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of the month, 1..=31.
    pub day: u32,
}

impl CalendarDate {
    /// Parses `YYYY-MM-DD`; `None` unless the date exists in the calendar.
    pub fn parse(text: &str) -> Option<CalendarDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        calendar::day_of(year, month, day)?;
        Some(CalendarDate { year, month, day })
    }
}

/// Publication dates the user gives, overriding the datelines found in the texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentDates {
    /// When the source was issued.
    pub source: Option<CalendarDate>,
    /// When the article was published.
    pub article: Option<CalendarDate>,
}

/// What the details add to the quotation and reuse matches. Nothing is numbered yet: the
/// paraphrase matches have id 0, the details id 0 and no match; the caller numbers them once
/// every match is known.
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    /// Aligned sentence pairs that no quotation or reuse match covers.
    pub paraphrases: Vec<Match>,
    /// The facts related between the documents, in article order (then source order for
    /// one-sided ones).
    pub details: Vec<Detail>,
}

/// Aligns the documents' sentences and relates their details, given the quotation and reuse
/// matches (`verbatim`, in article order) already found.
pub fn annotate(
    (source_text, article_text): (&str, &str),
    verbatim: &[Match],
    (source_tokens, article_tokens): (&[Token], &[Token]),
    dates: &DocumentDates,
) -> Annotation {
    let split = crate::align::sentences::split;
    let mut stems = crate::align::stems::ByLang::default();
    let source = prepare(
        source_text,
        source_tokens,
        stems.of(Lang::of_document(source_tokens)),
        split(source_text),
    );
    let article = prepare(
        article_text,
        article_tokens,
        stems.of(Lang::of_document(article_tokens)),
        split(article_text),
    );
    annotate_linked(
        (source_text, article_text),
        verbatim,
        (source_tokens, article_tokens),
        link(source_text, (source, article)),
        dates,
    )
}

/// What the details know of one document before any match is found: the values it states
/// and its sentences' stems. Independent of the other document and of matching, so the caller can
/// prepare both documents while matching runs.
pub(crate) struct Prepared {
    /// Values only ([`extract::extract_values`]): the rest is read in the aligned sentences.
    extraction: extract::Extraction,
    lang: Lang,
    /// Each sentence's weighted stems, numbered in `vocab` (this document's own numbering).
    terms: Vec<paraphrase::Terms>,
    vocab: HashMap<String, u32>,
}

/// Reads the facts of one document in the language of `stems` (see [`Prepared`]), its
/// `sentences` cut already ([`crate::align::sentences::split`] of `text`); the words it
/// stems are kept in `stems`, for the other document and the differences to find.
pub(crate) fn prepare(
    text: &str,
    tokens: &[Token],
    stems: &mut Stems,
    sentences: Vec<Span>,
) -> Prepared {
    let lang = stems.lang();
    let extraction = extract::extract_values_in(text, tokens, (lang, stems.stemmer()), sentences);
    let mut vocab = HashMap::default();
    let terms = paraphrase::terms(text, tokens, &extraction.sentences, stems, &mut vocab);
    Prepared {
        extraction,
        lang,
        terms,
        vocab,
    }
}

impl Prepared {
    /// The sentences it was read in, to read them again in another language.
    pub(crate) fn into_sentences(self) -> Vec<Span> {
        self.extraction.sentences
    }
}

/// `prepared`, [`prepare`]d from `old`, the words of `text` as tokenised, brought up to date
/// with `new`, the same words where a PDF broke one mended: only the sentences holding a
/// word that differs are read again, as [`prepare`] of `new` would read them (`stems` in
/// the language it was prepared in).
pub(crate) fn remend(
    mut prepared: Prepared,
    text: &str,
    (old, new): (&[Token], &[Token]),
    stems: &mut Stems,
) -> Prepared {
    if std::ptr::eq(old, new) {
        return prepared;
    }
    let changed = changed_sentences(&prepared.extraction.sentences, old, new);
    if changed.is_empty() {
        return prepared;
    }
    let lang = prepared.lang;
    prepared
        .extraction
        .reread_values((text, new), (lang, stems.stemmer()), &changed);
    for &k in &changed {
        let span = prepared.extraction.sentences[k];
        prepared.terms[k] =
            paraphrase::sentence_terms((text, new), span, stems, &mut prepared.vocab);
    }
    prepared
}

/// The sentences (numbers into `sentences`, ascending) that hold a word of `old` not in `new`
/// or one of `new` not in `old`: both list the words of one text in order.
fn changed_sentences(sentences: &[Span], old: &[Token], new: &[Token]) -> Vec<usize> {
    let same = |a: &Token, b: &Token| a.span() == b.span() && a.norm == b.norm;
    let mut spans = Vec::new();
    let (mut i, mut j) = (0, 0);
    loop {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if same(a, b) => (i, j) = (i + 1, j + 1),
            (Some(a), Some(b)) if a.span().start <= b.span().start => {
                spans.push(a.span());
                i += 1;
            }
            (_, Some(b)) => {
                spans.push(b.span());
                j += 1;
            }
            (Some(a), None) => {
                spans.push(a.span());
                i += 1;
            }
            (None, None) => break,
        }
    }
    let mut changed: Vec<usize> = spans
        .iter()
        .flat_map(|w| {
            let first = sentences.partition_point(|s| s.end <= w.start);
            (first..sentences.len()).take_while(move |&k| sentences[k].start < w.end)
        })
        .collect();
    changed.sort_unstable();
    changed.dedup();
    changed
}

/// Numbers the article's stems as the source does (stems new to the source get the next
/// numbers, in the order the article first uses them).
fn renumber(
    article: Vec<paraphrase::Terms>,
    local: HashMap<String, u32>,
    vocab: &mut HashMap<String, u32>,
) -> Vec<paraphrase::Terms> {
    let mut words: Vec<(String, u32)> = local.into_iter().collect();
    words.sort_unstable_by_key(|(_, id)| *id);
    let mut translate = vec![0u32; words.len()];
    for (word, id) in words {
        let next = vocab.len() as u32;
        translate[id as usize] = *vocab.entry(word).or_insert(next);
    }
    article
        .into_iter()
        .map(|t| paraphrase::Terms {
            terms: t.terms.renumbered(|id| translate[id as usize]),
            len: t.len,
            anchors: t
                .anchors
                .into_iter()
                .map(|id| translate[id as usize])
                .collect(),
        })
        .collect()
}

/// Weight of a detail's value (a figure, a full date) as a term of paraphrase alignment,
/// against 1 for a word: two texts giving one figure likely tell one fact.
const DETAIL_TERM_WEIGHT: f64 = 2.0;
/// Least share of an article sentence's words outside quotation and reuse matches for its
/// aligned pair to be reported as a paraphrase.
const PARAPHRASE_UNCOVERED: f64 = 0.5;
/// A source sentence of this many letters at least, this share of them capitals (in tenths),
/// is a headline in capitals.
const SHOUTING_LETTERS: usize = 12;
const SHOUTING_TENTHS: usize = 7;

/// One document for relating. Relative dates count from the date the user gives, else from
/// the document's dateline.
fn facts<'a>(
    text: &'a str,
    extraction: &'a extract::Extraction,
    given: Option<CalendarDate>,
) -> relate::Facts<'a> {
    relate::Facts {
        text,
        extraction,
        reference: given
            .and_then(calendar::from_calendar)
            .or(extraction.dateline),
    }
}

/// Adds the values of the details of `ex` (figures, dates) to the terms of their sentences.
fn add_detail_terms(
    ex: &extract::Extraction,
    terms: &mut [paraphrase::Terms],
    vocab: &mut HashMap<String, u32>,
) {
    for m in &ex.mentions {
        if let Some(key) = extract::value_key(&m.value) {
            if let Some(t) = terms.get_mut(m.sentence) {
                let anchor = extract::is_distinctive(&m.value);
                paraphrase::add_term(t, key, DETAIL_TERM_WEIGHT, anchor, vocab);
            }
        }
    }
}

/// True for a sentence in capitals (a headline).
fn shouting(text: &str) -> bool {
    let extract::Capitals {
        letters,
        capitals: upper,
        ..
    } = extract::capitals(text);
    letters >= SHOUTING_LETTERS && upper * 10 >= letters * SHOUTING_TENTHS
}

/// The units of the aligned sentences, and the paraphrase matches among them: the pairs
/// whose article sentence quotation and reuse matches do not already mostly cover.
fn paraphrase_units(
    links: &[paraphrase::Link],
    (sx, ax): (&extract::Extraction, &extract::Extraction),
    verbatim: &[Match],
    article_tokens: &[Token],
) -> (Vec<relate::Unit>, Vec<Match>) {
    // How much of each article sentence quotation and reuse matches already cover.
    let mut covering: Vec<Span> = verbatim.iter().map(|m| m.article).collect();
    covering.sort();
    let covering = SpanIndex::new(&covering, |m: &Span| *m);
    let covered = |sentence: Span| -> f64 {
        let near = &covering.items()[covering.overlapping(sentence)];
        // Most aligned sentences hold no quotation or reuse: their words are not looked up.
        if near.is_empty() {
            return 0.0;
        }
        let words = crate::normalize::tokens_in(article_tokens, sentence);
        if words.is_empty() {
            return 0.0;
        }
        let inside = words
            .iter()
            .filter(|t| near.iter().any(|m| m.contains(&t.span())))
            .count();
        inside as f64 / words.len() as f64
    };

    let mut units: Vec<relate::Unit> = Vec::new();
    let mut unit_of: HashMap<usize, usize> = HashMap::default();
    let mut paraphrases = Vec::new();
    for link in links {
        let article = ax.sentences[link.article];
        let source = sx.sentences[link.source.0].cover(&sx.sentences[link.source.1]);
        let u = *unit_of.entry(link.article).or_insert_with(|| {
            units.push(relate::Unit {
                article,
                sources: Vec::new(),
                verbatim: Vec::new(),
            });
            units.len() - 1
        });
        units[u].sources.push(source);
        if covered(article) < PARAPHRASE_UNCOVERED {
            paraphrases.push(Match {
                id: 0,
                kind: MatchKind::Paraphrase,
                fidelity: Fidelity::Edited,
                score: link.score,
                source,
                article,
                edits: Vec::new(),
                quote: None,
                shared_words: link.shared,
            });
        }
    }
    (units, paraphrases)
}

/// Quotation and reuse matches as aligned units too: the article sentence around each, and
/// the whole source sentences it reuses.
fn verbatim_units(
    verbatim: &[Match],
    (sx, ax): (&extract::Extraction, &extract::Extraction),
) -> Vec<relate::Unit> {
    let mut units = Vec::with_capacity(verbatim.len());
    let ax_sentences = SpanIndex::new(&ax.sentences, |s: &Span| *s);
    let sx_sentences = SpanIndex::new(&sx.sentences, |s: &Span| *s);
    for m in verbatim {
        let article = ax_sentences
            .overlapping(m.article)
            .next()
            .map_or(m.article, |k| ax.sentences[k].cover(&m.article));
        // The whole source sentences too: a reuse match can stop right before the figure the
        // article changed ("free cash flow of $12.6 million" for "... of $12.8 million").
        let std::ops::Range {
            start: first,
            end: last,
        } = sx_sentences.overlapping(m.source);
        let source = if first < last {
            sx.sentences[first]
                .cover(&sx.sentences[last - 1])
                .cover(&m.source)
        } else {
            m.source
        };
        units.push(relate::Unit {
            article,
            sources: vec![source],
            verbatim: vec![m.source],
        });
    }
    units
}

/// One document as [`read_names`] reads it: its text, its words and its language.
type Read<'a> = (&'a str, &'a [Token], Lang);

/// Reads the names, titles, places and hedges of the sentences the aligned units touch and
/// of those holding a name both documents use, on both sides (see [`aligned`] and
/// [`extract::Extraction::read_names`]), and takes a single capitalised
/// word as the person the other side names in full.
fn read_names(
    (sx, ax): (&mut extract::Extraction, &mut extract::Extraction),
    (source, article): (Read, Read),
    units: &[relate::Unit],
) {
    let mut source_aligned = aligned::touched(
        &sx.sentences,
        units.iter().flat_map(|u| u.sources.iter().copied()),
    );
    let mut article_aligned = aligned::touched(&ax.sentences, units.iter().map(|u| u.article));
    aligned::mark_shared_names(
        (
            (source.0, source.1, &sx.sentences),
            (article.0, article.1, &ax.sentences),
        ),
        (&mut source_aligned, &mut article_aligned),
    );
    // The two documents are read apart: the article on a thread of its own.
    let read = |ex: &mut extract::Extraction, (text, tokens, lang): Read, marked: &[bool]| {
        ex.read_names(
            (text, tokens),
            (lang, &crate::align::stems::stemmer(lang)),
            marked,
        )
    };
    crate::parallel::both(
        || read(ax, article, &article_aligned),
        || read(sx, source, &source_aligned),
    );
    let (source_names, article_names) = (sx.surnames(), ax.surnames());
    sx.adopt_names(&article_names);
    ax.adopt_names(&source_names);
}

/// Both documents [`prepare`]d and their sentences aligned: everything the details know
/// before any quotation or reuse match is found.
pub(crate) struct Linked {
    source: extract::Extraction,
    article: extract::Extraction,
    langs: (Lang, Lang),
    links: Vec<paraphrase::Link>,
}

/// Aligns the sentences of two [`prepare`]d documents (`source_text` the source's text), on
/// two threads.
pub(crate) fn link(source_text: &str, prepared: (Prepared, Prepared)) -> Linked {
    let linking = linking(source_text, prepared);
    crate::parallel::both(|| linking.help(), || linking.help());
    linking.linked()
}

/// Two [`prepare`]d documents whose sentences are being aligned ([`paraphrase::Aligning`]):
/// any thread may [`Linking::help`]. Sentence alignment reads the documents' stems and
/// values, not the matches, so the pipeline runs it while matching runs, and the matching
/// thread helps once it is done; only which links become paraphrase matches waits for the
/// quotation and reuse matches ([`paraphrased`]).
pub(crate) struct Linking {
    source: extract::Extraction,
    article: extract::Extraction,
    langs: (Lang, Lang),
    aligning: paraphrase::Aligning,
}

impl Linking {
    /// Aligns article sentences no thread has taken yet, until none is left.
    pub(crate) fn help(&self) {
        self.aligning.help();
    }

    /// Both documents linked (any sentence no thread aligned is aligned here).
    pub(crate) fn linked(self) -> Linked {
        Linked {
            links: self.aligning.links(),
            source: self.source,
            article: self.article,
            langs: self.langs,
        }
    }
}

/// The [`Linking`] of two [`prepare`]d documents (`source_text` the source's text): their
/// stems numbered alike, the values of their details added as terms, the source indexed.
pub(crate) fn linking(source_text: &str, (source, article): (Prepared, Prepared)) -> Linking {
    let mut vocab = source.vocab;
    let mut source_terms = source.terms;
    let mut article_terms = renumber(article.terms, article.vocab, &mut vocab);
    let (sx, ax) = (source.extraction, article.extraction);
    for (ex, terms) in [(&sx, &mut source_terms), (&ax, &mut article_terms)] {
        add_detail_terms(ex, terms, &mut vocab);
    }
    let shouting: Vec<bool> = sx
        .sentences
        .iter()
        .map(|s| shouting(s.slice(source_text)))
        .collect();
    Linking {
        source: sx,
        article: ax,
        langs: (source.lang, article.lang),
        aligning: paraphrase::Aligning::new(source_terms, article_terms, shouting),
    }
}

/// [`annotate`] with both documents already [`link`]ed.
pub(crate) fn annotate_linked(
    texts: (&str, &str),
    verbatim: &[Match],
    tokens: (&[Token], &[Token]),
    linked: Linked,
    dates: &DocumentDates,
) -> Annotation {
    let (paraphrased, paraphrases) = paraphrased(linked, verbatim, tokens.1);
    Annotation {
        paraphrases,
        details: paraphrased.related(texts, tokens, dates),
    }
}

/// Both documents [`link`]ed and the units of what they tell alike known: what is left to
/// relate once the paraphrase matches are found ([`Paraphrased::related`]). The caller
/// can number the matches, and read what differs inside each, while the details are related.
pub(crate) struct Paraphrased {
    source: extract::Extraction,
    article: extract::Extraction,
    langs: (Lang, Lang),
    units: Vec<relate::Unit>,
}

/// The paraphrase matches among the `linked` sentences (those quotation and reuse matches,
/// `verbatim` in article order, do not mostly cover), and what is left to relate.
pub(crate) fn paraphrased(
    linked: Linked,
    verbatim: &[Match],
    article_tokens: &[Token],
) -> (Paraphrased, Vec<Match>) {
    let Linked {
        source,
        article,
        langs,
        links,
    } = linked;
    let (mut units, paraphrases) =
        paraphrase_units(&links, (&source, &article), verbatim, article_tokens);
    units.extend(verbatim_units(verbatim, (&source, &article)));
    let paraphrased = Paraphrased {
        source,
        article,
        langs,
        units,
    };
    (paraphrased, paraphrases)
}

impl Paraphrased {
    /// The details of the two texts (their words `tokens`), related in every unit, in
    /// article order (then source order for one-sided ones), not yet numbered.
    pub(crate) fn related(
        self,
        (source_text, article_text): (&str, &str),
        (source_tokens, article_tokens): (&[Token], &[Token]),
        dates: &DocumentDates,
    ) -> Vec<Detail> {
        let Paraphrased {
            source: mut sx,
            article: mut ax,
            langs: (source_lang, article_lang),
            units,
        } = self;
        read_names(
            (&mut sx, &mut ax),
            (
                (source_text, source_tokens, source_lang),
                (article_text, article_tokens, article_lang),
            ),
            &units,
        );
        let source_side = facts(source_text, &sx, dates.source);
        let article_side = facts(article_text, &ax, dates.article);
        let mut related = relate::relate(&source_side, &article_side, &units);
        related.sort_by_key(|r| {
            (
                r.article.map_or(usize::MAX, |s| s.start),
                r.source.map_or(usize::MAX, |s| s.start),
            )
        });
        related
            .into_iter()
            .map(|r| Detail {
                id: 0,
                kind: r.kind,
                relation: r.relation,
                note: r.note,
                source: r.source,
                article: r.article,
                match_id: None,
            })
            .collect()
    }
}

mod aligned;
pub(crate) mod calendar;
pub(crate) mod extract;
pub(crate) mod relate;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, CompareOptions, Comparison};
    use crate::document::Document;
    use crate::normalize::tokenize;

    /// A detail as the tests read it: kind, relation, source text, article text ("" for a
    /// side it lacks).
    pub(super) type Row = (DetailKind, Relation, String, String);

    /// The two texts compared as documents named "source" and "article": the rows are read
    /// from it, and the tests that look past the rows (matches, spans) start from it too.
    pub(super) fn compared(source: &str, article: &str, options: &CompareOptions) -> Comparison {
        compare(
            Document::from_text("source", source),
            Document::from_text("article", article),
            options,
        )
    }

    /// The details of the pair as rows, under these options. Here so that the tests of
    /// `aligned` and of `relate`, which read the same rows, share one reading.
    pub(super) fn details_with(source: &str, article: &str, options: &CompareOptions) -> Vec<Row> {
        let side =
            |sp: Option<Span>, text: &str| sp.map_or(String::new(), |s| s.slice(text).to_string());
        compared(source, article, options)
            .details
            .iter()
            .map(|d| {
                (
                    d.kind,
                    d.relation,
                    side(d.source, source),
                    side(d.article, article),
                )
            })
            .collect()
    }

    /// [`details_with`] under the default options, which most tests use.
    pub(super) fn details(source: &str, article: &str) -> Vec<Row> {
        details_with(source, article, &CompareOptions::default())
    }

    /// Each sentence's stems by their text (ids differ between two preparings), with weights.
    fn stems(p: &Prepared) -> Vec<Vec<(String, u64)>> {
        let words: HashMap<u32, &str> = p.vocab.iter().map(|(w, id)| (*id, w.as_str())).collect();
        p.terms
            .iter()
            .map(|t| {
                let mut s: Vec<(String, u64)> = t
                    .terms
                    .iter()
                    .map(|(id, w)| (words[&id].to_string(), w.to_bits()))
                    .collect();
                s.sort();
                s
            })
            .collect()
    }

    /// A release taken from a PDF breaks "thirteen" and "information" at line ends; the
    /// article writes them whole. Read before mending and brought up to date, the facts and
    /// stems are those read from the mended words: the count of thirteen schools is found.
    #[test]
    fn a_preparing_brought_up_to_date_with_mended_words_equals_one_of_them() {
        let source = "The council met on Monday. It approved 4.5 million euros for thir-\nteen schools and a new infor-\nmation centre. Work starts on 3 May.";
        let article = "The council approved 4.5 million euros for thirteen schools and an information centre.";
        let old = tokenize(source);
        let new = crate::matching::broken::mend(source, &old, (article, &tokenize(article)))
            .expect("the broken words are mended");
        let sentences = crate::align::sentences::split(source);
        let whole = prepare(source, &new, &mut Stems::new(Lang::En), sentences.clone());
        let mut stemmed = Stems::new(Lang::En);
        let early = prepare(source, &old, &mut stemmed, sentences);
        assert_ne!(early.extraction.mentions, whole.extraction.mentions);
        let patched = remend(early, source, (&old, &new), &mut stemmed);
        assert_eq!(patched.extraction.mentions, whole.extraction.mentions);
        assert_eq!(patched.extraction.dateline, whole.extraction.dateline);
        assert_eq!(stems(&patched), stems(&whole));
        let lens = |p: &Prepared| p.terms.iter().map(|t| t.len).collect::<Vec<_>>();
        assert_eq!(lens(&patched), lens(&whole));
        assert!(whole
            .extraction
            .mentions
            .iter()
            .any(|m| m.span.slice(source).starts_with("thir-")));
    }
}
