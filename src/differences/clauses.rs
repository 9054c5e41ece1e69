//! The rest of the sentence around an aligned run: what the source says just before or just
//! after the words the article took, and the article leaves out.
//!
//! A matcher pairs the words both documents share, so a reused passage or a quotation that
//! begins after "Should the outlook evolve as projected" or stops before ", and implement
//! changes to sharpen its focus on safety" holds no edit: the cut lies outside the match. A
//! fact-checker reads the whole source sentence, and so does this stage:
//! - a **condition** that opens (or closes) the source sentence, with no condition anywhere in
//!   the article's sentence: the article states as settled what the source made conditional;
//! - a **quotation cut mid-clause**: the quotation closes where the source sentence runs on
//!   without a pause ("pero estaba bastante apreciado" before "el peso, resistió"), so the
//!   quoted words read as a whole statement;
//! - a **sentence cut short**: the article ends its sentence where the source goes on with
//!   more items of a list, a figure or a qualifier.

use rustc_hash::FxHashSet;

use crate::align::sentences;
use crate::comparison::{Comparison, Match, MatchKind, ScopeClass};
use crate::matching::is_content_word;
use crate::span::Span;

use super::align::{Keyer, Word};
use super::scope::scope_phrases;
use super::{Change, Difference, DifferenceKind, Severity};

/// How far back or ahead a sentence boundary is looked for, in bytes: a "sentence" longer
/// than this is a list or an extraction without stops, and has no clause to read.
pub(super) const MAX_SENTENCE_BYTES: usize = 1_200;

/// Most words between the sentence start and a condition word that still opens the sentence
/// ("But if", "However, should").
const MAX_CONDITION_LEAD_WORDS: usize = 2;

/// Most words of the source sentence before a reused run for a modal, hedge, negation or
/// status word among them to govern the run ("Les premiers chantiers devraient commencer").
const MAX_HEAD_WORDS: usize = 8;

/// Most words of the source sentence after a reused run for a scope word among them to be
/// read against the article's rest of the sentence.
const MAX_TAIL_WORDS: usize = 12;

/// Most words between such a scope word and the run: the verb it governs, reworded.
const MAX_HEAD_GAP_WORDS: usize = 2;

/// Most words of the rest of a sentence (before or after a reused run) read for a changed
/// name or figure: more, and the article took the run into a sentence of its own.
const MAX_REST_WORDS: usize = 20;

/// Most words of the source before the run for its opening condition to govern the run.
const MAX_PREFIX_WORDS: usize = 30;

/// Fewest words of a quotation for its end to be read as a claim of a whole statement: a
/// scare quote ("deeply concerned") is a fragment by nature.
const MIN_QUOTATION_WORDS: usize = 6;

/// Most words between a quotation's end and the end of the source's clause for the quotation
/// to count as cut in mid-clause.
const MAX_CLAUSE_REST_WORDS: usize = 4;

/// Fewest content words the source sentence must go on with for a cut to matter.
const MIN_REST_CONTENT_WORDS: usize = 3;

/// Most words of the source's rest shown in a note.
const MAX_REST_WORDS_SHOWN: usize = 14;

/// Closest another run may start after this one's source end for the rest to count as taken
/// (the article quoting on in a second part), in bytes.
const CONTINUED_BYTES: usize = 60;

/// Adds the conditions and the cut sentence ends around every quotation and reused run.
pub(super) fn of_matches(c: &Comparison, keyer: &Keyer, out: &mut Vec<Difference>) {
    let mut starts: Vec<usize> = c.matches.iter().map(|m| m.source.start).collect();
    starts.sort_unstable();
    let firsts: FxHashSet<&str> = super::words::get()
        .scope
        .iter()
        .filter(|(_, lang, class)| *lang == keyer.code && *class == ScopeClass::Condition)
        .filter_map(|(p, _, _)| p.first().map(String::as_str))
        .collect();
    let head_firsts: FxHashSet<&str> = super::words::get()
        .scope
        .iter()
        .filter(|(_, lang, class)| *lang == keyer.code && governs_head(*class))
        .filter_map(|(p, _, _)| p.first().map(String::as_str))
        .collect();
    for m in &c.matches {
        if !matches!(m.kind, MatchKind::Reuse | MatchKind::Quotation) {
            continue;
        }
        // Most runs can hold neither a condition nor a cut: a look at the bytes around them
        // decides, before any word of the sentence is stemmed.
        let (src, art) = (c.source.text.as_str(), c.article.text.as_str());
        let spans = Spans::of(src, art, m);
        let conditional = names_any(spans.before.slice(src), &firsts)
            || names_any(spans.after.slice(src), &firsts);
        let headed = m.kind == MatchKind::Reuse
            && (names_any(spans.before.slice(src), &head_firsts)
                || names_any(spans.after.slice(src), &head_firsts)
                || names_any(spans.after.slice(src), &firsts));
        let factual = m.kind == MatchKind::Reuse
            && (may_hold_fact(spans.before.slice(src)) || may_hold_fact(spans.after.slice(src)));
        if !conditional && !headed && !factual && !may_be_cut(src, art, m) {
            continue;
        }
        let around = Around::new(c, m, keyer, &spans);
        if factual {
            around.facts_of_rest(out);
        }
        if let Some(d) = around.condition_dropped() {
            out.push(d);
            continue;
        }
        if headed {
            let found = around.scope_dropped_beside();
            if !found.is_empty() {
                out.extend(found);
                continue;
            }
        }
        let continued = {
            let at = starts.partition_point(|&s| s < m.source.end);
            starts
                .get(at)
                .is_some_and(|&s| s - m.source.end <= CONTINUED_BYTES)
        };
        if !continued {
            out.extend(around.cut_short());
        }
    }
}

/// Where the rest of a run's sentence lies on both sides.
struct Spans {
    /// The source from its sentence's start to the run.
    before: Span,
    /// The source from the run to its sentence's end.
    after: Span,
    /// The article's sentence around the run.
    sentence: Span,
}

impl Spans {
    fn of(src: &str, art: &str, m: &Match) -> Spans {
        let source = sentences::around(src, m.source, MAX_SENTENCE_BYTES);
        Spans {
            before: Span::new(source.start, m.source.start),
            after: Span::new(m.source.end, source.end),
            sentence: sentences::around(art, m.article, MAX_SENTENCE_BYTES),
        }
    }
}

/// True when a word of `text`, in lower case, is one of `words`: a superset of what the
/// word lists find once the words are cut and normalised.
fn names_any(text: &str, words: &FxHashSet<&str>) -> bool {
    let mut lower = String::new();
    text.split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            words.contains(lower.as_str())
        })
}

/// True when the run could end in a cut: a quotation whose marks close right after it, or a
/// reused run that ends the article's sentence where the source goes on after a comma.
fn may_be_cut(src: &str, art: &str, m: &Match) -> bool {
    match m.kind {
        MatchKind::Quotation => closes_quotation(art, m.article.end),
        MatchKind::Reuse => {
            ends_sentence(art, m.article.end)
                && src[m.source.end..].trim_start().starts_with([',', ';'])
        }
        MatchKind::Paraphrase => false,
    }
}

/// One run with the rest of its sentence on both sides.
struct Around<'a, 't> {
    c: &'a Comparison,
    m: &'a Match,
    lang: &'static str,
    /// Source words from the sentence start to the run.
    before: Vec<Word<'t>>,
    /// Source words from the run to the sentence end.
    after: Vec<Word<'t>>,
    /// The article's whole sentence around the run.
    article_sentence: Vec<Word<'t>>,
}

impl<'a, 't> Around<'a, 't>
where
    'a: 't,
{
    fn new(c: &'a Comparison, m: &'a Match, keyer: &Keyer, spans: &Spans) -> Around<'a, 't> {
        let (src, art) = (c.source.text.as_str(), c.article.text.as_str());
        Around {
            c,
            m,
            lang: keyer.code,
            before: keyer.words(src, spans.before),
            after: keyer.words(src, spans.after),
            article_sentence: keyer.words(art, spans.sentence),
        }
    }

    fn difference(
        &self,
        kind: DifferenceKind,
        severity: Severity,
        source: Span,
        change: Change,
    ) -> Difference {
        super::found(
            kind,
            severity,
            (Some(source), None),
            Some(self.m.id),
            change,
        )
    }

    /// A condition that opens the source sentence before the run, or follows the run, while
    /// the article's sentence holds none.
    fn condition_dropped(&self) -> Option<Difference> {
        let conditional = |ws: &[Word]| {
            scope_phrases(ws, self.lang)
                .iter()
                .any(|p| p.2 == ScopeClass::Condition)
        };
        // The run's own words are the source's: a condition inside it is the source's too.
        let outside: Vec<Word> = self
            .article_sentence
            .iter()
            .filter(|w| !self.m.article.contains(&w.span))
            .cloned()
            .collect();
        if conditional(&outside) {
            return None;
        }
        let opening = |ws: &[Word]| {
            scope_phrases(ws, self.lang)
                .into_iter()
                .find(|p| p.2 == ScopeClass::Condition && p.0 <= MAX_CONDITION_LEAD_WORDS)
        };
        let clause = if self.before.len() <= MAX_PREFIX_WORDS {
            opening(&self.before).map(|(i, len, _)| self.clause_before(i, len))
        } else {
            None
        };
        let clause = clause.or_else(|| {
            opening(&self.after).map(|(i, _, _)| {
                let text = &self.c.source.text;
                let end = self.after[i..]
                    .iter()
                    .position(|w| ends_clause(text, w.span.end))
                    .map_or(self.after.len(), |k| i + k + 1);
                &self.after[i..end]
            })
        })?;
        let span = cover(clause)?;
        Some(self.difference(
            DifferenceKind::Scope,
            Severity::Major,
            span,
            Change::Dropped {
                words: span.slice(&self.c.source.text).to_string(),
                class: Some(ScopeClass::Condition),
                marked: None,
            },
        ))
    }

    /// The article's sentence outside the run: the words before it and the words after it.
    fn article_rest(&self) -> (Vec<Word<'t>>, Vec<Word<'t>>) {
        self.article_sentence
            .iter()
            .filter(|w| !self.m.article.contains(&w.span))
            .cloned()
            .partition(|w| w.span.start < self.m.article.start)
    }

    /// The names and figures the article changed in the rest of the run's sentence: the
    /// words before the run on both sides, then the words after it, each pair when the
    /// article restates the source's (a content word in common).
    fn facts_of_rest(&self, out: &mut Vec<Difference>) {
        let (head, tail) = self.article_rest();
        for (source, article) in [(&self.before, &head), (&self.after, &tail)] {
            if source.is_empty() || article.is_empty() || source.len() > MAX_REST_WORDS {
                continue;
            }
            if restates(source, article) {
                super::within::of_rest(self.c, self.m, self.lang, (source, article), false, out);
            }
        }
    }

    /// Scope words in the rest of a reused run's sentence that the article's restatement
    /// lacks. Before the run, a modal, hedge, negation or status word just before it, in a
    /// short head ("Les premiers chantiers devraient commencer | en septembre" told as "Les
    /// premiers chantiers commenceront | en septembre"); after it, any scope word of a short
    /// tail ("further increases | may be needed should the economy keep its strength" told
    /// as "further increases | are needed"). The article's side must restate the source's
    /// (a content word in common) and hold no scope word of that class.
    fn scope_dropped_beside(&self) -> Vec<Difference> {
        let (head, tail) = self.article_rest();
        let mut out = Vec::new();
        let sides = [
            (&self.before, &head, MAX_HEAD_WORDS, true),
            (&self.after, &tail, MAX_TAIL_WORDS, false),
        ];
        for (source, article, most, before) in sides {
            if source.is_empty() || source.len() > most {
                continue;
            }
            if !restates(source, article) {
                continue;
            }
            let kept = scope_phrases(article, self.lang);
            for (i, len, class) in scope_phrases(source, self.lang) {
                let near = if before {
                    governs_head(class) && i + len + MAX_HEAD_GAP_WORDS >= source.len()
                } else {
                    governs_head(class) || class == ScopeClass::Condition
                };
                if !near || kept.iter().any(|p| p.2 == class) {
                    continue;
                }
                if super::scope::in_aside(&self.c.source.text, source, i, self.lang) {
                    continue;
                }
                // A condition reaches to its clause's end; a modal is its own words.
                let end = if class == ScopeClass::Condition {
                    let text = &self.c.source.text;
                    source[i..]
                        .iter()
                        .position(|w| ends_clause(text, w.span.end))
                        .map_or(source.len(), |k| i + k + 1)
                } else {
                    i + len
                };
                let Some(span) = cover(&source[i..end]) else {
                    continue;
                };
                out.push(self.difference(
                    DifferenceKind::Scope,
                    Severity::Major,
                    span,
                    Change::Dropped {
                        words: span.slice(&self.c.source.text).to_string(),
                        class: Some(class),
                        marked: None,
                    },
                ));
            }
        }
        out
    }

    /// The condition clause of `before` that starts at word `i`: up to its comma, else up to
    /// the main clause the article kept (its first word the article's sentence shares),
    /// without the function words that open that main clause ("we would").
    fn clause_before(&self, i: usize, len: usize) -> &[Word<'t>] {
        let text = &self.c.source.text;
        let kept = |w: &Word| {
            is_content_word(&w.norm) && self.article_sentence.iter().any(|a| a.key == w.key)
        };
        let mut end = self.before.len();
        for (k, w) in self.before.iter().enumerate().skip(i + len) {
            if ends_clause(text, w.span.end) {
                end = k + 1;
                break;
            }
            if kept(w) {
                end = k;
                break;
            }
        }
        while end > i + len && !is_content_word(&self.before[end - 1].norm) {
            end -= 1;
        }
        &self.before[i..end]
    }

    /// A quotation that closes where its source sentence runs on without a pause, or a
    /// reused run that ends the article's sentence where the source goes on with more.
    fn cut_short(&self) -> Option<Difference> {
        let content = self
            .after
            .iter()
            .filter(|w| is_content_word(&w.norm))
            .count();
        if content < MIN_REST_CONTENT_WORDS {
            return None;
        }
        let (src, art) = (self.c.source.text.as_str(), self.c.article.text.as_str());
        // A pause at the cut: punctuation ending the run's source, or right after it.
        let ends_with_stop = self
            .m
            .source
            .slice(src)
            .trim_end()
            .ends_with(|ch: char| !ch.is_alphanumeric());
        let pause = ends_with_stop
            || src[self.m.source.end..]
                .trim_start()
                .starts_with(|ch: char| !ch.is_alphanumeric());
        match self.m.kind {
            MatchKind::Quotation => {
                let words = self.m.article.slice(art).split_whitespace().count();
                if words < MIN_QUOTATION_WORDS
                    || pause
                    || !closes_quotation(art, self.m.article.end)
                {
                    return None;
                }
                // The quotation stops a few words short of its clause's end ("pero estaba
                // bastante apreciado" before "el peso,"): a clause that follows whole (a
                // relative clause, a second statement) is a natural place to stop.
                let clause = self
                    .after
                    .iter()
                    .position(|w| ends_clause(src, w.span.end))
                    .map_or(usize::MAX, |k| k + 1);
                if clause > MAX_CLAUSE_REST_WORDS {
                    return None;
                }
                self.cut_at(true)
            }
            MatchKind::Reuse => {
                if !ends_sentence(art, self.m.article.end) || !self.rest_matters() {
                    return None;
                }
                self.cut_at(false)
            }
            MatchKind::Paraphrase => None,
        }
    }

    /// The cut as a difference: in mid-clause, a quotation's words changed in force (major);
    /// at a pause, a reused run's scope narrowed (minor). The source's rest is shown up to
    /// its next pause when the cut is in mid-clause.
    fn cut_at(&self, mid_clause: bool) -> Option<Difference> {
        let (span, rest) = self.rest(mid_clause)?;
        let (kind, severity) = if mid_clause {
            (DifferenceKind::QuoteWording, Severity::Major)
        } else {
            (DifferenceKind::Scope, Severity::Minor)
        };
        let change = Change::CutShort { rest, mid_clause };
        Some(self.difference(kind, severity, span, change))
    }

    /// True when the source's rest holds what a reader misses: a figure, a scope word, or
    /// more items of a list (a comma, then "and" or "or" further on).
    fn rest_matters(&self) -> bool {
        let rest = Span::new(
            self.m.source.end,
            self.after.last().map_or(self.m.source.end, |w| w.span.end),
        )
        .slice(&self.c.source.text);
        // A new clause after "and" is a second statement; a comma goes on with the first.
        if !rest.trim_start().starts_with([',', ';']) {
            return false;
        }
        let weighty = |class: ScopeClass| {
            matches!(
                class,
                ScopeClass::Condition | ScopeClass::Negation | ScopeClass::Status
            )
        };
        let list = super::words::get();
        self.after.iter().any(|w| w.value.is_some())
            || scope_phrases(&self.after, self.lang)
                .iter()
                .any(|p| weighty(p.2))
            || self
                .after
                .iter()
                .skip(1)
                .any(|w| list.conjunctions.contains(w.norm.as_str()))
    }

    /// The source's rest: up to the first pause when `to_pause` (the clause the quotation
    /// cut), else to the sentence end; its span and its words as shown, shortened.
    fn rest(&self, to_pause: bool) -> Option<(Span, String)> {
        let text = &self.c.source.text;
        let end = if to_pause {
            self.after
                .iter()
                .position(|w| ends_clause(text, w.span.end))
                .map_or(self.after.len(), |k| k + 1)
        } else {
            self.after.len()
        };
        let words = &self.after[..end];
        let span = cover(words)?;
        let shown = if words.len() > MAX_REST_WORDS_SHOWN {
            let cut = cover(&words[..MAX_REST_WORDS_SHOWN])?;
            format!("{} …", cut.slice(text))
        } else {
            span.slice(text).to_string()
        };
        Some((span, shown))
    }
}

/// True when the article's words restate the source's: a content word in common.
fn restates(source: &[Word], article: &[Word]) -> bool {
    source
        .iter()
        .any(|w| is_content_word(&w.norm) && article.iter().any(|a| a.key == w.key))
}

/// True when `text` may hold a name or a figure: a digit, or a capital after its first
/// letter. A byte look before any word is cut.
fn may_hold_fact(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    chars.next();
    t.bytes().any(|b| b.is_ascii_digit()) || chars.any(char::is_uppercase)
}

/// The scope classes whose word, in the head of a sentence, governs the verb after it.
fn governs_head(class: ScopeClass) -> bool {
    matches!(
        class,
        ScopeClass::Modal | ScopeClass::Hedge | ScopeClass::Negation | ScopeClass::Status
    )
}

fn cover(words: &[Word]) -> Option<Span> {
    Some(Span::new(words.first()?.span.start, words.last()?.span.end))
}

/// True when a comma, semicolon, colon or dash follows the word ending at `at`.
fn ends_clause(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|ch| matches!(ch, ',' | ';' | ':' | '.' | '!' | '?' | '–' | '—' | '('))
}

/// True when the quotation marks close right after `at` (past punctuation set inside them)
/// with no ellipsis: an ellipsis tells the reader the speaker went on.
fn closes_quotation(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let Some(k) =
        rest.find(|ch: char| !matches!(ch, '.' | ',' | ';' | ':' | '!' | '?' | '…' | ' '))
    else {
        return false;
    };
    let ch = rest[k..].chars().next().unwrap_or(' ');
    let marked = rest[..k].contains('…') || rest[..k].contains("..");
    !marked && crate::normalize::is_quote_mark(ch) && !crate::normalize::is_apostrophe(ch)
}

/// True when the article's sentence ends at `at`: a stop, a line break or the end of the
/// text, past closing quotation marks.
fn ends_sentence(text: &str, at: usize) -> bool {
    match text[at..]
        .chars()
        .find(|ch| !(crate::normalize::is_quote_mark(*ch) || *ch == ' '))
    {
        None => true,
        Some(ch) => matches!(ch, '.' | '!' | '?' | '\n'),
    }
}
