//! What can go wrong in a WARC file, each error naming the record (its 1-based number and
//! byte offset in the decompressed stream) so a person can find it.

use std::io;

/// Why a record could not be read. After one, the reader goes on with the next record when
/// it can find it.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    /// The input ends inside a record.
    #[error("record {record_number} at byte {offset}: the file ends inside the record")]
    Truncated { record_number: usize, offset: u64 },
    /// A record does not start with `WARC/1.0` or `WARC/1.1`.
    #[error("byte {offset}: expected a WARC/1.0 or WARC/1.1 line, found {line}")]
    NotAVersionLine { offset: u64, line: String },
    /// The record's WARC header has a line that is not a field, or never ends.
    #[error("record {record_number} at byte {offset}: {reason}")]
    BadHeader {
        record_number: usize,
        offset: u64,
        reason: String,
    },
    #[error("record {record_number} at byte {offset}: the header has no Content-Length")]
    MissingContentLength { record_number: usize, offset: u64 },
    #[error("record {record_number} at byte {offset}: Content-Length {value:?} is not a number")]
    BadContentLength {
        record_number: usize,
        offset: u64,
        value: String,
    },
    /// A response without a field every response has; the record was skipped.
    #[error("record {record_number} at byte {offset}: the response has no {field}")]
    MissingField {
        record_number: usize,
        offset: u64,
        field: &'static str,
    },
    /// A page larger than [`WarcReader::with_max_record_bytes`](super::WarcReader::with_max_record_bytes);
    /// it was skipped without being held in memory.
    #[error("record {record_number} ({uri}): {length} bytes, over the limit of {limit}; skipped")]
    RecordTooLarge {
        record_number: usize,
        uri: String,
        length: u64,
        limit: u64,
    },
    /// The HTTP response in the record cannot be read (status line, chunks, content
    /// coding); the record was skipped.
    #[error("record {record_number} ({uri}): {reason}")]
    BadHttp {
        record_number: usize,
        uri: String,
        reason: String,
    },
    /// The input itself cannot be read (a corrupt gzip stream, a disk error): reading stops.
    #[error("byte {offset}: cannot read the input: {source}")]
    Io { offset: u64, source: io::Error },
}

impl WarcError {
    /// The record the error is about, when it is about one.
    pub fn record_number(&self) -> Option<usize> {
        match self {
            WarcError::Truncated { record_number, .. }
            | WarcError::BadHeader { record_number, .. }
            | WarcError::MissingContentLength { record_number, .. }
            | WarcError::BadContentLength { record_number, .. }
            | WarcError::MissingField { record_number, .. }
            | WarcError::RecordTooLarge { record_number, .. }
            | WarcError::BadHttp { record_number, .. } => Some(*record_number),
            WarcError::NotAVersionLine { .. } | WarcError::Io { .. } => None,
        }
    }
}

/// Where reading goes on after an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Recovery {
    /// The record's block was read past: the next record follows.
    NextRecord,
    /// Where the record ends is unknown: look for the next version line.
    Resync,
    /// Nothing more can be read.
    Stop,
}

impl WarcError {
    pub(super) fn recovery(&self) -> Recovery {
        match self {
            WarcError::MissingField { .. }
            | WarcError::RecordTooLarge { .. }
            | WarcError::BadHttp { .. } => Recovery::NextRecord,
            WarcError::NotAVersionLine { .. }
            | WarcError::BadHeader { .. }
            | WarcError::MissingContentLength { .. }
            | WarcError::BadContentLength { .. } => Recovery::Resync,
            WarcError::Truncated { .. } | WarcError::Io { .. } => Recovery::Stop,
        }
    }

    /// The error for a failed read inside record `record_number`: a gzip stream that stops
    /// early says "unexpected end of file", which is a truncated file like any other.
    pub(super) fn from_io(error: io::Error, record_number: usize, offset: u64) -> Self {
        if error.kind() == io::ErrorKind::UnexpectedEof {
            WarcError::Truncated {
                record_number,
                offset,
            }
        } else {
            WarcError::Io {
                offset,
                source: error,
            }
        }
    }
}
