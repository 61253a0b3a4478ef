//! SQL for the settings table: every setting the vault keeps, its key and its default, here
//! once. `Session` (session/settings.rs) decides who may change them; the scheduler and the
//! import read the call schedule from here too.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tether_core::casework::ClinicContact;
use tether_core::followup::ScheduleSettings;

use crate::error::{Result, StoreError};

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;

/// The keys, as stored (they are also the record ids of `settings_changed` audit entries).
pub(crate) const AUTO_LOCK: &str = "auto_lock_minutes";
pub(crate) const SWB_OFFSETS: &str = "swb_offsets_days";
/// The clinic's contact is three rows; its audit entries name it as one setting.
pub(crate) const CLINIC_CONTACT: &str = "clinic_contact";
const CLINIC_NAME: &str = "clinic_name";
const CLINIC_PHONE: &str = "clinic_phone";
/// One line of the address per line.
const CLINIC_ADDRESS: &str = "clinic_address";
/// The clinic's own ages at which a state's courts stop making SIJS predicate orders, over the
/// shipped table: a JSON object of state codes, `{"TX": 21}`.
pub(crate) const PREDICATE_ORDER_AGES: &str = "legal_predicate_order_ages";
/// Days an approved concern report has to be reported (default one).
pub(crate) const CONCERN_REPORT_DAYS: &str = "concern_report_days";

pub(crate) fn auto_lock_minutes(conn: &Connection) -> Result<u32> {
    Ok(read(conn, AUTO_LOCK, "read a setting")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
}

pub(crate) fn save_auto_lock_minutes(conn: &Connection, minutes: u32) -> Result<()> {
    write(conn, AUTO_LOCK, &minutes.to_string(), "save a setting")
}

/// The call schedule: the Safety & Well-Being offsets (default `[30]`); the rest is fixed.
pub(crate) fn schedule(conn: &Connection) -> Result<ScheduleSettings> {
    let raw = read(conn, SWB_OFFSETS, "read the call schedule")?;
    let mut settings = ScheduleSettings::default();
    if let Some(offsets) = raw.and_then(|r| serde_json::from_str::<Vec<u16>>(&r).ok()) {
        if !offsets.is_empty() {
            settings.swb_offsets_days = offsets;
        }
    }
    Ok(settings)
}

pub(crate) fn save_call_offsets(conn: &Connection, offsets: &[u16]) -> Result<()> {
    let json = serde_json::to_string(offsets).unwrap_or_else(|_| "[30]".into());
    write(conn, SWB_OFFSETS, &json, "save the call schedule")
}

/// The clinic's contact; a field never set (or set empty) is `None`.
pub(crate) fn clinic_contact(conn: &Connection) -> Result<ClinicContact> {
    let field = |key| -> Result<Option<String>> {
        Ok(read(conn, key, "read the clinic contact")?.filter(|v| !v.is_empty()))
    };
    Ok(ClinicContact {
        name: field(CLINIC_NAME)?,
        phone: field(CLINIC_PHONE)?,
        address: field(CLINIC_ADDRESS)?
            .map(|a| a.lines().map(str::to_owned).collect())
            .unwrap_or_default(),
    })
}

/// Saves every field; an empty one is stored empty, so it reads back as not set.
pub(crate) fn save_clinic_contact(conn: &Connection, contact: &ClinicContact) -> Result<()> {
    let values = [
        (CLINIC_NAME, contact.name.clone().unwrap_or_default()),
        (CLINIC_PHONE, contact.phone.clone().unwrap_or_default()),
        (CLINIC_ADDRESS, contact.address.join("\n")),
    ];
    for (key, value) in &values {
        write(conn, key, value, "save the clinic contact")?;
    }
    Ok(())
}

pub(crate) fn predicate_order_ages(conn: &Connection) -> Result<BTreeMap<String, u8>> {
    Ok(
        read(conn, PREDICATE_ORDER_AGES, "read the predicate-order ages")?
            .and_then(|r| serde_json::from_str(&r).ok())
            .unwrap_or_default(),
    )
}

pub(crate) fn save_predicate_order_ages(
    conn: &Connection,
    ages: &BTreeMap<String, u8>,
) -> Result<()> {
    let json = serde_json::to_string(ages).unwrap_or_else(|_| "{}".into());
    write(
        conn,
        PREDICATE_ORDER_AGES,
        &json,
        "save the predicate-order ages",
    )
}

pub(crate) fn concern_report_days(conn: &Connection) -> Result<u64> {
    Ok(read(conn, CONCERN_REPORT_DAYS, "read a setting")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(tether_core::legal::DEFAULT_REPORT_WITHIN_DAYS))
}

pub(crate) fn save_concern_report_days(conn: &Connection, days: u64) -> Result<()> {
    write(
        conn,
        CONCERN_REPORT_DAYS,
        &days.to_string(),
        "save a setting",
    )
}

/// Template overrides are rows `template:<name>` holding [`TemplateOverride`] as JSON: they live
/// in the encrypted database, so only someone signed in as an admin (through `Session`) can set
/// one, never someone who can merely write to the vault folder.
const TEMPLATE_PREFIX: &str = "template:";

/// A clinic's replacement for one shipped template (`notice.typ`, `clinic.typ`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateOverride {
    pub name: String,
    /// Hex SHA-256 of `source`, shown beside the name so a printout's template can be told
    /// apart from another version of it.
    pub sha256: String,
    /// Who set it, and when (RFC 3339, UTC).
    pub set_by: String,
    pub set_at: String,
    /// The Typst text itself.
    pub source: String,
}

impl TemplateOverride {
    pub(crate) fn new(name: &str, source: String, set_by: &str) -> Self {
        TemplateOverride {
            name: name.to_owned(),
            sha256: sha256_hex(source.as_bytes()),
            set_by: set_by.to_owned(),
            set_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            source,
        }
    }

    /// The first 12 hex digits of the hash, enough to tell versions apart on screen.
    pub fn short_hash(&self) -> &str {
        self.sha256.get(..12).unwrap_or(&self.sha256)
    }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Every override, by name. A row whose text no longer matches its hash is reported, not used.
pub(crate) fn template_overrides(conn: &Connection) -> Result<Vec<TemplateOverride>> {
    let rows: Vec<(String, String)> = conn
        .prepare_cached("SELECT key, value FROM settings WHERE key LIKE 'template:%' ORDER BY key")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql("read the template overrides"))?;
    rows.into_iter()
        .map(|(key, value)| {
            let damaged = |reason: &str| StoreError::Conflict(format!(
                "the template override {key} is damaged ({reason}): reset it with `tether settings template reset`"
            ));
            let found: TemplateOverride =
                serde_json::from_str(&value).map_err(|_| damaged("unreadable"))?;
            if sha256_hex(found.source.as_bytes()) != found.sha256 {
                return Err(damaged("its text does not match its SHA-256"));
            }
            Ok(found)
        })
        .collect()
}

pub(crate) fn save_template_override(conn: &Connection, found: &TemplateOverride) -> Result<()> {
    let json = serde_json::to_string(found)
        .map_err(|_| StoreError::Crypto("serialize a template override"))?;
    write(
        conn,
        &format!("{TEMPLATE_PREFIX}{}", found.name),
        &json,
        "save a template override",
    )
}

/// Removes the override of `name`; `false` when there was none.
pub(crate) fn delete_template_override(conn: &Connection, name: &str) -> Result<bool> {
    conn.prepare_cached("DELETE FROM settings WHERE key = ?1")
        .and_then(|mut s| s.execute([format!("{TEMPLATE_PREFIX}{name}")]))
        .map(|n| n > 0)
        .map_err(StoreError::sql("reset a template override"))
}

fn read(conn: &Connection, key: &str, context: &'static str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")
        .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
        .map_err(StoreError::sql(context))
}

fn write(conn: &Connection, key: &str, value: &str, context: &'static str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .and_then(|mut s| s.execute(params![key, value]))
    .map_err(StoreError::sql(context))?;
    Ok(())
}
