//! The endpoints of CONTRACT section 12: each reads its body, hands it to
//! the engine, and answers the engine's document with the status code its
//! error code (if any) calls for. No rule, limit or message of the library
//! is written here.

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt;
use safeguarding_resolution::limits::{MAX_REQUEST_BYTES, MAX_SWEEP_BYTES};
use safeguarding_resolution::{
    Engine, error_document, request_too_large_document, sweep_too_large_document,
};

use crate::BodyTimeout;
use crate::log::ErrorCode;
use crate::state::{Loaded, Service};

/// The routes of the API: `/v1/...` and `/healthz`.
pub fn routes() -> Router<Service> {
    Router::new()
        .route("/v1/evaluate", post(evaluate))
        .route("/v1/validate", post(validate))
        .route("/v1/sweep", post(sweep))
        .route("/v1/policies", get(policies))
        .route("/v1/policies/{id}", get(policy))
        .route("/healthz", get(healthz))
}

/// A document the library reads from a request body, with its byte limit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Door {
    /// The most bytes a body may have (the library's limit for the
    /// document).
    limit: usize,
    /// The library's error document for a body over the limit.
    too_large: fn() -> String,
    /// The library's answer to a body within it.
    answer: fn(&Engine, &str) -> String,
}

/// `evaluate_json`'s request (CONTRACT section 3).
const EVALUATE: Door = Door {
    limit: MAX_REQUEST_BYTES,
    too_large: request_too_large_document,
    answer: Engine::evaluate_json,
};

/// `validate_json`'s request (CONTRACT section 5).
const VALIDATE: Door = Door {
    limit: MAX_REQUEST_BYTES,
    too_large: request_too_large_document,
    answer: Engine::validate_json,
};

/// `sweep_json`'s request (CONTRACT section 10), under its own limit.
const SWEEP: Door = Door {
    limit: MAX_SWEEP_BYTES,
    too_large: sweep_too_large_document,
    answer: Engine::sweep_json,
};

/// The most room made for a body before its bytes arrive.
const PREALLOCATED_BYTES: usize = 1024 * 1024;

/// Bodies up to this size are answered on the async worker that read
/// them (an eight-event case takes some tens of microseconds); larger
/// ones, whose work grows with their size (a sweep of thousands of cases),
/// on the blocking pool, so that the small requests beside them go on.
const INLINE_BYTES: usize = 64 * 1024;

async fn evaluate(State(service): State<Service>, request: Request) -> Response {
    answer(service, request, EVALUATE).await
}

async fn validate(State(service): State<Service>, request: Request) -> Response {
    answer(service, request, VALIDATE).await
}

async fn sweep(State(service): State<Service>, request: Request) -> Response {
    answer(service, request, SWEEP).await
}

/// Reads the body within the door's limit, and answers it with the state
/// in force once it has arrived.
pub(crate) async fn answer(service: Service, request: Request, door: Door) -> Response {
    // A caller that asked whether to send its body (`Expect:
    // 100-continue`) and is refused at once has sent none of it.
    let waits_to_send = request
        .headers()
        .get(header::EXPECT)
        .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    let within = body_timeout(&request);
    let reading = read_body(request.into_body(), door, waits_to_send);
    let text = match tokio::time::timeout(within, reading).await {
        Ok(Ok(text)) => text,
        Ok(Err(refused)) => return refused,
        Err(_) => return too_slow(within),
    };
    let loaded = service.current();
    let answer = if text.len() <= INLINE_BYTES {
        (door.answer)(&loaded.engine, &text)
    } else {
        match tokio::task::spawn_blocking(move || (door.answer)(&loaded.engine, &text)).await {
            Ok(answer) => answer,
            Err(_) => {
                return document(
                    error_document("internal", "the request could not be answered"),
                    |_| StatusCode::INTERNAL_SERVER_ERROR,
                );
            }
        }
    };
    document(answer, status_of_answer)
}

/// How long a request's body may take to arrive: the router's
/// [`crate::Limits::body_timeout`].
pub(crate) fn body_timeout(request: &Request) -> std::time::Duration {
    request
        .extensions()
        .get::<BodyTimeout>()
        .map_or(crate::Limits::default().body_timeout, |timeout| timeout.0)
}

/// 408 for a body that did not arrive whole within the body timeout
/// ([`crate::Limits::body_timeout`]); the connection is closed after it,
/// since the rest of the body may still be on its way.
pub(crate) fn too_slow(within: std::time::Duration) -> Response {
    let mut response = document(
        error_document(
            "request_timeout",
            &match within.as_secs() {
                1 => "the request body did not arrive whole within 1 second".to_string(),
                seconds => {
                    format!("the request body did not arrive whole within {seconds} seconds")
                }
            },
        ),
        |_| StatusCode::REQUEST_TIMEOUT,
    );
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// The body as text, or the response refusing it: over the limit (413,
/// from the declared length before anything is read, else as soon as the
/// bytes received pass it; what follows is [`discard`]ed), not UTF-8 or
/// not received whole (400).
async fn read_body(mut body: Body, door: Door, waits_to_send: bool) -> Result<String, Response> {
    let too_large = |body: Body| {
        tokio::spawn(discard(body));
        document((door.too_large)(), status_of_answer)
    };
    let declared = HttpBody::size_hint(&body).exact();
    if declared.is_some_and(|length| length > door.limit as u64) {
        if waits_to_send {
            // Asked for nothing, it sends nothing: the body is dropped
            // unread (reading it would tell the caller to send it).
            return Err(document((door.too_large)(), status_of_answer));
        }
        return Err(too_large(body));
    }
    // Room for the length declared, up to a bound: a declared length is
    // the caller's word, not bytes received.
    let capacity = declared.map_or(0, |length| length.min(PREALLOCATED_BYTES as u64) as usize);
    let mut bytes = Vec::with_capacity(capacity);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| {
            document(
                error_document("invalid_json", "the request body was not received whole"),
                status_of_answer,
            )
        })?;
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > door.limit {
                return Err(too_large(body));
            }
            bytes.extend_from_slice(&data);
        }
    }
    String::from_utf8(bytes).map_err(|_| {
        document(
            error_document(
                "invalid_json",
                "the request is not valid JSON: it is not UTF-8 text",
            ),
            status_of_answer,
        )
    })
}

/// The most bytes of a refused body read and dropped after its refusal.
const DISCARDED_BYTES: usize = 64 * 1024 * 1024;

/// How long the rest of a refused body is waited for.
const DISCARD_SECONDS: u64 = 10;

/// Reads and drops what a caller still sends of a body refused as too
/// large, up to a bound, while its refusal goes out. Holding nothing, it
/// spares a caller that writes its whole body before reading (Python's
/// `http.client`, for one) a connection closed under it, which it would
/// see as a broken pipe rather than the 413. Past the bound the connection
/// is closed.
async fn discard(mut body: Body) {
    let mut read = 0usize;
    let draining = async {
        while let Some(Ok(frame)) = body.frame().await {
            if let Ok(data) = frame.into_data() {
                read += data.len();
                if read > DISCARDED_BYTES {
                    break;
                }
            }
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(DISCARD_SECONDS), draining).await;
}

/// The status code of an answer to a posted document (CONTRACT section
/// 12): 200, or by the error's code 400, 413 or 422.
fn status_of_answer(code: Option<&str>) -> StatusCode {
    match code {
        None => StatusCode::OK,
        Some("invalid_json") => StatusCode::BAD_REQUEST,
        Some("limit_exceeded") => StatusCode::PAYLOAD_TOO_LARGE,
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// The code of an error document (`{"error": {"code": ...}}`), or `None`
/// for an answer. Answers are never parsed: the library writes an error
/// document with `error` as its only key, and no answer starts so.
pub(crate) fn error_code(document: &str) -> Option<String> {
    if !document.starts_with(r#"{"error":"#) {
        return None;
    }
    let parsed: serde_json::Value = serde_json::from_str(document).ok()?;
    Some(parsed["error"]["code"].as_str()?.to_string())
}

/// A JSON document as a response, its status code chosen from its error
/// code, which is kept for the request's log line.
pub(crate) fn document(body: String, status: fn(Option<&str>) -> StatusCode) -> Response {
    let code = error_code(&body);
    let mut response = (status(code.as_deref()), body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(code) = code {
        response.extensions_mut().insert(ErrorCode(code));
    }
    response
}

async fn policies(State(service): State<Service>) -> Response {
    document(
        service.current().policies_document.clone(),
        status_of_answer,
    )
}

async fn policy(State(service): State<Service>, Path(id): Path<String>) -> Response {
    document(service.current().definition(&id), |code| match code {
        None => StatusCode::OK,
        Some("unknown_policy") => StatusCode::NOT_FOUND,
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
    })
}

async fn healthz(State(service): State<Service>) -> Response {
    document(health(&service.current()), status_of_answer)
}

/// `{"status": "ok", "holidays_version": ..., "policies": n}`.
fn health(loaded: &Loaded) -> String {
    serde_json::json!({
        "status": "ok",
        "holidays_version": loaded.holidays_version,
        "policies": loaded.policies.len(),
    })
    .to_string()
}

/// Any other path: 404 with an error document pointing at the API's
/// description.
pub(crate) async fn not_found() -> Response {
    document(
        error_document("not_found", "no such endpoint (see /openapi.json)"),
        |_| StatusCode::NOT_FOUND,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_read_from_error_documents_only() {
        assert_eq!(
            error_code(&error_document("invalid_json", "x")),
            Some("invalid_json".to_string())
        );
        assert_eq!(error_code(r#"{"policy":"x","status":"open"}"#), None);
        assert_eq!(error_code(r#"{"valid":true,"problems":[]}"#), None);
    }

    #[test]
    fn status_codes_follow_the_contract() {
        assert_eq!(status_of_answer(None), StatusCode::OK);
        assert_eq!(
            status_of_answer(Some("invalid_json")),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            status_of_answer(Some("limit_exceeded")),
            StatusCode::PAYLOAD_TOO_LARGE
        );
        for code in [
            "unknown_policy",
            "unknown_calendar",
            "invalid_field",
            "events_out_of_order",
            "invalid_transition",
            "out_of_calendar_range",
            "invalid_policy",
        ] {
            assert_eq!(
                status_of_answer(Some(code)),
                StatusCode::UNPROCESSABLE_ENTITY
            );
        }
    }
}
