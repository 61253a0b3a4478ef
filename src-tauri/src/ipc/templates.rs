//! IPC types for the clinic's print-template overrides (Settings, admins).

use serde::Serialize;
use specta::Type;
use tether_store::TemplateOverride;

/// A shipped template and, when the clinic replaced it, who did and the text's SHA-256. The
/// Typst text itself stays in Rust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TemplateSlot {
    pub name: String,
    pub custom: Option<CustomTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CustomTemplate {
    pub sha256: String,
    pub set_by: String,
    /// RFC 3339, UTC.
    pub set_at: String,
}

impl From<&TemplateOverride> for CustomTemplate {
    fn from(o: &TemplateOverride) -> Self {
        CustomTemplate {
            sha256: o.sha256.clone(),
            set_by: o.set_by.clone(),
            set_at: o.set_at.clone(),
        }
    }
}
