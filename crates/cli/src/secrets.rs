//! Passphrases: from the environment for scripts, otherwise a prompt that does not echo.

use anyhow::{bail, Context, Result};
use secrecy::{ExposeSecret, SecretString};
use tether_core::Permission;
use tether_store::Session;

pub const PASSPHRASE: &str = "TETHER_PASSPHRASE";
pub const NEW_PASSPHRASE: &str = "TETHER_NEW_PASSPHRASE";
pub const BACKUP_PASSPHRASE: &str = "TETHER_BACKUP_PASSPHRASE";

/// An existing passphrase: asked once.
pub fn existing(var: &str, prompt: &str) -> Result<SecretString> {
    if let Some(value) = from_env(var) {
        return Ok(value);
    }
    ask(var, prompt)
}

/// A new passphrase: asked twice, so a typo does not lock anybody out.
pub fn new(var: &str, prompt: &str) -> Result<SecretString> {
    if let Some(value) = from_env(var) {
        return Ok(value);
    }
    let first = ask(var, prompt)?;
    let second = ask(var, "Type it again: ")?;
    if first.expose_secret() != second.expose_secret() {
        bail!("the two passphrases differ; nothing was changed");
    }
    Ok(first)
}

/// Asks for a secret only when the role may use it; otherwise the vault refuses (and audits the
/// refusal) without anybody typing a passphrase for nothing.
pub fn if_allowed(
    session: &Session,
    permission: Permission,
    ask: impl FnOnce() -> Result<SecretString>,
) -> Result<SecretString> {
    if session.user().role.may(permission) {
        ask()
    } else {
        Ok(SecretString::default())
    }
}

fn from_env(var: &str) -> Option<SecretString> {
    std::env::var(var).ok().map(SecretString::from)
}

fn ask(var: &str, prompt: &str) -> Result<SecretString> {
    rpassword::prompt_password(prompt)
        .map(SecretString::from)
        .with_context(|| format!("cannot read a passphrase: set {var} or run in a terminal"))
}
