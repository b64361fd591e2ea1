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
