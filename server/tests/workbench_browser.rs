//! The policy workbench in a real browser (CONTRACT section 14): the
//! binary on a free loopback port, and `server/tests/browser/`'s node
//! tests (`node --test`, playwright-core driving Debian's headless
//! Chromium) against it, through the accessible names of its controls.
//!
//! Needs Node 20 or later with npm, and `/usr/bin/chromium` (or the path
//! in `CHROMIUM`). What is missing is installed when it can be: the npm
//! package (`npm ci`, pinned by `package-lock.json`) always; Chromium
//! (`apt-get install chromium`) only when running as root with `CI` set.
//! Otherwise the test says why it did not run and passes, and fails when
//! `CI` is set: CI runs it on every change.
//!
//! `cargo test -p safeguarding-resolution-server --test workbench_browser
//! -- --ignored screenshots` writes `docs/workbench/*.png` (the views
//! `docs/workbench.md` shows).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Server, repository};

/// The longest the node tests may take, once installed.
const BROWSER_PATIENCE: Duration = Duration::from_secs(150);

fn browser_dir() -> PathBuf {
    repository().join("server/tests/browser")
}

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Runs a command to its end, its output kept.
fn run(program: &str, args: &[&str], dir: &Path) -> Option<Output> {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .ok()
}

fn succeeded(output: &Option<Output>) -> bool {
    output.as_ref().is_some_and(|o| o.status.success())
}

/// Node's major version, if node runs.
fn node_major() -> Option<u32> {
    let output = run("node", &["--version"], Path::new("."))?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn is_root() -> bool {
    run("id", &["-u"], Path::new("."))
        .is_some_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Everything the browser tests need, installed where it can be; or the
/// reason they cannot run.
fn prepare() -> Result<(), String> {
    match node_major() {
        Some(major) if major >= 20 => {}
        Some(major) => {
            return Err(format!(
                "Node {major} is too old: the tests need Node 20 or later"
            ));
        }
        None => {
            return Err("node is not installed (the tests need Node 20 or later and npm)".into());
        }
    }
    let dir = browser_dir();
    if !dir
        .join("node_modules/playwright-core/package.json")
        .exists()
    {
        let installed = run("npm", &["ci", "--no-audit", "--no-fund"], &dir);
        if !succeeded(&installed) {
            let said = installed.map_or(String::new(), |o| {
                String::from_utf8_lossy(&o.stderr).into_owned()
            });
            return Err(format!("npm ci in server/tests/browser failed: {said}"));
        }
    }
    if !chromium().exists() {
        if !(in_ci() && is_root()) {
            return Err(format!(
                "{} is missing (install Debian's chromium: apt-get install chromium)",
                chromium().display()
            ));
        }
        let updated = run("apt-get", &["update", "-qq"], Path::new("."));
        let installed = Command::new("apt-get")
            .args(["install", "-y", "-qq", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdin(Stdio::null())
            .output()
            .ok();
        if !succeeded(&updated) || !succeeded(&installed) || !chromium().exists() {
            return Err("apt-get install chromium failed".into());
        }
    }
    Ok(())
}

/// Runs a node script of `server/tests/browser` against a fresh server,
/// within [`BROWSER_PATIENCE`], and returns whether it passed and what it
/// printed.
fn node_against_server(args: &[&str], env: &[(&str, &Path)]) -> (bool, String) {
    let server = Server::start::<&str>(&[]);
    let url = format!("http://127.0.0.1:{}", server.port);
    let mut command = Command::new("node");
    command
        .args(args)
        .current_dir(browser_dir())
        .env("WORKBENCH_URL", &url)
        .env("CHROMIUM", chromium())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("node runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("node can be waited for") {
            break Some(status);
        }
        if started.elapsed() > BROWSER_PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = child.wait_with_output().expect("node's output");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    match status {
        Some(status) => (status.success(), printed),
        None => (
            false,
            format!("{printed}\n(stopped after {BROWSER_PATIENCE:?})"),
        ),
    }
}

/// Prepares, or says why not: `None` when the test is to be skipped.
fn ready() -> Option<()> {
    match prepare() {
        Ok(()) => Some(()),
        Err(reason) if in_ci() => panic!("the browser tests cannot run in CI: {reason}"),
        Err(reason) => {
            eprintln!("skipped: the workbench's browser tests did not run: {reason}");
            None
        }
    }
}

#[test]
fn the_workbench_works_in_a_real_browser() {
    if ready().is_none() {
        return;
    }
    let started = Instant::now();
    let (passed, printed) = node_against_server(&["--test", "workbench.test.mjs"], &[]);
    assert!(passed, "the browser tests failed:\n{printed}");
    eprintln!(
        "the browser tests passed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Writes `docs/workbench/*.png`, a screenshot of each view; run by hand
/// (`-- --ignored screenshots`) when the page changes.
#[test]
#[ignore = "writes docs/workbench/*.png; run by hand when the page changes"]
fn screenshots() {
    if ready().is_none() {
        return;
    }
    let out = repository().join("docs/workbench");
    std::fs::create_dir_all(&out).expect("docs/workbench can be made");
    let (passed, printed) =
        node_against_server(&["screenshots.mjs"], &[("WORKBENCH_SCREENSHOTS", &out)]);
    assert!(passed, "the screenshots failed:\n{printed}");
    eprintln!("{printed}");
}
