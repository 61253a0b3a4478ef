//! The .deb `make package` builds, as a clinic's IT gets it: unpacked (`dpkg-deb -x`) into a
//! temp folder, it holds both programs, the desktop entry and the icons; `tether --version`
//! runs from there, and the app the desktop entry starts opens its first-run screen.
//!
//! `make test` builds the package first and sets `TETHER_DEB` (and `TETHER_REQUIRE_PACKAGE=1`,
//! so a missing package fails instead of skipping). A plain `cargo test` skips it.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::harness::{save_screenshot_if_asked, temp_home, App, TestResult, SCREEN_TIMEOUT};

fn package() -> TestResult<Option<PathBuf>> {
    match std::env::var_os("TETHER_DEB") {
        Some(path) if Path::new(&path).is_file() => Ok(Some(PathBuf::from(path))),
        Some(path) => Err(format!(
            "TETHER_DEB={} is not a file",
            PathBuf::from(path).display()
        )),
        None if std::env::var("TETHER_REQUIRE_PACKAGE").as_deref() == Ok("1") => {
            Err("TETHER_REQUIRE_PACKAGE=1 but TETHER_DEB is not set: run `make package`".into())
        }
        None => {
            eprintln!("skipped: no TETHER_DEB (make test builds the package and sets it)");
            Ok(None)
        }
    }
}

fn run(program: &Path, args: &[&str]) -> TestResult<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("running {}: {e}", program.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{} {args:?} failed ({}): {}",
            program.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The `Exec=` program of the desktop entry, without field codes (`%U`).
fn exec_of(entry: &str) -> Option<&str> {
    entry
        .lines()
        .find_map(|l| l.strip_prefix("Exec="))
        .and_then(|exec| exec.split_whitespace().next())
}

#[test]
fn the_deb_unpacks_into_a_working_cli_and_desktop_app() -> TestResult {
    let Some(deb) = package()? else {
        return Ok(());
    };
    let temp = temp_home()?;
    let root = temp.path().join("unpacked");
    run(
        Path::new("dpkg-deb"),
        &["-x", &deb.to_string_lossy(), &root.to_string_lossy()],
    )?;

    let fields = run(
        Path::new("dpkg-deb"),
        &[
            "--field",
            &deb.to_string_lossy(),
            "Package",
            "Version",
            "Depends",
        ],
    )?;
    assert!(fields.contains("Package: tether"), "{fields}");
    assert!(fields.contains("libwebkit2gtk-4.1-0"), "{fields}");

    let cli = root.join("usr/bin/tether");
    let version = run(&cli, &["--version"])?;
    assert_eq!(
        version.trim(),
        format!("tether {}", env!("CARGO_PKG_VERSION")),
        "{version}"
    );

    let entry_path = root.join("usr/share/applications/Tether.desktop");
    let entry = std::fs::read_to_string(&entry_path)
        .map_err(|e| format!("reading {}: {e}", entry_path.display()))?;
    assert!(entry.contains("Name=Tether"), "{entry}");
    assert!(entry.contains("Categories=Office"), "{entry}");
    let exec = exec_of(&entry).ok_or_else(|| format!("no Exec= in {entry}"))?;
    let icon_line = entry
        .lines()
        .find_map(|l| l.strip_prefix("Icon="))
        .ok_or_else(|| format!("no Icon= in {entry}"))?;
    let icon = root.join(format!(
        "usr/share/icons/hicolor/128x128/apps/{icon_line}.png"
    ));
    assert!(icon.is_file(), "{} is missing", icon.display());

    // The program the desktop entry starts (on the PATH once installed: usr/bin here).
    let app = root.join("usr/bin").join(exec);
    assert!(app.is_file(), "{} is missing", app.display());
    let vault = temp.path().join("vault");
    let window = App::start_binary(temp.path(), &vault, &app)?;
    window
        .session
        .wait_for("screen-first-run", SCREEN_TIMEOUT)?;
    save_screenshot_if_asked(&window.session, "packaged-first-run.png")?;
    // A release build: no inspector, whatever the build machine had.
    window.close()
}
