//! Trafficking indicators and the questions still to ask.

use super::*;
use crate::casework::BirthDate;
use crate::legal::*;

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
