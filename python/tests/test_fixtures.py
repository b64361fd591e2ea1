"""The project's fixtures through the package: every answer is the Rust
crate's own (its snapshots), whether the request is a dict or its JSON text,
through the module's functions or an Engine; an error document is raised as
sgr.Error carrying that document."""

import json

import pytest

import safeguarding_resolution as sgr
from conftest import (
    ESCALATION_POLICIES,
    FIXTURES,
    SNAPSHOTS,
    fixture_cases,
    is_error_document,
    snapshot_document,
)

CASES = fixture_cases()
ENGINE = sgr.Engine()


def ids(case):
    call, path, _ = case
    return f"{path.parent.name}/{path.stem}"


def test_every_snapshot_of_a_fixture_is_checked():
    prefixes = ("policy_fixtures__", "referral_fixtures__", "serious_incident_fixtures__", "form_fixtures__")
    snapshots = {p for p in SNAPSHOTS.glob("*.snap") if p.name.startswith(prefixes)}
    assert snapshots == {snapshot for _, _, snapshot in CASES}
    # Each kind of request is there: escalations, referrals, serious
    # incidents and forms (the crate's tests require as many).
    assert len(CASES) > 150


def check(call, given, expected):
    if is_error_document(expected):
        with pytest.raises(sgr.Error) as raised:
            call(given)
        error = raised.value
        assert error.document == expected
        assert error.code == expected["error"]["code"]
        assert error.message == expected["error"]["message"]
        assert error.event_index == expected["error"].get("event_index")
        assert error.problems == expected["error"].get("problems", [])
        assert str(error) == f"{error.code}: {error.message}"
    else:
        assert call(given) == expected


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_a_fixture_answers_as_the_rust_crate(case):
    kind, path, snapshot = case
    text = path.read_text(encoding="utf-8")
    expected = snapshot_document(snapshot)
    for call in (getattr(sgr, kind), getattr(ENGINE, kind)):
        check(call, json.loads(text), expected)
        check(call, text, expected)


@pytest.mark.parametrize("policy", ESCALATION_POLICIES)
def test_a_built_in_definition_given_inline_answers_as_its_id(policy):
    definition = sgr.policy_definition(policy)
    assert definition["id"] == policy
    assert definition == ENGINE.policy_definition(policy)
    for path in sorted((FIXTURES / policy).glob("*.json")):
        request = json.loads(path.read_text(encoding="utf-8"))
        expected = snapshot_document(SNAPSHOTS / f"policy_fixtures__{policy}__{path.stem}.snap")
        request["policy"] = definition
        check(sgr.evaluate, request, expected)


def test_the_illustrative_policy_answers_as_worked_out_by_hand():
    # examples/policies/example-borough-2026.json added to an engine; the
    # dates worked out in tests/policy_definitions.rs from its clocks.
    engine = sgr.Engine()
    definition = json.loads((FIXTURES.parent / "examples/policies/example-borough-2026.json").read_text(encoding="utf-8"))
    engine.add_policy(definition)
    assert engine.policy_ids()[-1] == "example-borough-2026"
    assert engine.policy_definition("example-borough-2026")["id"] == "example-borough-2026"

    def answer(name):
        scenario = json.loads((FIXTURES / "example-borough-2026" / name).read_text(encoding="utf-8"))
        # A scenario's "expect" is the author's test for check_policy, not a
        # key of the request.
        scenario.pop("expect", None)
        return engine.evaluate(scenario)

    # 48 clock hours from 09:30 on Monday 4 January 2027.
    r = answer("01-48-hours-from-a-time-of-day.json")
    assert (r["stage"]["due"]["datetime"], r["working_days_overdue"]) == ("2027-01-06T09:30", 1)
    r = answer("02-48-hours-over-a-weekend.json")
    assert (r["stage"]["due"]["date"], r["working_days_overdue"]) == ("2027-01-10", 1)
    r = answer("04-standard-priority-scotland-new-year.json")
    assert (r["stage"]["due"]["date"], r["overdue"]) == ("2027-01-11", False)
    r = answer("05-immediate-risk-straight-to-the-chair.json")
    assert r["status"] == "decided"
    with pytest.raises(sgr.Error) as raised:
        answer("06-invalid-skip-without-immediate-risk.json")
    assert (raised.value.code, raised.value.event_index) == ("invalid_transition", 1)
    # Not known to the module's functions, which hold the built-in policies only.
    with pytest.raises(sgr.Error) as raised:
        sgr.evaluate((FIXTURES / "example-borough-2026" / "01-48-hours-from-a-time-of-day.json").read_text(encoding="utf-8"))
    assert raised.value.code == "unknown_policy"
