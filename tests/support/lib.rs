//! The `tether-tests` library: what the end-to-end tests (tests.rs and its modules) and the
//! benches share. Where the built binaries are, the `tether` CLI run as a process, the staff of
//! a test clinic, the [`Clinic`] fixture (a vault folder of its own), and release-CSV fixtures.

mod clinic;
mod reference;
mod release;
mod staff;
mod tether;

use std::path::PathBuf;

pub use clinic::Clinic;
pub use reference::python_reference;
pub use release::{october_21_ahead, RELEASE_HEADER};
pub use staff::{ADMIN, ADMIN_PASS, BACKUP_PASS, SECOND_VOLUNTEER, VOLUNTEER, VOLUNTEER_PASS};
pub use tether::{tether, tether_into_closed_pipe, tether_ok};

/// A binary built by this workspace, found next to the running test executable
/// (`target/<profile>/deps/tests-…` → `target/<profile>/<name>`), whatever CARGO_TARGET_DIR is.
pub fn workspace_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test executable lives in target/<profile>/deps");
    let path = profile_dir.join(name);
    assert!(
        path.exists(),
        "{} is not built: run `cargo build --workspace` first (make test does)",
        path.display()
    );
    path
}

/// The repository root (for fixtures and the UI build). `cargo test` sets CARGO_MANIFEST_DIR
/// when it runs the tests, and that is taken first: the compile-time value can belong to
/// another checkout that shared the target folder (cargo leaves workspace paths out of its
/// artifact hashes, so a clone built elsewhere with the same CARGO_TARGET_DIR is "fresh").
pub fn repo_root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.join("Cargo.toml").is_file())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .parent()
        .expect("tests/ sits in the repository root")
        .to_owned()
}
