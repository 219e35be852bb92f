//! Properties of bulk runs on any mixture of good and broken JSONL lines: the output does
//! not depend on the number of workers, and every line read is either written or rejected.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use proptest::prelude::*;
use unscrape::bulk::{self, Options, Output, Progress, Report};
use unscrape::{Pipeline, PipelineStats};

/// Texts with the artifacts the stages repair.
const TEXTS: &[&str] = &[
    "The West is suspicious of China’sChina’s close relations with Russiaand Beijing.",
    "Please enter your comment!\nPlease enter your name here",
    "Xi Jinping\u{a0} to hold talks in “visit for peace”\n\n\n\nsaid.The end",
    "Home\nNews\nSport\n© 2024 All rights reserved",
    "",
];

/// A JSONL line: a good record, a record with a non-string text, a key twice, a lone
/// surrogate escape, a byte order mark, one over the size limit, or arbitrary bytes.
fn line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (prop::sample::select(TEXTS), any::<u16>()).prop_map(|(text, n)| {
            serde_json::json!({ "id": n, "text": text, "lang": "en" }).to_string().into_bytes()
        }),
        1 => any::<i64>().prop_map(|n| format!("{{\"text\":{n}}}").into_bytes()),
        1 => Just(br#"{"text":"first","text":"second"}"#.to_vec()),
        1 => Just(br#"{"id":"s","text":"caf\udce9 au  lait"}"#.to_vec()),
        1 => Just("\u{feff}{\"id\":\"b\",\"text\":\"after a  mark\"}".as_bytes().to_vec()),
        1 => (1usize..3).prop_map(|n| format!("{{\"id\":\"l\",\"text\":\"{}\"}}", "long ".repeat(n << 10)).into_bytes()),
        1 => prop::collection::vec(any::<u8>().prop_filter("no line break", |&b| b != b'\n'), 1..40),
    ]
}

/// Runs the default pipeline over `jsonl` with `jobs` workers: the output and the report.
fn run(jsonl: &[u8], jobs: usize) -> (Vec<u8>, Report) {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("dump.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let output = folder.path().join("out.jsonl");
    let options = Options {
        jobs,
        max_doc_bytes: 4 << 10,
        text_field: "text".into(),
        html_field: Some("html".into()),
        keep_html: false,
        include_comments: false,
        count_edits: true,
        rejects: folder.path().join("rejects.jsonl"),
    };
    let report = bulk::run(
        &Pipeline::default(),
        bulk::discover(&[input], None).unwrap(),
        Output::File(output.clone()),
        &options,
        &Progress::default(),
        &Arc::new(AtomicBool::new(false)),
    )
    .unwrap();
    (std::fs::read(output).unwrap(), report)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn output_is_the_same_for_any_number_of_workers_and_runs(lines in prop::collection::vec(line(), 0..60)) {
        let jsonl: Vec<u8> = lines.join(&b'\n');
        let (one, report) = run(&jsonl, 1);
        let (three, _) = run(&jsonl, 3);
        prop_assert_eq!(&one, &three);
        let (again, _) = run(&jsonl, 3);
        prop_assert_eq!(&three, &again);
        let documents = &report.documents;
        prop_assert_eq!(documents.read, documents.written + documents.rejected);
        let written_lines = one.iter().filter(|&&b| b == b'\n').count() as u64;
        prop_assert_eq!(written_lines, documents.written);
    }

    #[test]
    fn measuring_does_not_change_the_result(text in prop::sample::select(TEXTS)) {
        let pipeline = Pipeline::default();
        let mut stats = PipelineStats::new(&pipeline);
        prop_assert_eq!(pipeline.clean_measured(text, &mut stats, true), pipeline.clean(text));
    }
}
