//! An engine with runtime data (CONTRACT section 8): the JSON face on
//! calendars the caller loads, so that a service deployed for years takes
//! newer bank holidays without a new build of the library.
//!
//! [`evaluate_json`](crate::evaluate_json) and
//! [`validate_json`](crate::validate_json) are an engine on the embedded
//! data; an [`Engine`] answers the same requests with the same documents,
//! on the bank holidays it holds. The C interface has the same object
//! behind a handle (`sgr_engine_new` and the functions after it).
//!
//! An engine holds the built-in policies and any the caller adds
//! ([`Engine::add_policy_json`]), named thereafter by their ids in
//! requests (CONTRACT section 7).

use std::sync::Arc;

use crate::calendar::{Calendar, Division, Error};
use crate::json::JsonError;
use crate::json::request::Parsed;
use crate::policy::monitoring::{CaseFigures, Summary};
use crate::policy::sweep::Tray;
use crate::policy::{DefinitionError, Policy, PolicyId};

/// The JSON face with its own bank-holiday data.
///
/// A new engine holds the embedded calendars and answers exactly as
/// [`evaluate_json`](crate::evaluate_json) does.
/// [`Engine::load_holidays`] replaces the bank holidays of all three
/// divisions from a GOV.UK `bank-holidays.json` document; every request
/// after that is answered on them (years the document does not cover are
/// projected from the statutory rules, as for the embedded data).
///
/// An engine is `Send + Sync`: evaluate from as many threads as you like
/// through a shared reference; loading takes `&mut self`, so it needs the
/// engine to itself. Cloning is cheap (the calendars are shared).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::Engine;
///
/// // 2 March 2027 is an ordinary Tuesday, until a newer document makes it
/// // a bank holiday.
/// let request = r#"{"policy": "nsscp-issue-resolution-2025", "as_of": "2027-03-01",
///     "events": [{"type": "raised", "on": "2027-03-01"}]}"#;
/// let due = |response: &str| {
///     let response: serde_json::Value = serde_json::from_str(response).unwrap();
///     response["stage"]["due"]["date"].as_str().unwrap().to_string()
/// };
///
/// let mut engine = Engine::new();
/// assert_eq!(due(&engine.evaluate_json(request)), "2027-03-02");
///
/// let newer = r#"{
///   "england-and-wales": {"division": "england-and-wales", "events": [
///     {"title": "A new bank holiday", "date": "2027-03-02", "notes": "", "bunting": true}]},
///   "scotland": {"division": "scotland", "events": [
///     {"title": "2nd January", "date": "2027-01-04", "notes": "Substitute day", "bunting": true}]},
///   "northern-ireland": {"division": "northern-ireland", "events": [
///     {"title": "St Patrick’s Day", "date": "2027-03-17", "notes": "", "bunting": true}]}
/// }"#;
/// engine.load_holidays(newer)?;
/// assert_eq!(due(&engine.evaluate_json(request)), "2027-03-03");
///
/// // A refused document leaves the engine as it was.
/// assert!(engine.load_holidays(r#"{"scotland": {}}"#).is_err());
/// assert_eq!(due(&engine.evaluate_json(request)), "2027-03-03");
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Engine {
    /// The calendars loaded, by [`Division`] order; `None` for the
    /// embedded ones.
    calendars: Option<Arc<[Calendar; 3]>>,
    /// Policies added by the caller, in the order added (shared between
    /// clones of the engine).
    policies: Vec<Arc<Policy>>,
}

impl Engine {
    /// An engine on the embedded calendars, running the built-in policies.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::{Engine, evaluate_json};
    ///
    /// // CONTRACT section 3's request: Swindon's stage 2, due Monday 4
    /// // January 2027, is a working day overdue on Tuesday 5.
    /// let request = r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
    ///     "events": [{"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]}"#;
    /// let engine = Engine::new();
    /// let response = engine.evaluate_json(request);
    /// assert_eq!(response, evaluate_json(request));
    /// let response: serde_json::Value = serde_json::from_str(&response)?;
    /// assert_eq!(response["stage"]["due"]["date"], "2027-01-04");
    /// assert_eq!(response["working_days_overdue"], 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new() -> Engine {
        Engine {
            calendars: None,
            policies: Vec::new(),
        }
    }

    /// Replaces the bank holidays of all three divisions with those of a
    /// GOV.UK `bank-holidays.json` document, under the rules of
    /// [`Calendar::from_govuk_json`]: the years the document spans for a
    /// division are official, the others from 1990 to 2100 projected.
    ///
    /// # Errors
    ///
    /// The first problem with the document, an
    /// [`ErrorKind::InvalidDocument`](crate::calendar::ErrorKind::InvalidDocument)
    /// naming its path and repeating no value (a document over
    /// [`crate::limits::MAX_REQUEST_BYTES`] is refused before it is read);
    /// a document without all three divisions is refused. On error the
    /// engine is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::Engine;
    /// use safeguarding_resolution::calendar::Division;
    ///
    /// let tuesday = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
    /// let mut engine = Engine::new();
    /// let document = |date: &str| format!(r#"{{
    ///   "england-and-wales": {{"division": "england-and-wales", "events": [
    ///     {{"title": "A new bank holiday", "date": "{date}", "notes": "", "bunting": true}}]}},
    ///   "scotland": {{"division": "scotland", "events": [
    ///     {{"title": "2nd January", "date": "2027-01-04", "notes": "Substitute day", "bunting": true}}]}},
    ///   "northern-ireland": {{"division": "northern-ireland", "events": [
    ///     {{"title": "St Patrick’s Day", "date": "2027-03-17", "notes": "", "bunting": true}}]}}
    /// }}"#);
    ///
    /// // A date that does not exist: refused, naming where, not what.
    /// let refused = engine.load_holidays(&document("2027-02-30")).unwrap_err();
    /// assert!(refused.to_string().contains("england-and-wales"), "{refused}");
    /// assert!(!refused.to_string().contains("2027-02-30"));
    /// assert!(engine.calendar(Division::EnglandAndWales).is_working_day(tuesday)?);
    ///
    /// engine.load_holidays(&document("2027-03-02"))?;
    /// assert!(!engine.calendar(Division::EnglandAndWales).is_working_day(tuesday)?);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn load_holidays(&mut self, govuk_json: &str) -> Result<(), Error> {
        let calendars = Calendar::uk_from_govuk_json(govuk_json)?;
        self.calendars = Some(Arc::new(calendars));
        Ok(())
    }

    /// Whether the engine runs on bank holidays loaded with
    /// [`Engine::load_holidays`] rather than the embedded ones.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// let mut engine = Engine::new();
    /// assert!(!engine.has_loaded_holidays());
    /// // A document with one division of three is refused: still embedded.
    /// let scotland_only = r#"{"scotland": {"division": "scotland", "events": []}}"#;
    /// assert!(engine.load_holidays(scotland_only).is_err());
    /// assert!(!engine.has_loaded_holidays());
    /// ```
    pub fn has_loaded_holidays(&self) -> bool {
        self.calendars.is_some()
    }

    /// The calendar the engine uses for a division.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::Engine;
    /// use safeguarding_resolution::calendar::Division;
    ///
    /// // 2 January 2027 is a Saturday: Scotland's bank holiday moves to
    /// // Monday 4 January, an ordinary working day in England and Wales.
    /// let monday = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    /// let engine = Engine::new();
    /// assert!(engine.calendar(Division::EnglandAndWales).is_working_day(monday)?);
    /// assert!(!engine.calendar(Division::Scotland).is_working_day(monday)?);
    /// # Ok::<(), safeguarding_resolution::calendar::Error>(())
    /// ```
    pub fn calendar(&self, division: Division) -> &Calendar {
        match &self.calendars {
            Some(calendars) => &calendars[division as usize],
            None => Calendar::uk(division),
        }
    }

    /// The policy with this id: a built-in one, or one added.
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// let engine = Engine::new();
    /// assert_eq!(engine.policy("swindon-resolution-2026").map(|p| p.stages.len()), Some(5));
    /// assert!(engine.policy("example-borough-2026").is_none());
    /// ```
    pub fn policy(&self, id: &str) -> Option<&Policy> {
        match Policy::builtin(id) {
            Some(policy) => Some(policy),
            None => self
                .policies
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.as_ref()),
        }
    }

    /// The ids of every escalation policy the engine holds: the built-in
    /// ones, then those added.
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// assert_eq!(Engine::new().policy_ids().len(), 3);
    /// ```
    pub fn policy_ids(&self) -> Vec<&str> {
        PolicyId::ALL
            .iter()
            .map(|p| p.as_str())
            .chain(self.policies.iter().map(|p| p.id.as_str()))
            .collect()
    }

    /// Adds a policy, named thereafter by its id in requests. A policy
    /// added under the id of one added before replaces it (a partnership's
    /// revised policy); the ids of the library's own policies are refused.
    ///
    /// # Errors
    ///
    /// A [`DefinitionError`] (a problem at `id`) for an id the library's
    /// own policies use; the engine is then unchanged.
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    /// use safeguarding_resolution::policy::{Policy, PolicyId};
    ///
    /// let mut engine = Engine::new();
    /// let swindon = Policy::get(PolicyId::SwindonResolution2026).clone();
    /// assert!(engine.add_policy(swindon).is_err());
    /// ```
    pub fn add_policy(&mut self, policy: Policy) -> Result<(), DefinitionError> {
        let id = policy.id.as_str();
        if Policy::builtin(id).is_some()
            || id == "gscp-resolution-group-2021"
            || id == crate::serious_incident::POLICY_ID
        {
            return Err(DefinitionError::reserved_id());
        }
        match self.policies.iter_mut().find(|p| p.id == id) {
            Some(earlier) => *earlier = Arc::new(policy),
            None => self.policies.push(Arc::new(policy)),
        }
        Ok(())
    }

    /// Loads a policy definition (CONTRACT section 7;
    /// `docs/policy-format.md`) and adds it ([`Engine::add_policy`]).
    ///
    /// # Errors
    ///
    /// A [`DefinitionError`] listing every problem of the definition, each
    /// with its path; the engine is then unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// let mut engine = Engine::new();
    /// engine.add_policy_json(r#"{
    ///     "id": "example-borough-2026",
    ///     "name": "Example Borough Escalation Policy 2026",
    ///     "stages": [
    ///         {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
    ///         {"number": 2, "name": "Independent chair", "clock": {"kind": "not_stated"}}
    ///     ]
    /// }"#)?;
    /// let response = engine.evaluate_json(r#"{"policy": "example-borough-2026", "as_of": "2027-01-04",
    ///     "events": [{"type": "raised", "on": "2027-01-04"}]}"#);
    /// let response: serde_json::Value = serde_json::from_str(&response).unwrap();
    /// // Two working days from Monday 4 January 2027.
    /// assert_eq!(response["stage"]["due"]["date"], "2027-01-06");
    ///
    /// let refused = engine.add_policy_json(r#"{"id": "example-borough-2026", "stages": []}"#);
    /// assert!(refused.is_err());
    /// assert!(engine.policy("example-borough-2026").is_some());
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn add_policy_json(&mut self, definition_json: &str) -> Result<(), DefinitionError> {
        let policy = Policy::from_definition_json(definition_json)?;
        self.add_policy(policy)
    }

    /// A policy the engine holds as its definition document, or an error
    /// document (`unknown_policy`); for a built-in policy, the document
    /// the library ships.
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// let text = Engine::new().policy_definition_json("gscp-escalation-2021");
    /// assert!(text.contains("\"Chair of the GSCP Executive\""));
    /// ```
    pub fn policy_definition_json(&self, id: &str) -> String {
        if let Some(builtin) = PolicyId::ALL.into_iter().find(|p| p.as_str() == id) {
            return crate::policy::builtin_document(builtin).to_string();
        }
        match self.policy(id) {
            Some(policy) => policy.to_definition_json(),
            None => crate::json::unknown_policy_document(self),
        }
    }

    /// As [`evaluate_json`](crate::evaluate_json), on the engine's
    /// calendars: the same request gives the same document, byte for byte,
    /// until holidays are loaded.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// // North Somerset's stage 1 is due one working day after Thursday 31
    /// // December 2026: past New Year's Day, Monday 4 January 2027 in
    /// // England and Wales; Tuesday 5 in Scotland, where 4 January is the
    /// // substitute for 2 January.
    /// let due = |calendar: &str| -> Result<String, serde_json::Error> {
    ///     let request = format!(r#"{{"policy": "nsscp-issue-resolution-2025", "calendar": "{calendar}",
    ///         "as_of": "2026-12-31", "events": [{{"type": "raised", "on": "2026-12-31"}}]}}"#);
    ///     let response: serde_json::Value = serde_json::from_str(&Engine::new().evaluate_json(&request))?;
    ///     Ok(response["stage"]["due"]["date"].to_string())
    /// };
    /// assert_eq!(due("england-and-wales")?, r#""2027-01-04""#);
    /// assert_eq!(due("scotland")?, r#""2027-01-05""#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn evaluate_json(&self, request: &str) -> String {
        crate::json::evaluate_on(self, request)
    }

    /// As [`validate_json`](crate::validate_json), on the engine's
    /// calendars.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// // Swindon's Resolution Form is to reach the partnership within five
    /// // working days of Day 17: 22 working days from Monday 1 February 2027
    /// // is Wednesday 3 March.
    /// let sent_on_problems = |sent_on: &str| -> Result<Vec<String>, serde_json::Error> {
    ///     let request = format!(r#"{{"form": "swindon-resolution-form",
    ///         "data": {{"raised_on": "2027-02-01", "sent_on": "{sent_on}"}}}}"#);
    ///     let response: serde_json::Value = serde_json::from_str(&Engine::new().validate_json(&request))?;
    ///     Ok(response["problems"].as_array().unwrap().iter()
    ///         .filter(|p| p["field"] == "sent_on")
    ///         .map(|p| p["code"].as_str().unwrap().to_string())
    ///         .collect())
    /// };
    /// assert!(sent_on_problems("2027-03-03")?.is_empty());
    /// assert_eq!(sent_on_problems("2027-03-04")?, ["after_stage_clock"]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn validate_json(&self, request: &str) -> String {
        crate::json::validate_on(self, request)
    }
    /// The daily work tray and the partnership's figures over JSON
    /// (CONTRACT section 10; `docs/json.md`): every case of the request
    /// evaluated as its own [`Engine::evaluate_json`] request would be, on
    /// the engine's calendars and policies, and every deadline that is
    /// overdue or falls within `within_working_days` working days of
    /// `as_of` listed, soonest first.
    ///
    /// A case names its `id` (a key, `^[A-Za-z0-9._:-]{1,64}$`, unique in
    /// the request), its `policy` (a built-in or added escalation policy,
    /// an inline definition, `gscp-serious-incident-2021` or
    /// `gscp-resolution-group-2021`), its `events` and whatever else its
    /// own request carries (`meetings`, `calendar`, ...); the sweep's
    /// `as_of` applies to all. A case that cannot be evaluated goes to
    /// `errors` with the error its own request would give, and the others
    /// are answered. A request wrong as a whole (not JSON, no `as_of`, an id
    /// that is not a key or is given twice, a limit of
    /// [`crate::limits`]) is the usual error document.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// // Monday 11 January 2027. Swindon's stage 2 began on Wednesday 23
    /// // December 2026 and was due five working days later, on Monday 4
    /// // January; the serious incident's notification is due five working
    /// // days after Friday 8 January, on Friday 15, past the horizon of two
    /// // working days (Wednesday 13); the third case is not a case.
    /// let answer = Engine::new().sweep_json(r#"{"as_of": "2027-01-11", "within_working_days": 2,
    ///   "cases": [
    ///     {"id": "case-17", "policy": "swindon-resolution-2026",
    ///      "events": [{"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]},
    ///     {"id": "si-3", "policy": "gscp-serious-incident-2021",
    ///      "events": [{"type": "aware", "on": "2027-01-08"}]},
    ///     {"id": "case-9", "policy": "swindon-resolution-2026",
    ///      "events": [{"type": "escalated", "on": "2027-01-04"}]}]}"#);
    /// let answer: serde_json::Value = serde_json::from_str(&answer)?;
    /// let first = &answer["items"][0];
    /// assert_eq!((&first["case"], &first["kind"], &first["stage"]), (&"case-17".into(), &"stage".into(), &2.into()));
    /// assert_eq!((&first["due_on"], &first["working_days_overdue"]), (&"2027-01-04".into(), &5.into()));
    /// assert!(answer["items"].as_array().unwrap().iter().all(|i| i["case"] != "si-3"));
    /// assert_eq!(answer["errors"][0]["case"], "case-9");
    /// assert_eq!(answer["errors"][0]["error"]["code"], "invalid_transition");
    /// assert_eq!(answer["summary"]["cases"], 1);
    /// assert_eq!(answer["summary"]["serious_incidents"]["incidents"], 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn sweep_json(&self, request: &str) -> String {
        match crate::json::sweep::read(request) {
            Ok(request) => self.sweep_read(request),
            Err(error) => error.to_document(),
        }
    }

    /// The tray of a sweep request read.
    fn sweep_read(&self, request: crate::json::sweep::SweepRequest) -> String {
        use crate::json::sweep::{Answered, SweepCase};
        let mut tray = Tray::new(request.as_of, request.within_working_days);
        if tray.horizon(self.calendar(request.division)).is_err() {
            return JsonError::new(
                "out_of_calendar_range",
                "within_working_days: as_of and this many working days after it is past the calendar's data"
                    .to_string(),
                None,
            )
            .to_document();
        }
        let mut answered = Vec::with_capacity(request.cases.len());
        let mut errors = Vec::new();
        let mut summary = Summary::default();
        for (index, SweepCase { id, request: case }) in request.cases.into_iter().enumerate() {
            let added = case
                .and_then(|case| crate::json::request::read(&case, self))
                .and_then(|parsed| self.add_to_tray(parsed, index, &mut tray, &mut summary));
            let calendar = match added {
                Ok(calendar) => calendar,
                Err(error) => {
                    errors.push((index, error));
                    self.calendar(request.division)
                }
            };
            answered.push(Answered { id, calendar });
        }
        let items = tray.into_items();
        crate::json::sweep::write(
            (request.as_of, request.within_working_days),
            &items,
            &answered,
            &errors,
            &summary,
        )
    }

    /// Evaluates one case of a sweep, adds its deadlines to the tray and
    /// its figures to the summary; the calendar it was evaluated on.
    fn add_to_tray<'s>(
        &'s self,
        parsed: Parsed<'_>,
        index: usize,
        tray: &mut Tray<'s, usize>,
        summary: &mut Summary,
    ) -> Result<&'s Calendar, JsonError> {
        let counted = |e| JsonError::from(crate::policy::Error::calendar(e, None));
        match parsed {
            Parsed::Escalation(request) => {
                let calendar = self.calendar(request.division);
                let status = request
                    .policy
                    .evaluate(calendar, &request.events, request.as_of)?;
                let figures = CaseFigures::of(&status, calendar).map_err(counted)?;
                tray.add_case(calendar, index, &status).map_err(counted)?;
                summary.add(&figures);
                Ok(calendar)
            }
            Parsed::Referral(request) => {
                let calendar = self.calendar(request.division);
                let status = crate::resolution_group::evaluate(
                    calendar,
                    &request.schedule,
                    &request.events,
                    request.as_of,
                    request.escalation.as_deref(),
                )?;
                tray.add_referral(calendar, index, &status)
                    .map_err(counted)?;
                summary.add_referral(&status);
                Ok(calendar)
            }
            Parsed::SeriousIncident(request) => {
                let calendar = self.calendar(request.division);
                let status = crate::serious_incident::evaluate(
                    calendar,
                    request.config,
                    &request.events,
                    request.as_of,
                )?;
                let figures = crate::serious_incident::IncidentFigures::of(&status, calendar)
                    .map_err(counted)?;
                tray.add_serious_incident(calendar, index, &status)
                    .map_err(counted)?;
                summary.add_serious_incident(&figures);
                Ok(calendar)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn an_engine_may_be_shared_between_threads() {
        assert_send_sync::<Engine>();
    }

    #[test]
    fn a_new_engine_answers_as_the_functions_do() {
        let engine = Engine::new();
        let request = r#"{"policy": "swindon-resolution-2026", "as_of": "2026-12-29",
            "events": [{"type": "raised", "on": "2026-12-21"}]}"#;
        assert_eq!(engine.evaluate_json(request), crate::evaluate_json(request));
        let form = r#"{"form": "swindon-resolution-form", "data": {}}"#;
        assert_eq!(engine.validate_json(form), crate::validate_json(form));
        assert!(!engine.has_loaded_holidays());
    }
}
