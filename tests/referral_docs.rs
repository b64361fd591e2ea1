//! The Resolution Group and form pages in `docs/` against the code they
//! describe, so a page cannot silently fall behind: the lifecycle page's
//! state diagram is exactly `lifecycle::mermaid()`, and it names every
//! obligation id, section key, feature, risk and prior-process id, event
//! type and status; each form page names every field the form's valid
//! fixtures use and every problem code its fixtures produce.

mod common;

use common::pages::{fenced_blocks, read};

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use safeguarding_resolution::resolution_group::{Feature, PriorProcess, Risk, Section, lifecycle};
use serde_json::Value;

const LIFECYCLE_PAGE: &str = "docs/resolution-group.md";

/// The obligation ids of the lifecycle (CONTRACT section 4 and the
/// engine's `recorded` ids).
const OBLIGATIONS: [&str; 8] = [
    "members_notified",
    "special_attendees_invited",
    "risk_management_plan",
    "care_plan_revised",
    "actions_brought_back",
    "resources_confirmed",
    "progress_report",
    "learning_disseminated",
];

/// The response's statuses.
const STATUSES: [&str; 11] = [
    "incomplete",
    "ineligible",
    "awaiting_meeting",
    "scheduled",
    "returned",
    "presented",
    "actions_in_progress",
    "closed",
    "escalated",
    "declined",
    "withdrawn",
];

const FORMS: [&str; 3] = [
    "gscp-resolution-group-referral",
    "swindon-resolution-form",
    "nsscp-recording-form",
];

/// The names of `names` that `text` does not mention as `` `name` ``.
fn missing_code<'a>(text: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut missing: Vec<&str> = names
        .into_iter()
        .filter(|name| !text.contains(&format!("`{name}`")))
        .collect();
    missing.dedup();
    missing
}

/// The `.json` files of a form's fixture directory, sorted by file name.
fn form_fixtures(form: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("forms")
        .join(form);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
}

fn stem(path: &Path) -> &str {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("UTF-8 file name")
}

fn request(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: the fixture is not JSON: {e}", path.display()))
}

/// Every field path of `value` as the form pages write them: object keys
/// joined with `.`, list items as `[]` (`stages[].date_contact_made`).
fn field_paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.insert(path.clone());
                field_paths(child, &path, out);
            }
        }
        Value::Array(items) => {
            let path = format!("{prefix}[]");
            for item in items {
                field_paths(item, &path, out);
            }
        }
        _ => {}
    }
}

#[test]
fn lifecycle_page_shows_the_diagram_of_the_table() {
    let page = read(LIFECYCLE_PAGE);
    let blocks = fenced_blocks(&page, "mermaid");
    assert_eq!(
        blocks.len(),
        1,
        "{LIFECYCLE_PAGE} should have exactly one ```mermaid block (its State diagram), found {}",
        blocks.len()
    );
    assert!(
        page.contains("## State diagram"),
        "{LIFECYCLE_PAGE} has no \"State diagram\" section"
    );
    assert_eq!(
        blocks[0],
        lifecycle::mermaid(),
        "{LIFECYCLE_PAGE}: the state diagram has drifted from lifecycle::MOVES. Regenerate it \
         by printing safeguarding_resolution::resolution_group::lifecycle::mermaid() and paste \
         the output into the page's ```mermaid block, replacing the old diagram."
    );
}

#[test]
fn lifecycle_page_names_every_id() {
    let page = read(LIFECYCLE_PAGE);
    let checks: [(&str, Vec<&str>); 7] = [
        ("obligation ids", OBLIGATIONS.to_vec()),
        (
            "section keys",
            Section::ALL.iter().map(|s| s.key()).collect(),
        ),
        ("feature ids", Feature::ALL.iter().map(|f| f.id()).collect()),
        ("risk ids", Risk::ALL.iter().map(|r| r.id()).collect()),
        (
            "prior-process ids",
            PriorProcess::ALL.iter().map(|p| p.id()).collect(),
        ),
        (
            "event types",
            lifecycle::MOVES
                .iter()
                .map(|m| m.event.as_str())
                .chain(["recorded"])
                .collect(),
        ),
        ("statuses", STATUSES.to_vec()),
    ];
    for (what, ids) in checks {
        let missing = missing_code(&page, ids);
        assert!(
            missing.is_empty(),
            "{LIFECYCLE_PAGE} does not name these {what} (as `id`): {missing:?}"
        );
    }
}

#[test]
fn each_form_page_names_every_field_and_problem_code() {
    for form in FORMS {
        let path = format!("docs/forms/{form}.md");
        let page = read(&path);
        let mut fields = BTreeSet::new();
        let mut codes = BTreeSet::new();
        let mut valid_fixtures = 0;
        for fixture in form_fixtures(form) {
            let request = request(&fixture);
            let name = stem(&fixture);
            if name.contains("-valid-") {
                valid_fixtures += 1;
                field_paths(&request["data"], "", &mut fields);
            }
            let response: Value = serde_json::from_str(&safeguarding_resolution::validate_json(
                &request.to_string(),
            ))
            .expect("validate_json always returns JSON");
            for problem in response["problems"].as_array().into_iter().flatten() {
                if let Some(code) = problem["code"].as_str() {
                    codes.insert(code.to_string());
                }
            }
        }
        assert!(valid_fixtures > 0, "{form}: no NN-valid-... fixture");
        let missing_fields = missing_code(&page, fields.iter().map(String::as_str));
        assert!(
            missing_fields.is_empty(),
            "{path} does not name these fields of the valid fixtures (as `path`): {missing_fields:?}"
        );
        let missing_codes = missing_code(&page, codes.iter().map(String::as_str));
        assert!(
            missing_codes.is_empty(),
            "{path} does not name these problem codes its fixtures produce (as `code`): \
             {missing_codes:?}"
        );
    }
}

/// The row of a form page's Fields table for `field` (`| `field` | ...`).
fn field_row<'p>(page: &'p str, field: &str) -> Option<&'p str> {
    let opening = format!("| `{field}` |");
    page.lines().find(|line| line.starts_with(&opening))
}

/// Whether a row names `` `code` ``, itself or through the row it refers
/// to ("as `stages.2.agreed_outcomes`").
fn row_names_code(page: &str, row: &str, code: &str) -> bool {
    let code = format!("`{code}`");
    if row.contains(&code) {
        return true;
    }
    let last_cell = row.trim_end_matches('|').rsplit('|').next().unwrap_or("");
    let Some(rest) = last_cell.trim().strip_prefix("as `") else {
        return false;
    };
    let other = rest.split('`').next().unwrap_or("");
    field_row(page, other).is_some_and(|other_row| other_row.contains(&code))
}

/// A problem's field as the form pages write it: list indexes as `[]`.
fn page_path(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn each_form_page_gives_every_problem_code_on_its_fields_row() {
    for form in FORMS {
        let path = format!("docs/forms/{form}.md");
        let page = read(&path);
        let mut drift = BTreeSet::new();
        for fixture in form_fixtures(form) {
            let request = request(&fixture);
            let response: Value = serde_json::from_str(&safeguarding_resolution::validate_json(
                &request.to_string(),
            ))
            .expect("validate_json always returns JSON");
            for problem in response["problems"].as_array().into_iter().flatten() {
                let (Some(field), Some(code)) =
                    (problem["field"].as_str(), problem["code"].as_str())
                else {
                    continue;
                };
                let field = page_path(field);
                // `(data)` is described in the prose under the table.
                let Some(row) = field_row(&page, &field) else {
                    continue;
                };
                if !row_names_code(&page, row, code) {
                    drift.insert(format!("{field}: {code} ({})", stem(&fixture)));
                }
            }
        }
        assert!(
            drift.is_empty(),
            "{path}: these fields' rows do not name the problem code the validator gives \
             them: {drift:?}"
        );
    }
}
