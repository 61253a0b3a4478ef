//! Calls and hearings as an iCalendar (RFC 5545) file, through the `icalendar` crate.
//! The caller decides what each entry says; redaction per role happens before this.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

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
    let mut calendar = Calendar::new();
    calendar.name(name);
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
                match time_zone.parse::<chrono_tz::Tz>() {
                    Ok(tz) => {
                        event.starts((*local, tz)).ends((end, tz));
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
    calendar.done().to_string()
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
