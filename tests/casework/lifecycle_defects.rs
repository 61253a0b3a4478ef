//! Regressions from a month of casework: data that a second edit lost, answers no rule read,
//! and results that said the wrong thing. Dates are fixed and in the past.

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, BACKUP_PASS};

use super::first_case;

const JOSE: &str = "José,Ramírez,2012-03-14,A201555123,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,2A,+502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,";
const LUCIA: &str = "Lucía,Ramírez,2014-07-02,A201555124,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,2A,+502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,";

#[test]
fn setting_a_served_nta_again_keeps_its_service_date() {
    let clinic = Clinic::with_admin();
    clinic.import(&[JOSE]);
    let case = first_case(&clinic);
    clinic.admin(&[
        "nta",
        "set",
        &case,
        "--status",
        "served",
        "--served-on",
        "2026-11-20",
    ]);
    clinic.admin(&["nta", "set", &case, "--status", "served"]);
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    assert_eq!(child["nta_served_on"], "2026-11-20", "{child}");
    clinic.admin(&["nta", "set", &case, "--status", "filed"]);
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    assert_eq!(child["nta_served_on"], "2026-11-20");
    // Only "not served" clears it.
    clinic.admin(&["nta", "set", &case, "--status", "not_served"]);
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    assert_eq!(child["nta_served_on"], Value::Null);
}

#[test]
fn a_second_acknowledgement_keeps_the_first() {
    let clinic = Clinic::with_admin();
    // Two children with two different sponsors at one address: a shared-address flag.
    clinic.import(&[
        JOSE,
        "Ana,López,2013-01-09,A201555125,GT,kek,sí,2026-10-01,,Inés,Coc,tía,2A,+502 5999 0000,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,",
    ]);
    let flags = clinic.admin_json(&["flags", "--json"]);
    let shared = flags
        .as_array()
        .expect("list")
        .iter()
        .find(|f| f["kind"] == "shared_address")
        .expect("a shared address flag")["flag_id"]
        .as_str()
        .expect("id")
        .to_owned();
    clinic.admin(&[
        "flags",
        "ack",
        &shared,
        "--note",
        "Two families, one duplex: visited.",
    ]);
    clinic.admin(&[
        "flags",
        "ack",
        &shared,
        "--note",
        "Checked again after the move.",
    ]);
    let flags = clinic.admin_json(&["flags", "--json"]);
    let flag = flags
        .as_array()
        .expect("list")
        .iter()
        .find(|f| f["flag_id"] == shared.as_str())
        .expect("still listed");
    let notes: Vec<&str> = flag["acknowledgements"]
        .as_array()
        .expect("every acknowledgement")
        .iter()
        .map(|a| a["note"].as_str().expect("note"))
        .collect();
    assert_eq!(
        notes,
        [
            "Two families, one duplex: visited.",
            "Checked again after the move."
        ]
    );
    assert_eq!(
        flag["acknowledgement_note"],
        "Checked again after the move."
    );
}

#[test]
fn a_child_not_with_the_sponsor_raises_an_escalation_and_a_flag() {
    let clinic = Clinic::with_admin();
    clinic.import(&[JOSE]);
    let case = first_case(&clinic);
    clinic.admin(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "reached_sponsor",
        "--at",
        "2026-11-02 10:00",
        "--answers",
        r#"{"still_with_sponsor":false,"enrolled_in_school":false,"knows_court_date":false}"#,
    ]);
    let tasks = clinic.admin_json(&["tasks", "--on", "2026-11-30", "--json"]);
    let kinds: Vec<(&str, &str)> = tasks
        .as_array()
        .expect("list")
        .iter()
        .map(|t| {
            (
                t["kind"].as_str().expect("kind"),
                t["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("escalation", "not_with_sponsor")),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("hearing_notice", "")), "{kinds:?}");
    let flags = clinic.admin_json(&["flags", "--json"]).to_string();
    assert!(flags.contains("safety_concern"), "{flags}");
    // José is 14: not enrolled in school is a flag of its own.
    assert!(flags.contains("not_in_school"), "{flags}");
}

#[test]
fn a_childs_sponsor_lists_the_sponsors_children() {
    let clinic = Clinic::with_admin();
    clinic.import(&[JOSE, LUCIA]);
    let case = first_case(&clinic);
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    let names: Vec<&str> = child["sponsor"]["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|c| c["given_name"].as_str().expect("name"))
        .collect();
    assert_eq!(names.len(), 2, "{child}");
    assert!(names.contains(&"Lucía"));
}

#[test]
fn an_outcome_cannot_be_recorded_for_a_hearing_still_ahead() {
    let clinic = Clinic::with_admin();
    clinic.import(&[JOSE]);
    let case = first_case(&clinic);
    let next_year = format!(
        "{} 09:00",
        chrono::Utc::now().date_naive() + chrono::Days::new(300)
    );
    let hearing = clinic.admin_json(&[
        "hearing", "add", &case, "--at", &next_year, "--court", "HOU", "--json",
    ]);
    let id = hearing["id"].to_string();
    let refused = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["hearing", "set", &id, "--outcome", "attended"],
        &[],
        8,
    );
    assert!(refused.contains("outcome"), "{refused}");
    let tasks = clinic.admin_json(&["tasks", "--on", "2099-12-31", "--json"]);
    let reminders = tasks
        .as_array()
        .expect("list")
        .iter()
        .filter(|t| t["kind"] == "hearing_reminder")
        .count();
    assert_eq!(reminders, 2, "the reminders stay: {tasks}");
    // A continuance can be known before the day.
    clinic.admin(&["hearing", "set", &id, "--outcome", "continued"]);
}

#[test]
fn a_backup_that_could_not_be_written_is_not_audited_as_made() {
    let clinic = Clinic::with_admin();
    let out = clinic.write("clinic.tbk", "already here");
    let env = [("TETHER_BACKUP_PASSPHRASE", BACKUP_PASS)];
    let refused = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["backup", "--out", out.to_str().expect("utf-8")],
        &env,
        8,
    );
    assert!(refused.contains("already exists"), "{refused}");
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "already here");
    let made = clinic
        .audit()
        .iter()
        .filter(|e| e["action"] == "backup_created" && e["outcome"] == "ok")
        .count();
    assert_eq!(made, 0);
}
