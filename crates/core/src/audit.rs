//! The audit chain's rules: what an entry holds, its canonical bytes, and how a chain is checked.
//!
//! An entry names who did what to which kind of record and its id; never the record's content,
//! so reading the audit log reveals no child's data. Each entry's hash covers the previous hash,
//! so an edit, a deletion or a swap breaks the chain at the first entry touched.

mod receipt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use receipt::{Receipt, ReceiptError, ReceiptMismatch};

/// The `prev_hash` of the first entry.
pub const GENESIS_HASH: [u8; 32] = [0; 32];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    VaultCreated,
    SignedIn,
    UserAdded,
    UserRemoved,
    UsersListed,
    PassphraseChanged,
    PassphraseReset,
    Rekeyed,
    BackupCreated,
    AuditRead,
    AuditVerified,
    SettingsChanged,
    SponsorCreated,
    SponsorViewed,
    ChildCreated,
    ChildUpdated,
    ChildViewed,
    HearingAdded,
    HearingUpdated,
    NtaUpdated,
    ProceedingsUpdated,
    AddressChanged,
    RecordsImported,
    RecordsExported,
    CallLogged,
    FlagAcknowledged,
    DocumentPrinted,
    /// A search: the entry says what kind of query it was and how many children it returned,
    /// never what was typed.
    ChildrenSearched,
    /// Bulk reads, each with the number of records returned.
    SponsorsListed,
    CallsDueListed,
    TasksListed,
    CalendarExported,
    /// An admin kept the chain's head elsewhere (an audit receipt).
    AuditReceiptSaved,
    /// A volunteer reported a sponsor's new address on a call: pending, not applied.
    AddressReported,
    /// A case manager confirmed a reported address (applied as `AddressChanged` too).
    AddressConfirmed,
    /// A case manager rejected a reported address, with a reason.
    AddressRejected,
    /// A child's history was read (with the number of events shown).
    HistoryViewed,
    /// A case note was added (or a correction of one).
    NoteAdded,
    /// A task was marked done by a person, with what was done.
    TaskCompleted,
    /// A sponsor's names, phones, time zone (or, as `AddressChanged`, address) were edited.
    SponsorUpdated,
    /// Two sponsor records were the same person: one was merged into the other.
    SponsorMerged,
    /// A child's link to a sponsor (the sponsor, ORR's category, the relationship) was set.
    SponsorLinked,
    /// A call found a sponsor's number not working.
    PhoneNotWorking,
    /// Two children were the same child: one was merged into the other.
    ChildMerged,
    /// A record entered by mistake was voided, with a reason.
    ChildVoided,
    ChildClosed,
    ChildReopened,
    /// A case was assigned to a (new) case manager.
    ChildAssigned,
    ReliefUpdated,
    InAbsentiaRecorded,
    DeadlinesListed,
    ConcernOpened,
    ConcernSubmitted,
    ConcernApproved,
    ConcernReturned,
    ConcernReported,
    ConcernClosed,
    ConcernsListed,
    ReminderPrepared,
    SupervisorChanged,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::VaultCreated => "vault_created",
            AuditAction::SignedIn => "signed_in",
            AuditAction::UserAdded => "user_added",
            AuditAction::UserRemoved => "user_removed",
            AuditAction::UsersListed => "users_listed",
            AuditAction::PassphraseChanged => "passphrase_changed",
            AuditAction::PassphraseReset => "passphrase_reset",
            AuditAction::Rekeyed => "rekeyed",
            AuditAction::BackupCreated => "backup_created",
            AuditAction::AuditRead => "audit_read",
            AuditAction::AuditVerified => "audit_verified",
            AuditAction::SettingsChanged => "settings_changed",
            AuditAction::SponsorCreated => "sponsor_created",
            AuditAction::SponsorViewed => "sponsor_viewed",
            AuditAction::ChildCreated => "child_created",
            AuditAction::ChildUpdated => "child_updated",
            AuditAction::ChildViewed => "child_viewed",
            AuditAction::HearingAdded => "hearing_added",
            AuditAction::HearingUpdated => "hearing_updated",
            AuditAction::ProceedingsUpdated => "proceedings_updated",
            AuditAction::AddressChanged => "address_changed",
            AuditAction::NtaUpdated => "nta_updated",
            AuditAction::RecordsImported => "records_imported",
            AuditAction::RecordsExported => "records_exported",
            AuditAction::CallLogged => "call_logged",
            AuditAction::FlagAcknowledged => "flag_acknowledged",
            AuditAction::DocumentPrinted => "document_printed",
            AuditAction::ChildrenSearched => "children_searched",
            AuditAction::SponsorsListed => "sponsors_listed",
            AuditAction::CallsDueListed => "calls_due_listed",
            AuditAction::TasksListed => "tasks_listed",
            AuditAction::CalendarExported => "calendar_exported",
            AuditAction::AuditReceiptSaved => "audit_receipt_saved",
            AuditAction::AddressReported => "address_reported",
            AuditAction::AddressConfirmed => "address_confirmed",
            AuditAction::AddressRejected => "address_rejected",
            AuditAction::HistoryViewed => "history_viewed",
            AuditAction::NoteAdded => "note_added",
            AuditAction::TaskCompleted => "task_completed",
            AuditAction::SponsorUpdated => "sponsor_updated",
            AuditAction::SponsorMerged => "sponsor_merged",
            AuditAction::SponsorLinked => "sponsor_linked",
            AuditAction::PhoneNotWorking => "phone_not_working",
            AuditAction::ChildMerged => "child_merged",
            AuditAction::ChildVoided => "child_voided",
            AuditAction::ChildClosed => "child_closed",
            AuditAction::ChildReopened => "child_reopened",
            AuditAction::ChildAssigned => "child_assigned",
            AuditAction::ReliefUpdated => "relief_updated",
            AuditAction::InAbsentiaRecorded => "in_absentia_recorded",
            AuditAction::DeadlinesListed => "deadlines_listed",
            AuditAction::ConcernOpened => "concern_opened",
            AuditAction::ConcernSubmitted => "concern_submitted",
            AuditAction::ConcernApproved => "concern_approved",
            AuditAction::ConcernReturned => "concern_returned",
            AuditAction::ConcernReported => "concern_reported",
            AuditAction::ConcernClosed => "concern_closed",
            AuditAction::ConcernsListed => "concerns_listed",
            AuditAction::ReminderPrepared => "reminder_prepared",
            AuditAction::SupervisorChanged => "supervisor_changed",
        }
    }
}

impl AuditAction {
    /// The actions that only read (or sign in, or write a file outside the vault): an entry for
    /// one of them says that nothing the rules read has changed. Anything else, and any new
    /// action until it is listed here, counts as a change (so a cache of what the rules
    /// computed is never kept past one).
    pub const READS: &'static [AuditAction] = &[
        AuditAction::SignedIn,
        AuditAction::UsersListed,
        AuditAction::BackupCreated,
        AuditAction::AuditRead,
        AuditAction::AuditVerified,
        AuditAction::SponsorViewed,
        AuditAction::ChildViewed,
        AuditAction::RecordsExported,
        AuditAction::DocumentPrinted,
        AuditAction::ChildrenSearched,
        AuditAction::SponsorsListed,
        AuditAction::CallsDueListed,
        AuditAction::TasksListed,
        AuditAction::CalendarExported,
        AuditAction::AuditReceiptSaved,
        AuditAction::HistoryViewed,
        AuditAction::DeadlinesListed,
        AuditAction::ConcernsListed,
    ];

    /// Whether an entry of this action leaves every case record as it was. An exhaustive match,
    /// so a new action has to be placed on one side; `READS` must agree (a test checks it).
    pub fn only_reads(self) -> bool {
        match self {
            AuditAction::SignedIn
            | AuditAction::UsersListed
            | AuditAction::BackupCreated
            | AuditAction::AuditRead
            | AuditAction::AuditVerified
            | AuditAction::SponsorViewed
            | AuditAction::ChildViewed
            | AuditAction::RecordsExported
            | AuditAction::DocumentPrinted
            | AuditAction::ChildrenSearched
            | AuditAction::SponsorsListed
            | AuditAction::CallsDueListed
            | AuditAction::TasksListed
            | AuditAction::CalendarExported
            | AuditAction::AuditReceiptSaved
            | AuditAction::HistoryViewed
            | AuditAction::DeadlinesListed
            | AuditAction::ConcernsListed => true,
            AuditAction::VaultCreated
            | AuditAction::UserAdded
            | AuditAction::UserRemoved
            | AuditAction::PassphraseChanged
            | AuditAction::PassphraseReset
            | AuditAction::Rekeyed
            | AuditAction::SettingsChanged
            | AuditAction::SponsorCreated
            | AuditAction::ChildCreated
            | AuditAction::ChildUpdated
            | AuditAction::HearingAdded
            | AuditAction::HearingUpdated
            | AuditAction::NtaUpdated
            | AuditAction::ProceedingsUpdated
            | AuditAction::AddressChanged
            | AuditAction::RecordsImported
            | AuditAction::CallLogged
            | AuditAction::FlagAcknowledged
            | AuditAction::AddressReported
            | AuditAction::AddressConfirmed
            | AuditAction::AddressRejected
            | AuditAction::NoteAdded
            | AuditAction::TaskCompleted
            | AuditAction::SponsorUpdated
            | AuditAction::SponsorMerged
            | AuditAction::SponsorLinked
            | AuditAction::PhoneNotWorking
            | AuditAction::ChildMerged
            | AuditAction::ChildVoided
            | AuditAction::ChildClosed
            | AuditAction::ChildReopened
            | AuditAction::ChildAssigned
            | AuditAction::ReliefUpdated
            | AuditAction::InAbsentiaRecorded
            | AuditAction::ConcernOpened
            | AuditAction::ConcernSubmitted
            | AuditAction::ConcernApproved
            | AuditAction::ConcernReturned
            | AuditAction::ConcernReported
            | AuditAction::ConcernClosed
            // It writes a history event (what was prepared); nothing the rules read.
            | AuditAction::ReminderPrepared
            | AuditAction::SupervisorChanged => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditOutcome {
    Ok,
    Denied,
    /// Allowed and started, but it did not complete (a backup whose file could not be written).
    Failed,
}

impl AuditOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditOutcome::Ok => "ok",
            AuditOutcome::Denied => "denied",
            AuditOutcome::Failed => "failed",
        }
    }
}

/// How an entry's canonical bytes are laid out. Stored with each entry, so entries written
/// before a field was added keep verifying exactly as they were hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntryFormat {
    /// The first layout: seq, time, actor name, action, record kind and id, outcome.
    V1,
    /// V1 plus the actor's stable user id and the number of records a read returned. The
    /// prefix differs from V1's, so an entry cannot be passed off as the other format.
    V2,
}

impl EntryFormat {
    pub fn number(self) -> i64 {
        match self {
            EntryFormat::V1 => 1,
            EntryFormat::V2 => 2,
        }
    }

    /// The stored number; an unknown one reads as V2, whose hash then fails to match.
    pub fn from_number(n: i64) -> EntryFormat {
        if n == 1 {
            EntryFormat::V1
        } else {
            EntryFormat::V2
        }
    }
}

/// One entry as stored, without its hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub format: EntryFormat,
    /// 1 for the first entry, then +1 each: a gap is a deletion.
    pub seq: u64,
    /// RFC 3339 UTC, as written.
    pub at: String,
    /// The user's name when the entry was written (names can change; `actor_id` does not).
    pub actor: String,
    /// The user's id (V2 entries; `None` in V1 entries and where no user is known).
    pub actor_id: Option<i64>,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub outcome: String,
    /// How many records a bulk read or a search returned (V2 entries).
    pub count: Option<u64>,
}

impl AuditEntry {
    /// Length-prefixed fields in a fixed order: unambiguous, and stable across releases. V1
    /// entries hash exactly as they always did; V2 appends the actor's id and the count, each
    /// as a presence byte and a big-endian value.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        out.extend_from_slice(match self.format {
            EntryFormat::V1 => b"tether-audit-v1",
            EntryFormat::V2 => b"tether-audit-v2",
        });
        out.extend_from_slice(&self.seq.to_be_bytes());
        for field in [
            &self.at,
            &self.actor,
            &self.action,
            &self.record_kind,
            &self.record_id,
            &self.outcome,
        ] {
            let len = u32::try_from(field.len()).unwrap_or(u32::MAX);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(field.as_bytes());
        }
        if self.format == EntryFormat::V2 {
            optional(&mut out, self.actor_id.map(|id| id.to_be_bytes()));
            optional(&mut out, self.count.map(|n| n.to_be_bytes()));
        }
        out
    }

    pub fn chain_hash(&self, prev_hash: &[u8; 32]) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(prev_hash);
        hasher.update(self.canonical_bytes());
        hasher.finalize().into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainBreakKind {
    /// The entry's content no longer matches its stored hash (edited).
    ContentChanged,
    /// The entry does not follow the one before it (deleted, inserted or swapped).
    LinkBroken,
}

/// The first place where the chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainBreak {
    /// The stored row id of the first broken entry.
    pub row_id: i64,
    /// Its sequence number as stored.
    pub seq: u64,
    pub kind: ChainBreakKind,
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.kind {
            ChainBreakKind::ContentChanged => "its content was changed after it was written",
            ChainBreakKind::LinkBroken => {
                "it does not follow the entry before it (deleted, inserted or reordered)"
            }
        };
        write!(
            f,
            "audit entry #{} (row {}) is broken: {what}",
            self.seq, self.row_id
        )
    }
}

/// One stored row as the verifier sees it.
#[derive(Debug, Clone)]
pub struct StoredAuditRow {
    pub row_id: i64,
    pub entry: AuditEntry,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

/// Walks rows in stored order; returns the number of entries or the first break.
pub fn verify_chain(rows: impl IntoIterator<Item = StoredAuditRow>) -> Result<u64, ChainBreak> {
    let mut expected_prev = GENESIS_HASH;
    let mut count = 0u64;
    for (expected_seq, row) in (1u64..).zip(rows) {
        let broken = |kind| ChainBreak {
            row_id: row.row_id,
            seq: row.entry.seq,
            kind,
        };
        if row.entry.chain_hash(&row.prev_hash_array()) != row.hash_array() {
            return Err(broken(ChainBreakKind::ContentChanged));
        }
        if row.entry.seq != expected_seq || row.prev_hash != expected_prev {
            return Err(broken(ChainBreakKind::LinkBroken));
        }
        expected_prev = row.hash_array();
        count += 1;
    }
    Ok(count)
}

impl StoredAuditRow {
    fn prev_hash_array(&self) -> [u8; 32] {
        to_array(&self.prev_hash)
    }
    fn hash_array(&self) -> [u8; 32] {
        to_array(&self.hash)
    }
}

fn optional(out: &mut Vec<u8>, value: Option<[u8; 8]>) {
    match value {
        Some(bytes) => {
            out.push(1);
            out.extend_from_slice(&bytes);
        }
        None => out.push(0),
    }
}

/// A stored hash of the wrong length cannot match any real hash; all-ones makes sure of that.
fn to_array(bytes: &[u8]) -> [u8; 32] {
    <[u8; 32]>::try_from(bytes).unwrap_or([0xff; 32])
}

pub fn hex_hash(hash: &[u8]) -> String {
    hex::encode(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_read_list_holds_only_reads_and_every_change_invalidates() {
        for action in AuditAction::READS {
            assert!(
                action.only_reads(),
                "{} is listed as a read",
                action.as_str()
            );
        }
        let reads = AuditAction::READS.len();
        assert_eq!(reads, 18, "READS and only_reads() list the same actions");
        for change in [
            AuditAction::CallLogged,
            AuditAction::SponsorUpdated,
            AuditAction::SettingsChanged,
            AuditAction::FlagAcknowledged,
            AuditAction::ConcernReported,
        ] {
            assert!(!change.only_reads(), "{}", change.as_str());
            assert!(!AuditAction::READS.contains(&change));
        }
    }

    fn chain(n: u64) -> Vec<StoredAuditRow> {
        let mut prev = GENESIS_HASH;
        (1..=n)
            .map(|seq| {
                let entry = AuditEntry {
                    // Old entries first, then new ones: a chain written across the upgrade.
                    format: if seq <= 2 {
                        EntryFormat::V1
                    } else {
                        EntryFormat::V2
                    },
                    seq,
                    at: format!("2026-11-25T10:{seq:02}:00Z"),
                    actor: "maría".into(),
                    actor_id: (seq > 2).then_some(1),
                    action: "user_added".into(),
                    record_kind: "user".into(),
                    record_id: seq.to_string(),
                    outcome: "ok".into(),
                    count: None,
                };
                let hash = entry.chain_hash(&prev);
                let row = StoredAuditRow {
                    row_id: i64::try_from(seq).unwrap_or(i64::MAX),
                    entry,
                    prev_hash: prev.to_vec(),
                    hash: hash.to_vec(),
                };
                prev = hash;
                row
            })
            .collect()
    }

    #[test]
    fn healthy_chain_counts_entries() {
        assert_eq!(verify_chain(chain(5)), Ok(5));
        assert_eq!(verify_chain(Vec::new()), Ok(0));
    }

    #[test]
    fn edited_entry_is_named() {
        let mut rows = chain(5);
        rows[2].entry.actor = "intruso".into();
        let broken = verify_chain(rows).expect_err("edit must break the chain");
        assert_eq!(
            (broken.seq, broken.kind),
            (3, ChainBreakKind::ContentChanged)
        );
    }

    #[test]
    fn deleted_entry_is_named() {
        let mut rows = chain(5);
        rows.remove(1);
        let broken = verify_chain(rows).expect_err("deletion must break the chain");
        assert_eq!((broken.seq, broken.kind), (3, ChainBreakKind::LinkBroken));
    }

    #[test]
    fn swapped_entries_are_named() {
        let mut rows = chain(5);
        rows.swap(1, 3);
        let broken = verify_chain(rows).expect_err("swap must break the chain");
        assert_eq!(
            (broken.seq, broken.row_id, broken.kind),
            (4, 4, ChainBreakKind::LinkBroken)
        );
    }

    #[test]
    fn a_new_entrys_user_id_and_count_are_covered_by_its_hash() {
        for change in [
            |e: &mut AuditEntry| e.actor_id = Some(2),
            |e: &mut AuditEntry| e.actor_id = None,
            |e: &mut AuditEntry| e.count = Some(500),
            // Passing a new entry off as an old one (which would ignore id and count).
            |e: &mut AuditEntry| e.format = EntryFormat::V1,
        ] {
            let mut rows = chain(5);
            change(&mut rows[3].entry);
            let broken = verify_chain(rows).expect_err("the change must break the chain");
            assert_eq!(
                (broken.seq, broken.kind),
                (4, ChainBreakKind::ContentChanged)
            );
        }
    }

    #[test]
    fn old_entries_hash_as_they_always_did() {
        // The V1 layout, spelled out: entries written before V2 must keep verifying.
        let entry = chain(1).remove(0).entry;
        let mut expected = b"tether-audit-v1".to_vec();
        expected.extend_from_slice(&1u64.to_be_bytes());
        for field in [
            "2026-11-25T10:01:00Z",
            "maría",
            "user_added",
            "user",
            "1",
            "ok",
        ] {
            expected.extend_from_slice(&u32::try_from(field.len()).unwrap_or(0).to_be_bytes());
            expected.extend_from_slice(field.as_bytes());
        }
        assert_eq!(entry.canonical_bytes(), expected);
    }

    #[test]
    fn canonical_bytes_are_unambiguous() {
        let mut a = chain(1).remove(0).entry;
        let mut b = a.clone();
        a.actor = "ab".into();
        a.action = "c".into();
        b.actor = "a".into();
        b.action = "bc".into();
        assert_ne!(a.canonical_bytes(), b.canonical_bytes());
    }
}
