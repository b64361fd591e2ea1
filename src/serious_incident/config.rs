//! The readings a partnership chooses where section 9 is loose.

use super::table;
use super::table::ClockRule;

/// How to count the rapid review's "within 15 days of the notification"
/// (9.4).
///
/// The text says "15 days", and its other clocks say "working days" where
/// they mean them, so calendar days are the default; many partnerships run
/// the national 15 days as working days, which is this alternative.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use safeguarding_resolution::calendar::{Calendar, Division};
/// use safeguarding_resolution::serious_incident::{
///     self as si, ClockName, Config, IncidentEvent, RapidReviewDays,
/// };
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let calendar = Calendar::uk(Division::EnglandAndWales);
/// let events = [
///     IncidentEvent::aware(day(2026, 12, 23)),
///     IncidentEvent::notified(day(2027, 1, 4)),
/// ];
/// let due = |days| -> Result<Option<NaiveDate>, si::Error> {
///     let config = Config::with_rapid_review_days(days);
///     let status = si::evaluate(calendar, config, &events, day(2027, 1, 12))?;
///     Ok(status.clock(ClockName::RapidReview).and_then(|c| c.due.date()))
/// };
/// // Notified on Monday 4 January 2027: 15 calendar days on is Tuesday 19
/// // January; 15 working days on is Monday 25 January.
/// assert_eq!(due(RapidReviewDays::Calendar)?, Some(day(2027, 1, 19)));
/// assert_eq!(due(RapidReviewDays::Working)?, Some(day(2027, 1, 25)));
/// # Ok::<(), si::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RapidReviewDays {
    /// 15 calendar days after the notification (the text; the default).
    #[default]
    Calendar,
    /// 15 working days after the notification (the alternative reading).
    Working,
}

impl RapidReviewDays {
    /// The JSON id: `calendar` or `working`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::RapidReviewDays;
    ///
    /// assert_eq!(RapidReviewDays::default().id(), "calendar");
    /// assert_eq!(RapidReviewDays::Working.id(), "working");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            RapidReviewDays::Calendar => "calendar",
            RapidReviewDays::Working => "working",
        }
    }

    /// The rapid review's clock under this reading.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{ClockName, Count, RapidReviewDays};
    ///
    /// let clock = RapidReviewDays::Working.clock();
    /// assert_eq!(clock.name, ClockName::RapidReview);
    /// assert_eq!(clock.count, Count::WorkingDaysAfter(15));
    /// assert_eq!(RapidReviewDays::Calendar.clock().count, Count::DaysAfter(15));
    /// ```
    pub fn clock(self) -> &'static ClockRule {
        match self {
            RapidReviewDays::Calendar => &table::RAPID_REVIEW,
            RapidReviewDays::Working => &table::RAPID_REVIEW_WORKING_DAYS,
        }
    }
}

/// The readings a partnership chooses where the text is loose.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::serious_incident::{Config, Count, RapidReviewDays};
///
/// // By default the rapid review's 15 days are calendar days, as the text has it.
/// let config = Config::default();
/// assert_eq!(config.rapid_review_days, RapidReviewDays::Calendar);
/// assert_eq!(config.clocks()[1].count, Count::DaysAfter(15));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Config {
    /// How the rapid review's 15 days are counted.
    pub rapid_review_days: RapidReviewDays,
}

impl Config {
    /// The default readings, with the rapid review's days set.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{Config, RapidReviewDays};
    ///
    /// let config = Config::with_rapid_review_days(RapidReviewDays::Working);
    /// assert_eq!(config.rapid_review_days.id(), "working");
    /// ```
    pub fn with_rapid_review_days(days: RapidReviewDays) -> Config {
        Config {
            rapid_review_days: days,
        }
    }

    /// The three clocks under this configuration, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::serious_incident::{ClockName, Config, Count, RapidReviewDays};
    ///
    /// let config = Config::with_rapid_review_days(RapidReviewDays::Working);
    /// let clocks = config.clocks();
    /// let names = clocks.map(|c| c.name);
    /// assert_eq!(
    ///     names,
    ///     [ClockName::Notification, ClockName::RapidReview, ClockName::ReportToPanelAndDfe]
    /// );
    /// let counts = clocks.map(|c| c.count);
    /// assert_eq!(
    ///     counts,
    ///     [Count::WorkingDaysAfter(5), Count::WorkingDaysAfter(15), Count::WorkingDaysBefore(7)]
    /// );
    /// ```
    pub fn clocks(self) -> [&'static ClockRule; 3] {
        [
            &table::NOTIFICATION,
            self.rapid_review_days.clock(),
            &table::REPORT_TO_PANEL_AND_DFE,
        ]
    }
}
