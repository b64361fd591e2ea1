//! The C program `tests/c/ffi_test.c`, compiled with the system C compiler
//! against the committed header and this package's library (both the
//! cdylib and the staticlib), and run: it calls every function of the C
//! interface, each error path included, and fails on any wrong answer.
//!
//! The examples are run here too: `examples/c/timeline.c` compiled the same
//! way, and `examples/python/timeline.py` (ctypes), which must print the
//! same timeline; and so are `install.sh` and the packaging (the Rust crate
//! a plain rlib, this package the C library).
//!
//! `CC` chooses the compiler (default `cc`). `SGR_C_TEST_WRAPPER` runs the
//! program under a wrapper, as `.ci/run` does with valgrind:
//!
//! ```sh
//! SGR_C_TEST_WRAPPER="valgrind --leak-check=full --error-exitcode=1" \
//!     cargo test -p safeguarding-resolution-ffi --test ffi_c -- --nocapture
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use safeguarding_resolution::calendar::HOLIDAY_DATA_VERSION;

/// The C library as cargo built it: the shared and the static library.
#[derive(Debug)]
struct Library {
    shared: PathBuf,
    static_lib: PathBuf,
}

impl Library {
    /// The directory of the shared library, for `-rpath`.
    fn dir(&self) -> &Path {
        self.shared
            .parent()
            .expect("the shared library is in a directory")
    }
}

/// This package's library, built once for all the tests of this file.
///
/// A test cannot link a cdylib-only package, so `cargo test` does not build
/// it: it is built here with `cargo build` (the same cargo, target
/// directory and profile as this test; cargo holds no lock while tests
/// run), and its files are taken from cargo's own report of what it built,
/// wherever the target directory is.
fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(&cargo);
        command
            .args(["build", "--lib", "--package", env!("CARGO_PKG_NAME")])
            .arg("--message-format=json-render-diagnostics")
            .current_dir(package());
        if !cfg!(debug_assertions) {
            command.arg("--release");
        }
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("cannot run {cargo:?}: {e}"));
        assert!(
            output.status.success(),
            "cargo build of the C library failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let manifest = package().join("Cargo.toml");
        let mut files: Vec<PathBuf> = Vec::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let ours = message["reason"] == "compiler-artifact"
                && message["manifest_path"]
                    .as_str()
                    .is_some_and(|path| Path::new(path) == manifest);
            if ours {
                files.extend(
                    message["filenames"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|file| file.as_str().map(PathBuf::from)),
                );
            }
        }
        let find = |name: &str| {
            files
                .iter()
                .find(|file| file.file_name().is_some_and(|f| f == name))
                .unwrap_or_else(|| panic!("cargo built no {name}: {files:?}"))
                .clone()
        };
        Library {
            shared: find(&format!(
                "{}safeguarding_resolution{}",
                std::env::consts::DLL_PREFIX,
                std::env::consts::DLL_SUFFIX
            )),
            static_lib: find("libsafeguarding_resolution.a"),
        }
    })
}

/// Where this test puts what it builds: beside its own executable, in
/// `<target>/<profile>/deps/`.
fn work_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows where it is");
    exe.parent()
        .expect("the test runs from <target>/<profile>/deps")
        .to_path_buf()
}

/// This package's directory, `ffi/` in the repository.
fn package() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's root: the header, the examples.
fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// How to link the library, by kind.
#[derive(Debug, Clone, Copy)]
enum Link {
    Dynamic,
    Static,
}

/// Compiles `source` against the header and the library; returns the
/// program's path.
fn compile(source: &str, name: &str, link: Link) -> PathBuf {
    let library = library();
    let out_dir = work_dir().join("sgr-c-tests");
    std::fs::create_dir_all(&out_dir).unwrap();
    let program = out_dir.join(name);
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let mut cc = Command::new(&compiler);
    cc.args([
        "-std=c99",
        "-Wall",
        "-Wextra",
        "-pedantic",
        "-Werror",
        "-g",
        "-O1",
    ])
    .arg(format!(
        "-DSGR_EXPECTED_VERSION=\"{}\"",
        env!("CARGO_PKG_VERSION")
    ))
    .arg(format!(
        "-DSGR_EXPECTED_HOLIDAY_DATA_VERSION=\"{HOLIDAY_DATA_VERSION}\""
    ))
    .arg("-I")
    .arg(root().join("include"))
    .arg(root().join(source))
    .arg("-o")
    .arg(&program)
    .arg("-pthread");
    match link {
        Link::Dynamic => {
            cc.arg(&library.shared)
                .arg(format!("-Wl,-rpath,{}", library.dir().display()));
        }
        Link::Static => {
            cc.arg(&library.static_lib);
            // What `rustc --print native-static-libs` lists for the standard
            // library on these targets.
            if cfg!(target_os = "linux") {
                cc.args([
                    "-lgcc_s",
                    "-lutil",
                    "-lrt",
                    "-lpthread",
                    "-lm",
                    "-ldl",
                    "-lc",
                ]);
            } else if cfg!(target_os = "macos") {
                cc.args(["-lSystem", "-lc", "-lm"]);
            }
        }
    }
    let output = cc
        .output()
        .unwrap_or_else(|e| panic!("cannot run the C compiler {compiler:?}: {e}"));
    assert!(
        output.status.success(),
        "compiling {source} ({link:?}) failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    program
}

/// Runs a compiled program (under `SGR_C_TEST_WRAPPER` when set); returns
/// its standard output, failing with everything it printed when it fails.
fn run(program: &Path) -> String {
    let wrapper = std::env::var("SGR_C_TEST_WRAPPER").unwrap_or_default();
    let mut words = wrapper.split_whitespace();
    let mut command = match words.next() {
        Some(first) => {
            let mut command = Command::new(first);
            command.args(words).arg(program);
            command
        }
        None => Command::new(program),
    };
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program:?}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{program:?} failed ({}):\n{stdout}{stderr}",
        output.status
    );
    // Shown with --nocapture (the valgrind summary, in CI).
    print!("{stdout}");
    eprint!("{stderr}");
    stdout
}

fn check_summary(stdout: &str) {
    let summary = stdout
        .lines()
        .find(|line| line.starts_with("ffi_test: "))
        .unwrap_or_else(|| panic!("no summary line in:\n{stdout}"));
    assert!(summary.ends_with(" passed, 0 failed"), "{summary}");
    let passed: u32 = summary["ffi_test: ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // Every check ran: the program has over a hundred.
    assert!(passed >= 100, "only {passed} checks ran");
}

#[test]
fn c_program_passes_against_the_cdylib() {
    let program = compile("ffi/tests/c/ffi_test.c", "ffi_test_dynamic", Link::Dynamic);
    check_summary(&run(&program));
}

#[test]
fn c_program_passes_against_the_staticlib() {
    let program = compile("ffi/tests/c/ffi_test.c", "ffi_test_static", Link::Static);
    check_summary(&run(&program));
}

/// The lines both examples must print for their case.
const TIMELINE: [&str; 5] = [
    "Two working days after Mon 21 Dec 2026: 2026-12-23",
    "  Stage 2 (Inter-agency Discussion): Wed 23 Dec 2026 to Mon 4 Jan 2027; due by the end of \
     Mon 4 Jan 2027 [skipping Fri 25 Dec Christmas Day; Mon 28 Dec Boxing Day (substitute day); \
     Fri 1 Jan New Year’s Day]; escalated (in time).",
    "  Stage 3 (Team/Service Manager): since Mon 4 Jan 2027; due by the end of Mon 11 Jan 2027; \
     OVERDUE by 1 working day.",
    "  Status: open; next: escalated, resolved, withdrawn, immediate_risk, recorded.",
    "  invalid_transition: events[1] (decided): a decision ends only the final stage",
];

fn check_timeline(stdout: &str) {
    for line in TIMELINE {
        assert!(
            stdout.lines().any(|l| l.starts_with(line)),
            "the example did not print {line:?}:\n{stdout}"
        );
    }
}

/// `examples/c/timeline.c`, as the README builds it, compiled as `name`
/// (one name per test: tests run at the same time).
fn c_example_output(name: &str) -> String {
    let program = compile("examples/c/timeline.c", name, Link::Dynamic);
    run(&program)
}

#[test]
fn c_example_prints_the_timeline() {
    check_timeline(&c_example_output("timeline_example"));
}

/// `examples/python/timeline.py` (ctypes) prints the C example's timeline.
#[test]
fn python_example_prints_the_same_timeline() {
    let output = match Command::new("python3")
        .arg(root().join("examples/python/timeline.py"))
        .env("SGR_LIBRARY", &library().shared)
        .output()
    {
        Ok(output) => output,
        // Every machine of this project has python3; elsewhere, say so
        // rather than fail, except in CI.
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: python3 cannot be run ({e})");
            return;
        }
        Err(e) => panic!("python3 cannot be run: {e}"),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the Python example failed:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    check_timeline(&stdout);
    // The same words as the C example, after each one's first line.
    let c = c_example_output("timeline_example_for_python");
    let rest = |text: &str| text.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(rest(&stdout), rest(&c));
}

/// The header on its own is valid C99 and C++11 (its `extern "C"` guards),
/// with every warning an error.
#[test]
fn header_compiles_as_c_and_cpp() {
    let header = root().join("include/safeguarding_resolution.h");
    let c = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let cpp = std::env::var("CXX").unwrap_or_else(|_| "c++".to_string());
    for (compiler, language, standard) in [(c, "c", "-std=c99"), (cpp, "c++", "-std=c++11")] {
        let output = Command::new(&compiler)
            .args([
                standard,
                "-Wall",
                "-Wextra",
                "-pedantic",
                "-Werror",
                "-fsyntax-only",
            ])
            .args(["-x", language])
            .arg(&header)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {compiler:?}: {e}"));
        assert!(
            output.status.success(),
            "the header is not valid {language} ({standard}):\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The value of `key:` in a pkg-config file, its `${var}`s filled in from
/// the file's own variables (as pkg-config does, without needing it).
fn pc_field(pc: &str, key: &str) -> String {
    let mut vars: Vec<(String, String)> = Vec::new();
    let expand = |text: &str, vars: &[(String, String)]| {
        let mut out = text.to_string();
        for (name, value) in vars.iter().rev() {
            out = out.replace(&format!("${{{name}}}"), value);
        }
        out
    };
    for line in pc.lines() {
        if let Some((name, value)) = line.split_once('=') {
            if !name.contains(' ') && !name.contains(':') {
                let value = expand(value, &vars);
                vars.push((name.to_string(), value));
            }
        }
    }
    let line = pc
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no {key} in the pkg-config file:\n{pc}"));
    expand(line, &vars)
}

/// `ffi/install.sh` into a fresh prefix (with a target directory of its
/// own: the script builds the shared library again with its SONAME, which
/// must not replace the one the other tests link): the header, both
/// libraries, the shared one with its SONAME, and a pkg-config file whose
/// flags build the C example, which then runs from the prefix.
#[test]
#[cfg(target_os = "linux")]
fn install_script_installs_what_pkg_config_describes() {
    let work = work_dir().join("sgr-install");
    let prefix = work.join("prefix");
    let _ = std::fs::remove_dir_all(&prefix);
    let status = Command::new("sh")
        .arg(package().join("install.sh"))
        .arg(&prefix)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .status()
        .expect("sh runs");
    assert!(status.success(), "ffi/install.sh failed");
    let version = env!("CARGO_PKG_VERSION");
    for file in [
        "include/safeguarding_resolution.h".to_string(),
        "lib/libsafeguarding_resolution.a".to_string(),
        "lib/libsafeguarding_resolution.so".to_string(),
        format!("lib/libsafeguarding_resolution.so.{version}"),
    ] {
        assert!(prefix.join(&file).exists(), "{file} was not installed");
    }
    // The shared library names its SONAME (readelf comes with binutils,
    // beside the C compiler this test uses anyway).
    if let Ok(out) = Command::new("readelf")
        .arg("-d")
        .arg(prefix.join(format!("lib/libsafeguarding_resolution.so.{version}")))
        .output()
    {
        let dynamic = String::from_utf8_lossy(&out.stdout);
        assert!(
            dynamic.contains("Library soname: [libsafeguarding_resolution.so.0."),
            "{dynamic}"
        );
    }
    let pc = std::fs::read_to_string(prefix.join("lib/pkgconfig/safeguarding_resolution.pc"))
        .expect("the pkg-config file was installed");
    assert_eq!(pc_field(&pc, "Version"), version);
    // As `cc app.c $(pkg-config --cflags --libs ...)`: the libraries after
    // the source that needs them.
    let program = work.join("timeline_installed");
    let mut flags = vec![
        "-std=c99".to_string(),
        root().join("examples/c/timeline.c").display().to_string(),
        "-o".to_string(),
        program.display().to_string(),
    ];
    flags.extend(
        pc_field(&pc, "Cflags")
            .split_whitespace()
            .chain(pc_field(&pc, "Libs").split_whitespace())
            .map(str::to_string),
    );
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let status = Command::new(&compiler)
        .args(&flags)
        .status()
        .expect("cc runs");
    assert!(status.success(), "{compiler} {flags:?} failed");
    let output = Command::new(&program)
        .env("LD_LIBRARY_PATH", prefix.join("lib"))
        .output()
        .expect("the installed example runs");
    assert!(output.status.success());
    check_timeline(&String::from_utf8_lossy(&output.stdout));

    // The -static file links the archive although the shared library is
    // installed beside it: the program needs no libsafeguarding_resolution
    // at run time.
    let pc =
        std::fs::read_to_string(prefix.join("lib/pkgconfig/safeguarding_resolution-static.pc"))
            .expect("the static pkg-config file was installed");
    assert_eq!(pc_field(&pc, "Version"), version);
    let program = work.join("timeline_installed_static");
    let mut flags = vec![
        "-std=c99".to_string(),
        root().join("examples/c/timeline.c").display().to_string(),
        "-o".to_string(),
        program.display().to_string(),
    ];
    flags.extend(
        pc_field(&pc, "Cflags")
            .split_whitespace()
            .chain(pc_field(&pc, "Libs").split_whitespace())
            .map(str::to_string),
    );
    let status = Command::new(&compiler)
        .args(&flags)
        .status()
        .expect("cc runs");
    assert!(status.success(), "{compiler} {flags:?} failed");
    if let Ok(out) = Command::new("readelf").arg("-d").arg(&program).output() {
        let dynamic = String::from_utf8_lossy(&out.stdout);
        assert!(!dynamic.contains("libsafeguarding_resolution"), "{dynamic}");
    }
    let output = Command::new(&program)
        .env_remove("LD_LIBRARY_PATH")
        .output()
        .expect("the statically linked example runs");
    assert!(output.status.success());
    check_timeline(&String::from_utf8_lossy(&output.stdout));
}

/// The split that keeps C out of Rust builds: the Rust crate's library is a
/// plain rlib (so a Rust program depending on it compiles no cdylib or
/// staticlib), and this package builds the C library alone, as cdylib and
/// staticlib, under the name C programs link.
#[test]
fn rust_dependents_build_no_c_library() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(&cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cargo:?}: {e}"));
    assert!(output.status.success(), "cargo metadata failed");
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata writes JSON");
    let crate_types = |name: &str| -> Vec<String> {
        let package = metadata["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no package {name} in the workspace"));
        // The library target: both packages name it as C programs link it.
        let library = package["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| t["name"] == "safeguarding_resolution")
            .unwrap_or_else(|| panic!("{name} has no library safeguarding_resolution"));
        library["crate_types"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(crate_types("safeguarding-resolution"), ["lib"]);
    assert_eq!(crate_types(env!("CARGO_PKG_NAME")), ["cdylib", "staticlib"]);
    // And all the unsafe code is here: the Rust crate forbids it.
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    assert!(lib.contains("#![forbid(unsafe_code)]"), "src/lib.rs");
}
