//! `Session` operations on follow-up: the call queue, logging calls, tasks, red flags and
//! their acknowledgements, the dashboard, hearings between dates.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use std::sync::Arc;
use tether_core::casework::input::SponsorInput;
use tether_core::casework::FieldError;

use tether_core::followup::{
    call_status, flags, sponsor_local_time, CallOutcome, CallStatus, Flag, TaskKind,
};
use tether_core::{AuditAction, Permission};

use super::cases::Changed;
use super::Session;
use crate::audit_log::Target;
use crate::casework::{address_reports, children, hearings, sponsors};
use crate::error::{Result, StoreError};
use crate::followup::call_queue::{self, QueueReader};
use crate::followup::calls::{self, NewCall};
use crate::followup::views::{
    CallDue, CallLogged, Dashboard, DueWindow, FlagAcknowledgement, FlagPage, FlagView, HearingDay,
    HearingItem, Page, PageRange, TaskFilter, TaskView,
};
use crate::followup::{dashboard, facts, flags as acks, task_list, tasks};
use crate::settings;

/// The standard Safety & Well-Being questions; every answer optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwbAnswers {
    pub still_with_sponsor: Option<bool>,
    pub enrolled_in_school: Option<bool>,
    pub knows_court_date: Option<bool>,
    pub feels_safe: Option<bool>,
    pub new_address: Option<NewAddress>,
    /// The optional screening questions (issue 13): work, hours, who holds the ID, a debt
    /// for the journey, being free to leave, who pays for food and bed.
    pub screening: Option<tether_core::legal::ScreeningAnswers>,
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
        serde_json::from_str(json).map_err(|e| {
            StoreError::invalid(
                "answers",
                format!(
                    "{e} (expected keys: still_with_sponsor, enrolled_in_school, \
                     knows_court_date, feels_safe as true/false, new_address as \
                     {{line1, unit, city, state, zip}}, screening as {{works, farm_work, \
                     hazardous_orders, school_day_minutes, school_week_minutes, \
                     non_school_day_minutes, non_school_week_minutes, start_time, end_time, \
                     during_school_hours, id_holder, owes_for_journey, free_to_leave, \
                     food_and_bed}})"
                ),
            )
        })
    }

    /// What the call log keeps of the answers: the new address itself goes to the sponsor;
    /// the screening answers with what the rules found in them.
    fn to_log(&self, screening: Option<&tether_core::legal::Screening>) -> String {
        let mut log = serde_json::json!({
            "still_with_sponsor": self.still_with_sponsor,
            "enrolled_in_school": self.enrolled_in_school,
            "knows_court_date": self.knows_court_date,
            "feels_safe": self.feels_safe,
            "new_address": self.new_address.is_some(),
        });
        if let (Some(answers), Some(found)) = (&self.screening, screening) {
            log["screening_answers"] = serde_json::to_value(answers).unwrap_or_default();
            log["screening"] = serde_json::to_value(found).unwrap_or_default();
        }
        log.to_string()
    }
}

impl Session {
    /// Safety & Well-Being call attempts due on or before `on`, overdue (before today) first,
    /// with the sponsor's local time now and whether it is inside the calling window.
    /// Audited with the number of calls listed (each names a sponsor and a phone).
    pub fn calls_due(&mut self, on: NaiveDate, now: DateTime<Utc>) -> Result<Vec<CallDue>> {
        self.calls_due_for(on, now, None)
    }

    /// `calls_due`, only the cases assigned to the user `assigned_to` (a user id).
    pub fn calls_due_for(
        &mut self,
        on: NaiveDate,
        now: DateTime<Utc>,
        assigned_to: Option<i64>,
    ) -> Result<Vec<CallDue>> {
        let window = DueWindow {
            assigned_to,
            ..DueWindow::until(on)
        };
        self.read_call_queue(now, |tx, reader| {
            let due = call_queue::all(tx, &window, reader)?;
            let count = due.len();
            Ok((due, count))
        })
    }

    /// One page of the call queue: `range` of the calls due in `window`, in queue order (due
    /// day, then task), and how many calls the window holds. The phones, earlier attempts and
    /// local times are read for the page's calls only. Audited as `calls_due` is, with the
    /// number of calls on the page.
    pub fn calls_due_page(
        &mut self,
        window: DueWindow,
        now: DateTime<Utc>,
        range: PageRange,
    ) -> Result<Page<CallDue>> {
        let range = checked_range(range)?;
        self.read_call_queue(now, |tx, reader| {
            let total = call_queue::count(tx, &window)?;
            let items = call_queue::page(tx, &window, range, reader)?;
            let count = items.len();
            Ok((Page { total, items }, count))
        })
    }

    /// A read of the call queue: role checked, one audit entry with the number of calls read.
    fn read_call_queue<T>(
        &mut self,
        now: DateTime<Utc>,
        read: impl FnOnce(&rusqlite::Transaction<'_>, &QueueReader<'_>) -> Result<(T, usize)>,
    ) -> Result<T> {
        self.authorize(
            Permission::LogCalls,
            AuditAction::CallLogged,
            Target::new("call", ""),
        )?;
        let (today, vis) = (self.today(), self.visibility());
        self.audited_bulk_read(AuditAction::CallsDueListed, "call", |tx| {
            let settings = settings::schedule(tx)?;
            let reader = QueueReader {
                today,
                now,
                settings: &settings,
                vis: &vis,
            };
            let (seen, count) = read(tx, &reader)?;
            Ok((String::new(), seen, count))
        })
    }

    /// Every open task due on or before `on`: calls, hearing reminders, ACIS checks, EOIR-33
    /// deadlines, escalations. Volunteers see the Safety & Well-Being calls only (a hearing
    /// reminder's due day gives the hearing date away). Audited with the count.
    pub fn tasks(&mut self, on: NaiveDate) -> Result<Vec<TaskView>> {
        self.tasks_for(on, None)
    }

    /// `tasks`, only the cases assigned to the user `assigned_to` (a user id).
    pub fn tasks_for(&mut self, on: NaiveDate, assigned_to: Option<i64>) -> Result<Vec<TaskView>> {
        self.authorize_tasks()?;
        let filter = TaskFilter::any_kind(DueWindow {
            assigned_to,
            ..DueWindow::until(on)
        });
        let (today, vis) = (self.today(), self.visibility());
        self.audited_bulk_read(AuditAction::TasksListed, "task", |tx| {
            let due = task_list::tasks_due(tx, &filter, today, &vis)?;
            let count = due.len();
            Ok((String::new(), due, count))
        })
    }

    /// One page of the task list: `range` of the tasks the filter holds, most urgent first
    /// (escalations, then by due day), and how many it holds. Audited as `tasks` is, with the
    /// number of tasks on the page.
    pub fn tasks_page(&mut self, filter: TaskFilter, range: PageRange) -> Result<Page<TaskView>> {
        self.authorize_tasks()?;
        let range = checked_range(range)?;
        let (today, vis) = (self.today(), self.visibility());
        self.audited_bulk_read(AuditAction::TasksListed, "task", |tx| {
            let page = task_list::tasks_page(tx, &filter, range, today, &vis)?;
            let count = page.items.len();
            Ok((String::new(), page, count))
        })
    }

    /// How many tasks the filter holds: a number, no record, so not audited.
    pub fn count_tasks(&mut self, filter: TaskFilter) -> Result<u32> {
        self.authorize_tasks()?;
        task_list::count(&self.conn, &filter, &self.visibility())
    }

    /// How many tasks are due on or before `on`: a number, no record, so not audited (the
    /// app asks every few seconds to tell the user once a day).
    pub fn tasks_due_count(&mut self, on: NaiveDate) -> Result<usize> {
        let n = self.count_tasks(TaskFilter::any_kind(DueWindow::until(on)))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// The calendar export's content: open tasks due from `from` to `to` and the hearings
    /// between those days (none for volunteers). One audit entry, `calendar_exported`, with
    /// the number of events.
    pub fn calendar(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Calendar> {
        self.authorize_tasks()?;
        self.authorize_hearings()?;
        let court_detail = self.visibility().court_detail;
        let filter = TaskFilter::any_kind(DueWindow {
            from: Some(from),
            ..DueWindow::until(to)
        });
        let (today, vis) = (self.today(), self.visibility());
        self.audited_bulk_read(AuditAction::CalendarExported, "calendar", |tx| {
            let due = task_list::tasks_due(tx, &filter, today, &vis)?;
            let hearings = if court_detail {
                hearings::between(tx, from, to)?
            } else {
                Vec::new()
            };
            let count = due.len() + hearings.len();
            Ok((
                String::new(),
                Calendar {
                    tasks: due,
                    hearings,
                },
                count,
            ))
        })
    }

    fn authorize_tasks(&mut self) -> Result<()> {
        self.authorize(
            Permission::LogCalls,
            AuditAction::CallLogged,
            Target::new("task", ""),
        )
    }

    /// Logs one call attempt on the child's open Safety & Well-Being call. `at` is the
    /// sponsor's local time (default: now there). A new address in the answers, from staff,
    /// updates the sponsor and starts the EOIR-33 deadline; from a volunteer it is a pending
    /// report (`pending_addresses`) that changes nothing until a case manager confirms it.
    /// A safety concern escalates at once.
    pub fn log_call(
        &mut self,
        id_or_case: &str,
        outcome: CallOutcome,
        at: Option<NaiveDateTime>,
        note: &str,
        answers: Option<SwbAnswers>,
    ) -> Result<CallLogged> {
        self.log_call_to(id_or_case, outcome, at, note, answers, None)
    }

    /// `log_call`, naming the number dialled (default: the sponsor's first working number,
    /// the one the queue offers). A `wrong_number` marks that number not working: the queue
    /// then offers the next one, and when none is left a task asks to find one.
    pub fn log_call_to(
        &mut self,
        id_or_case: &str,
        outcome: CallOutcome,
        at: Option<NaiveDateTime>,
        note: &str,
        answers: Option<SwbAnswers>,
        dialled: Option<&str>,
    ) -> Result<CallLogged> {
        self.authorize(
            Permission::LogCalls,
            AuditAction::CallLogged,
            Target::new("child", ""),
        )?;
        if note.chars().count() > 10_000 {
            return Err(StoreError::invalid_field(
                FieldError::new(
                    "note",
                    "too_long",
                    "the note is longer than 10,000 characters",
                )
                .with("chars", note.chars().count())
                .with("max", 10_000),
            ));
        }
        let child_id = children::resolve_child(&self.conn, id_or_case)?;
        let (sponsor_id, tz) = calls::sponsor_and_zone(&self.conn, child_id)?;
        let tz = tz.unwrap_or_else(|| "America/New_York".into());
        let local = match at {
            Some(at) => at,
            None => sponsor_local_time(Utc::now(), &tz).unwrap_or_else(|| Utc::now().naive_utc()),
        };
        if local.date() > self.today() + chrono::Days::new(1) {
            return Err(self.in_future("at", "the call", Some(local.date())));
        }
        // The attempt belongs to the child's open call that is due first.
        let (offset_days, attempt) = match tasks::first_open_call(&self.conn, child_id)? {
            Some(TaskKind::SwbCall {
                offset_days,
                attempt,
            }) => (offset_days, attempt),
            _ => (0, 1),
        };
        let move_to = match answers.as_ref().and_then(|a| a.new_address.clone()) {
            Some(addr) => {
                let sid = sponsor_id.ok_or_else(|| {
                    StoreError::invalid("answers", "the child has no sponsor to move")
                })?;
                let input = SponsorInput {
                    address_line1: addr.line1,
                    address_line2: addr.unit,
                    city: addr.city,
                    state: addr.state,
                    postal_code: addr.zip,
                    ..sponsors::sponsor_input(&self.conn, sid)?
                };
                let draft = input.validate().map_err(StoreError::invalid_fields)?;
                Some((sid, draft))
            }
            None => None,
        };
        let dialled = match (sponsor_id, dialled.map(str::trim).filter(|d| !d.is_empty())) {
            (None, Some(_)) => {
                return Err(StoreError::invalid(
                    "phone",
                    "the child has no sponsor whose number could be dialled",
                ))
            }
            (None, None) => None,
            (Some(sid), given) => {
                let numbers = sponsors::phones(&self.conn, sid)?;
                match given {
                    Some(raw) => {
                        let e164 = tether_core::casework::Phone::parse(raw)
                            .map_err(|e| {
                                StoreError::invalid_field(FieldError::from_error("phone", &e))
                            })?
                            .e164()
                            .to_owned();
                        if !numbers.iter().any(|(n, _)| *n == e164) {
                            return Err(StoreError::invalid(
                                "phone",
                                format!("{e164} is not one of the sponsor's numbers"),
                            ));
                        }
                        Some((sid, e164))
                    }
                    None => numbers
                        .into_iter()
                        .find(|(_, not_working)| not_working.is_none())
                        .map(|(n, _)| (sid, n)),
                }
            }
        };
        let screening = match answers.as_ref().and_then(|a| a.screening.as_ref()) {
            Some(asked) => {
                let birth = crate::legal::facts::birth_date(&self.conn, child_id, self.today())?;
                Some(
                    tether_core::legal::screen(asked, birth.as_ref(), local.date()).map_err(
                        |e| StoreError::invalid(&format!("screening.{}", e.field()), e.to_string()),
                    )?,
                )
            }
            None => None,
        };
        let may_change_cases = self.user.role.may(Permission::EditCases);
        let answers_json = answers
            .as_ref()
            .map(|a| a.to_log(screening.as_ref()))
            .unwrap_or_else(|| "{}".into());
        let call_id = self.change_case(|tx, me| {
            let call_id = calls::insert(
                tx,
                &NewCall {
                    child_id,
                    offset_days,
                    attempt,
                    at: local,
                    time_zone: &tz,
                    outcome,
                    caller: &me.name,
                    notes: note.trim(),
                    answers: &answers_json,
                },
            )?;
            let detail = serde_json::json!({
                "call_id": call_id,
                "offset_days": offset_days,
                "attempt": attempt,
                "at": local.format("%Y-%m-%d %H:%M").to_string(),
                "time_zone": tz,
                "outcome": outcome.as_str(),
                "note": note.trim(),
                "answers": serde_json::from_str::<serde_json::Value>(&answers_json)
                    .unwrap_or_default(),
            });
            let mut logged = Changed::new(call_id, AuditAction::CallLogged, "call", call_id)
                .and_history(child_id, "call_logged", detail);
            if let (CallOutcome::WrongNumber, Some((sid, e164))) = (outcome, &dialled) {
                if sponsors::mark_not_working(tx, *sid, e164, local.date())? {
                    let children = children::sponsored_by(tx, *sid)?;
                    let detail = serde_json::json!({
                        "sponsor_id": sid, "phone": e164, "call_id": call_id,
                    });
                    logged = logged
                        .and_audit(AuditAction::PhoneNotWorking, "sponsor", *sid)
                        .and_history_of(children.clone(), "phone_not_working", &detail)
                        .reschedule(children);
                }
            }
            Ok(match &move_to {
                // Staff: the sponsor moves now and the EOIR-33 deadline starts, as always.
                Some((sid, draft)) if may_change_cases => {
                    let moved = sponsors::move_detail(tx, *sid, draft, local.date(), None)?;
                    let change = sponsors::record_address_change(tx, *sid, draft, local.date())?;
                    let children = children::sponsored_by(tx, *sid)?;
                    logged
                        .and_audit(AuditAction::AddressChanged, "address_change", change)
                        .and_history_of(children.clone(), "address_changed", &moved)
                        .reschedule(children)
                }
                // Anyone else (a volunteer): kept as a pending report for a case manager to
                // confirm; the sponsor's address and every task stay as they are.
                Some((sid, draft)) => {
                    let report = address_reports::insert(
                        tx,
                        &address_reports::NewReport {
                            sponsor_id: *sid,
                            child_id,
                            call_id,
                            reported_by: &me.name,
                            reported_on: local.date(),
                            draft,
                        },
                    )?;
                    let detail = serde_json::json!({ "report_id": report, "call_id": call_id });
                    logged
                        .and_audit(AuditAction::AddressReported, "address_report", report)
                        .and_history(child_id, "address_reported", detail)
                }
                None => logged,
            }
            .reschedule([child_id]))
        })?;
        let case = facts::case_facts(&self.conn, child_id)?;
        let max_attempts = settings::schedule(&self.conn)?.max_attempts;
        let (status, next_due_on) = match case.release_date {
            Some(release) if offset_days > 0 => {
                match call_status(release, offset_days, &case.calls, max_attempts) {
                    CallStatus::Open { due_on, .. } => ("open", Some(due_on.to_string())),
                    CallStatus::Reached { .. } => ("reached", None),
                    CallStatus::Unreached { .. } => ("unreached", None),
                    CallStatus::Escalated { .. } => ("escalated", None),
                }
            }
            _ if outcome == CallOutcome::SafetyConcern => ("escalated", None),
            _ => ("logged_outside_schedule", None),
        };
        let (not_working, next_phone) = match (&dialled, outcome) {
            (Some((sid, e164)), CallOutcome::WrongNumber) => (
                Some(e164.clone()),
                sponsors::phones(&self.conn, *sid)?
                    .into_iter()
                    .find(|(_, not_working)| not_working.is_none())
                    .map(|(n, _)| n),
            ),
            _ => (None, None),
        };
        Ok(CallLogged {
            call_id,
            child_id,
            attempt,
            outcome: outcome.as_str().into(),
            call_status: status.into(),
            next_due_on,
            not_working,
            next_phone,
            screening,
        })
    }

    /// Every red flag, each with its explanation; acknowledged ones stay listed.
    pub fn red_flags(&mut self) -> Result<Vec<FlagView>> {
        self.authorize_flags()?;
        let raised = self.raised_flags()?;
        raised.iter().map(|f| self.flag_view(f)).collect()
    }

    /// One page of the red flags: the open ones first, then (with `include_acknowledged`) the
    /// acknowledged ones, each in `red_flags`' order; with how many of each there are.
    pub fn red_flags_page(
        &mut self,
        include_acknowledged: bool,
        range: PageRange,
    ) -> Result<FlagPage> {
        self.authorize_flags()?;
        let range = checked_range(range)?;
        let raised = self.raised_flags()?;
        let acknowledged = acks::acknowledged_keys(&self.conn)?;
        let (acked, open): (Vec<&Flag>, Vec<&Flag>) =
            raised.iter().partition(|f| acknowledged.contains(&f.key));
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let listed: Vec<&Flag> = if include_acknowledged {
            open.iter().chain(&acked).copied().collect()
        } else {
            open.clone()
        };
        let items = listed
            .iter()
            .skip(range.offset as usize)
            .take(range.limit as usize)
            .map(|f| self.flag_view(f))
            .collect::<Result<Vec<_>>>()?;
        Ok(FlagPage {
            total: count(listed.len()),
            open: count(open.len()),
            acknowledged: count(acked.len()),
            items,
        })
    }

    /// A raised flag as it is shown: with its acknowledgements, the latest one first in view.
    fn flag_view(&self, f: &Flag) -> Result<FlagView> {
        let all = acks::acknowledgements(&self.conn, &f.key)?;
        let ack = all.last();
        Ok(FlagView {
            flag_id: f.key.clone(),
            kind: f.kind.as_str().into(),
            child_id: f.child_id,
            sponsor_id: f.sponsor_id,
            sponsor_ids: f.sponsor_ids.clone(),
            explanation_en: f.explanation_en.clone(),
            explanation_es: f.explanation_es.clone(),
            acknowledged: ack.is_some(),
            acknowledged_at: ack.map(|a| a.at.clone()),
            acknowledged_by: ack.map(|a| a.actor.clone()),
            acknowledgement_note: ack.map(|a| a.note.clone()),
            acknowledgements: all
                .iter()
                .map(|a| FlagAcknowledgement {
                    at: a.at.clone(),
                    by: a.actor.clone(),
                    note: a.note.clone(),
                })
                .collect(),
        })
    }

    /// Every flag the rules raise today: the follow-up rules' and, from legal work (issue 13),
    /// the deadlines and the screening answers on calls. The list, its pages and the count read
    /// this one; it is raised again only after a change (`flag_cache.rs`).
    fn raised_flags(&mut self) -> Result<Arc<Vec<Flag>>> {
        let today = self.today();
        let conn = &self.conn;
        self.flag_cache.get_or_raise(conn, today, || {
            let inputs = facts::flag_inputs(conn, &|g, f| format!("{g} {f}"))?;
            let mut raised = flags(&inputs, today);
            raised.extend(crate::legal::flags::legal_flags(conn, today)?);
            Ok(raised)
        })
    }

    /// How many raised flags no one has acknowledged: the flags of `red_flags`, without their
    /// acknowledgement lists (one read of the acknowledged keys instead of one per flag).
    pub fn open_flag_count(&mut self) -> Result<u32> {
        self.authorize_flags()?;
        let acknowledged = acks::acknowledged_keys(&self.conn)?;
        let open = self
            .raised_flags()?
            .iter()
            .filter(|f| !acknowledged.contains(&f.key))
            .count();
        Ok(u32::try_from(open).unwrap_or(u32::MAX))
    }

    /// Acknowledges a raised flag with a note. The flag stays listed, marked acknowledged.
    pub fn acknowledge_flag(&mut self, flag_id: &str, note: &str) -> Result<FlagView> {
        self.authorize_flags()?;
        let note = note.trim();
        if note.chars().count() < 3 {
            return Err(StoreError::invalid_field(
                FieldError::new(
                    "note",
                    "too_short",
                    "say what was done about the flag (at least 3 characters)",
                )
                .with("min", 3),
            ));
        }
        let not_raised = || StoreError::NotFound {
            kind: "red flag",
            id: flag_id.to_owned(),
        };
        let Some(flag) = self.red_flags()?.into_iter().find(|f| f.flag_id == flag_id) else {
            return Err(not_raised());
        };
        self.change_case(|tx, me| {
            let ack = acks::acknowledge(tx, flag_id, &me.name, note)?;
            let detail = serde_json::json!({
                "flag_id": flag_id,
                "kind": flag.kind,
                "note": note,
            });
            Ok(
                Changed::new((), AuditAction::FlagAcknowledged, "flag_ack", ack).and_history_of(
                    flag.child_id,
                    "flag_acknowledged",
                    &detail,
                ),
            )
        })?;
        self.red_flags()?
            .into_iter()
            .find(|f| f.flag_id == flag_id)
            .ok_or_else(not_raised)
    }

    fn authorize_flags(&mut self) -> Result<()> {
        self.authorize(
            Permission::ReviewFlags,
            AuditAction::FlagAcknowledged,
            Target::new("flag", ""),
        )
    }

    /// Counts for the dashboard on `on`, the open red flags among them (for those who may see
    /// flags).
    pub fn dashboard(&mut self, on: NaiveDate) -> Result<Dashboard> {
        let mut counts = self.dashboard_counts(on)?;
        if self.user.role.may(Permission::ReviewFlags) {
            counts.open_flags = self.open_flag_count()?;
        }
        Ok(counts)
    }

    /// The dashboard's counts from count queries alone: `open_flags` is 0, since counting the
    /// flags raises them all (the window asks `open_flag_count` after showing these).
    pub fn dashboard_counts(&mut self, on: NaiveDate) -> Result<Dashboard> {
        self.authorize(
            Permission::LogCalls,
            AuditAction::CallLogged,
            Target::new("dashboard", ""),
        )?;
        let mut counts = dashboard::counts(&self.conn, on)?;
        if !self.visibility().court_detail {
            // Counts of hearings and unserved NTAs are court detail, as the hearings are.
            counts.hearings_this_week = 0;
            counts.nta_not_served = 0;
        }
        if !self.visibility().all_tasks {
            // A volunteer's tasks are their calls.
            counts.tasks_due_today = counts.calls_due_today;
            counts.tasks_overdue = counts.calls_overdue;
            counts.escalations_open = 0;
        }
        Ok(counts)
    }

    /// Hearings from `from` to `to` inclusive (court local dates). Empty for volunteers, who
    /// see no court detail.
    pub fn hearings_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<HearingItem>> {
        self.authorize_hearings()?;
        if !self.visibility().court_detail {
            return Ok(Vec::new());
        }
        hearings::between(&self.conn, from, to)
    }

    /// The hearings calendar from `from` to `to`: each day with hearings, its count and its
    /// first `per_day` hearings by time. Empty for volunteers, as `hearings_between` is.
    pub fn hearing_calendar(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
        per_day: u32,
    ) -> Result<Vec<HearingDay>> {
        self.authorize_hearings()?;
        if per_day == 0 {
            return Err(StoreError::invalid(
                "per_day",
                "must be at least 1 (how many hearings a day shows)",
            ));
        }
        if !self.visibility().court_detail {
            return Ok(Vec::new());
        }
        hearings::calendar_days(&self.conn, from, to, per_day)
    }

    fn authorize_hearings(&mut self) -> Result<()> {
        self.authorize(
            Permission::ViewCases,
            AuditAction::ChildViewed,
            Target::new("hearing", ""),
        )
    }
}

/// A page as asked for, or the error naming `limit`.
fn checked_range(range: PageRange) -> Result<PageRange> {
    if range.limit == 0 {
        return Err(StoreError::invalid(
            "limit",
            "must be at least 1 (how many rows a page holds)",
        ));
    }
    Ok(PageRange {
        limit: range.limit.min(PageRange::MAX_LIMIT),
        ..range
    })
}

/// What a calendar export holds.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub tasks: Vec<TaskView>,
    pub hearings: Vec<HearingItem>,
}
