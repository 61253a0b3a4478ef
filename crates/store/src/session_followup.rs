//! `Session` operations on follow-up: the call queue, logging calls, tasks, red flags.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use tether_core::casework::input::SponsorInput;
use tether_core::casework::FieldError;
use tether_core::followup::{
    call_status, flags, sponsor_local_time, CallOutcome, CallStatus, TaskKind,
};
use tether_core::{AuditAction, AuditOutcome, Permission};

use crate::audit_log::{self, Target};
use crate::casework::rows;
use crate::error::{Result, StoreError};
use crate::followup::views::{
    CallDue, CallLogged, Dashboard, DayCount, FlagView, HearingItem, TaskView,
};
use crate::followup::{facts, tasks};
use crate::session::Session;

/// The standard Safety & Well-Being questions; every answer optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwbAnswers {
    pub still_with_sponsor: Option<bool>,
    pub enrolled_in_school: Option<bool>,
    pub knows_court_date: Option<bool>,
    pub feels_safe: Option<bool>,
    pub new_address: Option<NewAddress>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAddress {
    pub line1: String,
    #[serde(default)]
    pub unit: String,
    pub city: String,
    pub state: String,
    pub zip: String,
}

impl SwbAnswers {
    /// Reads the `--answers` JSON; the error names the field that is wrong.
    pub fn parse(json: &str) -> Result<Self> {
        serde_json::from_str(json).map_err(|e| StoreError::InvalidInput {
            field: "answers",
            reason: format!(
                "{e} (expected keys: still_with_sponsor, enrolled_in_school, knows_court_date, \
                 feels_safe as true/false, new_address as {{line1, unit, city, state, zip}})"
            ),
        })
    }
}

impl Session {
    /// Safety & Well-Being call attempts due on or before `on`, overdue (before today) first,
    /// with the sponsor's local time now and whether it is inside the calling window.
    pub fn calls_due(&mut self, on: NaiveDate, now: DateTime<Utc>) -> Result<Vec<CallDue>> {
        self.authorize(
            Some(Permission::LogCalls),
            AuditAction::CallLogged,
            Target::new("call", ""),
        )?;
        let settings = facts::settings(&self.conn)?;
        tasks::calls_due(
            &self.conn,
            on,
            self.today(),
            now,
            &settings,
            &self.visibility(),
        )
    }

    /// Every open task due on or before `on`: calls, hearing reminders, ACIS checks, EOIR-33
    /// deadlines, escalations. Volunteers see the calls only.
    pub fn tasks(&mut self, on: NaiveDate) -> Result<Vec<TaskView>> {
        self.authorize(
            Some(Permission::LogCalls),
            AuditAction::CallLogged,
            Target::new("task", ""),
        )?;
        let kinds: Option<&[&str]> = if self.user.role.may(Permission::EditCases) {
            None
        } else {
            Some(&["swb_call", "hearing_reminder"])
        };
        tasks::tasks_due(&self.conn, on, self.today(), kinds, &self.visibility())
    }

    /// Logs one call attempt on the child's open Safety & Well-Being call. `at` is the
    /// sponsor's local time (default: now there). A new address in the answers updates the
    /// sponsor and starts the EOIR-33 deadline; a safety concern escalates at once.
    pub fn log_call(
        &mut self,
        id_or_case: &str,
        outcome: CallOutcome,
        at: Option<NaiveDateTime>,
        note: &str,
        answers: Option<SwbAnswers>,
    ) -> Result<CallLogged> {
        self.authorize(
            Some(Permission::LogCalls),
            AuditAction::CallLogged,
            Target::new("child", ""),
        )?;
        if note.chars().count() > 10_000 {
            return Err(StoreError::coded(
                "note",
                FieldError::new(
                    "note",
                    "too_long",
                    "the note is longer than 10,000 characters",
                )
                .with("chars", note.chars().count())
                .with("max", 10_000),
            ));
        }
        let child_id = rows::resolve_child(&self.conn, id_or_case)?;
        let (sponsor_id, tz): (Option<i64>, Option<String>) = self
            .conn
            .query_row(
                "SELECT c.sponsor_id, s.time_zone FROM children c LEFT JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = ?1",
                [child_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(StoreError::sql("find the sponsor"))?;
        let tz = tz.unwrap_or_else(|| "America/New_York".into());
        let local = match at {
            Some(at) => at,
            None => sponsor_local_time(Utc::now(), &tz).unwrap_or_else(|| Utc::now().naive_utc()),
        };
        if local.date() > self.today() + chrono::Days::new(1) {
            return Err(StoreError::coded(
                "at",
                FieldError::new("at", "date_in_future", "the call is in the future")
                    .with("value", local.date())
                    .with("today", self.today()),
            ));
        }
        // The attempt belongs to the child's open call that is due first.
        let open: Option<String> = self
            .conn
            .query_row(
                "SELECT detail FROM tasks WHERE child_id = ?1 AND kind = 'swb_call' AND closed = 0
                 ORDER BY due_on, id LIMIT 1",
                [child_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(StoreError::sql("find the open call"))?;
        let (offset_days, attempt) =
            match open.and_then(|d| serde_json::from_str::<TaskKind>(&d).ok()) {
                Some(TaskKind::SwbCall {
                    offset_days,
                    attempt,
                }) => (offset_days, attempt),
                _ => (0, 1),
            };
        let move_to = match answers.as_ref().and_then(|a| a.new_address.clone()) {
            Some(addr) => {
                let sid = sponsor_id.ok_or_else(|| StoreError::InvalidInput {
                    field: "answers",
                    reason: "the child has no sponsor to move".into(),
                })?;
                let mut input = rows::sponsor_input(&self.conn, sid)?;
                input = SponsorInput {
                    address_line1: addr.line1,
                    address_line2: addr.unit,
                    city: addr.city,
                    state: addr.state,
                    postal_code: addr.zip,
                    ..input
                };
                let draft = input
                    .validate()
                    .map_err(|fields| StoreError::InvalidFields { fields })?;
                Some((sid, draft))
            }
            None => None,
        };
        let answers_json = answers
            .as_ref()
            .map(|a| {
                serde_json::json!({
                    "still_with_sponsor": a.still_with_sponsor,
                    "enrolled_in_school": a.enrolled_in_school,
                    "knows_court_date": a.knows_court_date,
                    "feels_safe": a.feels_safe,
                    "new_address": a.new_address.is_some(),
                })
                .to_string()
            })
            .unwrap_or_else(|| "{}".into());
        let settings = facts::settings(&self.conn)?;
        let today = self.today();
        let call_id = self.write(None, AuditAction::CallLogged, Target::VAULT, |tx, me| {
            tx.execute(
                "INSERT INTO calls (child_id, offset_days, attempt, called_at, called_on, time_zone, outcome, caller, notes, answers)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    child_id,
                    offset_days,
                    attempt,
                    local.format("%Y-%m-%d %H:%M").to_string(),
                    local.date().to_string(),
                    tz,
                    outcome.as_str(),
                    me.name,
                    note.trim(),
                    answers_json
                ],
            )
            .map_err(StoreError::sql("log the call"))?;
            let call_id = tx.last_insert_rowid();
            audit_log::record(tx, &me.name, AuditAction::CallLogged, "call", call_id)?;
            if let Some((sid, draft)) = &move_to {
                let change = rows::record_address_change(tx, *sid, draft, local.date())?;
                audit_log::record(tx, &me.name, AuditAction::AddressChanged, "address_change", change)?;
                let siblings: Vec<i64> = tx
                    .prepare("SELECT id FROM children WHERE sponsor_id = ?1")
                    .and_then(|mut s| s.query_map([sid], |r| r.get(0))?.collect())
                    .map_err(StoreError::sql("reschedule"))?;
                for id in siblings {
                    tasks::reschedule(tx, id, &settings, today)?;
                }
            }
            tasks::reschedule(tx, child_id, &settings, today)?;
            Ok(call_id)
        })?;
        let case = facts::case_facts(&self.conn, child_id)?;
        let (status, next_due_on) = match case.release_date {
            Some(release) if offset_days > 0 => {
                match call_status(release, offset_days, &case.calls, settings.max_attempts) {
                    CallStatus::Open { due_on, .. } => ("open", Some(due_on.to_string())),
                    CallStatus::Reached { .. } => ("reached", None),
                    CallStatus::Unreached { .. } => ("unreached", None),
                    CallStatus::Escalated { .. } => ("escalated", None),
                }
            }
            _ if outcome == CallOutcome::SafetyConcern => ("escalated", None),
            _ => ("logged_outside_schedule", None),
        };
        Ok(CallLogged {
            call_id,
            child_id,
            attempt,
            outcome: outcome.as_str().into(),
            call_status: status.into(),
            next_due_on,
        })
    }

    /// Every red flag, each with its explanation; acknowledged ones stay listed.
    pub fn red_flags(&mut self) -> Result<Vec<FlagView>> {
        self.authorize(
            Some(Permission::ReviewFlags),
            AuditAction::FlagAcknowledged,
            Target::new("flag", ""),
        )?;
        let inputs = facts::flag_inputs(&self.conn, &|g, f| format!("{g} {f}"))?;
        let raised = flags(&inputs, self.today());
        let mut stmt = self
            .conn
            .prepare_cached("SELECT at, actor, note FROM flag_acks WHERE key = ?1")
            .map_err(StoreError::sql("read acknowledgements"))?;
        let mut out = Vec::with_capacity(raised.len());
        for f in raised {
            let ack: Option<(String, String, String)> = stmt
                .query_row([&f.key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()
                .map_err(StoreError::sql("read acknowledgements"))?;
            out.push(FlagView {
                flag_id: f.key,
                kind: f.kind.as_str().into(),
                child_id: f.child_id,
                sponsor_id: f.sponsor_id,
                sponsor_ids: f.sponsor_ids,
                explanation_en: f.explanation_en,
                explanation_es: f.explanation_es,
                acknowledged: ack.is_some(),
                acknowledged_at: ack.as_ref().map(|a| a.0.clone()),
                acknowledged_by: ack.as_ref().map(|a| a.1.clone()),
                acknowledgement_note: ack.map(|a| a.2),
            });
        }
        Ok(out)
    }

    /// Acknowledges a raised flag with a note. The flag stays listed, marked acknowledged.
    pub fn acknowledge_flag(&mut self, flag_id: &str, note: &str) -> Result<FlagView> {
        self.authorize(
            Some(Permission::ReviewFlags),
            AuditAction::FlagAcknowledged,
            Target::new("flag", ""),
        )?;
        let note = note.trim();
        if note.chars().count() < 3 {
            return Err(StoreError::coded(
                "note",
                FieldError::new(
                    "note",
                    "too_short",
                    "say what was done about the flag (at least 3 characters)",
                )
                .with("min", 3),
            ));
        }
        if !self.red_flags()?.iter().any(|f| f.flag_id == flag_id) {
            return Err(StoreError::NotFound {
                kind: "red flag",
                id: flag_id.to_owned(),
            });
        }
        self.write(None, AuditAction::FlagAcknowledged, Target::VAULT, |tx, me| {
            tx.execute(
                "INSERT INTO flag_acks (key, at, actor, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET at = excluded.at, actor = excluded.actor, note = excluded.note",
                params![flag_id, rows::now(), me.name, note],
            )
            .map_err(StoreError::sql("acknowledge the flag"))?;
            let rowid = tx.last_insert_rowid();
            audit_log::record(tx, &me.name, AuditAction::FlagAcknowledged, "flag_ack", rowid)
        })?;
        self.red_flags()?
            .into_iter()
            .find(|f| f.flag_id == flag_id)
            .ok_or_else(|| StoreError::NotFound {
                kind: "red flag",
                id: flag_id.to_owned(),
            })
    }

    /// Counts for the dashboard on `on`.
    pub fn dashboard(&mut self, on: NaiveDate) -> Result<Dashboard> {
        self.authorize(
            Some(Permission::LogCalls),
            AuditAction::CallLogged,
            Target::new("dashboard", ""),
        )?;
        let day = on.to_string();
        let week = (on + chrono::Days::new(7)).to_string();
        let count = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<u32> {
            self.conn
                .query_row(sql, args, |r| r.get(0))
                .map_err(StoreError::sql("count for the dashboard"))
        };
        let calls_due_today = count(
            "SELECT count(*) FROM tasks WHERE closed = 0 AND kind = 'swb_call' AND due_on = ?1",
            &[&day],
        )?;
        let calls_overdue = count(
            "SELECT count(*) FROM tasks WHERE closed = 0 AND kind = 'swb_call' AND due_on < ?1",
            &[&day],
        )?;
        let unreached_children = count("SELECT count(DISTINCT child_id) FROM tasks WHERE kind = 'escalation' AND detail LIKE '%\"unreached\"%'", &[])?;
        let hearings_this_week = count("SELECT count(*) FROM hearings WHERE substr(at_local, 1, 10) >= ?1 AND substr(at_local, 1, 10) < ?2", &[&day, &week])?;
        let nta_not_served = count(
            "SELECT count(*) FROM children WHERE nta_status = 'not_served'",
            &[],
        )?;
        let open_flags = if self.user.role.may(Permission::ReviewFlags) {
            u32::try_from(self.red_flags()?.iter().filter(|f| !f.acknowledged).count())
                .unwrap_or(u32::MAX)
        } else {
            0
        };
        let mut calls_by_day = Vec::with_capacity(14);
        {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT count(*) FROM tasks WHERE closed = 0 AND kind = 'swb_call' AND due_on = ?1")
                .map_err(StoreError::sql("count for the dashboard"))?;
            for i in 0..14 {
                let d = (on + chrono::Days::new(i)).to_string();
                let n: u32 = stmt
                    .query_row([&d], |r| r.get(0))
                    .map_err(StoreError::sql("count for the dashboard"))?;
                calls_by_day.push(DayCount { day: d, count: n });
            }
        }
        Ok(Dashboard {
            on: day,
            calls_due_today,
            calls_overdue,
            unreached_children,
            hearings_this_week,
            open_flags,
            nta_not_served,
            calls_by_day,
        })
    }

    /// Hearings from `from` to `to` inclusive (court local dates). Empty for volunteers, who
    /// see no court detail.
    pub fn hearings_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<HearingItem>> {
        self.authorize(
            Some(Permission::ViewCases),
            AuditAction::ChildViewed,
            Target::new("hearing", ""),
        )?;
        if !self.visibility().court_detail {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT h.id, c.id, c.case_number, c.given_name || ' ' || c.family_name, h.at_local,
                    h.court_code, h.kind, h.outcome
                 FROM hearings h JOIN children c ON c.id = h.child_id
                 WHERE substr(h.at_local, 1, 10) BETWEEN ?1 AND ?2 ORDER BY h.at_local, h.id",
            )
            .map_err(StoreError::sql("read hearings"))?;
        let rows = stmt
            .query_map([from.to_string(), to.to_string()], |r| {
                let code: String = r.get(5)?;
                let court = tether_core::casework::Court::by_code(&code);
                Ok(HearingItem {
                    hearing_id: r.get(0)?,
                    child_id: r.get(1)?,
                    case_number: r.get(2)?,
                    child_name: r.get(3)?,
                    at: r.get(4)?,
                    court_name: court.map(|c| c.display_name()),
                    time_zone: court.map(|c| c.time_zone.clone()),
                    court_code: code,
                    kind: r.get(6)?,
                    outcome: r.get(7)?,
                })
            })
            .map_err(StoreError::sql("read hearings"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(StoreError::sql("read hearings"))
    }

    /// Days after release of each Safety & Well-Being call (default `[30]`).
    pub fn set_call_offsets(&mut self, offsets: &[u16]) -> Result<()> {
        if offsets.is_empty() || offsets.iter().any(|d| *d == 0 || *d > 365) {
            return Err(StoreError::InvalidInput {
                field: "offsets",
                reason: "give one or more days between 1 and 365, e.g. 7,14,30".into(),
            });
        }
        let today = self.today();
        self.write(
            Some(Permission::ChangeSettings),
            AuditAction::SettingsChanged,
            Target::new("setting", "swb_offsets_days"),
            |tx, me| {
                facts::save_offsets(tx, offsets)?;
                tasks::reschedule_all(tx, today)?;
                audit_log::append(
                    tx,
                    &me.name,
                    AuditAction::SettingsChanged,
                    Target::new("setting", "swb_offsets_days"),
                    AuditOutcome::Ok,
                )
            },
        )
    }

    pub fn call_offsets(&self) -> Result<Vec<u16>> {
        Ok(facts::settings(&self.conn)?.swb_offsets_days)
    }

    /// Recomputes one child's tasks after a change (called inside the change's transaction).
    pub(crate) fn reschedule_child(conn: &rusqlite::Connection, child_id: i64) -> Result<()> {
        let settings = facts::settings(conn)?;
        tasks::reschedule(conn, child_id, &settings, Utc::now().date_naive())
    }
}
