//! The error every command returns: a kind the window branches on, an English message, and
//! the field(s) at fault with codes the window translates.

use std::collections::BTreeMap;

use serde::Serialize;
use specta::Type;
use tether_core::casework::{CodedError, FIELD_ERROR_CODES};
use tether_store::{ErrorKind as StoreKind, StoreError};

use super::ids::IdOutOfRange;

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
    pub fields: Vec<FieldError>,
    /// The field error's code when the error is about exactly one field (`phone_invalid`),
    /// so the UI can say it in the reader's language; `message` stays English.
    pub code: Option<String>,
    /// The values the translated sentence names (`value`, `max` …).
    // Boxed to keep AppError, the Err of every command, small (clippy's `result_large_err`).
    pub params: Box<BTreeMap<String, String>>,
}

impl AppError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        AppError {
            kind,
            message: message.into(),
            field: None,
            fields: Vec::new(),
            code: None,
            params: Box::default(),
        }
    }

    pub fn locked() -> Self {
        AppError::new(ErrorKind::Locked, "the vault is locked")
    }

    pub fn not_found(what: &str, id: String) -> Self {
        AppError::new(ErrorKind::NotFound, format!("{what} {id} not found"))
    }

    /// Something went wrong on this computer (a folder, the PDF viewer), not in the input.
    pub fn internal(message: impl Into<String>) -> Self {
        AppError::new(ErrorKind::Internal, message)
    }

    /// The system could not open the PDF for printing (no viewer installed, or it failed to
    /// start): what happened and what to do instead, coded so the window says it in the
    /// reader's language; `detail` (the opener's own words) stays in the English message only.
    pub fn no_pdf_viewer(file: &std::path::Path, detail: &str) -> Self {
        AppError {
            code: Some("no_pdf_viewer".to_owned()),
            ..AppError::internal(format!(
                "no PDF viewer could be opened for {} ({detail}); use Save PDF and open the file yourself",
                file.display()
            ))
        }
    }

    /// An uncoded error: the UI shows `message` as it is (English).
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError {
            field: Some(field.into()),
            ..AppError::new(ErrorKind::InvalidInput, message)
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct FieldError {
    pub field: String,
    /// English; shown when the UI has no translation for `code`.
    pub message: String,
    /// One of `FIELD_ERROR_CODES` (`phone_invalid`, `too_long` …).
    pub code: String,
    /// The values the translated sentence names (`value`, `max` …).
    pub params: BTreeMap<String, String>,
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

/// A record the window cannot name is the app's fault, not the user's.
impl From<IdOutOfRange> for AppError {
    fn from(e: IdOutOfRange) -> Self {
        AppError::internal(e.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let kind = e.kind().into();
        let fields: Vec<FieldError> = match &e {
            // An uncoded error (a stated reason, an argument) travels as `field` + `message`.
            StoreError::InvalidInput { fields } => fields
                .iter()
                .filter(|f| !f.code.is_empty())
                .map(|f| FieldError {
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
        let (code, params) = match (&e, fields.as_slice()) {
            (_, [only]) if !only.code.is_empty() => {
                (Some(only.code.clone()), Box::new(only.params.clone()))
            }
            // A refused duplicate says which hearing it was, in the reader's language.
            (StoreError::DuplicateHearing { at, court, .. }, _) => (
                Some("duplicate_hearing".to_owned()),
                Box::new(BTreeMap::from([
                    ("at".to_owned(), at.clone()),
                    ("court".to_owned(), court.clone()),
                ])),
            ),
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
    fn a_duplicate_hearing_is_a_coded_conflict_naming_the_hearing() {
        let e = AppError::from(StoreError::DuplicateHearing {
            child: "T-2026-000001".into(),
            at: "2027-01-15 09:00".into(),
            court: "HOU".into(),
        });
        assert_eq!(e.kind, ErrorKind::Conflict);
        assert_eq!(e.code.as_deref(), Some("duplicate_hearing"));
        assert_eq!(
            e.params.get("at").map(String::as_str),
            Some("2027-01-15 09:00")
        );
        assert_eq!(e.params.get("court").map(String::as_str), Some("HOU"));
        assert!(e.message.contains("already has a hearing"), "{e:?}");
    }

    #[test]
    fn no_pdf_viewer_is_coded_and_says_what_to_do() {
        let e = AppError::no_pdf_viewer(
            std::path::Path::new("/run/user/1000/tether-print/notice.pdf"),
            "ExitStatus(unix_wait_status(512))",
        );
        assert_eq!(e.kind, ErrorKind::Internal);
        assert_eq!(e.code.as_deref(), Some("no_pdf_viewer"));
        assert!(e.message.contains("use Save PDF"), "{e:?}");
    }

    #[test]
    fn an_id_out_of_range_is_an_internal_error_naming_it() {
        let e = AppError::from(IdOutOfRange(1 << 40));
        assert_eq!(e.kind, ErrorKind::Internal);
        assert!(e.message.contains("1099511627776"), "{e:?}");
        assert_eq!((e.field, e.code), (None, None));
    }

    #[test]
    fn a_parse_error_keeps_its_code() {
        let err = tether_core::casework::parse_date("on", "2026-02-30").expect_err("no such day");
        let e = AppError::invalid_parse("on", &err);
        assert_eq!(e.code.as_deref(), Some("date_invalid"));
        assert_eq!(e.message, err.to_string());
    }
}
