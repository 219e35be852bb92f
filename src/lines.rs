//! The lines of a text and the words of a line, found without a branch per byte: lines with
//! SIMD `memchr`, words 64 bytes at a time.

use std::ops::Range;

/// The byte ranges of the lines of `text`, each with its line break, as
/// `str::split_inclusive('\n')` cuts them.
///
/// ```text
/// "a\n\nb"   -> 0..2, 2..3, 3..4
/// "a\n"      -> 0..2
/// ""         -> (none)
/// ```
pub(crate) fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|newline| newline + 1);
    let mut start = 0;
    ends.chain([text.len()]).filter_map(move |end| {
        let range = start..end;
        start = end;
        (!range.is_empty()).then_some(range)
    })
}

/// The words of `line` separated by ASCII whitespace (as `str::split_ascii_whitespace`
/// cuts them), counted up to `limit` or a little more: a rule that asks whether a line has
/// so many words needs only its first ones.
pub(crate) fn ascii_words_up_to(line: &str, limit: usize) -> usize {
    words_until(line.as_bytes(), limit, u8::is_ascii_whitespace).0
}

/// The words of `line` separated by the bytes `is_space` tells, counted 64 bytes at a time
/// without a branch per byte (which would be mispredicted at every word) until at least
/// `enough` are found, and how many bytes were counted.
pub(crate) fn words_until(
    line: &[u8],
    enough: usize,
    is_space: impl Fn(&u8) -> bool + Copy,
) -> (usize, usize) {
    let mut words = 0;
    let mut counted = 0;
    let mut after_space = true;
    for block in line.chunks(64) {
        words += word_starts(block, after_space, is_space);
        counted += block.len();
        if words >= enough {
            break;
        }
        after_space = block.last().is_some_and(is_space);
    }
    (words, counted)
}

/// The bytes of `block` (at most 255 bytes) that start a word, `after_space` telling
/// whether the byte before the block is a space, `is_space` which bytes are. The count is
/// kept in a byte, which the compiler vectorizes with the most lanes.
fn word_starts(block: &[u8], after_space: bool, is_space: impl Fn(&u8) -> bool) -> usize {
    let first = u8::from(after_space & !block.first().is_some_and(&is_space));
    let rest = block
        .iter()
        .zip(block.get(1..).unwrap_or_default())
        .fold(0u8, |starts, (before, byte)| {
            starts.wrapping_add(u8::from(is_space(before) & !is_space(byte)))
        });
    usize::from(first + rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_as_split_inclusive_cuts_them() {
        for text in ["", "\n", "a", "a\n", "a\n\nb", "\n\n", "one\r\ntwo\n three"] {
            let ranges: Vec<&str> = line_ranges(text).map(|range| &text[range]).collect();
            let split: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ranges, split, "{text:?}");
        }
    }

    #[test]
    fn words_are_counted_as_split_ascii_whitespace_counts_them() {
        for line in [
            "",
            " \n",
            "one",
            " Chelsea  are\thoping to\x0bcomplete\r\n",
            "Le\u{a0}Monde 東京 «citation»\x0c x",
            &"a few words of a line longer than a block of bytes, ".repeat(9),
            &"spaces  between\t".repeat(40),
        ] {
            let words = line.split_ascii_whitespace().count();
            for limit in [1, 2, 6, 11, 40, 1000] {
                let counted = ascii_words_up_to(line, limit);
                assert!(
                    counted == words || counted >= limit && words >= limit,
                    "{line:?} {limit}"
                );
            }
        }
    }
}
