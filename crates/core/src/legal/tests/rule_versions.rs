//! A rule whose effective date is after `today` does not apply yet.

use super::*;
use crate::casework::BirthDate;
use crate::legal::*;

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
