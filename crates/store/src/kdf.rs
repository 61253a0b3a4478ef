//! Passphrase → key material, with Argon2id (RFC 9106, second recommended option).

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};

/// Parameters are stored beside what they protect, so they can be raised later without
/// breaking existing slots.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KdfParams {
    pub alg: String,
    pub version: u32,
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
    #[serde(with = "hex::serde")]
    pub salt: Vec<u8>,
}

impl KdfParams {
    /// RFC 9106 §4 second option: m = 64 MiB, t = 3, p = 4, 16-byte salt.
    pub fn recommended(salt: [u8; 16]) -> Self {
        KdfParams {
            alg: "argon2id".into(),
            version: 0x13,
            m_kib: 64 * 1024,
            t: 3,
            p: 4,
            salt: salt.to_vec(),
        }
    }

    /// Derives `N` bytes from the secret.
    pub fn derive<const N: usize>(&self, secret: &[u8]) -> Result<Zeroizing<[u8; N]>> {
        if self.alg != "argon2id" || self.version != 0x13 {
            return Err(StoreError::Crypto("unsupported key derivation algorithm"));
        }
        let params = Params::new(self.m_kib, self.t, self.p, Some(N))
            .map_err(|_| StoreError::Crypto("invalid Argon2id parameters"))?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; N]);
        argon
            .hash_password_into(secret, &self.salt, out.as_mut())
            .map_err(|_| StoreError::Crypto("Argon2id failed"))?;
        Ok(out)
    }
}

pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    use rand_core::{OsRng, RngCore};
    let mut out = [0u8; N];
    OsRng.fill_bytes(&mut out);
    out
}
