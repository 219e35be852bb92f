//! Lines of a post's metadata: its date together with a reading time, a comment count or
//! link, or its category. "By Chiara Terzuolo Feb 18, 2020 4 min read", "September 15, 2020
//! byMobasir hassan Post a Comment", "News date : 04/21/2022 Category : Press Releases".

use std::sync::OnceLock;

use regex::Regex;

use super::dateline::date_pattern;

/// Longer lines are prose, whatever they hold.
const MAX_BYTES: usize = 120;

/// Whether `text` (a trimmed line) is a post's metadata: a short line with a date and a
/// reading time ("4 min read"), a comment count or link ("12 Comments", "Post a Comment")
/// or a category label ("Category: Press Releases").
///
/// ```text
/// "By Chiara Terzuolo Feb 18, 2020 4 min read"              -> yes
/// "September 15, 2020 byMobasir hassan Post a Comment"      -> yes
/// "On Feb 18, 2020 the council read 12 comments aloud."     -> no (a sentence)
/// "By Chiara Terzuolo, 4 min read"                          -> no (no date)
/// ```
pub(super) fn is_meta_line(text: &str) -> bool {
    static MARKER: OnceLock<Regex> = OnceLock::new();
    static DATE: OnceLock<Regex> = OnceLock::new();
    if text.len() > MAX_BYTES || ends_a_sentence(text) || !has_digit(text) || !has_marker_word(text)
    {
        return false;
    }
    let marker = MARKER.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:\d+\s+min(?:ute)?s?\s+read|(?:post|leave|add)\s+a\s+comment|no\s+comments|\d+\s+comments?|category\s*:)",
        )
        .expect("the marker pattern is valid")
    });
    let date = DATE.get_or_init(|| {
        Regex::new(&format!(r"(?i)\b{}\b", date_pattern())).expect("the date pattern is valid")
    });
    marker.is_match(text) && date.is_match(text)
}

/// Whether `text` has an ASCII digit, as every date has: one pass without a branch on
/// each byte, which the compiler vectorizes.
fn has_digit(text: &str) -> bool {
    text.bytes()
        .fold(false, |found, byte| found | byte.is_ascii_digit())
}

/// What every marker holds ("comment", "min read", "category"), found without the pattern:
/// each has an `m` or a `g`, which SIMD `memchr` finds, and most short lines have none of
/// the words.
fn has_marker_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    let holds = |at: usize, word: &[u8]| bytes.get(at..at + word.len()) == Some(word);
    memchr::memchr2_iter(b'm', b'g', bytes).any(|at| match bytes[at] {
        b'm' => at > 0 && holds(at - 1, b"omment") || holds(at, b"min read"),
        _ => at >= 3 && holds(at - 3, b"ategory"),
    })
}

/// A line that ends with a full stop is a sentence, not a line of metadata.
fn ends_a_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::is_meta_line;

    #[test]
    fn dates_with_reading_times_comments_or_categories() {
        for line in [
            "By Chiara Terzuolo Feb 18, 2020 4 min read",
            "September 15, 2020 byMobasir hassan Post a Comment",
            "News date : 04/21/2022 Category : Press Releases",
            "March 3, 2019 | 12 Comments",
            "Posted on 17 February 2013 by admin - Leave a comment",
        ] {
            assert!(is_meta_line(line), "{line}");
        }
    }

    #[test]
    fn sentences_and_lines_without_a_date_are_not_metadata() {
        for line in [
            "On Feb 18, 2020 the council read 12 comments aloud.",
            "By Chiara Terzuolo, 4 min read",
            "Post a Comment",
            "12 Comments",
            "The minister, asked on March 3, 2019 for a comment, declined to give one",
        ] {
            assert!(!is_meta_line(line), "{line}");
        }
    }
}
