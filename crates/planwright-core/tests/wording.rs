//! No "(s)" plurals in anything a person reads: every string literal in the
//! sources of the core, the CLI and the web app, the page shell, and every
//! golden output. Counts are written with `text::plural`, `text::counted`,
//! `text::agree` and friends instead ("1 task", "2 tasks").
//!
//! Pins issue 11's "4 thing(s)" and "0 error(s)" messages, so they cannot
//! come back.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir` whose name ends with `ext`.
fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.to_string_lossy().ends_with(ext) {
            out.push(path);
        }
    }
}

/// The string literals of Rust source, each with the line it starts on.
/// Comments are skipped; char literals such as `'"'` do not open a string;
/// raw strings (`r#"…"#`) are read to their own end.
fn string_literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < chars.len() {
                    match (chars[i], chars.get(i + 1).copied()) {
                        ('/', Some('*')) => {
                            depth += 1;
                            i += 2;
                        }
                        ('*', Some('/')) => {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        ('\n', _) => {
                            line += 1;
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
            }
            '\'' => {
                // A char literal ('x', '\n', '"'); otherwise a lifetime.
                if next == Some('\\') {
                    // Past the quote, the backslash and the escaped char.
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            'r' if (i == 0
                || !ident(chars[i - 1])
                || (chars[i - 1] == 'b' && (i < 2 || !ident(chars[i - 2]))))
                && matches!(next, Some('"') | Some('#')) =>
            {
                let mut hashes = 0;
                let mut j = i + 1;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let start = line;
                let mut text = String::new();
                j += 1;
                while j < chars.len() {
                    if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    text.push(chars[j]);
                    j += 1;
                }
                out.push((start, text));
                i = j;
            }
            '"' => {
                let start = line;
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        text.push(chars[i]);
                        i += 1;
                    }
                    if let Some(&ch) = chars.get(i) {
                        if ch == '\n' {
                            line += 1;
                        }
                        text.push(ch);
                    }
                    i += 1;
                }
                i += 1;
                out.push((start, text));
            }
            _ => i += 1,
        }
    }
    out
}

#[test]
fn the_scanner_finds_literals_and_only_literals() {
    let source = "let s = Some(s); // a comment with \"x(s)\"\n/* \"y(s)\" */\n\
                  let q = '\"'; let e = '\\''; let l: &'a str = \"one\";\nlet r = r#\"two \"(s)\" \"#;\n\
                  let t = \"es\\\"caped\";";
    let found: Vec<(usize, String)> = string_literals(source);
    assert_eq!(
        found,
        vec![
            (3, "one".to_string()),
            (4, "two \"(s)\" ".to_string()),
            (5, "es\\\"caped".to_string())
        ]
    );
}

#[test]
fn no_text_a_person_reads_says_s_in_brackets() {
    let root = workspace();
    let mut sources = Vec::new();
    for dir in [
        "crates/planwright-core/src",
        "crates/planwright-cli/src",
        "src",
    ] {
        files(&root.join(dir), ".rs", &mut sources);
    }
    assert!(
        sources.len() > 50,
        "found only {} source files under {}",
        sources.len(),
        root.display()
    );
    let mut found = Vec::new();
    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for (line, literal) in string_literals(&text) {
            if literal.contains("(s)") {
                found.push(format!("{}:{line}: {literal:?}", path.display()));
            }
        }
    }
    let mut outputs = vec![root.join("index.html")];
    files(
        &root.join("crates/planwright-core/tests/golden"),
        "",
        &mut outputs,
    );
    for path in &outputs {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if line.contains("(s)") {
                found.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "write counts with text::plural (\"1 task\", \"2 tasks\") instead of \"(s)\":\n{}",
        found.join("\n")
    );
}
