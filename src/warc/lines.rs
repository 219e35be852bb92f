//! Reading lines and skipping bytes with memory bounded whatever the input holds: a WARC
//! file can be cut or corrupt anywhere, and a "line" of binary garbage may be gigabytes
//! long.

use std::io::{self, BufRead};

/// Reads one line, through its `\n`, into `line`, keeping at most `keep` bytes of it and
/// dropping the rest. Returns the number of bytes consumed: 0 at the end of the input, more
/// than `line.len()` when the line was cut.
pub(super) fn read_line_bounded(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    keep: usize,
) -> io::Result<usize> {
    line.clear();
    let mut consumed = 0;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            return Ok(consumed);
        }
        let (taken, ends_line) = match memchr::memchr(b'\n', buffer) {
            Some(end) => (end + 1, true),
            None => (buffer.len(), false),
        };
        let room = keep.saturating_sub(line.len());
        line.extend_from_slice(&buffer[..taken.min(room)]);
        input.consume(taken);
        consumed += taken;
        if ends_line {
            return Ok(consumed);
        }
    }
}

/// The line without its `\r\n` or `\n`.
pub(super) fn without_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Reads past `count` bytes without keeping them. Returns how many were there (fewer than
/// `count` when the input ends first).
pub(super) fn skip(input: &mut impl BufRead, count: u64) -> io::Result<u64> {
    let mut skipped = 0;
    while skipped < count {
        let available = match input.fill_buf() {
            Ok(buffer) => buffer.len(),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available == 0 {
            break;
        }
        let taken = available.min(usize::try_from(count - skipped).unwrap_or(usize::MAX));
        input.consume(taken);
        skipped += taken as u64;
    }
    Ok(skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_short_line_whole() {
        let mut input = &b"WARC/1.0\r\nnext"[..];
        let mut line = Vec::new();
        assert_eq!(read_line_bounded(&mut input, &mut line, 64).unwrap(), 10);
        assert_eq!(line, b"WARC/1.0\r\n");
        assert_eq!(without_line_end(&line), b"WARC/1.0");
        assert_eq!(input, b"next");
    }

    #[test]
    fn cuts_a_long_line_but_consumes_all_of_it() {
        let mut input = &b"abcdefghij\nnext"[..];
        let mut line = Vec::new();
        assert_eq!(read_line_bounded(&mut input, &mut line, 4).unwrap(), 11);
        assert_eq!(line, b"abcd");
        assert_eq!(input, b"next");
    }

    #[test]
    fn a_line_without_end_is_read_to_the_end_of_input() {
        let mut input = &b"last"[..];
        let mut line = Vec::new();
        assert_eq!(read_line_bounded(&mut input, &mut line, 64).unwrap(), 4);
        assert_eq!(read_line_bounded(&mut input, &mut line, 64).unwrap(), 0);
    }

    #[test]
    fn reads_lines_across_buffer_boundaries() {
        let mut input = io::BufReader::with_capacity(3, &b"WARC/1.1\nx"[..]);
        let mut line = Vec::new();
        assert_eq!(read_line_bounded(&mut input, &mut line, 64).unwrap(), 9);
        assert_eq!(line, b"WARC/1.1\n");
    }

    #[test]
    fn skip_stops_at_the_end_of_input() {
        let mut input = io::BufReader::with_capacity(4, &b"0123456789"[..]);
        assert_eq!(skip(&mut input, 6).unwrap(), 6);
        assert_eq!(skip(&mut input, 6).unwrap(), 4);
    }
}
