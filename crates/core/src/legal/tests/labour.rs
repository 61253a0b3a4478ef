//! The child-labour rules: hours, times, ages, hazardous orders, farm work.

use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::casework::BirthDate;
use crate::legal::*;

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
    assert!(s.flags[0].explanation_en.starts_with("The child described work that matches HO 2, Driving a motor vehicle for work or riding outside one as a helper (29 CFR 570.52). Tether has no date of birth for the child; the orders apply under 18."));
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
