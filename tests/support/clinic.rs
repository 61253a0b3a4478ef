//! The `Clinic` fixture: one clinic's machine, with the `tether` CLI run against its vault.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::{
    tether, tether_into_closed_pipe, tether_ok, ADMIN, ADMIN_PASS, RELEASE_HEADER, VOLUNTEER,
    VOLUNTEER_PASS,
};

/// A clinic's machine: a temp folder holding the vault folder (`vault/`, not created until
/// `init` or `restore`), a private temp folder for the processes (`tmp/`, searched for canaries)
/// and whatever files a test writes beside them. All of it is removed when the clinic drops.
#[derive(Debug)]
pub struct Clinic {
    root: tempfile::TempDir,
}

impl Clinic {
    /// A machine without a vault.
    pub fn empty() -> Self {
        let clinic = Clinic {
            root: tempfile::tempdir().expect("temp dir"),
        };
        fs::create_dir_all(clinic.tmp()).expect("private temp folder");
        clinic
    }

    /// A vault created by [`ADMIN`].
    pub fn with_admin() -> Self {
        let clinic = Clinic::empty();
        clinic.admin(&["init"]);
        clinic
    }

    /// A vault with [`ADMIN`] and the volunteer [`VOLUNTEER`].
    pub fn with_staff() -> Self {
        let clinic = Clinic::with_admin();
        clinic.add_volunteer(VOLUNTEER);
        clinic
    }

    /// The folder that holds the vault and the files a test writes.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn vault(&self) -> PathBuf {
        self.root().join("vault")
    }

    /// The processes' temp folder (`TMPDIR`).
    pub fn tmp(&self) -> PathBuf {
        self.root().join("tmp")
    }

    /// A file beside the vault (not created).
    pub fn path(&self, name: &str) -> PathBuf {
        self.root().join(name)
    }

    /// Writes a file beside the vault; returns its path.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, contents).expect("write fixture");
        path
    }

    /// Runs `tether` signed in as `user`. The process's temp files go to this clinic's own
    /// folder, where the confidentiality tests look for clear data.
    pub fn run(&self, user: &str, pass: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
        let tmp = self.tmp();
        let tmp = tmp.to_str().expect("utf-8 temp path");
        tether(&self.vault(), user, pass, args, &with_tmpdir(tmp, env))
    }

    /// Runs `tether` with its stdout a pipe nobody reads any more (`tether … | head -1` after
    /// `head` has gone).
    pub fn run_into_closed_pipe(&self, user: &str, pass: &str, args: &[&str]) -> Output {
        let tmp = self.tmp();
        let tmp = tmp.to_str().expect("utf-8 temp path");
        tether_into_closed_pipe(&self.vault(), user, pass, args, &with_tmpdir(tmp, &[]))
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, user: &str, pass: &str, args: &[&str], env: &[(&str, &str)]) -> String {
        let tmp = self.tmp();
        let tmp = tmp.to_str().expect("utf-8 temp path");
        tether_ok(&self.vault(), user, pass, args, &with_tmpdir(tmp, env))
    }

    /// Runs and expects failure with `code`; returns the one-line stderr.
    pub fn fails(
        &self,
        user: &str,
        pass: &str,
        args: &[&str],
        env: &[(&str, &str)],
        code: i32,
    ) -> String {
        let out = self.run(user, pass, args, env);
        let stderr = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert_eq!(
            out.status.code(),
            Some(code),
            "tether {args:?}: expected exit {code}, got {:?}: {stderr}",
            out.status.code()
        );
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "one-line error: {stderr:?}"
        );
        stderr
    }

    /// Runs and expects success with JSON on stdout.
    pub fn json(&self, user: &str, pass: &str, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(user, pass, args, &[])).expect("valid JSON")
    }

    /// [`Clinic::ok`] as [`ADMIN`], without extra environment.
    pub fn admin(&self, args: &[&str]) -> String {
        self.ok(ADMIN, ADMIN_PASS, args, &[])
    }

    /// [`Clinic::json`] as [`ADMIN`].
    pub fn admin_json(&self, args: &[&str]) -> Value {
        self.json(ADMIN, ADMIN_PASS, args)
    }

    /// [`Clinic::json`] as [`VOLUNTEER`].
    pub fn volunteer_json(&self, args: &[&str]) -> Value {
        self.json(VOLUNTEER, VOLUNTEER_PASS, args)
    }

    /// Adds a volunteer with [`VOLUNTEER_PASS`], as [`ADMIN`].
    pub fn add_volunteer(&self, name: &str) {
        self.ok(
            ADMIN,
            ADMIN_PASS,
            &["user", "add", name, "--role", "volunteer"],
            &[("TETHER_NEW_PASSPHRASE", VOLUNTEER_PASS)],
        );
    }

    /// The whole audit log, newest first, as [`ADMIN`] sees it.
    pub fn audit(&self) -> Vec<Value> {
        let log = self.admin_json(&["audit", "log", "--json", "--limit", "10000"]);
        log.as_array().expect("audit log is a list").clone()
    }

    /// Imports release rows (CSV lines without the header) as [`ADMIN`], from `releases.csv`
    /// beside the vault.
    pub fn import<S: AsRef<str>>(&self, rows: &[S]) {
        let rows: Vec<&str> = rows.iter().map(AsRef::as_ref).collect();
        let path = self.write(
            "releases.csv",
            &format!("{RELEASE_HEADER}\n{}\n", rows.join("\n")),
        );
        self.admin(&["import", path.to_str().expect("utf-8 path")]);
    }
}

/// `env` with `TMPDIR` first, so a test may still set its own.
fn with_tmpdir<'a>(tmp: &'a str, env: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![("TMPDIR", tmp)];
    all.extend_from_slice(env);
    all
}
