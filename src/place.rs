//! Where a problem is, written so that it never repeats a value: the one
//! helper every error message, warning and problem builds its path with.
//!
//! A path is the chain of keys and list positions that leads to a value,
//! such as `events[2].actions[0].due`. Keys are the request's own field
//! names; a key that is not a plain name (empty, or with `.`, `[`, spaces or
//! other characters) is quoted as a JSON string, `data["child.name"]`, so
//! a path reads one way only; a key longer than [`MAX_KEY_CHARS`] is not
//! repeated at all, only its length is given. Values are never part of a
//! path.

use std::fmt::Write;

/// The longest key a path repeats; a longer one is named by its length.
pub(crate) const MAX_KEY_CHARS: usize = 64;

/// True for a key written bare: ASCII letters, digits, `_` and `-`,
/// starting with a letter or `_`, at most [`MAX_KEY_CHARS`] long.
fn is_plain(key: &str) -> bool {
    let mut bytes = key.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && key.len() <= MAX_KEY_CHARS
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
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
    let chars = key.chars().count();
    if chars > MAX_KEY_CHARS {
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
        assert_eq!(key("data", "a\"b\n"), r#"data["a\"b\n"]"#);
        assert_eq!(key("data", "2nd"), r#"data["2nd"]"#);
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
