//! Calls and hearings as an iCalendar (RFC 5545) file, through the `icalendar` crate.
//! The caller decides what each entry says; redaction per role happens before this.
//!
//! Two things the crate leaves out are added here: every `TZID` an event names gets its
//! `VTIMEZONE` component (RFC 5545 §3.6.5), generated from chrono-tz's tz database for the
//! years the events span, one `STANDARD`/`DAYLIGHT` observance per offset change; and the
//! `PRODID` names Tether, not the library.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::{Calendar, Component, Event, EventLike, Property};

/// `-//Tether//Tether 0.1.0//EN`: who made the file (RFC 5545 §3.7.3).
pub const PRODID: &str = concat!("-//Tether//Tether ", env!("CARGO_PKG_VERSION"), "//EN");

/// One event. Tasks are all-day on their due date; hearings are timed in the court's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    /// Stable across exports, so calendar apps update rather than duplicate.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub when: When,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    AllDay(NaiveDate),
    /// Local time in an IANA zone, lasting `minutes`.
    At {
        local: NaiveDateTime,
        time_zone: String,
        minutes: u32,
    },
}

/// Renders the calendar. `stamp` is the DTSTAMP of every event (a parameter, for tests).
pub fn render(name: &str, entries: &[CalendarEntry], stamp: DateTime<Utc>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.name(name);
    // Each zone an event is timed in, with the years its events fall in.
    let mut zones: BTreeMap<String, (Tz, i32, i32)> = BTreeMap::new();
    for e in entries {
        let mut event = Event::new();
        event
            .uid(&e.uid)
            .timestamp(stamp)
            .summary(&e.summary)
            .description(&e.description);
        if let Some(location) = &e.location {
            event.location(location);
        }
        match &e.when {
            // RFC 5545: an all-day event ends (exclusively) on the next day.
            When::AllDay(day) => {
                event.starts(*day).ends(day.succ_opt().unwrap_or(*day));
            }
            When::At {
                local,
                time_zone,
                minutes,
            } => {
                let end = *local + chrono::Duration::minutes(i64::from(*minutes));
                match time_zone.parse::<Tz>() {
                    Ok(tz) => {
                        event.starts((*local, tz)).ends((end, tz));
                        let (first, last) = (local.year(), end.year());
                        zones
                            .entry(tz.name().to_owned())
                            .and_modify(|(_, from, to)| {
                                *from = (*from).min(first);
                                *to = (*to).max(last);
                            })
                            .or_insert((tz, first, last));
                    }
                    // An unknown zone: floating local time is still the right wall-clock time.
                    Err(_) => {
                        event.starts(*local).ends(end);
                    }
                }
            }
        }
        calendar.push(event.done());
    }
    let text = calendar.done().to_string();
    let timezones: String = zones
        .values()
        .map(|(tz, from, to)| vtimezone(*tz, *from, *to))
        .collect();
    // Before the first event (or the end): a reader meets each zone before the times in it.
    let at = text
        .find("BEGIN:VEVENT\r\n")
        .or_else(|| text.rfind("END:VCALENDAR"))
        .unwrap_or(text.len());
    format!("{}{timezones}{}", &text[..at], &text[at..])
}

/// One offset in force in a zone: its UTC offset, whether it is daylight time, its name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observance {
    offset_seconds: i32,
    daylight: bool,
    name: Option<String>,
}

fn observance(tz: Tz, at: DateTime<Utc>) -> Observance {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    Observance {
        offset_seconds: offset.fix().local_minus_utc(),
        daylight: offset.dst_offset() != Duration::zero(),
        name: offset.abbreviation().map(str::to_owned),
    }
}

/// The zone's `VTIMEZONE` for the years `from..=to`: the observance in force on January 1 of
/// `from`, then one per change of offset until the end of `to` (found hour by hour, then to
/// the second), each starting at its local wall-clock time before the change.
fn vtimezone(tz: Tz, from: i32, to: i32) -> String {
    // Midnight of January 1 in the zone itself (no zone changes its clocks then).
    let new_year = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .and_then(|midnight| tz.from_local_datetime(&midnight).earliest())
            .map(|local| local.with_timezone(&Utc))
    };
    let start = new_year(from).unwrap_or(DateTime::<Utc>::MIN_UTC);
    let end = new_year(to.saturating_add(1)).unwrap_or(start);
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let mut current = observance(tz, start);
    push_observance(&mut out, start, &current, &current);
    let mut t = start;
    while t < end {
        let next = t + Duration::hours(1);
        let seen = observance(tz, next);
        if seen != current {
            // Narrow the change down to the second: offsets change on whole seconds.
            let (mut before, mut after) = (t, next);
            while after - before > Duration::seconds(1) {
                let mid = before + (after - before) / 2;
                if observance(tz, mid) == current {
                    before = mid;
                } else {
                    after = mid;
                }
            }
            push_observance(&mut out, after, &current, &seen);
            current = seen;
        }
        t = next;
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

/// A `STANDARD` or `DAYLIGHT` block for the change at `at` from `before` to `after`; its
/// DTSTART is local time in the offset it changes from (RFC 5545 §3.6.5).
fn push_observance(out: &mut String, at: DateTime<Utc>, before: &Observance, after: &Observance) {
    let kind = if after.daylight {
        "DAYLIGHT"
    } else {
        "STANDARD"
    };
    let local = at.naive_utc() + Duration::seconds(i64::from(before.offset_seconds));
    let _ = write!(
        out,
        "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
        local.format("%Y%m%dT%H%M%S"),
        utc_offset(before.offset_seconds),
        utc_offset(after.offset_seconds),
    );
    if let Some(name) = &after.name {
        let _ = write!(out, "TZNAME:{name}\r\n");
    }
    let _ = write!(out, "END:{kind}\r\n");
}

/// `-0600`, `+0530` (RFC 5545 UTC-OFFSET; seconds only when there are some).
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<CalendarEntry> {
        vec![
            CalendarEntry {
                uid: "task-1@tether".into(),
                summary: "Llamada de bienestar: José R. (intento 1)".into(),
                description: "Safety & Well-Being call, attempt 1".into(),
                location: None,
                when: When::AllDay(NaiveDate::from_ymd_opt(2026, 11, 9).unwrap_or_default()),
            },
            CalendarEntry {
                uid: "hearing-7@tether".into(),
                summary: "Master hearing: José Ramírez (T-2026-000001)".into(),
                description: "Houston immigration court".into(),
                location: Some("1919 Smith Street, Suite 900, Houston, TX 77002".into()),
                when: When::At {
                    local: NaiveDate::from_ymd_opt(2027, 1, 5)
                        .and_then(|d| d.and_hms_opt(9, 0, 0))
                        .unwrap_or_default(),
                    time_zone: "America/Chicago".into(),
                    minutes: 60,
                },
            },
        ]
    }

    /// Every TZID= an event names, and every VTIMEZONE's TZID.
    fn tzids(text: &str) -> (Vec<String>, Vec<String>) {
        let unfolded = text.replace("\r\n ", "");
        let mut used: Vec<String> = unfolded
            .lines()
            .filter_map(|l| l.split_once(";TZID=").map(|(_, rest)| rest))
            .filter_map(|rest| rest.split([':', ';']).next())
            .map(str::to_owned)
            .collect();
        used.sort();
        used.dedup();
        let defined: Vec<String> = unfolded
            .lines()
            .filter_map(|l| l.strip_prefix("TZID:"))
            .map(str::to_owned)
            .collect();
        (used, defined)
    }

    fn hearing(uid: &str, day: (i32, u32, u32), hm: (u32, u32), zone: &str) -> CalendarEntry {
        CalendarEntry {
            uid: uid.into(),
            summary: "Audiencia: Lucía Pérez".into(),
            description: "Corte de inmigración".into(),
            location: None,
            when: When::At {
                local: NaiveDate::from_ymd_opt(day.0, day.1, day.2)
                    .and_then(|d| d.and_hms_opt(hm.0, hm.1, 0))
                    .unwrap_or_default(),
                time_zone: zone.into(),
                minutes: 60,
            },
        }
    }

    #[test]
    fn every_tzid_has_its_vtimezone_and_the_prodid_names_tether() {
        let mut all = entries();
        all.push(hearing(
            "h-2@tether",
            (2027, 11, 8),
            (8, 30),
            "America/Los_Angeles",
        ));
        all.push(hearing(
            "h-3@tether",
            (2028, 3, 14),
            (13, 0),
            "America/Chicago",
        ));
        all.push(hearing(
            "h-4@tether",
            (2027, 7, 1),
            (10, 0),
            "America/Phoenix",
        ));
        let text = render("Tether", &all, Utc::now());
        let (used, defined) = tzids(&text);
        assert_eq!(
            used,
            ["America/Chicago", "America/Los_Angeles", "America/Phoenix"]
        );
        assert_eq!(
            defined.len(),
            used.len(),
            "one VTIMEZONE per zone: {defined:?}"
        );
        for zone in &used {
            assert!(defined.contains(zone), "no VTIMEZONE for {zone}");
        }
        assert!(
            text.contains(&format!(
                "\r\nPRODID:-//Tether//Tether {}//EN\r\n",
                env!("CARGO_PKG_VERSION")
            )),
            "{text}"
        );
        assert!(!text.contains("ICALENDAR-RS"));
        // Zones come before the events that use them.
        let first_event = text.find("BEGIN:VEVENT").unwrap_or(0);
        assert!(text
            .find("BEGIN:VTIMEZONE")
            .is_some_and(|z| z < first_event));
    }

    #[test]
    fn a_zones_observances_are_its_offset_changes_in_the_events_years() {
        // Chicago in 2027 and 2028: CST on January 1, then CDT from the second Sunday of March
        // at 02:00 CST, CST from the first Sunday of November at 02:00 CDT.
        let text = vtimezone(chrono_tz::America::Chicago, 2027, 2028);
        let expected = "BEGIN:VTIMEZONE\r\nTZID:America/Chicago\r\n\
            BEGIN:STANDARD\r\nDTSTART:20270101T000000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0600\r\nTZNAME:CST\r\nEND:STANDARD\r\n\
            BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500\r\nTZNAME:CDT\r\nEND:DAYLIGHT\r\n\
            BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nTZNAME:CST\r\nEND:STANDARD\r\n\
            BEGIN:DAYLIGHT\r\nDTSTART:20280312T020000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500\r\nTZNAME:CDT\r\nEND:DAYLIGHT\r\n\
            BEGIN:STANDARD\r\nDTSTART:20281105T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nTZNAME:CST\r\nEND:STANDARD\r\n\
            END:VTIMEZONE\r\n";
        assert_eq!(text, expected);
        // Phoenix keeps MST all year: one observance.
        let phoenix = vtimezone(chrono_tz::America::Phoenix, 2027, 2027);
        assert_eq!(phoenix.matches("BEGIN:STANDARD").count(), 1, "{phoenix}");
        assert!(!phoenix.contains("DAYLIGHT"));
        assert_eq!(utc_offset(-18_000), "-0500");
        assert_eq!(utc_offset(19_800), "+0530");
    }

    /// Parsed back with an independent parser (the `ical` crate).
    #[test]
    fn an_independent_parser_reads_every_event() {
        let text = render("Tether", &entries(), Utc::now());
        let mut parser = ical::IcalParser::new(text.as_bytes());
        let calendar = parser
            .next()
            .and_then(Result::ok)
            .expect("one calendar that parses");
        assert_eq!(calendar.events.len(), 2);
        assert_eq!(calendar.timezones.len(), 1);
        let prop = |i: usize, name: &str| {
            calendar.events[i]
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap_or_default()
        };
        assert_eq!(prop(0, "DTSTART"), "20261109");
        assert_eq!(prop(0, "DTEND"), "20261110");
        assert!(prop(0, "SUMMARY").contains("José"));
        assert_eq!(prop(1, "DTSTART"), "20270105T090000");
        let tzid = calendar.events[1]
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .and_then(|p| p.params.clone())
            .unwrap_or_default();
        assert!(tzid
            .iter()
            .any(|(k, v)| k == "TZID" && v.iter().any(|z| z == "America/Chicago")));
        assert!(prop(1, "LOCATION").contains("Houston"));
    }
}
