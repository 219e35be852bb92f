//! `quotes`: typographic quotes to ASCII, and by choice dashes and ellipses too.
//!
//! ```
//! use unscrape::stages::Quotes;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "China’s Foreign Ministry described Xi’s trip as “a visit for peace” — in 2023…";
//! assert_eq!(
//!     Quotes::ascii().apply(dump, &mut Trace::off()),
//!     "China's Foreign Ministry described Xi's trip as \"a visit for peace\" — in 2023…"
//! );
//! assert_eq!(
//!     Quotes::ascii().with_dashes(true).apply(dump, &mut Trace::off()),
//!     "China's Foreign Ministry described Xi's trip as \"a visit for peace\" - in 2023..."
//! );
//! ```
//!
//! Guillemets (« » ‹ ›) stay unless [`Quotes::with_guillemets`] is set: in French, German
//! and Russian text they are the normal quotes, not an artifact.

use std::borrow::Cow;

use memchr::memchr2;

use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::trace::Trace;

/// Replaces typographic quotes (and optionally guillemets, dashes and ellipses) with ASCII.
#[derive(Debug, Clone, Copy)]
pub struct Quotes {
    quotes: bool,
    guillemets: bool,
    dashes: bool,
}

impl Quotes {
    /// The stage's name.
    pub const NAME: &'static str = "quotes";

    /// ‘ ’ ‚ ‛ ′ become `'` and “ ” „ ‟ ″ become `"`; dashes, ellipses and guillemets stay.
    pub fn ascii() -> Self {
        Quotes {
            quotes: true,
            guillemets: false,
            dashes: false,
        }
    }

    /// Quotes stay as they are; with [`Quotes::with_dashes`] or [`Quotes::with_guillemets`]
    /// the stage still replaces those.
    pub fn keep() -> Self {
        Quotes {
            quotes: false,
            ..Quotes::ascii()
        }
    }

    /// Also turns « » into `"` and ‹ › into `'`.
    pub fn with_guillemets(mut self, on: bool) -> Self {
        self.guillemets = on;
        self
    }

    /// Also turns – — ― ‒ and − into `-`, and … into `...`.
    pub fn with_dashes(mut self, on: bool) -> Self {
        self.dashes = on;
        self
    }

    fn replacement(&self, c: char) -> Option<(&'static str, &'static str)> {
        Some(match c {
            '‘' | '’' | '‚' | '‛' | '′' if self.quotes => ("'", "single_quote"),
            '“' | '”' | '„' | '‟' | '″' if self.quotes => ("\"", "double_quote"),
            '«' | '»' if self.guillemets => ("\"", "guillemet"),
            '‹' | '›' if self.guillemets => ("'", "guillemet"),
            '–' | '—' | '―' | '‒' | '−' if self.dashes => ("-", "dash"),
            '…' if self.dashes => ("...", "ellipsis"),
            _ => return None,
        })
    }
}

impl Stage for Quotes {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "curly quotes to ASCII ' and \"; guillemets, dashes and ellipses by option"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        // Every character this stage replaces is encoded with a lead byte of 0xE2 (U+2000
        // to U+2212) or 0xC2 (« and »).
        let bytes = input.as_bytes();
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        let mut at = 0;
        while let Some(found) = memchr2(0xe2, 0xc2, &bytes[at..]) {
            let start = at + found;
            let c = input[start..].chars().next().unwrap_or_default();
            let end = start + c.len_utf8();
            if let Some((with, rule)) = self.replacement(c) {
                rewriter.replace(start..end, with, rule);
            }
            at = end;
        }
        rewriter.finish()
    }
}
