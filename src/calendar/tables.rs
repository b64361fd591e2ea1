//! The tables a calendar is built into: working days before each date, and every working day in order.

use chrono::Datelike;

use super::{BankHoliday, Coverage, Division, Tables, is_weekend, year_start};

impl Tables {
    pub(super) fn build(
        divisions: Vec<Division>,
        coverage: Coverage,
        mut holidays: Vec<BankHoliday>,
    ) -> Tables {
        holidays.sort_by(|a, b| (a.date, &a.title, &a.notes).cmp(&(b.date, &b.title, &b.notes)));
        // Merge the same holiday kept by several divisions into one entry.
        let mut merged: Vec<BankHoliday> = Vec::with_capacity(holidays.len());
        for holiday in holidays {
            match merged.last_mut() {
                Some(last)
                    if last.date == holiday.date
                        && last.title == holiday.title
                        && last.notes == holiday.notes =>
                {
                    last.divisions.extend(holiday.divisions);
                    last.divisions.sort();
                    last.divisions.dedup();
                    last.bunting |= holiday.bunting;
                }
                _ => merged.push(holiday),
            }
        }
        let days = (coverage.last - coverage.first).num_days() as usize + 1;
        let mut working_before = Vec::with_capacity(days + 1);
        let mut working_dates = Vec::with_capacity(days);
        let mut next_holiday = merged.iter().map(|h| h.date).peekable();
        let mut count = 0u32;
        let mut date = coverage.first;
        working_before.push(0);
        for _ in 0..days {
            while next_holiday.next_if(|d| *d < date).is_some() {}
            let holiday = next_holiday.peek() == Some(&date);
            if !holiday && !is_weekend(date) {
                working_dates.push(date);
                count += 1;
            }
            working_before.push(count);
            date = date.succ_opt().unwrap_or(date);
        }
        let first_day = coverage.first.num_days_from_ce();
        let year_index = (coverage.first.year()..=coverage.last.year())
            .map(|year| i64::from(year_start(year).num_days_from_ce() - first_day))
            .collect();
        Tables {
            divisions,
            coverage,
            year_index,
            holidays: merged,
            working_before: working_before.into_boxed_slice(),
            working_dates: working_dates.into_boxed_slice(),
        }
    }
}
