//! Finding quotations in a text and naming who is quoted.
//!
//! Quotation marks are ambiguous: a straight `"` both opens and closes, `’` is also an
//! apostrophe (`agent’s`, `’90s`, the plural possessive `agents’`), German opens with `„` and
//! closes with `“` (which opens in English), French uses `« »` with spaces inside, and a
//! quotation that runs over several paragraphs leaves each paragraph open and reopens the next
//! one. A regular expression cannot keep those apart, so this module scans each paragraph with
//! a stack of open marks and decides every mark from its neighbours. It reports top-level
//! quotations only; quotations nested inside them are part of their text.

mod discourse;
#[cfg(test)]
mod discourse_tests;
mod lists;
mod marks;
mod names;
mod referent;
mod speaker;
mod words;

pub use marks::find_unattributed;

use crate::span::Span;

/// One quotation in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without the quotation marks and the whitespace just inside them.
    /// A quotation over several paragraphs covers them all, reopening marks included.
    pub inner: Span,
    /// The quotation with its marks.
    pub outer: Span,
    /// False when the text ended (or the paragraph ended without a continuation) before a
    /// closing mark: the quotation is taken to run to that point.
    pub closed: bool,
    /// Who the text says is speaking, when an attribution names them (best effort), in the
    /// fullest form the text gives ("Kathy Hochul", not "Hochul").
    pub speaker: Option<String>,
    /// What the speaker is: a person, an organisation or a document.
    pub speaker_kind: Option<SpeakerKind>,
    /// The mention of the speaker the attribution rests on (the name by the verb, or the
    /// earlier name a pronoun or a role stands for).
    pub speaker_span: Option<Span>,
}

/// What kind of speaker a quotation is attributed to: a reviewer looks for a person's words in
/// a transcript, an organisation's in its releases, a document's in the document itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A named person, or a person by office ("the governor").
    Person,
    /// A body: a ministry, a bank, a police force, an office.
    Organisation,
    /// A text: a statement, a readout, a report.
    Document,
}

impl SpeakerKind {
    /// The kind's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Document => "document",
        }
    }
}

/// Names who speaks each quotation of `text` (found by [`find_unattributed`]), when the text
/// says so: first the attribution in each quotation's own sentence, then what a reader carries
/// over from the sentences and paragraphs before (see `discourse.rs`).
pub fn assign_speakers(text: &str, quotes: &mut [Quotation]) {
    let titles = speaker::attribute(text, quotes);
    discourse::complete(text, quotes, &titles);
}

/// Finds every top-level quotation in `text`, in order, with its speaker (the two passes
/// [`compare`](crate::compare::compare) runs apart, together, for tests).
#[cfg(test)]
pub fn find_quotations(text: &str) -> Vec<Quotation> {
    let mut found = find_unattributed(text);
    assign_speakers(text, &mut found);
    found
}

/// Whether two speaker names can be the same person: after the titles ("Police Commissioner",
/// "MAYOR"), the two share a word of the name ("Bill de Blasio", "de Blasio", "MAYOR DE
/// BLASIO"). `None` when either is a role or body with no name in it ("the mayor", "the
/// ministry"): nothing says who it is.
pub(crate) fn same_speaker(a: &str, b: &str) -> Option<bool> {
    let a = name_words(a);
    let b = name_words(b);
    if a.is_empty() || b.is_empty() {
        return None;
    }
    Some(a.iter().any(|w| b.contains(w)))
}

/// The words of a speaker's name, lower case, without titles, particles and roles; none for
/// a role of a place or body ("El presidente de México", "the mayor of Boston"). A label in
/// capitals ("MAYOR DE BLASIO") is read as "Mayor De Blasio".
fn name_words(name: &str) -> Vec<String> {
    let particles = &lists::lists().name_particles;
    let titled;
    let name = if name.chars().any(char::is_lowercase) {
        name
    } else {
        titled = name
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or_else(String::new, |first| {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        titled.as_str()
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Mayor de Blasio" is a name; "presidente de México", "mayor of the city" are roles.
    let lexicon = crate::lexicon::get();
    let role_of = words.windows(3).any(|w| {
        discourse::is_title(w[0])
            && particles.contains(w[1])
            && (!words::is_capitalized(w[2])
                || lexicon.is_place(&crate::lexicon::compact_phrase(w[2]))
                || lists::lists().bodies.contains(w[2].to_lowercase().as_str()))
    });
    if role_of {
        return Vec::new();
    }
    discourse::without_titles(name)
        .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’' && ch != '-')
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
                .trim_end_matches(['\'', '’'])
        })
        .filter(|w| words::is_capitalized(w) && !discourse::is_title(w))
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 2 && !particles.contains(w.as_str()))
        .collect()
}

/// True when `text` (the words between two quoted parts) holds a speech verb or phrase of
/// `assets/attribution.txt` ("she said", "schrieb er", "a-t-il ajouté"): the parts are one
/// statement split by its attribution.
/// True when `word` is a courtesy title or a title word that is no office of its own
/// ("Mme", "Mr.", "Herr", "executive"; `assets/speakers/titles.txt`): dropping it before a
/// name the article keeps leaves the person as named.
pub(crate) fn is_title_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    lists::lists().titles.contains(lower.as_str())
}

pub(crate) fn holds_attribution(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-' && ch != '\'' && ch != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..words.len()).any(|i| lists::attribution_at(&words, i).is_some())
}

/// True when `word` (in lower case) may sit inside a name ("de Blasio", "van der Berg", "della
/// Rovere"): `assets/speakers/name_particles.txt`, the one list for every reader of names.
pub(crate) fn is_name_particle(word: &str) -> bool {
    lists::lists().name_particles.contains(word)
}

#[cfg(test)]
mod tests {
    use super::same_speaker;

    /// "presidente de España" is a role (the list writes the country with its accent, the
    /// label may drop it, or the other way round): nothing says who holds it.
    #[test]
    fn a_role_of_a_place_names_no_one_accents_aside() {
        assert_eq!(
            same_speaker("El presidente de España", "Pedro Sánchez"),
            None
        );
        assert_eq!(
            same_speaker("El presidente de Espana", "Pedro Sánchez"),
            None
        );
        assert_eq!(
            same_speaker("El presidente de México", "López Obrador"),
            None
        );
        assert_eq!(same_speaker("Pedro Sánchez", "Sánchez"), Some(true));
    }
}
