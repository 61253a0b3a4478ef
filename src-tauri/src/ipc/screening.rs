//! The screening answers of the log-call dialog (issue 13, section 3), as the webview sends
//! them: the same names as `tether_core::legal::ScreeningAnswers`, times as `HH:MM`.

use serde::Deserialize;
use specta::Type;
use tether_core::legal::{FoodAndBed, IdHolder, ScreeningAnswers as CoreAnswers};

use super::AppError;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Type)]
pub struct ScreeningAnswers {
    pub works: Option<bool>,
    pub farm_work: Option<bool>,
    /// Hazardous Occupations Orders (1–17) the caller matched to the work described.
    pub hazardous_orders: Option<Vec<u8>>,
    pub school_day_minutes: Option<u32>,
    pub school_week_minutes: Option<u32>,
    pub non_school_day_minutes: Option<u32>,
    pub non_school_week_minutes: Option<u32>,
    /// `HH:MM`.
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub during_school_hours: Option<bool>,
    /// `child`, `sponsor_gives_it_when_asked`, `someone_else_keeps_it`, `no_id`.
    pub id_holder: Option<String>,
    pub owes_for_journey: Option<bool>,
    pub free_to_leave: Option<bool>,
    /// `sponsor_or_family`, `child_pays_from_work`, `employer`, `someone_else`.
    pub food_and_bed: Option<String>,
}

fn time(field: &str, raw: Option<&str>) -> Result<Option<chrono::NaiveTime>, AppError> {
    match raw.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => chrono::NaiveTime::parse_from_str(t, "%H:%M")
            .map(Some)
            .map_err(|_| AppError::invalid(field, format!("\"{t}\" is not a time like 19:30"))),
    }
}

fn choice<T: serde::de::DeserializeOwned>(
    field: &str,
    raw: Option<&str>,
) -> Result<Option<T>, AppError> {
    match raw.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(v) => serde_json::from_value(serde_json::Value::String(v.to_owned()))
            .map(Some)
            .map_err(|_| AppError::invalid(field, format!("\"{v}\" is not one of the answers"))),
    }
}

impl TryFrom<ScreeningAnswers> for CoreAnswers {
    type Error = AppError;
    fn try_from(a: ScreeningAnswers) -> Result<Self, AppError> {
        Ok(CoreAnswers {
            works: a.works,
            farm_work: a.farm_work,
            hazardous_orders: a.hazardous_orders,
            school_day_minutes: a.school_day_minutes,
            school_week_minutes: a.school_week_minutes,
            non_school_day_minutes: a.non_school_day_minutes,
            non_school_week_minutes: a.non_school_week_minutes,
            start_time: time("screening.start_time", a.start_time.as_deref())?,
            end_time: time("screening.end_time", a.end_time.as_deref())?,
            during_school_hours: a.during_school_hours,
            id_holder: choice::<IdHolder>("screening.id_holder", a.id_holder.as_deref())?,
            owes_for_journey: a.owes_for_journey,
            free_to_leave: a.free_to_leave,
            food_and_bed: choice::<FoodAndBed>(
                "screening.food_and_bed",
                a.food_and_bed.as_deref(),
            )?,
        })
    }
}
