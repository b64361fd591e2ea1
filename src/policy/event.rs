//! The events of a case, in the order they happened.

use std::fmt;

use chrono::NaiveDate;

use super::{FreeText, Text, When};

/// An area of disagreement: one of the policy's own list, or another,
/// described in words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Area {
    /// One of the policy's areas, by id (see [`crate::policy::Policy::areas`];
    /// [`crate::policy::Policy::area`] finds one from a `String`).
    Listed(Text),
    /// Another area, in the practitioner's words.
    Other(FreeText),
}

impl Area {
    /// The id: the listed area's, or `other`.
    pub fn id(&self) -> &str {
        match self {
            Area::Listed(id) => id,
            Area::Other(_) => "other",
        }
    }
}

/// A professional's level of seniority, for Swindon's principle that
/// discussions take place between professionals of a similar level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seniority {
    /// A practitioner.
    Practitioner,
    /// A line manager or team manager.
    LineManager,
    /// A second-tier or service manager.
    ServiceManager,
    /// A head or director of service, or a senior manager.
    Director,
}

impl Seniority {
    /// The level's name in JSON: `practitioner`, `line_manager`,
    /// `service_manager`, `director`.
    pub fn as_str(self) -> &'static str {
        match self {
            Seniority::Practitioner => "practitioner",
            Seniority::LineManager => "line_manager",
            Seniority::ServiceManager => "service_manager",
            Seniority::Director => "director",
        }
    }

    /// Every level, lowest first.
    pub const ALL: [Seniority; 4] = [
        Seniority::Practitioner,
        Seniority::LineManager,
        Seniority::ServiceManager,
        Seniority::Director,
    ];
}

impl std::str::FromStr for Seniority {
    type Err = super::Error;

    /// Parses a level's JSON name.
    ///
    /// ```
    /// use safeguarding_resolution::policy::Seniority;
    /// assert_eq!("line_manager".parse::<Seniority>().unwrap(), Seniority::LineManager);
    /// ```
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidField`](super::ErrorKind::InvalidField) at
    /// `parties` naming the four levels, never the text given.
    fn from_str(text: &str) -> Result<Seniority, super::Error> {
        super::parse_named(
            &Seniority::ALL,
            Seniority::as_str,
            text,
            "parties",
            "a level",
        )
    }
}

impl fmt::Display for Seniority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The levels of the two parties to a discussion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Parties {
    /// The professional raising the disagreement.
    pub raising: Seniority,
    /// The professional they are discussing it with.
    pub other: Seniority,
}

/// What the `raised` event says about the concern.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Raised {
    /// The area of disagreement.
    pub area: Option<Area>,
    /// A risk of immediate or significant harm was identified from the start.
    pub immediate_risk: bool,
    /// The concern is about the behaviour or conduct of an employee.
    pub about_employee_conduct: bool,
    /// The employee works with children (with `about_employee_conduct`).
    pub employee_works_with_children: bool,
    /// The disagreement is about a child protection conference decision.
    pub child_protection_conference_decision: bool,
    /// The conference's dissent process has been exhausted.
    pub dissent_process_exhausted: bool,
    /// The levels of the first discussion's parties.
    pub parties: Option<Parties>,
    /// The urgency of the concern, for a policy whose clocks depend on it
    /// (a `by_priority` clock); `None` takes the clock's default.
    pub priority: Option<String>,
}

impl Raised {
    /// Nothing stated beyond the date.
    pub fn new() -> Raised {
        Raised::default()
    }

    /// With an area of disagreement.
    pub fn area(mut self, area: impl Into<Area>) -> Raised {
        self.area = Some(area.into());
        self
    }

    /// With the concern's priority, for a policy with a clock by priority.
    ///
    /// ```
    /// use safeguarding_resolution::policy::Raised;
    /// assert_eq!(Raised::new().priority("urgent").priority.as_deref(), Some("urgent"));
    /// ```
    pub fn priority(mut self, priority: impl Into<String>) -> Raised {
        self.priority = Some(priority.into());
        self
    }

    /// With a risk of immediate or significant harm identified.
    pub fn immediate_risk(mut self) -> Raised {
        self.immediate_risk = true;
        self
    }

    /// About the behaviour or conduct of an employee; `works_with_children`
    /// when the employee works with children.
    pub fn about_employee_conduct(mut self, works_with_children: bool) -> Raised {
        self.about_employee_conduct = true;
        self.employee_works_with_children = works_with_children;
        self
    }

    /// About a child protection conference decision, with whether its
    /// dissent process has been exhausted.
    pub fn conference_decision(mut self, dissent_process_exhausted: bool) -> Raised {
        self.child_protection_conference_decision = true;
        self.dissent_process_exhausted = dissent_process_exhausted;
        self
    }

    /// With the levels of the parties.
    pub fn parties(mut self, raising: Seniority, other: Seniority) -> Raised {
        self.parties = Some(Parties { raising, other });
        self
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// The disagreement arose; always the first event.
    Raised(Raised),
    /// The current stage ended without agreement; the next starts.
    Escalated {
        /// The stage to go to, where the policy allows skipping.
        to_stage: Option<u8>,
        /// Why.
        reason: Option<FreeText>,
        /// The levels of the new stage's parties.
        parties: Option<Parties>,
        /// The concern's priority from the new stage on, replacing the one
        /// given before (a name of the policy's clocks by priority): urgency
        /// decided at a later step.
        priority: Option<String>,
    },
    /// Agreement was reached at the current stage.
    Resolved {
        /// The outcome.
        outcome: Option<FreeText>,
    },
    /// The final stage's decision was made.
    Decided {
        /// The decision.
        outcome: Option<FreeText>,
    },
    /// The concern was withdrawn.
    Withdrawn {
        /// Why.
        reason: Option<FreeText>,
    },
    /// A risk of immediate or significant harm was identified.
    ImmediateRisk,
    /// A record the policy demands was made.
    Recorded {
        /// Which: an obligation's or record's id (see
        /// [`crate::policy::Policy::record_ids`]); when absent, the
        /// policy's record on the child's file.
        record: Option<String>,
        /// The stage whose obligation it is, when a record arises at more
        /// than one stage (an agency log, a form); when absent, the oldest
        /// one not yet done.
        stage: Option<u8>,
    },
    /// A timescale was set for the case (`timescale_set`): the date a
    /// `set_on_case` clock or due reads.
    TimescaleSet {
        /// The date set.
        due: NaiveDate,
        /// The stage it is for; when absent, the stage under way.
        stage: Option<u8>,
        /// The obligation it is for, by id; when absent, the stage's clock.
        obligation: Option<String>,
    },
}

/// The kinds of event, as named in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// `raised`
    Raised,
    /// `escalated`
    Escalated,
    /// `resolved`
    Resolved,
    /// `decided`
    Decided,
    /// `withdrawn`
    Withdrawn,
    /// `immediate_risk`
    ImmediateRisk,
    /// `recorded`
    Recorded,
    /// `timescale_set`
    TimescaleSet,
}

impl EventType {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Raised => "raised",
            EventType::Escalated => "escalated",
            EventType::Resolved => "resolved",
            EventType::Decided => "decided",
            EventType::Withdrawn => "withdrawn",
            EventType::ImmediateRisk => "immediate_risk",
            EventType::Recorded => "recorded",
            EventType::TimescaleSet => "timescale_set",
        }
    }

    /// Every kind, in the contract's order.
    pub const ALL: [EventType; 8] = [
        EventType::Raised,
        EventType::Escalated,
        EventType::Resolved,
        EventType::Decided,
        EventType::Withdrawn,
        EventType::ImmediateRisk,
        EventType::Recorded,
        EventType::TimescaleSet,
    ];
}

impl std::str::FromStr for EventType {
    type Err = super::Error;

    /// Parses an event type's JSON name.
    ///
    /// ```
    /// use safeguarding_resolution::policy::EventType;
    /// assert_eq!("immediate_risk".parse::<EventType>().unwrap(), EventType::ImmediateRisk);
    /// assert!("Jane Doe".parse::<EventType>().is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidField`](super::ErrorKind::InvalidField) at
    /// `type` naming the known types, never the text given.
    fn from_str(text: &str) -> Result<EventType, super::Error> {
        super::parse_named(
            &EventType::ALL,
            EventType::as_str,
            text,
            "type",
            "an event type",
        )
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One event of a case: what happened, and when.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::policy::{Event, EventType, Raised};
///
/// let day = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
/// let events = [
///     Event::raised(day, Raised::new().immediate_risk()),
///     Event::escalated(day.succ_opt().unwrap()).to_stage(5),
/// ];
/// assert_eq!(events[1].event_type(), EventType::Escalated);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it happened.
    pub on: When,
    /// What happened.
    pub kind: EventKind,
}

impl Event {
    /// The disagreement arose.
    pub fn raised(on: impl Into<When>, raised: Raised) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::Raised(raised),
        }
    }

    /// The current stage ended without agreement; the next starts.
    pub fn escalated(on: impl Into<When>) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::Escalated {
                to_stage: None,
                reason: None,
                parties: None,
                priority: None,
            },
        }
    }

    /// Agreement was reached at the current stage.
    pub fn resolved(on: impl Into<When>) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::Resolved { outcome: None },
        }
    }

    /// The final stage's decision was made.
    pub fn decided(on: impl Into<When>) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::Decided { outcome: None },
        }
    }

    /// The concern was withdrawn.
    pub fn withdrawn(on: impl Into<When>) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::Withdrawn { reason: None },
        }
    }

    /// A risk of immediate or significant harm was identified.
    pub fn immediate_risk(on: impl Into<When>) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::ImmediateRisk,
        }
    }

    /// A record the policy demands was made, by its id.
    pub fn recorded(on: impl Into<When>, record: &str) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::Recorded {
                record: Some(record.to_string()),
                stage: None,
            },
        }
    }

    /// A timescale set for the case: the date a `set_on_case` clock (or,
    /// with [`Event::for_obligation`], due) reads, for the stage under way
    /// unless [`Event::at_stage`] names another.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, Raised};
    ///
    /// let policy = Policy::from_definition_json(r#"{
    ///     "id": "example-borough-2026", "name": "Example Borough",
    ///     "stages": [{"number": 1, "name": "Panel", "clock": {"kind": "set_on_case"}}]
    /// }"#)?;
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let events = [
    ///     Event::raised(day(1), Raised::new()),
    ///     Event::timescale_set(day(2), day(19)),
    /// ];
    /// let status = policy.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(2))?;
    /// assert_eq!(status.stage.unwrap().due.date(), Some(day(19)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timescale_set(on: impl Into<When>, due: NaiveDate) -> Event {
        Event {
            on: on.into(),
            kind: EventKind::TimescaleSet {
                due,
                stage: None,
                obligation: None,
            },
        }
    }

    /// For a `timescale_set` event: the obligation whose date it sets.
    pub fn for_obligation(mut self, id: &str) -> Event {
        if let EventKind::TimescaleSet { obligation, .. } = &mut self.kind {
            *obligation = Some(id.to_string());
        }
        self
    }

    /// For a `recorded` event: the stage whose obligation it is; for a
    /// `timescale_set` event, the stage it is for.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::policy::{Event, EventKind};
    ///
    /// let day = NaiveDate::from_ymd_opt(2027, 1, 6).unwrap();
    /// let event = Event::recorded(day, "agency_log").at_stage(3);
    /// assert!(matches!(event.kind, EventKind::Recorded { stage: Some(3), .. }));
    /// ```
    pub fn at_stage(mut self, number: u8) -> Event {
        if let EventKind::Recorded { stage, .. } | EventKind::TimescaleSet { stage, .. } =
            &mut self.kind
        {
            *stage = Some(number);
        }
        self
    }

    /// For an `escalated` event: the stage to go to.
    pub fn to_stage(mut self, stage: u8) -> Event {
        if let EventKind::Escalated { to_stage, .. } = &mut self.kind {
            *to_stage = Some(stage);
        }
        self
    }

    /// For an `escalated` event: the concern's priority from the new stage
    /// on (CONTRACT section 7, round three).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{Event, Policy, Raised};
    ///
    /// // Stage 2 is due within 24 hours for an urgent concern, else 5
    /// // working days: urgency decided when the matter is escalated.
    /// let policy = Policy::from_definition_json(r#"{
    ///     "id": "example-borough-2026", "name": "Example Borough",
    ///     "stages": [
    ///         {"number": 1, "name": "Practitioners", "clock": {"kind": "working_days_after_start", "days": 2}},
    ///         {"number": 2, "name": "Managers", "clock": {"kind": "by_priority",
    ///             "priorities": {"urgent": {"kind": "hours_after_start", "hours": 24},
    ///                            "standard": {"kind": "working_days_after_start", "days": 5}},
    ///             "default": "standard"}}]
    /// }"#)?;
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let events = [
    ///     Event::raised(day(1), Raised::new()),
    ///     Event::escalated(day(3)).priority("urgent"),
    /// ];
    /// let status = policy.evaluate(Calendar::uk(Division::EnglandAndWales), &events, day(3))?;
    /// // Wednesday 3rd, no time given: by the end of the next day.
    /// assert_eq!(status.stage.unwrap().due.date(), Some(day(4)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn priority(mut self, name: impl Into<String>) -> Event {
        if let EventKind::Escalated { priority, .. } = &mut self.kind {
            *priority = Some(name.into());
        }
        self
    }

    /// For an `escalated` event: the levels of the new stage's parties.
    pub fn parties(mut self, raising: Seniority, other: Seniority) -> Event {
        if let EventKind::Escalated { parties, .. } = &mut self.kind {
            *parties = Some(Parties { raising, other });
        }
        self
    }

    /// The kind of event.
    pub fn event_type(&self) -> EventType {
        match self.kind {
            EventKind::Raised(_) => EventType::Raised,
            EventKind::Escalated { .. } => EventType::Escalated,
            EventKind::Resolved { .. } => EventType::Resolved,
            EventKind::Decided { .. } => EventType::Decided,
            EventKind::Withdrawn { .. } => EventType::Withdrawn,
            EventKind::ImmediateRisk => EventType::ImmediateRisk,
            EventKind::Recorded { .. } => EventType::Recorded,
            EventKind::TimescaleSet { .. } => EventType::TimescaleSet,
        }
    }
}
