//! A month of one case through the `tether` CLI, with fixed dates in the past: José Ramírez is
//! released on Thursday 1 October 2026; his day-30 call (Saturday 31 October → Monday
//! 2 November) fails twice, then reaches him and he says he does not feel safe. The escalation
//! and its red flag come at once and stay until a case manager records what was done. A note,
//! a move (both addresses kept), the EOIR-33 filed (its deadline flag ends) — and the history
//! holds every step, in order.

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

use super::first_case;

const ROW: &str = "José,Ramírez,2012-03-14,A201555123,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,2A,+502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,";

fn task<'a>(tasks: &'a Value, kind: &str) -> Option<&'a Value> {
    tasks
        .as_array()
        .expect("tasks are a list")
        .iter()
        .find(|t| t["kind"] == kind)
}

fn flag_kinds(clinic: &Clinic) -> Vec<String> {
    clinic
        .admin_json(&["flags", "--json"])
        .as_array()
        .expect("flags are a list")
        .iter()
        .map(|f| f["kind"].as_str().expect("kind").to_owned())
        .collect()
}

#[test]
fn a_month_of_one_case_is_in_its_history_in_order() {
    let clinic = Clinic::with_admin();
    clinic.import(&[ROW]);
    let case = first_case(&clinic);

    for at in ["2026-11-02 10:00", "2026-11-03 17:30"] {
        clinic.admin(&["calls", "log", &case, "--outcome", "no_answer", "--at", at]);
    }
    let reached = clinic.admin_json(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "reached_child",
        "--at",
        "2026-11-04 18:15",
        "--note",
        "Habla bajito; dice que el tío le grita.",
        "--answers",
        r#"{"still_with_sponsor":true,"enrolled_in_school":true,"knows_court_date":true,"feels_safe":false}"#,
        "--json",
    ]);
    assert_eq!(reached["call_status"], "reached");

    // The answer counts: an escalation due the day of the call, and a red flag.
    let tasks = clinic.admin_json(&["tasks", "--on", "2026-11-04", "--json"]);
    let escalation = task(&tasks, "escalation").expect("an escalation");
    assert_eq!(escalation["due_on"], "2026-11-04");
    assert_eq!(escalation["reason"], "not_safe");
    assert!(flag_kinds(&clinic).contains(&"safety_concern".to_owned()));

    // A later, happier call does not close it: only a person does.
    clinic.admin(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "reached_sponsor",
        "--at",
        "2026-11-05 09:00",
        "--answers",
        r#"{"feels_safe":true}"#,
    ]);
    assert!(flag_kinds(&clinic).contains(&"safety_concern".to_owned()));
    let esc_id = escalation["task_id"].to_string();
    let done = clinic.admin_json(&[
        "tasks",
        "done",
        &esc_id,
        "--note",
        "Visited with Rosa; safety plan made; referred to counseling at Casa Ñuñoa.",
        "--on",
        "2026-11-05",
        "--json",
    ]);
    assert_eq!(done["done_on"], "2026-11-05");
    assert!(!flag_kinds(&clinic).contains(&"safety_concern".to_owned()));
    let again = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["tasks", "done", &esc_id, "--note", "twice"],
        &[],
        8,
    );
    assert!(again.contains("already done"), "{again}");

    clinic.admin(&[
        "note",
        "add",
        &case,
        "--text",
        "José empieza la escuela el lunes; Rosa pidió útiles.",
    ]);

    // A move: the release address stays in the history beside the new one.
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    let sponsor_id = child["sponsor"]["id"].to_string();
    clinic.admin(&[
        "sponsor",
        "move",
        &sponsor_id,
        "--address-line1",
        "500 Elm St",
        "--city",
        "Houston",
        "--state",
        "TX",
        "--zip",
        "77009",
        "--on",
        "2026-11-10",
    ]);
    let sponsor = clinic.admin_json(&["sponsor", "show", &sponsor_id, "--json"]);
    let addresses = sponsor["address_history"].as_array().expect("history");
    assert_eq!(addresses.len(), 2, "{sponsor}");
    assert_eq!(addresses[0]["address"]["line1"], "500 Elm St");
    assert_eq!(addresses[1]["address"]["line1"], "45 Calle Ñuñoa");
    assert_eq!(addresses[1]["kind"], "release");

    // The EOIR-33 is filed: its task is done and the deadline flag ends.
    let tasks = clinic.admin_json(&["tasks", "--on", "2026-11-30", "--json"]);
    let eoir = task(&tasks, "eoir33").expect("an EOIR-33 task");
    assert!(flag_kinds(&clinic).contains(&"eoir33_overdue".to_owned()));
    clinic.admin(&[
        "tasks",
        "done",
        &eoir["task_id"].to_string(),
        "--note",
        "EOIR-33 filed online (ECAS), confirmation 8841.",
        "--on",
        "2026-11-12",
    ]);
    assert!(!flag_kinds(&clinic).contains(&"eoir33_overdue".to_owned()));
    let sponsor = clinic.admin_json(&["sponsor", "show", &sponsor_id, "--json"]);
    assert_eq!(
        sponsor["address_history"][0]["eoir33_filed_on"],
        "2026-11-12"
    );

    // The history: every step, newest first.
    let history = clinic.admin_json(&["child", "history", &case, "--json"]);
    let kinds: Vec<&str> = history
        .as_array()
        .expect("a list")
        .iter()
        .rev()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "child_imported",
            "call_logged",
            "call_logged",
            "call_logged",
            "call_logged",
            "task_done",
            "note_added",
            "address_changed",
            "task_done",
        ]
    );
    let oldest_first: Vec<&Value> = history.as_array().expect("list").iter().rev().collect();
    assert_eq!(oldest_first[1]["detail"]["outcome"], "no_answer");
    assert_eq!(oldest_first[3]["detail"]["answers"]["feels_safe"], false);
    assert_eq!(
        oldest_first[3]["detail"]["note"],
        "Habla bajito; dice que el tío le grita."
    );
    assert_eq!(oldest_first[3]["actor"], ADMIN);
    assert_eq!(oldest_first[5]["detail"]["kind"], "escalation");
    assert_eq!(
        oldest_first[6]["detail"]["text"],
        "José empieza la escuela el lunes; Rosa pidió útiles."
    );
    assert_eq!(oldest_first[7]["detail"]["from"]["line1"], "45 Calle Ñuñoa");
    assert_eq!(oldest_first[7]["detail"]["to"]["line1"], "500 Elm St");
    assert_eq!(oldest_first[8]["detail"]["on"], "2026-11-12");

    // The text form reads as a timeline too.
    let text = clinic.admin(&["child", "history", &case]);
    assert!(text.contains("reached_child"), "{text}");
    assert!(
        text.contains("45 Calle Ñuñoa, Apt 3, Houston, TX, 77002 → 500 Elm St"),
        "{text}"
    );
}

#[test]
fn a_note_is_corrected_by_a_new_note_never_edited() {
    let clinic = Clinic::with_admin();
    clinic.import(&[ROW]);
    let case = first_case(&clinic);
    let first = clinic.admin_json(&[
        "note",
        "add",
        &case,
        "--text",
        "Rosa trabaja de noche.",
        "--json",
    ]);
    let first_id = first["id"].to_string();
    clinic.admin(&[
        "note",
        "add",
        &case,
        "--text",
        "Corrección: Rosa trabaja de día; el tío cuida a José de noche.",
        "--corrects",
        &first_id,
    ]);
    let history = clinic.admin_json(&["child", "history", &case, "--json"]);
    let notes: Vec<&Value> = history
        .as_array()
        .expect("list")
        .iter()
        .filter(|e| e["kind"] == "note_added")
        .collect();
    assert_eq!(notes.len(), 2);
    assert_eq!(
        notes[1]["detail"]["text"], "Rosa trabaja de noche.",
        "kept as written"
    );
    assert_eq!(notes[1]["corrected_by"], notes[0]["id"]);
    assert_eq!(notes[0]["corrects"], notes[1]["id"]);

    let empty = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["note", "add", &case, "--text", "  "],
        &[],
        8,
    );
    assert!(empty.contains("text"), "{empty}");
    let not_a_note = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["note", "add", &case, "--text", "x", "--corrects", "99999"],
        &[],
        8,
    );
    assert!(not_a_note.contains("corrects"), "{not_a_note}");
}

#[test]
fn a_volunteer_reads_the_calls_of_their_children_only_and_writes_no_notes() {
    use tether_tests::{VOLUNTEER, VOLUNTEER_PASS};
    let clinic = Clinic::with_staff();
    clinic.import(&[ROW]);
    let case = first_case(&clinic);
    clinic.ok(
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
        ],
        &[],
    );
    clinic.admin(&["note", "add", &case, "--text", "Nota reservada del caso."]);
    let seen = clinic.json(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["child", "history", &case, "--json"],
    );
    let kinds: Vec<&str> = seen
        .as_array()
        .expect("list")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["call_logged"], "{seen}");
    assert!(!seen.to_string().contains("reservada"));

    let refused = clinic.fails(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["note", "add", &case, "--text", "hola"],
        &[],
        4,
    );
    assert!(
        refused.contains("not allowed") || refused.contains("may not"),
        "{refused}"
    );
    let denied = clinic
        .audit()
        .iter()
        .filter(|e| e["action"] == "note_added" && e["outcome"] == "denied")
        .count();
    assert_eq!(denied, 1);
}
