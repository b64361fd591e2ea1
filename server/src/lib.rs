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
mod stall;
pub mod state;
pub mod workbench;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use state::{Loaded, Problem, Service, Sources};

/// How the service bounds its connections and the callers on them: what a
/// gateway in front of it would otherwise have to, so that a slow or idle
/// caller cannot hold the service's memory or connections for ever.
///
/// The defaults ([`Limits::default`]) are sixty seconds for a request's
/// head (as nginx's `client_header_timeout`), for its body and for each
/// wait to send its answer, and 1,024 connections. The header timeout is
/// also how long an idle keep-alive connection is kept: a caller's
/// connection pool that keeps idle connections longer may send a request
/// on one just as the service closes it, so it is better set longer than
/// the callers' pools keep theirs.
///
/// The command line takes whole seconds from 1 to 3,600; from Rust, a
/// timeout of zero closes each connection as soon as it waits, and a
/// `max_connections` of zero is taken as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest wait for a request's line and headers, from the moment
    /// the service starts reading them (a new connection, or a kept-alive
    /// one after its last answer): past it the connection is closed. An
    /// idle keep-alive connection is therefore closed after this long too.
    pub header_timeout: Duration,
    /// The longest a request's body may take to arrive whole, once its
    /// head has: past it the request is answered 408 with a
    /// `request_timeout` error document, and the connection closed.
    pub body_timeout: Duration,
    /// The longest a write of an answer may wait on a caller that does
    /// not read it: past it the connection is closed, and the answer's
    /// memory freed.
    pub send_timeout: Duration,
    /// The most connections served at once. Further callers wait in the
    /// listener's queue until one closes, rather than being refused.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(60),
            body_timeout: Duration::from_secs(60),
            send_timeout: Duration::from_secs(60),
            max_connections: 1024,
        }
    }
}

/// The body timeout of [`Limits`], for the handlers that read bodies (a
/// request extension the router adds to every request).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyTimeout(pub(crate) Duration);

/// The whole service with the default [`Limits`]: every part's routes,
/// the 404 document for any other path, and one log line per request.
pub fn router(service: Service) -> Router {
    router_with(service, Limits::default())
}

/// [`router`] with the body timeout of these limits (the others are the
/// connections', kept by [`serve_with`]).
pub fn router_with(service: Service, limits: Limits) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(openapi::routes())
        .merge(workbench::routes())
        .fallback(api::not_found)
        .layer(axum::middleware::from_fn(log::requests))
        .layer(axum::Extension(BodyTimeout(limits.body_timeout)))
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

/// Serves [`router`] on a listener with the default [`Limits`] until
/// `stop` completes, then finishes the requests in flight and returns.
///
/// # Errors
///
/// None at present: a failed accept (a connection reset before it was
/// taken, no file descriptor left) is logged and the next one tried. The
/// `Result` is kept for the errors a listener may one day report.
pub async fn serve(
    listener: TcpListener,
    service: Service,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, service, Limits::default(), stop).await
}

/// [`serve`] within these limits: HTTP/1.1 with keep-alive, a header
/// timeout and a body timeout for each request, a send timeout for each
/// wait to write its answer, and at most `max_connections` connections at
/// once.
///
/// When `stop` completes, the listener is closed, idle connections are
/// closed, and the requests in flight are answered before it returns.
///
/// # Errors
///
/// As [`serve`].
pub async fn serve_with(
    listener: TcpListener,
    service: Service,
    limits: Limits,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = router_with(service, limits);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let connections = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut stop = pin!(stop);
    loop {
        // A place for the next connection first: at the cap, callers wait
        // in the listener's queue, unaccepted.
        let place = tokio::select! {
            place = Arc::clone(&connections).acquire_owned() => match place {
                Ok(place) => place,
                // Never closed while this loop holds it.
                Err(_) => break,
            },
            () = &mut stop => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    accept_failed(&error).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Answers go out as soon as they are written, not held for an
        // acknowledgement (Nagle's algorithm): callers wait on each one.
        let _ = stream.set_nodelay(true);
        let connection = http.serve_connection(
            TokioIo::new(stall::Stall::new(stream, limits.send_timeout)),
            TowerToHyperService::new(router.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A connection's own failure (a caller gone, a head too slow)
            // ends that connection alone; its requests were logged.
            let _ = connection.await;
            drop(place);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// After a failed accept: a failure of that one connection (reset or
/// aborted before it was taken) is passed over; any other (no file
/// descriptor left, no memory) is logged and waited out for a second, so
/// that the loop does not spin while it lasts.
async fn accept_failed(error: &std::io::Error) {
    use std::io::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset | ErrorKind::ConnectionRefused
    ) {
        return;
    }
    tracing::error!(error = %error, "accepting a connection failed; trying again in a second");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
