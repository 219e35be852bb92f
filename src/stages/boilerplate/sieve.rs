//! Tells the lines that start like no `line` or `prefix` phrase, most of them without
//! normalizing them.
//!
//! Most lines are plain: ASCII, their words one space apart, and their leading and trailing
//! symbols ASCII too. Normalizing a plain line only strips those symbols and lowercases
//! what is left, its core:
//!
//! ```text
//! "- Read More..."  -> core "Read More"    -> normalized "read more"
//! "Home | News"     -> core "Home | News"  -> normalized "home | news"
//! "» Read More…"    -> (symbols outside ASCII: not plain)
//! "Le  Monde"       -> (two spaces: not plain)
//! ```
//!
//! so the core, read without regard to ASCII case, is the normalized line byte for byte,
//! and a test of the normalized line can be made on the core in place, without copying
//! it. A `line` or `prefix` rule needs the normalized line to start like one of the
//! phrases, which its first [`HEAD`] bytes tell; the phrases' window filter tells the
//! `contains` rules apart (see `phrases::GramFilter`). Lines that are not plain take the
//! same tests once normalized.

use super::bloom::Bloom;
use super::phrases::{folded, is_leading_symbol, is_trailing_symbol};
use crate::swar;

/// Bytes of a line's head.
const HEAD: usize = 8;
/// Bits of the set of heads: an 8 KiB table, in which the 1,900 heads of the phrases (of a
/// `line` phrase, of the phrase written twice, of a `prefix` phrase; two bits each) set
/// about 6%.
const HEAD_BITS: u32 = 16;

/// Finds the core of a plain line, and tells whether a normalized line (or a core) starts
/// like one of the `line` and `prefix` phrases.
pub(super) struct Sieve {
    /// The heads of the phrases: a false "maybe" only sends a line on to the real search.
    heads: Bloom,
    /// The `prefix` phrases shorter than a head, which a line matches with more bytes after
    /// them than a head shows: each as a head, and the mask of its bytes in it.
    short_prefixes: Vec<(u64, u64)>,
    /// Whether byte `b` is an ASCII character stripped from the start of a line.
    leading: [bool; 256],
    /// Whether byte `b` is an ASCII character stripped from the end of a line.
    trailing: [bool; 256],
}

impl Sieve {
    /// The heads of the `line` phrases `whole_lines` (matched alone or written twice) and
    /// of the `prefix` phrases `prefixes`, all normalized.
    pub(super) fn new<'a>(
        whole_lines: impl Iterator<Item = &'a str>,
        prefixes: impl Iterator<Item = &'a str>,
    ) -> Sieve {
        let mut heads = Bloom::new(HEAD_BITS);
        let mut add = |phrase: &[u8]| heads.insert(head(phrase));
        for phrase in whole_lines {
            add(phrase.as_bytes());
            add(format!("{phrase} {phrase}").as_bytes());
        }
        let mut short_prefixes = Vec::new();
        for phrase in prefixes {
            if phrase.len() < HEAD {
                let mask = u64::MAX
                    .checked_shr(8 * (HEAD - phrase.len()) as u32)
                    .unwrap_or(0);
                short_prefixes.push((head(phrase.as_bytes()), mask));
            } else {
                add(phrase.as_bytes());
            }
        }
        // Each list has its "©".
        short_prefixes.sort_unstable();
        short_prefixes.dedup();
        let ascii_where = |is_symbol: fn(char) -> bool| {
            std::array::from_fn(|byte| byte < 128 && is_symbol(char::from(byte as u8)))
        };
        Sieve {
            heads,
            short_prefixes,
            leading: ascii_where(is_leading_symbol),
            trailing: ascii_where(is_trailing_symbol),
        }
    }

    /// The core of a plain line: `text` (a trimmed line) without its leading and trailing
    /// symbols, when it is ASCII and single-spaced; the normalized line is then the core in
    /// lowercase. `None` for any other line.
    pub(super) fn plain_core<'a>(&self, text: &'a str) -> Option<&'a [u8]> {
        let bytes = text.as_bytes();
        // A byte outside ASCII is no ASCII symbol: stripping stops there, and a symbol
        // outside ASCII is left in the core, which is then not plain.
        let start = bytes
            .iter()
            .position(|&byte| !self.leading[usize::from(byte)])
            .unwrap_or(bytes.len());
        let end = bytes[start..]
            .iter()
            .rposition(|&byte| !self.trailing[usize::from(byte)])
            .map_or(start, |last| start + last + 1);
        let core = &bytes[start..end];
        is_plain(core).then_some(core)
    }

    /// Whether normalized line `text` (or the core of a plain line) may match a `line` or
    /// `prefix` rule; when not, it matches none.
    pub(super) fn may_start_one(&self, text: &[u8]) -> bool {
        let head = head(text);
        self.heads.may_hold(head)
            || self
                .short_prefixes
                .iter()
                .any(|&(phrase, mask)| (head ^ phrase) & mask == 0)
    }
}

/// How many of the first bytes of `bytes` are plain: ASCII, no control character (tabs among
/// them), no space right after a space. The core of a plain line is plain throughout.
///
/// ```text
/// "Read More"     -> 9
/// "Read  More"    -> 5 (the second space)
/// "Ça va"         -> 0
/// "Le\tMonde"     -> 2
/// ```
pub(super) fn plain_len(bytes: &[u8]) -> usize {
    let (blocks, rest) = bytes.as_chunks::<8>();
    let mut space_before = 0;
    for (number, block) in blocks.iter().enumerate() {
        let (spaces, faults) = marks(u64::from_le_bytes(*block), space_before);
        if faults != 0 {
            return number * 8 + swar::offset_of(faults);
        }
        space_before = (spaces >> 63) << 7;
    }
    match marks(followed_by_letters(rest), space_before) {
        (_, 0) => bytes.len(),
        (_, faults) => blocks.len() * 8 + swar::offset_of(faults),
    }
}

/// Whether `bytes` are plain throughout ([`plain_len`]), told without stopping at the first
/// fault, which the compiler turns into vector code.
fn is_plain(bytes: &[u8]) -> bool {
    let (blocks, rest) = bytes.as_chunks::<8>();
    let mut faults = 0;
    let mut space_before = 0;
    for block in blocks {
        let (spaces, block_faults) = marks(u64::from_le_bytes(*block), space_before);
        faults |= block_faults;
        space_before = (spaces >> 63) << 7;
    }
    // The last bytes: the last eight, which overlap the blocks (whose pairs of bytes are
    // all checked), or, in a shorter text, its bytes followed by letters.
    let last = match bytes.last_chunk::<8>() {
        _ if rest.is_empty() => return faults == 0,
        Some(&last) => u64::from_le_bytes(last),
        None => followed_by_letters(rest),
    };
    faults |= marks(last, 0).1;
    faults == 0
}

/// The top bits of the bytes of `word` that are spaces, and of those that are not plain:
/// outside ASCII, control characters, or spaces right after a space (`space_before`, the top
/// bit of the first byte, telling whether the byte before the word is one). Without a branch
/// on each byte: in a word of ASCII bytes, a byte below `0x20` is one that borrows when
/// `0x20` is subtracted from each (a borrow marks a byte above too, but never the first one
/// marked).
fn marks(word: u64, space_before: u64) -> (u64, u64) {
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    // A top bit set: outside ASCII, or (if no byte is) a control character.
    let odd = word | (word.wrapping_sub(SPACES) & !word);
    let spaces = swar::bytes_equal(word, b' ');
    (
        spaces,
        (odd & swar::HIGH_BITS) | spaces & (spaces << 8 | space_before),
    )
}

/// The last bytes of a text (fewer than eight), followed by letters, as a word.
fn followed_by_letters(rest: &[u8]) -> u64 {
    let mut last = [b'a'; 8];
    for (slot, &byte) in last.iter_mut().zip(rest) {
        *slot = byte;
    }
    u64::from_le_bytes(last)
}

/// The first [`HEAD`] bytes of `bytes` (all of them when fewer, followed by zero bytes), read
/// without regard to ASCII case.
fn head(bytes: &[u8]) -> u64 {
    let mut head = [0; HEAD];
    let length = bytes.len().min(HEAD);
    head[..length].copy_from_slice(&bytes[..length]);
    folded(head)
}

#[cfg(test)]
mod tests {
    use super::super::phrases::normalize;
    use super::*;

    #[test]
    fn a_plain_core_in_lowercase_is_the_normalized_line() {
        let sieve = Sieve::new([].into_iter(), [].into_iter());
        for (text, plain) in [
            ("Read More", true),
            ("- Share this: ", true),
            ("| Home | News |", true),
            ("# * > Top stories!", true),
            ("Tweet\x0c", true),
            ("...", true),
            ("", true),
            ("a", true),
            (
                "The ABC's of Real Estate Marketing (What Most Realtors Do)",
                true,
            ),
            ("a b c d e f g h i j k l m n o p", true),
            // Symbols, letters and spaces outside ASCII, and spaces other than one space.
            ("» Read More…", false),
            ("Ça va", false),
            ("va ça", false),
            ("“Quoted”", false),
            ("It’s", false),
            ("Le\u{a0}Monde", false),
            ("Le  Monde", false),
            ("Le\tMonde", false),
            ("Le\x0bMonde", false),
            ("Share\u{1c}this", false),
            ("A word and  two spaces after a block of eight", false),
            ("12345678 12345678  x", false),
        ] {
            let core = sieve.plain_core(text);
            assert_eq!(core.is_some(), plain, "{text:?}");
            if let Some(core) = core {
                assert_eq!(
                    core.to_ascii_lowercase(),
                    normalize(text).as_bytes(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn plain_bytes_are_ascii_without_controls_or_spaces_after_a_space() {
        for text in [
            "",
            "a",
            " ",
            "a b",
            "a  b",
            "ab  ",
            "  ab",
            "a\tb",
            "a\x7fb",
            "a\x1fb",
            "é",
            "abcdefg  h",
            "abcdefgh  ",
            "abcdefg ",
            "abcdefg h",
            "abcdefgh ijklmnop q r",
            "abcdefghijklmno  p",
            "abcdefghijklmnop\u{a0}",
            "abcdefghijklmnop\x01\u{a0}",
            "abc\x01\x01defgh",
        ] {
            let bytes = text.as_bytes();
            let expected = (0..bytes.len())
                .find(|&at| {
                    !(0x20..0x80).contains(&bytes[at])
                        || at > 0 && bytes[at - 1] == b' ' && bytes[at] == b' '
                })
                .unwrap_or(bytes.len());
            assert_eq!(plain_len(bytes), expected, "{text:?}");
            assert_eq!(is_plain(bytes), expected == bytes.len(), "{text:?}");
        }
    }

    #[test]
    fn a_line_starting_like_a_phrase_may_match() {
        let sieve = Sieve::new(
            ["read more", "ad"].into_iter(),
            ["p.iva", "share this"].into_iter(),
        );
        for core in [
            "Read More",
            "READ MORE about it",
            "ad",
            "Ad ad",
            "P.IVA 0123",
            "share this article",
        ] {
            assert!(sieve.may_start_one(core.as_bytes()), "{core}");
        }
    }
}
