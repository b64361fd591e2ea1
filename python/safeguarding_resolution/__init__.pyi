"""Type stubs of ``safeguarding_resolution`` (its native module is Rust).

Requests and answers are the JSON documents of the library (``docs/json.md``
in the repository), as dicts: their dates stay ``"YYYY-MM-DD"`` strings. The
calendar functions take and give ``datetime.date``.
"""

import datetime
from typing import Any, Dict, List, Optional, SupportsIndex, Union, final

__version__: str
"""The library's version, such as ``"0.1.0"``."""

HOLIDAY_DATA_VERSION: str
"""The date of GOV.UK's bank-holiday list embedded in the library."""

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

_Document = Dict[str, Any]
"""A JSON document of the library, read into Python objects."""

_Request = Union[_Document, str]
"""A request: a dict, or its JSON text."""

class Error(Exception):
    """An error document of the library, raised.

    ``str(error)`` is ``"<code>: <message>"``. No message repeats a value the
    caller sent: it names the place (``events[2].on``) and what was expected.
    """

    code: str
    """The error code: ``invalid_json``, ``unknown_policy``,
    ``unknown_calendar``, ``invalid_field``, ``events_out_of_order``,
    ``invalid_transition``, ``out_of_calendar_range``, ``limit_exceeded``,
    ``invalid_policy``, ``invalid_holidays``, or ``internal`` (a bug)."""

    message: str
    """What was wrong, and where."""

    document: _Document
    """The whole error document, ``{"error": {"code": ..., "message": ...}}``."""

    problems: List[Dict[str, Any]]
    """The problems the document lists, each with its ``path`` and
    ``message`` (a refused policy definition); empty when there are none."""

    event_index: Optional[int]
    """The index of the event to blame, when one is."""

def evaluate(request: _Request) -> _Document:
    """Evaluates a case: an escalation under a partnership's policy (built-in
    id or a definition given inline), a Resolution Group referral
    (``gscp-resolution-group-2021``) or a serious incident's statutory clocks
    (``gscp-serious-incident-2021``).

    Returns the response: ``status``, ``stage`` with its ``due``,
    ``overdue``, ``working_days_overdue``, ``milestones``, ``obligations``,
    ``next``, ``history`` and more. Raises :class:`Error` when the request
    is refused, ``TypeError`` when it is neither a dict nor a str. The GIL
    is released while the case is evaluated.
    """

def validate(request: _Request) -> _Document:
    """Validates a form, ``{"form": "<form id>", "data": {...}}``.

    Returns ``{"valid": bool, "problems": [...], "warnings": [...]}``, every
    problem at once with its field. Raises :class:`Error` only when the
    request itself is refused.
    """

def sweep(request: _Request) -> _Document:
    """Sweeps many cases into a work tray and the partnership's figures.

    ``{"as_of": ..., "within_working_days": n, "cases": [{"id": ...,
    "policy": ..., "events": [...]}, ...]}``. Returns ``items`` (every
    deadline overdue or due within ``n`` working days, soonest first),
    ``errors`` (the cases that could not be evaluated, each with its error
    document) and ``summary`` (the figures). Raises :class:`Error` when the
    request as a whole is refused.
    """

def policy_definition(policy_id: str) -> _Document:
    """A built-in policy as its definition document; given in place of the
    id in a request, it answers the same. Raises :class:`Error`
    (``unknown_policy``) for another id."""

def add_working_days(
    date: datetime.date, n: SupportsIndex, division: str = "england-and-wales"
) -> datetime.date:
    """The ``n``-th working day strictly after ``date`` (``date`` itself when
    ``n`` is 0) in ``division`` (``"england-and-wales"``, ``"scotland"`` or
    ``"northern-ireland"``).

    Raises :class:`Error`: ``out_of_calendar_range`` (a date or an answer
    outside 1990 to 2100), ``unknown_calendar``, ``invalid_field`` (a
    negative ``n``); ``TypeError`` for a wrong type (a ``datetime.datetime``
    included).
    """

def working_days_between(
    a: datetime.date, b: datetime.date, division: str = "england-and-wales"
) -> int:
    """The number of working days in ``(a, b]``, negative when ``b`` is
    before ``a``. Raises as :func:`add_working_days` does."""

def is_working_day(date: datetime.date, division: str = "england-and-wales") -> bool:
    """Whether ``date`` is Monday to Friday and not a bank holiday of
    ``division``. Raises as :func:`add_working_days` does."""

@final
class Engine:
    """The library with bank holidays and policies of the caller's own.

    ``Engine()`` answers as the module's functions do. One engine may be
    shared by any number of threads: every call may run beside every other,
    and an evaluation sees the engine before a change or after it, never a
    mix.
    """

    def __init__(self) -> None:
        """An engine on the embedded calendars, with the built-in policies."""

    def load_holidays(self, govuk: _Request) -> None:
        """Replaces the bank holidays of all three divisions with a GOV.UK
        ``bank-holidays.json`` document. Raises :class:`Error`
        (``invalid_holidays``) on a refusal; the engine is then unchanged."""

    def add_policy(self, definition: _Request) -> None:
        """Adds a policy definition, named thereafter by its ``id``. Raises
        :class:`Error` (``invalid_policy``, every problem in ``.problems``)
        on a refusal; the engine is then unchanged."""

    def evaluate(self, request: _Request) -> _Document:
        """As :func:`evaluate`, on this engine's holidays and policies."""

    def validate(self, request: _Request) -> _Document:
        """As :func:`validate`, on this engine's holidays."""

    def sweep(self, request: _Request) -> _Document:
        """As :func:`sweep`, on this engine's holidays and policies."""

    def policy_definition(self, policy_id: str) -> _Document:
        """A policy this engine holds, built-in or added, as its definition."""

    def policy_ids(self) -> List[str]:
        """The ids of the escalation policies held: built-in, then added."""

    def add_working_days(
        self, date: datetime.date, n: SupportsIndex, division: str = "england-and-wales"
    ) -> datetime.date:
        """As :func:`add_working_days`, on this engine's bank holidays."""

    def working_days_between(
        self, a: datetime.date, b: datetime.date, division: str = "england-and-wales"
    ) -> int:
        """As :func:`working_days_between`, on this engine's bank holidays."""

    def is_working_day(self, date: datetime.date, division: str = "england-and-wales") -> bool:
        """As :func:`is_working_day`, on this engine's bank holidays."""
