//! Reading an evaluate request, field by field, so that every problem names
//! its place (`events[2].to_stage`) and what was allowed.

use chrono::{NaiveDate, NaiveTime};
use serde_json::{Map, Value};

use super::JsonError;
use crate::calendar::{Division, parse_iso_date};
use crate::limits;
use crate::place;
use std::borrow::Cow;

use crate::policy::{Area, Event, EventKind, FreeText, Parties, Policy, Raised, Seniority, When};

/// A request read: an escalation case or a Resolution Group referral.
pub(crate) enum Parsed<'e> {
    Escalation(Box<Request<'e>>),
    Referral(super::referral::ReferralRequest),
    SeriousIncident(super::serious_incident::IncidentRequest),
}

/// What an escalation request asks for.
pub(crate) struct Request<'e> {
    /// The engine's policy named by id, or a definition given inline.
    pub(crate) policy: Cow<'e, Policy>,
    pub(crate) division: Division,
    pub(crate) as_of: NaiveDate,
    pub(crate) events: Vec<Event>,
}

pub(crate) use crate::place::kind_of;

/// `invalid_field` at a place: the message is the place and what was
/// expected there, never the value found.
pub(crate) fn field_error(
    path: impl Into<String>,
    problem: impl Into<String>,
    event: Option<usize>,
) -> JsonError {
    JsonError::new(
        "invalid_field",
        format!("{}: {}", path.into(), problem.into()),
        event,
    )
}

/// `limit_exceeded` at a place: names the limit, never the value.
pub(crate) fn limit_error(path: &str, what: &str, limit: usize, constant: &str) -> JsonError {
    JsonError::new(
        "limit_exceeded",
        format!("{path}: more than the limit of {limit} {what} (limits::{constant})"),
        None,
    )
}

/// Refuses a list longer than a limit, before its items are read.
pub(crate) fn at_most(
    items: &[Value],
    path: &str,
    what: &str,
    limit: usize,
    constant: &str,
) -> Result<(), JsonError> {
    if items.len() > limit {
        return Err(limit_error(path, what, limit, constant));
    }
    Ok(())
}

/// Refuses fields the object may not have, naming those it may.
pub(crate) fn only(
    object: &Map<String, Value>,
    path: &str,
    allowed: &[&str],
    event: Option<usize>,
) -> Result<(), JsonError> {
    if let Some(unknown) = object.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(field_error(
            place::key(path, unknown),
            format!("unknown field; allowed here: {}", allowed.join(", ")),
            event,
        ));
    }
    Ok(())
}

pub(crate) fn string<'a>(
    object: &'a Map<String, Value>,
    path: &str,
    key: &str,
    event: Option<usize>,
) -> Result<Option<&'a str>, JsonError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(field_error(join(path, key), "expected a string", event)),
    }
}

pub(crate) fn boolean(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    event: Option<usize>,
) -> Result<bool, JsonError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(field_error(
            join(path, key),
            "expected true or false",
            event,
        )),
    }
}

pub(crate) fn text(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    event: Option<usize>,
) -> Result<Option<FreeText>, JsonError> {
    Ok(string(object, path, key, event)?.map(FreeText::new))
}

pub(crate) fn join(path: &str, key: &str) -> String {
    place::key(path, key)
}

pub(crate) fn date(text: &str, path: &str, event: Option<usize>) -> Result<NaiveDate, JsonError> {
    parse_iso_date(text).map_err(|problem| field_error(path, problem, event))
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
pub(crate) fn when(text: &str, path: &str, event: Option<usize>) -> Result<When, JsonError> {
    match text.split_once('T') {
        None => Ok(When::Date(date(text, path, event)?)),
        Some((day, time)) => {
            let day = date(day, path, event)?;
            let bytes = time.as_bytes();
            let shape = bytes.len() == 5
                && bytes[2] == b':'
                && [0, 1, 3, 4].iter().all(|&i| bytes[i].is_ascii_digit());
            let parsed = shape
                .then(|| {
                    let hour = u32::from(bytes[0] - b'0') * 10 + u32::from(bytes[1] - b'0');
                    let minute = u32::from(bytes[3] - b'0') * 10 + u32::from(bytes[4] - b'0');
                    NaiveTime::from_hms_opt(hour, minute, 0)
                })
                .flatten();
            match parsed {
                Some(time) => Ok(When::DateTime(day.and_time(time))),
                None => Err(field_error(
                    path,
                    "not a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM (UK local, 00:00 to 23:59)",
                    event,
                )),
            }
        }
    }
}

fn seniority(value: &Value, path: &str, event: Option<usize>) -> Result<Seniority, JsonError> {
    let names: Vec<&str> = Seniority::ALL.iter().map(|s| s.as_str()).collect();
    value
        .as_str()
        .and_then(|name| Seniority::ALL.into_iter().find(|s| s.as_str() == name))
        .ok_or_else(|| field_error(path, format!("expected one of {}", names.join(", ")), event))
}

fn parties(
    object: &Map<String, Value>,
    path: &str,
    event: Option<usize>,
) -> Result<Option<Parties>, JsonError> {
    let path = join(path, "parties");
    match object.get("parties") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(p)) => {
            only(p, &path, &["raising", "other"], event)?;
            let get = |key: &str| -> Result<Seniority, JsonError> {
                match p.get(key) {
                    Some(value) => seniority(value, &join(&path, key), event),
                    None => Err(field_error(join(&path, key), "missing", event)),
                }
            };
            Ok(Some(Parties {
                raising: get("raising")?,
                other: get("other")?,
            }))
        }
        Some(_) => Err(field_error(
            path,
            "expected an object {\"raising\": level, \"other\": level}",
            event,
        )),
    }
}

fn area(
    object: &Map<String, Value>,
    path: &str,
    policy: Option<&Policy>,
    event: Option<usize>,
) -> Result<Option<Area>, JsonError> {
    let path = join(path, "area");
    match (object.get("area"), policy) {
        (Some(Value::String(id)), None) if crate::policy::is_id(id) => {
            // Checked against the policy's areas when the case is evaluated.
            Ok(Some(Area::Listed(id.as_str().into())))
        }
        (Some(Value::String(_)), None) => Err(field_error(
            path,
            "expected an area id (lower-case letters, digits, '_' or '-') or {\"other\": text}",
            event,
        )),
        (area, Some(policy)) => known_area(area, policy, &path, event),
        (area, None) => other_area(area, &path, event),
    }
}

fn known_area(
    area: Option<&Value>,
    policy: &Policy,
    path: &str,
    event: Option<usize>,
) -> Result<Option<Area>, JsonError> {
    let areas = &policy.areas;
    match area {
        Some(Value::String(id)) => match policy.area(id) {
            Some(area) => Ok(Some(area)),
            None => Err(field_error(
                path,
                format!(
                    "not one of this policy's areas: {}, or {{\"other\": text}}",
                    crate::place::few(areas.iter().map(|a| a.id.as_str()))
                ),
                event,
            )),
        },
        area => other_area(area, path, event),
    }
}

/// An area that is not a listed id: `{"other": text}`, none, or wrong.
fn other_area(
    area: Option<&Value>,
    path: &str,
    event: Option<usize>,
) -> Result<Option<Area>, JsonError> {
    let path = path.to_string();
    match area {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(other)) => {
            only(other, &path, &["other"], event)?;
            match other.get("other") {
                Some(Value::String(text)) if !text.trim().is_empty() => {
                    Ok(Some(Area::Other(FreeText::new(text.as_str()))))
                }
                Some(Value::String(_)) => Err(field_error(join(&path, "other"), "is blank", event)),
                Some(_) => Err(field_error(
                    join(&path, "other"),
                    "expected a string",
                    event,
                )),
                None => Err(field_error(join(&path, "other"), "missing", event)),
            }
        }
        Some(_) => Err(field_error(
            path,
            "expected an area id or {\"other\": text}",
            event,
        )),
    }
}

/// An optional stage number (a whole number from 0 to 255; the policy
/// decides which are stages).
fn stage_number(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    event: Option<usize>,
) -> Result<Option<u8>, JsonError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => match value.as_u64().and_then(|n| u8::try_from(n).ok()) {
            Some(n) => Ok(Some(n)),
            _ => Err(field_error(
                join(path, key),
                "expected a stage number",
                event,
            )),
        },
    }
}

/// The fields each event type may have: `type`, `on` and its own.
const RAISED: [&str; 10] = [
    "type",
    "on",
    "area",
    "immediate_risk",
    "about_employee_conduct",
    "employee_works_with_children",
    "child_protection_conference_decision",
    "dissent_process_exhausted",
    "parties",
    "priority",
];
const ESCALATED: [&str; 6] = ["type", "on", "to_stage", "reason", "parties", "priority"];
const CONCLUDED: [&str; 3] = ["type", "on", "outcome"];
const WITHDRAWN: [&str; 3] = ["type", "on", "reason"];
const IMMEDIATE_RISK: [&str; 2] = ["type", "on"];
const RECORDED: [&str; 4] = ["type", "on", "record", "stage"];
const TIMESCALE_SET: [&str; 5] = ["type", "on", "due", "stage", "obligation"];

pub(crate) fn event(
    value: &Value,
    index: usize,
    policy: Option<&Policy>,
) -> Result<Event, JsonError> {
    let path = place::index("events", index);
    let at = Some(index);
    let Value::Object(object) = value else {
        return Err(field_error(path, "expected an event object", at));
    };
    let Some(kind) = string(object, &path, "type", at)? else {
        return Err(field_error(join(&path, "type"), "missing", at));
    };
    let Some(on) = string(object, &path, "on", at)? else {
        return Err(field_error(join(&path, "on"), "missing", at));
    };
    let on = when(on, &join(&path, "on"), at)?;
    let kind = match kind {
        "raised" => {
            only(object, &path, &RAISED, at)?;
            let mut raised = Raised::new();
            raised.area = area(object, &path, policy, at)?;
            raised.immediate_risk = boolean(object, &path, "immediate_risk", at)?;
            raised.about_employee_conduct = boolean(object, &path, "about_employee_conduct", at)?;
            raised.employee_works_with_children =
                boolean(object, &path, "employee_works_with_children", at)?;
            raised.child_protection_conference_decision =
                boolean(object, &path, "child_protection_conference_decision", at)?;
            raised.dissent_process_exhausted =
                boolean(object, &path, "dissent_process_exhausted", at)?;
            raised.parties = parties(object, &path, at)?;
            raised.priority = string(object, &path, "priority", at)?.map(str::to_string);
            EventKind::Raised(raised)
        }
        "escalated" => {
            only(object, &path, &ESCALATED, at)?;
            EventKind::Escalated {
                to_stage: stage_number(object, &path, "to_stage", at)?,
                reason: text(object, &path, "reason", at)?,
                parties: parties(object, &path, at)?,
                priority: string(object, &path, "priority", at)?.map(str::to_string),
            }
        }
        "resolved" => {
            only(object, &path, &CONCLUDED, at)?;
            EventKind::Resolved {
                outcome: text(object, &path, "outcome", at)?,
            }
        }
        "decided" => {
            only(object, &path, &CONCLUDED, at)?;
            EventKind::Decided {
                outcome: text(object, &path, "outcome", at)?,
            }
        }
        "withdrawn" => {
            only(object, &path, &WITHDRAWN, at)?;
            EventKind::Withdrawn {
                reason: text(object, &path, "reason", at)?,
            }
        }
        "immediate_risk" => {
            only(object, &path, &IMMEDIATE_RISK, at)?;
            EventKind::ImmediateRisk
        }
        "recorded" => {
            only(object, &path, &RECORDED, at)?;
            EventKind::Recorded {
                record: string(object, &path, "record", at)?.map(str::to_string),
                stage: stage_number(object, &path, "stage", at)?,
            }
        }
        "timescale_set" => {
            only(object, &path, &TIMESCALE_SET, at)?;
            let Some(due) = string(object, &path, "due", at)? else {
                return Err(field_error(join(&path, "due"), "missing", at));
            };
            EventKind::TimescaleSet {
                due: date(due, &join(&path, "due"), at)?,
                stage: stage_number(object, &path, "stage", at)?,
                obligation: string(object, &path, "obligation", at)?.map(str::to_string),
            }
        }
        _ => {
            return Err(field_error(
                join(&path, "type"),
                "not an event type; expected raised, escalated, resolved, decided, withdrawn, immediate_risk, recorded or timescale_set",
                at,
            ));
        }
    };
    Ok(Event { on, kind })
}

/// Reads the request's object (after JSON parsing).
/// Where a request's policy id is looked up: the engine's table of
/// policies. The wire reads the id; whoever holds the policies answers it.
pub(crate) trait PolicyTable {
    /// The policy with this id, built-in or added.
    fn policy(&self, id: &str) -> Option<&Policy>;
    /// The ids of every policy the table holds.
    fn policy_ids(&self) -> Vec<&str>;
    /// Whether an id is one of the library's own, which only its own
    /// document may take (CONTRACT section 8).
    fn is_reserved(&self, id: &str) -> bool;
}

pub(crate) fn read<'e>(value: &Value, table: &'e dyn PolicyTable) -> Result<Parsed<'e>, JsonError> {
    let Value::Object(top) = value else {
        return Err(field_error(
            "(request)",
            "expected an object with policy, as_of and events",
            None,
        ));
    };
    let policy = match top.get("policy") {
        Some(Value::String(id)) if id == "gscp-resolution-group-2021" => {
            let division = read_division(top)?;
            return Ok(Parsed::Referral(super::referral::read(top, division)?));
        }
        Some(Value::String(id)) if id == crate::serious_incident::POLICY_ID => {
            return Ok(Parsed::SeriousIncident(super::serious_incident::read(top)?));
        }
        Some(Value::String(id)) => match table.policy(id) {
            Some(policy) => Cow::Borrowed(policy),
            None => return Err(unknown_policy(table)),
        },
        Some(definition @ Value::Object(_)) => match inline_definition(table, definition) {
            Ok(policy) => policy,
            Err(error) => return Err(JsonError::definition("policy", &error)),
        },
        Some(_) => {
            return Err(field_error(
                "policy",
                "expected a policy id (a string) or a policy definition (an object)",
                None,
            ));
        }
        None => return Err(field_error("policy", "missing", None)),
    };
    only(top, "", &["policy", "calendar", "as_of", "events"], None)?;
    let division = read_division(top)?;
    let as_of = match top.get("as_of") {
        Some(Value::String(text)) => date(text, "as_of", None)?,
        Some(_) => {
            return Err(field_error("as_of", "expected a date YYYY-MM-DD", None));
        }
        None => return Err(field_error("as_of", "missing", None)),
    };
    let events = match top.get("events") {
        Some(Value::Array(events)) => {
            at_most(events, "events", "events", limits::MAX_EVENTS, "MAX_EVENTS")?;
            events
                .iter()
                .enumerate()
                .map(|(i, e)| event(e, i, Some(&policy)))
                .collect::<Result<Vec<Event>, JsonError>>()?
        }
        Some(_) => {
            return Err(field_error("events", "expected a list of events", None));
        }
        None => return Err(field_error("events", "missing", None)),
    };
    Ok(Parsed::Escalation(Box::new(Request {
        policy,
        division,
        as_of,
        events,
    })))
}

fn read_division(top: &Map<String, Value>) -> Result<Division, JsonError> {
    match top.get("calendar") {
        None | Some(Value::Null) => Ok(Division::EnglandAndWales),
        Some(Value::String(name)) => name.parse::<Division>().map_err(|_| unknown_calendar()),
        Some(_) => Err(field_error(
            "calendar",
            "expected a calendar name (a string)",
            None,
        )),
    }
}

/// The built-in policy whose id a definition gives, when the definition is
/// exactly that policy's own document.
/// A definition given inline (in a request, or to be checked as one): a
/// built-in policy's id is taken only by that policy's own document
/// (CONTRACT section 8), which is then that policy; any other definition is
/// loaded with every problem at once.
pub(crate) fn inline_definition<'e>(
    table: &dyn PolicyTable,
    definition: &Value,
) -> Result<Cow<'e, Policy>, crate::policy::DefinitionError> {
    match definition.get("id").and_then(Value::as_str) {
        Some(id) if table.is_reserved(id) => match own_document(id, definition) {
            Some(policy) => Ok(Cow::Borrowed(policy)),
            None => Err(crate::policy::DefinitionError::reserved_id()),
        },
        _ => Policy::from_definition(definition).map(Cow::Owned),
    }
}

fn own_document(id: &str, definition: &Value) -> Option<&'static Policy> {
    let builtin = crate::policy::PolicyId::ALL
        .into_iter()
        .find(|p| p.as_str() == id)?;
    let own: Value = serde_json::from_str(crate::policy::builtin_document(builtin)).ok()?;
    (own == *definition).then(|| Policy::get(builtin))
}

/// `unknown_policy`, naming the policies the engine knows (ids of the
/// library's own form, never the text given).
pub(crate) fn unknown_policy(table: &dyn PolicyTable) -> JsonError {
    let mut known = table.policy_ids();
    known.push("gscp-resolution-group-2021");
    known.push(crate::serious_incident::POLICY_ID);
    known.sort_unstable();
    JsonError::new(
        "unknown_policy",
        format!(
            "policy: not a known policy; known: {}",
            crate::place::few(known)
        ),
        None,
    )
}

/// `unknown_calendar`, naming the calendars known.
pub(crate) fn unknown_calendar() -> JsonError {
    JsonError::new(
        "unknown_calendar",
        "calendar: not a known calendar; known: england-and-wales, scotland, northern-ireland"
            .to_string(),
        None,
    )
}

/// An event deserializes from the contract's event JSON (CONTRACT section
/// 3: `{"type": "raised", "on": "2027-01-04", ...}`), read as
/// `evaluate_json` reads it. An area id is checked against the policy when
/// the case is evaluated. An error names the field and what was expected,
/// never the value.
impl<'de> serde::Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        let value = Value::deserialize(deserializer)?;
        event(&value, 0, None).map_err(|error| {
            // The reader names the place as `events[0]`: one event alone
            // is named `event`.
            let message = error.message().replacen("events[0]", "event", 1);
            serde::de::Error::custom(message)
        })
    }
}
