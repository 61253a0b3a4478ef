//! The `tether` CLI as a process.

use std::path::Path;
use std::process::{Command, Output};

use crate::workspace_binary;

/// Runs the `tether` CLI on the vault folder `vault`, signed in as `user`. Other passphrases
/// (new, backup) come only from `env`, never from the environment of whoever runs the tests.
pub fn tether(
    vault: &Path,
    user: &str,
    passphrase: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Output {
    let mut cmd = Command::new(workspace_binary("tether"));
    cmd.args(args)
        .env("TETHER_VAULT", vault)
        .env("TETHER_USER", user)
        .env("TETHER_PASSPHRASE", passphrase)
        .env_remove("TETHER_NEW_PASSPHRASE")
        .env_remove("TETHER_BACKUP_PASSPHRASE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("tether runs")
}

/// [`tether`], expecting success; returns stdout.
pub fn tether_ok(
    vault: &Path,
    user: &str,
    passphrase: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> String {
    let out = tether(vault, user, passphrase, args, env);
    assert!(
        out.status.success(),
        "tether {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// Runs the `tether` CLI like [`tether`], its stdout a pipe whose reader is already gone (as in
/// `tether flags | head -1` once `head` has its line): every write to stdout fails.
pub fn tether_into_closed_pipe(
    vault: &Path,
    user: &str,
    passphrase: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut cmd = Command::new(workspace_binary("tether"));
    cmd.args(args)
        .env("TETHER_VAULT", vault)
        .env("TETHER_USER", user)
        .env("TETHER_PASSPHRASE", passphrase)
        .env_remove("TETHER_NEW_PASSPHRASE")
        .env_remove("TETHER_BACKUP_PASSPHRASE")
        .stdout(writer)
        .stderr(std::process::Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("tether runs")
}
