//! Tests of demo data: deterministic, valid by its own rules, shaped like the spec, fast.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use super::{demo_records, DEMO_NOTE};
use crate::casework::{Court, SponsorDraft};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

#[test]
fn same_seed_same_records_other_seed_other_records() {
    let a = demo_records(500, 42, today());
    let b = demo_records(500, 42, today());
    let c = demo_records(500, 43, today());
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.len(), 500);
    assert!(demo_records(0, 1, today()).is_empty());
}

/// `cargo test -p tether-core --release -- --ignored demo_speed`: 100,000 children must
/// take well under a second.
#[test]
#[ignore = "timing; run in release mode"]
fn demo_speed() {
    // Warm the embedded tables (phone metadata, courts) first: that is a one-off.
    let _ = demo_records(10, 1, today());
    let started = std::time::Instant::now();
    let recs = demo_records(100_000, 1, today());
    let took = started.elapsed();
    assert_eq!(recs.len(), 100_000);
    eprintln!("100,000 demo children in {took:?}");
    assert!(took < std::time::Duration::from_millis(500), "{took:?}");
}

#[test]
fn demo_records_pass_their_own_validation() {
    // A demo record written out as input validates back to itself (sponsor side).
    for r in demo_records(300, 9, today()) {
        let s = &r.sponsor;
        let input = crate::casework::SponsorInput {
            given_name: s.given_name.clone(),
            family_name: s.family_name.clone(),
            category: s
                .category
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            phones: s.phones.iter().map(|p| p.e164().to_owned()).collect(),
            address_line1: s
                .address
                .as_ref()
                .map(|a| a.line1.clone())
                .unwrap_or_default(),
            address_line2: s
                .address
                .as_ref()
                .and_then(|a| a.unit.clone())
                .unwrap_or_default(),
            city: s
                .address
                .as_ref()
                .map(|a| a.city.clone())
                .unwrap_or_default(),
            state: s
                .address
                .as_ref()
                .map(|a| a.state.code().to_owned())
                .unwrap_or_default(),
            postal_code: s
                .address
                .as_ref()
                .map(|a| a.postal_code.clone())
                .unwrap_or_default(),
            time_zone: None,
        };
        assert_eq!(input.validate().as_ref(), Ok(s));
    }
}

#[test]
fn records_look_like_the_spec() {
    let recs = demo_records(3_000, 7, today());
    let a_numbers: HashSet<_> = recs.iter().filter_map(|r| r.child.a_number).collect();
    assert_eq!(a_numbers.len(), recs.len(), "A-Numbers unique and present");
    assert_eq!(
        recs[0].child.a_number.map(|a| a.normalized()),
        Some("A200000000".to_owned())
    );
    let earliest = today().checked_sub_days(Days::new(730)).expect("date");
    for r in &recs {
        assert_eq!(r.child.notes, DEMO_NOTE);
        let released = r.child.release_date.expect("release date");
        assert!(released <= today() && released >= earliest);
        if let Some(born) = r.child.birth_date {
            assert!(born.year() <= chrono::Datelike::year(&released));
        }
        for p in &r.sponsor.phones {
            let e = p.e164();
            let fake_us = e.starts_with("+1") && e.len() == 12 && &e[5..10] == "55501";
            assert!(fake_us || e.starts_with("+502555501"), "{e}");
        }
        if let Some(code) = &r.proceedings.court_code {
            assert!(Court::by_code(code).is_some());
        }
        if r.proceedings.next_hearing.is_some() {
            assert!(r.proceedings.court_code.is_some());
        }
    }
    // Sponsors: 1–4 children, about 1.5 on average; some share addresses and phones.
    let mut per_sponsor: HashMap<String, usize> = HashMap::new();
    let mut runs = Vec::new();
    let mut prev: Option<&SponsorDraft> = None;
    for r in &recs {
        if prev == Some(&r.sponsor) {
            if let Some(last) = runs.last_mut() {
                *last += 1;
            }
        } else {
            runs.push(1usize);
        }
        prev = Some(&r.sponsor);
        *per_sponsor
            .entry(format!("{:?}", r.sponsor.address))
            .or_default() += 1;
    }
    assert!(runs.iter().all(|&n| (1..=4).contains(&n)));
    let mean = recs.len() as f64 / runs.len() as f64;
    assert!(
        (1.3..1.7).contains(&mean),
        "mean children per sponsor {mean}"
    );
    let hearings = recs
        .iter()
        .filter(|r| r.proceedings.next_hearing.is_some())
        .count();
    assert!(
        (recs.len() / 3..recs.len() * 2 / 3).contains(&hearings),
        "{hearings}"
    );
    let shared_phone = {
        let mut owners: HashMap<&str, HashSet<(&str, &str)>> = HashMap::new();
        for r in &recs {
            for p in &r.sponsor.phones {
                owners
                    .entry(p.e164())
                    .or_default()
                    .insert((&r.sponsor.given_name, &r.sponsor.family_name));
            }
        }
        owners.values().any(|o| o.len() > 1)
    };
    assert!(shared_phone);
    let with_phone = recs.iter().filter(|r| !r.sponsor.phones.is_empty()).count();
    assert!(with_phone > recs.len() * 9 / 10, "{with_phone}");
    assert!(recs
        .iter()
        .any(|r| r.sponsor.phones.iter().any(|p| p.calling_code() == 502)));
    assert!(recs.iter().any(|r| r.sponsor.address_incomplete.is_some()));
    assert!(recs.iter().any(
        |r| r.child.primary_language.map(|l| l.code()) == Some("quc")
            || r.child.primary_language.map(|l| l.code()) == Some("mam")
    ));
}
