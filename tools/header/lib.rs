//! The C header check of `safeguarding-resolution`: its one test,
//! `tests/ffi_header.rs`, regenerates `include/safeguarding_resolution.h`
//! with the pinned cbindgen and fails when the committed header differs.
//! A package of its own so that cbindgen is not compiled with the crate's
//! examples. Run it from the repository root with
//! `cargo test --test ffi_header`.
