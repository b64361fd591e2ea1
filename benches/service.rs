//! The service's throughput beside the library's, in one run (CONTRACT
//! section 12): the typical eight-event request (`TYPICAL_JSON`, as in
//! `evaluate.rs`) through `evaluate_json` on 2 threads, in process; and
//! through `POST /v1/evaluate` of the service's router, served by axum on a
//! tokio runtime of 2 workers, to 16 concurrent keep-alive connections on
//! loopback from a hyper client on the same runtime. Everything runs on
//! the same cores (the machine's two): the client's work is counted
//! against the service, as a caller's would be on a shared host.
//!
//! `cargo bench --bench service` alternates the two for `ROUNDS` rounds of
//! `ROUND` each, so that drift in the machine's speed affects both sides of
//! each ratio alike, and prints each side's median and the median of the
//! rounds' ratios (target: at least 0.5). Every answer is checked: each
//! response is 200 with exactly the document `evaluate_json` gives.
//! `cargo bench --bench service -- --test` runs one short round of each.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;
use safeguarding_resolution::evaluate_json;
use safeguarding_resolution_benches::TYPICAL_JSON;
use safeguarding_resolution_server::{Service, Sources, router};
use tokio::net::{TcpListener, TcpStream};

/// The threads evaluating in process: the machine's cores.
const THREADS: usize = 2;
/// The service's concurrent connections.
const CONNECTIONS: usize = 16;
/// The rounds of each side, alternated.
const ROUNDS: usize = 7;
/// How long one round runs.
const ROUND: Duration = Duration::from_secs(2);

/// Requests a second through `evaluate_json` on [`THREADS`] threads.
fn in_process(round: Duration, expected: &str) -> f64 {
    let stop = AtomicBool::new(false);
    let count = AtomicU64::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                let mut done = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let answer = evaluate_json(black_box(TYPICAL_JSON));
                    assert_eq!(answer.len(), expected.len());
                    done += 1;
                }
                count.fetch_add(done, Ordering::Relaxed);
            });
        }
        std::thread::sleep(round);
        stop.store(true, Ordering::Relaxed);
    });
    count.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64()
}

/// Requests a second through the service, from [`CONNECTIONS`]
/// keep-alive connections.
async fn through_service(port: u16, round: Duration, expected: Arc<str>) -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let clients: Vec<_> = (0..CONNECTIONS)
        .map(|_| {
            let (stop, expected) = (Arc::clone(&stop), Arc::clone(&expected));
            tokio::spawn(async move {
                let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
                stream.set_nodelay(true).unwrap();
                let (mut sender, connection) =
                    hyper::client::conn::http1::handshake(TokioIo::new(stream))
                        .await
                        .unwrap();
                tokio::spawn(connection);
                let mut done = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let request = Request::post("/v1/evaluate")
                        .header("host", "127.0.0.1")
                        .header("content-type", "application/json")
                        .body(Full::new(Bytes::from_static(TYPICAL_JSON.as_bytes())))
                        .unwrap();
                    let response = sender.send_request(request).await.unwrap();
                    assert_eq!(response.status(), 200);
                    let body = response.into_body().collect().await.unwrap().to_bytes();
                    assert_eq!(body.len(), expected.len());
                    done += 1;
                }
                // The first answer of each connection, whole.
                let request = Request::post("/v1/evaluate")
                    .header("host", "127.0.0.1")
                    .body(Full::new(Bytes::from_static(TYPICAL_JSON.as_bytes())))
                    .unwrap();
                let response = sender.send_request(request).await.unwrap();
                let body = response.into_body().collect().await.unwrap().to_bytes();
                assert_eq!(&body[..], expected.as_bytes());
                done
            })
        })
        .collect();
    tokio::time::sleep(round).await;
    stop.store(true, Ordering::Relaxed);
    let mut count = 0;
    for client in clients {
        count += client.await.unwrap();
    }
    count as f64 / start.elapsed().as_secs_f64()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    // `cargo test --benches` and `cargo bench -- --test` run it once, short.
    let quick = std::env::args().any(|a| a == "--test");
    let (rounds, round) = if quick {
        (1, Duration::from_millis(200))
    } else {
        (ROUNDS, ROUND)
    };
    let expected: Arc<str> = evaluate_json(TYPICAL_JSON).into();
    assert!(expected.contains("\"status\":\"resolved\""), "{expected}");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(THREADS)
        .enable_all()
        .build()
        .unwrap();
    let port = runtime.block_on(async {
        let service = Service::start(Sources::default()).unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move { axum::serve(listener, router(service)).await });
        port
    });

    let mut library = Vec::new();
    let mut service = Vec::new();
    let mut ratios = Vec::new();
    for number in 0..rounds {
        let measure_library = || in_process(round, &expected);
        let measure_service =
            || runtime.block_on(through_service(port, round, Arc::clone(&expected)));
        // In turns, which goes first.
        let (l, s) = if number % 2 == 0 {
            (measure_library(), measure_service())
        } else {
            let s = measure_service();
            (measure_library(), s)
        };
        println!(
            "round {}: evaluate_json {l:.0}/s, service {s:.0}/s, ratio {:.3}",
            number + 1,
            s / l
        );
        library.push(l);
        service.push(s);
        ratios.push(s / l);
    }
    let (library, service, ratio) = (
        median(&mut library),
        median(&mut service),
        median(&mut ratios),
    );
    println!(
        "in process, evaluate_json on {THREADS} threads: {library:.0} requests/s (median of {rounds} rounds)"
    );
    println!(
        "service, POST /v1/evaluate from {CONNECTIONS} keep-alive connections on loopback: \
         {service:.0} requests/s (median)"
    );
    println!(
        "service / in process: {ratio:.3} (median of the rounds' ratios; target: at least 0.5)"
    );
}
