//! The signed-in user's handle on the vault. Every operation passes through here: the role is
//! checked (a refusal is audited) and the audit entry written in one place, in the same
//! transaction as the change.
//!
//! `authorize` is the role check; `transaction` is the one way a `Session` writes (every write
//! takes the write lock first); `change_case` (cases/mod.rs), built on it, is the one way case
//! data changes. The operations live beside them, one file per concern.

mod audit;
mod cases;
mod followup;
mod keys;
mod legal;
mod print;
mod settings;
mod tasks_done;
mod users;

use std::fmt;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::Serialize;
use tether_core::casework::redaction::Visibility;
use tether_core::{AuditAction, AuditOutcome, Permission, Role};

use crate::audit_log::{self, Target};
use crate::data_key::DataKey;
use crate::error::{Result, StoreError};
use crate::paths::VaultPaths;

pub use audit::AuditReceipt;
pub use followup::{Calendar, NewAddress, SwbAnswers};
pub use keys::{KeyRecipient, RekeyReport};
pub use legal::{concern_destinations, ReportedTo};
pub use print::PrintKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignedInUser {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserSummary {
    pub name: String,
    pub role: Role,
    pub created_at: String,
    /// A case manager who approves concern reports (admins always may).
    pub supervisor: bool,
}

pub struct Session {
    conn: Connection,
    paths: VaultPaths,
    data_key: DataKey,
    user: SignedInUser,
    /// Slots dropped when this sign-in finished an interrupted rekey (see `keys.rs`).
    pub(crate) dropped_at_unlock: Vec<crate::key_slots::DroppedSlot>,
    /// The raised red flags while nothing has changed (`followup/flag_cache.rs`).
    flag_cache: crate::followup::flag_cache::FlagCache,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("vault", &self.paths.dir())
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl Session {
    pub(crate) fn new(
        conn: Connection,
        paths: VaultPaths,
        data_key: DataKey,
        user: SignedInUser,
    ) -> Self {
        Session {
            conn,
            paths,
            data_key,
            user,
            dropped_at_unlock: Vec::new(),
            flag_cache: Default::default(),
        }
    }

    pub fn user(&self) -> &SignedInUser {
        &self.user
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    /// What this user may see of a case.
    pub fn visibility(&self) -> Visibility {
        Visibility::for_role(self.user.role)
    }

    /// Today as the vault sees it (UTC date); domain rules take it as a parameter.
    pub fn today(&self) -> NaiveDate {
        chrono::Utc::now().date_naive()
    }

    /// Refuses, and audits the refusal as `action` on `target`, when the user's role may not
    /// do `permission`.
    pub(crate) fn authorize(
        &mut self,
        permission: Permission,
        action: AuditAction,
        target: Target<'_>,
    ) -> Result<()> {
        if self.user.role.may(permission) {
            return Ok(());
        }
        self.audit(action, target, AuditOutcome::Denied)?;
        Err(StoreError::PermissionDenied {
            user: self.user.name.clone(),
            role: self.user.role.as_str(),
            action: refused(permission, action),
        })
    }

    /// Runs `change` in one transaction and commits it if `change` succeeds; on an error
    /// nothing of it is kept. `BEGIN IMMEDIATE`: the write lock is taken before anything is
    /// read, so a change that reads first (the audit chain's head, the next case number) cannot
    /// interleave with a change made at the same time by another process (the CLI beside the
    /// app). Every write a `Session` makes starts here, audit appends included.
    pub(crate) fn transaction<T>(
        &mut self,
        change: impl FnOnce(&Transaction<'_>, &SignedInUser) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql("start a change"))?;
        let value = change(&tx, &self.user)?;
        tx.commit().map_err(StoreError::sql("save the change"))?;
        Ok(value)
    }

    /// A read that is an event (a child's or a sponsor's full record): `read` returns the id
    /// of the record it read and what it read; the entry (`action` on that `kind` of record)
    /// is appended in the same transaction, so it says exactly what was seen.
    pub(crate) fn audited_read<T>(
        &mut self,
        action: AuditAction,
        kind: &str,
        read: impl FnOnce(&Transaction<'_>) -> Result<(i64, T)>,
    ) -> Result<T> {
        self.transaction(|tx, me| {
            let (id, seen) = read(tx)?;
            audit_log::record(tx, me, action, kind, id)?;
            Ok(seen)
        })
    }

    /// A bulk read (a list, a search, a calendar): `read` returns the record id for the entry
    /// (a search's kind, or empty), what it read and how many records that is; one entry,
    /// `action` on `kind` with the count, is appended in the same transaction.
    pub(crate) fn audited_bulk_read<T>(
        &mut self,
        action: AuditAction,
        kind: &str,
        read: impl FnOnce(&Transaction<'_>) -> Result<(String, T, usize)>,
    ) -> Result<T> {
        self.transaction(|tx, me| {
            let (id, seen, count) = read(tx)?;
            audit_log::append_counted(tx, me, action, Target::new(kind, &id), count)?;
            Ok(seen)
        })
    }

    /// Appends one entry on its own (a sign-in, a read, a refusal, a printout).
    pub(crate) fn audit(
        &mut self,
        action: AuditAction,
        target: Target<'_>,
        outcome: AuditOutcome,
    ) -> Result<()> {
        self.transaction(|tx, me| audit_log::append(tx, me, action, target, outcome))
    }
}

/// What a refused user was trying to do, for the error message. The permission comes first
/// where one check guards several requests under one audit action: red flags are listed and
/// acknowledged after the same `ReviewFlags` check, audited as `flag_acknowledged`, and whoever
/// is refused it may not see them at all (acknowledging needs seeing).
fn refused(permission: Permission, action: AuditAction) -> &'static str {
    match permission {
        Permission::ReviewFlags => "see red flags",
        _ => describe(action),
    }
}

/// What a refused user was trying to do, by the audited action.
fn describe(action: AuditAction) -> &'static str {
    match action {
        AuditAction::UserAdded => "add users",
        AuditAction::UserRemoved => "remove users",
        AuditAction::UsersListed => "list users",
        AuditAction::PassphraseReset => "reset other users' passphrases",
        AuditAction::Rekeyed => "rekey the vault",
        AuditAction::BackupCreated => "back up the vault",
        AuditAction::AuditRead | AuditAction::AuditVerified | AuditAction::AuditReceiptSaved => {
            "read the audit log"
        }
        AuditAction::SettingsChanged => "change settings",
        AuditAction::SponsorCreated | AuditAction::ChildCreated => "add cases",
        AuditAction::ChildUpdated
        | AuditAction::HearingAdded
        | AuditAction::HearingUpdated
        | AuditAction::NtaUpdated
        | AuditAction::ProceedingsUpdated
        | AuditAction::AddressChanged
        | AuditAction::AddressConfirmed
        | AuditAction::AddressRejected
        | AuditAction::NoteAdded
        | AuditAction::TaskCompleted
        | AuditAction::SponsorUpdated
        | AuditAction::SponsorLinked
        | AuditAction::PhoneNotWorking
        | AuditAction::ChildClosed
        | AuditAction::ChildReopened
        | AuditAction::ChildAssigned => "change cases",
        AuditAction::SponsorMerged | AuditAction::ChildMerged => "merge records",
        AuditAction::ChildVoided => "void records",
        AuditAction::HistoryViewed => "read case histories",
        AuditAction::AddressReported => "log calls",
        AuditAction::SponsorViewed
        | AuditAction::ChildViewed
        | AuditAction::ChildrenSearched
        | AuditAction::SponsorsListed => "view cases",
        AuditAction::CallsDueListed | AuditAction::TasksListed => "see follow-up tasks",
        AuditAction::CalendarExported => "export the calendar",
        AuditAction::RecordsImported => "import records",
        AuditAction::RecordsExported => "export records",
        AuditAction::CallLogged => "log calls",
        AuditAction::FlagAcknowledged => "acknowledge red flags",
        AuditAction::DocumentPrinted => "print case documents",
        AuditAction::ReliefUpdated | AuditAction::InAbsentiaRecorded => "change cases",
        AuditAction::DeadlinesListed => "see legal deadlines",
        AuditAction::ConcernOpened
        | AuditAction::ConcernSubmitted
        | AuditAction::ConcernsListed
        | AuditAction::ReminderPrepared => "log calls",
        AuditAction::ConcernApproved | AuditAction::ConcernReturned => {
            "approve concern reports (a supervisor may)"
        }
        AuditAction::ConcernReported | AuditAction::ConcernClosed => "report concerns",
        AuditAction::SupervisorChanged => "manage users",
        AuditAction::VaultCreated | AuditAction::SignedIn | AuditAction::PassphraseChanged => {
            "do this"
        }
    }
}
