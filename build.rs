//! Builds the English word-frequency table (`data/words/en.tsv.gz` and
//! `data/words/en_extra.txt`) into `OUT_DIR`, in the layout `src/words/table.rs` describes,
//! so that no process spends time decompressing and hashing 333,000 words at start-up.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::{env, fs};

#[path = "src/words/table.rs"]
mod table;

/// The count given to each word of `en_extra.txt`: as common as "cannot" is, about one
/// word in ten thousand, so that no split of it can look more likely.
const EXTRA_COUNT: u64 = 100_000_000;

fn main() {
    println!("cargo:rerun-if-changed=data/words/en.tsv.gz");
    println!("cargo:rerun-if-changed=data/words/en_extra.txt");
    println!("cargo:rerun-if-changed=src/words/table.rs");
    let mut tsv = Vec::new();
    flate2::read::GzDecoder::new(fs::File::open("data/words/en.tsv.gz").expect("the word list"))
        .read_to_end(&mut tsv)
        .expect("data/words/en.tsv.gz is a gzip file");
    let mut counts: HashMap<&[u8], u64> = HashMap::new();
    for line in tsv.split(|&byte| byte == b'\n') {
        let Some(tab) = line.iter().position(|&byte| byte == b'\t') else {
            continue;
        };
        let Some(count) = std::str::from_utf8(&line[tab + 1..])
            .ok()
            .and_then(|count| count.trim_end_matches('\r').parse().ok())
        else {
            continue;
        };
        if tab > 0 {
            counts.insert(&line[..tab], count);
        }
    }
    let extra = fs::read_to_string("data/words/en_extra.txt").expect("the extra words");
    for word in extra
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
    {
        let count = counts.entry(word.as_bytes()).or_default();
        *count = (*count).max(EXTRA_COUNT);
    }
    let mut words: Vec<(&[u8], u64)> = counts.into_iter().collect();
    words.sort_unstable();
    // At most two thirds full: probes stay short.
    let slots = (words.len() * 3 / 2).next_power_of_two();
    let mut slot_table = vec![0u8; slots * table::SLOT_BYTES];
    let mut text = Vec::new();
    for (word, count) in words {
        let mut slot = table::hash(word) as usize & (slots - 1);
        while slot_table[slot * table::SLOT_BYTES + 4..][..4] != [0; 4] {
            slot = (slot + 1) & (slots - 1);
        }
        let entry = &mut slot_table[slot * table::SLOT_BYTES..][..table::SLOT_BYTES];
        entry[..4].copy_from_slice(&(text.len() as u32).to_le_bytes());
        entry[4..8].copy_from_slice(&(word.len() as u32).to_le_bytes());
        entry[8..].copy_from_slice(&count.to_le_bytes());
        text.extend_from_slice(word);
    }
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("en_words.table"), slot_table).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("en_words.text"), text).expect("OUT_DIR is writable");
}
