//! The language-neutral face of the library: JSON in, JSON out.
//!
//! [`evaluate_json`] takes the request of CONTRACT section 3 and always
//! returns one JSON document: the status of the case, or
//! `{"error": {"code", "message", "event_index"}}`. The C function
//! `sgr_evaluate` returns the same documents.

mod request;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::calendar::Calendar;
use crate::policy::{
    CaseStatus, Clause, Due, DueKind, MilestoneStatus, ObligationStatus, Policy, StageRecord,
};

/// An error in the JSON face: a code from CONTRACT section 3, a message, and
/// the event to blame when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    code: &'static str,
    message: String,
    event_index: Option<usize>,
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
        }
    }

    fn to_value(&self) -> Value {
        let mut error = Map::new();
        error.insert("code".into(), Value::from(self.code));
        error.insert("message".into(), Value::from(self.message.as_str()));
        if let Some(index) = self.event_index {
            error.insert("event_index".into(), Value::from(index));
        }
        json!({ "error": error })
    }
}

impl From<crate::policy::Error> for JsonError {
    fn from(error: crate::policy::Error) -> JsonError {
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
/// and described in `docs/json.md`.
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
    let value = match evaluate_value(request) {
        Ok(value) => value,
        Err(error) => error.to_value(),
    };
    value.to_string()
}

fn evaluate_value(request: &str) -> Result<Value, JsonError> {
    let value: Value = serde_json::from_str(request).map_err(|e| {
        JsonError::new(
            "invalid_json",
            format!(
                "the request is not valid JSON: {} (line {}, column {})",
                serde_json_message(&e),
                e.line(),
                e.column()
            ),
            None,
        )
    })?;
    let request = request::read(&value)?;
    let calendar = Calendar::uk(request.division);
    let status = Policy::get(request.policy).evaluate(calendar, &request.events, request.as_of)?;
    Ok(status_to_value(&status, calendar))
}

fn serde_json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    }
}

fn day(date: NaiveDate) -> Value {
    Value::from(date.format("%Y-%m-%d").to_string())
}

fn opt_day(date: Option<NaiveDate>) -> Value {
    date.map(day).unwrap_or(Value::Null)
}

fn clause(clause: &Clause) -> Value {
    Value::from(clause.to_string())
}

/// A deadline: its kind and date, the rule in words, and for a working-day
/// count the explanation and the bank holidays it skipped.
fn due(due: &Due, calendar: &Calendar) -> Value {
    let mut out = Map::new();
    out.insert("kind".into(), Value::from(due.kind.as_str()));
    match due.kind {
        DueKind::ByEndOf(date) => {
            out.insert("date".into(), day(date));
        }
        DueKind::At(at) => {
            out.insert(
                "datetime".into(),
                Value::from(at.format("%Y-%m-%dT%H:%M").to_string()),
            );
        }
        _ => {}
    }
    out.insert("rule".into(), Value::from(due.rule));
    if let Some(explained) = due.explain(calendar) {
        out.insert("explanation".into(), Value::from(explained.to_string()));
        let skips: Vec<Value> = explained
            .skipped()
            .iter()
            .filter(|d| !d.bank_holidays().is_empty())
            .map(|d| Value::from(d.to_string()))
            .collect();
        out.insert("skips".into(), Value::Array(skips));
    }
    Value::Object(out)
}

fn milestone(m: &MilestoneStatus, calendar: &Calendar) -> Value {
    json!({
        "name": m.name,
        "what": m.what,
        "due": due(&m.due, calendar),
        "met_on": opt_day(m.met_on),
        "overdue": m.overdue,
        "clause": clause(&m.clause),
    })
}

fn obligation(o: &ObligationStatus, calendar: &Calendar) -> Value {
    json!({
        "id": o.id,
        "what": o.what,
        "stage": o.stage,
        "arose_on": day(o.arose_on),
        "due": due(&o.due, calendar),
        "done": o.done_on.is_some(),
        "done_on": opt_day(o.done_on),
        "overdue": o.overdue,
        "clause": clause(&o.clause),
    })
}

fn history(h: &StageRecord, calendar: &Calendar) -> Value {
    json!({
        "stage": h.number,
        "name": h.name,
        "started_on": day(h.started_on),
        "ended_on": day(h.ended_on),
        "due": due(&h.due, calendar),
        "ended_by": h.ended_by.as_str(),
        "within_time": h.within_time,
    })
}

/// The response of CONTRACT section 3 for a status.
pub(crate) fn status_to_value(status: &CaseStatus, calendar: &Calendar) -> Value {
    let stage = match &status.stage {
        Some(stage) => json!({
            "number": stage.number,
            "name": stage.name,
            "started_on": day(stage.started_on),
            "due": due(&stage.due, calendar),
        }),
        None => Value::Null,
    };
    let redirect = match &status.redirect {
        Some(r) => json!({"to": r.to, "why": r.why, "clause": clause(&r.clause)}),
        None => Value::Null,
    };
    let finality = match &status.finality {
        Some(f) => json!({"meaning": f.meaning, "clause": clause(&f.clause)}),
        None => Value::Null,
    };
    let warnings: Vec<Value> = status
        .warnings
        .iter()
        .map(|w| json!({"event_index": w.event_index, "message": w.message, "clause": clause(&w.clause)}))
        .collect();
    json!({
        "policy": status.policy.as_str(),
        "calendar": calendar.divisions().first().map(|d| d.as_str()),
        "as_of": day(status.as_of),
        "status": status.state.as_str(),
        "stage": stage,
        "overdue": status.overdue,
        "working_days_overdue": status.working_days_overdue,
        "milestones": status.milestones.iter().map(|m| milestone(m, calendar)).collect::<Vec<_>>(),
        "obligations": status.obligations.iter().map(|o| obligation(o, calendar)).collect::<Vec<_>>(),
        "next": status.next.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
        "history": status.history.iter().map(|h| history(h, calendar)).collect::<Vec<_>>(),
        "redirect": redirect,
        "warnings": warnings,
        "area": status.area.as_ref().map(|a| a.id().to_string()),
        "raised_on": day(status.raised_on),
        "immediate_risk_on": opt_day(status.immediate_risk_on),
        "ended_on": opt_day(status.ended_on),
        "finality": finality,
    })
}
