//! Tests of child validation: accepted and refused fields, sex and yes/no spellings.

use super::{child, fields, today};
use crate::casework::input::{parse_sex, parse_yes_no, ChildInput};
use crate::casework::Sex;

#[test]
fn a_full_child_validates() {
    let c = child().validate(today()).expect("valid child");
    assert_eq!(c.given_name, "María José");
    assert_eq!(
        c.a_number.map(|a| a.to_string()).as_deref(),
        Some("A201-234-567")
    );
    assert_eq!(c.country_of_birth.map(|c| c.code()), Some("GT"));
    assert_eq!(c.primary_language.map(|l| l.code()), Some("quc"));
    assert!(c.interpreter_needed);
    assert_eq!(c.notes, "");
    assert_eq!(
        c.birth_date.map(|b| b.to_string()).as_deref(),
        Some("2011-04-02")
    );
}

#[test]
fn child_fields_accepted() {
    type Edit = fn(&mut ChildInput);
    let cases: &[(&str, Edit)] = &[
        ("8-digit A-Number", |c| c.a_number = "12345678".into()),
        ("no A-Number", |c| c.a_number = " ".into()),
        ("estimated birth", |c| c.birth_date = "~2010".into()),
        ("release today", |c| c.release_date = "2026-11-25".into()),
        ("honduras", |c| c.country_of_birth = "HN".into()),
        ("mam", |c| c.primary_language = "Mam".into()),
        ("aliases", |c| {
            c.aliases = vec!["Majo".into(), "majo".into(), "".into()]
        }),
        ("notes multi-line", |c| {
            c.notes = "Llamó la tía.\nTodo bien.".into()
        }),
        ("notes at the limit", |c| c.notes = "n".repeat(10_000)),
        ("emoji", |c| c.given_name = "Ana 🦋".into()),
    ];
    for (what, edit) in cases {
        let mut c = child();
        edit(&mut c);
        assert!(
            c.validate(today()).is_ok(),
            "{what}: {:?}",
            c.validate(today())
        );
    }
    let mut c = child();
    c.a_number = "12345678".into();
    assert_eq!(
        c.validate(today())
            .expect("valid")
            .a_number
            .map(|a| a.normalized()),
        Some("A012345678".into())
    );
    c.aliases = vec!["Majo".into(), "MAJO".into(), "Majó".into()];
    assert_eq!(c.validate(today()).expect("valid").aliases, vec!["Majo"]);
}

#[test]
fn sex_spellings() {
    let cases = [
        ("F", Ok(Some(Sex::Female))),
        ("female", Ok(Some(Sex::Female))),
        ("Femenino", Ok(Some(Sex::Female))),
        ("m", Ok(Some(Sex::Male))),
        ("MASCULINO", Ok(Some(Sex::Male))),
        ("X", Ok(Some(Sex::Other))),
        ("otro", Ok(Some(Sex::Other))),
        ("", Ok(None)),
        ("  ", Ok(None)),
    ];
    for (raw, want) in cases {
        assert_eq!(parse_sex(raw), want, "{raw:?}");
    }
    for bad in ["fem", "2", "unknown", "?"] {
        let e = parse_sex(bad).expect_err(bad);
        assert!(e.contains(bad), "{e}");
    }
}

#[test]
fn yes_no_spellings() {
    for yes in ["yes", "YES", "true", "1", "sí", "Si", "y"] {
        assert_eq!(parse_yes_no("interpreter_needed", yes), Ok(true), "{yes}");
    }
    for no in ["no", "No", "false", "0", "n", ""] {
        assert_eq!(parse_yes_no("interpreter_needed", no), Ok(false), "{no}");
    }
    let e = parse_yes_no("interpreter_needed", "maybe").expect_err("maybe");
    assert!(e.contains("interpreter_needed") && e.contains("maybe"));
}

#[test]
fn child_fields_refused_with_field_and_value() {
    type Edit = fn(&mut ChildInput);
    let cases: &[(&str, Edit, &str, &str)] = &[
        (
            "no given name",
            |c| c.given_name.clear(),
            "given_name",
            "required",
        ),
        (
            "A-Number 7 digits",
            |c| c.a_number = "A1234567".into(),
            "a_number",
            "A1234567",
        ),
        (
            "A-Number letters",
            |c| c.a_number = "A12345678X".into(),
            "a_number",
            "A12345678X",
        ),
        (
            "born in future",
            |c| c.birth_date = "2027-01-01".into(),
            "birth_date",
            "2027-01-01",
        ),
        (
            "bad birth",
            |c| c.birth_date = "02/04/2011".into(),
            "birth_date",
            "02/04/2011",
        ),
        (
            "country",
            |c| c.country_of_birth = "Guatamala".into(),
            "country_of_birth",
            "Guatamala",
        ),
        (
            "language",
            |c| c.primary_language = "Klingon".into(),
            "primary_language",
            "Klingon",
        ),
        (
            "interpreter",
            |c| c.interpreter_needed = "maybe".into(),
            "interpreter_needed",
            "maybe",
        ),
        ("sex", |c| c.sex = "?".into(), "sex", "?"),
        (
            "future release",
            |c| c.release_date = "2026-11-26".into(),
            "release_date",
            "2026-11-26",
        ),
        (
            "release before birth",
            |c| c.release_date = "2010-01-01".into(),
            "release_date",
            "2010-01-01",
        ),
        (
            "release malformed",
            |c| c.release_date = "yesterday".into(),
            "release_date",
            "yesterday",
        ),
        (
            "notes too long",
            |c| c.notes = "n".repeat(10_001),
            "notes",
            "10001",
        ),
        (
            "notes NUL",
            |c| c.notes = "a\u{0}b".into(),
            "notes",
            "control",
        ),
        (
            "long program",
            |c| c.orr_program = "p".repeat(300),
            "orr_program",
            "300",
        ),
        (
            "alias newline",
            |c| c.aliases = vec!["Ma\nJo".into()],
            "aliases",
            "control",
        ),
    ];
    for (what, edit, field, needle) in cases {
        let mut c = child();
        edit(&mut c);
        let errors = c.validate(today()).expect_err(what);
        assert_eq!(fields(&errors), vec![*field], "{what}: {errors:?}");
        assert!(
            errors[0].message.contains(needle),
            "{what}: {:?}",
            errors[0]
        );
    }
}
