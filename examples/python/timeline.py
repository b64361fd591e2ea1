#!/usr/bin/env python3
"""One escalation case evaluated through the C interface from Python, with
its timeline printed in plain English. Standard library only (ctypes, json).

Build the library first, then run:

    cargo build --release
    python3 examples/python/timeline.py

The library is looked for in target/release, then target/debug (under
CARGO_TARGET_DIR when it is set); set SGR_LIBRARY to the path of
libsafeguarding_resolution.so (.dylib on macOS, safeguarding_resolution.dll
on Windows) to use another.
"""

import ctypes
import datetime
import json
import os
import sys
from pathlib import Path

# The result codes of include/safeguarding_resolution.h.
SGR_OK = 0
SGR_INVALID_JSON = 6
SGR_ERROR_DOCUMENT = 7
SGR_DIVISION_ENGLAND_AND_WALES = 0


class SgrDate(ctypes.Structure):
    """typedef struct sgr_date { int32_t year; uint32_t month; uint32_t day; }"""

    _fields_ = [
        ("year", ctypes.c_int32),
        ("month", ctypes.c_uint32),
        ("day", ctypes.c_uint32),
    ]


def find_library():
    """The path of the built library."""
    given = os.environ.get("SGR_LIBRARY")
    if given:
        return Path(given)
    if sys.platform == "darwin":
        name = "libsafeguarding_resolution.dylib"
    elif sys.platform == "win32":
        name = "safeguarding_resolution.dll"
    else:
        name = "libsafeguarding_resolution.so"
    root = Path(__file__).resolve().parents[2]
    target = Path(os.environ.get("CARGO_TARGET_DIR") or root / "target")
    for profile in ("release", "debug"):
        path = target / profile / name
        if path.exists():
            return path
    sys.exit(f"{name} not found under {target}: run `cargo build --release` first")


def load(path):
    """The library, with the signatures of the functions used here."""
    lib = ctypes.CDLL(str(path))
    lib.sgr_version.restype = ctypes.c_char_p
    lib.sgr_version.argtypes = []
    lib.sgr_holiday_data_version.restype = ctypes.c_char_p
    lib.sgr_holiday_data_version.argtypes = []
    lib.sgr_result_message.restype = ctypes.c_char_p
    lib.sgr_result_message.argtypes = [ctypes.c_uint32]
    # The document comes back as a void pointer, not c_char_p: ctypes would
    # copy a c_char_p into a Python bytes and lose the pointer that
    # sgr_string_free must be given.
    lib.sgr_evaluate.restype = ctypes.c_uint32
    lib.sgr_evaluate.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.sgr_string_free.restype = None
    lib.sgr_string_free.argtypes = [ctypes.c_void_p]
    lib.sgr_add_working_days.restype = ctypes.c_uint32
    lib.sgr_add_working_days.argtypes = [
        ctypes.c_uint32,
        SgrDate,
        ctypes.c_uint32,
        ctypes.POINTER(SgrDate),
    ]
    return lib


def evaluate(lib, request):
    """Evaluates a request (a dict): the result code and the document (a
    dict), or the code and None when no document came back."""
    response = ctypes.c_void_p()
    code = lib.sgr_evaluate(json.dumps(request).encode("utf-8"), ctypes.byref(response))
    try:
        if not response.value:
            return code, None
        return code, json.loads(ctypes.string_at(response.value).decode("utf-8"))
    finally:
        # The caller owns the document: freed once, NULL-tolerant.
        lib.sgr_string_free(response)


def message(lib, code):
    return lib.sgr_result_message(code).decode("utf-8")


def day(iso):
    """'2026-12-21' as 'Mon 21 Dec 2026'."""
    date = datetime.date.fromisoformat(iso)
    return f"{date:%a} {date.day} {date:%b %Y}"


def due(due):
    """A deadline in words, with the bank holidays it skipped."""
    kind = due["kind"]
    if kind == "by_end_of":
        when = f"by the end of {day(due['date'])}"
    elif kind == "at":
        at = datetime.datetime.fromisoformat(due["datetime"])
        when = f"by {at:%H:%M} on {day(at.date().isoformat())}"
    elif kind == "immediately":
        when = "immediately"
    elif kind == "without_delay":
        when = "without delay (no number of days set)"
    else:
        when = "no time stated"
    skips = due.get("skips") or []
    return f"{when} [skipping {'; '.join(skips)}]" if skips else when


def deadline(d):
    """A deadline after a comma: 'due by the end of ...', or 'no time stated'."""
    return "no time stated" if d["kind"] == "none" else f"due {due(d)}"


def working_days(n):
    return f"{n} working day" if n == 1 else f"{n} working days"


def print_timeline(status):
    print(f"{status['policy']} on the {status['calendar']} calendar, as of {day(status['as_of'])}")
    for stage in status["history"]:
        kept = {True: "in time", False: "late", None: "no deadline to keep"}[stage["within_time"]]
        print(
            f"  Stage {stage['stage']} ({stage['name']}): {day(stage['started_on'])} to "
            f"{day(stage['ended_on'])}; {deadline(stage['due'])}; {stage['ended_by']} ({kept})."
        )
    stage = status["stage"]
    if stage is not None:
        if status["overdue"]:
            state = f"OVERDUE by {working_days(status['working_days_overdue'])}"
        else:
            state = "in time so far"
        print(
            f"  Stage {stage['number']} ({stage['name']}): since {day(stage['started_on'])}; "
            f"{deadline(stage['due'])}; {state}."
        )
    for milestone in status["milestones"]:
        if milestone["met_on"]:
            late = "met LATE" if milestone["met_in_time"] is False else "met"
            met = f"{late} on {day(milestone['met_on'])}"
        elif milestone["lapsed_on"]:
            met = f"lapsed on {day(milestone['lapsed_on'])}: the case ended before it"
        elif milestone["overdue"]:
            met = "MISSED"
        else:
            met = "not yet met"
        print(f"  {milestone['name']}, {deadline(milestone['due'])}: {milestone['what']}: {met}.")
    owed = [o for o in status["obligations"] if not o["done"]]
    if owed:
        print("  Still owed:")
        for obligation in owed:
            late = " OVERDUE" if obligation["overdue"] else ""
            stage = f"stage {obligation['stage']}: " if obligation["stage"] is not None else ""
            print(f"    - {stage}{obligation['what']} ({due(obligation['due'])}){late}")
    print(f"  Status: {status['status']}; next: {', '.join(status['next'])}.")


def main():
    lib = load(find_library())
    print(
        f"safeguarding-resolution {lib.sgr_version().decode()} "
        f"(holiday data {lib.sgr_holiday_data_version().decode()}), through ctypes\n"
    )

    # The calendar alone: "within 2 working days of Monday 21 December 2026".
    due_date = SgrDate()
    code = lib.sgr_add_working_days(
        SGR_DIVISION_ENGLAND_AND_WALES, SgrDate(2026, 12, 21), 2, ctypes.byref(due_date)
    )
    if code != SGR_OK:
        sys.exit(f"sgr_add_working_days: {message(lib, code)}")
    print(
        "Two working days after Mon 21 Dec 2026: "
        f"{due_date.year:04}-{due_date.month:02}-{due_date.day:02}\n"
    )

    # A Swindon case raised the Monday before Christmas 2026 and escalated
    # at each deadline; stage 3's deadline has just passed.
    case = {
        "policy": "swindon-resolution-2026",
        "calendar": "england-and-wales",
        "as_of": "2027-01-12",
        "events": [
            {"type": "raised", "on": "2026-12-21"},
            {"type": "escalated", "on": "2026-12-23"},
            {"type": "recorded", "on": "2026-12-23", "record": "discussion_record"},
            {"type": "escalated", "on": "2027-01-04"},
        ],
    }
    code, status = evaluate(lib, case)
    if code != SGR_OK:
        sys.exit(f"sgr_evaluate: {message(lib, code)}: {status}")
    print_timeline(status)

    # A request the policy refuses: the error document says why.
    refused = {
        "policy": "swindon-resolution-2026",
        "as_of": "2027-01-12",
        "events": [
            {"type": "raised", "on": "2026-12-21"},
            {"type": "decided", "on": "2026-12-22"},
        ],
    }
    code, error = evaluate(lib, refused)
    print(f"\nA decision at stage 1 is refused ({message(lib, code)}):")
    print(f"  {error['error']['code']}: {error['error']['message']}")
    if code != SGR_ERROR_DOCUMENT:
        sys.exit(f"expected SGR_ERROR_DOCUMENT, got {code}")


if __name__ == "__main__":
    main()
