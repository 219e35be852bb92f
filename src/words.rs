//! The embedded English word-frequency list (`data/words/en.tsv.gz` and
//! `data/words/en_extra.txt`, see `data/SOURCES.md`; a table built at compile time) and the
//! lists of names written with an inner capital (`data/words/camel_case_names.txt`) and of
//! given names (`data/words/first_names.txt`).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

mod table;

/// The English word table, built from `data/words/en.tsv.gz` and `data/words/en_extra.txt`
/// by `build.rs` (see [`table`]).
const EN_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_words.table"));
const EN_TEXT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_words.text"));
const CAMEL_CASE_NAMES: &str = include_str!("../data/words/camel_case_names.txt");
const FIRST_NAMES: &str = include_str!("../data/words/first_names.txt");

/// How often each lowercase English word occurs in a large web corpus.
pub(crate) struct WordFrequencies {
    /// Slots of [`table::SLOT_BYTES`] bytes, a power of two of them.
    table: &'static [u8],
    text: &'static [u8],
}

impl WordFrequencies {
    /// The embedded English list: a table built at compile time, ready without any work.
    pub(crate) fn english() -> &'static WordFrequencies {
        static ENGLISH: WordFrequencies = WordFrequencies {
            table: EN_TABLE,
            text: EN_TEXT,
        };
        &ENGLISH
    }

    /// The count of a lowercase word, 0 when the word is not in the list.
    pub(crate) fn count(&self, lowercase_word: &[u8]) -> u64 {
        let slots = self.table.len() / table::SLOT_BYTES;
        let mut slot = table::hash(lowercase_word) as usize & (slots - 1);
        loop {
            let entry = &self.table[slot * table::SLOT_BYTES..][..table::SLOT_BYTES];
            let field = |at: usize| {
                u32::from_le_bytes([entry[at], entry[at + 1], entry[at + 2], entry[at + 3]])
                    as usize
            };
            let len = field(4);
            if len == 0 {
                return 0;
            }
            if len == lowercase_word.len() && &self.text[field(0)..][..len] == lowercase_word {
                let mut count = [0u8; 8];
                count.copy_from_slice(&entry[8..]);
                return u64::from_le_bytes(count);
            }
            slot = (slot + 1) & (slots - 1);
        }
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
