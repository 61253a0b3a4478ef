//! Release-record fixtures: the CSV header `tether import` reads, and hearing days.

/// The header of the release-records CSV that `tether import` reads (the fixtures' first line).
pub const RELEASE_HEADER: &str = "child_given_name,child_family_name,child_dob,a_number,\
country_of_birth,primary_language,interpreter_needed,release_date,orr_program,\
sponsor_given_name,sponsor_family_name,sponsor_relationship,sponsor_category,sponsor_phone,\
sponsor_address_line1,sponsor_address_line2,sponsor_city,sponsor_state,sponsor_postal_code,\
nta_status,nta_served_date,court_code,next_hearing";

/// A hearing day for tests whose reminders must still lie ahead: the next October 21 at least
/// 60 days from today. Always October 21, so Houston is on daylight time (CDT) and the month's
/// calendar window is known; only the year moves with the clock.
pub fn october_21_ahead() -> chrono::NaiveDate {
    use chrono::Datelike;
    let today = chrono::Utc::now().date_naive();
    let soonest = today + chrono::Days::new(60);
    let this_year = chrono::NaiveDate::from_ymd_opt(soonest.year(), 10, 21);
    match this_year {
        Some(day) if day >= soonest => day,
        _ => chrono::NaiveDate::from_ymd_opt(soonest.year() + 1, 10, 21)
            .expect("October 21 exists every year"),
    }
}
