//! Passphrase → key material, with Argon2id (RFC 9106, second recommended option).
//!
//! Parameters are read from files anyone with access to the vault folder can edit (the slot
//! file, a backup's header), and Argon2 runs before anything is authenticated. So every set
//! is checked against a floor (nothing cheaper to guess than what Tether writes) and a ceiling
//! (nothing that hangs or exhausts memory) *before* deriving.

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};

/// RFC 9106 §4, second recommended option: what every new slot and backup uses.
pub const RECOMMENDED_M_KIB: u32 = 64 * 1024;
pub const RECOMMENDED_T: u32 = 3;
pub const RECOMMENDED_P: u32 = 4;
/// The ceiling: a derivation at 1 GiB, t = 16 takes tens of seconds, not hours.
pub const MAX_M_KIB: u32 = 1024 * 1024;
pub const MAX_T: u32 = 16;
pub const MAX_P: u32 = 16;
pub const SALT_LEN: usize = 16;

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

/// Why a parameter set is refused, in words an admin can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KdfParamsError {
    #[error("unsupported key derivation {alg:?} version {version:#x} (only argon2id 0x13)")]
    Algorithm { alg: String, version: u32 },
    #[error("Argon2id {field} = {value} is below Tether's floor of {floor}: such a key is too cheap to guess")]
    TooWeak {
        field: &'static str,
        value: u32,
        floor: u32,
    },
    #[error("Argon2id {field} = {value} is above Tether's ceiling of {ceiling}: refused before deriving")]
    TooCostly {
        field: &'static str,
        value: u32,
        ceiling: u32,
    },
    #[error("Argon2id salt has {0} bytes, not {SALT_LEN}")]
    Salt(usize),
}

impl KdfParams {
    /// RFC 9106 §4 second option: m = 64 MiB, t = 3, p = 4, 16-byte salt.
    pub fn recommended(salt: [u8; SALT_LEN]) -> Self {
        KdfParams {
            alg: "argon2id".into(),
            version: 0x13,
            m_kib: RECOMMENDED_M_KIB,
            t: RECOMMENDED_T,
            p: RECOMMENDED_P,
            salt: salt.to_vec(),
        }
    }

    /// The floor and the ceiling. The floor is the recommended set (lanes excepted: `p` only
    /// changes how the work is spread, not how much an attacker must do per guess).
    pub fn check(&self) -> Result<(), KdfParamsError> {
        if self.alg != "argon2id" || self.version != 0x13 {
            return Err(KdfParamsError::Algorithm {
                alg: self.alg.clone(),
                version: self.version,
            });
        }
        for (field, value, floor, ceiling) in [
            ("m_kib", self.m_kib, RECOMMENDED_M_KIB, MAX_M_KIB),
            ("t", self.t, RECOMMENDED_T, MAX_T),
            ("p", self.p, 1, MAX_P),
        ] {
            if value < floor {
                return Err(KdfParamsError::TooWeak {
                    field,
                    value,
                    floor,
                });
            }
            if value > ceiling {
                return Err(KdfParamsError::TooCostly {
                    field,
                    value,
                    ceiling,
                });
            }
        }
        if self.salt.len() != SALT_LEN {
            return Err(KdfParamsError::Salt(self.salt.len()));
        }
        Ok(())
    }

    /// Canonical bytes for associated data: a slot's parameters cannot be edited unnoticed.
    pub(crate) fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        out.extend_from_slice(&(self.alg.len() as u32).to_be_bytes());
        out.extend_from_slice(self.alg.as_bytes());
        for n in [self.version, self.m_kib, self.t, self.p] {
            out.extend_from_slice(&n.to_be_bytes());
        }
        out.extend_from_slice(&(self.salt.len() as u32).to_be_bytes());
        out.extend_from_slice(&self.salt);
        out
    }

    /// Derives `N` bytes from the secret. Refuses (fast) a set outside the floor and ceiling;
    /// callers map the error to what they were reading (`check` gives the reason).
    pub fn derive<const N: usize>(&self, secret: &[u8]) -> Result<Zeroizing<[u8; N]>> {
        self.check()
            .map_err(|_| StoreError::Crypto("Argon2id parameters outside Tether's bounds"))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn with(m_kib: u32, t: u32, p: u32) -> KdfParams {
        KdfParams {
            m_kib,
            t,
            p,
            ..KdfParams::recommended([7; SALT_LEN])
        }
    }

    #[test]
    fn recommended_parameters_pass() {
        assert_eq!(KdfParams::recommended([7; SALT_LEN]).check(), Ok(()));
    }

    #[test]
    fn weak_parameters_are_refused() {
        // The downgrade: m = 8 KiB, t = 1, p = 1 is ~5,000x cheaper to guess.
        assert!(matches!(
            with(8, 1, 1).check(),
            Err(KdfParamsError::TooWeak { field: "m_kib", .. })
        ));
        assert!(matches!(
            with(RECOMMENDED_M_KIB, 1, 4).check(),
            Err(KdfParamsError::TooWeak { field: "t", .. })
        ));
    }

    #[test]
    fn costly_parameters_fail_before_deriving() {
        let started = std::time::Instant::now();
        for params in [
            with(RECOMMENDED_M_KIB, u32::MAX, 4),
            with(u32::MAX, 3, 4),
            with(RECOMMENDED_M_KIB, 3, 255),
        ] {
            assert!(matches!(
                params.check(),
                Err(KdfParamsError::TooCostly { .. })
            ));
            assert!(params.derive::<32>(b"secret").is_err());
        }
        // Nothing was derived: refusing is instant, not a hang.
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn salt_and_algorithm_are_checked() {
        let mut short = with(RECOMMENDED_M_KIB, 3, 4);
        short.salt = vec![0; 4];
        assert_eq!(short.check(), Err(KdfParamsError::Salt(4)));
        let mut other = with(RECOMMENDED_M_KIB, 3, 4);
        other.alg = "scrypt".into();
        assert!(matches!(
            other.check(),
            Err(KdfParamsError::Algorithm { .. })
        ));
    }
}
