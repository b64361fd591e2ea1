//! Loading a policy definition (CONTRACT section 7): every problem at once,
//! each with its path, none repeating a value of the document.

use std::fmt;

use serde_json::{Map, Value};

use super::{
    AreaRule, Clause, Clock, DueRule, Finality, ImmediateRiskWaiver, Lapses, MilestoneMet,
    MilestoneRule, ObligationRule, Policy, PriorityClock, RaisedFlag, RecordRule, RedirectRule,
    SeniorityRule, SkipRule, StageRule, Text, Trigger,
};
use crate::door::Refused;
use crate::limits::{
    MAX_POLICY_DAYS, MAX_POLICY_HOURS, MAX_POLICY_ITEMS, MAX_POLICY_NAME_BYTES, MAX_POLICY_STAGES,
    MAX_POLICY_TEXT_BYTES, MAX_PROBLEMS,
};
use crate::place;
use crate::place::kind_of;

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
                message: "the id of one of the library's own policies, which only that policy's own document may take; choose another".to_string(),
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
        let text = self.string(object, path, key, required)?;
        self.limited(text, &place::key(path, key), NAME_KEYS.contains(&key))
    }

    /// A text of the definition within its limit (a name's or a text's),
    /// kept; a longer one is a problem at `at`.
    fn limited(&mut self, text: &str, at: &str, name: bool) -> Option<Text> {
        let (max, constant) = if name {
            (MAX_POLICY_NAME_BYTES, "MAX_POLICY_NAME_BYTES")
        } else {
            (MAX_POLICY_TEXT_BYTES, "MAX_POLICY_TEXT_BYTES")
        };
        if text.len() > max {
            self.problem(
                at,
                format!("longer than the limit of {max} bytes (limits::{constant})"),
            );
            return None;
        }
        Some(self.text(text))
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

    /// A list under `key` (absent: empty), each item read by `item` and
    /// kept with its index in the document, so that an item refused never
    /// renumbers those after it.
    fn list<'v, T>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
        limit: usize,
        mut item: impl FnMut(&mut Reader, &'v Value, &str, usize) -> Option<T>,
    ) -> Vec<(usize, T)> {
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
                .filter_map(|(i, v)| item(self, v, &place::index(&at, i), i).map(|t| (i, t)))
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
            Some(Value::String(text)) => self.limited(text, &place::key(&at, "text"), false),
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

/// The keys whose texts are names, held to [`MAX_POLICY_NAME_BYTES`]; every
/// other text of a definition is held to [`MAX_POLICY_TEXT_BYTES`].
const NAME_KEYS: &[&str] = &["name", "label", "place"];

/// `(definition)` for the top, else the path.
fn show(path: &str) -> String {
    if path.is_empty() {
        "(definition)".to_string()
    } else {
        path.to_string()
    }
}

const CLOCK_KINDS: &str = "working_days_after_raised, working_days_after_start, hours_after_start, without_delay, not_stated, by_priority, working_days_after_record, earliest_of, set_on_case";

/// The largest number of days a clock, due or milestone may count (hours:
/// [`MAX_POLICY_HOURS`]).
const MAX_COUNT: u32 = MAX_POLICY_DAYS;

fn clock(r: &mut Reader, value: &Value, path: &str, nested: bool) -> Option<Clock> {
    let Value::Object(object) = value else {
        r.wrong(path, "expected a clock object", value);
        return None;
    };
    let kind = r.string(object, path, "kind", true)?;
    let keys: &[&str] = match kind {
        "working_days_after_raised" | "working_days_after_start" => &["kind", "days"],
        "hours_after_start" => &["kind", "hours"],
        "without_delay" | "not_stated" | "set_on_case" => &["kind"],
        "working_days_after_record" => &["kind", "record", "days", "until_recorded"],
        "earliest_of" => &["kind", "of"],
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
            .count(object, path, "hours", MAX_POLICY_HOURS)
            .map(Clock::HoursAfterStart),
        "without_delay" => Some(Clock::WithoutDelay),
        "not_stated" => Some(Clock::NotStated),
        "set_on_case" => Some(Clock::SetOnCase),
        "working_days_after_record" => {
            let record = r.id(object, path, "record", true);
            let days = r.count(object, path, "days", MAX_COUNT);
            let until = match object.get("until_recorded") {
                None => Some(Clock::NotStated),
                Some(v) => clock(r, v, &place::key(path, "until_recorded"), true),
            };
            Some(Clock::WorkingDaysAfterRecord {
                record: record?,
                days: days?,
                until_recorded: Box::new(until?),
            })
        }
        "earliest_of" => earliest_of(r, object, path, ("clock", "clocks"), |r, item, at| {
            clock(r, item, at, true)
        })
        .map(Clock::EarliestOf),
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
                Some(Value::Object(map)) if map.len() > MAX_POLICY_ITEMS => {
                    r.problem(
                        at,
                        format!(
                            "more than the limit of {MAX_POLICY_ITEMS} priorities (limits::MAX_POLICY_ITEMS)"
                        ),
                    );
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

/// The members of an `earliest_of` ("whichever is less"): at least one, at
/// most [`MAX_POLICY_STAGES`], each read with its own path.
fn earliest_of<T>(
    r: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    (one, plural): (&str, &str),
    mut read: impl FnMut(&mut Reader, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let at = place::key(path, "of");
    match object.get("of") {
        None => {
            r.problem(at, "missing");
            None
        }
        Some(Value::Array(items)) if items.is_empty() => {
            r.problem(at, format!("expected at least one {one}"));
            None
        }
        Some(Value::Array(items)) if items.len() > MAX_POLICY_STAGES => {
            r.problem(
                at,
                format!("more than the limit of {MAX_POLICY_STAGES} {plural} (limits::MAX_POLICY_STAGES)"),
            );
            None
        }
        Some(Value::Array(items)) => {
            let mut members = Vec::with_capacity(items.len());
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                match read(r, item, &place::index(&at, i)) {
                    Some(member) => members.push(member),
                    None => ok = false,
                }
            }
            ok.then_some(members)
        }
        Some(other) => {
            r.wrong(at, &format!("expected a list of {plural}"), other);
            None
        }
    }
}

/// A clock's rule in words, for a definition that gives none (the writer
/// leaves words equal to these out, so a document read back is no larger
/// than the one given).
pub(crate) fn clock_words(clock: &Clock, number: u8) -> String {
    let what = match clock {
        Clock::WorkingDaysAfterRaised(n) => {
            format!("within {n} working days of the disagreement being raised")
        }
        Clock::WorkingDaysAfterStart(n) => format!("within {n} working days of the stage starting"),
        Clock::HoursAfterStart(n) => format!("within {n} hours of the stage starting"),
        Clock::WithoutDelay => "without delay".to_string(),
        Clock::NotStated => "the policy states no time".to_string(),
        Clock::ByPriority(by) => format!("by the concern's priority (default {})", by.default),
        Clock::WorkingDaysAfterRecord { .. } | Clock::EarliestOf(_) | Clock::SetOnCase => {
            clock_phrase(clock)
        }
    };
    // The answer's policy id stands for the policy: its name is not
    // repeated in each rule (CONTRACT section 3, round three).
    format!("{what} (stage {number})")
}

/// A clock in words, without the policy's name.
fn clock_phrase(clock: &Clock) -> String {
    match clock {
        Clock::WorkingDaysAfterRaised(n) => {
            format!("within {n} working days of the disagreement being raised")
        }
        Clock::WorkingDaysAfterStart(n) => format!("within {n} working days of the stage starting"),
        Clock::HoursAfterStart(n) => format!("within {n} hours of the stage starting"),
        Clock::WithoutDelay => "without delay".to_string(),
        Clock::NotStated => "no time stated".to_string(),
        Clock::ByPriority(by) => format!("by the concern's priority (default {})", by.default),
        Clock::WorkingDaysAfterRecord {
            record,
            days,
            until_recorded,
        } => format!(
            "within {days} working days of {record} being recorded (until then, {})",
            clock_phrase(until_recorded)
        ),
        Clock::SetOnCase => "by the timescale set for the case".to_string(),
        Clock::EarliestOf(members) => {
            let each: Vec<String> = members.iter().map(clock_phrase).collect();
            format!("whichever is less of: {}", each.join("; "))
        }
    }
}

/// Every record a clock counts from, with the path of its `record`.
fn clock_records<'c>(clock: &'c Clock, path: &str, out: &mut Vec<(String, &'c str)>) {
    match clock {
        Clock::WorkingDaysAfterRecord {
            record,
            until_recorded,
            ..
        } => {
            out.push((place::key(path, "record"), record.as_str()));
            clock_records(until_recorded, &place::key(path, "until_recorded"), out);
        }
        Clock::EarliestOf(members) => {
            let at = place::key(path, "of");
            for (i, member) in members.iter().enumerate() {
                clock_records(member, &place::index(&at, i), out);
            }
        }
        Clock::ByPriority(by) => {
            let at = place::key(path, "priorities");
            for (name, member, _) in &by.priorities {
                clock_records(member, &place::key(&at, name), out);
            }
        }
        _ => {}
    }
}

/// An immediate-risk waiver's rule, for a definition that gives none.
pub(crate) const WAIVER_RULE: &str = "immediately: a risk of immediate harm was identified";

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
                let rule = r
                    .words(w, &at, "rule", false)
                    .unwrap_or_else(|| Text::from_static(WAIVER_RULE));
                let clause = r.clause(w, &at).unwrap_or_else(Clause::none);
                ImmediateRiskWaiver { rule, clause }
            })
        }
    };
    let (number, name, mut clock) = (number?, name?, clock?);
    let given = rule.is_some();
    let clock_rule = rule.unwrap_or_else(|| r.text(&clock_words(&clock, number)));
    if let Clock::ByPriority(by) = &mut clock {
        for (priority, chosen, words) in &mut by.priorities {
            let text = format!("{priority} priority: {}", clock_words(chosen, number));
            *words = if given {
                clock_rule.clone()
            } else {
                r.text(&text)
            };
        }
    }
    let clause = clause.unwrap_or_else(Clause::none);
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

const DUE_KINDS: &str = "immediately, without_delay, not_stated, same_day, same_working_day, with_stage, set_on_case, working_days_after, working_days_after_raised, hours_after, earliest_of";

fn due(r: &mut Reader, value: &Value, path: &str, nested: bool) -> Option<DueRule> {
    let Value::Object(object) = value else {
        r.wrong(path, "expected a due object", value);
        return None;
    };
    let kind = r.string(object, path, "kind", true)?;
    let keys: &[&str] = match kind {
        "immediately" | "without_delay" | "not_stated" | "same_day" | "same_working_day"
        | "with_stage" | "set_on_case" => &["kind"],
        "working_days_after" | "working_days_after_raised" => &["kind", "days"],
        "hours_after" => &["kind", "hours"],
        "earliest_of" => &["kind", "of"],
        _ => {
            r.problem(
                place::key(path, "kind"),
                format!("not a due kind; expected one of {DUE_KINDS}"),
            );
            return None;
        }
    };
    r.object(value, path, keys)?;
    if nested && kind == "set_on_case" {
        r.problem(
            place::key(path, "kind"),
            "a timescale set for the case cannot be a member of earliest_of",
        );
        return None;
    }
    match kind {
        "immediately" => Some(DueRule::Immediately),
        "without_delay" => Some(DueRule::WithoutDelay),
        "not_stated" => Some(DueRule::NotStated),
        "same_day" => Some(DueRule::SameWorkingDay),
        "same_working_day" => Some(DueRule::SameOrNextWorkingDay),
        "with_stage" => Some(DueRule::WithStage),
        "set_on_case" => Some(DueRule::SetOnCase),
        "working_days_after" => r
            .count(object, path, "days", MAX_COUNT)
            .map(DueRule::WorkingDaysAfter),
        "working_days_after_raised" => r
            .count(object, path, "days", MAX_COUNT)
            .map(DueRule::WorkingDaysAfterRaised),
        "earliest_of" => earliest_of(r, object, path, ("due", "dues"), |r, item, at| {
            due(r, item, at, true)
        })
        .map(DueRule::EarliestOf),
        _ => r
            .count(object, path, "hours", MAX_POLICY_HOURS)
            .map(DueRule::HoursAfter),
    }
}

/// A due's rule in words, for an obligation that gives no `when`.
fn due_words(due: &DueRule) -> String {
    match due {
        DueRule::Immediately => "immediately".to_string(),
        DueRule::WithoutDelay => "without delay".to_string(),
        DueRule::NotStated => "the policy states no time".to_string(),
        DueRule::SameWorkingDay => "on the same day".to_string(),
        DueRule::SameOrNextWorkingDay => {
            "on the same working day (the next, when it arose on another day)".to_string()
        }
        DueRule::WithStage => "with the stage".to_string(),
        DueRule::SetOnCase => "by the timescale set for the case".to_string(),
        DueRule::WorkingDaysAfter(n) => format!("within {n} working days"),
        DueRule::WorkingDaysAfterRaised(n) => {
            format!("within {n} working days of the disagreement being raised")
        }
        DueRule::HoursAfter(n) => format!("within {n} hours"),
        DueRule::EarliestOf(members) => {
            let each: Vec<String> = members.iter().map(due_words).collect();
            format!("whichever is less of: {}", each.join("; "))
        }
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

const LAPSES_RULE: &str = "expected false, true, \"case_ends\" or \"stage_ends\"";

fn obligation(r: &mut Reader, value: &Value, path: &str) -> Option<ObligationRule> {
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
        Some(v) => due(r, v, &place::key(path, "due"), false),
        None => {
            r.problem(place::key(path, "due"), "missing");
            None
        }
    };
    let when = r.words(object, path, "when", false);
    let lapses = match object.get("lapses") {
        None | Some(Value::Bool(false)) => Lapses::Never,
        Some(Value::Bool(true)) => Lapses::CaseEnds,
        Some(Value::String(s)) if s == "case_ends" => Lapses::CaseEnds,
        Some(Value::String(s)) if s == "stage_ends" => Lapses::StageEnds,
        Some(Value::String(_)) => {
            r.problem(place::key(path, "lapses"), LAPSES_RULE);
            Lapses::Never
        }
        Some(other) => {
            r.wrong(place::key(path, "lapses"), LAPSES_RULE, other);
            Lapses::Never
        }
    };
    let independent_of_process = r
        .boolean(object, path, "independent_of_process")
        .unwrap_or(false);
    let waived_by_immediate_risk = r
        .boolean(object, path, "waived_by_immediate_risk")
        .unwrap_or(false);
    let clause = r.clause(object, path);
    let (id, what, trigger, due) = (id?, what?, trigger?, due?);
    Some(ObligationRule {
        when: when.unwrap_or_else(|| r.text(&due_words(&due))),
        clause: clause.unwrap_or_else(Clause::none),
        id,
        what,
        trigger,
        due,
        lapses,
        independent_of_process,
        waived_by_immediate_risk,
    })
}

fn record(r: &mut Reader, value: &Value, path: &str) -> Option<RecordRule> {
    let object = r.object(value, path, &["id", "what", "clause"])?;
    let id = r.id(object, path, "id", true);
    let what = r.words(object, path, "what", true);
    let clause = r.clause(object, path);
    Some(RecordRule {
        id: id?,
        what: what?,
        clause: clause.unwrap_or_else(Clause::none),
    })
}

/// A milestone's words, for a definition that gives no `what`.
pub(crate) fn milestone_words(name: &str, met: MilestoneMet, days: u32) -> String {
    let event = match met {
        MilestoneMet::CompletedStage(k) => format!("stage {k} complete"),
        MilestoneMet::EnteredStage(k) => format!("stage {k} reached"),
    };
    format!("{name}: {event}, {days} working days after the disagreement was raised")
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

fn milestone(r: &mut Reader, value: &Value, path: &str) -> Option<MilestoneRule> {
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
    let what = what.unwrap_or_else(|| r.text(&milestone_words(&name, met, days)));
    Some(MilestoneRule {
        name,
        what,
        working_days_after_raised: days,
        met,
        met_by_withdrawal,
        clause: clause.unwrap_or_else(Clause::none),
    })
}

fn skip(r: &mut Reader, value: &Value, path: &str) -> Option<SkipRule> {
    let object = r.object(value, path, &["to", "requires_immediate_risk", "clause"])?;
    let targets = r.stage_list(object, path, "to");
    let requires_immediate_risk = r
        .boolean(object, path, "requires_immediate_risk")
        .unwrap_or(false);
    let clause = r.clause(object, path);
    Some(SkipRule {
        targets: targets?,
        requires_immediate_risk,
        clause: clause.unwrap_or_else(Clause::none),
    })
}

fn redirect(r: &mut Reader, value: &Value, path: &str) -> Option<RedirectRule> {
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
    let label = label.unwrap_or_else(|| r.text(&redirect_label(&when)));
    Some(RedirectRule {
        when,
        label,
        to: to?,
        why: why?,
        clause: clause.unwrap_or_else(Clause::none),
    })
}

/// A redirect's label, for a definition that gives none: its conditions.
pub(crate) fn redirect_label(when: &[(RaisedFlag, bool)]) -> String {
    let words: Vec<String> = when
        .iter()
        .map(|(flag, value)| {
            let name = flag.as_str().replace('_', " ");
            if *value { name } else { format!("not {name}") }
        })
        .collect();
    words.join(", ")
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

/// The items of a list read by [`Reader::list`], without their indexes.
fn items<T>(list: Vec<(usize, T)>) -> Vec<T> {
    list.into_iter().map(|(_, item)| item).collect()
}

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
    // `$schema` lets an editor check the document; any string, ignored.
    if let Some(schema) = top.get("$schema") {
        if !schema.is_string() {
            r.wrong(
                "$schema",
                "expected a string (the schema's address)",
                schema,
            );
        }
    }
    let name = r.words(top, "", "name", true);
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
                stage(r, v, p, i + 1, repeated(i))
            })
            .into_iter()
            .map(|(_, s)| s)
            .collect()
        }
        Some(_) => {
            r.list(top, "", "stages", MAX_POLICY_STAGES, |r, v, p, i| {
                stage(r, v, p, i + 1, false)
            });
            Vec::new()
        }
    };
    let obligations = r.list(top, "", "obligations", MAX_POLICY_ITEMS, |r, v, p, _| {
        obligation(r, v, p)
    });
    let records = r.list(top, "", "records", MAX_POLICY_ITEMS, |r, v, p, _| {
        record(r, v, p)
    });
    let milestones = r.list(top, "", "milestones", MAX_POLICY_ITEMS, |r, v, p, _| {
        milestone(r, v, p)
    });
    let skips = r.list(top, "", "skips", MAX_POLICY_ITEMS, |r, v, p, _| {
        skip(r, v, p)
    });
    let redirects = r.list(top, "", "redirects", MAX_POLICY_ITEMS, |r, v, p, _| {
        redirect(r, v, p)
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
            clause: clause.unwrap_or_else(Clause::none),
        })
    });
    let finality = top.get("finality").and_then(|v| {
        let object = r.object(v, "finality", &["meaning", "clause"])?;
        let meaning = r.words(object, "finality", "meaning", true);
        let clause = r.clause(object, "finality");
        Some(Finality {
            meaning: meaning?,
            clause: clause.unwrap_or_else(Clause::none),
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
    // References are checked against the document's own items, refused
    // or not: a reference to an item refused for another reason is not
    // "unknown".
    let given_ids = |key: &str| -> Vec<&str> {
        top.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|item| item.get("id").and_then(Value::as_str))
            .collect()
    };
    let record_ids: Vec<&str> = given_ids("obligations")
        .into_iter()
        .chain(given_ids("records"))
        .collect();
    let area_ids = given_ids("areas");
    for (i, o) in &obligations {
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
                if !record_ids.contains(&record.as_str()) {
                    r.problem(
                        place::key(&path, "record"),
                        "not one of the policy's records or obligations (a record that starts a clock is listed in records)",
                    );
                } else if *record == o.id {
                    r.problem(
                        place::key(&path, "record"),
                        "an obligation cannot arise from meeting itself",
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
        let mut counted_from = Vec::new();
        clock_records(
            &s.rule.clock,
            &place::key(&s.path, "clock"),
            &mut counted_from,
        );
        for (path, id) in counted_from {
            if !record_ids.contains(&id) {
                r.problem(path, "not one of the policy's records or obligations");
            }
        }
        if let Some(id) = &s.rule.clock_met_by {
            if !record_ids.contains(&id.as_str()) {
                r.problem(
                    place::key(&s.path, "clock_met_by"),
                    "not one of the policy's records or obligations",
                );
            }
        }
    }
    for (k, (i, m)) in milestones.iter().enumerate() {
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
        if milestones[..k].iter().any(|(_, x)| x.name == m.name) {
            r.problem(
                format!("milestones[{i}].name"),
                "a milestone name given twice",
            );
        }
    }
    for (i, s) in &skips {
        check_stages(r, &s.targets, format!("skips[{i}].to"));
    }
    if let Some(s) = &seniority {
        check_stages(r, &s.stages, "seniority.stages".to_string());
    }
    for (k, (i, a)) in areas.iter().enumerate() {
        if areas[..k].iter().any(|(_, x)| x.id == a.id) {
            r.problem(format!("areas[{i}].id"), "an area id given twice");
        }
    }
    for (k, (i, x)) in records.iter().enumerate() {
        if records[..k].iter().any(|(_, y)| y.id == x.id) {
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
                for (_, skip) in &skips {
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

    // Each name once, in the order first given: a set of those seen, so
    // the cost is linear in the names however many there are.
    let mut seen = std::collections::HashSet::new();
    let mut priorities: Vec<Text> = Vec::new();
    for s in &stage_rules {
        if let Clock::ByPriority(by) = &s.clock {
            for (name, _, _) in &by.priorities {
                if seen.insert(name.as_str()) {
                    priorities.push(name.clone());
                }
            }
        }
    }
    let (obligations, records, milestones) =
        (items(obligations), items(records), items(milestones));
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
        skips: items(skips),
        redirects: items(redirects),
        areas: items(areas),
        areas_clause,
        seniority,
        finality,
        default_record,
        priorities,
    })
}
