//! The people of a test clinic. Their names carry accents on purpose: user names are Unicode.

/// The clinic's admin, who creates the vault ([`crate::Clinic::with_admin`]).
pub const ADMIN: &str = "maría.lópez";
pub const ADMIN_PASS: &str = "correct horse battery staple";

/// The volunteer of [`crate::Clinic::with_staff`].
pub const VOLUNTEER: &str = "josé.ramírez";
/// The volunteers' passphrase; also the one every user added through
/// [`crate::Clinic::admin`] gets.
pub const VOLUNTEER_PASS: &str = "volunteer passphrase 2026";

/// A volunteer whose name is no child's or sponsor's, for tests that search a volunteer's output
/// for family names (the children of the fixtures are Ramírez, like [`VOLUNTEER`]).
pub const SECOND_VOLUNTEER: &str = "beto";

/// The passphrase of backup files.
pub const BACKUP_PASS: &str = "backup passphrase for the safe";
