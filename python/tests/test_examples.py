"""examples/python/monitoring.py, run as a user runs it, prints the figures
worked out by hand from its cases (report of Friday 29 January 2027)."""

import subprocess
import sys

from conftest import REPO


def test_the_monitoring_notebook_prints_the_partnerships_figures():
    run = subprocess.run(
        [sys.executable, str(REPO / "examples" / "python" / "monitoring.py")],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    # Seven escalation cases: sw-102, ns-202 and gs-302 open; sw-101
    # (stage 2), ns-201 and gs-301 (stage 1) resolved; sw-103 withdrawn.
    assert "Cases: 7" in lines
    assert "By state: open 3, resolved 3, withdrawn 1" in lines
    assert "Concluded at stage: stage 1: 2, stage 2: 1" in lines
    # sw-102's stage 1, ns-202's stage 3 and gs-302's current stage missed
    # their clocks.
    assert "Every stage within its clock: 4 of 7 cases" in lines
    # Working days to the end: sw-101 6 (5 to 12 January), ns-201, gs-301
    # and sw-103 1 each: 9 / 4.
    assert "Ended: 4, taking 2.25 working days on average" in lines
    tray = "\n".join(lines)
    # Swindon's stage 2 from Friday 15 January, due five working days later
    # on Friday 22: five working days overdue on Friday 29.
    assert "2027-01-22  sw-102  stage      Inter-agency Discussion (stage 2): OVERDUE by 5 working day(s)" in tray
    # Gloucestershire's one working day from Monday 25: Tuesday 26.
    assert "2027-01-26  gs-302  stage      Preventing Disputes (stage 1): OVERDUE by 3 working day(s)" in tray
    # The Panel notified within five working days of Monday 18: Monday 25.
    assert "2027-01-25  si-1    clock" in tray and "OVERDUE by 4 working day(s)" in tray
    # Swindon's Day 17 from Monday 11 January: Wednesday 3 February.
    assert "2027-02-03  sw-102  milestone" in tray
    assert "Serious incidents: 1" in lines
    assert "  notification clock: kept 0, missed 1" in lines
    assert "Cannot evaluate sw-104: invalid_transition at event 0" in lines
    # The tray is soonest first.
    dates = [line.split()[0] for line in lines if line.startswith("  20")]
    assert dates == sorted(dates) and len(dates) == 10
