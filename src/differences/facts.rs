//! Differences from the details stage: facts of both documents related to each other.
//!
//! The details stage pairs the facts of the two documents and says how they relate. A pair
//! that is not the same fact in the same words is a difference; how much it matters follows
//! from the relation: two facts that cannot both be true are major, a date told another way
//! or a title shortened is minor.

use crate::comparison::Comparison;
use crate::comparison::{Detail, DetailKind, Relation};

use super::{Change, Difference, DifferenceKind, Severity};

fn kind_of(kind: DetailKind) -> DifferenceKind {
    match kind {
        DetailKind::Number | DetailKind::Money | DetailKind::Duration => DifferenceKind::Number,
        DetailKind::Date => DifferenceKind::Date,
        DetailKind::Person => DifferenceKind::Name,
        DetailKind::Title => DifferenceKind::Title,
        DetailKind::Organization => DifferenceKind::Organisation,
        DetailKind::Place => DifferenceKind::Place,
        DetailKind::Hedge => DifferenceKind::Scope,
    }
}

/// The words of a mention as a reader compares them: letters and digits, lower case.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a mention, lower case, possessive endings dropped ("Bank of Canada's").
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .map(|w| {
            let w = w.trim_matches(|c| c == '’' || c == '\'');
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// True when two mentions of one fact differ only as house style does: the same words with
/// other punctuation is not that (a reader sees "D.C." spelt two ways), but a possessive, an
/// acronym for the full name, or a short form the article uses after the full one is.
fn house_style(source: &str, article: &str) -> bool {
    let edge = |c: char| !c.is_alphanumeric() && !"$€£¥%.".contains(c);
    let (source, article) = (source.trim_matches(edge), article.trim_matches(edge));
    if is_acronym(source) || is_acronym(article) {
        return true;
    }
    if source == article {
        return true;
    }
    // Initials are house style too ("Dennis A. Muilenburg", "Dennis Muilenburg").
    let (s, a): (Vec<String>, Vec<String>) = (
        words_of(source)
            .into_iter()
            .filter(|w| w.chars().count() > 1)
            .collect(),
        words_of(article)
            .into_iter()
            .filter(|w| w.chars().count() > 1)
            .collect(),
    );
    if s == a && words_of(source).len() != words_of(article).len() {
        return true;
    }
    if s == a {
        // Only a possessive, or case, or punctuation: the punctuation of a name counts.
        return plain(source) == plain(article) && !has_inner_punctuation(source, article);
    }
    // The article's words a run of the source's: a short form ("Addo-Carr").
    !a.is_empty() && s.windows(a.len()).any(|w| w == a.as_slice())
}

fn has_inner_punctuation(source: &str, article: &str) -> bool {
    let inner = |t: &str| -> String {
        t.trim_end_matches(['s', '’', '\''])
            .chars()
            .filter(|c| c.is_ascii_punctuation())
            .collect()
    };
    inner(source) != inner(article)
}

fn severity(d: &Detail) -> Option<Severity> {
    match d.relation {
        Relation::Conflicting => Some(Severity::Major),
        Relation::Compatible | Relation::MoreSpecific => Some(Severity::Minor),
        Relation::Same => Some(Severity::Minor),
        Relation::OnlySource | Relation::OnlyArticle => None,
    }
}

/// Adds a difference for every related pair of facts that differs, unless the word
/// alignment of its match already reports the same words.
pub(super) fn of_details(c: &Comparison, out: &mut Vec<Difference>) {
    let found = out.len();
    for d in &c.details {
        let (Some(source), Some(article)) = (d.source, d.article) else {
            continue;
        };
        let Some(severity) = severity(d) else {
            continue;
        };
        if d.relation == Relation::Same
            && house_style(source.slice(&c.source.text), article.slice(&c.article.text))
        {
            continue;
        }
        let covered = out[..found].iter().any(|x| {
            x.article.is_some_and(|a| a.overlaps(&article))
                && x.source.is_none_or(|s| s.overlaps(&source))
        });
        if covered {
            continue;
        }
        out.push(Difference {
            id: 0,
            kind: kind_of(d.kind),
            severity,
            source: Some(source),
            article: Some(article),
            match_id: d.match_id,
            detail_id: Some(d.id),
            change: Change::Fact {
                relation: d.relation,
                note: d.note.clone(),
            },
        });
    }
}
