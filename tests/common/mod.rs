//! What the hostile-input tests and the fuzz targets share: the request
//! fixtures, a structured mutator and the rules every answer keeps.

pub mod fixtures;
pub mod invariants;
pub mod mutate;
pub mod pages;
