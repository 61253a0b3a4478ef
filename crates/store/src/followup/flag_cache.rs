//! The flags the rules raised, kept between requests for as long as they are certainly still
//! what the rules would say. At 100,000 children raising every flag reads the whole caseload
//! (about 1.3 s in a release build); the dashboard's count and each page of the Red flags
//! screen would otherwise pay that on every request.
//!
//! Still true means: the same day (flags count days since release, deadlines' days left), and
//! no entry in the audit log since, other than reads, from this process or any other. Every
//! change to the vault appends its audit entry in the same transaction (`Session::transaction`),
//! so the log is a complete record of changes; an action not known to be a read counts as a
//! change (`AuditAction::only_reads`).

use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::Connection;
use tether_core::followup::Flag;
use tether_core::AuditAction;

use crate::error::{Result, StoreError};

#[derive(Debug, Default)]
pub(crate) struct FlagCache {
    kept: Option<Kept>,
}

#[derive(Debug)]
struct Kept {
    on: NaiveDate,
    /// The last audit entry seen when the flags were last known to be current.
    through: i64,
    flags: Arc<Vec<Flag>>,
}

impl FlagCache {
    /// The flags raised on `on`: the kept ones while nothing changed, else `raise()`'s.
    pub(crate) fn get_or_raise(
        &mut self,
        conn: &Connection,
        on: NaiveDate,
        raise: impl FnOnce() -> Result<Vec<Flag>>,
    ) -> Result<Arc<Vec<Flag>>> {
        if let Some(kept) = &mut self.kept {
            if kept.on == on {
                let (latest, changed) = changes_after(conn, kept.through)?;
                if !changed {
                    kept.through = latest;
                    return Ok(Arc::clone(&kept.flags));
                }
            }
        }
        // Read the log's end first: a change committed while the flags are raised is then
        // seen (and the flags raised again) on the next request.
        let through = conn
            .query_row("SELECT ifnull(max(id), 0) FROM audit", [], |r| r.get(0))
            .map_err(StoreError::sql("read the audit log's end"))?;
        let flags = Arc::new(raise()?);
        self.kept = Some(Kept {
            on,
            through,
            flags: Arc::clone(&flags),
        });
        Ok(flags)
    }
}

/// The last audit entry's id, and whether any entry after `after` may have changed a record
/// (refusals change nothing).
fn changes_after(conn: &Connection, after: i64) -> Result<(i64, bool)> {
    let reads = AuditAction::READS
        .iter()
        .map(|a| format!("'{}'", a.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    conn.query_row(
        &format!(
            "SELECT ifnull(max(id), ?1),
                    ifnull(max(outcome <> 'denied' AND action NOT IN ({reads})), 0)
             FROM audit WHERE id > ?1"
        ),
        [after],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .map_err(StoreError::sql("read the audit log's end"))
}
