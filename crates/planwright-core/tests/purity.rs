//! Purity guard: the domain core names no browser or UI crate.
//!
//! The core must build and test natively and stay usable from the CLI, so
//! it may not depend on the web app's crates. This test reads every `.rs`
//! file under `src/` and the crate's `Cargo.toml` and fails if any of them
//! names one. It matches the crate names as code and manifests spell them
//! (lower case, with `_` or `-`), so prose such as a capitalised product
//! name in a comment does not trip it. This file lives in `tests/`, outside
//! what it scans, so it may name them.

use std::fs;
use std::path::{Path, PathBuf};

/// Crate names the core must never mention.
const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "web-sys",
    "gloo",
    "wasm_bindgen",
    "wasm-bindgen",
    "js_sys",
    "js-sys",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Every `(line number, forbidden name)` in `text`.
fn mentions(text: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for name in FORBIDDEN {
            if line.contains(name) {
                found.push((i + 1, *name));
            }
        }
    }
    found
}

#[test]
fn core_names_no_web_crate() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.push(root.join("Cargo.toml"));
    assert!(
        files.len() > 10,
        "expected the core's sources, found {files:?}"
    );
    let mut problems = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        for (line, name) in mentions(&text) {
            let shown = file
                .strip_prefix(&root)
                .unwrap_or(file)
                .display()
                .to_string();
            problems.push(format!("{shown}:{line} names '{name}'"));
        }
    }
    assert!(
        problems.is_empty(),
        "the domain core must not depend on web crates; move this code to the web app:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_guard_catches_what_it_should() {
    assert_eq!(mentions("use leptos::prelude::*;"), [(1, "leptos")]);
    assert_eq!(
        mentions("fn f() {}\nlet w = web_sys::window();"),
        [(2, "web_sys")]
    );
    assert_eq!(mentions("gloo-storage = \"0.3\""), [(1, "gloo")]);
    assert_eq!(mentions("wasm-bindgen = \"0.2\""), [(1, "wasm-bindgen")]);
    assert_eq!(mentions("js_sys::Date::now()"), [(1, "js_sys")]);
    assert!(mentions("The Leptos app is a thin shell.").is_empty());
}
