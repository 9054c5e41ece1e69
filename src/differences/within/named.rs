//! Names and bodies inside an aligned pair: a person, place or body replaced, a name moved
//! rather than dropped (German puts the verb second), a German noun that is no name.

use crate::comparison::{Edit, EditOp};
use crate::matching::is_content_word;
use crate::span::Span;

use super::super::align::{cover_of, range_in, Word};
use super::super::names::{german_body, german_noun_at, name_core, name_kind};
use super::super::words;
use super::super::{Change, Difference, DifferenceKind, Severity};
use super::{Pair, MIN_ANCHOR_WORDS};
use crate::align::sentences::opens_sentence;

impl Pair<'_, '_> {
    /// The lower-case qualifier of a public body replaced, its head aligned ("tribunal
    /// judiciaire" told as "tribunal administratif"): another body ([`super::bodies`]).
    pub(super) fn body_edit(&self, e: &Edit) -> Option<Difference> {
        if e.op != EditOp::Replace {
            return None;
        }
        let ranges = (
            range_in(self.source, e.source?),
            range_in(self.article, e.article?),
        );
        let (from, to) =
            super::super::bodies::renamed((self.source, self.article), ranges, self.lang)?;
        Some(self.difference(
            DifferenceKind::Organisation,
            Severity::Major,
            Some(from),
            Some(to),
            Change::Replaced {
                from: from.slice(&self.c.source.text).to_string(),
                to: to.slice(&self.c.article.text).to_string(),
                marked: None,
            },
        ))
    }

    /// Capitalised words replaced by other capitalised words: a name changed ("Occitanie"
    /// told as "en Bretagne", "l'Assemblée nationale" as "le Sénat"). The function words
    /// around each name are set aside, and what the name is (a place, an organisation)
    /// decides the kind.
    pub(super) fn name_edit(&self, e: &Edit, s: &[Word], a: &[Word]) -> Option<Difference> {
        if e.op != EditOp::Replace {
            return None;
        }
        let (s_name, a_name) = (name_core(s)?, name_core(a)?);
        // The first word of a sentence is capitalised whatever it is.
        let opens = |text: &str, ws: &[Word]| ws.iter().any(|w| opens_sentence(text, w.span.start));
        if opens(&self.c.source.text, s_name) || opens(&self.c.article.text, a_name) {
            return None;
        }
        let body = german_body(self.lang, s_name) || german_body(self.lang, a_name);
        let kind = name_kind(&self.c.source.text, s_name)
            .or_else(|| name_kind(&self.c.article.text, a_name))
            .unwrap_or(match body {
                true => DifferenceKind::Organisation,
                false => DifferenceKind::Name,
            });
        // German capitalises every noun: "die Krankenhäuser" told as "die Kliniken" is a
        // word replaced, not a person renamed.
        let (source, article) = (cover_of(s_name), cover_of(a_name));
        if kind == DifferenceKind::Name
            && german_noun_at(self.lang, &self.c.source.text, source)
            && german_noun_at(self.lang, &self.c.article.text, article)
        {
            return None;
        }
        let (from, to) = (
            source.map_or("", |sp| sp.slice(&self.c.source.text)),
            article.map_or("", |sp| sp.slice(&self.c.article.text)),
        );
        // A list shortened ("Fresno, Kern and Tulare" told as "Fresno and Kern"): the
        // article's name ends the source's list just before, so the source's last item is
        // dropped, not replaced.
        let at = range_in(self.source, source.unwrap_or_default()).start;
        let before = &self.source[at.saturating_sub(MIN_ANCHOR_WORDS)..at];
        let listed = a_name
            .last()
            .is_some_and(|n| before.iter().any(|w| w.key == n.key))
            && before
                .iter()
                .any(|w| words::get().conjunctions.contains(w.norm.as_str()));
        if listed && !self.moved(s_name) {
            let dropped = Change::Dropped {
                words: from.to_string(),
                class: None,
                marked: None,
            };
            return Some(self.difference(kind, Severity::Major, source, None, dropped));
        }
        Some(self.difference(
            kind,
            Severity::Major,
            source,
            article,
            Change::Replaced {
                from: from.to_string(),
                to: to.to_string(),
                marked: None,
            },
        ))
    }

    /// The words set off by commas after a person's name replaced by others that share no
    /// content word with them: another office ("Councillor Helen Marsh, executive member
    /// for children's services, said" told as "…, the council's leader, said"). A role
    /// restated ("a spokeswoman for the mayor" / "the mayor's spokeswoman") shares its words.
    pub(super) fn apposition_edit(&self, e: &Edit, s: &[Word], a: &[Word]) -> Option<Difference> {
        if e.op != EditOp::Replace
            || s.len() > MAX_APPOSITION_WORDS
            || a.len() > MAX_APPOSITION_WORDS
        {
            return None;
        }
        let (source, article) = (e.source?, e.article?);
        if !apposition(&self.c.source.text, source) || !apposition(&self.c.article.text, article) {
            return None;
        }
        let content = |w: &&Word| is_content_word(&w.norm) && w.value.is_none();
        if s.iter()
            .filter(content)
            .any(|w| a.iter().filter(content).any(|x| x.key == w.key))
        {
            return None;
        }
        if !s.iter().any(|w| content(&w)) || !a.iter().any(|w| content(&w)) {
            return None;
        }
        let (from, to) = self.texts(e);
        Some(self.difference(
            DifferenceKind::Title,
            Severity::Major,
            Some(source),
            Some(article),
            Change::Replaced {
                from,
                to,
                marked: None,
            },
        ))
    }

    /// True when every word of `s` stands elsewhere in the article's side of the pair: moved
    /// (German puts the verb second: "könnten ... profitieren" told as "profitieren ..."),
    /// not dropped.
    pub(super) fn moved(&self, s: &[Word]) -> bool {
        s.iter()
            .all(|w| self.article.iter().any(|a| a.key == w.key))
    }

    /// The edit as a name replaced: major, with both sides' words.
    pub(super) fn name_replaced(&self, e: &Edit) -> Difference {
        let (from, to) = self.texts(e);
        self.difference(
            DifferenceKind::Name,
            Severity::Major,
            e.source,
            e.article,
            Change::Replaced {
                from,
                to,
                marked: None,
            },
        )
    }
}

/// Most words on either side of an apposition replaced.
const MAX_APPOSITION_WORDS: usize = 8;

/// True when `span` of `text` stands between commas right after a capitalised word (a
/// name) that does not open its sentence: "Helen Marsh, executive member for children's
/// services, said" ("Apples, pears, plums" is a list).
fn apposition(text: &str, span: Span) -> bool {
    let (Some(head), Some(tail)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    let Some(head) = head.trim_end().strip_suffix(',') else {
        return false;
    };
    let Some(word) = head.split_whitespace().next_back() else {
        return false;
    };
    // `word` lies inside `text`: its offset there.
    let at = word.as_ptr() as usize - text.as_ptr() as usize;
    word.chars().next().is_some_and(char::is_uppercase)
        && !opens_sentence(text, at)
        && tail.trim_start().starts_with(',')
}
