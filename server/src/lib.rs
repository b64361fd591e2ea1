//! `safeguarding-resolution-server`: the library's JSON face over HTTP
//! (CONTRACT section 12), for case-management systems in any language.
//!
//! A small stateless service in the manner of Open Policy Agent's server
//! mode: one [`Engine`](safeguarding_resolution::Engine) holding the
//! built-in policies, any loaded from `--policies`, and the bank holidays
//! of `--holidays`, swapped whole on reload ([`Service`]). Every request is
//! answered by the library's own functions with the library's own
//! documents; this crate adds transport only. `docs/service.md` describes
//! running it.
//!
//! The router is composed of parts ([`router`] merges [`api::routes`],
//! [`openapi::routes`] and any others), each a `Router<Service>`, so that
//! a module adds its routes beside the API's and reads the same state
//! ([`Service::current`]). [`workbench`] serves the policy authors' page
//! at `/` (CONTRACT section 14).
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(missing_debug_implementations)]

pub mod api;
pub mod args;
mod log;
pub mod openapi;
pub mod state;
pub mod workbench;

use std::future::Future;

use axum::Router;
use axum::serve::ListenerExt;
use tokio::net::TcpListener;

pub use state::{Loaded, Problem, Service, Sources};

/// The whole service: every part's routes, the 404 document for any other
/// path, and one log line per request.
pub fn router(service: Service) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(openapi::routes())
        .merge(workbench::routes())
        .fallback(api::not_found)
        .layer(axum::middleware::from_fn(log::requests))
        .with_state(service)
}

/// Installs the service's log, as the binary does with `std::io::stderr`:
/// one line an event, without colour, at level INFO and above.
pub fn init_log<W>(writer: W)
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    // Only the first call installs: a process has one global subscriber.
    let _ = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        .try_init();
}

/// Serves [`router`] on a listener until `stop` completes, then finishes
/// the requests in flight and returns.
///
/// # Errors
///
/// An I/O error of the listener.
pub async fn serve(
    listener: TcpListener,
    service: Service,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Answers go out as soon as they are written, not held for an
    // acknowledgement (Nagle's algorithm): callers wait on each one.
    let listener = listener.tap_io(|connection| {
        let _ = connection.set_nodelay(true);
    });
    axum::serve(listener, router(service))
        .with_graceful_shutdown(stop)
        .await
}
