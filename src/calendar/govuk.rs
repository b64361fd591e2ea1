//! Reading and writing GOV.UK's `bank-holidays.json` document format.
//!
//! The document is an object keyed by division (`england-and-wales`,
//! `scotland`, `northern-ireland`); each value has `division` (the same name)
//! and `events`, a list of `{title, date, notes, bunting}`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::{BankHoliday, DataSource, Division, Error};
use crate::place;

/// Bank holidays began with the Bank Holidays Act 1871; the last year is a
/// bound on the size of a calendar's tables, a century past the projection.
const FIRST_DOCUMENT_YEAR: i32 = 1871;
const LAST_DOCUMENT_YEAR: i32 = 2200;

/// One division's events from a document, sorted by date, with the years
/// they span.
#[derive(Debug)]
pub(crate) struct DivisionEvents {
    pub(crate) first_year: i32,
    pub(crate) last_year: i32,
    pub(crate) events: Vec<BankHoliday>,
}

/// Reads every division of a document, checking each event.
pub(crate) fn parse(json: &str) -> Result<BTreeMap<Division, DivisionEvents>, Error> {
    // The door every JSON text comes through: its size before parsing, a
    // key given twice, its nesting, strings and keys (`crate::limits`).
    let value = crate::door::read(json).map_err(|refused| {
        let (place, problem) = refused.place_and_problem("(document)");
        Error::document(place, problem)
    })?;
    let Value::Object(top) = value else {
        return Err(Error::document(
            "(document)",
            "expected an object keyed by division",
        ));
    };
    if top.is_empty() {
        return Err(Error::document(
            "(document)",
            "the document has no divisions",
        ));
    }
    let mut out = BTreeMap::new();
    for (key, body) in &top {
        let division: Division = key.parse().map_err(|_| {
            Error::document(
                place::key("", key),
                "not a division: expected \"england-and-wales\", \"scotland\" or \"northern-ireland\"",
            )
        })?;
        out.insert(division, parse_division(division, key, body)?);
    }
    Ok(out)
}

fn parse_division(division: Division, key: &str, body: &Value) -> Result<DivisionEvents, Error> {
    let Value::Object(body) = body else {
        return Err(Error::document(
            key,
            "expected an object with \"division\" and \"events\"",
        ));
    };
    match body.get("division") {
        Some(Value::String(name)) if name == key => {}
        Some(Value::String(_)) => {
            return Err(Error::document(
                format!("{key}.division"),
                "does not match the division's key",
            ));
        }
        Some(_) => {
            return Err(Error::document(
                format!("{key}.division"),
                "expected a string",
            ));
        }
        None => {}
    }
    let events = match body.get("events") {
        Some(Value::Array(events)) => events,
        Some(_) => {
            return Err(Error::document(
                format!("{key}.events"),
                "expected a list of events",
            ));
        }
        None => {
            return Err(Error::document(format!("{key}.events"), "missing"));
        }
    };
    if events.is_empty() {
        return Err(Error::document(
            format!("{key}.events"),
            "the list is empty",
        ));
    }
    let mut parsed: Vec<(usize, BankHoliday)> = Vec::with_capacity(events.len());
    for (index, event) in events.iter().enumerate() {
        let path = format!("{key}.events[{index}]");
        parsed.push((index, parse_event(division, &path, event)?));
    }
    parsed.sort_by_key(|(_, holiday)| holiday.date());
    for pair in parsed.windows(2) {
        let ((first_index, first), (second_index, second)) = (&pair[0], &pair[1]);
        if first.date() == second.date() {
            let (a, b) = if first_index < second_index {
                (first_index, second_index)
            } else {
                (second_index, first_index)
            };
            return Err(Error::document(
                format!("{key}.events[{b}].date"),
                format!("the same date is listed twice (also at {key}.events[{a}])"),
            ));
        }
    }
    let first_year = parsed[0].1.date().year();
    let last_year = parsed[parsed.len() - 1].1.date().year();
    Ok(DivisionEvents {
        first_year,
        last_year,
        events: parsed.into_iter().map(|(_, holiday)| holiday).collect(),
    })
}

fn parse_event(division: Division, path: &str, event: &Value) -> Result<BankHoliday, Error> {
    let Value::Object(event) = event else {
        return Err(Error::document(path, "expected an event object"));
    };
    let title = required_string(event, path, "title")?;
    if title.trim().is_empty() {
        return Err(Error::document(format!("{path}.title"), "is blank"));
    }
    let date_text = required_string(event, path, "date")?;
    let date = parse_iso_date(date_text)
        .map_err(|problem| Error::document(format!("{path}.date"), problem))?;
    if !(FIRST_DOCUMENT_YEAR..=LAST_DOCUMENT_YEAR).contains(&date.year()) {
        return Err(Error::document(
            format!("{path}.date"),
            format!(
                "outside the years a bank-holiday document can describe \
                 ({FIRST_DOCUMENT_YEAR} to {LAST_DOCUMENT_YEAR})"
            ),
        ));
    }
    // GOV.UK lists the weekday a holiday is taken on (a substitute day when
    // it falls at a weekend); a Saturday or Sunday is a mistake.
    if date.weekday().number_from_monday() > 5 {
        return Err(Error::document(
            format!("{path}.date"),
            "a Saturday or Sunday: a bank holiday is listed on the weekday it is taken (the substitute day)",
        ));
    }
    let notes = match event.get("notes") {
        None | Some(Value::Null) => "",
        Some(Value::String(notes)) => notes.as_str(),
        Some(_) => {
            return Err(Error::document(
                format!("{path}.notes"),
                "expected a string",
            ));
        }
    };
    let bunting = match event.get("bunting") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(bunting)) => *bunting,
        Some(_) => {
            return Err(Error::document(
                format!("{path}.bunting"),
                "expected true or false",
            ));
        }
    };
    Ok(BankHoliday::new(
        date,
        title,
        notes,
        bunting,
        vec![division],
        DataSource::Official,
    ))
}

fn required_string<'a>(
    event: &'a Map<String, Value>,
    path: &str,
    field: &str,
) -> Result<&'a str, Error> {
    match event.get(field) {
        Some(Value::String(text)) => Ok(text),
        Some(_) => Err(Error::document(
            format!("{path}.{field}"),
            "expected a string",
        )),
        None => Err(Error::document(format!("{path}.{field}"), "missing")),
    }
}

/// Parses a date written exactly `YYYY-MM-DD`, explaining any problem.
pub(crate) fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err("not a date written YYYY-MM-DD".to_string());
    }
    let number = |range: std::ops::Range<usize>| -> u32 {
        bytes[range]
            .iter()
            .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    // The year has four digits, so it always fits an i32.
    NaiveDate::from_ymd_opt(year as i32, month, day)
        .ok_or_else(|| "not a real date (YYYY-MM-DD)".to_string())
}

/// Writes holidays as a GOV.UK document: one entry per division, events in
/// date order.
pub(crate) fn write<'a>(
    divisions: impl Iterator<Item = (Division, Vec<&'a BankHoliday>)>,
) -> String {
    let mut top = Map::new();
    for (division, holidays) in divisions {
        let events: Vec<Value> = holidays
            .into_iter()
            .map(|holiday| {
                let mut event = Map::new();
                event.insert("title".into(), Value::String(holiday.title().into()));
                event.insert(
                    "date".into(),
                    Value::String(holiday.date().format("%Y-%m-%d").to_string()),
                );
                event.insert("notes".into(), Value::String(holiday.notes().into()));
                event.insert("bunting".into(), Value::Bool(holiday.bunting()));
                Value::Object(event)
            })
            .collect();
        let mut body = Map::new();
        body.insert("division".into(), Value::String(division.as_str().into()));
        body.insert("events".into(), Value::Array(events));
        top.insert(division.as_str().into(), Value::Object(body));
    }
    // Serialising a tree of strings, booleans, lists and maps cannot fail.
    serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_exactly_iso() {
        assert_eq!(
            parse_iso_date("2026-12-25"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap())
        );
        for bad in [
            "2026-2-25",
            "26-12-25",
            "2026/12/25",
            "2026-12-25T00:00",
            "",
            "２０２６-12-25",
        ] {
            let problem = parse_iso_date(bad).unwrap_err();
            assert!(problem.contains("YYYY-MM-DD"), "{bad}: {problem}");
        }
        let problem = parse_iso_date("2026-02-30").unwrap_err();
        assert!(problem.contains("not a real date"), "{problem}");
        assert!(parse_iso_date("2026-13-01").is_err());
        assert!(parse_iso_date("2026-00-10").is_err());
    }
}
