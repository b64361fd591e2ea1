//! The divisions of the UK, each with its own bank holidays.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Error, ErrorKind};

/// A division of the UK with its own bank holidays.
///
/// Written in JSON and text as GOV.UK writes it: `england-and-wales`,
/// `scotland`, `northern-ireland`.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::calendar::Division;
///
/// let division: Division = "northern-ireland".parse()?;
/// assert_eq!(division, Division::NorthernIreland);
/// assert_eq!(division.to_string(), "northern-ireland");
/// assert!("wales".parse::<Division>().unwrap_err().is_unknown_division());
/// # Ok::<(), safeguarding_resolution::calendar::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Division {
    /// England and Wales.
    EnglandAndWales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
}

impl Division {
    /// The three divisions, in GOV.UK's order.
    pub const ALL: [Division; 3] = [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ];

    /// GOV.UK's name for the division: `england-and-wales`, `scotland` or
    /// `northern-ireland`.
    ///
    /// # Example
    ///
    /// ```
    /// use safeguarding_resolution::calendar::Division;
    ///
    /// let names: Vec<&str> = Division::ALL.iter().map(|d| d.as_str()).collect();
    /// assert_eq!(names, ["england-and-wales", "scotland", "northern-ireland"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "england-and-wales",
            Division::Scotland => "scotland",
            Division::NorthernIreland => "northern-ireland",
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Division {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so that width and alignment flags apply.
        f.pad(self.as_str())
    }
}

impl FromStr for Division {
    type Err = Error;

    /// Parses GOV.UK's name of a division.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownDivision`] for any other text.
    fn from_str(name: &str) -> Result<Division, Error> {
        Division::ALL
            .into_iter()
            .find(|d| d.as_str() == name)
            .ok_or_else(|| {
                ErrorKind::UnknownDivision {
                    name: name.to_string(),
                }
                .into()
            })
    }
}
