//! Words the source gives to one speaker that the article credits to another: a release that
//! quotes its commissioner, retold as the mayor's words; a reporter's question in a
//! transcript, quoted as the minister's answer.
//!
//! Who speaks in the source is read where the words are: the source's own quotation marks
//! and their attribution (the same reading the article's quotations get), or the speaker label
//! a transcript puts before each turn ("MAYOR ADAMS:", "Q:"). Only a named person on both
//! sides is compared; a role or a body ("the ministry") names no one to set against a name.

use rustc_hash::FxHashMap;

use crate::comparison::{Comparison, QuoteFinding, QuoteStatus};
use crate::quotes::{self, Quotation, SpeakerKind};
use crate::span::Span;

use super::{found, gaps, Change, Difference, DifferenceKind, Severity};

/// Most bytes read before a quotation's source words to find the source's own quotation
/// around them and its attribution (the paragraph they sit in).
const WINDOW_BEFORE: usize = 2000;

/// Most bytes read after them (an attribution after a long quotation).
const WINDOW_AFTER: usize = 1500;

/// Fewest speaker-label lines, of at least two speakers, that make a source a transcript.
const MIN_LABELS: usize = 3;

/// Most bytes of a speaker label before its colon ("SECRETARY OF STATE ANTONY BLINKEN").
const MAX_LABEL_BYTES: usize = 48;

/// Fewest words after a label for its line to be a turn of speech.
const MIN_TURN_WORDS: usize = 4;

/// Most words of a speaker label.
const MAX_LABEL_WORDS: usize = 6;

/// Who speaks a stretch of the source.
#[derive(Debug, Clone, PartialEq)]
struct SourceSpeaker {
    /// The name as the source writes it.
    name: String,
    /// Where the source names them.
    span: Span,
    /// A question from the floor ("Q", "Pregunta"), not an answer.
    question: bool,
}

/// Adds a difference for every quotation the article credits to a named person while the
/// source gives its words to someone else.
pub(super) fn of_quotations(c: &Comparison, out: &mut Vec<Difference>) {
    let src = &c.source.text;
    let mut labels: Option<Vec<SourceSpeaker>> = None;
    let mut read = SourceQuotes::default();
    for q in &c.quotes {
        let Some(article_speaker) = credited_person(q) else {
            continue;
        };
        let Some(words) = gaps::source_of(c, q) else {
            continue;
        };
        let speaker = match quoted_in_source(src, words, &mut read) {
            Some(quoted) => quoted,
            None => labels
                .get_or_insert_with(|| transcript_labels(src))
                .iter()
                .rev()
                .find(|l| l.span.end <= words.start)
                .cloned(),
        };
        let Some(speaker) = speaker else {
            continue;
        };
        let differs = if speaker.question {
            !article_speaker.split_whitespace().any(is_question)
        } else {
            quotes::same_speaker(article_speaker, &speaker.name) == Some(false)
        };
        if !differs {
            continue;
        }
        out.push(found(
            DifferenceKind::Attribution,
            Severity::Major,
            (Some(speaker.span), q.speaker_span.or(Some(q.outer))),
            q.matches.first().copied(),
            Change::Speaker {
                source: speaker.name,
                article: article_speaker.to_string(),
                question: speaker.question,
            },
        ));
    }
}

/// The person a quotation of the article is credited to, when it is found in the source.
fn credited_person(q: &QuoteFinding) -> Option<&str> {
    if q.status == QuoteStatus::NotInSource || q.matches.is_empty() {
        return None;
    }
    match q.speaker_kind {
        Some(SpeakerKind::Person) => q.speaker.as_deref(),
        _ => None,
    }
}

/// The source's quotations with their speakers, for each window of the source read, by its
/// bounds: the article's quotations often come from one paragraph, read once.
#[derive(Default)]
struct SourceQuotes(FxHashMap<(usize, usize), Vec<Quotation>>);

/// Whether the source quotes `words` itself (their start inside one of its quotations: a match
/// may run on past the closing mark into the attribution), read in the paragraph they sit in,
/// and then
/// the named person it gives them to: `Some(None)` for words the source quotes from someone
/// it does not name as a person, `None` for words it does not quote.
fn quoted_in_source(
    src: &str,
    words: Span,
    read: &mut SourceQuotes,
) -> Option<Option<SourceSpeaker>> {
    let from = paragraph_start(src, words.start.saturating_sub(WINDOW_BEFORE), words.start);
    let to = paragraph_end(src, words.end, (words.end + WINDOW_AFTER).min(src.len()));
    let window = &src[from..to];
    let found = read.0.entry((from, to)).or_insert_with(|| {
        let mut found = quotes::find_unattributed(window);
        quotes::assign_speakers(window, &mut found);
        found
    });
    let q = found
        .iter()
        .find(|q| q.inner.start + from <= words.start && words.start < q.inner.end + from)?;
    if q.speaker_kind != Some(SpeakerKind::Person) {
        return Some(None);
    }
    let span = q.speaker_span.unwrap_or(q.outer);
    // Named in the quotation's own paragraph ("…," said Commissioner Silver), not carried
    // over from earlier ones: the source's attribution is then beyond doubt.
    let para_from = window[..q.outer.start].rfind("\n\n").map_or(0, |i| i + 2);
    let para_to = window[q.outer.end..]
        .find("\n\n")
        .map_or(window.len(), |i| q.outer.end + i);
    if span.start < para_from || span.end > para_to {
        return Some(None);
    }
    Some(q.speaker.clone().map(|name| SourceSpeaker {
        name,
        span: Span {
            start: span.start + from,
            end: span.end + from,
        },
        question: false,
    }))
}

/// The start of the paragraph that holds `at` (after the last blank line before it), or the
/// first line start after `floor` in a paragraph longer than the window.
fn paragraph_start(src: &str, floor: usize, at: usize) -> usize {
    let floor = crate::span::ceil_char_boundary(src, floor).min(at);
    let head = &src[floor..at];
    match head.rfind("\n\n") {
        Some(i) => floor + i + 2,
        None => head.find('\n').map_or(floor, |i| floor + i + 1),
    }
}

/// The end of the paragraph that holds `at` (the next blank line), or the last line end
/// before `ceiling` in a paragraph longer than the window.
fn paragraph_end(src: &str, at: usize, ceiling: usize) -> usize {
    let ceiling = crate::span::floor_char_boundary(src, ceiling).max(at);
    let tail = &src[at..ceiling];
    match tail.find("\n\n").or_else(|| tail.rfind('\n')) {
        Some(i) => at + i,
        None => ceiling,
    }
}

/// The speaker labels of a transcript, in order ("MAYOR ADAMS:", "Q:", "M. Attal :"), when the
/// source has at least [`MIN_LABELS`] of them from two speakers or more; none otherwise.
fn transcript_labels(src: &str) -> Vec<SourceSpeaker> {
    let mut labels = Vec::new();
    let mut line_start = 0;
    for line in src.split_inclusive('\n') {
        if let Some(label) = label_of(line) {
            let lead = line.len() - line.trim_start().len();
            labels.push(SourceSpeaker {
                name: label.to_string(),
                span: Span {
                    start: line_start + lead,
                    end: line_start + lead + label.len(),
                },
                question: is_question(label),
            });
        }
        line_start += line.len();
    }
    let distinct = labels
        .iter()
        .map(|l| l.name.to_lowercase())
        .collect::<std::collections::HashSet<_>>()
        .len();
    // A conversation: several labels, two speakers at least, one of them speaking twice.
    if labels.len() < MIN_LABELS || distinct < 2 || distinct == labels.len() {
        labels.clear();
    }
    labels
}

/// The label a line opens with ("GOVERNOR HOCHUL", "Q", "The President", "M. Attal"), before
/// a colon: a few words, each capitalised or a name particle, no sentence before it.
fn label_of(line: &str) -> Option<&str> {
    let line = line.trim_start();
    // Only a label's few bytes are searched: most lines of a long text hold no colon, or
    // one far along.
    let head = &line.as_bytes()[..line.len().min(MAX_LABEL_BYTES + 1)];
    let colon = head.iter().position(|&b| b == b':')?;
    // A turn says something after its label ("Q: What did the mayor say?"); a release's
    // "Contact: Jane Doe" or "Email: ..." does not.
    if line[colon + 1..].split_whitespace().count() < MIN_TURN_WORDS {
        return None;
    }
    let label = line[..colon].trim_end();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS {
        return None;
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let particle = |w: &&str| crate::quotes::is_name_particle(w);
    let name_like = words.iter().all(|w| {
        (capitalised(w) || particle(w))
            && w.chars()
                .all(|ch| ch.is_alphabetic() || ".'’-".contains(ch))
    });
    (name_like && capitalised(&words[0])).then_some(label)
}

/// Whether a label marks a question from the floor (`assets/differences/questioners.txt`).
fn is_question(label: &str) -> bool {
    static LIST: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let list = LIST.get_or_init(|| {
        crate::lexicon::words(include_str!("../../assets/differences/questioners.txt")).collect()
    });
    let lower = label.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    list.contains(lower.as_str()) || list.contains(first.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use crate::comparison::{DifferenceKind, Severity};

    /// The attribution differences of a pair: (severity, note).
    fn credited(source: &str, article: &str) -> Vec<(Severity, String)> {
        super::super::tests::differences(source, article)
            .into_iter()
            .filter(|(kind, _, _)| *kind == DifferenceKind::Attribution)
            .map(|(_, severity, note)| (severity, note))
            .collect()
    }

    /// A press conference's transcript: the minister's turns and a journalist's question.
    const TRANSCRIPT: &str = "Conférence de presse du 4 mars\n\nM. Dupont : Nous allons réduire les impôts des familles dès l'année prochaine, comme promis.\nJournaliste : Le gouvernement va-t-il vraiment abandonner la réforme des retraites cette année ?\nM. Dupont : Nous ferons tout notre possible pour tenir nos engagements.\n";

    const RELEASE: &str = "NEW YORK — Mayor Bill de Blasio today announced new funding for the city's parks.\n\n\"This investment will reach every neighborhood in all five boroughs,\" said Mayor Bill de Blasio.\n\n\"We will open twelve new playgrounds before the summer begins,\" said Parks Commissioner Mitchell Silver. \"Families have waited long enough.\"\n";

    #[test]
    fn a_turns_label_holds_name_particles_from_the_list() {
        assert_eq!(
            super::label_of("Lorenzo della Rovere: Abbiamo fatto tutto il possibile per la città."),
            Some("Lorenzo della Rovere")
        );
        assert_eq!(
            super::label_of("M. de Villepin : Nous tiendrons nos engagements envers les familles."),
            Some("M. de Villepin")
        );
        // A short lower-case word that is no particle makes a heading, not a speaker.
        assert_eq!(
            super::label_of("Q and A: We answer your questions about the new plan here."),
            None
        );
    }

    #[test]
    fn a_commissioners_words_credited_to_the_mayor_are_major() {
        let d = credited(
            RELEASE,
            "The city will spend more on its parks. \"We will open twelve new playgrounds before the summer begins,\" Mayor de Blasio said on Monday.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Major);
        assert!(d[0].1.contains("de Blasio"), "{d:?}");
        assert!(d[0].1.contains("Mitchell Silver"), "{d:?}");
    }

    #[test]
    fn the_same_person_by_a_shorter_name_is_no_difference() {
        let d = credited(
            RELEASE,
            "The city will spend more on its parks. \"We will open twelve new playgrounds before the summer begins,\" Commissioner Silver said on Monday. \"This investment will reach every neighborhood in all five boroughs,\" the mayor added.",
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_journalists_question_in_a_french_transcript_credited_to_the_minister() {
        let d = credited(
            TRANSCRIPT,
            "Le ministre a été clair. « Le gouvernement va-t-il vraiment abandonner la réforme des retraites cette année », a déclaré Jean Dupont.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].1.contains("question (Journaliste)"), "{d:?}");
    }

    #[test]
    fn the_ministers_own_turn_in_the_transcript_is_no_difference() {
        let d = credited(
            TRANSCRIPT,
            "Le ministre a été clair. « Nous allons réduire les impôts des familles dès l'année prochaine », a déclaré Jean Dupont.",
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_german_ministers_words_credited_to_the_chancellor() {
        let d = credited(
            "Berlin, 3. Mai. Die Bundesregierung hat ein neues Sicherheitspaket beschlossen.\n\n„Wir schützen unsere Demokratie mit aller Entschlossenheit gegen ihre Feinde“, sagte Innenministerin Nancy Faeser. Bundeskanzler Olaf Scholz begrüßte den Beschluss.\n",
            "Das Kabinett hat gehandelt. „Wir schützen unsere Demokratie mit aller Entschlossenheit gegen ihre Feinde“, sagte Bundeskanzler Olaf Scholz am Mittwoch.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].1.contains("Nancy Faeser"), "{d:?}");
    }

    #[test]
    fn a_spanish_ministers_words_credited_to_the_president() {
        let d = credited(
            "Madrid, 12 de marzo. El Gobierno ha aprobado nuevas medidas sanitarias.\n\n«Las próximas dos semanas serán decisivas para frenar los contagios», dijo el ministro de Sanidad, Salvador Illa, en rueda de prensa.\n",
            "El Gobierno endurece las medidas. «Las próximas dos semanas serán decisivas para frenar los contagios», afirmó Pedro Sánchez este jueves.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].1.contains("Salvador Illa"), "{d:?}");
    }

    #[test]
    fn labels_of_a_release_footer_are_no_transcript() {
        assert!(super::transcript_labels(
            "Contact: Jane Doe, press office of the mayor\nPhone: 212 555 0100 during office hours\nEmail: press@example.org for all media questions\n"
        )
        .is_empty());
    }
}
