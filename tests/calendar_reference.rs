//! The calendar, day by day, against two independent lists (see
//! `tests/data/make_reference_lists.py`): GOV.UK's published list for
//! 2012-2028, and the `holidays` package's rule implementation for
//! 1990-2100.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use safeguarding_resolution::calendar::{Calendar, DataSource, Division};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn reference(text: &str) -> BTreeSet<(Division, NaiveDate)> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (division, day) = line.split_once(' ').expect("division and date");
            (division.parse().unwrap(), day.parse().unwrap())
        })
        .collect()
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Every day from `first` to `last` where the calendar and the list
/// disagree, as "division date calendar-says".
fn disagreements(
    list: &BTreeSet<(Division, NaiveDate)>,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<String> {
    let mut out = Vec::new();
    for division in Division::ALL {
        let calendar = Calendar::uk(division);
        for day in first.iter_days().take_while(|d| *d <= last) {
            let expected = !is_weekend(day) && !list.contains(&(division, day));
            let actual = calendar.is_working_day(day).unwrap();
            if expected != actual {
                let says = if actual { "working" } else { "not working" };
                out.push(format!("{division} {day} calendar says {says}"));
            }
        }
    }
    out
}

#[test]
fn every_day_2012_to_2028_matches_govuk() {
    let list = reference(include_str!("data/govuk-2012-2028.txt"));
    assert!(list.len() > 450, "the reference list is complete");
    let diff = disagreements(&list, date(2012, 1, 1), date(2028, 12, 31));
    assert!(diff.is_empty(), "{diff:#?}");
}

/// Where the calendar and the `holidays` package knowingly differ; each is
/// explained in docs/calendar.md.
const KNOWN_DIFFERENCES: &[&str] = &[
    // The St Andrew's Day Bank Holiday (Scotland) Act 2007 received Royal
    // Assent on 15 January 2007; the package already keeps 30 November 2006.
    "scotland 2006-11-30 calendar says working",
];

#[test]
fn every_day_1990_to_2100_matches_an_independent_rule_implementation() {
    let list = reference(include_str!("data/holidays-package-1990-2100.txt"));
    assert!(list.len() > 2900, "the reference list is complete");
    let diff = disagreements(&list, date(1990, 1, 1), date(2100, 12, 31));
    assert_eq!(diff, KNOWN_DIFFERENCES);
}

/// GOV.UK marks the spring bank holiday moved for the 2012 Diamond Jubilee
/// "Substitute day" in England and Wales and in Scotland, but not in Northern
/// Ireland; the projection marks it in all three.
const NOTES_GOVUK_LEFT_OUT: &[(Division, NaiveDate)] = &[(
    Division::NorthernIreland,
    NaiveDate::from_ymd_opt(2012, 6, 4).unwrap(),
)];

#[test]
fn the_projection_rules_reproduce_every_published_year() {
    // A document that publishes only 1989 makes every later year projected.
    let json = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "New Year’s Day", "date": "1989-01-02", "notes": "Substitute day", "bunting": true}]},
      "scotland": {"division": "scotland", "events": [
        {"title": "New Year’s Day", "date": "1989-01-02", "notes": "Substitute day", "bunting": true}]},
      "northern-ireland": {"division": "northern-ireland", "events": [
        {"title": "New Year’s Day", "date": "1989-01-02", "notes": "Substitute day", "bunting": true}]}}"#;
    for division in Division::ALL {
        let projected = Calendar::from_govuk_json(json, division).unwrap();
        let published = Calendar::uk(division);
        for year in 2012..=2028 {
            let words = |calendar: &Calendar| -> Vec<(NaiveDate, String, String)> {
                calendar
                    .bank_holidays_in_year(year)
                    .unwrap()
                    .iter()
                    .map(|h| {
                        let mut notes = h.notes().to_string();
                        if NOTES_GOVUK_LEFT_OUT.contains(&(division, h.date())) {
                            notes.clear();
                        }
                        (h.date(), h.title().to_string(), notes)
                    })
                    .collect()
            };
            assert_eq!(words(&projected), words(published), "{division} {year}");
            assert!(
                projected
                    .bank_holidays_in_year(year)
                    .unwrap()
                    .iter()
                    .all(|h| h.source() == DataSource::Projected)
            );
        }
    }
}

#[test]
fn the_embedded_data_round_trips_through_the_govuk_format() {
    for division in Division::ALL {
        let calendar = Calendar::uk(division);
        let json = calendar.to_govuk_json();
        let again = Calendar::from_govuk_json(&json, division).unwrap();
        assert_eq!(&again, calendar, "{division}");
        // And the embedded document itself reads as every division.
        let from_file = Calendar::from_govuk_json(
            safeguarding_resolution::calendar::EMBEDDED_GOVUK_JSON,
            division,
        )
        .unwrap();
        assert_eq!(&from_file, calendar);
    }
}
