//! The CLI's errors: the store errors it raises itself (one place, so the store's variants can
//! change under one file), and at the binary's edge one line on stderr and one exit code.

use tether_store::{ErrorKind, StoreError};

use crate::print_crates;

/// An argument the CLI parses itself (a date, an outcome…) is wrong: the same error, message
/// and exit code as when the vault rejects a field.
pub fn invalid(field: &'static str, reason: impl std::fmt::Display) -> anyhow::Error {
    StoreError::invalid(field, reason.to_string()).into()
}

/// An add found likely duplicates and created nothing.
pub fn duplicates(count: usize) -> anyhow::Error {
    StoreError::Conflict(format!(
        "{count} likely duplicate(s) found; nothing was created (check them, then add --confirm to create anyway)"
    ))
    .into()
}

/// Distinct codes let scripts tell a wrong passphrase from a denial without parsing text.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let kind = if let Some(store) = err.downcast_ref::<StoreError>() {
        store.kind()
    } else if let Some(kind) = print_crates::error_kind(err) {
        kind
    } else {
        return 1;
    };
    match kind {
        ErrorKind::WrongCredentials => 3,
        ErrorKind::PermissionDenied => 4,
        ErrorKind::VaultExists | ErrorKind::Conflict => 5,
        ErrorKind::VaultMissing | ErrorKind::NotFound => 6,
        ErrorKind::KeySlotsMissing | ErrorKind::KeySlotsCorrupt | ErrorKind::DatabaseCorrupt => 7,
        ErrorKind::InvalidInput => 8,
        ErrorKind::Locked | ErrorKind::Internal => 1,
    }
}

/// The error and its causes on one line; `StoreError` messages already carry their context.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut line = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !line.contains(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
    }
    if names_an_unknown_court(err) {
        line.push_str("; `tether courts` lists every court code");
    }
    line.replace('\n', " ")
}

/// Whether a field at fault is a court code that is not in the EOIR list.
fn names_an_unknown_court(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<StoreError>())
        .any(|e| e.field_errors().iter().any(|f| f.code == "unknown_court"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_error_kind() {
        assert_eq!(exit_code(&anyhow::anyhow!("plain")), 1);
        assert_eq!(exit_code(&invalid("on", "not a date")), 8);
        assert_eq!(exit_code(&duplicates(2)), 5);
        let not_found = StoreError::NotFound {
            kind: "child",
            id: "T-1".into(),
        };
        let printing: anyhow::Error = print_crates::PrintError::from(not_found).into();
        assert_eq!(exit_code(&printing), 6);
        assert_eq!(
            exit_code(&print_crates::invalid("on", "not a date").into()),
            8
        );
    }

    #[test]
    fn causes_join_on_one_line() {
        let err = anyhow::anyhow!("disk full\nreally").context("write x.csv");
        assert_eq!(one_line(&err), "write x.csv: disk full really");
        assert_eq!(one_line(&invalid("on", "not a date")), "on: not a date");
    }
}
