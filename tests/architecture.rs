//! The house's layers (ARCHITECTURE.md): each module of the crate imports
//! only the modules below it, so there is no circle and no arrow back up.
//!
//! The picture, from the ground up:
//!
//! ```text
//! face       lib.rs, testing              the crate's face; the authors' kit
//! engine     engine                       Engine: evaluate, validate, sweep
//! wire       json                         the contract's documents: read, write
//! processes  forms > resolution_group > policy > serious_incident
//! terms      terms                        deadlines, clauses, duties, texts
//! calendar   calendar                     working days, GOV.UK reader, UK time
//! ground     door > place > limits, names limits, paths, the door
//! ```
//!
//! The test reads every source file of `src/` (test modules aside), finds
//! each `crate::<module>` it names outside comments, and checks the arrow
//! against the table below.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each module and the modules it may import: the layers from the ground
/// up, each taking every module below it.
fn allowed() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let layers: [&[&str]; 11] = [
        &["limits", "names"],
        &["place"],
        &["door"],
        &["calendar"],
        // What every process answers in: deadlines, clauses, duties, texts.
        &["terms"],
        // The processes, each above those it uses: the work tray of
        // `policy` holds serious incidents' clocks, a referral may link an
        // escalation case, a form a referral's sections.
        &["serious_incident"],
        &["policy"],
        &["resolution_group"],
        &["forms"],
        &["json"],
        &["engine"],
    ];
    let mut table = BTreeMap::new();
    let mut below: BTreeSet<&'static str> = BTreeSet::new();
    for layer in layers {
        for &module in layer {
            table.insert(module, below.clone());
        }
        below.extend(layer.iter().copied());
    }
    // The policy authors' kit checks a definition through the whole
    // library, an engine included: it stands beside the crate's face.
    table.insert("testing", below.clone());
    below.insert("testing");
    table.insert("lib", below);
    table
}

/// The top-level module a file of `src/` belongs to.
fn module_of(relative: &Path) -> String {
    let mut parts = relative.components();
    let first = parts
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

/// The source without comments, and without the test modules that follow
/// `#[cfg(test)]` at the end of a file.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names as `crate::<module>`,
/// including those inside `crate::{a::X, b}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            // The names at depth 0 of the group.
            let mut depth = 0;
            let mut name = String::new();
            let mut at_start = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => at_start = true,
                    c if at_start && (c.is_ascii_alphanumeric() || c == '_') => name.push(c),
                    c if at_start && !name.is_empty() && !c.is_whitespace() || c == ':' => {
                        if !name.is_empty() {
                            found.insert(std::mem::take(&mut name));
                        }
                        at_start = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                found.insert(name);
            }
        } else {
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
        rest = &rest[at + "crate::".len()..];
    }
    found
}

fn source_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// Files that hold only tests (`tests.rs`, `*_tests.rs`): they may look
/// anywhere.
fn is_test_file(path: &Path) -> bool {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    name == "tests" || name.ends_with("_tests")
}

#[test]
fn no_module_imports_one_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed = allowed();
    let mut files = Vec::new();
    source_files(&root, &mut files);
    files.sort();
    let mut arrows_up = Vec::new();
    for file in &files {
        if is_test_file(file) {
            continue;
        }
        let relative = file.strip_prefix(&root).unwrap();
        let module = module_of(relative);
        let Some(below) = allowed.get(module.as_str()) else {
            arrows_up.push(format!(
                "{}: module `{module}` has no place in the layers (tests/architecture.rs)",
                relative.display()
            ));
            continue;
        };
        let code = code_of(&fs::read_to_string(file).unwrap());
        for named in named_modules(&code) {
            if named == module || !allowed.contains_key(named.as_str()) {
                continue;
            }
            if !below.contains(named.as_str()) {
                arrows_up.push(format!(
                    "{} (`{module}`) imports `{named}`, which is not below it",
                    relative.display()
                ));
            }
        }
    }
    assert!(arrows_up.is_empty(), "{}", arrows_up.join("\n"));
}

#[test]
fn the_layers_have_no_circle() {
    // The table itself: a module may not reach itself through the modules
    // it may import.
    let allowed = allowed();
    for (&module, below) in &allowed {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&str> = below.iter().copied().collect();
        while let Some(next) = stack.pop() {
            assert_ne!(next, module, "`{module}` reaches itself");
            if seen.insert(next) {
                stack.extend(allowed[next].iter().copied());
            }
        }
    }
}

#[test]
fn the_scanner_finds_grouped_and_plain_paths() {
    let code = "use crate::calendar::Calendar;\nuse crate::{policy::Due, limits};\nlet x = crate::door::read(t);";
    let found = named_modules(code);
    let expected: BTreeSet<String> = ["calendar", "policy", "limits", "door"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
    assert!(named_modules(&code_of("// crate::engine in a comment")).is_empty());
}
