//! The federal child-labour rules a screening answer can touch (non-farm work):
//!
//! - under 14: generally not employable (29 CFR 570.2);
//! - 14 and 15: only outside school hours, at most 3 hours on a school day and 18 in a school
//!   week, 8 on a day and 40 in a week without school, only between 7 a.m. and 7 p.m. (9 p.m.
//!   from June 1 through Labor Day) (29 CFR 570.35);
//! - under 18: none of the Hazardous Occupations Orders (29 CFR 570.51–570.68).
//!
//! Every number comes from the rule in force on the day of the call. The child's age is the
//! youngest their birth date allows, so an estimated year never lets a stricter limit slip.
//! Farm work has other rules, which are not checked: it raises one flag saying so.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::age::youngest_age_on;
use super::book::RuleBook;
use super::hazardous::HazardousOccupation;
use super::rules::{Rule, RuleId};
use super::screening::{
    show_minutes, ScreeningAnswers, ScreeningCategory, ScreeningError, ScreeningFlag,
};
use crate::casework::BirthDate;
use crate::followup::calendar::federal_holidays;

#[derive(Debug, Default)]
pub(super) struct LabourOutcome {
    pub(super) flags: Vec<ScreeningFlag>,
    /// The hour questions matter: the child works and is (or may be) 14 or 15.
    pub(super) ask_hours: bool,
    pub(super) needs_birth_date: bool,
}

fn flag(
    code: String,
    rule: &Rule,
    hazardous: Option<&HazardousOccupation>,
    en: String,
    es: String,
) -> ScreeningFlag {
    ScreeningFlag {
        code,
        category: ScreeningCategory::Labour,
        rule: rule.clone(),
        hazardous: hazardous.cloned(),
        explanation_en: format!("{en} {}", rule.text_en),
        explanation_es: format!("{es} {}", rule.text_es),
        offer_concern_report: false,
    }
}

/// From June 1 through Labor Day (the first Monday of September), inclusive.
pub(super) fn in_summer(on: NaiveDate) -> bool {
    let june_first = NaiveDate::from_ymd_opt(on.year(), 6, 1);
    let labor_day = federal_holidays(on.year())
        .into_iter()
        .find(|(_, name)| *name == "Labor Day")
        .map(|(d, _)| d);
    match (june_first, labor_day) {
        (Some(start), Some(end)) => start <= on && on <= end,
        _ => false,
    }
}

pub(super) fn labour_flags(
    book: &RuleBook,
    answers: &ScreeningAnswers,
    birth: Option<&BirthDate>,
    on: NaiveDate,
) -> Result<LabourOutcome, ScreeningError> {
    let mut out = LabourOutcome::default();
    let orders: Vec<&HazardousOccupation> = answers
        .hazardous_orders
        .iter()
        .flatten()
        .map(|n| {
            book.hazardous()
                .by_order(*n)
                .ok_or(ScreeningError::UnknownHazardousOrder(*n))
        })
        .collect::<Result<_, _>>()?;
    if answers.works != Some(true) {
        return Ok(out);
    }
    let rules = book.rules();
    let rule = |id| rules.in_force(id, on);
    if answers.farm_work == Some(true) {
        if let Some(r) = rule(RuleId::FlsaFarmWork) {
            out.flags.push(flag(
                "labour:farm_work".to_owned(),
                r,
                None,
                "The child said they do farm work.".to_owned(),
                "El menor dijo que hace trabajo agrícola.".to_owned(),
            ));
        }
        return Ok(out);
    }

    let age = birth.and_then(|b| youngest_age_on(b, on));
    out.needs_birth_date = age.is_none();
    let years = |id| rule(id).and_then(Rule::years).map(u32::from);
    let minimum = years(RuleId::FlsaMinimumAge);
    let hours_until = years(RuleId::FlsaHoursAge);
    let hazardous_until = years(RuleId::FlsaHazardousAge);

    if let (Some(age), Some(minimum), Some(r)) = (age, minimum, rule(RuleId::FlsaMinimumAge)) {
        if age < minimum {
            out.flags.push(flag(
                "labour:under_minimum_age".to_owned(),
                r,
                None,
                format!("The child is {age} and said they work."),
                format!("El menor tiene {age} años y dijo que trabaja."),
            ));
        }
    }

    let in_hours_band = match (age, minimum, hours_until) {
        (Some(age), Some(min), Some(until)) => (min..until).contains(&age),
        // Without an age the limits may apply: ask, and say the birth date is needed.
        (None, Some(_), Some(_)) => true,
        _ => false,
    };
    out.ask_hours = in_hours_band;
    if in_hours_band {
        if let Some(age) = age {
            hour_flags(book, answers, age, on, &mut out.flags);
        }
    }

    let may_be_minor = match (age, hazardous_until) {
        (Some(age), Some(until)) => age < until,
        (None, Some(_)) => true,
        _ => false,
    };
    if let (true, Some(r)) = (may_be_minor, rule(RuleId::FlsaHazardousAge)) {
        for h in orders {
            let (who_en, who_es, unknown_en, unknown_es) = match age {
                Some(age) => (
                    format!("The child is {age} and"),
                    format!("El menor tiene {age} años y"),
                    String::new(),
                    String::new(),
                ),
                None => (
                    "The child".to_owned(),
                    "El menor".to_owned(),
                    format!(" Tether has no date of birth for the child; the orders apply under {}.", hazardous_until.unwrap_or_default()),
                    format!(" Tether no tiene la fecha de nacimiento del menor; las órdenes se aplican a menores de {} años.", hazardous_until.unwrap_or_default()),
                ),
            };
            out.flags.push(flag(
                format!("labour:hazardous:{}", h.cfr_section),
                r,
                Some(h),
                format!(
                    "{who_en} described work that matches HO {}, {} (29 CFR {}).{unknown_en}",
                    h.order, h.name_en, h.cfr_section
                ),
                format!(
                    "{who_es} describió un trabajo que corresponde a la HO {}, {} (29 CFR {}).{unknown_es}",
                    h.order, h.name_es, h.cfr_section
                ),
            ));
        }
    }
    Ok(out)
}

/// The hour and time-of-day limits for a 14- or 15-year-old.
fn hour_flags(
    book: &RuleBook,
    answers: &ScreeningAnswers,
    age: u32,
    on: NaiveDate,
    out: &mut Vec<ScreeningFlag>,
) {
    let rules = book.rules();
    let rule = |id| rules.in_force(id, on);
    if let (Some(true), Some(r)) = (
        answers.during_school_hours,
        rule(RuleId::FlsaOutsideSchoolHours),
    ) {
        out.push(flag(
            "labour:during_school_hours".to_owned(),
            r,
            None,
            format!("The child is {age} and said they work during school hours."),
            format!("El menor tiene {age} años y dijo que trabaja en horas de clase."),
        ));
    }
    let limits = [
        (
            RuleId::FlsaSchoolDayHours,
            answers.school_day_minutes,
            "school_day_hours",
            "on a school day",
            "en un día de escuela",
        ),
        (
            RuleId::FlsaSchoolWeekHours,
            answers.school_week_minutes,
            "school_week_hours",
            "in a school week",
            "en una semana con clases",
        ),
        (
            RuleId::FlsaNonSchoolDayHours,
            answers.non_school_day_minutes,
            "non_school_day_hours",
            "on a day without school",
            "en un día sin escuela",
        ),
        (
            RuleId::FlsaNonSchoolWeekHours,
            answers.non_school_week_minutes,
            "non_school_week_hours",
            "in a week without school",
            "en una semana sin clases",
        ),
    ];
    for (id, minutes, code, when_en, when_es) in limits {
        let (Some(minutes), Some(r)) = (minutes, rule(id)) else {
            continue;
        };
        let Some(limit) = r.hours().map(|h| u32::from(h) * 60) else {
            continue;
        };
        if minutes > limit {
            let (said, max) = (show_minutes(minutes), show_minutes(limit));
            out.push(flag(
                format!("labour:{code}"),
                r,
                None,
                format!("The child is {age} and said they work {said} {when_en}; the limit is {max}."),
                format!("El menor tiene {age} años y dijo que trabaja {said} {when_es}; el límite es {max}."),
            ));
        }
    }

    let start_rule = rule(RuleId::FlsaEarliestStart);
    let end_rule = if in_summer(on) {
        rule(RuleId::FlsaSummerLatestEnd)
    } else {
        rule(RuleId::FlsaLatestEnd)
    };
    let (Some(start_rule), Some(end_rule)) = (start_rule, end_rule) else {
        return;
    };
    let (Some(earliest), Some(latest)) = (start_rule.time_of_day(), end_rule.time_of_day()) else {
        return;
    };
    let outside = |t: NaiveTime| t < earliest || t > latest;
    let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
    if let Some(start) = answers.start_time.filter(|t| outside(*t)) {
        let r = if start < earliest {
            start_rule
        } else {
            end_rule
        };
        out.push(flag(
            "labour:start_time".to_owned(),
            r,
            None,
            format!(
                "The child is {age} and said they start work at {}; work is allowed only from {} to {}.",
                hhmm(start),
                hhmm(earliest),
                hhmm(latest)
            ),
            format!(
                "El menor tiene {age} años y dijo que empieza a trabajar a las {}; solo se permite trabajar de {} a {}.",
                hhmm(start),
                hhmm(earliest),
                hhmm(latest)
            ),
        ));
    }
    // An end before 7 a.m. is a shift that ran past midnight.
    if let Some(end) = answers.end_time.filter(|t| outside(*t)) {
        out.push(flag(
            "labour:end_time".to_owned(),
            end_rule,
            None,
            format!(
                "The child is {age} and said they finish work at {}; work is allowed only from {} to {}.",
                hhmm(end),
                hhmm(earliest),
                hhmm(latest)
            ),
            format!(
                "El menor tiene {age} años y dijo que termina de trabajar a las {}; solo se permite trabajar de {} a {}.",
                hhmm(end),
                hhmm(earliest),
                hhmm(latest)
            ),
        ));
    }
}
