//! Asylum for an unaccompanied child (and the disclaimer every review carries).

use super::in_absentia::missed;
use super::*;
use crate::legal::*;

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
