//! Fixed-date tables for every deadline rule and the labour and trafficking rules, in the
//! words of the cases they stand for.

use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::casework::{BirthDate, UsState};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is a date"))
}

fn state(code: &str) -> UsState {
    UsState::parse(code).unwrap_or_else(|_| panic!("{code} is a state"))
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_else(|| panic!("{h}:{m} is a time"))
}

/// José Ramírez, child 17, pursuing SIJS with nothing filed yet.
fn jose(born: NaiveDate, lives_in: &str) -> LegalFacts {
    LegalFacts {
        child_id: 17,
        birth_date: Some(BirthDate::Exact(born)),
        residence_state: Some(state(lives_in)),
        relief: ReliefPlan::new(vec![Pathway::Sijs(SijsProgress::default())], born)
            .unwrap_or_default(),
        ..LegalFacts::default()
    }
}

fn none() -> ClinicOverrides {
    ClinicOverrides::new()
}

fn of_kind<'a>(deadlines: &'a [Deadline], rule: RuleId) -> Option<&'a Deadline> {
    deadlines.iter().find(|d| d.rule.id == rule)
}

// ---- SIJS -------------------------------------------------------------------------------

#[test]
fn a_20_year_old_in_a_21_state_is_warned_180_days_before_the_i360_deadline() {
    // José turns 21 on 2027-06-15; the last day to file is 2027-06-14.
    let facts = jose(day(2006, 6, 15), "CA");
    let cases = [
        (day(2026, 12, 15), 181, None),
        (day(2026, 12, 16), 180, Some(WarnLevel::Within180Days)),
        (day(2027, 3, 16), 90, Some(WarnLevel::Within90Days)),
        (day(2027, 5, 15), 30, Some(WarnLevel::Within30Days)),
        (day(2027, 6, 14), 0, Some(WarnLevel::Within30Days)),
        (day(2027, 6, 15), -1, Some(WarnLevel::Overdue)),
    ];
    for (today, left, warn) in cases {
        let all = deadlines(&facts, &none(), today);
        let i360 = of_kind(&all, RuleId::SijsI360Age);
        assert_eq!(i360.map(|d| d.due_on), Some(day(2027, 6, 14)), "{today}");
        assert_eq!(
            i360.map(|d| (d.days_left, d.warn)),
            Some((left, warn)),
            "{today}"
        );
        assert_eq!(
            i360.map(|d| d.kind.clone()),
            Some(DeadlineKind::I360BeforeAge { age: 21 })
        );
        // California's courts keep jurisdiction to 21 too: the same last day.
        let order = of_kind(&all, RuleId::SijsPredicateOrder);
        assert_eq!(
            order.map(|d| (d.due_on, d.warn)),
            Some((day(2027, 6, 14), warn)),
            "{today}"
        );
        assert_eq!(order.map(|d| d.confirm_locally), Some(false));
    }
    let all = deadlines(&facts, &none(), day(2026, 12, 17));
    let i360 = of_kind(&all, RuleId::SijsI360Age);
    assert_eq!(
        i360.map(|d| d.explanation_en.as_str()),
        Some("The I-360 (SIJS) must be filed before the child turns 21 on 2027-06-15: the last day is 2027-06-14, 179 days from today. The state predicate order must come first.")
    );
    assert!(i360.is_some_and(|d| d.explanation_es.contains("faltan 179 días")));
    assert!(i360.is_some_and(|d| d.rule.source.starts_with("8 CFR 204.11(b)(1)")));
    assert_eq!(
        i360.map(|d| d.key.as_str()),
        Some("legal:sijs_i360_age:17:2027-06-14")
    );
}

#[test]
fn the_same_child_moving_to_an_18_state_gets_the_predicate_order_flag_at_once() {
    let today = day(2026, 12, 17);
    let in_california = jose(day(2006, 6, 15), "CA");
    let in_texas = LegalFacts {
        residence_state: Some(state("TX")),
        ..in_california.clone()
    };
    let before = deadlines(&in_california, &none(), today);
    let after = deadlines(&in_texas, &none(), today);
    let order = of_kind(&after, RuleId::SijsPredicateOrder);
    assert_eq!(order.map(|d| d.due_on), Some(day(2024, 6, 14)));
    assert_eq!(order.map(|d| d.warn), Some(Some(WarnLevel::Overdue)));
    assert!(order.is_some_and(Deadline::is_red_flag));
    assert!(order.is_some_and(|d| d.explanation_en.contains(
        "courts in Texas, where the child lives, can no longer make the predicate order"
    )));
    assert!(order.is_some_and(|d| d.explanation_en.contains("Tex. Fam. Code § 101.003(a)")));
    // A new key, so the store raises a new flag rather than keeping the Californian one.
    let key = |all: &[Deadline]| of_kind(all, RuleId::SijsPredicateOrder).map(|d| d.key.clone());
    assert_eq!(
        key(&before).as_deref(),
        Some("legal:sijs_predicate_order:17:CA:2027-06-14")
    );
    assert_eq!(
        key(&after).as_deref(),
        Some("legal:sijs_predicate_order:17:TX:2024-06-14")
    );
    // The I-360 deadline does not depend on the state.
    assert_eq!(
        of_kind(&after, RuleId::SijsI360Age).map(|d| (d.due_on, d.warn)),
        Some((day(2027, 6, 14), Some(WarnLevel::Within180Days)))
    );
}

#[test]
fn birthdays_around_the_i360_limit() {
    let today = day(2026, 12, 1);
    // (born, last day, days left, warn)
    let cases = [
        (
            day(2005, 11, 30),
            day(2026, 11, 29),
            -2,
            Some(WarnLevel::Overdue),
        ),
        (
            day(2005, 12, 1),
            day(2026, 11, 30),
            -1,
            Some(WarnLevel::Overdue),
        ),
        (
            day(2005, 12, 2),
            day(2026, 12, 1),
            0,
            Some(WarnLevel::Within30Days),
        ),
        (
            day(2005, 12, 3),
            day(2026, 12, 2),
            1,
            Some(WarnLevel::Within30Days),
        ),
        (day(2008, 12, 1), day(2029, 11, 30), 1095, None),
        // Born on a leap day: the 21st birthday is kept on 28 February.
        (
            day(2004, 2, 29),
            day(2025, 2, 27),
            -642,
            Some(WarnLevel::Overdue),
        ),
    ];
    for (born, due, left, warn) in cases {
        let all = deadlines(&jose(born, "NY"), &none(), today);
        let i360 = of_kind(&all, RuleId::SijsI360Age);
        assert_eq!(
            i360.map(|d| (d.due_on, d.days_left, d.warn)),
            Some((due, left, warn)),
            "{born}"
        );
    }
    let overdue = deadlines(&jose(day(2005, 12, 1), "NY"), &none(), today);
    assert!(
        of_kind(&overdue, RuleId::SijsI360Age).is_some_and(|d| d.explanation_en.starts_with(
            "The child turned 21 on 2026-12-01: the I-360 (SIJS) can no longer be filed."
        ))
    );
}

#[test]
fn each_state_class_sets_the_predicate_order_deadline() {
    // Ana López, born 2008-03-10: 18 on 2026-03-10, 19 on 2027-03-10, 21 on 2029-03-10.
    let born = day(2008, 3, 10);
    let today = day(2026, 12, 1);
    let mut clinic = ClinicOverrides::new();
    let _ = clinic.set_predicate_order_age(state("NV"), 21);
    // (state, last day, warn, confirm locally, basis)
    let cases = [
        ("NY", day(2029, 3, 9), None, false, AgeBasis::Sourced),
        ("MD", day(2029, 3, 9), None, false, AgeBasis::Sourced),
        (
            "AL",
            day(2027, 3, 9),
            Some(WarnLevel::Within180Days),
            false,
            AgeBasis::Sourced,
        ),
        (
            "NE",
            day(2027, 3, 9),
            Some(WarnLevel::Within180Days),
            false,
            AgeBasis::Sourced,
        ),
        (
            "TX",
            day(2026, 3, 9),
            Some(WarnLevel::Overdue),
            false,
            AgeBasis::Sourced,
        ),
        (
            "GA",
            day(2026, 3, 9),
            Some(WarnLevel::Overdue),
            true,
            AgeBasis::ConfirmLocally,
        ),
        (
            "GU",
            day(2026, 3, 9),
            Some(WarnLevel::Overdue),
            true,
            AgeBasis::ConfirmLocally,
        ),
        ("NV", day(2029, 3, 9), None, false, AgeBasis::ClinicOverride),
    ];
    for (code, due, warn, confirm, basis) in cases {
        let all = deadlines(&jose(born, code), &clinic, today);
        let order = of_kind(&all, RuleId::SijsPredicateOrder);
        assert_eq!(
            order.map(|d| (d.due_on, d.warn, d.confirm_locally)),
            Some((due, warn, confirm)),
            "{code}"
        );
        let got_basis = order.and_then(|d| match &d.kind {
            DeadlineKind::PredicateOrder { jurisdiction } => Some(jurisdiction.basis),
            _ => None,
        });
        assert_eq!(got_basis, Some(basis), "{code}");
    }
    let ga = deadlines(&jose(born, "GA"), &none(), today);
    let ga = of_kind(&ga, RuleId::SijsPredicateOrder);
    assert!(ga.is_some_and(|d| d
        .explanation_en
        .contains("Tether has no sourced age for Georgia: it assumes 18")));
    assert!(ga.is_some_and(|d| d.explanation_es.contains("Confírmelo con un abogado local")));
}

#[test]
fn the_steps_done_close_their_deadlines() {
    let today = day(2026, 12, 1);
    let born = day(2008, 3, 10);
    let with = |sijs: SijsProgress| LegalFacts {
        relief: ReliefPlan::new(vec![Pathway::Sijs(sijs)], today).unwrap_or_default(),
        ..jose(born, "NY")
    };
    let rules_of = |facts: &LegalFacts| -> Vec<RuleId> {
        deadlines(facts, &none(), today)
            .iter()
            .map(|d| d.rule.id)
            .collect()
    };
    assert_eq!(
        rules_of(&with(SijsProgress::default())),
        [RuleId::SijsI360Age, RuleId::SijsPredicateOrder]
    );
    let obtained = SijsProgress {
        predicate_order_filed_on: Some(day(2026, 2, 1)),
        predicate_order_obtained_on: Some(day(2026, 5, 4)),
        predicate_order_state: Some(state("NY")),
        ..SijsProgress::default()
    };
    assert_eq!(rules_of(&with(obtained.clone())), [RuleId::SijsI360Age]);
    let filed = SijsProgress {
        i360_filed_on: Some(day(2026, 6, 1)),
        ..obtained
    };
    assert!(rules_of(&with(filed)).is_empty());
    // No SIJS in the plan, no SIJS deadlines.
    let nothing = LegalFacts {
        relief: ReliefPlan::none_identified(),
        ..jose(born, "NY")
    };
    assert!(review(&nothing, &none(), today).deadlines.is_empty());
}

#[test]
fn an_estimated_birth_year_counts_from_1_january() {
    let facts = LegalFacts {
        birth_date: Some(BirthDate::Estimated { year: 2006 }),
        ..jose(day(2006, 1, 1), "CA")
    };
    let all = deadlines(&facts, &none(), day(2026, 12, 1));
    let i360 = of_kind(&all, RuleId::SijsI360Age);
    assert_eq!(
        i360.map(|d| (d.due_on, d.birth_date_estimated)),
        Some((day(2026, 12, 31), true))
    );
    assert!(i360.is_some_and(|d| d.explanation_en.ends_with("Record the exact date.")));
}

#[test]
fn a_missing_birth_date_or_state_becomes_a_task() {
    let today = day(2026, 12, 1);
    let no_birth = LegalFacts {
        birth_date: None,
        ..jose(day(2008, 3, 10), "NY")
    };
    let r = review(&no_birth, &none(), today);
    assert!(r.deadlines.is_empty());
    assert_eq!(
        r.tasks.iter().map(|t| t.kind.clone()).collect::<Vec<_>>(),
        [LegalTaskKind::RecordBirthDate]
    );
    let no_state = LegalFacts {
        residence_state: None,
        ..jose(day(2008, 3, 10), "NY")
    };
    let r = review(&no_state, &none(), today);
    assert_eq!(
        r.deadlines.iter().map(|d| d.rule.id).collect::<Vec<_>>(),
        [RuleId::SijsI360Age]
    );
    assert_eq!(
        r.tasks.iter().map(|t| t.kind.clone()).collect::<Vec<_>>(),
        [LegalTaskKind::RecordResidenceState]
    );
}

#[test]
fn a_state_rule_not_yet_in_force_falls_back_to_confirm_locally() {
    // California's § 1510.1 took effect on 2016-01-01.
    let facts = jose(day(1998, 5, 20), "CA");
    let on = |today| {
        let all = deadlines(&facts, &none(), today);
        of_kind(&all, RuleId::SijsPredicateOrder).map(|d| (d.due_on, d.confirm_locally))
    };
    assert_eq!(on(day(2015, 12, 31)), Some((day(2016, 5, 19), true)));
    assert_eq!(on(day(2016, 1, 1)), Some((day(2019, 5, 19), false)));
}

// ---- A rule whose effective date is after today -----------------------------------------

fn book_with_extra_rule(row: &str) -> RuleBook {
    let sources = RuleBook::embedded_sources();
    let rules = format!("{}{row}\n", sources[0].1);
    RuleBook::parse(&rules, sources[1].1, sources[2].1, sources[3].1)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_rule_effective_after_today_does_not_apply_yet() {
    // A hypothetical amendment raising the OTIP age to 19 from 2030.
    let book = book_with_extra_rule(
        "otip_rfa_age,2030-01-01,19,agency_guidance,A future OTIP program instruction,T,T,X,X",
    );
    let facts = LegalFacts {
        child_id: 4,
        birth_date: Some(BirthDate::Exact(day(2012, 8, 1))),
        trafficking_concern: true,
        ..LegalFacts::default()
    };
    let otip = |today| {
        book.deadlines(&facts, &none(), today)
            .into_iter()
            .find(|d| d.rule.id == RuleId::OtipRfaAge)
            .map(|d| (d.kind, d.due_on, d.rule.effective_from))
    };
    assert_eq!(
        otip(day(2029, 12, 31)),
        Some((
            DeadlineKind::OtipRequestForAssistance { age: 18 },
            day(2030, 7, 31),
            day(2016, 5, 11)
        ))
    );
    assert_eq!(
        otip(day(2030, 1, 1)),
        Some((
            DeadlineKind::OtipRequestForAssistance { age: 19 },
            day(2031, 7, 31),
            day(2030, 1, 1)
        ))
    );
    // And a rule with no version in force yet gives nothing at all: before the 2016 program
    // instruction, Tether has no OTIP rule.
    assert!(RuleBook::embedded()
        .deadlines(&facts, &none(), day(2016, 5, 10))
        .iter()
        .all(|d| d.rule.id != RuleId::OtipRfaAge));
}

// ---- OTIP ---------------------------------------------------------------------------------

#[test]
fn the_otip_request_must_arrive_before_the_18th_birthday() {
    // María Pérez turns 18 on 2027-03-10 and said she owes money for the journey.
    let maria = LegalFacts {
        child_id: 21,
        birth_date: Some(BirthDate::Exact(day(2009, 3, 10))),
        trafficking_concern: true,
        ..LegalFacts::default()
    };
    let cases = [
        (day(2027, 3, 8), 1, Some(WarnLevel::Within30Days)),
        (day(2027, 3, 9), 0, Some(WarnLevel::Within30Days)),
        (day(2027, 3, 10), -1, Some(WarnLevel::Overdue)),
        (day(2026, 9, 10), 180, Some(WarnLevel::Within180Days)),
    ];
    for (today, left, warn) in cases {
        let all = deadlines(&maria, &none(), today);
        let otip = of_kind(&all, RuleId::OtipRfaAge);
        assert_eq!(
            otip.map(|d| (d.due_on, d.days_left, d.warn)),
            Some((day(2027, 3, 9), left, warn)),
            "{today}"
        );
    }
    let late = deadlines(&maria, &none(), day(2027, 3, 10));
    assert!(of_kind(&late, RuleId::OtipRfaAge).is_some_and(|d| d
        .explanation_en
        .contains("HHS certifies adult victims through a different process")));
    // Submitted in time: decided after 18 is fine, so no deadline remains.
    let submitted = LegalFacts {
        relief: ReliefPlan::new(
            vec![Pathway::HhsTraffickingAssistance(OtipProgress {
                rfa_submitted_on: Some(day(2027, 3, 1)),
                eligibility_letter_on: None,
            })],
            day(2027, 3, 20),
        )
        .unwrap_or_default(),
        ..maria.clone()
    };
    assert!(deadlines(&submitted, &none(), day(2027, 3, 20)).is_empty());
    // Without a concern or the pathway, there is no OTIP deadline.
    let no_concern = LegalFacts {
        trafficking_concern: false,
        ..maria
    };
    assert!(deadlines(&no_concern, &none(), day(2026, 12, 1)).is_empty());
}

// ---- In absentia -------------------------------------------------------------------------

fn missed(order: InAbsentiaOrder) -> LegalFacts {
    LegalFacts {
        child_id: 9,
        birth_date: Some(BirthDate::Exact(day(2010, 4, 2))),
        hearing_court: Some("HOU".to_owned()),
        missed_hearings: vec![MissedHearing {
            hearing_id: 55,
            hearing_on: day(2026, 6, 10),
            order,
        }],
        ..LegalFacts::default()
    }
}

#[test]
fn a_missed_hearing_asks_whether_an_order_was_entered() {
    let r = review(
        &missed(InAbsentiaOrder::NotYetChecked),
        &none(),
        day(2026, 6, 11),
    );
    assert!(r.deadlines.is_empty());
    assert_eq!(r.tasks.len(), 1);
    let task = &r.tasks[0];
    assert_eq!(
        task.kind,
        LegalTaskKind::AskInAbsentiaOrder { hearing_id: 55 }
    );
    assert_eq!(
        (task.since, task.rule.id),
        (day(2026, 6, 10), RuleId::InAbsentiaAsk)
    );
    assert_eq!(task.key, "legal-task:ask_in_absentia_order:9:55");
    assert!(review(
        &missed(InAbsentiaOrder::NoOrderEntered),
        &none(),
        day(2026, 6, 11)
    )
    .tasks
    .is_empty());
}

#[test]
fn an_in_absentia_order_with_and_without_notice() {
    let order = |ground, motion: Option<NaiveDate>| {
        missed(InAbsentiaOrder::Entered {
            on: day(2026, 6, 10),
            ground,
            motion_filed_on: motion,
            eoir33_filed_on: None,
        })
    };
    let today = day(2026, 11, 20);
    // Exceptional circumstances: 180 days from 2026-06-10 is 2026-12-07 (a Monday; never moved).
    let r = review(
        &order(ReopenGround::ExceptionalCircumstances, None),
        &none(),
        today,
    );
    let ids: Vec<(RuleId, NaiveDate)> = r.deadlines.iter().map(|d| (d.rule.id, d.due_on)).collect();
    assert_eq!(
        ids,
        [
            (RuleId::Eoir33WithMotion, day(2026, 12, 7)),
            (RuleId::InAbsentiaReopenExceptional, day(2026, 12, 7)),
        ]
    );
    assert!(r
        .deadlines
        .iter()
        .all(|d| d.warn == Some(WarnLevel::Within30Days) && d.days_left == 17));
    let motion = of_kind(&r.deadlines, RuleId::InAbsentiaReopenExceptional);
    assert!(motion.is_some_and(|d| d.rule.source.contains("INA § 240(b)(5)(C)(i)")));
    assert!(motion.is_some_and(|d| !d.explanation_en.contains("not recorded")));
    assert!(r.tasks.is_empty());

    // The day after the 180th day the motion is overdue.
    let late = deadlines(
        &order(ReopenGround::ExceptionalCircumstances, None),
        &none(),
        day(2026, 12, 8),
    );
    assert!(late.iter().all(|d| d.warn == Some(WarnLevel::Overdue)));

    // Ground not recorded: the 180 days still count, and the explanation asks which applies.
    let unrecorded = deadlines(&order(ReopenGround::NotYetRecorded, None), &none(), today);
    let motion = of_kind(&unrecorded, RuleId::InAbsentiaReopenExceptional);
    assert_eq!(motion.map(|d| d.due_on), Some(day(2026, 12, 7)));
    assert!(motion.is_some_and(|d| d.explanation_en.contains("record which ground applies")));

    // Notice not received: no time limit, so no deadline; the motion and its EOIR-33 are tasks.
    let r = review(
        &order(ReopenGround::NoticeNotReceived, None),
        &none(),
        today,
    );
    assert!(r.deadlines.is_empty());
    let kinds: Vec<LegalTaskKind> = r.tasks.iter().map(|t| t.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            LegalTaskKind::Eoir33WithMotionToReopen { hearing_id: 55 },
            LegalTaskKind::MotionToReopenNoTimeLimit {
                hearing_id: 55,
                order_on: day(2026, 6, 10)
            },
        ]
    );
    assert!(r
        .tasks
        .iter()
        .any(|t| t.rule.source.contains("INA § 240(b)(5)(C)(ii)")));

    // A filed motion closes everything.
    let filed = review(
        &order(
            ReopenGround::ExceptionalCircumstances,
            Some(day(2026, 9, 1)),
        ),
        &none(),
        today,
    );
    assert!(filed.deadlines.is_empty() && filed.tasks.is_empty());
}

// ---- Change of venue -----------------------------------------------------------------

fn moved(to_court: Option<&str>, motion: VenueMotion, from: &str, to: &str) -> LegalFacts {
    LegalFacts {
        child_id: 30,
        hearing_court: Some("HOU".to_owned()),
        moves: vec![
            MoveFact {
                move_id: 1,
                recorded_on: day(2026, 2, 1),
                from_state: Some(state("TX")),
                to_state: state("TX"),
                court_for_new_address: Some("HOU".to_owned()),
                venue_motion: VenueMotion::NotNeeded,
                eoir33_with_motion_filed: false,
            },
            MoveFact {
                move_id: 2,
                recorded_on: day(2026, 11, 2),
                from_state: Some(state(from)),
                to_state: state(to),
                court_for_new_address: to_court.map(str::to_owned),
                venue_motion: motion,
                eoir33_with_motion_filed: false,
            },
        ],
        ..LegalFacts::default()
    }
}

#[test]
fn a_move_to_another_courts_area_suggests_a_venue_motion_and_the_eoir33() {
    let today = day(2026, 11, 3);
    let r = review(
        &moved(Some("nyc"), VenueMotion::NotFiled, "TX", "NY"),
        &none(),
        today,
    );
    let kinds: Vec<LegalTaskKind> = r.tasks.iter().map(|t| t.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            LegalTaskKind::ConsiderVenueChange {
                move_id: 2,
                to_court: "NYC".to_owned()
            },
            LegalTaskKind::Eoir33WithVenueMotion { move_id: 2 },
        ]
    );
    let consider = &r.tasks[0];
    assert!(
        consider
            .explanation_en
            .contains("the child must keep attending every hearing at Houston"),
        "{}",
        consider.explanation_en
    );
    assert!(consider
        .explanation_es
        .contains("debe seguir yendo a todas las audiencias"));
    assert_eq!(consider.rule.id, RuleId::VenueChange);
    assert!(
        r.deadlines.is_empty(),
        "a venue motion has no legal deadline"
    );

    // Pending motion: keep attending the current court.
    let pending = review(
        &moved(
            Some("NYC"),
            VenueMotion::Filed {
                on: day(2026, 11, 20),
            },
            "TX",
            "NY",
        ),
        &none(),
        day(2026, 11, 21),
    );
    assert_eq!(
        pending
            .tasks
            .iter()
            .map(|t| t.kind.clone())
            .collect::<Vec<_>>(),
        [LegalTaskKind::KeepAttendingCurrentCourt {
            move_id: 2,
            court: "HOU".to_owned()
        }]
    );
    // Granted, or the same court: nothing.
    for facts in [
        moved(
            Some("NYC"),
            VenueMotion::Granted {
                on: day(2026, 12, 1),
            },
            "TX",
            "NY",
        ),
        moved(Some("HOU"), VenueMotion::NotFiled, "TX", "TX"),
        moved(None, VenueMotion::NotFiled, "TX", "TX"),
    ] {
        assert!(
            review(&facts, &none(), today).tasks.is_empty(),
            "{:?}",
            facts.moves[1]
        );
    }
    // Across states with the court not yet looked up: find out.
    let unknown = review(
        &moved(None, VenueMotion::NotFiled, "TX", "NY"),
        &none(),
        today,
    );
    assert_eq!(
        unknown
            .tasks
            .iter()
            .map(|t| t.kind.clone())
            .collect::<Vec<_>>(),
        [LegalTaskKind::FindCourtForNewAddress {
            move_id: 2,
            to_state: state("NY")
        }]
    );
    assert!(unknown.tasks[0]
        .explanation_en
        .starts_with("The child moved from Texas to New York on 2026-11-02."));
}

// ---- Asylum ---------------------------------------------------------------------------

#[test]
fn asylum_for_an_unaccompanied_child_is_recorded_so_the_adult_rule_is_not_applied() {
    let today = day(2026, 12, 1);
    let plan = |filed_with| {
        ReliefPlan::new(
            vec![Pathway::Asylum(AsylumProgress {
                i589_filed_on: Some(day(2026, 3, 3)),
                filed_with: Some(filed_with),
                interview_on: None,
                decision: None,
            })],
            today,
        )
        .unwrap_or_default()
    };
    let facts = |filed_with| LegalFacts {
        child_id: 5,
        relief: plan(filed_with),
        ..LegalFacts::default()
    };
    let r = review(&facts(AsylumForum::Uscis), &none(), today);
    assert!(r.deadlines.is_empty(), "no one-year deadline is counted");
    let kinds: Vec<LegalNoteKind> = r.notes.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [
            LegalNoteKind::AsylumNoOneYearDeadline,
            LegalNoteKind::AsylumUscisInitialJurisdiction
        ]
    );
    assert!(r.notes[0].rule.source.contains("INA § 208(a)(2)(E)"));
    assert!(r.notes[1].rule.source.contains("INA § 208(b)(3)(C)"));
    let at_court = review(&facts(AsylumForum::ImmigrationCourt), &none(), today);
    assert!(at_court.notes[1]
        .explanation_en
        .contains("recorded as filed with the immigration court"));
}

#[test]
fn every_review_carries_the_disclaimer_and_both_languages() {
    let mut facts = jose(day(2009, 3, 10), "GA");
    facts.trafficking_concern = true;
    facts.missed_hearings = missed(InAbsentiaOrder::NotYetChecked).missed_hearings;
    let r = review(&facts, &none(), day(2026, 12, 1));
    assert_eq!(r.disclaimer_en, DISCLAIMER_EN);
    assert!(r.disclaimer_en.contains("checklist, not legal advice"));
    assert!(r.disclaimer_es.contains("no asesoría legal"));
    assert_eq!(r.deadlines.len(), 3);
    for d in &r.deadlines {
        assert!(!d.explanation_en.is_empty() && !d.explanation_es.is_empty());
        assert_ne!(d.explanation_en, d.explanation_es);
        assert!(!d.rule.source.is_empty() && !d.rule.text_es.is_empty());
    }
    let keys: std::collections::BTreeSet<&str> =
        r.deadlines.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys.len(), r.deadlines.len());
    let json = serde_json::to_string(&facts).unwrap_or_default();
    assert_eq!(serde_json::from_str::<LegalFacts>(&json).ok(), Some(facts));
    assert!(serde_json::to_string(&r).is_ok_and(|j| j.contains("\"warn\":\"within_180_days\"")));
}

// ---- Labour ----------------------------------------------------------------------------

/// Luis Gómez works; the answers differ per case.
fn works(answers: ScreeningAnswers) -> ScreeningAnswers {
    ScreeningAnswers {
        works: Some(true),
        farm_work: answers.farm_work.or(Some(false)),
        hazardous_orders: answers.hazardous_orders.clone().or(Some(Vec::new())),
        ..answers
    }
}

fn codes(born: BirthDate, answers: &ScreeningAnswers, call: NaiveDate) -> Vec<String> {
    screen(answers, Some(&born), call)
        .map(|s| s.flags.into_iter().map(|f| f.code).collect())
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_hour_limits_for_a_15_year_old() {
    let luis = BirthDate::Exact(day(2011, 3, 10));
    let school_term = day(2026, 12, 1);
    let cases: [(ScreeningAnswers, &[&str]); 16] = [
        (
            ScreeningAnswers {
                school_day_minutes: Some(180),
                ..works(ScreeningAnswers::default())
            },
            &[],
        ),
        (
            ScreeningAnswers {
                school_day_minutes: Some(181),
                ..works(ScreeningAnswers::default())
            },
            &["labour:school_day_hours"],
        ),
        (
            ScreeningAnswers {
                school_week_minutes: Some(18 * 60),
                ..works(ScreeningAnswers::default())
            },
            &[],
        ),
        (
            ScreeningAnswers {
                school_week_minutes: Some(19 * 60),
                ..works(ScreeningAnswers::default())
            },
            &["labour:school_week_hours"],
        ),
        (
            ScreeningAnswers {
                non_school_day_minutes: Some(8 * 60),
                ..works(ScreeningAnswers::default())
            },
            &[],
        ),
        (
            ScreeningAnswers {
                non_school_day_minutes: Some(9 * 60),
                ..works(ScreeningAnswers::default())
            },
            &["labour:non_school_day_hours"],
        ),
        (
            ScreeningAnswers {
                non_school_week_minutes: Some(40 * 60),
                ..works(ScreeningAnswers::default())
            },
            &[],
        ),
        (
            ScreeningAnswers {
                non_school_week_minutes: Some(41 * 60),
                ..works(ScreeningAnswers::default())
            },
            &["labour:non_school_week_hours"],
        ),
        (
            ScreeningAnswers {
                start_time: Some(time(7, 0)),
                ..works(ScreeningAnswers::default())
            },
            &[],
        ),
        (
            ScreeningAnswers {
                start_time: Some(time(6, 30)),
                ..works(ScreeningAnswers::default())
            },
            &["labour:start_time"],
        ),
        (
            ScreeningAnswers {
                end_time: Some(time(19, 0)),
                ..works(ScreeningAnswers::default())
            },
            &[],
        ),
        (
            ScreeningAnswers {
                end_time: Some(time(19, 30)),
                ..works(ScreeningAnswers::default())
            },
            &["labour:end_time"],
        ),
        // A shift that ends after midnight.
        (
            ScreeningAnswers {
                end_time: Some(time(1, 0)),
                ..works(ScreeningAnswers::default())
            },
            &["labour:end_time"],
        ),
        (
            ScreeningAnswers {
                during_school_hours: Some(true),
                ..works(ScreeningAnswers::default())
            },
            &["labour:during_school_hours"],
        ),
        (
            ScreeningAnswers {
                during_school_hours: Some(false),
                ..works(ScreeningAnswers::default())
            },
            &[],
        ),
        // Not working: the hour answers do not matter.
        (
            ScreeningAnswers {
                works: Some(false),
                school_day_minutes: Some(600),
                ..ScreeningAnswers::default()
            },
            &[],
        ),
    ];
    for (answers, want) in cases {
        assert_eq!(codes(luis, &answers, school_term), want, "{answers:?}");
    }
    let four_and_a_half = works(ScreeningAnswers {
        school_day_minutes: Some(270),
        ..ScreeningAnswers::default()
    });
    let s = screen(&four_and_a_half, Some(&luis), school_term).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        s.flags[0].explanation_en,
        "The child is 15 and said they work 4 h 30 min on a school day; the limit is 3 h. On a school day, Fridays included, a 14- or 15-year-old may work at most 3 hours."
    );
    assert!(s.flags[0].explanation_es.starts_with("El menor tiene 15 años y dijo que trabaja 4 h 30 min en un día de escuela; el límite es 3 h."));
    assert_eq!(s.flags[0].rule.source, "29 CFR 570.35(a)(4)");
    assert!(!s.flags[0].offer_concern_report);
}

#[test]
fn from_june_1_through_labor_day_the_evening_limit_is_9_pm() {
    let luis = BirthDate::Exact(day(2011, 3, 10));
    let at = |end: NaiveTime| {
        works(ScreeningAnswers {
            end_time: Some(end),
            ..ScreeningAnswers::default()
        })
    };
    // Labor Day 2026 is Monday 7 September.
    let cases = [
        (day(2026, 5, 31), time(20, 30), true),
        (day(2026, 6, 1), time(20, 30), false),
        (day(2026, 7, 15), time(21, 0), false),
        (day(2026, 7, 15), time(21, 30), true),
        (day(2026, 9, 7), time(20, 30), false),
        (day(2026, 9, 8), time(20, 30), true),
    ];
    for (call, end, flagged) in cases {
        let got = codes(luis, &at(end), call);
        assert_eq!(!got.is_empty(), flagged, "{call} {end}");
    }
    let summer =
        screen(&at(time(21, 30)), Some(&luis), day(2026, 7, 15)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summer.flags[0].rule.id, RuleId::FlsaSummerLatestEnd);
}

#[test]
fn ages_around_14_16_and_18() {
    let call = day(2026, 12, 1);
    let school_day_4h = works(ScreeningAnswers {
        school_day_minutes: Some(240),
        ..ScreeningAnswers::default()
    });
    let roofing = works(ScreeningAnswers {
        hazardous_orders: Some(vec![16]),
        ..ScreeningAnswers::default()
    });
    let cases: [(NaiveDate, &ScreeningAnswers, &[&str]); 8] = [
        // Turns 14 tomorrow: under the minimum age today.
        (
            day(2012, 12, 2),
            &school_day_4h,
            &["labour:under_minimum_age"],
        ),
        (
            day(2012, 12, 1),
            &school_day_4h,
            &["labour:school_day_hours"],
        ),
        (
            day(2010, 12, 2),
            &school_day_4h,
            &["labour:school_day_hours"],
        ),
        // 16 today: the hour limits no longer apply.
        (day(2010, 12, 1), &school_day_4h, &[]),
        (day(2010, 12, 1), &roofing, &["labour:hazardous:570.67"]),
        (day(2008, 12, 2), &roofing, &["labour:hazardous:570.67"]),
        // 18 today: the Hazardous Occupations Orders no longer apply.
        (day(2008, 12, 1), &roofing, &[]),
        (day(2012, 12, 1), &roofing, &["labour:hazardous:570.67"]),
    ];
    for (born, answers, want) in cases {
        assert_eq!(codes(BirthDate::Exact(born), answers, call), want, "{born}");
    }
    let s = screen(&roofing, Some(&BirthDate::Exact(day(2009, 5, 1))), call)
        .unwrap_or_else(|e| panic!("{e}"));
    let flag = &s.flags[0];
    assert_eq!(
        flag.hazardous
            .as_ref()
            .map(|h| (h.order, h.cfr_section.as_str())),
        Some((16, "570.67"))
    );
    assert!(flag.explanation_en.starts_with("The child is 17 and described work that matches HO 16, Roofing and all work on or about a roof (29 CFR 570.67)."));
    assert!(flag.explanation_es.contains("HO 16, Techos"));
}

#[test]
fn an_estimated_year_reads_the_youngest_age_and_an_unknown_age_asks_for_the_date() {
    let call = day(2026, 12, 1);
    let answers = works(ScreeningAnswers {
        school_day_minutes: Some(240),
        hazardous_orders: Some(vec![2]),
        ..ScreeningAnswers::default()
    });
    // ~2011: 14 or 15 on 2026-12-01; the hour limits apply either way.
    assert_eq!(
        codes(BirthDate::Estimated { year: 2011 }, &answers, call),
        ["labour:school_day_hours", "labour:hazardous:570.52"]
    );
    // ~2012: could still be 13.
    assert_eq!(
        codes(BirthDate::Estimated { year: 2012 }, &answers, call),
        ["labour:under_minimum_age", "labour:hazardous:570.52"]
    );
    let s = screen(&answers, None, call).unwrap_or_else(|e| panic!("{e}"));
    assert!(s.needs_birth_date);
    assert_eq!(
        s.flags.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(),
        ["labour:hazardous:570.52"]
    );
    assert!(s.flags[0].explanation_en.contains("no date of birth"));
}

#[test]
fn farm_work_is_flagged_as_different_rules_not_checked() {
    let answers = ScreeningAnswers {
        works: Some(true),
        farm_work: Some(true),
        school_day_minutes: Some(600),
        ..ScreeningAnswers::default()
    };
    let s = screen(
        &answers,
        Some(&BirthDate::Exact(day(2012, 1, 1))),
        day(2026, 12, 1),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        s.flags.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(),
        ["labour:farm_work"]
    );
    assert!(s.flags[0].rule.source.contains("29 U.S.C. § 213(c)"));
    assert!(!s.unanswered.contains(&QuestionId::SchoolDayHours));
}

#[test]
fn an_unknown_hazardous_order_is_an_error_naming_the_field() {
    let answers = works(ScreeningAnswers {
        hazardous_orders: Some(vec![18]),
        ..ScreeningAnswers::default()
    });
    let err = screen(&answers, None, day(2026, 12, 1)).err();
    assert_eq!(err, Some(ScreeningError::UnknownHazardousOrder(18)));
    assert_eq!(
        err.as_ref().map(ScreeningError::field),
        Some("hazardous_orders")
    );
}

// ---- Trafficking indicators -----------------------------------------------------------------

#[test]
fn a_debt_a_held_id_or_not_being_free_to_leave_raises_an_indicator_and_offers_a_report() {
    let call = day(2026, 12, 1);
    let kevin = BirthDate::Exact(day(2010, 8, 19));
    let cases: [(ScreeningAnswers, &[&str]); 8] = [
        (
            ScreeningAnswers {
                owes_for_journey: Some(true),
                ..ScreeningAnswers::default()
            },
            &["trafficking:journey_debt"],
        ),
        (
            ScreeningAnswers {
                owes_for_journey: Some(false),
                ..ScreeningAnswers::default()
            },
            &[],
        ),
        (
            ScreeningAnswers {
                id_holder: Some(IdHolder::SomeoneElseKeepsIt),
                ..ScreeningAnswers::default()
            },
            &["trafficking:id_held"],
        ),
        (
            ScreeningAnswers {
                id_holder: Some(IdHolder::SponsorGivesItWhenAsked),
                ..ScreeningAnswers::default()
            },
            &[],
        ),
        (
            ScreeningAnswers {
                free_to_leave: Some(false),
                ..ScreeningAnswers::default()
            },
            &["trafficking:not_free_to_leave"],
        ),
        (
            ScreeningAnswers {
                free_to_leave: Some(true),
                ..ScreeningAnswers::default()
            },
            &[],
        ),
        (
            ScreeningAnswers {
                food_and_bed: Some(FoodAndBed::Employer),
                ..ScreeningAnswers::default()
            },
            &["trafficking:employer_housing"],
        ),
        (
            ScreeningAnswers {
                food_and_bed: Some(FoodAndBed::ChildPaysFromWork),
                ..ScreeningAnswers::default()
            },
            &[],
        ),
    ];
    for (answers, want) in cases {
        let s = screen(&answers, Some(&kevin), call).unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<&str> = s.flags.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(got, want, "{answers:?}");
        assert_eq!(s.offer_concern_report, !want.is_empty());
        assert_eq!(s.raises_trafficking_concern(), !want.is_empty());
    }
    let debt = screen(
        &ScreeningAnswers {
            owes_for_journey: Some(true),
            ..ScreeningAnswers::default()
        },
        Some(&kevin),
        call,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let flag = &debt.flags[0];
    assert_eq!(flag.category, ScreeningCategory::TraffickingIndicator);
    assert!(flag.offer_concern_report);
    assert!(flag.explanation_en.contains("not a finding"));
    assert!(flag
        .explanation_en
        .contains("Tether does not decide whether this is trafficking"));
    assert!(flag
        .explanation_es
        .contains("Ofrezca hacer un reporte de preocupación"));
    assert!(flag.rule.source.contains("22 U.S.C. § 7102"));
}

#[test]
fn the_questions_still_to_ask_follow_the_answers() {
    let call = day(2026, 12, 1);
    let fifteen = BirthDate::Exact(day(2011, 3, 10));
    let blank = screen(&ScreeningAnswers::default(), Some(&fifteen), call)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        blank.unanswered,
        [
            QuestionId::Works,
            QuestionId::IdHolder,
            QuestionId::JourneyDebt,
            QuestionId::FreeToLeave,
            QuestionId::FoodAndBed
        ]
    );
    let working = screen(
        &ScreeningAnswers {
            works: Some(true),
            ..ScreeningAnswers::default()
        },
        Some(&fifteen),
        call,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(working.unanswered.contains(&QuestionId::SchoolDayHours));
    assert!(working.unanswered.contains(&QuestionId::KindOfWork));
    let seventeen = BirthDate::Exact(day(2009, 3, 10));
    let older = screen(
        &ScreeningAnswers {
            works: Some(true),
            ..ScreeningAnswers::default()
        },
        Some(&seventeen),
        call,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !older.unanswered.contains(&QuestionId::SchoolDayHours),
        "no hour limits at 17"
    );
    assert!(older.unanswered.contains(&QuestionId::KindOfWork));
    // Every question the screening can ask is in the data file, in both languages.
    let book = RuleBook::embedded();
    for q in QuestionId::ALL {
        assert!(
            book.questions()
                .get(q)
                .is_some_and(|row| !row.question_es.is_empty()),
            "{q:?}"
        );
    }
}
