//! The language-neutral face of the library: JSON in, JSON out.
//!
//! [`evaluate_json`](crate::evaluate_json) takes the request of CONTRACT section 3 and always
//! returns one JSON document: the status of the case, or
//! `{"error": {"code", "message", "event_index"}}`. The C function
//! `sgr_evaluate` returns the same documents.

pub(crate) mod referral;
pub(crate) mod request;
pub(crate) mod serious_incident;
pub(crate) mod sweep;
mod typed;

pub(crate) mod response;

pub use response::StatusDocument;
pub use typed::{ItemDocument, SweepDocument};

use serde_json::{Map, Value, json};

use crate::door::{self, Refused};

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

    /// The error document, `{"error": {...}}`.
    pub(crate) fn document_value(&self) -> Value {
        self.to_value()
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

/// The contract's error document, `{"error": {"code": code, "message":
/// message}}`, written exactly as [`evaluate_json`](crate::evaluate_json) writes its own (CONTRACT
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

/// The error document [`evaluate_json`](crate::evaluate_json) and [`validate_json`](crate::validate_json) answer for a
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
    too_large().to_document()
}

/// The error document [`sweep_json`](crate::sweep_json) answers for a request longer than
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
    sweep_too_large().to_document()
}

/// Reads a request's JSON at the door ([`crate::door`]), or says why not: `limit_exceeded` for a request over a
/// limit, `invalid_json` for text that is not JSON (with its line and
/// column; never a piece of the text) or that gives a key twice.
pub(crate) fn parse(request: &str) -> Result<Value, JsonError> {
    door::read(request).map_err(refused_error)
}

/// Parses a sweep request (CONTRACT section 10) as [`parse`] does a
/// request, under the sweep's own size limit,
/// [`MAX_SWEEP_BYTES`](crate::limits::MAX_SWEEP_BYTES).
pub(crate) fn parse_sweep(request: &str) -> Result<Value, JsonError> {
    if request.len() > crate::limits::MAX_SWEEP_BYTES {
        return Err(sweep_too_large());
    }
    door::read_unsized(request).map_err(refused_error)
}

/// The refusal of a sweep request longer than
/// [`MAX_SWEEP_BYTES`](crate::limits::MAX_SWEEP_BYTES), made before any of
/// it is read.
pub(crate) fn sweep_too_large() -> JsonError {
    use crate::limits::MAX_SWEEP_BYTES;
    JsonError::new(
        "limit_exceeded",
        format!(
            "(request): larger than the limit of {MAX_SWEEP_BYTES} bytes (limits::MAX_SWEEP_BYTES)"
        ),
        None,
    )
}

/// A refusal at the door as the contract's error.
fn refused_error(refused: Refused) -> JsonError {
    match refused {
        Refused::NotJson(problem) => JsonError::new(
            "invalid_json",
            format!("the request is not valid JSON: {problem}"),
            None,
        ),
        Refused::Limit {
            place,
            what,
            limit,
            constant,
        } => request::limit_error(
            place.as_deref().unwrap_or("(request)"),
            what,
            limit,
            constant,
        ),
        Refused::TooLarge => too_large(),
    }
}

/// The refusal of a request longer than
/// [`MAX_REQUEST_BYTES`](crate::limits::MAX_REQUEST_BYTES), made before
/// any of it is read.
pub(crate) fn too_large() -> JsonError {
    let (place, problem) = Refused::TooLarge.place_and_problem("(request)");
    JsonError::new("limit_exceeded", format!("{place}: {problem}"), None)
}

/// Reads a validate request (CONTRACT section 5) at the door: the form, the
/// calendar it counts on, and its data.
pub(crate) fn read_validate(
    request: &str,
) -> Result<(crate::forms::FormId, crate::calendar::Division, Value), JsonError> {
    let value = parse(request)?;
    let field = |path: &str, problem: String| {
        JsonError::new("invalid_field", format!("{path}: {problem}"), None)
    };
    let Value::Object(mut top) = value else {
        return Err(field(
            "(request)",
            "expected an object {\"form\", \"data\"}".into(),
        ));
    };
    request::only(&top, "", &["form", "data", "calendar"], None)?;
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
        .remove("data")
        .ok_or_else(|| field("data", "missing".into()))?;
    Ok((form, division, data))
}

/// Writes an answer, or the `internal` error a failed write is (it never
/// fails for the library's own documents).
pub(crate) fn written(answer: serde_json::Result<String>) -> Result<String, JsonError> {
    answer.map_err(|e| {
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

/// The `unknown_policy` error document.
pub(crate) fn unknown_policy_document(table: &dyn request::PolicyTable) -> String {
    request::unknown_policy(table).to_value().to_string()
}

/// A refused definition's error document, its paths the definition's own.
/// A refused definition writes the contract's error document (its JSON face
/// lives here, with every other document's).
impl crate::policy::DefinitionError {
    /// The contract's error document: `{"error": {"code": "invalid_policy",
    /// "message", "problems": [{"path", "message"}]}}` (CONTRACT section
    /// 7), the problems' paths those of the definition.
    ///
    /// ```
    /// use safeguarding_resolution::policy::Policy;
    ///
    /// let error = Policy::from_definition_json(r#"{"id": "x", "name": "X"}"#).unwrap_err();
    /// let document: serde_json::Value = serde_json::from_str(&error.to_json())?;
    /// assert_eq!(document["error"]["code"], "invalid_policy");
    /// assert_eq!(document["error"]["problems"][0]["path"], "stages");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        JsonError::definition("", self).to_value().to_string()
    }
}

/// A validation serializes to the contract's answer (CONTRACT section 5):
/// `{"valid", "problems": [{"field", "code", "message"}], "warnings"}`, the
/// document [`validate_json`](crate::validate_json) writes.
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

#[cfg(test)]
mod door_tests;
