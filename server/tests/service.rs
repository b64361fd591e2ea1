//! The service as its callers meet it: the real binary on a free loopback
//! port, spoken to over HTTP/1.1 (CONTRACT section 12).
//!
//! Expected dates are worked out by hand from a calendar of 2027 (1 March
//! 2027 is a Monday; England and Wales's bank holidays that spring are
//! Good Friday 26 March and Easter Monday 29 March, `data/bank-holidays.json`).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{PATIENCE, Server, read_response, repository, scratch};
use serde_json::{Value, json};

/// A partnership's own policy, as a held-out deployment would bring it.
const TESTBOROUGH: &str = r#"{
  "id": "testborough-escalation-2027",
  "name": "Testborough Escalation Policy 2027",
  "stages": [
    {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
    {"number": 2, "name": "Line managers", "clock": {"kind": "working_days_after_start", "days": 3}},
    {"number": 3, "name": "Senior managers", "clock": {"kind": "working_days_after_start", "days": 5}},
    {"number": 4, "name": "Partnership", "clock": {"kind": "not_stated"}}
  ],
  "milestones": [{"name": "Day 10", "working_days_after_raised": 10, "met_on_leaving_stage": 3}]
}"#;

/// Raised Monday 1 March 2027, escalated on Wednesday 3 and Monday 8, as
/// of Wednesday 17 March.
const TESTBOROUGH_CASE: &str = r#"{
  "policy": "testborough-escalation-2027",
  "as_of": "2027-03-17",
  "events": [
    {"type": "raised", "on": "2027-03-01"},
    {"type": "escalated", "on": "2027-03-03"},
    {"type": "escalated", "on": "2027-03-08"}
  ]
}"#;

/// CONTRACT section 3's request: Swindon's stage 2 due Monday 4 January
/// 2027 (past Christmas, Boxing Day and New Year's Day), a working day
/// overdue on Tuesday 5.
const SWINDON_CASE: &str = r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
  "events": [{"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]}"#;

fn write(directory: &Path, name: &str, text: &str) -> PathBuf {
    let path = directory.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The embedded GOV.UK document with one more England and Wales bank
/// holiday.
fn holidays_with(date: &str) -> String {
    let text = std::fs::read_to_string(repository().join("data/bank-holidays.json")).unwrap();
    let mut document: Value = serde_json::from_str(&text).unwrap();
    document["england-and-wales"]["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({"title": "A new bank holiday", "date": date, "notes": "", "bunting": true}));
    document.to_string()
}

fn policies_directory(name: &str) -> PathBuf {
    let directory = scratch(name);
    write(&directory, "testborough.json", TESTBOROUGH);
    directory
}

#[test]
fn a_partnerships_own_policy_is_evaluated_by_id() {
    let policies = policies_directory("own-policy");
    let server = Server::start(&[Path::new("--policies"), &policies]);
    let response = server.post("/v1/evaluate", TESTBOROUGH_CASE);
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.header("content-type"), Some("application/json"));
    let answer = response.json();
    assert_eq!(answer["status"], "open");
    // Stage 3 started Monday 8 March: five working days are 9, 10, 11,
    // 12 and Monday 15 March; Wednesday 17 is two working days later.
    assert_eq!(answer["stage"]["number"], 3);
    assert_eq!(answer["stage"]["name"], "Senior managers");
    assert_eq!(answer["stage"]["started_on"], "2027-03-08");
    assert_eq!(answer["stage"]["due"]["date"], "2027-03-15");
    assert_eq!(answer["overdue"], true);
    assert_eq!(answer["working_days_overdue"], 2);
    // Stage 1: two working days from Monday 1 is Wednesday 3 (in time);
    // stage 2: three from Wednesday 3 is Monday 8 (in time).
    let history = answer["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["due"]["date"], "2027-03-03");
    assert_eq!(history[0]["within_time"], true);
    assert_eq!(history[1]["due"]["date"], "2027-03-08");
    assert_eq!(history[1]["within_time"], true);
    // Day 10: ten working days after Monday 1 March is Monday 15 March.
    assert_eq!(answer["milestones"][0]["name"], "Day 10");
    assert_eq!(answer["milestones"][0]["due"]["date"], "2027-03-15");
    assert_eq!(answer["milestones"][0]["met_on"], Value::Null);

    // The library's own answer, byte for byte, for a built-in policy.
    let response = server.post("/v1/evaluate", SWINDON_CASE);
    assert_eq!(response.status, 200);
    assert_eq!(
        response.body,
        safeguarding_resolution::evaluate_json(SWINDON_CASE)
    );
    assert_eq!(response.json()["stage"]["due"]["date"], "2027-01-04");
    assert_eq!(response.json()["working_days_overdue"], 1);
}

#[test]
fn an_added_bank_holiday_moves_the_deadline() {
    let policies = policies_directory("holiday");
    let directory = scratch("holiday-file");
    // Tuesday 9 March 2027 made a bank holiday: stage 3's five working
    // days from Monday 8 are 10, 11, 12, 15 and Tuesday 16 March, and
    // Wednesday 17 is one working day after it; Day 10 moves to the 16th.
    let holidays = write(
        &directory,
        "bank-holidays.json",
        &holidays_with("2027-03-09"),
    );
    let server = Server::start(&[
        Path::new("--policies"),
        &policies,
        Path::new("--holidays"),
        &holidays,
    ]);
    let answer = server.post("/v1/evaluate", TESTBOROUGH_CASE).json();
    assert_eq!(answer["stage"]["due"]["date"], "2027-03-16");
    assert_eq!(answer["working_days_overdue"], 1);
    assert_eq!(answer["milestones"][0]["due"]["date"], "2027-03-16");
    // Stages before the new holiday keep their dates.
    assert_eq!(answer["history"][1]["due"]["date"], "2027-03-08");

    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
    let health = health.json();
    assert_eq!(health["status"], "ok");
    // Three built-in policies and Testborough's.
    assert_eq!(health["policies"], 4);
    let version = health["holidays_version"].as_str().unwrap();
    assert!(version.starts_with("loaded-"), "{version}");
    assert_eq!(version.len(), "loaded-".len() + 16);
}

#[test]
fn every_endpoint_answers_with_its_status_code() {
    let server = Server::start::<&str>(&[]);
    let evaluate = |body: &str| server.post("/v1/evaluate", body);

    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(
        health.json(),
        json!({"status": "ok", "holidays_version": "embedded-2026-02-04", "policies": 3})
    );

    // 400: not JSON.
    let response = evaluate(r#"{"policy": "#);
    assert_eq!(response.status, 400);
    assert_eq!(response.error_code().as_deref(), Some("invalid_json"));
    let response = server.post("/v1/validate", "not json");
    assert_eq!(response.status, 400);
    assert_eq!(response.error_code().as_deref(), Some("invalid_json"));

    // 422: every other code, the library's document as it is.
    let cases = [
        (
            r#"{"policy": "no-such-policy", "as_of": "2027-01-05", "events": []}"#,
            "unknown_policy",
        ),
        (
            r#"{"policy": "swindon-resolution-2026", "calendar": "mars", "as_of": "2027-01-05", "events": [{"type": "raised", "on": "2027-01-04"}]}"#,
            "unknown_calendar",
        ),
        (
            r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": [{"type": "raised", "on": "2027-02-30"}]}"#,
            "invalid_field",
        ),
        (
            r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": [{"type": "resolved", "on": "2027-01-04"}]}"#,
            "invalid_transition",
        ),
        (
            r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": [{"type": "raised", "on": "2027-01-04"}, {"type": "escalated", "on": "2027-01-01"}]}"#,
            "events_out_of_order",
        ),
        (
            r#"{"policy": "swindon-resolution-2026", "as_of": "2150-01-05", "events": [{"type": "raised", "on": "2150-01-04"}]}"#,
            "out_of_calendar_range",
        ),
    ];
    for (request, code) in cases {
        let response = evaluate(request);
        assert_eq!(response.status, 422, "{code}: {}", response.body);
        assert_eq!(response.error_code().as_deref(), Some(code));
        assert_eq!(
            response.body,
            safeguarding_resolution::evaluate_json(request)
        );
    }

    // 413: a request over a limit the library checks after reading it (too
    // many events), and one over the byte limit.
    let many = format!(
        r#"{{"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": [{}]}}"#,
        vec![r#"{"type": "recorded", "on": "2027-01-04"}"#; 10_001].join(",")
    );
    let response = evaluate(&many);
    assert_eq!(response.status, 413);
    assert_eq!(response.error_code().as_deref(), Some("limit_exceeded"));
    let huge = " ".repeat(safeguarding_resolution::limits::MAX_REQUEST_BYTES + 1);
    let response = evaluate(&huge);
    assert_eq!(response.status, 413);
    assert_eq!(response.body, safeguarding_resolution::evaluate_json(&huge));

    // Validation: 200 with the problems, whether or not the form is valid.
    let form = r#"{"form": "swindon-resolution-form", "data": {}}"#;
    let response = server.post("/v1/validate", form);
    assert_eq!(response.status, 200);
    assert_eq!(response.body, safeguarding_resolution::validate_json(form));
    assert_eq!(response.json()["valid"], false);
    let response = server.post("/v1/validate", r#"{"form": "no-such-form", "data": {}}"#);
    assert_eq!(response.status, 422, "{}", response.body);

    // 404: an unknown policy's definition, and a path that is no endpoint.
    let response = server.get("/v1/policies/no-such-policy");
    assert_eq!(response.status, 404);
    assert_eq!(response.error_code().as_deref(), Some("unknown_policy"));
    assert_eq!(server.get("/v2/anything").status, 404);
    // 405: an endpoint asked with the wrong method.
    assert_eq!(server.get("/v1/evaluate").status, 405);
}

#[test]
fn definitions_are_listed_and_fetched() {
    let policies = policies_directory("listing");
    let server = Server::start(&[Path::new("--policies"), &policies]);
    let response = server.get("/v1/policies");
    assert_eq!(response.status, 200);
    let listed = response.json();
    let listed = listed["policies"].as_array().unwrap();
    let ids: Vec<&str> = listed.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "gscp-escalation-2021",
            "swindon-resolution-2026",
            "nsscp-issue-resolution-2025",
            "testborough-escalation-2027"
        ]
    );
    assert_eq!(
        listed[3],
        json!({"id": "testborough-escalation-2027", "name": "Testborough Escalation Policy 2027",
               "source": "testborough.json"})
    );
    assert!(listed[..3].iter().all(|p| p["source"] == "built-in"));

    // A built-in definition is the document the library ships.
    let response = server.get("/v1/policies/swindon-resolution-2026");
    assert_eq!(response.status, 200);
    assert_eq!(
        response.body,
        safeguarding_resolution::policy_definition_json("swindon-resolution-2026")
    );
    // A loaded one is its file, as written, and evaluates as the id does.
    let response = server.get("/v1/policies/testborough-escalation-2027");
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(response.body, TESTBOROUGH);
    let definition = response.json();
    let mut inline: Value = serde_json::from_str(TESTBOROUGH_CASE).unwrap();
    let by_id = server.post("/v1/evaluate", TESTBOROUGH_CASE).body;
    inline["policy"] = definition;
    let inline = server.post("/v1/evaluate", &inline.to_string());
    assert_eq!(inline.status, 200);
    assert_eq!(inline.body, by_id);
}

#[test]
fn sixteen_threads_get_identical_answers() {
    let policies = policies_directory("threads");
    let server = Server::start(&[Path::new("--policies"), &policies]);
    let requests = [TESTBOROUGH_CASE, SWINDON_CASE];
    let expected: Vec<String> = requests
        .iter()
        .map(|r| server.post("/v1/evaluate", r).body)
        .collect();
    std::thread::scope(|scope| {
        for thread in 0..16 {
            let (server, requests, expected) = (&server, &requests, &expected);
            scope.spawn(move || {
                for round in 0..10 {
                    let which = (thread + round) % requests.len();
                    let response = server.post("/v1/evaluate", requests[which]);
                    assert_eq!(response.status, 200);
                    assert_eq!(response.body, expected[which]);
                }
            });
        }
    });
}

#[test]
fn a_body_over_the_limit_is_refused_before_it_is_read() {
    let server = Server::start::<&str>(&[]);
    // The length declared is over the limit and none of the body is sent:
    // the answer comes at once (a server reading the body first would
    // wait for it until the test's patience ran out).
    let mut stream = server.connect();
    write!(
        stream,
        "POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\n\r\n{{\"policy\"",
        safeguarding_resolution::limits::MAX_REQUEST_BYTES + 1
    )
    .unwrap();
    let response = read_response(&mut stream);
    assert_eq!(response.status, 413);
    assert_eq!(
        response.body,
        safeguarding_resolution::request_too_large_document()
    );

    // A caller that asks before sending (`Expect: 100-continue`) is told
    // at once, and never asked for the body.
    let mut stream = server.connect();
    write!(
        stream,
        "POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: {}\r\n\r\n",
        safeguarding_resolution::limits::MAX_REQUEST_BYTES + 1
    )
    .unwrap();
    assert_eq!(read_response(&mut stream).status, 413);

    // A caller that sends its whole body before reading (as Python's
    // http.client does) still reads the 413, not a connection closed under
    // it, and may go on using the connection.
    let mut stream = server.connect();
    let oversized = " ".repeat(3 * 1024 * 1024);
    write!(
        stream,
        "POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\n\r\n{oversized}",
        oversized.len()
    )
    .unwrap();
    let response = read_response(&mut stream);
    assert_eq!(response.status, 413);
    write!(
        stream,
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    assert_eq!(read_response(&mut stream).status, 200);

    // Without a declared length (chunked), refused once the bytes received
    // pass the limit, while more are still to come.
    let mut stream = server.connect();
    let mut reader = stream.try_clone().unwrap();
    let answer = std::thread::spawn(move || read_response(&mut reader));
    write!(
        stream,
        "POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    .unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, " ".repeat(64 * 1024));
    let chunks = safeguarding_resolution::limits::MAX_REQUEST_BYTES / (64 * 1024) + 1;
    for _ in 0..chunks {
        // The server may close the connection as soon as it has answered.
        if stream.write_all(chunk.as_bytes()).is_err() {
            break;
        }
    }
    let response = answer.join().unwrap();
    assert_eq!(response.status, 413);
    assert_eq!(response.error_code().as_deref(), Some("limit_exceeded"));
}

#[test]
fn the_log_has_a_line_per_request_and_no_value_sent() {
    const MARKER: &str = "Marker-Jane-Doe-1907";
    let server = Server::start::<&str>(&[]);
    let answered = server.post(
        "/v1/evaluate?child=Marker-Jane-Doe-1907",
        &format!(
            r#"{{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
               "events": [{{"type": "raised", "on": "2026-12-21"}},
                          {{"type": "withdrawn", "on": "2026-12-22", "reason": "{MARKER}"}}]}}"#
        ),
    );
    assert_eq!(answered.status, 200, "{}", answered.body);
    let refused = server.post(
        "/v1/evaluate",
        &format!(
            r#"{{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
               "events": [{{"type": "raised", "on": "{MARKER}"}}]}}"#
        ),
    );
    assert_eq!(refused.status, 422);
    assert!(!refused.body.contains(MARKER));
    let form = server.post(
        "/v1/validate",
        &format!(r#"{{"form": "swindon-resolution-form", "data": {{"child_name": 7, "sent_on": "{MARKER}"}}}}"#),
    );
    assert_eq!(form.status, 200);
    let headers = server.send(&format!(
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Child: {MARKER}\r\n\
         Authorization: Bearer {MARKER}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(headers.status, 200);
    assert_eq!(server.get(&format!("/v1/policies/{MARKER}")).status, 404);
    assert_eq!(
        server.get(&format!("/{MARKER}?{MARKER}={MARKER}")).status,
        404
    );
    server.signal("TERM");
    let (status, log) = server.wait();
    assert!(status.success());
    assert!(!log.contains(MARKER), "{log}");
    assert!(!log.contains("Marker"), "{log}");
    // One line for each of the six requests, with what it is allowed to say.
    let lines: Vec<&str> = log.lines().filter(|l| l.contains(" request ")).collect();
    assert_eq!(lines.len(), 6, "{log}");
    assert!(
        lines[0].contains("method=POST path=/v1/evaluate status=200 ms="),
        "{}",
        lines[0]
    );
    assert!(!lines[0].contains("error="), "{}", lines[0]);
    assert!(lines[1].contains("status=422"), "{}", lines[1]);
    assert!(lines[1].contains("error=invalid_field"), "{}", lines[1]);
    assert!(
        lines[2].contains("path=/v1/validate status=200"),
        "{}",
        lines[2]
    );
    assert!(
        lines[4].contains("path=/v1/policies/{id} status=404"),
        "{}",
        lines[4]
    );
    assert!(lines[4].contains("error=unknown_policy"), "{}", lines[4]);
    assert!(
        lines[5].contains("path=(no route) status=404"),
        "{}",
        lines[5]
    );
}

#[test]
fn a_reload_takes_a_good_definition_and_keeps_the_old_on_a_broken_one() {
    let policies = policies_directory("reload");
    let server = Server::start(&[Path::new("--policies"), &policies]);
    let second = TESTBOROUGH
        .replace(
            "testborough-escalation-2027",
            "otherborough-escalation-2027",
        )
        .replace("Testborough", "Otherborough");
    write(&policies, "otherborough.json", &second);
    server.signal("HUP");
    server.wait_for_log(" reloaded ", 1);
    let listed = server.get("/v1/policies").json();
    let ids: Vec<&str> = listed["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    // Loaded policies are listed by the names of their files.
    assert_eq!(
        ids[3..],
        [
            "otherborough-escalation-2027",
            "testborough-escalation-2027"
        ]
    );
    let other = TESTBOROUGH_CASE.replace("testborough", "otherborough");
    let response = server.post("/v1/evaluate", &other);
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["stage"]["due"]["date"], "2027-03-15");

    // A broken definition beside them: refused whole, the old ones serve.
    write(
        &policies,
        "broken.json",
        r#"{"id": "broken-2027", "name": "Broken Marker-Value",
            "stages": [{"number": 1, "name": "Marker-Stage", "clock": {"kind": "working_days_after_start", "days": 0}}]}"#,
    );
    server.signal("HUP");
    server.wait_for_log("reload refused", 1);
    let health = server.get("/healthz").json();
    assert_eq!(health["policies"], 5);
    assert_eq!(server.post("/v1/evaluate", &other).status, 200);
    assert_eq!(
        server
            .get("/v1/policies/broken-2027")
            .error_code()
            .as_deref(),
        Some("unknown_policy")
    );
    server.signal("TERM");
    let (status, log) = server.wait();
    assert!(status.success());
    let refusal = log
        .lines()
        .find(|l| l.contains("reload refused") && l.contains("broken.json"))
        .unwrap_or_else(|| panic!("{log}"));
    assert!(refusal.contains("stages[0].clock.days"), "{refusal}");
    assert!(!log.contains("Marker"), "{log}");
}

#[test]
fn a_stop_finishes_the_request_in_flight_then_exits_0() {
    let server = Server::start::<&str>(&[]);
    // A request under way: the server has read its headers and asked for
    // its body (`100 Continue`), and has half of it.
    let (first, rest) = SWINDON_CASE.split_at(SWINDON_CASE.len() / 2);
    let mut stream = server.connect();
    write!(
        stream,
        "POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n\
         Content-Length: {}\r\n\r\n",
        SWINDON_CASE.len()
    )
    .unwrap();
    let mut interim = Vec::new();
    let mut byte = [0u8; 1];
    while !interim.ends_with(b"\r\n\r\n") {
        std::io::Read::read_exact(&mut stream, &mut byte).unwrap();
        interim.push(byte[0]);
    }
    assert!(interim.starts_with(b"HTTP/1.1 100 "), "{interim:?}");
    stream.write_all(first.as_bytes()).unwrap();
    server.signal("TERM");
    server.wait_for_log("stopping", 1);
    // Once stopping, it takes no new connection, and still answers the
    // request it had begun.
    stream.write_all(rest.as_bytes()).unwrap();
    let response = read_response(&mut stream);
    assert_eq!(response.status, 200);
    assert_eq!(
        response.body,
        safeguarding_resolution::evaluate_json(SWINDON_CASE)
    );
    let port = server.port;
    let (status, log) = server.wait();
    assert_eq!(status.code(), Some(0), "{log}");
    assert!(log.contains("stopped"), "{log}");
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn sigint_stops_it_too() {
    let server = Server::start::<&str>(&[]);
    assert_eq!(server.get("/healthz").status, 200);
    server.signal("INT");
    let (status, _) = server.wait();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_start_with_broken_files_lists_every_problem_and_serves_nothing() {
    let policies = scratch("broken-start");
    write(&policies, "good.json", TESTBOROUGH);
    write(
        &policies,
        "a-broken.json",
        r#"{"id": "Marker Id", "name": "A", "stages": [{"number": 2, "name": "S", "clock": {"kind": "working_days_after_start", "days": -1}}]}"#,
    );
    write(&policies, "b-not-json.json", "{ Marker");
    write(&policies, "z-same-id.json", TESTBOROUGH);
    write(&policies, "ignored.txt", "not a definition");
    let holidays = write(
        &scratch("broken-holidays"),
        "holidays.json",
        r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "Marker", "date": "2027-02-30", "notes": "", "bunting": true}]}}"#,
    );
    let refused = Server::try_start(&[
        Path::new("--policies"),
        &policies,
        Path::new("--holidays"),
        &holidays,
    ])
    .err()
    .expect("refused to start");
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(refused.stdout, "");
    let stderr = &refused.stderr;
    let has = |file: &str, path: &str| {
        stderr
            .lines()
            .any(|l| l.contains(file) && l.contains(&format!(": {path}: ")))
    };
    assert!(has("a-broken.json", "id"), "{stderr}");
    assert!(has("a-broken.json", "stages[0].clock.days"), "{stderr}");
    assert!(has("b-not-json.json", "(definition)"), "{stderr}");
    assert!(has("z-same-id.json", "id"), "{stderr}");
    assert!(
        has("holidays.json", "england-and-wales.events[0].date"),
        "{stderr}"
    );
    assert!(!stderr.contains("good.json:"), "{stderr}");
    assert!(!stderr.contains("ignored.txt"), "{stderr}");
    assert!(!stderr.contains("Marker"), "{stderr}");

    // And a missing directory, on its own.
    let refused = Server::try_start(&["--policies", "/nonexistent/policies"])
        .err()
        .expect("refused to start");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        refused
            .stderr
            .contains("/nonexistent/policies: cannot be read")
    );
}

#[test]
fn the_command_line_says_how_it_is_used() {
    let output = std::process::Command::new(common::BINARY)
        .arg("--help")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("--policies DIR"));
    let output = std::process::Command::new(common::BINARY)
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!(
            "safeguarding-resolution-server {}",
            env!("CARGO_PKG_VERSION")
        )
    );
    let output = std::process::Command::new(common::BINARY)
        .arg("--port")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown option --port"));
}

/// `examples/java/EvaluateCase.java`, compiled with `javac` and run against
/// the binary. Skipped with a message where the JDK is not installed; in
/// CI (`CI` set) a `javac` that is there but cannot run fails the test.
#[test]
fn the_java_example_calls_the_service() {
    use std::process::Command;
    match Command::new("javac").arg("-version").output() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("skipped: javac is not installed (the JDK runs examples/java/)");
            return;
        }
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "javac cannot be run: {e}");
            eprintln!("skipped: javac cannot be run ({e})");
            return;
        }
        Ok(output) if !output.status.success() => {
            let said = String::from_utf8_lossy(&output.stderr);
            assert!(
                std::env::var_os("CI").is_none(),
                "javac -version failed: {said}"
            );
            eprintln!("skipped: javac -version failed: {said}");
            return;
        }
        Ok(_) => {}
    }
    let classes = scratch("java");
    let compiled = Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .arg(repository().join("examples/java/EvaluateCase.java"))
        .output()
        .unwrap();
    assert!(
        compiled.status.success(),
        "{}",
        String::from_utf8_lossy(&compiled.stderr)
    );
    let server = Server::start::<&str>(&[]);
    let ran = Command::new("java")
        .arg("-cp")
        .arg(&classes)
        .arg("EvaluateCase")
        .arg(format!("http://127.0.0.1:{}", server.port))
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    // CONTRACT section 3's case: stage 2 began Wednesday 23 December 2026;
    // five working days past Christmas Day, Boxing Day (Monday 28, the
    // substitute) and New Year's Day are 24, 29, 30, 31 December and
    // Monday 4 January 2027, one working day before the 5th.
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout),
        "service: ok, holidays embedded-2026-02-04, 3 policies\n\
         evaluate: 200 open\n  \
         stage 2, Inter-agency Discussion, started 2026-12-23\n  \
         due 2027-01-04; overdue: true, by 1 working day(s)\n\
         refused: 422 invalid_transition at event 0\n\
         definition: 404 unknown_policy\n"
    );
}

#[test]
fn a_sweep_lists_the_trays_deadlines_and_refuses_what_the_library_refuses() {
    let policies = policies_directory("sweep");
    let server = Server::start(&[Path::new("--policies"), &policies]);
    let request = r#"{"as_of": "2027-03-17", "within_working_days": 2, "cases": [
        {"id": "tb-1", "policy": "testborough-escalation-2027", "events": [
            {"type": "raised", "on": "2027-03-01"}, {"type": "escalated", "on": "2027-03-03"},
            {"type": "escalated", "on": "2027-03-08"}]},
        {"id": "sw-1", "policy": "swindon-resolution-2026", "events": [
            {"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]},
        {"id": "bad-1", "policy": "swindon-resolution-2026", "events": [
            {"type": "resolved", "on": "2027-03-01"}]}]}"#;
    let response = server.post("/v1/sweep", request);
    assert_eq!(response.status, 200, "{}", response.body);
    let engine = safeguarding_resolution::Engine::new();
    engine.add_policy_json(TESTBOROUGH).unwrap();
    assert_eq!(response.body, engine.sweep_json(request));
    let answer = response.json();
    let stage_item = |case: &str| {
        answer["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["case"] == case && i["kind"] == "stage")
            .unwrap_or_else(|| panic!("no stage item for {case}: {answer}"))
            .clone()
    };
    // Testborough's stage 3, due Monday 15 March, two working days late.
    let testborough = stage_item("tb-1");
    assert_eq!(testborough["stage"], 3);
    assert_eq!(testborough["due_on"], "2027-03-15");
    assert_eq!(testborough["working_days_overdue"], 2);
    // Swindon's stage 2, due Monday 4 January: 19 working days to the end
    // of January, 20 in February, 13 to Wednesday 17 March.
    let swindon = stage_item("sw-1");
    assert_eq!(swindon["stage"], 2);
    assert_eq!(swindon["due_on"], "2027-01-04");
    assert_eq!(swindon["working_days_overdue"], 52);
    // Soonest first: Swindon's January deadline before Testborough's.
    assert_eq!(answer["items"][0]["case"], "sw-1");
    assert_eq!(answer["errors"][0]["case"], "bad-1");
    assert_eq!(answer["errors"][0]["error"]["code"], "invalid_transition");
    assert_eq!(answer["summary"]["cases"], 2);

    // Refusals of the whole request: 400, 422, and 413 from the sweep's own
    // limit, declared and refused before any of the body is sent.
    assert_eq!(server.post("/v1/sweep", "[").status, 400);
    let duplicate = r#"{"as_of": "2027-03-17", "cases": [
        {"id": "a", "policy": "swindon-resolution-2026", "events": []},
        {"id": "a", "policy": "swindon-resolution-2026", "events": []}]}"#;
    let response = server.post("/v1/sweep", duplicate);
    assert_eq!(response.status, 422);
    assert_eq!(response.error_code().as_deref(), Some("invalid_field"));
    let mut stream = server.connect();
    write!(
        stream,
        "POST /v1/sweep HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\n\r\n",
        safeguarding_resolution::limits::MAX_SWEEP_BYTES + 1
    )
    .unwrap();
    let response = read_response(&mut stream);
    assert_eq!(response.status, 413);
    assert_eq!(
        response.body,
        safeguarding_resolution::sweep_too_large_document()
    );
    // A body over the evaluate limit but within the sweep's is read.
    let padded = format!(
        "{}{}",
        request,
        " ".repeat(safeguarding_resolution::limits::MAX_REQUEST_BYTES)
    );
    let response = server.post("/v1/sweep", &padded);
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.body, engine.sweep_json(request));
}

#[test]
fn the_openapi_document_describes_every_endpoint_with_the_schemas() {
    let server = Server::start::<&str>(&[]);
    let response = server.get("/openapi.json");
    assert_eq!(response.status, 200);
    let description = response.json();
    assert_eq!(description["openapi"], "3.1.0");
    let paths = description["paths"].as_object().unwrap();
    for (path, method) in [
        ("/v1/evaluate", "post"),
        ("/v1/validate", "post"),
        ("/v1/sweep", "post"),
        ("/v1/policies", "get"),
        ("/v1/policies/{id}", "get"),
        ("/healthz", "get"),
        ("/openapi.json", "get"),
    ] {
        assert!(paths[path][method].is_object(), "{path} {method}");
    }
    // Each schema of schemas/ is embedded whole, with its $id.
    let components = &description["components"]["schemas"];
    let mut embedded = 0;
    for entry in std::fs::read_dir(repository().join("schemas")).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".schema.json") {
            continue;
        }
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let found = components
            .as_object()
            .unwrap()
            .values()
            .find(|c| c["$id"] == schema["$id"])
            .unwrap_or_else(|| panic!("{} is not embedded", path.display()));
        assert_eq!(found, &schema, "{}", path.display());
        embedded += 1;
    }
    assert_eq!(embedded, 10);
    // The bodies are those schemas, and every reference within the
    // document's components resolves.
    let schema_of = |path: &str, method: &str, part: &str| {
        let reference = match part {
            "request" => {
                &paths[path][method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            }
            status => {
                &paths[path][method]["responses"][status]["content"]["application/json"]["schema"]["$ref"]
            }
        };
        let name = reference
            .as_str()
            .unwrap()
            .strip_prefix("#/components/schemas/")
            .unwrap();
        components[name]["$id"].as_str().unwrap_or("").to_string()
    };
    let id =
        |name: &str| format!("https://safeguarding-resolution.example/schemas/{name}.schema.json");
    assert_eq!(
        schema_of("/v1/evaluate", "post", "request"),
        id("evaluate-request")
    );
    assert_eq!(
        schema_of("/v1/evaluate", "post", "200"),
        id("evaluate-response")
    );
    assert_eq!(
        schema_of("/v1/validate", "post", "request"),
        id("validate-request")
    );
    assert_eq!(
        schema_of("/v1/validate", "post", "200"),
        id("validate-response")
    );
    assert_eq!(
        schema_of("/v1/sweep", "post", "request"),
        id("sweep-request")
    );
    assert_eq!(schema_of("/v1/sweep", "post", "200"), id("sweep-response"));
    assert_eq!(
        schema_of("/v1/policies/{id}", "get", "200"),
        id("policy-definition")
    );
    let text = response.body;
    for reference in text.split("\"$ref\":\"#/components/").skip(1) {
        let target = reference.split('"').next().unwrap();
        let mut node = &description["components"];
        for step in target.split('/') {
            node = &node[step];
        }
        assert!(!node.is_null(), "#/components/{target} does not resolve");
    }
    for status in ["400", "413", "422"] {
        let error = &paths["/v1/evaluate"]["post"]["responses"][status]["$ref"];
        assert!(
            error
                .as_str()
                .unwrap()
                .starts_with("#/components/responses/")
        );
    }
}

/// Reads from a connection until the server closes it, and when that was
/// since `start`.
fn until_closed(stream: &mut std::net::TcpStream, start: Instant) -> (Vec<u8>, Duration) {
    let mut received = Vec::new();
    // A reset counts as closed too.
    let _ = std::io::Read::read_to_end(stream, &mut received);
    (received, start.elapsed())
}

#[test]
fn a_caller_whose_head_never_arrives_is_disconnected_after_the_header_timeout() {
    let server = Server::start(&["--header-timeout", "1"]);
    // A connection that sends nothing, and one that stops half-way
    // through its headers: each is closed unanswered after about a
    // second, well before the test's own patience.
    let start = Instant::now();
    let mut idle = server.connect();
    let mut partial = server.connect();
    partial
        .write_all(b"POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-")
        .unwrap();
    for stream in [&mut idle, &mut partial] {
        let (received, took) = until_closed(stream, start);
        assert!(
            received.is_empty(),
            "{:?}",
            String::from_utf8_lossy(&received)
        );
        assert!(
            took >= Duration::from_millis(900) && took < Duration::from_secs(10),
            "closed after {took:?}"
        );
    }
    // A kept-alive connection is answered, then closed once idle as long.
    let mut kept = server.connect();
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    assert_eq!(read_response(&mut kept).status, 200);
    let answered = Instant::now();
    let (received, took) = until_closed(&mut kept, answered);
    assert!(received.is_empty());
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(10),
        "closed after {took:?}"
    );
    // And the service goes on answering.
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn a_body_that_does_not_arrive_in_time_is_answered_408() {
    let server = Server::start(&["--body-timeout", "1"]);
    let mut stream = server.connect();
    let start = Instant::now();
    // Its headers promise the whole case; a tenth of it comes.
    write!(
        stream,
        "POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{}",
        SWINDON_CASE.len(),
        &SWINDON_CASE[..SWINDON_CASE.len() / 10]
    )
    .unwrap();
    let response = read_response(&mut stream);
    let took = start.elapsed();
    assert_eq!(response.status, 408, "{}", response.body);
    assert_eq!(response.error_code().as_deref(), Some("request_timeout"));
    assert_eq!(
        response.json()["error"]["message"],
        "the request body did not arrive whole within 1 second"
    );
    assert_eq!(response.header("connection"), Some("close"));
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(10),
        "answered after {took:?}"
    );
    // The rest of the body is not waited for: the connection is closed.
    let (received, _) = until_closed(&mut stream, start);
    assert!(received.is_empty());
    server.wait_for_log("request_timeout", 1);
    let log = server.log();
    assert!(log.contains("status=408"), "{log}");
    // Nothing of the body reached the log.
    assert!(!log.contains("raised"), "{log}");
}

#[test]
fn connections_past_the_cap_wait_to_be_accepted() {
    let server = Server::start(&["--max-connections", "2", "--header-timeout", "30"]);
    // Two idle connections hold both places.
    let first = server.connect();
    let _second = server.connect();
    // A third caller's request waits, unanswered.
    let mut third = server.connect();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    third
        .set_read_timeout(Some(Duration::from_millis(700)))
        .unwrap();
    let mut byte = [0u8; 1];
    let waited = std::io::Read::read(&mut third, &mut byte);
    assert!(
        waited.as_ref().is_err_and(|e| matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )),
        "answered past the cap: {waited:?}"
    );
    // Once a place is free, it is accepted and answered.
    drop(first);
    third.set_read_timeout(Some(PATIENCE)).unwrap();
    let response = read_response(&mut third);
    assert_eq!(response.status, 200);
}

#[test]
fn a_caller_that_does_not_read_its_answer_is_disconnected_after_the_send_timeout() {
    let server = Server::start(&["--send-timeout", "1"]);
    // A sweep whose answer runs to megabytes, more than the connection's
    // buffers hold: 6,000 cases, each with its stage and duties overdue.
    let cases: Vec<Value> = (0..6000)
        .map(|i| {
            json!({"id": format!("case-{i}"), "policy": "swindon-resolution-2026", "events": [
                {"type": "raised", "on": "2026-11-02"},
                {"type": "escalated", "on": "2026-11-04"},
                {"type": "escalated", "on": "2026-11-06"}]})
        })
        .collect();
    let request = json!({"as_of": "2027-01-11", "cases": cases}).to_string();
    let answer = safeguarding_resolution::sweep_json(&request);
    assert!(answer.len() > 8 * 1024 * 1024, "{}", answer.len());

    let mut stream = server.connect();
    write!(
        stream,
        "POST /v1/sweep HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{request}",
        request.len()
    )
    .unwrap();
    // Nothing is read until the service has given up on the caller.
    server.wait_for_log("did not read its answer", 1);
    let (received, _) = until_closed(&mut stream, Instant::now());
    assert!(
        received.len() < answer.len(),
        "{} of {} bytes",
        received.len(),
        answer.len()
    );
    // The service goes on answering others.
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn malformed_http_is_refused_and_the_service_goes_on() {
    let server = Server::start::<&str>(&[]);
    // Not HTTP at all; a head far past any reasonable size; an HTTP/2
    // preface to a service that speaks HTTP/1.1 only.
    let long_header = format!(
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: {}\r\n\r\n",
        "a".repeat(1024 * 1024)
    );
    for request in [
        "THIS IS NOT HTTP\r\n\r\n".to_string(),
        long_header,
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_string(),
    ] {
        let mut stream = server.connect();
        // The service may close before it has read all of a long head.
        let _ = stream.write_all(request.as_bytes());
        let (received, _) = until_closed(&mut stream, Instant::now());
        let text = String::from_utf8_lossy(&received);
        assert!(
            text.is_empty() || text.starts_with("HTTP/1.1 4"),
            "{}",
            &text[..text.len().min(200)]
        );
    }
    assert_eq!(server.get("/healthz").status, 200);
    // Nothing sent was logged.
    let log = server.log();
    assert!(!log.contains("NOT HTTP") && !log.contains("aaaa"), "{log}");
}
