//! The word lists quotations and attribution read, from `assets/attribution.txt` and
//! `assets/speakers/` (and `assets/elisions.txt` for the marks).
//!
//! Every list a speaker rule consults (speech verbs, pronouns, articles, prepositions, sentence
//! openers, offices) lives in a text file so that adding a language or a verb touches no code.
//! This module only parses the files, once; the rules live in `speaker.rs` and `referent.rs`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::lexicon::lines;

/// A set of words read from one list file.
#[derive(Debug, Default)]
pub(super) struct WordSet(HashSet<&'static str>);

impl WordSet {
    /// Whitespace-separated words of `file`; lines starting with `#` are comments.
    fn parse(file: &'static str) -> WordSet {
        WordSet(crate::lexicon::words(file).collect())
    }

    /// Whether `word` is in the list, compared exactly (the lists are lower case except
    /// `opening_articles.txt`).
    pub(super) fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// The words, in no particular order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied()
    }
}

/// The closed-class word lists of `assets/speakers/`.
#[derive(Debug)]
pub(super) struct Lists {
    /// Words that may sit inside a name ("de Blasio").
    pub name_particles: WordSet,
    /// Articles and possessives.
    pub determiners: WordSet,
    /// Adverbs and auxiliaries between a subject and its verb.
    pub verb_fillers: WordSet,
    /// Relative pronouns that end a subject phrase.
    pub relatives: WordSet,
    /// Conjunctions joining a second predicate.
    pub conjunctions: WordSet,
    /// Capitalised articles that open a subject (case-sensitive).
    pub opening_articles: WordSet,
    /// Nouns naming a document ("statement", "readout").
    pub statement_nouns: WordSet,
    /// Personal pronouns.
    pub pronouns: WordSet,
    /// Plural pronouns: a group, not one speaker.
    pub plural_pronouns: WordSet,
    /// Prepositions.
    pub prepositions: WordSet,
    /// Words opening a sentence without being its subject.
    pub sentence_openers: WordSet,
    /// Possessives that open a subject ("her office", "son cabinet", "ihr Büro").
    pub possessives: WordSet,
    /// Nouns that make a speaker an organisation ("office", "ministère", "Polizei").
    pub bodies: WordSet,
    /// Nouns that make a speaker a document ("statement", "communiqué", "readout").
    pub documents: WordSet,
    /// Titles before a name that are not offices of their own ("executive", "officer").
    pub titles: WordSet,
    /// Copulas ("is", "est", "ist") of "the policy is that".
    pub copulas: WordSet,
    /// Conjunctions opening a reported clause ("that", "que", "dass").
    pub complementizers: WordSet,
    /// Attribution words the speaker's name follows ("according", "selon", "laut").
    pub names_follow: WordSet,
    /// Endings of a participle whose subject is the sentence's ("-ing", "-ant", "-ando").
    pub participle_endings: WordSet,
    /// Endings of an adverb or a participle opening a sentence ("-ly", "-mente", "-é").
    pub opener_endings: WordSet,
    /// German articles after which "so" attributes ("…, so der Sprecher").
    pub articles_after_so: WordSet,
    /// Words skipped before a name after "hieß" and its kin ("hieß es aus …").
    pub source_fillers: WordSet,
    /// English words an apostrophe shortens at their start ("’em", "’til").
    pub elisions: WordSet,
    /// French inverted subjects after a verb ("-t-il", "-elle"), longest first.
    pub inverted_subjects: Vec<&'static str>,
}

/// The lists, parsed on first use.
pub(super) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let file = |text: &'static str| WordSet::parse(text);
        Lists {
            name_particles: file(include_str!("../../assets/speakers/name_particles.txt")),
            determiners: file(include_str!("../../assets/speakers/determiners.txt")),
            verb_fillers: file(include_str!("../../assets/speakers/verb_fillers.txt")),
            relatives: file(include_str!("../../assets/speakers/relatives.txt")),
            conjunctions: file(include_str!("../../assets/speakers/conjunctions.txt")),
            opening_articles: file(include_str!("../../assets/speakers/opening_articles.txt")),
            statement_nouns: file(include_str!("../../assets/speakers/statement_nouns.txt")),
            pronouns: file(include_str!("../../assets/speakers/pronouns.txt")),
            plural_pronouns: file(include_str!("../../assets/speakers/plural_pronouns.txt")),
            prepositions: file(include_str!("../../assets/speakers/prepositions.txt")),
            sentence_openers: file(include_str!("../../assets/speakers/sentence_openers.txt")),
            possessives: file(include_str!("../../assets/speakers/possessives.txt")),
            bodies: file(include_str!("../../assets/speakers/bodies.txt")),
            documents: file(include_str!("../../assets/speakers/documents.txt")),
            titles: file(include_str!("../../assets/speakers/titles.txt")),
            copulas: file(include_str!("../../assets/speakers/copulas.txt")),
            complementizers: file(include_str!("../../assets/speakers/complementizers.txt")),
            names_follow: file(include_str!("../../assets/speakers/names_follow.txt")),
            participle_endings: file(include_str!("../../assets/speakers/participle_endings.txt")),
            opener_endings: file(include_str!("../../assets/speakers/opener_endings.txt")),
            articles_after_so: file(include_str!("../../assets/speakers/articles_after_so.txt")),
            source_fillers: file(include_str!("../../assets/speakers/source_fillers.txt")),
            elisions: file(include_str!("../../assets/elisions.txt")),
            inverted_subjects: {
                let mut endings: Vec<&'static str> = crate::lexicon::words(include_str!(
                    "../../assets/speakers/inverted_subjects.txt"
                ))
                .collect();
                endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
                endings
            },
        }
    })
}

/// The attribution phrases, from `assets/attribution.txt`, as lists of lower-case words,
/// grouped by their first word so a look-up costs one hash per word.
pub(super) fn attribution_phrases() -> &'static HashMap<String, Vec<Vec<String>>> {
    static PHRASES: OnceLock<HashMap<String, Vec<Vec<String>>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut map: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for line in lines(include_str!("../../assets/attribution.txt")) {
            if line.starts_with("role:") || line.contains('*') {
                continue;
            }
            let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
            map.entry(words[0].clone()).or_default().push(words);
        }
        map
    })
}

/// The length of the attribution phrase (see [`attribution_phrases`]) that starts at word `i`
/// of `words` (each in lower case), if one does: the one reading of those phrases, for the
/// speaker rules and for the words between two quoted parts alike.
pub(super) fn attribution_at<W: AsRef<str>>(words: &[W], i: usize) -> Option<usize> {
    attribution_phrases()
        .get(words[i].as_ref())?
        .iter()
        .find_map(|p| {
            (i + p.len() <= words.len() && p.iter().zip(&words[i..]).all(|(a, w)| a == w.as_ref()))
                .then_some(p.len())
        })
}

/// Nouns naming a person by office ("role: mayor" lines of `assets/attribution.txt`): "The
/// mayor met residents" opens with a speaker, "The heart of the speech was" does not.
pub(super) fn role_nouns() -> &'static HashSet<String> {
    static ROLES: OnceLock<HashSet<String>> = OnceLock::new();
    ROLES.get_or_init(|| {
        lines(include_str!("../../assets/attribution.txt"))
            .filter_map(|line| line.strip_prefix("role:"))
            .map(|noun| noun.trim().to_lowercase())
            .collect()
    })
}

/// Phrases in two parts around their speaker ("laat * weten" lines of
/// `assets/attribution.txt`): the first and the last word.
pub(super) fn slot_phrases() -> &'static [(String, String)] {
    static SLOTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        lines(include_str!("../../assets/attribution.txt"))
            .filter_map(|line| line.split_once(" * "))
            .map(|(a, b)| (a.trim().to_lowercase(), b.trim().to_lowercase()))
            .collect()
    })
}
