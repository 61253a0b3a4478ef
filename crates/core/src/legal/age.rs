//! Birthdays and ages for legal limits, always resolved in the safe direction.
//!
//! - A deadline that ends at a birthday is the day before it: "before the 21st birthday"
//!   means the last day to act is the day before.
//! - Someone born on 29 February has their birthday on 28 February in other years, so a
//!   deadline never falls a day late.
//! - An estimated birth date (`~2009`) counts from 1 January for deadlines (the earliest the
//!   birthday can be, so the earliest the deadline can be) and from 31 December for the
//!   child-labour rules (the youngest the child can be, so the strictest rules apply).

use chrono::{Datelike, Days, NaiveDate};

use crate::casework::BirthDate;

/// The `age`th birthday of someone born on `born`. 29 February becomes 28 February in a
/// year without one.
pub(crate) fn birthday(born: NaiveDate, age: u8) -> Option<NaiveDate> {
    let year = born.year().checked_add(i32::from(age))?;
    NaiveDate::from_ymd_opt(year, born.month(), born.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
}

/// The last day on which someone born on `born` is still under `age`.
pub(crate) fn last_day_under(born: NaiveDate, age: u8) -> Option<NaiveDate> {
    birthday(born, age)?.checked_sub_days(Days::new(1))
}

/// The earliest the child can have been born: for deadlines.
pub(crate) fn earliest_birth(birth: &BirthDate) -> Option<NaiveDate> {
    match birth {
        BirthDate::Exact(d) => Some(*d),
        BirthDate::Estimated { year } => NaiveDate::from_ymd_opt(*year, 1, 1),
    }
}

/// The latest the child can have been born: for the child-labour rules.
pub(crate) fn latest_birth(birth: &BirthDate) -> Option<NaiveDate> {
    match birth {
        BirthDate::Exact(d) => Some(*d),
        BirthDate::Estimated { year } => NaiveDate::from_ymd_opt(*year, 12, 31),
    }
}

/// The youngest age the child can be on `on`; `None` before they can have been born.
pub(crate) fn youngest_age_on(birth: &BirthDate, on: NaiveDate) -> Option<u32> {
    on.years_since(latest_birth(birth)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn the_last_day_under_an_age_is_the_day_before_the_birthday() {
        assert_eq!(birthday(day(2006, 6, 15), 21), Some(day(2027, 6, 15)));
        assert_eq!(last_day_under(day(2006, 6, 15), 21), Some(day(2027, 6, 14)));
        assert_eq!(last_day_under(day(2008, 1, 1), 18), Some(day(2025, 12, 31)));
    }

    #[test]
    fn a_leap_day_birthday_is_kept_on_28_february() {
        assert_eq!(birthday(day(2004, 2, 29), 21), Some(day(2025, 2, 28)));
        assert_eq!(last_day_under(day(2004, 2, 29), 21), Some(day(2025, 2, 27)));
        // In a leap year the birthday is the real one.
        assert_eq!(birthday(day(2004, 2, 29), 20), Some(day(2024, 2, 29)));
    }

    #[test]
    fn an_estimated_year_is_read_in_the_safe_direction() {
        let estimated = BirthDate::Estimated { year: 2011 };
        assert_eq!(earliest_birth(&estimated), Some(day(2011, 1, 1)));
        assert_eq!(latest_birth(&estimated), Some(day(2011, 12, 31)));
        // On 1 December 2026 the child could be 15, but could still be 14: the labour rules
        // read 14.
        assert_eq!(youngest_age_on(&estimated, day(2026, 12, 1)), Some(14));
        assert_eq!(youngest_age_on(&estimated, day(2026, 12, 31)), Some(15));
        let exact = BirthDate::Exact(day(2011, 5, 2));
        assert_eq!(youngest_age_on(&exact, day(2026, 5, 1)), Some(14));
        assert_eq!(youngest_age_on(&exact, day(2026, 5, 2)), Some(15));
        assert_eq!(youngest_age_on(&exact, day(2010, 1, 1)), None);
    }
}
