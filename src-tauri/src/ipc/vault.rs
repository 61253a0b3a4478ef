//! IPC types for the vault and the session: who is signed in, and the lock event.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    CaseManager,
    Volunteer,
}

impl From<tether_core::Role> for Role {
    fn from(role: tether_core::Role) -> Self {
        match role {
            tether_core::Role::Admin => Role::Admin,
            tether_core::Role::CaseManager => Role::CaseManager,
            tether_core::Role::Volunteer => Role::Volunteer,
        }
    }
}

impl From<Role> for tether_core::Role {
    fn from(role: Role) -> Self {
        match role {
            Role::Admin => tether_core::Role::Admin,
            Role::CaseManager => tether_core::Role::CaseManager,
            Role::Volunteer => tether_core::Role::Volunteer,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SessionInfo {
    pub user_name: String,
    pub role: Role,
    pub auto_lock_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct VaultStatus {
    pub exists: bool,
    pub session: Option<SessionInfo>,
    pub vault_path: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    Idle,
    User,
}

/// Emitted when the vault locks itself, so the window can return to the unlock screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct VaultLocked {
    pub reason: LockReason,
}

/// How hard a new passphrase looks to guess, for the hint beside the field (the rule in
/// `tether_core::passphrase`; the window translates `code` as `passphraseHint.<code>`, or as
/// `fieldError.<code>` when refused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PassphraseHint {
    pub strength: PassphraseStrength,
    pub code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PassphraseStrength {
    Refused,
    Weak,
    Fair,
    Strong,
}

impl From<tether_core::StrengthHint> for PassphraseHint {
    fn from(h: tether_core::StrengthHint) -> Self {
        use tether_core::Strength;
        PassphraseHint {
            strength: match h.strength {
                Strength::Refused => PassphraseStrength::Refused,
                Strength::Weak => PassphraseStrength::Weak,
                Strength::Fair => PassphraseStrength::Fair,
                Strength::Strong => PassphraseStrength::Strong,
            },
            code: h.code.to_owned(),
        }
    }
}
