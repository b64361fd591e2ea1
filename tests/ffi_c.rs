//! The C program `tests/c/ffi_test.c`, compiled with the system C compiler
//! against the committed header and the library this `cargo test` built
//! (both the cdylib and the staticlib), and run: it calls every function of
//! the C interface, each error path included, and fails on any wrong answer.
//!
//! The examples are run here too: `examples/c/timeline.c` compiled the same
//! way, and `examples/python/timeline.py` (ctypes), which must print the
//! same timeline.
//!
//! `CC` chooses the compiler (default `cc`). `SGR_C_TEST_WRAPPER` runs the
//! program under a wrapper, as `.ci/run` does with valgrind:
//!
//! ```sh
//! SGR_C_TEST_WRAPPER="valgrind --leak-check=full --error-exitcode=1" \
//!     cargo test --test ffi_c -- --nocapture
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

use safeguarding_resolution::calendar::HOLIDAY_DATA_VERSION;

/// The directory cargo put this test's library in: the test runs as
/// `<target>/<profile>/deps/ffi_c-<hash>`, and the same `cargo test` built
/// the crate's cdylib and staticlib beside it (the library target is built
/// with all its crate types; only a `cargo build` also copies them up to
/// `<target>/<profile>`).
fn library_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows where it is");
    exe.parent()
        .expect("the test runs from <target>/<profile>/deps")
        .to_path_buf()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
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
    let dir = library_dir();
    let out_dir = dir.join("sgr-c-tests");
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
            let library = dir.join(format!(
                "{}safeguarding_resolution{}",
                std::env::consts::DLL_PREFIX,
                std::env::consts::DLL_SUFFIX
            ));
            assert!(library.exists(), "no cdylib at {library:?}");
            cc.arg(&library)
                .arg(format!("-Wl,-rpath,{}", dir.display()));
        }
        Link::Static => {
            let library = dir.join("libsafeguarding_resolution.a");
            assert!(library.exists(), "no staticlib at {library:?}");
            cc.arg(&library);
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
    let program = compile("tests/c/ffi_test.c", "ffi_test_dynamic", Link::Dynamic);
    check_summary(&run(&program));
}

#[test]
fn c_program_passes_against_the_staticlib() {
    let program = compile("tests/c/ffi_test.c", "ffi_test_static", Link::Static);
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
    let library = library_dir().join(format!(
        "{}safeguarding_resolution{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    let output = match Command::new("python3")
        .arg(root().join("examples/python/timeline.py"))
        .env("SGR_LIBRARY", &library)
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

/// `tools/install.sh` into a fresh prefix (with a target directory of its
/// own, so it can run while this `cargo test` holds its own): the header,
/// both libraries, the shared one with its SONAME, and a pkg-config file
/// whose flags build the C example, which then runs from the prefix.
#[test]
#[cfg(target_os = "linux")]
fn install_script_installs_what_pkg_config_describes() {
    let work = library_dir().join("sgr-install");
    let prefix = work.join("prefix");
    let _ = std::fs::remove_dir_all(&prefix);
    let status = Command::new("sh")
        .arg(root().join("tools/install.sh"))
        .arg(&prefix)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .status()
        .expect("sh runs");
    assert!(status.success(), "tools/install.sh failed");
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
}
