"""Escalation policies of English safeguarding partnerships, as code.

When professionals from different agencies disagree about a child's safety,
each local Safeguarding Partnership has a written escalation policy: named
stages, each with a deadline in working days, records to keep and people to
copy. This package evaluates such cases, validates the policies' forms and
sweeps a team's cases into a work tray, on the UK working-day calendar.

The requests and answers are the documents of the library's JSON face (a
request is a dict or its JSON text; an answer is a dict, dates in it kept as
``"YYYY-MM-DD"`` strings); the calendar functions take and give
``datetime.date``. An error document is raised as :class:`Error`; nothing
else is raised but ``TypeError`` for an argument of the wrong type.

>>> import datetime
>>> import safeguarding_resolution as sgr
>>> status = sgr.evaluate({
...     "policy": "swindon-resolution-2026", "as_of": "2027-01-05",
...     "events": [{"type": "raised", "on": "2026-12-21"},
...                {"type": "escalated", "on": "2026-12-23"}]})
>>> status["stage"]["due"]["date"], status["working_days_overdue"]
('2027-01-04', 1)
>>> sgr.add_working_days(datetime.date(2026, 12, 21), 2)
datetime.date(2026, 12, 23)

The library does no I/O: "today" is always an argument (``as_of``). See
``docs/python.md`` in the repository.
"""

from ._native import (
    HOLIDAY_DATA_VERSION,
    Engine,
    Error,
    __version__,
    add_working_days,
    evaluate,
    is_working_day,
    policy_definition,
    sweep,
    validate,
    working_days_between,
)

__all__ = [
    "HOLIDAY_DATA_VERSION",
    "Engine",
    "Error",
    "__version__",
    "add_working_days",
    "evaluate",
    "is_working_day",
    "policy_definition",
    "sweep",
    "validate",
    "working_days_between",
]
