//! The types that cross to the webview. Only this crate defines IPC types; they carry no
//! secrets and no 64-bit integers (JavaScript numbers would round them).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;
use tether_core::casework::{CodedError, FIELD_ERROR_CODES};
use tether_store::{AuditLogEntry, ErrorKind as StoreKind, StoreError, UserSummary as StoreUser};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    CaseManager,
    Volunteer,
}

impl From<tether_core::Role> for Role {
    fn from(role: tether_core::Role) -> Self {
        match role {
            tether_core::Role::Admin => Role::Admin,
            tether_core::Role::CaseManager => Role::CaseManager,
            tether_core::Role::Volunteer => Role::Volunteer,
        }
    }
}

impl From<Role> for tether_core::Role {
    fn from(role: Role) -> Self {
        match role {
            Role::Admin => tether_core::Role::Admin,
            Role::CaseManager => tether_core::Role::CaseManager,
            Role::Volunteer => tether_core::Role::Volunteer,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SessionInfo {
    pub user_name: String,
    pub role: Role,
    pub auto_lock_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct VaultStatus {
    pub exists: bool,
    pub session: Option<SessionInfo>,
    pub vault_path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct UserSummary {
    pub name: String,
    pub role: Role,
    pub created_at: String,
}

impl From<StoreUser> for UserSummary {
    fn from(u: StoreUser) -> Self {
        UserSummary {
            name: u.name,
            role: u.role.into(),
            created_at: u.created_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AuditReport {
    pub ok: bool,
    pub entries: u32,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AuditEntryView {
    pub seq: u32,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub outcome: String,
}

impl From<AuditLogEntry> for AuditEntryView {
    fn from(e: AuditLogEntry) -> Self {
        AuditEntryView {
            seq: u32::try_from(e.seq).unwrap_or(u32::MAX),
            at: e.at,
            actor: e.actor,
            action: e.action,
            record_kind: e.record_kind,
            record_id: e.record_id,
            outcome: e.outcome,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    Idle,
    User,
}

/// Emitted when the vault locks itself, so the window can return to the unlock screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct VaultLocked {
    pub reason: LockReason,
}

/// What the UI branches on: a kind, a message for detail, and the field at fault if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
    /// Every field that failed validation, when a whole form was checked at once.
    pub fields: Vec<crate::ipc_cases::FieldError>,
    /// The field error's code when the error is about exactly one field (`phone_invalid`),
    /// so the UI can say it in the reader's language; `message` stays English.
    pub code: Option<String>,
    /// The values the translated sentence names (`value`, `max` …).
    // Boxed to keep AppError, the Err of every command, small (clippy's `result_large_err`).
    pub params: Box<BTreeMap<String, String>>,
}

impl AppError {
    pub fn locked() -> Self {
        AppError {
            kind: ErrorKind::Locked,
            message: "the vault is locked".into(),
            field: None,
            fields: Vec::new(),
            code: None,
            params: Box::default(),
        }
    }

    /// An uncoded error: the UI shows `message` as it is (English).
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError {
            kind: ErrorKind::InvalidInput,
            message: message.into(),
            field: Some(field.into()),
            fields: Vec::new(),
            code: None,
            params: Box::default(),
        }
    }

    /// An invalid field with a code the UI translates (one of `FIELD_ERROR_CODES`).
    pub fn invalid_coded(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        debug_assert!(FIELD_ERROR_CODES.contains(&code), "unlisted code {code:?}");
        AppError {
            code: Some(code.to_owned()),
            ..AppError::invalid(field, message)
        }
    }

    /// A parser's error (date, phone …) on `field`, with its code and parameters.
    pub fn invalid_parse(field: &str, error: &impl CodedError) -> Self {
        AppError {
            code: Some(error.code().to_owned()),
            params: Box::new(error.params()),
            ..AppError::invalid(field, error.to_string())
        }
    }
}

impl AppError {
    pub fn not_found(what: &str, id: String) -> Self {
        AppError {
            kind: ErrorKind::NotFound,
            message: format!("{what} {id} not found"),
            field: None,
            fields: Vec::new(),
            code: None,
            params: Box::default(),
        }
    }
}

impl From<StoreKind> for ErrorKind {
    fn from(kind: StoreKind) -> Self {
        match kind {
            StoreKind::Locked => ErrorKind::Locked,
            StoreKind::WrongCredentials => ErrorKind::WrongCredentials,
            StoreKind::VaultExists => ErrorKind::VaultExists,
            StoreKind::VaultMissing => ErrorKind::VaultMissing,
            StoreKind::KeySlotsMissing => ErrorKind::KeySlotsMissing,
            StoreKind::KeySlotsCorrupt => ErrorKind::KeySlotsCorrupt,
            StoreKind::DatabaseCorrupt => ErrorKind::DatabaseCorrupt,
            StoreKind::PermissionDenied => ErrorKind::PermissionDenied,
            StoreKind::InvalidInput => ErrorKind::InvalidInput,
            StoreKind::NotFound => ErrorKind::NotFound,
            StoreKind::Conflict => ErrorKind::Conflict,
            StoreKind::Internal => ErrorKind::Internal,
        }
    }
}

impl From<tether_print::PrintError> for AppError {
    fn from(e: tether_print::PrintError) -> Self {
        match e {
            tether_print::PrintError::Store(store) => store.into(),
            other => AppError {
                kind: other.kind().into(),
                field: other.field().map(str::to_owned),
                message: other.to_string(),
                fields: Vec::new(),
                code: None,
                params: Box::default(),
            },
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let kind = e.kind().into();
        let fields: Vec<crate::ipc_cases::FieldError> = match &e {
            // An uncoded error (a stated reason, an argument) travels as `field` + `message`.
            StoreError::InvalidInput { fields } => fields
                .iter()
                .filter(|f| !f.code.is_empty())
                .map(|f| crate::ipc_cases::FieldError {
                    field: f.field.clone(),
                    message: f.message.clone(),
                    code: f.code.clone(),
                    params: f.params.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        // One field at fault: its code goes on the error itself too, so a form that reads
        // only `field`/`message` (the clinic phone) can still translate it.
        let (code, params) = match fields.as_slice() {
            [only] if !only.code.is_empty() => {
                (Some(only.code.clone()), Box::new(only.params.clone()))
            }
            _ => (None, Box::default()),
        };
        AppError {
            kind,
            field: e.field().map(str::to_owned),
            message: e.to_string(),
            fields,
            code,
            params,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tether_core::casework::ClinicContactInput;

    fn store_error(input: ClinicContactInput) -> StoreError {
        match input.validate() {
            Ok(c) => panic!("expected field errors, got {c:?}"),
            Err(fields) => StoreError::invalid_fields(fields),
        }
    }

    #[test]
    fn one_field_error_puts_its_code_on_the_error() {
        let e = AppError::from(store_error(ClinicContactInput {
            phone: "502 call me".into(),
            ..ClinicContactInput::default()
        }));
        assert_eq!(e.field.as_deref(), Some("phone"));
        assert_eq!(e.code.as_deref(), Some("phone_bad_character"));
        assert_eq!(
            e.params.get("value").map(String::as_str),
            Some("502 call me")
        );
        assert_eq!(e.fields.len(), 1);
        assert_eq!(e.fields[0].code, "phone_bad_character");
        // The English text is still there for the CLI and as the UI's fallback.
        assert!(e.message.contains("502 call me"), "{e:?}");
    }

    #[test]
    fn several_field_errors_keep_their_codes_on_the_fields_only() {
        let e = AppError::from(store_error(ClinicContactInput {
            name: "x".repeat(500),
            phone: "502 call me".into(),
            ..ClinicContactInput::default()
        }));
        assert_eq!(e.code, None);
        assert!(e.params.is_empty());
        let codes: Vec<&str> = e.fields.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["too_long", "phone_bad_character"]);
        assert_eq!(
            e.fields[0].params.get("max").map(String::as_str),
            Some("120")
        );
    }

    #[test]
    fn a_parse_error_keeps_its_code() {
        let err = tether_core::casework::parse_date("on", "2026-02-30").expect_err("no such day");
        let e = AppError::invalid_parse("on", &err);
        assert_eq!(e.code.as_deref(), Some("date_invalid"));
        assert_eq!(e.message, err.to_string());
    }
}
