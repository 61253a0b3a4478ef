//! ARCHITECTURE.md's code map stays true: every path it names exists, and every crate and
//! top-level folder of the repository is in it.

use std::collections::BTreeSet;
use std::path::Path;

use tether_tests::repo_root;

/// The fenced block under "## Code map".
fn code_map(architecture: &str) -> &str {
    let start = architecture
        .find("## Code map")
        .expect("ARCHITECTURE.md has a code map");
    let rest = &architecture[start..];
    let open = rest.find("```\n").expect("the code map is a fenced block") + 4;
    let close = rest[open..].find("```").expect("the code map's block ends") + open;
    &rest[open..close]
}

/// Paths the map names: the first word of a line (after its indentation), joined to the last
/// less-indented entry that ends in `/`, plus further `a, b, c` lists of file names.
fn named_paths(map: &str) -> Vec<String> {
    let mut parents: Vec<(usize, String)> = Vec::new();
    let mut paths = Vec::new();
    for line in map.lines() {
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        // Continuation lines of a description are indented far beyond any entry.
        if body.is_empty() || indent >= 20 {
            continue;
        }
        let entry = body.split("  ").next().unwrap_or("").trim();
        let entry = entry.trim_end_matches(" ⟂");
        while parents.last().is_some_and(|(i, _)| *i >= indent) {
            parents.pop();
        }
        let base = parents.last().map(|(_, p)| p.clone()).unwrap_or_default();
        let mut dir_of_first = base.clone();
        for (n, item) in entry.split(", ").enumerate() {
            let item = item.trim().trim_end_matches(',');
            if item.is_empty() {
                continue;
            }
            // "a/b.rs, c.rs": later names sit beside the first one.
            let full = if n == 0 {
                format!("{base}{item}")
            } else {
                format!("{dir_of_first}{item}")
            };
            if n == 0 {
                let trimmed = full.trim_end_matches('/');
                dir_of_first = match trimmed.rfind('/') {
                    Some(i) => trimmed[..=i].to_owned(),
                    None => String::new(),
                };
            }
            paths.push(full);
        }
        if entry.ends_with('/') && !entry.contains(", ") {
            parents.push((indent, format!("{base}{entry}")));
        }
    }
    paths
}

#[test]
fn every_path_in_the_code_map_exists_and_every_crate_and_folder_is_in_it() {
    let root = repo_root();
    let architecture =
        std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md is readable");
    let paths = named_paths(code_map(&architecture));
    assert!(paths.len() > 40, "the code map names its files: {paths:?}");

    let missing: Vec<&String> = paths
        .iter()
        .filter(|p| !root.join(p.trim_end_matches('/')).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "the code map names paths that do not exist: {missing:?}"
    );

    let named: BTreeSet<&str> = paths.iter().map(|p| p.trim_end_matches('/')).collect();
    let mut unlisted = Vec::new();
    for entry in std::fs::read_dir(&root).expect("the repository root is readable") {
        let entry = entry.expect("a root entry");
        let folder = entry.file_name().to_string_lossy().into_owned();
        // Hidden folders other than .ci are tooling (.git); target/ is a build's, not ours.
        let ours = !(folder.starts_with('.') && folder != ".ci") && folder != "target";
        if ours
            && entry.path().is_dir()
            && !named
                .iter()
                .any(|p| *p == folder || p.starts_with(&format!("{folder}/")))
        {
            unlisted.push(folder);
        }
    }
    for entry in std::fs::read_dir(root.join("crates")).expect("crates/ is readable") {
        let name = format!(
            "crates/{}",
            entry
                .expect("a crates/ entry")
                .file_name()
                .to_string_lossy()
        );
        if Path::new(&root.join(&name).join("Cargo.toml")).exists()
            && !named.contains(name.as_str())
        {
            unlisted.push(name);
        }
    }
    assert!(
        unlisted.is_empty(),
        "missing from the code map: {unlisted:?}"
    );
}
