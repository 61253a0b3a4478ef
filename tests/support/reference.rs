//! Independent implementations the tests check Tether against: Debian's Python packages
//! (`python3-phonenumbers`, `python3-icalendar`), run with the system's /usr/bin/python3.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The system interpreter the Debian packages install into (not a pyenv or venv shim).
const PYTHON: &str = "/usr/bin/python3";

/// Runs `script` with /usr/bin/python3, `stdin` on its standard input; returns its stdout.
///
/// `None` (after saying why on stderr) when the interpreter or `module` is missing and
/// `TETHER_REQUIRE_REFERENCE` is unset, so a developer without the package sees the skip;
/// with `TETHER_REQUIRE_REFERENCE` set (CI installs the packages) a missing module fails.
pub fn python_reference(module: &str, package: &str, script: &str, stdin: &str) -> Option<String> {
    let has_module = Path::new(PYTHON).exists()
        && Command::new(PYTHON)
            .args(["-c", &format!("import {module}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if !has_module {
        let required = std::env::var_os("TETHER_REQUIRE_REFERENCE").is_some();
        assert!(
            !required,
            "{PYTHON} cannot import {module}: install Debian's {package} (make system-deps does)"
        );
        eprintln!(
            "SKIPPED: {PYTHON} cannot import {module} (install Debian's {package}, or set \
             TETHER_REQUIRE_REFERENCE=1 to make this a failure)"
        );
        return None;
    }
    let mut child = Command::new(PYTHON)
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    child
        .stdin
        .take()
        .expect("stdin piped")
        .write_all(stdin.as_bytes())
        .expect("write to python3");
    let out = child.wait_with_output().expect("python3 ends");
    assert!(
        out.status.success(),
        "the reference script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("utf-8 from python3"))
}
