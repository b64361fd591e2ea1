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

/// The problem and warning codes `forms::Problem` documents.
const CODES: [&str; 15] = [
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
    "outside_printed_options",
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

/// The problems and warnings of the fixtures that record a late date or a
/// time taken outside the printed options, as `(field, code)`, worked out
/// by hand from the texts (CONTRACT section 5: a form records what
/// happened; a true late date is a warning, never a problem).
#[allow(clippy::type_complexity)]
const RECORDED_AS_IT_HAPPENED: [(&str, &str, &[(&str, &str)], &[(&str, &str)]); 9] = [
    // Raised Monday 21 December 2026. Stage 1 by Wednesday 23 December;
    // stage 2 by Monday 4 January 2027 (skipping Christmas Day, Monday
    // 28 December for Boxing Day and New Year's Day), contact on the 5th;
    // stage 3 by Monday 11 January, contact that day; stage 4 by Monday
    // 18 January (Day 17), contact on the 19th; the form by Monday
    // 25 January (22 working days), sent on the 26th.
    (
        "swindon-resolution-form",
        "12-valid-stage-contacts-after-their-clocks-over-christmas-warned",
        &[],
        &[
            ("stages[1].date_contact_made", "after_stage_clock"),
            ("stages[3].date_contact_made", "after_stage_clock"),
            ("sent_on", "after_stage_clock"),
        ],
    ),
    // The same, each on its last day: nothing to say.
    (
        "swindon-resolution-form",
        "02-valid-christmas-clocks-met-on-the-last-day",
        &[],
        &[],
    ),
    // Raised Wednesday 24 March 2027. Stage 1 by Tuesday 30 March (Good
    // Friday 26 and Easter Monday 29 skipped), contact on the 31st; stage 2
    // by Tuesday 6 April, contact that day; stage 3 by Tuesday 13 April,
    // contact on the 14th; stage 4 by Tuesday 20 April, contact that day;
    // the form by Tuesday 27 April, sent on the 28th.
    (
        "swindon-resolution-form",
        "18-valid-late-contacts-and-form-over-easter-2027-warned",
        &[],
        &[
            ("stages[0].date_contact_made", "after_stage_clock"),
            ("stages[2].date_contact_made", "after_stage_clock"),
            ("sent_on", "after_stage_clock"),
        ],
    ),
    // "Time taken to resolve (Delete) 2,3,4,5,6,7,8 days": 8 is printed.
    (
        "nsscp-recording-form",
        "03-valid-decided-at-stage-4-by-day-8",
        &[],
        &[],
    ),
    // 1 and 11 days happened; neither is printed.
    (
        "nsscp-recording-form",
        "21-valid-resolved-on-the-first-day-warned",
        &[],
        &[("days_taken", "outside_printed_options")],
    ),
    (
        "nsscp-recording-form",
        "22-valid-decided-after-day-8-warned",
        &[],
        &[("days_taken", "outside_printed_options")],
    ),
    // Stage 5 and an involvement at stage 1 do not exist on this form; 12
    // days is recorded with a warning.
    (
        "nsscp-recording-form",
        "11-resolved-at-stage-out-of-range-days-taken-beyond-the-printed-options",
        &[
            ("involved[3].stage", "out_of_range"),
            ("resolved_at_stage", "out_of_range"),
        ],
        &[("days_taken", "outside_printed_options")],
    ),
    // Not a whole number of days from 1: still problems.
    (
        "nsscp-recording-form",
        "23-days-taken-a-fraction",
        &[("days_taken", "out_of_range")],
        &[],
    ),
    (
        "nsscp-recording-form",
        "25-days-taken-zero",
        &[("days_taken", "out_of_range")],
        &[],
    ),
];

fn fields_and_codes(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap_or("?").to_string(),
                p["code"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}

#[test]
fn late_dates_and_unprinted_days_are_recorded_with_warnings() {
    for (form, stem, problems, warnings) in RECORDED_AS_IT_HAPPENED {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join("forms")
            .join(form)
            .join(format!("{stem}.json"));
        let request = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let value: Value =
            serde_json::from_str(&safeguarding_resolution::validate_json(&request)).expect("JSON");
        let owned = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(f, c)| (f.to_string(), c.to_string()))
                .collect()
        };
        assert_eq!(
            fields_and_codes(&value["problems"]),
            owned(problems),
            "{form}/{stem}: problems"
        );
        assert_eq!(
            fields_and_codes(&value["warnings"]),
            owned(warnings),
            "{form}/{stem}: warnings"
        );
        assert_eq!(value["valid"], problems.is_empty(), "{form}/{stem}");
    }
}
