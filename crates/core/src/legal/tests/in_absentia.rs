//! A missed hearing and an in absentia order, with and without notice.

use chrono::NaiveDate;

use super::*;
use crate::casework::BirthDate;
use crate::legal::*;

pub(super) fn missed(order: InAbsentiaOrder) -> LegalFacts {
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
