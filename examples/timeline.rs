//! One disagreement walked through each partnership's escalation policy,
//! with its timeline in plain English.
//!
//! Run with `cargo run --example timeline`.
//!
//! The same events (raised the Monday before Christmas 2026, escalated at
//! each stage's deadline) are evaluated under Gloucestershire's, Swindon's
//! and North Somerset's policies on the embedded England and Wales calendar.
//! For each, the example prints every stage with its deadline (and the bank
//! holidays the deadline skipped), and when a stage's clock is for an act of
//! the stage (GSCP's report to line managers, Swindon's contact with the
//! opposite number) the day that act met it; the milestones; the
//! obligations still owed, each with the stage it arose at (a duty of every
//! stage, such as Swindon's agency log, is owed once per stage); and what
//! may happen next. Gloucestershire's case goes on to its referral to the
//! GSCP Resolution Group.

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use safeguarding_resolution::policy::{
    CaseStatus, Due, DueKind, Event, Policy, PolicyId, Raised, Seniority,
};
use safeguarding_resolution::resolution_group::{
    self, DeadlineRule, Feature, ReferralEvent, Schedule, Section, Submission,
};

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn day(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// A deadline in words, with the holidays it skipped.
fn due(due: &Due, calendar: &Calendar) -> String {
    let when = match due.kind {
        DueKind::ByEndOf(date) => format!("by the end of {}", day(date)),
        DueKind::At(at) => format!("by {}", at.format("%H:%M on %a %-d %b %Y")),
        DueKind::Immediately => "immediately".to_string(),
        DueKind::WithoutDelay => "without delay (no number of days set)".to_string(),
        DueKind::NotStated => "no time stated".to_string(),
    };
    match due.explain(calendar) {
        Ok(Some(explained)) if !explained.skipped_bank_holidays().is_empty() => {
            format!("{when} ({})", explained.skipped_bank_holidays())
        }
        Ok(_) => when,
        Err(error) => format!("{when} (not explained: {error})"),
    }
}

/// "1 working day", "4 working days".
fn working_days(n: i64) -> String {
    if n == 1 {
        "1 working day".to_string()
    } else {
        format!("{n} working days")
    }
}

/// The act that meets a stage's clock, in words: the definition's
/// `clock_met_by` record or obligation, by what it is.
fn clock_act(policy: &Policy, stage: u8) -> String {
    let Some(id) = policy.stage(stage).and_then(|s| s.clock_met_by.as_deref()) else {
        return "its record".to_string();
    };
    let what = policy
        .records
        .iter()
        .find(|r| r.id == id)
        .map(|r| &r.what)
        .or_else(|| {
            policy
                .obligations
                .iter()
                .find(|o| o.id == id)
                .map(|o| &o.what)
        });
    match what {
        Some(what) => format!("the record {id}, “{what}”"),
        None => format!("the record {id}"),
    }
}

fn print_timeline(status: &CaseStatus, calendar: &Calendar, policy: &Policy) {
    println!("\n{}", policy.name);
    println!("  {}: the disagreement is raised.", day(status.raised_on));
    for stage in &status.history {
        let kept = match stage.within_time {
            Some(true) => "in time",
            Some(false) => "late",
            None => "no deadline to keep",
        };
        // A clock for an act of the stage is kept (or not) by the day of
        // that act, not by the day the stage ended.
        let ended = match stage.clock_met_on {
            Some(met) => format!(
                "its clock met {kept} on {} by {}; {} on {}",
                day(met),
                clock_act(policy, stage.number),
                stage.ended_by,
                day(stage.ended_on)
            ),
            None => format!("{} ({kept})", stage.ended_by),
        };
        println!(
            "  Stage {} ({}): {} to {}; due {}; {ended}.",
            stage.number,
            stage.name,
            day(stage.started_on),
            day(stage.ended_on),
            due(&stage.due, calendar),
        );
    }
    if let Some(stage) = &status.stage {
        let state = if let Some(met) = stage.clock_met_on {
            format!(
                "its clock met on {} by {}",
                day(met),
                clock_act(policy, stage.number)
            )
        } else if status.overdue {
            format!("OVERDUE by {}", working_days(status.working_days_overdue))
        } else {
            "in time so far".to_string()
        };
        println!(
            "  Stage {} ({}): since {}; due {}; {state}.",
            stage.number,
            stage.name,
            day(stage.started_on),
            due(&stage.due, calendar)
        );
    }
    for milestone in &status.milestones {
        let met = match (milestone.met_on, milestone.lapsed_on) {
            (Some(on), _) if milestone.met_in_time == Some(false) => {
                format!("met LATE on {}", day(on))
            }
            (Some(on), _) => format!("met on {}", day(on)),
            (None, Some(on)) => format!("lapsed on {}: the case ended before it", day(on)),
            (None, None) if milestone.overdue => "MISSED".to_string(),
            (None, None) => "not yet met".to_string(),
        };
        println!(
            "  {}: {} (due {}): {met}.",
            milestone.name,
            milestone.what,
            due(&milestone.due, calendar)
        );
    }
    let owed: Vec<_> = status.pending_obligations().collect();
    if !owed.is_empty() {
        println!("  Still owed:");
        for obligation in owed {
            let late = if obligation.overdue { " OVERDUE" } else { "" };
            // The stage it arose at tells apart a duty owed at every stage.
            let arose = match obligation.stage {
                Some(stage) => format!("stage {stage}"),
                None => "on raising".to_string(),
            };
            println!(
                "    - {arose}: {} ({}){late}",
                obligation.what,
                due(&obligation.due, calendar)
            );
        }
    }
    for warning in &status.warnings {
        println!("  Note: {}.", warning.message);
    }
    let next: Vec<&str> = status.next.iter().map(|e| e.as_str()).collect();
    println!(
        "  As of {}: {}; next: {}.",
        day(status.as_of),
        status.state,
        next.join(", ")
    );
}

fn main() -> Result<(), safeguarding_resolution::policy::Error> {
    let calendar = Calendar::uk(Division::EnglandAndWales);
    let raised = date(2026, 12, 21);
    let as_of = date(2027, 1, 8);

    // Gloucestershire: the professionals cannot agree within a working day,
    // report to their line managers at 4pm, then the matter goes to second
    // tier managers, to a Head of Service, and on to the GSCP Resolution
    // Group (stage 4), whose referral is followed below.
    let gscp = [
        Event::raised(raised, Raised::new()),
        Event::recorded(
            date(2026, 12, 22).and_hms_opt(16, 0, 0).unwrap_or_default(),
            "reported_to_line_managers",
        ),
        Event::recorded(date(2026, 12, 23), "line_managers_contact"),
        Event::escalated(date(2026, 12, 23)),
        Event::escalated(date(2027, 1, 5)),
        Event::escalated(date(2027, 1, 7)),
    ];

    // Swindon: stage 1 in time, stage 2 across Christmas, the inter-agency
    // discussion between a practitioner and a service manager.
    let swindon = [
        Event::raised(raised, Raised::new()),
        Event::escalated(date(2026, 12, 23))
            .parties(Seniority::Practitioner, Seniority::ServiceManager),
        Event::recorded(date(2026, 12, 24), "email_record"),
    ];

    // North Somerset: through stages 1 to 3, referred to the partnership on
    // Day 5 and decided by the Delegated Safeguarding Partners.
    let nsscp = [
        Event::raised(raised, Raised::new()),
        Event::recorded(raised, "exchange_manager_details"),
        Event::escalated(date(2026, 12, 22)),
        Event::escalated(date(2026, 12, 24)),
        Event::escalated(date(2026, 12, 30)),
        Event::decided(date(2027, 1, 5)),
    ];

    println!(
        "One disagreement, raised on {}, evaluated on {}.",
        day(raised),
        day(as_of)
    );
    for (id, events) in [
        (PolicyId::GscpEscalation2021, &gscp[..]),
        (PolicyId::SwindonResolution2026, &swindon[..]),
        (PolicyId::NsscpIssueResolution2025, &nsscp[..]),
    ] {
        let policy = Policy::get(id);
        let status = policy.evaluate(calendar, events, as_of)?;
        print_timeline(&status, calendar, policy);
        if id == PolicyId::GscpEscalation2021 {
            print_referral(&gscp, calendar, as_of)?;
        }
    }
    Ok(())
}

/// Gloucestershire's stage 4: the referral to the GSCP Resolution Group,
/// evaluated with the escalation case linked.
fn print_referral(
    escalation: &[Event],
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<(), safeguarding_resolution::policy::Error> {
    let schedule = Schedule::new(
        vec![date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9)],
        DeadlineRule::TermsOfReference,
    )?;
    let mut referral = Submission::new();
    referral.by_agency = Some("Gloucestershire Constabulary".into());
    referral.presenter = Some("Detective Chief Inspector".into());
    referral.marked_for_resolution_group = true;
    referral.features = vec![Feature::DisputesUnresolved];
    for section in Section::ALL {
        // Every section but the risk analysis is written.
        if section != Section::RiskAnalysis {
            referral.sections.push((section, "written".into()));
        }
    }
    let events = [ReferralEvent::submitted(date(2027, 1, 7), referral)];
    let status = resolution_group::evaluate(calendar, &schedule, &events, as_of, Some(escalation))?;
    println!("  Stage 4, the referral to the GSCP Resolution Group:");
    if let Some(scheduling) = &status.scheduling {
        println!("    {}.", scheduling.why);
    }
    if let Some(eligibility) = status.eligibility {
        println!(
            "    Eligible by {} (the escalation case reached stage 4).",
            eligibility.id()
        );
    }
    for item in &status.missing {
        println!("    Missing {}: {}.", item.field, item.problem);
    }
    println!("    Status: {}.", status.state);
    Ok(())
}
