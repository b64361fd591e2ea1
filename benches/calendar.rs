//! Working-day arithmetic on a million random dates and offsets, against a
//! plain array lookup (index by day offset) measured in the same run.
//!
//! `python3 benches/compare_numpy.py` runs this bench and numpy's
//! `busday_offset`/`busday_count` on the same inputs, checks that both give
//! the same answers, and prints the ratios.
//!
//! Set `SGR_BENCH_DUMP=<file>` to write the inputs, the answers and the
//! calendar's bank holidays for that script.

use std::hint::black_box;
use std::io::Write;

use chrono::{Datelike, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use safeguarding_resolution::calendar::{Calendar, Division};

const CALLS: usize = 1_000_000;
const FIRST: (i32, u32, u32) = (2000, 1, 1);
const DAYS: u32 = 33_000; // about 90 years
const MAX_OFFSET: u32 = 60;

struct Inputs {
    dates: Vec<NaiveDate>,
    later: Vec<NaiveDate>,
    offsets: Vec<u32>,
}

/// splitmix64: a fixed sequence, the same in every run.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn inputs() -> Inputs {
    let first = NaiveDate::from_ymd_opt(FIRST.0, FIRST.1, FIRST.2).unwrap();
    let mut state = 2026;
    let mut dates = Vec::with_capacity(CALLS);
    let mut later = Vec::with_capacity(CALLS);
    let mut offsets = Vec::with_capacity(CALLS);
    for _ in 0..CALLS {
        let day = (next(&mut state) % u64::from(DAYS)) as i64;
        let span = (next(&mut state) % 120) as i64;
        dates.push(first + chrono::Duration::days(day));
        later.push(first + chrono::Duration::days(day + span));
        offsets.push(1 + (next(&mut state) % u64::from(MAX_OFFSET)) as u32);
    }
    Inputs {
        dates,
        later,
        offsets,
    }
}

/// The baseline: one read of a table indexed by day offset. The offset is
/// found as the calendar finds it (a table of where each year starts, plus
/// the day of the year), so the ratio measures the calendar's tables, not
/// the cost of converting a date.
struct PlainLookup {
    first_year: i32,
    year_start: Vec<usize>,
    table: Vec<NaiveDate>,
}

impl PlainLookup {
    fn new(calendar: &Calendar) -> PlainLookup {
        let first = NaiveDate::from_ymd_opt(FIRST.0, FIRST.1, FIRST.2).unwrap();
        let table: Vec<NaiveDate> = (0..DAYS + 400)
            .map(|i| {
                calendar
                    .next_working_day(first + chrono::Duration::days(i64::from(i)))
                    .unwrap()
            })
            .collect();
        let year_start = (FIRST.0..=FIRST.0 + 92)
            .map(|y| (NaiveDate::from_ymd_opt(y, 1, 1).unwrap() - first).num_days() as usize)
            .collect();
        PlainLookup {
            first_year: FIRST.0,
            year_start,
            table,
        }
    }

    #[inline]
    fn get(&self, date: NaiveDate) -> Option<NaiveDate> {
        let year = self
            .year_start
            .get((date.year() - self.first_year) as usize)?;
        self.table.get(year + date.ordinal0() as usize).copied()
    }
}

fn days_since_epoch(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
        - NaiveDate::from_ymd_opt(1970, 1, 1)
            .unwrap()
            .num_days_from_ce()
}

/// Writes what `compare_numpy.py` needs: little-endian i32/u32/i64 arrays.
fn dump(path: &str, calendar: &Calendar, inputs: &Inputs, added: &[NaiveDate], between: &[i64]) {
    let first = NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2095, 12, 31).unwrap();
    let holidays: Vec<i32> = calendar
        .bank_holidays_between(first, last)
        .unwrap()
        .iter()
        .map(|h| days_since_epoch(h.date()))
        .collect();
    let mut out = Vec::new();
    for value in [CALLS as u64, holidays.len() as u64] {
        out.extend_from_slice(&value.to_le_bytes());
    }
    for date in inputs.dates.iter().chain(&inputs.later).chain(added) {
        out.extend_from_slice(&days_since_epoch(*date).to_le_bytes());
    }
    for n in &inputs.offsets {
        out.extend_from_slice(&n.to_le_bytes());
    }
    for count in between {
        out.extend_from_slice(&count.to_le_bytes());
    }
    for day in holidays {
        out.extend_from_slice(&day.to_le_bytes());
    }
    std::fs::File::create(path)
        .and_then(|mut f| f.write_all(&out))
        .expect("write the bench dump");
}

fn working_day_arithmetic(c: &mut Criterion) {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let inputs = inputs();
    let plain = PlainLookup::new(calendar);

    // The answers, checked before anything is timed.
    let added: Vec<NaiveDate> = inputs
        .dates
        .iter()
        .zip(&inputs.offsets)
        .map(|(d, n)| calendar.add_working_days(*d, *n).unwrap())
        .collect();
    let between: Vec<i64> = inputs
        .dates
        .iter()
        .zip(&inputs.later)
        .map(|(a, b)| calendar.working_days_between(*a, *b).unwrap())
        .collect();
    for ((date, n), due) in inputs.dates.iter().zip(&inputs.offsets).zip(&added) {
        assert_eq!(
            calendar.working_days_between(*date, *due).unwrap(),
            i64::from(*n)
        );
        assert!(calendar.is_working_day(*due).unwrap());
    }
    assert!(between.iter().all(|n| (0..=120).contains(n)));
    if let Ok(path) = std::env::var("SGR_BENCH_DUMP") {
        dump(&path, calendar, &inputs, &added, &between);
    }

    let mut group = c.benchmark_group("calendar");
    group.throughput(Throughput::Elements(CALLS as u64));
    group.sample_size(20);
    group.measurement_time(std::time::Duration::from_secs(4));
    group.bench_function("add_working_days", |b| {
        b.iter(|| {
            let mut last = NaiveDate::MIN;
            for (date, n) in inputs.dates.iter().zip(&inputs.offsets) {
                last = last.max(
                    calendar
                        .add_working_days(black_box(*date), black_box(*n))
                        .unwrap(),
                );
            }
            last
        })
    });
    group.bench_function("working_days_between", |b| {
        b.iter(|| {
            let mut total = 0i64;
            for (a, z) in inputs.dates.iter().zip(&inputs.later) {
                total += calendar
                    .working_days_between(black_box(*a), black_box(*z))
                    .unwrap();
            }
            total
        })
    });
    group.bench_function("is_working_day", |b| {
        b.iter(|| {
            let mut total = 0u32;
            for date in &inputs.dates {
                total += u32::from(calendar.is_working_day(black_box(*date)).unwrap());
            }
            total
        })
    });
    group.bench_function("plain_array_lookup", |b| {
        b.iter(|| {
            let mut last = NaiveDate::MIN;
            for date in &inputs.dates {
                last = last.max(plain.get(black_box(*date)).unwrap());
            }
            last
        })
    });
    group.finish();
}

criterion_group!(benches, working_day_arithmetic);
criterion_main!(benches);
