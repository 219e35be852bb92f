//! The embedded English word-frequency list (`data/words/en.tsv.gz` and
//! `data/words/en_extra.txt`, see `data/SOURCES.md`) and the list of names written with an inner capital
//! (`data/words/camel_case_names.txt`) and of given names (`data/words/first_names.txt`).

use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;
use rustc_hash::{FxHashMap, FxHashSet};

const EN_FREQUENCIES: &[u8] = include_bytes!("../data/words/en.tsv.gz");
const EN_EXTRA: &str = include_str!("../data/words/en_extra.txt");
/// The count given to each word of `en_extra.txt`: as common as "cannot" is, about one
/// word in ten thousand, so that no split of it can look more likely.
const EXTRA_COUNT: u64 = 100_000_000;
const CAMEL_CASE_NAMES: &str = include_str!("../data/words/camel_case_names.txt");
const FIRST_NAMES: &str = include_str!("../data/words/first_names.txt");

/// How often each lowercase English word occurs in a large web corpus.
pub(crate) struct WordFrequencies {
    counts: FxHashMap<&'static [u8], u64>,
}

impl WordFrequencies {
    /// The embedded English list, decompressed on first use.
    pub(crate) fn english() -> &'static WordFrequencies {
        static ENGLISH: OnceLock<WordFrequencies> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            let mut text = Vec::new();
            GzDecoder::new(EN_FREQUENCIES)
                .read_to_end(&mut text)
                .expect("data/words/en.tsv.gz is embedded at build time and valid");
            let text: &'static [u8] = Box::leak(text.into_boxed_slice());
            // Read at every start of the process: lines and tabs are found with memchr
            // (`str::lines` and `split_once` compared bytes one call at a time, most of a
            // short run's time), into a table sized once.
            let lines = memchr::memchr_iter(b'\n', text).count() + 1;
            let mut counts: FxHashMap<&'static [u8], u64> =
                FxHashMap::with_capacity_and_hasher(lines + EN_EXTRA.len() / 4, Default::default());
            counts.extend(text.split(|&byte| byte == b'\n').filter_map(|line| {
                let tab = memchr::memchr(b'\t', line)?;
                let count = std::str::from_utf8(&line[tab + 1..]).ok()?;
                Some((&line[..tab], count.trim_end_matches('\r').parse().ok()?))
            }));
            for word in EN_EXTRA
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
            {
                let count = counts.entry(word.as_bytes()).or_default();
                *count = (*count).max(EXTRA_COUNT);
            }
            WordFrequencies { counts }
        })
    }

    /// The count of a lowercase word, 0 when the word is not in the list.
    pub(crate) fn count(&self, lowercase_word: &[u8]) -> u64 {
        self.counts.get(lowercase_word).copied().unwrap_or(0)
    }

    /// The count of an ASCII word in any case ("Bonbon", "THE"), 0 when it is not in the
    /// list or not ASCII.
    pub(crate) fn count_ascii_any_case(&self, word: &str) -> u64 {
        let mut buffer = [0u8; 64];
        match buffer.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                self.count(lower)
            }
            // Not ASCII, or longer than any word of the list (24 letters).
            _ => 0,
        }
    }
}

/// Whether `token` is a known name written with an inner capital ("iPhone", "McDonald").
pub(crate) fn is_camel_case_name(token: &str) -> bool {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| word_list(CAMEL_CASE_NAMES))
        .contains(token)
}

/// Whether `word` is a common given name ("Susan", "José").
pub(crate) fn is_first_name(word: &str) -> bool {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| word_list(FIRST_NAMES)).contains(word)
}

/// The words of an embedded list: one a line, `#` comments and blank lines skipped.
fn word_list(text: &'static str) -> FxHashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}
