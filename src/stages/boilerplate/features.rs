//! What one line looks like: its length, how much of it is stop words, how it ends.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The stop-word lists (from jusText), one per language; a word's bit `i` says it is a stop
/// word of language `i`.
const STOP_WORDS: [&str; 9] = [
    include_str!("../../../data/stopwords/en.txt"),
    include_str!("../../../data/stopwords/de.txt"),
    include_str!("../../../data/stopwords/fr.txt"),
    include_str!("../../../data/stopwords/es.txt"),
    include_str!("../../../data/stopwords/it.txt"),
    include_str!("../../../data/stopwords/pt.txt"),
    include_str!("../../../data/stopwords/nl.txt"),
    include_str!("../../../data/stopwords/ru.txt"),
    include_str!("../../../data/stopwords/pl.txt"),
];

/// Stop words (as bytes, so that a word lowercased in a buffer on the stack is looked up as
/// it stands) and their languages.
fn stop_word_languages() -> &'static FxHashMap<&'static [u8], u16> {
    static MAP: OnceLock<FxHashMap<&'static [u8], u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FxHashMap<&'static [u8], u16> = FxHashMap::default();
        for (language, list) in STOP_WORDS.iter().enumerate() {
            for word in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
                *map.entry(word.as_bytes()).or_default() |= 1 << language;
            }
        }
        map
    })
}

/// Words longer than this (in bytes) are not looked up as stop words.
const MOST_STOP_WORD_BYTES: usize = 20;

/// The measurements of one line that the classifier reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LineFeatures {
    /// Characters, with each run of spaces counted once.
    pub chars: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Stop words of the line's best-matching language.
    pub stop_words: usize,
    /// Letters in scripts that separate words with spaces and have a stop-word list (Latin,
    /// Cyrillic), against all letters.
    pub listed_script_letters: usize,
    pub letters: usize,
}

impl LineFeatures {
    /// Measures `line` (not blank).
    pub(super) fn of(line: &str) -> Self {
        let stop_words_map = stop_word_languages();
        let mut per_language = [0usize; 9];
        let mut words = 0;
        let mut chars = 0;
        let mut letters = 0;
        let mut listed_script_letters = 0;
        let mut lowered = String::new();
        for word in line.split_whitespace() {
            words += 1;
            let bare = if word.is_ascii() {
                // Most words: bytes are characters, and ASCII letters are in a listed script.
                let word_letters = word.bytes().filter(u8::is_ascii_alphabetic).count();
                chars += word.len() + 1;
                letters += word_letters;
                listed_script_letters += word_letters;
                word.trim_matches(|c: char| !c.is_ascii_alphanumeric())
            } else {
                chars += word.chars().count() + 1;
                for c in word.chars() {
                    if c.is_alphabetic() {
                        letters += 1;
                        if c.is_ascii() || ('\u{c0}'..='\u{52f}').contains(&c) {
                            listed_script_letters += 1;
                        }
                    }
                }
                word.trim_matches(|c: char| !c.is_alphanumeric())
            };
            if bare.is_empty() || bare.len() > MOST_STOP_WORD_BYTES {
                continue;
            }
            let mut ascii_lowered = [0; MOST_STOP_WORD_BYTES];
            let key = if bare.is_ascii() {
                let key = &mut ascii_lowered[..bare.len()];
                key.copy_from_slice(bare.as_bytes());
                key.make_ascii_lowercase();
                key
            } else {
                lowered.clear();
                lowered.extend(bare.chars().flat_map(char::to_lowercase));
                lowered.as_bytes()
            };
            if let Some(&mask) = stop_words_map.get(key) {
                for (language, count) in per_language.iter_mut().enumerate() {
                    *count += usize::from(mask & (1 << language) != 0);
                }
            }
        }
        LineFeatures {
            chars: chars.saturating_sub(1),
            words,
            stop_words: per_language.into_iter().max().unwrap_or(0),
            listed_script_letters,
            letters,
        }
    }

    /// Stop words per word.
    pub(super) fn stop_density(&self) -> f32 {
        self.stop_words as f32 / self.words.max(1) as f32
    }

    /// Whether the line is mostly in a script the stop-word lists cover.
    pub(super) fn in_listed_script(&self) -> bool {
        self.listed_script_letters * 2 > self.letters
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_a_sentence() {
        let line = "Chinese President Xi Jinping will make a state visit to Russia next week.";
        let features = LineFeatures::of(line);
        assert_eq!(features.words, 13);
        assert_eq!(features.chars, line.chars().count());
        assert!(features.stop_density() > 0.2);
        assert!(features.in_listed_script());
    }

    #[test]
    fn spaces_do_not_change_the_measure() {
        assert_eq!(
            LineFeatures::of("  Chelsea  are hoping\tto complete  "),
            LineFeatures::of("Chelsea are hoping to complete")
        );
    }
}
