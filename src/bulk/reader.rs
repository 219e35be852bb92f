//! Reads the inputs of a run as a stream of items: documents and blocks of JSONL lines to
//! clean, records that cannot even be read (over the size limit, cut off by a truncated
//! stream), and the end of each file. Memory stays bounded: a document over the limit is
//! skipped, not held.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::blocks::{BLOCK_BYTES, Recycled, read_blocks};
use super::inputs::{Compression, Format, Input, Source, compression_by_name};
use super::item::{Fetched, Item, Record, Reject, RejectKind};
use crate::warc::{WarcError, WarcReader};

/// An input opened for reading: decompressed, its format known.
pub(super) struct Opened {
    pub reader: Box<dyn BufRead + Send>,
    pub format: Format,
    pub compression: Compression,
    /// How many bytes the input will likely give, when its file says (its length, or a
    /// gzip file's stated size): room is made for them at once.
    pub size_hint: Option<u64>,
}

/// Counts the bytes read from a file, before decompression, for the progress bar.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.read.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

/// Opens `input`: decompresses by its name or, failing that, by its first bytes, and tells
/// its format by its name or, failing that, by its first visible byte (`{` is JSONL).
pub(super) fn open(input: &Input, read: Arc<AtomicU64>) -> io::Result<Opened> {
    let raw: Box<dyn Read + Send> = match &input.source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File(path) => Box::new(File::open(path)?),
    };
    let mut raw = BufReader::with_capacity(
        1 << 16,
        Counting {
            inner: raw,
            read: read.clone(),
        },
    );
    let by_name = match &input.source {
        Source::File(path) => compression_by_name(path).0,
        Source::Stdin => Compression::None,
    };
    let compression = match by_name {
        Compression::None => compression_by_magic(raw.fill_buf()?),
        named => named,
    };
    let size_hint = match &input.source {
        Source::File(path) => size_hint(path, compression),
        Source::Stdin => None,
    };
    let decompressed: Box<dyn Read + Send> = match compression {
        Compression::None => Box::new(raw),
        Compression::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(raw)),
        Compression::Zstd => Box::new(zstd::Decoder::with_buffer(raw)?),
    };
    let mut reader: Box<dyn BufRead + Send> =
        Box::new(BufReader::with_capacity(1 << 16, decompressed));
    let format = match input.format {
        Some(format) => format,
        None => sniff_format(&mut reader)?,
    };
    Ok(Opened {
        reader,
        format,
        compression,
        size_hint,
    })
}

/// The size of the file at `path` once decompressed, as far as it tells without reading
/// it: its length, or for gzip the size its last member states (modulo 4 GiB).
fn size_hint(path: &std::path::Path, compression: Compression) -> Option<u64> {
    use std::io::{Seek, SeekFrom};
    match compression {
        Compression::None => std::fs::metadata(path).ok().map(|m| m.len()),
        Compression::Gzip => {
            let mut file = File::open(path).ok()?;
            file.seek(SeekFrom::End(-4)).ok()?;
            let mut size = [0u8; 4];
            file.read_exact(&mut size).ok()?;
            Some(u64::from(u32::from_le_bytes(size)))
        }
        Compression::Zstd => None,
    }
}

/// The whole of `input`, decompressed, and its format (as [`open`] tells it).
pub fn read_whole(input: &Input) -> io::Result<(Format, Vec<u8>)> {
    let mut opened = open(input, Arc::default())?;
    let mut bytes = Vec::new();
    opened.reader.read_to_end(&mut bytes)?;
    Ok((opened.format, bytes))
}

/// The UTF-8 byte order mark, which some tools write before the first record.
const UTF8_BOM: &[u8] = "\u{feff}".as_bytes();

fn compression_by_magic(start: &[u8]) -> Compression {
    if start.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if start.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// JSONL when the first visible byte (after a byte order mark) is `{`, else text; consumes
/// nothing.
fn sniff_format(reader: &mut Box<dyn BufRead + Send>) -> io::Result<Format> {
    let start = reader.fill_buf()?;
    let start = start.strip_prefix(UTF8_BOM).unwrap_or(start);
    let first = start.iter().find(|b| !b.is_ascii_whitespace());
    Ok(match first {
        Some(b'{') => Format::Jsonl,
        _ => Format::Text,
    })
}

/// The items of one opened input, handed to `emit` in order; the last is its end. Blocks of
/// JSONL lines are read into `recycled` buffers when there are.
pub(super) fn read_items(
    file: usize,
    opened: Opened,
    max_doc_bytes: usize,
    recycled: &Recycled,
    emit: &mut dyn FnMut(Item) -> bool,
) {
    match opened.format {
        Format::Jsonl => read_blocks(file, opened, (BLOCK_BYTES, recycled), max_doc_bytes, emit),
        Format::Text | Format::Html => read_document(file, opened, max_doc_bytes, emit),
        Format::Warc => read_warc(file, opened, max_doc_bytes, emit),
    }
}

/// The whole input as one document.
fn read_document(
    file: usize,
    mut opened: Opened,
    max_doc_bytes: usize,
    emit: &mut dyn FnMut(Item) -> bool,
) {
    let limit = max_doc_bytes as u64 + 1;
    // One byte more than the hint: `read_to_end` then sees the end without growing.
    let capacity = opened.size_hint.map_or(0, |hint| hint.min(limit) + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    let item = match opened.reader.by_ref().take(limit).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() > max_doc_bytes => {
            let total =
                bytes.len() as u64 + io::copy(&mut opened.reader, &mut io::sink()).unwrap_or(0);
            Item::Rejected(Reject {
                file,
                line: 1,
                kind: RejectKind::TooLarge,
                reason: format!(
                    "the document is {total} bytes, over --max-doc-bytes {max_doc_bytes}"
                ),
                record: None,
            })
        }
        Ok(_) => Item::Record(Record {
            file,
            line: 1,
            format: opened.format,
            bytes,
            fetched: None,
        }),
        Err(error) => {
            let kind = stream_error_kind(&error, opened.compression);
            Item::Rejected(Reject {
                file,
                line: 1,
                kind,
                reason: format!("{}: {error}", kind.describe()),
                record: None,
            })
        }
    };
    if emit(item) {
        emit(Item::FileEnd { file });
    }
}

/// Each HTML response of a WARC file a page; a record that cannot be read a reject, and
/// the reading goes on at the next record.
fn read_warc(
    file: usize,
    opened: Opened,
    max_doc_bytes: usize,
    emit: &mut dyn FnMut(Item) -> bool,
) {
    let records = WarcReader::new(opened.reader).with_max_record_bytes(max_doc_bytes as u64);
    for record in records {
        let item = match record {
            Ok(response) => Item::Record(Record {
                file,
                line: response.record_number,
                format: Format::Html,
                bytes: response.body,
                fetched: Some(Fetched {
                    url: response.target_uri,
                    date: response.date,
                    content_type: response.content_type,
                }),
            }),
            Err(error) => {
                let kind = match error {
                    WarcError::Truncated { .. } | WarcError::Io { .. } => {
                        RejectKind::TruncatedStream
                    }
                    WarcError::RecordTooLarge { .. } => RejectKind::TooLarge,
                    _ => RejectKind::BadWarcRecord,
                };
                Item::Rejected(Reject {
                    file,
                    line: error.record_number().unwrap_or(0),
                    kind,
                    reason: format!("{}: {error}", kind.describe()),
                    record: None,
                })
            }
        };
        if !emit(item) {
            return;
        }
    }
    emit(Item::FileEnd { file });
}

/// A read error in the middle of an input: a cut-off compressed stream, or the file.
pub(super) fn stream_error_kind(error: &io::Error, compression: Compression) -> RejectKind {
    match compression {
        Compression::None if error.kind() != io::ErrorKind::UnexpectedEof => RejectKind::ReadError,
        _ => RejectKind::TruncatedStream,
    }
}
