//! Small fixed sets of short lowercase ASCII words (function words), asked about millions
//! of times a second: each word is packed into one integer and found with one multiply, one
//! shift and one load, in a table of 512 slots built at compile time with no two words in
//! one slot.
//!
//! ```text
//! SET = ShortWords::new(&["and", "of", "the"])
//! SET.contains(b"the") -> true     SET.contains(b"THE") -> true (ASCII case ignored)
//! SET.contains(b"then") -> false   SET.contains(b"thereafter") -> false (too long)
//! ```

/// A set of at most a few dozen words of 1 to 7 ASCII letters.
pub(super) struct ShortWords {
    slots: [u64; SLOTS],
    multiplier: u64,
    /// For each first letter (its low five bits), the second letters (a bit each) that
    /// begin a word of the set; a word of one letter sets every bit of its row.
    starts: [u32; 32],
    /// The same for the last letter and the one before it.
    ends: [u32; 32],
}

const SLOTS: usize = 512;
const SLOT_BITS: u32 = SLOTS.trailing_zeros();

impl ShortWords {
    /// The set of `words` (lowercase ASCII letters, 1 to 7 of them each). Fails to compile
    /// when a word is not of that shape.
    pub(super) const fn new(words: &[&str]) -> ShortWords {
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            assert!(!word.is_empty() && word.len() <= MAX_LEN, "1 to 7 letters");
            let mut j = 0;
            while j < word.len() {
                assert!(word[j].is_ascii_lowercase(), "lowercase ASCII letters");
                j += 1;
            }
            i += 1;
        }
        let mut starts = [0u32; 32];
        let mut ends = [0u32; 32];
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            let (first, last) = (word[0] as usize & 31, word[word.len() - 1] as usize & 31);
            if word.len() == 1 {
                starts[first] = u32::MAX;
                ends[last] = u32::MAX;
            } else {
                starts[first] |= 1 << (word[1] & 31);
                ends[last] |= 1 << (word[word.len() - 2] & 31);
            }
            i += 1;
        }
        // Odd multipliers of the golden-ratio kind, tried in turn until one sends every
        // word to a slot of its own.
        let mut multiplier: u64 = 0x9E37_79B9_7F4A_7C15;
        loop {
            let mut slots = [0u64; SLOTS];
            let mut placed = true;
            let mut i = 0;
            while i < words.len() {
                let key = pack(words[i].as_bytes());
                let slot = slot_of(key, multiplier);
                if slots[slot] != 0 {
                    placed = false;
                    break;
                }
                slots[slot] = key;
                i += 1;
            }
            if placed {
                return ShortWords {
                    slots,
                    multiplier,
                    starts,
                    ends,
                };
            }
            multiplier = multiplier.wrapping_add(0x6A09_E667_F3BC_C90A);
        }
    }

    /// Whether `word` is in the set, ignoring ASCII case.
    #[inline]
    pub(super) fn contains(&self, word: &[u8]) -> bool {
        self.contains_at(word, 0..word.len())
    }

    /// Whether `text[range]` is in the set, ignoring ASCII case, its bytes read with one
    /// load when eight bytes of `text` start there. Setting bit 5 lowercases ASCII letters
    /// and turns no other byte into a lowercase letter, so no word with other bytes can
    /// match.
    #[inline(always)]
    pub(super) fn contains_at(&self, text: &[u8], range: std::ops::Range<usize>) -> bool {
        let len = range.len();
        if len == 0 || len > MAX_LEN {
            return false;
        }
        let low_bytes = u64::MAX >> (8 * (8 - len));
        let head = match text.get(range.start..).and_then(<[u8]>::first_chunk::<8>) {
            Some(eight) => u64::from_le_bytes(*eight) & low_bytes,
            None => load_le(&text[range]),
        };
        self.contains_key(head | (LOWERCASE_BITS & low_bytes) | ((len as u64) << 56))
    }

    /// Whether the word packed as [`ShortWords::prefix_key`] or [`ShortWords::suffix_key`]
    /// returned it is in the set.
    #[inline]
    pub(super) fn contains_key(&self, key: u64) -> bool {
        self.slots[slot_of(key, self.multiplier)] == key
    }

    /// Whether some word of the set may begin the lowercase word of at least two letters
    /// whose first eight bytes are `head` (as for [`ShortWords::prefix_key`]): a quick test
    /// on its first two letters that lets most words skip the lookups.
    #[inline]
    pub(super) fn may_begin(&self, head: u64) -> bool {
        let (first, second) = (head as usize & 31, (head >> 8) as u32 & 31);
        self.starts[first] & (1 << second) != 0
    }

    /// Whether some word of the set may end the lowercase word of at least two letters
    /// whose last eight bytes are `tail` (as for [`ShortWords::suffix_key`]).
    #[inline]
    pub(super) fn may_end(&self, tail: u64) -> bool {
        let (last, before) = ((tail >> 56) as usize & 31, (tail >> 48) as u32 & 31);
        self.ends[last] & (1 << before) != 0
    }

    /// The key of the first `len` bytes (1 to 7) of a lowercase word whose first eight bytes,
    /// zero-padded, are `head` (little-endian).
    #[inline]
    pub(super) fn prefix_key(head: u64, len: usize) -> u64 {
        debug_assert!((1..=MAX_LEN).contains(&len));
        (head & ((1u64 << (8 * len)) - 1)) | ((len as u64) << 56)
    }

    /// The key of the last `len` bytes (1 to 7) of a lowercase word whose last eight bytes,
    /// zero-padded at the front, are `tail` (little-endian).
    #[inline]
    pub(super) fn suffix_key(tail: u64, len: usize) -> u64 {
        debug_assert!((1..=MAX_LEN).contains(&len));
        (tail >> (8 * (8 - len))) | ((len as u64) << 56)
    }
}

/// The longest word a set holds: seven bytes and the length fit one `u64`.
const MAX_LEN: usize = 7;

/// A word's bytes (little-endian) with its length in the top byte.
const fn pack(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key | ((word.len() as u64) << 56)
}

/// The first eight bytes of `text[range]` and its last eight (all of it when shorter),
/// little-endian, the head zero-padded after the word and the tail before it, each read
/// with one load when the text has eight bytes there. The range must not be empty.
///
/// ```text
/// ends_at(b"of Russiaand, ", 3..12) -> (b"Russiaan", b"ussiaand")
/// ends_at(b"of Russiaand, ", 0..2)  -> (b"of\0\0\0\0\0\0", b"\0\0\0\0\0\0of")
/// ```
#[inline]
pub(super) fn ends_at(text: &[u8], range: std::ops::Range<usize>) -> (u64, u64) {
    let len = range.len().min(8);
    let (head_mask, tail_mask) = ends_masks(len);
    let head = match text.get(range.start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(eight) => u64::from_le_bytes(*eight) & head_mask,
        None => load_le(&text[range.start..range.start + len]),
    };
    let tail = match range
        .end
        .checked_sub(8)
        .and_then(|at| text.get(at..range.end))
    {
        Some(eight) => load_le(eight) & tail_mask,
        None => load_le(&text[range.end - len..range.end]) << (8 * (8 - len)),
    };
    (head, tail)
}

/// The ends of [`ends_at`] of a word of ASCII letters, lowercase: the `head` of
/// [`ShortWords::prefix_key`] and the `tail` of [`ShortWords::suffix_key`].
#[inline]
pub(super) fn lowercase_ends((head, tail): (u64, u64), len: usize) -> (u64, u64) {
    let (head_mask, tail_mask) = ends_masks(len.min(8));
    (
        head | (LOWERCASE_BITS & head_mask),
        tail | (LOWERCASE_BITS & tail_mask),
    )
}

/// The bytes of a head and of a tail that hold a word of `len` bytes (1 to 8).
#[inline]
fn ends_masks(len: usize) -> (u64, u64) {
    let padding = 8 * (8 - len as u32);
    (u64::MAX >> padding, u64::MAX << padding)
}

/// Bit 5 of each byte: set, it makes an ASCII letter lowercase.
const LOWERCASE_BITS: u64 = 0x2020_2020_2020_2020;

/// Up to eight bytes as a little-endian integer, zero-padded (a plain load when there are
/// eight; no call to `memcpy` for fewer).
#[inline]
pub(super) fn load_le(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => bytes
            .iter()
            .enumerate()
            .fold(0, |word, (i, &b)| word | (u64::from(b) << (8 * i))),
    }
}

const fn slot_of(key: u64, multiplier: u64) -> usize {
    (key.wrapping_mul(multiplier) >> (64 - SLOT_BITS)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: ShortWords = ShortWords::new(&["a", "and", "of", "the", "between"]);

    #[test]
    fn finds_its_words_in_any_case_and_nothing_else() {
        for word in ["a", "and", "of", "the", "between", "The", "AND", "BeTwEeN"] {
            assert!(SET.contains(word.as_bytes()), "{word}");
        }
        for word in [
            "",
            "an",
            "then",
            "th",
            "thereafter",
            "@nd",
            "th\u{0}",
            "A!",
            "ofof",
        ] {
            assert!(!SET.contains(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn finds_prefixes_and_suffixes_by_key() {
        let head = u64::from_le_bytes(*b"thenceof");
        assert!(SET.contains_key(ShortWords::prefix_key(head, 3)));
        assert!(!SET.contains_key(ShortWords::prefix_key(head, 4)));
        let tail = u64::from_le_bytes(*b"russiaof");
        assert!(SET.contains_key(ShortWords::suffix_key(tail, 2)));
        assert!(!SET.contains_key(ShortWords::suffix_key(tail, 3)));
    }

    #[test]
    fn reads_the_ends_of_a_word_with_or_without_eight_bytes_around() {
        let text = b"of Russiaand, ";
        let le = |bytes: &[u8; 8]| u64::from_le_bytes(*bytes);
        assert_eq!(ends_at(text, 3..12), (le(b"Russiaan"), le(b"ussiaand")));
        assert_eq!(
            ends_at(text, 0..2),
            (le(b"of\0\0\0\0\0\0"), le(b"\0\0\0\0\0\0of"))
        );
        assert_eq!(
            ends_at(text, 12..13),
            (le(b",\0\0\0\0\0\0\0"), le(b"\0\0\0\0\0\0\0,"))
        );
        // Every word of the text, read near its edges or not, as byte-by-byte reading has it.
        for start in 0..text.len() {
            for end in start + 1..=text.len() {
                let word = &text[start..end];
                let len = word.len().min(8);
                let head = load_le(&word[..len]);
                let tail = load_le(&word[word.len() - len..]) << (8 * (8 - len));
                assert_eq!(ends_at(text, start..end), (head, tail), "{start}..{end}");
            }
        }
        assert_eq!(
            lowercase_ends(ends_at(b"RUSSIAAND", 0..9), 9),
            (le(b"russiaan"), le(b"ussiaand"))
        );
        assert_eq!(
            lowercase_ends(ends_at(b"Of", 0..2), 2),
            (le(b"of\0\0\0\0\0\0"), le(b"\0\0\0\0\0\0of"))
        );
    }

    #[test]
    fn tells_the_words_that_may_begin_or_end_with_one() {
        let word = |w: &[u8; 8]| u64::from_le_bytes(*w);
        assert!(SET.may_begin(word(b"ofcourse")));
        assert!(SET.may_begin(word(b"thinking")));
        assert!(!SET.may_begin(word(b"russiaof")));
        assert!(SET.may_end(word(b"russiaof")));
        assert!(SET.may_end(word(b"\0\0\0tothe")));
        assert!(SET.may_end(word(b"\0\0russia")));
        assert!(!SET.may_end(word(b"thinking")));
    }
}
