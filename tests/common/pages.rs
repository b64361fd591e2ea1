//! Reading the repository's documentation pages, for the tests that check
//! them against the library.

#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

/// A file of the repository, by its path from the root.
pub fn read(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The contents of every fenced block that opens with ```` ```{info} ````:
/// the lines between the fences, each ending in a newline.
pub fn fenced_blocks(text: &str, info: &str) -> Vec<String> {
    let opening = format!("```{info}");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        match current.as_mut() {
            None if line == opening => current = Some(String::new()),
            None => {}
            Some(_) if line == "```" => blocks.extend(current.take()),
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    assert!(
        current.is_none(),
        "a ```{info} block is not closed by a ``` line"
    );
    blocks
}
