//! The word lists of `assets/differences/`, parsed once.
//!
//! What counts as a qualifier, a unit or a tense shift of reported speech is a list a user may
//! want to extend, so it lives in text files; this module only turns them into lookup tables.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::comparison::ScopeClass;
use crate::lexicon::lines;
use crate::normalize::normalize_word;

/// Every list of `assets/differences/`.
#[derive(Debug, Default)]
pub struct Words {
    /// Scope phrases (normalised words), their language code and their class.
    pub scope: Vec<(Vec<String>, &'static str, ScopeClass)>,
    /// Positions in [`Words::scope`] by the phrase's first word.
    pub scope_by_first: HashMap<String, Vec<usize>>,
    /// Pairs of reported-speech forms (source form, article form).
    pub backshift: HashSet<(String, String)>,
    /// Unit words and phrases, to the number of the unit they name.
    pub units: HashMap<String, usize>,
    /// Connectives whose loss changes no fact.
    pub discourse: HashSet<String>,
    /// Small words joining the parts of a title ("of", "da", "van").
    pub title_joiners: HashSet<String>,
    /// Words standing for the same thing, to one key per group.
    pub synonyms: HashMap<String, String>,
    /// Words joining the items of a list ("and", "sowie").
    pub conjunctions: HashSet<String>,
    /// Words saying which way a quantity moved or lies, by language code: each word's
    /// dimensions (numbered in file order) and whether it points up there.
    pub directions: HashMap<&'static str, Directions>,
    /// Words that say which holder of an office a title names ("deputy", "former").
    pub title_ranks: HashSet<String>,
    /// Starts of one-word titles that do the same ("vice" in "vicepresidente").
    pub title_rank_prefixes: Vec<String>,
    /// Nouns naming a kind of public body ("tribunal", "court"), by language code.
    pub institutions: HashMap<&'static str, HashSet<String>>,
    /// Relative pronouns that open a limiting clause after a comma ("…, das für die
    /// Versorgung gebraucht wird"), by language code.
    pub relatives: HashMap<&'static str, HashSet<String>>,
    /// Relative pronouns that open an aside set off by commas ("…, who could not attend,
    /// …"), by language code.
    pub asides: HashMap<&'static str, HashSet<String>>,
}

/// The words of one language that say which way a quantity moved or lies: each word's
/// dimensions (numbered in the file's order) and whether it points up there.
pub type Directions = HashMap<String, Vec<(usize, bool)>>;

fn parse_class(word: &str) -> Option<ScopeClass> {
    Some(match word {
        "modal" => ScopeClass::Modal,
        "hedge" => ScopeClass::Hedge,
        "condition" => ScopeClass::Condition,
        "quantifier" => ScopeClass::Quantifier,
        "negation" => ScopeClass::Negation,
        "status" => ScopeClass::Status,
        _ => return None,
    })
}

fn phrase(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| normalize_word(w).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn build() -> Words {
    let mut words = Words::default();
    for (lang, line) in by_language(include_str!("../../assets/differences/scope.txt")) {
        if let Some((class, rest)) = line.split_once(' ') {
            if let Some(class) = parse_class(class) {
                words.scope.push((phrase(rest), lang, class));
            }
        }
    }
    // Longest phrase first, so "should the" wins over a shorter entry.
    words.scope.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    for (k, (p, _, _)) in words.scope.iter().enumerate() {
        if let Some(first) = p.first() {
            words
                .scope_by_first
                .entry(first.clone())
                .or_default()
                .push(k);
        }
    }
    // The longest phrase first: "should the" (a condition) before "should" (a modal).
    for ks in words.scope_by_first.values_mut() {
        ks.sort_by_key(|&k| std::cmp::Reverse(words.scope[k].0.len()));
    }
    for line in lines(include_str!("../../assets/differences/backshift.txt")) {
        if let [from, to] = phrase(line).as_slice() {
            words.backshift.insert((from.clone(), to.clone()));
        }
    }
    for (unit, line) in lines(include_str!("../../assets/differences/units.txt")).enumerate() {
        // A line lists single words and two-word phrases; each word and each adjacent pair
        // names the unit, so "per cent" and "percent" fall together.
        let ws = phrase(line);
        for w in &ws {
            words.units.entry(w.clone()).or_insert(unit);
        }
        for pair in ws.windows(2) {
            words.units.entry(pair.join(" ")).or_insert(unit);
        }
    }
    for line in lines(include_str!("../../assets/differences/title_joiners.txt")) {
        words.title_joiners.extend(phrase(line));
    }
    for line in lines(include_str!("../../assets/differences/conjunctions.txt")) {
        words.conjunctions.extend(phrase(line));
    }
    for line in lines(include_str!("../../assets/differences/discourse.txt")) {
        words.discourse.extend(phrase(line));
    }
    for line in lines(include_str!("../../assets/differences/synonyms.txt")) {
        let group = phrase(line);
        if let Some(key) = group.first() {
            for w in &group {
                words.synonyms.insert(w.clone(), key.clone());
            }
        }
    }
    words.directions = directions();
    for line in lines(include_str!("../../assets/differences/title_ranks.txt")) {
        match line.strip_prefix("prefix ") {
            Some(rest) => words.title_rank_prefixes.extend(phrase(rest)),
            None => words.title_ranks.extend(phrase(line)),
        }
    }
    words.institutions = word_sets(include_str!("../../assets/differences/institutions.txt"));
    words.relatives = word_sets(include_str!("../../assets/differences/relatives.txt"));
    words.asides = word_sets(include_str!("../../assets/differences/asides.txt"));
    words
}

/// The words of a list file written under `[LANG]` headings, by language code.
fn word_sets(file: &'static str) -> HashMap<&'static str, HashSet<String>> {
    let mut sets: HashMap<&'static str, HashSet<String>> = HashMap::default();
    for (lang, line) in by_language(file) {
        sets.entry(lang).or_default().extend(phrase(line));
    }
    sets
}

/// The lines of a list file written under `[LANG]` headings, each with the code of the
/// heading above it ("" before the first).
fn by_language(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut lang = "";
    lines(file).filter_map(move |line| {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(code) => {
                lang = code;
                None
            }
            None => Some((lang, line)),
        }
    })
}

/// [`Words::directions`] of `assets/differences/directions.txt`.
fn directions() -> HashMap<&'static str, Directions> {
    let mut out: HashMap<&'static str, Directions> = HashMap::default();
    let mut dimensions: Vec<&str> = Vec::new();
    for (lang, line) in by_language(include_str!("../../assets/differences/directions.txt")) {
        let mut parts = line.split_whitespace();
        let (Some(dimension), Some(sign)) = (parts.next(), parts.next()) else {
            continue;
        };
        let k = match dimensions.iter().position(|d| *d == dimension) {
            Some(k) => k,
            None => {
                dimensions.push(dimension);
                dimensions.len() - 1
            }
        };
        let up = sign == "+";
        for w in parts {
            let entry = out.entry(lang).or_default();
            entry
                .entry(normalize_word(w).to_string())
                .or_default()
                .push((k, up));
        }
    }
    out
}

/// The lists, parsed on first use.
pub fn get() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(build)
}

impl Words {
    /// The scope phrase of language `lang` starting at `words[0]`, if any: its length in
    /// words and its class.
    pub fn scope_at(&self, words: &[&str], lang: &str) -> Option<(usize, ScopeClass)> {
        let candidates = self.scope_by_first.get(*words.first()?)?;
        candidates.iter().find_map(|&k| {
            let (p, l, class) = &self.scope[k];
            (*l == lang && p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b))
                .then_some((p.len(), *class))
        })
    }

    /// The directions of word `norm` (normalised) in language `lang`: (dimension, points up).
    pub fn direction(&self, lang: &str, norm: &str) -> &[(usize, bool)] {
        self.directions
            .get(lang)
            .and_then(|words| words.get(norm))
            .map_or(&[], Vec::as_slice)
    }

    /// True when two titles name two holders of one office: the same office once its rank
    /// words are set aside ("Deputy Mayor" and "Mayor", "Vizepräsident" and "Präsident",
    /// "former minister" and "minister"), with other rank words. Not two offices of which
    /// the article keeps one ("vicepresidenta primera y ministra de Hacienda" and "ministra
    /// de Hacienda"): that shortens the title.
    pub fn other_holder(&self, from: &str, to: &str) -> bool {
        let (from, to) = (self.ranked(from), self.ranked(to));
        from.0 != to.0 && from.1 == to.1
    }

    /// The rank words of `title` (sorted) and its other words, lower case, a rank prefix
    /// cut from the word it starts ("vice" and "presidente" of "vicepresidente").
    fn ranked(&self, title: &str) -> (Vec<String>, Vec<String>) {
        let mut ranks = Vec::new();
        let mut rest = Vec::new();
        for w in title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let w = w.to_lowercase();
            if self.title_ranks.contains(&w) {
                ranks.push(w);
            } else if let Some(p) = self
                .title_rank_prefixes
                .iter()
                .find(|p| w.len() > p.len() + 2 && w.starts_with(p.as_str()))
            {
                rest.push(w[p.len()..].to_string());
                ranks.push(p.clone());
            } else {
                rest.push(w);
            }
        }
        ranks.sort();
        (ranks, rest)
    }

    /// True when `norm` (normalised) names a kind of public body in language `lang`.
    pub fn is_institution(&self, lang: &str, norm: &str) -> bool {
        self.institutions
            .get(lang)
            .is_some_and(|words| words.contains(norm))
    }

    /// True when `from` in the source and `to` in the article are one statement reported
    /// afterwards ("will" and "would").
    pub fn is_backshift(&self, from: &str, to: &str) -> bool {
        self.backshift.contains(&(from.to_string(), to.to_string()))
    }
}
