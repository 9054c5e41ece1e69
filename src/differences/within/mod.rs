//! Differences inside one aligned pair: what the word alignment of a match leaves unaligned.
//!
//! Inside a quotation every change of wording counts: the article says these are the
//! speaker's words. Outside quotation marks a journalist may reword freely, so only what
//! changes a fact is kept: a figure, its unit, a name, and the words that set a statement's
//! scope (a condition, a modal, a hedge, a quantifier, a negation, "proposed").

use similar::DiffOp;

use crate::comparison::{Comparison, Edit, EditOp, Fidelity, Match, MatchKind};
use crate::matching::is_content_word;
use crate::span::Span;

use super::align::{self, cover_of, inside, is_spelling_variant, Keyer, Word};
use super::dates::in_date;
use super::figures::{approximates, has_figure, same_figures, stated_nearby};
use super::names::{before_a_name, german_noun_at, starts_upper};
use super::scope::scope_phrases;
use super::units::unit_at;
use super::words;
use super::{Change, Difference, DifferenceKind, Severity};
use crate::align::sentences::opens_sentence;
use crate::comparison::ScopeClass;

mod named;

/// Adds the differences inside `m` to `out`.
pub(super) fn of_match(c: &Comparison, m: &Match, keyer: &Keyer, out: &mut Vec<Difference>) {
    // A passage copied byte for byte holds no difference; one that differs only in case or
    // punctuation can hold a case change inside a quotation, and nothing else.
    let copied = match m.fidelity {
        Fidelity::Exact => true,
        Fidelity::Normalized => m.kind != MatchKind::Quotation,
        Fidelity::Edited => false,
    };
    if copied && m.kind != MatchKind::Paraphrase {
        return;
    }
    let source = keyer.words(&c.source.text, m.source);
    let article = keyer.words(&c.article.text, m.article);
    let pair = Pair {
        c,
        m,
        lang: keyer.code,
        source: &source,
        article: &article,
    };
    match m.kind {
        MatchKind::Quotation => {
            // A quotation match may run on past the closing mark into the attribution the
            // source writes the same way ("…behind us," said Deputy Director Alvarez): an
            // edit there changes no quoted word.
            pair.edits_by_marks(out);
            pair.case_changes(out);
        }
        MatchKind::Reuse => {
            // A reused run can hold a quotation ("…, sagte Weber. „Kein Krankenhaus wird
            // geschlossen.“ Nach Angaben…"): an edit inside its marks changes the speaker's
            // words.
            pair.edits_by_marks(out);
            pair.scope_changes(&align::diff(&source, &article), out);
            pair.unit_changes(out);
        }
        MatchKind::Paraphrase => {
            let ops = align::diff(&source, &article);
            for e in align::edits(&ops, &source, &article) {
                out.extend(pair.paraphrased_edit(&e));
            }
            super::figures::replaced(c, m, (&source, &article), &ops, keyer.code, out);
            pair.scope_changes(&ops, out);
            pair.unit_changes(out);
        }
    }
}

/// The changes in words beside match `m` that no match aligns: `source` and `article` are
/// the words of the two sides, aligned here. Outside quotation marks (the rest of a reused
/// run's sentence, which the article restated in its own words: `quoted` false) they are
/// read as a paraphrase is, a name or a figure replaced counts and rewording does not;
/// inside them (a quotation's words beyond its match, see `tails`) every change counts.
pub(super) fn of_rest(
    c: &Comparison,
    m: &Match,
    lang: &'static str,
    (source, article): (&[Word], &[Word]),
    quoted: bool,
    out: &mut Vec<Difference>,
) {
    let pair = Pair {
        c,
        m,
        lang,
        source,
        article,
    };
    let ops = align::diff(source, article);
    for e in align::edits(&ops, source, article) {
        out.extend(if quoted {
            pair.quoted_edit(&e)
        } else {
            pair.paraphrased_edit(&e)
        });
    }
    // A modal, condition or negation dropped from the rest of a reused sentence changes its
    // force ("pourraient bénéficier" told as "bénéficieront"); a quantifier the rewording
    // adds there ("each of the bans") restates more often than it widens.
    if !quoted {
        let mut scope = Vec::new();
        pair.scope_changes(&ops, &mut scope);
        // A word of an aside the article left out ("…, der an der Sitzung nicht teilnehmen
        // konnte, …") qualified the noun before it, not the sentence.
        let aside = |d: &Difference| {
            d.source.is_some_and(|sp| {
                let at = source.partition_point(|w| w.span.start < sp.start);
                at < source.len() && super::scope::in_aside(&c.source.text, source, at, lang)
            })
        };
        out.extend(scope.into_iter().filter(|d| {
            !matches!(
                d.change,
                Change::Added {
                    class: Some(ScopeClass::Quantifier),
                    ..
                }
            ) && !aside(d)
        }));
    }
}

/// True when byte `at` of the article lies inside the marks of one of its quotations (they
/// are in article order).
fn quoted_in_article(c: &Comparison, at: usize) -> bool {
    let k = c.quotes.partition_point(|q| q.article.start <= at);
    k > 0 && at < c.quotes[k - 1].article.end
}

/// Fewest aligned words beside a changed stretch for its scope words to be judged.
const MIN_ANCHOR_WORDS: usize = 2;

/// Share of the article's content words, in the source's order, above which a paraphrase
/// is a close restatement (`CLOSE_SHARE_NUM / CLOSE_SHARE_DEN`).
const CLOSE_SHARE_NUM: usize = 3;
const CLOSE_SHARE_DEN: usize = 5;

/// Most words of an attribution set inside the quotation marks ("— riflette Mattarella —").
const MAX_INTERJECTION_WORDS: usize = 5;

/// Most words a paraphrased stretch may hold for a scope word it drops or adds to count:
/// a longer stretch cut whole is a summary, not a qualifier removed. A condition clause is
/// longer ("should the outlook for inflation evolve as projected").
const MAX_SCOPE_STRETCH_WORDS: usize = 6;
const MAX_CONDITION_STRETCH_WORDS: usize = 15;

/// Most words the other side of a paraphrased stretch may hold for a scope word dropped or
/// added in it to count: more, and the stretch was rewritten rather than qualified.
const MAX_OTHER_SIDE_WORDS: usize = 3;

struct Pair<'a, 't> {
    c: &'a Comparison,
    m: &'a Match,
    lang: &'static str,
    source: &'a [Word<'t>],
    article: &'a [Word<'t>],
}

fn joined(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Pair<'_, '_> {
    /// The scope class of a few changed words, when they are a scope phrase: a long cut is
    /// a cut, whatever words it holds.
    fn short_scope(&self, words: &[Word]) -> Option<ScopeClass> {
        if words.len() > 3 {
            return None;
        }
        scope_phrases(words, self.lang).first().map(|p| p.2)
    }

    fn difference(
        &self,
        kind: DifferenceKind,
        severity: Severity,
        source: Option<Span>,
        article: Option<Span>,
        change: Change,
    ) -> Difference {
        super::found(kind, severity, (source, article), Some(self.m.id), change)
    }

    fn texts(&self, e: &Edit) -> (String, String) {
        (
            e.source
                .map_or(String::new(), |s| s.slice(&self.c.source.text).to_string()),
            e.article
                .map_or(String::new(), |a| a.slice(&self.c.article.text).to_string()),
        )
    }

    /// A figure changed in an edit: its value, or its unit.
    fn figure_edit(&self, e: &Edit) -> Option<Difference> {
        let (s, a) = (
            inside(self.source, e.source),
            inside(self.article, e.article),
        );
        if !has_figure(s) && !has_figure(a) {
            return None;
        }
        // The day of a date ("24 oktober" against "22 oktober") is the dates' to report.
        if in_date(self.source, s) || in_date(self.article, a) {
            return None;
        }
        // The same figures written another way ("£340 million" and "£340m", "quaranta" and
        // "40"): the words around them changed, not the figures.
        if same_figures(s, a, self.lang) {
            return None;
        }
        // A figure rounded under an approximator ("about 14,000" for 14,065) is compatible:
        // the details stage shows it as rounded, a minor difference.
        if approximates(s, a) {
            return None;
        }
        let (from, to) = self.texts(e);
        Some(self.difference(
            DifferenceKind::Number,
            Severity::Major,
            e.source,
            e.article,
            Change::Value { from, to },
        ))
    }

    /// Each edit of the match read as words of a quotation where it lies inside the
    /// article's quotation marks, else as reused words.
    fn edits_by_marks(&self, out: &mut Vec<Difference>) {
        for e in &self.m.edits {
            if quoted_in_article(self.c, e.article.map_or(e.at, |a| a.start)) {
                out.extend(self.quoted_edit(e));
            } else {
                out.extend(self.reused_edit(e));
            }
        }
    }

    /// Inside quotation marks: every edit is a change of the speaker's words.
    fn quoted_edit(&self, e: &Edit) -> Option<Difference> {
        if let Some(d) = self.figure_edit(e) {
            return Some(d);
        }
        let (from, to) = self.texts(e);
        let (s, a) = (
            inside(self.source, e.source),
            inside(self.article, e.article),
        );
        let severity = if e.marked.is_some() {
            Severity::Minor
        } else {
            Severity::Major
        };
        // An attribution set inside the marks ("— riflette Mattarella —") names the speaker;
        // it changes no quoted word.
        if e.op == EditOp::Insert
            && e.article.is_some_and(|sp| {
                let t = sp.slice(&self.c.article.text);
                t.split_whitespace().count() <= MAX_INTERJECTION_WORDS
                    && crate::quotes::holds_attribution(t)
            })
        {
            return None;
        }
        let change = match e.op {
            // Joining two places changes what the speaker said, marked or not, when the
            // order changed.
            EditOp::Splice => {
                let reversed = e.order_changed();
                let severity = if reversed { Severity::Major } else { severity };
                let change = Change::Spliced {
                    reversed,
                    marked: e.marked,
                };
                // The source's words are the second piece's, the place the article joins.
                let joined = e.places.map(|[_, second]| second);
                return Some(self.difference(
                    DifferenceKind::QuoteWording,
                    severity,
                    joined,
                    None,
                    change,
                ));
            }
            EditOp::Delete => Change::Dropped {
                words: from,
                class: self.short_scope(s),
                marked: e.marked,
            },
            EditOp::Insert => Change::Added {
                words: to,
                class: self.short_scope(a),
                marked: e.marked,
            },
            EditOp::Replace => {
                if s.len() == 1 && a.len() == 1 && is_spelling_variant(&s[0].norm, &a[0].norm) {
                    return Some(self.difference(
                        DifferenceKind::QuoteWording,
                        Severity::Minor,
                        e.source,
                        e.article,
                        Change::Spelling { from, to },
                    ));
                }
                Change::Replaced {
                    from,
                    to,
                    marked: e.marked,
                }
            }
        };
        Some(self.difference(
            DifferenceKind::QuoteWording,
            severity,
            e.source,
            e.article,
            change,
        ))
    }

    /// Outside quotation marks: a figure, a name, or a qualifier the article drops.
    fn reused_edit(&self, e: &Edit) -> Option<Difference> {
        if let Some(d) = self.figure_edit(e) {
            return Some(d);
        }
        let (s, a) = (
            inside(self.source, e.source),
            inside(self.article, e.article),
        );
        if let Some(d) = (self.name_edit(e, s, a))
            .or_else(|| self.body_edit(e))
            .or_else(|| self.apposition_edit(e, s, a))
        {
            return Some(d);
        }
        // An actor dropped with the words around it: "by the board and Boeing senior
        // leadership to" against "by the board as the company seeks to".
        if e.op != EditOp::Insert
            && s.len() <= super::bridges::MAX_BRIDGE_WORDS
            && a.len() <= super::bridges::MAX_BRIDGE_WORDS
            && super::bridges::lost(self.c, self.lang, s, a) == Some(DifferenceKind::Name)
            && !self.moved(s)
            && !german_noun_at(self.lang, &self.c.source.text, e.source)
        {
            return Some(self.name_replaced(e));
        }
        // A word or two cut from the middle of a reused passage: a qualifier ("evidence of
        // actual reductions"). Connectives and function words are the writer's to drop, and
        // scope words are found by `scope_changes`.
        let interior = e.op == EditOp::Delete
            && e.source
                .is_some_and(|sp| sp.start > self.m.source.start && sp.end < self.m.source.end);
        let list = words::get();
        let qualifier = (1..=2).contains(&s.len())
            && s.iter().all(|w| {
                is_content_word(&w.norm)
                    && !list.discourse.contains(w.norm.as_str())
                    && w.value.is_none()
                    && !starts_upper(w.raw)
            })
            && scope_phrases(s, self.lang).is_empty()
            && !e
                .source
                .is_some_and(|sp| before_a_name(&self.c.source.text, sp.end))
            && !self.moved(s);
        (interior && qualifier).then(|| {
            self.difference(
                DifferenceKind::Scope,
                Severity::Major,
                e.source,
                None,
                Change::Dropped {
                    words: joined(s),
                    class: Some(ScopeClass::Quantifier),
                    marked: None,
                },
            )
        })
    }

    /// A paraphrase rewords freely: only figures and names count among its edits.
    fn paraphrased_edit(&self, e: &Edit) -> Option<Difference> {
        let (s, a) = (
            inside(self.source, e.source),
            inside(self.article, e.article),
        );
        if e.op == EditOp::Replace && s.len() <= 3 && a.len() <= 3 {
            if let Some(d) = self.name_edit(e, s, a).or_else(|| self.body_edit(e)) {
                return Some(d);
            }
        }
        if let Some(d) = self.apposition_edit(e, s, a) {
            return Some(d);
        }
        // A measured figure (with its unit) given or left out in a short stretch between
        // aligned words ("the target band of 1 to 3 percent around" told as "the target band
        // around"): the retelling kept the sentence and changed what it measures.
        let measured = |ws: &[Word]| {
            ws.iter().enumerate().any(|(i, w)| {
                w.value.is_some()
                    && w.raw.starts_with(|ch: char| ch.is_ascii_digit())
                    && unit_at(&ws[i + 1..]).is_some()
            })
        };
        let short = |figures: &[Word], other: &[Word]| {
            measured(figures)
                && figures.len() <= MAX_SCOPE_STRETCH_WORDS
                && other.len() <= MAX_OTHER_SIDE_WORDS
                && !has_figure(other)
        };
        let given = short(a, s) && !stated_nearby(self.c, self.m, a);
        if (short(s, a) || given) && !in_date(self.source, s) && !in_date(self.article, a) {
            // The side without a figure only reworded around it: the figure is added or
            // dropped, not changed.
            let (from, to) = self.texts(e);
            let (from, source) = if has_figure(s) {
                (from, e.source)
            } else {
                (String::new(), None)
            };
            let (to, article) = if has_figure(a) {
                (to, e.article)
            } else {
                (String::new(), None)
            };
            return Some(self.difference(
                DifferenceKind::Number,
                Severity::Major,
                source,
                article,
                Change::Value { from, to },
            ));
        }
        None
    }

    /// Scope words on one side only, where the words around them are aligned: "evidence of
    /// actual reductions" against "evidence of reductions", a condition cut from a sentence
    /// whose main clause the article keeps. A scope word inside a stretch the article
    /// rewrote whole is not judged: the rewording may carry it another way.
    fn scope_changes(&self, ops: &[DiffOp], out: &mut Vec<Difference>) {
        // A reused passage is aligned around any change; a paraphrase only where the words
        // on both sides of the change are the source's (or the change ends the sentence).
        let loose = self.m.kind == MatchKind::Paraphrase;
        // A short sentence restated closely ("Work could begin as early as June" / "Work
        // will begin in June") has single words between its changes: there one shared
        // content word anchors a change.
        let anchor_words = if loose && self.closely_restated(ops) {
            1
        } else {
            MIN_ANCHOR_WORDS
        };
        let solid = |op: Option<&DiffOp>| match op {
            Some(DiffOp::Equal { old_index, len, .. }) => {
                *len >= anchor_words
                    && self.source[*old_index..old_index + len]
                        .iter()
                        .any(|w| is_content_word(&w.norm))
            }
            _ => false,
        };
        let anchored = |k: usize| {
            let before = k.checked_sub(1).and_then(|p| ops.get(p));
            let after = ops.get(k + 1);
            if loose {
                (solid(before) || before.is_none())
                    && (solid(after) || after.is_none())
                    && (solid(before) || solid(after))
            } else {
                solid(before) || solid(after)
            }
        };
        for (k, op) in ops.iter().enumerate() {
            if matches!(op, DiffOp::Equal { .. }) {
                continue;
            }
            if !anchored(k) {
                out.extend(self.reversed_before_figure(ops, k));
                continue;
            }
            let (s, a) = (&self.source[op.old_range()], &self.article[op.new_range()]);
            let (mut s_ph, mut a_ph) = (scope_phrases(s, self.lang), scope_phrases(a, self.lang));
            if loose {
                // In a paraphrase, a scope word counts where the other side changed only a
                // few words: a stretch rewritten whole on both sides may carry it another
                // way. A condition is the exception: cut whole, its main clause kept.
                let main_clause_kept = solid(ops.get(k + 1));
                if a.len() > MAX_OTHER_SIDE_WORDS {
                    s_ph.retain(|p| p.2 == ScopeClass::Condition && main_clause_kept);
                }
                if s.len() > MAX_OTHER_SIDE_WORDS || a.len() > MAX_SCOPE_STRETCH_WORDS {
                    a_ph.clear();
                }
                // The head of the sentence cut whole, the rest kept: in German the modal
                // stands second, in that head ("Nach Angaben der Verwaltung könnten … zwölf
                // Brücken saniert werden" told as "Zusätzlich werden zwölf Brücken saniert").
                let head_cut = k == 0 && a.is_empty() && main_clause_kept;
                s_ph.retain(|p| {
                    let whole = p.2 == ScopeClass::Condition
                        || (head_cut && matches!(p.2, ScopeClass::Modal | ScopeClass::Hedge));
                    s.len()
                        <= if whole {
                            MAX_CONDITION_STRETCH_WORDS
                        } else {
                            MAX_SCOPE_STRETCH_WORDS
                        }
                });
            }
            self.one_sided_scope((s, &s_ph), (a, &a_ph), out);
            if s.len() <= MAX_SCOPE_STRETCH_WORDS && a.len() <= MAX_SCOPE_STRETCH_WORDS {
                out.extend(self.reversed(s, a));
            }
        }
    }

    /// [`Pair::reversed`] in the last words of changed stretch `ops[k]` when a figure both
    /// sides give follows it: a direction word right before it ("fell to 1,482", "rose to
    /// 1,482") is anchored by the figure, however the words before were retold ("... flu
    /// hospitalizations fell" told as "... in California rose").
    fn reversed_before_figure(&self, ops: &[DiffOp], k: usize) -> Option<Difference> {
        let Some(DiffOp::Equal { old_index, len, .. }) = ops.get(k + 1) else {
            return None;
        };
        let figure_next = self.source[*old_index..old_index + len]
            .iter()
            .take(MAX_OTHER_SIDE_WORDS)
            .any(|w| w.value.is_some());
        if !figure_next {
            return None;
        }
        let op = ops.get(k)?;
        let (s, a) = (&self.source[op.old_range()], &self.article[op.new_range()]);
        let tail = |ws: &[Word]| ws.len().saturating_sub(MIN_ANCHOR_WORDS)..ws.len();
        self.reversed(&s[tail(s)], &a[tail(a)])
    }

    /// A word saying which way a quantity moved or lies turned into its opposite in a
    /// changed stretch ("rose" and "fell", "above" and "below", "lowest" and "highest"): the
    /// statement is reversed, whatever the figure. Not where the other side also keeps a
    /// word of the first direction ("rose, then fell").
    fn reversed(&self, s: &[Word], a: &[Word]) -> Option<Difference> {
        let list = words::get();
        let signs = |w: &Word| list.direction(self.lang, &w.norm);
        let holds =
            |ws: &[Word], dim: usize, up: bool| ws.iter().any(|w| signs(w).contains(&(dim, up)));
        s.iter().find_map(|sw| {
            signs(sw).iter().find_map(|&(dim, up)| {
                let aw = a.iter().find(|w| signs(w).contains(&(dim, !up)))?;
                if holds(a, dim, up) || holds(s, dim, !up) {
                    return None;
                }
                Some(self.difference(
                    DifferenceKind::Number,
                    Severity::Major,
                    Some(sw.span),
                    Some(aw.span),
                    Change::Reversed {
                        from: sw.raw.to_string(),
                        to: aw.raw.to_string(),
                    },
                ))
            })
        })
    }

    /// True when most of the article's content words in this pair are the source's, in the
    /// source's order: the sentence was restated, not merely on the same topic.
    fn closely_restated(&self, ops: &[DiffOp]) -> bool {
        let content = |ws: &[Word]| ws.iter().filter(|w| is_content_word(&w.norm)).count();
        let shared: usize = ops
            .iter()
            .filter(|op| matches!(op, DiffOp::Equal { .. }))
            .map(|op| content(&self.article[op.new_range()]))
            .sum();
        let total = content(self.article);
        total > 0 && shared * CLOSE_SHARE_DEN >= total * CLOSE_SHARE_NUM
    }

    /// The scope phrases of a changed stretch that the other side lacks: dropped from the
    /// source's side `s`, added on the article's side `a`.
    fn one_sided_scope(
        &self,
        (s, s_ph): (&[Word], &[(usize, usize, ScopeClass)]),
        (a, a_ph): (&[Word], &[(usize, usize, ScopeClass)]),
        out: &mut Vec<Difference>,
    ) {
        let list = words::get();
        let text = |ws: &[Word], (i, len, _): (usize, usize, ScopeClass)| joined(&ws[i..i + len]);
        let a_texts: Vec<String> = a_ph.iter().map(|p| text(a, *p)).collect();
        let s_texts: Vec<String> = s_ph.iter().map(|p| text(s, *p)).collect();
        for (p, t) in s_ph.iter().zip(&s_texts) {
            let kept = a_texts.contains(t) || a.iter().any(|w| list.is_backshift(t, &w.norm));
            if !kept {
                out.push(self.difference(
                    DifferenceKind::Scope,
                    Severity::Major,
                    cover_of(&s[p.0..p.0 + p.1]),
                    None,
                    Change::Dropped {
                        words: t.clone(),
                        class: Some(p.2),
                        marked: None,
                    },
                ));
            }
        }
        for (p, t) in a_ph.iter().zip(&a_texts) {
            let had = s_texts.contains(t) || s.iter().any(|w| list.is_backshift(&w.norm, t));
            if !had {
                out.push(self.difference(
                    DifferenceKind::Scope,
                    Severity::Major,
                    None,
                    cover_of(&a[p.0..p.0 + p.1]),
                    Change::Added {
                        words: t.clone(),
                        class: Some(p.2),
                        marked: None,
                    },
                ));
            }
        }
    }

    /// The same figure followed by another unit: "6.5 percent" and "6.5 points".
    fn unit_changes(&self, out: &mut Vec<Difference>) {
        let unit_after = |ws: &[Word], i: usize| unit_at(&ws[(i + 1).min(ws.len())..]);
        for (i, w) in self.source.iter().enumerate() {
            let (Some(v), Some((unit, len))) = (w.value, unit_after(self.source, i)) else {
                continue;
            };
            let same_value: Vec<usize> = (0..self.article.len())
                .filter(|&j| self.article[j].value == Some(v))
                .collect();
            let same_unit = same_value
                .iter()
                .any(|&j| unit_after(self.article, j).map(|u| u.0) == Some(unit));
            if same_unit {
                continue;
            }
            if let Some((j, alen)) = same_value
                .iter()
                .find_map(|&j| unit_after(self.article, j).map(|(_, l)| (j, l)))
            {
                let s = cover_of(&self.source[i..=i + len]);
                let a = cover_of(&self.article[j..=j + alen]);
                let (from, to) = (
                    s.map_or(String::new(), |s| s.slice(&self.c.source.text).to_string()),
                    a.map_or(String::new(), |a| a.slice(&self.c.article.text).to_string()),
                );
                out.push(self.difference(
                    DifferenceKind::Number,
                    Severity::Major,
                    s,
                    a,
                    Change::Unit { from, to },
                ));
            }
        }
    }

    /// Words that are the same but for case. A capital where the source has a word in
    /// mid-sentence ("ongoing" quoted as "Ongoing") changes how the quotation reads; a
    /// source capital that only opened its sentence may go ("They pledged" quoted as
    /// "they pledged").
    fn case_changes(&self, out: &mut Vec<Difference>) {
        // Words the same in number need no alignment: they pair in order.
        let ops = if self.source.len() == self.article.len() {
            vec![DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: self.source.len(),
            }]
        } else {
            align::diff(self.source, self.article)
        };
        for op in ops {
            let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            else {
                continue;
            };
            for k in 0..len {
                let (s, a) = (&self.source[old_index + k], &self.article[new_index + k]);
                if s.raw == a.raw || s.raw.to_lowercase() != a.raw.to_lowercase() {
                    continue;
                }
                // A source sentence start run into the article's sentence is the writer's;
                // a capital given to a word the source has mid-sentence shows the quotation
                // starts mid-sentence, and is kept.
                if !starts_upper(a.raw) && opens_sentence(&self.c.source.text, s.span.start) {
                    continue;
                }

                out.push(self.difference(
                    DifferenceKind::QuoteWording,
                    Severity::Minor,
                    Some(s.span),
                    Some(a.span),
                    Change::Case {
                        from: s.raw.to_string(),
                        to: a.raw.to_string(),
                    },
                ));
            }
        }
    }
}
