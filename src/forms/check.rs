//! The checker the forms share: it walks the data and collects problems,
//! never stopping at the first and never repeating a value.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::Problem;
use crate::calendar::{Calendar, parse_iso_date};
use crate::limits::MAX_PROBLEMS;
use crate::place::{self, kind_of};

pub(super) struct Checker<'c> {
    pub(super) calendar: &'c Calendar,
    problems: Capped,
    warnings: Capped,
}

/// A list of problems (or warnings) that keeps [`MAX_PROBLEMS`] and counts
/// the rest: a form of a million wrong items costs no more than a hundred.
#[derive(Default)]
struct Capped {
    kept: Vec<Problem>,
    left_out: usize,
}

impl Capped {
    fn push(&mut self, field: impl Into<String>, code: &'static str, message: impl Into<String>) {
        if self.kept.len() >= MAX_PROBLEMS {
            self.left_out += 1;
            return;
        }
        self.kept.push(Problem {
            field: field.into(),
            code,
            message: message.into(),
        });
    }

    /// At most [`MAX_PROBLEMS`] entries: the first `MAX_PROBLEMS - 1`
    /// found, then one saying how many more there were.
    fn finish(self) -> Vec<Problem> {
        let Capped { mut kept, left_out } = self;
        let total = kept.len() + left_out;
        if total <= MAX_PROBLEMS {
            return kept;
        }
        kept.truncate(MAX_PROBLEMS - 1);
        let more = total - kept.len();
        kept.push(Problem {
            field: "(data)".to_string(),
            code: "limit_exceeded",
            message: format!(
                "{more} more not listed: a list holds at most {MAX_PROBLEMS} entries (limits::MAX_PROBLEMS)"
            ),
        });
        kept
    }
}

/// `path.key`, with the key written as [`crate::place`] writes every key.
pub(super) fn join(path: &str, key: &str) -> String {
    place::key(path, key)
}

impl<'c> Checker<'c> {
    pub(super) fn new(calendar: &'c Calendar) -> Checker<'c> {
        Checker {
            calendar,
            problems: Capped::default(),
            warnings: Capped::default(),
        }
    }

    /// The problems, then the warnings, each capped at [`MAX_PROBLEMS`].
    pub(super) fn into_parts(self) -> (Vec<Problem>, Vec<Problem>) {
        (self.problems.finish(), self.warnings.finish())
    }

    /// Where the next problem will go, to place one there later.
    pub(super) fn mark(&self) -> usize {
        self.problems.kept.len()
    }

    /// A problem for each date of birth (with its mark) that is after the
    /// earliest date the form records, placed where the date of birth was
    /// read so the problems stay in the order of the form's fields. One
    /// pass over the problems: linear in the form.
    pub(super) fn born_after(
        &mut self,
        births: Vec<(usize, String, NaiveDate)>,
        dates: &[(&'static str, NaiveDate)],
    ) {
        let Some(&(earliest_field, earliest)) = dates.iter().min_by_key(|(_, d)| *d) else {
            return;
        };
        let mut late: Vec<(usize, Problem)> = births
            .into_iter()
            .filter(|(_, _, born)| *born > earliest)
            .map(|(mark, field, _)| {
                (
                    mark,
                    Problem {
                        field,
                        code: "out_of_order",
                        message: format!(
                            "the date of birth is after a date the form records ({earliest_field}): check both"
                        ),
                    },
                )
            })
            .collect();
        if late.is_empty() {
            return;
        }
        late.sort_by_key(|(mark, _)| *mark);
        let old = std::mem::take(&mut self.problems.kept);
        let mut late = late.into_iter().peekable();
        for (i, problem) in old.into_iter().enumerate() {
            while let Some((_, born)) = late.next_if(|(mark, _)| *mark <= i) {
                self.problems.kept.push(born);
            }
            self.problems.kept.push(problem);
        }
        self.problems.kept.extend(late.map(|(_, p)| p));
    }

    /// Something the form should say that does not make it invalid.
    pub(super) fn warn(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) {
        self.warnings.push(field, code, message);
    }

    /// An optional text the form should have: absent or blank is a
    /// warning, not text a problem.
    pub(super) fn recommended_text<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
        what: &str,
    ) -> Option<&'v str> {
        self.text_field(object, path, key, what, false)
    }

    /// A text field: absent (`missing`) or blank (`blank`) is a problem
    /// when `required`, else a warning; any other type is a problem.
    fn text_field<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
        what: &str,
        required: bool,
    ) -> Option<&'v str> {
        let at = join(path, key);
        let (code, message) = match object.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => return Some(s),
            Some(Value::String(_)) => ("blank", format!("blank: {what}")),
            None | Some(Value::Null) if required => ("missing", format!("missing: {what}")),
            None | Some(Value::Null) => ("missing", format!("not given: {what}")),
            Some(other) => {
                self.problem(
                    at,
                    "wrong_type",
                    format!("expected text, found {}", kind_of(other)),
                );
                return None;
            }
        };
        if required {
            self.problem(at, code, message);
        } else {
            self.warn(at, code, message);
        }
        None
    }

    pub(super) fn problem(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) {
        self.problems.push(field, code, message);
    }

    /// The data's object, or a problem.
    pub(super) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                let at = if path.is_empty() { "(data)" } else { path };
                self.problem(
                    at,
                    "wrong_type",
                    format!("expected an object, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// A problem for every field the object may not have.
    pub(super) fn only(&mut self, object: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for key in object.keys().filter(|k| !allowed.contains(&k.as_str())) {
            self.problem(
                join(path, key),
                "unknown_field",
                format!(
                    "not a field of this form; its fields here: {}",
                    allowed.join(", ")
                ),
            );
        }
    }

    /// A required, non-blank string.
    pub(super) fn text<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
        what: &str,
    ) -> Option<&'v str> {
        self.text_field(object, path, key, what, true)
    }

    /// An optional string (any content).
    pub(super) fn optional_text<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v str> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.problem(
                    join(path, key),
                    "wrong_type",
                    format!("expected text, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// A date written `YYYY-MM-DD`, required or not.
    pub(super) fn date(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        what: &str,
        required: bool,
    ) -> Option<NaiveDate> {
        let at = join(path, key);
        match object.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.problem(
                        at,
                        "missing",
                        format!("missing: {what} (a date YYYY-MM-DD)"),
                    );
                }
                None
            }
            Some(Value::String(s)) => self.parse_date(s, &at, what),
            Some(other) => {
                self.problem(
                    at,
                    "wrong_type",
                    format!("expected a date YYYY-MM-DD, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// Reads a date, saying what is wrong without repeating it.
    pub(super) fn parse_date(&mut self, text: &str, at: &str, what: &str) -> Option<NaiveDate> {
        match parse_iso_date(text) {
            Ok(date) => Some(date),
            Err(problem) if problem.contains("not a real date") => {
                self.problem(
                    at,
                    "impossible_date",
                    format!("{what}: no such day in the calendar"),
                );
                None
            }
            Err(_) => {
                let words: String = text.chars().filter(|c| c.is_alphabetic()).collect();
                if !words.is_empty() && !text.chars().any(|c| c.is_ascii_digit()) {
                    self.problem(at, "not_a_date", format!("{what}: the form asks for an actual date (YYYY-MM-DD), not words such as \"ASAP\""));
                } else {
                    self.problem(
                        at,
                        "invalid_date",
                        format!("{what}: not a date written YYYY-MM-DD"),
                    );
                }
                None
            }
        }
    }

    /// A boolean, false when absent.
    pub(super) fn flag(&mut self, object: &Map<String, Value>, path: &str, key: &str) -> bool {
        match object.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.problem(
                    join(path, key),
                    "wrong_type",
                    format!("expected true or false, found {}", kind_of(other)),
                );
                false
            }
        }
    }

    /// A whole number in a range, required (a range ending at `u64::MAX`
    /// is written as having no upper bound).
    pub(super) fn number(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        what: &str,
        range: std::ops::RangeInclusive<u64>,
    ) -> Option<u64> {
        let at = join(path, key);
        match object.get(key) {
            None | Some(Value::Null) => {
                self.problem(at, "missing", format!("missing: {what}"));
                None
            }
            Some(Value::Number(n)) => match n.as_u64() {
                Some(n) if range.contains(&n) => Some(n),
                _ => {
                    let bounds = if *range.end() == u64::MAX {
                        format!("a whole number from {}", range.start())
                    } else {
                        format!("a whole number from {} to {}", range.start(), range.end())
                    };
                    self.problem(at, "out_of_range", format!("{what}: must be {bounds}"));
                    None
                }
            },
            Some(other) => {
                self.problem(
                    at,
                    "wrong_type",
                    format!("expected a number, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// A list, required or not; the items with their paths.
    pub(super) fn list<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
        what: &str,
        required: bool,
    ) -> Vec<(String, &'v Value)> {
        let at = join(path, key);
        match object.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.problem(at, "missing", format!("missing: {what}"));
                }
                Vec::new()
            }
            Some(Value::Array(items)) => {
                if required && items.is_empty() {
                    self.problem(at.clone(), "missing", format!("empty: {what}"));
                }
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (place::index(&at, i), v))
                    .collect()
            }
            Some(other) => {
                self.problem(
                    at,
                    "wrong_type",
                    format!("expected a list, found {}", kind_of(other)),
                );
                Vec::new()
            }
        }
    }

    /// Ids from a closed set: a list, or one id alone.
    pub(super) fn ids(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        known: &[&'static str],
    ) -> Vec<&'static str> {
        let mut out = Vec::new();
        let items = match object.get(key) {
            Some(one @ Value::String(_)) => vec![(join(path, key), one)],
            _ => self.list(object, path, key, "", false),
        };
        for (at, value) in items {
            match value.as_str().and_then(|v| known.iter().find(|k| **k == v)) {
                Some(id) => out.push(*id),
                None => self.problem(
                    at,
                    "unknown_value",
                    format!("expected one of {}", known.join(", ")),
                ),
            }
        }
        out
    }
}
