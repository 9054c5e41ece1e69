//! The result of comparing a source with an article: the types every view reads.
//!
//! [`crate::compare`] builds a [`Comparison`]; the reports, the review file and the interface
//! only read it. This module holds the types and the few words they are described with
//! ([`describe_edit`]); it runs no pipeline step and imports no module that does.

mod difference;
mod note;
pub use difference::{Change, Difference, DifferenceKind, ScopeClass, Severity};
pub use note::{DetailNote, FigureChange, TitleChange};

use crate::document::Document;
use crate::span::Span;

/// One of the two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The official text.
    Source,
    /// The article that reports on it.
    Article,
}

impl Side {
    /// The name used in reports and the JSON contract ("source", "article").
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::Article => "article",
        }
    }

    /// The other document.
    pub fn other(self) -> Side {
        match self {
            Side::Source => Side::Article,
            Side::Article => Side::Source,
        }
    }
}

/// How a passage came into the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Inside quotation marks in the article.
    Quotation,
    /// The source's words without quotation marks.
    Reuse,
    /// The same content in other words (sentence alignment).
    Paraphrase,
}

impl MatchKind {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Quotation => "quotation",
            MatchKind::Reuse => "reuse",
            MatchKind::Paraphrase => "paraphrase",
        }
    }
}

/// How faithfully the article reproduces the source passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fidelity {
    /// Byte for byte the same text.
    Exact,
    /// The same words; only case, punctuation, typography or spacing differ.
    Normalized,
    /// Words were changed, dropped or added (see the match's edits).
    Edited,
}

impl Fidelity {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Fidelity::Exact => "exact",
            Fidelity::Normalized => "normalized",
            Fidelity::Edited => "edited",
        }
    }
}

/// What one word-level edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    /// Source words replaced by other words in the article.
    Replace,
    /// Source words left out of the article.
    Delete,
    /// Words the article added.
    Insert,
    /// The article joins two pieces that lie apart in the source (another sentence, a far
    /// passage, or the reverse order) as if they were one: the classic misquote when nothing
    /// marks it. Both pieces are in [`Edit::places`].
    Splice,
}

impl EditOp {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            EditOp::Replace => "replace",
            EditOp::Delete => "delete",
            EditOp::Insert => "insert",
            EditOp::Splice => "splice",
        }
    }
}

/// How the article signals an edit to the reader, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditMark {
    /// An ellipsis stands where the source words were left out.
    Ellipsis,
    /// The added or replacing words are in square brackets.
    Brackets,
}

impl EditMark {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            EditMark::Ellipsis => "ellipsis",
            EditMark::Brackets => "brackets",
        }
    }
}

/// One word-level difference inside a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Replace, delete or insert.
    pub op: EditOp,
    /// The source words concerned (none for an insertion).
    pub source: Option<Span>,
    /// The article words concerned (none for a deletion).
    pub article: Option<Span>,
    /// How the article marks this edit, when it does (an ellipsis, brackets).
    pub marked: Option<EditMark>,
    /// Where in the article the edit sits: the start of its article words, or for a
    /// deletion the start of the word it comes before. Says whether an edit of a long reuse
    /// match falls inside a short quotation it holds.
    pub at: usize,
    /// For a splice, the source passages of the two pieces joined, in the article's order
    /// (the second before the first in the source when the order changed); `None` for
    /// every other edit. A splice has no `source` or `article` words of its own: it sits
    /// between two pieces, at `at`.
    pub places: Option<[Span; 2]>,
}

impl Edit {
    /// True for a splice whose second piece comes before the first in the source.
    pub fn order_changed(&self) -> bool {
        self.places
            .is_some_and(|[first, second]| second.start < first.start)
    }

    /// True when the edit changes the article inside `span`.
    pub fn within(&self, span: Span) -> bool {
        match self.article {
            Some(a) => a.overlaps(&span),
            None => span.start <= self.at && self.at < span.end,
        }
    }
}

/// A piece of the sentence that describes an edit: the wording itself, or one side's words,
/// which each view shows its own way (quoted, struck out, highlighted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditPart<'t> {
    /// Words of the description ("dropped ", " → ", " (marked by brackets)").
    Wording(&'static str),
    /// The source's words the article left out or replaced.
    Removed(&'t str),
    /// The words the article added or put in their place.
    Added(&'t str),
}

/// Describes one edit in the wording every view shares, so the text report, the HTML report
/// and the interface never tell one change three ways: `changed “a” → “b”`, `dropped “a”` or
/// `added “b”`, `joined from two places` or `order changed` (a splice), followed by
/// ` (marked by ellipsis|brackets)` when the article signals it. `source` and `article` are
/// the two documents' texts.
pub fn describe_edit<'t>(edit: &Edit, source: &'t str, article: &'t str) -> Vec<EditPart<'t>> {
    let removed = EditPart::Removed(edit.source.map_or("", |sp| sp.slice(source)));
    let added = EditPart::Added(edit.article.map_or("", |sp| sp.slice(article)));
    let mut parts = match edit.op {
        EditOp::Replace => vec![
            EditPart::Wording("changed "),
            removed,
            EditPart::Wording(" \u{2192} "),
            added,
        ],
        EditOp::Delete => vec![EditPart::Wording("dropped "), removed],
        EditOp::Insert => vec![EditPart::Wording("added "), added],
        EditOp::Splice if edit.order_changed() => vec![EditPart::Wording(SPLICE_REVERSED)],
        EditOp::Splice => vec![EditPart::Wording(SPLICE_JOINED)],
    };
    match edit.marked {
        Some(EditMark::Ellipsis) => parts.push(EditPart::Wording(" (marked by ellipsis)")),
        Some(EditMark::Brackets) => parts.push(EditPart::Wording(" (marked by brackets)")),
        None => {}
    }
    parts
}

/// How a splice of two places in the source's order is worded, wherever it is shown.
pub const SPLICE_JOINED: &str = "joined from two places";

/// How a splice whose second piece comes first in the source is worded.
pub const SPLICE_REVERSED: &str = "order changed";

/// A passage of the article matched to a passage of the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Stable number of the match in this comparison, from 1, in article order.
    pub id: usize,
    /// Quotation, reuse or paraphrase.
    pub kind: MatchKind,
    /// Exact, normalised or edited.
    pub fidelity: Fidelity,
    /// Similarity of the two passages in 0..=1 (share of words in common).
    pub score: f64,
    /// The passage in the source.
    pub source: Span,
    /// The passage in the article.
    pub article: Span,
    /// Word-level differences, empty unless the fidelity is `Edited`.
    pub edits: Vec<Edit>,
    /// Index into [`Comparison::quotes`] of the quotation this match lies in.
    pub quote: Option<usize>,
    /// Number of words the two passages share.
    pub shared_words: usize,
}

impl Match {
    /// The passage on one side.
    pub fn span(&self, side: Side) -> Span {
        match side {
            Side::Source => self.source,
            Side::Article => self.article,
        }
    }
}

/// What the source says about a quotation in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteStatus {
    /// In the source, word for word (exact or normalised).
    Verified,
    /// In the source, with words changed, dropped or added.
    Altered,
    /// Not in the source: someone quoted elsewhere, another document.
    NotInSource,
}

impl QuoteStatus {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Verified => "verified",
            QuoteStatus::Altered => "altered",
            QuoteStatus::NotInSource => "not_in_source",
        }
    }
}

/// One quotation of the article and its verdict against the source.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFinding {
    /// Stable number of the quotation, from 1, in article order.
    pub id: usize,
    /// Verified, altered or not in the source.
    pub status: QuoteStatus,
    /// The quoted words in the article, without the marks.
    pub article: Span,
    /// The quotation with its marks.
    pub outer: Span,
    /// Ids of the matches inside this quotation, in article order.
    pub matches: Vec<usize>,
    /// Who is quoted, when the article says so, in the fullest form the article gives.
    pub speaker: Option<String>,
    /// Person, organisation or document.
    pub speaker_kind: Option<crate::quotes::SpeakerKind>,
    /// The article's mention of the speaker that the attribution rests on.
    pub speaker_span: Option<Span>,
    /// Share of the quotation's words found in the source.
    pub coverage: f64,
    /// Where the source has a quotation too short to be a match of its own (one or two
    /// words: a "very good" call, talks held "at length"), found word for word. `None` for
    /// other quotations: their matches say where they come from.
    pub source_phrase: Option<Span>,
}

/// How much of each document the other carries.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    /// Share of the article's words inside quotation or reuse matches.
    pub article_from_source: f64,
    /// Share of the source's words that a quotation or reuse match carries into the article.
    pub source_in_article: f64,
    /// Words in the article.
    pub article_words: usize,
    /// Words in the source.
    pub source_words: usize,
    /// Share of the article's words inside paraphrase matches.
    pub article_paraphrased: f64,
    /// Share of the source's words inside paraphrase matches.
    pub source_paraphrased: f64,
}

/// Everything found when comparing a source with an article.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The official text.
    pub source: Document,
    /// The article that reports on it.
    pub article: Document,
    /// Quotation and reuse matches in article order, then paraphrase matches;
    /// `matches[i].id == i + 1`.
    pub matches: Vec<Match>,
    /// The article's quotations in order; `quotes[i].id == i + 1`.
    pub quotes: Vec<QuoteFinding>,
    /// Facts (numbers, dates, names, places) compared between the documents.
    pub details: Vec<Detail>,
    /// What differs, each once, in article order: the list a reviewer reads.
    pub differences: Vec<Difference>,
    /// Coverage both ways.
    pub stats: Stats,
}

impl Comparison {
    /// The match with this id.
    pub fn match_by_id(&self, id: usize) -> Option<&Match> {
        id.checked_sub(1).and_then(|i| self.matches.get(i))
    }
}

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
    /// A short note a person reads at a glance ("55 min vs ≈ 60 min: almost an hour"), as
    /// data: the reports and the interface write it with its `Display`.
    pub note: DetailNote,
    /// Where the source states it.
    pub source: Option<Span>,
    /// Where the article states it.
    pub article: Option<Span>,
    /// The match (quotation, reuse or paraphrase) the detail belongs to.
    pub match_id: Option<usize>,
}
