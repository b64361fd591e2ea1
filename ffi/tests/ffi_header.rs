//! The committed C header is what cbindgen (the version pinned in
//! ffi/Cargo.toml) generates from `ffi/src/` with `ffi/cbindgen.toml`.
//! A test of this package, so that cbindgen is compiled only with it, never
//! with the Rust crate's examples or by its dependents.
//!
//! When this test fails, the header is stale: regenerate it, from anywhere
//! in the repository, with
//!
//! ```sh
//! SGR_UPDATE_HEADER=1 cargo test --test ffi_header
//! ```
//!
//! and review the difference before committing it.

use std::path::Path;

const HEADER: &str = "include/safeguarding_resolution.h";

/// This package's directory, `ffi/` in the repository.
fn package() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's root, where the header is (CONTRACT section 1).
fn repository() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn generate() -> String {
    let config = cbindgen::Config::from_file(package().join("cbindgen.toml"))
        .expect("cbindgen.toml is readable and valid");
    // This crate's source only (`parse_deps = false`): the Rust crate has no
    // C face, and its public constants must not leak into the header.
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(package().join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

/// The first line where two texts differ, for the failure message.
fn first_difference(committed: &str, generated: &str) -> String {
    for (i, (a, b)) in committed.lines().zip(generated.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n  committed: {a}\n  generated: {b}", i + 1);
        }
    }
    format!(
        "the committed header has {} lines, the generated one {}",
        committed.lines().count(),
        generated.lines().count()
    )
}

#[test]
fn committed_header_is_generated() {
    let generated = generate();
    let path = repository().join(HEADER);
    if std::env::var_os("SGR_UPDATE_HEADER").is_some() {
        std::fs::write(&path, &generated).expect("the header can be written");
        eprintln!("wrote {HEADER}");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{HEADER} is not what cbindgen generates from ffi/src/ ({}).\n\
         Regenerate it with:\n\n    SGR_UPDATE_HEADER=1 cargo test --test ffi_header\n",
        first_difference(&committed, &generated)
    );
}

#[test]
fn header_declares_the_contract() {
    // CONTRACT section 6, as cbindgen writes it (one argument a line).
    let generated = generate();
    for needle in [
        "typedef struct sgr_date {\n",
        "typedef uint32_t sgr_division;",
        "#define SGR_DIVISION_ENGLAND_AND_WALES 0",
        "#define SGR_DIVISION_SCOTLAND 1",
        "#define SGR_DIVISION_NORTHERN_IRELAND 2",
        "    SGR_OK = 0,",
        "typedef uint32_t sgr_result;",
        "sgr_result sgr_add_working_days(sgr_division division,\n",
        "sgr_result sgr_evaluate(const char *request_json,\n",
        "sgr_result sgr_validate(const char *request_json,\n",
        "void sgr_string_free(char *s);",
        "const char *sgr_result_message(uint32_t result);",
        "const char *sgr_version(void);",
        "const char *sgr_holiday_data_version(void);",
    ] {
        assert!(
            generated.contains(needle),
            "the header lacks {needle:?}:\n{generated}"
        );
    }
}

/// The version in a manifest's `[package]` section (given first there).
fn manifest_version(manifest: &Path) -> String {
    let text = std::fs::read_to_string(manifest)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", manifest.display()));
    text.lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{} gives no version", manifest.display()))
        .to_string()
}

#[test]
fn version_macros_are_the_librarys_version() {
    let header = std::fs::read_to_string(repository().join(HEADER)).unwrap();
    // The version `sgr_version()` returns and the install script names the
    // shared library after.
    let version = env!("CARGO_PKG_VERSION");
    let mut parts = version.split('.');
    for name in ["MAJOR", "MINOR", "PATCH"] {
        let part = parts.next().expect("a version of three parts");
        let line = format!("#define SGR_VERSION_{name} {part}");
        assert!(
            header.contains(&line),
            "{HEADER} lacks `{line}` (ffi/cbindgen.toml)"
        );
    }
    let line = format!("#define SGR_VERSION \"{version}\"");
    assert!(
        header.contains(&line),
        "{HEADER} lacks `{line}` (ffi/cbindgen.toml)"
    );
}

/// The C library is released with the Rust crate it wraps: one version for
/// both (ffi/Cargo.toml and Cargo.toml).
#[test]
fn the_c_library_has_the_rust_crates_version() {
    assert_eq!(
        manifest_version(&repository().join("Cargo.toml")),
        env!("CARGO_PKG_VERSION"),
        "ffi/Cargo.toml's version differs from the crate's (Cargo.toml)"
    );
    // ffi/install.sh reads it the same way, to name the shared library.
    assert_eq!(
        manifest_version(&package().join("Cargo.toml")),
        env!("CARGO_PKG_VERSION")
    );
}
