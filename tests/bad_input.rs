//! The bad-input matrix: each kind of bad input a crawl dump can hold, run through the
//! binary, with the exit status, message, output and rejects it must give. Whatever the
//! row, the report's counts add up (read = written + rejected) and no output is half
//! written.

use std::fs;
use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// JSONL records of realistic text, `n` of them.
fn records(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"id\":{i},\"text\":\"Xi Jinping  will make a state visit to Russia, the \
                 Kremlin said on day {i}.\"}}\n"
            )
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// The first `keep` parts in `of` of `bytes`: a stream cut short.
fn truncated(bytes: Vec<u8>, keep: usize, of: usize) -> Vec<u8> {
    let len = bytes.len() * keep / of;
    bytes[..len].to_vec()
}

/// One row of the matrix.
struct Row {
    /// What the row is about.
    name: &'static str,
    /// The input's file name and bytes.
    file: &'static str,
    input: Vec<u8>,
    /// The exit status the run must end with.
    exit: i32,
    /// Words the standard error must hold.
    message: &'static [&'static str],
    /// Records written, and a text one of them must hold (`""`: no check).
    written: u64,
    output_holds: &'static str,
    /// The kind of each rejected record, in order, and words its reason must hold.
    rejects: &'static [&'static str],
    reason_holds: &'static str,
}

fn matrix() -> Vec<Row> {
    let many = records(2_000);
    vec![
        Row {
            name: "truncated gzip",
            file: "dump.jsonl.gz",
            input: truncated(gzip(many.as_bytes()), 1, 2),
            exit: 3,
            message: &["rejected", "file, line and reason"],
            written: 0, // checked below: some, not all
            output_holds: "state visit to Russia",
            rejects: &["truncated_stream"],
            reason_holds: "the records after this line are lost",
        },
        Row {
            name: "truncated zstd",
            file: "dump.jsonl.zst",
            input: truncated(zstd::encode_all(many.as_bytes(), 3).unwrap(), 1, 2),
            exit: 3,
            message: &["rejected"],
            written: 0,
            output_holds: "",
            rejects: &["truncated_stream"],
            reason_holds: "truncated compressed stream",
        },
        Row {
            name: "lone surrogate escape (as Python writes it)",
            file: "surrogates.jsonl",
            input: br#"{"text":"caf\udce9 au lait  served"}
{"text":"a pair \ud83d\ude00 is fine"}
"#
            .to_vec(),
            exit: 0,
            message: &[],
            written: 2,
            output_holds: "caf\u{fffd} au lait served",
            rejects: &[],
            reason_holds: "",
        },
        Row {
            name: "escaped NUL in a string",
            file: "nul.jsonl",
            input: br#"{"text":"a NUL\u0000 inside"}"#.to_vec(),
            exit: 0,
            message: &[],
            written: 1,
            output_holds: "a NUL inside",
            rejects: &[],
            reason_holds: "",
        },
        Row {
            name: "raw NUL byte in a string",
            file: "raw-nul.jsonl",
            input: b"{\"text\":\"ok\"}\n{\"text\":\"raw \0 byte\"}\n".to_vec(),
            exit: 3,
            message: &["1 record(s) rejected"],
            written: 1,
            output_holds: "ok",
            rejects: &["malformed_json"],
            reason_holds: "control character",
        },
        Row {
            name: "raw NUL bytes in a text file",
            file: "page.txt",
            input: b"Xi Jinping\0 will visit\0 Moscow.\n".to_vec(),
            exit: 0,
            message: &[],
            written: 1,
            output_holds: "Xi Jinping will visit Moscow.",
            rejects: &[],
            reason_holds: "",
        },
        Row {
            name: "JSON lines that are not objects",
            file: "values.jsonl",
            input: b"[1,2]\n\"a string\"\n42\n{\"text\":\"ok\"}\nnull\n".to_vec(),
            exit: 3,
            message: &["4 record(s) rejected"],
            written: 1,
            output_holds: "ok",
            rejects: &[
                "not_an_object",
                "not_an_object",
                "not_an_object",
                "not_an_object",
            ],
            reason_holds: "not an object",
        },
        Row {
            name: "duplicate keys",
            file: "dup.jsonl",
            input: b"{\"text\":\"first\",\"text\":\"second\"}\n{\"id\":1,\"text\":\"ok\"}\n"
                .to_vec(),
            exit: 3,
            message: &["1 record(s) rejected"],
            written: 1,
            output_holds: "ok",
            rejects: &["duplicate_key"],
            reason_holds: "the key `text` twice",
        },
        Row {
            name: "byte order mark before the first record",
            file: "bom.jsonl",
            input: "\u{feff}{\"text\":\"first  record\"}\n{\"text\":\"second\"}\n"
                .as_bytes()
                .to_vec(),
            exit: 0,
            message: &[],
            written: 2,
            output_holds: "first record",
            rejects: &[],
            reason_holds: "",
        },
        Row {
            name: "CRLF line ends",
            file: "crlf.jsonl",
            input: b"{\"text\":\"one  record\"}\r\n{\"text\":\"two\"}\r\n".to_vec(),
            exit: 0,
            message: &[],
            written: 2,
            output_holds: "one record",
            rejects: &[],
            reason_holds: "",
        },
        Row {
            name: "invalid UTF-8 in a record",
            file: "latin1.jsonl",
            input: b"{\"text\":\"caf\xe9\"}\n{\"text\":\"ok\"}\n".to_vec(),
            exit: 3,
            message: &["1 record(s) rejected"],
            written: 1,
            output_holds: "ok",
            rejects: &["invalid_utf8"],
            reason_holds: "column 13",
        },
        Row {
            name: "record without a text field, and one whose text is a number",
            file: "fields.jsonl",
            input: b"{\"body\":\"x\"}\n{\"text\":7}\n{\"text\":\"ok\"}\n".to_vec(),
            exit: 3,
            message: &["2 record(s) rejected"],
            written: 1,
            output_holds: "ok",
            rejects: &["missing_text", "text_not_string"],
            reason_holds: "`text`",
        },
        Row {
            name: "empty JSONL file",
            file: "empty.jsonl",
            input: Vec::new(),
            exit: 0,
            message: &[],
            written: 0,
            output_holds: "",
            rejects: &[],
            reason_holds: "",
        },
        Row {
            name: "empty text file",
            file: "empty.txt",
            input: Vec::new(),
            exit: 0,
            message: &[],
            written: 1,
            output_holds: "",
            rejects: &[],
            reason_holds: "",
        },
    ]
}

#[test]
fn each_bad_input_gives_its_status_message_and_rejects() {
    for row in matrix() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join(row.file);
        fs::write(&input, &row.input).unwrap();
        let output = dir.path().join("out.jsonl");
        let report = dir.path().join("report.json");
        let run = Command::cargo_bin("unscrape")
            .unwrap()
            .arg("clean")
            .arg(&input)
            .arg("-o")
            .arg(&output)
            .arg("--report")
            .arg(&report)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        let name = row.name;
        assert_eq!(run.status.code(), Some(row.exit), "{name}: {stderr}");
        for words in row.message {
            assert!(stderr.contains(words), "{name}: {stderr}");
        }

        let report: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
        let documents = &report["documents"];
        let (read, written, rejected) = (
            documents["read"].as_u64().unwrap(),
            documents["written"].as_u64().unwrap(),
            documents["rejected"].as_u64().unwrap(),
        );
        assert_eq!(read, written + rejected, "{name}: {report}");
        assert_eq!(rejected, row.rejects.len() as u64, "{name}: {report}");

        let out = fs::read_to_string(&output).unwrap();
        let lines: Vec<Value> = out
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len() as u64, written, "{name}");
        if row.name.starts_with("truncated gzip") {
            assert!(written > 0 && written < 2_000, "{name}: {written}");
        } else if row.written > 0 || row.input.is_empty() {
            assert_eq!(written, row.written, "{name}");
        }
        let texts: Vec<&str> = lines.iter().filter_map(|r| r["text"].as_str()).collect();
        assert!(
            texts.iter().any(|text| text.contains(row.output_holds)) || row.written == 0,
            "{name}: {texts:?}"
        );

        let rejects_file = dir.path().join("out.jsonl.rejects.jsonl");
        let rejects: Vec<Value> = match fs::read_to_string(&rejects_file) {
            Ok(text) => text
                .lines()
                .map(|line| serde_json::from_str(line).unwrap())
                .collect(),
            Err(_) => Vec::new(),
        };
        let kinds: Vec<&str> = rejects
            .iter()
            .map(|r| r["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, row.rejects, "{name}");
        for reject in &rejects {
            assert_eq!(reject["source"].as_str(), input.to_str(), "{name}");
            assert!(reject["line"].as_u64().is_some(), "{name}: {reject}");
            let reason = reject["reason"].as_str().unwrap();
            assert!(reason.contains(row.reason_holds), "{name}: {reason}");
        }
        assert_no_partial_files(dir.path());
    }
}

/// A run leaves no temporary output behind.
fn assert_no_partial_files(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name();
        assert!(
            !name.to_string_lossy().ends_with(".partial"),
            "{name:?} left behind"
        );
    }
}

#[test]
fn an_input_that_cannot_be_opened_is_named_and_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("dump.jsonl");
    std::os::unix::fs::symlink(dir.path().join("deleted.jsonl"), &gone).unwrap();
    let run = Command::cargo_bin("unscrape")
        .unwrap()
        .arg("clean")
        .arg(&gone)
        .arg("-o")
        .arg(dir.path().join("out.jsonl"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("dump.jsonl") && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert!(!dir.path().join("out.jsonl").exists());
}

#[test]
fn a_full_disk_on_stdout_is_an_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dump.jsonl");
    fs::write(&input, records(5_000)).unwrap();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let run = std::process::Command::new(assert_cmd::cargo::cargo_bin("unscrape"))
        .args(["clean", "--quiet"])
        .stdin(fs::File::open(&input).unwrap())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("stdout") && stderr.contains("No space left"),
        "{stderr}"
    );
}

/// A file size limit stands in for a full disk (a read-only folder would not stop root,
/// which CI runs as): the write fails, the run says which output, and the half-written
/// temporary file is removed.
#[test]
fn a_full_disk_on_an_output_file_leaves_no_half_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dump.jsonl");
    fs::write(&input, records(5_000)).unwrap();
    let output = dir.path().join("out").join("clean.jsonl");
    let binary = assert_cmd::cargo::cargo_bin("unscrape");
    // `trap '' XFSZ` makes an over-limit write fail with EFBIG instead of killing.
    let script = format!(
        "trap '' XFSZ; ulimit -f 64; exec '{}' clean --quiet '{}' -o '{}'",
        binary.display(),
        input.display(),
        output.display()
    );
    let run = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write output") && stderr.contains("clean.jsonl"),
        "{stderr}"
    );
    assert!(!output.exists());
    assert_no_partial_files(&dir.path().join("out"));
}
