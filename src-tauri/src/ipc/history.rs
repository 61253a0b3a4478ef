//! IPC types for a child's history (the History tab).

use serde::Serialize;
use specta::Type;
use tether_store::casework::HistoryEntry;

use super::ids::{ipc_id, IdOutOfRange};

/// One event of the case. `detail` is the event's JSON object as text (its fields differ by
/// `kind`; the window reads the ones it shows and ignores the rest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HistoryItem {
    pub id: u32,
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub detail: String,
    pub corrects: Option<u32>,
    pub corrected_by: Option<u32>,
}

impl TryFrom<HistoryEntry> for HistoryItem {
    type Error = IdOutOfRange;
    fn try_from(e: HistoryEntry) -> Result<Self, Self::Error> {
        Ok(HistoryItem {
            id: ipc_id(e.id)?,
            at: e.at,
            actor: e.actor,
            kind: e.kind,
            detail: e.detail.to_string(),
            corrects: e.corrects.map(ipc_id).transpose()?,
            corrected_by: e.corrected_by.map(ipc_id).transpose()?,
        })
    }
}
