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
//! Chinese President Xi Jinping will make a state visit to Russia next week, Beijing and Moscow said on Friday, as the West watches closely.
//! What is on the agenda?
//! Kremlin spokesman Dmitry Peskov said that Putin and Xi would have a one-to-one meeting over an informal dinner on Monday, and broader talks would follow.
//! Please enter your comment!
//! Please enter your name here
//! ";
//! assert_eq!(
//!     Boilerplate::new().apply(dump, &mut Trace::off()),
//!     "\
//! Chinese President Xi Jinping will make a state visit to Russia next week, Beijing and Moscow said on Friday, as the West watches closely.
//! What is on the agenda?
//! Kremlin spokesman Dmitry Peskov said that Putin and Xi would have a one-to-one meeting over an informal dinner on Monday, and broader talks would follow.
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
//! goes. The classification is repeated on the surviving lines until nothing more is
//! removed, which makes the stage idempotent. A document with no good line keeps all but
//! its phrase and copyright lines: with no article to anchor to, nothing else is judged.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::trace::Trace;

mod classify;
mod comments;
mod dateline;
mod features;
mod phrases;

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

/// A visible line: its bytes (with its line break) and what it looks like.
struct Line {
    range: Range<usize>,
    features: LineFeatures,
    /// The category of the phrase rule the line matched.
    phrase: Option<&'static str>,
    /// Cut short with an ellipsis, right above a "Read more" line.
    teaser: bool,
    /// Nothing but a date or time stamp.
    dateline: bool,
}

impl Line {
    /// The rule that condemns the line on its own, if any. Only phrase rules count towards
    /// telling a page from a text: datelines and teasers occur in both.
    fn rule(&self) -> Option<&'static str> {
        self.phrase
            .or(self.teaser.then_some("teaser"))
            .or(self.dateline.then_some("dateline"))
    }
}

/// Where the comment section of a page starts, as a position in `alive`: the first comment
/// header after the first good line.
fn comment_section_start(
    input: &str,
    lines: &[Line],
    alive: &[usize],
    classes: &[Class],
) -> Option<usize> {
    let first_good = classes.iter().position(|class| *class == Class::Good)?;
    (first_good + 1..alive.len())
        .find(|&position| comments::is_comment_header(&input[lines[alive[position]].range.clone()]))
}

/// More rounds than this would mean the classification does not settle; never seen.
const MAX_ROUNDS: usize = 64;

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
        let phrases = Phrases::get();
        let mut lines = Vec::new();
        let mut start = 0;
        for line in input.split_inclusive('\n') {
            let range = start..start + line.len();
            start = range.end;
            if line.trim().is_empty() {
                continue;
            }
            let features = LineFeatures::of(line);
            let phrase = phrases.category(line, features.words);
            lines.push(Line {
                range,
                features,
                phrase,
                teaser: false,
                dateline: phrase.is_none() && dateline::is_dateline(line),
            });
        }
        // A line cut short by an ellipsis just above a "Read more" line is a teaser of
        // another article.
        for i in 1..lines.len() {
            let cut_short = input[lines[i - 1].range.clone()]
                .trim_end()
                .ends_with(['…', '.']);
            if lines[i].phrase == Some("teaser") && cut_short && lines[i - 1].phrase.is_none() {
                let text = input[lines[i - 1].range.clone()].trim_end();
                lines[i - 1].teaser = text.ends_with('…') || text.ends_with("...");
            }
        }
        let mut removed: Vec<Option<&'static str>> = vec![None; lines.len()];
        for _ in 0..MAX_ROUNDS {
            let alive: Vec<usize> = (0..lines.len()).filter(|&i| removed[i].is_none()).collect();
            let classes: Vec<Class> = alive
                .iter()
                .map(|&i| Class::of(&lines[i].features, lines[i].rule()))
                .collect();
            let lengths: Vec<usize> = alive.iter().map(|&i| lines[i].features.chars).collect();
            let phrase_lines: FxHashSet<&str> = alive
                .iter()
                .filter(|&&i| lines[i].phrase.is_some())
                .map(|&i| input[lines[i].range.clone()].trim())
                .collect();
            let kind = DocumentKind::of(phrase_lines.len());
            let verdicts = LineVerdicts::decide(kind, &classes, &lengths);
            let mut changed = false;
            if kind == DocumentKind::Page
                && let Some(header) = comment_section_start(input, &lines, &alive, &classes)
            {
                for &i in &alive[header..] {
                    removed[i] = Some("comment_section");
                }
                changed = true;
            }
            for (position, reason) in verdicts.removals() {
                removed[alive[position]] = Some(reason);
                changed = true;
            }
            if !changed {
                break;
            }
        }
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        for (line, reason) in lines.iter().zip(&removed) {
            if let Some(reason) = reason {
                rewriter.remove(line.range.clone(), reason);
            }
        }
        rewriter.finish()
    }
}
