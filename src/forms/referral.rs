//! The written referral to the GSCP Resolution Group.

use serde_json::Value;

use super::check::{Checker, join};
use crate::resolution_group::{Feature, PriorProcess, Risk, Section};

const FIELDS: &[&str] = &[
    "by_agency",
    "presenter",
    "marked_for_resolution_group",
    "prior_process",
    "by_business_unit",
    "escalation_stage",
    "features",
    "risks",
    "special_attendees",
    "referral",
];

pub(super) fn check(c: &mut Checker<'_>, data: &Value) {
    let Some(form) = c.object(data, "") else {
        return;
    };
    c.only(form, "", FIELDS);
    // Neither makes a referral incomplete (CONTRACT section 4): warnings.
    c.recommended_text(
        form,
        "",
        "by_agency",
        "the agency requesting the discussion",
    );
    c.recommended_text(
        form,
        "",
        "presenter",
        "the senior manager of the requesting agency who will present the case",
    );
    if !c.flag(form, "", "marked_for_resolution_group") {
        c.problem(
            "marked_for_resolution_group",
            "must_be_true",
            "the referral must be clearly marked for Resolution Group (flowchart)",
        );
    }
    let by_business_unit = c.flag(form, "", "by_business_unit");
    let prior_ids: Vec<&'static str> = PriorProcess::ALL.iter().map(|p| p.id()).collect();
    let prior = c.ids(form, "", "prior_process", &prior_ids);
    let linked = match form.get("escalation_stage") {
        None | Some(Value::Null) => None,
        Some(value) if !value.is_number() => {
            c.problem(
                "escalation_stage",
                "wrong_type",
                "expected the linked GSCP escalation case's stage, a number",
            );
            None
        }
        Some(value) => match value.as_u64().filter(|n| (1..=5).contains(n)) {
            Some(stage) => Some(stage),
            None => {
                c.problem(
                    "escalation_stage",
                    "out_of_range",
                    "the linked GSCP escalation case's stage: a number from 1 to 5",
                );
                None
            }
        },
    };
    // A linked case counts once it has reached stage 4, the Resolution Group.
    if !by_business_unit && prior.is_empty() && linked.is_none_or(|s| s < 4) {
        c.problem(
            "prior_process",
            "missing",
            "no eligibility route: state the normal planning, conferencing or dispute resolution processes tried and failed, or give the linked GSCP escalation case's stage once it has reached stage 4 (the Resolution Group)",
        );
    }
    let feature_ids: Vec<&'static str> = Feature::ALL.iter().map(|f| f.id()).collect();
    let risk_ids: Vec<&'static str> = Risk::ALL.iter().map(|r| r.id()).collect();
    // Optional (CONTRACT section 4): a warning when none is given.
    for (key, ids, what) in [
        (
            "features",
            &feature_ids,
            "none given: the referral may name the features of the circumstances from the Terms of Reference",
        ),
        (
            "risks",
            &risk_ids,
            "none given: the referral may name the child's increased risks from the Terms of Reference",
        ),
    ] {
        let given = match form.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Array(items)) => !items.is_empty(),
            Some(_) => true,
        };
        c.ids(form, "", key, ids);
        if !given {
            c.warn(key, "missing", what);
        }
    }
    for (at, value) in c.list(form, "", "special_attendees", "", false) {
        match value.as_str() {
            Some(role) if role.trim().is_empty() => {
                c.problem(at, "blank", "a special attendee's role, in words")
            }
            Some(_) => {}
            None => c.problem(
                at,
                "wrong_type",
                "expected a special attendee's role, in words",
            ),
        }
    }
    match form.get("referral") {
        None | Some(Value::Null) => {
            for section in Section::ALL {
                c.problem(
                    join("referral", section.key()),
                    "missing",
                    format!("missing: {}", section.title()),
                );
            }
        }
        Some(value) => {
            if let Some(sections) = c.object(value, "referral") {
                let keys: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
                c.only(sections, "referral", &keys);
                for section in Section::ALL {
                    c.text(sections, "referral", section.key(), section.title());
                }
            }
        }
    }
}
