//! The cost of the C boundary: `sgr_evaluate` (then `sgr_string_free`)
//! against `evaluate_json` on the same typical eight-event case, in the same
//! run. The boundary reads the C string (a length scan and a UTF-8 check),
//! copies the answer into a C string, and tells an answer from an error
//! document; the target is under 10% on top of `evaluate_json`.
//!
//! `cargo bench --bench ffi` prints criterion's two medians and their
//! ratio, then the ratio measured with the two calls in alternation, which
//! is the figure to trust on a noisy machine; then, measured the same way,
//! `sgr_engine_evaluate` on a new engine against `sgr_evaluate` (target:
//! under 1.10).

use std::ffi::{CStr, CString, c_char};
use std::hint::black_box;
use std::ptr;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use safeguarding_resolution::evaluate_json;
use safeguarding_resolution_benches::TYPICAL_JSON;
use safeguarding_resolution_benches::ffi::{
    sgr_engine, sgr_engine_evaluate, sgr_engine_free, sgr_engine_new, sgr_evaluate, sgr_result,
    sgr_string_free,
};

const GROUP: &str = "ffi_evaluate_one_case";
const RUST: &str = "evaluate_json";
const C: &str = "sgr_evaluate_and_free";

/// One call through the C interface, as a C caller makes it: evaluate, read
/// the answer's length, free it.
fn through_c(request: &CStr) -> usize {
    let mut response: *mut c_char = ptr::null_mut();
    // SAFETY: `request` is a NUL-terminated string alive for the call, and
    // `response` is a valid place for the answer's pointer.
    let code = unsafe { sgr_evaluate(request.as_ptr(), &mut response) };
    assert_eq!(code, sgr_result::SGR_OK);
    // SAFETY: on SGR_OK `response` is a NUL-terminated string this library
    // allocated; it is read, then freed once.
    let len = unsafe { CStr::from_ptr(response) }.to_bytes().len();
    // SAFETY: as above; not used after this.
    unsafe { sgr_string_free(response) };
    len
}

/// The answer through C, as a Rust string.
fn answer_through_c(request: &CStr) -> String {
    let mut response: *mut c_char = ptr::null_mut();
    // SAFETY: as in `through_c`.
    let code = unsafe { sgr_evaluate(request.as_ptr(), &mut response) };
    assert_eq!(code, sgr_result::SGR_OK);
    // SAFETY: as in `through_c`.
    let text = unsafe { CStr::from_ptr(response) }
        .to_str()
        .unwrap()
        .to_string();
    // SAFETY: as in `through_c`.
    unsafe { sgr_string_free(response) };
    text
}

fn boundary(c: &mut Criterion) {
    let request = CString::new(TYPICAL_JSON).unwrap();
    // The two faces give the same document, and it is an answer.
    let rust = evaluate_json(TYPICAL_JSON);
    assert!(rust.contains("\"status\":\"resolved\""), "{rust}");
    assert_eq!(answer_through_c(&request), rust);
    assert_eq!(through_c(&request), rust.len());

    let mut group = c.benchmark_group(GROUP);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function(RUST, |b| b.iter(|| evaluate_json(black_box(TYPICAL_JSON))));
    group.bench_function(C, |b| b.iter(|| through_c(black_box(&request))));
    group.finish();
}

criterion_group!(benches, boundary);

/// Criterion's median for one function of the group, in nanoseconds, from
/// the estimates it has just written (none in `--test` mode).
fn median_ns(function: &str) -> Option<f64> {
    // The bench runs as target/<profile>/deps/ffi-<hash>; criterion writes
    // to target/criterion unless told otherwise.
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::env::current_exe()
            .ok()?
            .parent()?
            .parent()?
            .parent()?
            .to_path_buf(),
    };
    let path = target
        .join("criterion")
        .join(GROUP)
        .join(function)
        .join("new")
        .join("estimates.json");
    let estimates: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}

/// The boundary's cost as a ratio, measured in alternation: in each round,
/// `CALLS` calls through C and `CALLS` calls of `evaluate_json` back to back
/// (in turns, which goes first), so that drift in the machine's speed (it
/// is a shared 2-core machine) affects both sides of each ratio alike. The
/// quartiles of the rounds' ratios.
fn interleaved_ratio(request: &CStr) -> [f64; 3] {
    let rust = || {
        black_box(evaluate_json(black_box(TYPICAL_JSON)));
    };
    let c = || {
        black_box(through_c(black_box(request)));
    };
    interleaved(&c, &rust)
}

/// `measured` / `baseline`, timed in alternation as above: the quartiles.
fn interleaved(measured: &dyn Fn(), baseline: &dyn Fn()) -> [f64; 3] {
    const ROUNDS: usize = 401;
    const CALLS: u32 = 100;
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..CALLS {
            f();
        }
        start.elapsed().as_secs_f64()
    };
    let (c, rust) = (measured, baseline);
    let mut ratios: Vec<f64> = (0..ROUNDS)
        .map(|round| {
            let (rust, c) = if round % 2 == 0 {
                (time(&rust), time(&c))
            } else {
                let c = time(&c);
                (time(&rust), c)
            };
            c / rust
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    [
        ratios[ROUNDS / 4],
        ratios[ROUNDS / 2],
        ratios[3 * ROUNDS / 4],
    ]
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    if let (Some(rust), Some(c)) = (median_ns(RUST), median_ns(C)) {
        println!(
            "criterion medians: {C} {:.2} us, {RUST} {:.2} us, ratio {:.3}",
            c / 1000.0,
            rust / 1000.0,
            c / rust
        );
    }
    let request = CString::new(TYPICAL_JSON).unwrap();
    let [low, median, high] = interleaved_ratio(&request);
    println!(
        "boundary overhead, interleaved: {C} / {RUST} = {median:.3} \
         (quartiles {low:.3} to {high:.3}; target: under 1.10)"
    );

    // An engine handle against the plain function, on the same case.
    let mut engine = ptr::null_mut();
    // SAFETY: `engine` is a valid place for the handle.
    assert_eq!(unsafe { sgr_engine_new(&mut engine) }, sgr_result::SGR_OK);
    let engine = engine.cast_const();
    assert_eq!(
        answer_through_engine(engine, &request),
        evaluate_json(TYPICAL_JSON)
    );
    let plain = || {
        black_box(through_c(black_box(&request)));
    };
    let handle = || {
        black_box(through_engine(engine, black_box(&request)));
    };
    let [low, median, high] = interleaved(&handle, &plain);
    println!(
        "engine handle, interleaved: sgr_engine_evaluate / sgr_evaluate = {median:.3} \
         (quartiles {low:.3} to {high:.3}; target: under 1.10)"
    );
    // SAFETY: made above, freed once, not used after.
    unsafe { sgr_engine_free(engine.cast_mut()) };
}

/// One call through an engine handle: evaluate, read the length, free.
fn through_engine(engine: *const sgr_engine, request: &CStr) -> usize {
    let mut response: *mut c_char = ptr::null_mut();
    // SAFETY: `engine` is a live engine; `request` is NUL-terminated and
    // alive for the call; `response` is a valid place for the pointer.
    let code = unsafe { sgr_engine_evaluate(engine, request.as_ptr(), &mut response) };
    assert_eq!(code, sgr_result::SGR_OK);
    // SAFETY: on SGR_OK `response` is a string this library allocated.
    let len = unsafe { CStr::from_ptr(response) }.to_bytes().len();
    // SAFETY: as above; freed once.
    unsafe { sgr_string_free(response) };
    len
}

/// The answer through an engine handle, as a Rust string.
fn answer_through_engine(engine: *const sgr_engine, request: &CStr) -> String {
    let mut response: *mut c_char = ptr::null_mut();
    // SAFETY: as in `through_engine`.
    let code = unsafe { sgr_engine_evaluate(engine, request.as_ptr(), &mut response) };
    assert_eq!(code, sgr_result::SGR_OK);
    // SAFETY: as in `through_engine`.
    let text = unsafe { CStr::from_ptr(response) }
        .to_str()
        .unwrap()
        .to_string();
    // SAFETY: as in `through_engine`.
    unsafe { sgr_string_free(response) };
    text
}
