//! What a slot is bound to, two ways.
//!
//! * Associated data of the wrapped secret (checked by the slot's user, who holds the
//!   passphrase): version 2 binds the vault id, the slot id, the lookup tag, the KDF parameters
//!   and the public key, so no field can be edited and no slot moved to another vault or id.
//!   Version 1 (files written before) bound only the vault id and the slot id.
//! * A MAC under the data key (checked by `rekey`, which holds no user's passphrase): sealing
//!   needs only a public key, so without it anyone who can write the folder could swap a known
//!   user's public key for their own and receive the next data key. Only someone who holds the
//!   current data key can make one.

use blake2::digest::consts::U32;
use blake2::digest::Mac;
use blake2::Blake2bMac;

use crate::data_key::DataKey;
use crate::kdf::KdfParams;

/// The fields of a slot that its bindings cover.
pub(super) struct Bound<'a> {
    pub vault_id: &'a [u8],
    pub slot_id: &'a str,
    pub lookup: &'a [u8],
    pub kdf: &'a KdfParams,
    pub public_key: &'a [u8],
}

/// Associated data of a slot's wrapped secret, in the slot's `aad` version.
pub(super) fn aad(version: u32, bound: &Bound<'_>) -> Vec<u8> {
    if version == 1 {
        let mut aad = b"tether-slot-v1".to_vec();
        aad.extend_from_slice(bound.vault_id);
        aad.extend_from_slice(bound.slot_id.as_bytes());
        return aad;
    }
    let mut aad = b"tether-slot-v2".to_vec();
    fields(&mut aad, bound);
    aad
}

/// The MAC that says "the holder of `key` wrote this slot as it is".
pub(super) fn tag(key: &DataKey, bound: &Bound<'_>) -> Vec<u8> {
    let mut mac = mac(key);
    let mut msg = Vec::with_capacity(160);
    fields(&mut msg, bound);
    mac.update(&msg);
    mac.finalize().into_bytes().to_vec()
}

pub(super) fn verify(key: &DataKey, bound: &Bound<'_>, tag: &[u8]) -> bool {
    let mut mac = mac(key);
    let mut msg = Vec::with_capacity(160);
    fields(&mut msg, bound);
    mac.update(&msg);
    mac.verify_slice(tag).is_ok()
}

fn mac(key: &DataKey) -> Blake2bMac<U32> {
    // A 32-byte key and a 16-byte persona are within BLAKE2b's limits (64 and 16).
    #[allow(clippy::expect_used)]
    Blake2bMac::<U32>::new_with_salt_and_personal(key.bytes(), &[], b"tether-slot-bind")
        .expect("32-byte key and 16-byte persona fit BLAKE2b")
}

/// Length-prefixed, so no two different slots give the same bytes.
fn fields(out: &mut Vec<u8>, bound: &Bound<'_>) {
    let kdf = bound.kdf.canonical_bytes();
    for part in [
        bound.vault_id,
        bound.slot_id.as_bytes(),
        bound.lookup,
        &kdf,
        bound.public_key,
    ] {
        out.extend_from_slice(&(part.len() as u32).to_be_bytes());
        out.extend_from_slice(part);
    }
}
