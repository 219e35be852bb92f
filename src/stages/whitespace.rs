//! `whitespace`: spaces and blank lines tidied, paragraph and heading structure kept.
//!
//! ```
//! use unscrape::stages::Whitespace;
//! use unscrape::{Stage, Trace};
//!
//! let dump = "\n\n  Xi Jinping  to hold talks   \n\nWhat is on the agenda?\nKremlin spokesman\t\t Dmitry Peskov said\n\n\n\nPutin";
//! assert_eq!(
//!     Whitespace::new().apply(dump, &mut Trace::off()),
//!     "Xi Jinping to hold talks\n\nWhat is on the agenda?\nKremlin spokesman\tDmitry Peskov said\n\nPutin"
//! );
//! ```
//!
//! Lines lose their leading and trailing spaces; a run of spaces becomes one space and a
//! run holding a tab becomes one tab (tabs separate table cells); a run of blank lines
//! becomes one blank line; the text starts and ends with its first and last visible line.

use std::borrow::Cow;

use crate::pipeline::Stage;
use crate::rewrite::Rewriter;
use crate::trace::Trace;

/// Trims lines, collapses runs of spaces and of blank lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct Whitespace;

impl Whitespace {
    /// The stage's name.
    pub const NAME: &'static str = "whitespace";

    /// The stage with its only behaviour.
    pub fn new() -> Self {
        Whitespace
    }
}

impl Stage for Whitespace {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn summary(&self) -> &'static str {
        "lines trimmed, runs of spaces collapsed (a tab kept as a tab), at most one blank line \
         between paragraphs, no blank lines at the start or end"
    }

    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str> {
        let bytes = input.as_bytes();
        let mut rewriter = Rewriter::new(Self::NAME, input, trace);
        // Where the pending run of line breaks and blank lines began, if one is open, and
        // whether any visible line has been written yet.
        let mut seen_text = false;
        let mut line_start = 0;
        let mut pending_break: Option<usize> = None;
        while line_start <= bytes.len() {
            let line_end =
                memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
            let line = &bytes[line_start..line_end];
            let first = line.iter().position(|&b| b != b' ' && b != b'\t');
            match first {
                None => {
                    // A blank line: it joins the pending run of breaks.
                    pending_break.get_or_insert(line_start);
                }
                Some(first) => {
                    if let Some(run_start) = pending_break.take() {
                        let run = run_start..line_start + first;
                        if !seen_text {
                            rewriter.remove(run, "leading_blank_lines");
                        } else {
                            let wanted = if input[run.clone()].matches('\n').count() > 1 {
                                "\n\n"
                            } else {
                                "\n"
                            };
                            if &input[run.clone()] != wanted {
                                rewriter.replace(run, wanted, "blank_lines");
                            }
                        }
                    } else if first > 0 {
                        rewriter.remove(line_start..line_start + first, "leading_space");
                    }
                    collapse_inner_runs(input, line_start + first, line_end, &mut rewriter);
                    seen_text = true;
                    // The line break after this line opens a new run.
                    pending_break = (line_end < bytes.len()).then_some(line_end);
                }
            }
            line_start = line_end + 1;
        }
        if let Some(run_start) = pending_break {
            rewriter.remove(run_start..input.len(), "trailing_blank_lines");
        }
        rewriter.finish()
    }
}

/// Collapses the runs of spaces and tabs inside `input[start..end]` (which starts with a
/// visible character) and removes the trailing ones.
fn collapse_inner_runs(input: &str, start: usize, end: usize, rewriter: &mut Rewriter<'_, '_>) {
    let bytes = input.as_bytes();
    let line = &bytes[start..end];
    let tidy = !matches!(line.last(), Some(b' ' | b'\t'))
        && memchr::memchr(b'\t', line).is_none()
        && memchr::memmem::find(line, b"  ").is_none();
    if tidy {
        return;
    }
    let mut i = start;
    while i < end {
        if bytes[i] != b' ' && bytes[i] != b'\t' {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < end && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        let run = &input[run_start..i];
        if i == end {
            rewriter.remove(run_start..i, "trailing_space");
        } else {
            let wanted = if run.contains('\t') { "\t" } else { " " };
            if run != wanted {
                rewriter.replace(run_start..i, wanted, "space_run");
            }
        }
    }
}
