//! The policy authors' checker: a definition, its laws and its scenarios in
//! one report, as `examples/check_policy.rs` prints it.
//!
//! The checker reads no file: the caller gives the definition's text and
//! each scenario's name and text, and prints the report.

use std::fmt::Write as _;

use super::scenario::{Scenario, timeline};
use crate::Engine;
use crate::calendar::{Calendar, Division};
use crate::policy::{Policy, diagram};

/// What [`check_policy`] found, and its report in plain English.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PolicyCheck {
    /// The report: the definition's stages (or its problems), its diagram,
    /// the laws, each scenario's timeline and whether it passed.
    pub report: String,
    /// True when the definition was refused (nothing else was run).
    pub refused: bool,
    /// True when a law was broken (or the policy could not be added to an
    /// engine).
    pub law_broken: bool,
    /// Scenarios whose every expectation was met.
    pub passed: usize,
    /// Scenarios with an expectation not met, or that cannot be read.
    pub failed: usize,
    /// Scenarios without expectations: their timelines are printed only.
    pub unchecked: usize,
}

impl PolicyCheck {
    /// True when the definition loads, keeps every law, and every scenario
    /// passed.
    pub fn ok(&self) -> bool {
        !self.refused && !self.law_broken && self.failed == 0
    }

    /// The process's exit status: 0 when [`ok`](Self::ok), else 1.
    pub fn exit_code(&self) -> u8 {
        if self.ok() { 0 } else { 1 }
    }
}

/// Checks a definition: loads it (every problem at once), draws it, runs
/// the laws on `logs` generated logs per UK calendar, then evaluates each
/// scenario `(name, text)` on an engine holding the policy, printing its
/// timeline and checking its expectations ([`Scenario`]).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::testing::check_policy;
///
/// let definition = r#"{"id": "two-steps", "name": "Two steps", "stages": [
///     {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
///     {"number": 2, "name": "Managers", "clock": {"kind": "not_stated"}}]}"#;
/// // Raised on Thursday 24 December 2026: two working days skip Christmas
/// // and the Boxing Day substitute, to Wednesday 30 December.
/// let right = r#"{"policy": "two-steps", "as_of": "2026-12-24",
///     "events": [{"type": "raised", "on": "2026-12-24"}],
///     "expect": [{"pointer": "/stage/due/date", "equals": "2026-12-30"}]}"#;
/// let wrong = right.replace("2026-12-30", "2026-12-29");
/// let check = check_policy(definition, &[("right.json", right), ("wrong.json", &wrong)], 16);
/// assert_eq!((check.passed, check.failed), (1, 1));
/// assert_eq!(check.exit_code(), 1);
/// assert!(check.report.contains(
///     r#"expect[0] (/stage/due/date): expected "2026-12-29", found "2026-12-30""#
/// ));
/// ```
pub fn check_policy(definition: &str, scenarios: &[(&str, &str)], logs: u32) -> PolicyCheck {
    let mut check = PolicyCheck {
        report: String::new(),
        refused: false,
        law_broken: false,
        passed: 0,
        failed: 0,
        unchecked: 0,
    };
    let out = &mut check.report;
    let policy = match Policy::from_definition_json(definition) {
        Ok(policy) => policy,
        Err(error) => {
            let _ = writeln!(out, "The definition is refused ({}):", error.code());
            for problem in error.problems() {
                let _ = writeln!(out, "  {}: {}", problem.path, problem.message);
            }
            if error.more() > 0 {
                let _ = writeln!(out, "  ... and {} more", error.more());
            }
            check.refused = true;
            return check;
        }
    };
    let _ = writeln!(out, "{} ({})", policy.name, policy.id);
    for stage in &policy.stages {
        let _ = writeln!(
            out,
            "  Stage {}: {} - {}",
            stage.number, stage.name, stage.clock_rule
        );
    }
    let _ = writeln!(
        out,
        "\nDiagram (Mermaid):\n\n```mermaid\n{}```",
        diagram::mermaid(&policy)
    );

    let _ = writeln!(out, "\nLaws, on {logs} generated logs per calendar:");
    for division in [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ] {
        match super::check_laws(&policy, Calendar::uk(division), logs) {
            Ok(report) => {
                let _ = writeln!(
                    out,
                    "  {division}: kept ({} valid logs, {} arbitrary ones)",
                    report.valid_logs, report.arbitrary_logs
                );
            }
            Err(broken) => {
                let _ = writeln!(out, "  {division}: {broken}");
                check.law_broken = true;
            }
        }
    }

    if !scenarios.is_empty() {
        let engine = Engine::new();
        if let Err(error) = engine.add_policy(policy) {
            let _ = writeln!(out, "\nThe policy cannot be added to an engine: {error}");
            check.law_broken = true;
            check.failed = scenarios.len();
            return check;
        }
        let _ = writeln!(out, "\nScenarios:");
        for (name, text) in scenarios {
            let _ = writeln!(out, "\n{name}");
            let scenario = match Scenario::from_json(text) {
                Ok(scenario) => scenario,
                Err(error) => {
                    let _ = writeln!(out, "  FAILED: the scenario cannot be read: {error}");
                    check.failed += 1;
                    continue;
                }
            };
            let run = scenario.run(&engine);
            let policy_id = run.answer["policy"].as_str().unwrap_or_default();
            out.push_str(&timeline(&run.answer, engine.policy(policy_id).as_deref()));
            if run.checked == 0 {
                let _ = writeln!(out, "  not checked: no expectations");
                check.unchecked += 1;
            } else if run.passed() {
                let _ = writeln!(
                    out,
                    "  passed: {}",
                    plural(run.checked, "expectation met", "expectations met")
                );
                check.passed += 1;
            } else {
                let _ = writeln!(
                    out,
                    "  FAILED: {} of {} not met:",
                    run.mismatches.len(),
                    plural(run.checked, "expectation", "expectations")
                );
                for mismatch in &run.mismatches {
                    let _ = writeln!(out, "    {mismatch}");
                }
                check.failed += 1;
            }
        }
        let _ = writeln!(
            out,
            "\nScenarios: {} passed, {} failed, {} without expectations.",
            check.passed, check.failed, check.unchecked
        );
    }
    let verdict = if check.ok() { "passed" } else { "FAILED" };
    let _ = writeln!(check.report, "Check {verdict}.");
    check
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
