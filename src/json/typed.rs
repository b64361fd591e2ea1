//! serde on the typed outputs: each serializes to exactly its JSON face.
//!
//! An [`Event`] writes the contract's event JSON (a stored log reads back
//! as the same events), the errors write the error documents the JSON face
//! answers, the figures and the tray's kinds what the sweep writes. A
//! sweep's items carry deadlines whose `due` names the bank holidays its
//! count skipped, which takes the calendar they were counted on:
//! [`SweepItem::document`] and [`Sweep::document`] pair them, as
//! [`CaseStatus::document`](crate::policy::CaseStatus::document) does a
//! status.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::JsonError;
use super::response::Day;
use super::sweep::ItemView;
use crate::calendar::Calendar;
use crate::policy::monitoring::CaseFigures;
use crate::policy::sweep::{ItemKind, Process, Sweep, SweepItem};
use crate::policy::{Area, DefinitionError, Event, EventKind, When};

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, as a request gives `on`.
struct On(When);

impl Serialize for On {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            When::Date(date) => Day(date).serialize(serializer),
            When::DateTime(at) => {
                serializer.collect_str(&format_args!("{}T{}", at.date(), at.time().format("%H:%M")))
            }
        }
    }
}

/// An event serializes to the contract's event JSON (CONTRACT section 3),
/// `{"type", "on", ...}` with each field it was given (a flag only when
/// set), so that a stored log reads back as the same events.
impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.event_type().as_str())?;
        map.serialize_entry("on", &On(self.on))?;
        let parties =
            |map: &mut S::SerializeMap, parties: &Option<crate::policy::Parties>| match parties {
                Some(p) => map.serialize_entry(
                    "parties",
                    &[("raising", p.raising.as_str()), ("other", p.other.as_str())]
                        .into_iter()
                        .collect::<std::collections::BTreeMap<_, _>>(),
                ),
                None => Ok(()),
            };
        let text = |map: &mut S::SerializeMap,
                    key: &str,
                    text: &Option<crate::policy::FreeText>| match text {
            Some(text) => map.serialize_entry(key, text.as_str()),
            None => Ok(()),
        };
        match &self.kind {
            EventKind::Raised(raised) => {
                match &raised.area {
                    Some(Area::Listed(id)) => map.serialize_entry("area", id.as_str())?,
                    Some(Area::Other(text)) => map.serialize_entry(
                        "area",
                        &std::iter::once(("other", text.as_str()))
                            .collect::<std::collections::BTreeMap<_, _>>(),
                    )?,
                    None => {}
                }
                for (key, set) in [
                    ("immediate_risk", raised.immediate_risk),
                    ("about_employee_conduct", raised.about_employee_conduct),
                    (
                        "employee_works_with_children",
                        raised.employee_works_with_children,
                    ),
                    (
                        "child_protection_conference_decision",
                        raised.child_protection_conference_decision,
                    ),
                    (
                        "dissent_process_exhausted",
                        raised.dissent_process_exhausted,
                    ),
                ] {
                    if set {
                        map.serialize_entry(key, &true)?;
                    }
                }
                parties(&mut map, &raised.parties)?;
                if let Some(priority) = &raised.priority {
                    map.serialize_entry("priority", priority)?;
                }
            }
            EventKind::Escalated {
                to_stage,
                reason,
                parties: given,
                priority,
            } => {
                if let Some(stage) = to_stage {
                    map.serialize_entry("to_stage", stage)?;
                }
                text(&mut map, "reason", reason)?;
                parties(&mut map, given)?;
                if let Some(priority) = priority {
                    map.serialize_entry("priority", priority)?;
                }
            }
            EventKind::Resolved { outcome } | EventKind::Decided { outcome } => {
                text(&mut map, "outcome", outcome)?;
            }
            EventKind::Withdrawn { reason } => text(&mut map, "reason", reason)?,
            EventKind::ImmediateRisk => {}
            EventKind::Recorded { record, stage } => {
                if let Some(record) = record {
                    map.serialize_entry("record", record)?;
                }
                if let Some(stage) = stage {
                    map.serialize_entry("stage", stage)?;
                }
            }
            EventKind::TimescaleSet {
                due,
                stage,
                obligation,
            } => {
                map.serialize_entry("due", &due.format("%Y-%m-%d").to_string())?;
                if let Some(stage) = stage {
                    map.serialize_entry("stage", stage)?;
                }
                if let Some(obligation) = obligation {
                    map.serialize_entry("obligation", obligation)?;
                }
            }
        }
        map.end()
    }
}

/// An escalation case's error serializes to the error document
/// `evaluate_json` answers for it: `{"error": {"code", "message",
/// "event_index"}}`.
impl Serialize for crate::policy::Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        JsonError::from(self.clone())
            .document_value()
            .serialize(serializer)
    }
}

/// A serious incident's error serializes to the error document
/// `evaluate_json` answers for it.
impl Serialize for crate::serious_incident::Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        JsonError::from(self.clone())
            .document_value()
            .serialize(serializer)
    }
}

/// A refused definition serializes to the `invalid_policy` error document
/// (its `problems` each with the definition's own path), as
/// `sgr_engine_add_policy` hands it back.
impl Serialize for DefinitionError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        JsonError::definition("", self)
            .document_value()
            .serialize(serializer)
    }
}

/// A kind serializes to its name in the sweep's answer (`stage`, ...).
impl Serialize for ItemKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A process serializes to its policy id, as the sweep's items give it.
impl Serialize for Process {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// A case's figures serialize with the field names of the type, states by
/// their JSON names (`open`, `resolved`, ...).
impl Serialize for CaseFigures {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("policy", self.policy.as_str())?;
        map.serialize_entry("state", self.state.as_str())?;
        map.serialize_entry("highest_stage", &self.highest_stage)?;
        map.serialize_entry("concluded_at_stage", &self.concluded_at_stage)?;
        map.serialize_entry("working_days_taken", &self.working_days_taken)?;
        map.serialize_entry("stages_within_time", &self.stages_within_time)?;
        map.serialize_entry("stages_late", &self.stages_late)?;
        map.serialize_entry("within_time", &self.within_time)?;
        map.end()
    }
}

/// A sweep item and the calendar it was counted on, serializing to the
/// item as `sweep_json` writes it. Made by [`SweepItem::document`].
#[derive(Debug)]
pub struct ItemDocument<'a, K> {
    item: &'a SweepItem<K>,
    calendar: &'a Calendar,
}

impl<K: AsRef<str>> Serialize for ItemDocument<'_, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ItemView::of(self.item, self.item.case.as_ref(), self.calendar).serialize(serializer)
    }
}

impl<K> SweepItem<K> {
    /// The item as the sweep's answer writes it (CONTRACT section 10), to
    /// serialize with serde; `calendar` is the one it was counted on (its
    /// `due` names the bank holidays the count skipped). The case's key is
    /// written as its `case`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{sweep, Event, Policy, PolicyId, Raised};
    ///
    /// // Swindon's stage 1, raised Monday 21 December 2026: due two working
    /// // days later, Wednesday 23.
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let events = [Event::raised(day(21), Raised::new())];
    /// let swindon = Policy::get(PolicyId::SwindonResolution2026);
    /// let tray = sweep::sweep(calendar, [("case-17", swindon, &events[..])], day(21), 2)?;
    /// let item = serde_json::to_value(tray.items[0].document(calendar))?;
    /// assert_eq!(item["case"], "case-17");
    /// assert_eq!(item["due"]["date"], "2026-12-23");
    /// assert_eq!(item["working_days_left"], 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document<'a>(&'a self, calendar: &'a Calendar) -> ItemDocument<'a, K> {
        ItemDocument {
            item: self,
            calendar,
        }
    }
}

/// A sweep on one calendar, serializing to `{"items", "errors"}` as
/// `sweep_json` writes them: each item as [`SweepItem::document`], each
/// error `{"case", "error"}` with the error's document. Made by
/// [`Sweep::document`].
#[derive(Debug)]
pub struct SweepDocument<'a, K> {
    sweep: &'a Sweep<K>,
    calendar: &'a Calendar,
}

impl<K: AsRef<str>> Serialize for SweepDocument<'_, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Items<'a, K>(&'a [SweepItem<K>], &'a Calendar);
        impl<K: AsRef<str>> Serialize for Items<'_, K> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.iter().map(|item| item.document(self.1)))
            }
        }
        struct Errors<'a, K>(&'a Sweep<K>);
        impl<K: AsRef<str>> Serialize for Errors<'_, K> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let sweep = self.0;
                let entry = |case: &K, error: JsonError| {
                    [
                        ("case".to_string(), serde_json::Value::from(case.as_ref())),
                        ("error".to_string(), error.inner_value()),
                    ]
                    .into_iter()
                    .collect::<serde_json::Map<_, _>>()
                };
                let mut list = serializer
                    .serialize_seq(Some(sweep.errors.len() + sweep.incident_errors.len()))?;
                for (case, error) in &sweep.errors {
                    list.serialize_element(&entry(case, JsonError::from(error.clone())))?;
                }
                for (case, error) in &sweep.incident_errors {
                    list.serialize_element(&entry(case, JsonError::from(error.clone())))?;
                }
                list.end()
            }
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("items", &Items(&self.sweep.items, self.calendar))?;
        map.serialize_entry("errors", &Errors(self.sweep))?;
        map.end()
    }
}

impl<K> Sweep<K> {
    /// The tray as the sweep's answer writes its `items` and `errors`
    /// (CONTRACT section 10), to serialize with serde (a service hands it
    /// on to its web API as it is); `calendar` is the one it was swept on.
    /// Cases' keys are written as their `case`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::{sweep, Event, Policy, PolicyId, Raised};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let nsscp = Policy::get(PolicyId::NsscpIssueResolution2025);
    /// let good = [Event::raised(day(1), Raised::new())];
    /// let broken = [Event::escalated(day(1))];
    /// let cases = [("a", nsscp, &good[..]), ("b", nsscp, &broken[..])];
    /// let tray = sweep::sweep(calendar, cases, day(1), 1)?;
    /// let document = serde_json::to_value(tray.document(calendar))?;
    /// assert_eq!(document["items"][0]["kind"], "stage");
    /// assert_eq!(document["errors"][0]["case"], "b");
    /// assert_eq!(document["errors"][0]["error"]["code"], "invalid_transition");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document<'a>(&'a self, calendar: &'a Calendar) -> SweepDocument<'a, K> {
        SweepDocument {
            sweep: self,
            calendar,
        }
    }
}

/// The figures serialize to the sweep's `summary` (CONTRACT section 10):
/// `cases`, `by_state`, `concluded_at_stage`, `within_time`, `ended`,
/// `mean_working_days_to_end` (null when none has ended) over escalation
/// cases, then `serious_incidents` and `referrals`.
impl serde::Serialize for crate::policy::monitoring::Summary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Referrals<'a>(&'a std::collections::BTreeMap<&'static str, usize>);
        impl serde::Serialize for Referrals<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("referrals", &self.0.values().sum::<usize>())?;
                map.serialize_entry("by_status", self.0)?;
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("cases", &self.cases)?;
        map.serialize_entry("by_state", &self.by_state)?;
        map.serialize_entry("concluded_at_stage", &self.concluded_at_stage)?;
        map.serialize_entry("within_time", &self.within_time)?;
        map.serialize_entry("ended", &self.ended)?;
        map.serialize_entry("mean_working_days_to_end", &self.mean_working_days_to_end())?;
        map.serialize_entry("serious_incidents", &self.serious_incidents)?;
        map.serialize_entry("referrals", &Referrals(&self.referrals))?;
        map.end()
    }
}

/// Serious incidents' figures serialize as the sweep's
/// `summary.serious_incidents`: `incidents`, `by_status`, `clocks` (each
/// clock's `{"kept", "missed"}`, an overdue clock counted as missed),
/// `notified` and `mean_working_days_to_notify` (null when none was).
impl serde::Serialize for crate::serious_incident::IncidentSummary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        #[derive(serde::Serialize)]
        struct Kept {
            kept: usize,
            missed: usize,
        }
        let clocks: std::collections::BTreeMap<&str, Kept> = self
            .clocks
            .iter()
            .map(|(name, &(kept, missed))| (*name, Kept { kept, missed }))
            .collect();
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("incidents", &self.incidents)?;
        map.serialize_entry("by_status", &self.by_status)?;
        map.serialize_entry("clocks", &clocks)?;
        map.serialize_entry("notified", &self.notified)?;
        map.serialize_entry(
            "mean_working_days_to_notify",
            &self.mean_working_days_to_notify(),
        )?;
        map.end()
    }
}
