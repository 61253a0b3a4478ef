//! Roles and what each may do. The matrix lives here, once; `tether-store`'s `Session` asks it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    CaseManager,
    Volunteer,
}

/// Everything a signed-in user can ask the vault to do that not every role may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    ManageUsers,
    ListUsers,
    Rekey,
    Backup,
    ReadAudit,
    ChangeSettings,
    /// See cases (volunteers see a redacted view).
    ViewCases,
    /// Create and change children, sponsors and proceedings.
    EditCases,
    ImportRecords,
    /// Export with identifying fields removed.
    ExportRedacted,
    /// Export with A-Numbers, addresses, phones and birth dates; always with a stated reason.
    ExportFull,
    /// Make and log follow-up calls (the volunteers' work).
    LogCalls,
    /// See and acknowledge red flags.
    ReviewFlags,
    /// Print case documents (hearing notices, record of NTA, letters, EOIR-33 sheets). Every
    /// role may print its own call sheet (`LogCalls`).
    Print,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::CaseManager, Role::Volunteer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::CaseManager => "case_manager",
            Role::Volunteer => "volunteer",
        }
    }

    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => true,
            Role::CaseManager => matches!(
                permission,
                ListUsers
                    | ViewCases
                    | EditCases
                    | ImportRecords
                    | ExportRedacted
                    | ExportFull
                    | LogCalls
                    | ReviewFlags
                    | Print
            ),
            Role::Volunteer => matches!(permission, ViewCases | LogCalls),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}: expected admin, case_manager or volunteer")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "admin" => Ok(Role::Admin),
            "case_manager" | "case-manager" => Ok(Role::CaseManager),
            "volunteer" => Ok(Role::Volunteer),
            other => Err(UnknownRole(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_matrix() {
        use Permission::*;
        let rows = [
            (ManageUsers, [true, false, false]),
            (ListUsers, [true, true, false]),
            (Rekey, [true, false, false]),
            (Backup, [true, false, false]),
            (ReadAudit, [true, false, false]),
            (ChangeSettings, [true, false, false]),
            (ViewCases, [true, true, true]),
            (EditCases, [true, true, false]),
            (ImportRecords, [true, true, false]),
            (ExportRedacted, [true, true, false]),
            (ExportFull, [true, true, false]),
            (LogCalls, [true, true, true]),
            (ReviewFlags, [true, true, false]),
            (Print, [true, true, false]),
        ];
        for (permission, expected) in rows {
            for (role, want) in Role::ALL.into_iter().zip(expected) {
                assert_eq!(role.may(permission), want, "{role} / {permission:?}");
            }
        }
    }

    #[test]
    fn roles_round_trip_through_text() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert_eq!(
            "superuser".parse::<Role>(),
            Err(UnknownRole("superuser".into()))
        );
    }
}
