//! The random 256-bit key that encrypts the database. It lives only in memory, zeroized on drop.

use std::fmt;

use zeroize::Zeroizing;

use crate::kdf::random_bytes;

pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    pub fn generate() -> Self {
        DataKey(Zeroizing::new(random_bytes::<32>()))
    }

    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array = <[u8; 32]>::try_from(bytes).ok()?;
        Some(DataKey(Zeroizing::new(array)))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// SQLCipher's raw-key literal `x'…'`: used as-is, no second PBKDF2 inside SQLCipher.
    pub(crate) fn sqlcipher_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("\"x'{}'\"", hex::encode(self.0.as_ref())))
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}
