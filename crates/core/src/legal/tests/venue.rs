//! A move to another court's area: the change-of-venue tasks.

use super::*;
use crate::legal::*;

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
