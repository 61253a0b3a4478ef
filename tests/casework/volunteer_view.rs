//! What a volunteer receives, field by field, from every command that answers in JSON: the
//! allow-lists below are README's "Roles" table. A volunteer makes Safety & Well-Being calls and
//! needs the child's given name and family initial, the sponsor's name, phones and local calling
//! window, the language and interpreter, the call due and the earlier attempts; nothing else.

use std::collections::BTreeSet;
use std::fs;

use serde_json::Value;
use tether_core::casework::volunteer_fields::{
    CALL_DUE, CALL_LOGGED, CHILD, PRIOR_ATTEMPT, SPONSOR, SUMMARY, TASK,
};
use tether_tests::{Clinic, VOLUNTEER, VOLUNTEER_PASS};

use super::add_jose;

/// Keys a volunteer may receive only as an empty list or text (kept for the JSON's shape).
const EMPTY: &[&str] = &[
    "aliases",
    "notes",
    "hearings",
    "address_history",
    "merged_from",
    "household",
];
/// Every key of `object` is allowed, or allowed empty; returns the object.
fn only<'a>(object: &'a Value, allowed: &[&str], what: &str) -> &'a serde_json::Map<String, Value> {
    let map = object
        .as_object()
        .unwrap_or_else(|| panic!("{what} is an object: {object}"));
    for (key, value) in map {
        if allowed.contains(&key.as_str()) {
            continue;
        }
        let empty = value.as_array().is_some_and(Vec::is_empty) || value.as_str() == Some("");
        assert!(
            EMPTY.contains(&key.as_str()) && empty,
            "a volunteer receives {what}.{key} = {value}, which README's Roles table does not list"
        );
    }
    map
}

fn sponsor(value: &Value, what: &str) {
    let map = only(value, SPONSOR, what);
    for child in map
        .get("children")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        only(child, SUMMARY, &format!("{what}.children[]"));
    }
}

/// Nothing a volunteer may not see appears anywhere in `text` (A-Number, birth date and year,
/// address, court, hearing, relationship, category, NTA status, release date).
fn no_secrets(text: &str, what: &str) {
    for secret in [
        "123456789",
        "2010",
        "Ñuñoa",
        "77002",
        "Apt 3",
        "HOU",
        "Houston",
        "2027-01",
        "tía",
        "2A",
        "not_served",
        "2026-10-01",
        "Casa Hogar",
    ] {
        assert!(
            !text.contains(secret),
            "{what} gives a volunteer {secret:?}: {text}"
        );
    }
}

#[test]
fn a_volunteer_receives_exactly_what_the_calls_need_from_every_command() {
    let clinic = Clinic::with_staff();
    let case = add_jose(&clinic);
    clinic.admin(&[
        "child",
        "edit",
        &case,
        "--sex",
        "male",
        "--country",
        "GT",
        "--orr-program",
        "Casa Hogar",
    ]);
    let vol = |args: &[&str]| clinic.json(VOLUNTEER, VOLUNTEER_PASS, args);

    // A first attempt, so the queue carries an earlier outcome.
    let logged = clinic.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "calls",
            "log",
            &case,
            "--outcome",
            "no_answer",
            "--at",
            "2026-11-02 10:00",
            "--json",
        ],
        &[],
    );
    let logged: Value = serde_json::from_str(&logged).expect("JSON");
    only(&logged, CALL_LOGGED, "calls log");

    let child = vol(&["child", "show", &case, "--json"]);
    only(&child, CHILD, "child show");
    sponsor(&child["sponsor"], "child show.sponsor");
    assert_eq!(child["given_name"], "José");
    assert_eq!(child["family_name"], "R.");
    assert_eq!(child["sponsor"]["phones"][0], "+50251234567");
    assert_eq!(child["sponsor"]["time_zone"], "America/Chicago");
    no_secrets(&child.to_string(), "child show");

    for (args, what) in [
        (vec!["child", "list", "--json"], "child list"),
        (vec!["search", "José", "--json"], "search"),
    ] {
        let list = vol(&args);
        assert!(
            !list.as_array().expect("list").is_empty(),
            "{what} finds José"
        );
        for item in list.as_array().expect("list") {
            only(item, SUMMARY, what);
        }
        no_secrets(&list.to_string(), what);
    }

    let id = child["sponsor"]["id"].to_string();
    let shown = vol(&["sponsor", "show", &id, "--json"]);
    sponsor(&shown, "sponsor show");
    no_secrets(&shown.to_string(), "sponsor show");
    let all = vol(&["sponsor", "list", "--json"]);
    for s in all.as_array().expect("list") {
        sponsor(s, "sponsor list");
    }
    no_secrets(&all.to_string(), "sponsor list");

    let due = vol(&["calls", "due", "--on", "2099-12-31", "--json"]);
    let calls = due.as_array().expect("list");
    assert_eq!(calls.len(), 1, "{due}");
    only(&calls[0], CALL_DUE, "calls due");
    assert_eq!(calls[0]["child_name"], "José R.");
    assert_eq!(calls[0]["sponsor_phones"][0], "+50251234567");
    assert_eq!(calls[0]["calling_window"], "09:00–20:00");
    assert_eq!(calls[0]["attempt"], 2);
    for prior in calls[0]["prior_attempts"].as_array().expect("attempts") {
        only(prior, PRIOR_ATTEMPT, "calls due.prior_attempts[]");
    }
    assert_eq!(calls[0]["prior_attempts"][0]["outcome"], "no_answer");
    no_secrets(&due.to_string(), "calls due");

    // The attack: hearing reminders fall 7 and 1 days before the hearing, so asking for every
    // task up to 2099 used to give every hearing date away. Volunteers get call tasks only.
    let tasks = vol(&["tasks", "--on", "2099-12-31", "--json"]);
    let kinds: BTreeSet<&str> = tasks
        .as_array()
        .expect("list")
        .iter()
        .map(|t| {
            only(t, TASK, "tasks");
            t["kind"].as_str().expect("kind")
        })
        .collect();
    assert_eq!(kinds, BTreeSet::from(["swb_call"]), "{tasks}");
    no_secrets(&tasks.to_string(), "tasks");
    let staff_kinds = clinic
        .admin_json(&["tasks", "--on", "2099-12-31", "--json"])
        .to_string();
    assert!(
        staff_kinds.contains("hearing_reminder"),
        "staff still get every task"
    );

    let ics = clinic.path("volunteer.ics");
    clinic.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "calendar",
            "--from",
            "2026-01-01",
            "--to",
            "2099-12-31",
            "--out",
            ics.to_str().expect("path"),
        ],
        &[],
    );
    let calendar = fs::read_to_string(&ics).expect("calendar");
    assert!(calendar.contains("Well-Being"), "{calendar}");
    assert!(
        !calendar.contains("hearing"),
        "no hearings for volunteers: {calendar}"
    );
    no_secrets(&calendar, "calendar");
}
