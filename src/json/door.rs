//! The door every JSON request comes through: its size is checked before it
//! is parsed, a key given twice in one object is refused (the request would
//! mean two things), and its nesting and every string and key are checked
//! against [`crate::limits`] before any of it is read.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::JsonError;
use super::request::limit_error;
use crate::limits::{MAX_DEPTH, MAX_REQUEST_BYTES, MAX_STRING_BYTES};
use crate::place;

/// Why a text was refused at the door, in words a caller can be shown
/// (never a piece of the text).
pub(crate) enum Refused {
    /// Longer than [`MAX_REQUEST_BYTES`].
    TooLarge,
    /// Not JSON, or an object that gives a key twice: what and where.
    NotJson(String),
    /// Over a limit at a place (`None` for the top).
    Limit {
        place: Option<String>,
        what: &'static str,
        limit: usize,
        constant: &'static str,
    },
}

impl Refused {
    /// The place (`top` for the whole text) and the problem.
    pub(crate) fn place_and_problem(&self, top: &str) -> (String, String) {
        match self {
            Refused::TooLarge => (
                top.to_string(),
                format!(
                    "larger than the limit of {MAX_REQUEST_BYTES} bytes (limits::MAX_REQUEST_BYTES)"
                ),
            ),
            Refused::NotJson(problem) => (top.to_string(), format!("not valid JSON: {problem}")),
            Refused::Limit {
                place,
                what,
                limit,
                constant,
            } => (
                place.clone().unwrap_or_else(|| top.to_string()),
                format!("more than the limit of {limit} {what} (limits::{constant})"),
            ),
        }
    }
}

/// Reads any JSON text the library is handed (a request, a GOV.UK
/// document): its size before parsing, a key given twice in one object,
/// then its nesting, strings and keys against [`crate::limits`].
pub(crate) fn read(text: &str) -> Result<Value, Refused> {
    if text.len() > MAX_REQUEST_BYTES {
        return Err(Refused::TooLarge);
    }
    read_unsized(text)
}

/// [`read`] without the size check, for a document with a limit of its
/// own (checked by the caller before this).
fn read_unsized(text: &str) -> Result<Value, Refused> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Unique
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|e| {
            Refused::NotJson(format!(
                "{} (line {}, column {})",
                describe(&e),
                e.line(),
                e.column()
            ))
        })?;
    check_limits(&value)?;
    Ok(value)
}

/// Parses a request, or says why not: `limit_exceeded` for a request over a
/// limit, `invalid_json` for text that is not JSON (with its line and
/// column; never a piece of the text) or that gives a key twice.
pub(crate) fn parse(request: &str) -> Result<Value, JsonError> {
    read(request).map_err(refused_error)
}

/// Parses a sweep request (CONTRACT section 10) as [`parse`] does a
/// request, under the sweep's own size limit,
/// [`MAX_SWEEP_BYTES`](crate::limits::MAX_SWEEP_BYTES).
pub(crate) fn parse_sweep(request: &str) -> Result<Value, JsonError> {
    if request.len() > crate::limits::MAX_SWEEP_BYTES {
        return Err(sweep_too_large());
    }
    read_unsized(request).map_err(refused_error)
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
        } => limit_error(
            place.as_deref().unwrap_or("(request)"),
            what,
            limit,
            constant,
        ),
        Refused::TooLarge => too_large(),
    }
}

/// The refusal of a request longer than [`MAX_REQUEST_BYTES`], made before
/// any of it is read.
pub(crate) fn too_large() -> JsonError {
    let (place, problem) = Refused::TooLarge.place_and_problem("(request)");
    JsonError::new("limit_exceeded", format!("{place}: {problem}"), None)
}

/// serde_json's description of a syntax error, without its position (given
/// separately). A syntax error never quotes the text.
fn describe(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    }
}

/// One step from a node to a child, kept so that a path is written only
/// for the place of a problem.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The path of node `at` in `crumbs` (each a parent and the step from it),
/// or `(request)` for the top.
fn path_of(crumbs: &[(usize, Step<'_>)], mut at: usize) -> Option<String> {
    let mut steps = Vec::new();
    while at != 0 {
        let (parent, step) = &crumbs[at];
        steps.push(step);
        at = *parent;
    }
    if steps.is_empty() {
        return None;
    }
    let mut path = String::new();
    for step in steps.into_iter().rev() {
        match step {
            Step::Key(key) => path = place::key(&path, key),
            Step::Index(i) => path = place::index(&path, *i),
        }
    }
    Some(path)
}

/// Depth, strings and keys against their limits, walking the value without
/// recursion (and without writing a path until a problem is found); the
/// first problem found, with its place.
fn check_limits(value: &Value) -> Result<(), Refused> {
    // Each node visited: its parent's index here and the step to it (the
    // top is its own parent, at 0).
    let mut crumbs: Vec<(usize, Step<'_>)> = vec![(0, Step::Index(0))];
    // (value, its crumb, its depth)
    let mut stack: Vec<(&Value, usize, usize)> = vec![(value, 0, 1)];
    while let Some((value, crumb, depth)) = stack.pop() {
        match value {
            Value::String(text) if text.len() > MAX_STRING_BYTES => {
                return Err(Refused::Limit {
                    place: path_of(&crumbs, crumb),
                    what: "bytes in a string",
                    limit: MAX_STRING_BYTES,
                    constant: "MAX_STRING_BYTES",
                });
            }
            Value::Array(_) | Value::Object(_) if depth > MAX_DEPTH => {
                return Err(Refused::Limit {
                    place: path_of(&crumbs, crumb),
                    what: "levels of nesting",
                    limit: MAX_DEPTH,
                    constant: "MAX_DEPTH",
                });
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    if is_container_or_string(item) {
                        crumbs.push((crumb, Step::Index(i)));
                        stack.push((item, crumbs.len() - 1, depth + 1));
                    }
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    if key.len() > MAX_STRING_BYTES {
                        return Err(Refused::Limit {
                            place: path_of(&crumbs, crumb),
                            what: "bytes in a key",
                            limit: MAX_STRING_BYTES,
                            constant: "MAX_STRING_BYTES",
                        });
                    }
                    if is_container_or_string(item) {
                        crumbs.push((crumb, Step::Key(key)));
                        stack.push((item, crumbs.len() - 1, depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_container_or_string(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Array(_) | Value::Object(_))
}

/// Builds a [`Value`], refusing an object that gives a key twice.
struct Unique;

impl<'de> DeserializeSeed<'de> for Unique {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element_seed(Unique)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Unique)?;
            if object.insert(key, value).is_some() {
                return Err(de::Error::custom("a key is given twice in one object"));
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(request: &str) -> (&'static str, String) {
        let error = parse(request).unwrap_err();
        (error.code, error.message)
    }

    #[test]
    fn a_key_given_twice_is_refused_without_naming_it() {
        let (code, message) = refused(r#"{"policy": "a", "policy": "b"}"#);
        assert_eq!(code, "invalid_json");
        assert!(message.contains("a key is given twice"), "{message}");
        assert!(!message.contains("policy"), "{message}");
    }

    #[test]
    fn limits_are_named_never_the_value() {
        let long = "Jane Doe ".repeat(MAX_STRING_BYTES / 9 + 1);
        let (code, message) = refused(&format!(r#"{{"events": [{{"reason": "{long}"}}]}}"#));
        assert_eq!(code, "limit_exceeded");
        assert_eq!(
            message,
            "events[0].reason: more than the limit of 65536 bytes in a string (limits::MAX_STRING_BYTES)"
        );
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let (code, message) = refused(&deep);
        assert_eq!(code, "limit_exceeded");
        assert!(message.contains("MAX_DEPTH"), "{message}");
        assert!(
            parse(&format!(
                "{}{}",
                "[".repeat(MAX_DEPTH),
                "]".repeat(MAX_DEPTH)
            ))
            .is_ok()
        );
        let huge = " ".repeat(MAX_REQUEST_BYTES + 1);
        assert_eq!(code_of(&huge), "limit_exceeded");
    }

    fn code_of(request: &str) -> &'static str {
        parse(request).unwrap_err().code
    }

    #[test]
    fn syntax_errors_never_quote_the_text() {
        let (code, message) = refused(r#"{"name": "Jane Doe" "dob": 1}"#);
        assert_eq!(code, "invalid_json");
        assert!(
            !message.contains("Jane") && !message.contains("dob"),
            "{message}"
        );
    }
}
