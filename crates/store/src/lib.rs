//! Tether's vault: the encrypted database, key slots, migrations, the audit chain, backups, and
//! the `Session` through which every caller works.
#![forbid(unsafe_code)]

mod audit_log;
mod backup;
pub mod casework;
mod data_key;
mod db;
mod error;
pub mod files;
pub mod followup;
pub mod inspect;
mod kdf;
pub(crate) mod key_slots;
pub mod legal;
mod migrations;
mod paths;
mod session;
mod settings;
mod users;
mod vault;

pub use audit_log::{AuditLogEntry, AuditReport};
pub use backup::restore;
pub use error::{ErrorKind, Result, StoreError};
pub use key_slots::{DropReason, DroppedSlot};
pub use paths::{VaultPaths, DATABASE_FILE, KEY_SLOTS_FILE, KEY_SLOTS_LOCK_FILE};
pub use session::{
    concern_destinations, AuditReceipt, Calendar, KeyRecipient, NewAddress, PrintKind, RekeyReport,
    ReportedTo, Session, SignedInUser, SwbAnswers, UserSummary,
};
pub use settings::{TemplateOverride, DEFAULT_AUTO_LOCK_MINUTES};
pub use vault::{create, unlock};
