//! Redaction: what `child show` and `export` give an admin, and what a volunteer sees.

use std::fs;
use std::path::Path;

use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER, VOLUNTEER_PASS};

use super::add_jose;

#[test]
fn child_show_json_contract_and_the_volunteer_view() {
    let clinic = Clinic::with_staff();
    let case = add_jose(&clinic);
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    for key in [
        "id",
        "case_number",
        "given_name",
        "family_name",
        "a_number",
        "primary_language",
        "interpreter_needed",
        "release_date",
        "sponsor",
        "nta_status",
        "hearings",
    ] {
        assert!(child.get(key).is_some(), "child show --json has {key}");
    }
    assert_eq!(child["a_number"], "A123456789");
    assert_eq!(child["primary_language"], "mam");
    assert_eq!(child["interpreter_needed"], true);
    assert_eq!(child["sponsor"]["category"], "2A");
    assert_eq!(child["sponsor"]["phones"][0], "+50251234567");
    assert_eq!(child["hearings"][0]["court_code"], "HOU");

    let redacted = clinic.volunteer_json(&["child", "show", &case, "--json"]);
    assert!(
        redacted.get("a_number").is_none(),
        "no A-Number for volunteers"
    );
    assert!(
        redacted["sponsor"].get("address").is_none(),
        "no address for volunteers"
    );
    assert!(redacted.get("court").is_none(), "no court for volunteers");
    assert_eq!(redacted["hearings"].as_array().map(Vec::len), Some(0));
    assert_eq!(redacted["family_name"], "R.");
    assert!(
        redacted.get("birth_date").is_none(),
        "no birth date or year for volunteers"
    );
    assert_eq!(
        redacted["sponsor"]["phones"][0], "+50251234567",
        "volunteers call the sponsor"
    );
}

#[test]
fn exports_are_redacted_unless_full_with_a_reason_and_volunteers_cannot_export() {
    let clinic = Clinic::with_staff();
    add_jose(&clinic);
    let redacted = clinic.root().join("redacted.csv");
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["export", "--out", redacted.to_str().expect("path")],
        &[],
    );
    let text = fs::read_to_string(&redacted).expect("export");
    assert!(text.contains("José") && text.contains(",2010,"), "{text}");
    for secret in ["123456789", "5123", "Ñuñoa", "77002", "2010-05-01"] {
        assert!(
            !text.contains(secret),
            "redacted export leaks {secret}: {text}"
        );
    }

    let full = clinic.root().join("full.csv");
    let full_arg = full.to_str().expect("path");
    let out = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &["export", "--out", full_arg, "--full"],
        &[],
    );
    assert!(!out.status.success(), "--full without --reason is refused");
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "export",
            "--out",
            full_arg,
            "--full",
            "--reason",
            "court filing for EOIR-33",
        ],
        &[],
    );
    let text = fs::read_to_string(&full).expect("full export");
    assert!(
        text.contains("A123456789")
            && text.contains("+50251234567")
            && text.contains("45 Calle Ñuñoa")
    );
    let log = clinic.admin_json(&["audit", "log", "--json"]);
    assert!(log
        .as_array()
        .expect("log")
        .iter()
        .any(|e| e["record_kind"] == "export_full"));

    for args in [
        vec!["export", "--out", "/tmp/never-written-by-a-volunteer.csv"],
        vec![
            "export",
            "--out",
            "/tmp/never-written-by-a-volunteer.csv",
            "--full",
            "--reason",
            "curious",
        ],
    ] {
        let out = clinic.run(VOLUNTEER, VOLUNTEER_PASS, &args, &[]);
        assert_eq!(
            out.status.code(),
            Some(4),
            "volunteer export must be denied"
        );
    }
    assert!(!Path::new("/tmp/never-written-by-a-volunteer.csv").exists());
}
