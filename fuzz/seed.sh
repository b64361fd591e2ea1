#!/usr/bin/env bash
# Seeds the (uncommitted) corpus of each fuzz target from the repository:
# the request fixtures for evaluate_json and the C entry points, the form
# fixtures for validate_json, the built-in and illustrative policy
# definitions for policy_definition, and small GOV.UK documents for the
# calendar.
# Run from anywhere; existing corpus files are kept.
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../fixtures
seed() { # target dir...
    local target=$1; shift
    mkdir -p "corpus/$target"
    for dir in "$@"; do
        for file in "$fixtures/$dir"/*.json; do
            cp "$file" "corpus/$target/$(basename "$dir")--$(basename "$file")"
        done
    done
}
policies=(gscp-escalation-2021 swindon-resolution-2026 nsscp-issue-resolution-2025 gscp-resolution-group-2021 gscp-serious-incident-2021)
forms=(forms/gscp-resolution-group-referral forms/swindon-resolution-form forms/nsscp-recording-form)
seed evaluate_json "${policies[@]}"
seed validate_json "${forms[@]}"
seed ffi_json "${policies[@]}" "${forms[@]}"
mkdir -p corpus/policy_definition
for file in ../data/policies/*.json ../examples/policies/*.json; do
    cp "$file" "corpus/policy_definition/definition--$(basename "$file")"
done
mkdir -p corpus/govuk_calendar corpus/ffi_calendar
# A division byte, then a document as text.
printf '\x00{"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year\xe2\x80\x99s Day","date":"2030-01-01","notes":"","bunting":true}]}}' \
    > corpus/govuk_calendar/one-holiday.json
