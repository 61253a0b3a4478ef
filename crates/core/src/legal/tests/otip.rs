//! The HHS (OTIP) Request for Assistance before the 18th birthday.

use super::*;
use crate::casework::BirthDate;
use crate::legal::*;

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
