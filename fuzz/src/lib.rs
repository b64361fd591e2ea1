//! What the fuzz targets share: the invariants and the mutator of
//! `tests/common/` (the same files `tests/hostile_inputs.rs` uses, so each
//! rule is written once), the fixtures, and libFuzzer's bytes as a source
//! of choices.

use std::path::Path;
use std::sync::OnceLock;

use arbitrary::Unstructured;
use serde_json::Value;

#[path = "../../tests/common/fixtures.rs"]
pub mod fixtures;
#[path = "../../tests/common/invariants.rs"]
pub mod invariants;
#[path = "../../tests/common/mutate.rs"]
pub mod mutate;
// The C library's source (the `ffi/` package, which builds only a cdylib
// and a staticlib, so no Rust target can link it), compiled here for the
// `ffi_*` targets. This library is never built with `cfg(test)`, which
// would bring in the C library's unit tests.
#[path = "../../ffi/src/lib.rs"]
pub mod ffi;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The `evaluate_json` request fixtures.
pub fn requests() -> &'static [Value] {
    static REQUESTS: OnceLock<Vec<Value>> = OnceLock::new();
    REQUESTS.get_or_init(|| fixtures::requests(root()).into_iter().map(|(_, v)| v).collect())
}

/// The `validate_json` request fixtures.
pub fn forms() -> &'static [Value] {
    static FORMS: OnceLock<Vec<Value>> = OnceLock::new();
    FORMS.get_or_init(|| fixtures::forms(root()).into_iter().map(|(_, v)| v).collect())
}

/// Whether the marker check is on: no message may repeat a marked value.
/// On unless `SGR_FUZZ_MARKER=0` (to look for other findings alone).
pub fn marker_check() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("SGR_FUZZ_MARKER").is_none_or(|v| v != "0"))
}

/// libFuzzer's bytes as choices; once they run out, every choice is 0.
pub struct Bytes<'a, 'b>(pub &'a mut Unstructured<'b>);

impl mutate::Choices for Bytes<'_, '_> {
    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.0.choose_index(n).unwrap_or(0)
    }
}

/// A request built from a fixture and changed by the bytes: the fixture
/// (chosen by the bytes), one to eight changes, and with the marker check
/// on, the marker in some string values.
pub fn mutated_request(fixtures: &[Value], data: &[u8]) -> (String, bool) {
    let mut bytes = Unstructured::new(data);
    let marked = marker_check();
    let mut choices = Bytes(&mut bytes);
    let fixture = &fixtures[mutate::Choices::below(&mut choices, fixtures.len())];
    let rounds = 1 + mutate::Choices::below(&mut choices, 8);
    let request = mutate::mutated(fixture, &mut choices, rounds, marked);
    (request.to_string(), marked)
}

/// The input as text: a request written by hand (the seed corpus is the
/// fixtures' text), when it starts with `{`.
pub fn as_text(data: &[u8]) -> Option<String> {
    (data.first() == Some(&b'{')).then(|| String::from_utf8_lossy(data).into_owned())
}

/// A request with a definition's text inline (as given, valid JSON or
/// not): raised with a risk of immediate harm, then events every policy
/// with three stages accepts (escalating twice, the risk identified again,
/// resolved), so that a definition that loads is answered and its answer
/// checked.
pub fn with_definition(definition: &str) -> String {
    format!(
        r#"{{"policy": {definition}, "as_of": "2027-03-31", "events": [
        {{"type": "raised", "on": "2027-03-01T09:30", "immediate_risk": true}},
        {{"type": "immediate_risk", "on": "2027-03-02"}},
        {{"type": "escalated", "on": "2027-03-03"}},
        {{"type": "immediate_risk", "on": "2027-03-05"}},
        {{"type": "escalated", "on": "2027-03-08"}},
        {{"type": "resolved", "on": "2027-03-15"}}]}}"#
    )
}

/// Panics (a finding) when `checked` failed, with the request to replay.
pub fn expect(checked: Result<String, String>, request: &str) -> String {
    match checked {
        Ok(response) => response,
        Err(broken) => panic!("{broken}\nrequest: {request}"),
    }
}

/// With the marker check on, panics when a message repeats the marker.
pub fn expect_no_marker(response: &str, request: &str, marked: bool) {
    if !marked {
        return;
    }
    let quoting = invariants::messages_quoting(response, mutate::MARKER);
    assert!(
        quoting.is_empty(),
        "messages repeat a value given: {quoting:?}\nrequest: {request}"
    );
}

/// Requests whose policy is a definition given inline: each escalation
/// fixture with its built-in policy's document, and the illustrative
/// policy's scenarios with its document.
pub fn inline_requests() -> &'static [Value] {
    static INLINE: OnceLock<Vec<Value>> = OnceLock::new();
    INLINE.get_or_init(|| {
        let example: Value = std::fs::read_to_string(
            root().join("examples/policies/example-borough-2026.json"),
        )
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null);
        let scenarios = fixtures::json_files(&root().join("fixtures/example-borough-2026"))
            .into_iter()
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .filter_map(|text| serde_json::from_str::<Value>(&text).ok());
        requests()
            .iter()
            .cloned()
            .chain(scenarios)
            .filter_map(|mut request| {
                let id = request["policy"].as_str()?.to_string();
                request["policy"] = if id == "example-borough-2026" {
                    example.clone()
                } else {
                    serde_json::from_str(&safeguarding_resolution::policy_definition_json(&id))
                        .ok()
                        .filter(|d: &Value| d.get("stages").is_some())?
                };
                Some(request)
            })
            .collect()
    })
}
