//! Loading a policy definition (CONTRACT section 7): every problem at once,
//! each with its path, none repeating a value of the document.

use std::fmt;

use serde_json::{Map, Value};

use super::{
    AreaRule, Clause, Clock, DueRule, Finality, ImmediateRiskWaiver, MilestoneMet, MilestoneRule,
    ObligationRule, Policy, PriorityClock, RaisedFlag, RecordRule, RedirectRule, SeniorityRule,
    SkipRule, StageRule, Text, Trigger,
};
use crate::json::door::Refused;
use crate::limits::{MAX_POLICY_ITEMS, MAX_POLICY_STAGES, MAX_PROBLEMS};
use crate::place;

/// One problem of a definition: where, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// The path of the value, such as `stages[2].clock.days` (`(definition)`
    /// for the whole document).
    pub path: String,
    /// What is wrong, in words that never repeat the value found.
    pub message: String,
}

/// A policy definition that cannot be loaded, with every problem found.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::Policy;
///
/// let error = Policy::from_definition_json(r#"{"id": "Bad Id", "name": "", "stages": []}"#)
///     .unwrap_err();
/// assert_eq!(error.code(), "invalid_policy");
/// let paths: Vec<&str> = error.problems().iter().map(|p| p.path.as_str()).collect();
/// assert_eq!(paths, ["id", "name", "stages"]);
/// assert!(!error.to_string().contains("Bad Id"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionError {
    code: &'static str,
    problems: Vec<Problem>,
    more: usize,
}

impl DefinitionError {
    pub(crate) fn refused(refused: Refused) -> DefinitionError {
        let code = match refused {
            Refused::NotJson(_) => "invalid_json",
            _ => "limit_exceeded",
        };
        let (path, message) = refused.place_and_problem("(definition)");
        DefinitionError {
            code,
            problems: vec![Problem { path, message }],
            more: 0,
        }
    }

    pub(crate) fn reserved_id() -> DefinitionError {
        DefinitionError {
            code: "invalid_policy",
            problems: vec![Problem {
                path: "id".to_string(),
                message: "the id of one of the library's own policies; choose another".to_string(),
            }],
            more: 0,
        }
    }

    /// The contract's error code: `invalid_policy`, or `invalid_json` /
    /// `limit_exceeded` for a text refused before it was read.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The problems, in the order of the document (at most
    /// [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS)).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// How many problems there were beyond those listed.
    pub fn more(&self) -> usize {
        self.more
    }

    /// The contract's error document: `{"error": {"code": "invalid_policy",
    /// "message", "problems": [{"path", "message"}]}}` (CONTRACT section
    /// 7), the problems' paths those of the definition.
    ///
    /// ```
    /// use safeguarding_resolution::policy::Policy;
    ///
    /// let error = Policy::from_definition_json(r#"{"id": "x", "name": "X"}"#).unwrap_err();
    /// let document: serde_json::Value = serde_json::from_str(&error.to_json())?;
    /// assert_eq!(document["error"]["code"], "invalid_policy");
    /// assert_eq!(document["error"]["problems"][0]["path"], "stages");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        crate::json::definition_error_document(self)
    }
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.problems.len() + self.more;
        match self.problems.first() {
            Some(first) if total == 1 => write!(
                f,
                "the policy definition has a problem: {}: {}",
                first.path, first.message
            ),
            Some(first) => write!(
                f,
                "the policy definition has {total} problems; the first: {}: {}",
                first.path, first.message
            ),
            None => write!(f, "the policy definition has a problem"),
        }
    }
}

impl std::error::Error for DefinitionError {}

/// True for an id the library may repeat in messages: lower-case letters,
/// digits, `_` and `-`, 1 to 64 of them.
pub(crate) fn is_id(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

const ID_RULE: &str = "expected an id of 1 to 64 lower-case letters, digits, '_' or '-'";

struct Reader {
    problems: Vec<Problem>,
    more: usize,
    /// Keep every text for the rest of the program (the built-ins).
    forever: bool,
}

fn kind_of(value: &Value) -> &'static str {
    crate::json::request::kind_of(value)
}

impl Reader {
    /// A value of the wrong type: what was expected, and the kind found
    /// (never the value).
    fn wrong(&mut self, path: impl Into<String>, expected: &str, found: &Value) {
        let found = kind_of(found);
        self.problem(path, format!("{expected}, not {found}"));
    }

    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem {
                path: path.into(),
                message: message.into(),
            });
        } else {
            self.more += 1;
        }
    }

    fn text(&self, text: &str) -> Text {
        let text = Text::from(text);
        if self.forever { text.leak() } else { text }
    }

    /// The object at `path`, with a problem for each key not allowed.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(object) = value else {
            self.wrong(show(path), "expected an object", value);
            return None;
        };
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                self.problem(
                    place::key(path, key),
                    format!("unknown key; allowed here: {}", allowed.join(", ")),
                );
            }
        }
        Some(object)
    }

    fn string<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v str> {
        match object.get(key) {
            None if required => {
                self.problem(place::key(path, key), "missing");
                None
            }
            None => None,
            Some(Value::String(text)) if text.trim().is_empty() => {
                self.problem(place::key(path, key), "is blank");
                None
            }
            Some(Value::String(text)) => Some(text),
            Some(other) => {
                self.wrong(place::key(path, key), "expected a string", other);
                None
            }
        }
    }

    fn words(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<Text> {
        self.string(object, path, key, required)
            .map(|t| self.text(t))
    }

    fn id(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<Text> {
        let text = self.string(object, path, key, required)?;
        if !is_id(text) {
            self.problem(place::key(path, key), ID_RULE);
            return None;
        }
        Some(self.text(text))
    }

    fn boolean(&mut self, object: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
        match object.get(key) {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.wrong(place::key(path, key), "expected true or false", other);
                None
            }
        }
    }

    /// A whole number of at least 1 (and at most `max`).
    fn count(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        max: u32,
    ) -> Option<u32> {
        let Some(value) = object.get(key) else {
            self.problem(place::key(path, key), "missing");
            return None;
        };
        match value.as_u64() {
            Some(n) if n >= 1 && n <= u64::from(max) => u32::try_from(n).ok(),
            _ => {
                self.problem(
                    place::key(path, key),
                    format!("expected a whole number from 1 to {max}"),
                );
                None
            }
        }
    }

    fn stage_number(&mut self, value: &Value, path: &str) -> Option<u8> {
        match value.as_u64().and_then(|n| u8::try_from(n).ok()) {
            Some(n) if n >= 1 => Some(n),
            _ => {
                self.problem(
                    show(path),
                    "expected a stage number (a whole number from 1)",
                );
                None
            }
        }
    }

    fn stage_list(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Vec<u8>> {
        let at = place::key(path, key);
        match object.get(key) {
            None => {
                self.problem(at, "missing");
                None
            }
            Some(Value::Array(items)) if items.is_empty() => {
                self.problem(at, "expected at least one stage number");
                None
            }
            Some(Value::Array(items)) if items.len() > MAX_POLICY_STAGES => {
                self.problem(
                    at,
                    format!(
                        "more than the limit of {MAX_POLICY_STAGES} stages (limits::MAX_POLICY_STAGES)"
                    ),
                );
                None
            }
            Some(Value::Array(items)) => {
                let mut numbers = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    match self.stage_number(item, &place::index(&at, i)) {
                        Some(n) => numbers.push(n),
                        None => ok = false,
                    }
                }
                ok.then_some(numbers)
            }
            Some(other) => {
                self.wrong(at, "expected a list of stage numbers", other);
                None
            }
        }
    }

    /// A list under `key` (absent: empty), each item read by `item`.
    fn list<'v, T>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
        limit: usize,
        mut item: impl FnMut(&mut Reader, &'v Value, &str, usize) -> Option<T>,
    ) -> Vec<T> {
        let at = place::key(path, key);
        match object.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) if items.len() > limit => {
                let constant = if limit == MAX_POLICY_STAGES {
                    "MAX_POLICY_STAGES"
                } else {
                    "MAX_POLICY_ITEMS"
                };
                self.problem(
                    at,
                    format!("more than the limit of {limit} items (limits::{constant})"),
                );
                Vec::new()
            }
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| item(self, v, &place::index(&at, i), i))
                .collect(),
            Some(other) => {
                self.wrong(at, "expected a list", other);
                Vec::new()
            }
        }
    }

    fn clause(&mut self, object: &Map<String, Value>, path: &str) -> Option<Clause> {
        self.clause_at(object, path, "clause")
    }

    fn clause_at(&mut self, object: &Map<String, Value>, path: &str, key: &str) -> Option<Clause> {
        let value = object.get(key)?;
        let at = place::key(path, key);
        let object = self.object(value, &at, &["place", "text"])?;
        let place = self.words(object, &at, "place", true);
        let text = match object.get("text") {
            Some(Value::String(text)) => Some(self.text(text)),
            None => Some(Text::default()),
            Some(other) => {
                self.wrong(place::key(&at, "text"), "expected a string", other);
                None
            }
        };
        Some(Clause {
            place: place?,
            text: text?,
        })
    }
}

/// `(definition)` for the top, else the path.
fn show(path: &str) -> String {
    if path.is_empty() {
        "(definition)".to_string()
    } else {
        path.to_string()
    }
}

const CLOCK_KINDS: &str = "working_days_after_raised, working_days_after_start, hours_after_start, without_delay, not_stated, by_priority";

/// The largest number of days or hours a clock may count.
const MAX_COUNT: u32 = 3_650;

fn clock(r: &mut Reader, value: &Value, path: &str, nested: bool) -> Option<Clock> {
    let Value::Object(object) = value else {
        r.wrong(path, "expected a clock object", value);
        return None;
    };
    let kind = r.string(object, path, "kind", true)?;
    let keys: &[&str] = match kind {
        "working_days_after_raised" | "working_days_after_start" => &["kind", "days"],
        "hours_after_start" => &["kind", "hours"],
        "without_delay" | "not_stated" => &["kind"],
        "by_priority" if !nested => &["kind", "priorities", "default"],
        "by_priority" => {
            r.problem(
                place::key(path, "kind"),
                "a priority's clock cannot itself be by priority",
            );
            return None;
        }
        _ => {
            r.problem(
                place::key(path, "kind"),
                format!("not a clock kind; expected one of {CLOCK_KINDS}"),
            );
            return None;
        }
    };
    r.object(value, path, keys)?;
    match kind {
        "working_days_after_raised" => r
            .count(object, path, "days", MAX_COUNT)
            .map(Clock::WorkingDaysAfterRaised),
        "working_days_after_start" => r
            .count(object, path, "days", MAX_COUNT)
            .map(Clock::WorkingDaysAfterStart),
        "hours_after_start" => r
            .count(object, path, "hours", MAX_COUNT * 24)
            .map(Clock::HoursAfterStart),
        "without_delay" => Some(Clock::WithoutDelay),
        "not_stated" => Some(Clock::NotStated),
        _ => {
            let at = place::key(path, "priorities");
            let priorities = match object.get("priorities") {
                None => {
                    r.problem(at, "missing");
                    None
                }
                Some(Value::Object(map)) if map.is_empty() => {
                    r.problem(at, "expected at least one priority");
                    None
                }
                Some(Value::Object(map)) => {
                    let mut all = Vec::with_capacity(map.len());
                    let mut ok = true;
                    for (name, value) in map {
                        let here = place::key(&at, name);
                        if !is_id(name) {
                            r.problem(&here, format!("a priority's name: {ID_RULE}"));
                            ok = false;
                            continue;
                        }
                        match clock(r, value, &here, true) {
                            Some(c) => all.push((r.text(name), c, Text::default())),
                            None => ok = false,
                        }
                    }
                    ok.then_some(all)
                }
                Some(other) => {
                    r.wrong(at, "expected an object of priority names and clocks", other);
                    None
                }
            };
            let default = r.string(object, path, "default", true);
            let (priorities, default) = (priorities?, default?);
            if !priorities.iter().any(|(n, _, _)| *n == default) {
                r.problem(
                    place::key(path, "default"),
                    "not one of the names of priorities",
                );
                return None;
            }
            let default = r.text(default);
            Some(Clock::ByPriority(PriorityClock {
                priorities,
                default,
            }))
        }
    }
}

/// A clock's rule in words, for a definition that gives none.
fn clock_words(clock: &Clock, policy: &str, number: u8) -> String {
    let what = match clock {
        Clock::WorkingDaysAfterRaised(n) => {
            format!("within {n} working days of the disagreement being raised")
        }
        Clock::WorkingDaysAfterStart(n) => format!("within {n} working days of the stage starting"),
        Clock::HoursAfterStart(n) => format!("within {n} hours of the stage starting"),
        Clock::WithoutDelay => "without delay".to_string(),
        Clock::NotStated => "the policy states no time".to_string(),
        Clock::ByPriority(by) => format!("by the concern's priority (default {})", by.default),
    };
    format!("{what} ({policy}, stage {number})")
}

const STAGE_KEYS: &[&str] = &[
    "number",
    "name",
    "clock",
    "rule",
    "clause",
    "decides",
    "escalates",
    "clock_met_by",
    "immediate_risk_waiver",
];

/// A stage as read, before the defaults that depend on its place.
struct StageRead {
    rule: StageRule,
    decides: Option<bool>,
    escalates: Option<bool>,
    path: String,
}

fn stage(
    r: &mut Reader,
    value: &Value,
    path: &str,
    policy_name: &str,
    expected: usize,
    repeated: bool,
) -> Option<StageRead> {
    let object = r.object(value, path, STAGE_KEYS)?;
    let number = match object.get("number") {
        Some(v) => r.stage_number(v, &place::key(path, "number")),
        None => {
            r.problem(place::key(path, "number"), "missing");
            None
        }
    };
    let number = match number {
        Some(_) if repeated => {
            r.problem(
                place::key(path, "number"),
                format!("a stage number given twice; stages are numbered from 1 upwards without gaps, in order: expected {expected} here"),
            );
            None
        }
        Some(n) if usize::from(n) == expected => Some(n),
        Some(n) => {
            let message = if usize::from(n) < expected {
                format!(
                    "out of order; stages are numbered from 1 upwards without gaps, in order: expected {expected} here"
                )
            } else {
                format!(
                    "stages are numbered from 1 upwards without gaps, in order: expected {expected} here"
                )
            };
            r.problem(place::key(path, "number"), message);
            None
        }
        None => None,
    };
    let name = r.words(object, path, "name", true);
    let clock = match object.get("clock") {
        Some(v) => clock(r, v, &place::key(path, "clock"), false),
        None => {
            r.problem(place::key(path, "clock"), "missing");
            None
        }
    };
    let rule = r.words(object, path, "rule", false);
    let clause = r.clause(object, path);
    let decides = r.boolean(object, path, "decides");
    let escalates = r.boolean(object, path, "escalates");
    let clock_met_by = r.id(object, path, "clock_met_by", false);
    let waiver = match object.get("immediate_risk_waiver") {
        None => None,
        Some(v) => {
            let at = place::key(path, "immediate_risk_waiver");
            r.object(v, &at, &["rule", "clause"]).map(|w| {
                let rule = r.words(w, &at, "rule", false).unwrap_or_else(|| {
                    Text::from(format!(
                        "immediately: a risk of immediate harm was identified ({policy_name})"
                    ))
                });
                let clause = r
                    .clause(w, &at)
                    .unwrap_or_else(|| Clause::from_text(policy_name.to_string(), ""));
                ImmediateRiskWaiver { rule, clause }
            })
        }
    };
    let (number, name, mut clock) = (number?, name?, clock?);
    let given = rule.is_some();
    let clock_rule = rule.unwrap_or_else(|| r.text(&clock_words(&clock, policy_name, number)));
    if let Clock::ByPriority(by) = &mut clock {
        for (priority, chosen, words) in &mut by.priorities {
            let text = format!(
                "{priority} priority: {}",
                clock_words(chosen, policy_name, number)
            );
            *words = if given {
                clock_rule.clone()
            } else {
                r.text(&text)
            };
        }
    }
    let clause = clause.unwrap_or_else(|| {
        Clause::from_text(r.text(&format!("{policy_name}, stage {number}")), "")
    });
    Some(StageRead {
        rule: StageRule {
            number,
            name,
            clock,
            clock_rule,
            clause,
            decides: false,
            escalates: false,
            clock_met_by,
            immediate_risk_waiver: waiver,
        },
        decides,
        escalates,
        path: path.to_string(),
    })
}

const TRIGGER_KINDS: &str = "raised, raised_with, stage_entered, stage_concluded, resolved_at, concluded_after_reaching, immediate_risk, recorded";

fn flag(r: &mut Reader, object: &Map<String, Value>, path: &str, key: &str) -> Option<RaisedFlag> {
    let name = r.string(object, path, key, true)?;
    match RaisedFlag::ALL.into_iter().find(|f| f.as_str() == name) {
        Some(flag) => Some(flag),
        None => {
            let known: Vec<&str> = RaisedFlag::ALL.iter().map(|f| f.as_str()).collect();
            r.problem(
                place::key(path, key),
                format!(
                    "not a flag of the raised event; expected one of {}",
                    known.join(", ")
                ),
            );
            None
        }
    }
}

fn trigger(r: &mut Reader, value: &Value, path: &str) -> Option<Trigger> {
    let Value::Object(object) = value else {
        r.wrong(path, "expected a trigger object", value);
        return None;
    };
    let on = r.string(object, path, "on", true)?;
    let keys: &[&str] = match on {
        "raised" | "immediate_risk" => &["on"],
        "raised_with" => &["on", "flag"],
        "stage_entered" => &["on", "stages", "area"],
        "stage_concluded" | "resolved_at" => &["on", "stages"],
        "concluded_after_reaching" => &["on", "stage"],
        "recorded" => &["on", "record", "stages"],
        _ => {
            r.problem(
                place::key(path, "on"),
                format!("not a trigger; expected one of {TRIGGER_KINDS}"),
            );
            return None;
        }
    };
    r.object(value, path, keys)?;
    match on {
        "raised" => Some(Trigger::Raised),
        "immediate_risk" => Some(Trigger::ImmediateRisk),
        "raised_with" => flag(r, object, path, "flag").map(Trigger::RaisedWith),
        "stage_entered" => {
            let stages = r.stage_list(object, path, "stages");
            let area = r.id(object, path, "area", false);
            Some(Trigger::StageEntered {
                stages: stages?,
                area,
            })
        }
        "stage_concluded" => r
            .stage_list(object, path, "stages")
            .map(Trigger::StageConcluded),
        "resolved_at" => r
            .stage_list(object, path, "stages")
            .map(Trigger::ResolvedAt),
        "concluded_after_reaching" => match object.get("stage") {
            Some(v) => r
                .stage_number(v, &place::key(path, "stage"))
                .map(Trigger::ConcludedAfterReaching),
            None => {
                r.problem(place::key(path, "stage"), "missing");
                None
            }
        },
        _ => {
            let record = r.id(object, path, "record", true);
            let stages = if object.contains_key("stages") {
                Some(r.stage_list(object, path, "stages")?)
            } else {
                None
            };
            Some(Trigger::Recorded {
                record: record?,
                stages,
            })
        }
    }
}

const DUE_KINDS: &str = "immediately, without_delay, not_stated, same_day, with_stage, working_days_after, working_days_after_raised, hours_after";

fn due(r: &mut Reader, value: &Value, path: &str) -> Option<DueRule> {
    let Value::Object(object) = value else {
        r.wrong(path, "expected a due object", value);
        return None;
    };
    let kind = r.string(object, path, "kind", true)?;
    let keys: &[&str] = match kind {
        "immediately" | "without_delay" | "not_stated" | "same_day" | "with_stage" => &["kind"],
        "working_days_after" | "working_days_after_raised" => &["kind", "days"],
        "hours_after" => &["kind", "hours"],
        _ => {
            r.problem(
                place::key(path, "kind"),
                format!("not a due kind; expected one of {DUE_KINDS}"),
            );
            return None;
        }
    };
    r.object(value, path, keys)?;
    match kind {
        "immediately" => Some(DueRule::Immediately),
        "without_delay" => Some(DueRule::WithoutDelay),
        "not_stated" => Some(DueRule::NotStated),
        "same_day" => Some(DueRule::SameWorkingDay),
        "with_stage" => Some(DueRule::WithStage),
        "working_days_after" => r
            .count(object, path, "days", MAX_COUNT)
            .map(DueRule::WorkingDaysAfter),
        "working_days_after_raised" => r
            .count(object, path, "days", MAX_COUNT)
            .map(DueRule::WorkingDaysAfterRaised),
        _ => r
            .count(object, path, "hours", MAX_COUNT * 24)
            .map(DueRule::HoursAfter),
    }
}

fn due_words(due: DueRule) -> String {
    match due {
        DueRule::Immediately => "immediately".to_string(),
        DueRule::WithoutDelay => "without delay".to_string(),
        DueRule::NotStated => "the policy states no time".to_string(),
        DueRule::SameWorkingDay => "on the same day".to_string(),
        DueRule::WithStage => "with the stage".to_string(),
        DueRule::WorkingDaysAfter(n) => format!("within {n} working days"),
        DueRule::WorkingDaysAfterRaised(n) => {
            format!("within {n} working days of the disagreement being raised")
        }
        DueRule::HoursAfter(n) => format!("within {n} hours"),
    }
}

const OBLIGATION_KEYS: &[&str] = &[
    "id",
    "what",
    "trigger",
    "due",
    "when",
    "lapses",
    "independent_of_process",
    "waived_by_immediate_risk",
    "clause",
];

fn obligation(r: &mut Reader, value: &Value, path: &str, policy: &str) -> Option<ObligationRule> {
    let object = r.object(value, path, OBLIGATION_KEYS)?;
    let id = r.id(object, path, "id", true);
    let what = r.words(object, path, "what", true);
    let trigger = match object.get("trigger") {
        Some(v) => trigger(r, v, &place::key(path, "trigger")),
        None => {
            r.problem(place::key(path, "trigger"), "missing");
            None
        }
    };
    let due = match object.get("due") {
        Some(v) => due(r, v, &place::key(path, "due")),
        None => {
            r.problem(place::key(path, "due"), "missing");
            None
        }
    };
    let when = r.words(object, path, "when", false);
    let lapses = r.boolean(object, path, "lapses").unwrap_or(false);
    let independent_of_process = r
        .boolean(object, path, "independent_of_process")
        .unwrap_or(false);
    let waived_by_immediate_risk = r
        .boolean(object, path, "waived_by_immediate_risk")
        .unwrap_or(false);
    let clause = r.clause(object, path);
    let (id, what, trigger, due) = (id?, what?, trigger?, due?);
    Some(ObligationRule {
        when: when.unwrap_or_else(|| r.text(&due_words(due))),
        clause: clause.unwrap_or_else(|| Clause::from_text(r.text(policy), "")),
        id,
        what,
        trigger,
        due,
        lapses,
        independent_of_process,
        waived_by_immediate_risk,
    })
}

fn record(r: &mut Reader, value: &Value, path: &str, policy: &str) -> Option<RecordRule> {
    let object = r.object(value, path, &["id", "what", "clause"])?;
    let id = r.id(object, path, "id", true);
    let what = r.words(object, path, "what", true);
    let clause = r.clause(object, path);
    Some(RecordRule {
        id: id?,
        what: what?,
        clause: clause.unwrap_or_else(|| Clause::from_text(r.text(policy), "")),
    })
}

const MILESTONE_KEYS: &[&str] = &[
    "name",
    "what",
    "working_days_after_raised",
    "met_on_leaving_stage",
    "met_on_entering_stage",
    "met_by_withdrawal",
    "clause",
];

fn milestone(r: &mut Reader, value: &Value, path: &str, policy: &str) -> Option<MilestoneRule> {
    let object = r.object(value, path, MILESTONE_KEYS)?;
    let name = r.words(object, path, "name", true);
    let what = r.words(object, path, "what", false);
    let days = r.count(object, path, "working_days_after_raised", MAX_COUNT);
    let met = match (
        object.get("met_on_leaving_stage"),
        object.get("met_on_entering_stage"),
    ) {
        (Some(v), None) => r
            .stage_number(v, &place::key(path, "met_on_leaving_stage"))
            .map(MilestoneMet::CompletedStage),
        (None, Some(v)) => r
            .stage_number(v, &place::key(path, "met_on_entering_stage"))
            .map(MilestoneMet::EnteredStage),
        (None, None) => {
            r.problem(
                place::key(path, "met_on_leaving_stage"),
                "missing (or met_on_entering_stage)",
            );
            None
        }
        (Some(_), Some(_)) => {
            r.problem(
                place::key(path, "met_on_entering_stage"),
                "give met_on_leaving_stage or met_on_entering_stage, not both",
            );
            None
        }
    };
    let met_by_withdrawal = r
        .boolean(object, path, "met_by_withdrawal")
        .unwrap_or(false);
    if met_by_withdrawal && object.contains_key("met_on_entering_stage") {
        r.problem(
            place::key(path, "met_by_withdrawal"),
            "only a milestone met on leaving a stage can be met by a withdrawal",
        );
    }
    let clause = r.clause(object, path);
    let (name, days, met) = (name?, days?, met?);
    let what = what.unwrap_or_else(|| {
        let event = match met {
            MilestoneMet::CompletedStage(k) => format!("stage {k} complete"),
            MilestoneMet::EnteredStage(k) => format!("stage {k} reached"),
        };
        r.text(&format!(
            "{name}: {event}, {days} working days after the disagreement was raised ({policy})"
        ))
    });
    Some(MilestoneRule {
        name,
        what,
        working_days_after_raised: days,
        met,
        met_by_withdrawal,
        clause: clause.unwrap_or_else(|| Clause::from_text(r.text(policy), "")),
    })
}

fn skip(r: &mut Reader, value: &Value, path: &str, policy: &str) -> Option<SkipRule> {
    let object = r.object(value, path, &["to", "requires_immediate_risk", "clause"])?;
    let targets = r.stage_list(object, path, "to");
    let requires_immediate_risk = r
        .boolean(object, path, "requires_immediate_risk")
        .unwrap_or(false);
    let clause = r.clause(object, path);
    Some(SkipRule {
        targets: targets?,
        requires_immediate_risk,
        clause: clause.unwrap_or_else(|| Clause::from_text(r.text(policy), "")),
    })
}

fn redirect(r: &mut Reader, value: &Value, path: &str, policy: &str) -> Option<RedirectRule> {
    let object = r.object(
        value,
        path,
        &["if_raised_with", "label", "to", "why", "clause"],
    )?;
    let at = place::key(path, "if_raised_with");
    let when = match object.get("if_raised_with") {
        None => {
            r.problem(&at, "missing");
            None
        }
        Some(Value::Object(map)) if map.is_empty() => {
            r.problem(&at, "expected at least one flag");
            None
        }
        Some(Value::Object(map)) => {
            let mut when = Vec::with_capacity(map.len());
            let mut ok = true;
            for (name, value) in map {
                let here = place::key(&at, name);
                let Some(flag) = RaisedFlag::ALL.into_iter().find(|f| f.as_str() == name) else {
                    let known: Vec<&str> = RaisedFlag::ALL.iter().map(|f| f.as_str()).collect();
                    r.problem(
                        here,
                        format!(
                            "not a flag of the raised event; expected one of {}",
                            known.join(", ")
                        ),
                    );
                    ok = false;
                    continue;
                };
                match value {
                    Value::Bool(b) => when.push((flag, *b)),
                    other => {
                        r.wrong(here, "expected true or false", other);
                        ok = false;
                    }
                }
            }
            ok.then_some(when)
        }
        Some(other) => {
            r.wrong(&at, "expected an object of flags and values", other);
            None
        }
    };
    let label = r.words(object, path, "label", false);
    let to = r.id(object, path, "to", true);
    let why = r.words(object, path, "why", true);
    let clause = r.clause(object, path);
    let when = when?;
    let label = label.unwrap_or_else(|| {
        let words: Vec<String> = when
            .iter()
            .map(|(flag, value)| {
                let name = flag.as_str().replace('_', " ");
                if *value { name } else { format!("not {name}") }
            })
            .collect();
        r.text(&words.join(", "))
    });
    Some(RedirectRule {
        when,
        label,
        to: to?,
        why: why?,
        clause: clause.unwrap_or_else(|| Clause::from_text(r.text(policy), "")),
    })
}

const TOP_KEYS: &[&str] = &[
    // Names the document's schema for an editor; ignored (CONTRACT s. 7).
    "$schema",
    "id",
    "name",
    "source",
    "stages",
    "obligations",
    "records",
    "milestones",
    "skips",
    "redirects",
    "areas",
    "areas_clause",
    "seniority",
    "finality",
    "default_record",
];

/// Loads a definition; `forever` keeps its texts for the rest of the
/// program (the built-ins, loaded once).
pub(crate) fn load(value: &Value, forever: bool) -> Result<Policy, DefinitionError> {
    let mut r = Reader {
        problems: Vec::new(),
        more: 0,
        forever,
    };
    let policy = read(&mut r, value);
    match policy {
        Some(policy) if r.problems.is_empty() => Ok(policy),
        _ => {
            if r.problems.is_empty() {
                r.problem("(definition)", "cannot be read as a policy");
            }
            Err(DefinitionError {
                code: "invalid_policy",
                problems: r.problems,
                more: r.more,
            })
        }
    }
}

fn read(r: &mut Reader, value: &Value) -> Option<Policy> {
    let top = r.object(value, "", TOP_KEYS)?;
    let id = match r.string(top, "", "id", true) {
        Some(id)
            if id.len() <= 64
                && !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') =>
        {
            Some(r.text(id))
        }
        Some(_) => {
            r.problem(
                "id",
                "expected an id of 1 to 64 lower-case letters, digits or '-'",
            );
            None
        }
        None => None,
    };
    let name = r.words(top, "", "name", true);
    let policy_name = name.clone().unwrap_or_default();
    let source = r.words(top, "", "source", false);
    let stages: Vec<StageRead> = match top.get("stages") {
        None => {
            r.problem("stages", "missing");
            Vec::new()
        }
        Some(Value::Array(items)) if items.is_empty() => {
            r.problem("stages", "expected at least one stage");
            Vec::new()
        }
        Some(Value::Array(items)) => {
            // A number an earlier stage has (the first of them is judged
            // by its place).
            let numbers: Vec<Option<u64>> = items
                .iter()
                .map(|s| s.get("number").and_then(Value::as_u64))
                .collect();
            let repeated = |i: usize| numbers[i].is_some() && numbers[..i].contains(&numbers[i]);
            r.list(top, "", "stages", MAX_POLICY_STAGES, |r, v, p, i| {
                stage(r, v, p, &policy_name, i + 1, repeated(i))
            })
        }
        Some(_) => r.list(top, "", "stages", MAX_POLICY_STAGES, |r, v, p, i| {
            stage(r, v, p, &policy_name, i + 1, false)
        }),
    };
    let obligations = r.list(top, "", "obligations", MAX_POLICY_ITEMS, |r, v, p, _| {
        obligation(r, v, p, &policy_name)
    });
    let records = r.list(top, "", "records", MAX_POLICY_ITEMS, |r, v, p, _| {
        record(r, v, p, &policy_name)
    });
    let milestones = r.list(top, "", "milestones", MAX_POLICY_ITEMS, |r, v, p, _| {
        milestone(r, v, p, &policy_name)
    });
    let skips = r.list(top, "", "skips", MAX_POLICY_ITEMS, |r, v, p, _| {
        skip(r, v, p, &policy_name)
    });
    let redirects = r.list(top, "", "redirects", MAX_POLICY_ITEMS, |r, v, p, _| {
        redirect(r, v, p, &policy_name)
    });
    let areas = r.list(top, "", "areas", MAX_POLICY_ITEMS, |r, v, p, _| {
        let object = r.object(v, p, &["id", "text"])?;
        let id = r.id(object, p, "id", true);
        let text = r.words(object, p, "text", true);
        Some(AreaRule {
            id: id?,
            text: text?,
        })
    });
    let areas_clause = r.clause_at(top, "", "areas_clause");
    let seniority = top.get("seniority").and_then(|v| {
        let object = r.object(v, "seniority", &["stages", "clause"])?;
        let stages = r.stage_list(object, "seniority", "stages");
        let clause = r.clause(object, "seniority");
        Some(SeniorityRule {
            stages: stages?,
            clause: clause.unwrap_or_else(|| Clause::from_text(r.text(&policy_name), "")),
        })
    });
    let finality = top.get("finality").and_then(|v| {
        let object = r.object(v, "finality", &["meaning", "clause"])?;
        let meaning = r.words(object, "finality", "meaning", true);
        let clause = r.clause(object, "finality");
        Some(Finality {
            meaning: meaning?,
            clause: clause.unwrap_or_else(|| Clause::from_text(r.text(&policy_name), "")),
        })
    });
    let default_record = r.id(top, "", "default_record", false);

    // Stages are checked as they should be numbered: 1 to the number of
    // stages given.
    let count = top
        .get("stages")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
        .min(MAX_POLICY_STAGES);
    let numbering_ok = stages.len() == count;
    let exists = |n: u8| (1..=count).contains(&usize::from(n));
    let mut stage_rules: Vec<StageRule> = Vec::with_capacity(count);
    for s in &stages {
        let last = usize::from(s.rule.number) == count;
        let mut rule = s.rule.clone();
        rule.decides = s.decides.unwrap_or(last);
        rule.escalates = s.escalates.unwrap_or(!last);
        if last && rule.escalates {
            r.problem(
                place::key(&s.path, "escalates"),
                "the last stage has no stage to escalate to",
            );
        }
        stage_rules.push(rule);
    }

    // References to stages.
    let check_stages = |r: &mut Reader, stages: &[u8], path: String| {
        for (i, n) in stages.iter().enumerate() {
            if !exists(*n) {
                r.problem(place::index(&path, i), "not a stage of this policy");
            }
        }
    };
    let record_ids: Vec<&str> = obligations
        .iter()
        .map(|o| o.id.as_str())
        .chain(records.iter().map(|r| r.id.as_str()))
        .collect();
    let area_ids: Vec<&str> = areas.iter().map(|a| a.id.as_str()).collect();
    for (i, o) in obligations.iter().enumerate() {
        let path = format!("obligations[{i}].trigger");
        match &o.trigger {
            Trigger::StageEntered { stages, area } => {
                check_stages(r, stages, place::key(&path, "stages"));
                if let Some(area) = area {
                    if !area_ids.contains(&area.as_str()) {
                        r.problem(place::key(&path, "area"), "not one of the policy's areas");
                    }
                }
            }
            Trigger::StageConcluded(stages) | Trigger::ResolvedAt(stages) => {
                check_stages(r, stages, place::key(&path, "stages"));
            }
            Trigger::ConcludedAfterReaching(n) => {
                check_stages(r, &[*n], place::key(&path, "stage"));
            }
            Trigger::Recorded { record, stages } => {
                if !records.iter().any(|x| x.id == *record) {
                    r.problem(
                        place::key(&path, "record"),
                        "not one of the policy's records (a record that starts a clock is listed in records)",
                    );
                }
                if let Some(stages) = stages {
                    check_stages(r, stages, place::key(&path, "stages"));
                }
            }
            Trigger::Raised | Trigger::RaisedWith(_) | Trigger::ImmediateRisk => {}
        }
    }
    for s in &stages {
        if let Some(id) = &s.rule.clock_met_by {
            if !record_ids.contains(&id.as_str()) {
                r.problem(
                    place::key(&s.path, "clock_met_by"),
                    "not one of the policy's records or obligations",
                );
            }
        }
    }
    for (i, m) in milestones.iter().enumerate() {
        let (key, n) = match m.met {
            MilestoneMet::CompletedStage(n) => ("met_on_leaving_stage", n),
            MilestoneMet::EnteredStage(n) => ("met_on_entering_stage", n),
        };
        if !exists(n) {
            r.problem(
                place::key(&format!("milestones[{i}]"), key),
                "not a stage of this policy",
            );
        }
        if milestones[..i].iter().any(|x| x.name == m.name) {
            r.problem(
                format!("milestones[{i}].name"),
                "a milestone name given twice",
            );
        }
    }
    for (i, s) in skips.iter().enumerate() {
        check_stages(r, &s.targets, format!("skips[{i}].to"));
    }
    if let Some(s) = &seniority {
        check_stages(r, &s.stages, "seniority.stages".to_string());
    }
    for (i, a) in areas.iter().enumerate() {
        if areas[..i].iter().any(|x| x.id == a.id) {
            r.problem(format!("areas[{i}].id"), "an area id given twice");
        }
    }
    for (i, x) in records.iter().enumerate() {
        if records[..i].iter().any(|y| y.id == x.id) {
            r.problem(format!("records[{i}].id"), "a record id given twice");
        }
    }
    if let Some(id) = &default_record {
        if !record_ids.contains(&id.as_str()) {
            r.problem(
                "default_record",
                "not one of the policy's records or obligations",
            );
        }
    }

    // Every stage can be reached, and every stage but the last has a way
    // on (escalation or a decision).
    if numbering_ok && count > 0 {
        let mut reached = vec![false; count + 1];
        reached[1] = true;
        for n in 1..=count {
            if !reached[n] {
                continue;
            }
            let rule = &stage_rules[n - 1];
            if rule.escalates && n < count {
                reached[n + 1] = true;
            }
            if rule.escalates {
                for skip in &skips {
                    for &t in &skip.targets {
                        if usize::from(t) > n && usize::from(t) <= count {
                            reached[usize::from(t)] = true;
                        }
                    }
                }
            }
        }
        for (i, s) in stages.iter().enumerate() {
            let n = i + 1;
            if !reached[n] {
                r.problem(
                    show(&s.path),
                    "unreachable: no escalation or skip leads to this stage",
                );
            }
            let rule = &stage_rules[i];
            if n < count && !rule.escalates && !rule.decides {
                r.problem(
                    show(&s.path),
                    "a stage before the last with no way on: it neither escalates nor decides",
                );
            }
        }
    }

    let mut priorities: Vec<Text> = Vec::new();
    for s in &stage_rules {
        if let Clock::ByPriority(by) = &s.clock {
            for (name, _, _) in &by.priorities {
                if !priorities.contains(name) {
                    priorities.push(name.clone());
                }
            }
        }
    }
    let triggers = super::engine::TriggerIndex::new(&obligations, stage_rules.len());
    Some(Policy {
        triggers,
        id: id?,
        name: name?,
        source,
        stages: stage_rules,
        obligations,
        records,
        milestones,
        skips,
        redirects,
        areas,
        areas_clause,
        seniority,
        finality,
        default_record,
        priorities,
    })
}
