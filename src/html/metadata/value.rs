//! Turning a raw attribute, text or JSON-LD string into a metadata value: whitespace
//! collapsed, empty values dropped, overlong ones cut at a word.

use crate::stages::Unicode;
use crate::{Stage, Trace};

/// The longest value kept for each field, in characters. Past these a value is not the
/// thing it claims to be (a "title" holding the whole lead paragraph) or is only noise in a
/// JSONL record; the cut keeps whole words.
pub(super) const TITLE_MAX: usize = 300;
pub(super) const NAME_MAX: usize = 200;
pub(super) const DESCRIPTION_MAX: usize = 1000;
pub(super) const URL_MAX: usize = 2048;
/// BCP 47 tags are at most 35 characters in practice ("zh-Hant-TW", "de-DE-1996").
pub(super) const LANGUAGE_MAX: usize = 35;

/// `raw` with runs of whitespace made one space and trimmed, cut to `max` characters at a
/// word boundary; `None` when nothing is left.
pub(super) fn tidy(raw: &str, max: usize) -> Option<String> {
    let mut out = String::with_capacity(raw.len().min(max * 4));
    let mut chars = 0;
    for word in raw.split_whitespace() {
        let len = word.chars().count();
        let space = usize::from(!out.is_empty());
        if chars + space + len > max {
            if out.is_empty() {
                out.extend(word.chars().take(max));
            }
            break;
        }
        if space == 1 {
            out.push(' ');
        }
        out.push_str(word);
        chars += space + len;
    }
    (!out.is_empty()).then_some(out)
}

/// Like [`tidy`], for text that is still HTML-escaped: JSON-LD sits in a `<script>`, whose
/// content the parser leaves as it is, and sites often write `&amp;` or `&#8217;` in it.
/// The [`Unicode`] stage decodes those references once and normalizes the characters.
pub(super) fn tidy_escaped(raw: &str, max: usize) -> Option<String> {
    tidy(&Unicode::new().apply(raw, &mut Trace::off()), max)
}

/// Lowercase letters and digits only, for comparing names that differ in case, spacing or
/// punctuation ("SPIEGEL ONLINE" and "Spiegel-Online").
pub(super) fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_drops_empty_values() {
        assert_eq!(
            tidy("  Junge Lenker\n\t schrotten  ", 300).as_deref(),
            Some("Junge Lenker schrotten")
        );
        assert_eq!(tidy(" \n\u{a0}", 300), None);
    }

    #[test]
    fn cuts_long_values_at_a_word() {
        assert_eq!(tidy("one two three", 9).as_deref(), Some("one two"));
        assert_eq!(tidy("abcdefghij", 4).as_deref(), Some("abcd"));
    }

    #[test]
    fn decodes_references_left_in_json_ld() {
        assert_eq!(
            tidy_escaped("Tom &amp; Jerry&#8217;s", 300).as_deref(),
            Some("Tom & Jerry’s")
        );
    }
}
