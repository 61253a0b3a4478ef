//! The fonts the app sees: those of a fresh machine, always.
//!
//! A fresh machine set up by `make deps` has one font package, fonts-dejavu-core; the UI ships
//! its own fonts as web fonts, which WebKit loads from the app and not through fontconfig. A
//! developer's machine or a CI image often has many more (fonts-dejavu-extra, Noto, Liberation
//! …), and wider or narrower glyphs move buttons and wrap labels: a test could pass there and
//! the window be broken on a clinic's new laptop. So every window test runs with a fontconfig
//! that offers only the files of fonts-dejavu-core. Doing it always, not on request, means CI
//! and every developer test what a clinic gets, and a font-caused failure reads the same
//! everywhere. `TETHER_FRESH_FONTS=0` gives the app the machine's own fonts instead, to tell
//! whether a failure comes from the fonts.

use std::fs;
use std::path::{Path, PathBuf};

use super::TestResult;

/// Where Debian and Ubuntu install DejaVu.
const DEJAVU_DIR: &str = "/usr/share/fonts/truetype/dejavu";

/// The files of fonts-dejavu-core (`dpkg -L fonts-dejavu-core`). fonts-dejavu-extra installs
/// into the same folder, so the folder alone would say too much.
const DEJAVU_CORE: [&str; 6] = [
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSansMono.ttf",
    "DejaVuSansMono-Bold.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
];

/// Writes `<home>/fontconfig/fonts.conf` for a fresh machine's fonts and returns its path, for
/// the app's FONTCONFIG_FILE; `None` when `TETHER_FRESH_FONTS=0` asks for the machine's fonts.
pub fn fresh_machine_fonts(home: &Path) -> TestResult<Option<PathBuf>> {
    if std::env::var("TETHER_FRESH_FONTS").as_deref() == Ok("0") {
        return Ok(None);
    }
    let sans = Path::new(DEJAVU_DIR).join(DEJAVU_CORE[0]);
    if !sans.exists() {
        return Err(format!(
            "{} is missing: install fonts-dejavu-core (`make deps`), the one font a fresh \
             machine has, or run with TETHER_FRESH_FONTS=0",
            sans.display()
        ));
    }
    let dir = home.join("fontconfig");
    fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let path = dir.join("fonts.conf");
    fs::write(&path, fonts_conf(&dir.join("cache")))
        .map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(Some(path))
}

/// The configuration. Only `<dir>` would not do: without the system's rules (conf.d) fontconfig
/// knows no generic families, and `sans-serif` came out as "DejaVu Math TeX Gyre". So the
/// system's rules are included (generic families, hinting, antialiasing, as on any machine),
/// and `selectfont` keeps only DejaVu core of whatever folders those rules add. The cache is
/// the test's own, so nothing is written into the machine's font cache.
fn fonts_conf(cache: &Path) -> String {
    let accepted: String = DEJAVU_CORE
        .iter()
        .map(|file| format!("      <glob>{DEJAVU_DIR}/{file}</glob>\n"))
        .collect();
    format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by the Tether WebDriver harness: the fonts of a fresh machine (fonts-dejavu-core). -->
<fontconfig>
  <dir>{DEJAVU_DIR}</dir>
  <cachedir>{cache}</cachedir>
  <selectfont>
    <acceptfont>
{accepted}    </acceptfont>
    <rejectfont>
      <glob>*</glob>
    </rejectfont>
  </selectfont>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
"#,
        cache = cache.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// fontconfig, asked through this configuration, knows DejaVu core and nothing else, and
    /// finds DejaVu Sans for the UI's generic family.
    #[test]
    fn the_fresh_machine_has_dejavu_core_only() -> TestResult {
        let home = super::super::temp_home()?;
        let Some(config) = fresh_machine_fonts(home.path())? else {
            return Ok(()); // TETHER_FRESH_FONTS=0: nothing to check
        };
        let fc = |args: &[&str]| -> TestResult<String> {
            let out = std::process::Command::new(args[0])
                .args(&args[1..])
                .env("FONTCONFIG_FILE", &config)
                .output()
                .map_err(|e| format!("running {}: {e}", args[0]))?;
            String::from_utf8(out.stdout).map_err(|e| format!("{} output: {e}", args[0]))
        };
        // fontconfig's tools come with the `fontconfig` package, which the app does not need.
        if std::process::Command::new("fc-list")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("fc-list is not installed: the font configuration is not checked");
            return Ok(());
        }
        let mut files: Vec<String> = fc(&["fc-list", "--format", "%{file}\n"])?
            .lines()
            .map(str::to_owned)
            .collect();
        files.sort();
        let mut expected: Vec<String> = DEJAVU_CORE
            .iter()
            .map(|file| format!("{DEJAVU_DIR}/{file}"))
            .collect();
        expected.sort();
        assert_eq!(files, expected, "the fonts fontconfig offers the app");
        let sans = fc(&["fc-match", "--format", "%{family}", "sans-serif"])?;
        assert_eq!(sans, "DejaVu Sans", "the font for sans-serif");
        Ok(())
    }
}
