//! The committed C header is what cbindgen (the version pinned in
//! tools/header/Cargo.toml) generates from `src/ffi/` with `cbindgen.toml`.
//!
//! When this test fails, the header is stale: regenerate it with
//!
//! ```sh
//! SGR_UPDATE_HEADER=1 cargo test --test ffi_header
//! ```
//!
//! and review the difference before committing it.

use std::path::Path;

const HEADER: &str = "include/safeguarding_resolution.h";

/// The repository's root: this package is `tools/header` in it.
fn repository() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn generate() -> String {
    let root = repository();
    let config = cbindgen::Config::from_file(root.join("cbindgen.toml"))
        .expect("cbindgen.toml is readable and valid");
    // Only the C interface's module (and the modules it declares) is read:
    // the rest of the crate has no C face, and its public constants must not
    // leak into the header.
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(root.join("src/ffi/mod.rs"))
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
        "{HEADER} is not what cbindgen generates from src/ffi/ ({}).\n\
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

/// The crate's version, read from its manifest's `[package]` section.
fn crate_version() -> String {
    let manifest = std::fs::read_to_string(repository().join("Cargo.toml"))
        .expect("the crate's Cargo.toml is readable");
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("the manifest gives the version first")
        .to_string()
}

#[test]
fn version_macros_are_the_crates_version() {
    let header = std::fs::read_to_string(repository().join(HEADER)).unwrap();
    let version = crate_version();
    let mut parts = version.split('.');
    for name in ["MAJOR", "MINOR", "PATCH"] {
        let part = parts.next().expect("a version of three parts");
        let line = format!("#define SGR_VERSION_{name} {part}");
        assert!(
            header.contains(&line),
            "{HEADER} lacks `{line}` (cbindgen.toml)"
        );
    }
    let line = format!("#define SGR_VERSION \"{version}\"");
    assert!(
        header.contains(&line),
        "{HEADER} lacks `{line}` (cbindgen.toml)"
    );
}
