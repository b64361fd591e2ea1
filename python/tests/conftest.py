"""Shared helpers of the package's tests: the repository's fixtures and the
Rust crate's answers to them (its insta snapshots in tests/snapshots/)."""

import json
import pathlib

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
SNAPSHOTS = REPO / "tests" / "snapshots"

ESCALATION_POLICIES = (
    "gscp-escalation-2021",
    "swindon-resolution-2026",
    "nsscp-issue-resolution-2025",
)
FORMS = (
    "gscp-resolution-group-referral",
    "swindon-resolution-form",
    "nsscp-recording-form",
)


def snapshot_document(path):
    """The JSON document at the end of an insta snapshot: the Rust crate's
    answer, after the header and any plain-English account."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    start = 0 if body.startswith("{") else body.index("\n\n{") + 2
    return json.loads(body[start:])


def fixture_cases():
    """Every request fixture with the snapshot of the crate's answer:
    ``(call, fixture path, snapshot path)``, call ``evaluate`` or
    ``validate``."""
    cases = []
    for policy in ESCALATION_POLICIES:
        for path in sorted((FIXTURES / policy).glob("*.json")):
            cases.append(("evaluate", path, SNAPSHOTS / f"policy_fixtures__{policy}__{path.stem}.snap"))
    for path in sorted((FIXTURES / "gscp-resolution-group-2021").glob("*.json")):
        cases.append(("evaluate", path, SNAPSHOTS / f"referral_fixtures__{path.stem}.snap"))
    for path in sorted((FIXTURES / "gscp-serious-incident-2021").glob("*.json")):
        cases.append(("evaluate", path, SNAPSHOTS / f"serious_incident_fixtures__{path.stem}.snap"))
    for form in FORMS:
        for path in sorted((FIXTURES / "forms" / form).glob("*.json")):
            cases.append(("validate", path, SNAPSHOTS / f"form_fixtures__{form}__{path.stem}.snap"))
    return cases


def is_error_document(document):
    """Whether a document is the contract's ``{"error": {...}}``."""
    return isinstance(document, dict) and list(document) == ["error"]
