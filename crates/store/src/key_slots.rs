//! Per-user key slots, in a small JSON file beside the database.
//!
//! Each user has an X25519 key pair. The secret half is wrapped (XChaCha20-Poly1305) under a key
//! derived from the user's name and passphrase (Argon2id); the data key is sealed to the public
//! half. Sealing needs no passphrase, so `rekey` can hand the new data key to every user while
//! only the admin is signed in.
//!
//! The file names nobody: a slot is found by a lookup tag derived from name and passphrase
//! together, so it reveals neither who works at the clinic nor whether a guess is a user.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use crypto_box::{PublicKey, SecretKey};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::data_key::DataKey;
use crate::error::{Result, StoreError};
use crate::kdf::{random_bytes, KdfParams};

const FORMAT: &str = "tether-keyslots";
const VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeySlotFile {
    format: String,
    version: u32,
    #[serde(with = "hex::serde")]
    vault_id: Vec<u8>,
    /// Parameters for new slots. Slots that share them share one derivation at unlock.
    kdf: KdfParams,
    slots: Vec<KeySlot>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeySlot {
    pub id: String,
    #[serde(with = "hex::serde")]
    lookup: Vec<u8>,
    kdf: KdfParams,
    #[serde(with = "hex::serde")]
    nonce: Vec<u8>,
    #[serde(with = "hex::serde")]
    wrapped_secret: Vec<u8>,
    #[serde(with = "hex::serde")]
    public_key: Vec<u8>,
    /// The data key sealed to `public_key`; during a rekey, the new key then the old one.
    sealed_keys: Vec<HexBytes>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
struct HexBytes(#[serde(with = "hex::serde")] Vec<u8>);

/// What a matching slot yields: its id and the data keys to try, current first.
#[derive(Debug)]
pub struct OpenedSlot {
    pub slot_id: String,
    pub data_keys: Vec<DataKey>,
}

impl KeySlotFile {
    pub fn new() -> Self {
        KeySlotFile {
            format: FORMAT.into(),
            version: VERSION,
            vault_id: random_bytes::<16>().to_vec(),
            kdf: KdfParams::recommended(random_bytes::<16>()),
            slots: Vec::new(),
        }
    }

    pub fn load(path: &Path) -> Result<Self> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::KeySlotsMissing(path.to_owned()))
            }
            Err(e) => return Err(StoreError::io(format!("read {}", path.display()))(e)),
        };
        let corrupt = |reason: String| StoreError::KeySlotsCorrupt {
            path: path.to_owned(),
            reason,
        };
        let file: KeySlotFile =
            serde_json::from_slice(&bytes).map_err(|e| corrupt(format!("not valid JSON ({e})")))?;
        if file.format != FORMAT {
            return Err(corrupt(format!("unknown format {:?}", file.format)));
        }
        if file.version != VERSION {
            return Err(corrupt(format!("unsupported version {}", file.version)));
        }
        if file.slots.is_empty() {
            return Err(corrupt("it holds no key slots".into()));
        }
        Ok(file)
    }

    /// Temp file, fsync, rename, fsync the folder: the file is either old or new, never torn.
    pub fn save_atomic(&self, path: &Path) -> Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let tmp = temp_path(path);
        let json = serde_json::to_vec_pretty(self)
            .map_err(|_| StoreError::Crypto("key slots could not be serialised"))?;
        let write = || -> std::io::Result<()> {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            fs::rename(&tmp, path)?;
            fs::File::open(dir)?.sync_all()
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&tmp);
            StoreError::io(format!("write {}", path.display()))(e)
        })
    }

    /// A new slot for `user` (canonical name) holding `data_key`; the caller stores its id.
    pub fn add_slot(
        &mut self,
        user: &str,
        passphrase: &SecretString,
        data_key: &DataKey,
    ) -> Result<String> {
        let slot = self.build_slot(user, passphrase, &[data_key])?;
        let id = slot.id.clone();
        self.slots.push(slot);
        Ok(id)
    }

    pub fn remove_slot(&mut self, id: &str) -> bool {
        let before = self.slots.len();
        self.slots.retain(|s| s.id != id);
        self.slots.len() != before
    }

    /// Finds the slot that `user` + `passphrase` open. One Argon2id run per distinct parameter
    /// set (normally one), whatever the number of users.
    pub fn open(&self, user: &str, passphrase: &SecretString) -> Result<OpenedSlot> {
        let mut tried = HashSet::new();
        for slot in &self.slots {
            if !tried.insert(&slot.kdf) {
                continue;
            }
            let derived = Derived::compute(&slot.kdf, user, passphrase)?;
            let Some(found) = self
                .slots
                .iter()
                .find(|s| s.kdf == slot.kdf && s.lookup == derived.lookup)
            else {
                continue;
            };
            return self.open_slot(found, &derived);
        }
        Err(StoreError::WrongCredentials)
    }

    /// Seals `keys` (current first) into every slot: used by `rekey`.
    pub fn reseal_all(&mut self, keys: &[&DataKey]) -> Result<()> {
        for slot in &mut self.slots {
            let public = PublicKey::from_slice(&slot.public_key)
                .map_err(|_| StoreError::Crypto("a key slot holds an invalid public key"))?;
            slot.sealed_keys = keys
                .iter()
                .map(|k| seal(&public, k).map(HexBytes))
                .collect::<Result<_>>()?;
        }
        Ok(())
    }

    fn open_slot(&self, slot: &KeySlot, derived: &Derived) -> Result<OpenedSlot> {
        let corrupt = |what: &str| StoreError::KeySlotsCorrupt {
            path: PathBuf::from(crate::paths::KEY_SLOTS_FILE),
            reason: format!("slot {} {what}", slot.id),
        };
        let cipher = XChaCha20Poly1305::new(derived.wrap_key.as_ref().into());
        if slot.nonce.len() != 24 {
            return Err(corrupt("has a malformed nonce"));
        }
        let secret = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(&slot.nonce),
                    Payload {
                        msg: &slot.wrapped_secret,
                        aad: &self.aad(&slot.id),
                    },
                )
                .map_err(|_| corrupt("fails its integrity check"))?,
        );
        let secret = SecretKey::from_slice(&secret).map_err(|_| corrupt("holds a bad key"))?;
        let data_keys =
            slot.sealed_keys
                .iter()
                .map(|sealed| {
                    let opened =
                        Zeroizing::new(secret.unseal(&sealed.0).map_err(|_| {
                            corrupt("holds a data key that fails its integrity check")
                        })?);
                    DataKey::from_slice(&opened)
                        .ok_or_else(|| corrupt("holds a data key of the wrong size"))
                })
                .collect::<Result<Vec<_>>>()?;
        if data_keys.is_empty() {
            return Err(corrupt("holds no data key"));
        }
        Ok(OpenedSlot {
            slot_id: slot.id.clone(),
            data_keys,
        })
    }

    fn build_slot(
        &self,
        user: &str,
        passphrase: &SecretString,
        keys: &[&DataKey],
    ) -> Result<KeySlot> {
        let id = hex::encode(random_bytes::<16>());
        let derived = Derived::compute(&self.kdf, user, passphrase)?;
        let secret = SecretKey::generate(&mut rand_core::OsRng);
        let public = secret.public_key();
        let nonce = random_bytes::<24>();
        let cipher = XChaCha20Poly1305::new(derived.wrap_key.as_ref().into());
        let secret_bytes = Zeroizing::new(secret.to_bytes());
        let wrapped_secret = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: secret_bytes.as_ref(),
                    aad: &self.aad(&id),
                },
            )
            .map_err(|_| StoreError::Crypto("wrapping a key slot failed"))?;
        let sealed_keys = keys
            .iter()
            .map(|k| seal(&public, k).map(HexBytes))
            .collect::<Result<_>>()?;
        Ok(KeySlot {
            id,
            lookup: derived.lookup.to_vec(),
            kdf: self.kdf.clone(),
            nonce: nonce.to_vec(),
            wrapped_secret,
            public_key: public.as_bytes().to_vec(),
            sealed_keys,
        })
    }

    /// Binds a slot to this vault and to its id: a slot copied elsewhere does not open.
    fn aad(&self, slot_id: &str) -> Vec<u8> {
        let mut aad = b"tether-slot-v1".to_vec();
        aad.extend_from_slice(&self.vault_id);
        aad.extend_from_slice(slot_id.as_bytes());
        aad
    }
}

impl Default for KeySlotFile {
    fn default() -> Self {
        Self::new()
    }
}

fn seal(public: &PublicKey, key: &DataKey) -> Result<Vec<u8>> {
    public
        .seal(&mut rand_core::OsRng, key.bytes())
        .map_err(|_| StoreError::Crypto("sealing the data key failed"))
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    path.with_file_name(name)
}

/// Argon2id(name NUL passphrase) split in two: a lookup tag and a wrapping key.
struct Derived {
    lookup: [u8; 32],
    wrap_key: Zeroizing<[u8; 32]>,
}

impl Derived {
    fn compute(kdf: &KdfParams, user: &str, passphrase: &SecretString) -> Result<Self> {
        let mut input = Zeroizing::new(Vec::with_capacity(user.len() + 1 + 64));
        input.extend_from_slice(user.as_bytes());
        input.push(0);
        input.extend_from_slice(passphrase.expose_secret().as_bytes());
        let out = kdf.derive::<64>(&input)?;
        let mut hasher = Sha256::new();
        hasher.update(b"tether-slot-lookup");
        hasher.update(&out[..32]);
        let mut wrap_key = Zeroizing::new([0u8; 32]);
        wrap_key.copy_from_slice(&out[32..]);
        Ok(Derived {
            lookup: hasher.finalize().into(),
            wrap_key,
        })
    }
}

/// A slot for a user whose slot is being replaced (passphrase change or admin reset).
impl KeySlotFile {
    pub fn replace_slot(
        &mut self,
        old_id: &str,
        user: &str,
        passphrase: &SecretString,
        data_key: &DataKey,
    ) -> Result<String> {
        let slot = self.build_slot(user, passphrase, &[data_key])?;
        let id = slot.id.clone();
        match self.slots.iter_mut().find(|s| s.id == old_id) {
            Some(existing) => *existing = slot,
            None => self.slots.push(slot),
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn slot_opens_only_with_its_name_and_passphrase() -> Result<()> {
        let key = DataKey::generate();
        let mut file = KeySlotFile::new();
        let id = file.add_slot("maría", &pass("correct horse battery"), &key)?;
        let opened = file.open("maría", &pass("correct horse battery"))?;
        assert_eq!(opened.slot_id, id);
        assert_eq!(opened.data_keys[0].bytes(), key.bytes());
        assert!(matches!(
            file.open("maría", &pass("wrong horse battery")),
            Err(StoreError::WrongCredentials)
        ));
        assert!(matches!(
            file.open("jose", &pass("correct horse battery")),
            Err(StoreError::WrongCredentials)
        ));
        Ok(())
    }

    #[test]
    fn file_names_nobody() -> Result<()> {
        let mut file = KeySlotFile::new();
        file.add_slot(
            "canaryuser",
            &pass("correct horse battery"),
            &DataKey::generate(),
        )?;
        let json = serde_json::to_string(&file).map_err(|_| StoreError::Crypto("json"))?;
        assert!(!json.contains("canaryuser"));
        Ok(())
    }

    #[test]
    fn reseal_hands_new_key_to_every_slot() -> Result<()> {
        let old = DataKey::generate();
        let new = DataKey::generate();
        let mut file = KeySlotFile::new();
        file.add_slot("ana", &pass("correct horse battery"), &old)?;
        file.add_slot("luis", &pass("another long passphrase"), &old)?;
        file.reseal_all(&[&new])?;
        for (user, p) in [
            ("ana", "correct horse battery"),
            ("luis", "another long passphrase"),
        ] {
            let opened = file.open(user, &pass(p))?;
            assert_eq!(opened.data_keys.len(), 1);
            assert_eq!(opened.data_keys[0].bytes(), new.bytes());
        }
        Ok(())
    }
}
