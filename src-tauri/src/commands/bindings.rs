//! The bindings export: ui/src/lib/bindings.ts from the builder, and the field error codes
//! list for the UI's catalogs test; both rewritten by `make bindings`, both checked for
//! staleness here.

use super::builder;

pub const BINDINGS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");

/// Every field error code the backend sends, for the UI's test that both catalogs translate
/// each one (`fieldError.<code>`).
pub const FIELD_ERROR_CODES_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/lib/i18n/field-error-codes.json"
);

/// `FIELD_ERROR_CODES` as a JSON array, one code a line (diffs stay readable).
pub fn render_field_error_codes() -> Result<String, String> {
    let codes = tether_core::casework::FIELD_ERROR_CODES;
    serde_json::to_string_pretty(codes)
        .map(|json| json + "\n")
        .map_err(|e| e.to_string())
}

pub fn render_bindings() -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("tether-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("bindings.ts");
    builder()
        .export(specta_typescript::Typescript::default(), &file)
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&file).map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(&dir);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `TETHER_UPDATE_BINDINGS=1 cargo test -p tether-app bindings` rewrites the file.
    #[test]
    fn committed_bindings_are_current() -> Result<(), String> {
        let fresh = render_bindings()?;
        if std::env::var_os("TETHER_UPDATE_BINDINGS").is_some() {
            std::fs::write(BINDINGS_PATH, &fresh).map_err(|e| e.to_string())?;
        }
        let committed = std::fs::read_to_string(BINDINGS_PATH).map_err(|e| e.to_string())?;
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.ts is stale: run `make bindings` and commit it"
        );
        Ok(())
    }

    /// Rewritten by `TETHER_UPDATE_BINDINGS=1` too (`make bindings`).
    #[test]
    fn committed_field_error_codes_are_current() -> Result<(), String> {
        let fresh = render_field_error_codes()?;
        if std::env::var_os("TETHER_UPDATE_BINDINGS").is_some() {
            std::fs::write(FIELD_ERROR_CODES_PATH, &fresh).map_err(|e| e.to_string())?;
        }
        let committed =
            std::fs::read_to_string(FIELD_ERROR_CODES_PATH).map_err(|e| e.to_string())?;
        assert!(
            committed == fresh,
            "ui/src/lib/i18n/field-error-codes.json is stale: run `make bindings` and commit it"
        );
        Ok(())
    }
}
