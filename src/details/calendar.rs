//! Calendar arithmetic for dates and relative times ("yesterday", "last week", "on Thursday").
//!
//! A date expression is kept as what the text says ([`DateExpr`]) and resolved only when it
//! is compared, because the reference date may come from the user, from the document's
//! dateline or be inferred from the other document. Resolution gives an inclusive interval of
//! days; a time of day narrows it to hours. Calendar rules (month lengths, leap years,
//! weekdays) come from `jiff`; this module never reads the clock.

use jiff::civil::Date;

use super::CalendarDate;

/// A day as a count from 1970-01-01, so intervals and offsets are plain integers.
pub type Day = i32;

fn epoch() -> Date {
    Date::constant(1970, 1, 1)
}

/// The day of a calendar date, or `None` when the date does not exist (30 February).
pub fn day_of(year: i32, month: u32, day: u32) -> Option<Day> {
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    i32::try_from(date.duration_since(epoch()).as_secs() / 86_400).ok()
}

/// The calendar date of a day.
pub fn date_of(day: Day) -> Option<Date> {
    epoch()
        .checked_add(jiff::Span::new().days(i64::from(day)))
        .ok()
}

/// The day of a [`CalendarDate`].
pub fn from_calendar(d: CalendarDate) -> Option<Day> {
    day_of(d.year, d.month, d.day)
}

/// Weekday of a day, 1 = Monday .. 7 = Sunday.
pub fn weekday(day: Day) -> u32 {
    // 1970-01-01 was a Thursday.
    ((day + 3).rem_euclid(7) + 1) as u32
}

/// "Mon 15 May 2017". The abbreviations stay in code: they are how the reports label a day
/// (always in English, as the rest of the report), not words read in a document.
pub fn label(day: Day) -> String {
    match date_of(day) {
        Some(d) => {
            let wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(weekday(day) - 1) as usize];
            let month = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ][(d.month() - 1) as usize];
            format!("{wd} {} {month} {}", d.day(), d.year())
        }
        None => format!("day {day}"),
    }
}

fn month_bounds(year: i32, month: u32) -> Option<(Day, Day)> {
    let first = day_of(year, month, 1)?;
    let last = date_of(first)?.last_of_month();
    Some((first, first + i32::from(last.day()) - 1))
}

/// The year of month `m` named without one ("in April"): the one nearest `reference`, as
/// for a day without a year, so that both documents read it alike whatever the tense.
fn nearest_year(m: u32, reference: Date) -> i32 {
    let y = i32::from(reference.year());
    match m as i32 - reference.month() as i32 {
        ahead if ahead > 6 => y - 1,
        ahead if ahead < -6 => y + 1,
        _ => y,
    }
}

fn add_months(year: i32, month: u32, offset: i32) -> (i32, u32) {
    let m0 = year * 12 + month as i32 - 1 + offset;
    (m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u32)
}

/// What a date phrase says, before it is resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateExpr {
    /// A year the text names.
    pub year: Option<i32>,
    /// A month the text names, 1..=12.
    pub month: Option<u32>,
    /// A day of the month the text names.
    pub day: Option<u32>,
    /// A weekday the text names, 1 = Monday.
    pub weekday: Option<u32>,
    /// A quarter of the year, 1..=4.
    pub quarter: Option<u32>,
    /// A day, week, month or year relative to the reference date.
    pub relative: Option<crate::lexicon::Relative>,
    /// Hours of the day the text gives, `[start, end)` ("4 p.m." is [16, 17)).
    pub hours: Option<(f64, f64)>,
    /// The sentence is in the past tense (a bare weekday is then the most recent one).
    pub past: bool,
    /// "last Friday", "next Friday": the weekday before (or after) the reference date, never
    /// the reference date itself.
    pub previous: bool,
}

impl DateExpr {
    /// Folds another part of the same phrase in ("April 29" + "at 4 p.m.").
    pub fn merge(&mut self, other: &DateExpr) {
        self.year = self.year.or(other.year);
        self.month = self.month.or(other.month);
        self.day = self.day.or(other.day);
        self.weekday = self.weekday.or(other.weekday);
        self.quarter = self.quarter.or(other.quarter);
        self.relative = self.relative.or(other.relative);
        self.hours = self.hours.or(other.hours);
    }

    /// True when the expression depends on a reference date.
    pub fn needs_reference(&self) -> bool {
        self.relative.is_some()
            || (self.year.is_none() && (self.day.is_some() || self.weekday.is_some()))
    }

    /// How wide a stretch the words name without a reference date, on the scale of
    /// [`crate::details`]' granularity (0 a day, 1 a week, 2 a month, 3 a quarter, 4 a year);
    /// `None` for a bare time of day ("19:00"), which names no day at all.
    pub fn granularity(&self) -> Option<u8> {
        use crate::lexicon::Relative;
        Some(match self.relative {
            Some(Relative::Day(_) | Relative::Part(..)) => 0,
            Some(Relative::Week(_)) => 1,
            Some(Relative::Month(_)) if self.day.is_none() => 2,
            Some(Relative::Year(_)) if self.month.is_none() && self.day.is_none() => 4,
            _ if self.day.is_some() || self.weekday.is_some() => 0,
            _ if self.month.is_some() => 2,
            _ if self.quarter.is_some() => 3,
            _ if self.year.is_some() => 4,
            _ => return None,
        })
    }

    /// The days the expression covers, given the document's date.
    pub fn resolve(&self, reference: Option<Day>) -> Option<(Day, Day)> {
        use crate::lexicon::Relative;
        // "Yesterday, April 29": the named date is the more precise.
        let named = self.month.is_some() && self.day.is_some();
        if let Some(rel) = self.relative.filter(|_| !named) {
            let r = reference?;
            return match rel {
                Relative::Day(k) => Some((r + k, r + k)),
                Relative::Part(..) => Some((r, r)),
                Relative::Week(k) => {
                    let monday = r - (weekday(r) as i32 - 1) + 7 * k;
                    Some((monday, monday + 6))
                }
                Relative::Month(k) => {
                    let d = date_of(r)?;
                    let (y, m) = add_months(i32::from(d.year()), d.month() as u32, k);
                    month_bounds(y, m)
                }
                Relative::Year(k) => {
                    let y = i32::from(date_of(r)?.year()) + k;
                    Some((day_of(y, 1, 1)?, day_of(y, 12, 31)?))
                }
            };
        }
        let ref_date = reference.and_then(date_of);
        if let (Some(m), Some(d)) = (self.month, self.day) {
            let y = match (self.year, ref_date) {
                (Some(y), _) => y,
                (None, Some(rd)) => {
                    // A date without a year is the nearest one to the reference.
                    let y = i32::from(rd.year());
                    let r = reference?;
                    [y - 1, y, y + 1]
                        .into_iter()
                        .filter_map(|y| day_of(y, m, d).map(|x| (y, (x - r).abs())))
                        .min_by_key(|&(_, dist)| dist)?
                        .0
                }
                (None, None) => return None,
            };
            let x = day_of(y, m, d)?;
            return Some((x, x));
        }
        if let Some(wd) = self.weekday {
            let r = reference?;
            let back = (weekday(r) as i32 - wd as i32).rem_euclid(7);
            let x = if self.past {
                // The most recent one: the reference day itself when it is that weekday (a
                // report dated Wednesday says "said Wednesday" and "este miércoles"), unless
                // the text says "last Wednesday".
                r - if back == 0 && self.previous { 7 } else { back }
            } else {
                let ahead = (wd as i32 - weekday(r) as i32).rem_euclid(7);
                r + if ahead == 0 && self.previous {
                    7
                } else {
                    ahead
                }
            };
            return Some((x, x));
        }
        if let (Some(q), Some(y)) = (self.quarter, self.year) {
            let (first, _) = month_bounds(y, 3 * q - 2)?;
            let (_, last) = month_bounds(y, 3 * q)?;
            return Some((first, last));
        }
        if let (Some(m), Some(y)) = (self.month, self.year) {
            return month_bounds(y, m);
        }
        if let (Some(m), Some(rd)) = (self.month, ref_date) {
            return month_bounds(nearest_year(m, rd), m);
        }
        if let Some(y) = self.year {
            return Some((day_of(y, 1, 1)?, day_of(y, 12, 31)?));
        }
        None
    }

    /// Hours the expression gives, from a named time or a part of the day.
    pub fn hours(&self) -> Option<(f64, f64)> {
        match (self.hours, self.relative) {
            (Some(h), _) => Some(h),
            (None, Some(crate::lexicon::Relative::Part(a, b))) => Some((a as f64, b as f64)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Relative;

    fn day(y: i32, m: u32, d: u32) -> Day {
        day_of(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_and_labels_follow_the_calendar() {
        assert_eq!(weekday(day(2017, 5, 15)), 1);
        assert_eq!(label(day(2024, 2, 29)), "Thu 29 Feb 2024");
        assert_eq!(day_of(2023, 2, 29), None);
    }

    #[test]
    fn yesterday_across_a_month_and_a_year_boundary() {
        let yesterday = DateExpr {
            relative: Some(Relative::Day(-1)),
            ..DateExpr::default()
        };
        let (a, _) = yesterday.resolve(Some(day(2017, 6, 1))).unwrap();
        assert_eq!(label(a), "Wed 31 May 2017");
        let (b, _) = yesterday.resolve(Some(day(2024, 1, 1))).unwrap();
        assert_eq!(label(b), "Sun 31 Dec 2023");
    }

    #[test]
    fn last_week_and_last_month_across_a_year_boundary() {
        let last_week = DateExpr {
            relative: Some(Relative::Week(-1)),
            ..DateExpr::default()
        };
        let (a, b) = last_week.resolve(Some(day(2025, 1, 2))).unwrap();
        assert_eq!(
            (label(a), label(b)),
            ("Mon 23 Dec 2024".into(), "Sun 29 Dec 2024".into())
        );
        let last_month = DateExpr {
            relative: Some(Relative::Month(-1)),
            ..DateExpr::default()
        };
        let (a, b) = last_month.resolve(Some(day(2025, 1, 15))).unwrap();
        assert_eq!((a, b), (day(2024, 12, 1), day(2024, 12, 31)));
    }

    #[test]
    fn a_past_weekday_is_the_most_recent_one() {
        let thursday = DateExpr {
            weekday: Some(4),
            past: true,
            ..DateExpr::default()
        };
        // Monday 15 May 2017: the Thursday before is 11 May.
        assert_eq!(
            thursday.resolve(Some(day(2017, 5, 15))),
            Some((day(2017, 5, 11), day(2017, 5, 11)))
        );
        // Across a year boundary: from Tuesday 2 January 2024 back to Thursday 28 December.
        assert_eq!(
            thursday.resolve(Some(day(2024, 1, 2))).map(|x| label(x.0)),
            Some("Thu 28 Dec 2023".into())
        );
        // A report dated Thursday 18 May 2017 that says "on Thursday" means that day; "last
        // Thursday" means the week before.
        assert_eq!(
            thursday.resolve(Some(day(2017, 5, 18))).map(|x| label(x.0)),
            Some("Thu 18 May 2017".into())
        );
        let last_thursday = DateExpr {
            previous: true,
            ..thursday.clone()
        };
        assert_eq!(
            last_thursday
                .resolve(Some(day(2017, 5, 18)))
                .map(|x| label(x.0)),
            Some("Thu 11 May 2017".into())
        );
    }

    #[test]
    fn a_named_date_wins_over_the_relative_word_beside_it() {
        let e = DateExpr {
            relative: Some(Relative::Day(-1)),
            month: Some(4),
            day: Some(29),
            ..DateExpr::default()
        };
        let d = day(2024, 4, 29);
        assert_eq!(e.resolve(Some(day(2024, 5, 2))), Some((d, d)));
    }

    #[test]
    fn a_date_without_a_year_takes_the_nearest_year() {
        let dec30 = DateExpr {
            month: Some(12),
            day: Some(30),
            ..DateExpr::default()
        };
        assert_eq!(
            dec30.resolve(Some(day(2024, 1, 3))),
            Some((day(2023, 12, 30), day(2023, 12, 30)))
        );
        assert_eq!(dec30.resolve(None), None);
    }
}
