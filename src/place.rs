//! Where a problem is, written so that it never repeats a value: the one
//! helper every error message, warning and problem builds its path with.
//!
//! A path is the chain of keys and list positions that leads to a value,
//! such as `events[2].actions[0].due`. Keys are the request's own field
//! names; a key that is not a plain name but could be one (empty, or
//! printable ASCII with `.`, `[` or other punctuation) is quoted as a JSON
//! string, `data["child.name"]`, so a path reads one way only. A key with
//! a space, a control or non-ASCII character, or longer than
//! [`MAX_KEY_CHARS`], is text rather than a field name (a child's name sent
//! as a key): it is not repeated at all, only its length is given. Values
//! are never part of a path.

use std::fmt::Write;

/// The longest key a path repeats; a longer one is named by its length.
pub(crate) const MAX_KEY_CHARS: usize = 64;

/// True for a key written bare: one or more ASCII letters, digits, `_`
/// and `-`, at most [`MAX_KEY_CHARS`] long (a form's stage `"2"` reads
/// `stages.2`; a list position is always in brackets, `[2]`).
fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_KEY_CHARS
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Appends `key` to `out` as a path step.
pub(crate) fn push_key(out: &mut String, key: &str) {
    if is_plain(key) {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
        return;
    }
    // Only what could be a field name is repeated: printable ASCII with no
    // space. Text (a name, an address, a date written out) sent as a key
    // is named by its length, never repeated.
    let chars = key.chars().count();
    if chars > MAX_KEY_CHARS || !key.bytes().all(|b| b.is_ascii_graphic()) {
        let _ = write!(out, "[a key of {chars} characters]");
        return;
    }
    out.push('[');
    // A JSON string: quotes, backslashes and control characters escaped.
    out.push_str(&serde_json::Value::from(key).to_string());
    out.push(']');
}

/// `parent.key`, or `parent["odd key"]`; `key` alone at the top.
pub(crate) fn key(parent: &str, key: &str) -> String {
    let mut out = String::with_capacity(parent.len() + key.len().min(MAX_KEY_CHARS) + 4);
    out.push_str(parent);
    push_key(&mut out, key);
    out
}

/// `parent[index]`.
pub(crate) fn index(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

/// What kind of JSON value was found where another was expected, in words
/// ("a string", "a list"), never the value itself.
pub(crate) fn kind_of(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_keys_are_bare_and_others_quoted() {
        assert_eq!(key("", "events"), "events");
        assert_eq!(key("events[2]", "to_stage"), "events[2].to_stage");
        assert_eq!(key("data", "child.name"), r#"data["child.name"]"#);
        assert_eq!(key("data", "x[0]"), r#"data["x[0]"]"#);
        assert_eq!(key("data", ""), r#"data[""]"#);
        assert_eq!(key("", ""), r#"[""]"#);
        assert_eq!(key("data", "a\"b"), r#"data["a\"b"]"#);
        assert_eq!(key("data", "a\"b\n"), "data[a key of 4 characters]");
        assert_eq!(key("data", "Jane Doe"), "data[a key of 8 characters]");
        assert_eq!(key("data", "Zoë"), "data[a key of 3 characters]");
        assert_eq!(key("data", "2nd"), "data.2nd");
        assert_eq!(key("stages", "2"), "stages.2");
        assert_eq!(key("", "england-and-wales"), "england-and-wales");
        assert_eq!(index("events", 3), "events[3]");
    }

    #[test]
    fn long_keys_are_named_by_their_length() {
        let long = "k".repeat(10_000);
        assert_eq!(key("data", &long), "data[a key of 10000 characters]");
        let edge = "k".repeat(MAX_KEY_CHARS);
        assert_eq!(key("", &edge), edge);
    }
}

/// The most names a message lists; the rest are counted.
pub(crate) const MAX_LISTED: usize = 8;

/// Names a message lists as allowed: the first [`MAX_LISTED`], then how
/// many more there are, so that a message stays short whatever a policy
/// defines (the names are ids, at most 64 bytes each).
pub(crate) fn few<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut listed = String::new();
    let mut more = 0usize;
    for (i, name) in names.into_iter().enumerate() {
        if i >= MAX_LISTED {
            more += 1;
            continue;
        }
        if i > 0 {
            listed.push_str(", ");
        }
        listed.push_str(name);
    }
    if more > 0 {
        let _ = write!(listed, " and {more} more");
    }
    listed
}

#[cfg(test)]
mod few_tests {
    use super::few;

    #[test]
    fn a_long_list_is_cut_with_a_count() {
        assert_eq!(few(["a", "b"]), "a, b");
        let names: Vec<String> = (0..1000).map(|i| format!("name-{i}")).collect();
        let listed = few(names.iter().map(String::as_str));
        assert!(listed.starts_with("name-0, name-1, "), "{listed}");
        assert!(listed.ends_with("name-7 and 992 more"), "{listed}");
    }
}
