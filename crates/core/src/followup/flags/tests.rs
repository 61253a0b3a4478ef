//! Tests of red flags: thresholds, shared addresses and phones, child flags, stable keys.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{flags, ChildFacts, Flag, FlagInputs, FlagKind, SponsorFacts};
use crate::casework::{NtaStatus, SponsorCategory};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn child(id: i64, name: &str) -> ChildFacts {
    ChildFacts {
        id,
        name: name.to_string(),
        release_date: Some(d("2026-10-01")),
        nta_status: NtaStatus::Served,
        missed_hearing: false,
        unreached: false,
        eoir33_overdue_since: None,
        open_concerns: Vec::new(),
        not_in_school_since: None,
        category: Some(SponsorCategory::One),
    }
}

/// Every child of `s` linked to them in `category`.
fn linked_as(mut s: SponsorFacts, category: SponsorCategory) -> SponsorFacts {
    for c in &mut s.children {
        c.category = Some(category);
    }
    s
}

fn sponsor(id: i64, name: &str, children: Vec<ChildFacts>) -> SponsorFacts {
    SponsorFacts {
        id,
        name: name.to_string(),
        address_key: Some(format!("address-of-{id}")),
        address_incomplete: None,
        phones: vec![format!("+1555000{id:04}")],
        children,
    }
}

fn kinds(flags: &[Flag]) -> Vec<FlagKind> {
    flags.iter().map(|f| f.kind).collect()
}

const TODAY: &str = "2026-11-01";

#[test]
fn four_unrelated_children_raise_exactly_many_children_and_several_unrelated() {
    let rosa = sponsor(
        1,
        "Rosa Ramírez",
        vec![
            child(10, "José"),
            child(11, "Ana"),
            child(12, "Luis"),
            child(13, "Marta"),
        ],
    );
    let rosa = linked_as(rosa, SponsorCategory::Three);
    let world = FlagInputs {
        sponsors: vec![rosa, sponsor(2, "Juan Pérez", vec![child(20, "Pedro")])],
    };
    let got = flags(&world, d(TODAY));
    assert_eq!(
        kinds(&got),
        vec![
            FlagKind::SponsorManyChildren,
            FlagKind::SponsorSeveralUnrelated
        ]
    );
    let many = &got[0];
    assert_eq!(
        many.explanation_en,
        "Rosa Ramírez sponsors 4 children (José, Ana, Luis, Marta)."
    );
    assert_eq!(
        many.explanation_es,
        "Rosa Ramírez patrocina a 4 menores (José, Ana, Luis, Marta)."
    );
    assert_eq!(many.key, "sponsor_many_children:1:10,11,12,13");
    assert_eq!(many.sponsor_id, Some(1));
    assert_eq!(many.child_id, None);
    assert!(got[1].explanation_en.contains("category 3"));
    assert!(got[1].explanation_es.contains("categoría 3"));
}

#[test]
fn sponsor_thresholds() {
    // (children, category, expected kinds)
    let cases: [(usize, SponsorCategory, &[FlagKind]); 6] = [
        (1, SponsorCategory::Three, &[]),
        (
            2,
            SponsorCategory::Three,
            &[FlagKind::SponsorSeveralUnrelated],
        ),
        (2, SponsorCategory::One, &[]),
        (3, SponsorCategory::One, &[FlagKind::SponsorManyChildren]),
        (3, SponsorCategory::TwoB, &[FlagKind::SponsorManyChildren]),
        (
            3,
            SponsorCategory::Three,
            &[
                FlagKind::SponsorManyChildren,
                FlagKind::SponsorSeveralUnrelated,
            ],
        ),
    ];
    for (n, category, want) in cases {
        let children = (0..n)
            .map(|i| child(100 + i as i64, &format!("Child {i}")))
            .collect();
        let s = linked_as(sponsor(1, "Rosa Ramírez", children), category);
        let world = FlagInputs { sponsors: vec![s] };
        assert_eq!(
            kinds(&flags(&world, d(TODAY))),
            want.to_vec(),
            "{n} {category}"
        );
    }
}

/// The category belongs to each child's link: Rosa is the mother of one child and a family
/// friend (category 3) of two others; only those two are named, and one such child is no flag.
#[test]
fn several_unrelated_counts_the_links_in_category_3_only() {
    let mut rosa = sponsor(
        1,
        "Rosa Ramírez",
        vec![child(10, "José"), child(11, "Ana"), child(12, "Luis")],
    );
    rosa.children[1].category = Some(SponsorCategory::Three);
    let one_unrelated = FlagInputs {
        sponsors: vec![rosa.clone()],
    };
    assert_eq!(
        kinds(&flags(&one_unrelated, d(TODAY))),
        vec![FlagKind::SponsorManyChildren]
    );
    rosa.children[2].category = Some(SponsorCategory::Three);
    let world = FlagInputs {
        sponsors: vec![rosa],
    };
    let got = flags(&world, d(TODAY));
    let unrelated = got
        .iter()
        .find(|f| f.kind == FlagKind::SponsorSeveralUnrelated)
        .expect("two category 3 links raise the flag");
    assert_eq!(unrelated.key, "sponsor_several_unrelated:1:11,12");
    assert_eq!(
        unrelated.explanation_en,
        "Rosa Ramírez sponsors 2 children in category 3 (distant relative or unrelated adult): Ana, Luis."
    );
}

#[test]
fn a_phone_shared_by_two_sponsors_raises_exactly_one_flag() {
    let mut a = sponsor(1, "Rosa Ramírez", vec![child(10, "José")]);
    let mut b = sponsor(2, "Juan Pérez", vec![child(20, "Pedro")]);
    a.phones = vec!["+15550001111".into(), "+15550002222".into()];
    // The same number written with spaces, and listed twice by the same sponsor.
    b.phones = vec!["+1 555 000 1111".into(), "+15550001111".into()];
    let world = FlagInputs {
        sponsors: vec![a, b],
    };
    let got = flags(&world, d(TODAY));
    assert_eq!(kinds(&got), vec![FlagKind::SharedPhone]);
    assert_eq!(got[0].sponsor_ids, vec![1, 2]);
    assert_eq!(got[0].key, "shared_phone:+15550001111:1,2");
    assert_eq!(
        got[0].explanation_en,
        "2 different sponsors give the same phone +15550001111: Rosa Ramírez, Juan Pérez."
    );
    assert!(got[0].explanation_es.contains("mismo teléfono"));
}

#[test]
fn a_phone_listed_twice_by_one_sponsor_is_not_shared() {
    let mut a = sponsor(1, "Rosa Ramírez", vec![]);
    a.phones = vec!["+15550001111".into(), "+15550001111".into()];
    assert_eq!(flags(&FlagInputs { sponsors: vec![a] }, d(TODAY)), vec![]);
}

#[test]
fn an_address_shared_by_three_sponsors_raises_one_flag_naming_them() {
    let mut sponsors = vec![
        sponsor(3, "Carla Díaz", vec![]),
        sponsor(1, "Rosa Ramírez", vec![]),
        sponsor(2, "Juan Pérez", vec![]),
    ];
    for s in &mut sponsors {
        s.address_key = Some("123 main st|apt 4|houston|tx|77001".into());
    }
    let got = flags(&FlagInputs { sponsors }, d(TODAY));
    assert_eq!(kinds(&got), vec![FlagKind::SharedAddress]);
    assert_eq!(got[0].sponsor_ids, vec![1, 2, 3]);
    assert_eq!(got[0].key, "shared_address:1,2,3");
    assert_eq!(
        got[0].explanation_en,
        "3 different sponsors give the same address: Rosa Ramírez, Juan Pérez, Carla Díaz."
    );
}

#[test]
fn nta_not_served_from_day_90() {
    let cases = [
        ("2026-12-29", None),     // day 89
        ("2026-12-30", Some(90)), // day 90
        ("2027-01-10", Some(101)),
    ];
    for (today, want) in cases {
        let mut c = child(10, "José");
        c.nta_status = NtaStatus::NotServed;
        let world = FlagInputs {
            sponsors: vec![sponsor(1, "Rosa Ramírez", vec![c])],
        };
        let got = flags(&world, d(today));
        match want {
            None => assert_eq!(got, vec![], "{today}"),
            Some(days) => {
                assert_eq!(kinds(&got), vec![FlagKind::NtaNotServed90Days], "{today}");
                assert!(got[0].explanation_en.contains(&format!("{days} days ago")));
                assert!(got[0].explanation_es.contains(&format!("hace {days} días")));
                assert_eq!(got[0].child_id, Some(10));
                assert_eq!(got[0].sponsor_id, Some(1));
            }
        }
    }
    // Served or filed: no flag, however long ago.
    for status in [NtaStatus::Served, NtaStatus::Filed] {
        let mut c = child(10, "José");
        c.nta_status = status;
        let world = FlagInputs {
            sponsors: vec![sponsor(1, "Rosa Ramírez", vec![c])],
        };
        assert_eq!(flags(&world, d("2027-06-01")), vec![]);
    }
}

#[test]
fn child_and_address_flags() {
    let mut c = child(10, "José");
    c.unreached = true;
    c.missed_hearing = true;
    c.eoir33_overdue_since = Some(d("2026-12-02"));
    let mut s = sponsor(1, "Rosa Ramírez", vec![c]);
    s.address_incomplete = Some("no unit number for an apartment building".into());
    let world = FlagInputs { sponsors: vec![s] };

    // Before the EOIR-33 is overdue.
    assert_eq!(
        kinds(&flags(&world, d("2026-12-01"))),
        vec![
            FlagKind::Unreached,
            FlagKind::IncompleteAddress,
            FlagKind::MissedHearing
        ]
    );
    let got = flags(&world, d("2026-12-02"));
    assert_eq!(
        kinds(&got),
        vec![
            FlagKind::Unreached,
            FlagKind::IncompleteAddress,
            FlagKind::MissedHearing,
            FlagKind::Eoir33Overdue
        ]
    );
    for f in &got {
        assert!(!f.explanation_en.is_empty() && !f.explanation_es.is_empty());
        assert_ne!(f.explanation_en, f.explanation_es);
    }
    assert_eq!(
        got[1].explanation_en,
        "Rosa Ramírez's address is incomplete: no unit number for an apartment building."
    );
    assert_eq!(got[3].key, "eoir33_overdue:10:2026-12-02");
}

#[test]
fn flags_are_stable_and_keys_unique() {
    let rosa = sponsor(
        1,
        "Rosa Ramírez",
        vec![child(10, "José"), child(11, "Ana"), child(12, "Luis")],
    );
    let rosa = linked_as(rosa, SponsorCategory::Three);
    let mut juan = sponsor(2, "Juan Pérez", vec![child(20, "Pedro")]);
    juan.phones = rosa.phones.clone();
    juan.address_key = rosa.address_key.clone();
    let world = FlagInputs {
        sponsors: vec![rosa, juan],
    };
    let first = flags(&world, d(TODAY));
    assert_eq!(first, flags(&world, d(TODAY)));
    let keys: BTreeSet<&str> = first.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys.len(), first.len());
    assert_eq!(first.len(), 4);
}
