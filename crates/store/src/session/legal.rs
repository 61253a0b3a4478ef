//! `Session` operations on legal work (issue 13): relief plans and their deadlines, the in
//! absentia order after a missed hearing, concern reports signed step by step, prepared
//! hearing reminders, supervisors. Every change goes through `change_case`, so the step, the
//! child's tasks, the history event and the audit entry land together.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;
use tether_core::casework::{display_child_name, redaction::Visibility, FieldError, UsState};
use tether_core::legal::{
    AsylumForum, ConcernCategory, ConcernState, ConcernStep, Destination, InAbsentiaOrder,
    ReopenGround, StepDetail, DISCLAIMER_EN, DISCLAIMER_ES,
};
use tether_core::{AuditAction, AuditOutcome, Permission, Role};

use super::cases::Changed;
use super::Session;
use crate::audit_log::Target;
use crate::error::{Result, StoreError};
use crate::legal::concerns::{self, ConcernRow};
use crate::legal::{
    facts, schedule, ConcernStepView, ConcernView, DeadlineItem, DeadlinesView, DestinationView,
    ReliefView,
};
use crate::{settings, users};

/// What a person writes about a concern: at least this many characters.
const MIN_TEXT: usize = 3;

/// Where an approved report went, as `concern report` records it.
#[derive(Debug, Clone)]
pub struct ReportedTo<'a> {
    pub to: &'a str,
    pub on: NaiveDate,
    pub reference: &'a str,
}

fn label(conn: &Connection, child_id: i64, vis: &Visibility) -> Result<(String, String)> {
    conn.query_row(
        "SELECT case_number, given_name, family_name FROM children WHERE id = ?1",
        [child_id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                display_child_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?, *vis),
            ))
        },
    )
    .map_err(StoreError::sql("read the case"))
}

fn written(field: &str, what: &str) -> StoreError {
    StoreError::invalid_field(
        FieldError::new(
            field,
            "too_short",
            format!("{what} (at least {MIN_TEXT} characters)"),
        )
        .with("min", MIN_TEXT),
    )
}

fn concern_view(conn: &Connection, row: ConcernRow, vis: &Visibility) -> Result<ConcernView> {
    let (case_number, child_name) = label(conn, row.child_id, vis)?;
    let category = ConcernCategory::parse(&row.category).ok();
    let steps = concerns::steps(conn, row.id)?;
    let mut state = ConcernState::Draft;
    let views: Vec<ConcernStepView> = steps
        .iter()
        .map(|s| {
            state = match s.step.as_str() {
                "submit" => ConcernState::Submitted,
                "approve" => ConcernState::Approved,
                "return" => ConcernState::Draft,
                "report" => ConcernState::Reported,
                "close" => ConcernState::Closed,
                _ => state,
            };
            ConcernStepView {
                step: s.step.clone(),
                at: s.at.clone(),
                by: s.actor.clone(),
                note: s.note.clone(),
                detail: s.detail.clone(),
                state: state.as_str().to_owned(),
            }
        })
        .collect();
    let by_step = |step: &str| {
        steps
            .iter()
            .rev()
            .find(|s| s.step == step)
            .map(|s| s.actor.clone())
    };
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let report_days = settings::concern_report_days(conn)?;
    Ok(ConcernView {
        concern_id: row.id,
        child_id: row.child_id,
        case_number,
        child_name,
        call_id: row.call_id,
        category_en: category.map(|c| c.label_en()).unwrap_or("Other").to_owned(),
        category_es: category.map(|c| c.label_es()).unwrap_or("Otro").to_owned(),
        category: row.category,
        heard: row.heard,
        submit_by: (row.state == "draft")
            .then(|| day(&row.opened_on).map(|d| tether_core::legal::submit_due(d).to_string()))
            .flatten(),
        report_by: (row.state == "approved")
            .then(|| {
                row.approved_on
                    .as_deref()
                    .and_then(day)
                    .map(|d| tether_core::legal::report_due(d, report_days).to_string())
            })
            .flatten(),
        state: row.state,
        opened_on: row.opened_on,
        opened_by: by_step("open").unwrap_or_default(),
        approved_on: row.approved_on,
        approved_by: by_step("approve"),
        reported_to: row.reported_to,
        reported_on: row.reported_on,
        reference: row.reference,
        steps: views,
        disclaimer_en: DISCLAIMER_EN.to_owned(),
        disclaimer_es: DISCLAIMER_ES.to_owned(),
    })
}

/// Every destination with what the person should know before choosing it.
pub fn concern_destinations() -> Vec<DestinationView> {
    Destination::ALL
        .into_iter()
        .map(|d| {
            let i = d.info();
            DestinationView {
                destination: d.as_str().to_owned(),
                name_en: i.name_en.to_owned(),
                name_es: i.name_es.to_owned(),
                who_is_told_en: i.who_is_told_en.to_owned(),
                who_is_told_es: i.who_is_told_es.to_owned(),
                what_may_follow_en: i.what_may_follow_en.to_owned(),
                what_may_follow_es: i.what_may_follow_es.to_owned(),
            }
        })
        .collect()
}

impl Session {
    fn relief_view(&self, child_id: i64) -> Result<ReliefView> {
        let today = self.today();
        let review = schedule::review(&self.conn, child_id, today)?;
        let legal = facts::legal_facts(&self.conn, child_id, today)?;
        let (case_number, child_name) = label(&self.conn, child_id, &self.visibility())?;
        Ok(ReliefView {
            child_id,
            case_number,
            child_name,
            status: match legal.relief.status() {
                tether_core::legal::ReliefStatus::NoReliefIdentifiedYet => {
                    "no_relief_identified_yet"
                }
                tether_core::legal::ReliefStatus::Pursuing => "pursuing",
            }
            .to_owned(),
            pathways: legal.relief.pathways().to_vec(),
            residence_state: legal.residence_state.map(|s| s.code().to_owned()),
            deadlines: review.deadlines,
            tasks: review.tasks,
            notes: review.notes,
            disclaimer_en: review.disclaimer_en,
            disclaimer_es: review.disclaimer_es,
        })
    }

    /// Records that `pathway` reached `status` on `on` (default today) for the child: the plan
    /// changes, the deadlines and tasks follow, and the history keeps the step.
    pub fn set_relief(
        &mut self,
        id_or_case: &str,
        pathway: &str,
        status: &str,
        on: Option<NaiveDate>,
        state: Option<&str>,
        filed_with: Option<&str>,
    ) -> Result<ReliefView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::ReliefUpdated,
            Target::new("child", ""),
        )?;
        let today = self.today();
        let state = match state.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(
                UsState::parse(s)
                    .map_err(|e| StoreError::invalid_field(FieldError::from_error("state", &e)))?,
            ),
            None => None,
        };
        let filed_with = match filed_with.map(str::trim) {
            None | Some("") => None,
            Some("uscis") => Some(AsylumForum::Uscis),
            Some("court" | "immigration_court") => Some(AsylumForum::ImmigrationCourt),
            Some(other) => {
                return Err(StoreError::invalid(
                    "filed_with",
                    format!("\"{other}\" is not one of uscis, court"),
                ))
            }
        };
        let id = self.child_id(id_or_case)?;
        let on = on.unwrap_or(today);
        let plan = facts::relief_plan(&self.conn, id)?
            .with_step(pathway, status, on, StepDetail { state, filed_with }, today)
            .map_err(|e| StoreError::invalid(e.field(), e.to_string()))?;
        self.change_case(|tx, _| {
            facts::save_relief_plan(tx, id, &plan)?;
            Ok(Changed::new((), AuditAction::ReliefUpdated, "child", id)
                .and_history(
                    id,
                    "relief_updated",
                    json!({
                        "pathway": pathway.trim(),
                        "status": status.trim(),
                        "on": on.to_string(),
                        "state": state.map(|s| s.code()),
                    }),
                )
                .reschedule([id]))
        })?;
        self.relief_view(id)
    }

    /// The child's relief plan, deadlines, legal tasks and notes. Staff only (volunteers see
    /// no court detail); audited as a view of the child.
    pub fn relief(&mut self, id_or_case: &str) -> Result<ReliefView> {
        self.authorize(
            Permission::ReviewFlags,
            AuditAction::ChildViewed,
            Target::new("child", ""),
        )?;
        let id = self.child_id(id_or_case)?;
        let view = self.relief_view(id)?;
        self.audited_read(AuditAction::ChildViewed, "child", |_| Ok((id, view)))
    }

    /// Every legal deadline of an open case whose last day is within `within_days` of `on`
    /// (overdue ones too), soonest first. Audited with the count.
    pub fn deadlines(&mut self, on: NaiveDate, within_days: i64) -> Result<DeadlinesView> {
        self.authorize(
            Permission::ReviewFlags,
            AuditAction::DeadlinesListed,
            Target::new("deadline", ""),
        )?;
        if !(0..=3650).contains(&within_days) {
            return Err(StoreError::invalid(
                "within",
                "give a number of days between 0 and 3650",
            ));
        }
        let vis = self.visibility();
        self.audited_bulk_read(AuditAction::DeadlinesListed, "deadline", |tx| {
            let mut items = Vec::new();
            for child_id in crate::legal::flags::legal_children(tx)? {
                let review = schedule::review(tx, child_id, on)?;
                if review.deadlines.is_empty() {
                    continue;
                }
                let (case_number, child_name) = label(tx, child_id, &vis)?;
                for d in review.deadlines {
                    if d.days_left <= within_days {
                        items.push(DeadlineItem {
                            case_number: case_number.clone(),
                            child_name: child_name.clone(),
                            deadline: d,
                        });
                    }
                }
            }
            items.sort_by(|a, b| {
                (a.deadline.due_on, &a.deadline.key).cmp(&(b.deadline.due_on, &b.deadline.key))
            });
            let count = items.len();
            Ok((
                String::new(),
                DeadlinesView {
                    on: on.to_string(),
                    within_days,
                    deadlines: items,
                    disclaimer_en: DISCLAIMER_EN.to_owned(),
                    disclaimer_es: DISCLAIMER_ES.to_owned(),
                },
                count,
            ))
        })
    }

    /// Records whether a missed hearing brought an in absentia order: `entered` with the
    /// order's day and the ground a motion to reopen would rest on, or no order.
    pub fn record_in_absentia(
        &mut self,
        hearing_id: i64,
        entered_on: Option<NaiveDate>,
        ground: Option<&str>,
        motion_filed_on: Option<NaiveDate>,
    ) -> Result<ReliefView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::InAbsentiaRecorded,
            Target::new("hearing", &hearing_id.to_string()),
        )?;
        let (child_id, outcome, hearing_on): (i64, Option<String>, String) = self
            .conn
            .query_row(
                "SELECT child_id, outcome, substr(at_local, 1, 10) FROM hearings WHERE id = ?1",
                [hearing_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|_| StoreError::NotFound {
                kind: "hearing",
                id: hearing_id.to_string(),
            })?;
        if outcome.as_deref() != Some("missed") {
            return Err(StoreError::invalid(
                "hearing",
                "only a missed hearing can bring an in absentia order: record the hearing as missed first",
            ));
        }
        let ground = match ground.map(str::trim) {
            None | Some("") => ReopenGround::NotYetRecorded,
            Some("exceptional_circumstances") => ReopenGround::ExceptionalCircumstances,
            Some("notice_not_received") => ReopenGround::NoticeNotReceived,
            Some(other) => {
                return Err(StoreError::invalid(
                    "ground",
                    format!(
                        "\"{other}\" is not one of exceptional_circumstances, notice_not_received"
                    ),
                ))
            }
        };
        let today = self.today();
        for (field, day) in [("on", entered_on), ("motion_filed_on", motion_filed_on)] {
            if day.is_some_and(|d| d > today) {
                return Err(self.in_future(field, "the day", day));
            }
        }
        if entered_on.is_some_and(|d| d.to_string() < hearing_on) {
            return Err(StoreError::invalid(
                "on",
                format!(
                    "an in absentia order cannot come before the hearing it follows ({hearing_on})"
                ),
            ));
        }
        let order = match entered_on {
            Some(on) => InAbsentiaOrder::Entered {
                on,
                ground,
                motion_filed_on,
                eoir33_filed_on: None,
            },
            None => InAbsentiaOrder::NoOrderEntered,
        };
        self.change_case(|tx, _| {
            facts::save_in_absentia_order(tx, hearing_id, child_id, &order)?;
            Ok(
                Changed::new((), AuditAction::InAbsentiaRecorded, "hearing", hearing_id)
                    .and_history(
                        child_id,
                        "in_absentia_recorded",
                        json!({ "hearing_id": hearing_id, "order": order }),
                    )
                    .reschedule([child_id]),
            )
        })?;
        self.relief_view(child_id)
    }

    /// Opens a concern report as a draft, from a call (`call_id`) or by hand. It must reach a
    /// supervisor within a day: a task says so.
    pub fn open_concern(
        &mut self,
        id_or_case: &str,
        category: &str,
        heard: &str,
        call_id: Option<i64>,
    ) -> Result<ConcernView> {
        self.authorize(
            Permission::LogCalls,
            AuditAction::ConcernOpened,
            Target::new("concern", ""),
        )?;
        let category = ConcernCategory::parse(category)
            .map_err(|e| StoreError::invalid(e.field(), e.to_string()))?;
        let heard = heard.trim();
        if heard.chars().count() < MIN_TEXT {
            return Err(written("text", "write what was heard"));
        }
        let child_id = self.child_id(id_or_case)?;
        if let Some(call) = call_id {
            let of_child: Option<i64> = self
                .conn
                .query_row("SELECT child_id FROM calls WHERE id = ?1", [call], |r| {
                    r.get(0)
                })
                .ok();
            if of_child != Some(child_id) {
                return Err(StoreError::invalid(
                    "call",
                    format!("call {call} is not one of this child's calls"),
                ));
            }
        }
        let today = self.today().to_string();
        let id = self.change_case(|tx, me| {
            let id = concerns::insert(tx, child_id, call_id, category.as_str(), heard, &today)?;
            concerns::add_step(tx, id, "open", me, "", &json!({ "call_id": call_id }))?;
            Ok(Changed::new(id, AuditAction::ConcernOpened, "concern", id)
                .and_history(
                    child_id,
                    "concern_opened",
                    json!({ "concern_id": id, "category": category.as_str(), "call_id": call_id }),
                )
                .reschedule([child_id]))
        })?;
        self.concern(id)
    }

    /// Takes `step` on report `concern_id`, signed by the signed-in user: submit (to the
    /// supervisor), approve or return (a supervisor, not the person who submitted it), report
    /// (where it went, when, its reference) or close.
    pub fn concern_step(
        &mut self,
        concern_id: i64,
        step: ConcernStep,
        note: &str,
        reported: Option<ReportedTo<'_>>,
    ) -> Result<ConcernView> {
        let action = match step {
            ConcernStep::Open => {
                return Err(StoreError::invalid(
                    "step",
                    "open a report with `concern open`",
                ))
            }
            ConcernStep::Submit => AuditAction::ConcernSubmitted,
            ConcernStep::Approve => AuditAction::ConcernApproved,
            ConcernStep::Return => AuditAction::ConcernReturned,
            ConcernStep::Report => AuditAction::ConcernReported,
            ConcernStep::Close => AuditAction::ConcernClosed,
        };
        let target = concern_id.to_string();
        let permission = match step {
            ConcernStep::Report | ConcernStep::Close => Permission::ReviewFlags,
            _ => Permission::LogCalls,
        };
        self.authorize(permission, action, Target::new("concern", &target))?;
        let row = concerns::load(&self.conn, concern_id)?;
        if matches!(step, ConcernStep::Approve | ConcernStep::Return) {
            self.check_supervisor(concern_id, action)?;
        }
        let note = note.trim();
        if step.needs_note() && note.chars().count() < MIN_TEXT {
            return Err(written("note", "say why"));
        }
        let from =
            ConcernState::parse(&row.state).map_err(|e| StoreError::Conflict(e.to_string()))?;
        let to = step
            .from_state(from)
            .map_err(|e| StoreError::Conflict(format!("concern report {concern_id}: {e}")))?;
        let reported = match (step, reported) {
            (ConcernStep::Report, Some(r)) => {
                let dest = Destination::parse(r.to)
                    .map_err(|e| StoreError::invalid(e.field(), e.to_string()))?;
                if r.on > self.today() {
                    return Err(self.in_future("on", "the day it was reported", Some(r.on)));
                }
                if r.reference.trim().is_empty() {
                    return Err(StoreError::invalid(
                        "reference",
                        "give the reference number the agency gave (or \"none given\")",
                    ));
                }
                Some((dest, r.on, r.reference.trim().to_owned()))
            }
            (ConcernStep::Report, None) => {
                return Err(StoreError::invalid("to", "say where the report went"))
            }
            _ => None,
        };
        let today = self.today().to_string();
        self.change_case(|tx, me| {
            // Read again under the write lock: a colleague (the app beside the CLI) may have
            // taken a step since the check above; a second approval would be signed twice.
            if concerns::load(tx, concern_id)?.state != from.as_str() {
                return Err(StoreError::Conflict(format!(
                    "concern report {concern_id} changed while this step was being taken: read it again"
                )));
            }
            concerns::set_state(tx, concern_id, to.as_str())?;
            let mut detail =
                json!({ "concern_id": concern_id, "state": to.as_str(), "note": note });
            if step == ConcernStep::Approve {
                concerns::set_approved(tx, concern_id, &today)?;
            }
            if let Some((dest, on, reference)) = &reported {
                concerns::set_reported(tx, concern_id, dest.as_str(), &on.to_string(), reference)?;
                detail["to"] = json!(dest.as_str());
                detail["on"] = json!(on.to_string());
                detail["reference"] = json!(reference);
            }
            concerns::add_step(tx, concern_id, step.as_str(), me, note, &detail)?;
            let kind = match step {
                ConcernStep::Submit => "concern_submitted",
                ConcernStep::Approve => "concern_approved",
                ConcernStep::Return => "concern_returned",
                ConcernStep::Report => "concern_reported",
                _ => "concern_closed",
            };
            Ok(Changed::new((), action, "concern", concern_id)
                .and_history(row.child_id, kind, detail)
                .reschedule([row.child_id]))
        })?;
        self.concern(concern_id)
    }

    /// Approving and returning: a supervisor (an admin, or a case manager marked supervisor),
    /// and never the person who submitted the report. A refusal is audited.
    fn check_supervisor(&mut self, concern_id: i64, action: AuditAction) -> Result<()> {
        let supervisor = self.user.role == Role::Admin
            || (self.user.role == Role::CaseManager
                && concerns::is_supervisor(&self.conn, self.user.id)?);
        let submitter = concerns::steps(&self.conn, concern_id)?
            .into_iter()
            .rev()
            .find(|s| s.step == "submit")
            .and_then(|s| s.actor_id);
        let why = if !supervisor {
            Some("approve or return concern reports (an admin or a supervisor may)")
        } else if submitter == Some(self.user.id) {
            Some("approve or return a report they submitted themselves (a second person signs off)")
        } else {
            None
        };
        let Some(why) = why else { return Ok(()) };
        self.audit(
            action,
            Target::new("concern", &concern_id.to_string()),
            AuditOutcome::Denied,
        )?;
        Err(StoreError::PermissionDenied {
            user: self.user.name.clone(),
            role: self.user.role.as_str(),
            action: why,
        })
    }

    /// One report with every step. Volunteers read only the reports they opened.
    pub fn concern(&mut self, concern_id: i64) -> Result<ConcernView> {
        self.authorize(
            Permission::LogCalls,
            AuditAction::ConcernsListed,
            Target::new("concern", &concern_id.to_string()),
        )?;
        let row = concerns::load(&self.conn, concern_id)?;
        // By the opener's user id, as `concerns` lists them: a name can later belong to
        // someone else (a removed volunteer's name given to a new user).
        let opened_by_me = concerns::steps(&self.conn, concern_id)?
            .first()
            .is_some_and(|s| s.step == "open" && s.actor_id == Some(self.user.id));
        if self.user.role == Role::Volunteer && !opened_by_me {
            return Err(StoreError::NotFound {
                kind: "concern report",
                id: concern_id.to_string(),
            });
        }
        concern_view(&self.conn, row, &self.visibility())
    }

    /// Reports, newest first (`state` narrows). Volunteers list the reports they opened.
    pub fn concerns(&mut self, state: Option<&str>) -> Result<Vec<ConcernView>> {
        self.authorize(
            Permission::LogCalls,
            AuditAction::ConcernsListed,
            Target::new("concern", ""),
        )?;
        let state = match state.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(
                ConcernState::parse(s)
                    .map_err(|e| StoreError::invalid(e.field(), e.to_string()))?
                    .as_str(),
            ),
            None => None,
        };
        let mine = (self.user.role == Role::Volunteer).then_some(self.user.id);
        let vis = self.visibility();
        self.audited_bulk_read(AuditAction::ConcernsListed, "concern", |tx| {
            let views = concerns::list(tx, state, mine)?
                .into_iter()
                .map(|row| concern_view(tx, row, &vis))
                .collect::<Result<Vec<_>>>()?;
            let n = views.len();
            Ok((String::new(), views, n))
        })
    }

    /// Hearing reminders are staff work, like the printed notice they come from (volunteers
    /// see no court detail). Refusals are audited.
    pub fn authorize_reminders(&mut self) -> Result<()> {
        self.authorize(
            Permission::Print,
            AuditAction::ReminderPrepared,
            Target::new("child", ""),
        )
    }

    /// Records that a hearing reminder was prepared for the child's sponsor (Tether sends
    /// nothing): in the history and the audit log.
    pub fn record_reminder(
        &mut self,
        child_id: i64,
        lang: &str,
        length: usize,
        hearing_at: &str,
    ) -> Result<()> {
        self.authorize_reminders()?;
        self.change_case(|_, _| {
            Ok(
                Changed::new((), AuditAction::ReminderPrepared, "child", child_id).and_history(
                    child_id,
                    "reminder_prepared",
                    json!({ "lang": lang, "length": length, "hearing_at": hearing_at }),
                ),
            )
        })
    }

    /// Marks a case manager as supervisor (or not): they may then approve concern reports.
    pub fn set_supervisor(&mut self, name: &str, supervisor: bool) -> Result<()> {
        self.authorize(
            Permission::ManageUsers,
            AuditAction::SupervisorChanged,
            Target::new("user", name),
        )?;
        let parsed =
            tether_core::UserName::parse(name).map_err(|e| StoreError::user_name("user", e))?;
        let user = users::record(&self.conn, &parsed)?;
        if supervisor && user.role == Role::Volunteer {
            return Err(StoreError::invalid(
                "user",
                format!("{name} is a volunteer: only an admin or a case manager can supervise"),
            ));
        }
        self.transaction(|tx, me| {
            concerns::set_supervisor(tx, user.id, supervisor)?;
            crate::audit_log::record(tx, me, AuditAction::SupervisorChanged, "user", user.id)
        })
    }

    /// The clinic's own age for `state`'s predicate orders (`None`: back to the shipped table),
    /// or the days an approved concern report has to be reported. Every case's deadlines move.
    pub fn set_predicate_order_age(&mut self, state: &str, age: Option<u8>) -> Result<()> {
        self.authorize(
            Permission::ChangeSettings,
            AuditAction::SettingsChanged,
            Target::new("setting", settings::PREDICATE_ORDER_AGES),
        )?;
        let state = UsState::parse(state)
            .map_err(|e| StoreError::invalid_field(FieldError::from_error("state", &e)))?;
        let mut ages = settings::predicate_order_ages(&self.conn)?;
        match age {
            Some(age) => {
                tether_core::legal::ClinicOverrides::new()
                    .set_predicate_order_age(state, age)
                    .map_err(|e| StoreError::invalid("age", e.to_string()))?;
                ages.insert(state.code().to_owned(), age);
            }
            None => {
                ages.remove(state.code());
            }
        }
        self.change_case(|tx, _| {
            settings::save_predicate_order_ages(tx, &ages)?;
            Ok(Changed::new(
                (),
                AuditAction::SettingsChanged,
                "setting",
                settings::PREDICATE_ORDER_AGES,
            )
            .reschedule_everyone())
        })
    }

    pub fn set_concern_report_days(&mut self, days: u64) -> Result<()> {
        if !(1..=30).contains(&days) {
            return Err(StoreError::invalid(
                "days",
                "give a number of days between 1 and 30",
            ));
        }
        self.authorize(
            Permission::ChangeSettings,
            AuditAction::SettingsChanged,
            Target::new("setting", settings::CONCERN_REPORT_DAYS),
        )?;
        self.change_case(|tx, _| {
            settings::save_concern_report_days(tx, days)?;
            Ok(Changed::new(
                (),
                AuditAction::SettingsChanged,
                "setting",
                settings::CONCERN_REPORT_DAYS,
            )
            .reschedule_everyone())
        })
    }

    /// The clinic's predicate-order ages, state code → age.
    pub fn predicate_order_ages(&self) -> Result<std::collections::BTreeMap<String, u8>> {
        settings::predicate_order_ages(&self.conn)
    }

    pub fn concern_report_days(&self) -> Result<u64> {
        settings::concern_report_days(&self.conn)
    }
}
