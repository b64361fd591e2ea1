//! A structured mutator for requests of the JSON face: it takes a fixture
//! and breaks it the ways a careless or hostile caller would (events
//! dropped, duplicated and reordered; values of the wrong type; huge
//! numbers; year 99999 and impossible dates; deep nesting; odd keys; very
//! long strings; control characters), optionally putting [`MARKER`] in
//! string values and in every value it puts where another type belongs.
//!
//! Shared by `tests/hostile_inputs.rs` (driven by a seeded generator) and
//! the fuzz targets (driven by libFuzzer's bytes), through [`Choices`].

#![allow(dead_code)]

use serde_json::{Map, Value, json};

/// A distinctive string that no message may ever repeat: it stands for a
/// child's name put in a field.
pub const MARKER: &str = "ZZMARKERZZ";

/// A source of choices.
pub trait Choices {
    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize;
}

/// A small deterministic generator (xorshift64*), for the stable tests.
#[derive(Debug, Clone)]
pub struct Seeded(u64);

impl Seeded {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Seeded {
        Seeded(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
}

impl Choices for Seeded {
    fn below(&mut self, n: usize) -> usize {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The paths of every node under `value` (the root included).
fn paths(value: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(path.clone());
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(item, path, out);
                    path.pop();
                }
            }
            Value::Object(object) => {
                for (key, item) in object {
                    path.push(Step::Key(key.clone()));
                    walk(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

fn at<'v>(value: &'v Value, path: &[Step]) -> Option<&'v Value> {
    let mut node = value;
    for step in path {
        node = match (step, node) {
            (Step::Key(key), Value::Object(object)) => object.get(key)?,
            (Step::Index(i), Value::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn at_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut node = value;
    for step in path {
        node = match (step, node) {
            (Step::Key(key), Value::Object(object)) => object.get_mut(key)?,
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Dates a careless caller writes: out of range, impossible, malformed.
const HOSTILE_DATES: [&str; 22] = [
    "99999-01-01",
    "+99999-01-01",
    "-0001-01-01",
    "0000-01-01",
    "2026-02-30",
    "2027-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-5",
    "2026-01-05T24:00",
    "2026-01-05T23:60",
    "2026-01-05T09:30:00",
    "2026-01-05 09:30",
    "1989-12-31",
    "1990-01-01",
    "2100-12-31",
    "2101-01-01",
    "262143-12-31",
    "9999-12-31",
    "",
    " 2026-01-05",
];

/// Numbers no field expects.
fn hostile_number(choices: &mut impl Choices) -> Value {
    match choices.below(11) {
        0 => json!(u64::MAX),
        1 => json!(i64::MIN),
        2 => json!(1e308),
        3 => json!(-1),
        4 => json!(0),
        5 => json!(4_294_967_296_u64),
        6 => json!(1.5),
        7 => json!(-0.0),
        8 => json!(99999),
        9 => json!(2_147_483_648_u64),
        _ => json!(1e-300),
    }
}

fn nested(depth: usize, arrays: bool, leaf: Value) -> Value {
    let mut value = leaf;
    for _ in 0..depth {
        value = if arrays {
            Value::Array(vec![value])
        } else {
            let mut object = Map::new();
            object.insert("a".into(), value);
            Value::Object(object)
        };
    }
    value
}

/// A string a field would not expect; with `marked`, it carries [`MARKER`].
fn hostile_string(choices: &mut impl Choices, marked: bool) -> String {
    let tag = if marked { MARKER } else { "x" };
    match choices.below(7) {
        0 => tag.repeat(20_000),
        1 => format!("\u{0}\u{7}\u{1b}[31m\u{202e}\u{feff}{tag}\u{200b}"),
        2 => format!("{tag}\n\r\t\"\\"),
        3 => format!("{}{tag}", HOSTILE_DATES[choices.below(HOSTILE_DATES.len())]),
        4 => format!("{tag}.a[0]"),
        5 => format!("\u{1F600}{tag}\u{10FFFF}"),
        _ => tag.to_string(),
    }
}

/// A value of some type: whatever a field might wrongly hold.
fn hostile_value(choices: &mut impl Choices, marked: bool) -> Value {
    let leaf = if marked { json!(MARKER) } else { json!("x") };
    match choices.below(14) {
        0 => hostile_number(choices),
        1 => json!(HOSTILE_DATES[choices.below(HOSTILE_DATES.len())]),
        2 => Value::String(hostile_string(choices, marked)),
        3 => nested(1 + choices.below(100), choices.below(2) == 0, leaf),
        4 => nested(130 + choices.below(40), choices.below(2) == 0, leaf),
        5 => json!({"": leaf}),
        6 => json!({"a.b": leaf, "c[0]": leaf, "d]": leaf, "[": leaf}),
        7 => json!([leaf, leaf]),
        8 => json!({}),
        9 => json!([]),
        10 => Value::Null,
        11 => json!(true),
        12 => json!(false),
        _ => leaf,
    }
}

/// The same value as another type; with `marked`, a string made of it
/// carries [`MARKER`].
fn retyped(value: &Value, choices: &mut impl Choices, marked: bool) -> Value {
    let tag = |text: String| {
        if marked {
            Value::String(format!("{text}{MARKER}"))
        } else {
            Value::String(text)
        }
    };
    match value {
        Value::String(text) => match choices.below(4) {
            0 => hostile_number(choices),
            1 => json!([text]),
            2 => json!({ "value": text }),
            _ => json!(!text.is_empty()),
        },
        Value::Number(n) => match choices.below(3) {
            0 => tag(n.to_string()),
            1 => json!([n]),
            _ => json!(n.as_f64().map(|f| f + 0.5)),
        },
        Value::Bool(b) => match choices.below(3) {
            0 => tag(b.to_string()),
            1 => json!(u8::from(*b)),
            _ => json!([b]),
        },
        Value::Array(items) => match choices.below(3) {
            0 => Value::Object(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), v.clone()))
                    .collect(),
            ),
            1 => items.first().cloned().unwrap_or(Value::Null),
            _ => tag(String::new()),
        },
        Value::Object(object) => match choices.below(3) {
            0 => Value::Array(object.values().cloned().collect()),
            1 => tag("object".into()),
            _ => Value::Null,
        },
        Value::Null => hostile_value(choices, marked),
    }
}

/// Keys a request does not expect.
const ODD_KEYS: [&str; 8] = ["", "a.b", "events[0]", "[", "]", ".", "\u{0}", "type"];

/// One change to `request`; with `marked`, every value it puts in a place
/// that expects another type or text carries [`MARKER`].
pub fn mutate_once(request: &mut Value, choices: &mut impl Choices, marked: bool) {
    match choices.below(9) {
        // Events: drop, duplicate, swap, reverse, truncate, empty.
        0 | 1 => {
            let Some(events) = request.get_mut("events").and_then(Value::as_array_mut) else {
                return;
            };
            let n = events.len();
            if n == 0 {
                events.push(json!({"type": "raised", "on": "2026-01-05"}));
                return;
            }
            let i = choices.below(n);
            match choices.below(6) {
                0 => {
                    events.remove(i);
                }
                1 => {
                    let copy = events[i].clone();
                    events.insert(choices.below(n + 1), copy);
                }
                2 => events.swap(i, choices.below(n)),
                3 => events.reverse(),
                4 => events.truncate(i),
                _ => {
                    for _ in 0..choices.below(200) {
                        events.push(events[i].clone());
                    }
                }
            }
        }
        // Any node: a hostile value.
        2 | 3 => {
            let all = paths(request);
            let path = &all[choices.below(all.len())];
            let value = hostile_value(choices, marked);
            if let Some(node) = at_mut(request, path) {
                *node = value;
            }
        }
        // Any node: the same value as another type.
        4 | 5 => {
            let all = paths(request);
            let path = &all[choices.below(all.len())];
            if let Some(node) = at_mut(request, path) {
                *node = retyped(node, choices, marked);
            }
        }
        // An object: an odd key, or one of its keys removed.
        6 => {
            let all: Vec<Vec<Step>> = paths(request)
                .into_iter()
                .filter(|p| at(request, p).is_some_and(Value::is_object))
                .collect();
            if all.is_empty() {
                return;
            }
            let path = &all[choices.below(all.len())];
            let key = ODD_KEYS[choices.below(ODD_KEYS.len())];
            let value = hostile_value(choices, marked);
            let remove = choices.below(2) == 0;
            if let Some(Value::Object(object)) = at_mut(request, path) {
                if remove && !object.is_empty() {
                    let victim = object.keys().nth(choices.below(object.len())).cloned();
                    if let Some(victim) = victim {
                        object.remove(&victim);
                    }
                } else {
                    object.insert(key.to_string(), value);
                }
            }
        }
        // A date field: a hostile date.
        7 => {
            let all: Vec<Vec<Step>> = paths(request)
                .into_iter()
                .filter(|p| {
                    matches!(p.last(), Some(Step::Key(k)) if ["on", "as_of", "due", "meeting", "date"].contains(&k.as_str()))
                        || matches!(p.first(), Some(Step::Key(k)) if k == "meetings")
                })
                .collect();
            if all.is_empty() {
                return;
            }
            let path = &all[choices.below(all.len())];
            let date = HOSTILE_DATES[choices.below(HOSTILE_DATES.len())];
            if let Some(node) = at_mut(request, path) {
                *node = json!(date);
            }
        }
        // A string: a hostile one.
        _ => {
            let strings: Vec<Vec<Step>> = paths(request)
                .into_iter()
                .filter(|p| at(request, p).is_some_and(Value::is_string))
                .collect();
            if strings.is_empty() {
                return;
            }
            let path = &strings[choices.below(strings.len())];
            let text = hostile_string(choices, marked);
            if let Some(node) = at_mut(request, path) {
                *node = Value::String(text);
            }
        }
    }
}

/// Puts [`MARKER`] in some of the string values of `request` (about one in
/// three): alone, before or after the value.
pub fn mark_strings(request: &mut Value, choices: &mut impl Choices) {
    match request {
        Value::String(text) => match choices.below(9) {
            0 => *text = MARKER.to_string(),
            1 => *text = format!("{text}{MARKER}"),
            2 => *text = format!("{MARKER}{text}"),
            _ => {}
        },
        Value::Array(items) => items.iter_mut().for_each(|v| mark_strings(v, choices)),
        Value::Object(object) => object.values_mut().for_each(|v| mark_strings(v, choices)),
        _ => {}
    }
}

/// `rounds` changes to a copy of `fixture`, then, with `marked`, the marker
/// in some of its strings.
pub fn mutated(fixture: &Value, choices: &mut impl Choices, rounds: usize, marked: bool) -> Value {
    let mut request = fixture.clone();
    for _ in 0..rounds {
        mutate_once(&mut request, choices, marked);
    }
    if marked {
        mark_strings(&mut request, choices);
    }
    request
}

/// Every single-place variant of `fixture` with [`MARKER`] put where a
/// value was: each string value with the marker appended, and each node
/// (of any type) replaced by the marker as a string, in a list and in an
/// object. For the systematic half of the marker check.
pub fn marked_variants(fixture: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for path in paths(fixture) {
        if path.is_empty() {
            continue;
        }
        let mut base = fixture.clone();
        let Some(node) = at_mut(&mut base, &path) else {
            continue;
        };
        let original = node.clone();
        let mut replacements = vec![json!(MARKER), json!([MARKER]), json!({ "value": MARKER })];
        if let Value::String(text) = &original {
            replacements.insert(0, Value::String(format!("{text}{MARKER}")));
        }
        for replacement in replacements {
            let mut variant = fixture.clone();
            if let Some(node) = at_mut(&mut variant, &path) {
                *node = replacement;
            }
            out.push(variant);
        }
    }
    out
}
