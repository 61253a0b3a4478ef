//! The types that cross to the webview, one module per concern. Only this crate defines IPC
//! types; they carry no secrets and no 64-bit integers (JavaScript numbers would round them):
//! store ids go through [`ids::ipc_id`], which refuses one that does not fit.

pub mod addresses;
pub mod admin;
pub mod cases;
pub mod error;
pub mod followup;
pub mod history;
pub mod ids;
pub mod import;
pub mod legal;
pub mod print;
pub mod screening;
pub mod templates;
pub mod vault;

pub use error::{AppError, ErrorKind, FieldError};

/// A stored (E.164) phone as people write it: `(713) 555-0142`, `+502 5123 4567`; a value that
/// does not parse any more is shown as stored.
pub(crate) fn phone_display(e164: &str) -> String {
    tether_core::casework::Phone::parse(e164)
        .map(|p| p.display().to_owned())
        .unwrap_or_else(|_| e164.to_owned())
}

#[cfg(test)]
mod tests {
    use super::phone_display;

    #[test]
    fn phones_cross_as_people_write_them() {
        assert_eq!(phone_display("+17135550142"), "(713) 555-0142");
        assert_eq!(phone_display("+50251234567"), "+502 5123 4567");
        // A value that no longer parses is shown as stored, never dropped.
        assert_eq!(phone_display("+99912"), "+99912");
    }
}
