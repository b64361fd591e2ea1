//! UK local time: Greenwich Mean Time, and British Summer Time (one hour
//! ahead) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
//! last Sunday of October. Clock hours are counted as elapsed hours across
//! the changes (CONTRACT section 3, round three).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// The last Sunday of `month` in `year`, for March and October.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(Duration::days(i64::from(back)))
}

/// The year's two changes, as instants in UTC (both at 01:00 UTC).
fn changes(year: i32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let one = NaiveTime::from_hms_opt(1, 0, 0)?;
    Some((
        last_sunday(year, 3)?.and_time(one),
        last_sunday(year, 10)?.and_time(one),
    ))
}

/// The UTC instant of a UK local time; `None` for a time that does not
/// exist (the hour skipped in March). A time that occurs twice (the hour
/// repeated in October) is its first occurrence, in summer time.
pub(crate) fn to_utc(local: NaiveDateTime) -> Option<NaiveDateTime> {
    let (start, end) = changes(local.year())?;
    let hour = Duration::hours(1);
    // In local time, summer time runs from 02:00 on the March Sunday
    // (01:00 to 01:59 does not exist) to 02:00 on the October Sunday (its
    // 01:00 to 01:59 read as the first, summer-time, occurrence).
    let (start_local, end_local) = (start + hour, end + hour);
    if local >= start && local < start_local {
        return None;
    }
    if local >= start_local && local < end_local {
        local.checked_sub_signed(hour)
    } else {
        Some(local)
    }
}

/// The UK local time of a UTC instant.
pub(crate) fn from_utc(utc: NaiveDateTime) -> Option<NaiveDateTime> {
    let (start, end) = changes(utc.year())?;
    if utc >= start && utc < end {
        utc.checked_add_signed(Duration::hours(1))
    } else {
        Some(utc)
    }
}

/// True when a UK local time exists (it is not in the hour skipped when
/// the clocks go forward).
pub(crate) fn exists(local: NaiveDateTime) -> bool {
    to_utc(local).is_some()
}

/// `hours` elapsed hours after a UK local time, as UK local time; `None`
/// when `from` does not exist or the result is beyond chrono's range.
pub(crate) fn add_hours(from: NaiveDateTime, hours: u32) -> Option<NaiveDateTime> {
    let utc = to_utc(from)?.checked_add_signed(Duration::hours(i64::from(hours)))?;
    from_utc(utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn the_last_sundays_of_march_and_october() {
        // 2027: 1 March is a Monday, so the last Sunday is the 28th; 1
        // October is a Friday, so the last Sunday is the 31st.
        assert_eq!(last_sunday(2027, 3), NaiveDate::from_ymd_opt(2027, 3, 28));
        assert_eq!(last_sunday(2027, 10), NaiveDate::from_ymd_opt(2027, 10, 31));
        // 2026: 29 March and 25 October.
        assert_eq!(last_sunday(2026, 3), NaiveDate::from_ymd_opt(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), NaiveDate::from_ymd_opt(2026, 10, 25));
    }

    #[test]
    fn twenty_four_hours_across_the_changes_of_2027() {
        // The contract's two cases.
        assert_eq!(
            add_hours(at(2027, 3, 27, 12, 0), 24),
            Some(at(2027, 3, 28, 13, 0))
        );
        assert_eq!(
            add_hours(at(2027, 10, 30, 12, 0), 24),
            Some(at(2027, 10, 31, 11, 0))
        );
        // Away from the changes, 24 hours is the same time next day.
        assert_eq!(
            add_hours(at(2027, 6, 1, 9, 30), 24),
            Some(at(2027, 6, 2, 9, 30))
        );
        assert_eq!(
            add_hours(at(2027, 12, 24, 16, 0), 24),
            Some(at(2027, 12, 25, 16, 0))
        );
        // 00:30 on the March Sunday, plus one hour: 02:30 (01:30 does not exist).
        assert_eq!(
            add_hours(at(2027, 3, 28, 0, 30), 1),
            Some(at(2027, 3, 28, 2, 30))
        );
        // 00:30 on the October Sunday, plus one hour: the first 01:30; plus
        // two: the second 01:30, written 01:30 again.
        assert_eq!(
            add_hours(at(2027, 10, 31, 0, 30), 1),
            Some(at(2027, 10, 31, 1, 30))
        );
        assert_eq!(
            add_hours(at(2027, 10, 31, 0, 30), 2),
            Some(at(2027, 10, 31, 1, 30))
        );
        assert_eq!(
            add_hours(at(2027, 10, 31, 0, 30), 3),
            Some(at(2027, 10, 31, 2, 30))
        );
    }

    #[test]
    fn the_skipped_hour_does_not_exist_and_the_repeated_hour_is_its_first() {
        assert!(exists(at(2027, 3, 28, 0, 59)));
        assert!(!exists(at(2027, 3, 28, 1, 0)));
        assert!(!exists(at(2027, 3, 28, 1, 59)));
        assert!(exists(at(2027, 3, 28, 2, 0)));
        // 01:30 on 31 October 2027 is read as 00:30 UTC (summer time).
        assert_eq!(
            to_utc(at(2027, 10, 31, 1, 30)),
            Some(at(2027, 10, 31, 0, 30))
        );
        assert_eq!(to_utc(at(2027, 10, 31, 2, 0)), Some(at(2027, 10, 31, 2, 0)));
    }
}
