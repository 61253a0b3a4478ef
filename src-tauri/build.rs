//! Declares the app's commands to tauri-build (which writes their permissions) and refuses,
//! with a sentence saying what to run, to build without the window's files.

use std::path::Path;

// `COMMAND_NAMES`: the one list, shared with the crate (see src/command_names.rs).
include!("src/command_names.rs");

/// Where tauri.conf.json's `frontendDist` points, relative to this crate.
const FRONTEND_DIST: &str = "../ui/dist";

fn main() {
    // Without this, `tauri::generate_context!` panics deep in a macro ("frontendDist
    // ../ui/dist doesn't exist"), which does not say that the UI has to be built first.
    // Only a build that embeds the files needs them (the `custom-protocol` feature, on by
    // default); a dev build loads them from the Vite dev server instead.
    let index = Path::new(FRONTEND_DIST).join("index.html");
    println!("cargo::rerun-if-changed={}", index.display());
    if std::env::var_os("CARGO_FEATURE_CUSTOM_PROTOCOL").is_some() && !index.is_file() {
        println!(
            "cargo::error=the window's files are not built (ui/dist/index.html is missing): \
             run `make build` from the repository root, or `make ui` and then cargo again"
        );
        return;
    }
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES)),
    )
    .expect("tauri build configuration is valid");
}
