//! Facts the article and the source state: numbers, dates, names, places, and how they
//! relate (same, compatible, conflicting, more specific, one side only).
//!
//! This is the seam where sentence alignment (paraphrase) and detail extraction plug into a
//! [`Comparison`]; until they land, [`annotate`] adds nothing.

use crate::compare::Comparison;
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

/// Publication dates the user gives, overriding the datelines found in the texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentDates {
    /// When the source was issued.
    pub source: Option<CalendarDate>,
    /// When the article was published.
    pub article: Option<CalendarDate>,
}

/// Adds paraphrase matches and compared details to a comparison.
pub fn annotate(
    comparison: &mut Comparison,
    source_tokens: &[Token],
    article_tokens: &[Token],
    dates: &DocumentDates,
) {
    let _ = (comparison, source_tokens, article_tokens, dates);
}
