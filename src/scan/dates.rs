//! Publication dates of archive entries, as day numbers for the candidate window.
//!
//! An archive gives dates as `YYYY-MM-DD`, often with a time after them (`2024-03-10T09:00Z`);
//! only the day matters for "no earlier than the release, at most 30 days after", so the time
//! is ignored rather than converted between zones.

use crate::details::CalendarDate;

/// Days since 1970-01-01 (negative before).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayNumber(pub i64);

impl DayNumber {
    /// The day of a calendar date; `None` unless it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<DayNumber> {
        let date = jiff::civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        let epoch = jiff::civil::date(1970, 1, 1);
        let span = epoch.until(date).ok()?;
        Some(DayNumber(i64::from(span.get_days())))
    }

    /// The day as `YYYY-MM-DD`; `None` outside the years 1 to 9999.
    pub fn to_ymd(self) -> Option<String> {
        let epoch = jiff::civil::date(1970, 1, 1);
        let span = jiff::Span::new().try_days(self.0).ok()?;
        let date = epoch.checked_add(span).ok()?;
        (date.year() >= 1).then(|| date.to_string())
    }

    /// Parses `YYYY-MM-DD`, ignoring anything after the tenth byte (a time, a zone).
    pub fn parse(text: &str) -> Option<DayNumber> {
        let text = text.trim();
        let day = text.get(..10).unwrap_or(text);
        if !text.is_char_boundary(day.len()) {
            return None;
        }
        let date: CalendarDate = CalendarDate::parse(day)?;
        DayNumber::from_ymd(date.year, date.month, date.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_across_months_and_leap_years() {
        assert_eq!(DayNumber::parse("1970-01-01"), Some(DayNumber(0)));
        let feb = DayNumber::parse("2024-02-28").expect("a date");
        let mar = DayNumber::parse("2024-03-01T08:30:00Z").expect("a date with a time");
        assert_eq!(mar.0 - feb.0, 2);
        assert_eq!(DayNumber::parse("2023-02-29"), None);
        assert_eq!(DayNumber::parse("yesterday"), None);
        assert_eq!(mar.to_ymd().as_deref(), Some("2024-03-01"));
        assert_eq!(DayNumber(-1).to_ymd().as_deref(), Some("1969-12-31"));
        assert_eq!(DayNumber(i64::from(i32::MAX)).to_ymd(), None);
    }
}
