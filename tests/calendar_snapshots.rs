//! One year's bank holidays per division, as a reviewer reads them: a change
//! to the data or the projection rules shows here as a snapshot diff.

use safeguarding_resolution::calendar::{BankHoliday, Calendar, DataSource, Division};

fn render(holidays: &[BankHoliday]) -> String {
    holidays
        .iter()
        .map(|h| {
            let source = match h.source() {
                DataSource::Official => "published",
                DataSource::Projected => "projected",
            };
            let divisions: Vec<&str> = h.divisions().iter().map(|d| d.as_str()).collect();
            let notes = if h.notes().is_empty() {
                String::new()
            } else {
                format!(" ({})", h.notes())
            };
            format!(
                "{} {} {}{notes} [{source}; {}]",
                h.date(),
                h.date().format("%a"),
                h.title(),
                divisions.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn published_year_2026() {
    for division in Division::ALL {
        let holidays = Calendar::uk(division).bank_holidays_in_year(2026).unwrap();
        insta::assert_snapshot!(format!("2026-{division}"), render(holidays));
    }
}

#[test]
fn projected_year_2033() {
    // 2033: Christmas Day on a Sunday, Boxing Day Monday; St Patrick's Day
    // on a Thursday; St Andrew's Day on a Wednesday.
    for division in Division::ALL {
        let holidays = Calendar::uk(division).bank_holidays_in_year(2033).unwrap();
        insta::assert_snapshot!(format!("2033-{division}"), render(holidays));
    }
}

#[test]
fn union_year_2027() {
    let holidays = Calendar::uk_union().bank_holidays_in_year(2027).unwrap();
    insta::assert_snapshot!("2027-union", render(holidays));
}
