//! Court: the NTA and hearings through the CLI, and the fields they refuse.

use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

use super::add_jose;

#[test]
fn nta_and_hearings_through_the_cli() {
    let clinic = Clinic::with_staff();
    let case = add_jose(&clinic);
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "nta",
            "set",
            &case,
            "--status",
            "served",
            "--served-on",
            "2026-10-20",
        ],
        &[],
    );
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-02-01 13:30",
            "--court",
            "HOU",
            "--type",
            "individual",
        ],
        &[],
    );
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    assert_eq!(child["nta_status"], "served");
    assert_eq!(child["nta_served_on"], "2026-10-20");
    assert_eq!(child["hearings"].as_array().map(Vec::len), Some(2));
    let out = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-02-30 13:30",
            "--court",
            "HOU",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at"));
    let out = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-02-03 13:30",
            "--court",
            "XYZ",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&out.stderr).contains("court"));
}

/// The same hearing twice (same child, date-time and court) is refused as a duplicate, exit 5,
/// whatever its type; the case keeps one hearing at that time and the audit chain holds.
#[test]
fn adding_the_same_hearing_twice_is_refused_as_a_duplicate() {
    let clinic = Clinic::with_staff();
    // José Ramírez already has his master hearing in Houston on 2027-01-15 at 09:00.
    let case = add_jose(&clinic);
    for kind in ["master", "individual"] {
        let err = clinic.fails(
            ADMIN,
            ADMIN_PASS,
            &[
                "hearing",
                "add",
                &case,
                "--at",
                "2027-01-15 09:00",
                "--court",
                "hou",
                "--type",
                kind,
            ],
            &[],
            5,
        );
        assert!(
            err.contains("already has a hearing on 2027-01-15 09:00 at HOU"),
            "{err}"
        );
        assert!(!err.contains("hearing added"), "{err}");
    }
    let child = clinic.admin_json(&["child", "show", &case, "--json"]);
    let hearings = child["hearings"].as_array().expect("hearings");
    assert_eq!(hearings.len(), 1, "{hearings:?}");
    assert_eq!(
        hearings[0]["type"], "master",
        "the first hearing is as it was"
    );
    // Another time the same day is another hearing.
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-01-15 13:30",
            "--court",
            "HOU",
        ],
        &[],
    );
    clinic.admin(&["audit", "verify"]);
}

/// `tether courts` lists the EOIR codes without signing in; an unknown `--court` names the
/// field, the courts meant and `tether courts`.
#[test]
fn courts_are_listed_and_an_unknown_code_suggests_the_ones_meant() {
    let clinic = Clinic::with_staff();
    let courts = clinic.admin_json(&["courts", "--json"]);
    let courts = courts.as_array().expect("a list");
    assert_eq!(courts.len(), 75);
    let houston = courts
        .iter()
        .find(|c| c["code"] == "HOU")
        .expect("Houston is listed");
    assert_eq!(houston["city"], "Houston");
    assert_eq!(houston["state"], "TX");
    assert_eq!(
        houston["name"],
        "Houston - Jefferson Street Immigration Court"
    );

    let la = clinic.admin(&["courts", "los angeles"]);
    let codes: Vec<&str> = la
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(codes, ["NLA", "VNS", "WLA"], "{la}");
    // No vault, no passphrase needed for reference data.
    let out = tether_tests::tether(
        &clinic.path("no-vault-here"),
        "nobody",
        "",
        &["courts", "HOU"],
        &[],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("HOU "));

    let case = add_jose(&clinic);
    for args in [
        &[
            "hearing",
            "add",
            &case,
            "--at",
            "2027-02-01 13:30",
            "--court",
            "LAX",
        ][..],
        &[
            "child",
            "add",
            "--given-name",
            "Ana",
            "--family-name",
            "Pérez",
            "--court",
            "LAX",
        ],
    ] {
        let err = clinic.fails(ADMIN, ADMIN_PASS, args, &[], 8);
        assert!(err.contains("court"), "{err}");
        assert!(
            err.contains("\"LAX\" is not in the EOIR court list"),
            "{err}"
        );
        assert!(err.contains("NLA (Los Angeles"), "{err}");
        assert!(err.contains("`tether courts`"), "{err}");
    }
}
