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
        // Hex-encoded straight into the zeroized buffer: `hex::encode` would leave a copy.
        let mut hex_digits = Zeroizing::new([0u8; 64]);
        let mut literal = Zeroizing::new(String::with_capacity(70));
        if hex::encode_to_slice(self.0.as_ref(), hex_digits.as_mut()).is_ok() {
            literal.push_str("\"x'");
            literal.extend(hex_digits.iter().map(|&b| char::from(b)));
            literal.push_str("'\"");
        }
        literal
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}
