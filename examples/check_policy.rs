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
//! printing its timeline in plain English. Exits with 1 when the
//! definition is refused or a law is broken, 2 on a usage error.
//!
//! Try it on the illustrative fourth policy:
//!
//! ```text
//! cargo run --example check_policy -- examples/policies/example-borough-2026.json fixtures/example-borough-2026
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use safeguarding_resolution::Engine;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::policy::{Policy, diagram};
use safeguarding_resolution::testing;
use serde_json::Value;

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
    let policy = match Policy::from_definition_json(&text) {
        Ok(policy) => policy,
        Err(error) => {
            println!("The definition is refused ({}):", error.code());
            for problem in error.problems() {
                println!("  {}: {}", problem.path, problem.message);
            }
            if error.more() > 0 {
                println!("  ... and {} more", error.more());
            }
            return ExitCode::from(1);
        }
    };
    println!("{} ({})", policy.name, policy.id);
    for stage in &policy.stages {
        println!(
            "  Stage {}: {} - {}",
            stage.number, stage.name, stage.clock_rule
        );
    }

    println!("\nDiagram (Mermaid):\n");
    println!("```mermaid\n{}```", diagram::mermaid(&policy));

    println!("\nLaws, on {LOGS} generated logs per calendar:");
    for division in [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ] {
        match testing::check_laws(&policy, Calendar::uk(division), LOGS) {
            Ok(report) => println!(
                "  {division}: kept ({} valid logs, {} arbitrary ones)",
                report.valid_logs, report.arbitrary_logs
            ),
            Err(broken) => {
                println!("  {division}: {broken}");
                return ExitCode::from(1);
            }
        }
    }

    if let Some(folder) = args.get(1) {
        let engine = Engine::new();
        if let Err(error) = engine.add_policy(policy) {
            println!("\nThe policy cannot be added to an engine: {error}");
            return ExitCode::from(1);
        }
        println!("\nScenarios in {folder}:");
        for path in scenarios(Path::new(folder)) {
            let request = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(error) => {
                    println!("\n{}: cannot read it: {error}", path.display());
                    continue;
                }
            };
            let response: Value = match serde_json::from_str(&engine.evaluate_json(&request)) {
                Ok(value) => value,
                Err(error) => {
                    println!("\n{}: the answer is not JSON: {error}", path.display());
                    continue;
                }
            };
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            println!("\n{name}");
            print!("{}", timeline(&response));
        }
    }
    ExitCode::SUCCESS
}

/// The `*.json` files of a folder, sorted by name.
fn scenarios(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn s(value: &Value) -> &str {
    value.as_str().unwrap_or("?")
}

/// A deadline in words: "by the end of 2027-01-08", "at 2027-01-06T09:30".
fn due(due: &Value) -> String {
    match s(&due["kind"]) {
        "by_end_of" => format!("by the end of {}", s(&due["date"])),
        "at" => format!("at {}", s(&due["datetime"])),
        "immediately" => "immediately".to_string(),
        "without_delay" => "without delay".to_string(),
        _ => "no time stated".to_string(),
    }
}

/// A response as a timeline in plain English.
fn timeline(r: &Value) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str("  ");
        out.push_str(&text);
        out.push('\n');
    };
    if let Some(error) = r.get("error") {
        line(format!(
            "Refused ({}): {}",
            s(&error["code"]),
            s(&error["message"])
        ));
        return out;
    }
    for h in r["history"].as_array().into_iter().flatten() {
        let kept = match h["within_time"].as_bool() {
            Some(true) => ", in time",
            Some(false) => ", late",
            None => "",
        };
        line(format!(
            "Stage {} ({}) from {} to {}, due {}; ended by {}{kept}",
            h["stage"],
            s(&h["name"]),
            s(&h["started_on"]),
            s(&h["ended_on"]),
            due(&h["due"]),
            s(&h["ended_by"]),
        ));
    }
    match r["stage"].as_object() {
        Some(stage) => {
            let late = if r["overdue"] == true {
                format!(": OVERDUE by {} working days", r["working_days_overdue"])
            } else {
                String::new()
            };
            line(format!(
                "Now at stage {} ({}) since {}, due {}{late}",
                stage["number"],
                s(&stage["name"]),
                s(&stage["started_on"]),
                due(&stage["due"]),
            ));
            line(format!("    ({})", s(&stage["due"]["rule"])));
        }
        None => line(format!("The case is {}", s(&r["status"]))),
    }
    for m in r["milestones"].as_array().into_iter().flatten() {
        let state = if let Some(met) = m["met_on"].as_str() {
            let kept = if m["met_in_time"] == true {
                "in time"
            } else {
                "late"
            };
            format!("met on {met}, {kept}")
        } else if let Some(lapsed) = m["lapsed_on"].as_str() {
            format!("lapsed on {lapsed} (the case ended first)")
        } else if m["overdue"] == true {
            "not met, OVERDUE".to_string()
        } else {
            "not yet met".to_string()
        };
        line(format!(
            "Milestone {}: due {}; {state}",
            s(&m["name"]),
            due(&m["due"])
        ));
    }
    for o in r["obligations"].as_array().into_iter().flatten() {
        let state = if o["done"] == true {
            "done".to_string()
        } else if o["overdue"] == true {
            "OVERDUE".to_string()
        } else {
            "owed".to_string()
        };
        line(format!(
            "Duty: {}, due {}; {state}",
            s(&o["what"]),
            due(&o["due"])
        ));
    }
    let next: Vec<&str> = r["next"].as_array().into_iter().flatten().map(s).collect();
    if !next.is_empty() {
        line(format!("Allowed next: {}", next.join(", ")));
    }
    out
}
