//! Finding the few places worth a look: bytes beyond ASCII and ampersands, found 16 bytes
//! at a time, and runs of non-ASCII characters where some table would make a UTF-8 lead
//! byte followed by a continuation byte. Clean text has none and costs a fast scan.

use std::ops::Range;

use super::decode::becomes_space;
use super::tables::{Table, bytes_of};
use crate::stages::unicode::entities;
use crate::swar;

/// The position of the first byte at or after `from` that is not ASCII or is `&`.
pub(crate) fn next_byte_of_interest(bytes: &[u8], from: usize) -> Option<usize> {
    swar::first_marked(bytes, from, |word| {
        (word | swar::bytes_equal(word, b'&')) & swar::HIGH_BITS
    })
}

/// The run of non-ASCII characters starting at `start`, with the single spaces between
/// them (a space may be a no-break space that a cleaner turned into a space) and the HTML
/// references that stand for non-ASCII characters (mojibake is sometimes escaped:
/// "caf&Atilde;&copy;").
///
/// A run that starts with a combining accent starts at the ASCII letter before it, which
/// the `unicode` stage composes with it ("e\u{301}«" reads as "é«").
pub(crate) fn run_at(text: &str, start: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let letter_before = start > 0
        && bytes[start - 1].is_ascii_alphabetic()
        && text[start..]
            .chars()
            .next()
            .is_some_and(is_combining_accent);
    let continues_at =
        |at: usize| bytes.get(at).is_some_and(|&b| b >= 0x80) || escaped_at(&text[at..]).is_some();
    let mut end = start;
    loop {
        if bytes
            .get(end)
            .is_some_and(|&b| b >= 0x80 || is_removed_control(b))
        {
            end += bytes[end..]
                .iter()
                .position(|&b| b < 0x80 && !is_removed_control(b))
                .unwrap_or(bytes.len() - end);
        } else if let Some((_, len)) = escaped_at(&text[end..]) {
            end += len;
        } else if end > start
            && let Some((_, len)) = composed_at(&text[end..])
        {
            end += len;
        } else if bytes.get(end) == Some(&b' ') && continues_at(end + 1) {
            end += 1;
        } else {
            return start - usize::from(letter_before)..end;
        }
    }
}

/// The non-ASCII character an HTML reference at the start of `text` stands for, and the
/// reference's length ("&copy;" → ©, 6).
pub(crate) fn escaped_at(text: &str) -> Option<(char, usize)> {
    let (c, len) = entities::parse_body(text.strip_prefix('&')?)?;
    (!c.is_ascii()).then_some((c, len + 1))
}

/// The characters of `text[range]`, with the offset and length of each in `text`; a
/// reference that [`escaped_at`] reads is the character it stands for.
pub(crate) fn characters(text: &str, range: Range<usize>) -> Characters<'_> {
    Characters {
        text,
        at: range.start,
        end: range.end,
    }
}

/// The iterator of [`characters`].
pub(crate) struct Characters<'a> {
    text: &'a str,
    at: usize,
    end: usize,
}

impl Iterator for Characters<'_> {
    type Item = (usize, char, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let at = self.at;
        self.skip_removed();
        let rest = &self.text[self.at..self.end];
        let first = rest.chars().next()?;
        let (c, len) = match first {
            '&' => escaped_at(rest).unwrap_or(('&', 1)),
            _ => composed_at(rest).unwrap_or((as_composed(first), first.len_utf8())),
        };
        self.at += len;
        self.skip_removed();
        Some((at, c, self.at - at))
    }
}

/// A letter and the combining accent after it at the start of `text`, as the one letter
/// the `unicode` stage composes them into ("e\u{301}" → é), and their length.
fn composed_at(text: &str) -> Option<(char, usize)> {
    let mut chars = text.chars();
    let letter = chars.next()?;
    let accent = chars.next().filter(|&c| is_combining_accent(c))?;
    let composed = unicode_normalization::char::compose(as_composed(letter), accent)?;
    Some((composed, letter.len_utf8() + accent.len_utf8()))
}

/// `c` as the `unicode` stage's NFC leaves it, or the first character of what it leaves:
/// the Greek ano teleia U+0387 is the middle dot U+00B7, the Kelvin sign a K, the Hebrew
/// presentation form U+FB3E a mem (and a dagesh after it).
pub(crate) fn as_composed(c: char) -> char {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // Below U+0340 every character is its own NFC.
    if c < '\u{340}' || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return c;
    }
    std::iter::once(c).nfc().next().unwrap_or(c)
}

/// The combining accents of U+0300-U+036F.
pub(crate) fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

impl Characters<'_> {
    /// Moves past the characters the `unicode` stage removes (zero-width spaces, BOMs,
    /// controls): the characters around them will meet once they are gone, so they are
    /// read as one with their neighbours.
    fn skip_removed(&mut self) {
        // Every such character but the soft hyphen starts with a control byte or with 0xE1,
        // 0xE2 or 0xEF. The soft hyphen stays: it is windows-1252's image of the byte 0xAD
        // ("Ã\u{ad}" is "í").
        let Some(&first) = self.text.as_bytes()[..self.end].get(self.at) else {
            return;
        };
        if !(is_removed_control(first) || matches!(first, 0xe1 | 0xe2 | 0xef)) {
            return;
        }
        let rest = &self.text[self.at..self.end];
        let removed: usize = rest
            .chars()
            .take_while(|&c| is_removed_invisible(c))
            .map(char::len_utf8)
            .sum();
        self.at += removed;
    }
}

/// Invisible characters and controls that the `unicode` stage removes (joiners: beside
/// the letters mojibake is made of).
pub(crate) fn is_removed_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{180e}'
    ) || u8::try_from(c).is_ok_and(is_removed_control)
}

/// Whether the `unicode` stage removes `c`: an ASCII control other than tab and line
/// breaks, or an invisible character.
pub(super) fn is_removed(c: char) -> bool {
    (c.is_ascii() && is_removed_control(c as u8)) || is_removed_invisible(c)
}

/// ASCII controls other than tab and line breaks.
fn is_removed_control(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r')) || byte == 0x7f
}

/// The tables (as bits) under which a run of `text`, given as its [`characters`], holds a
/// lead byte followed by a continuation byte; pushes the positions of C1 controls to
/// `controls`.
pub(crate) fn candidate_tables(
    text: &str,
    run: Range<usize>,
    chars: &[(usize, char, usize)],
    controls: &mut Vec<usize>,
) -> u16 {
    let mut tables = 0;
    let mut leads = 0;
    for &(at, c, _) in chars {
        // A space may be a lost no-break space, U+FFFD a byte a sloppy decoder lost.
        if c == ' ' || c == '\u{fffd}' {
            tables |= leads;
            leads = 0;
            continue;
        }
        if ('\u{80}'..='\u{9f}').contains(&c) {
            controls.push(at);
        }
        let Some(bytes) = bytes_of(c) else {
            // "sÃ\u{2005}": Ã before a Unicode space, that the unicode stage makes a space.
            if becomes_space(c) {
                tables |= leads & Table::Windows1252.bit();
            }
            leads = 0;
            continue;
        };
        tables |= leads & bytes.continuation_tables;
        leads = bytes.lead_tables;
    }
    // "voilÃ le": Ã before a space, the windows-1252 image of "à" and a no-break space.
    if leads & Table::Windows1252.bit() != 0 && text.as_bytes().get(run.end) == Some(&b' ') {
        tables |= Table::Windows1252.bit();
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_finds_every_byte_of_interest_wherever_it_is() {
        for len in [1, 31, 32, 33, 70] {
            for at in 0..len {
                for byte in [b'&', 0x80, 0xc3, 0xff] {
                    let mut text: Vec<u8> =
                        b"ab\ncd ef;".iter().copied().cycle().take(len).collect();
                    text[at] = byte;
                    assert_eq!(next_byte_of_interest(&text, 0), Some(at), "{len} {at}");
                    assert_eq!(next_byte_of_interest(&text, at + 1), None, "{len} {at}");
                }
            }
        }
    }

    #[test]
    fn runs_take_single_spaces_between_non_ascii_characters() {
        let text = "a Ð Ð¾ b";
        assert_eq!(&text[run_at(text, 2)], "Ð Ð¾");
        let escaped = "caf&Atilde;&copy; x";
        assert_eq!(&escaped[run_at(escaped, 3)], "&Atilde;&copy;");
    }

    #[test]
    fn only_lead_then_continuation_makes_a_candidate() {
        let tables = |t: &str| {
            let chars: Vec<_> = characters(t, 0..t.len()).collect();
            candidate_tables(t, 0..t.len(), &chars, &mut Vec::new())
        };
        assert_ne!(tables("Ã©") & Table::Windows1252.bit(), 0);
        assert_eq!(tables("é"), 0);
        assert_eq!(tables("北京"), 0);
    }
}
