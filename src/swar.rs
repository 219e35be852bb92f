//! Eight bytes at a time in one `u64` ("SIMD within a register"): the stages that hunt for
//! rare bytes in long clean stretches test a whole word with a few integer operations
//! instead of branching on every byte, without `unsafe` or platform intrinsics.
//!
//! Every mask has the high bit of a byte set when that byte matches and is exact: no
//! borrow or carry leaks from one byte into the next, so any set bit, not only the lowest,
//! names a matching byte. Byte `i` of the word is the byte at `at + i` in the text.

/// `0x01` in every byte.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// `0x80` in every byte: where masks put their answer.
pub(crate) const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
/// `0x7f` in every byte.
const LOW_BITS: u64 = !HIGH_BITS;

/// The eight bytes starting at `at`, or `None` when fewer than eight remain.
#[inline]
pub(crate) fn load(bytes: &[u8], at: usize) -> Option<u64> {
    bytes
        .get(at..)?
        .first_chunk::<8>()
        .map(|chunk| u64::from_le_bytes(*chunk))
}

/// Marks the bytes of `word` equal to `byte`.
#[inline]
pub(crate) fn bytes_equal(word: u64, byte: u8) -> u64 {
    let diff = word ^ (ONES * u64::from(byte));
    // A byte's high bit ends up set when any of its bits is: (low seven bits + 0x7f)
    // carries into bit 7 and never beyond it.
    !(((diff & LOW_BITS) + LOW_BITS) | diff) & HIGH_BITS
}

/// Marks the bytes of `word` below `bound`, which must be at most `0x80`.
#[inline]
pub(crate) fn bytes_below(word: u64, bound: u8) -> u64 {
    debug_assert!(bound <= 0x80);
    // Each byte, with its high bit forced on, stays at least 0x80 >= bound, so the
    // subtraction borrows from no neighbour; its high bit survives when the low seven
    // bits reach `bound`. Bytes that had the high bit set are at least 0x80: not below.
    !((word | HIGH_BITS) - ONES * u64::from(bound)) & !word & HIGH_BITS
}

/// The position of the first byte at or after `from` that `marks` marks, sixteen bytes (two
/// words) at a time with one branch. `marks` must give each byte of a word its high bit
/// when it matches, judging the byte alone (as the masks of this module do): the last
/// bytes are read as a word padded with zeros, whose marks are ignored.
///
/// ```text
/// first_marked(b"plain text, then é", 0, |word| word & HIGH_BITS)  -> Some(16)
/// first_marked(b"plain text", 3, |word| word & HIGH_BITS)          -> None
/// ```
#[inline]
pub(crate) fn first_marked(bytes: &[u8], from: usize, marks: impl Fn(u64) -> u64) -> Option<usize> {
    let rest = &bytes[from..];
    let (pairs, tail) = rest.as_chunks::<16>();
    for (index, pair) in pairs.iter().enumerate() {
        let (first, second) = pair.split_at(8);
        let first = marks(u64::from_le_bytes(first.try_into().unwrap()));
        let second = marks(u64::from_le_bytes(second.try_into().unwrap()));
        if first | second != 0 {
            let offset = if first != 0 {
                offset_of(first)
            } else {
                8 + offset_of(second)
            };
            return Some(from + index * 16 + offset);
        }
    }
    let tail_start = from + pairs.len() * 16;
    tail.chunks(8).enumerate().find_map(|(index, chunk)| {
        let mut word = [0; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let real = HIGH_BITS >> (8 * (8 - chunk.len()));
        let found = marks(u64::from_le_bytes(word)) & real;
        (found != 0).then(|| tail_start + index * 8 + offset_of(found))
    })
}

/// The offset in the word of the first byte that `mark` marks.
#[inline]
pub(crate) fn offset_of(mark: u64) -> usize {
    mark.trailing_zeros() as usize / 8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes a mask marks, by offset, for comparing with a byte-by-byte answer.
    fn marked(mask: u64) -> Vec<bool> {
        (0..8).map(|i| mask >> (8 * i + 7) & 1 == 1).collect()
    }

    #[test]
    fn masks_agree_with_byte_by_byte_tests_on_every_byte() {
        for first in 0..=255u8 {
            // Neighbours chosen to provoke borrows and carries across bytes.
            let bytes = [0x00, first, 0xff, first, 0x80, 0x7f, first, 0x01];
            let word = load(&bytes, 0).unwrap();
            for probe in [0x00, 0x09, 0x0a, 0x20, 0x26, 0x7f, 0x80, 0xff, first] {
                let expected: Vec<bool> = bytes.iter().map(|&b| b == probe).collect();
                assert_eq!(marked(bytes_equal(word, probe)), expected);
            }
            for bound in [0x01, 0x20, 0x21, 0x7f, 0x80] {
                let expected: Vec<bool> = bytes.iter().map(|&b| b < bound).collect();
                assert_eq!(marked(bytes_below(word, bound)), expected);
            }
        }
    }

    #[test]
    fn first_marked_finds_the_first_match_wherever_it_is() {
        let is_odd = |byte: u8| byte >= 0x80 || byte == b'&';
        let marks = |word: u64| (word | bytes_equal(word, b'&')) & HIGH_BITS;
        for len in 0..40 {
            for at in 0..len {
                for byte in [b'&', 0x80, 0xff] {
                    let mut text: Vec<u8> =
                        b"ab\0cd ef;".iter().copied().cycle().take(len).collect();
                    text[at] = byte;
                    for from in 0..=len {
                        let expected = (from..len).find(|&p| is_odd(text[p]));
                        assert_eq!(
                            first_marked(&text, from, marks),
                            expected,
                            "{len} {at} {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn load_needs_eight_bytes() {
        assert_eq!(load(b"abcdefgh", 0), Some(u64::from_le_bytes(*b"abcdefgh")));
        assert_eq!(load(b"abcdefgh", 1), None);
        assert_eq!(load(b"abc", 9), None);
    }

    #[test]
    fn offset_of_names_the_byte() {
        let word = load(b"ab&defgh", 0).unwrap();
        assert_eq!(offset_of(bytes_equal(word, b'&')), 2);
    }
}
