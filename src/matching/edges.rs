//! Growing a passage past its ends: a changed, dropped or added word, an editor's
//! [bracketed] words, an ellipsis, a contraction. Runs are seeded from three or four equal
//! words; the one or two words around a change are found here.
//!
//! Both ends grow by the same rules, so there is one function, [`grow`], over a
//! [`Direction`]: a passage's boundary and "the k-th word outside it" are all it needs to
//! know of which end it is at.

use std::ops::Range;
use std::sync::OnceLock;

use super::{Words, ELLIPSIS_SKIP};

/// The contractions of `assets/contractions.txt`: a full word and what is left of it after
/// the apostrophe.
fn contractions() -> &'static [(String, String)] {
    static PAIRS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        crate::lexicon::lines(include_str!("../../assets/contractions.txt"))
            .filter_map(|l| {
                let mut words = l.split_whitespace();
                Some((words.next()?.to_string(), words.next()?.to_string()))
            })
            .collect()
    })
}

/// True when `short` is `first` and `second` contracted ("weve" for "we have").
fn is_contraction(short: &str, first: &str, second: &str) -> bool {
    // Most calls compare unrelated words: the lengths alone rule them out.
    if !(1..=2).contains(&short.len().saturating_sub(first.len())) || second.len() > 5 {
        return false;
    }
    short.strip_prefix(first).is_some_and(|rest| {
        contractions()
            .iter()
            .any(|(full, tail)| full == second && rest == tail)
    })
}

/// Article word `a` contracts source words `s` and `s + 1`.
fn contracts(w: &Words, a: usize, s: usize) -> bool {
    is_contraction(
        &w.article_tokens[a].norm,
        &w.source_tokens[s].norm,
        &w.source_tokens[s + 1].norm,
    )
}

/// Article words `a` and `a + 1` are source word `s` spelt out.
fn expands(w: &Words, a: usize, s: usize) -> bool {
    is_contraction(
        &w.source_tokens[s].norm,
        &w.article_tokens[a].norm,
        &w.article_tokens[a + 1].norm,
    )
}

/// Article word `a` stands where source word `s` did with a change a reader must see, not a
/// different phrase: another figure ("12.6" for "12.8") or another form of the same word
/// ("marcado" for "marcados", "zentrale" for "zentraler").
fn is_variant(w: &Words, a: usize, s: usize) -> bool {
    let (x, y) = (
        w.article_tokens[a].norm.as_str(),
        w.source_tokens[s].norm.as_str(),
    );
    let digit = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    if digit(x) && digit(y) {
        return true;
    }
    // Most pairs tried differ from the first letter: no need to count.
    if x.as_bytes().first() != y.as_bytes().first() || x.len().min(y.len()) < 4 {
        return false;
    }
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    let (lx, ly) = (x.chars().count(), y.chars().count());
    common >= 4 && lx.abs_diff(ly) <= 3 && lx.min(ly) - common <= 2
}

/// Which end of a passage grows, and so which way the words outside it are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Past the last word, reading on.
    Forward,
    /// Before the first word, reading back.
    Backward,
}

impl Direction {
    /// The index of the `k`th word outside a boundary at `at` (0: the word next to it) in a
    /// text of `len` words, when there is one. A boundary is a passage's end (forward) or
    /// start (backward).
    fn outside(self, at: usize, k: usize, len: usize) -> Option<usize> {
        match self {
            Direction::Forward => (at + k < len).then_some(at + k),
            Direction::Backward => at.checked_sub(k + 1),
        }
    }

    /// The boundary moved `n` words outwards, when the text reaches that far.
    fn moved(self, at: usize, n: usize, len: usize) -> Option<usize> {
        match self {
            Direction::Forward => (at + n <= len).then_some(at + n),
            Direction::Backward => at.checked_sub(n),
        }
    }

    /// The first, in reading order, of the `n` words outside `at`, when all `n` exist.
    fn first_of(self, at: usize, n: usize, len: usize) -> Option<usize> {
        self.moved(at, n, len).map(|m| m.min(at))
    }
}

/// What a contraction just outside a boundary takes: article words and source words, in
/// this order ("we've" takes one article word and two source words: "we have").
fn contraction_at(dir: Direction, w: &Words, a: usize, s: usize) -> Option<(usize, usize)> {
    let (alen, slen) = (w.aids.len(), w.sids.len());
    let (a1, s2) = (dir.first_of(a, 1, alen)?, dir.first_of(s, 2, slen));
    if s2.is_some_and(|s2| contracts(w, a1, s2)) {
        return Some((1, 2));
    }
    let (a2, s1) = (dir.first_of(a, 2, alen)?, dir.first_of(s, 1, slen)?);
    expands(w, a2, s1).then_some((2, 1))
}

/// An ellipsis stands between the passage and the article word just outside boundary `a`.
fn ellipsis_at(dir: Direction, w: &Words, a: usize) -> bool {
    match dir {
        Direction::Forward => a < w.aids.len() && w.ellipsis(a),
        Direction::Backward => a > 0 && w.ellipsis(a),
    }
}

/// False when no rule of [`grow`] can grow the passage: the words just around it differ in
/// every way edge growth looks at (no equal word within the largest skip, no variant,
/// bracket, ellipsis or contraction). Most chains are a chance overlap of a few words; this
/// look is far cheaper than trying every rule on them.
pub(super) fn may_grow(a_range: &Range<usize>, s_range: &Range<usize>, w: &Words) -> bool {
    may_grow_at(Direction::Forward, w, a_range.end, s_range.end)
        || may_grow_at(Direction::Backward, w, a_range.start, s_range.start)
}

fn may_grow_at(dir: Direction, w: &Words, a: usize, s: usize) -> bool {
    let (alen, slen) = (w.aids.len(), w.sids.len());
    let Some(a0) = dir.outside(a, 0, alen) else {
        return false;
    };
    // Skips reach two article words and three source words (see `SKIPS_QUOTED`).
    let near = (0..=2).any(|da| {
        (0..=3).any(
            |ds| match (dir.outside(a, da, alen), dir.outside(s, ds, slen)) {
                (Some(x), Some(y)) => w.aids[x] == w.sids[y],
                _ => false,
            },
        )
    });
    near || w.bracketed(a0)
        || ellipsis_at(dir, w, a)
        || dir
            .outside(s, 0, slen)
            .is_some_and(|s0| is_variant(w, a0, s0))
        || contraction_at(dir, w, a, s).is_some()
}

/// Skips tried past a changed, dropped or added word: (article words, source words).
const SKIPS: &[(usize, usize)] = &[(1, 1), (1, 0), (0, 1)];
/// Inside quotation marks an editor also drops two or three words ("Dos años, como decía,
/// difíciles" quoted as "Dos años difíciles") or swaps two.
const SKIPS_QUOTED: &[(usize, usize)] = &[(1, 1), (1, 0), (0, 1), (0, 2), (2, 2), (0, 3)];
/// Most [bracketed] words an editor's insertion is taken to hold.
const MOST_BRACKETED: usize = 6;

/// One end of a passage as it grows: `a` and `s` are its boundary in the article and the
/// source (the end of the ranges going forward, their start going back).
#[derive(Clone)]
struct Edge<'a, 'w> {
    dir: Direction,
    w: &'a Words<'w>,
    claimed: &'a [bool],
    /// The article segment of the passage's word at this end: growth stays inside it.
    segment: u32,
    quoted: bool,
    /// Whether a skip may resume on a single equal word when another skip follows it.
    look_ahead: bool,
    a: usize,
    s: usize,
}

impl Edge<'_, '_> {
    fn free(&self, i: usize) -> bool {
        !self.claimed[i] && self.w.segments[i] == self.segment
    }

    fn out_a(&self, a: usize, k: usize) -> Option<usize> {
        self.dir.outside(a, k, self.w.aids.len())
    }

    fn out_s(&self, s: usize, k: usize) -> Option<usize> {
        self.dir.outside(s, k, self.w.sids.len())
    }

    fn move_a(&self, a: usize, n: usize) -> Option<usize> {
        self.dir.moved(a, n, self.w.aids.len())
    }

    fn move_s(&self, s: usize, n: usize) -> Option<usize> {
        self.dir.moved(s, n, self.w.sids.len())
    }

    /// Moves the boundary `da` article words and `ds` source words outwards.
    fn take(&mut self, da: usize, ds: usize) {
        self.a = self.move_a(self.a, da).unwrap_or(self.a);
        self.s = self.move_s(self.s, ds).unwrap_or(self.s);
    }

    /// How many equal free words lie outside article boundary `a` and source boundary `s`,
    /// and whether they reach the end of the segment (a quotation's mark).
    fn equal_run(&self, a: usize, s: usize) -> (usize, bool) {
        let (aids, sids) = (self.w.aids, self.w.sids);
        let mut m = 0;
        while let (Some(x), Some(y)) = (self.out_a(a, m), self.out_s(s, m)) {
            if !self.free(x) || aids[x] != sids[y] {
                break;
            }
            m += 1;
        }
        let at_edge = self
            .out_a(a, m)
            .is_none_or(|x| self.w.segments[x] != self.segment);
        (m, at_edge)
    }

    /// The equal words to resume on after an insertion or an ellipsis: two, or one that
    /// reaches a quotation's end.
    fn resume(&self, a: usize, s: usize) -> Option<usize> {
        let (m, at_edge) = self.equal_run(a, s);
        (m >= 2 || (m >= 1 && at_edge && self.quoted)).then_some(m)
    }

    /// A sentence or line boundary lies at article boundary `a` and source boundary `s`.
    fn sentence_edge(&self, a: usize, s: usize) -> bool {
        let w = self.w;
        (a == w.aids.len() || w.starts(a)) && (s == w.sids.len() || w.source_starts(s))
    }

    /// How many free [bracketed] article words lie just outside boundary `a`.
    fn brackets(&self, a: usize) -> usize {
        (0..MOST_BRACKETED)
            .take_while(|&k| {
                self.out_a(a, k)
                    .is_some_and(|x| self.free(x) && self.w.bracketed(x))
            })
            .count()
    }

    /// Past a changed, dropped or added word when matching words follow. Enough to grow by:
    /// two words, or one that reaches the end of a quotation. A single skipped word may
    /// resume on less when it is a variant of the source's (a changed figure, "marcado" for
    /// "marcados"): one word, or none at a quotation's or sentence's end, because that is
    /// exactly where a fact-checker wants the passage to reach.
    fn skip_once(&mut self) -> bool {
        let skips = if self.quoted { SKIPS_QUOTED } else { SKIPS };
        for &(da, ds) in skips {
            let (Some(a), Some(s)) = (self.move_a(self.a, da), self.move_s(self.s, ds)) else {
                continue;
            };
            if !(0..da).all(|k| self.out_a(self.a, k).is_some_and(|x| self.free(x))) {
                continue;
            }
            let (m, at_edge) = self.equal_run(a, s);
            let swap = (da, ds) == (1, 1)
                && match (self.out_a(self.a, 0), self.out_s(self.s, 0)) {
                    (Some(x), Some(y)) => is_variant(self.w, x, y),
                    _ => false,
                };
            let single = da <= 1 && ds <= 1;
            let edge = at_edge && self.quoted;
            // Inside quotation marks, equal words that stop one word short of the quotation's
            // end: that word is the quoter's own ("Security, not allowed …" for "Not
            // allowed …"), and the passage reaches as far into the quotation as the source does
            // (in a source that is not a book: see `Words::short_source`).
            let near_edge = self.quoted
                && self.w.short_source
                && self
                    .out_a(a, m + 1)
                    .is_none_or(|x| self.w.segments[x] != self.segment);
            if m >= 2
                || (single && m >= 1 && edge)
                || (swap && (m >= 1 || edge || self.sentence_edge(a, s)))
                || (m >= 1 && near_edge)
                || (single && m == 1 && self.skips_on(a, s))
            {
                self.a = a;
                self.s = s;
                self.take(m, m);
                return true;
            }
        }
        false
    }

    /// After one equal word at `a` and `s`, another skip grows the passage further: a
    /// stretch reworded in two places at once ("as well as on how global markets played
    /// out" for "as well as how the global markets play out"), where neither change leaves
    /// two equal words of its own. Looked at one skip deep, and only in a source that is not
    /// a book (see `Words::short_source`).
    fn skips_on(&self, a: usize, s: usize) -> bool {
        if !self.look_ahead || !self.w.short_source {
            return false;
        }
        let (Some(a), Some(s)) = (self.move_a(a, 1), self.move_s(s, 1)) else {
            return false;
        };
        let mut next = Edge {
            look_ahead: false,
            a,
            s,
            ..self.clone()
        };
        next.skip_once()
    }

    /// An editor's [bracketed] words inside the passage ("nous [la Banque de France] qui"):
    /// an insertion, after which the source resumes where it was.
    fn insertion(&mut self) {
        let n = self.brackets(self.a);
        if n == 0 {
            return;
        }
        let Some(a) = self.move_a(self.a, n) else {
            return;
        };
        if let Some(m) = self.resume(a, self.s) {
            self.a = a;
            self.take(m, m);
        }
    }

    /// Past an ellipsis: the article resumes further on (or took words from earlier) in the
    /// source.
    fn ellipsis(&mut self) {
        let free = self.out_a(self.a, 0).is_some_and(|x| self.free(x));
        if !free || !ellipsis_at(self.dir, self.w, self.a) {
            return;
        }
        let resume = (0..ELLIPSIS_SKIP)
            .map_while(|k| self.out_s(self.s, k).and(self.move_s(self.s, k)))
            .find_map(|s| self.resume(self.a, s).map(|m| (s, m)));
        if let Some((s, m)) = resume {
            self.s = s;
            self.take(m, m);
        }
    }

    /// A contraction: "we have" in the source, "we've" in the article, or the other way.
    fn contraction(&mut self) {
        if let Some((da, ds)) = contraction_at(self.dir, self.w, self.a, self.s) {
            if (0..da).all(|k| self.out_a(self.a, k).is_some_and(|x| self.free(x))) {
                self.take(da, ds);
            }
        }
    }

    /// An editor's [bracketed] words closing or opening the quotation ("[The mayor] said"):
    /// they stand for as many source words beyond the passage, within its sentence.
    fn bracketed_edge(&mut self) {
        let n = self.brackets(self.a);
        let Some(a) = self.move_a(self.a, n).filter(|_| n > 0) else {
            return;
        };
        if self
            .out_a(a, 0)
            .is_some_and(|x| self.w.segments[x] == self.segment)
        {
            return;
        }
        let w = self.w;
        let mut s = self.s;
        for _ in 0..n {
            if s == w.sids.len() || w.source_starts(s) {
                break;
            }
            s = self.move_s(s, 1).unwrap_or(s);
        }
        self.a = a;
        self.s = s;
    }
}

/// Grows one end of a passage (its boundary `a` in the article, `s` in the source) past a
/// changed, dropped or added word, an insertion, an ellipsis or a contraction, when
/// matching words follow (too few to have seeded a run of their own). Returns the new
/// boundary.
fn grow(
    dir: Direction,
    w: &Words,
    claimed: &[bool],
    quoted: bool,
    (a, s): (usize, usize),
) -> (usize, usize) {
    let inside = match dir {
        Direction::Forward => a - 1,
        Direction::Backward => a,
    };
    let mut edge = Edge {
        dir,
        w,
        claimed,
        segment: w.segments[inside],
        quoted,
        look_ahead: true,
        a,
        s,
    };
    for _ in 0..3 {
        if !edge.skip_once() {
            break;
        }
    }
    edge.insertion();
    edge.ellipsis();
    edge.contraction();
    edge.bracketed_edge();
    (edge.a, edge.s)
}

/// Grows a passage past a changed, dropped or added word at either end when matching words
/// follow.
pub(super) fn extend_edges(
    a_range: &mut Range<usize>,
    s_range: &mut Range<usize>,
    w: &Words,
    claimed: &[bool],
) {
    // A passage is quoted or not by its first word, at both ends.
    let quoted = w.regions[a_range.start].is_some();
    let forward = (a_range.end, s_range.end);
    (a_range.end, s_range.end) = grow(Direction::Forward, w, claimed, quoted, forward);
    let backward = (a_range.start, s_range.start);
    (a_range.start, s_range.start) = grow(Direction::Backward, w, claimed, quoted, backward);
}
