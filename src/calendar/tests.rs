use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ew() -> &'static Calendar {
    Calendar::uk(Division::EnglandAndWales)
}

#[test]
fn contract_example_within_two_working_days() {
    assert_eq!(
        ew().add_working_days(date(2026, 12, 21), 2),
        Ok(date(2026, 12, 23))
    );
    assert_eq!(
        ew().add_working_days(date(2026, 12, 21), 0),
        Ok(date(2026, 12, 21))
    );
    // Counting from a non-working day with n == 0 returns the day itself.
    assert_eq!(
        ew().add_working_days(date(2026, 12, 25), 0),
        Ok(date(2026, 12, 25))
    );
}

#[test]
fn counting_from_a_holiday_or_weekend() {
    // Christmas Day 2026 is a Friday; the substitute Boxing Day is Monday 28th.
    assert_eq!(
        ew().add_working_days(date(2026, 12, 25), 1),
        Ok(date(2026, 12, 29))
    );
    assert_eq!(
        ew().add_working_days(date(2026, 12, 26), 1),
        Ok(date(2026, 12, 29))
    );
    assert_eq!(
        ew().working_days_between(date(2026, 12, 24), date(2026, 12, 29)),
        Ok(1)
    );
    assert_eq!(
        ew().working_days_between(date(2026, 12, 25), date(2026, 12, 28)),
        Ok(0)
    );
    assert_eq!(
        ew().working_days_between(date(2026, 12, 29), date(2026, 12, 24)),
        Ok(-1)
    );
    assert_eq!(
        ew().subtract_working_days(date(2026, 12, 29), 1),
        Ok(date(2026, 12, 24))
    );
    assert_eq!(
        ew().subtract_working_days(date(2026, 12, 27), 1),
        Ok(date(2026, 12, 24))
    );
}

#[test]
fn divisions_differ_where_the_rules_do() {
    let scotland = Calendar::uk(Division::Scotland);
    let ni = Calendar::uk(Division::NorthernIreland);
    // Easter Monday is not a Scottish bank holiday.
    assert_eq!(ew().is_working_day(date(2026, 4, 6)), Ok(false));
    assert_eq!(scotland.is_working_day(date(2026, 4, 6)), Ok(true));
    // Summer bank holiday: first Monday of August in Scotland, last elsewhere.
    assert_eq!(scotland.is_working_day(date(2026, 8, 3)), Ok(false));
    assert_eq!(scotland.is_working_day(date(2026, 8, 31)), Ok(true));
    assert_eq!(ni.is_working_day(date(2026, 8, 31)), Ok(false));
    // The Boyne falls on a Sunday in 2026; Monday 13 July is the substitute.
    assert_eq!(ni.is_working_day(date(2026, 7, 13)), Ok(false));
    let boyne = ni.is_bank_holiday(date(2026, 7, 13)).unwrap().unwrap();
    assert!(boyne.is_substitute());
    assert_eq!(
        boyne.to_string(),
        "Mon 13 Jul Battle of the Boyne (Orangemen’s Day) (substitute day)"
    );
}

#[test]
fn one_off_proclamations_are_kept() {
    let all = [
        (date(2012, 6, 5), "Queen’s Diamond Jubilee"),
        (date(2020, 5, 8), "Early May bank holiday (VE day)"),
        (date(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (
            date(2022, 9, 19),
            "Bank Holiday for the State Funeral of Queen Elizabeth II",
        ),
        (
            date(2023, 5, 8),
            "Bank holiday for the coronation of King Charles III",
        ),
        // Projected years keep their proclamations too.
        (date(1995, 5, 8), "Early May bank holiday (VE day)"),
        (date(1999, 12, 31), "Millennium celebrations"),
        (date(2002, 6, 3), "Queen’s Golden Jubilee"),
        (date(2011, 4, 29), "Royal wedding"),
    ];
    for division in Division::ALL {
        let calendar = Calendar::uk(division);
        for (day, title) in all {
            let holiday = calendar.is_bank_holiday(day).unwrap();
            assert_eq!(holiday.map(|h| h.title()), Some(title), "{division} {day}");
        }
        // The moved holidays' usual days are working days.
        for day in [
            date(2020, 5, 4),
            date(2022, 5, 30),
            date(2012, 5, 28),
            date(1995, 5, 1),
        ] {
            assert_eq!(calendar.is_working_day(day), Ok(true), "{division} {day}");
        }
    }
    let world_cup = date(2026, 6, 15);
    assert_eq!(
        Calendar::uk(Division::Scotland).is_working_day(world_cup),
        Ok(false)
    );
    assert_eq!(ew().is_working_day(world_cup), Ok(true));
}

#[test]
fn coverage_and_data_source() {
    let coverage = ew().coverage();
    assert_eq!(coverage.first(), date(1990, 1, 1));
    assert_eq!(coverage.last(), date(2100, 12, 31));
    assert_eq!(
        coverage.official(),
        Some((date(2012, 1, 1), date(2028, 12, 31)))
    );
    assert_eq!(
        ew().data_source(date(2011, 12, 31)),
        Ok(DataSource::Projected)
    );
    assert_eq!(ew().data_source(date(2012, 1, 1)), Ok(DataSource::Official));
    assert_eq!(
        ew().data_source(date(2028, 12, 31)),
        Ok(DataSource::Official)
    );
    assert_eq!(
        ew().data_source(date(2029, 1, 1)),
        Ok(DataSource::Projected)
    );
    assert!(
        ew().data_source(date(1989, 12, 31))
            .unwrap_err()
            .is_out_of_range()
    );
    let holiday = ew().is_bank_holiday(date(2029, 1, 1)).unwrap().unwrap();
    assert_eq!(holiday.source(), DataSource::Projected);
    assert_eq!(
        (EMBEDDED_OFFICIAL_YEARS.0, EMBEDDED_OFFICIAL_YEARS.1),
        (
            coverage.official().unwrap().0.year(),
            coverage.official().unwrap().1.year()
        )
    );
}

#[test]
fn a_case_opened_in_december_2028_gets_its_january_deadlines() {
    // 2028 is the last published year; January 2029 is projected.
    let due = ew().add_working_days(date(2028, 12, 21), 5).unwrap();
    // Fri 22, Wed 27, Thu 28, Fri 29 Dec, Tue 2 Jan (Christmas Mon 25, Boxing
    // Tue 26, New Year Mon 1 Jan).
    assert_eq!(due, date(2029, 1, 2));
    let strict = ew().strict();
    let err = strict.add_working_days(date(2028, 12, 21), 5).unwrap_err();
    assert!(err.is_projected(), "{err}");
    assert!(!err.to_string().contains("2029-01-02"), "{err}");
    assert!(
        err.to_string().contains("2012-01-01 to 2028-12-31"),
        "{err}"
    );
}

#[test]
fn strict_mode_refuses_projected_dates_given_or_computed() {
    let strict = ew().strict();
    assert!(strict.is_strict());
    assert!(!ew().is_strict());
    assert_eq!(strict.is_working_day(date(2012, 1, 2)), Ok(false));
    for query in [
        strict.is_working_day(date(2011, 12, 30)).map(|_| ()),
        strict
            .working_days_between(date(2020, 1, 1), date(2029, 1, 1))
            .map(|_| ()),
        strict
            .subtract_working_days(date(2012, 1, 3), 1)
            .map(|_| ()),
        strict.bank_holidays_in_year(2030).map(|_| ()),
    ] {
        assert!(query.unwrap_err().is_projected());
    }
    // Outside the coverage altogether is still "out of range", not "projected".
    assert!(
        strict
            .is_working_day(date(1900, 1, 1))
            .unwrap_err()
            .is_out_of_range()
    );
    // The strict calendar answers exactly as the lenient one where it answers.
    assert_eq!(
        strict.add_working_days(date(2020, 12, 24), 3),
        ew().add_working_days(date(2020, 12, 24), 3)
    );
}

#[test]
fn edges_of_the_coverage_are_errors_not_panics() {
    let last = date(2100, 12, 31); // a Friday
    assert_eq!(ew().is_working_day(last), Ok(true));
    let err = ew().add_working_days(last, 1).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::ResultOutOfRange {
                working_days: 1,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        ew().add_working_days(date(2100, 12, 1), u32::MAX)
            .unwrap_err()
            .is_out_of_range()
    );
    assert!(
        ew().subtract_working_days(date(1990, 1, 2), 1)
            .unwrap_err()
            .is_out_of_range()
    );
    let err = ew()
        .subtract_working_days(date(1990, 1, 5), u32::MAX)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("-4294967295 working days from the date"),
        "{err}"
    );
    assert!(
        ew().is_working_day(NaiveDate::MIN)
            .unwrap_err()
            .is_out_of_range()
    );
    assert!(
        ew().is_working_day(NaiveDate::MAX)
            .unwrap_err()
            .is_out_of_range()
    );
    assert!(
        ew().working_days_between(date(2000, 1, 1), date(2101, 1, 1))
            .is_err()
    );
    assert!(
        ew().non_working_days_between(date(1989, 1, 1), date(2000, 1, 1))
            .is_err()
    );
    assert_eq!(
        ew().working_days_between(date(1990, 1, 1), date(1990, 1, 1)),
        Ok(0)
    );
}

#[test]
fn explanations_name_the_skipped_holidays() {
    let deadline = ew()
        .explain_add_working_days(date(2026, 12, 24), 1)
        .unwrap();
    assert_eq!(deadline.due(), date(2026, 12, 29));
    assert_eq!(deadline.skipped().len(), 4);
    assert!(deadline.skipped()[1].is_weekend());
    assert_eq!(
        deadline.skipped_bank_holidays(),
        "skips Fri 25 Dec Christmas Day, Mon 28 Dec Boxing Day (substitute day)"
    );
    let plain = ew().explain_add_working_days(date(2026, 3, 2), 2).unwrap();
    assert_eq!(plain.skipped_bank_holidays(), "");
    assert_eq!(
        plain.to_string(),
        "Wed 4 Mar 2026, 2 working days after Mon 2 Mar 2026"
    );
    let zero = ew()
        .explain_add_working_days(date(2026, 12, 25), 0)
        .unwrap();
    assert!(zero.skipped().is_empty());
}

#[test]
fn union_calendar_is_a_day_off_anywhere() {
    let union = Calendar::uk_union();
    assert_eq!(union.divisions(), &Division::ALL);
    for day in [
        date(2026, 1, 2),
        date(2026, 3, 17),
        date(2026, 4, 6),
        date(2026, 8, 3),
        date(2026, 8, 31),
    ] {
        assert_eq!(union.is_working_day(day), Ok(false), "{day}");
    }
    let christmas = union.bank_holidays_on(date(2026, 12, 25)).unwrap();
    assert_eq!(christmas.len(), 1);
    assert_eq!(christmas[0].divisions(), &Division::ALL);
    // 2 January 2012: a substitute New Year's Day in two divisions, the
    // 2nd January holiday in Scotland.
    let titles: Vec<_> = union
        .bank_holidays_on(date(2012, 1, 2))
        .unwrap()
        .iter()
        .map(|h| (h.title().to_string(), h.divisions().to_vec()))
        .collect();
    assert_eq!(
        titles,
        vec![
            ("2nd January".to_string(), vec![Division::Scotland]),
            (
                "New Year’s Day".to_string(),
                vec![Division::EnglandAndWales, Division::NorthernIreland]
            ),
        ]
    );
    assert_eq!(union.coverage(), ew().coverage());
    assert!(Calendar::union(&[]).is_err());
}

#[test]
fn union_of_calendars_that_do_not_overlap_is_an_error() {
    let early = r#"{"scotland": {"division": "scotland", "events": [
        {"title": "x", "date": "1900-01-01", "notes": "", "bunting": true}]}}"#;
    let calendar = Calendar::from_govuk_json(early, Division::Scotland).unwrap();
    assert_eq!(calendar.coverage().first(), date(1900, 1, 1));
    let union = Calendar::union(&[&calendar, ew()]).unwrap();
    // Official years 1900 and 2012-2028 do not overlap: nothing is official.
    assert_eq!(union.coverage().official(), None);
    assert!(
        union
            .strict()
            .is_working_day(date(2020, 1, 1))
            .unwrap_err()
            .is_projected()
    );
}

#[test]
fn runtime_update_replaces_the_published_years() {
    let json = r#"{
      "england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true},
        {"title": "A proclaimed day", "date": "2031-06-06", "notes": "Extra bank holiday", "bunting": true},
        {"title": "Christmas Day", "date": "2032-12-27", "notes": "Substitute day", "bunting": true}
      ]}
    }"#;
    let calendar = Calendar::from_govuk_json(json, Division::EnglandAndWales).unwrap();
    assert_eq!(
        calendar.coverage().official(),
        Some((date(2031, 1, 1), date(2032, 12, 31)))
    );
    assert_eq!(calendar.is_working_day(date(2031, 6, 6)), Ok(false));
    // Within the published years only the document counts: Good Friday 2031
    // is not in it.
    assert_eq!(calendar.is_working_day(date(2031, 4, 11)), Ok(true));
    // Outside them the rules still project.
    assert_eq!(calendar.is_working_day(date(2026, 12, 25)), Ok(false));
    assert_eq!(
        calendar.data_source(date(2026, 12, 25)),
        Ok(DataSource::Projected)
    );
}

fn document_error(json: &str) -> (String, String) {
    match Calendar::from_govuk_json(json, Division::EnglandAndWales)
        .unwrap_err()
        .kind()
    {
        ErrorKind::InvalidDocument { path, problem } => (path.clone(), problem.clone()),
        other => panic!("expected an invalid document, got {other:?}"),
    }
}

#[test]
fn malformed_documents_say_where() {
    let event = |date: &str| {
        format!(r#"{{"title": "Day", "date": "{date}", "notes": "", "bunting": true}}"#)
    };
    let doc = |events: &str| {
        format!(
            r#"{{"england-and-wales": {{"division": "england-and-wales", "events": [{events}]}}}}"#
        )
    };
    let mut cases: Vec<(String, &str, &str)> = vec![
        ("{".into(), "(document)", "not valid JSON"),
        ("[]".into(), "(document)", "expected an object keyed by division"),
        ("{}".into(), "(document)", "no divisions"),
        (
            r#"{"wales": {"division": "wales", "events": []}}"#.into(),
            "wales",
            "not a division",
        ),
        (
            r#"{"scotland": {"division": "scotland", "events": [{"title": "x", "date": "2020-01-01"}]}}"#.into(),
            "england-and-wales",
            "no events for england-and-wales (it has scotland)",
        ),
        (
            r#"{"england-and-wales": {"division": "scotland", "events": []}}"#.into(),
            "england-and-wales.division",
            "does not match the division's key",
        ),
        (
            r#"{"england-and-wales": {"division": "england-and-wales"}}"#.into(),
            "england-and-wales.events",
            "missing",
        ),
        (
            r#"{"england-and-wales": {"division": "england-and-wales", "events": {}}}"#.into(),
            "england-and-wales.events",
            "expected a list of events",
        ),
        (doc(""), "england-and-wales.events", "empty"),
        (
            doc(&format!("{}, {}", event("2026-01-01"), event("2026-02-30"))),
            "england-and-wales.events[1].date",
            "not a real date",
        ),
        (
            doc(&event("1 Jan 2026")),
            "england-and-wales.events[0].date",
            "not a date written YYYY-MM-DD",
        ),
        (
            doc(&format!("{}, {}, {}", event("2026-01-01"), event("2026-05-04"), event("2026-01-01"))),
            "england-and-wales.events[2].date",
            "the same date is listed twice (also at england-and-wales.events[0])",
        ),
        (
            doc(r#"{"date": "2026-01-01"}"#),
            "england-and-wales.events[0].title",
            "missing",
        ),
        (
            doc(r#"{"title": " ", "date": "2026-01-01"}"#),
            "england-and-wales.events[0].title",
            "blank",
        ),
        (
            doc(r#"{"title": "x", "date": 20260101}"#),
            "england-and-wales.events[0].date",
            "expected a string",
        ),
        (
            doc(r#"{"title": "x", "date": "2026-01-01", "bunting": "yes"}"#),
            "england-and-wales.events[0].bunting",
            "expected true or false",
        ),
        (
            doc(r#"{"title": "x", "date": "2026-01-01", "notes": 3}"#),
            "england-and-wales.events[0].notes",
            "expected a string",
        ),
        (doc("7"), "england-and-wales.events[0]", "expected an event object"),
        (
            doc(&event("0001-01-01")),
            "england-and-wales.events[0].date",
            "outside the years a bank-holiday document can describe (1871 to 2200)",
        ),
        (
            doc(&event("2201-01-01")),
            "england-and-wales.events[0].date",
            "outside the years",
        ),
    ];
    cases.push((
        doc(&event("2026-01-03")),
        "england-and-wales.events[0].date",
        "a Saturday or Sunday",
    ));
    for (json, want_path, want_problem) in cases {
        let (path, problem) = document_error(&json);
        assert_eq!(path, want_path, "{json}");
        assert!(problem.contains(want_problem), "{json}: {problem}");
    }
    let err =
        Calendar::from_govuk_json("{\n  \"england-and-wales\": tru", Division::EnglandAndWales)
            .unwrap_err();
    assert!(err.is_invalid_document());
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn notes_and_bunting_are_optional() {
    let json = r#"{"england-and-wales": {"division": "england-and-wales",
        "events": [{"title": "Day", "date": "2026-01-01", "notes": null}]}}"#;
    let calendar = Calendar::from_govuk_json(json, Division::EnglandAndWales).unwrap();
    let holiday = calendar.is_bank_holiday(date(2026, 1, 1)).unwrap().unwrap();
    assert_eq!((holiday.notes(), holiday.bunting()), ("", false));
}

#[test]
fn division_names() {
    for division in Division::ALL {
        assert_eq!(division.as_str().parse::<Division>(), Ok(division));
        assert_eq!(
            serde_json::to_string(&division).unwrap(),
            format!("\"{division}\"")
        );
    }
    assert_eq!(format!("[{:<10}]", Division::Scotland), "[scotland  ]");
    let err = "wales".parse::<Division>().unwrap_err();
    assert!(err.is_unknown_division());
    assert!(!err.to_string().contains("\"wales\""), "{err}");
}

#[test]
fn calendars_are_send_and_sync_and_debug_is_short() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Calendar>();
    assert_send_sync::<Error>();
    let debug = format!("{:?}", ew());
    assert!(debug.len() < 300, "{debug}");
    assert!(debug.contains("EnglandAndWales"));
}
