//! Free text a caller gives (reasons, outcomes, an "other" area), which may
//! carry personal data.

use std::fmt;

/// Text written by a practitioner, kept as given but never shown by
/// `Debug` or in error messages: it may name a child or a family.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::FreeText;
///
/// let reason = FreeText::new("Jane Doe, 4 Any Street: risk not addressed");
/// assert_eq!(reason.as_str(), "Jane Doe, 4 Any Street: risk not addressed");
/// assert_eq!(format!("{reason:?}"), "FreeText(42 chars)");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct FreeText(String);

impl FreeText {
    /// Wraps the text.
    pub fn new(text: impl Into<String>) -> FreeText {
        FreeText(text.into())
    }

    /// The text as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when the text is empty or only white space.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for FreeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FreeText({} chars)", self.0.chars().count())
    }
}

impl From<&str> for FreeText {
    fn from(text: &str) -> FreeText {
        FreeText::new(text)
    }
}

impl From<String> for FreeText {
    fn from(text: String) -> FreeText {
        FreeText(text)
    }
}

/// Words of a policy (names, rules, clauses, ids): shared, cheap to clone,
/// and the same whether the policy was compiled in or loaded from a
/// definition at run time.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::Text;
///
/// let compiled = Text::from_static("Line managers");
/// let loaded = Text::from(String::from("Line managers"));
/// assert_eq!(compiled, loaded);
/// assert_eq!(loaded, "Line managers");
/// assert_eq!(loaded.as_str().len(), 13);
/// ```
#[derive(Clone)]
pub struct Text(Repr);

// 16 bytes: a shared text is one thin pointer, so the enum fits in the
// static one's two words (the null pointer tells them apart).
#[derive(Clone)]
enum Repr {
    Static(&'static str),
    Shared(std::sync::Arc<String>),
}

impl Text {
    /// Text that lives as long as the program.
    pub const fn from_static(text: &'static str) -> Text {
        Text(Repr::Static(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(text) => text,
            Repr::Shared(text) => text,
        }
    }

    /// The same text, kept for the rest of the program: for the built-in
    /// policies, loaded once.
    pub(crate) fn leak(self) -> Text {
        match self.0 {
            Repr::Static(_) => self,
            Repr::Shared(text) => Text(Repr::Static(Box::leak(Box::<str>::from(text.as_str())))),
        }
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::from_static("")
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Repr::Shared(std::sync::Arc::new(text)))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(Repr::Shared(std::sync::Arc::new(text.to_string())))
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_text_is_two_words() {
        assert_eq!(std::mem::size_of::<super::Text>(), 16);
    }
}
