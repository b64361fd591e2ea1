//! A checker for policy authors who do not write Rust.
//!
//! ```text
//! cargo run --example check_policy -- my-policy.json [scenarios/]
//! ```
//!
//! Validates the definition (every problem at once, with its path), prints
//! its Mermaid diagram, runs the laws every policy keeps on a few thousand
//! generated event logs (on each UK calendar), and evaluates each request
//! in the scenarios folder (`*.json`, naming the policy by its id),
//! printing its timeline in plain English: when each stage's clock was met
//! and by what record, duties done (with the day), lapsed (with the day)
//! or owed, milestones met or lapsed.
//!
//! **A scenario is an author's test.** A scenario file may carry, at its
//! top, the values its answer should hold: `"expect": [...]`, each a JSON
//! pointer into the answer and the value expected there, read from the
//! whole answer or from an obligation, milestone or past stage named by its
//! id, name or number:
//!
//! ```json
//! "expect": [
//!   {"pointer": "/stage/due/date", "equals": "2027-01-06"},
//!   {"obligation": "inform_safeguarding_lead", "pointer": "/due/date", "equals": "2027-02-02"},
//!   {"obligation": "agency_log", "stage": 2, "pointer": "/done_on", "equals": null},
//!   {"milestone": "Day 10", "pointer": "/lapsed_on", "equals": "2027-02-02"},
//!   {"history": 1, "pointer": "/within_time", "equals": true}
//! ]
//! ```
//!
//! (`docs/policy-format.md`, "Testing a definition: scenarios with expected
//! values", has the keys.) Each scenario is reported `passed`, `FAILED`
//! with every expectation not met (`expect[1] (milestone Day 10, /lapsed_on): expected
//! "2027-02-03", found "2027-02-02"`), or `not checked` when it has no
//! expectations.
//!
//! Exits with 0 when the definition loads, keeps every law and every
//! scenario passes; 1 when the definition is refused, a law is broken, or a
//! scenario fails or cannot be read; 2 on a usage error (no definition, a
//! file or folder that cannot be read).
//!
//! Try it on the illustrative fourth policy:
//!
//! ```text
//! cargo run --example check_policy -- examples/policies/example-borough-2026.json fixtures/example-borough-2026
//! ```
//!
//! The work is done by `safeguarding_resolution::testing::check_policy`
//! (feature `testing`), which reads no file; this program reads them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use safeguarding_resolution::testing;

/// Generated logs per calendar.
const LOGS: u32 = 1_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(definition) = args.first() else {
        eprintln!("usage: check_policy <definition.json> [scenarios folder]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(definition) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {definition}: {error}");
            return ExitCode::from(2);
        }
    };
    let mut scenarios = Vec::new();
    if let Some(folder) = args.get(1) {
        let files = match scenario_files(Path::new(folder)) {
            Ok(files) => files,
            Err(error) => {
                eprintln!("cannot read the scenarios folder {folder}: {error}");
                return ExitCode::from(2);
            }
        };
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match std::fs::read_to_string(&path) {
                Ok(text) => scenarios.push((name, text)),
                Err(error) => {
                    eprintln!("cannot read {}: {error}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
    }
    let scenarios: Vec<(&str, &str)> = scenarios
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let check = testing::check_policy(&text, &scenarios, LOGS);
    print!("{}", check.report);
    ExitCode::from(check.exit_code())
}

/// The `*.json` files of a folder, sorted by name.
fn scenario_files(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
