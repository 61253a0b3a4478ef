//! Tests of the calling window in the sponsor's time zone.

use chrono::{NaiveDateTime, TimeZone, Utc};

use crate::followup::schedule::window::time;
use crate::followup::schedule::{
    callable_now, sponsor_local_time, ScheduleSettings, DEFAULT_CALLING_END, DEFAULT_CALLING_START,
};

#[test]
fn hawaii_and_new_york_at_the_same_instant() {
    let window = ScheduleSettings::default().calling_window;
    let local =
        |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test datetime");
    // 15:00 UTC: 10:00 in New York (EST), 05:00 in Honolulu.
    let now = Utc
        .with_ymd_and_hms(2026, 11, 9, 15, 0, 0)
        .single()
        .expect("utc");
    assert_eq!(
        sponsor_local_time(now, "America/New_York"),
        Some(local("2026-11-09 10:00"))
    );
    assert_eq!(
        sponsor_local_time(now, "Pacific/Honolulu"),
        Some(local("2026-11-09 05:00"))
    );
    assert!(callable_now(now, "America/New_York", window));
    assert!(!callable_now(now, "Pacific/Honolulu", window));

    // 02:00 UTC next day: 21:00 in New York, 16:00 in Honolulu.
    let later = Utc
        .with_ymd_and_hms(2026, 11, 10, 2, 0, 0)
        .single()
        .expect("utc");
    assert!(!callable_now(later, "America/New_York", window));
    assert!(callable_now(later, "Pacific/Honolulu", window));

    // Summer: New York on EDT (UTC-4); Hawaii has no daylight saving time.
    let summer = Utc
        .with_ymd_and_hms(2026, 7, 1, 13, 0, 0)
        .single()
        .expect("utc");
    assert_eq!(
        sponsor_local_time(summer, "America/New_York"),
        Some(local("2026-07-01 09:00"))
    );
    assert!(callable_now(summer, "America/New_York", window));
    assert!(!callable_now(summer, "Pacific/Honolulu", window));
}

#[test]
fn calling_window_edges_and_unknown_zones() {
    let window = (DEFAULT_CALLING_START, DEFAULT_CALLING_END);
    let at = |h: u32, m: u32| {
        Utc.with_ymd_and_hms(2026, 11, 9, h, m, 0)
            .single()
            .expect("utc")
    };
    // New York is UTC-5 on 2026-11-09.
    assert!(callable_now(at(14, 0), "America/New_York", window)); // 09:00
    assert!(!callable_now(at(13, 59), "America/New_York", window)); // 08:59
    assert!(callable_now(at(0, 59), "America/New_York", window)); // 19:59
    assert!(!callable_now(at(1, 0), "America/New_York", window)); // 20:00
    for tz in ["", "Mars/Olympus_Mons", "EST5EDT-nope"] {
        assert_eq!(sponsor_local_time(at(15, 0), tz), None, "{tz}");
        assert!(!callable_now(at(15, 0), tz, window), "{tz}");
    }
    // A window across midnight.
    let night = (time(22, 0), time(2, 0));
    assert!(callable_now(at(4, 0), "America/New_York", night)); // 23:00
    assert!(!callable_now(at(15, 0), "America/New_York", night)); // 10:00
}
