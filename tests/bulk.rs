//! Bulk runs of the binary: folders, JSONL, compression, outputs, jobs, shards, rejects,
//! the report, exit codes and interruption.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The bundled bench sample: 206 real readability dumps as JSONL records.
const SAMPLE: &str = include_str!("../fixtures/bench/readability-dumps.jsonl");
const SEED: &str = include_str!("../fixtures/seed/dw-xi-putin-scraped.txt");
const SEED_CLEAN: &str = include_str!("../fixtures/seed/dw-xi-putin-clean.txt");

fn unscrape() -> Command {
    Command::cargo_bin("unscrape").expect("the binary is built")
}

fn write(path: &Path, contents: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn records(jsonl: &[u8]) -> Vec<Value> {
    String::from_utf8(jsonl.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Cleans `input` into `output` with the default settings; the bytes written.
fn clean_into(input: &Path, output: &Path) -> Vec<u8> {
    unscrape()
        .args(["clean", "--quiet"])
        .arg(input)
        .arg("-o")
        .arg(output)
        .assert()
        .success();
    fs::read(output).unwrap()
}

/// The first `n` records of the sample, as JSONL.
fn sample(n: usize) -> String {
    SAMPLE
        .lines()
        .take(n)
        .map(|line| format!("{line}\n"))
        .collect()
}

/// `n` records of the sample of under 30 KB each, as JSONL.
fn small_records(n: usize) -> String {
    SAMPLE
        .lines()
        .filter(|line| line.len() < 30_000)
        .take(n)
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn a_folder_is_cleaned_into_a_mirrored_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input.join("seed.txt"), SEED);
    write(&input.join("2023/03/seed.txt"), SEED);
    write(&input.join("2023/04/seed.txt.gz"), gzip(SEED.as_bytes()));
    write(&input.join("2023/notes.md"), "not a dump");
    write(&input.join(".hidden.txt"), SEED);
    let output = dir.path().join("out");
    unscrape()
        .args(["clean", "--quiet"])
        .arg(&input)
        .arg("-o")
        .arg(format!("{}/", output.display()))
        .assert()
        .success();
    let expected = SEED_CLEAN;
    assert_eq!(
        fs::read_to_string(output.join("seed.txt")).unwrap(),
        expected
    );
    assert_eq!(
        fs::read_to_string(output.join("2023/03/seed.txt")).unwrap(),
        expected
    );
    let compressed = fs::read(output.join("2023/04/seed.txt.gz")).unwrap();
    assert_eq!(gunzip(&compressed), expected.as_bytes());
    assert!(!output.join("2023/notes.md").exists());
    assert!(!output.join(".hidden.txt").exists());
}

#[test]
fn gzip_and_zstd_inputs_read_like_plain_ones() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = sample(20);
    write(&dir.path().join("plain.jsonl"), &jsonl);
    write(&dir.path().join("packed.jsonl.gz"), gzip(jsonl.as_bytes()));
    write(
        &dir.path().join("packed.jsonl.zst"),
        zstd::encode_all(jsonl.as_bytes(), 3).unwrap(),
    );
    // Compressed but named like plain text: the magic bytes tell.
    write(&dir.path().join("unnamed"), gzip(jsonl.as_bytes()));
    let texts = |name: &str| -> Vec<Value> {
        let output = unscrape()
            .args(["clean", "--quiet"])
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}");
        records(&output.stdout)
            .into_iter()
            .map(|record| record["text"].clone())
            .collect()
    };
    let plain = texts("plain.jsonl");
    assert_eq!(plain.len(), 20);
    assert_eq!(texts("packed.jsonl.gz"), plain);
    assert_eq!(texts("packed.jsonl.zst"), plain);
    assert_eq!(texts("unnamed"), plain);
}

#[test]
fn compressed_outputs_hold_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dump.jsonl");
    write(&input, sample(20));
    let run = |name: &str| clean_into(&input, &dir.path().join(name));
    let plain = run("out.jsonl");
    assert_eq!(records(&plain).len(), 20);
    assert_eq!(gunzip(&run("out.jsonl.gz")), plain);
    assert_eq!(
        zstd::decode_all(run("out.jsonl.zst").as_slice()).unwrap(),
        plain
    );
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sample.jsonl");
    write(&input, SAMPLE);
    let run = |jobs: &str| {
        unscrape()
            .args(["clean", "--quiet", "--jobs", jobs])
            .arg(&input)
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(records(&one).len(), SAMPLE.lines().count());
    assert!(one == run("2"), "--jobs 2 differs from --jobs 1");
    assert!(one == run("8"), "--jobs 8 differs from --jobs 1");
}

#[test]
fn shards_together_are_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let lines: Vec<&str> = SAMPLE.lines().take(35).collect();
    for (part, chunk) in lines.chunks(5).enumerate() {
        write(
            &input.join(format!("part-{part}.jsonl")),
            chunk.join("\n") + "\n",
        );
    }
    let run = |shard: Option<&str>| {
        let mut command = unscrape();
        command.args(["clean", "--quiet"]).arg(&input);
        if let Some(shard) = shard {
            command.args(["--shard", shard]);
        }
        let stdout = command.output().unwrap().stdout;
        String::from_utf8(stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let whole = run(None);
    assert_eq!(whole.len(), 35);
    let shards: Vec<Vec<String>> = ["0/3", "1/3", "2/3"].map(|s| run(Some(s))).into();
    assert_eq!(
        shards.iter().map(Vec::len).collect::<Vec<_>>(),
        [15, 10, 10]
    );
    let mut union: Vec<String> = shards.concat();
    union.sort();
    let mut whole_sorted = whole.clone();
    whole_sorted.sort();
    assert_eq!(union, whole_sorted);
    unscrape()
        .args(["clean", "--shard", "3/3"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("below the count"));
}

#[test]
fn every_bad_record_is_rejected_with_its_line_and_the_counts_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let good: Vec<&str> = SAMPLE
        .lines()
        .filter(|line| line.len() < 30_000)
        .take(3)
        .collect();
    let mut dump: Vec<u8> = Vec::new();
    for line in [
        good[0],
        r#"{"id":"cut","text":"half a rec"#,
        r#"{"id":"no-text","body":"x"}"#,
        r#"{"id":"number","text":42}"#,
        good[1],
    ] {
        dump.extend_from_slice(line.as_bytes());
        dump.push(b'\n');
    }
    dump.extend_from_slice(b"{\"id\":\"bytes\",\"text\":\"caf\xff\xfe\"}\n");
    dump.extend_from_slice(
        format!(
            "{{\"id\":\"big\",\"text\":\"{}\"}}\n",
            "word ".repeat(20_000)
        )
        .as_bytes(),
    );
    dump.extend_from_slice(good[2].as_bytes());
    dump.push(b'\n');
    write(&dir.path().join("in/dump.jsonl"), &dump);
    // A gzip stream cut in the middle: its first records survive, the rest is lost.
    let packed = gzip(small_records(40).as_bytes());
    write(
        &dir.path().join("in/truncated.jsonl.gz"),
        &packed[..packed.len() / 2],
    );
    let output = dir.path().join("out.jsonl");
    let report = dir.path().join("report.json");
    unscrape()
        .args(["clean", "--max-doc-bytes", "64K", "--report"])
        .arg(&report)
        .arg(dir.path().join("in"))
        .arg("-o")
        .arg(&output)
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("record(s) rejected")
                .and(predicate::str::contains("out.jsonl.rejects.jsonl")),
        );
    let report: Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    let count = |key: &str| report["documents"][key].as_u64().unwrap();
    let written = records(&fs::read(&output).unwrap()).len() as u64;
    assert_eq!(count("written"), written);
    assert_eq!(count("read"), count("written") + count("rejected"));
    let rejects = records(&fs::read(dir.path().join("out.jsonl.rejects.jsonl")).unwrap());
    assert_eq!(rejects.len() as u64, count("rejected"));
    let of_dump: Vec<(u64, &str)> = rejects
        .iter()
        .filter(|r| r["source"].as_str().unwrap().ends_with("dump.jsonl"))
        .map(|r| (r["line"].as_u64().unwrap(), r["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        of_dump,
        [
            (2, "malformed_json"),
            (3, "missing_text"),
            (4, "text_not_string"),
            (6, "invalid_utf8"),
            (7, "too_large"),
        ]
    );
    let truncated: Vec<&Value> = rejects
        .iter()
        .filter(|r| r["kind"] == "truncated_stream")
        .collect();
    assert_eq!(truncated.len(), 1);
    assert!(
        truncated[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("truncated.jsonl.gz")
    );
    assert!(truncated[0]["line"].as_u64().unwrap() > 1);
    assert_eq!(report["rejected_by_kind"]["truncated_stream"], 1);
    assert_eq!(report["rejected_by_kind"]["too_large"], 1);
    // The records of dump.jsonl that were fine are there, in order, with their ids.
    let ids: Vec<Value> = records(&fs::read(&output).unwrap())
        .iter()
        .take(3)
        .map(|r| r["id"].clone())
        .collect();
    let good_ids: Vec<Value> = good
        .iter()
        .map(|line| serde_json::from_str::<Value>(line).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, good_ids);
}

#[test]
fn the_report_says_what_each_stage_did() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("seed.txt");
    write(&input, SEED);
    let report = dir.path().join("report.json");
    unscrape()
        .args(["clean", "--quiet", "--report"])
        .arg(&report)
        .arg(&input)
        .assert()
        .success()
        .stdout(SEED_CLEAN);
    let report: Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(report["documents"]["read"], 1);
    assert_eq!(report["documents"]["written"], 1);
    assert_eq!(report["bytes"]["read"], SEED.len());
    let stage = |name: &str| {
        report["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["stage"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(stage("boilerplate")["edits"]["comment_form"], 2);
    assert_eq!(stage("joined_tokens")["edits"]["doubled"], 1);
    assert_eq!(stage("joined_tokens")["documents_changed"], 1);
    assert!(stage("unicode")["seconds"].as_f64().unwrap() >= 0.0);
}

#[test]
fn text_inputs_become_records_in_a_jsonl_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("seed.txt");
    write(&input, SEED);
    let written = records(&clean_into(&input, &dir.path().join("out.jsonl")));
    assert_eq!(written.len(), 1);
    assert_eq!(written[0]["id"], input.display().to_string());
    assert_eq!(written[0]["text"], SEED_CLEAN.trim_end());
}

#[test]
fn an_unreadable_input_is_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input.join("seed.txt"), SEED);
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), input.join("broken.txt")).unwrap();
    unscrape()
        .arg("clean")
        .arg(&input)
        .assert()
        .code(3)
        .stdout(SEED_CLEAN)
        .stderr(predicate::str::contains("skipped").and(predicate::str::contains("broken.txt")));
}

#[test]
fn ctrl_c_stops_the_run_and_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let output: PathBuf = dir.path().join("out.jsonl");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("unscrape"))
        .args(["clean", "-o"])
        .arg(&output)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Some records, and stdin left open: the run is waiting for more when Ctrl-C comes.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(sample(3).as_bytes()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output_of_child = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(output_of_child.status.code(), Some(130));
    let stderr = String::from_utf8(output_of_child.stderr).unwrap();
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(!output.exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    // Not even the partial file: it is deleted when the run stops.
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn bench_measures_each_stage_and_the_pipeline() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("seed.txt");
    write(&input, SEED);
    unscrape()
        .args(["bench", "--runs", "1", "--jobs", "2"])
        .arg(&input)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("joined_tokens")
                .and(predicate::str::contains("pipeline, 1 thread"))
                .and(predicate::str::contains("pipeline, 2 threads"))
                .and(predicate::str::contains("MB/s")),
        );
}

#[test]
fn jsonl_records_with_an_html_field_get_its_article_as_text() {
    let page = include_str!("../fixtures/html/daringfireball-1.html");
    let record = serde_json::json!({ "url": "https://daringfireball.net/colophon/", "html": page });
    let output = unscrape()
        .args(["clean", "--quiet"])
        .write_stdin(format!("{record}\n"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let written = records(&output.stdout);
    assert_eq!(written.len(), 1);
    let fields: Vec<&str> = written[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        ["id", "url", "text", "title", "language", "page_type"]
    );
    assert_eq!(written[0]["title"], "Daring Fireball: Colophon");
    assert_eq!(written[0]["page_type"], "article");
    let text = written[0]["text"].as_str().unwrap();
    assert!(text.len() > 1000 && !text.contains('<'), "{text}");
}

#[test]
fn a_warc_file_becomes_jsonl_with_url_date_and_text() {
    let warc = include_bytes!("../fixtures/warc/readability-sample.warc.gz");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("crawl.warc.gz");
    write(&input, warc);
    let output = unscrape()
        .args(["clean", "--quiet"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(output.status.success());
    let pages = records(&output.stdout);
    assert_eq!(pages.len(), 8, "the eight HTML responses, not the image");
    assert_eq!(pages[1]["url"], "https://example.org/daringfireball-1/");
    assert_eq!(pages[1]["date"], "2024-03-02T12:01:07Z");
    assert_eq!(pages[1]["title"], "Daring Fireball: Colophon");
    assert!(
        pages[1]["text"]
            .as_str()
            .unwrap()
            .contains("Daring Fireball is written and produced by John Gruber.")
    );
    // Cut in the middle: the pages before the cut are written, the cut is a reject.
    write(&input, &warc[..warc.len() / 2]);
    let cut = unscrape()
        .args(["clean", "--quiet", "--rejects"])
        .arg(dir.path().join("rejects.jsonl"))
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(cut.status.code(), Some(3));
    let written = records(&cut.stdout).len();
    assert!((1..8).contains(&written), "{written} pages before the cut");
    let rejects = records(&fs::read(dir.path().join("rejects.jsonl")).unwrap());
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["kind"], "truncated_stream");
}

#[test]
fn bench_reads_compressed_inputs_like_a_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sample.jsonl.gz");
    write(&input, gzip(sample(5).as_bytes()));
    unscrape()
        .args(["bench", "--runs", "1", "--jobs", "1"])
        .arg(&input)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("5 documents"));
}
