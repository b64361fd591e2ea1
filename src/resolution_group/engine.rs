//! The engine that replays a referral's events against the lifecycle table.

use chrono::NaiveDate;

use super::lifecycle::{self, Phase, ReferralEventType};
use super::{
    ActionStatus, AgreedAction, Agreement, Eligibility, EscalationTarget, MissingItem,
    QiipReferral, ReferralEvent, ReferralEventKind, ReferralState, ReferralStatus, ReportBack,
    ReportForm, Schedule, Scheduling, StatutoryReview, Submission,
};
use crate::calendar::Calendar;
use crate::policy::queues::Queues;
use crate::policy::{
    CaseStatus, Clause, Due, DueKind, Error, ErrorKind, Event, ObligationStatus, Policy, PolicyId,
    Text, Warning,
};

const TOR: &str = "GSCP Resolution Group Terms of Reference";

/// The GSCP escalation policy's stage that is the Resolution Group: a linked
/// case counts as a route once it has reached it (its earlier stages have
/// then been "tried and failed").
const RESOLUTION_GROUP_STAGE: u8 = 4;
const FLOWCHART: &str = "GSCP Resolution Group Flowchart";

/// An obligation of the lifecycle: its id, words, and sentence.
struct Duty {
    id: &'static str,
    what: &'static str,
    when: &'static str,
    clause: Clause,
}

const fn duty(
    id: &'static str,
    what: &'static str,
    when: &'static str,
    place: &'static str,
    text: &'static str,
) -> Duty {
    Duty {
        id,
        what,
        when,
        clause: Clause::new(place, text),
    }
}

const NOTIFY_TOR: Duty = duty(
    "members_notified",
    "Notify the Resolution Group's members of the referral, so their agencies can check individual and collective systems",
    "the Terms of Reference give no date for telling the members (the flowchart's 10 working days before the meeting is the deadlines: flowchart reading)",
    TOR,
    "All requests should be passed to the GSCP Business Unit ideally at least ten working days but no later than five working days ahead of the Resolution Group meeting allowing agencies to check individual and collective systems.",
);
const NOTIFY_FLOWCHART: Duty = duty(
    "members_notified",
    "Notify the Resolution Group's members of the referral",
    "10 working days before the meeting",
    FLOWCHART,
    "Resolution Group notified 10 working days Before meeting",
);
const LATEST_FLOWCHART: Clause = Clause::new(
    FLOWCHART,
    "Referral to GSCP Business Unit 12 working days before Resolution Group clearly marked for Resolution Group",
);
const INVITE: Duty = duty(
    "special_attendees_invited",
    "Notify and invite the special attendees on behalf of the Resolution Group",
    "the flowchart gives no date for inviting special attendees",
    FLOWCHART,
    "Special attendees notified & invited on behalf of Resolution Group",
);
const RISK_PLAN: Duty = duty(
    "risk_management_plan",
    "Create a single risk management plan, adopted by all agencies, with contingencies for crises, increased risks, communication and monitoring",
    "the Terms of Reference state no time",
    TOR,
    "A single risk management plan adopted by all agencies involved with child, young person or family. This should include contingencies to deal with unexpected or short-term crises, increased risks, communication and monitoring arrangements",
);
const CARE_PLAN: Duty = duty(
    "care_plan_revised",
    "Revise the care plan to reflect the actions recommended, and report it to the Independent Reviewing Officer or independent chairperson (where appropriate)",
    "the Terms of Reference state no time",
    TOR,
    "The care plan should be revised to reflect actions recommended at the Resolution Group and reported to the Independent Reviewing Officer/independent chairperson (where appropriate)",
);
const BROUGHT_BACK: Duty = duty(
    "actions_brought_back",
    "The presenting senior manager brings the approved actions back to their agency and sees them acted on",
    "promptly",
    TOR,
    "The senior manager/agency representative who presented the child or young person's circumstances at the Resolution Group is responsible for ensuring that the actions approved are brought back and acted on promptly",
);
const RESOURCES: Duty = duty(
    "resources_confirmed",
    "Confirm an in-principle contribution of resources through the agency's internal approvals",
    "the Terms of Reference state no time",
    TOR,
    "Where resources are recommended or committed, the appropriate internal approvals are sought and promises are kept",
);
const REPORT_WRITTEN: Duty = duty(
    "progress_report",
    "Report progress to the Resolution Group in writing",
    "by the meeting the group named",
    TOR,
    "Progress reporting requirements, including timescale. The Resolution Group will decide on a individual basis whether reports should be made in writing or in person to a future Resolution Group",
);
const REPORT_IN_PERSON: Duty = duty(
    "progress_report",
    "Report progress to the Resolution Group in person",
    "at the meeting the group named",
    TOR,
    "Progress reporting requirements, including timescale. The Resolution Group will decide on a individual basis whether reports should be made in writing or in person to a future Resolution Group",
);
const LEARNING: Duty = duty(
    "learning_disseminated",
    "Disseminate the learning achieved through the Resolution Group to relevant teams and individuals",
    "the Terms of Reference state no time",
    TOR,
    "Learning achieved through the Resolution Group is disseminated to relevant teams and individuals",
);

const MISSING_SECTION: &str =
    "missing or blank: the Terms of Reference require this section of the written information";
const MISSING_MARK: &str = "the referral must be clearly marked for Resolution Group (flowchart)";
const NO_ROUTE: &str = "it has no eligibility route: state the normal planning, conferencing or dispute resolution processes tried and failed, link the GSCP escalation case once it has reached stage 4 (the Resolution Group), or mark it submitted by the Business Unit";

/// Fields a referral should carry but that never make it incomplete
/// (CONTRACT section 4): absent, they are warnings.
const WARN_PRESENTER: &str =
    "presenter: not given; the senior manager of the requesting agency will present the case";
const WARN_AGENCY: &str = "by_agency: not given; name the agency requesting the discussion";
const WARN_FEATURES: &str = "features: none given; the referral may name the features of the circumstances from the Terms of Reference";
const WARN_RISKS: &str = "risks: none given; the referral may name the child's increased risks from the Terms of Reference";
const PRESENTED_BY: Clause = Clause::new(
    TOR,
    "Each child or young person's circumstances will be presented by the senior manager of the agency which requested the discussion",
);
const ANY_AGENCY: Clause = Clause::new(
    TOR,
    "Any agency can propose that a child, young person or family should be discussed at the Resolution Group with reference to the agreed criteria",
);
const FEATURES: Clause = Clause::new(TOR, "Features of such circumstances may include:");
const RISKS: Clause = Clause::new(TOR, "Leading to: Child/Young person's increased risk of:");

struct Run<'a> {
    calendar: &'a Calendar,
    schedule: &'a Schedule,
    escalation: Option<CaseStatus>,
    phase: Option<Phase>,
    submission: Option<Box<Submission>>,
    missing: Vec<MissingItem>,
    eligibility: Option<Eligibility>,
    scheduling: Option<Scheduling>,
    presented_on: Option<NaiveDate>,
    actions: Vec<(AgreedAction, NaiveDate, Option<NaiveDate>)>,
    obligations: Vec<ObligationStatus>,
    /// For each duty's id, the indexes in `obligations` of its duties that
    /// may still be pending, oldest first: a record finds the one it marks
    /// without scanning the others (done or lapsed ones are dropped from
    /// the front as they are met), so a long log stays linear.
    pending_by_id: Queues<&'static str>,
    warnings: Vec<Warning>,
    escalated_to: Option<(EscalationTarget, Option<StatutoryReview>)>,
    qiip: Vec<QiipReferral>,
    ended_on: Option<NaiveDate>,
    index: usize,
}

/// The status of a referral at `as_of`, on the meetings of `schedule`, with
/// the linked GSCP escalation case's events if there is one.
///
/// # Errors
///
/// The codes of [`crate::policy::Error`]: `invalid_field` (no events, a
/// first event that is not `submitted`, a presentation off a meeting date,
/// an agreement without an action or, the first time, without a report
/// back, an action due before it was agreed, a report-back meeting not in
/// the schedule, an unknown action or record, a linked case that cannot be
/// evaluated, `as_of` before the last event), `events_out_of_order`,
/// `invalid_transition` (naming the events allowed) and
/// `out_of_calendar_range`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::resolution_group::{
///     DeadlineRule, PriorProcess, ReferralEvent, ReferralState, Schedule, Section, Submission,
///     evaluate,
/// };
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// // A referral with its seven sections, marked for the group, after the
/// // normal dispute resolution failed, submitted on Monday 28 September
/// // 2026 for the meeting of Tuesday 13 October.
/// let mut submission = Submission::new();
/// submission.marked_for_resolution_group = true;
/// submission.prior_process = vec![PriorProcess::DisputeResolution];
/// submission.sections = Section::ALL.iter().map(|s| (*s, "written".into())).collect();
/// let events = [ReferralEvent::submitted(day(9, 28), submission)];
/// let schedule = Schedule::new(vec![day(10, 13), day(11, 10)], DeadlineRule::TermsOfReference)?;
/// let calendar = Calendar::uk(Division::EnglandAndWales);
///
/// let status = evaluate(calendar, &schedule, &events, day(10, 1), None)?;
/// assert_eq!(status.state, ReferralState::Scheduled);
/// // The Terms of Reference: at the latest 5 working days before the
/// // meeting (Tuesday 6 October), ideally 10 (Tuesday 29 September).
/// let deadline = status.scheduling.unwrap().deadline.unwrap();
/// assert_eq!((deadline.meeting, deadline.latest, deadline.ideal),
///            (day(10, 13), day(10, 6), day(9, 29)));
/// # Ok::<(), safeguarding_resolution::policy::Error>(())
/// ```
pub fn evaluate(
    calendar: &Calendar,
    schedule: &Schedule,
    events: &[ReferralEvent],
    as_of: NaiveDate,
    escalation: Option<&[Event]>,
) -> Result<ReferralStatus, Error> {
    let Some(first) = events.first() else {
        return Err(Error::field(
            "events",
            "a referral needs at least its submitted event",
            None,
        ));
    };
    if first.event_type() != ReferralEventType::Submitted {
        return Err(Error::field(
            "events[0].type",
            format!(
                "the first event must be submitted, found {}",
                first.event_type().as_str()
            ),
            Some(0),
        ));
    }
    crate::policy::check_log(events.iter().map(|e| e.on), as_of, calendar)?;
    let escalation = match escalation {
        Some(log) => Some(
            Policy::get(PolicyId::GscpEscalation2021)
                .evaluate(calendar, log, as_of)
                .map_err(|e| {
                    Error::field(
                        "escalation.events",
                        format!(
                            "the linked GSCP escalation case cannot be evaluated ({}): {e}",
                            e.code()
                        ),
                        None,
                    )
                })?,
        ),
        None => None,
    };
    let mut run = Run {
        calendar,
        schedule,
        escalation,
        phase: None,
        submission: None,
        missing: Vec::new(),
        eligibility: None,
        scheduling: None,
        presented_on: None,
        actions: Vec::new(),
        obligations: Vec::new(),
        pending_by_id: Queues::default(),
        warnings: Vec::new(),
        escalated_to: None,
        qiip: Vec::new(),
        ended_on: None,
        index: 0,
    };
    for (index, event) in events.iter().enumerate() {
        run.index = index;
        run.apply(event)?;
    }
    run.finish(as_of)
}

impl Run<'_> {
    fn plain_due(kind: DueKind, rule: &'static str) -> Due {
        Due {
            kind,
            rule: Text::from_static(rule),
            counted_from: None,
        }
    }

    fn owe(&mut self, duty: &Duty, arose_on: NaiveDate, due: Due) {
        let index = self.obligations.len();
        self.obligations.push(ObligationStatus::new(
            Text::from_static(duty.id),
            Text::from_static(duty.what),
            None,
            arose_on,
            due,
            duty.clause.clone(),
        ));
        self.pending_by_id.push(duty.id, index);
    }

    /// The oldest pending duty with this id, taken off its queue.
    fn take_pending(&mut self, id: &str) -> Option<usize> {
        let obligations = &self.obligations;
        self.pending_by_id
            .get_mut(id)?
            .take_pending(|i| obligations[i].is_pending())
    }

    fn pending(&self) -> bool {
        self.obligations.iter().any(|o| o.is_pending())
            || self.actions.iter().any(|(_, _, done)| done.is_none())
    }

    fn allowed(&self) -> Vec<ReferralEventType> {
        let mut allowed = lifecycle::allowed_from(self.phase);
        if self.phase == Some(Phase::Submitted) && !self.presentable() {
            allowed.retain(|e| *e != ReferralEventType::Presented);
        }
        if self.pending() && !allowed.contains(&ReferralEventType::Recorded) {
            allowed.push(ReferralEventType::Recorded);
        }
        allowed
    }

    /// The seven sections and the mark are there (CONTRACT section 4).
    fn complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// Complete, with an eligibility route: it can go to a meeting.
    fn presentable(&self) -> bool {
        self.complete() && self.eligibility.is_some()
    }

    fn refuse(&self, event: &ReferralEvent, problem: String) -> Error {
        Error::new(
            ErrorKind::InvalidReferralTransition {
                index: self.index,
                event: event.event_type().as_str(),
                on: event.on.date(),
                problem,
                allowed: self.allowed().iter().map(|e| e.as_str()).collect(),
            },
            Some(self.index),
        )
    }

    /// The notices of a submission lapse when it is returned, or ends before
    /// its meeting: there is no meeting to prepare for.
    fn lapse_notifications(&mut self, on: NaiveDate) {
        for id in ["members_notified", "special_attendees_invited"] {
            while let Some(index) = self.take_pending(id) {
                self.obligations[index].lapsed_on = Some(on);
            }
        }
    }

    /// The referral ends: what was owed for the group's work going on
    /// lapses (CONTRACT section 4). A progress report due at a later
    /// meeting is no longer owed; before the meeting, its notices go too.
    /// Duties to the child's plan (risk management plan, care plan,
    /// resources, learning) outlive the group's work and stay.
    fn end(&mut self, on: NaiveDate) {
        self.ended_on = Some(on);
        if self.presented_on.is_none() {
            self.lapse_notifications(on);
        }
        for o in self.obligations.iter_mut().filter(|o| {
            o.id == "progress_report" && o.is_pending() && o.due.date().is_some_and(|d| d > on)
        }) {
            o.lapsed_on = Some(on);
        }
    }

    fn is_meeting(&self, date: NaiveDate) -> bool {
        self.schedule.meetings().binary_search(&date).is_ok()
    }

    fn check_report_back(
        &self,
        report: &ReportBack,
        on: NaiveDate,
        path: &str,
    ) -> Result<(), Error> {
        if !self.is_meeting(report.meeting) {
            return Err(Error::field(
                format!("events[{}].{path}.meeting", self.index),
                "not one of the meetings given".to_string(),
                Some(self.index),
            ));
        }
        if report.meeting <= on {
            return Err(Error::field(
                format!("events[{}].{path}.meeting", self.index),
                format!(
                    "not after the day the report was asked for (events[{}].on)",
                    self.index
                ),
                Some(self.index),
            ));
        }
        Ok(())
    }

    fn ask_for_report(&mut self, report: ReportBack, on: NaiveDate) {
        let duty = match report.form {
            ReportForm::Written => &REPORT_WRITTEN,
            ReportForm::InPerson => &REPORT_IN_PERSON,
        };
        let due = Self::plain_due(DueKind::ByEndOf(report.meeting), duty.when);
        self.owe(duty, on, due);
    }

    fn apply(&mut self, event: &ReferralEvent) -> Result<(), Error> {
        let kind = event.event_type();
        let on = event.on.date();
        if let ReferralEventKind::Recorded { record } = &event.kind {
            return self.record(event, record);
        }
        let target = match &event.kind {
            ReferralEventKind::Escalated { to, .. } => Some(*to),
            _ => None,
        };
        let Some(mv) = lifecycle::find(self.phase, kind, target) else {
            let problem = match self.phase {
                None => "the referral has not been submitted".to_string(),
                Some(Phase::Submitted | Phase::Returned)
                    if target == Some(EscalationTarget::ExecutiveChair) =>
                {
                    "before the meeting only an escalation to QiiP (a case meeting the criteria for a statutory review) is possible; the Chair of the GSCP Executive hears cases the group could not resolve".to_string()
                }
                Some(phase) if phase.is_final() => format!(
                    "the referral has ended ({} on {})",
                    self.state_name(),
                    self.ended_on.map(|d| d.to_string()).unwrap_or_default()
                ),
                Some(_) => format!("not allowed while the referral is {}", self.state_name()),
            };
            return Err(self.refuse(event, problem));
        };
        let to = mv.to;
        match &event.kind {
            ReferralEventKind::Submitted(submission) => self.submit(submission, on)?,
            ReferralEventKind::Presented => {
                if !self.complete() {
                    let items: Vec<&str> = self.missing.iter().map(|m| m.field.as_str()).collect();
                    return Err(self.refuse(
                        event,
                        format!("the referral is incomplete (missing: {})", items.join(", ")),
                    ));
                }
                if self.eligibility.is_none() {
                    return Err(
                        self.refuse(event, format!("the referral is ineligible: {NO_ROUTE}"))
                    );
                }
                if !self.is_meeting(on) {
                    return Err(Error::field(
                        format!("events[{}].on", self.index),
                        "not one of the meetings given; a referral is presented at a meeting"
                            .to_string(),
                        Some(self.index),
                    ));
                }
                // Whether or not a meeting qualified, a presentation at a
                // meeting whose latest submission date was missed is warned.
                if let Some(submitted) = self.scheduling.as_ref().map(|s| s.submitted_on) {
                    let deadline = self.schedule.deadline(self.calendar, on)?;
                    if submitted > deadline.latest {
                        let (latest_n, _, _) = self.schedule.rule().working_days_before();
                        let clause = match self.schedule.rule() {
                            super::DeadlineRule::TermsOfReference => NOTIFY_TOR.clause,
                            super::DeadlineRule::Flowchart => LATEST_FLOWCHART,
                        };
                        self.warnings.push(Warning::new(
                            self.index,
                            format!(
                                "presented at a meeting whose latest submission date ({latest_n} working days before it) the submission had missed: the agencies had less time to check their systems"
                            ),
                            clause,
                        ));
                    }
                }
                self.presented_on = Some(on);
            }
            ReferralEventKind::ActionsAgreed(agreement) => self.agree(agreement, on)?,
            ReferralEventKind::ActionCompleted { action } => {
                let index = self.index;
                let Some((_, _, done)) = self.actions.get_mut(*action) else {
                    let count = self.actions.len();
                    return Err(Error::field(
                        format!("events[{index}].action"),
                        format!(
                            "there is no action {action}: {count} actions have been agreed (numbered from 0)"
                        ),
                        Some(index),
                    ));
                };
                if done.is_some() {
                    return Err(self.refuse(
                        event,
                        format!("action {action} was completed by an earlier event"),
                    ));
                }
                *done = Some(on);
            }
            ReferralEventKind::ProgressReported { report_back } => {
                if let Some(report) = report_back {
                    self.check_report_back(report, on, "report_back")?;
                }
                if let Some(index) = self.take_pending("progress_report") {
                    self.obligations[index].done_on = Some(on);
                }
                if let Some(report) = report_back {
                    self.ask_for_report(*report, on);
                }
            }
            ReferralEventKind::Closed { .. } => {
                let open = self
                    .actions
                    .iter()
                    .filter(|(_, _, done)| done.is_none())
                    .count();
                if open > 0 {
                    self.warnings.push(Warning::new(
                        self.index,
                        format!(
                            "closed with {open} agreed action(s) not recorded as completed: members are to ensure their agency's actions are completed"
                        ),
                        Clause::new(
                            TOR,
                            "Follow-up and ensure their agency's actions are completed in a timely way",
                        ),
                    ));
                }
                self.end(on);
                self.owe(
                    &LEARNING,
                    on,
                    Self::plain_due(DueKind::NotStated, LEARNING.when),
                );
            }
            ReferralEventKind::Escalated {
                to: target, review, ..
            } => {
                if review.is_some() && *target != EscalationTarget::Qiip {
                    return Err(Error::field(
                        format!("events[{}].review", self.index),
                        "a statutory review goes with an escalation to qiip",
                        Some(self.index),
                    ));
                }
                match target {
                    // A members' duty: recorded, and the referral goes on.
                    EscalationTarget::Qiip => self.qiip.push(QiipReferral {
                        on,
                        review: *review,
                        event_index: self.index,
                    }),
                    EscalationTarget::ExecutiveChair => {
                        self.escalated_to = Some((*target, *review));
                        self.end(on);
                    }
                }
            }
            ReferralEventKind::Returned { .. } => self.lapse_notifications(on),
            ReferralEventKind::Declined { .. } | ReferralEventKind::Withdrawn { .. } => {
                self.end(on)
            }
            ReferralEventKind::Recorded { .. } => {}
        }
        self.phase = Some(to);
        Ok(())
    }

    fn state_name(&self) -> &'static str {
        self.state().as_str()
    }

    fn submit(&mut self, submission: &Submission, on: NaiveDate) -> Result<(), Error> {
        self.submission = Some(Box::new(submission.clone()));
        let mut missing: Vec<MissingItem> = submission
            .missing_sections()
            .into_iter()
            .map(|s| MissingItem {
                field: format!("referral.{}", s.key()),
                problem: MISSING_SECTION,
            })
            .collect();
        if !submission.marked_for_resolution_group {
            missing.push(MissingItem {
                field: "marked_for_resolution_group".to_string(),
                problem: MISSING_MARK,
            });
        }
        // A resubmission replaces the referral: its own fields are judged.
        self.warnings.retain(|w| {
            ![WARN_AGENCY, WARN_PRESENTER, WARN_FEATURES, WARN_RISKS].contains(&w.message.as_str())
        });
        let index = self.index;
        let mut warn = |message: &str, clause| {
            self.warnings
                .push(Warning::new(index, message.to_string(), clause))
        };
        if submission
            .by_agency
            .as_ref()
            .is_none_or(|a| a.trim().is_empty())
        {
            warn(WARN_AGENCY, ANY_AGENCY);
        }
        if submission.presenter.as_ref().is_none_or(|p| p.is_blank()) {
            warn(WARN_PRESENTER, PRESENTED_BY);
        }
        if submission.features.is_empty() {
            warn(WARN_FEATURES, FEATURES);
        }
        if submission.risks.is_empty() {
            warn(WARN_RISKS, RISKS);
        }
        // The stage the linked case had reached on the day of submission.
        let linked_stage = self.escalation.as_ref().and_then(|e| {
            let current = e.stage.as_ref().map(|s| (s.number, s.started_on));
            e.history
                .iter()
                .map(|h| (h.number, h.started_on))
                .chain(current)
                .filter(|(_, started)| *started <= on)
                .map(|(number, _)| number)
                .max()
        });
        self.eligibility = if submission.by_business_unit {
            Some(Eligibility::BusinessUnit)
        } else if let Some(stage) = linked_stage.filter(|s| *s >= RESOLUTION_GROUP_STAGE) {
            Some(Eligibility::EscalationCase(stage))
        } else if !submission.prior_process.is_empty() {
            Some(Eligibility::PriorProcess)
        } else {
            None
        };
        self.missing = missing;
        self.scheduling = Some(self.schedule_for(on)?);
        if let Some(meeting) = self.scheduling.as_ref().and_then(|s| s.meeting) {
            let working = self
                .calendar
                .is_working_day(meeting)
                .map_err(|e| Error::calendar(e, Some(self.index)))?;
            if !working {
                self.warnings.push(Warning::new(
                    self.index,
                    "the scheduled meeting (scheduled_meeting) is not a working day: check the meeting dates"
                        .to_string(),
                    NOTIFY_TOR.clause,
                ));
            }
        }
        let deadline = self.scheduling.as_ref().and_then(|s| s.deadline);
        if let (true, Some(deadline)) = (self.presentable(), deadline) {
            let notify = match self.schedule.rule() {
                super::DeadlineRule::TermsOfReference => &NOTIFY_TOR,
                super::DeadlineRule::Flowchart => &NOTIFY_FLOWCHART,
            };
            // Only the flowchart's reading dates the notice; no text dates
            // the invitations.
            let due = match deadline.notify_members {
                Some(by) => DueKind::ByEndOf(by.max(on)),
                None => DueKind::NotStated,
            };
            self.owe(notify, on, Self::plain_due(due, notify.when));
            if !submission.special_attendees.is_empty() {
                self.owe(
                    &INVITE,
                    on,
                    Self::plain_due(DueKind::NotStated, INVITE.when),
                );
            }
        }
        Ok(())
    }

    fn schedule_for(&self, submitted_on: NaiveDate) -> Result<Scheduling, Error> {
        let found = self.schedule.meeting_for(self.calendar, submitted_on)?;
        let (latest_n, ideal_n, _) = self.schedule.rule().working_days_before();
        let mut missed = Vec::new();
        for &meeting in self
            .schedule
            .meetings()
            .iter()
            .filter(|m| **m >= submitted_on)
        {
            if found.is_some_and(|f| f.meeting == meeting) {
                break;
            }
            missed.push(self.schedule.deadline(self.calendar, meeting)?);
        }
        let why = match (found, missed.first()) {
            (Some(d), None) => {
                let ideal = if submitted_on <= d.ideal {
                    format!(
                        "and by the ideal date {} ({ideal_n} working days before)",
                        d.ideal
                    )
                } else {
                    format!(
                        "but after the ideal date {} ({ideal_n} working days before)",
                        d.ideal
                    )
                };
                format!(
                    "submitted on {submitted_on}, by the latest submission date {} ({latest_n} working days before the meeting of {}) {ideal}",
                    d.latest, d.meeting
                )
            }
            (Some(d), Some(first_missed)) => format!(
                "submitted on {submitted_on}, after the latest submission date {} for the meeting of {} ({latest_n} working days before it); it goes to the next meeting it can make, {} (latest submission date {})",
                first_missed.latest, first_missed.meeting, d.meeting, d.latest
            ),
            (None, Some(last_missed)) => format!(
                "submitted on {submitted_on}, after the latest submission date {} for the meeting of {}; no later meeting was given",
                last_missed.latest, last_missed.meeting
            ),
            (None, None) if self.schedule.meetings().is_empty() => {
                format!("submitted on {submitted_on}; no meeting dates were given")
            }
            (None, None) => {
                format!("submitted on {submitted_on}; no meeting was given on or after that day")
            }
        };
        Ok(Scheduling {
            submitted_on,
            meeting: found.map(|d| d.meeting),
            deadline: found,
            ideal_met: found.map(|d| submitted_on <= d.ideal),
            why,
        })
    }

    fn agree(&mut self, agreement: &Agreement, on: NaiveDate) -> Result<(), Error> {
        // Flowchart: "Recommendations & agreed actions, contributions &
        // timescales for reporting set": at least one action, each with its
        // date, and, when the meeting first agrees them, the report back.
        if agreement.actions.is_empty() {
            return Err(Error::field(
                format!("events[{}].actions", self.index),
                "at least one agreed action, each with its agency, what and due date: the flowchart's \"Recommendations & agreed actions, contributions & timescales for reporting set\"",
                Some(self.index),
            ));
        }
        for (j, action) in agreement.actions.iter().enumerate() {
            if action.due < on {
                return Err(Error::field(
                    format!("events[{}].actions[{j}].due", self.index),
                    format!(
                        "before the day the action was agreed (events[{}].on)",
                        self.index
                    ),
                    Some(self.index),
                ));
            }
        }
        let first_agreement = self.phase == Some(Phase::Presented);
        if first_agreement && agreement.report_back.is_none() {
            return Err(Error::field(
                format!("events[{}].report_back", self.index),
                "the meeting and form of the report back to the group: the flowchart's \"timescales for reporting set\" and the Terms of Reference's \"Progress reporting requirements, including timescale\"",
                Some(self.index),
            ));
        }
        if let Some(report) = &agreement.report_back {
            self.check_report_back(report, on, "report_back")?;
        }
        if first_agreement {
            for duty in [&RISK_PLAN, &CARE_PLAN] {
                self.owe(duty, on, Self::plain_due(DueKind::NotStated, duty.when));
            }
            self.owe(
                &BROUGHT_BACK,
                on,
                Self::plain_due(DueKind::WithoutDelay, BROUGHT_BACK.when),
            );
        }
        // One confirmation owed per contribution agreed only in principle.
        let unconfirmed = agreement.resources.iter().filter(|r| !r.confirmed).count();
        for _ in 0..unconfirmed {
            self.owe(
                &RESOURCES,
                on,
                Self::plain_due(DueKind::NotStated, RESOURCES.when),
            );
        }
        for action in &agreement.actions {
            self.actions.push((action.clone(), on, None));
        }
        if let Some(report) = agreement.report_back {
            self.ask_for_report(report, on);
        }
        Ok(())
    }

    fn record(&mut self, event: &ReferralEvent, id: &str) -> Result<(), Error> {
        let on = event.on.date();
        if let Some(index) = self.take_pending(id) {
            self.obligations[index].done_on = Some(on);
            return Ok(());
        }
        const KNOWN: [&str; 8] = [
            "members_notified",
            "special_attendees_invited",
            "risk_management_plan",
            "care_plan_revised",
            "actions_brought_back",
            "resources_confirmed",
            "progress_report",
            "learning_disseminated",
        ];
        if !KNOWN.contains(&id) {
            return Err(Error::field(
                format!("events[{}].record", self.index),
                format!(
                    "not a record of the Resolution Group lifecycle; its records: {}",
                    KNOWN.join(", ")
                ),
                Some(self.index),
            ));
        }
        let pending = crate::policy::id_list(
            self.obligations
                .iter()
                .filter(|o| o.is_pending())
                .map(|o| o.id.as_str()),
        );
        Err(self.refuse(event, format!("no {id:?} is pending (pending: {pending})")))
    }

    fn state(&self) -> ReferralState {
        match self.phase {
            None | Some(Phase::Submitted) => {
                if !self.complete() {
                    ReferralState::Incomplete
                } else if self.eligibility.is_none() {
                    ReferralState::Ineligible
                } else if self
                    .scheduling
                    .as_ref()
                    .is_some_and(|s| s.meeting.is_some())
                {
                    ReferralState::Scheduled
                } else {
                    ReferralState::AwaitingMeeting
                }
            }
            Some(Phase::Returned) => ReferralState::Returned,
            Some(Phase::Presented) => ReferralState::Presented,
            Some(Phase::ActionsInProgress) => ReferralState::ActionsInProgress,
            Some(Phase::Closed) => ReferralState::Closed,
            Some(Phase::Escalated) => ReferralState::Escalated,
            Some(Phase::Declined) => ReferralState::Declined,
            Some(Phase::Withdrawn) => ReferralState::Withdrawn,
        }
    }

    fn finish(mut self, as_of: NaiveDate) -> Result<ReferralStatus, Error> {
        for obligation in &mut self.obligations {
            obligation.overdue = obligation.is_pending() && obligation.due.is_past(as_of);
        }
        let actions = self
            .actions
            .iter()
            .enumerate()
            .map(|(index, (action, agreed_on, done_on))| ActionStatus {
                index,
                agency: action.agency.clone(),
                agreed_on: *agreed_on,
                due: action.due,
                done_on: *done_on,
                overdue: done_on.is_none() && as_of > action.due,
            })
            .collect();
        let state = self.state();
        // Submitting the referral is the linked case's stage 4 referral.
        let submitted_on = self.scheduling.as_ref().map(|s| s.submitted_on);
        if let (Some(escalation), Some(submitted)) = (self.escalation.as_mut(), submitted_on) {
            for duty in escalation.obligations.iter_mut().filter(|o| {
                o.id == "resolution_group_referral" && o.is_pending() && o.arose_on <= submitted
            }) {
                duty.done_on = Some(submitted);
                duty.overdue = false;
            }
        }
        if let Some(escalation) = &self.escalation {
            let stage = escalation.stage.as_ref().map(|s| s.number);
            let message = match (state, stage) {
                (ReferralState::Escalated, s) if self.escalated_to.map(|e| e.0) == Some(EscalationTarget::ExecutiveChair) && s != Some(5) => Some(
                    "the group referred the matter to the Chair of the GSCP Executive: record the escalation to stage 5 in the linked escalation case".to_string(),
                ),
                (ReferralState::Escalated | ReferralState::Closed | ReferralState::Declined | ReferralState::Withdrawn, _) => None,
                (_, Some(4)) => None,
                (_, Some(s)) => Some(format!(
                    "the linked escalation case is at stage {s}; the Resolution Group is stage 4 of the GSCP escalation policy: record the escalation to stage 4 there"
                )),
                (_, None) => Some(format!(
                    "the linked escalation case has ended ({}), but the referral is {}",
                    escalation.state.as_str(),
                    state.as_str()
                )),
            };
            if let Some(message) = message {
                self.warnings.push(Warning::new(
                    0,
                    message,
                    Clause::new(
                        "GSCP Escalation Policy (2021), Stage Four",
                        "consideration should be given to making a referral to the GSCP Resolution Group.",
                    ),
                ));
            }
        }
        let next = self.allowed();
        Ok(ReferralStatus {
            as_of,
            state,
            phase: self.phase.unwrap_or(Phase::Submitted),
            by_agency: self.submission.as_ref().and_then(|s| s.by_agency.clone()),
            missing_sections: self
                .submission
                .as_ref()
                .map(|s| s.missing_sections())
                .unwrap_or_default(),
            missing: self.missing,
            eligibility: self.eligibility,
            scheduling: self.scheduling,
            presented_on: self.presented_on,
            actions,
            obligations: self.obligations,
            next,
            warnings: self.warnings,
            escalated_to: self.escalated_to,
            qiip_referred_on: self.qiip.first().map(|q| q.on),
            qiip_referrals: self.qiip,
            ended_on: self.ended_on,
            escalation: self.escalation,
        })
    }
}
