//! A referral in the work tray and in the partnership's figures: its
//! pending obligations are deadlines like an escalation case's, and its
//! status is counted beside the cases'.

use super::ReferralStatus;
use crate::calendar::Calendar;
use crate::policy::monitoring::Summary;
use crate::policy::sweep::{ItemKind, Process, Tray};

impl<'c, K: Clone> Tray<'c, K> {
    /// Adds a Resolution Group referral's pending obligations (neither met
    /// nor lapsed) that have a date, as [`ItemKind::Referral`] items, in
    /// the order its answer writes them.
    ///
    /// # Errors
    ///
    /// The calendar's error when a count of working days cannot be made;
    /// the referral then leaves nothing in the tray.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::sweep::{ItemKind, Tray};
    /// use safeguarding_resolution::resolution_group::{evaluate, DeadlineRule, ReferralEvent, Schedule};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// // Meeting on Tuesday 13 October 2026; a referral submitted on Monday
    /// // 28 September without its sections: its author owes them.
    /// let schedule = Schedule::new(vec![day(10, 13)], DeadlineRule::TermsOfReference)?;
    /// let events: Vec<ReferralEvent> = serde_json::from_str(
    ///     r#"[{"type": "submitted", "on": "2026-09-28", "by_agency": "Children's Social Care"}]"#)?;
    /// let status = evaluate(calendar, &schedule, &events, day(10, 5), None)?;
    /// let mut tray = Tray::new(day(10, 5), 10);
    /// tray.add_referral(calendar, "rg-2", &status)?;
    /// let items = tray.into_items();
    /// assert!(items.iter().all(|i| i.kind == ItemKind::Referral && i.case == "rg-2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_referral(
        &mut self,
        calendar: &'c Calendar,
        case: K,
        status: &ReferralStatus,
    ) -> Result<(), crate::calendar::Error> {
        self.add_obligations(
            calendar,
            case,
            &Process::ResolutionGroup,
            ItemKind::Referral,
            &status.obligations,
        )
    }
}

impl Summary {
    /// Counts a Resolution Group referral by its status
    /// ([`Summary::referrals`]; the escalation figures are unchanged).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use safeguarding_resolution::calendar::{Calendar, Division};
    /// use safeguarding_resolution::policy::monitoring::Summary;
    /// use safeguarding_resolution::resolution_group::{evaluate, DeadlineRule, ReferralEvent, Schedule};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 9, d).unwrap();
    /// let calendar = Calendar::uk(Division::EnglandAndWales);
    /// let schedule = Schedule::new(vec![], DeadlineRule::TermsOfReference)?;
    /// // A submission with none of its seven sections: incomplete.
    /// let events: Vec<ReferralEvent> = serde_json::from_str(
    ///     r#"[{"type": "submitted", "on": "2026-09-28", "by_agency": "Children's Social Care"}]"#)?;
    /// let status = evaluate(calendar, &schedule, &events, day(28), None)?;
    /// let mut summary = Summary::default();
    /// summary.add_referral(&status);
    /// assert_eq!(summary.referrals.get("incomplete"), Some(&1));
    /// assert_eq!(summary.cases, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_referral(&mut self, status: &ReferralStatus) {
        *self.referrals.entry(status.state.as_str()).or_default() += 1;
    }
}
