//! Searching the focused text: `/` finds every occurrence, and `n`/`N` step through them
//! until `Esc`.

use crate::comparison::Side;
use crate::span::Span;

use super::super::side::SideExt;
use super::App;

/// An active search: `n`/`N` step through its hits until `Esc`.
#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    /// The text searched.
    pub side: Side,
    /// What was typed.
    pub query: String,
    /// Every occurrence, in text order.
    pub hits: Vec<Span>,
    /// The hit last moved to.
    pub current: Option<usize>,
}

/// Every occurrence of `query` in `text`, ignoring ASCII case.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let q = query.as_bytes();
    let t = text.as_bytes();
    if q.is_empty() || q.len() > t.len() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut i = 0;
    while i + q.len() <= t.len() {
        if t[i..i + q.len()].eq_ignore_ascii_case(q)
            && text.is_char_boundary(i)
            && text.is_char_boundary(i + q.len())
        {
            hits.push(Span::new(i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    hits
}

impl App {
    pub(super) fn start_search(&mut self, query: String) {
        if query.trim().is_empty() {
            return;
        }
        let side = self.focus;
        let hits = find_all(self.text(side), &query);
        if hits.is_empty() {
            self.message = Some(format!(
                "no \u{201c}{query}\u{201d} in the {}",
                side.label()
            ));
            self.search = None;
            return;
        }
        let top = self.pane(side).top;
        let first = hits.iter().position(|h| h.start >= top).unwrap_or(0);
        self.search = Some(Search {
            side,
            query,
            hits,
            current: None,
        });
        self.go_to_hit(first);
    }

    pub(super) fn step_hit(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            return;
        };
        let n = search.hits.len();
        let next = match (search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        if matches!((search.current, forward), (Some(i), true) if i + 1 == n)
            || matches!((search.current, forward), (Some(0), false))
        {
            self.message = Some("search wrapped around".to_string());
        }
        self.go_to_hit(next);
    }

    pub(super) fn go_to_hit(&mut self, index: usize) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.current = Some(index);
        let (side, hit) = (search.side, search.hits[index]);
        let pane = self.pane_mut(side);
        if !pane.shows(hit) {
            let first = pane.rows_of(hit).0;
            let offset = pane.height / 4;
            pane.set_top_row(first.saturating_sub(offset));
        }
    }
}
