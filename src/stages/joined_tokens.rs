//! `joined_tokens`: words that a scraper glued together are separated again, and a token
//! written twice is written once.
//!
//! ```
//! use unscrape::stages::JoinedTokens;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "The West is suspicious of China’sChina’s close relations with Russiaand \
//!             Beijing’s vow to stay neutral in the united statesIt has said.The talks";
//! assert_eq!(
//!     JoinedTokens::new().apply(dump, &mut Trace::off()),
//!     "The West is suspicious of China’s close relations with Russia and \
//!      Beijing’s vow to stay neutral in the united states It has said. The talks"
//! );
//! ```
//!
//! Five repairs, each named in the trace:
//! - `doubled`: a token written twice without a space ("McDonaldsMcDonalds"), unless the
//!   doubled form is itself a word (couscous, tsetse, bonbon);
//! - `case_glue`: a lowercase letter followed by a capitalized word ("statesIt",
//!   "КупринАккаунт"), an acronym followed by a capitalized word ("AMThe"), or a number
//!   followed by one ("2019The"), unless the token is a name written that way (iPhone,
//!   McDonald, LeBron, YouTube) or a code identifier (getElementById, useState);
//! - `sentence_glue`: a sentence end followed at once by the next sentence ("said.The");
//! - `extension_glue`: a file name or domain glued to the next word ("hello.wasmhello");
//! - `word_glue`: in English text, a rare or unknown word that is two common words run
//!   together ("Russiaand"), found with the embedded word-frequency list.
//!
//! Never touched: URLs, e-mail addresses, @handles, #hashtags, tokens with code punctuation,
//! chemical formulas (NaCl, H2O), abbreviations and file names ("U.S.", "e.g.", "Node.js",
//! "3.14").

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::trace::{Edit, Trace};
use crate::words::WordFrequencies;

mod boundaries;
mod memo;
mod scan;
mod segment;
mod short_words;

use boundaries::Mode;
use scan::Shape;
use segment::Pairs;
use short_words::ShortWords;

/// Splits glued words and undoes doubled tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct JoinedTokens;

impl JoinedTokens {
    /// The stage's name.
    pub const NAME: &'static str = "joined_tokens";

    /// The stage with its only behaviour.
    pub fn new() -> Self {
        JoinedTokens
    }
}

/// One planned edit: replace `range` of the input with `insert`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Repair {
    start: usize,
    end: usize,
    insert: &'static str,
    rule: &'static str,
}

impl Stage for JoinedTokens {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "doubled tokens written once (China'sChina's), glued words split at case and sentence \
         boundaries (statesIt, said.The) and, in English, by word frequency (Russiaand)"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        let (repairs, english) = plan_repairs(input, None);
        if repairs.is_empty() {
            return Cow::Borrowed(input);
        }
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        for repair in &repairs {
            rewriter.replace(repair.start..repair.end, repair.insert, repair.rule);
        }
        let mut text = rewriter.finish().into_owned();
        // A repair can make a part show what its whole did not: "China’sChina’sThe"
        // becomes "China’sChina’s The", whose first token is doubled. Repeat, on the tokens
        // the last round changed, until the text is stable, so that the stage is
        // idempotent; later rounds are recorded with their ranges mapped back to the
        // stage's input. (Tokens a round left alone have nothing for the next one: the
        // document-wide counts only fall as glue is repaired, and each line's language was
        // decided on its words as they read after the repairs.)
        let mut rounds = vec![repairs];
        for _ in 1..MAX_ROUNDS {
            let touched = touched_tokens(&text, rounds.last().map_or(&[][..], Vec::as_slice));
            let (more, _) = plan_repairs(&text, Some((&touched, &english)));
            if more.is_empty() {
                break;
            }
            for repair in &more {
                trace.record(|| Edit {
                    stage: Self::NAME,
                    rule: repair.rule,
                    range: to_input(&rounds, repair.start)..to_input(&rounds, repair.end),
                    removed: text[repair.start..repair.end].to_string(),
                    inserted: repair.insert.to_string(),
                });
            }
            text = apply_repairs(&text, &more);
            rounds.push(more);
        }
        Cow::Owned(text)
    }
}

/// The tokens of the text that `repairs` produced which hold or touch one of them, with
/// their lines (repairs never add or remove a line break).
fn touched_tokens(text: &str, repairs: &[Repair]) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut touched: Vec<(usize, usize, usize)> = Vec::new();
    let mut line = 0;
    let mut counted_to = 0;
    let mut shift: isize = 0;
    for repair in repairs {
        let at = repair.start.saturating_add_signed(shift);
        let after = at + repair.insert.len();
        shift += repair.insert.len() as isize - (repair.end - repair.start) as isize;
        let start = bytes[..at]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |p| p + 1);
        let end = bytes[after..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |p| after + p);
        let start = start.max(touched.last().map_or(0, |t| t.1));
        line += bytes[counted_to.min(start)..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = counted_to.max(start);
        // The repaired stretch may hold a space the repair inserted: one token each side.
        let mut token_start = start;
        for (i, &b) in bytes[start..end].iter().enumerate() {
            if b.is_ascii_whitespace() {
                if start + i > token_start {
                    touched.push((token_start, start + i, line));
                }
                token_start = start + i + 1;
            }
        }
        if end > token_start {
            touched.push((token_start, end, line));
        }
    }
    touched
}

/// Rounds of repairs after which the text is stable in every case seen; a bound, not a
/// goal.
const MAX_ROUNDS: usize = 8;

/// Tokens to look at (byte range and line) and whether each line is English, for a round
/// that looks at some tokens only.
type Only<'s> = (&'s [(usize, usize, usize)], &'s [bool]);

/// Every repair the stage makes to `input` (only to the tokens of `only`, when given), in
/// order, and whether each line of `input` is English.
fn plan_repairs(input: &str, only: Option<Only<'_>>) -> (Vec<Repair>, Vec<bool>) {
    let plan = Plan::make(input, only);
    let english = match only {
        Some((_, english)) => english.to_vec(),
        None => plan.lines.iter().map(WordCount::looks_english).collect(),
    };
    let mut repairs = plan.repairs;
    let frequencies = WordFrequencies::english();
    let split = |pairs| {
        memo::with_table(|memo| {
            plan.segmentable
                .iter()
                .filter(|&&(start, end, line)| {
                    english.get(line).copied().unwrap_or(false) || is_byline_glue(input, start, end)
                })
                .filter_map(|&(start, end, _)| {
                    segment::split_point(input, start..end, pairs, frequencies, memo)
                        .map(|cut| start + cut)
                })
                .collect::<Vec<_>>()
        })
    };
    let mut cuts = split(Pairs::WithFunctionWord);
    let lowercase_glue = repairs
        .iter()
        .filter(|r| r.rule == "case_glue" && input[..r.start].ends_with(char::is_lowercase))
        .count();
    if cuts.len() >= GLUE_SEEN_AFTER || lowercase_glue >= WORD_GLUE_SEEN_AFTER {
        cuts = split(Pairs::AnyCommon);
    }
    repairs.extend(cuts.into_iter().map(|at| Repair {
        start: at,
        end: at,
        insert: " ",
        rule: "word_glue",
    }));
    repairs.sort_by_key(|r| (r.start, r.end));
    (repairs, english)
}

/// `text` with the (ordered) repairs made.
fn apply_repairs(text: &str, repairs: &[Repair]) -> String {
    let mut out = String::with_capacity(text.len() + repairs.len());
    let mut copied = 0;
    for repair in repairs {
        out.push_str(&text[copied..repair.start]);
        out.push_str(repair.insert);
        copied = repair.end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The position in the stage's input of position `at` of the text after `rounds` of
/// repairs; a position inside inserted text maps to where the insertion was made.
fn to_input(rounds: &[Vec<Repair>], at: usize) -> usize {
    rounds.iter().rev().fold(at, |at, repairs| {
        let mut delta: isize = 0;
        for repair in repairs {
            let start = repair.start.saturating_add_signed(delta);
            if at < start {
                break;
            }
            if at < start + repair.insert.len() {
                return repair.start;
            }
            delta += repair.insert.len() as isize - (repair.end - repair.start) as isize;
        }
        at.saturating_add_signed(-delta)
    })
}

/// A document with this many repairs of one kind has glue for sure: see [`Mode::GlueSeen`]
/// and [`Pairs::AnyCommon`].
const GLUE_SEEN_AFTER: usize = 3;

/// A document with this many lowercase words glued to a capitalized one has word-level glue
/// for sure: see [`Pairs::AnyCommon`].
const WORD_GLUE_SEEN_AFTER: usize = 10;

/// The repairs planned for a document, and its words counted as they will read.
struct Plan {
    repairs: Vec<Repair>,
    /// Plain words that may hide two glued ones, with the line each is on.
    segmentable: Vec<(usize, usize, usize)>,
    /// The words of each line. Whether a line is English is decided line by line, so that
    /// removing other lines (as the boilerplate stage does) never changes the decision.
    /// Left empty in a round that looks at some tokens only.
    lines: Vec<WordCount>,
}

/// Words, and English function words among them.
#[derive(Default, Clone, Copy)]
struct WordCount {
    words: usize,
    function_words: usize,
}

impl Plan {
    /// Plans the repairs of every token of `input` (of the tokens of `only`, when given) in
    /// [`Mode::Strict`] and, when that finds glue often enough, again in [`Mode::GlueSeen`].
    /// Plain words, most of a text, are looked at once: no mode changes what they hold.
    fn make(input: &str, only: Option<Only<'_>>) -> Plan {
        // Room for the words of a typical text (the devdata article dumps hold a plain word
        // of six letters or more every 23 bytes: room for one every 16; a line every 64, a
        // special token every 128), so that few grow.
        let mut plain = Plan {
            repairs: Vec::new(),
            segmentable: Vec::with_capacity(input.len() / 16),
            lines: Vec::with_capacity(input.len() / 64),
        };
        let mut special = Vec::with_capacity(input.len() / 128);
        match only {
            Some((tokens, _)) => {
                for &(start, end, line) in tokens {
                    let shape = scan::shape_of(&input[start..end]);
                    plain.take_plain(input, (start, end, line), shape, &mut special);
                }
            }
            None => {
                scan::for_each_token(input, |token| {
                    if plain.lines.len() <= token.line {
                        plain.lines.resize_with(token.line + 1, WordCount::default);
                    }
                    let range = (token.start, token.end, token.line);
                    plain.take_plain(input, range, token.shape, &mut special);
                });
            }
        }
        let strict = Special::plan(input, &special, Mode::Strict, &Default::default());
        if plain.repairs.len() + strict.repairs.len() < GLUE_SEEN_AFTER {
            return plain.with(strict);
        }
        // A plain word holds no run with an inner capital, so the special tokens hold every
        // repeated one; a round on some tokens only asks the whole text.
        let repeated = match only {
            Some(_) => repeated_camel_tokens(
                input,
                scan::tokens(input).into_iter().map(|t| (t.start, t.end)),
            ),
            None => {
                repeated_camel_tokens(input, special.iter().map(|&(start, end, _)| (start, end)))
            }
        };
        plain.with(Special::plan(input, &special, Mode::GlueSeen, &repeated))
    }

    /// This plan (of the plain words) with the plan of the special tokens added.
    fn with(mut self, special: Special) -> Plan {
        self.repairs.extend(special.repairs);
        self.segmentable.extend(special.segmentable);
        for (line, words) in special.words {
            if let Some(counted) = self.lines.get_mut(line) {
                counted.words += words.words;
                counted.function_words += words.function_words;
            }
        }
        self
    }

    /// Plans the repairs of the token `input[start..end]` on line `line` when it is short or
    /// a plain word, and counts its word; otherwise adds it to `special`.
    #[inline(always)]
    fn take_plain(
        &mut self,
        input: &str,
        (start, end, line): (usize, usize, usize),
        shape: Shape,
        special: &mut Vec<(usize, usize, usize)>,
    ) {
        let word = match shape {
            Shape::Special => {
                special.push((start, end, line));
                return;
            }
            Shape::Short {
                word_start,
                word_end,
            } => start + word_start..start + word_end,
            Shape::Plain {
                word_start,
                word_end,
            } => {
                let kept_end = boundaries::find_in_plain(
                    input,
                    start,
                    (word_start, word_end),
                    line,
                    &mut self.repairs,
                    &mut self.segmentable,
                );
                start + word_start..kept_end
            }
        };
        if let Some(words) = self.lines.get_mut(line) {
            words.add_word_at(input.as_bytes(), word);
        }
    }
}

/// The repairs planned for the special tokens of a document, and their words.
#[derive(Default)]
struct Special {
    repairs: Vec<Repair>,
    segmentable: Vec<(usize, usize, usize)>,
    /// The words of the special tokens of each line they are on.
    words: Vec<(usize, WordCount)>,
}

impl Special {
    /// The repairs of the `special` tokens (byte range and line) of `input` in `mode`.
    fn plan(
        input: &str,
        special: &[(usize, usize, usize)],
        mode: Mode,
        repeated: &boundaries::Repeated<'_>,
    ) -> Special {
        let mut plan = Special {
            words: Vec::with_capacity(special.len()),
            ..Special::default()
        };
        for &(start, end, line) in special {
            let before = plan.repairs.len();
            let kept_end = boundaries::find_in_special(
                input,
                (start, end, line),
                mode,
                repeated,
                &mut plan.repairs,
                &mut plan.segmentable,
            );
            // Count the words as they will read once the boundaries above are split, so that
            // the language decision is the same when the stage runs on its own output.
            let mut words = WordCount::default();
            let mut part_start = start;
            for cut in plan.repairs[before..].iter().filter(|r| r.insert == " ") {
                words.add(&input[part_start..cut.start]);
                part_start = cut.start;
            }
            words.add(&input[part_start..kept_end]);
            plan.words.push((line, words));
        }
        plan
    }
}

impl WordCount {
    /// Counts the word of a token (the token without the punctuation around it).
    fn add(&mut self, token: &str) {
        let word = trim_to_word(token);
        self.add_word_at(word.as_bytes(), 0..word.len());
    }

    /// Counts the word at `range` of `text` (nothing when it is empty).
    #[inline(always)]
    fn add_word_at(&mut self, text: &[u8], range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.words += 1;
        if ENGLISH_FUNCTION_WORDS.contains_at(text, range) {
            self.function_words += 1;
        }
    }

    /// At least one word in eight is an English function word: English enough for the
    /// English word list to decide where glued words split.
    fn looks_english(&self) -> bool {
        self.function_words > 0 && self.function_words * 8 >= self.words
    }
}

/// The runs of letters with an inner capital that occur more than once among `tokens`.
fn repeated_camel_tokens(
    input: &str,
    tokens: impl Iterator<Item = (usize, usize)>,
) -> boundaries::Repeated<'_> {
    let mut seen = FxHashSet::default();
    let mut repeated = FxHashSet::default();
    let mut chars = Vec::new();
    for (start, end) in tokens {
        let token = &input[start..end];
        if !boundaries::has_inner_capital(token) {
            continue;
        }
        chars.clear();
        chars.extend(token.char_indices());
        for (run_start, run_end) in boundaries::cased_runs(&chars) {
            let run = &token[chars[run_start].0..chars.get(run_end).map_or(token.len(), |c| c.0)];
            if boundaries::has_inner_capital(run) && !seen.insert(run) {
                repeated.insert(run);
            }
        }
    }
    repeated
}

/// A token without the punctuation around it: its word, as the language decision counts.
#[inline]
fn trim_to_word(token: &str) -> &str {
    let bytes = token.as_bytes();
    let alphanumeric = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    if alphanumeric(bytes.first()) && alphanumeric(bytes.last()) {
        return token;
    }
    if bytes.is_ascii() {
        let start = bytes
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .unwrap_or(bytes.len());
        let end = bytes
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(start, |p| p + 1);
        &token[start..end]
    } else {
        token.trim_matches(|c: char| !c.is_alphanumeric())
    }
}

/// A word that ends in "by" and is followed on its line by a capitalized word, a byline
/// glued to the heading before it ("Onion Marketby Pieter van Ispelen"): in any line, as a
/// byline is English whatever the line around it.
fn is_byline_glue(input: &str, start: usize, end: usize) -> bool {
    let next = input[end..].trim_start_matches([' ', '\t']);
    input[start..end].ends_with("by") && next.starts_with(|c: char| c.is_uppercase())
}

/// The English function words whose share tells an English text.
static ENGLISH_FUNCTION_WORDS: ShortWords = ShortWords::new(&[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "with", "as", "was", "on",
    "be", "by", "this", "are", "at", "from", "or", "an", "have", "not",
]);

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        JoinedTokens::new()
            .apply(text, &mut Trace::off())
            .into_owned()
    }

    #[test]
    fn protected_tokens_stay() {
        for text in [
            "see https://example.com/RussiaAnd for the rest of it",
            "mail info@michaelgreer.com or the @BillGates account and the #MeToo tag",
            "the function getElementById and the variable my_varName in it",
        ] {
            assert_eq!(clean(text), text);
        }
    }

    #[test]
    fn language_decision_counts_words_as_they_will_read() {
        let once = clean("the statesIt thethe");
        assert_eq!(clean(&once), once);
    }
}
