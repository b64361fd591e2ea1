"""The work tray over every fixture: each case answered as its own
evaluation would answer it, the cases refused listed with their own error
documents, and the figures counted over the cases answered."""

import json

import pytest

import safeguarding_resolution as sgr
from conftest import ESCALATION_POLICIES, FIXTURES

AS_OF = "2028-06-30"  # after every fixture's last event


def tray_cases():
    """Every escalation and serious-incident fixture as a case of one
    tray, each with an id of its own."""
    cases = []
    for policy in ESCALATION_POLICIES + ("gscp-serious-incident-2021",):
        for path in sorted((FIXTURES / policy).glob("*.json")):
            request = json.loads(path.read_text(encoding="utf-8"))
            del request["as_of"]
            request["id"] = f"{len(cases)}-{path.stem}"[:64]
            cases.append(request)
    return cases


def own_answer(case):
    request = {key: value for key, value in case.items() if key != "id"}
    request["as_of"] = AS_OF
    try:
        return sgr.evaluate(request)
    except sgr.Error as error:
        return error.document


def contains(document, part):
    if document == part:
        return True
    if isinstance(document, dict):
        return any(contains(value, part) for value in document.values())
    if isinstance(document, list):
        return any(contains(value, part) for value in document)
    return False


def test_a_sweep_answers_each_case_as_its_own_evaluation():
    cases = tray_cases()
    tray = sgr.sweep({"as_of": AS_OF, "within_working_days": 10, "cases": cases})
    assert tray["as_of"] == AS_OF and tray["within_working_days"] == 10
    answers = {case["id"]: own_answer(case) for case in cases}
    refused = {case_id: answer for case_id, answer in answers.items() if list(answer) == ["error"]}
    assert {e["case"]: {"error": e["error"]} for e in tray["errors"]} == refused
    assert refused and all("invalid" in case_id for case_id in refused)
    assert tray["items"]
    for item in tray["items"]:
        own = answers[item["case"]]
        assert contains(own, item["due"]), item
        if item["kind"] == "stage":
            assert own["stage"]["number"] == item["stage"]
            assert (own["overdue"], own["working_days_overdue"]) == (item["overdue"], item["working_days_overdue"])
    assert [item["due_on"] for item in tray["items"]] == sorted(item["due_on"] for item in tray["items"])
    escalations = [a for case_id, a in answers.items()
                   if case_id not in refused and a["policy"] in ESCALATION_POLICIES]
    assert tray["summary"]["cases"] == len(escalations)
    assert sum(tray["summary"]["by_state"].values()) == len(escalations)
    # The same through an engine, and as text.
    assert sgr.Engine().sweep(json.dumps({"as_of": AS_OF, "within_working_days": 10, "cases": cases})) == tray


def test_a_request_wrong_as_a_whole_is_raised():
    with pytest.raises(sgr.Error) as raised:
        sgr.sweep("{")
    assert raised.value.code == "invalid_json"
    case = {"id": "Jane Doe", "policy": "swindon-resolution-2026", "events": []}
    with pytest.raises(sgr.Error) as raised:
        sgr.sweep({"as_of": AS_OF, "cases": [case]})
    assert raised.value.code == "invalid_field"
    assert "cases[0].id" in raised.value.message and "Jane" not in str(raised.value)
    with pytest.raises(sgr.Error) as raised:
        sgr.sweep({"as_of": AS_OF, "within_working_days": -1, "cases": []})
    assert raised.value.code == "invalid_field"
    with pytest.raises(TypeError):
        sgr.sweep([case])


def test_an_engine_sweeps_its_own_policies():
    engine = sgr.Engine()
    engine.add_policy({"id": "example-borough-2026", "name": "Example Borough",
                       "stages": [{"number": 1, "name": "Practitioners",
                                   "clock": {"kind": "working_days_after_start", "days": 2}}]})
    request = {"as_of": "2027-01-08", "cases": [
        {"id": "eb-1", "policy": "example-borough-2026", "events": [{"type": "raised", "on": "2027-01-04"}]}]}
    # Two working days from Monday 4 January 2027: Wednesday 6, overdue by
    # Thursday 7 and Friday 8.
    item = engine.sweep(request)["items"][0]
    assert (item["due_on"], item["working_days_overdue"]) == ("2027-01-06", 2)
    assert sgr.sweep(request)["errors"][0]["error"]["code"] == "unknown_policy"
