//! What every document of the JSON face must satisfy, whatever the request:
//! written once, and shared by `tests/hostile_inputs.rs` and the fuzz
//! targets under `fuzz/` (which include this file with `#[path]`).
//!
//! Each check returns `Err` with a description of the broken rule, so a
//! caller can collect failures (the test) or panic on the first (a fuzz
//! target).

#![allow(dead_code)]

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use serde_json::{Map, Value};

/// The error codes of CONTRACT section 3 (and `invalid_policy`, section 7).
pub const ERROR_CODES: [&str; 10] = [
    "invalid_policy",
    "invalid_json",
    "unknown_policy",
    "unknown_calendar",
    "invalid_field",
    "events_out_of_order",
    "invalid_transition",
    "out_of_calendar_range",
    "limit_exceeded",
    "internal",
];

/// The problem codes of a validation (`forms::Problem`, CONTRACT section 5),
/// and `limit_exceeded` for a capped list.
pub const PROBLEM_CODES: [&str; 15] = [
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
    "limit_exceeded",
];

/// The escalation policies (CONTRACT section 3) and their statuses.
pub const ESCALATION_POLICIES: [&str; 3] = [
    "gscp-escalation-2021",
    "swindon-resolution-2026",
    "nsscp-issue-resolution-2025",
];
const ESCALATION_STATUSES: [&str; 5] = ["open", "resolved", "decided", "withdrawn", "redirected"];

/// The Resolution Group referral (CONTRACT section 4).
pub const REFERRAL_POLICY: &str = "gscp-resolution-group-2021";

/// The statutory clocks of serious incidents (CONTRACT section 9).
pub const SERIOUS_INCIDENT_POLICY: &str = "gscp-serious-incident-2021";

/// The kinds of a `due`.
const DUE_KINDS: [&str; 5] = ["by_end_of", "at", "immediately", "without_delay", "none"];

/// The longest message any document may carry.
pub const MAX_MESSAGE_BYTES: usize = 2048;

/// A failed rule, with enough to find it.
pub type Checked = Result<(), String>;

fn fail<T>(what: impl Into<String>) -> Result<T, String> {
    Err(what.into())
}

fn parse_document(document: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(document) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(other) => fail(format!("the response is JSON but not an object: {other}")),
        Err(e) => fail(format!("the response is not JSON ({e}): {document}")),
    }
}

fn date(value: &Value) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d").ok()
}

/// The number of events in a request, when it has a list of them.
fn events_in(request: Option<&Value>) -> Option<usize> {
    request?.get("events")?.as_array().map(Vec::len)
}

/// `{"error": {"code", "message", "event_index"?}}`, alone.
fn check_error(document: &Map<String, Value>, events: Option<usize>, codes: &[&str]) -> Checked {
    if document.len() != 1 {
        return fail("an error document has keys beside \"error\"");
    }
    let Some(error) = document["error"].as_object() else {
        return fail("\"error\" is not an object");
    };
    for key in error.keys() {
        // `problems`: a refused policy definition's (CONTRACT section 7).
        let definition =
            key == "problems" && error.get("code") == Some(&Value::from("invalid_policy"));
        if !["code", "message", "event_index"].contains(&key.as_str()) && !definition {
            return fail(format!("the error has an undocumented key {key:?}"));
        }
    }
    match error.get("code").and_then(Value::as_str) {
        Some(code) if codes.contains(&code) => {}
        other => return fail(format!("the error code {other:?} is not a documented one")),
    }
    match error.get("message").and_then(Value::as_str) {
        // A message is the size of the policy's vocabulary, never of the
        // request: no value, no list of the case's many duties.
        Some(message) if message.len() > MAX_MESSAGE_BYTES => {
            return fail(format!("a message of {} bytes", message.len()));
        }
        Some(message) if !message.trim().is_empty() => {}
        _ => return fail("the error has no message"),
    }
    if let Some(problems) = error.get("problems") {
        let Some(problems) = problems.as_array().filter(|p| !p.is_empty()) else {
            return fail("problems is not a list of problems");
        };
        for problem in problems {
            let (Some(path), Some(message)) = (
                problem.get("path").and_then(Value::as_str),
                problem.get("message").and_then(Value::as_str),
            ) else {
                return fail("a problem without its path and message");
            };
            if path.is_empty() || message.trim().is_empty() || message.len() > MAX_MESSAGE_BYTES {
                return fail("a problem with an empty path or an empty or long message");
            }
        }
    }
    if let Some(index) = error.get("event_index") {
        let Some(index) = index.as_u64() else {
            return fail(format!("event_index {index} is not a count"));
        };
        match events {
            Some(n) if (index as usize) < n => {}
            Some(n) => {
                return fail(format!(
                    "event_index {index} but the request has {n} events"
                ));
            }
            None => {
                return fail(format!(
                    "event_index {index} but the request has no events list"
                ));
            }
        }
    }
    Ok(())
}

/// Every `event_index` of the response's warnings names an event.
fn check_warnings(document: &Map<String, Value>, events: Option<usize>) -> Checked {
    let Some(warnings) = document.get("warnings") else {
        return Ok(());
    };
    let Some(warnings) = warnings.as_array() else {
        return fail("\"warnings\" is not a list");
    };
    for warning in warnings {
        match warning.get("message").and_then(Value::as_str) {
            Some(m) if !m.trim().is_empty() => {}
            _ => return fail(format!("a warning without a message: {warning}")),
        }
        if let Some(index) = warning.get("event_index").and_then(Value::as_u64) {
            match events {
                Some(n) if (index as usize) < n => {}
                _ => {
                    return fail(format!(
                        "warning event_index {index}, the request has {events:?} events"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Every `due` object anywhere (an object with `kind` and `rule`): a known
/// kind, its date or time, and for a working-day count (`counted_from`) a
/// date that is a working day and the count it claims.
fn check_dues(value: &Value, calendar: &Calendar, path: &mut String) -> Checked {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_dues(item, calendar, path)?;
                path.truncate(len);
            }
        }
        Value::Object(object) => {
            if let (Some(kind), Some(_)) = (object.get("kind"), object.get("rule")) {
                check_due(object, kind, calendar, path)?;
            }
            for (key, item) in object {
                let len = path.len();
                path.push('.');
                path.push_str(key);
                check_dues(item, calendar, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_due(
    object: &Map<String, Value>,
    kind: &Value,
    calendar: &Calendar,
    path: &str,
) -> Checked {
    let Some(kind) = kind.as_str().filter(|k| DUE_KINDS.contains(k)) else {
        return fail(format!("{path}: unknown due kind {kind}"));
    };
    match kind {
        "by_end_of" => {
            let Some(due) = object.get("date").and_then(date) else {
                return fail(format!("{path}: by_end_of without a date"));
            };
            let counting = object.get("counting").and_then(Value::as_str);
            let sign = match counting {
                None | Some("working_days_after") => 1,
                Some("working_days_before") => -1,
                // Calendar days (serious incidents' rapid review): the
                // deadline may fall on any day.
                Some("days_after") => return Ok(()),
                Some(other) => return fail(format!("{path}: unknown counting {other:?}")),
            };
            if let Some(from) = object.get("counted_from") {
                let Some(from) = date(from) else {
                    return fail(format!("{path}: counted_from is not a date"));
                };
                match calendar.is_working_day(due) {
                    Ok(true) => {}
                    Ok(false) => {
                        return fail(format!(
                            "{path}: the working-day deadline {due} is not a working day"
                        ));
                    }
                    Err(e) => {
                        return fail(format!(
                            "{path}: the deadline {due} is off the calendar: {e}"
                        ));
                    }
                }
                let Some(claimed) = object.get("working_days").and_then(Value::as_i64) else {
                    return fail(format!("{path}: counted_from without working_days"));
                };
                // After: the working days in (from, due]. Before (the
                // n-th working day strictly before `from`, which may itself
                // be a weekend): the working days in [due, from), counted
                // as those in (due - 1, from - 1].
                let counted = if sign > 0 {
                    calendar.working_days_between(from, due)
                } else {
                    calendar.working_days_between(
                        due.pred_opt().unwrap_or(due),
                        from.pred_opt().unwrap_or(from),
                    )
                };
                match counted {
                    Ok(counted) if counted == claimed => {}
                    Ok(counted) => {
                        return fail(format!(
                            "{path}: {claimed} working days from {from} claimed, {counted} counted to {due}"
                        ));
                    }
                    Err(e) => return fail(format!("{path}: {from} is off the calendar: {e}")),
                }
                if !object.get("skips").is_some_and(Value::is_array) {
                    return fail(format!("{path}: counted_from without skips"));
                }
            }
        }
        "at" if !object.get("datetime").is_some_and(Value::is_string) => {
            return fail(format!("{path}: at without a datetime"));
        }
        _ => {}
    }
    Ok(())
}

/// The calendar a response was evaluated on.
fn calendar_of(document: &Map<String, Value>) -> Result<&'static Calendar, String> {
    let name = document
        .get("calendar")
        .and_then(Value::as_str)
        .unwrap_or("england-and-wales");
    name.parse::<Division>()
        .map(Calendar::uk)
        .map_err(|_| format!("the response's calendar {name:?} is not a division"))
}

fn check_escalation(document: &Map<String, Value>, calendar: &Calendar) -> Checked {
    let status = document.get("status").and_then(Value::as_str);
    if !status.is_some_and(|s| ESCALATION_STATUSES.contains(&s)) {
        return fail(format!("status {status:?} is not documented"));
    }
    for key in ["milestones", "obligations", "next", "history", "warnings"] {
        if !document.get(key).is_some_and(Value::is_array) {
            return fail(format!("{key} is not a list"));
        }
    }
    let open = status == Some("open");
    match document.get("stage") {
        Some(Value::Object(_)) if open => {}
        Some(Value::Null) if !open => {}
        other => return fail(format!("stage {other:?} with status {status:?}")),
    }
    let Some(overdue) = document.get("overdue").and_then(Value::as_bool) else {
        return fail("overdue is not a boolean");
    };
    let Some(days) = document.get("working_days_overdue").and_then(Value::as_u64) else {
        return fail("working_days_overdue is not a count");
    };
    if !overdue {
        if days != 0 {
            return fail(format!("not overdue, but {days} working days overdue"));
        }
        return Ok(());
    }
    let due = &document["stage"]["due"];
    if due["kind"] == "by_end_of" {
        let (Some(due), Some(as_of)) = (date(&due["date"]), document.get("as_of").and_then(date))
        else {
            return fail("overdue without a due date or as_of");
        };
        match calendar.working_days_between(due, as_of) {
            Ok(counted) if counted == days as i64 && counted > 0 => {}
            other => {
                return fail(format!(
                    "{days} working days overdue, working_days_between({due}, {as_of}) is {other:?}"
                ));
            }
        }
    }
    Ok(())
}

/// Checks one response of `evaluate_json` (or `sgr_evaluate`) to `request`.
///
/// # Errors
///
/// The first rule the response breaks.
pub fn check_evaluate(request: &str, response: &str) -> Checked {
    let document = parse_document(response)?;
    let request: Option<Value> = serde_json::from_str(request).ok();
    let events = events_in(request.as_ref());
    if document.contains_key("error") {
        return check_error(&document, events, &ERROR_CODES);
    }
    let Some(request) = request else {
        return fail("a request that is not JSON was answered");
    };
    let policy = document.get("policy").and_then(Value::as_str);
    // A policy named by its id, or a definition given inline (answered
    // under the definition's id).
    let (asked, inline) = match request.get("policy") {
        Some(Value::Object(definition)) => (definition.get("id").and_then(Value::as_str), true),
        other => (other.and_then(Value::as_str), false),
    };
    if policy.is_none() || policy != asked {
        return fail(format!(
            "the response's policy {policy:?} is not the request's"
        ));
    }
    if !document.get("status").is_some_and(Value::is_string) {
        return fail("no status");
    }
    let calendar = calendar_of(&document)?;
    check_warnings(&document, events)?;
    match policy {
        Some(p) if inline || ESCALATION_POLICIES.contains(&p) => {
            check_escalation(&document, calendar)?;
        }
        Some(REFERRAL_POLICY | SERIOUS_INCIDENT_POLICY) => {}
        other => return fail(format!("an answer for the unknown policy {other:?}")),
    }
    check_dues(&Value::Object(document), calendar, &mut String::new())
}

/// Checks one response of `validate_json` (or `sgr_validate`) to `request`.
///
/// # Errors
///
/// The first rule the response breaks.
pub fn check_validate(request: &str, response: &str) -> Checked {
    let document = parse_document(response)?;
    if document.contains_key("error") {
        return check_error(&document, None, &ERROR_CODES);
    }
    if serde_json::from_str::<Value>(request).is_err() {
        return fail("a request that is not JSON was answered");
    }
    if document
        .keys()
        .any(|k| !["valid", "problems", "warnings"].contains(&k.as_str()))
    {
        return fail("a validation has keys beside valid, problems and warnings");
    }
    let Some(valid) = document.get("valid").and_then(Value::as_bool) else {
        return fail("valid is not a boolean");
    };
    let Some(problems) = document.get("problems").and_then(Value::as_array) else {
        return fail("problems is not a list");
    };
    if valid != problems.is_empty() {
        return fail(format!("valid is {valid} with {} problems", problems.len()));
    }
    let warnings = match document.get("warnings") {
        None => &[][..],
        Some(Value::Array(warnings)) => &warnings[..],
        Some(_) => return fail("warnings is not a list"),
    };
    for problem in problems.iter().chain(warnings) {
        let Some(problem) = problem.as_object() else {
            return fail("a problem is not an object");
        };
        if problem.len() != 3 {
            return fail(format!(
                "a problem with keys {:?}",
                problem.keys().collect::<Vec<_>>()
            ));
        }
        if !problem.get("field").is_some_and(Value::is_string) {
            return fail("a problem without a field");
        }
        match problem.get("code").and_then(Value::as_str) {
            Some(code) if PROBLEM_CODES.contains(&code) => {}
            other => return fail(format!("the problem code {other:?} is not documented")),
        }
        match problem.get("message").and_then(Value::as_str) {
            Some(m) if !m.trim().is_empty() => {}
            _ => return fail("a problem without a message"),
        }
    }
    Ok(())
}

/// The messages of a document a caller may show: `error.message`,
/// `warnings[].message` and `problems[].message`.
pub fn messages(response: &str) -> Vec<String> {
    let Ok(document) = serde_json::from_str::<Value>(response) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(message) = document["error"]["message"].as_str() {
        out.push(message.to_string());
    }
    // A refused policy definition's problems.
    for item in document["error"]["problems"]
        .as_array()
        .into_iter()
        .flatten()
    {
        if let Some(message) = item["message"].as_str() {
            out.push(message.to_string());
        }
    }
    for list in ["warnings", "problems"] {
        for item in document[list].as_array().into_iter().flatten() {
            if let Some(message) = item["message"].as_str() {
                out.push(message.to_string());
            }
        }
    }
    out
}

/// The messages of `response` that contain `marker`.
pub fn messages_quoting(response: &str, marker: &str) -> Vec<String> {
    messages(response)
        .into_iter()
        .filter(|m| m.contains(marker))
        .collect()
}

/// `evaluate_json(request)`, called twice: the two answers must be
/// byte-identical, and the answer must pass [`check_evaluate`].
///
/// # Errors
///
/// The first rule broken.
pub fn evaluate_checked(request: &str) -> Result<String, String> {
    let first = safeguarding_resolution::evaluate_json(request);
    let second = safeguarding_resolution::evaluate_json(request);
    if first != second {
        return fail(format!("two answers differ:\n{first}\n{second}"));
    }
    check_evaluate(request, &first)?;
    Ok(first)
}

/// `validate_json(request)`, called twice: the two answers must be
/// byte-identical, and the answer must pass [`check_validate`].
///
/// # Errors
///
/// The first rule broken.
pub fn validate_checked(request: &str) -> Result<String, String> {
    let first = safeguarding_resolution::validate_json(request);
    let second = safeguarding_resolution::validate_json(request);
    if first != second {
        return fail(format!("two answers differ:\n{first}\n{second}"));
    }
    check_validate(request, &first)?;
    Ok(first)
}
