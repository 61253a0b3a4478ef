//! Proceedings: hearings and their results, the Notice to Appear, the attorney of record and
//! the last ACIS check. Each is one `change_child`.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;
use tether_core::casework::{Court, FieldError, HearingOutcome, HearingType, NtaStatus};
use tether_core::AuditAction;

use super::too_long;
use crate::audit_log::Target;
use crate::casework::{children, columns, hearings, ChildView, HearingView};
use crate::error::{Result, StoreError};
use crate::session::Session;

impl Session {
    /// Adds a hearing; the same hearing twice (same child, date-time and court) is refused as
    /// a duplicate (`DuplicateHearing`, a conflict), whatever its type.
    pub fn add_hearing(
        &mut self,
        id_or_case: &str,
        at: NaiveDateTime,
        court_code: &str,
        kind: HearingType,
    ) -> Result<HearingView> {
        let at_local = at.format("%Y-%m-%d %H:%M").to_string();
        let (child, hearing) = self.change_child(
            AuditAction::HearingAdded,
            Target::new("child", ""),
            |s| {
                let court = Court::parse_code(court_code)
                    .map_err(|e| StoreError::invalid_field(FieldError::from_error("court", &e)))?;
                Ok((s.child_id(id_or_case)?, court))
            },
            |tx, child, court| {
                // Checked inside the write transaction, so a second `hearing add` of the same
                // hearing (the window and the CLI at once) cannot both pass. An import re-run
                // still updates its hearings in place (`insert_hearing`'s upsert).
                if hearings::hearing_exists(tx, child, &at_local, &court.code)? {
                    return Err(StoreError::DuplicateHearing {
                        child: id_or_case.trim().to_owned(),
                        at: at_local.clone(),
                        court: court.code.clone(),
                    });
                }
                let hearing = hearings::insert_hearing(tx, child, &at_local, &court.code, kind)?;
                children::set_court(tx, child, &court.code)?;
                let detail = json!({ "hearing_id": hearing, "at": at_local, "court": court.code });
                Ok(("hearing", hearing, detail))
            },
        )?;
        hearings::hearing(&self.conn, child, hearing)
    }

    pub fn set_nta(
        &mut self,
        id_or_case: &str,
        status: NtaStatus,
        served_on: Option<NaiveDate>,
    ) -> Result<ChildView> {
        let (child, _) = self.change_child(
            AuditAction::NtaUpdated,
            Target::new("child", ""),
            |s| {
                if status == NtaStatus::NotServed && served_on.is_some() {
                    let day = served_on.map(|d| d.to_string()).unwrap_or_default();
                    return Err(StoreError::invalid_field(
                        FieldError::new(
                            "served_on",
                            "nta_date_without_service",
                            "a Notice to Appear that was not served has no service date",
                        )
                        .with("value", day),
                    ));
                }
                if served_on.is_some_and(|d| d > s.today()) {
                    return Err(s.in_future("served_on", "the service date", served_on));
                }
                Ok((s.child_id(id_or_case)?, ()))
            },
            |tx, child, ()| {
                children::set_nta(tx, child, status, served_on)?;
                let kept: Option<String> = tx
                    .query_row(
                        "SELECT nta_served_on FROM children WHERE id = ?1",
                        [child],
                        |r| r.get(0),
                    )
                    .map_err(StoreError::sql("read the Notice to Appear"))?;
                let detail = json!({ "status": columns::nta_str(status), "served_on": kept });
                Ok(("child", child, detail))
            },
        )?;
        self.child_view(child)
    }

    /// Records a hearing's outcome (`missed` raises a red flag) and judge.
    pub fn set_hearing_result(
        &mut self,
        hearing_id: i64,
        outcome: Option<HearingOutcome>,
        judge: Option<&str>,
    ) -> Result<HearingView> {
        let judge = judge.map(str::trim).filter(|j| !j.is_empty());
        let (child, _) = self.change_child(
            AuditAction::HearingUpdated,
            Target::new("hearing", &hearing_id.to_string()),
            |s| {
                let child = hearings::child_of(&s.conn, hearing_id)?;
                // What happened at a hearing is known once it was held: an outcome for a
                // hearing still ahead would close its reminders. `continued` and
                // `terminated` can be decided before the day.
                let ahead = hearings::day_of(&s.conn, hearing_id)?.is_some_and(|d| d > s.today());
                if ahead && outcome.is_some_and(|o| !o.may_be_known_before_the_day()) {
                    let day = hearings::day_of(&s.conn, hearing_id)?;
                    return Err(StoreError::invalid_field(
                        FieldError::new(
                            "outcome",
                            "hearing_outcome_in_future",
                            "the hearing has not happened yet: record its outcome on or after the day",
                        )
                        .with("value", day.map(|d| d.to_string()).unwrap_or_default())
                        .with("today", s.today()),
                    ));
                }
                if judge.is_some_and(|j| j.chars().count() > 200) {
                    return Err(too_long("judge", "the judge's name", judge));
                }
                Ok((child, ()))
            },
            |tx, _, ()| {
                hearings::set_result(tx, hearing_id, outcome, judge)?;
                let detail = json!({
                    "hearing_id": hearing_id,
                    "outcome": outcome.map(|o| o.as_str()),
                    "judge": judge,
                });
                Ok(("hearing", hearing_id, detail))
            },
        )?;
        hearings::hearing(&self.conn, child, hearing_id)
    }

    /// The attorney of record and the last ACIS check. `None` leaves a field as it is; an
    /// empty attorney clears it.
    pub fn set_proceedings(
        &mut self,
        id_or_case: &str,
        attorney: Option<&str>,
        acis_checked: Option<NaiveDate>,
    ) -> Result<ChildView> {
        let (child, _) = self.change_child(
            AuditAction::ProceedingsUpdated,
            Target::new("child", ""),
            |s| {
                if acis_checked.is_some_and(|d| d > s.today()) {
                    return Err(s.in_future("acis_checked", "the ACIS check date", acis_checked));
                }
                if attorney.is_some_and(|a| a.chars().count() > 200) {
                    return Err(too_long("attorney", "the attorney's name", attorney));
                }
                Ok((s.child_id(id_or_case)?, ()))
            },
            |tx, child, ()| {
                if let Some(a) = attorney.map(str::trim) {
                    children::set_attorney(tx, child, (!a.is_empty()).then_some(a))?;
                }
                if let Some(day) = acis_checked {
                    children::set_acis_checked(tx, child, day)?;
                }
                let detail = json!({
                    "attorney": attorney.map(str::trim),
                    "acis_checked": acis_checked.map(|d| d.to_string()),
                });
                Ok(("child", child, detail))
            },
        )?;
        self.child_view(child)
    }
}
