//! A case's life after it is entered: closing (with a reason) and reopening, voiding a record
//! entered by mistake, merging two records of the same child, and handing the case to another
//! case manager. Nothing is deleted: each leaves the case's status changed, an event in its
//! history and an entry in the audit log, and a closed or voided case can be read back.

use serde_json::json;
use tether_core::casework::{ClosureReason, FieldError};
use tether_core::{AuditAction, AuditOutcome, Permission, Role};

use super::Changed;
use crate::audit_log::Target;
use crate::casework::{lifecycle, search, ChildView};
use crate::error::{Result, StoreError};
use crate::session::Session;

/// A reason or note a person must write (void, reopen, "other"): at least this many characters.
const MIN_REASON: usize = 3;

impl Session {
    /// Closes an open case with one of `ClosureReason`'s reasons (and a note, required for
    /// `other`). Its open tasks close; it leaves the queue, the dashboard and the flags.
    pub fn close_child(
        &mut self,
        id_or_case: &str,
        reason: &str,
        note: Option<&str>,
    ) -> Result<ChildView> {
        let (id, _) = self.change_child(
            AuditAction::ChildClosed,
            Target::new("child", ""),
            |s| {
                let reason = ClosureReason::parse(reason)
                    .map_err(|e| StoreError::invalid_field(FieldError::from_error("reason", &e)))?;
                let note = note.map(str::trim).filter(|n| !n.is_empty());
                if reason.needs_note() && note.is_none_or(|n| n.chars().count() < MIN_REASON) {
                    return Err(written("note", "say why the case closes (reason: other)"));
                }
                let id = s.child_id(id_or_case)?;
                s.expect_status(id, "open", "is not open: only an open case can be closed")?;
                Ok((id, (reason, note.map(str::to_owned))))
            },
            |tx, id, (reason, note)| {
                let today = chrono::Utc::now().date_naive();
                lifecycle::close(tx, id, reason, today)?;
                Ok((
                    "child",
                    id,
                    json!({ "reason": reason.as_str(), "note": note, "on": today.to_string() }),
                ))
            },
        )?;
        self.child_view(id)
    }

    /// Reopens a closed case, with a note saying why; its tasks are scheduled again.
    pub fn reopen_child(&mut self, id_or_case: &str, note: &str) -> Result<ChildView> {
        let (id, _) = self.change_child(
            AuditAction::ChildReopened,
            Target::new("child", ""),
            |s| {
                let note = note.trim();
                if note.chars().count() < MIN_REASON {
                    return Err(written("note", "say why the case reopens"));
                }
                let id = s.child_id(id_or_case)?;
                s.expect_status(id, "closed", "is not closed: only a closed case can reopen")?;
                Ok((id, note.to_owned()))
            },
            |tx, id, note| {
                let was = lifecycle::reopen(tx, id)?;
                Ok(("child", id, json!({ "note": note, "was_closed_as": was })))
            },
        )?;
        self.child_view(id)
    }

    /// Voids a record entered by mistake: an admin, or the user who entered it, with a reason.
    /// It leaves every list, queue, export and count; its history and audit entries stay.
    pub fn void_child(&mut self, id_or_case: &str, reason: &str) -> Result<ChildView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::ChildVoided,
            Target::new("child", ""),
        )?;
        let reason = reason.trim();
        if reason.chars().count() < MIN_REASON {
            return Err(written("reason", "say why the record is voided"));
        }
        let id = self.child_id(id_or_case)?;
        let author = lifecycle::created_by(&self.conn, id)?;
        if self.user.role != Role::Admin && author != Some(self.user.id) {
            self.audit(
                AuditAction::ChildVoided,
                Target::new("child", &id.to_string()),
                AuditOutcome::Denied,
            )?;
            return Err(StoreError::PermissionDenied {
                user: self.user.name.clone(),
                role: self.user.role.as_str(),
                action: "void a record someone else entered (an admin or its author may)",
            });
        }
        if lifecycle::status(&self.conn, id)? == "voided" {
            return Err(StoreError::Conflict(format!(
                "{} is already voided",
                lifecycle::case_number(&self.conn, id)?
            )));
        }
        self.change_case(|tx, _| {
            lifecycle::void(tx, id, reason)?;
            search::index_child(tx, id)?;
            Ok(Changed::new((), AuditAction::ChildVoided, "child", id)
                .and_history(id, "child_voided", json!({ "reason": reason }))
                .reschedule([id]))
        })?;
        self.child_view(id)
    }

    /// `dup` is the same child as `keep`: its calls, hearings, notes and history now belong to
    /// `keep` (its history is read with `keep`'s), empty fields of `keep` are filled from it,
    /// and its case number and A-Number keep finding `keep`.
    pub fn merge_children(&mut self, keep: &str, dup: &str) -> Result<ChildView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::ChildMerged,
            Target::new("child", ""),
        )?;
        let (keep_id, dup_id) = (self.child_id(keep)?, self.child_id(dup)?);
        if keep_id == dup_id {
            return Err(StoreError::Conflict(format!(
                "{keep} and {dup} are already the same case"
            )));
        }
        for id in [keep_id, dup_id] {
            if lifecycle::status(&self.conn, id)? == "voided" {
                return Err(StoreError::Conflict(format!(
                    "{} is voided: it cannot be merged",
                    lifecycle::case_number(&self.conn, id)?
                )));
            }
        }
        self.change_case(|tx, _| {
            let merged = lifecycle::merge_children(tx, keep_id, dup_id)?;
            search::index_child(tx, dup_id)?;
            search::index_child(tx, keep_id)?;
            let detail = json!({
                "kept": merged.kept_case_number,
                "merged": merged.merged_case_number,
                "filled": merged.filled,
                "calls_moved": merged.calls_moved,
                "hearings_moved": merged.hearings_moved,
            });
            Ok(Changed::new((), AuditAction::ChildMerged, "child", dup_id)
                .and_history(keep_id, "child_merged", detail)
                .reschedule([keep_id, dup_id]))
        })?;
        self.child_view(keep_id)
    }

    /// Assigns the case to `user` (a user name; an admin or case manager).
    pub fn assign_child(&mut self, id_or_case: &str, user: &str) -> Result<ChildView> {
        let (id, _) = self.change_child(
            AuditAction::ChildAssigned,
            Target::new("child", ""),
            |s| {
                let (user_id, name) = if user.trim().eq_ignore_ascii_case("me") {
                    (s.user.id, s.user.name.clone())
                } else {
                    lifecycle::case_manager(&s.conn, user)?
                };
                Ok((s.child_id(id_or_case)?, (user_id, name)))
            },
            |tx, id, (user_id, name)| {
                let before = lifecycle::assign(tx, id, user_id)?;
                Ok(("child", id, json!({ "from": before, "to": name })))
            },
        )?;
        self.child_view(id)
    }

    /// Fails with a conflict unless the case's status is `want`.
    fn expect_status(&self, id: i64, want: &str, otherwise: &str) -> Result<()> {
        let status = lifecycle::status(&self.conn, id)?;
        if status == want {
            return Ok(());
        }
        Err(StoreError::Conflict(format!(
            "{} {otherwise} (it is {status})",
            lifecycle::case_number(&self.conn, id)?
        )))
    }
}

/// A reason or note too short to say anything.
fn written(field: &str, what: &str) -> StoreError {
    StoreError::invalid_field(
        FieldError::new(
            field,
            "too_short",
            format!("{what} (at least {MIN_REASON} characters)"),
        )
        .with("min", MIN_REASON),
    )
}
