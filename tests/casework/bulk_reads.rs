//! Bulk reads are audited: each list, search, queue and calendar appends one entry with the
//! number of records it returned, so a volunteer listing every sponsor's phone leaves a trace.

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER, VOLUNTEER_PASS};

use super::add_jose;

/// The newest entry of `action` by the volunteer, and its count.
fn volunteer_entry(log: &[Value], action: &str) -> Option<u64> {
    log.iter()
        .find(|e| e["action"] == action && e["actor"] == VOLUNTEER)
        .map(|e| e["count"].as_u64().unwrap_or(u64::MAX))
}

fn len(value: &Value) -> u64 {
    value.as_array().map_or(u64::MAX, |a| a.len() as u64)
}

#[test]
fn sponsor_list_calls_due_tasks_search_and_calendar_each_leave_one_entry_with_a_count() {
    let clinic = Clinic::with_staff();
    add_jose(&clinic);
    let before = clinic.audit().len();

    let sponsors = clinic.volunteer_json(&["sponsor", "list", "--json"]);
    let calls = clinic.volunteer_json(&["calls", "due", "--on", "2027-12-31", "--json"]);
    let tasks = clinic.volunteer_json(&["tasks", "--on", "2027-12-31", "--json"]);
    let found = clinic.volunteer_json(&["search", "rosa", "--json"]);
    let ics = clinic.path("josé.ics");
    let printed = clinic.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "calendar",
            "--from",
            "2026-10-01",
            "--to",
            "2027-12-31",
            "--out",
            ics.to_str().expect("utf-8 path"),
        ],
        &[],
    );
    let events: u64 = printed
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("N events written");
    assert!(
        len(&calls) >= 1 && len(&tasks) >= 1 && events >= 1,
        "{printed}"
    );

    let log = clinic.audit();
    assert_eq!(
        volunteer_entry(&log, "sponsors_listed"),
        Some(len(&sponsors))
    );
    assert_eq!(volunteer_entry(&log, "calls_due_listed"), Some(len(&calls)));
    assert_eq!(volunteer_entry(&log, "tasks_listed"), Some(len(&tasks)));
    assert_eq!(
        volunteer_entry(&log, "children_searched"),
        Some(len(&found))
    );
    assert_eq!(volunteer_entry(&log, "calendar_exported"), Some(events));

    // One entry per read: five reads, five sign-ins, and the audit read that came between.
    let new: Vec<&Value> = log[..log.len() - before].iter().collect();
    let reads = new
        .iter()
        .filter(|e| e["actor"] == VOLUNTEER && e["action"] != "signed_in")
        .count();
    assert_eq!(reads, 5, "{new:?}");
    // Every new entry names its actor by id too, which a rename cannot change.
    assert!(
        new.iter().all(|e| e["actor_id"].as_i64().is_some()),
        "{new:?}"
    );
}

/// `child list` in a vault larger than its page says so on stderr (never inside the JSON
/// array), and `--limit`/`--offset` page through the rest.
#[test]
fn child_list_says_when_it_shows_only_part_of_the_vault() {
    let clinic = Clinic::with_admin();
    clinic.admin(&["demo", "--children", "1005", "--seed", "11"]);

    let out = clinic.run(ADMIN, ADMIN_PASS, &["child", "list", "--json"], &[]);
    assert!(out.status.success());
    let page: Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    assert_eq!(page.as_array().map(Vec::len), Some(1000));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "showing 1,000 of 1,005; use --limit/--offset"
    );

    let out = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &["child", "list", "--limit", "10", "--offset", "1000"],
        &[],
    );
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 5);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "showing 5 of 1,005 from number 1,001; use --limit/--offset"
    );

    let all = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &["child", "list", "--limit", "2000"],
        &[],
    );
    assert!(all.status.success());
    assert!(
        all.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 1005);

    let err = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["child", "list", "--limit", "0"],
        &[],
        8,
    );
    assert!(err.contains("limit"), "{err}");
}
