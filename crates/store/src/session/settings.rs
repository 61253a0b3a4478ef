//! Settings: auto-lock, the clinic's contact, the Safety & Well-Being call offsets. Anyone
//! reads them; admins change them. The rows are `crate::settings`'s.

use tether_core::casework::{ClinicContact, ClinicContactInput};
use tether_core::{AuditAction, AuditOutcome, Permission};

use super::cases::Changed;
use super::Session;
use crate::audit_log::{self, Target};
use crate::error::{Result, StoreError};
use crate::settings::{self, AUTO_LOCK, CLINIC_CONTACT, SWB_OFFSETS};

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
