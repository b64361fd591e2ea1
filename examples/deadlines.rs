//! Working-day deadlines on the embedded UK calendar, explained.
//!
//! Run with `cargo run --example deadlines`.
//!
//! The escalation policies count their clocks in working days ("within 2
//! working days", "Day 17"). This example counts a few of them across the
//! holidays where the UK's divisions differ, on a combined calendar for a
//! case that crosses a border, and for a case whose deadline falls in a year
//! GOV.UK has not yet published.

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, DataSource, Division, Error};

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn main() -> Result<(), Error> {
    let cases = [
        (
            "Raised the Monday before Christmas 2026",
            date(2026, 12, 21),
            &[2, 5, 17][..],
        ),
        (
            "Raised between Christmas and New Year",
            date(2026, 12, 30),
            &[2][..],
        ),
        (
            "Raised the Wednesday before Easter 2027",
            date(2027, 3, 24),
            &[5, 8][..],
        ),
        (
            "Raised the Friday before the Boyne, 2027",
            date(2027, 7, 9),
            &[1][..],
        ),
    ];
    for (title, raised, clocks) in cases {
        println!("{title} ({}):", raised.format("%a %-d %b %Y"));
        for division in Division::ALL {
            let calendar = Calendar::uk(division);
            for &n in clocks {
                let deadline = calendar.explain_add_working_days(raised, n)?;
                println!("  {division:<18} within {n:>2}: {deadline}");
            }
        }
        let anywhere = Calendar::uk_union().add_working_days(raised, clocks[0])?;
        println!(
            "  {:<18} within {:>2}: {} (a day off in any division is a day off)\n",
            "anywhere in the UK",
            clocks[0],
            anywhere.format("%a %-d %b %Y")
        );
    }

    let late = date(2028, 12, 21);
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let due = calendar.explain_add_working_days(late, 5)?;
    let source = match calendar.data_source(due.due())? {
        DataSource::Official => "published by GOV.UK",
        DataSource::Projected => "projected from the statutory rules",
    };
    println!("Raised in December 2028, England and Wales:");
    println!("  within 5: {due}\n  ({source})");
    match calendar.strict().add_working_days(late, 5) {
        Ok(date) => println!("  a strict calendar agrees: {date}"),
        Err(error) => println!("  a strict calendar refuses: {error}"),
    }
    Ok(())
}
