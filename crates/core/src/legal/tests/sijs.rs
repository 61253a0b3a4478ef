//! SIJS: the I-360 before 21 and the predicate order before the state's age.

use super::*;
use crate::casework::BirthDate;
use crate::legal::*;

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
