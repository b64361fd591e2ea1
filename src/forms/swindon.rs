//! Swindon's Resolution Form (Appendix 1), for stage 5.

use chrono::NaiveDate;
use serde_json::Value;

use super::check::Checker;

const FIELDS: &[&str] = &[
    "subjects",
    "address",
    "agency",
    "representative",
    "worried_about",
    "action_needed",
    "stages",
    "raised_on",
    "sent_on",
    "immediate_risk",
];

const STAGE_FIELDS: &[&str] = &[
    "stage",
    "date_contact_made",
    "contacted",
    "how_contacted",
    "outcome",
];

/// The latest working day after the disagreement arose by which stage `k`
/// should be complete: 2, 7, 12 and 17 (Day 17).
fn stage_clock(stage: u64) -> u32 {
    2 + 5 * (stage as u32 - 1)
}

/// The working days after the disagreement arose by which the form is
/// sent: Day 17, then "within five working days of the completion of
/// Stage 4".
const FORM_CLOCK: u32 = 22;

pub(super) fn check(c: &mut Checker<'_>, data: &Value) {
    let Some(form) = c.object(data, "") else {
        return;
    };
    c.only(form, "", FIELDS);
    let mut births = Vec::new();
    for (at, subject) in c.list(
        form,
        "",
        "subjects",
        "the name and date of birth of the adult(s), child(ren) or family",
        true,
    ) {
        if let Some(subject) = c.object(subject, &at) {
            c.only(subject, &at, &["name", "date_of_birth"]);
            c.text(subject, &at, "name", "the name");
            let mark = c.mark();
            if let Some(born) = c.date(subject, &at, "date_of_birth", "the date of birth", true) {
                births.push((mark, format!("{at}.date_of_birth"), born));
            }
        }
    }
    c.text(form, "", "address", "the address");
    c.text(
        form,
        "",
        "agency",
        "the name of the agency seeking a solution",
    );
    match form.get("representative") {
        Some(value) if !value.is_null() => {
            if let Some(rep) = c.object(value, "representative") {
                c.only(rep, "representative", &["name", "role", "contact"]);
                c.text(rep, "representative", "name", "the agency representative's name");
                c.text(rep, "representative", "role", "the agency representative's role");
                c.text(rep, "representative", "contact", "the agency representative's contact details");
            }
        }
        _ => c.problem(
            "representative",
            "missing",
            "missing: the name, role and contact details of the agency representative seeking a solution",
        ),
    }
    c.text(form, "", "worried_about", "what you are worried about");
    c.text(
        form,
        "",
        "action_needed",
        "what action you believe is needed",
    );
    let raised_on = c.date(
        form,
        "",
        "raised_on",
        "the day the disagreement arose",
        false,
    );
    let sent_on = c.date(form, "", "sent_on", "the day the form is sent", false);
    let immediate_risk = c.flag(form, "", "immediate_risk");

    // "Tell us what you have done so far": stages 1 to 4, in order.
    let mut rows: Vec<(String, u64, Option<NaiveDate>)> = Vec::new();
    let mut unreadable_stage = false;
    for (at, row) in c.list(form, "", "stages", "the stage 1 to 4 table", true) {
        let Some(row) = c.object(row, &at) else {
            continue;
        };
        c.only(row, &at, STAGE_FIELDS);
        let stage = c.number(row, &at, "stage", "the stage", 1..=4);
        let date = c.date(
            row,
            &at,
            "date_contact_made",
            "the date contact was made",
            true,
        );
        c.text(row, &at, "contacted", "who you contacted (name and title)");
        c.text(row, &at, "how_contacted", "how you contacted them");
        c.text(
            row,
            &at,
            "outcome",
            "the outcome, or the reason for moving to the next stage",
        );
        match stage {
            Some(stage) => rows.push((at, stage, date)),
            None => unreadable_stage = true,
        }
    }
    let mut seen = [false; 5];
    let mut previous: Option<(u64, NaiveDate)> = None;
    for (at, stage, date) in &rows {
        if seen[*stage as usize] {
            c.problem(
                format!("{at}.stage"),
                "duplicate",
                format!("stage {stage} is listed twice"),
            );
            continue;
        }
        seen[*stage as usize] = true;
        if let Some((before, _)) = previous {
            if *stage < before {
                c.problem(
                    format!("{at}.stage"),
                    "out_of_order",
                    format!("stage {stage} comes after stage {before}: list the stages in order"),
                );
            }
        }
        if let (Some(date), Some((before, before_date))) = (date, previous) {
            if *date < before_date {
                c.problem(
                    format!("{at}.date_contact_made"),
                    "out_of_order",
                    format!("stage {stage}'s contact is dated before stage {before}'s"),
                );
            }
        }
        if let Some(date) = date {
            previous = Some((*stage, *date));
            if let Some(raised) = raised_on {
                check_clock(c, at, *stage, *date, raised);
            }
        }
    }
    // A row whose stage cannot be read may be the "missing" one: say only
    // what is certain.
    if !immediate_risk && !rows.is_empty() && !unreadable_stage {
        for stage in 1..=4u64 {
            if !seen[stage as usize] {
                c.problem(
                    "stages",
                    "missing",
                    format!(
                        "stage {stage} is not in the table: the form is for stage 5, after stages 1 to 4 (skip stages only where there is immediate risk: set immediate_risk)"
                    ),
                );
            }
        }
    }
    if let Some(sent) = sent_on {
        if let Some((stage, _)) = previous.filter(|(_, d)| sent < *d) {
            c.problem(
                "sent_on",
                "out_of_order",
                format!("the form is dated before stage {stage}'s contact"),
            );
        }
        if raised_on.is_some_and(|raised| sent < raised) {
            c.problem(
                "sent_on",
                "out_of_order",
                "the form is dated before the disagreement arose",
            );
        } else if let Some(raised) = raised_on {
            // Stage 4 complete by Day 17, the form within five working days:
            // a later form is recorded as sent, with a warning.
            match c.calendar.add_working_days(raised, FORM_CLOCK) {
                Ok(limit) if sent > limit => c.warn(
                    "sent_on",
                    "after_stage_clock",
                    "the form is sent after its clock, five working days after Day 17 (22 working days after the disagreement arose); recorded as it happened, this does not make the form invalid",
                ),
                Ok(_) => {}
                Err(_) => uncounted(c, "sent_on"),
            }
        }
    }
    // A date of birth after the dates the form records is a problem.
    let mut dates: Vec<(&'static str, NaiveDate)> = rows
        .iter()
        .filter_map(|(_, _, d)| d.map(|d| ("stages[].date_contact_made", d)))
        .collect();
    dates.extend(raised_on.map(|d| ("raised_on", d)));
    dates.extend(sent_on.map(|d| ("sent_on", d)));
    c.born_after(births, &dates);
}

fn check_clock(c: &mut Checker<'_>, at: &str, stage: u64, date: NaiveDate, raised: NaiveDate) {
    if date < raised {
        c.problem(
            format!("{at}.date_contact_made"),
            "out_of_order",
            format!("stage {stage}'s contact is dated before the disagreement arose"),
        );
        return;
    }
    let days = stage_clock(stage);
    match c.calendar.add_working_days(raised, days) {
        Ok(limit) if date > limit => c.warn(
            format!("{at}.date_contact_made"),
            "after_stage_clock",
            format!(
                "stage {stage}'s contact is after its clock, {days} working days after the disagreement arose (2 for stage 1, then 5 a stage, Day 17 for stage 4); recorded as it happened, this does not make the form invalid"
            ),
        ),
        Ok(_) => {}
        Err(_) => uncounted(c, &format!("{at}.date_contact_made")),
    }
}

/// A clock that cannot be counted (its end is beyond the calendar's data)
/// leaves the date unchecked: a warning, as the date may well be true.
fn uncounted(c: &mut Checker<'_>, at: &str) {
    c.warn(
        at,
        "out_of_range",
        "its stage clock could not be counted: the working days run outside the calendar's data; the date is recorded unchecked",
    );
}
