#!/usr/bin/env python3
"""Rebuild data/bank-holidays.json, the embedded holiday data.

Source: GOV.UK's bank-holidays.json (Open Government Licence v3.0), as carried
by the PyPI package `govuk-bank-holidays` (its cached copy of the GOV.UK
document), plus the proclamations GOV.UK published after that copy was taken
(listed in LATER_PROCLAMATIONS below, each with its source).

Usage:
    pip install govuk-bank-holidays
    python3 data/update_from_govuk_package.py            # rewrite the file
    python3 data/update_from_govuk_package.py --from F   # use a downloaded GOV.UK document F

The output keeps GOV.UK's format exactly (divisions, events of title, date,
notes, bunting), sorted by date, so `Calendar::from_govuk_json` reads it as it
reads a fresh download. After running, update HOLIDAY_DATA_VERSION in
src/calendar/mod.rs and run `cargo test` (the drift test compares the
embedded calendar with this file).
"""
import argparse
import json
import pathlib

LATER_PROCLAMATIONS = {
    # Royal proclamation of 4 February 2026 (Banking and Financial Dealings Act
    # 1971): Monday 15 June 2026 is a bank holiday in Scotland, the day after
    # Scotland's first match at the 2026 FIFA World Cup.
    "scotland": [
        {
            "title": "Bank holiday for Scotland’s participation in the FIFA World Cup",
            "date": "2026-06-15",
            "notes": "Extra bank holiday",
            "bunting": True,
        }
    ],
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--from", dest="source", help="a GOV.UK bank-holidays.json file")
    args = parser.parse_args()
    if args.source:
        doc = json.loads(pathlib.Path(args.source).read_text(encoding="utf-8"))
    else:
        import govuk_bank_holidays

        cached = pathlib.Path(govuk_bank_holidays.__file__).with_name("bank-holidays.json")
        doc = json.loads(cached.read_text(encoding="utf-8"))
    for division, events in LATER_PROCLAMATIONS.items():
        have = {e["date"] for e in doc[division]["events"]}
        doc[division]["events"].extend(e for e in events if e["date"] not in have)
    for division in doc.values():
        division["events"].sort(key=lambda e: e["date"])
    out = pathlib.Path(__file__).with_name("bank-holidays.json")
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
