//! One-file encrypted backups.
//!
//! Layout: `TETHER-BACKUP\0`, a one-byte version, a u32 header length, a JSON header (KDF
//! parameters and nonce), then XChaCha20-Poly1305 over (key slots, database export). The header
//! is authenticated as associated data. The database inside is still SQLCipher-encrypted under
//! the data key, so a restored vault opens with the same users' passphrases.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rusqlite::Connection;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::data_key::DataKey;
use crate::error::{Result, StoreError};
use crate::kdf::{random_bytes, KdfParams};
use crate::key_slots::KeySlotFile;
use crate::paths::VaultPaths;

const MAGIC: &[u8] = b"TETHER-BACKUP\0";
const VERSION: u8 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    kdf: KdfParams,
    #[serde(with = "hex::serde")]
    nonce: Vec<u8>,
    created_at: String,
}

pub(crate) fn write(
    conn: &Connection,
    paths: &VaultPaths,
    data_key: &DataKey,
    out: &Path,
    passphrase: &SecretString,
) -> Result<()> {
    // Slots and database copied under the slot lock: no user is added or removed in between.
    let _lock = crate::key_slots::SlotsLock::acquire(paths)?;
    let slots = fs::read(paths.key_slots()).map_err(StoreError::io(format!(
        "read {}",
        paths.key_slots().display()
    )))?;
    let database = export_database(conn, paths, data_key)?;

    let header = Header {
        kdf: KdfParams::recommended(random_bytes::<16>()),
        nonce: random_bytes::<24>().to_vec(),
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    let header_json = serde_json::to_vec(&header)
        .map_err(|_| StoreError::Crypto("backup header could not be serialised"))?;
    let prefix = prefix(&header_json)?;

    let mut plain = Zeroizing::new(Vec::with_capacity(4 + slots.len() + database.len()));
    let slots_len =
        u32::try_from(slots.len()).map_err(|_| StoreError::Crypto("key-slot file too large"))?;
    plain.extend_from_slice(&slots_len.to_be_bytes());
    plain.extend_from_slice(&slots);
    plain.extend_from_slice(&database);

    let key = header
        .kdf
        .derive::<32>(passphrase.expose_secret().as_bytes())?;
    let sealed = XChaCha20Poly1305::new(key.as_ref().into())
        .encrypt(
            XNonce::from_slice(&header.nonce),
            Payload {
                msg: &plain,
                aad: &prefix,
            },
        )
        .map_err(|_| StoreError::Crypto("encrypting the backup failed"))?;

    let write = || -> std::io::Result<()> {
        let mut f = crate::files::create_new_private(out)?;
        f.write_all(&prefix)?;
        f.write_all(&sealed)?;
        f.sync_all()
    };
    write().map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            StoreError::invalid(
                "out",
                format!("{} already exists; choose a new file name", out.display()),
            )
        } else {
            let _ = fs::remove_file(out);
            StoreError::io(format!("write {}", out.display()))(e)
        }
    })
}

/// A consistent copy of the database, encrypted with the same data key.
fn export_database(conn: &Connection, paths: &VaultPaths, data_key: &DataKey) -> Result<Vec<u8>> {
    let tmp = paths
        .dir()
        .join(format!("backup-{}.tmp", hex::encode(random_bytes::<8>())));
    let tmp_str = tmp.to_string_lossy().into_owned();
    let key_literal = data_key.sqlcipher_literal();
    let result = (|| {
        // The connection was opened without CREATE, and ATTACH inherits that: make the file.
        crate::files::create_new_private(&tmp)
            .map_err(StoreError::io(format!("create {}", tmp.display())))?;
        // Holds the key's hex: wiped when dropped.
        let attach = Zeroizing::new(format!(
            "ATTACH DATABASE '{}' AS tether_backup KEY {};",
            tmp_str.replace('\'', "''"),
            key_literal.as_str()
        ));
        conn.execute_batch(&attach)
            .map_err(StoreError::sql("prepare the backup copy"))?;
        let exported = conn
            .query_row("SELECT sqlcipher_export('tether_backup')", [], |_| Ok(()))
            .map_err(StoreError::sql("copy the database for backup"));
        let version: i64 = conn
            .query_row("PRAGMA main.user_version", [], |r| r.get(0))
            .map_err(StoreError::sql("read the schema version"))?;
        conn.execute_batch(&format!("PRAGMA tether_backup.user_version = {version};"))
            .map_err(StoreError::sql("copy the schema version"))?;
        conn.execute_batch("DETACH DATABASE tether_backup;")
            .map_err(StoreError::sql("finish the backup copy"))?;
        exported?;
        fs::read(&tmp).map_err(StoreError::io(format!("read {}", tmp.display())))
    })();
    let _ = fs::remove_file(&tmp);
    result
}

fn prefix(header_json: &[u8]) -> Result<Vec<u8>> {
    let len = u32::try_from(header_json.len())
        .map_err(|_| StoreError::Crypto("backup header too large"))?;
    let mut prefix = MAGIC.to_vec();
    prefix.push(VERSION);
    prefix.extend_from_slice(&len.to_be_bytes());
    prefix.extend_from_slice(header_json);
    Ok(prefix)
}

/// Restores `file` into `paths`. An existing vault is replaced only with `force`, and even then
/// it is moved aside (its new name is returned), never deleted.
pub fn restore(
    file: &Path,
    paths: &VaultPaths,
    passphrase: &SecretString,
    force: bool,
) -> Result<Option<PathBuf>> {
    if paths.exists() && !force {
        return Err(StoreError::VaultExists(paths.dir().to_owned()));
    }
    let bytes = fs::read(file).map_err(StoreError::io(format!("read {}", file.display())))?;
    let not_backup = || StoreError::NotABackup {
        path: file.to_owned(),
    };
    let rest = bytes.strip_prefix(MAGIC).ok_or_else(not_backup)?;
    let (&version, rest) = rest.split_first().ok_or_else(not_backup)?;
    if version != VERSION || rest.len() < 4 {
        return Err(not_backup());
    }
    let header_len = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
    let header_json = rest.get(4..4 + header_len).ok_or_else(not_backup)?;
    let sealed = &rest[4 + header_len..];
    let header: Header = serde_json::from_slice(header_json).map_err(|_| not_backup())?;
    if header.nonce.len() != 24 {
        return Err(not_backup());
    }
    let prefix_len = MAGIC.len() + 1 + 4 + header_len;
    // The header is authenticated only by the key its parameters derive: bound them first, or
    // a crafted header (t = 2^32 - 1, a huge m_kib) hangs restore or exhausts memory.
    header.kdf.check().map_err(|e| StoreError::BackupRejected {
        path: file.to_owned(),
        reason: e.to_string(),
    })?;

    let key = header
        .kdf
        .derive::<32>(passphrase.expose_secret().as_bytes())?;
    let plain = Zeroizing::new(
        XChaCha20Poly1305::new(key.as_ref().into())
            .decrypt(
                XNonce::from_slice(&header.nonce),
                Payload {
                    msg: sealed,
                    aad: &bytes[..prefix_len],
                },
            )
            .map_err(|_| StoreError::BackupUnreadable {
                path: file.to_owned(),
            })?,
    );
    let slots_len = plain
        .get(..4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(not_backup)?;
    let slots = plain.get(4..4 + slots_len).ok_or_else(not_backup)?;
    let database = &plain[4 + slots_len..];

    // Stage beside the target, then swap folders: a crash leaves either vault whole.
    let staging = sibling(paths.dir(), "restoring");
    let _ = fs::remove_dir_all(&staging);
    let staged = VaultPaths::new(&staging);
    let stage = || -> std::io::Result<()> {
        fs::create_dir_all(&staging)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&staging, fs::Permissions::from_mode(0o700))?;
        }
        write_synced(&staged.database(), database)?;
        write_synced(&staged.key_slots(), slots)?;
        write_synced(&staged.key_slots_lock(), b"")
    };
    stage().map_err(|e| {
        let _ = fs::remove_dir_all(&staging);
        StoreError::io(format!("write {}", staging.display()))(e)
    })?;
    KeySlotFile::load(&staged.key_slots())?;

    let moved_aside = if paths.dir().exists() {
        let aside = sibling(paths.dir(), "before-restore");
        fs::rename(paths.dir(), &aside).map_err(StoreError::io(format!(
            "move {} aside",
            paths.dir().display()
        )))?;
        Some(aside)
    } else {
        None
    };
    if let Some(parent) = paths.dir().parent() {
        fs::create_dir_all(parent)
            .map_err(StoreError::io(format!("create {}", parent.display())))?;
    }
    fs::rename(&staging, paths.dir()).map_err(StoreError::io(format!(
        "move the restored vault to {}",
        paths.dir().display()
    )))?;
    Ok(moved_aside)
}

/// The restored database and key slots are the vault itself: owner-only, like a new vault's.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = crate::files::create_new_private(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

fn sibling(dir: &Path, label: &str) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{label}-{stamp}"));
    dir.with_file_name(name)
}
