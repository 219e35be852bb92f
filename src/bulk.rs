//! Bulk runs: folders of files or streams of JSONL records, cleaned on every core in
//! bounded memory, written in input order, with a report and nothing lost: a record that
//! cannot be cleaned goes to the rejects file with its file, line and reason.
//!
//! ```
//! use std::sync::Arc;
//! use std::sync::atomic::AtomicBool;
//! use unscrape::Pipeline;
//! use unscrape::bulk::{self, Options, Output, Progress};
//!
//! let folder = tempfile::tempdir().unwrap();
//! let dump = folder.path().join("dump.jsonl");
//! std::fs::write(&dump, "{\"text\":\"The talks with Russiaand  China\"}\n{\"id\":7}\n").unwrap();
//! let out = folder.path().join("clean.jsonl");
//! let options = Options {
//!     jobs: 2,
//!     max_doc_bytes: 16 << 20,
//!     text_field: "text".into(),
//!     html_field: Some("html".into()),
//!     keep_html: false,
//!     include_comments: false,
//!     count_edits: false,
//!     rejects: folder.path().join("rejects.jsonl"),
//! };
//! let inputs = bulk::discover(&[dump.clone()], None).unwrap();
//! let report = bulk::run(
//!     &Pipeline::default(),
//!     inputs,
//!     Output::File(out.clone()),
//!     &options,
//!     &Progress::default(),
//!     &Arc::new(AtomicBool::new(false)),
//! )
//! .unwrap();
//! assert_eq!((report.documents.read, report.documents.written, report.documents.rejected), (2, 1, 1));
//! let id = format!("{}:1", dump.display());
//! assert_eq!(
//!     std::fs::read_to_string(&out).unwrap(),
//!     format!("{{\"id\":{id:?},\"text\":\"The talks with Russia and China\"}}\n")
//! );
//! assert!(std::fs::read_to_string(&options.rejects).unwrap().contains("\"line\":2"));
//! ```

mod blocks;
mod inputs;
mod item;
mod reader;
mod report;
mod run;
mod work;
mod writer;

pub use inputs::{Compression, Format, Input, Source, discover, format_by_name, shard};
pub use item::RejectKind;
pub use reader::read_whole;
pub use report::{ByteCounts, DocumentCounts, FileCounts, Report, Unreadable};
pub use run::{Options, Progress, run};
pub use writer::{Output, write_atomically};
