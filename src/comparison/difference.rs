//! A difference between the documents, as data: what it concerns, how much it matters, and
//! what changed ([`Change`]), put into words once by [`Difference::note`] for every view.

use super::{DetailNote, EditMark, Relation, Side, SPLICE_JOINED, SPLICE_REVERSED};
use crate::span::Span;

/// Why a word sets the scope of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScopeClass {
    /// "may", "would", "expected": how sure or how bound.
    Modal,
    /// "apparently", "I feel": a doubt or a personal view.
    Hedge,
    /// "if", "should the ...": a condition.
    Condition,
    /// "some", "only", "actual": how much of something.
    Quantifier,
    /// "not", "never", "without".
    Negation,
    /// "proposed", "draft": a step not yet taken.
    Status,
}

impl ScopeClass {
    /// How a reviewer names the class ("condition", "qualifier").
    pub fn label(self) -> &'static str {
        match self {
            ScopeClass::Modal => "modal",
            ScopeClass::Hedge => "hedge",
            ScopeClass::Condition => "condition",
            ScopeClass::Quantifier => "qualifier",
            ScopeClass::Negation => "negation",
            ScopeClass::Status => "status word",
        }
    }
}

/// What kind of fact or wording a difference concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DifferenceKind {
    /// A count, amount, share or duration.
    Number,
    /// A date, weekday, time or relative time ("yesterday").
    Date,
    /// A person's name.
    Name,
    /// A title or role.
    Title,
    /// An organisation.
    Organisation,
    /// A place.
    Place,
    /// A word dropped, added, changed, misspelt or re-cased inside a quotation.
    QuoteWording,
    /// A qualifier, condition, modal, hedge or quantifier dropped, added or changed.
    Scope,
    /// Words of one speaker or body credited to another.
    Attribution,
}

impl DifferenceKind {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            DifferenceKind::Number => "number",
            DifferenceKind::Date => "date",
            DifferenceKind::Name => "name",
            DifferenceKind::Title => "title",
            DifferenceKind::Organisation => "organisation",
            DifferenceKind::Place => "place",
            DifferenceKind::QuoteWording => "quote_wording",
            DifferenceKind::Scope => "scope",
            DifferenceKind::Attribution => "attribution",
        }
    }
}

/// How much a difference matters to a fact-checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The fact or its force changed.
    Major,
    /// Spelling, case, house style, a change the article marks.
    Minor,
}

impl Severity {
    /// The name used in reports and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Major => "major",
            Severity::Minor => "minor",
        }
    }
}

/// What changed, kept typed so each view words it once, the same way ([`Difference::note`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A figure with another value.
    Value {
        /// As the source writes it.
        from: String,
        /// As the article writes it.
        to: String,
    },
    /// The same figure with another unit ("6.5 percent" and "6.5 points").
    Unit {
        /// The source's figure and unit.
        from: String,
        /// The article's.
        to: String,
    },
    /// A fact the details stage relates across the documents (a date told another way, a
    /// title shortened); its own note says how.
    Fact {
        /// How the two mentions relate.
        relation: Relation,
        /// The details stage's note, worded by its `Display`.
        note: DetailNote,
    },
    /// One figure counting another thing on each side ("10,011 deaths" and "10,011 cases").
    Counted {
        /// The source's figure and what it counts.
        from: String,
        /// The article's.
        to: String,
    },
    /// One day told two ways, one side counting from its own date ("2009" and "next year").
    Recounted {
        /// The source's words.
        from: String,
        /// The article's words.
        to: String,
        /// The side whose date the relative words count from.
        counted_from: Side,
    },
    /// Another title before the same name ("Secretary Kelly" and "General Kelly").
    Title {
        /// The source's title.
        from: String,
        /// The article's.
        to: String,
    },
    /// A later step of a legal case than the source names ("charged" and "convicted").
    LaterStep {
        /// The source's step.
        from: String,
        /// The article's.
        to: String,
    },
    /// Source words the article leaves out.
    Dropped {
        /// The words.
        words: String,
        /// The scope they set, when they are a qualifier of the list.
        class: Option<ScopeClass>,
        /// How the article marks the cut, if it does.
        marked: Option<EditMark>,
    },
    /// Words the article adds.
    Added {
        /// The words.
        words: String,
        /// The scope they set, when they are a qualifier of the list.
        class: Option<ScopeClass>,
        /// How the article marks the addition, if it does.
        marked: Option<EditMark>,
    },
    /// Source words replaced by others.
    Replaced {
        /// The source's words.
        from: String,
        /// The article's.
        to: String,
        /// How the article marks the change, if it does.
        marked: Option<EditMark>,
    },
    /// A word saying which way a quantity moved or lies, turned into its opposite ("rose"
    /// and "fell", "above" and "below").
    Reversed {
        /// The source's word.
        from: String,
        /// The article's.
        to: String,
    },
    /// The same word in other case ("MAX" and "Max").
    Case {
        /// The source's word.
        from: String,
        /// The article's.
        to: String,
    },
    /// The same word spelt another way ("labor" and "labour").
    Spelling {
        /// The source's word.
        from: String,
        /// The article's.
        to: String,
    },
    /// Two quoted parts that the article joins with an attribution ("…", she said. "…")
    /// while the source has words between them, or has them the other way round.
    LeftOut {
        /// The source's words between the parts (or, reversed, the second part), shortened.
        words: String,
        /// The source has the second part before the first.
        reversed: bool,
    },
    /// One quotation made of two pieces that lie apart in the source (an [`EditOp::Splice`]).
    Spliced {
        /// The source has the second piece before the first.
        reversed: bool,
        /// How the article marks the join, if it does.
        marked: Option<EditMark>,
    },
    /// Words the source gives to one speaker, credited by the article to another.
    Speaker {
        /// Who says them in the source, as the source names them.
        source: String,
        /// Who the article credits them to.
        article: String,
        /// The source gives them to a question from the floor ("Q:" in a transcript).
        question: bool,
    },
    /// The article stops where the source's sentence goes on: a quotation closed in the
    /// middle of a clause, or a sentence ended before the rest of a list.
    CutShort {
        /// The source's words after the cut, shortened.
        rest: String,
        /// The cut falls inside a clause, with no pause in the source.
        mid_clause: bool,
    },
}

/// One way the article departs from the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Number of the difference, from 1, in article order.
    pub id: usize,
    /// What it concerns.
    pub kind: DifferenceKind,
    /// Whether the fact or its force changed.
    pub severity: Severity,
    /// The source's words, when the source has them.
    pub source: Option<Span>,
    /// The article's words, when the article has them.
    pub article: Option<Span>,
    /// The match the difference lies in.
    pub match_id: Option<usize>,
    /// The detail it comes from, when the details stage related it.
    pub detail_id: Option<usize>,
    /// What changed.
    pub change: Change,
}

impl Difference {
    /// The difference in words a person understands ("6.5 percent → 6.5 points: unit
    /// changed"); the one wording the reports and the interface share.
    pub fn note(&self) -> String {
        describe(&self.change)
    }
}

/// How a difference's edit is marked, in words.
fn marked_by(marked: Option<EditMark>) -> &'static str {
    match marked {
        Some(EditMark::Ellipsis) => " (marked by an ellipsis)",
        Some(EditMark::Brackets) => " (marked by brackets)",
        None => "",
    }
}

/// Words one side has and the other lacks ("condition dropped: “should the”"): `how` they
/// went ("dropped", "added"), named by the scope they set when they set one.
fn one_sided(
    how: &str,
    words: &str,
    class: Option<ScopeClass>,
    marked: Option<EditMark>,
) -> String {
    match class {
        Some(c) => format!("{} {how}: “{words}”{}", c.label(), marked_by(marked)),
        None => format!("{how}: “{words}”{}", marked_by(marked)),
    }
}

/// The sentence a reviewer reads for `change`.
fn describe(change: &Change) -> String {
    match change {
        Change::Value { from, to } if to.is_empty() => format!("figure dropped: “{from}”"),
        Change::Value { from, to } if from.is_empty() => format!("figure added: “{to}”"),
        Change::Value { from, to } => format!("{from} → {to}: figure changed"),
        Change::Unit { from, to } => format!("{from} → {to}: unit changed"),
        Change::Fact { note, .. } => note.to_string(),
        Change::Counted { from, to } => {
            format!("{from} → {to}: same figure, another thing counted")
        }
        Change::Recounted {
            from,
            to,
            counted_from,
        } => format!(
            "{from} → {to}: the same time, counted from the {}'s date",
            counted_from.as_str()
        ),
        Change::Title { from, to } => format!("title: {from} → {to}"),
        Change::LaterStep { from, to } => {
            format!("{from} → {to}: a later step of the case than the source names")
        }
        Change::Dropped {
            words,
            class,
            marked,
        } => one_sided("dropped", words, *class, *marked),
        Change::Added {
            words,
            class,
            marked,
        } => one_sided("added", words, *class, *marked),
        Change::Replaced { from, to, marked } => {
            format!("“{from}” → “{to}”{}", marked_by(*marked))
        }
        Change::Reversed { from, to } => format!("“{from}” → “{to}”: direction reversed"),
        Change::Case { from, to } => format!("“{from}” → “{to}”: case changed"),
        Change::Spelling { from, to } => format!("“{from}” → “{to}”: spelling changed"),
        Change::LeftOut {
            words,
            reversed: false,
        } => format!("left out between the quoted parts: “{words}”"),
        Change::LeftOut {
            words,
            reversed: true,
        } => format!("quoted parts in reverse order: the source has “{words}” first"),
        Change::Spliced {
            reversed: false,
            marked,
        } => format!("{SPLICE_JOINED} of the source{}", marked_by(*marked)),
        Change::Spliced {
            reversed: true,
            marked,
        } => format!(
            "{SPLICE_REVERSED}: the source has the second piece first{}",
            marked_by(*marked)
        ),
        Change::Speaker {
            source,
            article,
            question: false,
        } => format!("credited to {article}; the source gives these words to {source}"),
        Change::Speaker {
            source, article, ..
        } => format!("credited to {article}; in the source these words are a question ({source})"),
        Change::CutShort {
            rest,
            mid_clause: true,
        } => format!("cut in mid-clause: the source goes on “{rest}”"),
        Change::CutShort {
            rest,
            mid_clause: false,
        } => format!("cut short: the source's sentence goes on “{rest}”"),
    }
}
