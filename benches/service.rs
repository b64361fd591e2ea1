//! The service's throughput beside the library's, in one run (CONTRACT
//! section 12): the typical eight-event request (`TYPICAL_JSON`, as in
//! `evaluate.rs`) through `evaluate_json` on 2 threads, in process; and
//! through `POST /v1/evaluate` of the service as its binary serves it
//! (`safeguarding_resolution_server::serve`), on a tokio runtime of 2
//! workers, to 16 concurrent keep-alive connections on loopback from a
//! lean client on the same runtime (one request at a time on each
//! connection, as a caller's threads send them). Everything runs on the
//! same cores (the machine's two): the client's work is counted against the
//! service, as a caller's would be on a shared host. The service formats
//! its log line for each request, as the binary does, to a sink rather
//! than stderr.
//!
//! `cargo bench --bench service` alternates the two for `ROUNDS` rounds of
//! `ROUND` each, so that drift in the machine's speed affects both sides of
//! each ratio alike, and prints each side's median and the median of the
//! rounds' ratios (target: at least 0.5); then the same ratio per
//! CPU-second of the process, which other work on a shared machine does
//! not move (a side whose threads wait gets less of a busy machine than
//! one whose threads never wait). Every answer is checked: each response
//! is 200 with exactly the document `evaluate_json` gives.
//! `cargo bench --bench service -- --test` runs one short round of each.

use std::hint::black_box;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use safeguarding_resolution::evaluate_json;
use safeguarding_resolution_benches::TYPICAL_JSON;
use safeguarding_resolution_server::{Service, Sources};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The threads evaluating in process: the machine's cores.
const THREADS: usize = 2;
/// The service's concurrent connections.
const CONNECTIONS: usize = 16;
/// The rounds of each side, alternated.
const ROUNDS: usize = 7;
/// How long one round runs.
const ROUND: Duration = Duration::from_secs(2);

/// Requests through `evaluate_json` on [`THREADS`] threads for a round.
fn in_process(round: Duration, expected: &str) -> u64 {
    let stop = AtomicBool::new(false);
    let count = AtomicU64::new(0);
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
    count.load(Ordering::Relaxed)
}

/// Requests through the service from [`CONNECTIONS`] keep-alive
/// connections for a round.
async fn through_service(port: u16, round: Duration, expected: Arc<str>) -> u64 {
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..CONNECTIONS)
        .map(|_| {
            let (stop, expected) = (Arc::clone(&stop), Arc::clone(&expected));
            tokio::spawn(async move { keep_alive(port, &stop, &expected).await })
        })
        .collect();
    tokio::time::sleep(round).await;
    stop.store(true, Ordering::Relaxed);
    let mut count = 0;
    for client in clients {
        count += client.await.unwrap();
    }
    count
}

/// A side's round: requests a second, and requests a CPU-second of the
/// whole process (every thread, user and system time), which the load
/// of other work on the machine does not change.
#[derive(Debug, Clone, Copy)]
struct Rate {
    per_second: f64,
    per_cpu_second: Option<f64>,
}

fn measure(side: impl FnOnce() -> u64) -> Rate {
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let requests = side() as f64;
    let seconds = start.elapsed().as_secs_f64();
    let cpu = cpu.zip(cpu_seconds()).map(|(before, after)| after - before);
    Rate {
        per_second: requests / seconds,
        per_cpu_second: cpu.filter(|&cpu| cpu > 0.0).map(|cpu| requests / cpu),
    }
}

/// The process's CPU time so far, from `/proc/self/stat` (Linux; `None`
/// elsewhere): its fields 14 and 15, user and system time in clock ticks
/// of 1/100 s (`USER_HZ`).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command's closing parenthesis, field 3 is the first.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<f64>().ok();
    Some((ticks(14)? + ticks(15)?) / 100.0)
}

/// One connection's requests until told to stop, one at a time as a
/// caller's thread sends them; each answer is checked (200 and the length
/// of `evaluate_json`'s document; the first, whole). A lean load generator,
/// as `wrk` is, so that the client costs the shared cores little.
async fn keep_alive(port: u16, stop: &AtomicBool, expected: &str) -> u64 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream.set_nodelay(true).unwrap();
    let request = format!(
        "POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{TYPICAL_JSON}",
        TYPICAL_JSON.len()
    );
    let mut buffer = Vec::with_capacity(64 * 1024);
    let mut done = 0u64;
    while !stop.load(Ordering::Relaxed) {
        stream.write_all(request.as_bytes()).await.unwrap();
        let body = read_response(&mut stream, &mut buffer).await;
        if done == 0 {
            assert_eq!(&buffer[body], expected.as_bytes());
        } else {
            assert_eq!(body.len(), expected.len());
        }
        done += 1;
    }
    done
}

/// Reads one response into `buffer`: checks its status is 200 and gives
/// where its body is (by its `Content-Length`, which the service sends).
async fn read_response(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Range<usize> {
    buffer.clear();
    let head_end = loop {
        buffer.reserve(16 * 1024);
        assert!(stream.read_buf(buffer).await.unwrap() > 0, "closed early");
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = std::str::from_utf8(&buffer[..head_end]).unwrap();
    assert!(head.starts_with("HTTP/1.1 200 "), "{head}");
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().unwrap())
        })
        .expect("a Content-Length");
    while buffer.len() < head_end + length {
        buffer.reserve(16 * 1024);
        assert!(stream.read_buf(buffer).await.unwrap() > 0, "closed early");
    }
    head_end..head_end + length
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

    // The service's log line for each request is formatted as the binary's
    // is; only its write to stderr is left out.
    safeguarding_resolution_server::init_log(std::io::sink);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(THREADS)
        .enable_all()
        .build()
        .unwrap();
    let port = runtime.block_on(async {
        let service = Service::start(Sources::default()).unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(safeguarding_resolution_server::serve(
            listener,
            service,
            std::future::pending(),
        ));
        port
    });

    let mut library = Vec::new();
    let mut service = Vec::new();
    let mut ratios = Vec::new();
    let mut cpu_ratios = Vec::new();
    for number in 0..rounds {
        let measure_library = || measure(|| in_process(round, &expected));
        let measure_service =
            || measure(|| runtime.block_on(through_service(port, round, Arc::clone(&expected))));
        // In turns, which goes first.
        let (l, s) = if number % 2 == 0 {
            (measure_library(), measure_service())
        } else {
            let s = measure_service();
            (measure_library(), s)
        };
        let cpu_ratio = s.per_cpu_second.zip(l.per_cpu_second).map(|(s, l)| s / l);
        println!(
            "round {}: evaluate_json {:.0}/s, service {:.0}/s, ratio {:.3}; per CPU-second {}",
            number + 1,
            l.per_second,
            s.per_second,
            s.per_second / l.per_second,
            cpu_ratio.map_or("unknown".to_string(), |r| format!("{r:.3}")),
        );
        library.push(l.per_second);
        service.push(s.per_second);
        ratios.push(s.per_second / l.per_second);
        cpu_ratios.extend(cpu_ratio);
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
    if !cpu_ratios.is_empty() {
        println!(
            "service / in process per CPU-second of the process (the load generator's included): {:.3} (median)",
            median(&mut cpu_ratios)
        );
    }
}
