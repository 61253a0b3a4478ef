//! One demo child's drawn values, and their immigration proceedings.

use chrono::{Days, NaiveDate, NaiveTime};

use super::pools::{FAMILY, GIVEN_F, GIVEN_M, HEARING_TIMES, ORR_PROGRAMS};
use super::rng::SplitMix64;
use super::tables::Tables;
use super::{DEMO_NOTE, FIRST_DEMO_A_NUMBER};
use crate::casework::{ANumber, BirthDate, ChildDraft, Court, NtaStatus, ProceedingsDraft, Sex};

pub(super) fn demo_child(
    rng: &mut SplitMix64,
    tables: &Tables,
    sponsor_family: &str,
    relationship: &str,
    i: usize,
    today: NaiveDate,
) -> ChildDraft {
    let female = rng.chance(45);
    let given = *rng.pick(if female { GIVEN_F } else { GIVEN_M });
    // Children of a parent or sibling sponsor usually share a family name.
    let family = if relationship != "family friend" && rng.chance(70) {
        sponsor_family
    } else {
        rng.pick(FAMILY)
    };
    let release_date = today.checked_sub_days(Days::new(rng.below(730) as u64));
    let age_days = 365 * (6 + rng.below(12)) + rng.below(365);
    let birth_date = release_date
        .and_then(|r| r.checked_sub_days(Days::new(age_days as u64)))
        .map(|d| {
            if rng.chance(10) {
                BirthDate::Estimated {
                    year: chrono::Datelike::year(&d),
                }
            } else {
                BirthDate::Exact(d)
            }
        });
    let country = tables.countries.get(rng.below(3)).copied();
    let guatemalan = country.is_some_and(|c| c.code() == "GT");
    let (primary_language, interpreter_needed) = if guatemalan && rng.chance(35) {
        (
            tables.mayan.get(rng.below(tables.mayan.len())).copied(),
            true,
        )
    } else {
        (tables.spanish, rng.chance(90))
    };
    let a_number = u32::try_from(i)
        .ok()
        .and_then(|i| FIRST_DEMO_A_NUMBER.checked_add(i))
        .and_then(ANumber::from_u32);
    ChildDraft {
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        aliases: Vec::new(),
        birth_date,
        sex: Some(if female { Sex::Female } else { Sex::Male }),
        a_number,
        country_of_birth: country,
        primary_language,
        interpreter_needed,
        release_date,
        orr_program: Some((*rng.pick(ORR_PROGRAMS)).to_owned()),
        relationship: Some(relationship.to_owned()),
        notes: DEMO_NOTE.to_owned(),
    }
}

pub(super) fn demo_proceedings(
    rng: &mut SplitMix64,
    courts: &[Court],
    release_date: Option<NaiveDate>,
    today: NaiveDate,
) -> ProceedingsDraft {
    let nta_status = match rng.below(100) {
        0..=29 => NtaStatus::NotServed,
        30..=59 => NtaStatus::Served,
        _ => NtaStatus::Filed,
    };
    let nta_served_on = match (nta_status, release_date) {
        (NtaStatus::NotServed, _) | (_, None) => None,
        (_, Some(r)) => r
            .checked_add_days(Days::new(rng.below(60) as u64))
            .map(|d| d.min(today)),
    };
    let court_code = if nta_status == NtaStatus::NotServed || courts.is_empty() {
        None
    } else {
        Some(rng.pick(courts).code.clone())
    };
    let next_hearing = match &court_code {
        Some(_) if rng.chance(80) => {
            let (h, m) = *rng.pick(HEARING_TIMES);
            let day = today.checked_add_days(Days::new(1 + rng.below(300) as u64));
            day.zip(NaiveTime::from_hms_opt(h, m, 0))
                .map(|(d, t)| d.and_time(t))
        }
        _ => None,
    };
    ProceedingsDraft {
        nta_status,
        nta_served_on,
        court_code,
        next_hearing,
    }
}
