//! North Somerset's Recording Form (Appendix 1), for stages 2 to 4.

use chrono::NaiveDate;
use serde_json::Value;

use super::check::{Checker, join};

const FIELDS: &[&str] = &[
    "child",
    "stage_2_started",
    "involved",
    "stages",
    "resolved_at_stage",
    "days_taken",
    "helpfulness",
    "notes",
];

pub(super) fn check(c: &mut Checker<'_>, data: &Value) {
    let Some(form) = c.object(data, "") else {
        return;
    };
    c.only(form, "", FIELDS);
    // The dates the form records, for the date of birth to precede.
    let mut births = Vec::new();
    let mut dates: Vec<(&'static str, NaiveDate)> = Vec::new();
    match form.get("child") {
        Some(value) if !value.is_null() => {
            if let Some(child) = c.object(value, "child") {
                c.only(child, "child", &["name", "date_of_birth"]);
                c.text(child, "child", "name", "the child's name");
                let mark = c.mark();
                if let Some(born) = c.date(
                    child,
                    "child",
                    "date_of_birth",
                    "the child's date of birth",
                    true,
                ) {
                    births.push((mark, "child.date_of_birth".to_string(), born));
                }
            }
        }
        _ => c.problem(
            "child",
            "missing",
            "missing: the child's name and date of birth",
        ),
    }
    let started = c.date(
        form,
        "",
        "stage_2_started",
        "the date stage 2 started",
        true,
    );
    dates.extend(started.map(|d| ("stage_2_started", d)));
    let mut involvement = Vec::new();
    for (at, person) in c.list(form, "", "involved", "the names of those involved", true) {
        let Some(person) = c.object(person, &at) else {
            continue;
        };
        c.only(
            person,
            &at,
            &["name", "designation", "agency", "date", "stage"],
        );
        c.text(person, &at, "name", "the name");
        c.text(person, &at, "designation", "the designation");
        c.text(person, &at, "agency", "the agency");
        let date = c.date(person, &at, "date", "the date they were involved", true);
        dates.extend(date.map(|d| ("involved[].date", d)));
        let stage = c.number(
            person,
            &at,
            "stage",
            "the stage they were involved at (2 to 4)",
            2..=4,
        );
        if let Some(stage) = stage {
            involvement.push((at.clone(), stage));
        }
        before_stage_2(c, &at, "date", date, started);
    }
    // The form is shared before resolution ("A copy of this must also be
    // sent to the NSSCP Business Manager" at stage 2; "share the recording
    // form with their senior manager" at stage 3): the monitoring boxes are
    // filled in "upon resolution". The form says it is resolved by giving
    // either of them; then both are required.
    let given = |key: &str| form.get(key).is_some_and(|v| !v.is_null());
    let says_resolved = given("resolved_at_stage") || given("days_taken");
    let (resolved, _) = if says_resolved {
        (
            c.number(
                form,
                "",
                "resolved_at_stage",
                "the stage at which it was resolved (2, 3 or 4)",
                2..=4,
            ),
            days_taken(c, form),
        )
    } else {
        (None, None)
    };
    c.optional_text(form, "", "helpfulness");
    c.optional_text(form, "", "notes");

    let stages = match form.get("stages") {
        Some(value) if !value.is_null() => c.object(value, "stages"),
        _ => {
            c.problem(
                "stages",
                "missing",
                "missing: the summary of the issue at stage 2",
            );
            None
        }
    };
    if let Some(resolved) = resolved {
        for (at, stage) in involvement.iter().filter(|(_, s)| *s > resolved) {
            c.problem(
                format!("{at}.stage"),
                "inconsistent",
                format!(
                    "involved at stage {stage}, after the stage the issue was resolved at ({resolved})"
                ),
            );
        }
    }
    let Some(stages) = stages else {
        c.born_after(births, &dates);
        return;
    };
    c.only(stages, "stages", &["2", "3", "4"]);
    // Without a readable stage of resolution, check every section given.
    let reached = resolved.unwrap_or_else(|| {
        (2..=4u64)
            .filter(|s| {
                stages
                    .get(s.to_string().as_str())
                    .is_some_and(|v| !v.is_null())
            })
            .max()
            .unwrap_or(2)
    });
    for stage in 2..=4u64 {
        let key = stage.to_string();
        let path = join("stages", &key);
        let needed = stage <= reached;
        let Some(value) = stages.get(key.as_str()).filter(|v| !v.is_null()) else {
            if needed {
                c.problem(
                    path,
                    "missing",
                    format!("missing: the summary of the issues at stage {stage}, with the views of all agencies concerned and the impact on the child"),
                );
            }
            continue;
        };
        if !needed {
            if resolved.is_some() {
                c.problem(
                    path.clone(),
                    "inconsistent",
                    format!(
                        "the issue was resolved at stage {reached}, but stage {stage} is filled in"
                    ),
                );
            }
            continue;
        }
        let Some(section) = c.object(value, &path) else {
            continue;
        };
        let mut fields = vec!["summary", "agreed_outcomes"];
        if stage < 4 {
            fields.push("unresolved");
        }
        c.only(section, &path, &fields);
        c.text(
            section,
            &path,
            "summary",
            "the summary of the issues, with the views of all agencies concerned and the impact on the child",
        );
        // Outcomes are agreed at resolution; an open stage may have none yet.
        let outcomes_needed = says_resolved && stage == reached;
        for (at, outcome) in c.list(
            section,
            &path,
            "agreed_outcomes",
            "the agreed outcomes or actions, with timescales (the record must include written confirmation of an agreed outcome)",
            outcomes_needed,
        ) {
            let Some(outcome) = c.object(outcome, &at) else {
                continue;
            };
            c.only(outcome, &at, &["action", "timescale"]);
            c.text(outcome, &at, "action", "the agreed outcome or action");
            let due = c.date(outcome, &at, "timescale", "the timescale", true);
            dates.extend(due.map(|d| ("agreed_outcomes[].timescale", d)));
            before_stage_2(c, &at, "timescale", due, started);
        }
        if stage < reached {
            c.text(
                section,
                &path,
                "unresolved",
                "what remains unresolved, explaining why it progressed to the next stage",
            );
        }
    }
    c.born_after(births, &dates);
}

fn before_stage_2(
    c: &mut Checker<'_>,
    at: &str,
    key: &str,
    date: Option<NaiveDate>,
    started: Option<NaiveDate>,
) {
    if let (Some(date), Some(started)) = (date, started) {
        if date < started {
            c.problem(
                join(at, key),
                "out_of_order",
                "dated before stage 2 started",
            );
        }
    }
}

/// The form's printed options for "Time taken to resolve": "(Delete)
/// 2,3,4,5,6,7,8 days".
const PRINTED_DAYS: std::ops::RangeInclusive<u64> = 2..=8;

/// "Time taken to resolve": any whole number of days from 1, required once
/// the form says it is resolved. The paper form prints 2 to 8 to choose
/// from, but a resolution on the first day, or after Day 8, happened: it is
/// recorded with a warning, never refused.
fn days_taken(c: &mut Checker<'_>, form: &serde_json::Map<String, Value>) -> Option<u64> {
    let days = c.number(
        form,
        "",
        "days_taken",
        "the time taken to resolve, in days",
        1..=u64::MAX,
    )?;
    if !PRINTED_DAYS.contains(&days) {
        c.warn(
            "days_taken",
            "outside_printed_options",
            "the time taken to resolve is outside the form's printed options (2 to 8 days); recorded as it happened, this does not make the form invalid",
        );
    }
    Some(days)
}
