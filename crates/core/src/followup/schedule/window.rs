//! The calling window: when, in the sponsor's own time zone, a sponsor may be called.

use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};

/// A time of day in a `const` (an out-of-range time, never written here, reads as midnight).
pub(super) const fn time(hour: u32, min: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, min, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    }
}

/// Default calling window start, in the sponsor's local time.
pub const DEFAULT_CALLING_START: NaiveTime = time(9, 0);
/// Default calling window end (exclusive), in the sponsor's local time.
pub const DEFAULT_CALLING_END: NaiveTime = time(20, 0);

/// The sponsor's wall-clock time at `now`, for an IANA zone name (`America/New_York`).
/// An unknown zone gives `None`.
pub fn sponsor_local_time(now: DateTime<Utc>, tz: &str) -> Option<NaiveDateTime> {
    let zone: chrono_tz::Tz = tz.trim().parse().ok()?;
    Some(now.with_timezone(&zone).naive_local())
}

/// Whether `now` is inside the calling window in the sponsor's zone. The window's start is
/// inclusive and its end exclusive; a window whose end is before its start wraps past
/// midnight. An unknown zone is never callable.
pub fn callable_now(now: DateTime<Utc>, tz: &str, window: (NaiveTime, NaiveTime)) -> bool {
    let Some(local) = sponsor_local_time(now, tz) else {
        return false;
    };
    let t = local.time();
    let (start, end) = window;
    if start <= end {
        start <= t && t < end
    } else {
        t >= start || t < end
    }
}
