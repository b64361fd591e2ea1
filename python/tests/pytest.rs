//! The Python package's pytest suite (`python/tests/test_*.py`), run by
//! `cargo test` as a user would meet the package: `pip install ./python`
//! into a virtual environment, then pytest there.
//!
//! The virtual environment lives in cargo's target directory
//! (`<target>/<profile>/python-venv`) and is kept between runs while the
//! Python and `pyproject.toml` it was made for are the same; the package
//! itself is rebuilt (maturin calls cargo, which rebuilds only what
//! changed, in the same profile as this test) and reinstalled on every run.
//! Making the environment needs PyPI (maturin and pytest). The first
//! install into a new environment is a user's `pip install ./python`, the
//! build backend fetched into pip's isolated build environment; later ones
//! use the maturin installed in the environment, whose path stays the
//! same, so that cargo does not build everything again.
//!
//! It needs `python3` (3.9 or later) with its `venv` module (Debian:
//! `python3-venv`). Without them the test says it was skipped and passes,
//! except when the `CI` variable is set: then it fails. `SGR_PYTHON` names
//! another interpreter.

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root (`python/..`).
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("python/ is in the repository")
}

/// Where this test keeps its environment: beside its own executable's
/// directory, in `<target>/<profile>/`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows where it is");
    exe.parent()
        .and_then(Path::parent)
        .expect("the test runs from <target>/<profile>/deps")
        .to_path_buf()
}

/// Cargo's target directory, the parent of the profile's.
fn target_dir() -> PathBuf {
    profile_dir()
        .parent()
        .expect("the profile's directory is in the target directory")
        .to_path_buf()
}

/// Says why the test cannot run: a skip, said on stderr past cargo's
/// capture, or a failure in CI.
fn unavailable(reason: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{reason}: CI needs it");
    }
    // Written to the process's stderr rather than through eprintln!, which
    // the test harness would capture and hide on success.
    let _ = writeln!(
        std::io::stderr(),
        "skipped: python/tests/pytest.rs: {reason}"
    );
}

/// Runs a command to its end, its output kept.
fn run(command: &mut Command) -> std::io::Result<Output> {
    command.output()
}

/// Fails with a command's output when it did not succeed.
fn check(what: &str, output: Output) {
    assert!(
        output.status.success(),
        "{what} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The interpreter inside a virtual environment.
fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

/// `pip install`, quietly, with an environment's interpreter.
fn pip_install(venv_python: &Path) -> Command {
    let mut command = Command::new(venv_python);
    command.args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]);
    command
}

/// What the environment holds besides the package and its build backend:
/// pip 21.3 or later (which builds a local project in place, where its
/// path dependency on the Rust crate, `..`, is found), pytest, and mypy
/// (whose stubtest checks the type stubs against the module).
const TOOLS: [&str; 3] = ["pip>=21.3", "pytest", "mypy"];

/// What the environment was made from: the interpreter's version, the
/// tools and `pyproject.toml` (whose build requirements pip reads).
fn venv_key(python: &OsString) -> Option<String> {
    let version = run(Command::new(python).args(["-c", "import sys; print(sys.version)"])).ok()?;
    let pyproject = fs::read_to_string(root().join("python/pyproject.toml")).ok()?;
    Some(format!(
        "{}\n{TOOLS:?}\n{pyproject}",
        String::from_utf8_lossy(&version.stdout).trim()
    ))
}

/// The build requirements of `pyproject.toml`: `requires = ["...", ...]`.
fn build_requirements(pyproject: &str) -> Vec<String> {
    let line = pyproject
        .lines()
        .find(|line| line.trim_start().starts_with("requires"))
        .expect("pyproject.toml names its build requirements");
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// A virtual environment, and whether it was made just now.
struct Environment {
    venv: PathBuf,
    new: bool,
}

/// The virtual environment with pytest and the build backend, made anew
/// when its key changed; `None` (said why) when this machine cannot make
/// one.
fn environment(python: &OsString) -> Option<Environment> {
    let venv = profile_dir().join("python-venv");
    let stamp = venv.join("safeguarding-resolution.key");
    let Some(key) = venv_key(python) else {
        unavailable("python3's version cannot be read");
        return None;
    };
    if fs::read_to_string(&stamp).is_ok_and(|made| made == key) && venv_python(&venv).exists() {
        return Some(Environment { venv, new: false });
    }
    let _ = fs::remove_dir_all(&venv);
    let made = run(Command::new(python).arg("-m").arg("venv").arg(&venv))
        .expect("python3 ran a moment ago");
    if !made.status.success() {
        unavailable(&format!(
            "{} cannot make a virtual environment (Debian: apt-get install python3-venv):\n{}",
            python.to_string_lossy(),
            String::from_utf8_lossy(&made.stderr)
        ));
        return None;
    }
    let pyproject = fs::read_to_string(root().join("python/pyproject.toml"))
        .expect("python/pyproject.toml is readable");
    check(
        "pip install (the tools and the build backend)",
        run(pip_install(&venv_python(&venv))
            .args(TOOLS)
            .args(build_requirements(&pyproject)))
        .expect("the environment's python runs"),
    );
    fs::write(&stamp, key).expect("the stamp can be written");
    Some(Environment { venv, new: true })
}

#[test]
fn the_python_package_passes_its_pytest_suite() {
    let python = std::env::var_os("SGR_PYTHON").unwrap_or_else(|| "python3".into());
    let supported = run(Command::new(&python).args([
        "-c",
        "import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)",
    ]));
    match supported {
        Ok(output) if output.status.success() => {}
        Ok(_) => {
            return unavailable(&format!(
                "{} is older than Python 3.9",
                python.to_string_lossy()
            ));
        }
        Err(e) => {
            return unavailable(&format!("{} cannot be run ({e})", python.to_string_lossy()));
        }
    }
    let Some(environment) = environment(&python) else {
        return;
    };
    let venv_python = venv_python(&environment.venv);

    // With pip and maturin (the build backend of pyproject.toml), in the
    // profile this test was built in.
    let profile = if cfg!(debug_assertions) {
        "dev"
    } else {
        "release"
    };
    let mut install = pip_install(&venv_python);
    install
        .args(["--force-reinstall", "--no-deps"])
        .env("MATURIN_PEP517_ARGS", format!("--profile {profile}"))
        // A target directory of its own: maturin builds PyO3 for the
        // interpreter (PYO3_CONFIG_FILE), cargo test without it, and in
        // one directory each would build it again after the other.
        .env("CARGO_TARGET_DIR", target_dir().join("python-package"));
    if !environment.new {
        // The environment's own maturin, on the PATH as in an activated
        // environment.
        let bin = venv_python.parent().expect("the interpreter is in bin/");
        let path = std::env::var_os("PATH").unwrap_or_default();
        let path = std::env::join_paths(
            std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&path)),
        )
        .expect("the PATH can be joined");
        install.arg("--no-build-isolation").env("PATH", path);
    }
    check(
        "pip install ./python",
        run(install.arg(root().join("python"))).expect("the environment's python runs"),
    );

    // From the repository's root, so that the package imported is the one
    // installed, never the source directory python/safeguarding_resolution.
    let output = run(Command::new(&venv_python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(root().join("python/tests"))
        .current_dir(root()))
    .expect("the environment's python runs");
    // Shown with --nocapture, and on failure.
    println!("{}", String::from_utf8_lossy(&output.stdout));
    check("pytest python/tests", output);
}
