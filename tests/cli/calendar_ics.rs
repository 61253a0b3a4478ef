//! The `.ics` calendar against an independent parser: Debian's `python3-icalendar` reads the
//! file `tether calendar` writes, turns each VTIMEZONE into a time zone of its own (no tz
//! database: only what the file says) and places every timed event in UTC. Skipped with a
//! message only when /usr/bin/python3 lacks the module and TETHER_REQUIRE_REFERENCE is unset.

use serde_json::Value;
use tether_tests::{python_reference, Clinic};

const SCRIPT: &str = r#"
import json, sys
from datetime import timezone
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
zones = {str(c["TZID"]): c.to_tz() for c in cal.walk("VTIMEZONE")}
events = []
for ev in cal.walk("VEVENT"):
    start = ev["DTSTART"]
    tzid = start.params.get("TZID")
    if tzid is None:
        continue
    wall = start.dt.replace(tzinfo=None)
    utc = zones[tzid].localize(wall).astimezone(timezone.utc) if tzid in zones else None
    events.append({"summary": str(ev["SUMMARY"]), "tzid": str(tzid),
                   "utc": utc.strftime("%Y-%m-%dT%H:%MZ") if utc else None})
print(json.dumps({"prodid": str(cal["PRODID"]), "zones": sorted(zones), "events": events}))
"#;

/// A child with a hearing at `court` on `at` (court time).
fn row(given: &str, a_number: &str, court: &str, at: &str) -> String {
    format!(
        "{given},Ramírez,2011-04-01,{a_number},GT,mam,sí,2026-09-04,,Rosa {given},Xicará,tía,1,\
         +502 5123 45{},45 Calle Ñuñoa,Apt 3,Houston,TX,77002,served,2026-09-20,{court},{at}",
        &a_number[a_number.len() - 2..]
    )
}

#[test]
fn every_time_zone_of_the_calendar_is_in_the_file_and_places_hearings_right() {
    let clinic = Clinic::with_admin();
    clinic.import(&[
        // Houston on standard time, then on daylight time; Los Angeles after the change back;
        // Phoenix, which keeps standard time all summer.
        row("José", "A400000011", "HOU", "2027-01-15 09:00"),
        row("Lucía", "A400000012", "HOU", "2027-03-15 09:00"),
        row("Iván", "A400000013", "WLA", "2027-11-08 08:30"),
        row("Marta", "A400000014", "PHO", "2027-07-01 10:00"),
    ]);
    let out = clinic.path("2027.ics");
    clinic.admin(&[
        "calendar",
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    let text = std::fs::read_to_string(&out).expect("the calendar file");
    assert!(text.contains("\r\nPRODID:-//Tether//Tether "), "{text}");

    let Some(parsed) = python_reference("icalendar", "python3-icalendar", SCRIPT, &text) else {
        return;
    };
    let parsed: Value = serde_json::from_str(&parsed).expect("JSON from the script");
    assert!(
        parsed["prodid"]
            .as_str()
            .is_some_and(|p| p.starts_with("-//Tether//Tether ") && p.ends_with("//EN")),
        "{parsed}"
    );
    assert_eq!(
        parsed["zones"],
        serde_json::json!(["America/Chicago", "America/Los_Angeles", "America/Phoenix"])
    );
    let mut placed: Vec<(String, String)> = parsed["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            let who = e["summary"].as_str().unwrap_or_default();
            let given = who
                .split(": ")
                .nth(1)
                .and_then(|n| n.split(' ').next())
                .unwrap_or(who);
            (
                given.to_owned(),
                e["utc"].as_str().unwrap_or("no VTIMEZONE").to_owned(),
            )
        })
        .collect();
    placed.sort();
    assert_eq!(
        placed,
        [
            ("Iván".to_owned(), "2027-11-08T16:30Z".to_owned()),
            ("José".to_owned(), "2027-01-15T15:00Z".to_owned()),
            ("Lucía".to_owned(), "2027-03-15T14:00Z".to_owned()),
            ("Marta".to_owned(), "2027-07-01T17:00Z".to_owned()),
        ]
    );
}
