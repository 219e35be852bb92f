//! The phrase lists of `data/boilerplate/<lang>.txt`, matched against whole lines with
//! aho-corasick.
//!
//! Each rule is `<match> <category> <phrase>`: `line` (the normalized line is the phrase),
//! `prefix` (it starts with the phrase) or `contains` (it holds the phrase). Lines are
//! normalized before matching: leading bullets and trailing punctuation stripped,
//! lowercase, straight quotes, single spaces.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap;

/// The phrase lists, one per language.
const LISTS: [(&str, &str); 9] = [
    ("en", include_str!("../../../data/boilerplate/en.txt")),
    ("de", include_str!("../../../data/boilerplate/de.txt")),
    ("fr", include_str!("../../../data/boilerplate/fr.txt")),
    ("es", include_str!("../../../data/boilerplate/es.txt")),
    ("it", include_str!("../../../data/boilerplate/it.txt")),
    ("pt", include_str!("../../../data/boilerplate/pt.txt")),
    ("nl", include_str!("../../../data/boilerplate/nl.txt")),
    ("ru", include_str!("../../../data/boilerplate/ru.txt")),
    ("pl", include_str!("../../../data/boilerplate/pl.txt")),
];

/// `prefix` rules apply to lines of at most this many words.
const PREFIX_MAX_WORDS: usize = 25;
/// `prefix` rules of widget labels (teasers, menus, share buttons) apply to lines of at most
/// this many words.
const SHORT_PREFIX_MAX_WORDS: usize = 10;
/// `contains` rules apply to lines of at most this many words.
pub(super) const CONTAINS_MAX_WORDS: usize = 40;
/// Longer lines are never boilerplate phrases.
const MAX_LINE_BYTES: usize = 600;

/// Every phrase rule of every language.
pub(super) struct Phrases {
    whole_lines: FxHashMap<String, &'static str>,
    prefixes: AhoCorasick,
    prefix_categories: Vec<&'static str>,
    contained: AhoCorasick,
    contained_categories: Vec<&'static str>,
}

impl Phrases {
    /// The embedded lists, parsed on first use.
    pub(super) fn get() -> &'static Phrases {
        static PHRASES: OnceLock<Phrases> = OnceLock::new();
        PHRASES.get_or_init(|| {
            let mut whole_lines = FxHashMap::default();
            let (mut prefixes, mut prefix_categories) = (Vec::new(), Vec::new());
            let (mut contained, mut contained_categories) = (Vec::new(), Vec::new());
            for (_, list) in LISTS {
                for rule in list.lines().map(str::trim) {
                    if rule.is_empty() || rule.starts_with('#') {
                        continue;
                    }
                    let mut fields = rule.splitn(3, ' ');
                    let (Some(kind), Some(category), Some(phrase)) =
                        (fields.next(), fields.next(), fields.next())
                    else {
                        continue;
                    };
                    let phrase = normalize(phrase);
                    match kind {
                        "line" => {
                            whole_lines.insert(phrase, category);
                        }
                        "prefix" => {
                            prefixes.push(phrase);
                            prefix_categories.push(category);
                        }
                        "contains" => {
                            contained.push(phrase);
                            contained_categories.push(category);
                        }
                        _ => {}
                    }
                }
            }
            Phrases {
                whole_lines,
                prefixes: automaton(&prefixes, StartKind::Anchored),
                prefix_categories,
                contained: automaton(&contained, StartKind::Unanchored),
                contained_categories,
            }
        })
    }

    /// The category of a `line` rule matching the normalized line, or the line written
    /// twice ("read more read more", a label and its tooltip).
    fn whole_line(&self, normalized: &str) -> Option<&'static str> {
        if let Some(category) = self.whole_lines.get(normalized) {
            return Some(category);
        }
        let half = normalized.len() / 2;
        let twice = normalized.len() % 2 == 1
            && normalized.as_bytes()[half] == b' '
            && normalized[..half] == normalized[half + 1..];
        if twice {
            return self.whole_lines.get(&normalized[..half]).copied();
        }
        None
    }

    /// The category of the first rule that matches a line of `line_bytes` bytes (with its
    /// line break), trimmed to `text`, of `words` words, if any. `scratch` holds the
    /// normalized line: one buffer for all the lines of a document instead of one
    /// allocation per line.
    pub(super) fn category(
        &self,
        line_bytes: usize,
        text: &str,
        words: usize,
        scratch: &mut String,
    ) -> Option<&'static str> {
        if line_bytes > MAX_LINE_BYTES || words > CONTAINS_MAX_WORDS {
            return None;
        }
        if text.starts_with(char::is_lowercase) && text.ends_with(['.', '!', '?']) {
            // The end of a sentence wrapped onto its own line ("might\nhelp."), not a widget.
            return None;
        }
        normalize_into(text, scratch);
        let normalized = scratch.as_str();
        if normalized.is_empty() {
            return None;
        }
        if let Some(category) = self.whole_line(normalized) {
            return Some(category);
        }
        if words <= PREFIX_MAX_WORDS {
            let input = Input::new(normalized).anchored(Anchored::Yes);
            if let Some(found) = self.prefixes.find(input)
                && ends_word(normalized, found.end())
            {
                let category = self.prefix_categories[found.pattern().as_usize()];
                // A teaser or menu label is a few words; "More from the interview: Putin
                // said that the talks would cover energy" is a sentence.
                let long_form = matches!(
                    category,
                    "comment_form" | "legal" | "cookie_banner" | "newsletter" | "login"
                );
                if long_form || words <= SHORT_PREFIX_MAX_WORDS {
                    return Some(category);
                }
            }
        }
        self.contained
            .find_iter(normalized)
            .find(|found| {
                starts_clause(normalized, found.start()) && ends_word(normalized, found.end())
            })
            .map(|found| self.contained_categories[found.pattern().as_usize()])
    }
}

fn automaton(patterns: &[String], start: StartKind) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(start)
        .build(patterns)
        .expect("the embedded phrase lists build an automaton")
}

/// Whether a `contains` phrase at `at` starts the line or a clause of it ("© 2008 Reuters.
/// All rights reserved"), not the middle of a sentence ("The band said all rights reserved
/// under the contract...").
fn starts_clause(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| c.is_ascii_digit() || (!c.is_alphanumeric() && c != '\'' && c != '"'))
}

fn ends_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Characters stripped from the start of a line before matching (bullets, arrows).
fn is_leading_symbol(c: char) -> bool {
    c.is_whitespace() || "•·|>»›-–—*#▶►→".contains(c)
}

/// Characters stripped from the end of a line before matching.
fn is_trailing_symbol(c: char) -> bool {
    c.is_whitespace() || ".!?:;,*…»›>|-–—→".contains(c)
}

/// The form phrases are written in: "  » Please enter your comment! " → "please enter your
/// comment".
pub(super) fn normalize(line: &str) -> String {
    let mut out = String::new();
    normalize_into(line, &mut out);
    out
}

/// [`normalize`], written into `out` (cleared first) so that its buffer serves every line.
fn normalize_into(line: &str, out: &mut String) {
    out.clear();
    let trimmed = line
        .trim_start_matches(is_leading_symbol)
        .trim_end_matches(is_trailing_symbol);
    if trimmed.is_ascii() {
        if is_single_spaced(trimmed) {
            out.push_str(trimmed);
        } else {
            for word in trimmed.split_ascii_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        out.make_ascii_lowercase();
        return;
    }
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '‘' | '’' | '‚' | '‛' | '′' => out.push('\''),
                '“' | '”' | '„' | '‟' | '″' => out.push('"'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Whether the words of ASCII `text` (trimmed) are separated by single spaces, as most
/// lines' are: then it is copied whole rather than word by word. Checks every byte without
/// stopping early, which the compiler turns into vector code.
fn is_single_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    let other_space = bytes.iter().fold(false, |found, &byte| {
        found | (byte.is_ascii_whitespace() && byte != b' ')
    });
    let double_space = bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .fold(false, |found, (&a, &b)| found | (a == b' ' && b == b' '));
    !other_space && !double_space
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(line: &str) -> Option<&'static str> {
        let words = line.split_whitespace().count();
        Phrases::get().category(line.len(), line.trim(), words, &mut String::new())
    }

    #[test]
    fn a_widget_written_twice_matches() {
        assert_eq!(category("Read more Read more"), Some("teaser"));
    }

    #[test]
    fn comment_form_lines_match() {
        assert_eq!(category("Please enter your comment!"), Some("comment_form"));
        assert_eq!(
            category("Please enter your name here"),
            Some("comment_form")
        );
        assert_eq!(
            category("Your email address will not be published. Required fields are marked *"),
            Some("comment_form")
        );
    }

    #[test]
    fn sentences_that_mention_widget_words_do_not_match() {
        for line in [
            "The band said all rights reserved under the 1998 contract would return to its members.",
            "More from the interview: Putin said that the talks would cover energy and trade.",
        ] {
            assert_eq!(category(line), None, "{line}");
        }
    }

    #[test]
    fn prose_does_not_match() {
        assert_eq!(
            category("Please enter your comment about the war in Ukraine, Kirby said."),
            None
        );
        assert_eq!(
            category("Read more about the talks in our explainer on the summit."),
            None
        );
    }
}
