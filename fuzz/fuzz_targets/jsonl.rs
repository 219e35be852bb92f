//! A bulk run over a JSONL file of any bytes: no panic, and every line read is written or
//! rejected.
#![no_main]

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use unscrape::Pipeline;
use unscrape::bulk::{self, Options, Output, Progress};

/// Built once: building the phrase automata on every input would be most of the time.
static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let folder = tempfile::tempdir().unwrap();
    let dump = folder.path().join("dump.jsonl");
    std::fs::write(&dump, data).unwrap();
    let options = Options {
        jobs: 2,
        max_doc_bytes: 256,
        text_field: "text".into(),
        html_field: Some("html".into()),
        keep_html: false,
        include_comments: false,
        count_edits: true,
        rejects: folder.path().join("rejects.jsonl"),
    };
    let inputs = bulk::discover(&[dump], None).unwrap();
    let report = bulk::run(
        PIPELINE.get_or_init(Pipeline::default),
        inputs,
        Output::File(folder.path().join("clean.jsonl")),
        &options,
        &Progress::default(),
        &Arc::new(AtomicBool::new(false)),
    )
    .unwrap();
    let documents = report.documents;
    assert_eq!(documents.read, documents.written + documents.rejected);
});
