//! Tests of sponsor validation: accepted and refused fields, phones, address completeness,
//! time zones.

use super::{fields, sponsor};
use crate::casework::input::{is_plausible_time_zone, SponsorInput, NO_HOUSE_NUMBER, NO_UNIT};
use crate::casework::SponsorCategory;

#[test]
fn a_full_sponsor_validates() {
    let s = sponsor().validate().expect("valid sponsor");
    assert_eq!(s.given_name, "José");
    assert_eq!(s.category, Some(SponsorCategory::TwoB));
    assert_eq!(s.phones.len(), 1);
    assert_eq!(s.phones[0].e164(), "+17135550142");
    assert_eq!(s.time_zone, "America/Chicago");
    assert_eq!(s.address_incomplete, None);
    let a = s.address.expect("address");
    assert_eq!(a.unit.as_deref(), Some("Apt 5C"));
    assert_eq!(a.state.code(), "TX");
}

#[test]
fn sponsor_fields_accepted() {
    type Edit = fn(&mut SponsorInput);
    let cases: &[(&str, Edit)] = &[
        ("names trimmed", |s| s.given_name = "  José  Luis ".into()),
        ("ñ in name", |s| s.family_name = "Ñuñoa".into()),
        ("emoji name", |s| s.given_name = "José 🌟".into()),
        ("no category", |s| s.category = String::new()),
        ("category word", |s| s.category = "Categoría 1".into()),
        ("guatemalan phone", |s| {
            s.phones = vec!["+502 2345 6789".into()]
        }),
        ("blank phone ignored", |s| s.phones = vec!["  ".into()]),
        ("zip+4", |s| s.postal_code = "77036-1234".into()),
        ("state by name", |s| s.state = "Texas".into()),
        ("tz override", |s| {
            s.time_zone = Some("America/Denver".into())
        }),
        ("blank tz override", |s| s.time_zone = Some(" ".into())),
        ("three-part tz", |s| {
            s.time_zone = Some("America/Indiana/Indianapolis".into())
        }),
    ];
    for (what, edit) in cases {
        let mut s = sponsor();
        edit(&mut s);
        assert!(s.validate().is_ok(), "{what}: {:?}", s.validate());
    }
}

#[test]
fn sponsor_fields_refused_with_field_and_value() {
    type Edit = fn(&mut SponsorInput);
    let cases: &[(&str, Edit, &str, &str)] = &[
        (
            "no given name",
            |s| s.given_name = " ".into(),
            "given_name",
            "required",
        ),
        (
            "no family name",
            |s| s.family_name = String::new(),
            "family_name",
            "required",
        ),
        (
            "long name",
            |s| s.given_name = "a".repeat(201),
            "given_name",
            "201",
        ),
        (
            "tab in name",
            |s| s.family_name = "Ramírez\tLópez".into(),
            "family_name",
            "control",
        ),
        (
            "bad category",
            |s| s.category = "5".into(),
            "category",
            "\"5\"",
        ),
        (
            "bad phone",
            |s| s.phones = vec!["555-CALL".into()],
            "phones",
            "555-CALL",
        ),
        (
            "short phone",
            |s| s.phones = vec!["12345".into()],
            "phones",
            "12345",
        ),
        (
            "bad state",
            |s| s.state = "Tejass".into(),
            "state",
            "Tejass",
        ),
        ("no state", |s| s.state = String::new(), "state", "required"),
        (
            "bad zip",
            |s| s.postal_code = "7703".into(),
            "postal_code",
            "leading 0",
        ),
        (
            "zip letters",
            |s| s.postal_code = "SW1A 1AA".into(),
            "postal_code",
            "SW1A",
        ),
        (
            "bad tz",
            |s| s.time_zone = Some("CST".into()),
            "time_zone",
            "CST",
        ),
        (
            "tz city",
            |s| s.time_zone = Some("Houston".into()),
            "time_zone",
            "Houston",
        ),
    ];
    for (what, edit, field, needle) in cases {
        let mut s = sponsor();
        edit(&mut s);
        let errors = s.validate().expect_err(what);
        assert_eq!(fields(&errors), vec![*field], "{what}");
        assert!(
            errors[0].message.contains(needle),
            "{what}: {:?}",
            errors[0]
        );
    }
}

#[test]
fn sponsor_errors_are_all_collected() {
    let s = SponsorInput {
        phones: vec!["+502 2345 6789".into(), "nope".into(), "123".into()],
        state: "Narnia".into(),
        postal_code: "1".into(),
        ..SponsorInput::default()
    };
    let errors = s.validate().expect_err("invalid");
    assert_eq!(
        fields(&errors),
        vec![
            "given_name",
            "family_name",
            "phones",
            "phones",
            "state",
            "postal_code"
        ]
    );
}

#[test]
fn phones_deduplicated_in_order() {
    let mut s = sponsor();
    s.phones = vec![
        "713-555-0142".into(),
        "+502 2345 6789".into(),
        "(713) 555 0142".into(),
        "+17135550142".into(),
    ];
    let got: Vec<String> = s
        .validate()
        .expect("valid")
        .phones
        .iter()
        .map(|p| p.e164().to_owned())
        .collect();
    assert_eq!(got, vec!["+17135550142", "+50223456789"]);
}

#[test]
fn no_address_is_incomplete_not_an_error() {
    let mut s = sponsor();
    s.address_line1.clear();
    s.address_line2.clear();
    s.city.clear();
    s.state = " ".into();
    s.postal_code.clear();
    let d = s.validate().expect("valid");
    assert_eq!(d.address, None);
    assert_eq!(d.address_incomplete.as_deref(), Some("no address"));
    assert_eq!(d.time_zone, "America/New_York");
}

#[test]
fn time_zone_follows_state_unless_overridden() {
    let mut s = sponsor();
    s.state = "HI".into();
    s.postal_code = "96817".into();
    assert_eq!(s.validate().expect("valid").time_zone, "Pacific/Honolulu");
    s.time_zone = Some("America/Los_Angeles".into());
    assert_eq!(
        s.validate().expect("valid").time_zone,
        "America/Los_Angeles"
    );
}

#[test]
fn address_completeness() {
    let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
        // (line1, line2, city, zip, incomplete)
        ("1234 Bellaire Blvd", "", "Houston", "77036", None),
        ("1234 Bellaire Blvd Apt 5C", "", "Houston", "77036", None),
        ("1234 Bellaire Blvd #5C", "", "Houston", "77036", None),
        ("1234 Bellaire Blvd", "5C", "Houston", "77036", None),
        ("45-12 Queens Blvd", "", "Houston", "77036", None),
        ("N123W456 Elm Rd", "", "Houston", "77036", None),
        ("1 Tower Rd", "", "Houston", "77036", None),
        (
            "Bellaire Blvd",
            "Apt 5C",
            "Houston",
            "77036",
            Some(NO_HOUSE_NUMBER),
        ),
        ("PO Box 12", "", "Houston", "77036", Some(NO_HOUSE_NUMBER)),
        (
            "1234 Bellaire Blvd Apt",
            "",
            "Houston",
            "77036",
            Some(NO_UNIT),
        ),
        (
            "1234 Bellaire Blvd #",
            "",
            "Houston",
            "77036",
            Some(NO_UNIT),
        ),
        (
            "1234 Bellaire Blvd Suite",
            "",
            "Houston",
            "77036",
            Some(NO_UNIT),
        ),
        (
            "Las Palmas Apartments, 800 Palm Dr",
            "",
            "Houston",
            "77036",
            Some("no house number; no apartment or unit number"),
        ),
        (
            "800 Palm Dr, Las Palmas Apartments",
            "",
            "Houston",
            "77036",
            Some(NO_UNIT),
        ),
        ("800 Palm Dr Bldg 3", "", "Houston", "77036", Some(NO_UNIT)),
        ("800 Palm Dr Bldg 3", "Apt 12", "Houston", "77036", None),
        (
            "800 Palm Dr Apartment",
            "Apt",
            "Houston",
            "77036",
            Some(NO_UNIT),
        ),
        ("800 Sunrise Tower", "", "Houston", "77036", Some(NO_UNIT)),
        ("", "", "Houston", "77036", Some("no street address")),
        ("800 Palm Dr", "", "", "", Some("no city; no ZIP code")),
    ];
    for (line1, line2, city, zip, want) in cases {
        let mut s = sponsor();
        s.address_line1 = (*line1).into();
        s.address_line2 = (*line2).into();
        s.city = (*city).into();
        s.postal_code = (*zip).into();
        let d = s.validate().expect(line1);
        assert!(d.address.is_some());
        assert_eq!(
            d.address_incomplete.as_deref(),
            *want,
            "{line1:?} / {line2:?}"
        );
    }
}

#[test]
fn time_zone_shapes() {
    for ok in [
        "America/Chicago",
        "Pacific/Honolulu",
        "America/Indiana/Indianapolis",
        "America/Port-au-Prince",
        "Etc/GMT+5",
    ] {
        assert!(is_plausible_time_zone(ok), "{ok}");
    }
    for bad in [
        "",
        "CST",
        "America",
        "America/",
        "america/chicago",
        "Mars/Olympus",
        "America/Chicago/X/Y",
        "America/Chi cago",
    ] {
        assert!(!is_plausible_time_zone(bad), "{bad}");
    }
}
