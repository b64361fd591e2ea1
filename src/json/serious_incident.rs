//! The JSON face of the serious-incident clocks (CONTRACT section 9):
//! reading the request and writing the response.
//!
//! Every message names a place and what was expected there, never what was
//! found: not a date, not a word, not the name of an unknown field.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::JsonError;
use super::request::{at_most, date, when};
use super::response::{Day, WarningView, day, warning};
use crate::calendar::{Calendar, Division};
use crate::limits;
use crate::policy::{Clause, Due, ObligationStatus};
use crate::serious_incident::{
    ClockStatus, Config, Count, Counted, IncidentEvent, IncidentEventKind, IncidentEventType,
    IncidentStatus, POLICY_ID, RapidReviewDays, ReviewOutcome, SentDocument, table,
};

/// A serious-incident request, read.
pub(crate) struct IncidentRequest {
    pub(crate) division: Division,
    pub(crate) config: Config,
    pub(crate) as_of: chrono::NaiveDate,
    pub(crate) events: Vec<IncidentEvent>,
}

const TOP: [&str; 5] = ["policy", "calendar", "as_of", "rapid_review_days", "events"];
const ON: &str = "expected a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM (UK local time)";
const A_DATE: &str = "expected a date YYYY-MM-DD";

fn field(path: impl Into<String>, expected: impl Into<String>, at: Option<usize>) -> JsonError {
    JsonError::new(
        "invalid_field",
        format!("{}: {}", path.into(), expected.into()),
        at,
    )
}

/// Refuses a field the object may not have, without naming it (a key can
/// hold personal data as well as a value can).
fn only(
    object: &Map<String, Value>,
    place: &str,
    allowed: &[&str],
    at: Option<usize>,
) -> Result<(), JsonError> {
    if object.keys().any(|k| !allowed.contains(&k.as_str())) {
        return Err(field(
            place,
            format!(
                "has a field that is not allowed here; allowed here: {}",
                allowed.join(", ")
            ),
            at,
        ));
    }
    Ok(())
}

/// A closed set of ids: the one named, or a message listing them.
fn pick<T: Copy>(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    known: &[T],
    id: fn(T) -> &'static str,
    default: Option<T>,
    at: Option<usize>,
) -> Result<T, JsonError> {
    let place = format!("{path}{}{key}", if path.is_empty() { "" } else { "." });
    let names: Vec<String> = known.iter().map(|k| format!("\"{}\"", id(*k))).collect();
    let expected = format!("expected one of {}", names.join(", "));
    match object.get(key) {
        None | Some(Value::Null) => {
            default.ok_or_else(|| field(&place, format!("missing; {expected}"), at))
        }
        Some(Value::String(name)) => known
            .iter()
            .copied()
            .find(|k| id(*k) == name)
            .ok_or_else(|| field(&place, expected, at)),
        Some(_) => Err(field(&place, expected, at)),
    }
}

fn event(value: &Value, index: usize) -> Result<IncidentEvent, JsonError> {
    let path = format!("events[{index}]");
    let at = Some(index);
    let Value::Object(object) = value else {
        return Err(field(
            &path,
            "expected an event object {\"type\", \"on\"}",
            at,
        ));
    };
    let kind = pick(
        object,
        &path,
        "type",
        &IncidentEventType::ALL,
        IncidentEventType::as_str,
        None,
        at,
    )?;
    let on_place = format!("{path}.on");
    let on = match object.get("on") {
        Some(Value::String(text)) => {
            when(text, &on_place, at).map_err(|_| field(&on_place, ON, at))?
        }
        None | Some(Value::Null) => return Err(field(&on_place, format!("missing; {ON}"), at)),
        Some(_) => return Err(field(&on_place, ON, at)),
    };
    let allowed: &[&str] = match kind {
        IncidentEventType::ReviewDecided => &["type", "on", "outcome"],
        IncidentEventType::PublicationPlanned => &["type", "on", "publish_on"],
        IncidentEventType::ReportSent => &["type", "on", "document"],
        _ => &["type", "on"],
    };
    only(object, &path, allowed, at)?;
    let kind = match kind {
        IncidentEventType::Aware => IncidentEventKind::Aware,
        IncidentEventType::Notified => IncidentEventKind::Notified,
        IncidentEventType::RapidReviewCompleted => IncidentEventKind::RapidReviewCompleted,
        IncidentEventType::ReviewDecided => IncidentEventKind::ReviewDecided(pick(
            object,
            &path,
            "outcome",
            &ReviewOutcome::ALL,
            ReviewOutcome::as_str,
            None,
            at,
        )?),
        IncidentEventType::PublicationPlanned => {
            let place = format!("{path}.publish_on");
            let publish_on = match object.get("publish_on") {
                Some(Value::String(text)) => {
                    date(text, &place, at).map_err(|_| field(&place, A_DATE, at))?
                }
                None | Some(Value::Null) => {
                    return Err(field(&place, format!("missing; {A_DATE}"), at));
                }
                Some(_) => return Err(field(&place, A_DATE, at)),
            };
            IncidentEventKind::PublicationPlanned { publish_on }
        }
        IncidentEventType::ReportSent => IncidentEventKind::ReportSent(pick(
            object,
            &path,
            "document",
            &SentDocument::ALL,
            SentDocument::as_str,
            Some(SentDocument::Report),
            at,
        )?),
        IncidentEventType::Published => IncidentEventKind::Published,
    };
    Ok(IncidentEvent { on, kind })
}

/// Reads a serious-incident request (the policy has been read already).
pub(crate) fn read(top: &Map<String, Value>) -> Result<IncidentRequest, JsonError> {
    only(top, "(request)", &TOP, None)?;
    let division = match top.get("calendar") {
        None | Some(Value::Null) => Division::EnglandAndWales,
        Some(Value::String(name)) => name.parse::<Division>().map_err(|_| {
            JsonError::new(
                "unknown_calendar",
                "calendar: expected england-and-wales, scotland or northern-ireland".to_string(),
                None,
            )
        })?,
        Some(_) => {
            return Err(field(
                "calendar",
                "expected england-and-wales, scotland or northern-ireland",
                None,
            ));
        }
    };
    let rapid_review_days = pick(
        top,
        "",
        "rapid_review_days",
        &[RapidReviewDays::Calendar, RapidReviewDays::Working],
        RapidReviewDays::id,
        Some(RapidReviewDays::Calendar),
        None,
    )?;
    let as_of = match top.get("as_of") {
        Some(Value::String(text)) => {
            date(text, "as_of", None).map_err(|_| field("as_of", A_DATE, None))?
        }
        None | Some(Value::Null) => return Err(field("as_of", format!("missing; {A_DATE}"), None)),
        Some(_) => return Err(field("as_of", A_DATE, None)),
    };
    let events = match top.get("events") {
        Some(Value::Array(items)) => {
            at_most(items, "events", "events", limits::MAX_EVENTS, "MAX_EVENTS")?;
            items
                .iter()
                .enumerate()
                .map(|(i, e)| event(e, i))
                .collect::<Result<Vec<_>, _>>()?
        }
        None | Some(Value::Null) => {
            return Err(field(
                "events",
                "missing; expected the incident's events, the first being aware",
                None,
            ));
        }
        Some(_) => {
            return Err(field(
                "events",
                "expected a list of the incident's events, the first being aware",
                None,
            ));
        }
    };
    Ok(IncidentRequest {
        division,
        config: Config::with_rapid_review_days(rapid_review_days),
        as_of,
        events,
    })
}

/// `place: “text”`.
struct ClauseText<'a>(&'a Clause);

impl Serialize for ClauseText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// A due date with its rule, how it was counted, and the bank holidays a
/// working-day count stepped over.
pub(crate) struct DueView<'a> {
    pub(crate) due: &'a Due,
    pub(crate) counted: Option<Counted>,
    pub(crate) calendar: &'a Calendar,
}

impl Serialize for DueView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.due.kind.as_str())?;
        let date = self.due.date();
        if let Some(date) = date {
            map.serialize_entry("date", &Day(date))?;
        }
        map.serialize_entry("rule", self.due.rule.as_str())?;
        if let (Some(counted), Some(date)) = (self.counted, date) {
            let (counting, key, n) = match counted.count {
                Count::WorkingDaysAfter(n) => ("working_days_after", "working_days", n),
                Count::DaysAfter(n) => ("days_after", "days", n),
                Count::WorkingDaysBefore(n) => ("working_days_before", "working_days", n),
            };
            map.serialize_entry("counting", counting)?;
            map.serialize_entry("counted_from", &Day(counted.from))?;
            map.serialize_entry(key, &n)?;
            // The dates were counted on this calendar, so it covers them.
            let skipped = counted.skipped(date, self.calendar).unwrap_or_default();
            let skips: Vec<String> = skipped
                .iter()
                .filter(|d| !d.bank_holidays().is_empty())
                .map(|d| d.to_string())
                .collect();
            map.serialize_entry("skips", &skips)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ClockView<'a> {
    name: &'static str,
    what: &'static str,
    due: DueView<'a>,
    met_on: Option<Day>,
    met_in_time: Option<bool>,
    working_days_late: i64,
    overdue: bool,
    working_days_overdue: i64,
    clause: ClauseText<'a>,
}

#[derive(Serialize)]
struct ObligationView<'a> {
    id: &'a str,
    what: &'a str,
    arose_on: Day,
    due: DueView<'a>,
    done: bool,
    done_on: Option<Day>,
    overdue: bool,
    clause: ClauseText<'a>,
}

#[derive(Serialize)]
struct IncidentView<'a> {
    policy: &'static str,
    calendar: Option<&'a str>,
    as_of: Day,
    rapid_review_days: &'static str,
    status: &'static str,
    overdue: bool,
    clocks: Vec<ClockView<'a>>,
    next: Vec<&'static str>,
    obligations: Vec<ObligationView<'a>>,
    warnings: Vec<WarningView<'a>>,
    aware_on: Day,
    notified_on: Option<Day>,
    rapid_review_completed_on: Option<Day>,
    review_decided_on: Option<Day>,
    outcome: Option<&'static str>,
    publish_on: Option<Day>,
    report_sent_on: Option<Day>,
    sent: Option<&'static str>,
    published_on: Option<Day>,
    ended_on: Option<Day>,
}

fn clock<'a>(c: &'a ClockStatus, calendar: &'a Calendar) -> ClockView<'a> {
    ClockView {
        name: c.name.as_str(),
        what: c.what,
        due: DueView {
            due: &c.due,
            counted: c.counted,
            calendar,
        },
        met_on: day(c.met_on),
        met_in_time: c.met_in_time,
        working_days_late: c.working_days_late,
        overdue: c.overdue,
        working_days_overdue: c.working_days_overdue,
        clause: ClauseText(&c.clause),
    }
}

fn obligation<'a>(
    o: &'a ObligationStatus,
    status: &'a IncidentStatus,
    calendar: &'a Calendar,
) -> ObligationView<'a> {
    // A duty with a clock is due when its clock is, counted the same way.
    let counted = table::DUTIES
        .iter()
        .find(|d| d.id == o.id)
        .and_then(|d| d.clock)
        .and_then(|name| status.clock(name))
        .filter(|c| c.due == o.due)
        .and_then(|c| c.counted);
    ObligationView {
        id: &o.id,
        what: &o.what,
        arose_on: Day(o.arose_on),
        due: DueView {
            due: &o.due,
            counted,
            calendar,
        },
        done: o.done_on.is_some(),
        done_on: day(o.done_on),
        overdue: o.overdue,
        clause: ClauseText(&o.clause),
    }
}

/// The response document for a serious incident.
pub(crate) fn write(
    status: &IncidentStatus,
    calendar: &Calendar,
) -> Result<String, serde_json::Error> {
    let view = IncidentView {
        policy: POLICY_ID,
        calendar: calendar.divisions().first().map(|d| d.as_str()),
        as_of: Day(status.as_of),
        rapid_review_days: status.config.rapid_review_days.id(),
        status: status.phase.status(),
        overdue: status.overdue,
        clocks: status.clocks.iter().map(|c| clock(c, calendar)).collect(),
        next: status.next.iter().map(|e| e.as_str()).collect(),
        obligations: status
            .obligations
            .iter()
            .map(|o| obligation(o, status, calendar))
            .collect(),
        warnings: status.warnings.iter().map(warning).collect(),
        aware_on: Day(status.aware_on),
        notified_on: day(status.notified_on),
        rapid_review_completed_on: day(status.rapid_review_completed_on),
        review_decided_on: day(status.decision.map(|(_, on)| on)),
        outcome: status.decision.map(|(outcome, _)| outcome.as_str()),
        publish_on: day(status.publish_on),
        report_sent_on: day(status.sent.map(|(_, on)| on)),
        sent: status.sent.map(|(document, _)| document.as_str()),
        published_on: day(status.published_on),
        ended_on: day(status.ended_on),
    };
    serde_json::to_string(&view)
}

/// An incident event deserializes from the contract's event JSON (CONTRACT
/// section 9), read as `evaluate_json` reads it; an error names the field
/// and what was expected, never the value.
impl<'de> serde::Deserialize<'de> for IncidentEvent {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<IncidentEvent, D::Error> {
        let value = <Value as serde::Deserialize>::deserialize(deserializer)?;
        event(&value, 0).map_err(|error| {
            serde::de::Error::custom(error.message().replacen("events[0]", "event", 1))
        })
    }
}

impl IncidentStatus {
    /// The status as the contract's response document (CONTRACT section 9),
    /// written: the same text as [`evaluate_json`](crate::evaluate_json)
    /// answers for the incident, on the calendar it was evaluated on.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::evaluate_json;
    /// use safeguarding_resolution::serious_incident::{self, Config, IncidentEvent};
    ///
    /// let events: Vec<IncidentEvent> = serde_json::from_str(r#"[{"type": "aware", "on": "2027-02-01"}]"#)?;
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let as_of = NaiveDate::from_ymd_opt(2027, 2, 3).unwrap();
    /// let status = serious_incident::evaluate(calendar, Config::default(), &events, as_of)?;
    /// let request = r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-02-03",
    ///     "events": [{"type": "aware", "on": "2027-02-01"}]}"#;
    /// assert_eq!(status.to_json(calendar), evaluate_json(request));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self, calendar: &Calendar) -> String {
        write(self, calendar).unwrap_or_else(|e| {
            super::error_document(
                "internal",
                &format!("the response could not be written: {e}"),
            )
        })
    }
}
