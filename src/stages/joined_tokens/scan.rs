//! Cuts a text into tokens (runs of non-whitespace) and tells, in the same single pass over
//! each token's bytes, what shape it has: most tokens are short or one plain word, and need
//! nothing but a glance.
//!
//! ```text
//! "the"  "said."  "(Russiaand,"  "“sidelines"  "statesIt"  "U.S."  "doesn't"
//! Short  Short    Plain          Special       Special     Special Special
//! ```

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// At most five bytes, ASCII, no capital after the first byte and no sentence end
    /// before the last: nothing can hide in it (the shortest repairable glue, a doubled
    /// three-letter word, has six letters).
    Short,
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
pub(super) fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut line = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && CLASSES[bytes[at] as usize] & SPACE != 0 {
            line += usize::from(bytes[at] == b'\n');
            at += 1;
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        let (end, shape) = scan_token(bytes, start);
        at = end;
        Some(Token {
            start,
            end,
            line,
            shape,
        })
    })
}

/// The shape of one token (a run of non-whitespace).
pub(super) fn shape_of(token: &str) -> Shape {
    scan_token(token.as_bytes(), 0).1
}

/// Where the token starting at `start` ends, and its shape: one pass over its bytes.
fn scan_token(bytes: &[u8], start: usize) -> (usize, Shape) {
    let mut at = start;
    let mut state = State::Opening;
    let mut word_start = 0;
    let mut word_end = 0;
    let mut after_first = 0u8;
    let mut sentence_ends = 0usize;
    while at < bytes.len() {
        let class = CLASSES[bytes[at] as usize];
        if class & SPACE != 0 {
            break;
        }
        if at > start {
            after_first |= class;
        }
        sentence_ends += usize::from(class & SENTENCE_END != 0);
        state = match state {
            State::Opening if class & OPENING != 0 => State::Opening,
            State::Opening if class & (UPPER | LOWER) != 0 => {
                word_start = at;
                State::Word
            }
            State::Word if class & LOWER != 0 => State::Word,
            State::Word if class & CLOSING != 0 => {
                word_end = at;
                State::Closing
            }
            State::Closing if class & CLOSING != 0 => State::Closing,
            _ => State::Other,
        };
        at += 1;
    }
    let len = at - start;
    let ends_sentence = len > 0 && CLASSES[bytes[at - 1] as usize] & SENTENCE_END != 0;
    let inner_sentence_ends = sentence_ends - usize::from(ends_sentence);
    let shape = if len <= 5 && after_first & (UPPER | NON_ASCII) == 0 && inner_sentence_ends == 0 {
        Shape::Short
    } else {
        match state {
            State::Word => Shape::Plain {
                word_start: word_start - start,
                word_end: len,
            },
            State::Closing => Shape::Plain {
                word_start: word_start - start,
                word_end: word_end - start,
            },
            State::Opening | State::Other => Shape::Special,
        }
    };
    (at, shape)
}

/// Where the scan of a token is: before its word, in it, after it, or in something that
/// is not a plain word.
#[derive(Clone, Copy)]
enum State {
    Opening,
    Word,
    Closing,
    Other,
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
            opening | closing | sentence_end
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
        assert_eq!(shape_of("the"), Shape::Short);
        assert_eq!(shape_of("said."), Shape::Short);
        assert_eq!(shape_of("1990"), Shape::Short);
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
        ] {
            assert_eq!(shape_of(special), Shape::Special, "{special}");
        }
    }

    #[test]
    fn counts_lines_and_cuts_tokens() {
        let found: Vec<(usize, usize, usize)> = tokens("  The talks\n\nsaid.The  end\n")
            .map(|t| (t.start, t.end, t.line))
            .collect();
        assert_eq!(found, [(2, 5, 0), (6, 11, 0), (13, 21, 2), (23, 26, 2)]);
    }
}
