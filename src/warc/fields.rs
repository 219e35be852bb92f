//! Header blocks, WARC's and HTTP's alike: `Name: value` lines up to an empty line, a line
//! starting with a space or tab continuing the value above.

use std::io::{self, BufRead};

use super::lines::{read_line_bounded, without_line_end};

/// The fields of a header block, in their order.
#[derive(Debug, Default)]
pub(super) struct Fields(Vec<(String, String)>);

impl Fields {
    /// The value of the first field called `name` (any case).
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(field, _)| field.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// What to do with a line that is not a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BadLines {
    /// Fail: a WARC header is written by an archiver, a bad line means a broken record.
    Reject,
    /// Drop the line: HTTP headers come from any server, and browsers ignore such lines too.
    Ignore,
}

/// Why a header block could not be read.
#[derive(Debug)]
pub(super) enum HeadError {
    /// The input ended before the empty line that closes the block.
    Ended,
    Io(io::Error),
    /// What is wrong with it, said for a person.
    Invalid(String),
}

impl From<io::Error> for HeadError {
    fn from(error: io::Error) -> Self {
        HeadError::Io(error)
    }
}

/// Reads the fields up to and including the empty line that ends them, consuming at most
/// `limit` bytes.
pub(super) fn read_fields(
    input: &mut impl BufRead,
    limit: usize,
    bad_lines: BadLines,
) -> Result<Fields, HeadError> {
    let mut fields = Fields::default();
    let mut line = Vec::new();
    let mut budget = limit;
    loop {
        let consumed = read_line_bounded(input, &mut line, budget)?;
        if consumed == 0 {
            return Err(HeadError::Ended);
        }
        if consumed > budget {
            return Err(HeadError::Invalid(format!(
                "the header is longer than {limit} bytes"
            )));
        }
        if !line.ends_with(b"\n") {
            return Err(HeadError::Ended);
        }
        budget -= consumed;
        let text = without_line_end(&line);
        if text.is_empty() {
            return Ok(fields);
        }
        let continued = matches!(text[0], b' ' | b'\t');
        match (continued, fields.0.last_mut(), parse_field(text)) {
            (true, Some((_, value)), _) => {
                value.push(' ');
                value.push_str(String::from_utf8_lossy(text).trim_matches([' ', '\t']));
            }
            (false, _, Some(field)) => fields.0.push(field),
            _ if bad_lines == BadLines::Ignore => {}
            _ => {
                return Err(HeadError::Invalid(format!(
                    "bad header line {}",
                    shown(text)
                )));
            }
        }
    }
}

/// `Name: value` as a pair, the value trimmed; `None` when the line is not a field.
fn parse_field(line: &[u8]) -> Option<(String, String)> {
    let colon = memchr::memchr(b':', line)?;
    let name = &line[..colon];
    let is_token = |b: &u8| b.is_ascii_graphic() && !matches!(b, b'(' | b')' | b'"' | b'/');
    if name.is_empty() || !name.iter().all(is_token) {
        return None;
    }
    let value = String::from_utf8_lossy(&line[colon + 1..]);
    Some((
        String::from_utf8_lossy(name).into_owned(),
        value.trim_matches([' ', '\t']).to_string(),
    ))
}

/// A line quoted for an error message, cut to a readable length.
pub(super) fn shown(line: &[u8]) -> String {
    const MAX: usize = 80;
    let text = String::from_utf8_lossy(&line[..line.len().min(MAX)]);
    let cut = if line.len() > MAX { "..." } else { "" };
    format!("{text:?}{cut}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(block: &[u8], bad_lines: BadLines) -> Result<Fields, HeadError> {
        read_fields(&mut &block[..], 1000, bad_lines)
    }

    #[test]
    fn reads_fields_up_to_the_empty_line() {
        let mut input = &b"WARC-Type: response\r\nContent-Length:  12 \r\n\r\nbody"[..];
        let fields = read_fields(&mut input, 1000, BadLines::Reject).unwrap();
        assert_eq!(fields.get("warc-type"), Some("response"));
        assert_eq!(fields.get("Content-Length"), Some("12"));
        assert_eq!(fields.get("WARC-Date"), None);
        assert_eq!(input, b"body");
    }

    #[test]
    fn takes_bare_line_feeds_and_continuation_lines() {
        let fields = read(b"Subject: one\n\ttwo\nX: y\n\n", BadLines::Reject).unwrap();
        assert_eq!(fields.get("Subject"), Some("one two"));
        assert_eq!(fields.get("X"), Some("y"));
    }

    #[test]
    fn a_bad_line_is_an_error_or_ignored() {
        let block = b"WARC-Type: response\r\n<html>\r\n\r\n";
        let Err(HeadError::Invalid(reason)) = read(block, BadLines::Reject) else {
            panic!("a line without a colon must be rejected");
        };
        assert_eq!(reason, r#"bad header line "<html>""#);
        let fields = read(block, BadLines::Ignore).unwrap();
        assert_eq!(fields.get("WARC-Type"), Some("response"));
    }

    #[test]
    fn a_block_without_its_empty_line_has_ended() {
        assert!(matches!(
            read(b"A: b\r\n", BadLines::Reject),
            Err(HeadError::Ended)
        ));
        assert!(matches!(
            read(b"A: b", BadLines::Reject),
            Err(HeadError::Ended)
        ));
    }

    #[test]
    fn a_block_over_the_limit_is_invalid() {
        let block = format!("A: {}\r\n\r\n", "x".repeat(2000));
        let Err(HeadError::Invalid(reason)) = read(block.as_bytes(), BadLines::Reject) else {
            panic!("an endless header must be rejected");
        };
        assert_eq!(reason, "the header is longer than 1000 bytes");
    }
}
