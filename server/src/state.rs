//! What the service serves: an [`Engine`] with the policies and bank
//! holidays of its files, loaded all or nothing and swapped whole.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;
use safeguarding_resolution::Engine;
use safeguarding_resolution::calendar::{ErrorKind, HOLIDAY_DATA_VERSION};
use safeguarding_resolution::policy::Policy;

/// Where the service's policies and holidays come from (`--policies`,
/// `--holidays`); read at start and again on every reload.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// A directory whose `*.json` files are policy definitions.
    pub policies: Option<PathBuf>,
    /// A GOV.UK `bank-holidays.json` document.
    pub holidays: Option<PathBuf>,
}

/// One problem with a file: the file, the place in it (a definition's
/// path such as `stages[2].clock.days`) and what was wrong. Like the
/// library's messages, it names places and never repeats a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (or directory) as the command line named it.
    pub file: String,
    /// The place in the file, when there is one.
    pub path: Option<String>,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {}: {}", self.file, path, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl Problem {
    fn new(file: &Path, path: Option<String>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.display().to_string(),
            path,
            message: message.into(),
        }
    }
}

/// Where a listed policy comes from: `"built-in"` for the library's own,
/// else the name of the file in `--policies` that defines it.
pub const BUILT_IN: &str = "built-in";

/// One policy the service runs, as `GET /v1/policies` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The policy's id, as requests name it.
    pub id: String,
    /// Its name.
    pub name: String,
    /// [`BUILT_IN`], or the file name of its definition.
    pub source: String,
}

/// A loaded state: the engine and what the service says about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The engine every request is answered by.
    pub engine: Engine,
    /// The policies it runs: built-in first, then the loaded ones by file
    /// name.
    pub policies: Vec<Listed>,
    /// `embedded-<date of the embedded data>`, or `loaded-<hash>` for a
    /// `--holidays` file: 16 hexadecimal digits of the FNV-1a hash of its
    /// bytes, which change whenever the file does.
    pub holidays_version: String,
    /// `GET /v1/policies`, written once.
    pub(crate) policies_document: String,
    /// The definitions loaded from files, by id: each file's text as its
    /// author wrote it.
    pub(crate) definitions: HashMap<String, String>,
}

impl Loaded {
    /// `GET /v1/policies/{id}`: a loaded policy's definition as its file
    /// has it (an author reads back what they wrote), a built-in one as
    /// the library ships it, else the library's `unknown_policy` document.
    pub fn definition(&self, id: &str) -> String {
        match self.definitions.get(id) {
            Some(text) => text.clone(),
            None => self.engine.policy_definition_json(id),
        }
    }

    /// Loads every source, or says every problem with every file.
    ///
    /// # Errors
    ///
    /// Each problem: a file or directory that cannot be read, a bank-holiday
    /// document the library refuses, every problem of every definition the
    /// library refuses, and a policy id defined by two files.
    pub fn load(sources: &Sources) -> Result<Loaded, Vec<Problem>> {
        let mut engine = Engine::new();
        let mut problems = Vec::new();
        let mut holidays_version = format!("embedded-{HOLIDAY_DATA_VERSION}");
        if let Some(file) = &sources.holidays {
            match std::fs::read(file) {
                Err(e) => problems.push(Problem::new(file, None, format!("cannot be read: {e}"))),
                Ok(bytes) => match std::str::from_utf8(&bytes) {
                    Err(_) => problems.push(Problem::new(file, None, "is not UTF-8 text")),
                    Ok(text) => match engine.load_holidays(text) {
                        Ok(()) => holidays_version = format!("loaded-{:016x}", fnv1a(&bytes)),
                        // The library names the document's path
                        // (`scotland.events[3].date`), not its values.
                        Err(e) => problems.push(match e.kind() {
                            ErrorKind::InvalidDocument { path, problem } => {
                                Problem::new(file, Some(path.clone()), problem.clone())
                            }
                            _ => Problem::new(file, None, e.to_string()),
                        }),
                    },
                },
            }
        }
        let mut loaded: Vec<Listed> = Vec::new();
        let mut definitions = HashMap::new();
        if let Some(directory) = &sources.policies {
            for file in definition_files(directory, &mut problems) {
                let source = file
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let text = match std::fs::read_to_string(&file) {
                    Ok(text) => text,
                    Err(e) => {
                        problems.push(Problem::new(&file, None, format!("cannot be read: {e}")));
                        continue;
                    }
                };
                // As `Engine::add_policy_json`, with the policy's id and
                // name kept for the listing before it goes into the engine.
                let added = Policy::from_definition_json(&text).and_then(|policy| {
                    let listed = Listed {
                        id: policy.id.to_string(),
                        name: policy.name.to_string(),
                        source,
                    };
                    if let Some(earlier) = loaded.iter().find(|l| l.id == listed.id) {
                        let problem = format!("the id of the policy in {} too", earlier.source);
                        return Ok(Err(Problem::new(&file, Some("id".to_string()), problem)));
                    }
                    engine.add_policy(policy).map(|()| Ok(listed))
                });
                match added {
                    Ok(Ok(listed)) => {
                        definitions.insert(listed.id.clone(), text);
                        loaded.push(listed);
                    }
                    Ok(Err(duplicate)) => problems.push(duplicate),
                    Err(refused) => {
                        problems.extend(
                            refused.problems().iter().map(|p| {
                                Problem::new(&file, Some(p.path.clone()), p.message.clone())
                            }),
                        );
                        if refused.more() > 0 {
                            problems.push(Problem::new(
                                &file,
                                None,
                                format!("and {} more problems", refused.more()),
                            ));
                        }
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut policies: Vec<Listed> = engine
            .policy_ids()
            .into_iter()
            .filter(|id| !loaded.iter().any(|l| l.id == *id))
            .filter_map(|id| engine.policy(id))
            .map(|policy| Listed {
                id: policy.id.to_string(),
                name: policy.name.to_string(),
                source: BUILT_IN.to_string(),
            })
            .collect();
        policies.extend(loaded);
        let policies_document = serde_json::json!({
            "policies": policies
                .iter()
                .map(|p| serde_json::json!({"id": p.id, "name": p.name, "source": p.source}))
                .collect::<Vec<_>>()
        })
        .to_string();
        Ok(Loaded {
            engine,
            policies,
            holidays_version,
            policies_document,
            definitions,
        })
    }
}

/// The `*.json` files of a directory, by name; a directory that cannot be
/// read is a problem.
fn definition_files(directory: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem::new(
                directory,
                None,
                format!("cannot be read as a directory: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "json") && path.is_file() {
                    files.push(path);
                }
            }
            Err(e) => problems.push(Problem::new(
                directory,
                None,
                format!("cannot be listed: {e}"),
            )),
        }
    }
    files.sort();
    files
}

/// FNV-1a, 64 bits: a fingerprint of the holiday file for
/// [`Loaded::holidays_version`], not a security measure.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The state every request reads: swapped whole on reload, never locked.
#[derive(Debug, Clone)]
pub struct Service {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    current: ArcSwap<Loaded>,
    sources: Sources,
}

impl Service {
    /// Loads the sources for a new service.
    ///
    /// # Errors
    ///
    /// Every problem of [`Loaded::load`].
    pub fn start(sources: Sources) -> Result<Service, Vec<Problem>> {
        let loaded = Loaded::load(&sources)?;
        Ok(Service {
            inner: Arc::new(Inner {
                current: ArcSwap::from_pointee(loaded),
                sources,
            }),
        })
    }

    /// The state now in force. A request holds it for its whole answer, so
    /// a reload beside it is seen by the next request, never half-way.
    pub fn current(&self) -> Arc<Loaded> {
        self.inner.current.load_full()
    }

    /// Loads the sources again and puts them in force, all or nothing
    /// (file I/O: call it off the async workers).
    ///
    /// # Errors
    ///
    /// Every problem of [`Loaded::load`]; the state in force is then kept.
    pub fn reload(&self) -> Result<Arc<Loaded>, Vec<Problem>> {
        let loaded = Arc::new(Loaded::load(&self.inner.sources)?);
        self.inner.current.store(Arc::clone(&loaded));
        Ok(loaded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of the FNV reference (draft-eastlake-fnv).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn without_files_the_built_in_policies_on_the_embedded_data() {
        let loaded = Loaded::load(&Sources::default()).unwrap();
        assert_eq!(loaded.holidays_version, "embedded-2026-02-04");
        let ids: Vec<&str> = loaded.policies.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "gscp-escalation-2021",
                "swindon-resolution-2026",
                "nsscp-issue-resolution-2025"
            ]
        );
        assert!(loaded.policies.iter().all(|p| p.source == BUILT_IN));
    }

    #[test]
    fn a_missing_directory_and_file_are_both_problems() {
        let problems = Loaded::load(&Sources {
            policies: Some(PathBuf::from("/nonexistent/policies")),
            holidays: Some(PathBuf::from("/nonexistent/holidays.json")),
        })
        .unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0]
                .to_string()
                .starts_with("/nonexistent/holidays.json: cannot be read")
        );
        assert!(
            problems[1]
                .to_string()
                .starts_with("/nonexistent/policies: cannot be read")
        );
    }
}
