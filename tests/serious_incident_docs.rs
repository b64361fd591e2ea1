//! `docs/serious-incidents.md` against the tables it describes: its state
//! diagram is exactly `table::mermaid()`, it names every status, clock,
//! duty, event type and field value, and its example response is what the
//! library returns. Also: no error message repeats a value sent. (The C
//! library's `sgr_evaluate` answers the policy as `evaluate_json` does:
//! `ffi/src/tests.rs`.)

mod common;

use common::pages::{fenced_blocks, read};

use safeguarding_resolution::evaluate_json;
use safeguarding_resolution::serious_incident::table::{self, DUTIES};
use safeguarding_resolution::serious_incident::{
    ClockName, IncidentEventType, Phase, RapidReviewDays, ReviewOutcome, SentDocument,
};
use serde_json::Value;

const PAGE: &str = "docs/serious-incidents.md";

fn json_block_after(text: &str, marker: &str) -> Value {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{PAGE} has no {marker:?}"));
    let block = fenced_blocks(&text[at..], "json")
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{PAGE}: no ```json block after {marker:?}"));
    serde_json::from_str(&block).unwrap_or_else(|e| panic!("{PAGE}: not JSON: {e}"))
}

#[test]
fn the_page_shows_the_diagram_of_the_tables() {
    let page = read(PAGE);
    let blocks = fenced_blocks(&page, "mermaid");
    assert_eq!(
        blocks.len(),
        1,
        "{PAGE} should have exactly one ```mermaid block"
    );
    assert_eq!(
        blocks[0],
        table::mermaid(),
        "{PAGE}: the state diagram has drifted from the tables. Regenerate it by printing \
         safeguarding_resolution::serious_incident::table::mermaid() and paste the output \
         into the page's ```mermaid block."
    );
}

#[test]
fn the_page_names_everything_the_tables_have() {
    let page = read(PAGE);
    let mut names: Vec<&str> = Vec::new();
    names.extend(Phase::ALL.iter().map(|p| p.status()));
    names.extend(IncidentEventType::ALL.iter().map(|e| e.as_str()));
    names.extend(ReviewOutcome::ALL.iter().map(|o| o.as_str()));
    names.extend(SentDocument::ALL.iter().map(|d| d.as_str()));
    names.extend(DUTIES.iter().map(|d| d.id));
    names.extend(
        [
            ClockName::Notification,
            ClockName::RapidReview,
            ClockName::ReportToPanelAndDfe,
        ]
        .map(ClockName::as_str),
    );
    names.extend([RapidReviewDays::Calendar, RapidReviewDays::Working].map(RapidReviewDays::id));
    names.extend([
        "invalid_field",
        "unknown_calendar",
        "events_out_of_order",
        "invalid_transition",
        "out_of_calendar_range",
    ]);
    let missing: Vec<&str> = names
        .into_iter()
        .filter(|name| !page.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "{PAGE} does not name (as `name`): {missing:?}"
    );
    // Every sentence a clock or duty cites is quoted on the page (the
    // duty's combined quotation in its two halves).
    for clause in table::CLOCKS
        .iter()
        .map(|c| c.clause.clone())
        .chain(DUTIES.iter().map(|d| d.clause.clone()))
    {
        for part in clause.text.split(" [...] ") {
            assert!(page.contains(part), "{PAGE} does not quote: {part}");
        }
    }
}

#[test]
fn the_example_response_is_what_the_library_returns() {
    let page = read(PAGE);
    let request = json_block_after(&page, "<!-- example-request -->");
    let documented = json_block_after(&page, "<!-- example-response -->");
    let actual: Value = serde_json::from_str(&evaluate_json(&request.to_string())).expect("JSON");
    assert_eq!(
        documented,
        actual,
        "{PAGE}: the example response has drifted; the library returns:\n{}",
        serde_json::to_string_pretty(&actual).unwrap_or_default()
    );
}

/// Requests whose values (a name in every field that takes text, and
/// dates) must never come back in an error message.
#[test]
fn no_error_message_repeats_a_value_sent() {
    const NAME: &str = "Jane Doe";
    let cases = [
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-01-12",
            "events": [{"type": "Jane Doe", "on": "2027-01-04"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-01-12",
            "events": [{"type": "aware", "on": "Jane Doe"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "Jane Doe",
            "events": [{"type": "aware", "on": "2027-01-04"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "calendar": "Jane Doe", "as_of": "2027-01-12",
            "events": [{"type": "aware", "on": "2027-01-04"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "rapid_review_days": "Jane Doe",
            "as_of": "2027-01-12", "events": [{"type": "aware", "on": "2027-01-04"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "Jane Doe": 1, "as_of": "2027-01-12",
            "events": [{"type": "aware", "on": "2027-01-04"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-01-12",
            "events": [{"type": "aware", "on": "2027-01-04", "Jane Doe": "x"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-02-12",
            "events": [{"type": "aware", "on": "2027-01-04"}, {"type": "notified", "on": "2027-01-07"},
                       {"type": "rapid_review_completed", "on": "2027-01-20"},
                       {"type": "review_decided", "on": "2027-02-01", "outcome": "Jane Doe"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-02-12",
            "events": [{"type": "aware", "on": "2027-01-04"}, {"type": "notified", "on": "2027-01-07"},
                       {"type": "rapid_review_completed", "on": "2027-01-20"},
                       {"type": "review_decided", "on": "2027-02-01", "outcome": "commission"},
                       {"type": "publication_planned", "on": "2027-02-02", "publish_on": "Jane Doe"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-02-12",
            "events": [{"type": "aware", "on": "2027-01-04"}, {"type": "notified", "on": "2027-01-07"},
                       {"type": "rapid_review_completed", "on": "2027-01-20"},
                       {"type": "review_decided", "on": "2027-02-01", "outcome": "commission"},
                       {"type": "report_sent", "on": "2027-02-02", "document": "Jane Doe"}]}"#,
    ];
    for request in cases {
        let response: Value = serde_json::from_str(&evaluate_json(request)).expect("JSON");
        let message = response["error"]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("expected an error for {request}: {response}"));
        assert!(!message.contains(NAME), "{message}");
        assert!(!message.contains("Jane"), "{message}");
    }
    // Dates sent stay out of messages too.
    for request in [
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-01-12",
            "events": [{"type": "aware", "on": "2027-01-04"}, {"type": "notified", "on": "2027-01-03"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-01-02",
            "events": [{"type": "aware", "on": "2027-01-04"}]}"#,
        r#"{"policy": "gscp-serious-incident-2021", "as_of": "2027-13-02",
            "events": [{"type": "aware", "on": "2027-01-04"}]}"#,
    ] {
        let response: Value = serde_json::from_str(&evaluate_json(request)).expect("JSON");
        let message = response["error"]["message"].as_str().expect("an error");
        assert!(!message.contains("2027"), "{message}");
    }
}
