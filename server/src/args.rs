//! The command line: `[--listen ADDR] [--policies DIR] [--holidays FILE]`,
//! the connection limits (`--header-timeout`, `--body-timeout`,
//! `--send-timeout`, `--max-connections`), `--help` and `--version`.
//!
//! Read by hand: seven options and two flags do not pay for a parser crate
//! and its dependencies in a service meant to be small.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use crate::Limits;

/// The address listened on when `--listen` is not given: loopback only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// The usage text `--help` prints.
pub const USAGE: &str = "\
Usage: safeguarding-resolution-server [--listen HOST:PORT] [--policies DIR] [--holidays FILE]
           [--header-timeout SECONDS] [--body-timeout SECONDS] [--send-timeout SECONDS]
           [--max-connections N]

The safeguarding-resolution library over HTTP: POST /v1/evaluate,
/v1/validate and /v1/sweep take the library's JSON documents; GET
/v1/policies, /v1/policies/{id}, /healthz and /openapi.json describe it.

Options:
  --listen HOST:PORT  the address to listen on (default 127.0.0.1:8080;
                      port 0 takes a free port, printed on the first line)
  --policies DIR      add every *.json file in DIR as a policy definition
  --holidays FILE     use the bank holidays of a GOV.UK bank-holidays.json
                      document rather than the embedded ones
  --header-timeout SECONDS
                      close a connection whose request line and headers
                      have not arrived within SECONDS, idle ones included
                      (default 60)
  --body-timeout SECONDS
                      answer 408 to a request whose body has not arrived
                      whole within SECONDS of its headers (default 60)
  --send-timeout SECONDS
                      close a connection whose caller has not read any of
                      its answer for SECONDS (default 60)
  --max-connections N serve at most N connections at once; others wait to
                      be accepted (default 1024)
  -h, --help          print this text
  -V, --version       print the version

SIGHUP reloads DIR and FILE (all or nothing); SIGTERM and SIGINT stop the
server once the requests in flight are answered.";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Serve.
    Run(Options),
    /// Print [`USAGE`].
    Help,
    /// Print the version.
    Version,
}

/// The options of a server to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// `--listen`: an address and port, or a host name and port.
    pub listen: String,
    /// `--policies`: a directory of policy definitions.
    pub policies: Option<PathBuf>,
    /// `--holidays`: a GOV.UK bank-holidays document.
    pub holidays: Option<PathBuf>,
    /// `--header-timeout`, `--body-timeout`, `--send-timeout` and
    /// `--max-connections`, each
    /// [`Limits::default`]'s where not given.
    pub limits: Limits,
}

/// The most seconds `--header-timeout` and `--body-timeout` take: an hour.
pub const MAX_TIMEOUT_SECONDS: u64 = 3600;

/// The most connections `--max-connections` takes.
pub const MAX_CONNECTIONS: usize = 1_000_000;

/// Reads the arguments (without the program's name). `--name value` and
/// `--name=value` are both accepted; an option given twice is refused.
///
/// # Errors
///
/// A message naming the argument that is wrong (an unknown option, one
/// without its value, one given twice, or a number out of its range).
pub fn parse(arguments: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut listen = None;
    let mut policies = None;
    let mut holidays = None;
    let mut header_timeout = None;
    let mut body_timeout = None;
    let mut send_timeout = None;
    let mut max_connections = None;
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        let text = argument
            .to_str()
            .ok_or_else(|| "an argument is not valid UTF-8".to_string())?;
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(OsString::from(value))),
            _ => (text, None),
        };
        let slot = match name {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--listen" => &mut listen,
            "--policies" => &mut policies,
            "--holidays" => &mut holidays,
            "--header-timeout" => &mut header_timeout,
            "--body-timeout" => &mut body_timeout,
            "--send-timeout" => &mut send_timeout,
            "--max-connections" => &mut max_connections,
            _ if name.starts_with('-') => return Err(format!("unknown option {name}")),
            _ => return Err("unexpected argument (options start with --)".to_string()),
        };
        if slot.is_some() {
            return Err(format!("{name} given twice"));
        }
        let value = inline
            .or_else(|| arguments.next())
            .filter(|value| !value.is_empty())
            .ok_or_else(|| format!("{name} needs a value"))?;
        *slot = Some(value);
    }
    let listen = match listen {
        Some(listen) => listen
            .into_string()
            .map_err(|_| "--listen is not valid UTF-8".to_string())?,
        None => DEFAULT_LISTEN.to_string(),
    };
    let defaults = Limits::default();
    let seconds = |name, value: Option<OsString>, default: Duration| match value {
        Some(value) => number(name, &value, 1, MAX_TIMEOUT_SECONDS).map(Duration::from_secs),
        None => Ok(default),
    };
    let limits = Limits {
        header_timeout: seconds("--header-timeout", header_timeout, defaults.header_timeout)?,
        body_timeout: seconds("--body-timeout", body_timeout, defaults.body_timeout)?,
        send_timeout: seconds("--send-timeout", send_timeout, defaults.send_timeout)?,
        max_connections: match max_connections {
            Some(value) => number("--max-connections", &value, 1, MAX_CONNECTIONS as u64)? as usize,
            None => defaults.max_connections,
        },
    };
    Ok(Command::Run(Options {
        listen,
        policies: policies.map(PathBuf::from),
        holidays: holidays.map(PathBuf::from),
        limits,
    }))
}

/// A whole number from `least` to `most`, or a message naming the option
/// and the range (never the value given).
fn number(name: &str, value: &OsString, least: u64, most: u64) -> Result<u64, String> {
    value
        .to_str()
        .and_then(|text| text.parse::<u64>().ok())
        .filter(|n| (least..=most).contains(n))
        .ok_or_else(|| format!("{name} takes a whole number from {least} to {most}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(arguments: &[&str]) -> Result<Command, String> {
        parse(arguments.iter().map(OsString::from))
    }

    #[test]
    fn defaults_to_loopback_and_no_files() {
        assert_eq!(
            parse_strs(&[]),
            Ok(Command::Run(Options {
                listen: "127.0.0.1:8080".to_string(),
                policies: None,
                holidays: None,
                limits: Limits::default(),
            }))
        );
    }

    #[test]
    fn reads_options_in_both_spellings() {
        assert_eq!(
            parse_strs(&[
                "--listen=127.0.0.1:0",
                "--policies",
                "dir",
                "--holidays=h.json"
            ]),
            Ok(Command::Run(Options {
                listen: "127.0.0.1:0".to_string(),
                policies: Some(PathBuf::from("dir")),
                holidays: Some(PathBuf::from("h.json")),
                limits: Limits::default(),
            }))
        );
        assert_eq!(parse_strs(&["--policies", "x", "-h"]), Ok(Command::Help));
        assert_eq!(parse_strs(&["--version"]), Ok(Command::Version));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert_eq!(
            parse_strs(&["--port", "1"]),
            Err("unknown option --port".to_string())
        );
        assert_eq!(
            parse_strs(&["--policies"]),
            Err("--policies needs a value".to_string())
        );
        assert_eq!(
            parse_strs(&["--listen="]),
            Err("--listen needs a value".to_string())
        );
        assert_eq!(
            parse_strs(&["--holidays", "a", "--holidays", "b"]),
            Err("--holidays given twice".to_string())
        );
        assert!(parse_strs(&["serve"]).is_err());
    }

    #[test]
    fn reads_the_connection_limits_within_their_ranges() {
        let Ok(Command::Run(options)) = parse_strs(&[
            "--header-timeout",
            "2",
            "--body-timeout=30",
            "--send-timeout",
            "5",
            "--max-connections",
            "16",
        ]) else {
            panic!("the limits are read");
        };
        assert_eq!(
            options.limits,
            Limits {
                header_timeout: Duration::from_secs(2),
                body_timeout: Duration::from_secs(30),
                send_timeout: Duration::from_secs(5),
                max_connections: 16,
            }
        );
        for (arguments, message) in [
            (
                ["--header-timeout", "0"],
                "--header-timeout takes a whole number from 1 to 3600",
            ),
            (
                ["--body-timeout", "3601"],
                "--body-timeout takes a whole number from 1 to 3600",
            ),
            (
                ["--body-timeout", "1.5"],
                "--body-timeout takes a whole number from 1 to 3600",
            ),
            (
                ["--max-connections", "-1"],
                "--max-connections takes a whole number from 1 to 1000000",
            ),
        ] {
            assert_eq!(parse_strs(&arguments), Err(message.to_string()));
        }
    }
}
