//! `GET /openapi.json`: the service described in OpenAPI 3.1, its bodies
//! the JSON Schemas of `schemas/` (CONTRACT section 11), embedded whole.
//!
//! Each schema keeps its `$id`, so that the references between them
//! (`common.schema.json#/$defs/date`) resolve as JSON Schema 2020-12 says,
//! inside this one document; the operations refer to them as
//! `#/components/schemas/<Name>`.

use std::sync::OnceLock;

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde_json::{Map, Value, json};

use crate::api::document;
use crate::state::{BUILT_IN, Service};

/// The schemas of `schemas/`, by the component names the operations use.
const SCHEMAS: [(&str, &str); 10] = [
    ("Common", include_str!("../../schemas/common.schema.json")),
    (
        "EvaluateRequest",
        include_str!("../../schemas/evaluate-request.schema.json"),
    ),
    (
        "EvaluateResponse",
        include_str!("../../schemas/evaluate-response.schema.json"),
    ),
    (
        "ValidateRequest",
        include_str!("../../schemas/validate-request.schema.json"),
    ),
    (
        "ValidateResponse",
        include_str!("../../schemas/validate-response.schema.json"),
    ),
    (
        "SweepRequest",
        include_str!("../../schemas/sweep-request.schema.json"),
    ),
    (
        "SweepResponse",
        include_str!("../../schemas/sweep-response.schema.json"),
    ),
    (
        "PolicyDefinition",
        include_str!("../../schemas/policy-definition.schema.json"),
    ),
    ("Error", include_str!("../../schemas/error.schema.json")),
    (
        "GovukBankHolidays",
        include_str!("../../schemas/govuk-bank-holidays.schema.json"),
    ),
];

/// The route of the description.
pub fn routes() -> Router<Service> {
    Router::new().route("/openapi.json", get(openapi))
}

async fn openapi() -> Response {
    document(description().to_string(), |_| StatusCode::OK)
}

/// The OpenAPI document, built once.
pub fn description() -> &'static str {
    static DESCRIPTION: OnceLock<String> = OnceLock::new();
    DESCRIPTION.get_or_init(|| build().to_string())
}

fn component(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn body(name: &str) -> Value {
    json!({"application/json": {"schema": component(name)}})
}

/// A `POST` endpoint taking a library document and answering another.
fn posted(id: &str, summary: &str, request: &str, answer: &str) -> Value {
    json!({"post": {
        "operationId": id,
        "summary": summary,
        "requestBody": {"required": true, "content": body(request)},
        "responses": {
            "200": {"description": "The answer.", "content": body(answer)},
            "400": {"$ref": "#/components/responses/InvalidJson"},
            "408": {"$ref": "#/components/responses/RequestTimeout"},
            "413": {"$ref": "#/components/responses/LimitExceeded"},
            "422": {"$ref": "#/components/responses/Refused"}
        }
    }})
}

fn build() -> Value {
    let mut schemas = Map::new();
    for (name, text) in SCHEMAS {
        // Checked by the tests: each file is JSON.
        let schema = serde_json::from_str(text).unwrap_or(Value::Null);
        schemas.insert(name.to_string(), schema);
    }
    schemas.insert(
        "PolicyList".to_string(),
        json!({
            "type": "object",
            "required": ["policies"],
            "additionalProperties": false,
            "properties": {"policies": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "name", "source"],
                "additionalProperties": false,
                "properties": {
                    "id": {"type": "string", "description": "The id requests name the policy by."},
                    "name": {"type": "string"},
                    "source": {"type": "string", "description": format!(
                        "\"{BUILT_IN}\" for the library's own policies, else the name of the file in --policies that defines it.")}
                }
            }}}
        }),
    );
    schemas.insert(
        "Health".to_string(),
        json!({
            "type": "object",
            "required": ["status", "holidays_version", "policies"],
            "additionalProperties": false,
            "properties": {
                "status": {"const": "ok"},
                "holidays_version": {"type": "string", "description":
                    "embedded-<date of the embedded GOV.UK data>, or loaded-<16 hexadecimal digits of the FNV-1a hash of the --holidays file>."},
                "policies": {"type": "integer", "minimum": 0, "description": "The number of policies GET /v1/policies lists."}
            }
        }),
    );
    schemas.insert(
        "Check".to_string(),
        json!({
            "type": "object",
            "required": ["valid", "problems", "diagram", "laws"],
            "properties": {
                "valid": {"type": "boolean"},
                "code": {"type": "string", "description": "When not valid: invalid_policy, invalid_json or limit_exceeded."},
                "problems": {"type": "array", "items": {"type": "object", "required": ["path", "message"],
                    "properties": {"path": {"type": "string"}, "message": {"type": "string"}}}},
                "diagram": {"type": ["string", "null"], "description": "The policy drawn as an inline SVG document."},
                "laws": {"type": ["object", "null"], "description": "The authors' laws over generated cases: kept, or the law broken with its case as events."}
            }
        }),
    );
    let error = |description: &str| json!({"description": description, "content": body("Error")});
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "safeguarding-resolution",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "Escalation policies of English safeguarding partnerships on the UK working-day calendar, over HTTP.",
            "description": "The JSON face of the safeguarding-resolution library (CONTRACT sections 3, 5, 7, 10 and 12; docs/json.md, docs/service.md): the same documents as evaluate_json, validate_json and sweep_json. The service has no authentication of its own.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "paths": {
            "/v1/evaluate": posted("evaluate", "Evaluates a case: an escalation, a Resolution Group referral or a serious incident.", "EvaluateRequest", "EvaluateResponse"),
            "/v1/validate": posted("validate", "Validates a form, listing every problem.", "ValidateRequest", "ValidateResponse"),
            "/v1/sweep": posted("sweep", "The work tray and the figures of many cases.", "SweepRequest", "SweepResponse"),
            "/v1/policies": {"get": {
                "operationId": "listPolicies",
                "summary": "The policies the service runs: built-in, then loaded.",
                "responses": {"200": {"description": "The policies.", "content": body("PolicyList")}}
            }},
            "/v1/policies/{id}": {"get": {
                "operationId": "getPolicy",
                "summary": "A policy's definition document.",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "The definition.", "content": body("PolicyDefinition")},
                    "404": error("unknown_policy: the service runs no policy of this id.")
                }
            }},
            "/v1/check": {"post": {
                "operationId": "checkDefinition",
                "summary": "The workbench's check of a policy definition (docs/workbench.md): its problems with their paths, or its diagram and the authors' laws run over generated cases.",
                "parameters": [
                    {"name": "calendar", "in": "query", "required": false, "schema": {"enum": ["england-and-wales", "scotland", "northern-ireland"]}},
                    {"name": "seed", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0}},
                    {"name": "cases", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1}}
                ],
                "requestBody": {"required": true, "content": body("PolicyDefinition")},
                "responses": {
                    "200": {"description": "The check: valid or not, the problems, the SVG diagram and the laws' outcome.", "content": body("Check")},
                    "408": {"$ref": "#/components/responses/RequestTimeout"},
                    "413": {"$ref": "#/components/responses/LimitExceeded"},
                    "422": {"$ref": "#/components/responses/Refused"}
                }
            }},
            "/healthz": {"get": {
                "operationId": "health",
                "summary": "Whether the service is up, and what it runs.",
                "responses": {"200": {"description": "Up.", "content": body("Health")}}
            }},
            "/openapi.json": {"get": {
                "operationId": "openapi",
                "summary": "This document.",
                "responses": {"200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}}
            }}
        },
        "components": {
            "schemas": schemas,
            "responses": {
                "InvalidJson": error("invalid_json: the body is not JSON (or not UTF-8)."),
                "RequestTimeout": error("request_timeout: the body did not arrive whole within the service's body timeout (--body-timeout, 60 seconds unless set); the connection is closed after this answer."),
                "LimitExceeded": error("limit_exceeded: the body is over the library's byte limit for its document (refused before it is read), or the request over another of its limits."),
                "Refused": error("Any other code of the library: unknown_policy, unknown_calendar, invalid_field, events_out_of_order, invalid_transition, out_of_calendar_range, invalid_policy.")
            }
        }
    })
}
