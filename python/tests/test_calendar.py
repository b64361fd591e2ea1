"""The calendar functions, datetime.date in and out, with dates worked out by
hand from the bank holidays (data/bank-holidays.json) and a calendar."""

import json
from datetime import date, timedelta

import pytest

import safeguarding_resolution as sgr
from conftest import FIXTURES, REPO


def test_within_two_working_days_of_monday_21_december_2026():
    # CONTRACT section 2: the n-th working day strictly after the date.
    assert sgr.add_working_days(date(2026, 12, 21), 2) == date(2026, 12, 23)
    assert type(sgr.add_working_days(date(2026, 12, 21), 2)) is date


def test_five_working_days_after_23_december_2026_skip_christmas_and_new_year():
    # Thu 24 (1); Fri 25 Christmas; Mon 28 Boxing Day (substitute); Tue 29
    # (2), Wed 30 (3), Thu 31 (4); Fri 1 New Year's Day; Mon 4 January (5).
    assert sgr.add_working_days(date(2026, 12, 23), 5) == date(2027, 1, 4)
    assert sgr.add_working_days(date(2026, 12, 21), 5) == date(2026, 12, 30)
    # Good Friday 26 March and Easter Monday 29 March 2027.
    assert sgr.add_working_days(date(2027, 3, 24), 5) == date(2027, 4, 2)


def test_any_integer_type_counts_working_days():
    class Count:  # an integer type of its own, such as numpy's int64
        def __index__(self):
            return 2

    assert sgr.add_working_days(date(2026, 12, 21), Count()) == date(2026, 12, 23)


def test_zero_working_days_is_the_date_itself_even_on_a_saturday():
    assert sgr.add_working_days(date(2026, 12, 26), 0) == date(2026, 12, 26)


def test_the_division_is_a_keyword_defaulting_to_england_and_wales():
    # 2 January 2027 is a Saturday: Scotland's holiday moves to Monday 4.
    new_years_eve = date(2026, 12, 31)
    assert sgr.add_working_days(new_years_eve, 1) == date(2027, 1, 4)
    assert sgr.add_working_days(new_years_eve, 1, division="england-and-wales") == date(2027, 1, 4)
    assert sgr.add_working_days(new_years_eve, 1, division="scotland") == date(2027, 1, 5)
    assert sgr.add_working_days(new_years_eve, 1, "scotland") == date(2027, 1, 5)
    # St Patrick's Day, Wednesday 17 March 2027, in Northern Ireland only.
    assert not sgr.is_working_day(date(2027, 3, 17), division="northern-ireland")
    assert sgr.is_working_day(date(2027, 3, 17))
    assert sgr.add_working_days(date(2027, 3, 16), 1, division="northern-ireland") == date(2027, 3, 18)


def test_is_working_day():
    assert sgr.is_working_day(date(2026, 12, 24))  # Thursday
    assert not sgr.is_working_day(date(2026, 12, 25))  # Christmas Day
    assert not sgr.is_working_day(date(2026, 12, 26))  # Saturday
    assert not sgr.is_working_day(date(2026, 12, 28))  # Boxing Day, substitute
    assert not sgr.is_working_day(date(2027, 1, 4), division="scotland")


def test_working_days_between_counts_the_half_open_interval():
    # (21 Dec 2026, 4 Jan 2027]: 22, 23, 24, 29, 30, 31 December and 4 January.
    assert sgr.working_days_between(date(2026, 12, 21), date(2027, 1, 4)) == 7
    assert sgr.working_days_between(date(2027, 1, 4), date(2026, 12, 21)) == -7
    assert sgr.working_days_between(date(2026, 12, 21), date(2026, 12, 21)) == 0
    assert sgr.working_days_between(date(2026, 12, 31), date(2027, 1, 5), division="scotland") == 1


def test_counting_back_what_was_added_gives_n():
    d = date(2026, 12, 1)
    while d < date(2027, 2, 1):
        for n in (1, 2, 5, 17):
            for division in ("england-and-wales", "scotland", "northern-ireland"):
                assert sgr.working_days_between(d, sgr.add_working_days(d, n, division), division) == n
        d += timedelta(days=1)


def test_the_worked_deadlines_of_the_fixtures():
    cases = json.loads((FIXTURES / "calendar" / "deadlines.json").read_text(encoding="utf-8"))["cases"]
    checked = 0
    for case in cases:
        if case["calendar"] == "union":  # the Rust API's union of the divisions
            continue
        start = date.fromisoformat(case["from"])
        if case["op"] == "add":
            got = sgr.add_working_days(start, case["working_days"], division=case["calendar"])
            assert got == date.fromisoformat(case["expect"]), case["case"]
            checked += 1
        elif case["op"] == "between":
            got = sgr.working_days_between(start, date.fromisoformat(case["to"]), division=case["calendar"])
            assert got == case["expect"], case["case"]
            checked += 1
    assert checked >= 10


def govuk(england_and_wales_date):
    """A GOV.UK bank-holidays.json document with one holiday a division."""

    def division(name, day, title):
        return {"division": name, "events": [{"title": title, "date": day, "notes": "", "bunting": True}]}

    return {
        "england-and-wales": division("england-and-wales", england_and_wales_date, "A new bank holiday"),
        "scotland": division("scotland", "2027-01-04", "2nd January"),
        "northern-ireland": division("northern-ireland", "2027-03-17", "St Patrick's Day"),
    }


def test_an_engine_counts_on_the_holidays_it_loaded():
    engine = sgr.Engine()
    tuesday = date(2027, 3, 2)
    assert engine.is_working_day(tuesday)
    engine.load_holidays(govuk("2027-03-02"))
    assert not engine.is_working_day(tuesday)
    assert engine.add_working_days(date(2027, 3, 1), 1) == date(2027, 3, 3)
    assert engine.working_days_between(date(2027, 3, 1), date(2027, 3, 3)) == 1
    # The module's functions keep the embedded holidays.
    assert sgr.is_working_day(tuesday)
    request = {"policy": "nsscp-issue-resolution-2025", "as_of": "2027-03-01",
               "events": [{"type": "raised", "on": "2027-03-01"}]}
    assert engine.evaluate(request)["stage"]["due"]["date"] == "2027-03-03"
    assert sgr.evaluate(request)["stage"]["due"]["date"] == "2027-03-02"
    assert "loaded" in repr(engine)


def test_a_refused_holiday_document_leaves_the_engine_as_it_was():
    engine = sgr.Engine()
    engine.load_holidays(json.dumps(govuk("2027-03-02")))
    with pytest.raises(sgr.Error) as raised:
        engine.load_holidays(govuk("2027-02-30"))
    assert raised.value.code == "invalid_holidays"
    assert "england-and-wales" in raised.value.message
    assert "2027-02-30" not in str(raised.value)
    assert raised.value.problems == []
    assert not engine.is_working_day(date(2027, 3, 2))
    with pytest.raises(sgr.Error) as raised:
        engine.load_holidays({"scotland": {"division": "scotland", "events": []}})
    assert raised.value.code == "invalid_holidays"
    assert not engine.is_working_day(date(2027, 3, 2))


def test_the_published_data_loaded_answers_as_the_embedded():
    engine = sgr.Engine()
    engine.load_holidays((REPO / "data" / "bank-holidays.json").read_text(encoding="utf-8"))
    d = date(2025, 12, 1)
    while d < date(2027, 4, 1):
        for division in ("england-and-wales", "scotland", "northern-ireland"):
            assert engine.is_working_day(d, division) == sgr.is_working_day(d, division)
            assert engine.add_working_days(d, 3, division) == sgr.add_working_days(d, 3, division)
        d += timedelta(days=1)
