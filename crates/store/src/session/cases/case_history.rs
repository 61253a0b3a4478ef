//! A child's history (every event of the case, newest first) and case notes.
//!
//! Staff read the whole history and write notes. A volunteer reads the calls only, of the
//! children in their queue (an open Safety & Well-Being call) or that they called themselves,
//! with the volunteer's redactions; they write no notes (a call's note is their record).

use serde_json::json;
use tether_core::{AuditAction, AuditOutcome, Permission};

use super::Changed;
use crate::audit_log::Target;
use crate::casework::history::{self, HistoryEntry};
use crate::error::{Result, StoreError};
use crate::session::Session;

/// A note's text: enough to say something, short enough to stay a note.
pub const MAX_NOTE_CHARS: usize = 5_000;

/// What a volunteer's history holds.
const CALL_EVENTS: &[&str] = &["call_logged"];

impl Session {
    /// The child's history, newest first. Audited (`history_viewed`, with the count).
    pub fn child_history(&mut self, id_or_case: &str) -> Result<Vec<HistoryEntry>> {
        // Volunteers may view (redacted) children too: the whole history is for those who
        // work the case.
        let staff = self.user.role.may(Permission::EditCases);
        let target = Target::new("child", id_or_case);
        if !staff {
            self.authorize(Permission::LogCalls, AuditAction::HistoryViewed, target)?;
        }
        let child = self.child_id(id_or_case)?;
        if !staff && !self.in_my_queue(child)? {
            // Not one of theirs: refused like any other read a role may not make.
            self.audit(
                AuditAction::HistoryViewed,
                Target::new("child", &child.to_string()),
                AuditOutcome::Denied,
            )?;
            return Err(StoreError::PermissionDenied {
                user: self.user.name.clone(),
                role: self.user.role.as_str(),
                action: "read the history of a child outside their call queue",
            });
        }
        let only = (!staff).then_some(CALL_EVENTS);
        let id = child.to_string();
        self.audited_bulk_read(AuditAction::HistoryViewed, "child", |tx| {
            let events = history::read(tx, child, only)?;
            let count = events.len();
            Ok((id, events, count))
        })
    }

    /// Adds a dated, signed case note; `corrects` names an earlier note of the same child this
    /// one corrects (the earlier one stays, marked as corrected).
    pub fn add_note(
        &mut self,
        id_or_case: &str,
        text: &str,
        corrects: Option<i64>,
    ) -> Result<HistoryEntry> {
        self.authorize(
            Permission::EditCases,
            AuditAction::NoteAdded,
            Target::new("child", id_or_case),
        )?;
        let text = text.trim();
        let chars = text.chars().count();
        if chars == 0 {
            return Err(StoreError::invalid("text", "write the note"));
        }
        if chars > MAX_NOTE_CHARS {
            return Err(StoreError::invalid(
                "text",
                format!("a note holds at most {MAX_NOTE_CHARS} characters, not {chars}"),
            ));
        }
        let child = self.child_id(id_or_case)?;
        if let Some(earlier) = corrects {
            match history::kind_of(&self.conn, earlier)? {
                Some((c, kind)) if c == child && kind == "note_added" => {}
                _ => {
                    return Err(StoreError::invalid(
                        "corrects",
                        format!("event {earlier} is not a note of this child"),
                    ))
                }
            }
        }
        self.change_case(|_, _| {
            Ok(
                Changed::new((), AuditAction::NoteAdded, "child", child).and_correction(
                    child,
                    "note_added",
                    json!({ "text": text }),
                    corrects,
                ),
            )
        })?;
        history::read(&self.conn, child, Some(&["note_added"]))?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound {
                kind: "note",
                id: child.to_string(),
            })
    }

    /// A volunteer's children: an open Safety & Well-Being call, or a call they logged.
    fn in_my_queue(&self, child: i64) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM tasks WHERE child_id = ?1 AND kind = 'swb_call'
                                AND closed = 0)
                     OR EXISTS (SELECT 1 FROM calls WHERE child_id = ?1 AND caller = ?2)",
                rusqlite::params![child, self.user.name],
                |r| r.get(0),
            )
            .map_err(StoreError::sql("find the volunteer's children"))
    }
}
