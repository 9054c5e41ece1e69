//! Dates and times in one sentence: day, month and year in words or digits, weekdays,
//! relative expressions ("yesterday", "last week"), clock times.

use super::*;

impl Sentence<'_> {
    pub(super) fn day_number(&self, i: usize) -> Option<u32> {
        let w = self.norm(i);
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let rest = &w[digits.len()..];
        if digits.is_empty() || !(rest.is_empty() || self.lx.date_words.day_suffixes.contains(rest))
        {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    pub(super) fn year_number(&self, i: usize) -> Option<i32> {
        let w = self.norm(i);
        if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
            w.parse().ok().filter(|y| (1800..=2200).contains(y))
        } else {
            None
        }
    }

    /// The year at `i`, or after one of `joiners` there ("de 2020", "of 2003"), with the
    /// word after it.
    fn joined_year(&self, i: usize, joiners: &HashSet<String>) -> Option<(i32, usize)> {
        let k = if joiners.contains(self.norm(i)) {
            i + 1
        } else {
            i
        };
        self.year_number(k).map(|y| (y, k + 1))
    }

    pub(super) fn month_at(&self, i: usize) -> Option<u32> {
        if i >= self.toks.len() {
            return None;
        }
        self.lx.months.get(self.norm(i)).copied()
    }

    /// One part of a date phrase at `i`.
    pub(super) fn date_part(&self, i: usize) -> Option<(DateExpr, usize)> {
        if !self.may_open_date(i) {
            return None;
        }
        self.named_day(i)
            .or_else(|| self.month_first(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.numeric(i))
            .or_else(|| {
                // Times: 4 p.m., 12:45 a.m., 04:30, 16 Uhr, 16h30, noon.
                let (h, end) = self.time_at(i)?;
                let mut e = self.fresh_date();
                e.hours = Some(h);
                Some((e, end))
            })
            .or_else(|| self.quarter(i))
            .or_else(|| self.lone_year(i))
    }

    /// False when no rule of [`Sentence::date_part`] can start at word `i`: each starts at a
    /// figure or at a word of [`date_openers`] (a relative date or weekday also at its plural,
    /// "Mondays").
    fn may_open_date(&self, i: usize) -> bool {
        let w = self.norm(i);
        w.starts_with(|c: char| c.is_ascii_digit())
            || date_openers().contains(w)
            || w.strip_suffix('s')
                .is_some_and(|w| self.lx.phrase_starts.contains(w))
    }

    /// A date expression with nothing set yet but the sentence's tense (read here, for the
    /// few sentences that hold a date: each part builds one only once it has found it).
    fn fresh_date(&self) -> DateExpr {
        DateExpr {
            past: self.past(),
            ..DateExpr::default()
        }
    }

    /// A relative date ("yesterday", "last week") or a weekday ("on Tuesday", "last Friday", with a part of the day) at `i`.
    fn named_day(&self, i: usize) -> Option<(DateExpr, usize)> {
        let lx = self.lx;
        let first = self.norm(i);
        let starts = lx.phrase_starts.contains(first)
            || first
                .strip_suffix('s')
                .is_some_and(|w| lx.phrase_starts.contains(w));
        // "hier" is a date in French only.
        let foreign = lx
            .relative_lang
            .get(first)
            .is_some_and(|l| !l.contains(&self.lang));
        let relative = || {
            if foreign {
                return None;
            }
            lx.relatives_by_first
                .candidates(first)
                .into_iter()
                .find_map(|k| {
                    let (p, r) = &lx.relatives[k];
                    self.phrase_at(i, p).map(|n| (n, *r))
                })
        };
        let weekday = || {
            lx.weekdays_by_first
                .candidates(first)
                .into_iter()
                .find_map(|k| {
                    let (p, d) = &lx.weekdays[k];
                    self.phrase_at(i, p).map(|n| (n, *d))
                })
        };
        if let Some((n, rel)) = starts.then(relative).flatten() {
            let mut e = self.fresh_date();
            e.relative = Some(rel);
            return Some((e, i + n));
        }
        if let Some((n, wd)) = starts.then(weekday).flatten() {
            let mut e = self.fresh_date();
            e.weekday = Some(wd);
            let mut end = i + n;
            if self.joined(end) {
                if let Some(h) = self.lx.day_parts.get(self.norm(end)) {
                    e.hours = Some(*h);
                    end += 1;
                }
            }
            // "next Wednesday" said on a Wednesday is a week on, not that day.
            if i >= 1 && self.lx.date_words.next.contains(self.norm(i - 1)) {
                e.past = false;
                e.previous = true;
            }
            if i >= 1 && self.lx.date_words.last.contains(self.norm(i - 1)) {
                e.past = true;
                e.previous = true;
            }
            return Some((e, end));
        }
        None
    }

    /// Month day[, year] or month year at `i`.
    fn month_first(&self, i: usize) -> Option<(DateExpr, usize)> {
        // Month day[, year] / month year.
        if let Some(m) = self.month_at(i) {
            let mut j = i + 1;
            if self.lx.date_words.date_de.contains(self.norm(j)) {
                j += 1;
            }
            if let Some(d) = self.day_number(j).filter(|_| self.year_number(j).is_none()) {
                let mut e = self.fresh_date();
                e.month = Some(m);
                e.day = Some(d);
                let mut end = j + 1;
                if let Some(y) = self.year_number(end) {
                    e.year = Some(y);
                    end += 1;
                }
                return Some((e, end));
            }
            if let Some(y) = self.year_number(j) {
                let mut e = self.fresh_date();
                e.month = Some(m);
                e.year = Some(y);
                return Some((e, j + 1));
            }
            // A month alone after "in", "en", "im": its year is the one nearest the
            // document's date ([`DateExpr::resolve`]). English writes its months with a
            // capital, and "may" is a verb.
            let after = i > 0 && self.lx.date_words.month_after.contains(self.norm(i - 1));
            if after && (self.lang != Lang::En || self.is_cap(i)) {
                let mut e = self.fresh_date();
                e.month = Some(m);
                return Some((e, i + 1));
            }
        }
        None
    }

    /// Day [de] month [[de] year] at `i`.
    fn day_first(&self, i: usize) -> Option<(DateExpr, usize)> {
        // Day [de] month [[de] year].
        if let Some(d) = self.day_number(i) {
            let mut j = i + 1;
            if self.lx.date_words.date_de.contains(self.norm(j)) {
                j += 1;
            }
            if let Some(m) = self.month_at(j) {
                let mut e = self.fresh_date();
                e.day = Some(d);
                e.month = Some(m);
                let mut end = j + 1;
                if let Some((y, after)) = self.joined_year(end, &self.lx.date_words.date_de) {
                    e.year = Some(y);
                    end = after;
                }
                return Some((e, end));
            }
        }
        None
    }

    /// A date in digits at `i`: "29.12.2021" (one token), "29/12/2021", "12/29/2021" in English, ISO "2017-05-15".
    fn numeric(&self, i: usize) -> Option<(DateExpr, usize)> {
        // Numeric dates: "29.12.2021" (one token), "29/12/2021"; "12/29/2021" in English.
        if let Some((a, b, y)) = self.numeric_date(i) {
            let (d, m) = if self.lang == Lang::En {
                (b, a)
            } else {
                (a, b)
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) && day_of(y, m, d).is_some() {
                let mut e = self.fresh_date();
                e.year = Some(y);
                e.month = Some(m);
                e.day = Some(d);
                let end = if self.norm(i).contains('.') {
                    i + 1
                } else {
                    i + 3
                };
                return Some((e, end));
            }
        }
        // ISO 2017-05-15.
        if let Some(y) = self.year_number(i) {
            if self.gap(i + 1) == "-" && self.gap(i + 2) == "-" {
                let m: Option<u32> = self
                    .norm(i + 1)
                    .parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m));
                if let (Some(m), Some(d)) = (m, self.day_number(i + 2)) {
                    let mut e = self.fresh_date();
                    e.year = Some(y);
                    e.month = Some(m);
                    e.day = Some(d);
                    return Some((e, i + 3));
                }
            }
        }
        None
    }

    /// A quarter at `i`: "the fourth quarter of 2003".
    fn quarter(&self, i: usize) -> Option<(DateExpr, usize)> {
        // Quarters: "the fourth quarter of 2003".
        if let Some(q) = self.lx.ordinals.get(self.norm(i)) {
            if self.lx.date_words.quarter.contains(self.norm(i + 1)) && self.joined(i + 1) {
                let mut e = self.fresh_date();
                e.quarter = Some(*q);
                let mut end = i + 2;
                if let Some((y, after)) = self.joined_year(end, &self.lx.date_words.quarter_year) {
                    e.year = Some(y);
                    end = after;
                }
                return Some((e, end));
            }
        }
        None
    }

    /// A year on its own at `i`, after a preposition or before a stop: "in 2005", "late into 2005".
    fn lone_year(&self, i: usize) -> Option<(DateExpr, usize)> {
        // A year on its own: "in 2005", "late into 2005".
        if let Some(y) = self.year_number(i) {
            let before = if i > 0 { self.norm(i - 1) } else { "" };
            let after = self.text.get(self.toks[i].span().end..).unwrap_or("");
            let prep = self.lx.date_words.year_after.contains(before);
            let ends = after.is_empty() || after.starts_with([',', '.', ';', ')', ':']);
            if prep || ends {
                let mut e = self.fresh_date();
                e.year = Some(y);
                return Some((e, i + 1));
            }
        }
        None
    }

    /// The three numbers of "29.12.2021" or "29/12/2021", first number first.
    pub(super) fn numeric_date(&self, i: usize) -> Option<(u32, u32, i32)> {
        let w = self.norm(i);
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let mut parts = w.split('.');
        if let (Some(a), Some(b), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            if a.len() <= 2 && b.len() <= 2 && y.len() == 4 {
                return Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?));
            }
            return None;
        }
        if self.gap(i + 1) == "/" && self.gap(i + 2) == "/" && w.len() <= 2 {
            let b = self.norm(i + 1);
            if b.len() <= 2 {
                let y = self.year_number(i + 2)?;
                return Some((w.parse().ok()?, b.parse().ok()?, y));
            }
        }
        None
    }

    pub(super) fn time_at(&self, i: usize) -> Option<((f64, f64), usize)> {
        let w = self.norm(i);
        if let Some(hours) = self.lx.clock_words.get(w) {
            return Some((*hours, i + 1));
        }
        // 7.45am / 6:57pm / 10am, written as one word.
        if let Some(t) = compact_meridiem(w) {
            return Some((t, i + 1));
        }
        // 16h30 / 16h.
        if let Some((h, m)) = w.split_once('h') {
            if let (Ok(h), true) = (h.parse::<u32>(), m.is_empty() || m.parse::<u32>().is_ok()) {
                if h < 24
                    && !h.to_string().is_empty()
                    && w.chars().next().is_some_and(|c| c.is_ascii_digit())
                {
                    let m: u32 = m.parse().unwrap_or(0);
                    let t = h as f64 + m as f64 / 60.0;
                    return Some(((t, t + 1.0 / 60.0), i + 1));
                }
            }
        }
        if !w.chars().all(|c| c.is_ascii_digit()) || w.is_empty() || w.len() > 2 {
            return None;
        }
        let h: u32 = w.parse().ok()?;
        let mut end = i + 1;
        let mut minutes: Option<u32> = None;
        if self.gap(end) == ":" || self.gap(end) == "." && self.norm(end).len() == 2 {
            if let Ok(m) = self.norm(end).parse::<u32>() {
                if m < 60 && self.norm(end).len() == 2 {
                    minutes = Some(m);
                    end += 1;
                }
            }
        }
        // a.m. / p.m. / am / pm. The meridiem stays in code, not in `assets/`: it is the
        // notation of the 12-hour clock, written alike wherever that clock is used, and read
        // as the letters the tokenizer cuts "a.m." into.
        let meridiem = match (self.norm(end), self.norm(end + 1)) {
            ("a", "m") if self.gap(end + 1) == "." => Some((false, 2)),
            ("p", "m") if self.gap(end + 1) == "." => Some((true, 2)),
            ("am", _) => Some((false, 1)),
            ("pm", _) => Some((true, 1)),
            _ => None,
        };
        let exact = minutes.map_or(0.0, |m| m as f64 / 60.0);
        if let Some((pm, n)) = meridiem {
            let t = to_24h(h, pm)? as f64 + exact;
            let width = if minutes.is_some() { 1.0 / 60.0 } else { 1.0 };
            return Some(((t, t + width), end + n));
        }
        if self.lx.date_words.hour_words.contains(self.norm(end)) {
            let t = h as f64 + exact;
            return Some(((t, t + 1.0 / 60.0), end + 1));
        }
        if minutes.is_some() && h < 24 {
            let t = h as f64 + exact;
            return Some(((t, t + 1.0 / 60.0), end));
        }
        None
    }

    /// A whole date phrase at `i`: parts joined by "at", "on", commas.
    pub(super) fn date_at(&self, i: usize) -> Option<(DateExpr, usize)> {
        let (mut e, mut end) = self.date_part(i)?;
        loop {
            let mut j = end;
            let mut skipped = 0;
            while j < self.toks.len()
                && skipped < 2
                && self.lx.date_words.part_joiners.contains(self.norm(j))
            {
                j += 1;
                skipped += 1;
            }
            if j >= self.toks.len() || !self.gap(j).chars().all(|c| c == ' ' || c == ',') {
                break;
            }
            if j > end && !self.gap(end).chars().all(|c| c == ' ' || c == ',') {
                break;
            }
            match self.date_part(j) {
                Some((next, next_end)) if !conflicts(&e, &next) => {
                    e.merge(&next);
                    end = next_end;
                }
                _ => break,
            }
        }
        Some((e, end))
    }
}

fn conflicts(a: &DateExpr, b: &DateExpr) -> bool {
    // A month named alone and a day, week or month counted from the document's date are two
    // times ("in september en vorige week": in September and last week).
    let month_alone = |e: &DateExpr| e.month.is_some() && e.day.is_none();
    let counted = |e: &DateExpr| {
        matches!(
            e.relative,
            Some(Relative::Day(_) | Relative::Week(_) | Relative::Month(_))
        )
    };
    (month_alone(a) && counted(b))
        || (counted(a) && month_alone(b))
        || (a.hours.is_some() && b.hours.is_some())
        || (a.day.is_some() && b.day.is_some())
        || (a.weekday.is_some() && b.weekday.is_some())
        || (a.relative.is_some()
            && b.relative.is_some()
            && !matches!(
                (a.relative, b.relative),
                (Some(Relative::Day(_)), Some(Relative::Part(..)))
                    | (Some(Relative::Part(..)), Some(Relative::Day(_)))
            ))
}

/// A time written as one word with its meridiem ("7.45am", "6:57pm", "10am"): its hours.
fn compact_meridiem(w: &str) -> Option<(f64, f64)> {
    let (clock, pm) = if let Some(c) = w.strip_suffix("am") {
        (c, false)
    } else {
        (w.strip_suffix("pm")?, true)
    };
    let (h, m) = match clock.split_once(['.', ':']) {
        Some((h, m)) if m.len() == 2 => (h, Some(m)),
        Some(_) => return None,
        None => (clock, None),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let minutes: Option<u32> = match m {
        Some(m) => Some(m.parse().ok().filter(|m| *m < 60)?),
        None => None,
    };
    let t = to_24h(h.parse().ok()?, pm)? as f64 + minutes.map_or(0.0, |m| m as f64 / 60.0);
    let width = if minutes.is_some() { 1.0 / 60.0 } else { 1.0 };
    Some((t, t + width))
}

/// The hour on a 24-hour clock of hour `h` (1 to 12) before or after noon.
fn to_24h(h: u32, pm: bool) -> Option<u32> {
    Some(match (pm, h) {
        (_, h) if !(1..=12).contains(&h) => return None,
        (false, 12) => 0,
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, h) => h,
    })
}

/// The words a date can open with other than a figure: the first words of relative dates and
/// weekdays, months, clock words ("noon") and ordinals ("the fourth quarter"). Most words of
/// a text are none of these, and are passed over with one look-up instead of one per rule.
fn date_openers() -> &'static HashSet<String> {
    static WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let lx = crate::lexicon::get();
        let mut set: HashSet<String> = lx.phrase_starts.iter().cloned().collect();
        set.extend(lx.months.keys().cloned());
        set.extend(lx.clock_words.keys().cloned());
        set.extend(lx.ordinals.keys().cloned());
        set
    })
}
