//! What can go wrong in the vault, with enough context to tell the user what to do.

use std::path::PathBuf;

use tether_core::casework::FieldError;
use tether_core::{ChainBreak, PassphraseError, ReceiptMismatch, UserNameError};

/// A coarse classification the desktop UI and the CLI branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Locked,
    WrongCredentials,
    VaultExists,
    VaultMissing,
    KeySlotsMissing,
    KeySlotsCorrupt,
    DatabaseCorrupt,
    PermissionDenied,
    InvalidInput,
    NotFound,
    Conflict,
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no vault at {0}: create one with `tether init` or the first-run screen")]
    VaultMissing(PathBuf),
    #[error("a vault already exists at {0}; refusing to overwrite it")]
    VaultExists(PathBuf),
    #[error("the key-slot file {0} is missing: the vault cannot be unlocked without it (restore it from a backup)")]
    KeySlotsMissing(PathBuf),
    #[error("the key-slot file {path} is damaged: {reason}")]
    KeySlotsCorrupt { path: PathBuf, reason: String },
    #[error("the user name or passphrase is wrong")]
    WrongCredentials,
    #[error("the database {path} is damaged or does not belong to these key slots: {reason}")]
    DatabaseCorrupt { path: PathBuf, reason: String },
    #[error("the database schema is version {found}, newer than this Tether understands ({supported}); update Tether")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("{user} ({role}) may not {action}")]
    PermissionDenied {
        user: String,
        role: &'static str,
        action: &'static str,
    },
    /// Bad input: every field at fault, each with its English message and, when a UI can
    /// translate it, a code (`tether_core::casework::FIELD_ERROR_CODES`). An empty code means
    /// "show the message" (a command-line argument, a stated reason).
    #[error("{}", describe_fields(fields))]
    InvalidInput { fields: Vec<FieldError> },
    #[error("{kind} {id:?} not found")]
    NotFound { kind: &'static str, id: String },
    #[error("{0}")]
    Conflict(String),
    /// The case already has this hearing: same child, same date-time, same court.
    #[error("child {child} already has a hearing on {at} at {court}; nothing was added")]
    DuplicateHearing {
        child: String,
        at: String,
        court: String,
    },
    #[error("the backup {path} cannot be opened: wrong backup passphrase or damaged file")]
    BackupUnreadable { path: PathBuf },
    #[error("the backup {path} is refused: {reason}")]
    BackupRejected { path: PathBuf, reason: String },
    #[error("{path} is not a Tether backup")]
    NotABackup { path: PathBuf },
    #[error("{rows} rows of {file} are invalid; nothing was imported (use --skip-invalid to import the valid rows)")]
    ImportRejected {
        file: PathBuf,
        rows: usize,
        errors: Vec<crate::casework::ImportRowError>,
    },
    #[error("the audit chain is broken: {0}")]
    AuditBroken(ChainBreak),
    /// The chain verifies but no longer holds an audit receipt's head in its place.
    #[error("the audit chain does not match the receipt: {0}")]
    AuditReceipt(ReceiptMismatch),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error while trying to {context}: {source}")]
    Sql {
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cryptography failure: {0}")]
    Crypto(&'static str),
}

impl StoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::VaultMissing(_) => ErrorKind::VaultMissing,
            StoreError::VaultExists(_) => ErrorKind::VaultExists,
            StoreError::KeySlotsMissing(_) => ErrorKind::KeySlotsMissing,
            StoreError::KeySlotsCorrupt { .. } => ErrorKind::KeySlotsCorrupt,
            StoreError::WrongCredentials | StoreError::BackupUnreadable { .. } => {
                ErrorKind::WrongCredentials
            }
            StoreError::DatabaseCorrupt { .. } | StoreError::SchemaTooNew { .. } => {
                ErrorKind::DatabaseCorrupt
            }
            StoreError::PermissionDenied { .. } => ErrorKind::PermissionDenied,
            StoreError::InvalidInput { .. }
            | StoreError::NotABackup { .. }
            | StoreError::BackupRejected { .. }
            | StoreError::ImportRejected { .. } => ErrorKind::InvalidInput,
            StoreError::NotFound { .. } => ErrorKind::NotFound,
            StoreError::Conflict(_) | StoreError::DuplicateHearing { .. } => ErrorKind::Conflict,
            StoreError::AuditBroken(_) | StoreError::AuditReceipt(_) => ErrorKind::DatabaseCorrupt,
            StoreError::Io { .. } | StoreError::Sql { .. } | StoreError::Crypto(_) => {
                ErrorKind::Internal
            }
        }
    }

    /// The input field at fault, when exactly one is.
    pub fn field(&self) -> Option<&str> {
        match self.field_errors() {
            [only] => Some(&only.field),
            _ => None,
        }
    }

    /// Every field at fault (empty unless this is `InvalidInput`).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            StoreError::InvalidInput { fields } => fields,
            _ => &[],
        }
    }

    /// One field at fault, with an English reason and no code (a UI shows the reason as is).
    pub fn invalid(field: &str, reason: impl Into<String>) -> StoreError {
        StoreError::invalid_field(FieldError {
            field: field.to_owned(),
            message: reason.into(),
            code: String::new(),
            params: Default::default(),
        })
    }

    /// One field at fault, with a code the UI translates.
    pub fn invalid_field(error: FieldError) -> StoreError {
        StoreError::invalid_fields(vec![error])
    }

    /// Every field at fault, as a validation in `tether_core` reports them.
    pub fn invalid_fields(fields: Vec<FieldError>) -> StoreError {
        StoreError::InvalidInput { fields }
    }

    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> StoreError {
        let context = context.into();
        move |source| StoreError::Io { context, source }
    }

    pub(crate) fn sql(context: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
        move |source| StoreError::Sql { context, source }
    }

    pub(crate) fn user_name(field: &'static str, err: UserNameError) -> StoreError {
        StoreError::invalid_field(FieldError::from_error(field, &err))
    }

    pub(crate) fn passphrase(field: &'static str, err: PassphraseError) -> StoreError {
        StoreError::invalid_field(FieldError::from_error(field, &err))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

fn describe_fields(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ")
}
