"""One Engine shared by threads, and the GIL released while the library
works."""

import json
import sys
import threading

import safeguarding_resolution as sgr
from conftest import fixture_cases, is_error_document, snapshot_document
from test_calendar import govuk
from test_sweep import tray_cases

CASES = [
    (kind, path.read_text(encoding="utf-8"), snapshot_document(snapshot))
    for kind, path, snapshot in fixture_cases()
]


def answer_or_error(call, request):
    try:
        return call(request)
    except sgr.Error as error:
        return error.document


def run_threads(count, target):
    failures = []

    def guarded(index):
        try:
            target(index)
        except BaseException as error:  # reported, not lost in the thread
            failures.append(repr(error))

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_an_engine_shared_by_eight_threads_answers_as_one():
    engine = sgr.Engine()
    tray_request = {"as_of": "2028-06-30", "within_working_days": 10, "cases": tray_cases()}
    tray = engine.sweep(tray_request)

    def work(index):
        # Each thread its own order of the fixtures, dicts and texts.
        for kind, text, expected in CASES[index:] + CASES[:index]:
            request = text if index % 2 else json.loads(text)
            assert answer_or_error(getattr(engine, kind), request) == expected
        assert engine.sweep(tray_request) == tray

    run_threads(8, work)


def test_changes_beside_evaluations_are_seen_whole():
    # A holiday on Tuesday 2 March 2027 or on Wednesday 3: North Somerset's
    # stage 1, raised on Monday 1 March, is due on the next working day.
    request = {"policy": "nsscp-issue-resolution-2025", "as_of": "2027-03-01",
               "events": [{"type": "raised", "on": "2027-03-01"}]}
    answers = {}
    for holiday in ("2027-03-02", "2027-03-03"):
        engine = sgr.Engine()
        engine.load_holidays(govuk(holiday))
        answers[holiday] = engine.evaluate(request)
    assert answers["2027-03-02"]["stage"]["due"]["date"] == "2027-03-03"
    assert answers["2027-03-03"]["stage"]["due"]["date"] == "2027-03-02"

    engine = sgr.Engine()
    engine.load_holidays(govuk("2027-03-02"))
    seen = set()

    def work(index):
        if index == 0:
            for round_ in range(200):
                engine.load_holidays(govuk("2027-03-03" if round_ % 2 == 0 else "2027-03-02"))
        elif index == 1:
            for round_ in range(200):
                engine.add_policy({"id": f"added-{round_ % 7}", "name": "Added",
                                   "stages": [{"number": 1, "name": "One", "clock": {"kind": "not_stated"}}]})
        else:
            for _ in range(200):
                response = engine.evaluate(request)
                assert response in (answers["2027-03-02"], answers["2027-03-03"])
                seen.add(response["stage"]["due"]["date"])

    run_threads(8, work)
    # Every add counted: none lost to another change at the same time.
    assert engine.policy_ids()[3:] == [f"added-{i}" for i in range(7)]


def big_sweep():
    """A tray of 5,000 eight-event Swindon cases, long enough to sweep for
    another thread to run meanwhile."""
    events = [
        {"type": "raised", "on": "2027-01-04"},
        {"type": "escalated", "on": "2027-01-06"},
        {"type": "recorded", "on": "2027-01-07", "record": "discussion_record"},
        {"type": "recorded", "on": "2027-01-07", "record": "agency_log"},
        {"type": "recorded", "on": "2027-01-08", "record": "email_record"},
        {"type": "escalated", "on": "2027-01-13"},
        {"type": "escalated", "on": "2027-01-20"},
        {"type": "resolved", "on": "2027-01-22"},
    ]
    cases = [{"id": f"case-{i}", "policy": "swindon-resolution-2026", "events": events} for i in range(5_000)]
    return {"as_of": "2027-01-29", "within_working_days": 5, "cases": cases}


def test_another_thread_runs_while_the_library_works():
    # With a switch interval longer than the test, a thread holding the GIL
    # keeps it until it blocks or releases it: the main thread can mark
    # progress during the call only if the call released the GIL. No
    # timing is measured; a call shorter than the main thread's wake-up
    # is tried again, a few times.
    request = json.dumps(big_sweep())
    engine = sgr.Engine()
    expected = engine.sweep(request)
    assert expected["summary"]["cases"] == 5_000
    interval = sys.getswitchinterval()
    outcomes = []
    try:
        sys.setswitchinterval(1000.0)
        for _ in range(5):
            started = threading.Event()
            progressed = threading.Event()

            def evaluate():
                started.set()
                answer = engine.sweep(request)
                outcomes.append((progressed.is_set(), answer == expected))

            worker = threading.Thread(target=evaluate)
            worker.start()
            started.wait()
            progressed.set()
            worker.join()
            if outcomes[-1][0]:
                break
    finally:
        sys.setswitchinterval(interval)
    assert all(same for _, same in outcomes)
    assert outcomes[-1][0], "the main thread never ran while the library worked"
