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
use crate::swar;
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
        // The text is visible stretches separated by runs of spaces, tabs and line breaks;
        // only the runs change, and each on its own.
        let Some(first_visible) = bytes.iter().position(|&b| !is_space_or_break(b)) else {
            // Nothing visible: it all goes, and even an empty text records the (empty) edit.
            rewriter.remove(0..input.len(), "trailing_blank_lines");
            return rewriter.finish();
        };
        if first_visible > 0 {
            let rule = if bytes[..first_visible].contains(&b'\n') {
                "leading_blank_lines"
            } else {
                "leading_space"
            };
            rewriter.remove(0..first_visible, rule);
        }
        let last_visible = bytes
            .iter()
            .rposition(|&b| !is_space_or_break(b))
            .unwrap_or(first_visible);
        let inner = &bytes[..=last_visible];
        let mut at = first_visible;
        // A single space, tab or line break is always right: only runs of two or more can
        // need tidying, and clean text has few.
        while let Some(run_start) = next_run_of_two(inner, at) {
            let run = Run::measure(inner, run_start);
            tidy_inner_run(run_start, &run, &mut rewriter);
            at = run.end;
        }
        remove_trailing_run(input, last_visible + 1, &mut rewriter);
        rewriter.finish()
    }
}

/// The bytes this stage tidies: spaces, tabs and line breaks.
#[inline]
fn is_space_or_break(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n')
}

/// The position of the first two adjacent spaces, tabs or line breaks at or after `from`,
/// looked for eight bytes at a time. The byte before `from` is not looked at.
fn next_run_of_two(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = &bytes[from..];
    let mut chunks = rest.chunks_exact(8);
    // Bytes up to 0x20 hold the three, and the other ones are rare: each pair of them is
    // checked byte by byte. `previous` marks those of the chunk before.
    let mut previous = 0;
    for (index, chunk) in chunks.by_ref().enumerate() {
        let low = swar::bytes_below(u64::from_le_bytes(chunk.try_into().unwrap()), 0x21);
        // Marks the second byte of each pair, the first one possibly in the chunk before.
        let mut seconds = low & ((low << 8) | (previous >> 56));
        previous = low;
        while seconds != 0 {
            let second = from + index * 8 + swar::offset_of(seconds);
            if is_space_or_break(bytes[second - 1]) && is_space_or_break(bytes[second]) {
                return Some(second - 1);
            }
            seconds &= seconds - 1;
        }
    }
    // The last pair of the chunks and those in the remainder, one by one.
    let tail = (from + rest.len() - chunks.remainder().len())
        .saturating_sub(1)
        .max(from);
    (tail..bytes.len().saturating_sub(1))
        .find(|&start| is_space_or_break(bytes[start]) && is_space_or_break(bytes[start + 1]))
}

/// A run of spaces, tabs and line breaks, described in the one pass that finds its end.
struct Run {
    /// Where the run ends (the position of the visible byte after it).
    end: usize,
    /// Where its first line break is, if it has one.
    first_break: Option<usize>,
    /// How many line breaks it holds.
    breaks: usize,
    /// Whether it holds a tab.
    has_tab: bool,
}

impl Run {
    /// The run starting at `start`, which must end before the end of `bytes`. Runs are
    /// often long (indentation) and mixed: eight bytes at a time, without a branch per
    /// byte.
    fn measure(bytes: &[u8], start: usize) -> Run {
        let mut run = Run {
            end: start,
            first_break: None,
            breaks: 0,
            has_tab: false,
        };
        while let Some(word) = swar::load(bytes, run.end) {
            let breaks = swar::bytes_equal(word, b'\n');
            let tabs = swar::bytes_equal(word, b'\t');
            let others = !(breaks | tabs | swar::bytes_equal(word, b' ')) & swar::HIGH_BITS;
            // The bits below the first other byte: the bytes still in the run.
            let inside = (others & others.wrapping_neg()).wrapping_sub(1);
            run.add(breaks & inside, tabs & inside);
            if others != 0 {
                run.end += swar::offset_of(others);
                return run;
            }
            run.end += 8;
        }
        loop {
            match bytes[run.end] {
                b' ' => {}
                b'\t' => run.has_tab = true,
                b'\n' => {
                    run.first_break.get_or_insert(run.end);
                    run.breaks += 1;
                }
                _ => return run,
            }
            run.end += 1;
        }
    }

    /// Counts the line breaks and tabs marked in the eight bytes at `self.end`.
    fn add(&mut self, breaks: u64, tabs: u64) {
        if breaks != 0 {
            self.first_break
                .get_or_insert(self.end + swar::offset_of(breaks));
            self.breaks += breaks.count_ones() as usize;
        }
        self.has_tab |= tabs != 0;
    }
}

/// Tidies the run at `start` between two visible characters: a run inside a line becomes
/// one space, or one tab if it holds one; a run across lines loses the spaces ending the
/// first line and keeps one line break, or two if it spans a blank line.
fn tidy_inner_run(start: usize, run: &Run, rewriter: &mut Rewriter<'_, '_>) {
    let Some(first_break) = run.first_break else {
        let wanted = if run.has_tab { "\t" } else { " " };
        // A run of one is already what is wanted.
        if run.end - start > 1 {
            rewriter.replace(start..run.end, wanted, "space_run");
        }
        return;
    };
    if first_break > start {
        rewriter.remove(start..first_break, "trailing_space");
    }
    let wanted = if run.breaks > 1 { "\n\n" } else { "\n" };
    // The breaks part (from the first line break on) is what is wanted exactly when it is
    // nothing but its line breaks, one or two of them.
    if run.end - first_break != run.breaks || run.breaks > 2 {
        rewriter.replace(first_break..run.end, wanted, "blank_lines");
    }
}

/// Removes the spaces, tabs and line breaks after the last visible character, which start
/// at `start`: the spaces ending the last line, then the line breaks.
fn remove_trailing_run(input: &str, start: usize, rewriter: &mut Rewriter<'_, '_>) {
    let breaks_start = input[start..].find('\n').map_or(input.len(), |p| start + p);
    if breaks_start > start {
        rewriter.remove(start..breaks_start, "trailing_space");
    }
    if breaks_start < input.len() {
        rewriter.remove(breaks_start..input.len(), "trailing_blank_lines");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_finds_two_adjacent_spaces_wherever_they_are() {
        for len in [2, 8, 9, 16, 17, 40] {
            for at in 0..len - 1 {
                for pair in [*b"  ", *b"\t\n", *b"\n\n"] {
                    // Single spaces, tabs, line breaks and carriage returns between letters.
                    let mut text: Vec<u8> =
                        b"a b\tc\nd\r".iter().copied().cycle().take(len).collect();
                    text[at..at + 2].copy_from_slice(&pair);
                    let first_pair = (0..len - 1)
                        .find(|&p| is_space_or_break(text[p]) && is_space_or_break(text[p + 1]));
                    assert!(first_pair.is_some_and(|p| p <= at));
                    assert_eq!(next_run_of_two(&text, 0), first_pair, "{len} {at}");
                    assert_eq!(next_run_of_two(&text, at + 2), None, "{len} {at}");
                }
            }
        }
    }
}
