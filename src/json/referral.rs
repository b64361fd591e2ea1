//! The JSON face of the Resolution Group referral (CONTRACT section 4):
//! reading its request and writing its response.

use serde::Serialize;
use serde_json::{Map, Value};

use super::JsonError;
use super::request::{
    at_most, boolean, date, event, join, kind_of, limit_error, only, string, text, when,
};
use super::response::{self, Day, ObligationView, WarningView, day};
use crate::calendar::{Calendar, Division};
use crate::limits;
use crate::place;
use crate::policy::{Event, FreeText, Policy, PolicyId};
use crate::resolution_group::{
    AgreedAction, Agreement, DeadlineRule, EscalationTarget, Feature, PriorProcess, ReferralEvent,
    ReferralEventKind, ReferralStatus, ReportBack, ReportForm, ResourceAgreement, Risk, Schedule,
    Section, StatutoryReview, Submission,
};

/// A referral request, read.
pub(crate) struct ReferralRequest {
    pub(crate) division: Division,
    pub(crate) as_of: chrono::NaiveDate,
    pub(crate) schedule: Schedule,
    pub(crate) events: Vec<ReferralEvent>,
    pub(crate) escalation: Option<Vec<Event>>,
}

fn field(path: impl Into<String>, problem: impl Into<String>, event: Option<usize>) -> JsonError {
    JsonError::new(
        "invalid_field",
        format!("{}: {}", path.into(), problem.into()),
        event,
    )
}

/// A list of ids from a closed set (or one id alone).
fn ids<T: Copy>(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    known: &[T],
    id: fn(T) -> &'static str,
    at: Option<usize>,
) -> Result<Vec<T>, JsonError> {
    let path = join(path, key);
    let values: Vec<&Value> = match object.get(key) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::String(_)) => vec![one],
        Some(other) => {
            return Err(field(
                path,
                format!("expected a list of ids, found {}", kind_of(other)),
                at,
            ));
        }
    };
    let names: Vec<&str> = known.iter().map(|k| id(*k)).collect();
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let found = value
            .as_str()
            .and_then(|name| known.iter().copied().find(|k| id(*k) == name));
        match found {
            Some(item) => out.push(item),
            None => {
                return Err(field(
                    place::index(&path, i),
                    format!("expected one of {}", names.join(", ")),
                    at,
                ));
            }
        }
    }
    Ok(out)
}

fn texts(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    at: Option<usize>,
) -> Result<Vec<FreeText>, JsonError> {
    let path = join(path, key);
    match object.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) => Ok(FreeText::new(s.as_str())),
                other => Err(field(
                    place::index(&path, i),
                    format!("expected a string, found {}", kind_of(other)),
                    at,
                )),
            })
            .collect(),
        Some(other) => Err(field(
            path,
            format!("expected a list of strings, found {}", kind_of(other)),
            at,
        )),
    }
}

fn object<'a>(
    value: &'a Value,
    path: &str,
    at: Option<usize>,
) -> Result<&'a Map<String, Value>, JsonError> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(field(
            path,
            format!("expected an object, found {}", kind_of(other)),
            at,
        )),
    }
}

fn required_date(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    at: Option<usize>,
) -> Result<chrono::NaiveDate, JsonError> {
    match string(object, path, key, at)? {
        Some(text) => date(text, &join(path, key), at),
        None => Err(field(
            join(path, key),
            "missing: give an actual date YYYY-MM-DD",
            at,
        )),
    }
}

fn report_back(
    object: &Map<String, Value>,
    path: &str,
    at: Option<usize>,
) -> Result<Option<ReportBack>, JsonError> {
    let path = join(path, "report_back");
    let Some(value) = object.get("report_back").filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let report = self::object(value, &path, at)?;
    only(report, &path, &["meeting", "form"], at)?;
    let meeting = required_date(report, &path, "meeting", at)?;
    let form = match string(report, &path, "form", at)? {
        Some("written") => ReportForm::Written,
        Some("in_person") => ReportForm::InPerson,
        Some(_) => {
            return Err(field(
                join(&path, "form"),
                "expected \"written\" or \"in_person\"".to_string(),
                at,
            ));
        }
        None => {
            return Err(field(
                join(&path, "form"),
                "missing: \"written\" or \"in_person\"",
                at,
            ));
        }
    };
    Ok(Some(ReportBack { meeting, form }))
}

fn agency(object: &Map<String, Value>, path: &str, at: Option<usize>) -> Result<String, JsonError> {
    match string(object, path, "agency", at)? {
        Some(name) if !name.trim().is_empty() => Ok(name.to_string()),
        _ => Err(field(
            join(path, "agency"),
            "missing or blank: name the agency",
            at,
        )),
    }
}

fn submission(
    object: &Map<String, Value>,
    path: &str,
    at: Option<usize>,
) -> Result<Submission, JsonError> {
    let mut s = Submission::new();
    s.by_agency = string(object, path, "by_agency", at)?.map(str::to_string);
    s.presenter = text(object, path, "presenter", at)?;
    s.marked_for_resolution_group = boolean(object, path, "marked_for_resolution_group", at)?;
    s.by_business_unit = boolean(object, path, "by_business_unit", at)?;
    s.prior_process = ids(
        object,
        path,
        "prior_process",
        &PriorProcess::ALL,
        PriorProcess::id,
        at,
    )?;
    s.features = ids(object, path, "features", &Feature::ALL, Feature::id, at)?;
    s.risks = ids(object, path, "risks", &Risk::ALL, Risk::id, at)?;
    s.special_attendees = texts(object, path, "special_attendees", at)?;
    let referral_path = join(path, "referral");
    if let Some(value) = object.get("referral").filter(|v| !v.is_null()) {
        let sections = self::object(value, &referral_path, at)?;
        let keys: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
        only(sections, &referral_path, &keys, at)?;
        for section in Section::ALL {
            if let Some(text) = text(sections, &referral_path, section.key(), at)? {
                s.sections.push((section, text));
            }
        }
    }
    Ok(s)
}

fn agreement(
    object: &Map<String, Value>,
    path: &str,
    at: Option<usize>,
) -> Result<Agreement, JsonError> {
    let mut agreement = Agreement::default();
    if let Some(value) = object.get("actions").filter(|v| !v.is_null()) {
        let Value::Array(items) = value else {
            return Err(field(
                join(path, "actions"),
                format!("expected a list, found {}", kind_of(value)),
                at,
            ));
        };
        at_most(
            items,
            &join(path, "actions"),
            "agreed actions in one referral",
            limits::MAX_ACTIONS,
            "MAX_ACTIONS",
        )?;
        for (j, item) in items.iter().enumerate() {
            let item_path = place::index(&join(path, "actions"), j);
            let action = self::object(item, &item_path, at)?;
            only(action, &item_path, &["agency", "action", "due"], at)?;
            let what = match text(action, &item_path, "action", at)? {
                Some(t) if !t.is_blank() => t,
                _ => {
                    return Err(field(
                        join(&item_path, "action"),
                        "missing or blank: say what is to be done",
                        at,
                    ));
                }
            };
            agreement.actions.push(AgreedAction {
                agency: agency(action, &item_path, at)?,
                action: what,
                due: required_date(action, &item_path, "due", at)?,
            });
        }
    }
    if let Some(value) = object.get("resources").filter(|v| !v.is_null()) {
        let Value::Array(items) = value else {
            return Err(field(
                join(path, "resources"),
                format!("expected a list, found {}", kind_of(value)),
                at,
            ));
        };
        for (j, item) in items.iter().enumerate() {
            let item_path = place::index(&join(path, "resources"), j);
            let resource = self::object(item, &item_path, at)?;
            only(resource, &item_path, &["agency", "what", "confirmed"], at)?;
            agreement.resources.push(ResourceAgreement {
                agency: agency(resource, &item_path, at)?,
                what: text(resource, &item_path, "what", at)?.unwrap_or_default(),
                confirmed: boolean(resource, &item_path, "confirmed", at)?,
            });
        }
    }
    agreement.report_back = report_back(object, path, at)?;
    Ok(agreement)
}

fn rg_event(value: &Value, index: usize) -> Result<ReferralEvent, JsonError> {
    let path = format!("events[{index}]");
    let at = Some(index);
    let object = self::object(value, &path, at)?;
    let Some(kind) = string(object, &path, "type", at)? else {
        return Err(field(join(&path, "type"), "missing", at));
    };
    let Some(on) = string(object, &path, "on", at)? else {
        return Err(field(join(&path, "on"), "missing", at));
    };
    let on = when(on, &join(&path, "on"), at)?;
    let allow = |extra: &[&'static str]| -> Vec<&'static str> {
        ["type", "on"].iter().chain(extra).copied().collect()
    };
    let kind = match kind {
        "submitted" => {
            only(
                object,
                &path,
                &allow(&[
                    "by_agency",
                    "presenter",
                    "marked_for_resolution_group",
                    "prior_process",
                    "by_business_unit",
                    "referral",
                    "features",
                    "risks",
                    "special_attendees",
                ]),
                at,
            )?;
            ReferralEventKind::Submitted(Box::new(submission(object, &path, at)?))
        }
        "returned" => {
            only(object, &path, &allow(&["reason"]), at)?;
            ReferralEventKind::Returned {
                reason: text(object, &path, "reason", at)?,
            }
        }
        "presented" => {
            only(object, &path, &allow(&[]), at)?;
            ReferralEventKind::Presented
        }
        "actions_agreed" => {
            only(
                object,
                &path,
                &allow(&["actions", "report_back", "resources"]),
                at,
            )?;
            ReferralEventKind::ActionsAgreed(Box::new(agreement(object, &path, at)?))
        }
        "action_completed" => {
            only(object, &path, &allow(&["action"]), at)?;
            match object.get("action").and_then(Value::as_u64) {
                Some(n) => ReferralEventKind::ActionCompleted { action: n as usize },
                None => {
                    return Err(field(
                        join(&path, "action"),
                        "expected the action's index (from 0)",
                        at,
                    ));
                }
            }
        }
        "progress_reported" => {
            only(object, &path, &allow(&["report_back"]), at)?;
            ReferralEventKind::ProgressReported {
                report_back: report_back(object, &path, at)?,
            }
        }
        "closed" => {
            only(object, &path, &allow(&["outcome"]), at)?;
            ReferralEventKind::Closed {
                outcome: text(object, &path, "outcome", at)?,
            }
        }
        "escalated" => {
            only(object, &path, &allow(&["to", "review", "reason"]), at)?;
            let to = match string(object, &path, "to", at)? {
                Some("executive-chair") => EscalationTarget::ExecutiveChair,
                Some("qiip") => EscalationTarget::Qiip,
                Some(_) => {
                    return Err(field(
                        join(&path, "to"),
                        "expected \"executive-chair\" or \"qiip\"".to_string(),
                        at,
                    ));
                }
                None => {
                    return Err(field(
                        join(&path, "to"),
                        "missing: \"executive-chair\" or \"qiip\"",
                        at,
                    ));
                }
            };
            let review = match string(object, &path, "review", at)? {
                None => None,
                Some("rapid_review") => Some(StatutoryReview::RapidReview),
                Some("acute_life_threatening_event") => {
                    Some(StatutoryReview::AcuteLifeThreateningEvent)
                }
                Some(_) => {
                    return Err(field(
                        join(&path, "review"),
                        "expected \"rapid_review\" or \"acute_life_threatening_event\"",
                        at,
                    ));
                }
            };
            ReferralEventKind::Escalated {
                to,
                review,
                reason: text(object, &path, "reason", at)?,
            }
        }
        "declined" => {
            only(object, &path, &allow(&["reason"]), at)?;
            ReferralEventKind::Declined {
                reason: text(object, &path, "reason", at)?,
            }
        }
        "withdrawn" => {
            only(object, &path, &allow(&["reason"]), at)?;
            ReferralEventKind::Withdrawn {
                reason: text(object, &path, "reason", at)?,
            }
        }
        "recorded" => {
            only(object, &path, &allow(&["record"]), at)?;
            match string(object, &path, "record", at)? {
                Some(record) => ReferralEventKind::Recorded {
                    record: record.to_string(),
                },
                None => {
                    return Err(field(
                        join(&path, "record"),
                        "missing: name the obligation done",
                        at,
                    ));
                }
            }
        }
        _ => {
            return Err(field(
                join(&path, "type"),
                "not an event type of the referral; expected submitted, returned, presented, actions_agreed, action_completed, progress_reported, closed, escalated, declined, withdrawn or recorded",
                at,
            ));
        }
    };
    Ok(ReferralEvent { on, kind })
}

/// Reads a referral request (the policy has been read already).
pub(crate) fn read(
    top: &Map<String, Value>,
    division: Division,
) -> Result<ReferralRequest, JsonError> {
    only(
        top,
        "",
        &[
            "policy",
            "calendar",
            "as_of",
            "meetings",
            "events",
            "deadlines",
            "escalation",
        ],
        None,
    )?;
    let as_of = required_date(top, "", "as_of", None)?;
    let rule = match string(top, "", "deadlines", None)? {
        None | Some("terms_of_reference") => DeadlineRule::TermsOfReference,
        Some("flowchart") => DeadlineRule::Flowchart,
        Some(_) => {
            return Err(field(
                "deadlines",
                "expected \"terms_of_reference\" or \"flowchart\"".to_string(),
                None,
            ));
        }
    };
    let meetings = match top.get("meetings") {
        Some(Value::Array(items)) => {
            at_most(
                items,
                "meetings",
                "meeting dates",
                limits::MAX_MEETINGS,
                "MAX_MEETINGS",
            )?;
            items
                .iter()
                .enumerate()
                .map(|(i, v)| match v {
                    Value::String(text) => date(text, &format!("meetings[{i}]"), None),
                    other => Err(field(
                        format!("meetings[{i}]"),
                        format!("expected a date YYYY-MM-DD, found {}", kind_of(other)),
                        None,
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?
        }
        Some(other) => {
            return Err(field(
                "meetings",
                format!("expected a list of dates, found {}", kind_of(other)),
                None,
            ));
        }
        None => {
            return Err(field(
                "meetings",
                "missing: the group's scheduled meeting dates",
                None,
            ));
        }
    };
    let schedule = Schedule::new(meetings, rule).map_err(JsonError::from)?;
    let events = match top.get("events") {
        Some(Value::Array(items)) => {
            at_most(items, "events", "events", limits::MAX_EVENTS, "MAX_EVENTS")?;
            let mut actions = 0usize;
            let mut events = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let event = rg_event(item, i)?;
                if let ReferralEventKind::ActionsAgreed(agreement) = &event.kind {
                    actions += agreement.actions.len();
                    if actions > limits::MAX_ACTIONS {
                        return Err(limit_error(
                            &format!("events[{i}].actions"),
                            "agreed actions in one referral",
                            limits::MAX_ACTIONS,
                            "MAX_ACTIONS",
                        ));
                    }
                }
                events.push(event);
            }
            events
        }
        Some(other) => {
            return Err(field(
                "events",
                format!("expected a list of events, found {}", kind_of(other)),
                None,
            ));
        }
        None => return Err(field("events", "missing", None)),
    };
    let escalation = match top.get("escalation") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let linked = object(value, "escalation", None)?;
            only(linked, "escalation", &["events"], None)?;
            match linked.get("events") {
                Some(Value::Array(items)) => Some({
                    at_most(
                        items,
                        "escalation.events",
                        "events",
                        limits::MAX_EVENTS,
                        "MAX_EVENTS",
                    )?;
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, e)| {
                            event(e, i, Some(Policy::get(PolicyId::GscpEscalation2021))).map_err(
                                |err| {
                                    JsonError::new(
                                        err.code,
                                        format!("escalation.{}", err.message),
                                        None,
                                    )
                                },
                            )
                        })
                        .collect::<Result<Vec<_>, _>>()?
                }),
                _ => {
                    return Err(field(
                        "escalation.events",
                        "expected the linked escalation case's events",
                        None,
                    ));
                }
            }
        }
    };
    Ok(ReferralRequest {
        division,
        as_of,
        schedule,
        events,
        escalation,
    })
}

#[derive(Serialize)]
struct DeadlineView {
    latest: Day,
    ideal: Day,
    notify_members: Option<Day>,
}

#[derive(Serialize)]
struct SchedulingView<'a> {
    submitted_on: Day,
    ideal_met: Option<bool>,
    why: &'a str,
}

#[derive(Serialize)]
struct EligibilityView {
    route: &'static str,
    stage: Option<u8>,
}

#[derive(Serialize)]
struct MissingView<'a> {
    field: &'a str,
    problem: &'a str,
}

#[derive(Serialize)]
struct ActionView {
    /// The action's place in the referral's agreed actions, in the order
    /// the events agreed them: the caller's own text (the agency, the
    /// action) is never repeated in a response.
    index: usize,
    agreed_on: Day,
    due: Day,
    done: bool,
    done_on: Option<Day>,
    overdue: bool,
}

#[derive(Serialize)]
struct EscalatedView {
    to: &'static str,
    review: Option<&'static str>,
}

#[derive(Serialize)]
struct QiipView {
    on: Day,
    review: Option<&'static str>,
    event_index: usize,
}

#[derive(Serialize)]
struct ReferralView<'a> {
    policy: &'static str,
    calendar: Option<&'a str>,
    as_of: Day,
    deadlines: &'static str,
    status: &'static str,
    missing_sections: Vec<&'static str>,
    missing: Vec<MissingView<'a>>,
    eligible: bool,
    eligibility: Option<EligibilityView>,
    scheduled_meeting: Option<Day>,
    submission_deadline: Option<DeadlineView>,
    scheduling: Option<SchedulingView<'a>>,
    presented_on: Option<Day>,
    actions: Vec<ActionView>,
    obligations: Vec<ObligationView<'a>>,
    next: Vec<&'static str>,
    warnings: Vec<WarningView<'a>>,
    escalated_to: Option<EscalatedView>,
    qiip_referred_on: Option<Day>,
    qiip_referrals: Vec<QiipView>,
    ended_on: Option<Day>,
    escalation: Option<response::StatusView<'a>>,
}

/// The response document for a referral.
pub(crate) fn write(
    status: &ReferralStatus,
    rule: DeadlineRule,
    calendar: &Calendar,
) -> Result<String, serde_json::Error> {
    let scheduling = status.scheduling.as_ref();
    let deadline = scheduling.and_then(|s| s.deadline);
    let view = ReferralView {
        policy: "gscp-resolution-group-2021",
        calendar: calendar.divisions().first().map(|d| d.as_str()),
        as_of: Day(status.as_of),
        deadlines: rule.id(),
        status: status.state.as_str(),
        missing_sections: status.missing_sections.iter().map(|s| s.key()).collect(),
        missing: status
            .missing
            .iter()
            .map(|m| MissingView {
                field: &m.field,
                problem: m.problem,
            })
            .collect(),
        eligible: status.eligibility.is_some(),
        eligibility: status.eligibility.map(|e| EligibilityView {
            route: e.id(),
            stage: match e {
                crate::resolution_group::Eligibility::EscalationCase(stage) => Some(stage),
                _ => None,
            },
        }),
        scheduled_meeting: scheduling.and_then(|s| day(s.meeting)),
        submission_deadline: deadline.map(|d| DeadlineView {
            latest: Day(d.latest),
            ideal: Day(d.ideal),
            notify_members: day(d.notify_members),
        }),
        scheduling: scheduling.map(|s| SchedulingView {
            submitted_on: Day(s.submitted_on),
            ideal_met: s.ideal_met,
            why: &s.why,
        }),
        presented_on: day(status.presented_on),
        actions: status
            .actions
            .iter()
            .map(|a| ActionView {
                index: a.index,
                agreed_on: Day(a.agreed_on),
                due: Day(a.due),
                done: a.done_on.is_some(),
                done_on: day(a.done_on),
                overdue: a.overdue,
            })
            .collect(),
        obligations: status
            .obligations
            .iter()
            .map(|o| response::obligation(o, calendar))
            .collect(),
        next: status.next.iter().map(|e| e.as_str()).collect(),
        warnings: response::warnings(
            status.warnings.iter().map(response::warning),
            status
                .obligations
                .iter()
                .any(|o| o.due.is_projected(calendar)),
        ),
        escalated_to: status.escalated_to.map(|(to, review)| EscalatedView {
            to: to.id(),
            review: review.map(StatutoryReview::id),
        }),
        qiip_referred_on: day(status.qiip_referred_on),
        qiip_referrals: status
            .qiip_referrals
            .iter()
            .map(|q| QiipView {
                on: Day(q.on),
                review: q.review.map(StatutoryReview::id),
                event_index: q.event_index,
            })
            .collect(),
        ended_on: day(status.ended_on),
        escalation: status
            .escalation
            .as_ref()
            .map(|e| response::status_view(e, calendar)),
    };
    serde_json::to_string(&view)
}

/// A referral event deserializes from the contract's event JSON (CONTRACT
/// section 4), read as `evaluate_json` reads it; an error names the field
/// and what was expected, never the value.
impl<'de> serde::Deserialize<'de> for ReferralEvent {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<ReferralEvent, D::Error> {
        let value = <Value as serde::Deserialize>::deserialize(deserializer)?;
        rg_event(&value, 0).map_err(|error| {
            serde::de::Error::custom(error.message().replacen("events[0]", "event", 1))
        })
    }
}

impl ReferralStatus {
    /// The status as the contract's response document (CONTRACT section 4),
    /// written: the same text as [`evaluate_json`](crate::evaluate_json)
    /// answers for the referral, with the schedule and calendar it was
    /// evaluated on.
    pub fn to_json(
        &self,
        schedule: &crate::resolution_group::Schedule,
        calendar: &Calendar,
    ) -> String {
        write(self, schedule.rule(), calendar).unwrap_or_else(|e| {
            super::error_document(
                "internal",
                &format!("the response could not be written: {e}"),
            )
        })
    }
}
