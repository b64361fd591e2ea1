//! The JSON Schemas under `schemas/` (CONTRACT section 11) against the
//! documents the library reads and writes: every fixture's request and the
//! answer the library gives it, the built-in and illustrative policy
//! definitions, the embedded GOV.UK data, a sweep of every fixture and the
//! error documents. The answers are written by the crate's types, and the
//! schemas refuse any key they do not name and require every key always
//! written: a field added to, renamed in or dropped from a type without its
//! schema fails here.

mod common;

use std::path::Path;

use jsonschema::{Registry, Validator};
use safeguarding_resolution::{evaluate_json, policy_definition_json, sweep_json, validate_json};
use serde_json::{Value, json};

use common::fixtures;

const NAMES: [&str; 10] = [
    "common",
    "error",
    "evaluate-request",
    "evaluate-response",
    "validate-request",
    "validate-response",
    "sweep-request",
    "sweep-response",
    "policy-definition",
    "govuk-bank-holidays",
];

const BASE: &str = "https://safeguarding-resolution.example/schemas/";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn schema(name: &str) -> Value {
    read(&root().join("schemas").join(format!("{name}.schema.json")))
}

/// The validators of every schema, each with the others registered under
/// their `$id`s.
struct Schemas {
    validators: Vec<(&'static str, Validator)>,
}

impl Schemas {
    fn load() -> Schemas {
        let mut registry = Registry::new();
        for name in NAMES {
            registry = registry
                .add(format!("{BASE}{name}.schema.json"), schema(name))
                .expect("a schema's $id is a URI");
        }
        let registry = registry.prepare().expect("the schemas resolve");
        let validators = NAMES
            .iter()
            .map(|&name| {
                let validator = jsonschema::options()
                    .with_registry(&registry)
                    .build(&schema(name))
                    .unwrap_or_else(|e| panic!("schemas/{name}.schema.json: {e}"));
                (name, validator)
            })
            .collect();
        Schemas { validators }
    }

    fn check(&self, name: &str, document: &Value, what: &str) {
        let (_, validator) = self
            .validators
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no schema {name}"));
        let errors: Vec<String> = validator
            .iter_errors(document)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{what} does not validate against schemas/{name}.schema.json:\n{}",
            errors.join("\n")
        );
    }

    fn refuses(&self, name: &str, document: &Value) -> bool {
        let (_, validator) = self.validators.iter().find(|(n, _)| *n == name).unwrap();
        !validator.is_valid(document)
    }

    /// An answer: an error document, or the response schema's.
    fn check_answer(&self, response_schema: &str, answer: &str, what: &str) -> Value {
        let answer: Value = serde_json::from_str(answer).expect("an answer is JSON");
        if answer.get("error").is_some() {
            self.check("error", &answer, what);
        } else {
            self.check(response_schema, &answer, what);
        }
        answer
    }
}

#[test]
fn each_schema_is_a_2020_12_schema_with_a_stable_id() {
    for name in NAMES {
        let schema = schema(name);
        jsonschema::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("schemas/{name}.schema.json is not a valid schema: {e}"));
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        assert_eq!(schema["$id"], format!("{BASE}{name}.schema.json"));
    }
}

fn illustrative() -> Value {
    read(&root().join("examples/policies/example-borough-2026.json"))
}

#[test]
fn every_fixture_request_and_its_answer_validate() {
    let schemas = Schemas::load();
    let mut requests = fixtures::requests(root());
    for path in fixtures::json_files(&root().join("fixtures/example-borough-2026")) {
        let mut request = read(&path);
        request["policy"] = illustrative();
        requests.push((path, request));
    }
    let (mut answers, mut errors) = (0, 0);
    for (path, request) in &requests {
        let what = path.display().to_string();
        // A fixture named `invalid` is refused by the library, some for
        // their shape (which the schema refuses too), others for what
        // their events mean; every other is a request of the schema's.
        if !what.contains("invalid") {
            schemas.check("evaluate-request", request, &what);
        }
        let answer = schemas.check_answer(
            "evaluate-response",
            &evaluate_json(&request.to_string()),
            &what,
        );
        if answer.get("error").is_some() {
            errors += 1;
        } else {
            answers += 1;
        }
    }
    assert!(
        answers > 50 && errors > 3,
        "{answers} answers, {errors} errors"
    );
    for (path, request) in fixtures::forms(root()) {
        let what = path.display().to_string();
        let answer = schemas.check_answer(
            "validate-response",
            &validate_json(&request.to_string()),
            &what,
        );
        // A form whose data is not an object is answered with that
        // problem (at `(data)`), and is outside the request's schema.
        let whole_data_refused = answer["problems"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["field"] == "(data)"));
        if whole_data_refused {
            assert!(schemas.refuses("validate-request", &request), "{what}");
        } else {
            schemas.check("validate-request", &request, &what);
        }
    }
}

#[test]
fn a_sweep_of_every_fixture_validates() {
    let schemas = Schemas::load();
    let cases: Vec<Value> = fixtures::requests(root())
        .into_iter()
        .filter(|(path, _)| !path.display().to_string().contains("invalid"))
        .enumerate()
        .map(|(i, (_, mut request))| {
            let case = request.as_object_mut().expect("an object");
            case.remove("as_of");
            case.insert("id".into(), json!(format!("case-{i}")));
            request
        })
        .collect();
    for (as_of, within) in [("2027-01-12", 10), ("2026-11-25", 3), ("2027-06-01", 0)] {
        let request = json!({"as_of": as_of, "within_working_days": within, "cases": cases});
        schemas.check("sweep-request", &request, "the sweep of every fixture");
        let answer =
            schemas.check_answer("sweep-response", &sweep_json(&request.to_string()), as_of);
        assert!(!answer["items"].as_array().unwrap().is_empty(), "{as_of}");
        assert!(!answer["errors"].as_array().unwrap().is_empty(), "{as_of}");
    }
    // The request's own refusals are error documents.
    let refused = sweep_json(r#"{"as_of": "2027-01-12", "cases": [{"id": "a b"}]}"#);
    schemas.check_answer("sweep-response", &refused, "a refused sweep");
}

#[test]
fn every_policy_definition_and_the_holiday_data_validate() {
    let schemas = Schemas::load();
    let mut definitions = vec![("example-borough-2026".to_string(), illustrative())];
    for path in fixtures::json_files(&root().join("data/policies")) {
        definitions.push((path.display().to_string(), read(&path)));
    }
    for id in [
        "gscp-escalation-2021",
        "swindon-resolution-2026",
        "nsscp-issue-resolution-2025",
    ] {
        definitions.push((
            id.to_string(),
            serde_json::from_str(&policy_definition_json(id)).unwrap(),
        ));
    }
    for (what, definition) in &definitions {
        schemas.check("policy-definition", definition, what);
    }
    // `$schema` may stand at the top; an unknown key may not.
    let mut with_schema = illustrative();
    with_schema["$schema"] = json!(format!("{BASE}policy-definition.schema.json"));
    schemas.check(
        "policy-definition",
        &with_schema,
        "a definition naming its schema",
    );
    let mut engine = safeguarding_resolution::Engine::new();
    engine
        .add_policy_json(&with_schema.to_string())
        .expect("the loader ignores $schema");
    let mut unknown = illustrative();
    unknown["stages"][0]["deadline"] = json!(3);
    assert!(schemas.refuses("policy-definition", &unknown));
    schemas.check(
        "govuk-bank-holidays",
        &read(&root().join("data/bank-holidays.json")),
        "data/bank-holidays.json",
    );
}

#[test]
fn the_schemas_refuse_what_the_library_refuses() {
    let schemas = Schemas::load();
    let refused = [
        (
            "evaluate-request",
            json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": [], "child": "x"}),
        ),
        (
            "evaluate-request",
            json!({"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
                                    "events": [{"type": "raised", "on": "2027-01-04", "name": "x"}]}),
        ),
        (
            "evaluate-request",
            json!({"policy": "gscp-serious-incident-2021", "as_of": "2027-01-05",
                                    "events": [{"type": "raised", "on": "2027-01-04"}]}),
        ),
        (
            "sweep-request",
            json!({"as_of": "2027-01-05", "cases": [{"id": "a b", "policy": "swindon-resolution-2026", "events": []}]}),
        ),
        (
            "sweep-request",
            json!({"as_of": "2027-01-05", "within_working_days": -1, "cases": []}),
        ),
        (
            "validate-request",
            json!({"form": "another-form", "data": {}}),
        ),
    ];
    for (name, document) in refused {
        assert!(
            schemas.refuses(name, &document),
            "{name} accepts {document}"
        );
        let answer: Value = serde_json::from_str(&match name {
            "sweep-request" => sweep_json(&document.to_string()),
            "validate-request" => validate_json(&document.to_string()),
            _ => evaluate_json(&document.to_string()),
        })
        .unwrap();
        assert!(
            answer.get("error").is_some(),
            "the library answers {document}"
        );
    }
}
