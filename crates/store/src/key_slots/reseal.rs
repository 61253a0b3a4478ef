//! Handing data keys to slots, and deciding which slots may have them.
//!
//! A slot receives a data key only when (1) a user row in the database names its id and
//! (2) its binding verifies under the data key the vault holds now: an outsider who can write
//! the folder can append a slot or swap a known slot's public key, but can make neither true.
//! Everything else is dropped from the file and reported.

use std::collections::HashSet;

use crypto_box::PublicKey;
use serde::Serialize;

use super::{binding, seal, slot_bound, HexBytes, KeySlot, KeySlotFile};
use crate::data_key::DataKey;
use crate::error::Result;

/// A slot `rekey` (or finishing an interrupted one) took out of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DroppedSlot {
    pub slot_id: String,
    pub reason: DropReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// No user of this vault holds it: appended by someone, or a removed user's slot put back.
    UnknownToVault,
    /// A user holds it, but its public key, lookup tag or parameters are not what the vault
    /// wrote (or its parameters are outside Tether's bounds). That user must be reset.
    Altered,
}

impl DropReason {
    pub fn describe(self) -> &'static str {
        match self {
            DropReason::UnknownToVault => "no user of this vault holds it",
            DropReason::Altered => "it was changed outside Tether",
        }
    }
}

impl KeySlotFile {
    /// Which slots would be dropped: not named by `known` (slot ids from the users table), or
    /// not bound under `current` (the data key the database answers to).
    pub fn check_slots(&self, known: &HashSet<String>, current: &DataKey) -> Vec<DroppedSlot> {
        self.slots
            .iter()
            .filter_map(|slot| {
                let reason = if !known.contains(&slot.id) {
                    DropReason::UnknownToVault
                } else if !self.is_bound(slot, current) {
                    DropReason::Altered
                } else {
                    return None;
                };
                Some(DroppedSlot {
                    slot_id: slot.id.clone(),
                    reason,
                })
            })
            .collect()
    }

    /// Drops the slots `check_slots` names, then seals `keys` (current first) into the rest.
    pub fn reseal_known(
        &mut self,
        keys: &[&DataKey],
        known: &HashSet<String>,
        current: &DataKey,
    ) -> Result<Vec<DroppedSlot>> {
        let dropped = self.check_slots(known, current);
        let dropped_ids: HashSet<&str> = dropped.iter().map(|d| d.slot_id.as_str()).collect();
        self.slots.retain(|s| !dropped_ids.contains(s.id.as_str()));
        let vault_id = self.vault_id.clone();
        for slot in &mut self.slots {
            seal_into(&vault_id, slot, keys)?;
        }
        Ok(dropped)
    }

    /// Trust on first use for files written before bindings existed: every slot a user holds
    /// that has no binding yet gets one under `current`. Returns whether anything changed.
    pub fn bind_unbound(&mut self, known: &HashSet<String>, current: &DataKey) -> bool {
        let vault_id = self.vault_id.clone();
        let mut changed = false;
        for slot in &mut self.slots {
            if slot.bindings.is_empty() && known.contains(&slot.id) {
                let tag = binding::tag(current, &slot_bound(&vault_id, slot));
                slot.bindings = vec![HexBytes(tag); slot.sealed_keys.len().max(1)];
                changed = true;
            }
        }
        changed
    }

    pub fn has_slot(&self, id: &str) -> bool {
        self.slots.iter().any(|s| s.id == id)
    }

    /// Whether the file still uses an older format (then the next unlock rewrites it).
    pub fn is_outdated(&self) -> bool {
        self.version < super::VERSION
    }

    fn is_bound(&self, slot: &KeySlot, key: &DataKey) -> bool {
        if slot.kdf.check().is_err() || PublicKey::from_slice(&slot.public_key).is_err() {
            return false;
        }
        let bound = slot_bound(&self.vault_id, slot);
        slot.bindings
            .iter()
            .any(|tag| binding::verify(key, &bound, &tag.0))
    }
}

/// Seals each of `keys` to the slot's public key and binds the slot under each of them, so
/// whichever key the database ends up answering to vouches for it.
pub(super) fn seal_into(vault_id: &[u8], slot: &mut KeySlot, keys: &[&DataKey]) -> Result<()> {
    let public = PublicKey::from_slice(&slot.public_key)
        .map_err(|_| crate::error::StoreError::Crypto("a key slot holds an invalid public key"))?;
    slot.sealed_keys = keys
        .iter()
        .map(|k| seal(&public, k).map(HexBytes))
        .collect::<Result<_>>()?;
    let bound = slot_bound(vault_id, slot);
    let bindings = keys
        .iter()
        .map(|k| HexBytes(binding::tag(k, &bound)))
        .collect();
    slot.bindings = bindings;
    Ok(())
}
