//! The native module of the Python package `safeguarding_resolution`
//! (CONTRACT section 13): the library's JSON face, its engine and its
//! working-day calendar, for Python.
//!
//! A face adds transport, not meaning: every answer is the document the
//! Rust crate's `evaluate_json`, `validate_json`, `sweep_json` and
//! `policy_definition_json` write, read into Python objects with Python's
//! own `json` module; a request given as a `dict` is written to JSON the
//! same way. An error document is raised as `safeguarding_resolution.Error`
//! with the document on it. The library's work runs with the GIL released,
//! so other Python threads go on meanwhile.
//!
//! The Python side of the package (`python/safeguarding_resolution/`)
//! re-exports this module and holds the type stubs; `docs/python.md`
//! describes the package.

use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::NaiveDate;
use pyo3::exceptions::{PyException, PyRecursionError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyList, PyString};
use safeguarding_resolution::calendar::{Division, ErrorKind, HOLIDAY_DATA_VERSION};
use safeguarding_resolution::engine::Snapshot;
use safeguarding_resolution::error_document;

pyo3::create_exception!(
    safeguarding_resolution,
    Error,
    PyException,
    "An error document of the library, raised.\n\n\
     `code` is the contract's error code (`invalid_json`, `unknown_policy`,\n\
     `invalid_field`, `invalid_transition`, `out_of_calendar_range`,\n\
     `invalid_policy`, `invalid_holidays`, `limit_exceeded`, ...), `message`\n\
     its words (never a value the caller sent), `document` the whole error\n\
     document as a dict (`{\"error\": {...}}`), `problems` the list of problems\n\
     it carries (each with its `path`; empty when none) and `event_index` the\n\
     index of the event to blame, or None."
);

/// The JSON text of a request: a `str` as it is, a `dict` written by
/// Python's `json` module (compact, non-ASCII kept, so that the library's
/// size limits count what was given).
///
/// # Errors
///
/// `TypeError` for any other type, or a dict holding a value JSON cannot
/// hold (a `datetime.date`, a set, a NaN, a circular reference);
/// `Error` (`invalid_json`) for a text that is not Unicode (a lone
/// surrogate), and (`limit_exceeded`) for a dict nested too deeply to
/// write.
fn request_text(value: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    let py = value.py();
    if let Ok(text) = value.cast::<PyString>() {
        return unicode(text, name);
    }
    if !value.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected a dict or a JSON str, not {}",
            type_name(value)
        )));
    }
    static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let dumps = DUMPS.import(py, "json", "dumps")?;
    let options = PyDict::new(py);
    options.set_item("ensure_ascii", false)?;
    options.set_item("allow_nan", false)?;
    options.set_item("separators", (",", ":"))?;
    match dumps.call((value,), Some(&options)) {
        Ok(text) => unicode(text.cast::<PyString>()?, name),
        Err(error) if error.is_instance_of::<PyRecursionError>(py) => Err(raised(
            py,
            &error_document(
                "limit_exceeded",
                &format!(
                    "{name}: nested too deeply to be written as JSON (the library reads at most {} levels)",
                    safeguarding_resolution::limits::MAX_DEPTH
                ),
            ),
        )),
        Err(error) if error.is_instance_of::<PyValueError>(py) => {
            Err(PyTypeError::new_err(format!(
                "{name}: cannot be written as JSON (a float that is NaN or infinite, or a circular reference)"
            )))
        }
        Err(error) => Err(error),
    }
}

/// A Python `str` as Rust text.
///
/// # Errors
///
/// `Error` (`invalid_json`) when it holds a lone surrogate, which no UTF-8
/// text (and so no JSON text) can.
fn unicode(text: &Bound<'_, PyString>, name: &str) -> PyResult<String> {
    match text.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(_) => Err(raised(
            text.py(),
            &error_document(
                "invalid_json",
                &format!("{name}: not Unicode text (it holds a lone surrogate)"),
            ),
        )),
    }
}

/// The name of a value's type, for a `TypeError` (never the value).
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "another type".to_string())
}

/// Runs the library's work with the GIL released. A panic (a bug: the
/// library answers every input) becomes an `internal` error document
/// rather than a `PanicException`.
fn work(py: Python<'_>, job: impl FnOnce() -> String + Send) -> String {
    py.detach(|| {
        catch_unwind(AssertUnwindSafe(job)).unwrap_or_else(|_| {
            error_document(
                "internal",
                "the library failed unexpectedly; this is a bug, please report it",
            )
        })
    })
}

/// A document the library wrote, as Python objects; an error document
/// (`{"error": {...}}`) is raised as [`Error`].
fn answer(py: Python<'_>, document: &str) -> PyResult<Py<PyAny>> {
    let value = loads(py, document)?;
    match value.cast::<PyDict>() {
        Ok(dict) if dict.len() == 1 && dict.contains("error")? => Err(error_from(dict)?),
        _ => Ok(value.unbind()),
    }
}

/// Reads a document of the library with Python's `json` module.
fn loads<'py>(py: Python<'py>, document: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((document,))
}

/// The [`Error`] for an error document the library wrote.
fn raised(py: Python<'_>, document: &str) -> PyErr {
    match loads(py, document).and_then(|value| Ok(value.cast_into::<PyDict>()?)) {
        Ok(dict) => error_from(&dict).unwrap_or_else(|error| error),
        Err(error) => error,
    }
}

/// The [`Error`] carrying an error document: `code`, `message`,
/// `document`, `problems` and `event_index` set on the instance, and
/// `"code: message"` as its text.
fn error_from(document: &Bound<'_, PyDict>) -> PyResult<PyErr> {
    let py = document.py();
    let error = document
        .get_item("error")?
        .ok_or_else(|| PyTypeError::new_err("not an error document"))?;
    let code = error.get_item("code")?;
    let message = error.get_item("message")?;
    let problems = match error.cast::<PyDict>()?.get_item("problems")? {
        Some(problems) => problems,
        None => PyList::empty(py).into_any(),
    };
    let event_index = error
        .cast::<PyDict>()?
        .get_item("event_index")?
        .unwrap_or_else(|| py.None().into_bound(py));
    let raised = Error::new_err(format!("{code}: {message}"));
    let instance = raised.value(py);
    instance.setattr("code", code)?;
    instance.setattr("message", message)?;
    instance.setattr("document", document)?;
    instance.setattr("problems", problems)?;
    instance.setattr("event_index", event_index)?;
    Ok(raised)
}

/// A date argument: a `datetime.date`, and not a `datetime.datetime`
/// (whose time would be dropped without a word).
fn date_arg(value: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    if value.is_instance_of::<PyDateTime>() {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected a datetime.date, not a datetime.datetime (call .date() on it)"
        )));
    }
    if !value.is_instance_of::<PyDate>() {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected a datetime.date, not {}",
            type_name(value)
        )));
    }
    value.extract()
}

/// A number of working days: an integer from 0 (an `int`, or any integer
/// type with `__index__`, such as numpy's; not a `bool`); a larger one than
/// any date the calendar holds is out of its range.
fn working_days_arg(value: &Bound<'_, PyAny>) -> PyResult<u32> {
    let py = value.py();
    static INDEX: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let index = if value.is_instance_of::<PyBool>() {
        None
    } else {
        INDEX.import(py, "operator", "index")?.call1((value,)).ok()
    };
    let Some(n) = index else {
        return Err(PyTypeError::new_err(format!(
            "n: expected an int, not {}",
            type_name(value)
        )));
    };
    if n.lt(0)? {
        return Err(raised(
            py,
            &error_document(
                "invalid_field",
                "n: expected a whole number of working days, 0 or more",
            ),
        ));
    }
    n.extract::<u32>().map_err(|_| {
        raised(
            py,
            &error_document(
                "out_of_calendar_range",
                "n: more working days than the calendar covers",
            ),
        )
    })
}

/// A division's name: `england-and-wales`, `scotland` or
/// `northern-ireland` (the calendars of the contract's requests).
fn division_arg(value: &Bound<'_, PyAny>) -> PyResult<Division> {
    let Ok(name) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "division: expected a str, not {}",
            type_name(value)
        )));
    };
    name.to_cow()
        .ok()
        .and_then(|name| name.parse::<Division>().ok())
        .ok_or_else(|| {
            raised(
                value.py(),
                &error_document(
                    "unknown_calendar",
                    "division: not a known calendar; known: england-and-wales, scotland, northern-ireland",
                ),
            )
        })
}

/// A policy id argument, as text (one that is not Unicode is no policy's
/// id, and is refused as unknown by the library).
fn id_arg(value: &Bound<'_, PyAny>) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(id) => Ok(id.to_string_lossy().into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "policy_id: expected a str, not {}",
            type_name(value)
        ))),
    }
}

/// A calendar's refusal as the contract's error: `out_of_calendar_range`,
/// naming the argument to blame when it was one given.
fn calendar_error(
    py: Python<'_>,
    error: &safeguarding_resolution::calendar::Error,
    arguments: &[(&str, NaiveDate)],
) -> PyErr {
    let code = if error.is_out_of_range() {
        "out_of_calendar_range"
    } else {
        "internal"
    };
    let place = match error.kind() {
        ErrorKind::OutOfRange { date, .. } => arguments
            .iter()
            .find(|(_, given)| given == date)
            .map(|(name, _)| *name),
        ErrorKind::ResultOutOfRange { .. } => Some("n"),
        _ => None,
    };
    let message = match place {
        Some(place) => format!("{place}: {error}"),
        None => error.to_string(),
    };
    raised(py, &error_document(code, &message))
}

/// `add_working_days` on a snapshot's calendars (a default snapshot holds
/// the embedded ones).
fn add_working_days_on(
    calendars: &Snapshot,
    date: &Bound<'_, PyAny>,
    n: &Bound<'_, PyAny>,
    division: &Bound<'_, PyAny>,
) -> PyResult<NaiveDate> {
    let py = date.py();
    let (date, n, division) = (
        date_arg(date, "date")?,
        working_days_arg(n)?,
        division_arg(division)?,
    );
    calendars
        .calendar(division)
        .add_working_days(date, n)
        .map_err(|error| calendar_error(py, &error, &[("date", date)]))
}

/// `working_days_between` on a snapshot's calendars.
fn working_days_between_on(
    calendars: &Snapshot,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    division: &Bound<'_, PyAny>,
) -> PyResult<i64> {
    let py = a.py();
    let (a, b, division) = (
        date_arg(a, "a")?,
        date_arg(b, "b")?,
        division_arg(division)?,
    );
    calendars
        .calendar(division)
        .working_days_between(a, b)
        .map_err(|error| calendar_error(py, &error, &[("a", a), ("b", b)]))
}

/// `is_working_day` on a snapshot's calendars.
fn is_working_day_on(
    calendars: &Snapshot,
    date: &Bound<'_, PyAny>,
    division: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    let py = date.py();
    let (date, division) = (date_arg(date, "date")?, division_arg(division)?);
    calendars
        .calendar(division)
        .is_working_day(date)
        .map_err(|error| calendar_error(py, &error, &[("date", date)]))
}

/// Evaluates a case (`docs/json.md`) on the embedded
/// calendars and the built-in policies.
///
/// `request` is a dict, or its JSON text: `{"policy": ..., "calendar": ...,
/// "as_of": "YYYY-MM-DD", "events": [...]}`; dates stay strings, as in the
/// JSON. Returns the response document as a dict (the same document
/// `evaluate_json` writes).
///
/// Raises `Error` with the error document when the request is refused
/// (`invalid_field`, `invalid_transition`, `unknown_policy`, ...), and
/// `TypeError` when `request` is neither a dict nor a str (or holds a
/// value JSON cannot). The GIL is released while the case is evaluated.
#[pyfunction]
fn evaluate(py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = request_text(request, "request")?;
    answer(
        py,
        &work(py, || safeguarding_resolution::evaluate_json(&text)),
    )
}

/// Validates a form (`docs/forms/`): `{"form": "<form id>", "data":
/// {...}}` as a dict or JSON text.
///
/// Returns `{"valid": bool, "problems": [...], "warnings": [...]}`: a form
/// with problems is an answer, not an error. Raises `Error` only when the
/// request itself is refused (not JSON, an unknown form, a limit), and
/// `TypeError` for a wrong argument type. The GIL is released meanwhile.
#[pyfunction]
fn validate(py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = request_text(request, "request")?;
    answer(
        py,
        &work(py, || safeguarding_resolution::validate_json(&text)),
    )
}

/// Sweeps many cases into a work tray and the partnership's figures
/// (`docs/json.md`, "The work tray"): `{"as_of": ..., "calendar": ...,
/// "within_working_days": n, "cases": [{"id": ..., "policy": ..., "events":
/// [...]}, ...]}` as a dict or JSON text.
///
/// Returns `{"as_of", "within_working_days", "items", "errors",
/// "summary"}`: every deadline overdue or due within n working days,
/// soonest first; each case that could not be evaluated, with its own
/// error document; and the figures (cases by state, the stage at which
/// they concluded, within time, mean working days to the end, serious
/// incidents, referrals). Raises `Error` only when the request as a whole
/// is refused, and `TypeError` for a wrong argument type. The GIL is
/// released while the cases are evaluated.
#[pyfunction]
fn sweep(py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = request_text(request, "request")?;
    answer(py, &work(py, || safeguarding_resolution::sweep_json(&text)))
}

/// A built-in policy as its definition document (`docs/policy-format.md`), a
/// dict: given in place of the id in a request, it answers the same.
///
/// Raises `Error` (`unknown_policy`) for an id the library does not
/// define, and `TypeError` when `policy_id` is not a str.
#[pyfunction]
fn policy_definition(py: Python<'_>, policy_id: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let id = id_arg(policy_id)?;
    answer(
        py,
        &work(py, || safeguarding_resolution::policy_definition_json(&id)),
    )
}

/// The n-th working day strictly after `date` (a `datetime.date`), or
/// `date` itself when n is 0, on the embedded calendar of `division`
/// (`"england-and-wales"`, `"scotland"` or `"northern-ireland"`).
///
/// "Within 2 working days of Monday 21 December 2026" is
/// `add_working_days(date(2026, 12, 21), 2) == date(2026, 12, 23)`.
///
/// Raises `Error`: `out_of_calendar_range` when the date or the answer is
/// outside the calendar (1990 to 2100), `unknown_calendar` for another
/// division, `invalid_field` for a negative n; `TypeError` for a wrong
/// argument type (a `datetime.datetime` included).
#[pyfunction]
#[pyo3(signature = (date, n, division = None), text_signature = "(date, n, division='england-and-wales')")]
fn add_working_days(
    date: &Bound<'_, PyAny>,
    n: &Bound<'_, PyAny>,
    division: Option<&Bound<'_, PyAny>>,
) -> PyResult<NaiveDate> {
    add_working_days_on(
        &Snapshot::default(),
        date,
        n,
        &or_default(date.py(), division),
    )
}

/// The number of working days in `(a, b]`, negative when `b` is before
/// `a`, on the embedded calendar of `division`: for every date `d` and
/// `n >= 1`, `working_days_between(d, add_working_days(d, n)) == n`.
///
/// Raises `Error` (`out_of_calendar_range`, `unknown_calendar`) and
/// `TypeError` as `add_working_days` does.
#[pyfunction]
#[pyo3(signature = (a, b, division = None), text_signature = "(a, b, division='england-and-wales')")]
fn working_days_between(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    division: Option<&Bound<'_, PyAny>>,
) -> PyResult<i64> {
    working_days_between_on(&Snapshot::default(), a, b, &or_default(a.py(), division))
}

/// Whether `date` is a working day of `division`: Monday to Friday and
/// not one of its bank holidays (embedded calendar).
///
/// Raises `Error` (`out_of_calendar_range`, `unknown_calendar`) and
/// `TypeError` as `add_working_days` does.
#[pyfunction]
#[pyo3(signature = (date, division = None), text_signature = "(date, division='england-and-wales')")]
fn is_working_day(date: &Bound<'_, PyAny>, division: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    is_working_day_on(&Snapshot::default(), date, &or_default(date.py(), division))
}

/// The division argument, `"england-and-wales"` when not given.
fn or_default<'py>(py: Python<'py>, division: Option<&Bound<'py, PyAny>>) -> Bound<'py, PyAny> {
    match division {
        Some(division) => division.clone(),
        None => PyString::new(py, Division::EnglandAndWales.as_str()).into_any(),
    }
}

/// An engine: the library's calendars and policies, with bank holidays
/// and policies of the caller's own loaded at run time (`docs/json.md`,
/// "An engine").
///
/// `Engine()` holds the embedded calendars and the built-in policies, and
/// answers exactly as the module's functions do. `load_holidays` replaces
/// the bank holidays from a GOV.UK `bank-holidays.json` document;
/// `add_policy` adds a partnership's policy definition, named thereafter by
/// its id in requests. On a refusal (`Error`) the engine is unchanged.
///
/// One engine may be shared by any number of threads: every call may run
/// beside every other, and an evaluation sees the engine before a load or
/// after it, never a mix. The GIL is released while the library works.
#[pyclass(frozen, module = "safeguarding_resolution", name = "Engine")]
struct Engine {
    /// The library's engine: every call takes it shared; a load or an add
    /// replaces what it holds whole.
    engine: safeguarding_resolution::Engine,
}

#[pymethods]
impl Engine {
    /// An engine on the embedded calendars, with the built-in policies.
    #[new]
    fn new() -> Engine {
        Engine {
            engine: safeguarding_resolution::Engine::new(),
        }
    }

    /// Replaces the bank holidays of all three divisions with those of a
    /// GOV.UK `bank-holidays.json` document (a dict, or its JSON text):
    /// the years it spans are official, the others from 1990 to 2100
    /// projected from the statutory rules.
    ///
    /// Raises `Error` (`invalid_holidays`, its message naming the place in
    /// the document, never a value) when the document is refused; the
    /// engine is then unchanged. `TypeError` for a wrong argument type.
    fn load_holidays(&self, py: Python<'_>, govuk: &Bound<'_, PyAny>) -> PyResult<()> {
        let text = request_text(govuk, "govuk")?;
        let outcome = work(py, || match self.engine.load_holidays(&text) {
            Ok(()) => "null".to_string(),
            Err(error) => {
                let message = match error.kind() {
                    ErrorKind::InvalidDocument { path, problem } => format!("{path}: {problem}"),
                    _ => error.to_string(),
                };
                error_document("invalid_holidays", &message)
            }
        });
        answer(py, &outcome).map(drop)
    }

    /// Adds a policy definition (`docs/policy-format.md`; a dict or its JSON
    /// text); requests on this engine name it thereafter by its `id`. A
    /// definition with the id of one added before replaces it.
    ///
    /// Raises `Error` (`invalid_policy`) with every problem in `.problems`
    /// (each with its `path` in the definition) when it is refused; the
    /// engine is then unchanged. `TypeError` for a wrong argument type.
    fn add_policy(&self, py: Python<'_>, definition: &Bound<'_, PyAny>) -> PyResult<()> {
        let text = request_text(definition, "definition")?;
        let outcome = work(py, || match self.engine.add_policy_json(&text) {
            Ok(()) => "null".to_string(),
            Err(error) => error.to_json(),
        });
        answer(py, &outcome).map(drop)
    }

    /// As the module's `evaluate`, on this engine's bank holidays and
    /// policies.
    fn evaluate(&self, py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let text = request_text(request, "request")?;
        answer(py, &work(py, || self.engine.evaluate_json(&text)))
    }

    /// As the module's `validate`, on this engine's bank holidays.
    fn validate(&self, py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let text = request_text(request, "request")?;
        answer(py, &work(py, || self.engine.validate_json(&text)))
    }

    /// As the module's `sweep`, on this engine's bank holidays and
    /// policies: every case on the engine as it stood when the call began.
    fn sweep(&self, py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let text = request_text(request, "request")?;
        answer(py, &work(py, || self.engine.sweep_json(&text)))
    }

    /// A policy this engine holds (built-in or added) as its definition
    /// document, a dict. Raises `Error` (`unknown_policy`) for another id.
    fn policy_definition(
        &self,
        py: Python<'_>,
        policy_id: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        let id = id_arg(policy_id)?;
        answer(py, &work(py, || self.engine.policy_definition_json(&id)))
    }

    /// The ids of the escalation policies this engine holds: the built-in
    /// ones, then those added, in the order added.
    fn policy_ids(&self) -> Vec<String> {
        self.engine.policy_ids()
    }

    /// As the module's `add_working_days`, on this engine's bank holidays.
    #[pyo3(signature = (date, n, division = None), text_signature = "($self, date, n, division='england-and-wales')")]
    fn add_working_days(
        &self,
        date: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
        division: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NaiveDate> {
        add_working_days_on(
            &self.engine.snapshot(),
            date,
            n,
            &or_default(date.py(), division),
        )
    }

    /// As the module's `working_days_between`, on this engine's bank
    /// holidays.
    #[pyo3(signature = (a, b, division = None), text_signature = "($self, a, b, division='england-and-wales')")]
    fn working_days_between(
        &self,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
        division: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<i64> {
        working_days_between_on(&self.engine.snapshot(), a, b, &or_default(a.py(), division))
    }

    /// As the module's `is_working_day`, on this engine's bank holidays.
    #[pyo3(signature = (date, division = None), text_signature = "($self, date, division='england-and-wales')")]
    fn is_working_day(
        &self,
        date: &Bound<'_, PyAny>,
        division: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        is_working_day_on(
            &self.engine.snapshot(),
            date,
            &or_default(date.py(), division),
        )
    }

    /// Says whether the engine runs on loaded bank holidays and how many
    /// policies were added (never their contents).
    fn __repr__(&self) -> String {
        let engine = self.engine.snapshot();
        let holidays = if engine.has_loaded_holidays() {
            "loaded"
        } else {
            "embedded"
        };
        let added = engine
            .policy_ids()
            .len()
            .saturating_sub(safeguarding_resolution::policy::PolicyId::ALL.len());
        format!(
            "<safeguarding_resolution.Engine: {holidays} bank holidays, {added} policies added>"
        )
    }
}

/// The native module `safeguarding_resolution._native`; the package
/// `safeguarding_resolution` re-exports it.
#[pymodule]
#[pyo3(name = "_native")]
fn native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("Error", py.get_type::<Error>())?;
    module.add_class::<Engine>()?;
    module.add_function(wrap_pyfunction!(evaluate, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(sweep, module)?)?;
    module.add_function(wrap_pyfunction!(policy_definition, module)?)?;
    module.add_function(wrap_pyfunction!(add_working_days, module)?)?;
    module.add_function(wrap_pyfunction!(working_days_between, module)?)?;
    module.add_function(wrap_pyfunction!(is_working_day, module)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("HOLIDAY_DATA_VERSION", HOLIDAY_DATA_VERSION)?;
    Ok(())
}
