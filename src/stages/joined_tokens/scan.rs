//! Cuts a text into tokens (runs of non-whitespace) and tells, in the same single pass over
//! each token's bytes, what shape it has: most tokens are short or one plain word, and need
//! nothing but a glance.
//!
//! ```text
//! "the"  "said."  "(Russiaand,"  "“sidelines"  "statesIt"  "U.S."  "doesn't"
//! Short  Short    Plain          Special       Special     Special Special
//! (the word of a short or plain token is marked: "said" of "said.")
//! ```

use crate::swar;

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// At most five bytes, ASCII, no capital after the first byte and no sentence end
    /// before the last: nothing can hide in it (the shortest repairable glue, a doubled
    /// three-letter word, has six letters). Its word, the token without the punctuation
    /// around it ("said" of "said."), is at these byte offsets (empty for "--").
    Short { word_start: usize, word_end: usize },
    /// One plain ASCII word (a letter, then lowercase letters) with at most opening quotes
    /// and brackets before it and closing punctuation after it: "(Russiaand,". Only a
    /// doubled word or two glued ones can hide in it. The word is at these byte offsets
    /// of the token.
    Plain { word_start: usize, word_end: usize },
    /// Anything else: inner capitals, other scripts, inner sentence ends, digits.
    Special,
}

/// A token of the text: its byte range, its line (counted from 0) and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub shape: Shape,
}

/// The tokens of `text`, in order.
pub(super) fn tokens(text: &str) -> Vec<Token> {
    let mut all = Vec::new();
    for_each_token(text, |token| all.push(token));
    all
}

/// Calls `visit` with each token of `text`, in order: the loop that reads a whole
/// document, its place kept in locals.
#[inline(always)]
pub(super) fn for_each_token(text: &str, mut visit: impl FnMut(Token)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut line = 0;
    while let Some(&b) = bytes.get(at) {
        if CLASSES[b as usize] & SPACE != 0 {
            line += usize::from(b == b'\n');
            at += 1;
            continue;
        }
        let (end, shape) = match simple_token(bytes, at) {
            Some(simple) => simple,
            None => scan_other_token(bytes, at),
        };
        visit(Token {
            start: at,
            end,
            line,
            shape,
        });
        // Most tokens end at a single space: stepped over here, not in a turn of the loop.
        at = end + usize::from(bytes.get(end) == Some(&b' '));
    }
}

/// [`scan_token`] for the tokens [`simple_token`] leaves, out of the main loop.
#[inline(never)]
fn scan_other_token(bytes: &[u8], start: usize) -> (usize, Shape) {
    scan_token(bytes, start)
}

/// The shape of one token (a run of non-whitespace).
pub(super) fn shape_of(token: &str) -> Shape {
    scan_token(token.as_bytes(), 0).1
}

/// Where the token starting at `start` ends, and its shape, when it is a letter, lowercase
/// letters and at most one closing mark ("The", "relations", "said.", "Russia,") and a
/// space or a line break follows it: eight bytes at a time, most tokens of a text in one
/// or two steps. `None` for any other token, and near the end of the text, which
/// [`scan_token`] then reads byte by byte (with the same answer for these).
#[inline(always)]
fn simple_token(bytes: &[u8], start: usize) -> Option<(usize, Shape)> {
    if CLASSES[bytes[start] as usize] & (UPPER | LOWER) == 0 {
        return None;
    }
    let mut at = start;
    // The first byte is a letter of either case; the others must be lowercase.
    let mut checked = 0x80;
    loop {
        let word = swar::load(bytes, at)?;
        let low = swar::bytes_below(word, 0x21);
        let first_low = low & low.wrapping_neg();
        let lower = swar::bytes_below(word, b'z' + 1) & !swar::bytes_below(word, b'a');
        let before = first_low.wrapping_sub(1) & swar::HIGH_BITS & !checked;
        let others = before & !lower;
        if low == 0 {
            if others != 0 {
                return None;
            }
            at += 8;
            checked = 0;
            continue;
        }
        let end = at + swar::offset_of(first_low);
        // Tabs, carriage returns and controls are left to the byte-by-byte reading.
        if !matches!(bytes[end], b' ' | b'\n') {
            return None;
        }
        let len = end - start;
        let word_len = if others == 0 {
            len
        } else if others == first_low >> 8 && CLASSES[bytes[end - 1] as usize] & CLOSING != 0 {
            len - 1
        } else {
            return None;
        };
        let shape = if len <= 5 {
            Shape::Short {
                word_start: 0,
                word_end: word_len,
            }
        } else {
            Shape::Plain {
                word_start: 0,
                word_end: word_len,
            }
        };
        return Some((end, shape));
    }
}

/// Where the token starting at `start` ends, and its shape. Most tokens are a letter and
/// lowercase letters: one tight loop over the bytes tells them; the others are looked at
/// again by [`shape_of_other`].
#[inline]
fn scan_token(bytes: &[u8], start: usize) -> (usize, Shape) {
    let first = CLASSES[bytes[start] as usize];
    let mut at = start + 1;
    let mut rest = 0;
    while let Some(&b) = bytes.get(at) {
        let class = CLASSES[b as usize];
        if class & SPACE != 0 {
            break;
        }
        rest |= class;
        at += 1;
    }
    let len = at - start;
    let shape = if first & (UPPER | LOWER) != 0 && rest & !LOWER == 0 {
        if len <= 5 {
            Shape::Short {
                word_start: 0,
                word_end: len,
            }
        } else {
            Shape::Plain {
                word_start: 0,
                word_end: len,
            }
        }
    } else {
        shape_of_other(&bytes[start..at])
    };
    (at, shape)
}

/// The shape of a token that is not a letter and lowercase letters: its bytes are walked
/// through the opening punctuation, the word, the closing punctuation and whatever else
/// follows.
fn shape_of_other(token: &[u8]) -> Shape {
    let class = |at: usize| token.get(at).map_or(SPACE, |&b| CLASSES[b as usize]);
    let mut at = 0;
    while class(at) & OPENING != 0 {
        at += 1;
    }
    let word_start = at;
    if class(at) & (UPPER | LOWER) != 0 {
        at += 1;
        while class(at) & LOWER != 0 {
            at += 1;
        }
    }
    let word_end = at;
    while class(at) & CLOSING != 0 {
        at += 1;
    }
    if token.len() <= 5 && is_short(token) {
        let alphanumeric = |b: &u8| b.is_ascii_alphanumeric();
        let word_start = token.iter().position(alphanumeric).unwrap_or(token.len());
        let word_end = token
            .iter()
            .rposition(alphanumeric)
            .map_or(word_start, |p| p + 1);
        Shape::Short {
            word_start,
            word_end,
        }
    } else if word_end > word_start && at == token.len() {
        Shape::Plain {
            word_start,
            word_end,
        }
    } else {
        Shape::Special
    }
}

/// Whether a token of at most five bytes has no capital or non-ASCII byte after its first
/// and no sentence end before its last.
fn is_short(token: &[u8]) -> bool {
    let after_first = token.iter().skip(1);
    let classes = after_first.fold(0, |classes, &b| classes | CLASSES[b as usize]);
    let before_last = &token[..token.len().saturating_sub(1)];
    let inner_ends = before_last
        .iter()
        .any(|&b| CLASSES[b as usize] & SENTENCE_END != 0);
    classes & (UPPER | NON_ASCII) == 0 && !inner_ends
}

const SPACE: u8 = 1;
/// `"`, `'`, `(`, `[`: may open a plain word's token.
const OPENING: u8 = 2;
/// `.`, `,`, `;`, `:`, `!`, `?`, `)`, `"`, `'`: may close it.
const CLOSING: u8 = 4;
const UPPER: u8 = 8;
const LOWER: u8 = 16;
/// `.`, `!`, `?`.
const SENTENCE_END: u8 = 32;
const NON_ASCII: u8 = 64;
/// Every other byte: digits, `-`, `/`, controls...
const OTHER: u8 = 128;

/// The classes of each byte value.
static CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        classes[byte] = if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            let opening = if matches!(b, b'"' | b'\'' | b'(' | b'[') {
                OPENING
            } else {
                0
            };
            let closing = if matches!(
                b,
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'"' | b'\''
            ) {
                CLOSING
            } else {
                0
            };
            let sentence_end = if matches!(b, b'.' | b'!' | b'?') {
                SENTENCE_END
            } else {
                0
            };
            match opening | closing | sentence_end {
                0 => OTHER,
                punctuation => punctuation,
            }
        };
        byte += 1;
    }
    classes
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_shapes_of_real_tokens() {
        let plain = |token: &str, word: &str| {
            let start = token.find(word).unwrap();
            Shape::Plain {
                word_start: start,
                word_end: start + word.len(),
            }
        };
        let short = |word_start, word_end| Shape::Short {
            word_start,
            word_end,
        };
        assert_eq!(shape_of("the"), short(0, 3));
        assert_eq!(shape_of("said."), short(0, 4));
        assert_eq!(shape_of("1990"), short(0, 4));
        assert_eq!(shape_of("(an)"), short(1, 3));
        assert_eq!(shape_of("--"), short(2, 2));
        assert_eq!(shape_of("(Russiaand,"), plain("(Russiaand,", "Russiaand"));
        assert_eq!(
            shape_of("\"sidelines\""),
            plain("\"sidelines\"", "sidelines")
        );
        assert_eq!(shape_of("relations"), plain("relations", "relations"));
        for special in [
            "statesIt",
            "U.S.",
            "2019The",
            "doesn't",
            "“sidelines",
            "said.The",
            "e.g.",
            "\"...",
            "one-to-one",
            "three-day",
            "covid19",
            "b\u{1}ravo",
        ] {
            assert_eq!(shape_of(special), Shape::Special, "{special}");
        }
    }

    #[test]
    fn counts_lines_and_cuts_tokens() {
        let found: Vec<(usize, usize, usize)> = tokens("  The talks\n\nsaid.The  end\n")
            .into_iter()
            .map(|t| (t.start, t.end, t.line))
            .collect();
        assert_eq!(found, [(2, 5, 0), (6, 11, 0), (13, 21, 2), (23, 26, 2)]);
    }

    proptest::proptest! {
        /// The tokens are the runs of non-whitespace, each with the count of line breaks
        /// before it, whatever runs of spaces and breaks separate them.
        #[test]
        fn tokens_are_the_runs_between_whitespace(text in "[a-cA .'\n\t\r\x0c\u{a0}]{0,40}") {
            let mut expected = Vec::new();
            let mut start = None;
            for (at, b) in text.bytes().chain([b' ']).enumerate() {
                match (b.is_ascii_whitespace(), start) {
                    (true, Some(from)) => {
                        let line = text[..from].matches('\n').count();
                        expected.push((from, at, line));
                        start = None;
                    }
                    (false, None) => start = Some(at),
                    _ => {}
                }
            }
            let found: Vec<_> =
                tokens(&text).into_iter().map(|t| (t.start, t.end, t.line)).collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// The eight-bytes-at-a-time reading gives every token the end and shape the byte
        /// by byte reading gives it.
        #[test]
        fn simple_tokens_read_as_byte_by_byte(
            text in "[a-eA-C .,'(\\n\\t\\r\u{1}é]{0,40}"
        ) {
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                if CLASSES[bytes[start] as usize] & SPACE != 0 {
                    continue;
                }
                if let Some(simple) = simple_token(bytes, start) {
                    proptest::prop_assert_eq!(simple, scan_token(bytes, start), "{:?}", &text[start..]);
                }
            }
        }
    }
}
