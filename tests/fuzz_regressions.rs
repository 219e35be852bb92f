//! Inputs the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) and the property tests found to fail,
//! kept in `fixtures/fuzz/<target>/` once fixed: each must now pass its target's checks.

use std::fs;

/// The files kept for `target`.
fn findings(target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = format!("{}/fixtures/fuzz/{target}", env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<(String, Vec<u8>)> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|entry| {
                    let path = entry.unwrap().path();
                    (path.display().to_string(), fs::read(&path).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// The `pipeline` target: no panic, and a second pass changes nothing.
#[test]
fn pipeline_findings_are_cleaned_idempotently() {
    let found = findings("pipeline");
    assert!(!found.is_empty());
    for (name, bytes) in found {
        let text = String::from_utf8_lossy(&bytes);
        let once = unscrape::clean(&text);
        assert_eq!(unscrape::clean(&once), once, "{name}");
    }
}
