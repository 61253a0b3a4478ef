//! IPC types for the admin screens: users and the audit log.

use serde::Serialize;
use specta::Type;
use tether_store::{AuditLogEntry, UserSummary as StoreUser};

use super::ids::count32;
use super::vault::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct UserSummary {
    pub name: String,
    pub role: Role,
    pub created_at: String,
    /// A case manager who approves concern reports (admins always may).
    pub supervisor: bool,
}

impl From<StoreUser> for UserSummary {
    fn from(u: StoreUser) -> Self {
        UserSummary {
            name: u.name,
            role: u.role.into(),
            created_at: u.created_at,
            supervisor: u.supervisor,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AuditReport {
    pub ok: bool,
    pub entries: u32,
    pub message: String,
    /// Hex SHA-256 of the last entry (empty when the chain is broken): keep it elsewhere, in
    /// an audit receipt, to detect a rewrite or a truncation later.
    pub head: String,
}

/// An audit receipt written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SavedReceipt {
    pub path: String,
    pub entries: u32,
    pub head: String,
    pub taken_at: String,
}

impl From<(tether_store::AuditReceipt, &std::path::Path)> for SavedReceipt {
    fn from((r, path): (tether_store::AuditReceipt, &std::path::Path)) -> Self {
        SavedReceipt {
            path: path.display().to_string(),
            entries: count32(r.entries),
            head: r.head,
            taken_at: r.taken_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AuditEntryView {
    /// The entry's place in the chain, counted like `AuditReport::entries`.
    pub seq: u32,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub outcome: String,
    /// Records returned by a bulk read or a search (null for other entries).
    pub count: Option<u32>,
}

impl From<AuditLogEntry> for AuditEntryView {
    fn from(e: AuditLogEntry) -> Self {
        AuditEntryView {
            seq: count32(e.seq),
            at: e.at,
            actor: e.actor,
            action: e.action,
            record_kind: e.record_kind,
            record_id: e.record_id,
            outcome: e.outcome,
            count: e.count.map(count32),
        }
    }
}
