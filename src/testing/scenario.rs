//! An author's own test cases for a policy: scenario files with expected
//! values, checked against the answers, and the answers as timelines in
//! plain English.
//!
//! A scenario is an `evaluate_json` request that may carry, at its top, an
//! `expect` list: each item a [JSON pointer](https://www.rfc-editor.org/rfc/rfc6901)
//! into the answer and the value expected there. The pointer is read from
//! the whole answer, or from one obligation, milestone or past stage named
//! by its id, name or number rather than by its place in a list:
//!
//! ```json
//! {
//!   "policy": "example-borough-2026",
//!   "as_of": "2027-02-20",
//!   "events": [{"type": "raised", "on": "2027-02-01"}, {"type": "resolved", "on": "2027-02-02"}],
//!   "expect": [
//!     {"pointer": "/status", "equals": "resolved"},
//!     {"milestone": "Day 10", "pointer": "/lapsed_on", "equals": "2027-02-02"},
//!     {"obligation": "agency_log", "stage": 2, "pointer": "/done_on", "equals": null},
//!     {"history": 1, "pointer": "/ended_by", "equals": "resolved"}
//!   ]
//! }
//! ```
//!
//! | key | meaning |
//! |---|---|
//! | `pointer` | *required*: a JSON pointer (`/stage/due/date`, `""` for the whole), into the answer or into the item named below |
//! | `equals` | *required*: the value expected there (any JSON value; `null` matches only a `null`, not a missing key) |
//! | `obligation` | the obligation with this `id`; with several of that id, `stage` names the stage it arose at |
//! | `stage` | with `obligation` only: the stage the obligation arose at |
//! | `milestone` | the milestone with this `name` |
//! | `history` | the past stage with this number, in `history` |
//!
//! At most one of `obligation`, `milestone` and `history` is given; without
//! any, the pointer is read from the whole answer (an error answer too:
//! `/error/code`). The request without `expect` is what is evaluated.
//!
//! # Example
//!
//! ```
//! use safeguarding_resolution::Engine;
//! use safeguarding_resolution::testing::scenario::Scenario;
//!
//! let scenario = Scenario::from_json(r#"{
//!     "policy": "swindon-resolution-2026", "as_of": "2027-01-05",
//!     "events": [{"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}],
//!     "expect": [
//!         {"pointer": "/stage/due/date", "equals": "2027-01-04"},
//!         {"obligation": "agency_log", "stage": 2, "pointer": "/arose_on", "equals": "2026-12-24"}
//!     ]
//! }"#)?;
//! let run = scenario.run(&Engine::new());
//! // Stage 2 started on the 23rd: the second expectation is wrong.
//! assert!(!run.passed());
//! let [mismatch] = run.mismatches.as_slice() else { panic!("one mismatch") };
//! assert_eq!(mismatch.index, 1);
//! assert_eq!(
//!     mismatch.to_string(),
//!     r#"expect[1] (obligation agency_log at stage 2, /arose_on): expected "2026-12-24", found "2026-12-23""#
//! );
//! # Ok::<(), safeguarding_resolution::testing::scenario::ScenarioError>(())
//! ```

use std::fmt;

use serde_json::Value;

use crate::Engine;
use crate::place;
use crate::policy::Policy;

/// A scenario: the request to evaluate and what its answer should say.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    request: Value,
    expectations: Vec<Expectation>,
}

/// One expected value of a scenario's answer.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Expectation {
    /// What the pointer is read from.
    pub target: Target,
    /// The JSON pointer, from the target.
    pub pointer: String,
    /// The value expected there.
    pub equals: Value,
}

/// The part of the answer an expectation's pointer is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// The whole answer.
    Answer,
    /// The obligation with this id (and, when given, the stage it arose
    /// at).
    Obligation {
        /// Its `id`.
        id: String,
        /// The `stage` it arose at, when several share the id.
        stage: Option<u64>,
    },
    /// The milestone with this name.
    Milestone {
        /// Its `name`.
        name: String,
    },
    /// The past stage with this number, in `history`.
    History {
        /// Its `stage` number.
        stage: u64,
    },
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Answer => f.write_str("the answer"),
            Target::Obligation { id, stage: None } => write!(f, "obligation {id}"),
            Target::Obligation {
                id,
                stage: Some(stage),
            } => write!(f, "obligation {id} at stage {stage}"),
            Target::Milestone { name } => write!(f, "milestone {name}"),
            Target::History { stage } => write!(f, "history of stage {stage}"),
        }
    }
}

/// A scenario file that cannot be read as one: where, and what was
/// expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// The place in the scenario file: `expect[2].pointer`, or `(file)`.
    pub place: String,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl std::error::Error for ScenarioError {}

fn refuse<T>(place: impl Into<String>, message: impl Into<String>) -> Result<T, ScenarioError> {
    Err(ScenarioError {
        place: place.into(),
        message: message.into(),
    })
}

const EXPECTATION_KEYS: &str = "pointer, equals, obligation, stage, milestone, history";

impl Scenario {
    /// Reads a scenario file: a request, with an optional `expect` list.
    ///
    /// # Errors
    ///
    /// A file that is not a JSON object, or an `expect` that is not a list
    /// of expectations as the [module](self) describes; the error names the
    /// place.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::testing::scenario::Scenario;
    ///
    /// let err = Scenario::from_json(r#"{"policy": "p", "expect": [{"pointer": "status"}]}"#).unwrap_err();
    /// assert_eq!(err.place, "expect[0].pointer");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let mut request = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return refuse("(file)", "expected a request: a JSON object"),
            Err(error) => {
                return refuse(
                    "(file)",
                    format!(
                        "not JSON (line {}, column {})",
                        error.line(),
                        error.column()
                    ),
                );
            }
        };
        let expectations = match request.remove("expect") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| expectation(item, &place::index("expect", i)))
                .collect::<Result<_, _>>()?,
            Some(_) => return refuse("expect", "expected a list of expectations"),
        };
        Ok(Scenario {
            request: Value::Object(request),
            expectations,
        })
    }

    /// The request to evaluate: the scenario without its `expect`.
    pub fn request_json(&self) -> String {
        self.request.to_string()
    }

    /// The expectations, in the file's order.
    pub fn expectations(&self) -> &[Expectation] {
        &self.expectations
    }

    /// Every expectation the answer does not meet, in the file's order.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::testing::scenario::Scenario;
    ///
    /// let scenario = Scenario::from_json(
    ///     r#"{"expect": [{"milestone": "Day 5", "pointer": "/met_on", "equals": "2027-01-08"}]}"#,
    /// )?;
    /// let answer = serde_json::json!({"milestones": [{"name": "Day 5", "met_on": null}]});
    /// let mismatches = scenario.check(&answer);
    /// assert_eq!(mismatches[0].found, Some(serde_json::Value::Null));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(&self, answer: &Value) -> Vec<Mismatch> {
        self.expectations
            .iter()
            .enumerate()
            .filter_map(|(index, expectation)| {
                let (found, why) = match select(answer, &expectation.target) {
                    Ok(item) => match item.pointer(&expectation.pointer) {
                        Some(value) if *value == expectation.equals => return None,
                        Some(value) => (Some(value.clone()), None),
                        None => (None, Some("no such place in the answer".to_string())),
                    },
                    Err(why) => (None, Some(why)),
                };
                Some(Mismatch {
                    index,
                    target: expectation.target.clone(),
                    pointer: expectation.pointer.clone(),
                    expected: expectation.equals.clone(),
                    found,
                    why,
                })
            })
            .collect()
    }

    /// Evaluates the scenario on `engine` and checks its answer.
    pub fn run(&self, engine: &Engine) -> ScenarioRun {
        let answer = serde_json::from_str(&engine.evaluate_json(&self.request_json()))
            // The engine always answers JSON; were it not, every
            // expectation reports that nothing was found.
            .unwrap_or(Value::Null);
        let mismatches = self.check(&answer);
        ScenarioRun {
            answer,
            checked: self.expectations.len(),
            mismatches,
        }
    }
}

fn expectation(item: &Value, at: &str) -> Result<Expectation, ScenarioError> {
    let Value::Object(object) = item else {
        return refuse(
            at,
            format!("expected an object with keys among {EXPECTATION_KEYS}"),
        );
    };
    if let Some(key) = object.keys().find(|k| {
        !EXPECTATION_KEYS
            .split(", ")
            .any(|known| known == k.as_str())
    }) {
        return refuse(
            place::key(at, key),
            format!("not a key of an expectation; its keys: {EXPECTATION_KEYS}"),
        );
    }
    let pointer = match object.get("pointer") {
        Some(Value::String(p)) if p.is_empty() || p.starts_with('/') => p.clone(),
        Some(Value::String(_)) => {
            return refuse(
                place::key(at, "pointer"),
                "a JSON pointer starts with '/' (such as /stage/due/date), or is empty for the whole",
            );
        }
        Some(_) => {
            return refuse(
                place::key(at, "pointer"),
                "expected a JSON pointer, as text",
            );
        }
        None => {
            return refuse(
                place::key(at, "pointer"),
                "missing: the JSON pointer to the value",
            );
        }
    };
    let Some(equals) = object.get("equals").cloned() else {
        return refuse(
            place::key(at, "equals"),
            "missing: the value expected (null for a null)",
        );
    };
    let text = |key: &str| -> Result<Option<String>, ScenarioError> {
        match object.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if !s.is_empty() => Ok(Some(s.clone())),
            Some(_) => refuse(place::key(at, key), "expected an id or a name, as text"),
        }
    };
    let number = |key: &str| -> Result<Option<u64>, ScenarioError> {
        match object.get(key) {
            None => Ok(None),
            Some(value) => match value.as_u64() {
                Some(n) => Ok(Some(n)),
                None => refuse(place::key(at, key), "expected a stage number"),
            },
        }
    };
    let obligation = text("obligation")?;
    let milestone = text("milestone")?;
    let history = number("history")?;
    let stage = number("stage")?;
    let target = match (obligation, milestone, history) {
        (None, None, None) => Target::Answer,
        (Some(id), None, None) => Target::Obligation { id, stage },
        (None, Some(name), None) => Target::Milestone { name },
        (None, None, Some(stage)) => Target::History { stage },
        _ => {
            return refuse(at, "name at most one of obligation, milestone and history");
        }
    };
    if stage.is_some() && !matches!(target, Target::Obligation { .. }) {
        return refuse(
            place::key(at, "stage"),
            "stage names the stage an obligation arose at: give it with obligation",
        );
    }
    Ok(Expectation {
        target,
        pointer,
        equals,
    })
}

/// The item of the answer an expectation reads, or why there is none.
fn select<'a>(answer: &'a Value, target: &Target) -> Result<&'a Value, String> {
    let (list, what) = match target {
        Target::Answer => return Ok(answer),
        Target::Obligation { .. } => ("obligations", "obligation"),
        Target::Milestone { .. } => ("milestones", "milestone"),
        Target::History { .. } => ("history", "past stage"),
    };
    let Some(items) = answer.get(list).and_then(Value::as_array) else {
        return Err(
            match answer.pointer("/error/code").and_then(Value::as_str) {
                Some(code) => format!("the answer is an error ({code}), with no {list}"),
                None => format!("the answer has no {list}"),
            },
        );
    };
    let mut found = items.iter().filter(|item| is_named(target, item));
    match (found.next(), found.count()) {
        (Some(item), 0) => Ok(item),
        (None, _) => Err(format!(
            "no {what} of that {} in the answer",
            key_of(target)
        )),
        (Some(_), more) => Err(match target {
            Target::Obligation { stage: None, .. } => format!(
                "{} obligations have that id: name the stage it arose at with \"stage\"",
                more + 1
            ),
            _ => format!(
                "{} {list} match: point into /{list} by index instead",
                more + 1
            ),
        }),
    }
}

/// Whether an item of the answer's list is the one the target names.
fn is_named(target: &Target, item: &Value) -> bool {
    let text = |key: &str| item.get(key).and_then(Value::as_str);
    let number = |key: &str| item.get(key).and_then(Value::as_u64);
    match target {
        Target::Answer => true,
        Target::Obligation { id, stage } => {
            text("id") == Some(id.as_str()) && stage.is_none_or(|s| number("stage") == Some(s))
        }
        Target::Milestone { name } => text("name") == Some(name.as_str()),
        Target::History { stage } => number("stage") == Some(*stage),
    }
}

fn key_of(target: &Target) -> &'static str {
    match target {
        Target::Obligation { stage: Some(_), .. } => "id at that stage",
        Target::Obligation { .. } => "id",
        Target::Milestone { .. } => "name",
        _ => "number",
    }
}

/// An expectation the answer does not meet: which, and why.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Mismatch {
    /// Its place in the `expect` list.
    pub index: usize,
    /// What its pointer was read from.
    pub target: Target,
    /// Its pointer.
    pub pointer: String,
    /// The value expected.
    pub expected: Value,
    /// The value found, or `None` when there is none.
    pub found: Option<Value>,
    /// Why nothing was found (no such obligation, no such place).
    pub why: Option<String>,
}

impl fmt::Display for Mismatch {
    /// `expect[1] (obligation x, /due/date): expected "2027-02-03", found
    /// "2027-02-02"`, or `..., found nothing: <why>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expect[{}] (", self.index)?;
        if self.target != Target::Answer {
            write!(f, "{}, ", self.target)?;
        }
        let pointer = if self.pointer.is_empty() {
            "the whole"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}): expected {}, found ", self.expected)?;
        match (&self.found, &self.why) {
            (Some(found), _) => write!(f, "{found}"),
            (None, Some(why)) => write!(f, "nothing: {why}"),
            (None, None) => f.write_str("nothing"),
        }
    }
}

/// A scenario evaluated and checked.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ScenarioRun {
    /// The answer, as JSON.
    pub answer: Value,
    /// How many expectations were checked.
    pub checked: usize,
    /// Those not met.
    pub mismatches: Vec<Mismatch>,
}

impl ScenarioRun {
    /// True when every expectation was met (and vacuously when there were
    /// none).
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// "1 working day", "3 working days".
pub fn working_days(n: i64) -> String {
    if n == 1 {
        "1 working day".to_string()
    } else {
        format!("{n} working days")
    }
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

/// The record that meets a stage's clock, in words: `by the record <id>`
/// (the definition's `clock_met_by`), or `by its record` when the policy
/// is not known.
fn met_by(policy: Option<&Policy>, stage: &Value) -> String {
    let record = stage
        .as_u64()
        .and_then(|n| u8::try_from(n).ok())
        .and_then(|n| policy?.stage(n)?.clock_met_by.clone());
    match record {
        Some(record) => format!("by the record {record}"),
        None => "by its record".to_string(),
    }
}

/// Whether a day a clock was met keeps the deadline (`None` when it has no
/// date).
fn kept(met_on: &str, due_value: &Value) -> Option<bool> {
    let deadline = match s(&due_value["kind"]) {
        "by_end_of" => s(&due_value["date"]),
        "at" => s(&due_value["datetime"]).get(..10)?,
        _ => return None,
    };
    // Both are YYYY-MM-DD: text order is date order.
    Some(met_on <= deadline)
}

/// An answer as a timeline in plain English, one line a fact: each past
/// stage (when its clock was met and by what record, or how it ended, in
/// time or late), the stage under way (overdue by how many working days),
/// the milestones (met, lapsed or owed), each obligation with its id and
/// the stage it arose at (done on a day, lapsed on a day, overdue or owed),
/// and what may happen next. `policy` (the answer's policy) names the
/// record that meets a stage's clock.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::Engine;
/// use safeguarding_resolution::testing::scenario::timeline;
///
/// let engine = Engine::new();
/// // Swindon: stage 2 was due on Monday 4 January 2027; on the 5th it is
/// // one working day overdue.
/// let answer: serde_json::Value = serde_json::from_str(&engine.evaluate_json(r#"{
///     "policy": "swindon-resolution-2026", "as_of": "2027-01-05",
///     "events": [{"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]
/// }"#))?;
/// let text = timeline(&answer, engine.policy("swindon-resolution-2026").as_deref());
/// assert!(text.contains("OVERDUE by 1 working day\n"));
/// assert!(text.contains("Duty agency_log (stage 2)"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn timeline(answer: &Value, policy: Option<&Policy>) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str("  ");
        out.push_str(&text);
        out.push('\n');
    };
    if let Some(error) = answer.get("error") {
        let at = error
            .get("event_index")
            .and_then(Value::as_u64)
            .map(|i| format!(" at events[{i}]"))
            .unwrap_or_default();
        line(format!(
            "Refused ({}){at}: {}",
            s(&error["code"]),
            s(&error["message"])
        ));
        return out;
    }
    for h in answer["history"].as_array().into_iter().flatten() {
        let head = format!(
            "Stage {} ({}) from {} to {}, due {}",
            h["stage"],
            s(&h["name"]),
            s(&h["started_on"]),
            s(&h["ended_on"]),
            due(&h["due"]),
        );
        let in_time = match h["within_time"].as_bool() {
            Some(true) => ", in time",
            Some(false) => ", late",
            None => "",
        };
        match h["clock_met_on"].as_str() {
            Some(met) => line(format!(
                "{head}; its clock met on {met} {}{in_time}; ended by {}",
                met_by(policy, &h["stage"]),
                s(&h["ended_by"]),
            )),
            None => line(format!("{head}; ended by {}{in_time}", s(&h["ended_by"]))),
        }
    }
    match answer["stage"].as_object() {
        Some(stage) => {
            let state = match stage.get("clock_met_on").and_then(Value::as_str) {
                Some(met) => {
                    let in_time = match kept(met, &stage["due"]) {
                        Some(true) => ", in time",
                        Some(false) => ", late",
                        None => "",
                    };
                    format!(
                        "; its clock met on {met} {}{in_time}",
                        met_by(policy, &stage["number"])
                    )
                }
                None if answer["overdue"] == true => format!(
                    ": OVERDUE by {}",
                    working_days(answer["working_days_overdue"].as_i64().unwrap_or(0))
                ),
                None => String::new(),
            };
            line(format!(
                "Now at stage {} ({}) since {}, due {}{state}",
                stage["number"],
                s(&stage["name"]),
                s(&stage["started_on"]),
                due(&stage["due"]),
            ));
            line(format!("    ({})", s(&stage["due"]["rule"])));
        }
        None => {
            let ended = answer["ended_on"]
                .as_str()
                .map(|d| format!(" on {d}"))
                .unwrap_or_default();
            line(format!("The case is {}{ended}", s(&answer["status"])));
        }
    }
    for m in answer["milestones"].as_array().into_iter().flatten() {
        let state = if let Some(met) = m["met_on"].as_str() {
            let in_time = if m["met_in_time"] == true {
                "in time"
            } else {
                "late"
            };
            format!("met on {met}, {in_time}")
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
    for o in answer["obligations"].as_array().into_iter().flatten() {
        let state = if let Some(done) = o["done_on"].as_str() {
            format!("done on {done}")
        } else if o["done"] == true {
            "done".to_string()
        } else if let Some(lapsed) = o["lapsed_on"].as_str() {
            format!("lapsed on {lapsed}, unmet (no longer owed)")
        } else if o["overdue"] == true {
            "OVERDUE".to_string()
        } else {
            "owed".to_string()
        };
        let arose = match o["stage"].as_u64() {
            Some(stage) => format!("stage {stage}"),
            None => "on raising".to_string(),
        };
        line(format!(
            "Duty {} ({arose}): {}, due {}; {state}",
            s(&o["id"]),
            s(&o["what"]),
            due(&o["due"])
        ));
    }
    let next: Vec<&str> = answer["next"]
        .as_array()
        .into_iter()
        .flatten()
        .map(s)
        .collect();
    if !next.is_empty() {
        line(format!("Allowed next: {}", next.join(", ")));
    }
    out
}
