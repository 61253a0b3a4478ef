//! What a volunteer's window receives, IPC call by IPC call: README's "Roles" table, the same
//! allow-lists the CLI test (`tests/casework/volunteer_view.rs`) holds its JSON to. A key that
//! carries a value must be listed; a withheld one arrives empty (`null`, `""`, `[]`).

use serde::Serialize;
use serde_json::Value;
use tether_core::casework::volunteer_fields::{
    CALL_DUE, CALL_LOGGED, CHILD, PRIOR_ATTEMPT, SPONSOR, SUMMARY, TASK,
};

use crate::api::cases::search_children;
use crate::api::cases::{create_child, create_sponsor, get_child, list_children, list_sponsors};
use crate::api::followup::{
    calls_due, dashboard, hearings_between, list_tasks, log_call, red_flags,
};
use crate::api::test_support::{child, clinic, rosa, VOLUNTEER_PASS};
use crate::api::vault::{lock, unlock};
use crate::ipc::cases::{ChildInput, CreateResult, ProceedingsInput, SponsorInput};
use crate::ipc::followup::CallOutcome;
use crate::ipc::{AppError, ErrorKind};
use crate::state::AppState;

fn json(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("IPC types serialize")
}

fn withheld(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Every key of `object` that carries a value is in `allowed`.
fn only(object: &Value, allowed: &[&str], what: &str) {
    let map = object.as_object().expect("an object");
    for (key, value) in map {
        assert!(
            allowed.contains(&key.as_str()) || withheld(value),
            "a volunteer's window receives {what}.{key} = {value}, which README's Roles table does not list"
        );
    }
}

fn sponsor(value: &Value, what: &str) {
    only(value, SPONSOR, what);
    for child in value["children"].as_array().into_iter().flatten() {
        only(child, SUMMARY, &format!("{what}.children[]"));
    }
}

/// None of the case's details a volunteer may not see appears anywhere in `value`.
fn no_secrets(value: &Value, what: &str) {
    let text = value.to_string();
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
        "\"served\"",
        "2026-10-01",
        "Guatemala",
        "GT",
    ] {
        assert!(
            !text.contains(secret),
            "{what} gives a volunteer {secret:?}: {text}"
        );
    }
}

/// The admin `ana` records José Ramírez with everything a case holds; then `beto`, the
/// volunteer, signs in.
fn jose_then_volunteer() -> Result<(tempfile::TempDir, AppState, String), AppError> {
    let (dir, state) = clinic()?;
    let CreateResult::Created { id: sponsor_id, .. } = create_sponsor(
        &state,
        SponsorInput {
            address_line1: "1200 Ñuñoa St".into(),
            address_line2: "Apt 3".into(),
            ..rosa()
        },
        false,
    )?
    else {
        return Err(AppError::invalid("test", "sponsor not created"));
    };
    let CreateResult::Created {
        case_number: Some(case),
        ..
    } = create_child(
        &state,
        ChildInput {
            aliases: vec!["Chepe".into()],
            sex: "male".into(),
            orr_program: "Casa Hogar".into(),
            notes: "Asked about school in Houston".into(),
            ..child("José", "123-456-789")
        },
        ProceedingsInput {
            nta_status: "served".into(),
            nta_served_on: "2026-10-15".into(),
            court_code: "HOU".into(),
            next_hearing: "2027-01-15 09:00".into(),
        },
        Some(sponsor_id),
        false,
    )?
    else {
        return Err(AppError::invalid("test", "child not created"));
    };
    // The same record, as staff read it, holds what the volunteer's must not.
    let staff = json(&get_child(&state, case.clone())?).to_string();
    for detail in [
        "123456789",
        "Houston",
        "HOU",
        "tía",
        "2A",
        "Casa Hogar",
        "2010-05-01",
    ] {
        assert!(staff.contains(detail), "staff see {detail}: {staff}");
    }
    lock(&state);
    unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
    Ok((dir, state, case))
}

#[test]
fn a_volunteers_window_receives_exactly_what_the_calls_need() -> Result<(), AppError> {
    let (_dir, state, case) = jose_then_volunteer()?;
    let logged = json(&log_call(
        &state,
        case.clone(),
        CallOutcome::NoAnswer,
        Some("2026-11-02 10:00".into()),
        String::new(),
        None,
        None,
    )?);
    only(&logged, CALL_LOGGED, "log_call");

    let child = json(&get_child(&state, case.clone())?);
    only(&child, CHILD, "get_child");
    sponsor(&child["sponsor"], "get_child.sponsor");
    assert_eq!(child["family_name"], "R.");
    assert_eq!(child["sponsor"]["phones"][0], "+50251234567");
    no_secrets(&child, "get_child");

    let page = json(&list_children(&state, 0, 50, None, false)?);
    for item in page["items"].as_array().expect("items") {
        only(item, SUMMARY, "list_children");
    }
    no_secrets(&page, "list_children");
    let found = json(&search_children(&state, "José".into(), 10)?);
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    only(&found[0], SUMMARY, "search_children");
    no_secrets(&found, "search_children");
    // The oracle: the case number plus a right or a wrong A-Number prefix answer alike, and
    // a bare prefix finds nothing.
    for (right, wrong) in [("A12", "A98"), ("A1234", "A9876")] {
        let hit = json(&search_children(&state, format!("{case} {right}"), 10)?);
        let miss = json(&search_children(&state, format!("{case} {wrong}"), 10)?);
        assert_eq!(hit, miss, "{right} against {wrong}");
    }
    let probe = json(&search_children(&state, "A123".into(), 10)?);
    assert_eq!(probe, Value::Array(vec![]), "an A-Number prefix");

    let sponsors = json(&list_sponsors(&state)?);
    for s in sponsors.as_array().expect("list") {
        sponsor(s, "list_sponsors");
    }
    no_secrets(&sponsors, "list_sponsors");

    let due = json(&calls_due(&state, Some("2099-12-31".into()), false)?);
    assert_eq!(due.as_array().map(Vec::len), Some(1), "{due}");
    only(&due[0], CALL_DUE, "calls_due");
    assert_eq!(due[0]["prior_attempts"][0]["outcome"], "no_answer", "{due}");
    for prior in due[0]["prior_attempts"].as_array().into_iter().flatten() {
        only(prior, PRIOR_ATTEMPT, "calls_due.prior_attempts[]");
    }
    no_secrets(&due, "calls_due");

    let tasks = json(&list_tasks(&state, Some("2099-12-31".into()), false)?);
    for task in tasks.as_array().expect("list") {
        only(task, TASK, "list_tasks");
        assert_eq!(task["kind"], "swb_call", "{task}");
    }
    no_secrets(&tasks, "list_tasks");

    let counts = json(&dashboard(&state, Some("2027-01-11".into()))?);
    assert_eq!(
        (&counts["hearings_this_week"], &counts["nta_not_served"]),
        (&Value::from(0), &Value::from(0))
    );

    let hearings = json(&hearings_between(
        &state,
        "2027-01-01".into(),
        "2027-02-01".into(),
    )?);
    assert_eq!(hearings, Value::Array(vec![]), "no hearings for volunteers");

    for refused in [
        red_flags(&state).map(|_| ()),
        crate::api::addresses::pending_addresses(&state).map(|_| ()),
    ] {
        assert_eq!(
            refused.map_err(|e| e.kind),
            Err(ErrorKind::PermissionDenied)
        );
    }
    Ok(())
}
