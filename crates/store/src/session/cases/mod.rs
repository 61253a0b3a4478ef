//! `Session` operations on casework, and the one way case data changes: `change_case`.
//!
//! Every write to sponsors, children, proceedings, calls, flags, imports, exports and the task
//! table goes through `Session::change_case`, which keeps the change, the affected children's
//! tasks and the audit entries in one IMMEDIATE transaction. `change_child` is the sequence
//! the edits of one child share (role check → input checks and finding the child → change →
//! the view read back by the caller).

mod case_history;
mod children;
mod import_export;
mod lifecycle;
mod proceedings;
mod sponsors;

use std::fmt::Display;

use chrono::NaiveDate;
use rusqlite::Transaction;
use tether_core::casework::FieldError;
use tether_core::{AuditAction, Permission};

use super::{Session, SignedInUser};
use crate::audit_log::{self, Target};
use crate::casework::{children as child_rows, history, ChildView};
use crate::error::{Result, StoreError};
use crate::followup::tasks;
use crate::settings;

/// What a change to case data did, for `change_case` to finish in the same transaction: the
/// value the caller gets back, the audit entries (at least one) and whose tasks to re-run.
pub(crate) struct Changed<T> {
    value: T,
    audit: Vec<Entry>,
    reschedule: Reschedule,
    history: Vec<Event>,
}

/// One event for a child's history (`casework::history`), written with the change.
struct Event {
    child_id: i64,
    kind: &'static str,
    detail: serde_json::Value,
    corrects: Option<i64>,
}

struct Entry {
    action: AuditAction,
    kind: &'static str,
    id: String,
}

enum Reschedule {
    /// These children, in this order (none: the change moves no task).
    Children(Vec<i64>),
    /// Every child (the call schedule changed).
    Everyone,
}

impl<T> Changed<T> {
    /// A change audited as `action` on the record `kind` `id`.
    pub(crate) fn new(value: T, action: AuditAction, kind: &'static str, id: impl Display) -> Self {
        Changed {
            value,
            audit: vec![Entry {
                action,
                kind,
                id: id.to_string(),
            }],
            reschedule: Reschedule::Children(Vec::new()),
            history: Vec::new(),
        }
    }

    /// An event for `child`'s history, written in the same transaction.
    pub(crate) fn and_history(
        mut self,
        child_id: i64,
        kind: &'static str,
        detail: serde_json::Value,
    ) -> Self {
        self.history.push(Event {
            child_id,
            kind,
            detail,
            corrects: None,
        });
        self
    }

    /// The same event for each of these children (a sponsor's move touches all of theirs).
    pub(crate) fn and_history_of(
        mut self,
        children: impl IntoIterator<Item = i64>,
        kind: &'static str,
        detail: &serde_json::Value,
    ) -> Self {
        for child_id in children {
            self = self.and_history(child_id, kind, detail.clone());
        }
        self
    }

    /// A history event that corrects an earlier one.
    pub(crate) fn and_correction(
        mut self,
        child_id: i64,
        kind: &'static str,
        detail: serde_json::Value,
        corrects: Option<i64>,
    ) -> Self {
        self.history.push(Event {
            child_id,
            kind,
            detail,
            corrects,
        });
        self
    }

    /// A second record the same change touched (a call that also moved the sponsor).
    pub(crate) fn and_audit(
        mut self,
        action: AuditAction,
        kind: &'static str,
        id: impl Display,
    ) -> Self {
        self.audit.push(Entry {
            action,
            kind,
            id: id.to_string(),
        });
        self
    }

    /// Re-runs the follow-up rules for these children once the change is made.
    pub(crate) fn reschedule(mut self, children: impl IntoIterator<Item = i64>) -> Self {
        if let Reschedule::Children(ids) = &mut self.reschedule {
            ids.extend(children);
        }
        self
    }

    pub(crate) fn reschedule_everyone(mut self) -> Self {
        self.reschedule = Reschedule::Everyone;
        self
    }
}

impl Session {
    /// The one way case data changes. `change` writes; then, in the same transaction, the
    /// tasks of the children it names are re-run and its audit entries appended, so the
    /// change, its tasks and its audit entries land together or not at all. The role check
    /// (`authorize`) comes first, before any input checks, as every operation's contract says.
    pub(crate) fn change_case<T>(
        &mut self,
        change: impl FnOnce(&Transaction<'_>, &SignedInUser) -> Result<Changed<T>>,
    ) -> Result<T> {
        self.transaction(|tx, me| {
            let changed = change(tx, me)?;
            let today = chrono::Utc::now().date_naive();
            match &changed.reschedule {
                Reschedule::Children(ids) if ids.is_empty() => {}
                Reschedule::Children(ids) => {
                    let schedule = settings::schedule(tx)?;
                    for &id in ids {
                        tasks::reschedule(tx, id, &schedule, today)?;
                    }
                }
                Reschedule::Everyone => {
                    tasks::reschedule_all(tx, today)?;
                }
            }
            for event in &changed.history {
                history::append(
                    tx,
                    event.child_id,
                    me,
                    event.kind,
                    &event.detail,
                    event.corrects,
                )?;
            }
            for entry in &changed.audit {
                audit_log::record(tx, me, entry.action, entry.kind, &entry.id)?;
            }
            Ok(changed.value)
        })
    }

    /// One edit of one child's case: the role check (a refusal audited as `action` on
    /// `denied`); `check`, which checks the input and finds the child (in the order their
    /// errors should come) and returns the child's id with the checked input; then `write`
    /// through `change_case`, with the child's tasks re-run and `action` audited on the record
    /// `write` returns (`kind`, id), and the child's history gets an event named after
    /// `action` with the detail `write` returns. Returns the child's id and that record's id,
    /// for the caller to read the view back.
    pub(crate) fn change_child<C>(
        &mut self,
        action: AuditAction,
        denied: Target<'_>,
        check: impl FnOnce(&Self) -> Result<(i64, C)>,
        write: impl FnOnce(&Transaction<'_>, i64, C) -> Result<(&'static str, i64, serde_json::Value)>,
    ) -> Result<(i64, i64)> {
        self.authorize(Permission::EditCases, action, denied)?;
        let (child, checked) = check(self)?;
        self.change_case(|tx, _| {
            let (kind, record, detail) = write(tx, child, checked)?;
            Ok(Changed::new((child, record), action, kind, record)
                .and_history(child, action.as_str(), detail)
                .reschedule([child]))
        })
    }

    /// A child's id from its id or case number, or `NotFound`.
    pub(super) fn child_id(&self, id_or_case: &str) -> Result<i64> {
        child_rows::resolve_child(&self.conn, id_or_case)
    }

    /// The child's record as this user may see it.
    fn child_view(&self, id: i64) -> Result<ChildView> {
        child_rows::load_child(&self.conn, id, &self.visibility())
    }

    /// A date that may not lie ahead of today (a service date, a check, a move, a call).
    pub(super) fn in_future(&self, field: &str, what: &str, day: Option<NaiveDate>) -> StoreError {
        StoreError::invalid_field(
            FieldError::new(field, "date_in_future", format!("{what} is in the future"))
                .with("value", day.map(|d| d.to_string()).unwrap_or_default())
                .with("today", self.today()),
        )
    }
}

/// Names longer than a form allows (200 characters, as for every other name).
fn too_long(field: &str, what: &str, value: Option<&str>) -> StoreError {
    let chars = value.map_or(0, |v| v.chars().count());
    StoreError::invalid_field(
        FieldError::new(
            field,
            "too_long",
            format!("{what} is longer than 200 characters"),
        )
        .with("chars", chars)
        .with("max", 200),
    )
}
