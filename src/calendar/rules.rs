//! The statutory rules that project each division's bank holidays into years
//! GOV.UK has not published.
//!
//! Sources: the Banking and Financial Dealings Act 1971 (Schedule 1) and the
//! annual royal proclamations made under it; the St Andrew's Day Bank Holiday
//! (Scotland) Act 2007. The rules, and the one-off proclamations kept below,
//! are set out in `docs/calendar.md`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{BankHoliday, DataSource, Division};

/// The regular bank holidays, named as GOV.UK names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Regular {
    NewYearsDay,
    SecondJanuary,
    StPatricksDay,
    GoodFriday,
    EasterMonday,
    EarlyMay,
    Spring,
    BattleOfTheBoyne,
    Summer,
    StAndrewsDay,
    ChristmasDay,
    BoxingDay,
}

impl Regular {
    fn title(self) -> &'static str {
        match self {
            Regular::NewYearsDay => "New Year’s Day",
            Regular::SecondJanuary => "2nd January",
            Regular::StPatricksDay => "St Patrick’s Day",
            Regular::GoodFriday => "Good Friday",
            Regular::EasterMonday => "Easter Monday",
            Regular::EarlyMay => "Early May bank holiday",
            Regular::Spring => "Spring bank holiday",
            Regular::BattleOfTheBoyne => "Battle of the Boyne (Orangemen’s Day)",
            Regular::Summer => "Summer bank holiday",
            Regular::StAndrewsDay => "St Andrew’s Day",
            Regular::ChristmasDay => "Christmas Day",
            Regular::BoxingDay => "Boxing Day",
        }
    }

    /// GOV.UK flies no bunting for Good Friday and the Boyne.
    fn bunting(self) -> bool {
        !matches!(self, Regular::GoodFriday | Regular::BattleOfTheBoyne)
    }
}

/// The regular holidays of each division, in calendar order.
fn regulars(division: Division, year: i32) -> Vec<Regular> {
    use Regular::*;
    match division {
        Division::EnglandAndWales => vec![
            NewYearsDay,
            GoodFriday,
            EasterMonday,
            EarlyMay,
            Spring,
            Summer,
            ChristmasDay,
            BoxingDay,
        ],
        Division::Scotland => {
            let mut list = vec![
                NewYearsDay,
                SecondJanuary,
                GoodFriday,
                EarlyMay,
                Spring,
                Summer,
            ];
            // St Andrew's Day Bank Holiday (Scotland) Act 2007.
            if year >= 2007 {
                list.push(StAndrewsDay);
            }
            list.extend([ChristmasDay, BoxingDay]);
            list
        }
        Division::NorthernIreland => vec![
            NewYearsDay,
            StPatricksDay,
            GoodFriday,
            EasterMonday,
            EarlyMay,
            Spring,
            BattleOfTheBoyne,
            Summer,
            ChristmasDay,
            BoxingDay,
        ],
    }
}

/// A regular holiday moved by proclamation in one year.
struct Move {
    holiday: Regular,
    to: (i32, u32, u32),
    title: &'static str,
    notes: &'static str,
}

/// An extra, one-off bank holiday proclaimed for one year.
struct Extra {
    date: (i32, u32, u32),
    title: &'static str,
    notes: &'static str,
    bunting: bool,
    divisions: &'static [Division],
}

const ALL: &[Division] = &[
    Division::EnglandAndWales,
    Division::Scotland,
    Division::NorthernIreland,
];

const MOVES: &[Move] = &[
    // 50th anniversary of VE Day.
    Move {
        holiday: Regular::EarlyMay,
        to: (1995, 5, 8),
        title: "Early May bank holiday (VE day)",
        notes: "",
    },
    // Moved for the Golden Jubilee (3 and 4 June 2002).
    Move {
        holiday: Regular::Spring,
        to: (2002, 6, 4),
        title: "Spring bank holiday",
        notes: "Substitute day",
    },
    // Moved for the Diamond Jubilee.
    Move {
        holiday: Regular::Spring,
        to: (2012, 6, 4),
        title: "Spring bank holiday",
        notes: "Substitute day",
    },
    // 75th anniversary of VE Day.
    Move {
        holiday: Regular::EarlyMay,
        to: (2020, 5, 8),
        title: "Early May bank holiday (VE day)",
        notes: "",
    },
    // Moved for the Platinum Jubilee.
    Move {
        holiday: Regular::Spring,
        to: (2022, 6, 2),
        title: "Spring bank holiday",
        notes: "",
    },
];

const EXTRAS: &[Extra] = &[
    Extra {
        date: (1999, 12, 31),
        title: "Millennium celebrations",
        notes: "Extra bank holiday",
        bunting: true,
        divisions: ALL,
    },
    Extra {
        date: (2002, 6, 3),
        title: "Queen’s Golden Jubilee",
        notes: "Extra bank holiday",
        bunting: true,
        divisions: ALL,
    },
    Extra {
        date: (2011, 4, 29),
        title: "Royal wedding",
        notes: "Extra bank holiday",
        bunting: true,
        divisions: ALL,
    },
    Extra {
        date: (2012, 6, 5),
        title: "Queen’s Diamond Jubilee",
        notes: "Extra bank holiday",
        bunting: true,
        divisions: ALL,
    },
    Extra {
        date: (2022, 6, 3),
        title: "Platinum Jubilee bank holiday",
        notes: "",
        bunting: true,
        divisions: ALL,
    },
    Extra {
        date: (2022, 9, 19),
        title: "Bank Holiday for the State Funeral of Queen Elizabeth II",
        notes: "",
        bunting: false,
        divisions: ALL,
    },
    Extra {
        date: (2023, 5, 8),
        title: "Bank holiday for the coronation of King Charles III",
        notes: "",
        bunting: true,
        divisions: ALL,
    },
    Extra {
        date: (2026, 6, 15),
        title: "Bank holiday for Scotland’s participation in the FIFA World Cup",
        notes: "Extra bank holiday",
        bunting: true,
        divisions: &[Division::Scotland],
    },
];

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Only called with real dates: fixed days of fixed months, and the
    // proclamation tables above.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian
/// algorithm, also known as Meeus/Jones/Butcher).
pub(crate) fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

fn first_monday(year: i32, month: u32) -> NaiveDate {
    let first = ymd(year, month, 1);
    let ahead = (7 - first.weekday().num_days_from_monday() as i64) % 7;
    first + Duration::days(ahead)
}

fn last_monday(year: i32, month: u32) -> NaiveDate {
    let next_month_first = if month == 12 {
        ymd(year + 1, 1, 1)
    } else {
        ymd(year, month + 1, 1)
    };
    let last = next_month_first - Duration::days(1);
    last - Duration::days(last.weekday().num_days_from_monday() as i64)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The fixed-date holidays, which get a substitute weekday when they fall at
/// a weekend.
fn fixed_date(holiday: Regular, year: i32) -> Option<NaiveDate> {
    Some(match holiday {
        Regular::NewYearsDay => ymd(year, 1, 1),
        Regular::SecondJanuary => ymd(year, 1, 2),
        Regular::StPatricksDay => ymd(year, 3, 17),
        Regular::BattleOfTheBoyne => ymd(year, 7, 12),
        Regular::StAndrewsDay => ymd(year, 11, 30),
        Regular::ChristmasDay => ymd(year, 12, 25),
        Regular::BoxingDay => ymd(year, 12, 26),
        _ => return None,
    })
}

/// GOV.UK labels Scotland's New Year differently since 2023 when 1 January
/// is a Sunday: in 2012 and 2017 Monday 2nd was "2nd January" and Tuesday 3rd
/// the substitute "New Year's Day"; in 2023 Monday 2nd was the substitute
/// "New Year's Day" and Tuesday 3rd the substitute "2nd January". The days off
/// are the same either way; projected years follow the latest labels, by
/// placing 2nd January after New Year's Day's substitute.
fn sunday_new_year_relabelled(division: Division, holiday: Regular, year: i32) -> bool {
    division == Division::Scotland
        && holiday == Regular::SecondJanuary
        && year >= 2023
        && ymd(year, 1, 1).weekday() == Weekday::Sun
}

/// A division's bank holidays in one year by the statutory rules and the
/// proclamations above, sorted by date. Holidays falling at a weekend are
/// listed only by their substitute day, as GOV.UK lists them.
pub(crate) fn projected_year(division: Division, year: i32) -> Vec<BankHoliday> {
    let easter = easter_sunday(year);
    let mut placed: Vec<(NaiveDate, &'static str, &'static str, bool)> = Vec::new();
    let mut weekend_fixed: Vec<(NaiveDate, Regular)> = Vec::new();
    for holiday in regulars(division, year) {
        if let Some(date) = fixed_date(holiday, year) {
            if is_weekend(date) || sunday_new_year_relabelled(division, holiday, year) {
                weekend_fixed.push((date, holiday));
            } else {
                placed.push((date, holiday.title(), "", holiday.bunting()));
            }
            continue;
        }
        let moved = MOVES
            .iter()
            .find(|m| m.holiday == holiday && m.to.0 == year);
        if let Some(moved) = moved {
            placed.push((
                ymd(moved.to.0, moved.to.1, moved.to.2),
                moved.title,
                moved.notes,
                holiday.bunting(),
            ));
            continue;
        }
        let date = match holiday {
            Regular::GoodFriday => easter - Duration::days(2),
            Regular::EasterMonday => easter + Duration::days(1),
            Regular::EarlyMay => first_monday(year, 5),
            Regular::Spring => last_monday(year, 5),
            Regular::Summer if division == Division::Scotland => first_monday(year, 8),
            Regular::Summer => last_monday(year, 8),
            _ => continue,
        };
        placed.push((date, holiday.title(), "", holiday.bunting()));
    }
    for extra in EXTRAS
        .iter()
        .filter(|e| e.date.0 == year && e.divisions.contains(&division))
    {
        placed.push((
            ymd(extra.date.0, extra.date.1, extra.date.2),
            extra.title,
            extra.notes,
            extra.bunting,
        ));
    }
    // Substitute days: a fixed-date holiday at a weekend moves to the next
    // weekday that is not already a bank holiday, taken in date order (so
    // Christmas Day on a Saturday is Monday 27th and Boxing Day Tuesday 28th).
    for (date, holiday) in weekend_fixed {
        let mut substitute = date + Duration::days(1);
        while is_weekend(substitute) || placed.iter().any(|(d, ..)| *d == substitute) {
            substitute += Duration::days(1);
        }
        placed.push((
            substitute,
            holiday.title(),
            "Substitute day",
            holiday.bunting(),
        ));
    }
    placed.sort_by_key(|(date, ..)| *date);
    placed
        .into_iter()
        .map(|(date, title, notes, bunting)| {
            BankHoliday::new(
                date,
                title,
                notes,
                bunting,
                vec![division],
                DataSource::Projected,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_matches_known_dates() {
        for (year, month, day) in [
            (1990, 4, 15),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2100, 3, 28),
        ] {
            assert_eq!(easter_sunday(year), ymd(year, month, day), "{year}");
        }
    }

    #[test]
    fn mondays() {
        assert_eq!(first_monday(2026, 5), ymd(2026, 5, 4));
        assert_eq!(last_monday(2026, 5), ymd(2026, 5, 25));
        assert_eq!(first_monday(2026, 6), ymd(2026, 6, 1));
        assert_eq!(last_monday(2026, 8), ymd(2026, 8, 31));
        assert_eq!(last_monday(2027, 12), ymd(2027, 12, 27));
    }

    #[test]
    fn scottish_new_year_substitutes_cascade() {
        // 1 January 2022 was a Saturday: New Year's Day moves to Monday 3rd,
        // 2nd January (a Sunday) to Tuesday 4th.
        let days: Vec<_> = projected_year(Division::Scotland, 2022)
            .into_iter()
            .filter(|h| h.date().month() == 1)
            .map(|h| (h.date(), h.title().to_string(), h.is_substitute()))
            .collect();
        assert_eq!(
            days,
            vec![
                (ymd(2022, 1, 3), "New Year’s Day".to_string(), true),
                (ymd(2022, 1, 4), "2nd January".to_string(), true),
            ]
        );
    }

    #[test]
    fn st_andrews_day_starts_in_2007() {
        let has = |year| {
            projected_year(Division::Scotland, year)
                .iter()
                .any(|h| h.title() == "St Andrew’s Day")
        };
        assert!(!has(2006));
        assert!(has(2007));
    }
}
