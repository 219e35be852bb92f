//! The `unscrape` binary: stdin text and JSONL, files and folders, options, errors and exit
//! codes.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = include_str!("../fixtures/seed/dw-xi-putin-scraped.txt");
const SEED_CLEAN: &str = include_str!("../fixtures/seed/dw-xi-putin-clean.txt");

/// A temporary folder holding one file `name` with `contents`, and that file's path.
fn file_in_temp_dir(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, contents).unwrap();
    (dir, path)
}

fn unscrape() -> Command {
    Command::cargo_bin("unscrape").expect("the binary is built")
}

#[test]
fn cleans_stdin_text_to_stdout() {
    unscrape()
        .arg("clean")
        .write_stdin(SEED)
        .assert()
        .success()
        .stdout(SEED_CLEAN);
}

#[test]
fn cleans_stdin_jsonl_keeping_fields_and_order() {
    let input = concat!(
        r#"{"id":"b","text":"said.The  talks","lang":"en"}"#,
        "\n",
        r#"{"id":"a","text":"Xi\u00a0Jinping","url":"https://example.com/x"}"#,
        "\n"
    );
    unscrape()
        .arg("clean")
        .write_stdin(input)
        .assert()
        .success()
        .stdout(concat!(
            r#"{"id":"b","text":"said. The talks","lang":"en"}"#,
            "\n",
            r#"{"id":"a","text":"Xi Jinping","url":"https://example.com/x"}"#,
            "\n"
        ));
}

#[test]
fn text_field_option_names_the_field() {
    unscrape()
        .args(["clean", "--text-field", "body"])
        .write_stdin("{\"body\":\"“Hi”  there\"}\n")
        .assert()
        .success()
        .stdout("{\"id\":\"stdin:1\",\"body\":\"\\\"Hi\\\" there\"}\n");
}

#[test]
fn cleans_a_file_into_an_output_file() {
    let (dir, input) = file_in_temp_dir("page.txt", SEED);
    let output = dir.path().join("page.clean.txt");
    unscrape()
        .arg("clean")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read_to_string(&output).unwrap(), SEED_CLEAN);
}

#[test]
fn cleans_several_files_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["one.txt", "two.txt"] {
        fs::write(dir.path().join(name), SEED).unwrap();
    }
    let out = dir.path().join("clean/");
    unscrape()
        .arg("clean")
        .arg(dir.path().join("one.txt"))
        .arg(dir.path().join("two.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    for name in ["one.txt", "two.txt"] {
        assert_eq!(fs::read_to_string(out.join(name)).unwrap(), SEED_CLEAN);
    }
}

#[test]
fn decodes_a_file_that_is_not_utf8() {
    let (_dir, input) = file_in_temp_dir(
        "latin1.txt",
        b"Le caf\xe9 de la gare est ferm\xe9 depuis lundi.\n",
    );
    unscrape()
        .arg("clean")
        .arg(&input)
        .assert()
        .success()
        .stdout("Le café de la gare est fermé depuis lundi.\n");
}

#[test]
fn runs_only_the_chosen_stages() {
    unscrape()
        .args(["clean", "--stages", "quotes"])
        .write_stdin("“Russiaand”  \n\n\n\nPlease enter your comment!\n")
        .assert()
        .success()
        .stdout("\"Russiaand\"  \n\n\n\nPlease enter your comment!\n\n");
}

#[test]
fn quotes_keep_leaves_curly_quotes() {
    unscrape()
        .args(["clean", "--quotes", "keep"])
        .write_stdin("Xi’s trip, “a visit for peace”")
        .assert()
        .success()
        .stdout("Xi’s trip, “a visit for peace”\n");
}

#[test]
fn reads_settings_from_a_config_file() {
    let (_dir, config) =
        file_in_temp_dir("unscrape.toml", "quotes = \"keep\"\ndashes = \"ascii\"\n");
    unscrape()
        .arg("clean")
        .arg("--config")
        .arg(&config)
        .write_stdin("Xi’s trip — “a visit for peace”")
        .assert()
        .success()
        .stdout("Xi’s trip - “a visit for peace”\n");
}

#[test]
fn a_bad_config_file_is_named() {
    let (_dir, config) = file_in_temp_dir("unscrape.toml", "quotes = \"sideways\"\n");
    unscrape()
        .arg("clean")
        .arg("--config")
        .arg(&config)
        .write_stdin("text")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("unscrape.toml").and(predicate::str::contains("sideways")),
        );
}

#[test]
fn an_unknown_stage_is_a_usage_error_that_lists_the_stages() {
    unscrape()
        .args(["clean", "--stages", "quotes,typos"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown stage `typos`").and(predicate::str::contains(
                "unicode, quotes, joined_tokens, repeats, boilerplate, whitespace",
            )),
        );
}

#[test]
fn stages_lists_every_stage_in_order() {
    let output = unscrape()
        .arg("stages")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let names: Vec<String> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|line| line.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "mojibake",
            "unicode",
            "quotes",
            "joined_tokens",
            "repeats",
            "boilerplate",
            "whitespace"
        ]
    );
}

#[test]
fn explain_shows_what_each_stage_did_and_why() {
    let (_dir, input) = file_in_temp_dir("seed.txt", SEED);
    unscrape()
        .arg("explain")
        .arg(&input)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("comment_form")
                .and(predicate::str::contains(
                    "removed: \"Please enter your comment!\"",
                ))
                .and(predicate::str::contains("\"Russiaand\" → \"Russia and\""))
                .and(predicate::str::contains("doubled")),
        );
}

#[test]
fn explain_shows_the_second_round_a_later_stage_made_work_for() {
    // The unicode stage changes what stands before "√∂" (it decodes "&nbsp;" and composes
    // "e\u{301}"); the first round left "√∂" alone, the second repairs it.
    let (_dir, input) = file_in_temp_dir("rounds.txt", "&nbsp;e\u{301}√∂\n");
    unscrape()
        .arg("explain")
        .arg(&input)
        .assert()
        .success()
        .stdout(predicate::str::contains("round 2: the stages again").and(
            predicate::str::contains("plan: utf-8 read as MacRoman, 1 span"),
        ));
}

#[test]
fn explain_shows_the_plan_of_a_mojibake_repair() {
    let (_dir, input) = file_in_temp_dir(
        "mojibake.txt",
        "The presidentâ€™s visit to MalmÃ¶ was â€œa visit for peaceâ€\u{9d}.\n",
    );
    unscrape()
        .arg("explain")
        .arg(&input)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("mojibake: 4 edit(s)")
                .and(predicate::str::contains(
                    "plan: utf-8 read as windows-1252, 3 spans",
                ))
                .and(predicate::str::contains(
                    "plan: utf-8 read as latin-1, 1 span",
                )),
        );
}

#[test]
fn bad_jsonl_records_go_to_the_rejects_file_and_the_run_goes_on() {
    let (dir, input) = file_in_temp_dir(
        "dump.jsonl",
        concat!(
            "{\"id\":1,\"text\":\"said.The end\"}\n",
            "{\"id\":2,\"text\":\n",
            "{\"id\":3}\n",
            "[1,2]\n",
            "{\"id\":5,\"text\":7}\n",
            "{\"id\":6,\"text\":\"ok\"}\n"
        ),
    );
    let output = dir.path().join("out.jsonl");
    unscrape()
        .arg("clean")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("4 record(s) rejected"));
    assert_eq!(
        fs::read_to_string(&output).unwrap(),
        "{\"id\":1,\"text\":\"said. The end\"}\n{\"id\":6,\"text\":\"ok\"}\n"
    );
    let rejects = fs::read_to_string(dir.path().join("out.jsonl.rejects.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = rejects
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary: Vec<(u64, &str)> = lines
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(summary[0].0, 2);
    assert!(summary[0].1.starts_with("the line is not valid JSON"));
    assert_eq!(summary[1], (3, "the record has no `text` field"));
    assert_eq!(summary[2], (4, "the line is JSON but not an object"));
    assert_eq!(summary[3], (5, "the record's `text` field is not a string"));
    assert!(
        lines
            .iter()
            .all(|r| r["source"].as_str().unwrap().ends_with("dump.jsonl"))
    );
}

#[test]
fn a_missing_input_file_is_named() {
    unscrape()
        .args(["clean", "no/such/file.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/file.txt"));
}

/// A blog post with a WordPress-style comment section, as pages carry them.
const POST_WITH_COMMENTS: &str = r#"<html><head><title>Xi to visit Moscow</title></head><body>
<article class="post"><h1>Xi to visit Moscow</h1>
<p>Chinese President Xi Jinping will make a state visit to Russia next week, the Kremlin said,
in a trip that comes as Beijing seeks to present itself as a peace broker.</p>
<p>The three-day visit will begin on Monday, the Chinese foreign ministry said.</p></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Xi to visit Moscow”</h2>
<ol class="comment-list"><li class="comment"><div class="comment-author">Anna</div>
<p>A visit that was long overdue, given how close the two countries have become.</p></li>
<li class="comment"><div class="comment-author">Mark</div><p>What about a visit to Kyiv?</p></li></ol>
<div id="respond"><h3>Leave a Reply</h3><form><label>Comment</label><textarea></textarea>
<p>Your email address will not be published. Required fields are marked *</p></form></div></div>
</body></html>"#;

#[test]
fn include_comments_gives_a_comments_field_and_leaves_the_text_alone() {
    let (dir, page) = file_in_temp_dir("post.html", POST_WITH_COMMENTS);
    let output = dir.path().join("out.jsonl");
    let record = |extra: &[&str]| -> serde_json::Value {
        unscrape()
            .arg("clean")
            .arg(&page)
            .arg("-o")
            .arg(&output)
            .args(extra)
            .assert()
            .success();
        serde_json::from_str(&fs::read_to_string(&output).unwrap()).unwrap()
    };
    let plain = record(&[]);
    let with_comments = record(&["--include-comments"]);
    assert_eq!(with_comments["text"], plain["text"]);
    assert!(plain.get("comments").is_none());
    let comments = with_comments["comments"].as_str().unwrap();
    assert!(
        comments.contains("A visit that was long overdue"),
        "{comments}"
    );
    assert!(
        comments.contains("What about a visit to Kyiv?"),
        "{comments}"
    );
    assert!(!comments.contains("Your email address"), "{comments}");
    assert!(!plain["text"].as_str().unwrap().contains("Kyiv"));

    // The record on stdout of a run with comments, given its arguments and stdin.
    let record_on_stdout = |args: &[&std::ffi::OsStr], stdin: String| -> serde_json::Value {
        let run = unscrape()
            .args(["clean", "--include-comments"])
            .args(args)
            .write_stdin(stdin)
            .assert()
            .success();
        serde_json::from_slice(&run.get_output().stdout).unwrap()
    };

    // On stdout too, the page becomes a record, so that its comments have a field.
    let on_stdout = record_on_stdout(&[page.as_os_str()], String::new());
    assert_eq!(on_stdout["comments"], with_comments["comments"]);

    // And for a JSONL record holding the page in its `html` field.
    let line = serde_json::json!({ "id": "p1", "html": POST_WITH_COMMENTS }).to_string();
    let from_jsonl = record_on_stdout(&[], line + "\n");
    assert_eq!(from_jsonl["text"], with_comments["text"]);
    assert_eq!(from_jsonl["comments"], with_comments["comments"]);
}
