//! Settings: auto-lock, the clinic's contact, the Safety & Well-Being call offsets. Anyone
//! reads them; admins change them. The rows are `crate::settings`'s.

use tether_core::casework::{ClinicContact, ClinicContactInput};
use tether_core::{AuditAction, AuditOutcome, Permission};

use super::cases::Changed;
use super::Session;
use crate::audit_log::{self, Target};
use crate::error::{Result, StoreError};
use crate::settings::{self, TemplateOverride, AUTO_LOCK, CLINIC_CONTACT, SWB_OFFSETS};

/// A template is a few kilobytes; anything near this is not one.
const MAX_TEMPLATE_BYTES: usize = 256 * 1024;

impl Session {
    pub fn auto_lock_minutes(&self) -> Result<u32> {
        settings::auto_lock_minutes(&self.conn)
    }

    pub fn set_auto_lock_minutes(&mut self, minutes: u32) -> Result<()> {
        if !(1..=240).contains(&minutes) {
            return Err(StoreError::invalid(
                "minutes",
                format!("auto-lock must be between 1 and 240 minutes, not {minutes}"),
            ));
        }
        self.change_setting(AUTO_LOCK, |tx| {
            settings::save_auto_lock_minutes(tx, minutes)
        })
    }

    /// The clinic's contact as printed on notices and letters; empty until an admin sets it.
    pub fn clinic_contact(&self) -> Result<ClinicContact> {
        settings::clinic_contact(&self.conn)
    }

    /// Checks and saves the clinic's contact (admins only); every bad field is reported and
    /// nothing is saved then.
    pub fn set_clinic_contact(&mut self, input: &ClinicContactInput) -> Result<ClinicContact> {
        self.authorize(
            Permission::ChangeSettings,
            AuditAction::SettingsChanged,
            Target::new("setting", CLINIC_CONTACT),
        )?;
        let contact = input.validate().map_err(StoreError::invalid_fields)?;
        self.change_setting(CLINIC_CONTACT, |tx| {
            settings::save_clinic_contact(tx, &contact)
        })?;
        Ok(contact)
    }

    pub fn call_offsets(&self) -> Result<Vec<u16>> {
        Ok(settings::schedule(&self.conn)?.swb_offsets_days)
    }

    /// Days after release of each Safety & Well-Being call (default `[30]`). Every child's
    /// tasks move with them, so this is a change to case data too.
    pub fn set_call_offsets(&mut self, offsets: &[u16]) -> Result<()> {
        if offsets.is_empty() || offsets.iter().any(|d| *d == 0 || *d > 365) {
            return Err(StoreError::invalid(
                "offsets",
                "give one or more days between 1 and 365, e.g. 7,14,30",
            ));
        }
        self.authorize(
            Permission::ChangeSettings,
            AuditAction::SettingsChanged,
            Target::new("setting", SWB_OFFSETS),
        )?;
        self.change_case(|tx, _| {
            settings::save_call_offsets(tx, offsets)?;
            Ok(
                Changed::new((), AuditAction::SettingsChanged, "setting", SWB_OFFSETS)
                    .reschedule_everyone(),
            )
        })
    }

    /// The clinic's template overrides (anyone signed in: printing needs them). The renderer
    /// takes these bytes; files in the vault folder are never read.
    pub fn template_overrides(&self) -> Result<Vec<TemplateOverride>> {
        settings::template_overrides(&self.conn)
    }

    /// Replaces the shipped template `name` with `source` (admins only; a refusal is audited).
    /// `name` is checked for shape here; which names exist is the renderer's to say
    /// (`tether_print::set_template_override` checks both).
    pub fn set_template_override(&mut self, name: &str, source: &[u8]) -> Result<TemplateOverride> {
        self.authorize_template_change(name)?;
        check_template_name(name)?;
        if source.is_empty() || source.len() > MAX_TEMPLATE_BYTES {
            return Err(StoreError::invalid(
                "file",
                format!(
                    "a template must hold between 1 byte and {} KiB, not {} bytes",
                    MAX_TEMPLATE_BYTES / 1024,
                    source.len()
                ),
            ));
        }
        let text = std::str::from_utf8(source)
            .map_err(|_| StoreError::invalid("file", "a Typst template must be UTF-8 text"))?;
        let found = TemplateOverride::new(name, text.to_owned(), &self.user.name);
        // The entry names the hash, so the log says which text was put in place.
        let record = format!("{name} sha256:{}", found.sha256);
        self.transaction(|tx, me| {
            settings::save_template_override(tx, &found)?;
            audit_log::append(
                tx,
                me,
                AuditAction::SettingsChanged,
                Target::new("template", &record),
                AuditOutcome::Ok,
            )
        })?;
        Ok(found)
    }

    /// Goes back to the shipped template `name` (admins only); `false` when it was not
    /// overridden (nothing is audited then but the role check).
    pub fn reset_template_override(&mut self, name: &str) -> Result<bool> {
        self.authorize_template_change(name)?;
        check_template_name(name)?;
        self.transaction(|tx, me| {
            let removed = settings::delete_template_override(tx, name)?;
            if removed {
                audit_log::append(
                    tx,
                    me,
                    AuditAction::SettingsChanged,
                    Target::new("template", &format!("{name} reset")),
                    AuditOutcome::Ok,
                )?;
            }
            Ok(removed)
        })
    }

    /// The role check of a template change on its own (a refusal is audited), for a caller that
    /// asks before it opens a file dialog.
    pub fn authorize_template_change(&mut self, name: &str) -> Result<()> {
        self.authorize(
            Permission::ChangeSettings,
            AuditAction::SettingsChanged,
            Target::new("template", name),
        )
    }

    /// Saves one setting after the role check, with its audit entry, in one transaction.
    fn change_setting(
        &mut self,
        key: &str,
        save: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
    ) -> Result<()> {
        let target = Target::new("setting", key);
        self.authorize(
            Permission::ChangeSettings,
            AuditAction::SettingsChanged,
            target,
        )?;
        self.transaction(|tx, me| {
            save(tx)?;
            audit_log::append(
                tx,
                me,
                AuditAction::SettingsChanged,
                target,
                AuditOutcome::Ok,
            )
        })
    }
}

/// `notice.typ`, `call-sheet.typ`: lower-case letters, digits and dashes, then `.typ`.
fn check_template_name(name: &str) -> Result<()> {
    let stem = name.strip_suffix(".typ").unwrap_or("");
    let ok = !stem.is_empty()
        && stem.len() <= 64
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(StoreError::invalid(
            "name",
            format!("{name:?} is not a template name (e.g. notice.typ, call-sheet.typ)"),
        ))
    }
}
