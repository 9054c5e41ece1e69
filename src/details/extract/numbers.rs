//! Numbers, money and durations in one sentence: number words and digits in each language's
//! notation, multipliers, units, and the hedges that make a value a range.

use super::*;

impl Sentence<'_> {
    pub(super) fn number_word(&self, i: usize) -> Option<f64> {
        self.lx.number(self.lang, self.norm(i))
    }

    /// "million", in the document's language or in English, or its short form of two
    /// letters or more in the document's language ("2,4 Mrd. Euro", "1,2 mld euro").
    pub(super) fn multiplier(&self, i: usize) -> Option<f64> {
        let w = self.norm(i);
        let lx = self.lx;
        let short = || {
            let forms = lx.multiplier_short.get(w)?;
            let (_, full) = forms.iter().find(|(l, _)| *l == self.lang)?;
            (w.chars().count() > 1).then(|| lx.multiplier(self.lang, full))?
        };
        lx.multiplier(self.lang, w)
            .or_else(|| lx.multiplier(Lang::En, w))
            .or_else(short)
    }

    pub(super) fn digits(&self, i: usize) -> Option<f64> {
        parse_digits(self.norm(i), self.lang).or_else(|| ordinal_digits(self.lx, self.norm(i)))
    }

    /// A number at `i`: digits, a fraction, number words. Returns value and end.
    pub(super) fn number_at(&self, i: usize) -> Option<(f64, usize)> {
        if let Some(v) = self.digits(i) {
            // "1/2", "2 1/2".
            if self.gap(i + 1) == "/" {
                if let Some(d) = self.digits(i + 1).filter(|d| *d != 0.0) {
                    return Some((v / d, i + 2));
                }
            }
            if self.joined(i + 1) && self.gap(i + 2) == "/" {
                if let (Some(n), Some(d)) = (self.digits(i + 1), self.digits(i + 2)) {
                    if d != 0.0 && n < d {
                        return Some((v + n / d, i + 3));
                    }
                }
            }
            return Some((v, i + 1));
        }
        let mut v = self.number_word(i)?;
        let mut end = i + 1;
        while end < self.toks.len() && self.joined(end) {
            if let Some(w) = self.number_word(end) {
                if w < 1.0 {
                    v *= w;
                } else if v < 100.0 && w < v && w < 10.0 {
                    v += w;
                } else {
                    break;
                }
                end += 1;
            } else {
                break;
            }
        }
        Some((v, end))
    }

    pub(super) fn hedge_at(&self, i: usize) -> Option<(HedgeKind, usize)> {
        if let Some(hedge) = self.elided_hedge_at(i) {
            return Some(hedge);
        }
        if !self.lx.phrase_starts.contains(self.norm(i)) {
            return None;
        }
        let lx = self.lx;
        lx.hedges_by_first
            .candidates(self.norm(i))
            .into_iter()
            .find_map(|k| {
                let (p, kind) = &lx.hedges[k];
                self.phrase_at(i, p).map(|n| (*kind, i + n))
            })
    }

    /// A hedge of one word after an elided "de" ("d'environ 10,5 mètres", "d'almeno").
    fn elided_hedge_at(&self, i: usize) -> Option<(HedgeKind, usize)> {
        let word = self.after_elided_de(i)?;
        let lx = self.lx;
        lx.hedges_by_first
            .candidates(word)
            .into_iter()
            .find_map(|k| {
                let (p, kind) = &lx.hedges[k];
                (p.len() == 1 && p[0] == word).then_some((*kind, i + 1))
            })
    }

    pub(super) fn duration_unit(&self, i: usize) -> Option<f64> {
        if i >= self.toks.len() {
            return None;
        }
        self.lx.durations.get(self.norm(i)).copied()
    }

    /// Content words right after a number: the thing counted.
    pub(super) fn unit_after(&self, mut i: usize) -> (Vec<String>, usize) {
        let mut unit = Vec::new();
        while i < self.toks.len() && unit.len() < 3 && self.joined(i) {
            let w = self.norm(i);
            // A verb ends the counted phrase: "two agents visited".
            // ... unless a noun follows it: "2 million unprotected workers".
            let adjective = unit.is_empty()
                && w.ends_with("ed")
                && self.joined(i + 1)
                && is_content_word(self.norm(i + 1))
                && !self.norm(i + 1).ends_with("ed")
                && self.digits(i + 1).is_none();
            let verb = self.lang == Lang::En
                && ((w.ends_with("ed") && !adjective) || self.lx.figure_words.verbs.contains(w));
            if !is_content_word(w)
                || verb
                || self.digits(i).is_some()
                || self.number_word(i).is_some()
            {
                break;
            }
            unit.push(self.stem(w));
            i += 1;
        }
        (unit, i)
    }

    // ----- dates ---------------------------------------------------------------------------
}

/// Parses "10,000", "2.50", "1.200" (German thousands), "2,5" (decimal comma).
pub fn parse_digits(word: &str, lang: Lang) -> Option<f64> {
    // A minus sign the tokenizer kept ("-0,3"): a fall, not a rise.
    if let Some(unsigned) = word.strip_prefix('-') {
        return parse_digits(unsigned, lang).map(|v| -v);
    }
    if word.is_empty() || !word.chars().next()?.is_ascii_digit() {
        return None;
    }
    if !word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let groups_of_three = |sep: char| {
        let parts: Vec<&str> = word.split(sep).collect();
        parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) && parts[0].len() <= 3
    };
    let cleaned: String = if lang == Lang::En {
        if word.contains(',') && groups_of_three(',') {
            word.replace(',', "")
        } else {
            word.replace(',', ".")
        }
    } else if word.contains('.') && groups_of_three('.') && !word.contains(',') {
        word.replace('.', "")
    } else {
        word.replace('.', "").replace(',', ".")
    };
    cleaned.parse().ok()
}

/// An ordinal written with digits: "3ª" and "3º" (folded to "3a", "3o"), "3rd", "4th",
/// "3e", "3ème", "3er" (the endings are `ordinal-suffix` in `assets/details/quantities.txt`).
fn ordinal_digits(lx: &Lexicon, word: &str) -> Option<f64> {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let suffix = &word[digits..];
    if !lx.figure_words.ordinal_suffixes.contains(suffix) {
        return None;
    }
    word[..digits].parse().ok()
}

/// A count given with an article at `i`: "an hour", "a dozen", "a quarter point" (a fraction
/// of a percentage point); the value and the word after it.
fn counted_by_article(s: &Sentence, i: usize) -> Option<(f64, usize)> {
    if s.duration_unit(i + 1).is_some() && s.joined(i + 1) {
        Some((1.0, i + 1))
    } else if let Some(v) = s.number_word(i + 1).filter(|v| *v >= 12.0) {
        Some((v, i + 2))
    } else {
        let fraction = s.number_word(i + 1).filter(|v| {
            *v < 1.0 && s.joined(i + 2) && s.lx.figure_words.point.contains(s.norm(i + 2))
        })?;
        Some((fraction, i + 2))
    }
}

/// The scale of a figure whose words end before `end` (`after` the text after them): per
/// cent ("%", "per cent"), points ("a quarter point", "points") or basis points (a
/// hundredth of a point), else plain; with its interval and the word after it.
fn scale_after(
    s: &Sentence,
    (mut end, after): (usize, &str),
    value: f64,
    interval: Interval,
) -> (Scale, Interval, usize) {
    let mut scale = Scale::Plain;
    let mut iv = interval;
    if after.starts_with('%') {
        scale = Scale::Percent;
    } else if value < 1.0 && s.joined(end) && s.lx.figure_words.point.contains(s.norm(end)) {
        // "a quarter point", "half a point" in a rate decision.
        scale = Scale::Points;
        end += 1;
    } else {
        for len in (1..=4).rev() {
            let words = s.words(end, len);
            if words.len() < len || !(0..len).all(|k| k == 0 || s.joined(end + k)) {
                continue;
            }
            if phrase_in(&s.lx.percent, &words) {
                scale = Scale::Percent;
                end += len;
                break;
            }
            if phrase_in(&s.lx.points, &words) {
                scale = Scale::Points;
                end += len;
                break;
            }
            if phrase_in(&s.lx.basis_points, &words) {
                scale = Scale::Points;
                iv = Interval {
                    lo: iv.lo / 100.0,
                    hi: iv.hi / 100.0,
                    exact: iv.exact,
                    base: iv.base / 100.0,
                };
                end += len;
                break;
            }
        }
    }
    (scale, iv, end)
}

/// Money at `i` (the figure's words `start..end`, `before` the text before them, `cents`
/// when they count cents): a currency symbol before, or a currency word after.
fn money(
    s: &Sentence,
    (i, start, mut end): (usize, usize, usize),
    (before, cents): (&str, bool),
    interval: Interval,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let symbol = ['$', '€', '£', '¥']
        .into_iter()
        .find(|c| before.contains(*c));
    // "1.200 millones de euros", "2 million of dollars".
    if s.lx.figure_words.currency_joiners.contains(s.norm(end))
        && s.lx.currencies.contains_key(s.norm(end + 1))
    {
        end += 1;
    }
    let word_currency =
        s.lx.currencies
            .get(s.norm(end))
            .map(String::as_str)
            .or(cents.then_some("$"));
    if let Some(currency) = symbol
        .map(|c| c.to_string())
        .or(word_currency.map(str::to_string))
    {
        let end = if word_currency.is_some() {
            end + 1
        } else {
            end
        };
        let mut span = s.span(start, end);
        if symbol.is_some() && start == i {
            span.start = span
                .start
                .saturating_sub(before.trim_start().len().min(before.len()));
        }
        out.push(Mention {
            kind: DetailKind::Money,
            span,
            value: Value::Money {
                value: interval,
                currency,
            },
            sentence: s.index,
        });
        return Some(end);
    }
    None
}

/// Numbers, money and durations at `i`.
pub(super) fn quantity(
    s: &Sentence,
    i: usize,
    start: usize,
    hedge: Option<HedgeKind>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let (mut value, mut end) = if s.lx.name_words.articles.contains(s.norm(i)) && s.norm(i) != "one"
    {
        counted_by_article(s, i)?
    } else {
        s.number_at(i)?
    };
    // A lone "one" in "one of the": a pronoun, not a count.
    if s.norm(i) == "one" && end == i + 1 && s.norm(end) == "of" && s.number_word(end + 1).is_none()
    {
        return None;
    }
    if let Some(m) = s.multiplier(end).filter(|_| s.joined(end)) {
        value *= m;
        end += 1;
    }
    if s.norm(i) == "half"
        && s.lx.name_words.articles.contains(s.norm(end))
        && s.duration_unit(end + 1).is_some()
    {
        end += 1;
    }
    let before = if i > 0 { s.gap(i) } else { "" };
    // "25 cents" is $0.25.
    let cents = s.lang == Lang::En
        && s.lx.figure_words.cent.contains(s.norm(end))
        && s.joined(end)
        && !before.contains(['$', '€', '£', '¥']);
    if cents {
        value /= 100.0;
    }
    let interval = hedge.map_or(Interval::exact(value), |k| Interval::hedged(value, k));
    let after = s.text.get(s.toks[end - 1].span().end..).unwrap_or("");
    if let Some(end) = money(s, (i, start, end), (before, cents), interval, out) {
        return Some(end);
    }
    // Durations: "55-minute", "almost an hour", "two weeks".
    if let Some(minutes) = s.duration_unit(end).filter(|_| s.joined(end)) {
        out.push(Mention {
            kind: DetailKind::Duration,
            span: s.span(start, end + 1),
            value: Value::Duration(interval.scaled(minutes)),
            sentence: s.index,
        });
        return Some(end + 1);
    }
    if s.lx.name_words.articles.contains(s.norm(i)) && s.number_word(i + 1).is_none() {
        return None;
    }
    let (scale, iv, end) = scale_after(s, (end, after), value, interval);
    // A fraction word alone ("la mitad", "un tercio", "de helft") is a share of a whole: the
    // same fact as "50%", and comparable with another share without a noun.
    let (scale, iv) = if scale == Scale::Plain && value < 1.0 && s.digits(i).is_none() {
        (Scale::Percent, iv.scaled(100.0))
    } else {
        (scale, iv)
    };
    let (unit, _) = s.unit_after(end);
    out.push(Mention {
        kind: DetailKind::Number,
        span: s.span(start, end),
        value: Value::Quantity {
            value: iv,
            unit,
            scale,
        },
        sentence: s.index,
    });
    Some(end)
}
