//! Diagrams generated from a policy's table, so a diagram can never say
//! something the engine does not do: Mermaid text for `docs/` ([`mermaid`])
//! and a self-contained SVG drawing for the policy workbench ([`svg`]).

use std::fmt::Write;

use super::{Clock, Lapses, Policy, Trigger};

mod svg;
pub use svg::svg;

/// The clock of a stage, in a diagram label's few words.
fn clock_label(clock: &Clock) -> String {
    match clock {
        Clock::WorkingDaysAfterRaised(n) => format!("due raised + {n} WD"),
        Clock::WorkingDaysAfterStart(n) => format!("due start + {n} WD"),
        Clock::HoursAfterStart(n) => format!("due start + {n} hours"),
        Clock::WithoutDelay => "without delay".to_string(),
        Clock::NotStated => "no time stated".to_string(),
        Clock::ByPriority(by) => {
            let each: Vec<String> = by
                .priorities
                .iter()
                .map(|(name, clock, _)| format!("{name}: {}", clock_label(clock)))
                .collect();
            format!("by the priority in force, {}", each.join("; "))
        }
        Clock::WorkingDaysAfterRecord {
            record,
            days,
            until_recorded,
        } => format!(
            "due {record} + {days} WD; until then {}",
            clock_label(until_recorded)
        ),
        Clock::SetOnCase => "due as set for the case".to_string(),
        Clock::EarliestOf(members) => {
            let each: Vec<String> = members.iter().map(clock_label).collect();
            format!("earliest of {}", each.join(" or "))
        }
        #[allow(unreachable_patterns)]
        _ => "see the policy".to_string(),
    }
}

/// The ids of the duties that end with stage `number` (`lapses:
/// "stage_ends"`), in the policy's order: those arising on entering it, on
/// a record made at it, or on the record that meets its clock.
fn duties_ending_with(policy: &Policy, number: u8) -> Vec<&str> {
    let stage = policy.stage(number);
    let clock_record = stage.and_then(|s| s.clock_met_by.as_deref());
    let mut ids: Vec<&str> = Vec::new();
    for o in policy
        .obligations
        .iter()
        .filter(|o| o.lapses == Lapses::StageEnds)
    {
        let at_stage = match &o.trigger {
            Trigger::StageEntered { stages, .. } => stages.contains(&number),
            Trigger::Recorded {
                stages: Some(stages),
                ..
            } => stages.contains(&number),
            Trigger::Recorded {
                record,
                stages: None,
            } => clock_record == Some(record.as_str()),
            _ => false,
        };
        if at_stage && !ids.contains(&o.id.as_str()) {
            ids.push(&o.id);
        }
    }
    ids
}

/// The policy as a Mermaid `stateDiagram-v2`: each stage with its clock,
/// every move the engine allows, the redirects and the end states.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{diagram, Policy, PolicyId};
///
/// let text = diagram::mermaid(Policy::get(PolicyId::SwindonResolution2026));
/// assert!(text.starts_with("stateDiagram-v2"));
/// assert!(text.contains("S4 --> S5: escalated"));
/// assert!(text.contains("S2 --> S5: escalated (immediate risk)"));
/// assert!(text.contains("S5 --> Decided: decided"));
/// ```
pub fn mermaid(policy: &Policy) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: String| {
        // Writing to a String cannot fail.
        let _ = writeln!(out, "    {text}");
    };
    out.push_str("stateDiagram-v2\n");
    let _ = writeln!(out, "    %% {} ({})", policy.name, policy.id);
    for stage in &policy.stages {
        line(
            &mut out,
            format!(
                "state \"Stage {}: {} ({})\" as S{}",
                stage.number,
                stage.name,
                clock_label(&stage.clock),
                stage.number
            ),
        );
    }
    for stage in &policy.stages {
        let duties = duties_ending_with(policy, stage.number);
        if !duties.is_empty() {
            line(
                &mut out,
                format!(
                    "note right of S{}: ends with the stage: {}",
                    stage.number,
                    duties.join(", ")
                ),
            );
        }
    }
    let first = policy.stages[0].number;
    line(&mut out, format!("[*] --> S{first}: raised"));
    for redirect in &policy.redirects {
        line(
            &mut out,
            format!(
                "[*] --> Redirected: raised ({}) to {}",
                redirect.label, redirect.to
            ),
        );
    }
    for (i, stage) in policy.stages.iter().enumerate() {
        let s = stage.number;
        let next = policy.stages.get(i + 1).map(|n| n.number);
        if stage.escalates {
            if let Some(next) = next {
                line(&mut out, format!("S{s} --> S{next}: escalated"));
            }
            // Each stage a skip leads to once, with the least it needs.
            let mut targets: Vec<(u8, bool)> = Vec::new();
            for skip in &policy.skips {
                for &t in skip.targets.iter().filter(|&&t| t > s && Some(t) != next) {
                    match targets.iter_mut().find(|(n, _)| *n == t) {
                        Some((_, risk)) => *risk &= skip.requires_immediate_risk,
                        None => targets.push((t, skip.requires_immediate_risk)),
                    }
                }
            }
            targets.sort_unstable();
            for (target, risk) in targets {
                let condition = if risk { " (immediate risk)" } else { "" };
                line(
                    &mut out,
                    format!("S{s} --> S{target}: escalated{condition}"),
                );
            }
        }
        line(&mut out, format!("S{s} --> Resolved: resolved"));
        if stage.decides {
            line(&mut out, format!("S{s} --> Decided: decided"));
        }
        line(&mut out, format!("S{s} --> Withdrawn: withdrawn"));
    }
    for end in ["Resolved", "Decided", "Withdrawn"] {
        if end != "Decided" || policy.stages.iter().any(|s| s.decides) {
            line(&mut out, format!("{end} --> [*]"));
        }
    }
    if !policy.redirects.is_empty() {
        line(&mut out, "Redirected --> [*]".to_string());
    }
    out
}
