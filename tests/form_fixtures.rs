//! Form fixtures: every `fixtures/forms/<form-id>/*.json` is a
//! `validate_json` request; its snapshot is the pretty response.
//!
//! Fixtures named `NN-valid-...` must be valid (warnings allowed); every
//! other fixture must report at least one problem, except the few in
//! [`KNOWN_GAPS`], where the validator accepts data it should not (see each
//! entry). Whatever the fixture, no problem or warning message may repeat a
//! value of the form's data: forms carry personal data.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use safeguarding_resolution::resolution_group::{Feature, PriorProcess, Risk, Section};
use serde_json::Value;

const FORMS: [&str; 3] = [
    "gscp-resolution-group-referral",
    "swindon-resolution-form",
    "nsscp-recording-form",
];

/// Fixtures the validator accepts although the source says they are
/// incomplete: `(form, fixture stem, why)`. When the library is fixed the
/// test fails here; move the fixture's expectation then.
const KNOWN_GAPS: [(&str, &str, &str); 0] = [];

/// The problem codes `forms::Problem` documents.
const CODES: [&str; 14] = [
    "missing",
    "blank",
    "wrong_type",
    "unknown_field",
    "unknown_value",
    "invalid_date",
    "impossible_date",
    "not_a_date",
    "out_of_range",
    "out_of_order",
    "duplicate",
    "after_stage_clock",
    "inconsistent",
    "must_be_true",
];

/// The shortest string value checked for echoes (shorter ones, such as
/// "A", occur in ordinary words).
const MIN_ECHO_LEN: usize = 4;

/// The `.json` files of a form's fixture directory, sorted by file name.
fn fixtures(form: &str) -> Vec<PathBuf> {
    common::fixtures::json_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join("forms")
            .join(form),
    )
}

/// Words the paper forms print themselves, which messages quote: the
/// Recording Form's "(Actual date not ASAP)".
const FORM_WORDS: [&str; 1] = ["ASAP"];

/// The forms' own words, not personal data: the ids of the referral's closed
/// vocabularies (listed by `unknown_value` messages on purpose) and
/// [`FORM_WORDS`].
fn vocabulary() -> BTreeSet<&'static str> {
    let mut ids = BTreeSet::from(FORM_WORDS);
    ids.extend(Feature::ALL.iter().map(|f| f.id()));
    ids.extend(Risk::ALL.iter().map(|r| r.id()));
    ids.extend(PriorProcess::ALL.iter().map(|p| p.id()));
    ids.extend(Section::ALL.iter().map(|s| s.key()));
    ids
}

/// Every string value in `value`, at any depth.
fn strings<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn form_fixtures() {
    let vocabulary = vocabulary();
    for form in FORMS {
        let files = fixtures(form);
        let mut valid_seen = 0;
        let mut invalid_seen = 0;
        for path in files {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 file name")
                .to_string();
            let request = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let request_value: Value = serde_json::from_str(&request)
                .unwrap_or_else(|e| panic!("{form}/{stem}: the fixture is not JSON: {e}"));
            assert_eq!(
                request_value["form"], form,
                "{form}/{stem}: fixture is filed under the wrong form"
            );
            let response = safeguarding_resolution::validate_json(&request);
            let value: Value = serde_json::from_str(&response).unwrap_or_else(|e| {
                panic!("{form}/{stem}: response is not JSON ({e}): {response}")
            });
            let valid = value["valid"]
                .as_bool()
                .unwrap_or_else(|| panic!("{form}/{stem}: expected a validation, got {response}"));
            let problems = value["problems"]
                .as_array()
                .unwrap_or_else(|| panic!("{form}/{stem}: no problems list in {response}"));
            assert_eq!(
                valid,
                problems.is_empty(),
                "{form}/{stem}: `valid` disagrees with the problems listed"
            );
            let gap = KNOWN_GAPS.iter().find(|(f, s, _)| *f == form && *s == stem);
            if stem.contains("-valid-") {
                valid_seen += 1;
                assert!(valid, "{form}/{stem}: expected valid, got {response}");
            } else if let Some((_, _, why)) = gap {
                assert!(
                    valid,
                    "{form}/{stem}: the validator now reports this known gap ({why}); \
                     remove it from KNOWN_GAPS and update its snapshot"
                );
            } else {
                invalid_seen += 1;
                assert!(!valid, "{form}/{stem}: expected problems, got {response}");
            }
            let mut given = Vec::new();
            strings(&request_value["data"], &mut given);
            let given: Vec<&str> = given
                .into_iter()
                .filter(|s| s.chars().count() >= MIN_ECHO_LEN)
                // Values made only of the form's own vocabulary (such as
                // ids run together with commas) may appear in messages that
                // list that vocabulary.
                .filter(|s| {
                    !s.split(|c: char| c == ',' || c.is_whitespace())
                        .filter(|w| !w.is_empty())
                        .all(|w| vocabulary.contains(w))
                })
                .collect();
            let warnings = value["warnings"]
                .as_array()
                .unwrap_or_else(|| panic!("{form}/{stem}: no warnings list in {response}"));
            for problem in problems.iter().chain(warnings) {
                let code = problem["code"].as_str().unwrap_or("?");
                assert!(
                    CODES.contains(&code),
                    "{form}/{stem}: undocumented problem code {code:?}"
                );
                assert!(
                    problem["field"].as_str().is_some_and(|f| !f.is_empty()),
                    "{form}/{stem}: a problem without a field: {problem}"
                );
                let message = problem["message"].as_str().unwrap_or_else(|| {
                    panic!("{form}/{stem}: a problem without a message: {problem}")
                });
                for value in &given {
                    assert!(
                        !message.contains(value),
                        "{form}/{stem}: the message {message:?} repeats the value {value:?} \
                         given in the data"
                    );
                }
            }
            let pretty = serde_json::to_string_pretty(&value).expect("pretty JSON");
            insta::assert_snapshot!(format!("{form}__{stem}"), pretty);
        }
        assert!(valid_seen >= 1, "{form}: no NN-valid-... fixture");
        assert!(invalid_seen >= 1, "{form}: no fixture with problems");
    }
}
