//! The sweep's documents (CONTRACT section 10): reading the request into
//! cases, each then its own evaluate request, and writing the tray.
//!
//! Nothing here evaluates: the engine reads each case with
//! [`super::request::read`], evaluates it, and hands the typed tray and
//! figures back to [`write`].

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::Serializer;
use serde_json::{Map, Value};

use super::JsonError;
use super::request::{at_most, date, field_error, only, unknown_calendar};
use super::response::{Day, DueView};
use crate::calendar::{Calendar, Division};
use crate::limits;
use crate::place;
use crate::policy::monitoring::Summary;
use crate::policy::sweep::{Process, SweepItem};

/// A sweep request, read: each case made into the evaluate request it
/// stands for (the sweep's `as_of`, and its `calendar` unless the case
/// names its own).
pub(crate) struct SweepRequest {
    pub(crate) as_of: NaiveDate,
    pub(crate) division: Division,
    pub(crate) within_working_days: u32,
    pub(crate) cases: Vec<SweepCase>,
}

/// One case of a sweep: its id, and its own evaluate request (or why the
/// case cannot stand as one).
pub(crate) struct SweepCase {
    pub(crate) id: String,
    pub(crate) request: Result<Value, JsonError>,
}

const TOP: [&str; 4] = ["as_of", "calendar", "within_working_days", "cases"];

/// Whether a case id is a key: `^[A-Za-z0-9._:-]{1,64}$`.
fn is_case_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// Reads a sweep request at the door (its own size limit), then its top
/// fields and the cases' ids. A case's other fields are read later, as its
/// own request: its problems are its own.
pub(crate) fn read(text: &str) -> Result<SweepRequest, JsonError> {
    let value = super::door::parse_sweep(text)?;
    let Value::Object(mut top) = value else {
        return Err(field_error(
            "(request)",
            "expected an object with as_of and cases",
            None,
        ));
    };
    only(&top, "", &TOP, None)?;
    let (as_of_text, as_of) = match top.get("as_of") {
        Some(Value::String(text)) => (text.clone(), date(text, "as_of", None)?),
        Some(_) => return Err(field_error("as_of", "expected a date YYYY-MM-DD", None)),
        None => return Err(field_error("as_of", "missing", None)),
    };
    let (calendar, division) = match top.get("calendar") {
        None | Some(Value::Null) => (None, Division::EnglandAndWales),
        Some(Value::String(name)) => match name.parse::<Division>() {
            Ok(division) => (Some(name.clone()), division),
            Err(_) => return Err(unknown_calendar()),
        },
        Some(_) => {
            return Err(field_error(
                "calendar",
                "expected a calendar name (a string)",
                None,
            ));
        }
    };
    let within_working_days = match top.get("within_working_days") {
        None | Some(Value::Null) => 0,
        // A horizon beyond u32 is past every calendar: refused as such
        // when the horizon is counted.
        Some(Value::Number(n)) if n.as_u64().is_some() => {
            u32::try_from(n.as_u64().unwrap_or(u64::MAX)).unwrap_or(u32::MAX)
        }
        Some(_) => {
            return Err(field_error(
                "within_working_days",
                "expected a whole number of working days, 0 or more",
                None,
            ));
        }
    };
    let cases = match top.remove("cases") {
        Some(Value::Array(cases)) => cases,
        Some(_) => return Err(field_error("cases", "expected a list of cases", None)),
        None => return Err(field_error("cases", "missing", None)),
    };
    at_most(
        &cases,
        "cases",
        "cases",
        limits::MAX_SWEEP_CASES,
        "MAX_SWEEP_CASES",
    )?;
    let mut ids = std::collections::HashSet::with_capacity(cases.len());
    let mut read = Vec::with_capacity(cases.len());
    for (i, case) in cases.into_iter().enumerate() {
        let path = place::index("cases", i);
        let Value::Object(mut case) = case else {
            return Err(field_error(
                path,
                "expected a case object {\"id\", \"policy\", \"events\"}",
                None,
            ));
        };
        let id_path = place::key(&path, "id");
        let id = match case.remove("id") {
            Some(Value::String(id)) if is_case_id(&id) => id,
            Some(Value::String(_)) => {
                return Err(field_error(
                    id_path,
                    "expected a case id: 1 to 64 letters, digits, '.', '_', ':' or '-'",
                    None,
                ));
            }
            Some(_) => return Err(field_error(id_path, "expected a case id (a string)", None)),
            None => return Err(field_error(id_path, "missing", None)),
        };
        if !ids.insert(id.clone()) {
            return Err(field_error(
                id_path,
                "the same id as an earlier case; each case's id is unique in the request",
                None,
            ));
        }
        let request = own_request(case, &as_of_text, calendar.as_deref());
        read.push(SweepCase { id, request });
    }
    Ok(SweepRequest {
        as_of,
        division,
        within_working_days,
        cases: read,
    })
}

/// A case as its own evaluate request: the sweep's `as_of`, and its
/// `calendar` unless the case names its own.
fn own_request(
    mut case: Map<String, Value>,
    as_of: &str,
    calendar: Option<&str>,
) -> Result<Value, JsonError> {
    if case.contains_key("as_of") {
        return Err(field_error(
            "as_of",
            "not a field of a sweep's case: the sweep's as_of applies to every case",
            None,
        ));
    }
    case.insert("as_of".into(), Value::String(as_of.to_string()));
    if let Some(calendar) = calendar {
        case.entry("calendar")
            .or_insert_with(|| Value::String(calendar.to_string()));
    }
    Ok(Value::Object(case))
}

/// A case answered: its id and the calendar it was evaluated on (an
/// item's `due` names the bank holidays its count skipped on it).
pub(crate) struct Answered<'a> {
    pub(crate) id: String,
    pub(crate) calendar: &'a Calendar,
}

/// The sweep's answer, written.
pub(crate) fn write(
    request: (NaiveDate, u32),
    items: &[SweepItem<usize>],
    cases: &[Answered<'_>],
    errors: &[(usize, JsonError)],
    summary: &Summary,
) -> String {
    let (as_of, within_working_days) = request;
    let view = SweepView {
        as_of: Day(as_of),
        within_working_days,
        items: Items { items, cases },
        errors: Errors { errors, cases },
        summary,
    };
    // An item is some 400 bytes written.
    let mut out = Vec::with_capacity(256 + 400 * items.len() + 200 * errors.len());
    match serde_json::to_writer(&mut out, &view) {
        // serde_json writes UTF-8 only.
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => JsonError::new(
            "internal",
            format!("the response could not be written: {e}"),
            None,
        )
        .to_document(),
    }
}

#[derive(Serialize)]
struct SweepView<'a> {
    as_of: Day,
    within_working_days: u32,
    items: Items<'a>,
    errors: Errors<'a>,
    summary: &'a Summary,
}

struct Items<'a> {
    items: &'a [SweepItem<usize>],
    cases: &'a [Answered<'a>],
}

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().map(|item| {
            let case = &self.cases[item.case];
            ItemView::of(item, &case.id, case.calendar)
        }))
    }
}

struct Errors<'a> {
    errors: &'a [(usize, JsonError)],
    cases: &'a [Answered<'a>],
}

impl Serialize for Errors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct ErrorView<'a> {
            case: &'a str,
            error: Value,
        }
        serializer.collect_seq(self.errors.iter().map(|(case, error)| ErrorView {
            case: &self.cases[*case].id,
            error: error.inner_value(),
        }))
    }
}

/// A sweep item as the sweep's answer writes it.
#[derive(Serialize)]
pub(crate) struct ItemView<'a, K> {
    case: &'a str,
    policy: &'a str,
    kind: &'static str,
    id: Option<&'a str>,
    stage: Option<u8>,
    what: &'a str,
    due: ItemDue<'a, K>,
    due_on: Day,
    overdue: bool,
    working_days_overdue: i64,
    working_days_left: i64,
}

impl<'a, K> ItemView<'a, K> {
    /// The view of an item of the case `case`, evaluated on `calendar`.
    pub(crate) fn of(
        item: &'a SweepItem<K>,
        case: &'a str,
        calendar: &'a Calendar,
    ) -> ItemView<'a, K> {
        ItemView {
            case,
            policy: item.process.id(),
            kind: item.kind.as_str(),
            id: item.id.as_deref(),
            stage: item.stage,
            what: &item.what,
            due: ItemDue { item, calendar },
            due_on: Day(item.due_on),
            overdue: item.overdue,
            working_days_overdue: item.working_days_overdue,
            working_days_left: item.working_days_left,
        }
    }
}

/// An item's `due`, exactly as its case's own answer writes it.
struct ItemDue<'a, K> {
    item: &'a SweepItem<K>,
    calendar: &'a Calendar,
}

impl<K> Serialize for ItemDue<'_, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.item.process {
            Process::SeriousIncident => super::serious_incident::DueView {
                due: &self.item.due,
                counted: self.item.counted,
                calendar: self.calendar,
            }
            .serialize(serializer),
            _ => DueView {
                due: &self.item.due,
                calendar: self.calendar,
            }
            .serialize(serializer),
        }
    }
}
