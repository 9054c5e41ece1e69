//! Facts the article and the source state: numbers, dates, names, places, and how they
//! relate (same, compatible, conflicting, more specific, one side only).
//!
//! [`annotate`] runs after quotation and reuse matching: it splits both documents into
//! sentences ([`sentences`]), aligns the article's sentences with the source's
//! ([`paraphrase`]), adds a `paraphrase` match for each aligned pair that no quotation or
//! reuse match already covers, extracts details from both sides ([`extract`], [`dates`]) and
//! relates them ([`relate`]). It never changes the matches it was given.

use rustc_hash::FxHashMap as HashMap;

use crate::compare::{Comparison, Fidelity, Match, MatchKind};
use crate::normalize::Token;
use crate::span::Span;

/// What sort of fact a detail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DetailKind {
    /// A count or quantity ("two agents", "1.2 million", "40%").
    Number,
    /// An amount of money.
    Money,
    /// A length of time ("55-minute", "almost an hour").
    Duration,
    /// A date or time, absolute or relative ("May 15", "yesterday", "this afternoon").
    Date,
    /// A person ("Mayor Bill de Blasio").
    Person,
    /// A title or role ("Homeland Security Secretary").
    Title,
    /// An organisation ("DHS", "U.S. Citizenship and Immigration Services").
    Organization,
    /// A place ("Washington, D.C.", "P.S. 58 in Queens").
    Place,
    /// A hedge or qualifier ("almost", "apparently", "at least").
    Hedge,
}

impl DetailKind {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            DetailKind::Number => "number",
            DetailKind::Money => "money",
            DetailKind::Duration => "duration",
            DetailKind::Date => "date",
            DetailKind::Person => "person",
            DetailKind::Title => "title",
            DetailKind::Organization => "organization",
            DetailKind::Place => "place",
            DetailKind::Hedge => "hedge",
        }
    }
}

/// How an article's detail relates to the source's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// The same fact, possibly worded differently.
    Same,
    /// Different words that can both be true ("55 minutes" and "almost an hour").
    Compatible,
    /// The two cannot both be true ("two agents" and "an agent").
    Conflicting,
    /// The article is more precise ("a school" and "P.S. 58").
    MoreSpecific,
    /// Only the source states it.
    OnlySource,
    /// Only the article states it.
    OnlyArticle,
}

impl Relation {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Compatible => "compatible",
            Relation::Conflicting => "conflicting",
            Relation::MoreSpecific => "more_specific",
            Relation::OnlySource => "only_source",
            Relation::OnlyArticle => "only_article",
        }
    }
}

/// One fact compared between the documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// Stable number of the detail, from 1.
    pub id: usize,
    /// Number, date, person, ...
    pub kind: DetailKind,
    /// How the two sides relate.
    pub relation: Relation,
    /// A short note a person reads at a glance ("55 min vs ≈ 60 min: almost an hour").
    pub note: String,
    /// Where the source states it.
    pub source: Option<Span>,
    /// Where the article states it.
    pub article: Option<Span>,
    /// The match (quotation, reuse or paraphrase) the detail belongs to.
    pub match_id: Option<usize>,
}

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
        dates::day_of(year, month, day)?;
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

/// Adds paraphrase matches and compared details to a comparison.
///
/// Paraphrase matches join the others and all are numbered again in article order (the
/// quotations' references follow).
/// Details are numbered from 1 in article order (then source order for one-sided ones).
pub fn annotate(
    comparison: &mut Comparison,
    source_tokens: &[Token],
    article_tokens: &[Token],
    dates: &DocumentDates,
) {
    let source = prepare(&comparison.source.text, source_tokens);
    let article = prepare(&comparison.article.text, article_tokens);
    annotate_prepared(comparison, article_tokens, (source, article), dates);
}

/// What the details know of one document before any match is found: its language and the
/// facts it states. Independent of the other document and of matching, so the caller can
/// prepare both documents while matching runs.
pub struct Prepared {
    extraction: extract::Extraction,
    /// Each sentence's weighted stems, numbered in `vocab` (this document's own numbering).
    terms: Vec<paraphrase::Terms>,
    vocab: HashMap<String, u32>,
}

/// Reads one document's language and facts (see [`Prepared`]).
pub fn prepare(text: &str, tokens: &[Token]) -> Prepared {
    let lang = paraphrase::detect_language(tokens);
    let stemmer = paraphrase::stemmer(lang);
    let extraction = extract::extract(text, tokens, lang, &stemmer);
    let mut vocab = HashMap::default();
    let terms = paraphrase::terms(
        lang,
        text,
        tokens,
        &extraction.sentences,
        &stemmer,
        &mut vocab,
    );
    Prepared {
        extraction,
        terms,
        vocab,
    }
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
            terms: t
                .terms
                .into_iter()
                .map(|(id, w)| (translate[id as usize], w))
                .collect(),
            len: t.len,
            anchors: t
                .anchors
                .into_iter()
                .map(|id| translate[id as usize])
                .collect(),
        })
        .collect()
}

/// [`annotate`] with both documents already [`prepare`]d.
pub fn annotate_prepared(
    comparison: &mut Comparison,
    article_tokens: &[Token],
    (source, article): (Prepared, Prepared),
    dates: &DocumentDates,
) {
    let source_text = comparison.source.text.as_str();
    let article_text = comparison.article.text.as_str();
    let mut sx = source.extraction;
    let mut ax = article.extraction;
    let mut vocab = source.vocab;
    let mut source_terms = source.terms;
    let mut article_terms = renumber(article.terms, article.vocab, &mut vocab);
    let (source_names, article_names) = (sx.surnames(), ax.surnames());
    sx.adopt_names(&article_names);
    ax.adopt_names(&source_names);

    for (ex, terms) in [(&sx, &mut source_terms), (&ax, &mut article_terms)] {
        for m in &ex.mentions {
            if let Some(key) = extract::value_key(&m.value) {
                if let Some(t) = terms.get_mut(m.sentence) {
                    let anchor = extract::is_distinctive(&m.value);
                    paraphrase::add_term(t, key, 2.0, anchor, &mut vocab);
                }
            }
        }
    }
    let shouting: Vec<bool> = sx
        .sentences
        .iter()
        .map(|s| {
            let text = s.slice(source_text);
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let upper = text.chars().filter(|c| c.is_uppercase()).count();
            letters >= 12 && upper * 10 >= letters * 7
        })
        .collect();
    let links = paraphrase::align_with(&source_terms, &article_terms, &shouting);

    // How much of each article sentence quotation and reuse matches already cover.
    let mut verbatim: Vec<Span> = comparison.matches.iter().map(|m| m.article).collect();
    verbatim.sort();
    let covered = |sentence: Span| -> f64 {
        let words = crate::normalize::tokens_in(article_tokens, sentence);
        if words.is_empty() {
            return 0.0;
        }
        let first = verbatim.partition_point(|m| m.end <= sentence.start);
        let inside = words
            .iter()
            .filter(|t| {
                verbatim[first..]
                    .iter()
                    .take_while(|m| m.start < sentence.end)
                    .any(|m| m.contains(&t.span()))
            })
            .count();
        inside as f64 / words.len() as f64
    };

    let mut units: Vec<relate::Unit> = Vec::new();
    let mut unit_of: HashMap<usize, usize> = HashMap::default();
    let mut paraphrases = Vec::new();
    for link in &links {
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
        if covered(article) < 0.5 {
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
    // Quotation and reuse matches are aligned units too.
    for m in &comparison.matches {
        let k = ax.sentences.partition_point(|s| s.end <= m.article.start);
        let article = ax
            .sentences
            .get(k)
            .filter(|s| s.overlaps(&m.article))
            .map_or(m.article, |s| s.cover(&m.article));
        // The whole source sentences too: a reuse match can stop right before the figure the
        // article changed ("free cash flow of $12.6 million" for "... of $12.8 million").
        let first = sx.sentences.partition_point(|s| s.end <= m.source.start);
        let last = sx.sentences.partition_point(|s| s.start < m.source.end);
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

    let source_side = relate::Side {
        text: source_text,
        extraction: &sx,
        reference: dates.source.and_then(dates::from_calendar).or(sx.dateline),
    };
    let article_side = relate::Side {
        text: article_text,
        extraction: &ax,
        reference: dates.article.and_then(dates::from_calendar).or(ax.dateline),
    };
    let mut related = relate::relate(&source_side, &article_side, &units);

    comparison.matches.extend(paraphrases);
    // All matches numbered again in article order, paraphrases among the others, and the
    // quotations' references to them translated.
    comparison.matches.sort_by_key(|m| {
        (
            m.article.start,
            m.source.start,
            m.kind == MatchKind::Paraphrase,
        )
    });
    let mut new_id = vec![0usize; comparison.matches.len() + 1];
    for (k, m) in comparison.matches.iter_mut().enumerate() {
        if let Some(slot) = new_id.get_mut(m.id) {
            *slot = k + 1;
        }
        m.id = k + 1;
    }
    for q in &mut comparison.quotes {
        for id in &mut q.matches {
            *id = new_id.get(*id).copied().unwrap_or(*id);
        }
    }
    related.sort_by_key(|r| {
        (
            r.article.map_or(usize::MAX, |s| s.start),
            r.source.map_or(usize::MAX, |s| s.start),
        )
    });
    let matches = &comparison.matches;
    // Matches by where they start, on each side, to find the one holding a detail quickly.
    let mut by_article: Vec<(Span, usize)> = matches.iter().map(|m| (m.article, m.id)).collect();
    let mut by_source: Vec<(Span, usize)> = matches.iter().map(|m| (m.source, m.id)).collect();
    by_article.sort();
    by_source.sort();
    let holder = |sorted: &[(Span, usize)], span: Span| -> Option<usize> {
        let k = sorted.partition_point(|(m, _)| m.start <= span.start);
        sorted[..k]
            .iter()
            .rev()
            .take(32)
            .filter(|(m, _)| m.contains(&span))
            .map(|(_, id)| *id)
            .min()
    };
    comparison.details = related
        .into_iter()
        .enumerate()
        .map(|(k, r)| {
            let match_id = match (r.article, r.source) {
                (Some(a), _) => holder(&by_article, a),
                (None, Some(s)) => holder(&by_source, s),
                _ => None,
            };
            Detail {
                id: k + 1,
                kind: r.kind,
                relation: r.relation,
                note: r.note,
                source: r.source,
                article: r.article,
                match_id,
            }
        })
        .collect();
}

pub mod dates;
pub mod extract;
pub mod lexicon;
pub mod paraphrase;
pub mod relate;
pub mod sentences;
