//! Measures `unscrape::html::metadata` against the reference metadata of the trafilatura
//! evaluation pages (`../shared/devdata/trafilatura/<id>.segments.json`: `title`, `author`,
//! `date`, `sitename`), and prints, per field, the share of pages with a reference value on
//! which the extracted value matches.
//!
//!     cargo run --release --example metadata_eval [-- --misses] [--show ID] [DIR]
//!
//! A match is equality after whitespace normalization, NFC and case folding; authors
//! compare as sets of names (split on ";" and ","), in any order. `--misses` lists each
//! mismatch; `--show ID` prints all the metadata found on page ID.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use unscrape::html::metadata::{Metadata, metadata};

const FIELDS: [(&str, &str); 4] = [
    ("title", "title"),
    ("author", "author"),
    ("date", "date"),
    ("sitename", "site_name"),
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1));
    let dir = args
        .iter()
        .enumerate()
        .find(|&(i, a)| !a.starts_with("--") && (i == 0 || args[i - 1] != "--show"))
        .map_or_else(
            || PathBuf::from("../shared/devdata/trafilatura"),
            |(_, a)| PathBuf::from(a),
        );
    if !dir.is_dir() {
        println!("no {} here: nothing to evaluate", dir.display());
        return Ok(());
    }
    if let Some(id) = show {
        let found = extract(&dir.join(format!("{id}.segments.json")))?;
        println!("{}", serde_json::to_string_pretty(&found)?);
        return Ok(());
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".segments.json"))
        .collect();
    pages.sort();
    let mut counts = [(0usize, 0usize); FIELDS.len()];
    for reference_path in &pages {
        let reference: serde_json::Value = serde_json::from_slice(&std::fs::read(reference_path)?)?;
        let found = extract(reference_path)?;
        let found = serde_json::to_value(&found)?;
        for (i, (reference_key, key)) in FIELDS.iter().enumerate() {
            let Some(expected) = reference[reference_key]
                .as_str()
                .filter(|s| !s.trim().is_empty())
            else {
                continue;
            };
            let got = found[key].as_str().unwrap_or("");
            let right = if *key == "author" {
                names(expected) == names(got)
            } else {
                fold(expected) == fold(got)
            };
            counts[i].1 += 1;
            if right {
                counts[i].0 += 1;
            } else if misses {
                let id = reference_path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy();
                println!("{key:<9} {id}\n  want {expected:?}\n  got  {got:?}");
            }
        }
    }
    println!("{} pages in {}", pages.len(), dir.display());
    for ((_, key), (right, total)) in FIELDS.iter().zip(counts) {
        let share = if total == 0 {
            0.0
        } else {
            100.0 * right as f64 / total as f64
        };
        println!("{key:<9} {right:>3} / {total:<3} right  {share:5.1}%");
    }
    Ok(())
}

/// The metadata of the page beside a `.segments.json` file.
fn extract(reference_path: &Path) -> anyhow::Result<Metadata> {
    let html_path = reference_path
        .to_string_lossy()
        .replace(".segments.json", ".html");
    let bytes = std::fs::read(html_path)?;
    let text = unscrape::decode::decode_bytes(&bytes);
    Ok(metadata(&scraper::Html::parse_document(&text)))
}

/// Whitespace runs made one space, trimmed, lowercased.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The set of folded names in an author value.
fn names(text: &str) -> BTreeSet<String> {
    text.split([';', ','])
        .map(fold)
        .filter(|n| !n.is_empty())
        .collect()
}
