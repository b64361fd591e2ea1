//! An engine with runtime data (CONTRACT section 8): the JSON face on
//! calendars the caller loads, so that a service deployed for years takes
//! newer bank holidays without a new build of the library.
//!
//! [`evaluate_json`] and
//! [`validate_json`] are an engine on the embedded
//! data; an [`Engine`] answers the same requests with the same documents,
//! on the bank holidays it holds. The C interface has the same object
//! behind a handle (`sgr_engine_new` and the functions after it).
//!
//! An engine holds the built-in policies and any the caller adds
//! ([`Engine::add_policy_json`]), named thereafter by their ids in
//! requests (CONTRACT section 7).

use std::sync::{Arc, OnceLock};

use arc_swap::ArcSwap;

use crate::calendar::{Calendar, Division, Error};
use crate::json::request::{Parsed, PolicyTable};
use crate::json::{self, JsonError};
use crate::limits::{ANSWER_FACTOR, ANSWER_FLOOR_BYTES};
use crate::policy::monitoring::{CaseFigures, Summary};
use crate::policy::sweep::Tray;
use crate::policy::{DefinitionError, Policy, PolicyId};

/// The JSON face with its own bank-holiday data.
///
/// A new engine holds the embedded calendars and answers exactly as
/// [`evaluate_json`] does.
/// [`Engine::load_holidays`] replaces the bank holidays of all three
/// divisions from a GOV.UK `bank-holidays.json` document; every request
/// after that is answered on them (years the document does not cover are
/// projected from the statutory rules, as for the embedded data).
///
/// An engine is `Send + Sync`, and every call takes `&self`: evaluate,
/// load holidays and add policies from as many threads as you like at
/// once. A load or an add replaces what the engine holds whole (its
/// [`Snapshot`]), and an evaluation answers on the snapshot it started
/// with: the old state or the new one, never a mix. Cloning is cheap (the
/// calendars and policies are shared).
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
/// let engine = Engine::new();
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
#[derive(Debug, Default)]
pub struct Engine {
    /// What the engine holds, replaced whole by a load or an add: an
    /// evaluation reads one snapshot from start to end.
    state: ArcSwap<Snapshot>,
}

/// What an [`Engine`] holds at one moment: its calendars and the policies
/// added. An evaluation reads one snapshot from start to end, so a load or
/// an add beside it is seen whole or not at all.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::Engine;
///
/// let engine = Engine::new();
/// let before = engine.snapshot();
/// engine.add_policy_json(r#"{"id": "example-borough-2026", "name": "Example Borough",
///     "stages": [{"number": 1, "name": "Practitioners", "clock": {"kind": "not_stated"}}]}"#)?;
/// assert!(before.policy("example-borough-2026").is_none());
/// assert!(engine.snapshot().policy("example-borough-2026").is_some());
/// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The calendars loaded, by [`Division`] order; `None` for the
    /// embedded ones.
    calendars: Option<Arc<[Calendar; 3]>>,
    /// Policies added by the caller, in the order added (shared between
    /// snapshots).
    policies: Vec<Arc<Policy>>,
}

impl Clone for Engine {
    /// An engine holding what this one holds now; later loads and adds on
    /// either leave the other as it is.
    fn clone(&self) -> Engine {
        Engine {
            state: ArcSwap::new(self.state.load_full()),
        }
    }
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
        Engine::default()
    }

    /// What the engine holds now: answers on it stay the same whatever
    /// loads and adds follow.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// let engine = Engine::new();
    /// let snapshot = engine.snapshot();
    /// assert_eq!(snapshot.policy_ids().len(), 3);
    /// ```
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.state.load_full()
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
    /// let engine = Engine::new();
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
    pub fn load_holidays(&self, govuk_json: &str) -> Result<(), Error> {
        let calendars = Arc::new(Calendar::uk_from_govuk_json(govuk_json)?);
        self.state.rcu(|state| Snapshot {
            calendars: Some(Arc::clone(&calendars)),
            policies: state.policies.clone(),
        });
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
    /// let engine = Engine::new();
    /// assert!(!engine.has_loaded_holidays());
    /// // A document with one division of three is refused: still embedded.
    /// let scotland_only = r#"{"scotland": {"division": "scotland", "events": []}}"#;
    /// assert!(engine.load_holidays(scotland_only).is_err());
    /// assert!(!engine.has_loaded_holidays());
    /// ```
    pub fn has_loaded_holidays(&self) -> bool {
        self.state.load().has_loaded_holidays()
    }

    /// The calendar the engine uses for a division now (a calendar is a
    /// cheap handle on shared tables).
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
    pub fn calendar(&self, division: Division) -> Calendar {
        self.state.load().calendar(division).clone()
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
    pub fn policy(&self, id: &str) -> Option<Arc<Policy>> {
        match PolicyId::ALL.into_iter().find(|p| p.as_str() == id) {
            Some(builtin) => Some(shared_builtin(builtin)),
            None => self
                .state
                .load()
                .policies
                .iter()
                .find(|p| p.id == id)
                .cloned(),
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
    pub fn policy_ids(&self) -> Vec<String> {
        self.state
            .load()
            .policy_ids()
            .into_iter()
            .map(str::to_string)
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
    /// let engine = Engine::new();
    /// let swindon = Policy::get(PolicyId::SwindonResolution2026).clone();
    /// assert!(engine.add_policy(swindon).is_err());
    /// ```
    pub fn add_policy(&self, policy: Policy) -> Result<(), DefinitionError> {
        if is_reserved(&policy.id) {
            return Err(DefinitionError::reserved_id());
        }
        let policy = Arc::new(policy);
        self.state.rcu(|state| {
            let mut next = Snapshot::clone(state);
            match next.policies.iter_mut().find(|p| p.id == policy.id) {
                Some(earlier) => *earlier = Arc::clone(&policy),
                None => next.policies.push(Arc::clone(&policy)),
            }
            next
        });
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
    /// let engine = Engine::new();
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
    pub fn add_policy_json(&self, definition_json: &str) -> Result<(), DefinitionError> {
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
        self.state.load().policy_definition_json(id)
    }

    /// As [`evaluate_json`], on the engine's
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
        self.state.load().evaluate_json(request)
    }

    /// As [`validate_json`], on the engine's
    /// calendars.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// // Swindon's Resolution Form is to reach the partnership within five
    /// // working days of Day 17: 22 working days from Monday 1 February 2027
    /// // is Wednesday 3 March. A form sent later records what happened: a
    /// // warning, not a problem.
    /// let sent_on_warnings = |sent_on: &str| -> Result<Vec<String>, serde_json::Error> {
    ///     let request = format!(r#"{{"form": "swindon-resolution-form",
    ///         "data": {{"raised_on": "2027-02-01", "sent_on": "{sent_on}"}}}}"#);
    ///     let response: serde_json::Value = serde_json::from_str(&Engine::new().validate_json(&request))?;
    ///     Ok(response["warnings"].as_array().unwrap().iter()
    ///         .filter(|w| w["field"] == "sent_on")
    ///         .map(|w| w["code"].as_str().unwrap().to_string())
    ///         .collect())
    /// };
    /// assert!(sent_on_warnings("2027-03-03")?.is_empty());
    /// assert_eq!(sent_on_warnings("2027-03-04")?, ["after_stage_clock"]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn validate_json(&self, request: &str) -> String {
        self.state.load().validate_json(request)
    }

    /// Reads a definition as [`evaluate_json`] reads one given inline: the
    /// policy it defines, or every problem with its path. A built-in
    /// policy's id is taken only by that policy's own document (CONTRACT
    /// section 8), so a copy of a built-in must be given an id of its own
    /// once it is changed. For a host that checks an author's definition
    /// (the workbench's "Check policy") without a case to evaluate.
    ///
    /// # Errors
    ///
    /// The definition refused ([`DefinitionError`]): not JSON, over a limit,
    /// or wrong in any way, each problem with its path.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::{Engine, policy_definition_json};
    ///
    /// let engine = Engine::new();
    /// let swindon = policy_definition_json("swindon-resolution-2026");
    /// assert_eq!(engine.read_definition_json(&swindon)?.id, "swindon-resolution-2026");
    /// // The same id on another document is refused at `id`.
    /// let renamed = swindon.replacen("Internal Discussion", "Talk it over", 1);
    /// let refused = engine.read_definition_json(&renamed).unwrap_err();
    /// assert_eq!(refused.problems()[0].path, "id");
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn read_definition_json(&self, definition_json: &str) -> Result<Policy, DefinitionError> {
        let value = crate::door::read(definition_json).map_err(DefinitionError::refused)?;
        json::request::inline_definition(self.state.load().as_ref(), &value)
            .map(std::borrow::Cow::into_owned)
    }

    /// As [`sweep_json`], on what the engine holds when
    /// the call starts ([`Snapshot::sweep_json`]): every case of the tray
    /// on the same calendars and policies, whatever loads and adds run
    /// beside it.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// let answer = Engine::new().sweep_json(r#"{"as_of": "2027-02-01", "cases": []}"#);
    /// let answer: serde_json::Value = serde_json::from_str(&answer)?;
    /// assert_eq!(answer["summary"]["cases"], 0);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn sweep_json(&self, request: &str) -> String {
        self.state.load().sweep_json(request)
    }
}

impl Snapshot {
    /// Whether the snapshot holds bank holidays loaded with
    /// [`Engine::load_holidays`] rather than the embedded ones.
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// assert!(!Engine::new().snapshot().has_loaded_holidays());
    /// ```
    pub fn has_loaded_holidays(&self) -> bool {
        self.calendars.is_some()
    }

    /// The calendar for a division.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::Engine;
    /// use safeguarding_resolution::calendar::Division;
    ///
    /// let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
    /// let snapshot = Engine::new().snapshot();
    /// assert!(!snapshot.calendar(Division::Scotland).is_working_day(christmas)?);
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
    /// let snapshot = Engine::new().snapshot();
    /// assert_eq!(snapshot.policy("nsscp-issue-resolution-2025").map(|p| p.stages.len()), Some(4));
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

    /// The ids of every escalation policy held: the built-in ones, then
    /// those added.
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// assert!(Engine::new().snapshot().policy_ids().contains(&"swindon-resolution-2026"));
    /// ```
    pub fn policy_ids(&self) -> Vec<&str> {
        PolicyId::ALL
            .iter()
            .map(|p| p.as_str())
            .chain(self.policies.iter().map(|p| p.id.as_str()))
            .collect()
    }

    /// As [`Engine::policy_definition_json`], on this snapshot.
    ///
    /// ```
    /// use safeguarding_resolution::Engine;
    ///
    /// let text = Engine::new().snapshot().policy_definition_json("nowhere");
    /// assert!(text.contains("unknown_policy"));
    /// ```
    pub fn policy_definition_json(&self, id: &str) -> String {
        if let Some(builtin) = PolicyId::ALL.into_iter().find(|p| p.as_str() == id) {
            return crate::policy::builtin_document(builtin).to_string();
        }
        match self.policy(id) {
            Some(policy) => policy.to_definition_json(),
            None => json::unknown_policy_document(self),
        }
    }

    /// As [`Engine::evaluate_json`], on this snapshot.
    ///
    /// ```
    /// use safeguarding_resolution::{Engine, evaluate_json};
    ///
    /// let request = r#"{"policy": "swindon-resolution-2026", "as_of": "2026-12-21",
    ///     "events": [{"type": "raised", "on": "2026-12-21"}]}"#;
    /// assert_eq!(Engine::new().snapshot().evaluate_json(request), evaluate_json(request));
    /// ```
    pub fn evaluate_json(&self, request: &str) -> String {
        self.evaluate_text(request)
            .unwrap_or_else(|error| error.to_document())
    }

    /// As [`Engine::validate_json`], on this snapshot.
    ///
    /// ```
    /// use safeguarding_resolution::{Engine, validate_json};
    ///
    /// let form = r#"{"form": "swindon-resolution-form", "data": {}}"#;
    /// assert_eq!(Engine::new().snapshot().validate_json(form), validate_json(form));
    /// ```
    pub fn validate_json(&self, request: &str) -> String {
        self.validate_text(request)
            .unwrap_or_else(|error| error.to_document())
    }

    /// A request through the house: the door and the wire read it, the
    /// process named evaluates it, the wire writes its status.
    fn evaluate_text(&self, request_text: &str) -> Result<String, JsonError> {
        let value = json::parse(request_text)?;
        let written = match self.evaluated(json::request::read(&value, self)?)? {
            Evaluated::Escalation(status, calendar) => {
                let written = json::response::write(&status, calendar);
                if written
                    .as_ref()
                    .is_ok_and(|w| w.len() > answer_budget(request_text))
                {
                    return Err(JsonError::new(
                        "limit_exceeded",
                        format!(
                            "the answer would be larger than {ANSWER_FACTOR} times the request \
                             (limits::ANSWER_FACTOR; at least limits::ANSWER_FLOOR_BYTES, \
                             {ANSWER_FLOOR_BYTES} bytes)"
                        ),
                        None,
                    ));
                }
                written
            }
            Evaluated::Referral(status, rule, calendar) => {
                json::referral::write(&status, rule, calendar)
            }
            Evaluated::SeriousIncident(status, calendar) => {
                json::serious_incident::write(&status, calendar)
            }
        };
        json::written(written)
    }

    /// A validate request: the wire reads it, the forms check it on the
    /// snapshot's calendar, the wire writes the validation.
    fn validate_text(&self, request: &str) -> Result<String, JsonError> {
        let (form, division, data) = json::read_validate(request)?;
        let validation = crate::forms::validate_on(form, &data, self.calendar(division));
        json::written(serde_json::to_string(&validation))
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
                .and_then(|case| json::request::read(&case, self))
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
        match self.evaluated(parsed)? {
            Evaluated::Escalation(status, calendar) => {
                let figures = CaseFigures::of(&status, calendar).map_err(counted)?;
                tray.add_case(calendar, index, &status).map_err(counted)?;
                summary.add(&figures);
                Ok(calendar)
            }
            Evaluated::Referral(status, _, calendar) => {
                tray.add_referral(calendar, index, &status)
                    .map_err(counted)?;
                summary.add_referral(&status);
                Ok(calendar)
            }
            Evaluated::SeriousIncident(status, calendar) => {
                let figures = crate::serious_incident::IncidentFigures::of(&status, calendar)
                    .map_err(counted)?;
                tray.add_serious_incident(calendar, index, &status)
                    .map_err(counted)?;
                summary.add_serious_incident(&figures);
                Ok(calendar)
            }
        }
    }

    /// A request read, evaluated by its process on the snapshot's calendar:
    /// the one place every caller's case is evaluated, for an answer or
    /// for the tray.
    fn evaluated(&self, parsed: Parsed<'_>) -> Result<Evaluated<'_>, JsonError> {
        Ok(match parsed {
            Parsed::Escalation(request) => {
                let calendar = self.calendar(request.division);
                let status = request
                    .policy
                    .evaluate(calendar, &request.events, request.as_of)?;
                Evaluated::Escalation(status, calendar)
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
                Evaluated::Referral(status, request.schedule.rule(), calendar)
            }
            Parsed::SeriousIncident(request) => {
                let calendar = self.calendar(request.division);
                let status = crate::serious_incident::evaluate(
                    calendar,
                    request.config,
                    &request.events,
                    request.as_of,
                )?;
                Evaluated::SeriousIncident(status, calendar)
            }
        })
    }
}

/// A case evaluated by its process, with the calendar it was counted on.
// Made and taken apart within one call: boxing the larger variant would
// add an allocation per case for nothing.
#[allow(clippy::large_enum_variant)]
enum Evaluated<'s> {
    Escalation(crate::policy::CaseStatus, &'s Calendar),
    Referral(
        crate::resolution_group::ReferralStatus,
        crate::resolution_group::DeadlineRule,
        &'s Calendar,
    ),
    SeriousIncident(crate::serious_incident::IncidentStatus, &'s Calendar),
}

/// The snapshot is the table a request's policy id is looked up in.
impl PolicyTable for Snapshot {
    fn policy(&self, id: &str) -> Option<&Policy> {
        Snapshot::policy(self, id)
    }

    fn policy_ids(&self) -> Vec<&str> {
        Snapshot::policy_ids(self)
    }

    fn is_reserved(&self, id: &str) -> bool {
        is_reserved(id)
    }
}

/// The most bytes an escalation answer to `request` may have.
fn answer_budget(request: &str) -> usize {
    request
        .len()
        .saturating_mul(ANSWER_FACTOR)
        .max(ANSWER_FLOOR_BYTES)
}

/// Evaluates a case given as JSON, and returns its status (or an error) as
/// JSON. Never panics, whatever the input.
///
/// The request is `{"policy", "calendar" (optional), "as_of", "events"}`;
/// the response names the status, the current stage with its deadline,
/// whether it is overdue, milestones, obligations, the events allowed next,
/// and the history. Field names and codes are fixed by CONTRACT section 3
/// and described in `docs/json.md`. `"policy": "gscp-resolution-group-2021"`
/// (CONTRACT section 4) and `"policy": "gscp-serious-incident-2021"` (the
/// statutory clocks after a serious incident, section 9;
/// `docs/serious-incidents.md`) have requests and responses of their own.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::evaluate_json;
///
/// let response = evaluate_json(r#"{
///   "policy": "swindon-resolution-2026",
///   "calendar": "england-and-wales",
///   "as_of": "2027-01-05",
///   "events": [
///     {"type": "raised",    "on": "2026-12-21"},
///     {"type": "escalated", "on": "2026-12-23"}
///   ]
/// }"#);
/// let status: serde_json::Value = serde_json::from_str(&response)?;
/// assert_eq!(status["status"], "open");
/// assert_eq!(status["stage"]["number"], 2);
/// assert_eq!(status["stage"]["due"]["date"], "2027-01-04");
/// assert_eq!(status["overdue"], true);
/// assert_eq!(status["working_days_overdue"], 1);
///
/// let error = evaluate_json(r#"{"policy": "nowhere", "as_of": "2027-01-05", "events": []}"#);
/// let error: serde_json::Value = serde_json::from_str(&error)?;
/// assert_eq!(error["error"]["code"], "unknown_policy");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn evaluate_json(request: &str) -> String {
    Snapshot::default().evaluate_json(request)
}

/// Validates a form given as JSON, and returns every problem at once as
/// JSON. Never panics, whatever the input.
///
/// The request is `{"form": "<form id>", "data": {...}}` (and optionally
/// `"calendar"`, for the working-day checks); the response is
/// `{"valid": bool, "problems": [{"field", "code", "message"}], "warnings":
/// [...]}` (warnings, shaped as problems, never make a form invalid), or
/// `{"error": ...}` when the request itself cannot be read. Form ids:
/// `gscp-resolution-group-referral`, `swindon-resolution-form`,
/// `nsscp-recording-form`; their fields are described in `docs/forms/` (a page per form).
/// Messages never repeat the values given (forms carry personal data).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::validate_json;
///
/// let response = validate_json(r#"{"form": "swindon-resolution-form", "data": {}}"#);
/// let response: serde_json::Value = serde_json::from_str(&response)?;
/// assert_eq!(response["valid"], false);
/// let fields: Vec<&str> = response["problems"].as_array().unwrap().iter()
///     .map(|p| p["field"].as_str().unwrap()).collect();
/// assert!(fields.contains(&"address") && fields.contains(&"representative"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn validate_json(request: &str) -> String {
    Snapshot::default().validate_json(request)
}

/// The work tray and the figures over JSON (CONTRACT section 10), on the
/// embedded calendars and the built-in policies: [`Engine::sweep_json`]
/// of a new engine. Never panics, whatever the input.
///
/// The request is `{"as_of", "calendar" (optional), "within_working_days"
/// (optional, default 0), "cases": [{"id", "policy", "events", ...}]}`;
/// the answer `{"as_of", "within_working_days", "items", "errors",
/// "summary"}` (`docs/json.md`).
///
/// # Example
///
/// ```
/// use safeguarding_resolution::sweep_json;
///
/// // North Somerset, raised on Monday 1 February 2027: stage 1 is due by
/// // Tuesday 2, Day 5 (the referral to the partnership) by Monday 8.
/// let answer = sweep_json(r#"{"as_of": "2027-02-01", "within_working_days": 1, "cases": [
///     {"id": "a", "policy": "nsscp-issue-resolution-2025", "events": [{"type": "raised", "on": "2027-02-01"}]}]}"#);
/// let answer: serde_json::Value = serde_json::from_str(&answer)?;
/// let items = answer["items"].as_array().unwrap();
/// assert_eq!(items[0]["due_on"], "2027-02-02");
/// assert_eq!(items[0]["working_days_left"], 1);
/// assert!(items.iter().all(|i| i["due_on"] == "2027-02-02"));
///
/// let refused = sweep_json(r#"{"as_of": "2027-02-01", "cases": [{"id": "Jane Doe", "policy": "x", "events": []}]}"#);
/// assert!(refused.contains("cases[0].id") && !refused.contains("Jane"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn sweep_json(request: &str) -> String {
    Snapshot::default().sweep_json(request)
}

/// A built-in escalation policy as its definition document (CONTRACT
/// section 7), or an error document (`unknown_policy`). Evaluating any
/// request with the returned document in place of the id gives the same
/// response, byte for byte.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::{evaluate_json, policy_definition_json};
///
/// let definition = policy_definition_json("nsscp-issue-resolution-2025");
/// let request = |policy: &str| format!(
///     r#"{{"policy": {policy}, "as_of": "2027-03-24",
///         "events": [{{"type": "raised", "on": "2027-03-24"}}]}}"#);
/// assert_eq!(
///     evaluate_json(&request(&definition)),
///     evaluate_json(&request("\"nsscp-issue-resolution-2025\"")),
/// );
/// let error: serde_json::Value = serde_json::from_str(&policy_definition_json("nowhere"))?;
/// assert_eq!(error["error"]["code"], "unknown_policy");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn policy_definition_json(id: &str) -> String {
    Snapshot::default().policy_definition_json(id)
}

/// Whether an id is one of the library's own policies (an added policy or
/// an inline definition may not take it).
pub(crate) fn is_reserved(id: &str) -> bool {
    Policy::builtin(id).is_some()
        || id == "gscp-resolution-group-2021"
        || id == crate::serious_incident::POLICY_ID
}

/// A built-in policy behind an `Arc`, made once.
fn shared_builtin(id: PolicyId) -> Arc<Policy> {
    static SHARED: OnceLock<Vec<Arc<Policy>>> = OnceLock::new();
    let all = SHARED.get_or_init(|| {
        PolicyId::ALL
            .into_iter()
            .map(|p| Arc::new(Policy::get(p).clone()))
            .collect()
    });
    let at = PolicyId::ALL.iter().position(|p| *p == id).unwrap_or(0);
    Arc::clone(&all[at])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn an_engine_may_be_shared_between_threads() {
        assert_send_sync::<Engine>();
    }

    /// Loads and adds beside evaluations: every answer is one of the whole
    /// answers (older or newer holidays, first or revised policy), never a
    /// mix; worked by hand, the borough's stage 1 (two or three working
    /// days from Monday 1 March 2027) is due Wednesday 3 March, Thursday 4
    /// or Friday 5, a day later once Tuesday 2 March is a bank holiday.
    #[test]
    fn loads_and_adds_run_beside_evaluations() {
        let holidays = |march: bool| {
            let extra = if march {
                r#",{"title": "A new bank holiday", "date": "2027-03-02", "notes": "", "bunting": true}"#
            } else {
                ""
            };
            format!(
                r#"{{"england-and-wales": {{"division": "england-and-wales", "events": [
                {{"title": "New Year", "date": "2027-01-01", "notes": "", "bunting": true}}{extra}]}},
                "scotland": {{"division": "scotland", "events": [
                {{"title": "New Year", "date": "2027-01-01", "notes": "", "bunting": true}}]}},
                "northern-ireland": {{"division": "northern-ireland", "events": [
                {{"title": "New Year", "date": "2027-01-01", "notes": "", "bunting": true}}]}}}}"#
            )
        };
        let policy = |days: u32| {
            format!(
                r#"{{"id": "borough", "name": "Borough", "stages": [
                {{"number": 1, "name": "One", "clock": {{"kind": "working_days_after_start", "days": {days}}}}},
                {{"number": 2, "name": "Two", "clock": {{"kind": "not_stated"}}}}]}}"#
            )
        };
        let request = r#"{"policy": "borough", "as_of": "2027-03-01",
            "events": [{"type": "raised", "on": "2027-03-01"}]}"#;
        let mut whole = Vec::new();
        for (march, days) in [(false, 2), (false, 3), (true, 2), (true, 3)] {
            let engine = Engine::new();
            engine.load_holidays(&holidays(march)).unwrap();
            engine.add_policy_json(&policy(days)).unwrap();
            whole.push(engine.evaluate_json(request));
        }
        for (answer, date) in whole.iter().zip(["03-03", "03-04", "03-04", "03-05"]) {
            assert!(
                answer.contains(&format!("\"date\":\"2027-{date}\"")),
                "{answer}"
            );
        }
        let engine = Engine::new();
        engine.load_holidays(&holidays(false)).unwrap();
        engine.add_policy_json(&policy(2)).unwrap();
        std::thread::scope(|scope| {
            let readers: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        (0..200)
                            .filter(|_| !whole.contains(&engine.evaluate_json(request)))
                            .count()
                    })
                })
                .collect();
            for i in 0..30 {
                engine.load_holidays(&holidays(i % 2 == 0)).unwrap();
                engine.add_policy_json(&policy(2 + i % 3 / 2)).unwrap();
            }
            for reader in readers {
                assert_eq!(reader.join().unwrap(), 0, "answers not whole");
            }
        });
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
