//! `repeats`: a paragraph repeated verbatim is kept once, where it first appears.
//!
//! ```
//! use unscrape::stages::Repeats;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "Putin wants closer military ties with China and its leader\n\n\
//!             Putin wants closer military ties with China and its leader\n\
//!             Kremlin spokesman Dmitry Peskov said that Putin and Xi would meet.\n\
//!             Putin wants closer military ties with China and its leader\n";
//! // By default only a paragraph repeated right after itself goes (a scraper's stutter).
//! assert_eq!(
//!     Repeats::consecutive().apply(dump, &mut Trace::off()),
//!     "Putin wants closer military ties with China and its leader\n\n\
//!      Kremlin spokesman Dmitry Peskov said that Putin and Xi would meet.\n\
//!      Putin wants closer military ties with China and its leader\n"
//! );
//! // Anywhere in the document, for training-data preparation.
//! assert_eq!(
//!     Repeats::anywhere().apply(dump, &mut Trace::off()),
//!     "Putin wants closer military ties with China and its leader\n\n\
//!      Kremlin spokesman Dmitry Peskov said that Putin and Xi would meet.\n"
//! );
//! ```
//!
//! A paragraph is a line of at least [`Repeats::MIN_WORDS`] words; lines are compared with
//! their spaces collapsed. Short lines ("Share", "Advertisement", table cells) repeat
//! legitimately and are left to the `boilerplate` stage.
//!
//! The stage is not in the default pipeline (`--repeats` or `--stages` turn it on): texts
//! repeat paragraphs on purpose (a refrain, a program's output, a reference cited twice,
//! a test page), and on the devdata gold texts removing repeats anywhere loses 1.4% of the
//! words, and even consecutive repeats 0.8% of the readability set, while no dataset's
//! extraction score rose with it.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use crate::lines::{ascii_words_up_to, line_ranges};
use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::trace::Trace;

/// Removes later copies of a paragraph that already appeared.
#[derive(Debug, Clone, Copy, Default)]
pub struct Repeats {
    scope: RepeatScope,
}

/// Where an earlier copy of a paragraph must be for a later one to go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum RepeatScope {
    /// Right before it (blank lines between do not count).
    #[default]
    Consecutive,
    /// Anywhere before it in the document.
    Anywhere,
}

impl Repeats {
    /// The stage's name.
    pub const NAME: &'static str = "repeats";

    /// Lines with fewer words than this are never treated as repeated paragraphs.
    pub const MIN_WORDS: usize = 6;

    /// Removes a paragraph that repeats the one just before it.
    pub fn consecutive() -> Self {
        Repeats {
            scope: RepeatScope::Consecutive,
        }
    }

    /// Removes a paragraph that repeats any earlier one.
    pub fn anywhere() -> Self {
        Repeats {
            scope: RepeatScope::Anywhere,
        }
    }

    /// Removes repeats within `scope`.
    pub fn within(scope: RepeatScope) -> Self {
        Repeats { scope }
    }
}

impl Stage for Repeats {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "a paragraph (a line of 6 words or more) repeated verbatim right after itself (or, by \
         option, anywhere) is kept only where it first appears"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        let mut seen: FxHashSet<Cow<'a, str>> = FxHashSet::default();
        // The last paragraph, while no short line has come since.
        let mut previous: Option<&str> = None;
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        for range in line_ranges(input) {
            let line = &input[range.clone()];
            let words = ascii_words_up_to(line, Self::MIN_WORDS);
            if words == 0 {
                continue;
            }
            if words < Self::MIN_WORDS {
                previous = None;
                continue;
            }
            let repeated = match self.scope {
                RepeatScope::Consecutive => previous.is_some_and(|before| same_words(before, line)),
                RepeatScope::Anywhere => !seen.insert(collapse_spaces(line.trim_ascii())),
            };
            if repeated {
                rewriter.remove(range, "repeated_paragraph");
            } else {
                previous = Some(line);
            }
        }
        rewriter.finish()
    }
}

/// Whether two lines hold the same words: whether they are the same once trimmed and with
/// each run of ASCII whitespace collapsed, compared without writing them out. Different
/// paragraphs mostly differ from their first byte, where the comparison stops.
fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_ascii_start(), b.trim_ascii_start());
    a.as_bytes().first() == b.as_bytes().first()
        && (a == b || a.split_ascii_whitespace().eq(b.split_ascii_whitespace()))
}

/// The line with each run of ASCII whitespace written as one space; borrowed when it
/// already is.
fn collapse_spaces(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    let tidy = bytes
        .windows(2)
        .all(|pair| !(pair[0].is_ascii_whitespace() && pair[1].is_ascii_whitespace()))
        && !bytes.iter().any(|&b| b.is_ascii_whitespace() && b != b' ');
    if tidy {
        return Cow::Borrowed(line);
    }
    Cow::Owned(line.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_have_the_same_words_when_they_collapse_to_the_same_text() {
        let lines = [
            "Putin wants closer military ties with China\n",
            "  Putin wants  closer military\tties with China \r\n",
            "Putin wants closer military ties with China",
            "Putin wants closer military ties with Chin\n",
            "Putin wants closer military ties with China now\n",
            "putin wants closer military ties with China\n",
            "\u{a0}Putin wants closer military ties with China\n",
            "Putin\u{b}wants closer military ties with China\n",
            "Kremlin spokesman Dmitry Peskov said so.\n",
            "\n",
            "",
        ];
        for a in lines {
            for b in lines {
                let collapsed_alike =
                    collapse_spaces(a.trim_ascii()) == collapse_spaces(b.trim_ascii());
                assert_eq!(same_words(a, b), collapsed_alike, "{a:?} {b:?}");
            }
        }
    }
}
