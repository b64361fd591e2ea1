//! The request fixtures under `fixtures/`, found as `tests/*_fixtures.rs`
//! find them: every `fixtures/<policy-id>/*.json` is an `evaluate_json`
//! request, every `fixtures/forms/<form-id>/*.json` a `validate_json` one.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The policy ids with a fixture directory of `evaluate_json` requests.
pub const POLICIES: [&str; 5] = [
    "gscp-escalation-2021",
    "swindon-resolution-2026",
    "nsscp-issue-resolution-2025",
    "gscp-resolution-group-2021",
    "gscp-serious-incident-2021",
];

/// The form ids with a fixture directory of `validate_json` requests.
pub const FORMS: [&str; 3] = [
    "gscp-resolution-group-referral",
    "swindon-resolution-form",
    "nsscp-recording-form",
];

/// The `.json` files of a directory, sorted by file name.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
}

/// The fixtures of `fixtures/<policy>/` (at least `min` of them), each
/// evaluated: `(file stem, response)`. A fixture with `invalid` in its name
/// must be refused with an `{"error"}` document; every other must be
/// answered with a status of that policy.
pub fn evaluated(root: &Path, policy: &str, min: usize) -> Vec<(String, Value)> {
    let files = json_files(&root.join("fixtures").join(policy));
    assert!(
        files.len() >= min,
        "fixtures/{policy} has {} fixtures, expected at least {min}",
        files.len()
    );
    files
        .into_iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 file name")
                .to_string();
            let request = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let response = safeguarding_resolution::evaluate_json(&request);
            let value: Value = serde_json::from_str(&response).unwrap_or_else(|e| {
                panic!("{policy}/{stem}: response is not JSON ({e}): {response}")
            });
            if stem.contains("invalid") {
                assert!(
                    value["error"].is_object(),
                    "{policy}/{stem}: expected an error document, got {response}"
                );
            } else {
                assert!(
                    value["status"].is_string(),
                    "{policy}/{stem}: expected a status, got {response}"
                );
                assert_eq!(
                    value["policy"], policy,
                    "{policy}/{stem}: fixture is filed under the wrong policy"
                );
            }
            (stem, value)
        })
        .collect()
}

/// The `.json` files of a directory, sorted by name, each read and parsed.
fn read_dir(dir: &Path) -> Vec<(PathBuf, Value)> {
    json_files(dir)
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
            (path, value)
        })
        .collect()
}

/// Every `evaluate_json` request fixture under `root/fixtures`.
pub fn requests(root: &Path) -> Vec<(PathBuf, Value)> {
    POLICIES
        .iter()
        .flat_map(|policy| read_dir(&root.join("fixtures").join(policy)))
        .collect()
}

/// Every `validate_json` request fixture under `root/fixtures/forms`.
pub fn forms(root: &Path) -> Vec<(PathBuf, Value)> {
    FORMS
        .iter()
        .flat_map(|form| read_dir(&root.join("fixtures").join("forms").join(form)))
        .collect()
}

/// A string field of a response, or `?`.
pub fn text(value: &Value) -> &str {
    value.as_str().unwrap_or("?")
}

/// The first line of a snapshot's account for an error document
/// (`Error <code> at events[i]: <message>`), or `None` for an answer.
pub fn error_account(response: &Value) -> Option<String> {
    let error = response.get("error")?;
    let at = match error["event_index"].as_u64() {
        Some(index) => format!(" at events[{index}]"),
        None => String::new(),
    };
    Some(format!(
        "Error {}{at}: {}",
        text(&error["code"]),
        text(&error["message"])
    ))
}

/// The request fixtures of the built-in escalation policies, each with its
/// policy.
pub fn escalation_requests(
    root: &Path,
) -> Vec<(PathBuf, Value, safeguarding_resolution::policy::PolicyId)> {
    requests(root)
        .into_iter()
        .filter_map(|(path, request)| {
            let id = request["policy"].as_str()?.parse().ok()?;
            Some((path, request, id))
        })
        .collect()
}
