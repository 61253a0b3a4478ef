//! US federal holidays and business days, for working-day deadlines (EOIR-33) and for moving a
//! due date off a weekend or holiday.
//!
//! Rules from data/us-federal-holidays.md: the eleven legal public holidays of 5 U.S.C.
//! § 6103(a) (Juneteenth only from 2021), observed on the Friday before when they fall on a
//! Saturday (§ 6103(b)(1)) and on the Monday after when they fall on a Sunday (EO 11582).
//!
//! `federal_holidays(year)` lists the days *observed in* `year`. So when New Year's Day falls
//! on a Saturday, its observed day (Friday, December 31) is listed under the previous year:
//! `federal_holidays(2027)` ends with 2027-12-31 (New Year's Day 2028), and
//! `federal_holidays(2022)` has no New Year's Day at all. That keeps "is this date a holiday?"
//! a question about one year's list.
//!
//! Not modelled here (data, not rules): Inauguration Day in the DC area, ad-hoc closures by
//! Executive Order, court-specific closures.

use chrono::{Datelike, NaiveDate, Weekday};

/// The first year Juneteenth is a legal public holiday (Pub. L. 117-17).
pub const JUNETEENTH_FIRST_YEAR: i32 = 2021;

/// The observed federal holidays that fall in `year`, in date order, with their statutory names.
///
/// Years chrono cannot represent give an empty list.
pub fn federal_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut days: Vec<(NaiveDate, &'static str)> = Vec::with_capacity(12);
    let mut push = |date: Option<NaiveDate>, name: &'static str| {
        if let Some(date) = date {
            if date.year() == year {
                days.push((date, name));
            }
        }
    };

    // New Year's Day of this year (unless observed on Dec 31 of the previous year) and of next
    // year (only when it is observed on Dec 31 of this year).
    push(fixed(year, 1, 1), "New Year's Day");
    push(
        nth_weekday(year, 1, Weekday::Mon, 3),
        "Birthday of Martin Luther King, Jr.",
    );
    push(
        nth_weekday(year, 2, Weekday::Mon, 3),
        "Washington's Birthday",
    );
    push(last_weekday(year, 5, Weekday::Mon), "Memorial Day");
    if year >= JUNETEENTH_FIRST_YEAR {
        push(fixed(year, 6, 19), "Juneteenth National Independence Day");
    }
    push(fixed(year, 7, 4), "Independence Day");
    push(nth_weekday(year, 9, Weekday::Mon, 1), "Labor Day");
    push(nth_weekday(year, 10, Weekday::Mon, 2), "Columbus Day");
    push(fixed(year, 11, 11), "Veterans Day");
    push(nth_weekday(year, 11, Weekday::Thu, 4), "Thanksgiving Day");
    push(fixed(year, 12, 25), "Christmas Day");
    if let Some(next) = year.checked_add(1) {
        push(fixed(next, 1, 1), "New Year's Day");
    }
    days.sort();
    days
}

/// The observed federal holiday on `d`, if any.
pub fn holiday_name(d: NaiveDate) -> Option<&'static str> {
    federal_holidays(d.year())
        .into_iter()
        .find(|(day, _)| *day == d)
        .map(|(_, name)| name)
}

/// Monday to Friday, and not an observed federal holiday.
pub fn is_business_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && holiday_name(d).is_none()
}

/// The first business day strictly after `d`.
///
/// Saturates at the last date chrono can represent (far beyond any real case).
pub fn next_business_day(d: NaiveDate) -> NaiveDate {
    let mut day = d;
    while let Some(next) = day.succ_opt() {
        day = next;
        if is_business_day(day) {
            break;
        }
    }
    day
}

/// `d` itself if it is a business day, otherwise the next business day after it.
pub fn business_day_on_or_after(d: NaiveDate) -> NaiveDate {
    if is_business_day(d) {
        d
    } else {
        next_business_day(d)
    }
}

/// The `n`th business day after `d`, not counting `d` itself ("within five working days of
/// Monday 2026-11-23" is Tuesday 2026-12-01, across Thanksgiving). `n = 0` gives `d` unchanged.
pub fn add_business_days(d: NaiveDate, n: u32) -> NaiveDate {
    (0..n).fold(d, |day, _| next_business_day(day))
}

/// The day a fixed-date holiday is observed on by a Monday–Friday workforce.
fn fixed(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    match date.weekday() {
        Weekday::Sat => date.pred_opt(),
        Weekday::Sun => date.succ_opt(),
        _ => Some(date),
    }
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    nth_weekday(year, month, weekday, 5).or_else(|| nth_weekday(year, month, weekday, 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn table(year: i32) -> Vec<(String, &'static str)> {
        federal_holidays(year)
            .into_iter()
            .map(|(day, name)| (day.to_string(), name))
            .collect()
    }

    fn expected(rows: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        rows.iter()
            .map(|(day, name)| (day.to_string(), *name))
            .collect()
    }

    #[test]
    fn holidays_2026_observed() {
        assert_eq!(
            table(2026),
            expected(&[
                ("2026-01-01", "New Year's Day"),
                ("2026-01-19", "Birthday of Martin Luther King, Jr."),
                ("2026-02-16", "Washington's Birthday"),
                ("2026-05-25", "Memorial Day"),
                ("2026-06-19", "Juneteenth National Independence Day"),
                // July 4, 2026 is a Saturday.
                ("2026-07-03", "Independence Day"),
                ("2026-09-07", "Labor Day"),
                ("2026-10-12", "Columbus Day"),
                ("2026-11-11", "Veterans Day"),
                ("2026-11-26", "Thanksgiving Day"),
                ("2026-12-25", "Christmas Day"),
            ])
        );
    }

    #[test]
    fn holidays_2027_observed_including_new_years_day_2028_on_december_31() {
        assert_eq!(
            table(2027),
            expected(&[
                ("2027-01-01", "New Year's Day"),
                ("2027-01-18", "Birthday of Martin Luther King, Jr."),
                ("2027-02-15", "Washington's Birthday"),
                ("2027-05-31", "Memorial Day"),
                // June 19, 2027 is a Saturday.
                ("2027-06-18", "Juneteenth National Independence Day"),
                // July 4, 2027 is a Sunday.
                ("2027-07-05", "Independence Day"),
                ("2027-09-06", "Labor Day"),
                ("2027-10-11", "Columbus Day"),
                ("2027-11-11", "Veterans Day"),
                ("2027-11-25", "Thanksgiving Day"),
                // December 25, 2027 is a Saturday.
                ("2027-12-24", "Christmas Day"),
                // January 1, 2028 is a Saturday.
                ("2027-12-31", "New Year's Day"),
            ])
        );
        let in_2028 = table(2028);
        assert!(in_2028.iter().all(|(day, _)| day.starts_with("2028-")));
        assert!(!in_2028.iter().any(|(_, name)| *name == "New Year's Day"));
    }

    #[test]
    fn new_years_day_2022_is_observed_in_2021() {
        assert_eq!(holiday_name(d("2021-12-31")), Some("New Year's Day"));
        assert!(!is_business_day(d("2021-12-31")));
        assert!(!table(2022)
            .iter()
            .any(|(_, name)| *name == "New Year's Day"));
        // 2021 has Juneteenth on Friday June 18 (its first observance) and two New Year's Days.
        assert_eq!(table(2021).len(), 12);
        assert_eq!(
            holiday_name(d("2021-06-18")),
            Some("Juneteenth National Independence Day")
        );
    }

    #[test]
    fn no_juneteenth_before_2021() {
        let in_2020 = table(2020);
        assert_eq!(in_2020.len(), 10);
        assert!(!in_2020.iter().any(|(_, name)| name.contains("Juneteenth")));
        assert!(is_business_day(d("2020-06-19")));
    }

    #[test]
    fn business_days() {
        let cases = [
            ("2026-11-06", true),  // Friday
            ("2026-11-07", false), // Saturday
            ("2026-11-08", false), // Sunday
            ("2026-11-11", false), // Veterans Day, Wednesday
            ("2026-07-03", false), // Independence Day observed
            ("2026-07-06", true),
            ("2027-07-05", false), // Independence Day 2027 observed on Monday
        ];
        for (day, want) in cases {
            assert_eq!(is_business_day(d(day)), want, "{day}");
        }
    }

    #[test]
    fn next_business_day_is_strictly_after() {
        let cases = [
            ("2026-11-09", "2026-11-10"), // Monday → Tuesday
            ("2026-11-06", "2026-11-09"), // Friday → Monday
            ("2026-11-07", "2026-11-09"), // Saturday → Monday
            ("2026-11-10", "2026-11-12"), // Tuesday → Thursday over Veterans Day
            ("2026-10-09", "2026-10-13"), // Friday before Columbus Day → Tuesday
            ("2026-12-24", "2026-12-28"), // Thursday before Christmas → Monday
            ("2027-12-30", "2028-01-03"), // over Dec 31 (New Year's Day 2028 observed)
        ];
        for (day, want) in cases {
            assert_eq!(next_business_day(d(day)), d(want), "{day}");
        }
    }

    #[test]
    fn add_business_days_table() {
        let cases = [
            ("2026-11-23", 5, "2026-12-01"), // across Thanksgiving
            ("2026-11-23", 0, "2026-11-23"),
            ("2026-11-23", 1, "2026-11-24"),
            ("2026-11-07", 1, "2026-11-09"), // from a Saturday
            ("2026-11-06", 5, "2026-11-16"), // across a weekend and Veterans Day
        ];
        for (day, n, want) in cases {
            assert_eq!(add_business_days(d(day), n), d(want), "{day} + {n}");
        }
    }

    #[test]
    fn business_day_on_or_after_keeps_a_business_day() {
        assert_eq!(business_day_on_or_after(d("2026-11-10")), d("2026-11-10"));
        assert_eq!(business_day_on_or_after(d("2026-11-08")), d("2026-11-09"));
        assert_eq!(business_day_on_or_after(d("2026-11-11")), d("2026-11-12"));
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        assert_eq!(next_business_day(NaiveDate::MAX), NaiveDate::MAX);
        let _ = federal_holidays(NaiveDate::MAX.year());
        let _ = federal_holidays(NaiveDate::MIN.year());
        let _ = federal_holidays(i32::MAX);
    }

    proptest::proptest! {
        #[test]
        fn business_day_arithmetic_lands_on_business_days(
            days in 0i64..40_000,
            n in 1u32..30,
        ) {
            let start = d("2000-01-01") + chrono::Duration::days(days);
            let next = next_business_day(start);
            proptest::prop_assert!(next > start);
            proptest::prop_assert!(is_business_day(next));
            proptest::prop_assert!((next - start).num_days() <= 5);
            let later = add_business_days(start, n);
            proptest::prop_assert!(is_business_day(later));
            let counted = (1..=(later - start).num_days())
                .filter(|k| is_business_day(start + chrono::Duration::days(*k)))
                .count();
            proptest::prop_assert_eq!(counted, n as usize);
        }
    }
}
