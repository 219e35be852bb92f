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

use super::sieve::Sieve;

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
    /// The length of the longest of `whole_lines`.
    longest_whole_line: usize,
    /// The `prefix` and `contains` rules of all the lists.
    all: Automata,
    /// Those of them written in ASCII, the only ones that can match an ASCII line, as most
    /// lines are: without the letters of other scripts, the automata are several times
    /// smaller, and their searches stay in the processor's cache.
    ascii: Automata,
    /// Tells most lines that start like no `line` or `prefix` phrase before they are
    /// normalized.
    sieve: Sieve,
}

/// `prefix` and `contains` rules, with the category of each.
struct Automata {
    prefixes: AhoCorasick,
    prefix_categories: Vec<&'static str>,
    contained: AhoCorasick,
    contained_categories: Vec<&'static str>,
    /// Rules out the `contains` rules for most lines before their automaton's search.
    contained_filter: GramFilter,
}

/// Phrases (normalized), each with its category.
type Rules = Vec<(String, &'static str)>;

impl Automata {
    /// The automata of the `prefixes` and `contained` rules that `keep` keeps, in their
    /// order (which breaks ties between phrases that match alike).
    fn build(prefixes: &Rules, contained: &Rules, keep: impl Fn(&str) -> bool) -> Automata {
        let (prefixes, prefix_categories) = kept(prefixes, &keep);
        let (contained, contained_categories) = kept(contained, &keep);
        Automata {
            prefixes: automaton(&prefixes, StartKind::Anchored),
            prefix_categories,
            contained: automaton(&contained, StartKind::Unanchored),
            contained_categories,
            contained_filter: GramFilter::new(&contained),
        }
    }
}

/// The phrases of the `rules` that `keep` keeps, and their categories.
fn kept(rules: &Rules, keep: impl Fn(&str) -> bool) -> (Vec<&str>, Vec<&'static str>) {
    rules
        .iter()
        .filter(|(phrase, _)| keep(phrase))
        .map(|(phrase, category)| (phrase.as_str(), *category))
        .unzip()
}

impl Phrases {
    /// The embedded lists, parsed on first use.
    pub(super) fn get() -> &'static Phrases {
        static PHRASES: OnceLock<Phrases> = OnceLock::new();
        PHRASES.get_or_init(|| {
            let mut whole_lines = FxHashMap::default();
            let (mut prefixes, mut contained) = (Vec::new(), Vec::new());
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
                        "prefix" => prefixes.push((phrase, category)),
                        "contains" => contained.push((phrase, category)),
                        _ => {}
                    }
                }
            }
            Phrases {
                longest_whole_line: whole_lines.keys().map(String::len).max().unwrap_or(0),
                sieve: Sieve::new(
                    whole_lines.keys().map(String::as_str),
                    prefixes.iter().map(|(phrase, _)| phrase.as_str()),
                ),
                whole_lines,
                all: Automata::build(&prefixes, &contained, |_| true),
                ascii: Automata::build(&prefixes, &contained, str::is_ascii),
            }
        })
    }

    /// The category of a `line` rule matching the normalized line, or the line written
    /// twice ("read more read more", a label and its tooltip).
    fn whole_line(&self, normalized: &str) -> Option<&'static str> {
        if normalized.len() > 2 * self.longest_whole_line + 1 {
            // Too long to be a phrase, even written twice: spares hashing a paragraph.
            return None;
        }
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
        if self.ruled_out(text) {
            return None;
        }
        self.matched(text, words, scratch)
    }

    /// Whether `text` is a plain line (see [`Sieve`]) that starts like no `line` or
    /// `prefix` phrase and holds no window of a `contains` phrase: it matches no rule.
    fn ruled_out(&self, text: &str) -> bool {
        self.sieve.plain_core(text).is_some_and(|core| {
            !self.sieve.may_start_one(core) && !self.ascii.contained_filter.may_hold_one(core)
        })
    }

    /// The category of the first rule that matches `text`, of `words` words, normalized
    /// into `scratch`.
    fn matched(&self, text: &str, words: usize, scratch: &mut String) -> Option<&'static str> {
        normalize_into(text, scratch);
        let normalized = scratch.as_str();
        if normalized.is_empty() {
            return None;
        }
        if let Some(category) = self.whole_line(normalized) {
            return Some(category);
        }
        let automata = if normalized.is_ascii() {
            &self.ascii
        } else {
            &self.all
        };
        if words <= PREFIX_MAX_WORDS {
            let input = Input::new(normalized).anchored(Anchored::Yes);
            if let Some(found) = automata.prefixes.find(input)
                && ends_word(normalized, found.end())
            {
                let category = automata.prefix_categories[found.pattern().as_usize()];
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
        if !automata
            .contained_filter
            .may_hold_one(normalized.as_bytes())
        {
            return None;
        }
        automata
            .contained
            .find_iter(normalized)
            .find(|found| {
                starts_clause(normalized, found.start()) && ends_word(normalized, found.end())
            })
            .map(|found| automata.contained_categories[found.pattern().as_usize()])
    }
}

/// Bytes in a window of [`GramFilter`].
const GRAM: usize = 8;
/// Bits of a window's hash in [`GramFilter`]: a 32 KiB table, which stays in the processor's
/// first-level cache, and which the windows of the phrases fill to about 2%.
const GRAM_HASH_BITS: u32 = 18;

/// A test that a text holds none of a set of phrases, far cheaper than searching it: the
/// sampled-window filter. A phrase of length `n` found in the text covers a window of
/// [`GRAM`] bytes starting at a multiple of `stride` when `stride <= n - GRAM + 1`, so with
/// the stride set by the shortest phrase, a text none of whose windows at those positions
/// is a window of a phrase holds no phrase. The windows of the phrases are kept as hashes
/// in a table of bits: a collision only lets a text through to the real search. Windows
/// are read without regard to ASCII case, so that the core of a plain line (see
/// [`sieve`]) is tested before it is lowercased.
struct GramFilter {
    /// Bit `h` is set when a window of some phrase hashes to `h`.
    windows: Vec<u64>,
    /// How far apart the windows of a text are tested; none when a phrase is shorter than
    /// a window, which lets every text through.
    stride: Option<usize>,
}

impl GramFilter {
    fn new(phrases: &[&str]) -> GramFilter {
        let shortest = phrases.iter().map(|phrase| phrase.len()).min();
        let mut windows = vec![0u64; (1 << GRAM_HASH_BITS) / 64];
        for phrase in phrases {
            for window in phrase.as_bytes().windows(GRAM) {
                let hash = window_hash(window);
                windows[hash / 64] |= 1 << (hash % 64);
            }
        }
        GramFilter {
            windows,
            stride: shortest
                .filter(|&shortest| shortest >= GRAM)
                .map(|shortest| shortest - GRAM + 1),
        }
    }

    /// Whether `text` may hold one of the phrases, in any ASCII case; when not, it holds
    /// none.
    fn may_hold_one(&self, text: &[u8]) -> bool {
        let Some(stride) = self.stride else {
            return true;
        };
        let mut start = 0;
        while let Some(window) = text.get(start..start + GRAM) {
            let hash = window_hash(window);
            if self.windows[hash / 64] & (1 << (hash % 64)) != 0 {
                return true;
            }
            start += stride;
        }
        false
    }
}

/// The hash of a window of [`GRAM`] bytes, [`GRAM_HASH_BITS`] long, read without regard to
/// ASCII case (Fibonacci hashing: the top bits of a product with the golden ratio).
fn window_hash(window: &[u8]) -> usize {
    let bytes: [u8; GRAM] = window.try_into().expect("a window is GRAM bytes");
    let product = folded(bytes).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (product >> (64 - GRAM_HASH_BITS)) as usize
}

/// Eight bytes as a number, with bit 5 of each set: an ASCII letter and its uppercase (and
/// a few other pairs of bytes, such as `@` and `` ` ``) read alike.
pub(super) fn folded(bytes: [u8; 8]) -> u64 {
    u64::from_le_bytes(bytes) | 0x2020_2020_2020_2020
}

fn automaton(patterns: &[&str], start: StartKind) -> AhoCorasick {
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
pub(super) fn is_leading_symbol(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '•' | '·' | '|' | '>' | '»' | '›' | '-' | '–' | '—' | '*' | '#' | '▶' | '►' | '→'
        )
}

/// Characters stripped from the end of a line before matching.
pub(super) fn is_trailing_symbol(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | ','
                | '*'
                | '…'
                | '»'
                | '›'
                | '>'
                | '|'
                | '-'
                | '–'
                | '—'
                | '→'
        )
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
    // `split_whitespace` decodes every character to find the spaces; a line whose only
    // spaces are those `split_ascii_whitespace` knows is cut alike a byte at a time.
    if super::has_space_outside_ascii(trimmed.as_bytes()) || trimmed.as_bytes().contains(&b'\x0b') {
        push_words(trimmed.split_whitespace(), out);
    } else {
        push_words(trimmed.split_ascii_whitespace(), out);
    }
}

/// Writes `words` into `out` one space apart, lowercase, with curly quotes straightened.
fn push_words<'a>(words: impl Iterator<Item = &'a str>, out: &mut String) {
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        // The ASCII stretches of a word copied whole, the other characters one at a time.
        let mut rest = word;
        while let Some(at) = rest.bytes().position(|byte| !byte.is_ascii()) {
            push_ascii_lowercase(&rest[..at], out);
            let c = rest[at..]
                .chars()
                .next()
                .expect("a character starts at a non-ASCII byte");
            match c {
                '‘' | '’' | '‚' | '‛' | '′' => out.push('\''),
                '“' | '”' | '„' | '‟' | '″' => out.push('"'),
                c => out.extend(c.to_lowercase()),
            }
            rest = &rest[at + c.len_utf8()..];
        }
        push_ascii_lowercase(rest, out);
    }
}

/// Writes ASCII `text` into `out`, lowercase.
fn push_ascii_lowercase(text: &str, out: &mut String) {
    let start = out.len();
    out.push_str(text);
    out[start..].make_ascii_lowercase();
}

/// Whether the words of ASCII `text` (trimmed) are separated by single spaces, as most
/// lines' are: then it is copied whole rather than word by word. Checks every pair of
/// bytes in one pass without stopping early, which the compiler turns into vector code: a
/// space is out of place when it is not `' '` or when a space follows it.
fn is_single_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    let misplaced = bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .fold(false, |found, (&a, &b)| {
            found | (a.is_ascii_whitespace() & ((a != b' ') | (b == b' ')))
        });
    !misplaced
        && !bytes
            .last()
            .is_some_and(|&last| last.is_ascii_whitespace() && last != b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(line: &str) -> Option<&'static str> {
        let words = line.split_whitespace().count();
        Phrases::get().category(line.len(), line.trim(), words, &mut String::new())
    }

    #[test]
    fn lines_are_normalized_to_the_form_of_the_phrases() {
        for (line, normalized) in [
            (
                "  » Please enter your comment! ",
                "please enter your comment",
            ),
            ("Read   MORE\t»", "read more"),
            ("“Read More”", "\"read more\""),
            ("Ça\u{a0}va  BIEN ‘OK’…", "ça va bien 'ok'"),
            ("Leave a Reply\u{2009}— Cancel", "leave a reply — cancel"),
            ("ПОДЕЛИТЬСЯ\u{3000}В Facebook", "поделиться в facebook"),
            ("İstanbul’s NEWS", "i\u{307}stanbul's news"),
            // A vertical tab separates words only in a line that is not all ASCII.
            ("Share\x0bThis", "share\x0bthis"),
            ("Share\x0bThis’", "share this'"),
        ] {
            assert_eq!(normalize(line), normalized, "{line:?}");
        }
    }

    #[test]
    fn single_spacing_is_told_apart_from_runs_and_other_spaces() {
        for text in [
            "",
            "a",
            "a b",
            "a  b",
            "a\tb",
            "a \tb",
            "a\t b",
            "a\nb",
            "a ",
            "a\t",
            " a",
            "a b c d",
            "a\x0bb",
            "no double  space near the end of a longer line",
            "a b  ",
        ] {
            let bytes = text.as_bytes();
            let other_space = bytes.iter().any(|&b| b.is_ascii_whitespace() && b != b' ');
            let double_space = bytes.windows(2).any(|pair| pair == b"  ");
            assert_eq!(
                is_single_spaced(text),
                !other_space && !double_space,
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_sieve_rules_out_no_line_that_a_rule_matches() {
        let phrases = Phrases::get();
        let mut scratch = String::new();
        let mut matched = 0;
        for (_, list) in LISTS {
            for rule in list.lines().filter(|rule| !rule.starts_with('#')) {
                let Some(phrase) = rule.trim().splitn(3, ' ').nth(2) else {
                    continue;
                };
                let mut capitalized = phrase.chars();
                let capitalized: String = capitalized
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(capitalized)
                    .collect();
                let half: String = phrase.chars().take(phrase.chars().count() / 2).collect();
                for line in [
                    phrase.to_string(),
                    phrase.to_uppercase(),
                    format!("» {capitalized}…"),
                    format!("- {capitalized}:"),
                    format!("{phrase} {phrase}"),
                    format!("{capitalized} and a few more words after it"),
                    format!("{phrase}s"),
                    format!("Words before it, {phrase}."),
                    format!("2008 {phrase}"),
                    half,
                ] {
                    let text = line.trim();
                    let words = text.split_whitespace().count();
                    if phrases.matched(text, words, &mut scratch).is_some() {
                        assert!(!phrases.ruled_out(text), "{text:?}");
                        matched += 1;
                    }
                }
            }
        }
        assert!(matched > 10_000, "{matched}");
    }

    #[test]
    fn the_sieve_rules_out_prose_and_names() {
        for line in [
            "Chinese President Xi Jinping will make a state visit to Russia next week.",
            "What is on the agenda?",
            "Vladimir Putin",
            "Business",
        ] {
            assert!(Phrases::get().ruled_out(line), "{line}");
        }
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
    fn the_window_filter_lets_every_phrase_through_wherever_it_stands() {
        let phrases = ["all rights reserved", "this website uses cookies to"];
        let filter = GramFilter::new(&phrases);
        for phrase in phrases {
            for before in 0..30 {
                let text = format!("{}{phrase} and more", "x".repeat(before));
                assert!(filter.may_hold_one(text.as_bytes()), "{text}");
            }
        }
        assert!(!filter.may_hold_one(b"The talks covered energy, trade and the war."));
    }

    #[test]
    fn a_phrase_shorter_than_a_window_lets_every_text_through() {
        let filter = GramFilter::new(&["cookies", "all rights reserved"]);
        assert!(filter.may_hold_one(b"The talks covered energy, trade and the war."));
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
