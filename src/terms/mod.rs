//! What every process answers in: deadlines ([`Due`]), the sentences rules
//! come from ([`Clause`]), duties and their status ([`ObligationStatus`]),
//! warnings, moments ([`When`]) and the texts that carry them.
//!
//! Each process (escalation policies, the Resolution Group, serious
//! incidents) builds its answers from these; they are public as
//! `policy::Due`, `policy::Clause` and so on.

mod clause;
mod due;
mod obligation;
mod text;
mod warning;
mod when;

pub use clause::Clause;
pub use due::{Due, DueKind};
pub use obligation::{Lapses, ObligationStatus};
pub use text::{FreeText, Text};
pub use warning::Warning;
pub use when::When;
