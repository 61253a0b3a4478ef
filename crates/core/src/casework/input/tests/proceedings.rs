//! Tests of proceedings validation: NTA status and date, court, next hearing.

use super::{fields, today};
use crate::casework::input::ProceedingsInput;
use crate::casework::NtaStatus;

#[test]
fn proceedings_accepted() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("", "", "", ""),
        ("not served", "", "", ""),
        ("not_served", "", "", ""),
        ("No", "", "", ""),
        ("served", "2026-10-15", "ATL", ""),
        ("Filed", "", "hou", "2027-02-03 08:30"),
        ("filed", "2026-11-25", "HOU", "2027-02-03T13:00"),
        ("not_served", "", "ATL", ""),
    ];
    for (status, served, court, hearing) in cases {
        let p = ProceedingsInput {
            nta_status: (*status).into(),
            nta_served_on: (*served).into(),
            court_code: (*court).into(),
            next_hearing: (*hearing).into(),
        };
        assert!(
            p.validate(today()).is_ok(),
            "{p:?}: {:?}",
            p.validate(today())
        );
    }
    let p = ProceedingsInput {
        nta_status: "filed".into(),
        court_code: "hou".into(),
        next_hearing: "2027-02-03 08:30".into(),
        ..ProceedingsInput::default()
    }
    .validate(today())
    .expect("valid");
    assert_eq!(p.nta_status, NtaStatus::Filed);
    assert_eq!(p.court_code.as_deref(), Some("HOU"));
    assert_eq!(
        p.next_hearing.map(|t| t.to_string()).as_deref(),
        Some("2027-02-03 08:30:00")
    );
}

#[test]
fn proceedings_refused() {
    type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [&'a str], &'a str);
    let cases: &[Case<'_>] = &[
        ("pending", "", "", "", &["nta_status"], "pending"),
        (
            "not_served",
            "2026-10-01",
            "",
            "",
            &["nta_served_on"],
            "not_served",
        ),
        ("", "2026-10-01", "", "", &["nta_served_on"], "2026-10-01"),
        ("served", "2026-12-01", "", "", &["nta_served_on"], "future"),
        (
            "served",
            "15/10/2026",
            "",
            "",
            &["nta_served_on"],
            "15/10/2026",
        ),
        ("served", "", "XYZ", "", &["court_code"], "XYZ"),
        (
            "served",
            "",
            "",
            "2027-02-03 08:30",
            &["next_hearing"],
            "court",
        ),
        (
            "served",
            "",
            "ATL",
            "2027-02-03 25:00",
            &["next_hearing"],
            "25:00",
        ),
        (
            "served",
            "",
            "ATL",
            "next week",
            &["next_hearing"],
            "next week",
        ),
        (
            "bogus",
            "2030-01-01",
            "???",
            "x",
            &["nta_status", "nta_served_on", "court_code", "next_hearing"],
            "bogus",
        ),
    ];
    for (status, served, court, hearing, want, needle) in cases {
        let p = ProceedingsInput {
            nta_status: (*status).into(),
            nta_served_on: (*served).into(),
            court_code: (*court).into(),
            next_hearing: (*hearing).into(),
        };
        let errors = p.validate(today()).expect_err(status);
        assert_eq!(fields(&errors), want.to_vec(), "{p:?}");
        assert!(errors[0].message.contains(needle), "{p:?}: {errors:?}");
    }
}
