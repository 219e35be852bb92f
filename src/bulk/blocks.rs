//! JSONL inputs read as blocks of whole lines: the reader only cuts the stream at a line
//! break and counts the lines; the workers split each block into its lines, check their
//! size and parse them. A line longer than `--max-doc-bytes` that does not fit in a block
//! is skipped while reading, never held whole.
//!
//! ```text
//! {"text":"a"}\n{"text":"b"}\n{"te | xt":"c"}\n...      one read of BLOCK_BYTES
//! └──── block (first line 1) ────┘   └─ carried over to the next block (first line 3)
//! ```

use std::io::{self, Read};
use std::sync::mpsc::{Receiver, Sender};

use memchr::{memchr, memchr_iter, memrchr};

use super::item::{Item, Reject, RejectKind};
use super::reader::{Opened, stream_error_kind};

/// How many bytes a block is read with: it holds the whole lines among them, and grows
/// only to hold a line longer than itself (up to `--max-doc-bytes`). Small enough that
/// the reader counts the lines while they are still in its cache and that a chunk of
/// blocks is shared among the workers; large enough that one write call per block costs
/// nothing.
pub(super) const BLOCK_BYTES: usize = 256 << 10;

/// Whole lines of one JSONL input, as read.
pub(super) struct Block {
    /// Index of the input it came from.
    pub file: usize,
    /// The number of its first line in the input.
    pub first_line: usize,
    /// Lines, each ended by `\n` but the last line of an input that has none.
    pub bytes: Vec<u8>,
}

/// Where the workers put the buffers of the blocks they cleaned...
pub(super) type Recycle = Sender<Vec<u8>>;
/// ...for the reader to fill again: reading a block then allocates nothing, zeroes
/// nothing and faults no fresh page in.
pub(super) type Recycled = Receiver<Vec<u8>>;

/// A line of a block.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// A record: the line without its `\n` or `\r\n`.
    Record(&'a [u8]),
    /// A line over the size limit: its length (without its `\n`).
    TooLong { bytes: usize },
}

impl Block {
    /// The lines with their numbers, blank lines left out; a line longer than `limit`
    /// bytes is [`Line::TooLong`].
    pub fn lines(&self, limit: usize) -> impl Iterator<Item = (usize, Line<'_>)> {
        let mut rest = self.bytes.as_slice();
        let mut number = self.first_line;
        std::iter::from_fn(move || {
            while !rest.is_empty() {
                let (line, after) = match memchr(b'\n', rest) {
                    Some(end) => (&rest[..end], &rest[end + 1..]),
                    None => (rest, &[][..]),
                };
                rest = after;
                number += 1;
                if line.len() > limit {
                    return Some((number - 1, Line::TooLong { bytes: line.len() }));
                }
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                if !line.iter().all(u8::is_ascii_whitespace) {
                    return Some((number - 1, Line::Record(line)));
                }
            }
            None
        })
    }
}

/// Why a line over the size limit is rejected.
pub(super) fn too_long(file: usize, line: usize, bytes: usize, limit: usize) -> Reject {
    Reject {
        file,
        line,
        kind: RejectKind::TooLarge,
        reason: format!(
            "the record is {bytes} bytes, over --max-doc-bytes {limit}; \
             it is left out of this file (take it from the input at this line)"
        ),
        record: None,
    }
}

/// Cuts one opened JSONL input into blocks of about `block_bytes`, handed to `emit` in
/// order with the input's end last. A line over `max_doc_bytes` that fills the buffer is
/// skipped as it is read, and rejected. A read error ends the input with a reject holding
/// the line it cut. Stops early when `emit` says so.
pub(super) fn read_blocks(
    file: usize,
    mut opened: Opened,
    (block_bytes, recycled): (usize, &Recycled),
    max_doc_bytes: usize,
    emit: &mut dyn FnMut(Item) -> bool,
) {
    let reader = &mut opened.reader;
    // `buffer[..filled]` holds what was read of the lines from `first_line` on...
    let mut buffer = new_buffer(recycled, block_bytes);
    let mut filled = 0;
    let mut first_line = 1;
    // ...after the bytes of a line over the limit that is being skipped, if any.
    let mut skipped: Option<usize> = None;
    loop {
        let read = fill(reader, &mut buffer, &mut filled);
        if let Some(before) = skipped {
            match memchr(b'\n', &buffer[..filled]) {
                Some(end) => {
                    skipped = None;
                    let reject = too_long(file, first_line, before + end, max_doc_bytes);
                    if !emit(Item::Rejected(reject)) {
                        return;
                    }
                    first_line += 1;
                    buffer.copy_within(end + 1..filled, 0);
                    filled -= end + 1;
                }
                None => {
                    skipped = Some(before + filled);
                    filled = 0;
                }
            }
        }
        let whole = match read {
            Ok(Fill::End) => filled,
            _ => memrchr(b'\n', &buffer[..filled]).map_or(0, |end| end + 1),
        };
        if whole > 0 {
            let carried = filled - whole;
            let mut next = new_buffer(recycled, block_bytes.max(carried));
            next[..carried].copy_from_slice(&buffer[whole..filled]);
            let mut bytes = std::mem::replace(&mut buffer, next);
            bytes.truncate(whole);
            let lines = memchr_iter(b'\n', &bytes).count();
            if !emit(Item::Lines(Block {
                file,
                first_line,
                bytes,
            })) {
                return;
            }
            first_line += lines;
            filled = carried;
        }
        match read {
            // The buffer is full of one line: it grows to hold it, up to the limit, and
            // past the limit the line is skipped.
            Ok(Fill::Full) if filled == buffer.len() && filled <= max_doc_bytes => {
                buffer.resize((2 * filled).min(max_doc_bytes + 1), 0);
            }
            Ok(Fill::Full) if filled == buffer.len() => {
                skipped = Some(filled);
                filled = 0;
            }
            Ok(Fill::Full) => {}
            Ok(Fill::End) => {
                if let Some(bytes) = skipped {
                    let reject = too_long(file, first_line, bytes, max_doc_bytes);
                    if !emit(Item::Rejected(reject)) {
                        return;
                    }
                }
                break;
            }
            Err(error) => {
                let kind = stream_error_kind(&error, opened.compression);
                // The line it cut, unless it is empty or already over the limit.
                let cut = &buffer[..filled];
                let record = (skipped.is_none() && (1..=max_doc_bytes).contains(&filled))
                    .then(|| String::from_utf8_lossy(cut).into_owned());
                emit(Item::Rejected(Reject {
                    file,
                    line: first_line,
                    kind,
                    reason: format!(
                        "{}: {error}; the records after this line are lost",
                        kind.describe()
                    ),
                    record,
                }));
                break;
            }
        }
    }
    emit(Item::FileEnd { file });
}

/// A buffer of `size` bytes: a recycled one when there is one of that size.
fn new_buffer(recycled: &Recycled, size: usize) -> Vec<u8> {
    let mut buffer = recycled
        .try_iter()
        .find(|buffer| buffer.capacity() == size)
        .unwrap_or_default();
    buffer.resize(size, 0);
    buffer
}

/// How filling a buffer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    Full,
    /// The input ended first.
    End,
}

/// Reads into `buffer[*filled..]` until it is full or the input ends; `filled` counts
/// what was read, also when reading fails.
fn fill(reader: &mut dyn Read, buffer: &mut [u8], filled: &mut usize) -> io::Result<Fill> {
    while *filled < buffer.len() {
        match reader.read(&mut buffer[*filled..]) {
            Ok(0) => return Ok(Fill::End),
            Ok(read) => *filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(Fill::Full)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::inputs::{Compression, Format};

    /// What reading `input` in blocks of `block_bytes` finds, with line numbers: each
    /// line as text, a line over `limit` as its reject's reason (whether the reader or a
    /// worker finds it), a cut-off stream as `cut: ` and the line it cut, the end as `end`.
    /// When `cut_off`, the stream fails after `input`.
    fn read(
        input: &'static [u8],
        cut_off: bool,
        block_bytes: usize,
        limit: usize,
    ) -> Vec<(usize, String)> {
        let reader: Box<dyn Read + Send> = match cut_off {
            true => Box::new(input.chain(CutOff)),
            false => Box::new(input),
        };
        let opened = Opened {
            reader: Box::new(io::BufReader::new(reader)),
            format: Format::Jsonl,
            compression: Compression::Gzip,
            size_hint: None,
        };
        let mut found = Vec::new();
        let (recycle, recycled) = std::sync::mpsc::channel();
        read_blocks(0, opened, (block_bytes, &recycled), limit, &mut |item| {
            match item {
                Item::Lines(block) => {
                    assert!(block.bytes.len() <= block_bytes.max(limit + 1));
                    for (number, line) in block.lines(limit) {
                        let line = match line {
                            Line::Record(line) => String::from_utf8(line.to_vec()).unwrap(),
                            Line::TooLong { bytes } => too_long(0, number, bytes, limit).reason,
                        };
                        found.push((number, line));
                    }
                    recycle.send(block.bytes).unwrap();
                }
                Item::Rejected(reject) if reject.kind == RejectKind::TruncatedStream => {
                    found.push((reject.line, format!("cut: {:?}", reject.record)));
                }
                Item::Rejected(reject) => found.push((reject.line, reject.reason)),
                Item::Record(_) => unreachable!("JSONL is read in blocks"),
                Item::FileEnd { .. } => found.push((0, "end".into())),
            }
            true
        });
        found
    }

    fn expected(lines: &[(usize, &str)]) -> Vec<(usize, String)> {
        lines
            .iter()
            .map(|&(n, line)| (n, line.to_string()))
            .collect()
    }

    #[test]
    fn lines_keep_their_numbers_whatever_the_block_size() {
        let input = b"{\"a\":1}\r\n\n  \n{\"b\":2}\n{\"c\":3}";
        let lines = expected(&[
            (1, "{\"a\":1}"),
            (4, "{\"b\":2}"),
            (5, "{\"c\":3}"),
            (0, "end"),
        ]);
        for block_bytes in [1, 2, 3, 7, 8, 9, 64] {
            assert_eq!(
                read(input, false, block_bytes, 100),
                lines,
                "blocks of {block_bytes}"
            );
        }
    }

    #[test]
    fn long_lines_are_rejected_by_the_reader_or_the_workers() {
        let input = b"{\"a\":1}\n0123456789abcdef\r\n\n{\"b\":2}\n0123456789";
        let reason = |bytes| too_long(0, 0, bytes, 8).reason;
        let (second, last) = (reason(17), reason(10));
        let lines = expected(&[
            (1, "{\"a\":1}"),
            (2, &second),
            (4, "{\"b\":2}"),
            (5, &last),
            (0, "end"),
        ]);
        for block_bytes in [1, 4, 8, 9, 16, 17, 18, 64] {
            assert_eq!(
                read(input, false, block_bytes, 8),
                lines,
                "blocks of {block_bytes}"
            );
        }
    }

    #[test]
    fn a_cut_off_stream_rejects_the_line_it_cut_and_ends_the_input() {
        let input = b"{\"a\":1}\n0123456789abcdef\n{\"b\":2}\n{\"c\"";
        let long = too_long(0, 0, 16, 8).reason;
        let lines = expected(&[
            (1, "{\"a\":1}"),
            (2, &long),
            (3, "{\"b\":2}"),
            (4, "cut: Some(\"{\\\"c\\\"\")"),
            (0, "end"),
        ]);
        for block_bytes in [1, 4, 8, 9, 16, 17, 64] {
            assert_eq!(
                read(input, true, block_bytes, 8),
                lines,
                "blocks of {block_bytes}"
            );
        }
        // Nothing of a line over the limit is kept.
        let lines = expected(&[(1, "{\"a\":1}"), (2, "cut: None"), (0, "end")]);
        for block_bytes in [1, 4, 8, 9, 64] {
            assert_eq!(
                read(b"{\"a\":1}\n0123456789abc", true, block_bytes, 8),
                lines
            );
        }
    }

    /// A stream that is cut off.
    struct CutOff;

    impl Read for CutOff {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::ErrorKind::UnexpectedEof.into())
        }
    }
}
