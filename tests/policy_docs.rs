//! The pages in `docs/` against the tables they describe, so a page cannot
//! silently fall behind its policy: each policy page's state diagram is
//! exactly `diagram::mermaid` of its table, and every obligation, stage and
//! area of the table is named on the page; `docs/json.md` names every record
//! id, area id and error code, and its example response is what the library
//! returns.

mod common;

use common::pages::{fenced_blocks, read};

use safeguarding_resolution::evaluate_json;
use safeguarding_resolution::policy::{Policy, PolicyId, diagram};
use serde_json::Value;

fn page_path(id: PolicyId) -> String {
    format!("docs/policies/{}.md", id.as_str())
}

/// The first ```json block after `marker`.
fn json_block_after(text: &str, marker: &str, file: &str) -> Value {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{file} has no {marker:?}"));
    let block = fenced_blocks(&text[at..], "json")
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{file}: no ```json block after {marker:?}"));
    serde_json::from_str(&block)
        .unwrap_or_else(|e| panic!("{file}: the ```json block after {marker:?} is not JSON: {e}"))
}

/// The names of `names` that `text` does not mention as `` `name` ``.
fn missing_code<'a>(text: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut missing: Vec<&str> = names
        .into_iter()
        .filter(|name| !text.contains(&format!("`{name}`")))
        .collect();
    missing.dedup();
    missing
}

#[test]
fn every_policy_page_shows_the_diagram_of_its_table() {
    for id in PolicyId::ALL {
        let path = page_path(id);
        let page = read(&path);
        let expected = diagram::mermaid(Policy::get(id));
        let blocks = fenced_blocks(&page, "mermaid");
        assert_eq!(
            blocks.len(),
            1,
            "{path} should have exactly one ```mermaid block (its State diagram), found {}",
            blocks.len()
        );
        assert_eq!(
            blocks[0], expected,
            "{path}: the state diagram has drifted from the policy table. Regenerate it by \
             printing safeguarding_resolution::policy::diagram::mermaid(Policy::get(PolicyId::{id:?})) \
             and paste the output into the page's ```mermaid block, replacing the old diagram."
        );
    }
}

#[test]
fn every_policy_page_names_every_obligation_stage_and_area() {
    for id in PolicyId::ALL {
        let path = page_path(id);
        let page = read(&path);
        let policy = Policy::get(id);
        let obligations = missing_code(&page, policy.obligations.iter().map(|o| o.id.as_str()));
        assert!(
            obligations.is_empty(),
            "{path} does not name these obligation ids of the table (as `id`): {obligations:?}"
        );
        let records = missing_code(&page, policy.records.iter().map(|r| r.id.as_str()));
        assert!(
            records.is_empty(),
            "{path} does not name these clock-starting records of the table (as `id`): {records:?}"
        );
        let stages: Vec<&str> = policy
            .stages
            .iter()
            .map(|s| s.name.as_str())
            .filter(|name| !page.contains(name))
            .collect();
        assert!(
            stages.is_empty(),
            "{path} does not name these stages of the table: {stages:?}"
        );
        let areas = missing_code(&page, policy.areas.iter().map(|a| a.id.as_str()));
        assert!(
            areas.is_empty(),
            "{path} does not name these area ids of the table (as `id`): {areas:?}"
        );
    }
}

#[test]
fn json_page_names_every_record_and_area_of_every_policy() {
    let page = read("docs/json.md");
    for id in PolicyId::ALL {
        let policy = Policy::get(id);
        let records = missing_code(&page, policy.record_ids());
        assert!(
            records.is_empty(),
            "docs/json.md does not list these record ids of {id} (as `id`): {records:?}"
        );
        let areas = missing_code(&page, policy.areas.iter().map(|a| a.id.as_str()));
        assert!(
            areas.is_empty(),
            "docs/json.md does not list these area ids of {id} (as `id`): {areas:?}"
        );
    }
}

/// Each error code of CONTRACT section 3, with a request that produces it.
const ERRORS: [(&str, &str); 8] = [
    ("invalid_json", r#"{"policy": "#),
    (
        "unknown_policy",
        r#"{"policy": "gloucestershire-2019", "as_of": "2027-01-05", "events": []}"#,
    ),
    (
        "unknown_calendar",
        r#"{"policy": "swindon-resolution-2026", "calendar": "wales", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2027-01-04"}]}"#,
    ),
    (
        "invalid_field",
        r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2027-01-04", "colour": "red"}]}"#,
    ),
    (
        "events_out_of_order",
        r#"{"policy": "nsscp-issue-resolution-2025", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2027-01-04"}, {"type": "escalated", "on": "2027-01-01"}]}"#,
    ),
    (
        "invalid_transition",
        r#"{"policy": "gscp-escalation-2021", "as_of": "2027-01-05",
            "events": [{"type": "raised", "on": "2027-01-04"}, {"type": "decided", "on": "2027-01-05"}]}"#,
    ),
    (
        "out_of_calendar_range",
        r#"{"policy": "nsscp-issue-resolution-2025", "as_of": "2300-01-05",
            "events": [{"type": "raised", "on": "2300-01-04"}]}"#,
    ),
    (
        "limit_exceeded",
        r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
            "events": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
            ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
    ),
];

#[test]
fn json_page_names_every_error_code() {
    let page = read("docs/json.md");
    for (code, request) in ERRORS {
        let response: Value = serde_json::from_str(&evaluate_json(request))
            .expect("evaluate_json always returns JSON");
        assert_eq!(
            response["error"]["code"], code,
            "the request for {code} gave {response}"
        );
    }
    let missing = missing_code(&page, ERRORS.map(|(code, _)| code));
    assert!(
        missing.is_empty(),
        "docs/json.md does not describe these error codes (as `code`): {missing:?}"
    );
}

#[test]
fn json_page_example_response_is_what_the_library_returns() {
    let page = read("docs/json.md");
    let request = json_block_after(&page, "<!-- example-request -->", "docs/json.md");
    let documented = json_block_after(&page, "<!-- example-response", "docs/json.md");
    let actual: Value = serde_json::from_str(&evaluate_json(&request.to_string()))
        .expect("evaluate_json always returns JSON");
    assert_eq!(
        documented,
        actual,
        "docs/json.md: the example response has drifted from the library. Regenerate it by \
         running evaluate_json on the example request and paste the pretty-printed output \
         into the page:\n{}",
        serde_json::to_string_pretty(&actual).unwrap_or_default()
    );
}

/// The stage numbers of a phrase such as `2, 3 and 4` at the start of
/// `text`.
fn stage_numbers(text: &str) -> Vec<u8> {
    let mut numbers = Vec::new();
    let mut rest = text;
    loop {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Ok(n) = digits.parse() else { break };
        numbers.push(n);
        rest = &rest[digits.len()..];
        match [", ", " and ", " or "]
            .iter()
            .find(|sep| rest.starts_with(**sep))
        {
            Some(sep) => rest = &rest[sep.len()..],
            None => break,
        }
    }
    numbers
}

/// Where a page says "`id` at stages 2 and 3", the table's obligations with
/// that id arise at those stages: exactly those, for an obligation that
/// arises only on entering stages; among those its triggers name, else.
#[test]
fn a_pages_stages_of_an_obligation_are_its_tables() {
    use safeguarding_resolution::policy::Trigger;
    for id in PolicyId::ALL {
        let path = page_path(id);
        let page = read(&path).replace('\n', " ");
        let policy = Policy::get(id);
        for obligation in &policy.obligations {
            let marker = format!("`{}` at stages ", obligation.id);
            let same: Vec<&Trigger> = policy
                .obligations
                .iter()
                .filter(|o| o.id == obligation.id)
                .map(|o| &o.trigger)
                .collect();
            let on_entering = same
                .iter()
                .all(|t| matches!(t, Trigger::StageEntered { .. }));
            let mut table: Vec<u8> = same
                .iter()
                .flat_map(|t| match t {
                    Trigger::StageEntered { stages, .. }
                    | Trigger::StageConcluded(stages)
                    | Trigger::ResolvedAt(stages)
                    | Trigger::Recorded {
                        stages: Some(stages),
                        ..
                    } => stages.clone(),
                    _ => Vec::new(),
                })
                .collect();
            table.sort_unstable();
            table.dedup();
            for (at, _) in page.match_indices(&marker) {
                let said = stage_numbers(&page[at + marker.len()..]);
                let agrees = if on_entering {
                    said == table
                } else {
                    said.iter().all(|n| table.contains(n))
                };
                assert!(
                    agrees,
                    "{path} says {marker:?} {said:?}; the table has it at {table:?}"
                );
            }
        }
    }
}
