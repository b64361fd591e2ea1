//! The evaluate response of CONTRACT section 3, written straight from the
//! status through borrowed views (no intermediate JSON tree), fields in the
//! contract's order.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::calendar::Calendar;
use crate::limits::MAX_SKIPPED_LISTED;
use crate::policy::{
    CaseStatus, Clause, Due, DueKind, Finality, MilestoneStatus, ObligationStatus, Redirect,
    StageRecord, StageStatus, Warning,
};

/// `YYYY-MM-DD`.
pub(crate) struct Day(pub(crate) NaiveDate);

/// Writes `YYYY-MM-DD` into a stack buffer: responses carry dozens of
/// dates, and the `fmt` machinery costs more than the digits.
fn iso(date: NaiveDate, out: &mut [u8; 10]) -> &str {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // Outside the calendar's reach; never produced by an evaluation.
        out.copy_from_slice(b"0000-00-00");
    } else {
        let digits = |n: u32, buf: &mut [u8]| {
            let mut n = n;
            for slot in buf.iter_mut().rev() {
                *slot = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        digits(year as u32, &mut out[0..4]);
        out[4] = b'-';
        digits(date.month(), &mut out[5..7]);
        out[7] = b'-';
        digits(date.day(), &mut out[8..10]);
    }
    // Only ASCII digits and dashes were written.
    std::str::from_utf8(out).unwrap_or("0000-00-00")
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 10];
        serializer.serialize_str(iso(self.0, &mut buf))
    }
}

pub(crate) fn day(date: Option<NaiveDate>) -> Option<Day> {
    date.map(Day)
}

/// `YYYY-MM-DDTHH:MM`.
struct Minute(NaiveDateTime);

impl Serialize for Minute {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!(
            "{}T{}",
            self.0.date(),
            self.0.time().format("%H:%M")
        ))
    }
}

/// `place: “text”`.
pub(crate) struct ClauseText<'a>(&'a Clause);

impl ClauseText<'_> {
    /// A rule whose definition gives no clause has none in the answer.
    fn is_absent(&self) -> bool {
        !self.0.is_given()
    }
}

impl Serialize for ClauseText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// Any `Display` value, written as a JSON string without an intermediate
/// `String`.
struct Shown<'a, T: std::fmt::Display>(&'a T);

impl<T: std::fmt::Display> Serialize for Shown<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// A deadline with its rule, and for a working-day count the explanation
/// and the bank holidays it skipped.
pub(crate) struct DueView<'a> {
    pub(crate) due: &'a Due,
    pub(crate) calendar: &'a Calendar,
}

impl Serialize for DueView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The deadline was counted on this calendar, so explaining it
        // cannot fail; if it ever did, the response would not be written
        // (an `internal` error), never a deadline without its count.
        let explained = self
            .due
            .explain(self.calendar)
            .map_err(serde::ser::Error::custom)?;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.due.kind.as_str())?;
        match self.due.kind {
            DueKind::ByEndOf(date) => map.serialize_entry("date", &Day(date))?,
            DueKind::At(at) => map.serialize_entry("datetime", &Minute(at))?,
            _ => {}
        }
        map.serialize_entry("rule", self.due.rule.as_str())?;
        if self.due.is_projected(self.calendar) {
            map.serialize_entry("projected", &true)?;
        }
        if let Some(explained) = explained {
            map.serialize_entry("counted_from", &Day(explained.from()))?;
            map.serialize_entry("working_days", &explained.working_days())?;
            // The first few, and how many more: a count over years of
            // working days does not list every holiday it crossed.
            let mut holidays = explained
                .skipped()
                .iter()
                .filter(|d| !d.bank_holidays().is_empty());
            let skips: Vec<Shown<'_, _>> = holidays
                .by_ref()
                .take(MAX_SKIPPED_LISTED)
                .map(Shown)
                .collect();
            map.serialize_entry("skips", &skips)?;
            let more = holidays.count();
            if more > 0 {
                map.serialize_entry("skipped_more", &more)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_match_chrono() {
        let mut buf = [0u8; 10];
        for (y, m, d) in [(1990, 1, 1), (2026, 12, 25), (2100, 12, 31), (999, 3, 4)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso(date, &mut buf), date.format("%Y-%m-%d").to_string());
        }
    }
}

#[derive(Serialize)]
struct StageView<'a> {
    number: u8,
    name: &'a str,
    started_on: Day,
    due: DueView<'a>,
    clock_met_on: Option<Day>,
}

#[derive(Serialize)]
struct MilestoneView<'a> {
    name: &'a str,
    what: &'a str,
    due: DueView<'a>,
    met_on: Option<Day>,
    met_in_time: Option<bool>,
    lapsed_on: Option<Day>,
    overdue: bool,
    #[serde(skip_serializing_if = "ClauseText::is_absent")]
    clause: ClauseText<'a>,
}

#[derive(Serialize)]
pub(crate) struct ObligationView<'a> {
    id: &'a str,
    what: &'a str,
    stage: Option<u8>,
    arose_on: Day,
    due: DueView<'a>,
    done: bool,
    done_on: Option<Day>,
    lapsed_on: Option<Day>,
    overdue: bool,
    #[serde(skip_serializing_if = "ClauseText::is_absent")]
    clause: ClauseText<'a>,
}

#[derive(Serialize)]
struct HistoryView<'a> {
    stage: u8,
    name: &'a str,
    started_on: Day,
    ended_on: Day,
    due: DueView<'a>,
    ended_by: &'a str,
    within_time: Option<bool>,
    clock_met_on: Option<Day>,
}

#[derive(Serialize)]
struct RedirectView<'a> {
    to: &'a str,
    why: &'a str,
    #[serde(skip_serializing_if = "ClauseText::is_absent")]
    clause: ClauseText<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum WarningView<'a> {
    /// A warning about one event.
    Event {
        event_index: usize,
        message: &'a str,
        #[serde(skip_serializing_if = "ClauseText::is_absent")]
        clause: ClauseText<'a>,
    },
    /// A warning about the answer as a whole, with its code.
    Answer {
        code: &'static str,
        message: &'static str,
    },
}

/// The warning an answer carries, once, when a deadline it writes rests on
/// projected bank holidays (CONTRACT section 3, round three).
pub(crate) const PROJECTED_HOLIDAYS: WarningView<'static> = WarningView::Answer {
    code: "projected_holidays",
    message: "a deadline was counted across days beyond the calendar's published bank \
              holidays, on holidays projected from the statutory rules (its due says \
              \"projected\": true); it may move when newer data is published",
};

#[derive(Serialize)]
struct FinalityView<'a> {
    meaning: &'a str,
    #[serde(skip_serializing_if = "ClauseText::is_absent")]
    clause: ClauseText<'a>,
}

#[derive(Serialize)]
pub(crate) struct StatusView<'a> {
    policy: &'a str,
    calendar: Option<&'a str>,
    as_of: Day,
    status: &'a str,
    stage: Option<StageView<'a>>,
    overdue: bool,
    working_days_overdue: i64,
    milestones: Vec<MilestoneView<'a>>,
    obligations: Vec<ObligationView<'a>>,
    next: Vec<&'a str>,
    history: Vec<HistoryView<'a>>,
    redirect: Option<RedirectView<'a>>,
    warnings: Vec<WarningView<'a>>,
    area: Option<&'a str>,
    raised_on: Day,
    immediate_risk_on: Option<Day>,
    ended_on: Option<Day>,
    finality: Option<FinalityView<'a>>,
}

fn stage<'a>(s: &'a StageStatus, calendar: &'a Calendar) -> StageView<'a> {
    StageView {
        number: s.number,
        name: &s.name,
        started_on: Day(s.started_on),
        due: DueView {
            due: &s.due,
            calendar,
        },
        clock_met_on: day(s.clock_met_on),
    }
}

fn milestone<'a>(m: &'a MilestoneStatus, calendar: &'a Calendar) -> MilestoneView<'a> {
    MilestoneView {
        name: &m.name,
        what: &m.what,
        due: DueView {
            due: &m.due,
            calendar,
        },
        met_on: day(m.met_on),
        met_in_time: m.met_in_time,
        lapsed_on: day(m.lapsed_on),
        overdue: m.overdue,
        clause: ClauseText(&m.clause),
    }
}

pub(crate) fn obligation<'a>(
    o: &'a ObligationStatus,
    calendar: &'a Calendar,
) -> ObligationView<'a> {
    ObligationView {
        id: &o.id,
        what: &o.what,
        stage: o.stage,
        arose_on: Day(o.arose_on),
        due: DueView {
            due: &o.due,
            calendar,
        },
        done: o.done_on.is_some(),
        done_on: day(o.done_on),
        lapsed_on: day(o.lapsed_on),
        overdue: o.overdue,
        clause: ClauseText(&o.clause),
    }
}

fn history<'a>(h: &'a StageRecord, calendar: &'a Calendar) -> HistoryView<'a> {
    HistoryView {
        stage: h.number,
        name: &h.name,
        started_on: Day(h.started_on),
        ended_on: Day(h.ended_on),
        due: DueView {
            due: &h.due,
            calendar,
        },
        ended_by: h.ended_by.as_str(),
        within_time: h.within_time,
        clock_met_on: day(h.clock_met_on),
    }
}

fn redirect(r: &Redirect) -> RedirectView<'_> {
    RedirectView {
        to: &r.to,
        why: &r.why,
        clause: ClauseText(&r.clause),
    }
}

pub(crate) fn warning(w: &Warning) -> WarningView<'_> {
    WarningView::Event {
        event_index: w.event_index,
        message: &w.message,
        clause: ClauseText(&w.clause),
    }
}

/// The warnings of an answer: those of its events, then
/// [`PROJECTED_HOLIDAYS`] when any of its deadlines is projected.
pub(crate) fn warnings<'a>(
    of_events: impl Iterator<Item = WarningView<'a>>,
    projected: bool,
) -> Vec<WarningView<'a>> {
    let mut all: Vec<WarningView<'a>> = of_events.collect();
    if projected {
        all.push(PROJECTED_HOLIDAYS);
    }
    all
}

/// True when a deadline of the status rests on projected bank holidays.
pub(crate) fn any_projected(status: &CaseStatus, calendar: &Calendar) -> bool {
    let stage = status.stage.iter().map(|s| &s.due);
    let milestones = status.milestones.iter().map(|m| &m.due);
    let obligations = status.obligations.iter().map(|o| &o.due);
    let history = status.history.iter().map(|h| &h.due);
    stage
        .chain(milestones)
        .chain(obligations)
        .chain(history)
        .any(|due| due.is_projected(calendar))
}

fn finality(f: &Finality) -> FinalityView<'_> {
    FinalityView {
        meaning: &f.meaning,
        clause: ClauseText(&f.clause),
    }
}

/// The response document for a status.
pub(crate) fn write(status: &CaseStatus, calendar: &Calendar) -> Result<String, serde_json::Error> {
    // serde_json's own string, known to be UTF-8: a buffer made to measure
    // and checked again afterwards took longer (the check reads the whole
    // answer, some ten kilobytes) than the buffer's doublings.
    serde_json::to_string(&status_view(status, calendar))
}

/// The response for a status, as a view to serialise (or embed).
pub(crate) fn status_view<'a>(status: &'a CaseStatus, calendar: &'a Calendar) -> StatusView<'a> {
    StatusView {
        policy: status.policy.as_str(),
        calendar: calendar.divisions().first().map(|d| d.as_str()),
        as_of: Day(status.as_of),
        status: status.state.as_str(),
        stage: status.stage.as_ref().map(|s| stage(s, calendar)),
        overdue: status.overdue,
        working_days_overdue: status.working_days_overdue,
        milestones: status
            .milestones
            .iter()
            .map(|m| milestone(m, calendar))
            .collect(),
        obligations: status
            .obligations
            .iter()
            .map(|o| obligation(o, calendar))
            .collect(),
        next: status.next.iter().map(|e| e.as_str()).collect(),
        history: status
            .history
            .iter()
            .map(|h| history(h, calendar))
            .collect(),
        redirect: status.redirect.as_ref().map(redirect),
        warnings: warnings(
            status.warnings.iter().map(warning),
            any_projected(status, calendar),
        ),
        area: status.area.as_ref().map(|a| a.id()),
        raised_on: Day(status.raised_on),
        immediate_risk_on: day(status.immediate_risk_on),
        ended_on: day(status.ended_on),
        finality: status.finality.as_ref().map(finality),
    }
}

/// A case's status and the calendar it was evaluated on, serializing to
/// the contract's response document (CONTRACT section 3): exactly what
/// [`evaluate_json`](crate::evaluate_json) answers for the same case,
/// without evaluating it again. Made by [`CaseStatus::document`].
#[derive(Debug, Clone, Copy)]
pub struct StatusDocument<'a> {
    status: &'a CaseStatus,
    calendar: &'a Calendar,
}

impl Serialize for StatusDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        status_view(self.status, self.calendar).serialize(serializer)
    }
}

impl CaseStatus {
    /// The status as the contract's response document, to serialize with
    /// serde (or embed in a document of the caller's); `calendar` is the one
    /// it was evaluated on (its deadlines' skipped bank holidays are named
    /// from it).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::evaluate_json;
    /// use safeguarding_resolution::policy::{Event, Policy, PolicyId};
    ///
    /// // Stored events, read from the contract's JSON into typed events.
    /// let events: Vec<Event> = serde_json::from_str(r#"[
    ///     {"type": "raised", "on": "2026-12-21"},
    ///     {"type": "escalated", "on": "2026-12-23"}
    /// ]"#)?;
    /// let as_of = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let status = Policy::get(PolicyId::SwindonResolution2026).evaluate(calendar, &events, as_of)?;
    /// let typed = serde_json::to_string(&status.document(calendar))?;
    ///
    /// let request = r#"{"policy": "swindon-resolution-2026", "as_of": "2027-01-05", "events": [
    ///     {"type": "raised", "on": "2026-12-21"}, {"type": "escalated", "on": "2026-12-23"}]}"#;
    /// assert_eq!(typed, evaluate_json(request));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document<'a>(&'a self, calendar: &'a Calendar) -> StatusDocument<'a> {
        StatusDocument {
            status: self,
            calendar,
        }
    }

    /// The status as the contract's response document, written: the same
    /// text as [`evaluate_json`](crate::evaluate_json) answers for the case.
    /// (Should writing ever fail, which it cannot for a status the library
    /// evaluated, the text is the contract's `internal` error document.)
    pub fn to_json(&self, calendar: &Calendar) -> String {
        write(self, calendar).unwrap_or_else(|e| {
            super::error_document(
                "internal",
                &format!("the response could not be written: {e}"),
            )
        })
    }
}
