//! `repeats`: a paragraph repeated verbatim in one document is kept once, where it first
//! appears.
//!
//! ```
//! use unscrape::stages::Repeats;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "Putin wants closer military ties with China and its leader\n\
//!             Kremlin spokesman Dmitry Peskov said that Putin and Xi would meet.\n\
//!             Putin wants closer military ties with China and its leader\n\
//!             Share\nShare\n";
//! assert_eq!(
//!     Repeats::new().apply(dump, &mut Trace::off()),
//!     "Putin wants closer military ties with China and its leader\n\
//!      Kremlin spokesman Dmitry Peskov said that Putin and Xi would meet.\n\
//!      Share\nShare\n"
//! );
//! ```
//!
//! A paragraph is a line of at least [`Repeats::MIN_WORDS`] words; lines are compared with
//! their spaces collapsed. Short lines ("Share", "Advertisement", table cells) repeat
//! legitimately and are left to the `boilerplate` stage.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::trace::Trace;

/// Removes later copies of a paragraph that already appeared in the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Repeats;

impl Repeats {
    /// The stage's name.
    pub const NAME: &'static str = "repeats";

    /// Lines with fewer words than this are never treated as repeated paragraphs.
    pub const MIN_WORDS: usize = 6;

    /// The stage with its only behaviour.
    pub fn new() -> Self {
        Repeats
    }
}

impl Stage for Repeats {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "a paragraph (a line of 6 words or more) repeated verbatim is kept only where it first appears"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        let mut seen: FxHashSet<Cow<'a, str>> = FxHashSet::default();
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        let mut line_start = 0;
        for line in input.split_inclusive('\n') {
            let range = line_start..line_start + line.len();
            line_start = range.end;
            if line
                .split_ascii_whitespace()
                .nth(Self::MIN_WORDS - 1)
                .is_none()
            {
                continue;
            }
            let key = collapse_spaces(line.trim_ascii());
            if seen.contains(&key) {
                rewriter.remove(range, "repeated_paragraph");
            } else {
                seen.insert(key);
            }
        }
        rewriter.finish()
    }
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
