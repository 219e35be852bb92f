//! `boilerplate`: lines that are not article text are removed: comment forms, share and
//! cookie widgets, newsletter prompts, teasers, legal lines, menus and link lists.
//!
//! ```
//! use unscrape::stages::Boilerplate;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "\
//! Home
//! World
//! Business
//! 17 March 2023
//! Chinese President Xi Jinping will make a state visit to Russia next week, Beijing and Moscow said on Friday. The Kremlin said the three-day trip will take place at the invitation of Russian leader Vladimir Putin.
//! What is on the agenda?
//! Kremlin spokesman Dmitry Peskov said that Putin and Xi would have a one-to-one meeting over an informal dinner on Monday. On Tuesday, officials from both countries are set to take part in broader talks.
//! Please enter your comment!
//! Please enter your name here
//! ";
//! // Four phrase lines make this a whole page: the menu goes with the comment form, and the
//! // dateline.
//! assert_eq!(
//!     Boilerplate::new().apply(dump, &mut Trace::off()),
//!     "\
//! Chinese President Xi Jinping will make a state visit to Russia next week, Beijing and Moscow said on Friday. The Kremlin said the three-day trip will take place at the invitation of Russian leader Vladimir Putin.
//! What is on the agenda?
//! Kremlin spokesman Dmitry Peskov said that Putin and Xi would have a one-to-one meeting over an informal dinner on Monday. On Tuesday, officials from both countries are set to take part in broader talks.
//! "
//! );
//! ```
//!
//! Two judges, each naming its rule in the trace. First the phrase lists of
//! `data/boilerplate/` (nine languages) recognize widget text wherever it stands. Then a
//! line classifier in the manner of jusText, applied to text lines: each line is judged on
//! its own (length, share of stop words, copyright sign) as good, near-good, short or bad;
//! short and near-good lines then take the verdict of their nearest good or bad neighbours,
//! so a subheading between paragraphs stays while a menu between a header and the article
//! goes. Once is enough: the lines kept match no phrase, so that judged again, they would
//! be a text with nothing to remove; the stage is idempotent. A document with no good line
//! keeps all but its phrase and copyright lines: with no article to anchor to, nothing else
//! is judged.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::lines::words_until;
use crate::pipeline::{Origin, Stage};
use crate::rewrite::Rewriter;
use crate::swar;
use crate::trace::Trace;

mod app_prompt;
mod bloom;
mod classify;
mod comments;
mod credit;
mod dateline;
mod features;
mod metaline;
mod phrases;
mod sieve;

pub(crate) use phrases::category as phrase_category;

use classify::{Class, DocumentKind, LineVerdicts};
use features::LineFeatures;
use phrases::Phrases;

/// Removes lines that are not article text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Boilerplate;

impl Boilerplate {
    /// The stage's name.
    pub const NAME: &'static str = "boilerplate";

    /// The stage with its default judges.
    pub fn new() -> Self {
        Boilerplate
    }
}

/// A visible line that a rule condemns on its own: its bytes (with its line break) and the
/// rules.
struct Line {
    range: Range<usize>,
    /// The category of the phrase rule the line matched.
    phrase: Option<&'static str>,
    /// Cut short with an ellipsis, right above a "Read more" line.
    teaser: bool,
    /// The rule that condemns the line by its shape (see [`shape_rule`]), if any.
    shape: Option<&'static str>,
}

impl Line {
    /// The rule that condemns the line on its own, if any. Only phrase rules count towards
    /// telling a page from a text: datelines, teasers, credits, metadata and copyright
    /// lines occur in both.
    fn rule(&self) -> Option<&'static str> {
        self.phrase
            .or(self.teaser.then_some("teaser"))
            .or(self.shape)
    }
}

/// The visible (not blank) lines of `input`: the bytes of each (with its line break, as
/// `str::split_inclusive('\n')` cuts them), and its text, trimmed.
///
/// ```text
/// "\n  Home\n \t\nNews"  -> 1..8 "Home", 11..15 "News"
/// ```
///
/// Blank lines and indentation are skipped in one pass (see [`first_visible`]), and only
/// the rest of a visible line is searched for its end (SIMD `memchr`): about half the lines
/// of a dump are blank.
fn visible_lines(input: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let bytes = input.as_bytes();
    let mut next = 0;
    std::iter::from_fn(move || {
        loop {
            let (start, first) = first_visible(bytes, next)?;
            let end =
                memchr::memchr(b'\n', &bytes[first..]).map_or(bytes.len(), |at| first + at + 1);
            next = end;
            // Both ends fall between characters: the bytes before `first` are ASCII.
            let text = trim_line(&input[first..end]);
            if !text.is_empty() {
                return Some((start..end, text));
            }
        }
    })
}

/// The first byte at or after `from` that is not an ASCII space, and the start of its line
/// (`from` itself, or the byte after a line break). Eight bytes at a time, without a branch
/// on each: a space is a byte equal to `' '`, or one from a tab to a carriage return.
fn first_visible(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    if !is_ascii_space(*bytes.get(from)?) {
        // Most lines of text follow one another.
        return Some((from, from));
    }
    // The position after the last line break of `newlines`, a word's marks at `at`.
    let after_last =
        |newlines: u64, at: usize| at + (63 - newlines.leading_zeros()) as usize / 8 + 1;
    let mut start = from;
    let mut at = from;
    while let Some(word) = swar::load(bytes, at) {
        // Bytes 9 to 13: with the top bit raised, at least 9 and less than 14.
        let raised = word | swar::HIGH_BITS;
        let controls = raised.wrapping_sub(u64::from_ne_bytes([b'\t'; 8]))
            & !raised.wrapping_sub(u64::from_ne_bytes([b'\r' + 1; 8]))
            & !word;
        let visible = !(swar::bytes_equal(word, b' ') | controls) & swar::HIGH_BITS;
        let mut newlines = swar::bytes_equal(word, b'\n');
        if visible != 0 {
            // The line breaks before the first visible byte.
            newlines &= visible ^ (visible - 1);
        }
        if newlines != 0 {
            start = after_last(newlines, at);
        }
        if visible != 0 {
            return Some((start, at + swar::offset_of(visible)));
        }
        at += 8;
    }
    for (at, &byte) in bytes.iter().enumerate().skip(at) {
        if byte == b'\n' {
            start = at + 1;
        } else if !is_ascii_space(byte) {
            return Some((start, at));
        }
    }
    None
}

/// The visible lines of a text, found once for both judges.
struct Lines {
    /// The bytes of every visible line (with its line break), in order.
    visible: Vec<Range<usize>>,
    /// The visible lines that a rule condemns on their own, in order.
    condemned: Vec<Line>,
}

/// The visible lines of `input`, and those that a rule condemns on their own.
fn judge_lines(input: &str) -> Lines {
    let phrases = Phrases::get();
    let mut visible = Vec::new();
    let mut condemned: Vec<Line> = Vec::new();
    let mut normalized = String::new();
    // The visible line before, if it matched no phrase.
    let mut before: Option<Range<usize>> = None;
    for (range, text) in visible_lines(input) {
        visible.push(range.clone());
        let core = phrases.plain_core(range.len(), text);
        let words = || words_up_to(text, phrases::CONTAINS_MAX_WORDS);
        let phrase = phrases.category(range.len(), text, core, words, &mut normalized);
        if let Some(before) = before.take()
            && phrase == Some("teaser")
        {
            // A line cut short by an ellipsis just above a "Read more" line is a teaser of
            // another article.
            let cut = input[before.clone()].trim_end();
            if cut.ends_with('…') || cut.ends_with("...") {
                match condemned.last_mut() {
                    Some(last) if last.range == before => last.teaser = true,
                    _ => condemned.push(Line {
                        range: before,
                        phrase: None,
                        teaser: true,
                        shape: None,
                    }),
                }
            }
        }
        let line = Line {
            range,
            phrase,
            teaser: false,
            shape: shape_rule(text, phrase.is_some(), core.is_some()),
        };
        before = phrase.is_none().then(|| line.range.clone());
        if line.rule().is_some() {
            condemned.push(line);
        }
    }
    Lines { visible, condemned }
}

/// The rule that condemns a trimmed line by its shape rather than its words, if any: a
/// date stamp, an agency credit, a post's metadata, an app prompt (none of which a line
/// matched by a phrase rule is said to be), or a copyright line. A plain line (`ascii`)
/// holds no ©.
fn shape_rule(text: &str, phrase: bool, ascii: bool) -> Option<&'static str> {
    if !phrase {
        if dateline::is_dateline(text) {
            return Some("dateline");
        }
        if credit::is_credit(text) {
            return Some("credit");
        }
        if metaline::is_meta_line(text) {
            return Some("meta_line");
        }
        if app_prompt::is_app_prompt(text) {
            return Some("app_prompt");
        }
    }
    (is_copyright(text, ascii) && words_up_to(text, COPYRIGHT_MAX_WORDS) <= COPYRIGHT_MAX_WORDS)
        .then_some("copyright")
}

/// The lines of a page that go, with the rule that removes each, in order: every visible
/// line is measured and judged in its neighbourhood, the condemned ones as bad (or, for
/// datelines, credits and metadata lines, as asides), and the comment section goes whole.
fn page_removals(input: &str, lines: Lines) -> Vec<(Range<usize>, &'static str)> {
    let mut condemned = lines.condemned.iter().peekable();
    let ranges = lines.visible;
    let mut classes = Vec::with_capacity(ranges.len());
    let mut lengths = Vec::with_capacity(ranges.len());
    for range in &ranges {
        let rule = condemned
            .next_if(|line| line.range == *range)
            .and_then(Line::rule);
        let features = LineFeatures::of(&input[range.clone()]);
        classes.push(Class::of(&features, rule));
        lengths.push(features.chars);
    }
    let mut removed: Vec<Option<&'static str>> = vec![None; ranges.len()];
    if let Some(header) = comment_section_start(input, &ranges, &classes) {
        removed[header..].fill(Some("comment_section"));
    }
    for (position, rule) in LineVerdicts::decide(&classes, &lengths).removals() {
        removed[position].get_or_insert(rule);
    }
    ranges
        .into_iter()
        .zip(removed)
        .filter_map(|(range, rule)| Some((range, rule?)))
        .collect()
}

/// Where the comment section of a page starts, as a position in its visible lines (`ranges`
/// in `input`, of the given `classes`): the first comment header after the first good line.
fn comment_section_start(input: &str, ranges: &[Range<usize>], classes: &[Class]) -> Option<usize> {
    let first_good = classes.iter().position(|class| *class == Class::Good)?;
    (first_good + 1..ranges.len())
        .find(|&position| comments::is_comment_header(&input[ranges[position].clone()]))
}

/// A line with © or "Copyright" is a legal line when it is this short; longer, it is an
/// article that ends with its credit line.
const COPYRIGHT_MAX_WORDS: usize = 30;

/// Holds © or starts with "Copyright" and a year ("Copyright (c) 2008 Reuters"), not a
/// sentence about copyright. `text` is a trimmed line, known to hold no © when `ascii`.
fn is_copyright(text: &str, ascii: bool) -> bool {
    let has_copyright_sign = || !ascii && has_copyright_sign(text);
    let Some(rest) = text
        .get(..9)
        .filter(|start| start.eq_ignore_ascii_case("copyright"))
        .map(|_| &text[9..])
    else {
        return has_copyright_sign();
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("(c)")
        .or(rest.strip_prefix("(C)"))
        .unwrap_or(rest);
    rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) || has_copyright_sign()
}

/// Whether `text` holds ©. The lines searched (all but the plain ones, paragraphs among
/// them) are searched to their end: SIMD `memchr` finds the first byte of © (`0xc2`, rare
/// outside Latin-1 letters), and only those found are looked at (`str::contains` goes a
/// word at a time).
fn has_copyright_sign(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xc2, bytes).any(|at| bytes.get(at + 1) == Some(&0xa9))
}

/// `line.trim()`, with the ASCII spaces at its ends (indentation, the line break, a blank
/// line's tabs) skipped a byte at a time rather than decoded as characters; only a line
/// with a non-ASCII character at either end, which may be a Unicode space, is left to
/// `str::trim`.
fn trim_line(line: &str) -> &str {
    let bytes = line.as_bytes();
    let start = bytes
        .iter()
        .position(|&byte| !is_ascii_space(byte))
        .unwrap_or(bytes.len());
    let end = bytes[start..]
        .iter()
        .rposition(|&byte| !is_ascii_space(byte))
        .map_or(start, |last| start + last + 1);
    // Both ends fall between characters: the bytes beyond them are ASCII.
    let inner = &line[start..end];
    let inner_bytes = inner.as_bytes();
    if inner_bytes.first().is_some_and(|byte| !byte.is_ascii())
        || inner_bytes.last().is_some_and(|byte| !byte.is_ascii())
    {
        return inner.trim();
    }
    inner
}

/// The whitespace-separated words of `line`, counted up to `limit + 1` or a little more: a
/// rule only asks whether a line has at most so many words, and a paragraph has hundreds.
/// The line is counted 64 bytes at a time without a branch per byte (which would be
/// mispredicted at every word), its bytes outside ASCII counting as letters: they are,
/// unless the bytes counted hold one of the rare spaces outside ASCII, and then the line is
/// counted a word at a time.
fn words_up_to(line: &str, limit: usize) -> usize {
    let bytes = line.as_bytes();
    let (words, counted) = words_until(bytes, limit + 1, |&byte| is_ascii_space(byte));
    // Two bytes more: a space of three bytes may start in the last byte counted.
    if has_space_outside_ascii(&bytes[..bytes.len().min(counted + 2)]) {
        return line.split_whitespace().take(limit + 1).count();
    }
    words
}

/// Whether `bytes` (of UTF-8 text, maybe cut short) hold a whitespace character outside
/// ASCII: U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F or
/// U+3000. ASCII text is told at once; in the rest, SIMD `memchr` finds the bytes that can
/// start one, and only those are looked at.
fn has_space_outside_ascii(bytes: &[u8]) -> bool {
    if bytes.is_ascii() {
        return false;
    }
    let space_at = |at: usize| {
        let next = |offset: usize| bytes.get(at + offset).copied();
        matches!(
            (bytes[at], next(1), next(2)),
            (0xc2, Some(0x85 | 0xa0), _)
                | (0xe1, Some(0x9a), Some(0x80))
                | (0xe2, Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf))
                | (0xe2, Some(0x81), Some(0x9f))
                | (0xe3, Some(0x80), Some(0x80))
        )
    };
    memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes).any(space_at)
        || memchr::memchr_iter(0xe1, bytes).any(space_at)
}

/// Whether ASCII `byte` is whitespace to `char::is_whitespace` (tab to carriage return, or
/// space), in comparisons the compiler can vectorize.
fn is_ascii_space(byte: u8) -> bool {
    (byte == b' ') | (byte.wrapping_sub(b'\t') < 5)
}

impl Stage for Boilerplate {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "lines that are not article text removed: comment forms, share/cookie/newsletter \
         widgets, teasers, legal lines (phrase lists in 9 languages), and menus, footers and \
         link lists (a jusText-style line classifier)"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        self.apply_to(input, Origin::Unknown, trace)
    }

    /// A whole page's text is judged line by line and by neighbours, an extracted
    /// article's only by the rules that condemn a line on sight; a text of unknown origin
    /// is a whole page when it holds several lines the phrase lists know.
    fn apply_to<'a>(&self, input: &'a str, origin: Origin, trace: &mut Trace) -> Cow<'a, str> {
        let lines = judge_lines(input);
        let kind = match origin {
            Origin::Unknown => {
                let phrase_lines: FxHashSet<&str> = lines
                    .condemned
                    .iter()
                    .filter(|line| line.phrase.is_some())
                    .map(|line| input[line.range.clone()].trim())
                    .collect();
                DocumentKind::of(phrase_lines.len())
            }
            Origin::Article => DocumentKind::Text,
            Origin::WholePage => DocumentKind::Page,
        };
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        match kind {
            DocumentKind::Text => {
                for line in &lines.condemned {
                    if let Some(rule) = line.rule() {
                        rewriter.remove(line.range.clone(), rule);
                    }
                }
            }
            DocumentKind::Page => {
                for (range, rule) in page_removals(input, lines) {
                    rewriter.remove(range, rule);
                }
            }
        }
        rewriter.finish()
    }
}

/// Every string of one to `most` of `pieces` in a row, for tests that compare a fast path
/// with a plain one on all of them.
#[cfg(test)]
fn concatenations(pieces: &[&str], most: usize) -> Vec<String> {
    let mut all = Vec::new();
    let mut row = vec![String::new()];
    for _ in 0..most {
        row = row
            .iter()
            .flat_map(|start| pieces.iter().map(move |piece| format!("{start}{piece}")))
            .collect();
        all.extend(row.iter().cloned());
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::line_ranges;

    #[test]
    fn visible_lines_are_the_lines_that_trim_to_some_text() {
        let pieces = [
            " ", "\n", "\t", "\x0b", "\r\n", "a", "é", "\u{a0}", "        ", "a b c d ",
        ];
        for input in &concatenations(&pieces, 5) {
            let expected: Vec<(Range<usize>, &str)> = line_ranges(input)
                .map(|range| (range.clone(), input[range].trim()))
                .filter(|(_, text)| !text.is_empty())
                .collect();
            assert_eq!(
                visible_lines(input).collect::<Vec<_>>(),
                expected,
                "{input:?}"
            );
        }
    }

    #[test]
    fn lines_are_trimmed_as_str_trim_trims_them() {
        for line in [
            "",
            "\n",
            " \n",
            "a\n",
            "a",
            " a b \r\n",
            "«a»\n",
            "a\u{a0}\n",
            "\u{3000} a\n",
            " \t\x0b \n",
            "\ta.\n",
        ] {
            assert_eq!(trim_line(line), line.trim(), "{line:?}");
        }
    }

    #[test]
    fn spaces_outside_ascii_are_found_as_char_is_whitespace_finds_them() {
        for c in '\u{80}'..=char::MAX {
            for text in [format!("{c}"), format!("ab{c}cd"), format!("é{c}")] {
                assert_eq!(
                    has_space_outside_ascii(text.as_bytes()),
                    c.is_whitespace(),
                    "{c:?}"
                );
            }
        }
        assert!(!has_space_outside_ascii(
            "“Xi” and “Putin” — 東京".as_bytes()
        ));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for line in [
            "",
            "  \n",
            "one",
            " Chelsea  are\thoping to\x0bcomplete\r\n",
            "Le\u{a0}Monde\u{3000}東京 «\u{2009}citation\u{2009}» \u{1c}x\u{85}y",
            "né à Genève, l’été dernier",
            &"a few words of a line longer than a block of bytes, ".repeat(9),
            &"spaces  between\t".repeat(40),
            &format!("{}\u{2009}b c", "a".repeat(63)),
            &format!("{}\u{a0}y", "x ".repeat(50)),
        ] {
            for limit in [0, 1, 2, 5, 11, 40, 1000] {
                let words = line.split_whitespace().count();
                let counted = words_up_to(line, limit);
                assert!(
                    counted == words || counted > limit && words > limit,
                    "{line:?} {limit}"
                );
            }
        }
    }
}
