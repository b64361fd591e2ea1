//! The policy workbench (CONTRACT section 14): a page at `/` for policy
//! authors, its script and style sheet, and the endpoints it needs beyond
//! the API's: `POST /v1/check` (a definition's problems, its diagram and
//! the authors' laws over generated cases) and `POST /workbench/download`
//! (the definition in the box, back as a file). `docs/workbench.md`
//! describes them.
//!
//! The page is static: HTML, one script and one style sheet owned by the
//! project, embedded in the binary, with no build step and nothing loaded
//! from elsewhere (a strict Content-Security-Policy says so to the
//! browser). Every answer it shows is the library's.

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use safeguarding_resolution::calendar::Division;
use safeguarding_resolution::limits::MAX_REQUEST_BYTES;
use safeguarding_resolution::policy::diagram;
use safeguarding_resolution::testing::LawRun;
use safeguarding_resolution::{error_document, request_too_large_document};
use serde_json::{Value, json};
use tokio::sync::Semaphore;

use crate::api::document;
use crate::state::Service;

/// The routes of the workbench: the page, its assets, and its endpoints.
pub fn routes() -> Router<Service> {
    Router::new()
        .route("/", get(page))
        .route("/workbench/workbench.js", get(script))
        .route("/workbench/workbench.css", get(style))
        .route("/workbench/example-policy.json", get(example))
        .route("/workbench/download", post(download))
        .route("/v1/check", post(check))
}

/// The illustrative policy the page starts from.
const EXAMPLE_POLICY: &str = include_str!("../../examples/policies/example-borough-2026.json");
const PAGE: &str = include_str!("../workbench/index.html");
const SCRIPT: &str = include_str!("../workbench/workbench.js");
const STYLE: &str = include_str!("../workbench/workbench.css");

/// The page, with the illustrative policy in its definition box (escaped
/// for HTML), written once.
static PAGE_WITH_EXAMPLE: LazyLock<String> =
    LazyLock::new(|| PAGE.replace("{{EXAMPLE_POLICY}}", &escape_html(EXAMPLE_POLICY)));

/// What the page may load and where it may send: this service only. No
/// inline script or style, no frame, no other origin.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// Text for the page's `<textarea>`, whose content is read as text but
/// for character references and its own end tag: `&` and `<` escaped.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A static text with its type and the workbench's headers.
fn asset(body: impl Into<Body>, content_type: &'static str) -> Response {
    let mut response = (StatusCode::OK, body.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn page() -> Response {
    asset(PAGE_WITH_EXAMPLE.as_str(), "text/html; charset=utf-8")
}

async fn script() -> Response {
    asset(SCRIPT, "text/javascript; charset=utf-8")
}

async fn style() -> Response {
    asset(STYLE, "text/css; charset=utf-8")
}

async fn example() -> Response {
    asset(EXAMPLE_POLICY, "application/json")
}

/// The body as UTF-8 text within `limit` bytes, or the library's
/// `limit_exceeded` (413) or `invalid_json` (400) document.
async fn read_text(request: Request, limit: usize) -> Result<String, Response> {
    let within = crate::api::body_timeout(&request);
    let reading = to_bytes(request.into_body(), limit);
    let bytes = match tokio::time::timeout(within, reading).await {
        Ok(read) => read.map_err(|_| {
            document(request_too_large_document(), |_| {
                StatusCode::PAYLOAD_TOO_LARGE
            })
        })?,
        Err(_) => return Err(crate::api::too_slow(within)),
    };
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        document(
            error_document(
                "invalid_json",
                "the request is not valid JSON: it is not UTF-8 text",
            ),
            |_| StatusCode::BAD_REQUEST,
        )
    })
}

/// `POST /workbench/download`: the form the page's "Download definition"
/// button submits (`text/plain`, one field `definition`), answered with
/// the definition as a `.json` attachment, exactly the text of the box.
async fn download(request: Request) -> Response {
    // "definition=" and "\r\n" around the text: a form's `text/plain` body.
    let text = match read_text(request, MAX_REQUEST_BYTES * 2 + 64).await {
        Ok(text) => text,
        Err(refused) => return refused,
    };
    let definition = definition_from_form(&text);
    let name = file_name(&definition);
    let mut response = (StatusCode::OK, definition).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The definition in a `text/plain` form body: after `definition=`,
/// without the line break the form adds, its line breaks as the box had
/// them (a form sends each as CR LF; a JSON document means the same with
/// either).
fn definition_from_form(body: &str) -> String {
    let text = body.strip_prefix("definition=").unwrap_or(body);
    let text = text.strip_suffix("\r\n").unwrap_or(text);
    text.replace("\r\n", "\n")
}

/// `<id>.json` for a definition whose `id` is a policy id, else
/// `policy-definition.json`.
fn file_name(definition: &str) -> String {
    let id = serde_json::from_str::<Value>(definition)
        .ok()
        .and_then(|v| v.get("id").and_then(Value::as_str).map(str::to_string))
        .filter(|id| {
            (1..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    match id {
        Some(id) => format!("{id}.json"),
        None => "policy-definition.json".to_string(),
    }
}

/// Generated cases the laws run over when the request names no number.
pub const DEFAULT_LAW_CASES: u32 = 256;
/// The most cases a request may ask for.
pub const MAX_LAW_CASES: u32 = 4096;
/// Cases in one batch: the run looks at the clock between batches.
const LAW_BATCH: u32 = 32;
/// The time after which no further batch starts.
pub const LAW_TIME: Duration = Duration::from_secs(2);

/// Law runs at once: each keeps a core busy for up to [`LAW_TIME`], so
/// no more than the machine has cores; others wait their turn.
static LAW_RUNS: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// What `POST /v1/check` was asked, from its query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CheckOptions {
    division: Division,
    seed: u64,
    cases: u32,
}

/// Reads `calendar`, `seed` and `cases` from a query string; a refusal is
/// the library's document (never repeating the value).
fn check_options(query: Option<&str>) -> Result<CheckOptions, String> {
    let mut options = CheckOptions {
        division: Division::EnglandAndWales,
        seed: 1,
        cases: DEFAULT_LAW_CASES,
    };
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "calendar" => {
                options.division = value.parse().map_err(|_| {
                    error_document(
                        "unknown_calendar",
                        "calendar: expected england-and-wales, scotland or northern-ireland",
                    )
                })?;
            }
            "seed" => {
                options.seed = value.parse().map_err(|_| {
                    error_document("invalid_field", "seed: expected a whole number from 0")
                })?;
            }
            "cases" => {
                options.cases = value
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_LAW_CASES).contains(n))
                    .ok_or_else(|| {
                        error_document(
                            "invalid_field",
                            &format!("cases: expected a whole number from 1 to {MAX_LAW_CASES}"),
                        )
                    })?;
            }
            _ => {
                return Err(error_document(
                    "invalid_field",
                    "the query: expected calendar, seed or cases",
                ));
            }
        }
    }
    Ok(options)
}

/// `POST /v1/check`: a definition (the body, as `docs/policy-format.md`
/// has it) checked whole. 200 with `{"valid", "problems", "diagram",
/// "laws"}`: the problems as the library's `invalid_policy` document lists
/// them (each with its path), and for a valid definition its SVG diagram
/// and the authors' laws run over generated cases on the calendar asked
/// for, bounded by the number of cases and by [`LAW_TIME`].
async fn check(State(service): State<Service>, request: Request) -> Response {
    let options = match check_options(request.uri().query()) {
        Ok(options) => options,
        Err(refused) => return document(refused, |_| StatusCode::UNPROCESSABLE_ENTITY),
    };
    let loaded = service.current();
    let text = match read_text(request, MAX_REQUEST_BYTES).await {
        Ok(text) => text,
        Err(refused) => return refused,
    };
    let Ok(_permit) = LAW_RUNS.acquire().await else {
        return internal();
    };
    let answered = tokio::task::spawn_blocking(move || {
        let calendar = loaded.engine.calendar(options.division).clone();
        check_answer(&loaded.engine, &text, &calendar, options, LAW_TIME)
    })
    .await;
    match answered {
        Ok(answer) => document(answer.to_string(), |_| StatusCode::OK),
        Err(_) => internal(),
    }
}

fn internal() -> Response {
    document(
        error_document("internal", "the request could not be answered"),
        |_| StatusCode::INTERNAL_SERVER_ERROR,
    )
}

/// The answer to a check: the library's problems, or its diagram and the
/// laws run in batches until `options.cases` cases have kept them, a law
/// is broken, or `budget` has passed.
fn check_answer(
    engine: &safeguarding_resolution::Engine,
    text: &str,
    calendar: &safeguarding_resolution::calendar::Calendar,
    options: CheckOptions,
    budget: Duration,
) -> Value {
    // Read as an inline definition is: a built-in's id only on its own
    // document.
    let policy = match engine.read_definition_json(text) {
        Ok(policy) => policy,
        Err(error) => {
            let refused: Value = serde_json::from_str(&error.to_json()).unwrap_or(Value::Null);
            return json!({
                "valid": false,
                "code": error.code(),
                "problems": refused["error"]["problems"],
                "diagram": null,
                "laws": null,
            });
        }
    };
    let diagram = diagram::svg(&policy);
    let mut run = LawRun::new(policy, calendar.clone(), options.seed);
    let started = Instant::now();
    let stopped = loop {
        let done = run.valid_logs();
        if done >= options.cases {
            break "cases";
        }
        if run.batches() > 0 && started.elapsed() >= budget {
            break "time";
        }
        if !run.run_batch(LAW_BATCH.min(options.cases - done)) {
            break "broken";
        }
    };
    let mut laws = serde_json::to_value(run.outcome()).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut laws {
        map.insert("cases_asked".into(), options.cases.into());
        map.insert("stopped".into(), stopped.into());
    }
    json!({
        "valid": true,
        "problems": [],
        "diagram": diagram,
        "laws": laws,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use safeguarding_resolution::calendar::Calendar;
    use safeguarding_resolution::{Engine, policy_definition_json};

    fn options() -> CheckOptions {
        CheckOptions {
            division: Division::EnglandAndWales,
            seed: 1,
            cases: 64,
        }
    }

    #[test]
    fn the_illustrative_policy_is_valid_drawn_and_keeps_the_laws() {
        let calendar = Calendar::uk(Division::EnglandAndWales);
        let answer = check_answer(
            &Engine::new(),
            EXAMPLE_POLICY,
            calendar,
            options(),
            LAW_TIME * 10,
        );
        assert_eq!(answer["valid"], true);
        assert_eq!(answer["problems"], json!([]));
        let svg = answer["diagram"].as_str().unwrap();
        for name in [
            "Practitioners",
            "Line managers",
            "Heads of service",
            "Independent chair",
        ] {
            assert!(svg.contains(&format!(">{name}</tspan>")), "{name}");
        }
        assert_eq!(answer["laws"]["kept"], true);
        assert_eq!(answer["laws"]["valid_logs"], 64);
        assert_eq!(answer["laws"]["stopped"], "cases");
        assert_eq!(answer["laws"]["counterexample"], Value::Null);
    }

    #[test]
    fn a_broken_definition_lists_each_problem_with_its_path() {
        let calendar = Calendar::uk(Division::EnglandAndWales);
        let broken = r#"{"id": "example-borough-2026", "name": "Example", "stages": [
            {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 0}},
            {"number": 3, "name": "Chair", "clock": {"kind": "fortnightly"}}]}"#;
        let answer = check_answer(&Engine::new(), broken, calendar, options(), LAW_TIME);
        assert_eq!(answer["valid"], false);
        assert_eq!(answer["code"], "invalid_policy");
        let paths: Vec<&str> = answer["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["path"].as_str().unwrap())
            .collect();
        assert!(paths.contains(&"stages[0].clock.days"), "{paths:?}");
        assert!(paths.contains(&"stages[1].number"), "{paths:?}");
        assert!(paths.contains(&"stages[1].clock.kind"), "{paths:?}");
        assert_eq!(answer["diagram"], Value::Null);
        assert_eq!(answer["laws"], Value::Null);
        // Not JSON at all: one problem, at the definition.
        let answer = check_answer(&Engine::new(), "{\"id\": ", calendar, options(), LAW_TIME);
        assert_eq!(answer["code"], "invalid_json");
        assert_eq!(answer["problems"][0]["path"], "(definition)");
    }

    #[test]
    fn a_copy_of_a_built_in_keeps_its_id_only_while_it_is_the_same_document() {
        // CONTRACT section 8: a built-in's id is taken only by its own
        // document; the check reads a definition as a request would.
        let calendar = Calendar::uk(Division::EnglandAndWales);
        let swindon = policy_definition_json("swindon-resolution-2026");
        let answer = check_answer(&Engine::new(), &swindon, calendar, options(), LAW_TIME);
        assert_eq!(answer["valid"], true, "{answer}");
        let edited = swindon.replacen("Internal Discussion", "Talk it over", 1);
        let answer = check_answer(&Engine::new(), &edited, calendar, options(), LAW_TIME);
        assert_eq!(answer["valid"], false);
        assert_eq!(answer["problems"][0]["path"], "id");
        let renamed = edited.replacen(
            "\"id\": \"swindon-resolution-2026\"",
            "\"id\": \"swindon-copy\"",
            1,
        );
        let answer = check_answer(&Engine::new(), &renamed, calendar, options(), LAW_TIME);
        assert_eq!(answer["valid"], true, "{answer}");
    }

    #[test]
    fn the_laws_stop_when_their_time_has_passed() {
        let calendar = Calendar::uk(Division::EnglandAndWales);
        let many = CheckOptions {
            cases: MAX_LAW_CASES,
            ..options()
        };
        let answer = check_answer(
            &Engine::new(),
            EXAMPLE_POLICY,
            calendar,
            many,
            Duration::ZERO,
        );
        // One batch runs whatever the time, then the clock stops the rest.
        assert_eq!(answer["laws"]["stopped"], "time");
        assert_eq!(answer["laws"]["batches"], 1);
        assert_eq!(answer["laws"]["valid_logs"], LAW_BATCH);
        assert_eq!(answer["laws"]["kept"], true);
    }

    #[test]
    fn the_query_is_read_and_refused_without_its_values() {
        assert_eq!(
            check_options(None),
            Ok(CheckOptions {
                cases: DEFAULT_LAW_CASES,
                ..options()
            })
        );
        let read = check_options(Some("calendar=scotland&seed=7&cases=100")).unwrap();
        assert_eq!(
            (read.division, read.seed, read.cases),
            (Division::Scotland, 7, 100)
        );
        for (query, code) in [
            ("calendar=Mars", "unknown_calendar"),
            ("seed=-1", "invalid_field"),
            ("cases=0", "invalid_field"),
            ("cases=99999", "invalid_field"),
            ("name=Alice", "invalid_field"),
        ] {
            let refused = check_options(Some(query)).unwrap_err();
            assert!(refused.contains(code), "{query}: {refused}");
            for value in ["Mars", "99999", "Alice"] {
                assert!(!refused.contains(value), "{query}: {refused}");
            }
        }
    }

    #[test]
    fn the_download_is_the_box_s_text_named_by_its_id() {
        let body = "definition={\r\n  \"id\": \"example-borough-2026\"\r\n}\r\n";
        let text = definition_from_form(body);
        assert_eq!(text, "{\n  \"id\": \"example-borough-2026\"\n}");
        assert_eq!(file_name(&text), "example-borough-2026.json");
        assert_eq!(
            file_name("{\"id\": \"Not An Id\"}"),
            "policy-definition.json"
        );
        assert_eq!(file_name("not json"), "policy-definition.json");
    }

    #[test]
    fn the_page_carries_the_illustrative_policy_escaped() {
        assert!(!PAGE_WITH_EXAMPLE.contains("{{EXAMPLE_POLICY}}"));
        assert!(PAGE_WITH_EXAMPLE.contains("\"example-borough-2026\""));
        assert_eq!(escape_html("</textarea> & b"), "&lt;/textarea> &amp; b");
        // Nothing from another origin: no URL with a scheme or a host.
        for text in [PAGE, SCRIPT, STYLE] {
            assert!(
                !text.contains("http://") && !text.contains("https://") && !text.contains("//cdn")
            );
        }
    }
}
