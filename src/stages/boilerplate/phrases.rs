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

use super::bloom::Bloom;
use super::sieve::{Sieve, plain_len};

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
    /// Tells the lines that start like no `line` or `prefix` phrase, plain lines before
    /// they are normalized.
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

    /// The category of the `prefix` rule that matches normalized line `text`, of `words`
    /// words, if any.
    fn prefix(&self, text: &str, words: usize) -> Option<&'static str> {
        if words > PREFIX_MAX_WORDS {
            return None;
        }
        let found = self
            .prefixes
            .find(Input::new(text).anchored(Anchored::Yes))
            .filter(|found| ends_word(text, found.end()))?;
        let category = self.prefix_categories[found.pattern().as_usize()];
        // A teaser or menu label is a few words; "More from the interview: Putin said that
        // the talks would cover energy" is a sentence.
        let long_form = matches!(
            category,
            "comment_form" | "legal" | "cookie_banner" | "newsletter" | "login"
        );
        (long_form || words <= SHORT_PREFIX_MAX_WORDS).then_some(category)
    }

    /// The category of the first `contains` rule that matches normalized line `text`, if
    /// any.
    fn contained(&self, text: &str) -> Option<&'static str> {
        self.contained
            .find_iter(text)
            .find(|found| starts_clause(text, found.start()) && ends_word(text, found.end()))
            .map(|found| self.contained_categories[found.pattern().as_usize()])
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

    /// The core of a line of `line_bytes` bytes (with its line break), trimmed to `text`, if
    /// it is plain (see [`Sieve`]): ASCII, and tested for phrases without being normalized.
    /// Only a line short enough for the phrase rules is looked at.
    pub(super) fn plain_core<'a>(&self, line_bytes: usize, text: &'a str) -> Option<&'a [u8]> {
        if line_bytes > MAX_LINE_BYTES {
            return None;
        }
        self.sieve.plain_core(text)
    }

    /// The category of the first rule that matches a line of `line_bytes` bytes (with its
    /// line break), trimmed to `text`, of [`Phrases::plain_core`] `core`, if any. `words`
    /// counts the line's words (exactly up to [`CONTAINS_MAX_WORDS`]): only a line that
    /// starts like a phrase or holds a window of one needs them, and a long line, so as not
    /// to normalize a paragraph. `scratch` holds the normalized line: one buffer for all the
    /// lines of a document instead of one allocation per line.
    pub(super) fn category(
        &self,
        line_bytes: usize,
        text: &str,
        core: Option<&[u8]>,
        words: impl Fn() -> usize,
        scratch: &mut String,
    ) -> Option<&'static str> {
        if line_bytes > MAX_LINE_BYTES {
            return None;
        }
        if text.starts_with(char::is_lowercase) && text.ends_with(['.', '!', '?']) {
            // The end of a sentence wrapped onto its own line ("might\nhelp."), not a widget.
            return None;
        }
        // Most lines are plain, and ruled out before they are counted and normalized.
        if core.is_some_and(|core| self.candidates(core, &self.ascii) == (false, false)) {
            return None;
        }
        // Words take a byte each and are a byte apart: a shorter line has too few words to
        // be counted now.
        let counted = (text.len() > 2 * CONTAINS_MAX_WORDS).then(&words);
        if counted.is_some_and(|words| words > CONTAINS_MAX_WORDS) {
            return None;
        }
        normalize_into(text, scratch);
        let normalized = scratch.as_str();
        if normalized.is_empty() {
            return None;
        }
        let automata = self.automata_for(normalized);
        let (may_start, may_hold) = self.candidates(normalized.as_bytes(), automata);
        if !may_start && !may_hold {
            return None;
        }
        let words = counted.unwrap_or_else(words);
        if may_start {
            if let Some(category) = self.whole_line(normalized) {
                return Some(category);
            }
            if let Some(category) = automata.prefix(normalized, words) {
                return Some(category);
            }
        }
        if !may_hold {
            return None;
        }
        automata.contained(normalized)
    }

    /// The automata that can match normalized line `text`: those of the ASCII phrases
    /// when it is ASCII.
    fn automata_for(&self, text: &str) -> &Automata {
        if text.is_ascii() {
            &self.ascii
        } else {
            &self.all
        }
    }

    /// Whether normalized line `text` (or the core of a plain line) may match a `line` or
    /// `prefix` rule, and whether it may match a `contains` rule of `automata`; when not,
    /// it matches none.
    fn candidates(&self, text: &[u8], automata: &Automata) -> (bool, bool) {
        (
            self.sieve.may_start_one(text),
            automata.contained_filter.may_hold_one(text),
        )
    }
}

/// Bytes in a window of [`GramFilter`].
const GRAM: usize = 8;
/// Bits of the set of windows in [`GramFilter`]: a 16 KiB table, in which the 2,500 windows
/// of the phrases (two bits each) set about 4%.
const GRAM_BITS: u32 = 17;

/// A test that a text holds none of a set of phrases, far cheaper than searching it: the
/// sampled-window filter. A phrase of length `n` found in the text covers a window of
/// [`GRAM`] bytes starting at a multiple of `stride` when `stride <= n - GRAM + 1`, so with
/// the stride set by the shortest phrase, a text none of whose windows at those positions
/// is a window of a phrase holds no phrase. The windows of the phrases are kept in a
/// [`Bloom`] filter: a false "maybe" only lets a text through to the real search. Windows
/// are read without regard to ASCII case, so that the core of a plain line (see
/// [`super::sieve`]) is tested before it is lowercased.
struct GramFilter {
    /// The windows of the phrases, as [`folded`] numbers.
    windows: Bloom,
    /// How far apart the windows of a text are tested; none when a phrase is shorter than
    /// a window, which lets every text through.
    stride: Option<usize>,
}

impl GramFilter {
    fn new(phrases: &[&str]) -> GramFilter {
        let shortest = phrases.iter().map(|phrase| phrase.len()).min();
        let mut windows = Bloom::new(GRAM_BITS);
        for phrase in phrases {
            for window in phrase.as_bytes().windows(GRAM) {
                windows.insert(window_key(window));
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
            if self.windows.may_hold(window_key(window)) {
                return true;
            }
            start += stride;
        }
        false
    }
}

/// A window of [`GRAM`] bytes as a number, read without regard to ASCII case.
fn window_key(window: &[u8]) -> u64 {
    folded(window.try_into().expect("a window is GRAM bytes"))
}

/// Eight bytes as a number, with bit 5 of each set: an ASCII letter and its uppercase (and
/// a few other pairs of bytes, such as `@` and `` ` ``) read alike.
pub(super) fn folded(bytes: [u8; 8]) -> u64 {
    u64::from_le_bytes(bytes) | 0x2020_2020_2020_2020
}

fn automaton(patterns: &[&str], start: StartKind) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
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
/// The words are those of `split_whitespace`, except in an ASCII line, where a vertical tab
/// (which `split_ascii_whitespace` keeps in its word) separates none. The line is copied a
/// plain stretch at a time (see [`plain_len`]): most lines are one; the characters that end
/// a stretch (outside ASCII, a control character, a second space) are looked at one by one.
fn normalize_into(line: &str, out: &mut String) {
    out.clear();
    let trimmed = line
        .trim_start_matches(is_leading_symbol)
        .trim_end_matches(is_trailing_symbol);
    let separates = |c: char| c.is_whitespace() && (c != '\x0b' || !trimmed.is_ascii());
    let mut rest = trimmed;
    loop {
        let plain = plain_len(rest.as_bytes());
        push_ascii_lowercase(&rest[..plain], out);
        rest = &rest[plain..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        if separates(c) {
            // A run of spaces, of which a stretch may have copied the first: `trimmed`
            // neither starts nor ends with one.
            rest = rest.trim_start_matches(separates);
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '‘' | '’' | '‚' | '‛' | '′' => out.push('\''),
            '“' | '”' | '„' | '‟' | '″' => out.push('"'),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Writes ASCII `text` into `out`, lowercase.
fn push_ascii_lowercase(text: &str, out: &mut String) {
    let start = out.len();
    out.push_str(text);
    out[start..].make_ascii_lowercase();
}

/// The category of the phrase rule that one line of text matches, if any: "Related
/// posts" gives "teaser", "Leave a Reply" "comment_form", "The talks went on." none.
pub(crate) fn category(line: &str) -> Option<&'static str> {
    let text = line.trim();
    let phrases = Phrases::get();
    let core = phrases.plain_core(line.len(), text);
    let words = || text.split_whitespace().count();
    phrases.category(line.len(), text, core, words, &mut String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Normalization as it reads: word by word, each character lowercased on its own.
    fn normalized_word_by_word(line: &str) -> String {
        let trimmed = line
            .trim_start_matches(is_leading_symbol)
            .trim_end_matches(is_trailing_symbol);
        let words: Vec<&str> = if trimmed.is_ascii() {
            trimmed.split_ascii_whitespace().collect()
        } else {
            trimmed.split_whitespace().collect()
        };
        let word = |word: &str| -> String {
            word.chars()
                .flat_map(|c| match c {
                    '‘' | '’' | '‚' | '‛' | '′' => "'".chars().collect(),
                    '“' | '”' | '„' | '‟' | '″' => "\"".chars().collect(),
                    c => c.to_lowercase().collect::<Vec<char>>(),
                })
                .collect()
        };
        words.into_iter().map(word).collect::<Vec<_>>().join(" ")
    }

    /// The category of `text` by the rules alone: every line normalized and matched, without
    /// the sieve and the window filters.
    fn category_unfiltered(text: &str) -> Option<&'static str> {
        let phrases = Phrases::get();
        let words = text.split_whitespace().count();
        if text.len() > MAX_LINE_BYTES || words > CONTAINS_MAX_WORDS {
            return None;
        }
        if text.starts_with(char::is_lowercase) && text.ends_with(['.', '!', '?']) {
            return None;
        }
        let normalized = normalized_word_by_word(text);
        if normalized.is_empty() {
            return None;
        }
        let automata = phrases.automata_for(&normalized);
        phrases
            .whole_line(&normalized)
            .or_else(|| automata.prefix(&normalized, words))
            .or_else(|| automata.contained(&normalized))
    }

    #[test]
    fn normalizing_a_stretch_at_a_time_is_normalizing_word_by_word() {
        let pieces = [
            "a", "Bc", " ", "  ", "\t", "\x0b", "\x01", "\u{a0}", "\u{2009}", "é", "É", "’", "“",
            "İ", "東", "-", "»", ".", "…", "x\u{300}", "abcdefgh",
        ];
        for line in &super::super::concatenations(&pieces, 4) {
            assert_eq!(normalize(line), normalized_word_by_word(line), "{line:?}");
        }
    }

    #[test]
    fn the_filters_keep_every_line_that_a_rule_matches() {
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
                    format!("{capitalized}  and a few more words after it"),
                    format!("{phrase}s"),
                    format!("Words before it, {phrase}."),
                    format!("2008 {phrase}"),
                    format!("Été\t{phrase}"),
                    half,
                ] {
                    let text = line.trim();
                    let expected = category_unfiltered(text);
                    assert_eq!(category(text), expected, "{text:?}");
                    matched += usize::from(expected.is_some());
                }
            }
        }
        assert!(matched > 10_000, "{matched}");
    }

    #[test]
    fn plain_prose_is_ruled_out_before_it_is_normalized() {
        let phrases = Phrases::get();
        for line in [
            "Chinese President Xi Jinping will make a state visit to Russia next week.",
            "The president said so.",
            "What is on the agenda?",
            "Vladimir Putin",
            "Business",
        ] {
            let core = phrases.sieve.plain_core(line).expect("a plain line");
            assert_eq!(
                phrases.candidates(core, &phrases.ascii),
                (false, false),
                "{line}"
            );
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
