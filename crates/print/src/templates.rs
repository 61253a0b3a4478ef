//! Template overrides: kept in the vault (an admin's audited setting), handed to the renderer
//! as text. The `templates/` folder beside the vault, which older versions read, is ignored:
//! anyone able to write there could have changed a legal notice.

use std::path::PathBuf;

use tether_render::printables::{Printer, TEMPLATES};
use tether_store::{Session, StoreError, TemplateOverride};

use crate::error::Result;

/// The printer for this session: the shipped templates with the vault's overrides.
pub fn printer_for(session: &Session) -> Result<Printer> {
    let overrides = session.template_overrides()?;
    Ok(Printer::new(
        overrides
            .iter()
            .map(|o| (o.name.as_str(), o.source.as_str())),
    )?)
}

/// Sets the override of a shipped template (admins only, audited by the store): `name` must be
/// one of [`TEMPLATES`]. Its Typst is not compiled here: a broken one is reported, naming the
/// template, at the first print (the admin previews it), and `reset` brings the shipped one back.
pub fn set_template_override(
    session: &mut Session,
    name: &str,
    source: &[u8],
) -> Result<TemplateOverride> {
    let known = TEMPLATES.iter().any(|(n, _)| *n == name);
    if !known
        && session
            .user()
            .role
            .may(tether_core::Permission::ChangeSettings)
    {
        return Err(StoreError::invalid(
            "name",
            format!(
                "{name:?} is not a shipped template; one of {}",
                shipped_names().join(", ")
            ),
        )
        .into());
    }
    // A non-admin is refused (and audited) by the store whatever the name.
    Ok(session.set_template_override(name, source)?)
}

/// The names a clinic can override.
pub fn shipped_names() -> Vec<&'static str> {
    TEMPLATES.iter().map(|(n, _)| *n).collect()
}

/// `.typ` files left in `<vault folder>/templates/`, which are no longer read.
pub fn ignored_template_files(session: &Session) -> Vec<PathBuf> {
    let dir = session.paths().dir().join("templates");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "typ"))
        .collect();
    found.sort();
    found
}

/// The warning to show once when such files are present: what is no longer read and how an
/// admin imports it into the vault.
pub fn ignored_templates_warning(session: &Session) -> Option<String> {
    let files = ignored_template_files(session);
    if files.is_empty() {
        return None;
    }
    let list: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let example = files
        .first()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "notice.typ".into());
    Some(format!(
        "warning: template files in the vault folder are no longer read ({}); printouts use the \
         shipped templates and the overrides kept in the vault. An admin can import one with \
         `tether settings template set {example} <FILE>` after checking its text.",
        list.join(", ")
    ))
}
