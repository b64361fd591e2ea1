//! The language-neutral face of the library: JSON in, JSON out.
//!
//! [`evaluate_json`] takes the request of CONTRACT section 3 and always
//! returns one JSON document: the status of the case, or
//! `{"error": {"code", "message", "event_index"}}`. The C function
//! `sgr_evaluate` returns the same documents.

pub(crate) mod door;
mod referral;
pub(crate) mod request;
mod serious_incident;
pub(crate) mod sweep;

mod response;

pub use response::StatusDocument;

/// The work tray and the figures over JSON (CONTRACT section 10), on the
/// embedded calendars and the built-in policies: [`Engine::sweep_json`]
/// of a new engine. Never panics, whatever the input.
///
/// The request is `{"as_of", "calendar" (optional), "within_working_days"
/// (optional, default 0), "cases": [{"id", "policy", "events", ...}]}`;
/// the answer `{"as_of", "within_working_days", "items", "errors",
/// "summary"}` (`docs/json.md`).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::sweep_json;
///
/// // North Somerset, raised on Monday 1 February 2027: stage 1 is due by
/// // Tuesday 2, Day 5 (the referral to the partnership) by Monday 8.
/// let answer = sweep_json(r#"{"as_of": "2027-02-01", "within_working_days": 1, "cases": [
///     {"id": "a", "policy": "nsscp-issue-resolution-2025", "events": [{"type": "raised", "on": "2027-02-01"}]}]}"#);
/// let answer: serde_json::Value = serde_json::from_str(&answer)?;
/// let items = answer["items"].as_array().unwrap();
/// assert_eq!(items[0]["due_on"], "2027-02-02");
/// assert_eq!(items[0]["working_days_left"], 1);
/// assert!(items.iter().all(|i| i["due_on"] == "2027-02-02"));
///
/// let refused = sweep_json(r#"{"as_of": "2027-02-01", "cases": [{"id": "Jane Doe", "policy": "x", "events": []}]}"#);
/// assert!(refused.contains("cases[0].id") && !refused.contains("Jane"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn sweep_json(request: &str) -> String {
    Engine::new().sweep_json(request)
}

use serde_json::{Map, Value, json};

use crate::engine::Engine;

/// An error in the JSON face: a code from CONTRACT section 3, a message, and
/// the event to blame when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    code: &'static str,
    message: String,
    event_index: Option<usize>,
    /// A definition's problems: path and message.
    problems: Vec<(String, String)>,
}

impl JsonError {
    pub(crate) fn new(
        code: &'static str,
        message: String,
        event_index: Option<usize>,
    ) -> JsonError {
        JsonError {
            code,
            message,
            event_index,
            problems: Vec::new(),
        }
    }

    /// A policy definition refused (`invalid_policy`, with its problems),
    /// given at `place` (`policy` in a request; the top for a definition
    /// given alone).
    pub(crate) fn definition(place: &str, error: &crate::policy::DefinitionError) -> JsonError {
        // Paths are the definition's own (`stages[2].clock.days`), as an
        // author reads them in their document, wherever it was given.
        let within = |path: &str| -> String {
            if path == "(definition)" && !place.is_empty() {
                place.to_string()
            } else {
                path.to_string()
            }
        };
        let mut problems: Vec<(String, String)> = error
            .problems()
            .iter()
            .map(|p| (within(&p.path), p.message.clone()))
            .collect();
        if error.more() > 0 {
            problems.push((
                within("(definition)"),
                format!(
                    "{} more problems not listed (limits::MAX_PROBLEMS)",
                    error.more()
                ),
            ));
        }
        let message = match (place, error.code()) {
            ("", _) | (_, "invalid_policy") => error.to_string(),
            (place, _) => format!("{place}: {error}"),
        };
        JsonError {
            code: error.code(),
            message: within_message(place, message),
            event_index: None,
            problems,
        }
    }

    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    fn to_value(&self) -> Value {
        json!({ "error": self.inner_value() })
    }

    /// The error document's inner object: `{"code", "message", ...}`.
    pub(crate) fn inner_value(&self) -> Value {
        let mut error = Map::new();
        error.insert("code".into(), Value::from(self.code));
        error.insert("message".into(), Value::from(self.message.as_str()));
        if let Some(index) = self.event_index {
            error.insert("event_index".into(), Value::from(index));
        }
        if !self.problems.is_empty() {
            let problems = self
                .problems
                .iter()
                .map(|(path, message)| json!({"path": path, "message": message}))
                .collect();
            error.insert("problems".into(), Value::Array(problems));
        }
        Value::Object(error)
    }

    /// The error document, written.
    pub(crate) fn to_document(&self) -> String {
        self.to_value().to_string()
    }
}

impl From<crate::policy::Error> for JsonError {
    fn from(error: crate::policy::Error) -> JsonError {
        JsonError::new(error.code(), error.to_string(), error.event_index())
    }
}

impl From<crate::serious_incident::Error> for JsonError {
    fn from(error: crate::serious_incident::Error) -> JsonError {
        JsonError::new(error.code(), error.to_string(), error.event_index())
    }
}

/// Evaluates a case given as JSON, and returns its status (or an error) as
/// JSON. Never panics, whatever the input.
///
/// The request is `{"policy", "calendar" (optional), "as_of", "events"}`;
/// the response names the status, the current stage with its deadline,
/// whether it is overdue, milestones, obligations, the events allowed next,
/// and the history. Field names and codes are fixed by CONTRACT section 3
/// and described in `docs/json.md`. `"policy": "gscp-resolution-group-2021"`
/// (CONTRACT section 4) and `"policy": "gscp-serious-incident-2021"` (the
/// statutory clocks after a serious incident, section 9;
/// `docs/serious-incidents.md`) have requests and responses of their own.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::evaluate_json;
///
/// let response = evaluate_json(r#"{
///   "policy": "swindon-resolution-2026",
///   "calendar": "england-and-wales",
///   "as_of": "2027-01-05",
///   "events": [
///     {"type": "raised",    "on": "2026-12-21"},
///     {"type": "escalated", "on": "2026-12-23"}
///   ]
/// }"#);
/// let status: serde_json::Value = serde_json::from_str(&response)?;
/// assert_eq!(status["status"], "open");
/// assert_eq!(status["stage"]["number"], 2);
/// assert_eq!(status["stage"]["due"]["date"], "2027-01-04");
/// assert_eq!(status["overdue"], true);
/// assert_eq!(status["working_days_overdue"], 1);
///
/// let error = evaluate_json(r#"{"policy": "nowhere", "as_of": "2027-01-05", "events": []}"#);
/// let error: serde_json::Value = serde_json::from_str(&error)?;
/// assert_eq!(error["error"]["code"], "unknown_policy");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn evaluate_json(request: &str) -> String {
    evaluate_on(&Engine::new(), request)
}

/// [`evaluate_json`] on an engine's calendars.
pub(crate) fn evaluate_on(engine: &Engine, request: &str) -> String {
    match evaluate_text(engine, request) {
        Ok(text) => text,
        Err(error) => error.to_value().to_string(),
    }
}

fn evaluate_text(engine: &Engine, request: &str) -> Result<String, JsonError> {
    let value = parse(request)?;
    let written = match request::read(&value, engine)? {
        request::Parsed::Escalation(request) => {
            let calendar = engine.calendar(request.division);
            let status = request
                .policy
                .evaluate(calendar, &request.events, request.as_of)?;
            response::write(&status, calendar)
        }
        request::Parsed::Referral(request) => {
            let calendar = engine.calendar(request.division);
            let status = crate::resolution_group::evaluate(
                calendar,
                &request.schedule,
                &request.events,
                request.as_of,
                request.escalation.as_deref(),
            )?;
            referral::write(&status, request.schedule.rule(), calendar)
        }
        request::Parsed::SeriousIncident(request) => {
            let calendar = engine.calendar(request.division);
            let status = crate::serious_incident::evaluate(
                calendar,
                request.config,
                &request.events,
                request.as_of,
            )?;
            serious_incident::write(&status, calendar)
        }
    };
    written.map_err(|e| {
        JsonError::new(
            "internal",
            format!("the response could not be written: {e}"),
            None,
        )
    })
}

/// The contract's error document, `{"error": {"code": code, "message":
/// message}}`, written exactly as [`evaluate_json`] writes its own (CONTRACT
/// section 3, "Errors"): for a refusal that a host reports beside the
/// library's documents, such as the C library's `sgr_engine_load_holidays`
/// refusing a bank-holiday document (code `invalid_holidays`).
///
/// The message is written as given: like the library's own messages, it
/// should name places, not repeat values a caller sent.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::error_document;
///
/// let document = error_document("invalid_holidays", "scotland.events[3].date: not a date");
/// assert_eq!(
///     document,
///     r#"{"error":{"code":"invalid_holidays","message":"scotland.events[3].date: not a date"}}"#
/// );
/// ```
pub fn error_document(code: &'static str, message: &str) -> String {
    JsonError::new(code, message.to_string(), None)
        .to_value()
        .to_string()
}

/// The error document [`evaluate_json`] and [`validate_json`] answer for a
/// request longer than [`MAX_REQUEST_BYTES`](crate::limits::MAX_REQUEST_BYTES):
/// `limit_exceeded`, naming the limit. For a host that refuses such a
/// request before reading it whole, from the length it declares (an HTTP
/// service reading `Content-Length`), with the library's own words.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::{evaluate_json, limits, request_too_large_document};
///
/// let huge = " ".repeat(limits::MAX_REQUEST_BYTES + 1);
/// assert_eq!(request_too_large_document(), evaluate_json(&huge));
/// let document: serde_json::Value = serde_json::from_str(&request_too_large_document())?;
/// assert_eq!(document["error"]["code"], "limit_exceeded");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn request_too_large_document() -> String {
    door::too_large().to_document()
}

/// The error document [`sweep_json`] answers for a request longer than
/// [`MAX_SWEEP_BYTES`](crate::limits::MAX_SWEEP_BYTES): as
/// [`request_too_large_document`], for the sweep's own limit.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::sweep_too_large_document;
///
/// let document: serde_json::Value = serde_json::from_str(&sweep_too_large_document())?;
/// assert_eq!(document["error"]["code"], "limit_exceeded");
/// assert!(document["error"]["message"].as_str().unwrap().contains("MAX_SWEEP_BYTES"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn sweep_too_large_document() -> String {
    door::sweep_too_large().to_document()
}

/// Reads a request's JSON at the door (see [`door`]).
fn parse(request: &str) -> Result<Value, JsonError> {
    door::parse(request)
}

/// Validates a form given as JSON, and returns every problem at once as
/// JSON. Never panics, whatever the input.
///
/// The request is `{"form": "<form id>", "data": {...}}` (and optionally
/// `"calendar"`, for the working-day checks); the response is
/// `{"valid": bool, "problems": [{"field", "code", "message"}], "warnings":
/// [...]}` (warnings, shaped as problems, never make a form invalid), or
/// `{"error": ...}` when the request itself cannot be read. Form ids:
/// `gscp-resolution-group-referral`, `swindon-resolution-form`,
/// `nsscp-recording-form`; their fields are described in `docs/forms/` (a page per form).
/// Messages never repeat the values given (forms carry personal data).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::validate_json;
///
/// let response = validate_json(r#"{"form": "swindon-resolution-form", "data": {}}"#);
/// let response: serde_json::Value = serde_json::from_str(&response)?;
/// assert_eq!(response["valid"], false);
/// let fields: Vec<&str> = response["problems"].as_array().unwrap().iter()
///     .map(|p| p["field"].as_str().unwrap()).collect();
/// assert!(fields.contains(&"address") && fields.contains(&"representative"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn validate_json(request: &str) -> String {
    validate_on(&Engine::new(), request)
}

/// [`validate_json`] on an engine's calendars.
pub(crate) fn validate_on(engine: &Engine, request: &str) -> String {
    match validate_text(engine, request) {
        Ok(text) => text,
        Err(error) => error.to_value().to_string(),
    }
}

fn validate_text(engine: &Engine, request: &str) -> Result<String, JsonError> {
    let value = parse(request)?;
    let field = |path: &str, problem: String| {
        JsonError::new("invalid_field", format!("{path}: {problem}"), None)
    };
    let Value::Object(top) = &value else {
        return Err(field(
            "(request)",
            "expected an object {\"form\", \"data\"}".into(),
        ));
    };
    request::only(top, "", &["form", "data", "calendar"], None)?;
    let form = match top.get("form") {
        Some(Value::String(id)) => id
            .parse::<crate::forms::FormId>()
            .map_err(|problem| field("form", problem))?,
        Some(_) => return Err(field("form", "expected a form id".into())),
        None => return Err(field("form", "missing".into())),
    };
    let division = match top.get("calendar") {
        None | Some(Value::Null) => crate::calendar::Division::EnglandAndWales,
        Some(Value::String(name)) => name.parse().map_err(|_| request::unknown_calendar())?,
        Some(_) => return Err(field("calendar", "expected a division name".into())),
    };
    let data = top
        .get("data")
        .ok_or_else(|| field("data", "missing".into()))?;
    let validation = crate::forms::validate_on(form, data, engine.calendar(division));
    serde_json::to_string(&validation).map_err(|e| {
        JsonError::new(
            "internal",
            format!("the response could not be written: {e}"),
            None,
        )
    })
}

/// A definition's message, placed: `policy: ...` inside a request.
fn within_message(place: &str, message: String) -> String {
    if place.is_empty() || message.starts_with(place) {
        message
    } else {
        format!("{place}: {message}")
    }
}

/// A built-in escalation policy as its definition document (CONTRACT
/// section 7), or an error document (`unknown_policy`). Evaluating any
/// request with the returned document in place of the id gives the same
/// response, byte for byte.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::{evaluate_json, policy_definition_json};
///
/// let definition = policy_definition_json("nsscp-issue-resolution-2025");
/// let request = |policy: &str| format!(
///     r#"{{"policy": {policy}, "as_of": "2027-03-24",
///         "events": [{{"type": "raised", "on": "2027-03-24"}}]}}"#);
/// assert_eq!(
///     evaluate_json(&request(&definition)),
///     evaluate_json(&request("\"nsscp-issue-resolution-2025\"")),
/// );
/// let error: serde_json::Value = serde_json::from_str(&policy_definition_json("nowhere"))?;
/// assert_eq!(error["error"]["code"], "unknown_policy");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn policy_definition_json(id: &str) -> String {
    Engine::new().policy_definition_json(id)
}

/// The `unknown_policy` error document.
pub(crate) fn unknown_policy_document(engine: &Engine) -> String {
    request::unknown_policy(engine).to_value().to_string()
}

/// A refused definition's error document, its paths the definition's own.
pub(crate) fn definition_error_document(error: &crate::policy::DefinitionError) -> String {
    JsonError::definition("", error).to_value().to_string()
}

/// A validation serializes to the contract's answer (CONTRACT section 5):
/// `{"valid", "problems": [{"field", "code", "message"}], "warnings"}`, the
/// document [`validate_json`] writes.
impl serde::Serialize for crate::forms::Validation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Listed<'a>(&'a [crate::forms::Problem]);
        impl serde::Serialize for Listed<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq;
                let mut list = serializer.serialize_seq(Some(self.0.len()))?;
                for p in self.0 {
                    list.serialize_element(
                        &json!({"field": p.field, "code": p.code, "message": p.message}),
                    )?;
                }
                list.end()
            }
        }
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("valid", &self.valid())?;
        map.serialize_entry("problems", &Listed(&self.problems))?;
        map.serialize_entry("warnings", &Listed(&self.warnings))?;
        map.end()
    }
}
