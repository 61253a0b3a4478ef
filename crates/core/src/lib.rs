//! Tether's domain, pure: types, validation and rules.
//!
//! Nothing here touches files, the network, SQL or the clock; time arrives as a parameter so
//! every rule can be tested with fixed dates.
#![forbid(unsafe_code)]

pub mod audit;
pub mod casework;
pub mod followup;
pub mod legal;
pub mod passphrase;
pub mod role;
pub mod user_name;

pub use audit::{
    verify_chain, AuditAction, AuditEntry, AuditOutcome, ChainBreak, ChainBreakKind, EntryFormat,
    Receipt, ReceiptError, ReceiptMismatch, StoredAuditRow, GENESIS_HASH,
};
pub use passphrase::{
    check_new_passphrase, passphrase_strength, PassphraseError, Strength, StrengthHint,
    MIN_PASSPHRASE_CHARS,
};
pub use role::{Permission, Role, UnknownRole};
pub use user_name::{UserName, UserNameError};
