//! Follow-up through the `tether` CLI: the call queue, three failed attempts, escalation, red
//! flags. Dates are fixed and in the past, so the test reads the same on any later day.

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, SECOND_VOLUNTEER, VOLUNTEER_PASS};

/// A release row; `sponsor` decides who the sponsor is (same name + phone = same sponsor).
fn row(given: &str, a_number: &str, release: &str, sponsor: (&str, &str, &str, &str)) -> String {
    let (name, category, phone, street) = sponsor;
    format!(
        "{given},Ramírez,2011-04-0{},{a_number},GT,mam,sí,{release},,{name},Xicará,tía,{category},{phone},{street},Apt 2,Houston,TX,77002,not_served,,,",
        1 + a_number.len() % 8
    )
}

#[test]
fn three_failed_attempts_make_a_child_unreached_with_an_escalation_and_a_red_flag() {
    let clinic = Clinic::with_admin();
    // Released Friday 2026-09-04: release + 30 is Sunday 2026-10-04, so the call is due Monday.
    clinic.import(&[
        row(
            "José",
            "A200000001",
            "2026-09-04",
            ("Rosa", "1", "+1 713 555 0101", "1 Main St"),
        ),
        row(
            "Lucía",
            "A200000002",
            "2026-09-04",
            ("Inés", "2A", "+1 212 555 0102", "2 Oak St"),
        ),
    ]);
    let due = clinic.admin_json(&["calls", "due", "--on", "2026-10-05", "--json"]);
    let due = due.as_array().expect("list");
    assert_eq!(due.len(), 2);
    let jose = due
        .iter()
        .find(|c| c["child_name"] == "José Ramírez")
        .expect("José is due");
    for key in [
        "task_id",
        "child_id",
        "case_number",
        "child_name",
        "sponsor_name",
        "sponsor_phone",
        "attempt",
        "due_on",
        "overdue",
        "sponsor_local_time",
        "callable_now",
        "language",
        "interpreter_needed",
    ] {
        assert!(jose.get(key).is_some(), "calls due --json has {key}");
    }
    assert_eq!(jose["due_on"], "2026-10-05");
    assert_eq!(jose["attempt"], 1);
    assert_eq!(jose["sponsor_phone"], "+17135550101");
    // Overdue is measured against today, and 2026-10-05 is in the past whenever this runs.
    assert_eq!(jose["overdue"], true);
    assert_eq!(jose["language"], "mam");
    assert_eq!(jose["interpreter_needed"], true);
    assert!(clinic
        .admin_json(&["calls", "due", "--on", "2026-10-02", "--json"])
        .as_array()
        .is_some_and(Vec::is_empty));

    let case = jose["case_number"].as_str().expect("case").to_owned();
    let attempts = [
        ("2026-10-05 10:00", 2, "2026-10-06"),
        ("2026-10-06 10:00", 3, "2026-10-07"),
    ];
    for (at, next_attempt, next_due) in attempts {
        let logged = clinic.admin_json(&[
            "calls",
            "log",
            &case,
            "--outcome",
            "no_answer",
            "--at",
            at,
            "--json",
        ]);
        assert_eq!(logged["call_status"], "open");
        assert_eq!(logged["next_due_on"], next_due);
        let due = clinic.admin_json(&["calls", "due", "--on", next_due, "--json"]);
        let again = due
            .as_array()
            .and_then(|d| {
                d.iter()
                    .find(|c| c["case_number"] == case.as_str())
                    .cloned()
            })
            .expect("next attempt due");
        assert_eq!(again["attempt"], next_attempt);
    }
    let last = clinic.admin_json(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "no_answer",
        "--at",
        "2026-10-07 18:30",
        "--note",
        "buzón lleno",
        "--json",
    ]);
    assert_eq!(last["call_status"], "unreached");

    let tasks = clinic.admin_json(&["tasks", "--on", "2026-10-08", "--json"]);
    let escalation = tasks
        .as_array()
        .and_then(|t| {
            t.iter()
                .find(|t| t["kind"] == "escalation" && t["case_number"] == case.as_str())
                .cloned()
        })
        .expect("an escalation task");
    assert_eq!(escalation["due_on"], "2026-10-08");
    let still_due = clinic.admin_json(&["calls", "due", "--on", "2026-12-01", "--json"]);
    assert!(
        still_due
            .as_array()
            .expect("list")
            .iter()
            .all(|c| c["case_number"] != case.as_str()),
        "no more attempts"
    );

    let flags = clinic.admin_json(&["flags", "--json"]);
    let unreached: Vec<&Value> = flags
        .as_array()
        .expect("list")
        .iter()
        .filter(|f| f["kind"] == "unreached")
        .collect();
    assert_eq!(unreached.len(), 1);
    assert!(unreached[0]["explanation_en"]
        .as_str()
        .is_some_and(|e| e.contains("José")));
    assert!(!unreached[0]["explanation_es"]
        .as_str()
        .unwrap_or("")
        .is_empty());

    // Acknowledged, never deleted.
    let id = unreached[0]["flag_id"].as_str().expect("id").to_owned();
    clinic.admin(&[
        "flags",
        "ack",
        &id,
        "--note",
        "La trabajadora social visitó la casa",
    ]);
    let flags = clinic.admin_json(&["flags", "--json"]);
    let acked = flags
        .as_array()
        .and_then(|f| f.iter().find(|f| f["flag_id"] == id.as_str()).cloned())
        .expect("still listed");
    assert_eq!(acked["acknowledged"], true);
    assert_eq!(acked["acknowledged_by"], ADMIN);

    // A safety concern escalates at once.
    let lucia = clinic.admin_json(&["search", "lucia", "--json"])[0]["case_number"]
        .as_str()
        .expect("Lucía")
        .to_owned();
    let logged = clinic.admin_json(&[
        "calls",
        "log",
        &lucia,
        "--outcome",
        "safety_concern",
        "--at",
        "2026-10-05 11:00",
        "--json",
    ]);
    assert_eq!(logged["call_status"], "escalated");
    let tasks = clinic.admin_json(&["tasks", "--on", "2026-10-05", "--json"]);
    assert!(tasks
        .as_array()
        .expect("list")
        .iter()
        .any(|t| t["kind"] == "escalation"
            && t["case_number"] == lucia.as_str()
            && t["due_on"] == "2026-10-05"));

    // Re-running the scheduler (another change) does not duplicate anything.
    let before = clinic.admin_json(&["tasks", "--on", "2027-12-31", "--json"]);
    clinic.admin(&["settings", "call-offsets", "30"]);
    assert_eq!(
        clinic.admin_json(&["tasks", "--on", "2027-12-31", "--json"]),
        before
    );
    clinic.admin(&["audit", "verify"]);
}

#[test]
fn a_sponsor_with_four_unrelated_children_raises_exactly_the_expected_flags() {
    let clinic = Clinic::with_admin();
    let sponsor = ("Rosa", "3", "+1 713 555 0199", "9 Elm St");
    clinic.import(&[
        row("José", "A200000011", "2026-11-02", sponsor),
        row("Ana", "A200000012", "2026-11-02", sponsor),
        row("Luis", "A200000013", "2026-11-03", sponsor),
        row("Marta", "A200000014", "2026-11-03", sponsor),
    ]);
    let flags = clinic.admin_json(&["flags", "--json"]);
    let mut kinds: Vec<&str> = flags
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        ["sponsor_many_children", "sponsor_several_unrelated"]
    );
    let many = &flags.as_array().expect("list")[0];
    assert!(
        many["explanation_en"]
            .as_str()
            .is_some_and(|e| e.contains('4')),
        "{many}"
    );
}

#[test]
fn calendar_has_one_event_per_task_and_hearing_and_a_volunteer_calendar_has_no_addresses() {
    let clinic = Clinic::with_admin();
    let mut rows = vec![
        row(
            "José",
            "A200000021",
            "2026-09-04",
            ("Rosa", "1", "+1 713 555 0121", "1 Main St"),
        ),
        row(
            "Ana",
            "A200000022",
            "2026-09-11",
            ("Inés", "2A", "+1 212 555 0122", "2 Oak St"),
        ),
    ];
    // Ana has a hearing in Houston on October 21 at 09:00 court time, far enough ahead that its
    // reminders stay in the future whenever this test runs.
    let hearing = tether_tests::october_21_ahead();
    let year = chrono::Datelike::year(&hearing);
    let (october_1, october_31) = (format!("{year}-10-01"), format!("{year}-10-31"));
    rows[1] = rows[1].replace(
        "not_served,,,",
        &format!("served,2026-09-20,HOU,{hearing} 09:00"),
    );
    clinic.import(&rows);
    clinic.add_volunteer(SECOND_VOLUNTEER);

    let tasks = clinic.admin_json(&["tasks", "--on", &october_31, "--json"]);
    let in_range = tasks
        .as_array()
        .expect("list")
        .iter()
        .filter(|t| {
            t["due_on"]
                .as_str()
                .is_some_and(|d| d >= october_1.as_str())
        })
        .count();
    assert_eq!(
        in_range, 2,
        "the 7-day and 1-day hearing reminders: {tasks}"
    );

    let out = clinic.root().join("october.ics");
    clinic.admin(&[
        "calendar",
        "--from",
        &october_1,
        "--to",
        &october_31,
        "--out",
        out.to_str().expect("path"),
    ]);
    let text = std::fs::read_to_string(&out).expect("ics");
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .and_then(Result::ok)
        .expect("an independent parser reads it");
    assert_eq!(
        calendar.events.len(),
        in_range + 1,
        "one event per task and hearing"
    );
    let hearing = calendar
        .events
        .iter()
        .find(|e| {
            e.properties.iter().any(|p| {
                p.name == "DTSTART"
                    && p.value.as_deref() == Some(format!("{year}1021T090000").as_str())
            })
        })
        .expect("the hearing at 09:00 court time");
    assert!(
        hearing
            .properties
            .iter()
            .any(|p| p.name == "LOCATION"
                && p.value.as_deref().is_some_and(|v| v.contains("Houston")))
    );

    // The volunteer's calendar: calls and reminders, no hearings, no addresses, no A-Numbers.
    let volunteer_out = clinic.root().join("volunteer.ics");
    let output = clinic.run(
        SECOND_VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "calendar",
            "--from",
            &october_1,
            "--to",
            &october_31,
            "--out",
            volunteer_out.to_str().expect("path"),
        ],
        &[],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&volunteer_out).expect("ics");
    for secret in [
        "A200000021",
        "200000022",
        "Main St",
        "Oak St",
        "LOCATION",
        "Ramírez",
    ] {
        assert!(!text.contains(secret), "volunteer calendar leaks {secret}");
    }
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .and_then(Result::ok)
        .expect("parses");
    // The staff calendar's two hearing reminders give the hearing date away (7 and 1 days
    // before): a volunteer gets call tasks only, and no call falls in these days.
    assert_eq!(
        calendar.events.len(),
        0,
        "no hearing reminders for volunteers"
    );
}

#[test]
fn a_new_address_learned_on_a_call_moves_the_sponsor_and_starts_the_eoir33_deadline() {
    let clinic = Clinic::with_admin();
    clinic.import(&[row(
        "José",
        "A200000031",
        "2026-09-04",
        ("Rosa", "1", "+1 713 555 0131", "1 Main St"),
    )]);
    let case = clinic.admin_json(&["search", "A200000031", "--json"])[0]["case_number"]
        .as_str()
        .expect("found")
        .to_owned();
    // Monday 2026-11-23: five working days skip Thanksgiving (Thursday 26) → Tuesday 2026-12-01.
    let answers = r#"{"still_with_sponsor":true,"enrolled_in_school":true,"knows_court_date":false,"feels_safe":true,"new_address":{"line1":"77 Calle Ñuñoa","unit":"Apt 5","city":"Dallas","state":"TX","zip":"75201"}}"#;
    let logged = clinic.admin_json(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "reached_sponsor",
        "--at",
        "2026-11-23 10:15",
        "--answers",
        answers,
        "--json",
    ]);
    assert_eq!(logged["call_status"], "reached");
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    assert_eq!(child["sponsor"]["address"]["city"], "Dallas");
    let sponsor_id = child["sponsor"]["id"]
        .as_i64()
        .expect("sponsor")
        .to_string();
    let sponsor = clinic.admin_json(&["sponsor", "show", &sponsor_id, "--json"]);
    assert_eq!(sponsor["address_history"][0]["recorded_on"], "2026-11-23");
    let tasks = clinic.admin_json(&["tasks", "--on", "2026-12-31", "--json"]);
    let eoir33 = tasks
        .as_array()
        .and_then(|t| t.iter().find(|t| t["kind"] == "eoir33").cloned())
        .expect("an EOIR-33 task");
    assert_eq!(eoir33["due_on"], "2026-12-01");

    // Unknown keys in the answers are refused, naming the field; nothing is logged.
    let out = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &[
            "calls",
            "log",
            &case,
            "--outcome",
            "no_answer",
            "--answers",
            r#"{"feels_great":true}"#,
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&out.stderr).contains("answers"));
}
