//! A sentence of a source document that a rule comes from.

use super::Text;
use std::fmt;

/// A sentence of a source document that a rule comes from.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
///
/// // Swindon's stage 1 clock, and the sentence of s.4 it comes from.
/// let stage = Policy::get(PolicyId::SwindonResolution2026).stage(1).unwrap();
/// assert!(stage.clause.place.contains("s.4"), "{}", stage.clause.place);
/// let sentence = "The discussion should take place within two working days \
///     of the disagreement or concern arising.";
/// assert_eq!(stage.clause.text, sentence);
/// assert!(stage.clause.to_string().ends_with(&format!(": “{sentence}”")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Clause {
    /// The document and place, such as `Swindon Resolution Policy (2026), s.4, Stage 3`
    /// (empty for a rule whose definition gives no clause: see
    /// [`Clause::is_given`]).
    pub place: Text,
    /// The sentence, quoted as the document has it (empty when a
    /// definition names only the place).
    pub text: Text,
}

impl Clause {
    pub(crate) const fn new(place: &'static str, text: &'static str) -> Clause {
        Clause {
            place: Text::from_static(place),
            text: Text::from_static(text),
        }
    }

    /// No clause: a rule whose definition cites none. Its place and text
    /// are empty, and an answer gives the rule no `clause` (the answer's
    /// `policy` id stands for the policy).
    pub(crate) const fn none() -> Clause {
        Clause::new("", "")
    }

    /// Whether the clause cites a place (false for a rule whose definition
    /// gives no clause, which an answer then leaves out).
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Clause, Policy, PolicyId};
    ///
    /// assert!(Clause::from_text("s.3", "").is_given());
    /// let minimal = Policy::from_definition_json(r#"{"id": "minimal", "name": "Minimal",
    ///     "stages": [{"number": 1, "name": "Chair", "clock": {"kind": "not_stated"}}]}"#)?;
    /// assert!(!minimal.stages[0].clause.is_given());
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn is_given(&self) -> bool {
        !self.place.is_empty()
    }

    /// A clause from a place and a sentence.
    ///
    /// ```
    /// use safeguarding_resolution::policy::Clause;
    ///
    /// let clause = Clause::from_text("Example Borough policy, s.3", "Escalate within 48 hours.");
    /// assert_eq!(clause.to_string(), "Example Borough policy, s.3: “Escalate within 48 hours.”");
    /// assert_eq!(Clause::from_text("s.3", "").to_string(), "s.3");
    /// ```
    pub fn from_text(place: impl Into<Text>, text: impl Into<Text>) -> Clause {
        Clause {
            place: place.into(),
            text: text.into(),
        }
    }
}

impl fmt::Display for Clause {
    /// `place: “text”`, or the place alone when there is no sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text.is_empty() {
            write!(f, "{}", self.place)
        } else {
            write!(f, "{}: “{}”", self.place, self.text)
        }
    }
}
