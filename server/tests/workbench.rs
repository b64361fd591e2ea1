//! The workbench's endpoints over HTTP, against the real binary (no
//! browser: `workbench_browser.rs` drives the page itself).

mod common;

use common::{Server, repository};
use serde_json::Value;

fn example() -> String {
    std::fs::read_to_string(repository().join("examples/policies/example-borough-2026.json"))
        .expect("the illustrative policy")
}

#[test]
fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let server = Server::start::<&str>(&[]);
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/workbench/workbench.js", "text/javascript; charset=utf-8"),
        ("/workbench/workbench.css", "text/css; charset=utf-8"),
        ("/workbench/example-policy.json", "application/json"),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), Some(kind), "{path}");
        let csp = response.header("content-security-policy").unwrap_or("");
        assert!(
            csp.starts_with("default-src 'none'; script-src 'self';"),
            "{path}: {csp}"
        );
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
    }
    let page = server.get("/").body;
    // The illustrative policy in the definition box, and each control's label.
    assert!(page.contains(r#""id": "example-borough-2026""#));
    for label in [
        ">Policy definition</label>",
        ">Check policy</button>",
        ">Events</label>",
        ">As of</label>",
        ">Calendar</label>",
        ">Evaluate</button>",
        ">Download definition</button>",
        ">Problems</h2>",
        ">Diagram</h2>",
        ">Laws</h2>",
        ">Timeline</h2>",
    ] {
        assert!(page.contains(label), "{label}");
    }
    assert_eq!(server.get("/workbench/example-policy.json").body, example());
}

#[test]
fn a_check_answers_problems_or_the_diagram_and_the_laws() {
    let server = Server::start::<&str>(&[]);
    let answer = server.post("/v1/check?cases=64", &example());
    assert_eq!(answer.status, 200);
    let answer = answer.json();
    assert_eq!(answer["valid"], true);
    assert!(answer["diagram"].as_str().unwrap().starts_with("<svg "));
    assert_eq!(answer["laws"]["kept"], true);
    assert_eq!(answer["laws"]["valid_logs"], 64);
    assert_eq!(answer["laws"]["cases_asked"], 64);

    // Stage 2 is named "Line managers" twice over: a duplicate key.
    let broken = r#"{"id": "example-borough-2026", "name": "Example", "stages": [
        {"number": 1, "name": "Practitioners", "clock": {"kind": "not_stated"}},
        {"number": 2, "name": "Line managers", "name": "Again", "clock": {"kind": "not_stated"}}]}"#;
    let answer = server.post("/v1/check", broken).json();
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["diagram"], Value::Null);
    assert_eq!(answer["problems"][0]["path"], "(definition)");
    assert!(!answer.to_string().contains("Again"));

    let refused = server.post("/v1/check?calendar=mars", &example());
    assert_eq!(refused.status, 422);
    assert_eq!(refused.error_code().as_deref(), Some("unknown_calendar"));
    assert!(!refused.body.contains("mars"));
}

#[test]
fn the_download_is_the_text_sent_as_an_attachment() {
    let server = Server::start::<&str>(&[]);
    let text = "{\n  \"id\": \"example-borough-2026\"\n}";
    let form = format!("definition={}\r\n", text.replace('\n', "\r\n"));
    let response = server.send(&format!(
        "POST /workbench/download HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{form}",
        form.len()
    ));
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("content-disposition"),
        Some("attachment; filename=\"example-borough-2026.json\"")
    );
    assert_eq!(response.body, text);
}
