//! What flows through a bulk run: items from the reader, outcomes to the writer.

use serde::Serialize;

use super::blocks::Block;
use super::inputs::Format;

/// One thing the reader found, in input order.
pub(super) enum Item {
    /// A document to clean.
    Record(Record),
    /// JSONL lines: records to clean.
    Lines(Block),
    /// A record that could not be read.
    Rejected(Reject),
    /// The end of input `file`: nothing more of it follows.
    FileEnd { file: usize },
}

impl Item {
    /// The bytes of input it holds.
    pub fn size(&self) -> usize {
        match self {
            Item::Record(record) => record.bytes.len(),
            Item::Lines(block) => block.bytes.len(),
            Item::Rejected(_) | Item::FileEnd { .. } => 0,
        }
    }
}

/// A document as read: a whole text file or HTML page, or a page of a WARC file.
pub(super) struct Record {
    /// Index of the input it came from.
    pub file: usize,
    /// Where it starts in the input: 1 for a file, its record number in a WARC file.
    pub line: usize,
    pub format: Format,
    pub bytes: Vec<u8>,
    /// Where a page of a WARC file was fetched from, and when.
    pub fetched: Option<Fetched>,
}

/// The WARC record of a page.
pub(super) struct Fetched {
    pub url: String,
    pub date: String,
    /// The HTTP `Content-Type`, whose charset decodes the page.
    pub content_type: Option<String>,
}

/// A record that went to the rejects file.
#[derive(Debug, Clone)]
pub(super) struct Reject {
    pub file: usize,
    pub line: usize,
    pub kind: RejectKind,
    /// The full reason, for the rejects file.
    pub reason: String,
    /// The record as it was (invalid UTF-8 replaced), when it was read.
    pub record: Option<String>,
}

/// Why a record was rejected, in a word: the report counts rejects by these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectKind {
    /// The line is not valid JSON.
    MalformedJson,
    /// The line is JSON but not an object.
    NotAnObject,
    /// The record has a key twice.
    DuplicateKey,
    /// The record has no text field.
    MissingText,
    /// The text field is not a string.
    TextNotString,
    /// The line is not valid UTF-8.
    InvalidUtf8,
    /// The record is over `--max-doc-bytes`.
    TooLarge,
    /// A compressed stream ended in the middle.
    TruncatedStream,
    /// The file could not be read to its end.
    ReadError,
    /// A WARC record that could not be read (it is skipped; the next one is read).
    BadWarcRecord,
}

impl RejectKind {
    /// The kind as the report and messages write it.
    pub fn describe(self) -> &'static str {
        match self {
            RejectKind::MalformedJson => "malformed JSON",
            RejectKind::NotAnObject => "not a JSON object",
            RejectKind::DuplicateKey => "a key written twice",
            RejectKind::MissingText => "no text field",
            RejectKind::TextNotString => "text is not a string",
            RejectKind::InvalidUtf8 => "invalid UTF-8",
            RejectKind::TooLarge => "over --max-doc-bytes",
            RejectKind::TruncatedStream => "truncated compressed stream",
            RejectKind::ReadError => "read error",
            RejectKind::BadWarcRecord => "bad WARC record",
        }
    }
}

/// What became of one item, in input order.
pub(super) enum Outcome {
    /// Output bytes for input `file`: the lines of the records cleaned from a block, or a
    /// document and its line break.
    Written {
        file: usize,
        bytes: Vec<u8>,
        /// The documents they hold.
        documents: u64,
    },
    Rejected(Reject),
    FileEnd {
        file: usize,
    },
}
