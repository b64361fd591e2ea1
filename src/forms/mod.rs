//! Validation of the forms the policies use: every problem at once, each
//! with its field path, a code and a message.
//!
//! The forms carry personal data (children's names, dates of birth,
//! addresses). No message ever repeats a value the caller gave: problems
//! say what is wrong and where, never what was written there.
//!
//! Field names of each form are documented in `docs/forms/`, a page per
//! form.
//!
//! # Example
//!
//! ```
//! use safeguarding_resolution::forms::{self, FormId};
//!
//! let data = serde_json::json!({
//!     "child": {"name": "A child", "date_of_birth": "2015-02-30"},
//!     "stage_2_started": "2027-02-02",
//!     "resolved_at_stage": 2,
//!     "days_taken": 3,
//!     "involved": [{"name": "A", "designation": "Social worker", "agency": "CSC",
//!                   "date": "2027-02-02", "stage": 2}],
//!     "stages": {"2": {"summary": "...", "agreed_outcomes": [{"action": "visit", "timescale": "ASAP"}]}}
//! });
//! let validation = forms::validate(FormId::NsscpRecordingForm, &data);
//! assert!(!validation.valid());
//! let codes: Vec<_> = validation.problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
//! assert_eq!(codes, [
//!     ("child.date_of_birth", "impossible_date"),
//!     ("stages.2.agreed_outcomes[0].timescale", "not_a_date"),
//! ]);
//! // The date of birth itself is never repeated.
//! assert!(validation.problems.iter().all(|p| !p.message.contains("2015")));
//! ```

mod check;
mod nsscp;
mod referral;
mod swindon;

use std::fmt;
use std::str::FromStr;

use serde_json::Value;

use crate::calendar::Calendar;

crate::names::serde_by_name!(FormId);

/// The forms the library validates.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::forms::FormId;
///
/// let form: FormId = "swindon-resolution-form".parse()?;
/// assert_eq!(form, FormId::SwindonResolutionForm);
/// assert_eq!(form.to_string(), "swindon-resolution-form");
/// // An unknown id: the error lists the known ones.
/// let err = "swindon-form".parse::<FormId>().unwrap_err();
/// assert!(err.contains("nsscp-recording-form"));
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormId {
    /// The written referral to the GSCP Resolution Group (Terms of
    /// Reference, "Written Information").
    GscpResolutionGroupReferral,
    /// Swindon's Resolution Form (Appendix 1), sent at stage 5.
    SwindonResolutionForm,
    /// North Somerset's Recording Form (Appendix 1), used at stages 2 to 4.
    NsscpRecordingForm,
}

impl FormId {
    /// Every form.
    pub const ALL: [FormId; 3] = [
        FormId::GscpResolutionGroupReferral,
        FormId::SwindonResolutionForm,
        FormId::NsscpRecordingForm,
    ];

    /// The id in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::forms::FormId;
    ///
    /// let ids: Vec<&str> = FormId::ALL.iter().map(|f| f.as_str()).collect();
    /// assert_eq!(
    ///     ids,
    ///     ["gscp-resolution-group-referral", "swindon-resolution-form", "nsscp-recording-form"]
    /// );
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FormId::GscpResolutionGroupReferral => "gscp-resolution-group-referral",
            FormId::SwindonResolutionForm => "swindon-resolution-form",
            FormId::NsscpRecordingForm => "nsscp-recording-form",
        }
    }
}

impl fmt::Display for FormId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for FormId {
    type Err = String;

    /// Parses a form id; the error names the known ids.
    fn from_str(id: &str) -> Result<FormId, String> {
        FormId::ALL
            .into_iter()
            .find(|f| f.as_str() == id)
            .ok_or_else(|| {
                let known: Vec<&str> = FormId::ALL.iter().map(|f| f.as_str()).collect();
                format!("not a known form; known: {}", known.join(", "))
            })
    }
}

/// One problem with a form.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::forms::{self, FormId};
///
/// // A North Somerset Recording Form in progress, without "Date Stage 2 started".
/// let data = serde_json::json!({
///     "child": {"name": "Child A", "date_of_birth": "2016-06-14"},
///     "involved": [{"name": "Ms B. Example", "designation": "Designated Safeguarding Lead",
///                   "agency": "Example Academy", "date": "2027-02-01", "stage": 2}],
///     "stages": {"2": {"summary": "Disagreement about an early help assessment."}}
/// });
/// let validation = forms::validate(FormId::NsscpRecordingForm, &data);
/// let [problem] = validation.problems.as_slice() else { panic!("one problem") };
/// assert_eq!(problem.field, "stage_2_started");
/// assert_eq!(problem.code, "missing");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// Where: `representative.contact`, `stages[2].date_contact_made`.
    pub field: String,
    /// What kind of problem: `missing`, `blank`, `wrong_type`,
    /// `unknown_field`, `unknown_value`, `invalid_date`, `impossible_date`,
    /// `not_a_date`, `out_of_range`, `out_of_order`, `duplicate`,
    /// `inconsistent`, `must_be_true`; as warnings only,
    /// `after_stage_clock` (a true date after a stage's clock) and
    /// `outside_printed_options` (a value the paper form does not print);
    /// and
    /// `limit_exceeded` for the last entry of a list capped at
    /// [`crate::limits::MAX_PROBLEMS`], at field `(data)`, saying how many
    /// more there were.
    pub code: &'static str,
    /// What is wrong and what is needed, in words (never the value given).
    pub message: String,
}

/// The result of validating a form: every problem found, and what the
/// form should say but need not, or records although the policy's clock
/// had passed.
///
/// A form records what happened: validation checks that it is complete
/// and coherent, never that the case was on time. A true date after a
/// stage's clock is a warning (`after_stage_clock`) and the form stays
/// valid; a form must never push its author to change a true date.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::forms::{self, FormId};
/// use safeguarding_resolution::resolution_group::Section;
///
/// // A referral to the GSCP Resolution Group with its seven sections, the mark
/// // and a prior process: complete, so valid, but the fields the Terms of
/// // Reference ask for and the contract leaves optional are warned about.
/// let mut referral = serde_json::Map::new();
/// for section in Section::ALL {
///     referral.insert(section.key().into(), "written".into());
/// }
/// let data = serde_json::json!({
///     "marked_for_resolution_group": true,
///     "prior_process": ["planning"],
///     "referral": referral,
/// });
/// let validation = forms::validate(FormId::GscpResolutionGroupReferral, &data);
/// assert!(validation.problems.is_empty());
/// let warned: Vec<&str> = validation.warnings.iter().map(|w| w.field.as_str()).collect();
/// assert_eq!(warned, ["by_agency", "presenter", "features", "risks"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Validation {
    /// The problems, in the order of the form's fields.
    pub problems: Vec<Problem>,
    /// What the form should know without being invalid: fields the
    /// sources ask for but that are optional (the referral's `features`
    /// and `risks`, its `presenter`), dates recorded after a stage's clock
    /// (`after_stage_clock`), a value outside the paper form's printed
    /// options (`outside_printed_options`); in the order of the form's
    /// fields.
    pub warnings: Vec<Problem>,
}

impl Validation {
    /// True when there is no problem.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::forms::{self, FormId};
    ///
    /// // A North Somerset Recording Form in progress at stage 2 is valid without
    /// // its monitoring boxes...
    /// let mut data = serde_json::json!({
    ///     "child": {"name": "Child A", "date_of_birth": "2016-06-14"},
    ///     "stage_2_started": "2027-02-01",
    ///     "involved": [{"name": "Ms B. Example", "designation": "Designated Safeguarding Lead",
    ///                   "agency": "Example Academy", "date": "2027-02-01", "stage": 2}],
    ///     "stages": {"2": {"summary": "Disagreement about an early help assessment."}}
    /// });
    /// assert!(forms::validate(FormId::NsscpRecordingForm, &data).valid());
    /// // ...but not with words where the form asks for a date.
    /// data["stage_2_started"] = "ASAP".into();
    /// let validation = forms::validate(FormId::NsscpRecordingForm, &data);
    /// assert!(!validation.valid());
    /// assert_eq!(validation.problems[0].code, "not_a_date");
    /// ```
    pub fn valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Validates a form's data, on the England and Wales calendar for the
/// working-day checks: every problem at once (at most
/// [`crate::limits::MAX_PROBLEMS`], the last then counting the rest),
/// none repeating a value given.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::forms::{FormId, validate};
///
/// // An empty Swindon Resolution Form: each required field is missing.
/// let validation = validate(FormId::SwindonResolutionForm, &serde_json::json!({}));
/// assert!(!validation.valid());
/// assert!(validation
///     .problems
///     .iter()
///     .any(|p| p.field == "address" && p.code == "missing"));
/// // The data must be an object.
/// let validation = validate(FormId::SwindonResolutionForm, &serde_json::json!(7));
/// assert_eq!(validation.problems[0].field, "(data)");
/// assert_eq!(validation.problems[0].code, "wrong_type");
/// ```
///
/// The data may be any serde value, such as a service's own form type:
///
/// ```
/// use safeguarding_resolution::forms::{FormId, validate};
///
/// #[derive(serde::Serialize)]
/// struct Recording<'a> {
///     child_name: &'a str,
/// }
/// let validation = validate(FormId::NsscpRecordingForm, &Recording { child_name: "Child A" });
/// assert!(!validation.valid());
/// assert!(validation.problems.iter().all(|p| !p.message.contains("Child A")));
/// ```
pub fn validate<T: serde::Serialize + ?Sized>(form: FormId, data: &T) -> Validation {
    let calendar = Calendar::uk(crate::calendar::Division::EnglandAndWales);
    match serde_json::to_value(data) {
        Ok(value) => validate_on(form, &value, calendar),
        // A type serde cannot write as JSON (a map with keys that are not
        // strings): the form is not an object of fields.
        Err(_) => validate_on(form, &Value::Null, calendar),
    }
}

/// Validates a form's data, counting working days on `calendar`.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::forms::{self, FormId};
///
/// // Swindon's stage 1 is "within two working days" of the disagreement,
/// // raised here on Friday 26 November 2027; contact was made on Wednesday
/// // 1 December.
/// let data = serde_json::json!({
///     "subjects": [{"name": "Child A", "date_of_birth": "2015-04-01"}],
///     "address": "1 Example Terrace",
///     "agency": "Example Primary School",
///     "representative": {"name": "Ms C. Example", "role": "Headteacher",
///                        "contact": "head@example.invalid"},
///     "worried_about": "Concerns not acted on.",
///     "action_needed": "A home visit.",
///     "raised_on": "2027-11-26",
///     "stages": [{"stage": 1, "date_contact_made": "2027-12-01",
///                 "contacted": "Mr D. Example, Social Worker",
///                 "how_contacted": "Telephone", "outcome": "Not resolved"}],
///     "immediate_risk": true
/// });
/// // In England the two working days end on Tuesday 30 November: the
/// // contact was late. The form records what happened: it stays valid, with
/// // a warning.
/// let england = forms::validate(FormId::SwindonResolutionForm, &data);
/// assert!(england.valid());
/// let warned: Vec<(&str, &str)> =
///     england.warnings.iter().map(|w| (w.field.as_str(), w.code)).collect();
/// assert_eq!(warned, [("stages[0].date_contact_made", "after_stage_clock")]);
/// // In Scotland, St Andrew's Day (Tuesday 30 November) is skipped: in time.
/// let scotland = Calendar::uk(Division::Scotland);
/// let scottish = forms::validate_on(FormId::SwindonResolutionForm, &data, scotland);
/// assert!(scottish.valid() && scottish.warnings.is_empty());
/// ```
pub fn validate_on(form: FormId, data: &Value, calendar: &Calendar) -> Validation {
    let mut checker = check::Checker::new(calendar);
    match form {
        FormId::GscpResolutionGroupReferral => referral::check(&mut checker, data),
        FormId::SwindonResolutionForm => swindon::check(&mut checker, data),
        FormId::NsscpRecordingForm => nsscp::check(&mut checker, data),
    }
    let (problems, warnings) = checker.into_parts();
    Validation { problems, warnings }
}

#[cfg(test)]
mod tests;
