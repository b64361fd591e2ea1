//! One log line per request, on stderr through `tracing`: the method, the
//! route's template (`/v1/policies/{id}`, never the path as sent), the
//! status, the milliseconds taken and the error code of an error document.
//! Never a body, a header's value or a query's value: any of them may hold
//! a child's name.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;

/// The error code of a response's document, kept for its log line.
#[derive(Debug, Clone)]
pub(crate) struct ErrorCode(pub(crate) String);

/// The middleware that writes the line (`axum::middleware::from_fn`).
pub(crate) async fn requests(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    // A path that matched no route is not written: it is the caller's text.
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)".to_string(), |p| p.as_str().to_string());
    let response = next.run(request).await;
    let error = response
        .extensions()
        .get::<ErrorCode>()
        .map(|c| tracing::field::display(c.0.as_str()));
    tracing::info!(
        method = %method,
        path = %route,
        status = response.status().as_u16(),
        ms = format_args!("{:.3}", started.elapsed().as_secs_f64() * 1000.0),
        error,
        "request"
    );
    response
}
