//! What the workers do: clean the items of a chunk into outcomes, in input order. The
//! records of a block of JSONL lines are written one after the other into one buffer, so
//! that the writer writes the block's output with one call.

use rayon::prelude::*;

use super::blocks::{Block, Line, Recycle, too_long};
use super::inputs::Format;
use super::item::{Item, Outcome, Record, Reject, RejectKind};
use crate::decode::{decode_bytes, decode_html};
use crate::html;
use crate::jsonl::{Fields, RecordError, add_metadata, write_clean_record};
use crate::pipeline::{Origin, Pipeline};
use crate::stats::PipelineStats;

/// What the workers need to clean records.
pub(super) struct Work<'a> {
    pub pipeline: &'a Pipeline,
    pub fields: Fields<'a>,
    /// Each input's name, for the ids of records that have none.
    pub names: &'a [String],
    /// Write text documents as JSONL records (`{"id": file, "text": ...}`).
    pub text_as_jsonl: bool,
    pub count_edits: bool,
    /// A JSONL line longer than this (in bytes) is rejected.
    pub max_doc_bytes: usize,
    /// Takes the buffers of cleaned blocks back to the reader.
    pub recycle: Recycle,
}

/// A cleaned chunk: what became of its items, what the stages did, and what was read.
pub(super) struct Cleaned {
    pub outcomes: Vec<Outcome>,
    pub stats: PipelineStats,
    /// Documents read: written or rejected.
    pub documents: u64,
    /// Bytes of the documents read.
    pub bytes: u64,
}

impl Cleaned {
    fn new(pipeline: &Pipeline) -> Self {
        Cleaned {
            outcomes: Vec::new(),
            stats: PipelineStats::new(pipeline),
            documents: 0,
            bytes: 0,
        }
    }

    /// Adds `later`, cleaned from the items after these.
    fn append(&mut self, later: Cleaned) {
        self.outcomes.extend(later.outcomes);
        self.stats.merge(&later.stats);
        self.documents += later.documents;
        self.bytes += later.bytes;
    }
}

impl Work<'_> {
    /// Cleans a chunk on the current thread pool; the outcomes keep the chunk's order.
    pub fn clean_chunk(&self, chunk: Vec<Item>) -> Cleaned {
        let empty = || Cleaned::new(self.pipeline);
        chunk
            .into_par_iter()
            .fold(empty, |mut cleaned, item| {
                self.clean_item(item, &mut cleaned);
                cleaned
            })
            .reduce(empty, |mut cleaned, later| {
                cleaned.append(later);
                cleaned
            })
    }

    fn clean_item(&self, item: Item, cleaned: &mut Cleaned) {
        let outcome = match item {
            Item::Lines(block) => return self.clean_block(block, cleaned),
            Item::Record(record) => {
                cleaned.documents += 1;
                cleaned.bytes += record.bytes.len() as u64;
                self.clean_document(record, &mut cleaned.stats)
            }
            Item::Rejected(reject) => {
                cleaned.documents += 1;
                Outcome::Rejected(reject)
            }
            Item::FileEnd { file } => Outcome::FileEnd { file },
        };
        cleaned.outcomes.push(outcome);
    }

    /// Cleans the records of a block: one output for them all, then the rejected ones.
    fn clean_block(&self, block: Block, cleaned: &mut Cleaned) {
        let name = &self.names[block.file];
        let mut written = Vec::with_capacity(block.bytes.len() + block.bytes.len() / 16);
        let mut documents = 0;
        let mut rejects = Vec::new();
        for (line, found) in block.lines(self.max_doc_bytes) {
            cleaned.documents += 1;
            let record = match found {
                Line::Record(record) => record,
                Line::TooLong { bytes } => {
                    rejects.push(too_long(block.file, line, bytes, self.max_doc_bytes));
                    continue;
                }
            };
            cleaned.bytes += record.len() as u64;
            let id = format!("{name}:{line}");
            let stats = &mut cleaned.stats;
            let clean = |text: &str, origin| {
                self.pipeline
                    .clean_measured_as(text, origin, stats, self.count_edits)
            };
            match write_clean_record(record, self.fields, Some(&id), clean, &mut written) {
                Ok(()) => {
                    written.push(b'\n');
                    documents += 1;
                }
                Err(error) => rejects.push(Reject {
                    file: block.file,
                    line,
                    kind: reject_kind(&error),
                    reason: error.to_string(),
                    record: Some(String::from_utf8_lossy(record).into_owned()),
                }),
            }
        }
        if documents > 0 {
            cleaned.outcomes.push(Outcome::Written {
                file: block.file,
                bytes: written,
                documents,
            });
        }
        cleaned
            .outcomes
            .extend(rejects.into_iter().map(Outcome::Rejected));
        // The reader may be gone: the buffer is then dropped.
        let _ = self.recycle.send(block.bytes);
    }

    /// Cleans a text file, an HTML page or a page of a WARC file.
    fn clean_document(&self, record: Record, stats: &mut PipelineStats) -> Outcome {
        let mut clean = |text: &str, origin| {
            self.pipeline
                .clean_measured_as(text, origin, stats, self.count_edits)
        };
        let name = &self.names[record.file];
        // The fields a document is written with when it is written as a record.
        let (text, fields) = if record.format == Format::Text {
            let text = clean(&decode_bytes(&record.bytes), Origin::Unknown);
            (text, self.text_as_jsonl.then(|| (id_field(name), None)))
        } else {
            let fetched = &record.fetched;
            let content_type = fetched.as_ref().and_then(|f| f.content_type.as_deref());
            let page = decode_html(&record.bytes, content_type);
            let url = fetched.as_ref().map(|f| f.url.as_str());
            let (article, comments) =
                html::article_at(&page.text, url, self.fields.include_comments);
            // A WARC file's pages are records whatever the output: JSONL.
            let fields = match fetched {
                Some(fetched) => {
                    let mut fields = id_field(&format!("{name}:{}", record.line));
                    fields.insert("url".into(), fetched.url.as_str().into());
                    fields.insert("date".into(), fetched.date.as_str().into());
                    Some(fields)
                }
                None => self.text_as_jsonl.then(|| id_field(name)),
            };
            let fields = fields.map(|mut fields| {
                add_metadata(&mut fields, &article.metadata);
                fields
            });
            let text = clean(&article.text, article.origin());
            // Comments go in a field: a page written as plain text has none.
            let fields = fields.map(|fields| {
                (
                    fields,
                    comments.map(|comments| clean(&comments, Origin::Unknown)),
                )
            });
            (text, fields)
        };
        let mut bytes = match fields {
            Some((mut fields, comments)) => {
                fields.insert("text".into(), text.into());
                if let Some(comments) = comments {
                    fields.insert("comments".into(), comments.into());
                }
                serde_json::Value::Object(fields).to_string().into_bytes()
            }
            None if text.is_empty() => Vec::new(),
            None => text.into_bytes(),
        };
        if !bytes.is_empty() {
            bytes.push(b'\n');
        }
        Outcome::Written {
            file: record.file,
            bytes,
            documents: 1,
        }
    }
}

/// A record's first field: `{"id": id}`.
fn id_field(id: &str) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = serde_json::Map::new();
    fields.insert("id".into(), id.into());
    fields
}

fn reject_kind(error: &RecordError) -> RejectKind {
    match error {
        RecordError::InvalidUtf8 { .. } => RejectKind::InvalidUtf8,
        RecordError::InvalidJson { .. } => RejectKind::MalformedJson,
        RecordError::NotAnObject => RejectKind::NotAnObject,
        RecordError::DuplicateKey { .. } => RejectKind::DuplicateKey,
        RecordError::MissingText { .. } => RejectKind::MissingText,
        RecordError::TextNotString { .. } => RejectKind::TextNotString,
    }
}
