//! Tests of input validation: shared fixtures, the error codes of typical mistakes, and a
//! property test that no input panics. Per-input cases are in the files beside this one.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{ChildInput, ProceedingsInput, SponsorInput, MAX_NAME_CHARS};
use crate::casework::FieldError;

mod child;
mod proceedings;
mod sponsor;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

fn sponsor() -> SponsorInput {
    SponsorInput {
        given_name: "José".into(),
        family_name: "Ramírez".into(),
        category: "2B".into(),
        phones: vec!["(713) 555-0142".into()],
        address_line1: "1234 Bellaire Blvd".into(),
        address_line2: "Apt 5C".into(),
        city: "Houston".into(),
        state: "TX".into(),
        postal_code: "77036".into(),
        time_zone: None,
    }
}

fn child() -> ChildInput {
    ChildInput {
        given_name: "María José".into(),
        family_name: "Ramírez Xol".into(),
        birth_date: "2011-04-02".into(),
        a_number: "A201-234-567".into(),
        country_of_birth: "Guatemala".into(),
        primary_language: "K'iche'".into(),
        interpreter_needed: "sí".into(),
        release_date: "2026-10-01".into(),
        ..ChildInput::default()
    }
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
    errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_str()))
        .collect()
}

#[test]
fn typical_mistakes_carry_codes_and_params() {
    let jose = ChildInput {
        given_name: "José".into(),
        family_name: "Ramírez".into(),
        a_number: "12345".into(),
        birth_date: "2027-01-02".into(),
        ..ChildInput::default()
    };
    let errors = jose.validate(today()).expect_err("invalid");
    assert_eq!(
        codes(&errors),
        [
            ("birth_date", "date_in_future"),
            ("a_number", "a_number_invalid")
        ]
    );
    assert_eq!(
        errors[1].params.get("value").map(String::as_str),
        Some("12345")
    );
    assert_eq!(
        errors[1].params.get("digits").map(String::as_str),
        Some("5")
    );
    assert_eq!(
        errors[0].params.get("today").map(String::as_str),
        Some("2026-11-25")
    );
    // The English message is unchanged.
    assert!(
        errors[1].message.contains("must have 8 or 9 digits"),
        "{errors:?}"
    );

    let mut s = sponsor();
    s.phones = vec!["502 call me".into()];
    s.given_name = "x".repeat(MAX_NAME_CHARS + 1);
    s.postal_code = "2134".into();
    let errors = s.validate().expect_err("invalid");
    assert_eq!(
        codes(&errors),
        [
            ("given_name", "too_long"),
            ("phones", "phone_bad_character"),
            ("postal_code", "postal_code_leading_zeros"),
        ]
    );
    assert_eq!(errors[0].params.get("max").map(String::as_str), Some("200"));
    assert_eq!(
        errors[1].params.get("value").map(String::as_str),
        Some("502 call me")
    );

    let blank = SponsorInput::default()
        .validate()
        .expect_err("names required");
    assert_eq!(
        codes(&blank),
        [("given_name", "required"), ("family_name", "required")]
    );
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9A-Za-z #/.-]{0,30}",
        "\\PC{0,40}",
        Just("n".repeat(10_001)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn validation_never_panics(
        a in any_text(), b in any_text(), c in any_text(), d in any_text(),
        e in any_text(), f in any_text(), g in any_text(), h in any_text(),
        tz in proptest::option::of(any_text()),
    ) {
        let s = SponsorInput {
            given_name: a.clone(), family_name: b.clone(), category: c.clone(),
            phones: vec![d.clone(), e.clone()], address_line1: e.clone(),
            address_line2: f.clone(), city: g.clone(), state: h.clone(),
            postal_code: d.clone(), time_zone: tz,
        };
        if let Err(errors) = s.validate() {
            prop_assert!(!errors.is_empty());
        }
        let ch = ChildInput {
            given_name: a.clone(), family_name: b.clone(), aliases: vec![c.clone()],
            birth_date: d.clone(), sex: e.clone(), a_number: f.clone(),
            country_of_birth: g.clone(), primary_language: h.clone(),
            interpreter_needed: a.clone(), release_date: b.clone(), orr_program: c.clone(),
            relationship: d.clone(), notes: e.clone(),
        };
        if let Err(errors) = ch.validate(today()) {
            prop_assert!(!errors.is_empty());
        }
        let p = ProceedingsInput {
            nta_status: a, nta_served_on: b, court_code: c, next_hearing: d,
        };
        let _ = p.validate(today());
    }
}
