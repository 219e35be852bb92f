//! Lines that hold nothing but a date or time stamp: "17 February 2013", "Last updated at
//! 22:15 GMT", "Posted at 02:30 PM ET, 08/15/2012", "Nov 29, 2011 03:00 PM EST".

use std::sync::OnceLock;

use regex::Regex;

/// Whether `text` (a trimmed line) is only a date, a time or both, with an optional
/// "posted"/"updated" label.
///
/// ```text
/// "17 February 2013"                      -> yes
/// "Last updated at 22:15 GMT"             -> yes
/// "Posted at 02:30 PM ET, 08/15/2012"     -> yes
/// "On 17 February 2013 the court ruled."  -> no
/// ```
pub(super) fn is_dateline(text: &str) -> bool {
    static DATELINE: OnceLock<Regex> = OnceLock::new();
    let dateline = DATELINE.get_or_init(|| {
        let (date, time) = (date_pattern(), TIME_PATTERN);
        let label = r"(?:(?:last\s+)?(?:updated|posted|published|modified)(?:\s+(?:at|on))?:?)";
        Regex::new(&format!(
            r"(?i)^(?:{label}\s+)?(?:{date}|{time})(?:(?:,?\s+(?:at\s+)?|\s*[|,-]\s*)(?:{date}|{time}))*$"
        ))
        .expect("the dateline pattern is valid")
    });
    text.len() <= 80 && may_be_dateline(text) && dateline.is_match(text)
}

/// A date, case-insensitively: "17 February 2013", "Feb 18, 2020", "Wednesday, January 09,
/// 2008", "04/21/2022".
pub(super) fn date_pattern() -> String {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    let weekday = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?";
    format!(
        r"(?:{weekday},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}})"
    )
}

/// A time of day: "22:15 GMT", "02:30 PM ET", "3:56 pm".
const TIME_PATTERN: &str = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)";

/// What the pattern needs, checked without running it on the many short lines that are
/// headings and menu items: a first character that can start a label, weekday, month or
/// number, and a digit. A non-ASCII character may be a digit or letter the pattern knows
/// (Unicode digits, "ſ" for "s"), so a line with one is left to the pattern.
fn may_be_dateline(text: &str) -> bool {
    /// The letters that start a label, a weekday or a month, one bit each from `a`.
    const FIRST_LETTERS: u32 = letter_bits(b"adfjlmnopstuw");
    let starts_well = text.bytes().next().is_some_and(|first| {
        let lower = first.to_ascii_lowercase();
        !first.is_ascii()
            || first.is_ascii_digit()
            || lower.is_ascii_lowercase() && FIRST_LETTERS >> (lower - b'a') & 1 == 1
    });
    // Every byte looked at, without a branch on each: the compiler vectorizes it.
    starts_well
        && text.as_bytes().iter().fold(false, |found, &byte| {
            found | byte.is_ascii_digit() | !byte.is_ascii()
        })
}

/// One bit for each of the lowercase ASCII `letters`, bit 0 for `a`.
const fn letter_bits(letters: &[u8]) -> u32 {
    let mut bits = 0;
    let mut i = 0;
    while i < letters.len() {
        bits |= 1 << (letters[i] - b'a');
        i += 1;
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_time_stamps() {
        for line in [
            "17 February 2013",
            "Last updated at 22:15 GMT",
            "Posted at 02:30 PM ET, 08/15/2012",
            "Nov 29, 2011 03:00 PM EST",
            "Wednesday, January 09, 2008",
            "July 26, 2012 at 3:56 pm",
        ] {
            assert!(is_dateline(line), "{line}");
        }
    }

    #[test]
    fn sentences_with_dates_are_not_datelines() {
        for line in [
            "On 17 February 2013 the court ruled against him.",
            "March 2013 was the coldest on record.",
            "May 5",
        ] {
            assert!(!is_dateline(line), "{line}");
        }
    }
}
