//! Escalation policies as data, and the one engine that runs them.
//!
//! Each partnership's policy is a [`Policy`]: a table of stages (number,
//! name, clock), the obligations that arise as a case moves (each with its
//! deadline and the sentence it comes from), milestones, the moves the
//! policy allows, redirects to other processes, and its areas of
//! disagreement. [`Policy::evaluate`] runs any of them. Each partnership also
//! has a typed façade: [`swindon`], [`nsscp`] and [`gscp`], with a `Stage`
//! enum each.
//!
//! A case is its event log. Its status is a pure function of the policy, the
//! calendar, the events and the date of evaluation: nothing else is stored,
//! so replaying a log, auditing a decision and recomputing every deadline
//! after a calendar update need no extra code.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use safeguarding_resolution::calendar::{Calendar, Division};
//! use safeguarding_resolution::policy::{CaseState, Event, Policy, PolicyId, Raised};
//!
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let events = [
//!     Event::raised(day(2026, 12, 21), Raised::new()),
//!     Event::escalated(day(2026, 12, 23)),
//! ];
//! let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(
//!     Calendar::uk(Division::EnglandAndWales),
//!     &events,
//!     day(2027, 1, 5),
//! )?;
//! assert_eq!(status.state, CaseState::Open);
//! let stage = status.stage.as_ref().unwrap();
//! assert_eq!((stage.number, stage.name.as_str()), (2, "Inter-agency Discussion"));
//! assert_eq!(stage.due.date(), Some(day(2027, 1, 4)));
//! assert!(status.overdue);
//! assert_eq!(status.working_days_overdue, 1);
//! # Ok::<(), safeguarding_resolution::policy::Error>(())
//! ```

/// Writes the typed façade of a policy's stages: numbers, names from the
/// table, conversions and `Display`.
macro_rules! stage_enum {
    ($name:ident, $policy:expr, [$($variant:ident),+ $(,)?]) => {
        impl $name {
            /// Every stage, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The policy's number for the stage.
            ///
            /// # Example
            ///
            /// ```
            /// use safeguarding_resolution::policy::gscp::GscpStage;
            /// use safeguarding_resolution::policy::nsscp::NsscpStage;
            /// use safeguarding_resolution::policy::swindon::SwindonStage;
            ///
            /// // Each policy's own numbers: the Chair of the GSCP Executive
            /// // comes after the Resolution Group's stage four.
            /// assert_eq!(SwindonStage::HeadsOfService.number(), 4);
            /// assert_eq!(NsscpStage::SafeguardingPartnership.number(), 4);
            /// assert_eq!(GscpStage::ExecutiveChair.number(), 5);
            /// ```
            pub fn number(self) -> u8 {
                self as u8
            }

            /// The policy's name for the stage, from its table.
            ///
            /// # Example
            ///
            /// ```
            /// use safeguarding_resolution::policy::gscp::GscpStage;
            /// use safeguarding_resolution::policy::nsscp::NsscpStage;
            /// use safeguarding_resolution::policy::swindon::SwindonStage;
            ///
            /// assert_eq!(SwindonStage::TeamServiceManager.name(), "Team/Service Manager");
            /// assert_eq!(NsscpStage::LineManagers.name(), "Line managers");
            /// assert_eq!(GscpStage::FormalDispute.name(), "Formal Dispute Procedure");
            /// ```
            pub fn name(self) -> &'static str {
                self.rule().map(|s| s.name.as_str()).unwrap_or_default()
            }

            /// The stage's row of the policy's definition.
            ///
            /// # Example
            ///
            /// ```
            /// use safeguarding_resolution::policy::{Clock, StageRule};
            /// use safeguarding_resolution::policy::gscp::GscpStage;
            /// use safeguarding_resolution::policy::nsscp::NsscpStage;
            /// use safeguarding_resolution::policy::swindon::SwindonStage;
            ///
            /// let clock = |rule: Option<&StageRule>| rule.unwrap().clock.clone();
            /// // Swindon: "within two working days of the disagreement or
            /// // concern arising".
            /// let internal = SwindonStage::InternalDiscussion.rule();
            /// assert_eq!(clock(internal), Clock::WorkingDaysAfterRaised(2));
            /// // North Somerset: the partners "respond within 3 working days".
            /// let partnership = NsscpStage::SafeguardingPartnership.rule();
            /// assert_eq!(clock(partnership), Clock::WorkingDaysAfterStart(3));
            /// // Gloucestershire's Head of Service stage states no time.
            /// assert_eq!(clock(GscpStage::FormalDispute.rule()), Clock::NotStated);
            /// ```
            pub fn rule(self) -> Option<&'static $crate::policy::StageRule> {
                $crate::policy::Policy::get($policy).stage(self as u8)
            }
        }

        impl From<$name> for u8 {
            fn from(stage: $name) -> u8 {
                stage as u8
            }
        }

        impl TryFrom<u8> for $name {
            type Error = $crate::policy::Error;

            fn try_from(number: u8) -> Result<$name, $crate::policy::Error> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|s| *s as u8 == number)
                    .ok_or_else(|| {
                        $crate::policy::Error::field(
                            "stage",
                            format!("not a stage of {}", $policy),
                            None,
                        )
                    })
            }
        }

        impl std::fmt::Display for $name {
            /// `Stage 2: Inter-agency Discussion`.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "Stage {}: {}", self.number(), self.name())
            }
        }
    };
}
pub(crate) use stage_enum;

crate::names::serde_by_name!(PolicyId, EventType, CaseState, Seniority);

mod builtin;
mod definition;
mod engine;
mod error;
mod event;
mod load;
pub(crate) mod queues;
mod status;
mod table;

pub mod diagram;
pub mod gscp;
pub mod monitoring;
pub mod nsscp;
pub mod sweep;
pub mod swindon;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

pub(crate) use builtin::document as builtin_document;
pub(crate) use engine::check_log;
pub use error::{Error, ErrorKind};
pub use event::{Area, Event, EventKind, EventType, Parties, Raised, Seniority};
pub(crate) use load::is_id;
pub use load::{DefinitionError, Problem};
pub use status::{CaseState, CaseStatus, MilestoneStatus, Redirect, StageRecord, StageStatus};
pub(crate) use status::{id_list, pending_ids};
pub use table::{
    AreaRule, Clock, DueRule, Finality, ImmediateRiskWaiver, MilestoneMet, MilestoneRule,
    ObligationRule, PriorityClock, RaisedFlag, RecordRule, RedirectRule, SeniorityRule, SkipRule,
    StageRule, Trigger,
};
// What every process answers in, met here by the escalation engine's users.
pub use crate::terms::{
    Clause, Due, DueKind, FreeText, Lapses, ObligationStatus, Text, Warning, When,
};

use crate::calendar::Calendar;

/// The escalation policies this library encodes.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Policy, PolicyId};
///
/// let id: PolicyId = "nsscp-issue-resolution-2025".parse()?;
/// assert_eq!(id, PolicyId::NsscpIssueResolution2025);
/// assert_eq!(Policy::get(id).stages.len(), 4);
/// // An unknown id is refused, naming the ones the library knows.
/// let unknown = "example-borough-2026".parse::<PolicyId>().unwrap_err();
/// assert!(unknown.to_string().contains("swindon-resolution-2026"), "{unknown}");
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PolicyId {
    /// Gloucestershire Safeguarding Children Partnership Escalation Policy
    /// (v1.3, July 2021), with section 10 of its multi-agency arrangements.
    GscpEscalation2021,
    /// Swindon Safeguarding Partnership Resolution Policy (January 2026).
    SwindonResolution2026,
    /// North Somerset Safeguarding Children Partnership Issue Resolution
    /// Policy (April 2025 to April 2027).
    NsscpIssueResolution2025,
}

impl PolicyId {
    /// Every escalation policy.
    pub const ALL: [PolicyId; 3] = [
        PolicyId::GscpEscalation2021,
        PolicyId::SwindonResolution2026,
        PolicyId::NsscpIssueResolution2025,
    ];

    /// The id used in JSON: `gscp-escalation-2021`,
    /// `swindon-resolution-2026`, `nsscp-issue-resolution-2025`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Policy, PolicyId};
    ///
    /// assert_eq!(PolicyId::SwindonResolution2026.as_str(), "swindon-resolution-2026");
    /// // The same id the policy's definition carries.
    /// for id in PolicyId::ALL {
    ///     assert_eq!(Policy::get(id).id, id.as_str());
    ///     assert_eq!(id.as_str().parse::<PolicyId>()?, id);
    /// }
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyId::GscpEscalation2021 => "gscp-escalation-2021",
            PolicyId::SwindonResolution2026 => "swindon-resolution-2026",
            PolicyId::NsscpIssueResolution2025 => "nsscp-issue-resolution-2025",
        }
    }
}

impl fmt::Display for PolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The value of `all` whose JSON name is `text`, or an
/// [`ErrorKind::InvalidField`] at `field` naming the known names (never
/// `text`).
pub(crate) fn parse_named<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    text: &str,
    field: &str,
    what: &str,
) -> Result<T, Error> {
    all.iter()
        .copied()
        .find(|v| name(*v) == text)
        .ok_or_else(|| {
            let known: Vec<&str> = all.iter().map(|v| name(*v)).collect();
            Error::field(
                field,
                format!("not {what}; expected one of {}", known.join(", ")),
                None,
            )
        })
}

impl FromStr for PolicyId {
    type Err = Error;

    /// Parses a policy's JSON id.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidField`] naming the known ids.
    fn from_str(id: &str) -> Result<PolicyId, Error> {
        PolicyId::ALL
            .into_iter()
            .find(|p| p.as_str() == id)
            .ok_or_else(|| {
                let known: Vec<&str> = PolicyId::ALL.iter().map(|p| p.as_str()).collect();
                Error::field(
                    "policy",
                    format!("not a known policy; known: {}", known.join(", ")),
                    None,
                )
            })
    }
}

/// A partnership's escalation policy, as data: what a definition document
/// (CONTRACT section 7, `docs/policy-format.md`) says, checked.
///
/// The built-in policies are documents of the same format, embedded and
/// loaded once ([`Policy::get`]); any other is loaded with
/// [`Policy::from_definition_json`]. [`Policy::evaluate`] runs either.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{Clock, Policy, PolicyId};
///
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// assert_eq!(swindon.name, "Swindon Safeguarding Partnership Resolution Policy (January 2026)");
/// // Day 17 is the sum of the clocks of stages 1 to 4: 2 + 5 + 5 + 5.
/// let days = |n: u8| match swindon.stage(n).unwrap().clock {
///     Clock::WorkingDaysAfterRaised(d) | Clock::WorkingDaysAfterStart(d) => d,
///     _ => unreachable!("Swindon counts working days"),
/// };
/// let day17 = &swindon.milestones[0];
/// assert_eq!(day17.name, "Day 17");
/// assert_eq!((1..=4).map(days).sum::<u32>(), day17.working_days_after_raised);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Policy {
    /// Its id, such as `swindon-resolution-2026`.
    pub id: Text,
    /// Its title.
    pub name: Text,
    /// The source document it was written from, if the definition names it.
    pub source: Option<Text>,
    /// The stages, in order.
    pub stages: Vec<StageRule>,
    /// Every obligation, with what triggers it.
    pub obligations: Vec<ObligationRule>,
    /// Records that start a clock rather than discharge a duty.
    pub records: Vec<RecordRule>,
    /// Milestones counted from the day the disagreement was raised.
    pub milestones: Vec<MilestoneRule>,
    /// When escalation may skip stages.
    pub skips: Vec<SkipRule>,
    /// Concerns that belong to another process.
    pub redirects: Vec<RedirectRule>,
    /// The policy's areas (or typical issues) of disagreement.
    pub areas: Vec<AreaRule>,
    /// Where the list of areas comes from.
    pub areas_clause: Option<Clause>,
    /// The principle that parties be of a similar seniority, if the policy
    /// has it, and the stages it applies to.
    pub seniority: Option<SeniorityRule>,
    /// What the final decision means, if the policy says.
    pub finality: Option<Finality>,
    /// The record a `recorded` event without an id stands for, if any.
    pub default_record: Option<Text>,
    /// The priorities its clocks know, in the order first given.
    pub(crate) priorities: Vec<Text>,
    /// The obligations by what sets them off (made from `obligations`).
    pub(crate) triggers: engine::TriggerIndex,
}

impl Policy {
    /// The built-in policy with this id.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Policy, PolicyId};
    ///
    /// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
    /// let names: Vec<&str> = nsscp.stages.iter().map(|s| s.name.as_str()).collect();
    /// assert_eq!(names[3], "Safeguarding Partnership (DSPs)");
    /// ```
    pub fn get(id: PolicyId) -> &'static Policy {
        builtin::get(id)
    }

    /// The built-in policy with this JSON id, or `None`.
    ///
    /// ```
    /// use safeguarding_resolution::policy::Policy;
    ///
    /// let swindon = Policy::builtin("swindon-resolution-2026").expect("built in");
    /// assert_eq!(swindon.stages.len(), 5);
    /// assert!(Policy::builtin("example-borough-2026").is_none());
    /// ```
    pub fn builtin(id: &str) -> Option<&'static Policy> {
        // Without building the error `parse` would: this runs for every
        // request naming a policy.
        PolicyId::ALL
            .into_iter()
            .find(|p| p.as_str() == id)
            .map(builtin::get)
    }

    /// Loads a policy from a definition document (CONTRACT section 7;
    /// `docs/policy-format.md`), checking it whole.
    ///
    /// # Errors
    ///
    /// [`DefinitionError`] listing every problem at once, each with its path
    /// (`stages[2].clock.days`), never repeating a value of the document.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::Policy;
    ///
    /// let policy = Policy::from_definition_json(r#"{
    ///     "id": "example-borough-2026",
    ///     "name": "Example Borough Escalation Policy 2026",
    ///     "stages": [
    ///         {"number": 1, "name": "Practitioners", "clock": {"kind": "hours_after_start", "hours": 48}},
    ///         {"number": 2, "name": "Independent chair", "clock": {"kind": "not_stated"}}
    ///     ]
    /// }"#)?;
    /// assert_eq!(policy.id, "example-borough-2026");
    /// assert!(policy.stages[1].decides && !policy.stages[0].decides);
    ///
    /// let wrong = Policy::from_definition_json(r#"{"id": "x", "name": "X", "stages": [
    ///     {"number": 2, "name": "Only", "clock": {"kind": "working_days_after_start", "days": 0}}
    /// ]}"#).unwrap_err();
    /// let paths: Vec<&str> = wrong.problems().iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["stages[0].number", "stages[0].clock.days"]);
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn from_definition_json(json: &str) -> Result<Policy, DefinitionError> {
        let value = crate::door::read(json).map_err(DefinitionError::refused)?;
        load::load(&value, false)
    }

    /// Loads a policy from a definition already parsed as JSON.
    ///
    /// # Errors
    ///
    /// As [`Policy::from_definition_json`].
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Clock, MilestoneMet, Policy};
    ///
    /// let definition = serde_json::json!({
    ///     "id": "example-borough-2026",
    ///     "name": "Example Borough Escalation Policy 2026",
    ///     "stages": [
    ///         {"number": 1, "name": "Practitioners", "clock": {"kind": "hours_after_start", "hours": 48}},
    ///         {"number": 2, "name": "Line managers", "clock": {"kind": "working_days_after_start", "days": 5}},
    ///         {"number": 3, "name": "Independent chair", "clock": {"kind": "not_stated"}}
    ///     ],
    ///     "milestones": [{"name": "Day 10", "working_days_after_raised": 10, "met_on_leaving_stage": 2}]
    /// });
    /// let policy = Policy::from_definition(&definition)?;
    /// assert_eq!(policy.stage(1).unwrap().clock, Clock::HoursAfterStart(48));
    /// assert_eq!(policy.milestones[0].met, MilestoneMet::CompletedStage(2));
    ///
    /// // A milestone naming a stage the policy does not have is refused.
    /// let mut wrong = definition.clone();
    /// wrong["milestones"][0]["met_on_leaving_stage"] = 4.into();
    /// let refused = Policy::from_definition(&wrong).unwrap_err();
    /// assert_eq!(refused.problems()[0].path, "milestones[0].met_on_leaving_stage");
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn from_definition(definition: &serde_json::Value) -> Result<Policy, DefinitionError> {
        load::load(definition, false)
    }

    /// The policy as a definition document: loading it again gives the
    /// same policy, and evaluating with it gives the same answers.
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Policy, PolicyId};
    ///
    /// let swindon = Policy::get(PolicyId::SwindonResolution2026);
    /// let again = Policy::from_definition_json(&swindon.to_definition_json())?;
    /// assert_eq!(&again, swindon);
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn to_definition_json(&self) -> String {
        definition::write(self)
    }

    /// The stage with this number.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Policy, PolicyId};
    ///
    /// let gscp = Policy::get(PolicyId::GscpEscalation2021);
    /// // Section 10.4: the Chair of the GSCP Executive is the final stage of
    /// // local resolution, after the Resolution Group.
    /// assert_eq!(gscp.stage(5).unwrap().name, "Chair of the GSCP Executive");
    /// assert!(gscp.stage(5).unwrap().decides);
    /// assert!(gscp.stage(6).is_none());
    /// ```
    pub fn stage(&self, number: u8) -> Option<&StageRule> {
        self.stages.iter().find(|s| s.number == number)
    }

    /// The priorities the policy's clocks know, each once, in the order
    /// the stages first name them (within one clock, in the order of their
    /// names: the keys of a JSON object have no order of their own).
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Policy, PolicyId};
    ///
    /// // No built-in policy's clock depends on priority.
    /// assert!(Policy::get(PolicyId::SwindonResolution2026).priorities().is_empty());
    ///
    /// let policy = Policy::from_definition_json(r#"{
    ///     "id": "example-borough-2026",
    ///     "name": "Example Borough Escalation Policy 2026",
    ///     "stages": [{"number": 1, "name": "Practitioners", "clock": {"kind": "by_priority",
    ///         "priorities": {"urgent": {"kind": "hours_after_start", "hours": 24},
    ///                        "standard": {"kind": "working_days_after_start", "days": 5}},
    ///         "default": "standard"}}]
    /// }"#)?;
    /// assert_eq!(policy.priorities(), ["standard", "urgent"]);
    /// # Ok::<(), safeguarding_resolution::policy::DefinitionError>(())
    /// ```
    pub fn priorities(&self) -> &[Text] {
        &self.priorities
    }

    /// The listed area with this id, from a string read anywhere (a
    /// database, a form), or `None` when the policy lists no such area.
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Area, Policy, PolicyId};
    ///
    /// let swindon = Policy::get(PolicyId::SwindonResolution2026);
    /// let stored = String::from("referral_response");
    /// assert_eq!(swindon.area(&stored), Some(Area::Listed("referral_response".into())));
    /// assert_eq!(swindon.area("referral_threshold"), None); // Gloucestershire's
    /// ```
    pub fn area(&self, id: &str) -> Option<Area> {
        self.areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| Area::Listed(a.id.clone()))
    }

    /// Every id a `recorded` event may name: the obligations' and the
    /// clock-starting records', each once, in table order.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::policy::{Policy, PolicyId};
    ///
    /// // Gloucestershire's duties (feeding back agreed actions arises at
    /// // every stage, yet is named once), then its two records that set
    /// // clocks running.
    /// let gscp = Policy::get(PolicyId::GscpEscalation2021);
    /// assert_eq!(gscp.record_ids(), [
    ///     "line_managers_contact",
    ///     "involve_service_manager_mash",
    ///     "resolution_group_referral",
    ///     "feed_back_actions",
    ///     "case_file_record",
    ///     "reported_to_line_managers",
    ///     "action_agreed",
    /// ]);
    /// ```
    pub fn record_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for id in self
            .obligations
            .iter()
            .map(|o| o.id.as_str())
            .chain(self.records.iter().map(|r| r.id.as_str()))
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The status of a case at `as_of`: its stage and deadline, whether it is
    /// overdue, milestones, obligations, the events allowed next, and its
    /// history.
    ///
    /// # Errors
    ///
    /// - [`ErrorKind::InvalidField`]: no events, a first event that is not
    ///   `raised`, an area or record the policy does not know, `as_of`
    ///   before the last event;
    /// - [`ErrorKind::EventsOutOfOrder`]: an event dated before the one
    ///   before it;
    /// - [`ErrorKind::InvalidTransition`]: an event the policy does not
    ///   allow at that point, naming the events that were allowed;
    /// - [`ErrorKind::OutOfCalendarRange`]: a date outside the calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId, Raised};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    /// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
    /// let events = [Event::raised(day(3, 24), Raised::new())];
    /// let status = nsscp.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(3, 24))?;
    /// // Day 5 and Day 8 step over Good Friday and Easter Monday.
    /// let days: Vec<_> = status.milestones.iter().map(|m| m.due.date().unwrap()).collect();
    /// assert_eq!(days, [day(4, 2), day(4, 7)]);
    /// # Ok::<(), safeguarding_resolution::policy::Error>(())
    /// ```
    pub fn evaluate(
        &self,
        calendar: &Calendar,
        events: &[Event],
        as_of: NaiveDate,
    ) -> Result<CaseStatus, Error> {
        engine::evaluate(self, calendar, events, as_of)
    }
}

#[cfg(test)]
mod tests;
