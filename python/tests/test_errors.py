"""Errors: an error document is raised as sgr.Error with its code, document
and problems; nothing else is raised but TypeError for an argument of the
wrong type; no message repeats a value sent."""

import json
import pickle
from datetime import date, datetime

import pytest

import safeguarding_resolution as sgr

NAME = "Jane Doe"  # stands for the personal data a field may hold


def swindon(events, as_of="2027-01-05"):
    return {"policy": "swindon-resolution-2026", "as_of": as_of, "events": events}


def raised(call, *args, **kwargs):
    with pytest.raises(sgr.Error) as raised:
        call(*args, **kwargs)
    return raised.value


def test_error_is_an_exception_with_the_document_on_it():
    assert issubclass(sgr.Error, Exception)
    error = raised(sgr.evaluate, "not JSON")
    assert error.code == "invalid_json"
    assert error.document == {"error": {"code": "invalid_json", "message": error.message}}
    assert error.problems == []
    assert error.event_index is None
    assert str(error) == "invalid_json: " + error.message


def test_an_error_survives_pickling():
    error = raised(sgr.evaluate, swindon([{"type": "escalated", "on": "2026-12-21"}]))
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.document, again.problems, again.event_index) == (
        error.code, error.document, error.problems, error.event_index)
    assert str(again) == str(error)


def test_a_bad_field_names_its_place_and_never_its_value():
    error = raised(sgr.evaluate, swindon([{"type": "raised", "on": NAME}]))
    assert error.code == "invalid_field"
    assert error.event_index == 0
    assert "events[0].on" in error.message
    assert NAME not in str(error) and NAME not in json.dumps(error.document)


def test_an_event_the_state_does_not_allow_is_an_invalid_transition_at_its_index():
    error = raised(sgr.evaluate, swindon([{"type": "raised", "on": "2026-12-21"},
                                          {"type": "decided", "on": "2026-12-22", "outcome": NAME}]))
    assert (error.code, error.event_index) == ("invalid_transition", 1)
    assert NAME not in str(error)
    error = raised(sgr.evaluate, swindon([{"type": "escalated", "on": "2026-12-21"}]))
    assert (error.code, error.event_index) == ("invalid_transition", 0)


def test_unknown_policy_and_calendar():
    assert raised(sgr.evaluate, {"policy": "x", "as_of": "2027-01-05", "events": []}).code == "unknown_policy"
    assert raised(sgr.policy_definition, "example-borough-2026").code == "unknown_policy"
    request = swindon([{"type": "raised", "on": "2026-12-21"}])
    request["calendar"] = "wales"
    assert raised(sgr.evaluate, request).code == "unknown_calendar"
    assert raised(sgr.validate, {"form": "no-such-form", "data": {}}).code == "invalid_field"


def test_a_refused_definition_lists_every_problem_and_leaves_the_engine_unchanged():
    engine = sgr.Engine()
    error = raised(engine.add_policy, {"id": "Bad Id " + NAME, "name": "", "stages": []})
    assert error.code == "invalid_policy"
    assert [p["path"] for p in error.problems] == ["id", "name", "stages"]
    assert error.problems == error.document["error"]["problems"]
    assert NAME not in json.dumps(error.document)
    assert engine.policy_ids() == sgr.Engine().policy_ids()
    # A built-in policy's id is the library's own.
    swindon_definition = sgr.policy_definition("swindon-resolution-2026")
    swindon_definition["name"] = "Another policy"
    assert raised(engine.add_policy, swindon_definition).code == "invalid_policy"
    assert raised(engine.add_policy, "{").code == "invalid_json"


def test_a_form_with_problems_is_an_answer_not_an_error():
    answer = sgr.validate({"form": "swindon-resolution-form", "data": {"child_name": 3}})
    assert answer["valid"] is False and answer["problems"]
    assert all(NAME not in p["message"] for p in answer["problems"])


def test_limits_are_errors():
    deep = {}
    inner = deep
    for _ in range(100):
        inner["a"] = {}
        inner = inner["a"]
    assert raised(sgr.evaluate, deep).code == "limit_exceeded"
    assert raised(sgr.evaluate, json.dumps(deep)).code == "limit_exceeded"
    # Nested deeper than Python's json module can write: the same code.
    deeper = []
    for _ in range(100_000):
        deeper = [deeper]
    assert raised(sgr.evaluate, {"events": deeper}).code == "limit_exceeded"
    assert raised(sgr.evaluate, swindon([{"type": "raised", "on": "2026-12-21", "reason": "x" * 3_000_000}])).code == "limit_exceeded"


def test_text_that_is_not_unicode_is_not_json():
    assert raised(sgr.evaluate, '{"policy": "\ud800"}').code == "invalid_json"
    assert raised(sgr.evaluate, {"policy": "\ud800"}).code == "invalid_json"


@pytest.mark.parametrize("request_", [
    42, None, b"{}", ["policy"], 1.5,
    {"events": {1, 2}},  # a set
    {"as_of": date(2027, 1, 5)},  # dates in requests are strings
    {"as_of": float("nan")},
    {(1, 2): "tuple key"},
])
def test_a_request_of_a_wrong_type_is_a_type_error(request_):
    for call in (sgr.evaluate, sgr.validate, sgr.Engine().evaluate, sgr.Engine().validate,
                 sgr.Engine().add_policy, sgr.Engine().load_holidays):
        with pytest.raises(TypeError):
            call(request_)


def test_a_circular_request_is_a_type_error():
    request = swindon([])
    request["events"].append(request)
    with pytest.raises(TypeError):
        sgr.evaluate(request)


def test_calendar_arguments_of_a_wrong_type_are_type_errors():
    monday = date(2026, 12, 21)
    for args in [("2026-12-21", 2), (datetime(2026, 12, 21, 9, 30), 2), (monday, 2.0), (monday, "2"),
                 (monday, True), (None, 1)]:
        with pytest.raises(TypeError):
            sgr.add_working_days(*args)
    with pytest.raises(TypeError):
        sgr.add_working_days(monday, 2, division=3)
    with pytest.raises(TypeError):
        sgr.working_days_between(monday, "2026-12-23")
    with pytest.raises(TypeError):
        sgr.is_working_day(20261221)
    with pytest.raises(TypeError):
        sgr.policy_definition(3)
    with pytest.raises(TypeError):
        sgr.add_working_days(monday)


def test_calendar_refusals_are_errors_with_the_calendars_code():
    error = raised(sgr.add_working_days, date(1989, 12, 29), 1)
    assert error.code == "out_of_calendar_range"
    assert error.message.startswith("date: ") and "1989" not in error.message
    # The answer would be past the last date covered, 31 December 2100.
    error = raised(sgr.add_working_days, date(2100, 12, 30), 5)
    assert error.code == "out_of_calendar_range" and error.message.startswith("n: ")
    assert raised(sgr.add_working_days, date(2026, 12, 21), 2 ** 40).code == "out_of_calendar_range"
    assert raised(sgr.add_working_days, date(2026, 12, 21), -1).code == "invalid_field"
    error = raised(sgr.working_days_between, date(2026, 12, 21), date(2101, 1, 3))
    assert error.code == "out_of_calendar_range" and error.message.startswith("b: ")
    assert raised(sgr.is_working_day, date(1850, 1, 1)).code == "out_of_calendar_range"
    error = raised(sgr.is_working_day, date(2026, 12, 21), division="Wales")
    assert error.code == "unknown_calendar" and "Wales" not in error.message
    assert raised(sgr.Engine().add_working_days, date(1989, 12, 29), 1).code == "out_of_calendar_range"
