//! A child's immigration proceedings as typed, and their validation: NTA status and date,
//! court, next hearing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::field::field_error;
use crate::casework::text::{fold, shown};
use crate::casework::{
    parse_date, parse_local_datetime, Court, FieldError, NtaStatus, ProceedingsDraft,
};

/// A child's immigration proceedings as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProceedingsInput {
    /// `not_served`, `served` or `filed` (empty: not served).
    pub nta_status: String,
    /// `YYYY-MM-DD`.
    pub nta_served_on: String,
    /// EOIR court code (`ATL`, `HOU`).
    pub court_code: String,
    /// `YYYY-MM-DD HH:MM`, the court's local time.
    pub next_hearing: String,
}

/// `not_served` (also `not served`, `no`, blank), `served`, `filed`.
pub fn parse_nta_status(raw: &str) -> Result<NtaStatus, String> {
    if raw.trim().is_empty() {
        return Ok(NtaStatus::NotServed);
    }
    match fold(raw).as_str() {
        "not served" | "notserved" | "no" | "none" => Ok(NtaStatus::NotServed),
        "served" => Ok(NtaStatus::Served),
        "filed" => Ok(NtaStatus::Filed),
        _ => Err(format!(
            "NTA status {:?} is not one of not_served, served, filed",
            shown(raw)
        )),
    }
}

impl ProceedingsInput {
    /// Checks every field and builds the proceedings, or returns every field error.
    pub fn validate(&self, today: NaiveDate) -> Result<ProceedingsDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let nta_status = parse_nta_status(&self.nta_status)
            .map_err(|m| {
                errors.push(
                    field_error("nta_status", "nta_status_invalid", m)
                        .with("value", shown(&self.nta_status)),
                )
            })
            .unwrap_or_default();
        let status_known = !errors.iter().any(|e| e.field == "nta_status");

        let nta_served_on = if self.nta_served_on.trim().is_empty() {
            None
        } else {
            match parse_date("date NTA served", &self.nta_served_on) {
                Ok(d) if d > today => {
                    errors.push(
                        field_error(
                            "nta_served_on",
                            "date_in_future",
                            format!("date NTA served {d} is in the future (today is {today})"),
                        )
                        .with("value", d)
                        .with("today", today),
                    );
                    None
                }
                Ok(d) if status_known && nta_status == NtaStatus::NotServed => {
                    errors.push(
                        field_error(
                            "nta_served_on",
                            "nta_date_without_service",
                            format!(
                                "date NTA served {d} is given but the NTA status is not_served; \
                                 set the status to served or filed, or clear the date"
                            ),
                        )
                        .with("value", d),
                    );
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(FieldError::from_error("nta_served_on", &e));
                    None
                }
            }
        };

        let court_code = if self.court_code.trim().is_empty() {
            None
        } else {
            Court::parse_code(&self.court_code)
                .map(|c| c.code.clone())
                .map_err(|e| errors.push(FieldError::from_error("court_code", &e)))
                .ok()
        };

        let next_hearing = if self.next_hearing.trim().is_empty() {
            None
        } else {
            match parse_local_datetime("next hearing", &self.next_hearing) {
                Ok(at) => {
                    if self.court_code.trim().is_empty() {
                        errors.push(
                            field_error(
                                "next_hearing",
                                "hearing_without_court",
                                format!(
                                    "next hearing {at} has no court: a hearing's time is the \
                                     court's local time, so give the court code"
                                ),
                            )
                            .with("value", at.format("%Y-%m-%d %H:%M")),
                        );
                    }
                    Some(at)
                }
                Err(e) => {
                    errors.push(FieldError::from_error("next_hearing", &e));
                    None
                }
            }
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ProceedingsDraft {
            nta_status,
            nta_served_on,
            court_code,
            next_hearing,
        })
    }
}
