//! Per-user key slots, in a small JSON file beside the database.
//!
//! Each user has an X25519 key pair. The secret half is wrapped (XChaCha20-Poly1305) under a key
//! derived from the user's name and passphrase (Argon2id); the data key is sealed to the public
//! half. Sealing needs no passphrase, so `rekey` can hand the new data key to every user while
//! only the admin is signed in, but only to users the database knows, through slots whose
//! binding (binding.rs) the current data key vouches for.
//!
//! The file names nobody: a slot is found by a lookup tag derived from name and passphrase
//! together, so it reveals neither who works at the clinic nor whether a guess is a user.

mod binding;
mod lock;
mod reseal;
#[cfg(test)]
mod tests;

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
use crate::kdf::{random_bytes, KdfParams, SALT_LEN};

use binding::Bound;
pub(crate) use lock::SlotsLock;
pub use reseal::{DropReason, DroppedSlot};

const FORMAT: &str = "tether-keyslots";
/// 2: slots bind their KDF parameters, public key and lookup tag (associated data) and carry a
/// MAC under the data key. Version 1 files are read, and upgraded on the next write.
const VERSION: u32 = 2;
/// The associated-data version new slots are wrapped with.
const AAD_VERSION: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeySlotFile {
    format: String,
    version: u32,
    #[serde(with = "hex::serde")]
    vault_id: Vec<u8>,
    /// Only its salt is used (shared, so unlock costs one derivation): the file is not
    /// authenticated, so new slots always get the recommended parameters, whatever this says.
    kdf: KdfParams,
    slots: Vec<KeySlot>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeySlot {
    pub id: String,
    /// Which associated data the wrapped secret is bound with (binding.rs); 1 in old files.
    #[serde(default = "aad_v1")]
    aad: u32,
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
    /// One MAC per data key above (binding.rs); absent in version-1 files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    bindings: Vec<HexBytes>,
}

fn aad_v1() -> u32 {
    1
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
struct HexBytes(#[serde(with = "hex::serde")] Vec<u8>);

/// What a matching slot yields: its id and the data keys to try, current first.
#[derive(Debug)]
pub struct OpenedSlot {
    pub slot_id: String,
    pub data_keys: Vec<DataKey>,
    /// For a slot still wrapped with version-1 associated data: what rewrapping it takes.
    upgrade: Option<Rewrap>,
}

struct Rewrap {
    wrap_key: Zeroizing<[u8; 32]>,
    secret: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for Rewrap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rewrap(<redacted>)")
    }
}

impl KeySlotFile {
    pub fn new() -> Self {
        KeySlotFile {
            format: FORMAT.into(),
            version: VERSION,
            vault_id: random_bytes::<16>().to_vec(),
            kdf: KdfParams::recommended(random_bytes::<SALT_LEN>()),
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
        if !(1..=VERSION).contains(&file.version) {
            return Err(corrupt(format!("unsupported version {}", file.version)));
        }
        if file.slots.is_empty() {
            return Err(corrupt("it holds no key slots".into()));
        }
        if let Some(slot) = file
            .slots
            .iter()
            .find(|s| !(1..=AAD_VERSION).contains(&s.aad))
        {
            return Err(corrupt(format!(
                "slot {} has unknown associated-data version {}",
                slot.id, slot.aad
            )));
        }
        Ok(file)
    }

    /// Temp file, fsync, rename, fsync the folder: the file is either old or new, never torn.
    /// Callers hold a [`SlotsLock`] across their load and this save.
    pub fn save_atomic(&mut self, path: &Path) -> Result<()> {
        // Whatever was read, what is written is the current format.
        self.version = VERSION;
        self.kdf = self.new_slot_kdf();
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

    /// A slot for a user whose slot is being replaced (passphrase change or admin reset).
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

    pub fn remove_slot(&mut self, id: &str) -> bool {
        let before = self.slots.len();
        self.slots.retain(|s| s.id != id);
        self.slots.len() != before
    }

    /// Finds the slot that `user` + `passphrase` open. One Argon2id run per distinct parameter
    /// set (normally one), whatever the number of users. A set outside Tether's floor and
    /// ceiling is never derived (it would be too cheap to guess, or hang unlock): if no other
    /// slot opens, the error names it.
    pub fn open(&self, user: &str, passphrase: &SecretString) -> Result<OpenedSlot> {
        let mut tried = HashSet::new();
        let mut refused = None;
        for slot in &self.slots {
            if !tried.insert(&slot.kdf) {
                continue;
            }
            if let Err(e) = slot.kdf.check() {
                refused.get_or_insert_with(|| self.corrupt(slot, &e.to_string()));
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
            return self.open_slot(found, derived);
        }
        Err(refused.unwrap_or(StoreError::WrongCredentials))
    }

    /// Rewraps the opened slot with the current associated data, when it has the old one.
    /// Returns whether anything changed (then the caller saves).
    pub fn upgrade(&mut self, opened: &OpenedSlot) -> Result<bool> {
        let Some(rewrap) = &opened.upgrade else {
            return Ok(false);
        };
        let vault_id = self.vault_id.clone();
        let Some(slot) = self.slots.iter_mut().find(|s| s.id == opened.slot_id) else {
            return Ok(false);
        };
        let nonce = random_bytes::<24>();
        slot.wrapped_secret = wrap(&rewrap.wrap_key, &nonce, &rewrap.secret, &{
            let bound = slot_bound(&vault_id, slot);
            binding::aad(AAD_VERSION, &bound)
        })?;
        slot.nonce = nonce.to_vec();
        slot.aad = AAD_VERSION;
        Ok(true)
    }

    fn open_slot(&self, slot: &KeySlot, derived: Derived) -> Result<OpenedSlot> {
        let corrupt = |what: &str| self.corrupt(slot, what);
        if slot.nonce.len() != 24 {
            return Err(corrupt("has a malformed nonce"));
        }
        let cipher = XChaCha20Poly1305::new(derived.wrap_key.as_ref().into());
        let aad = binding::aad(slot.aad, &slot_bound(&self.vault_id, slot));
        let secret = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(&slot.nonce),
                    Payload {
                        msg: &slot.wrapped_secret,
                        aad: &aad,
                    },
                )
                .map_err(|_| corrupt("fails its integrity check"))?,
        );
        let secret_key = SecretKey::from_slice(&secret).map_err(|_| corrupt("holds a bad key"))?;
        // Version-1 associated data did not cover the public key: check it here, so a slot
        // whose public key was swapped does not open.
        if secret_key.public_key().as_bytes().as_slice() != slot.public_key.as_slice() {
            return Err(corrupt("holds a public key that is not its own"));
        }
        let data_keys =
            slot.sealed_keys
                .iter()
                .map(|sealed| {
                    let opened =
                        Zeroizing::new(secret_key.unseal(&sealed.0).map_err(|_| {
                            corrupt("holds a data key that fails its integrity check")
                        })?);
                    DataKey::from_slice(&opened)
                        .ok_or_else(|| corrupt("holds a data key of the wrong size"))
                })
                .collect::<Result<Vec<_>>>()?;
        if data_keys.is_empty() {
            return Err(corrupt("holds no data key"));
        }
        let upgrade = (slot.aad < AAD_VERSION).then(|| Rewrap {
            wrap_key: derived.wrap_key,
            secret: Zeroizing::new(secret_key.to_bytes()),
        });
        Ok(OpenedSlot {
            slot_id: slot.id.clone(),
            data_keys,
            upgrade,
        })
    }

    fn build_slot(
        &self,
        user: &str,
        passphrase: &SecretString,
        keys: &[&DataKey],
    ) -> Result<KeySlot> {
        let id = hex::encode(random_bytes::<16>());
        let kdf = self.new_slot_kdf();
        let derived = Derived::compute(&kdf, user, passphrase)?;
        let secret = SecretKey::generate(&mut rand_core::OsRng);
        let public = secret.public_key();
        let nonce = random_bytes::<24>();
        let mut slot = KeySlot {
            id,
            aad: AAD_VERSION,
            lookup: derived.lookup.to_vec(),
            kdf,
            nonce: nonce.to_vec(),
            wrapped_secret: Vec::new(),
            public_key: public.as_bytes().to_vec(),
            sealed_keys: Vec::new(),
            bindings: Vec::new(),
        };
        let aad = binding::aad(AAD_VERSION, &slot_bound(&self.vault_id, &slot));
        let secret_bytes = Zeroizing::new(secret.to_bytes());
        slot.wrapped_secret = wrap(&derived.wrap_key, &nonce, &secret_bytes, &aad)?;
        reseal::seal_into(&self.vault_id, &mut slot, keys)?;
        Ok(slot)
    }

    /// New slots: the recommended parameters with this vault's shared salt (a fresh one if the
    /// stored salt is not 16 bytes). The file-level `m`, `t`, `p` are never trusted.
    fn new_slot_kdf(&self) -> KdfParams {
        match <[u8; SALT_LEN]>::try_from(self.kdf.salt.as_slice()) {
            Ok(salt) => KdfParams::recommended(salt),
            Err(_) => KdfParams::recommended(random_bytes::<SALT_LEN>()),
        }
    }

    fn corrupt(&self, slot: &KeySlot, what: &str) -> StoreError {
        StoreError::KeySlotsCorrupt {
            path: PathBuf::from(crate::paths::KEY_SLOTS_FILE),
            reason: format!("slot {} {what}", slot.id),
        }
    }
}

impl Default for KeySlotFile {
    fn default() -> Self {
        Self::new()
    }
}

fn slot_bound<'a>(vault_id: &'a [u8], slot: &'a KeySlot) -> Bound<'a> {
    Bound {
        vault_id,
        slot_id: &slot.id,
        lookup: &slot.lookup,
        kdf: &slot.kdf,
        public_key: &slot.public_key,
    }
}

fn wrap(key: &[u8; 32], nonce: &[u8; 24], secret: &[u8; 32], aad: &[u8]) -> Result<Vec<u8>> {
    XChaCha20Poly1305::new(key.into())
        .encrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: secret.as_ref(),
                aad,
            },
        )
        .map_err(|_| StoreError::Crypto("wrapping a key slot failed"))
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
