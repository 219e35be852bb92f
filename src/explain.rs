//! `unscrape explain`: a readable account of what each stage changed in one document.

use std::collections::BTreeMap;
use std::fmt::Write;

use unscrape::html::{Article, Source};
use unscrape::stages::Mojibake;
use unscrape::{Edit, Origin, Pipeline, Stage, Trace};

/// Stages whose every edit is worth a line of its own; the others are summed up by rule
/// with a few examples.
const DETAILED: [&str; 3] = ["joined_tokens", "repeats", "boilerplate"];
/// Examples shown per rule of a summed-up stage.
const EXAMPLES_PER_RULE: usize = 3;

/// What extraction made of an HTML page: its page type and where its text was found.
///
/// ```text
/// html: page type forum; text from the page's <noscript> view: the visible page held no article
/// ```
pub fn extraction(article: &Article) -> String {
    let page_type = article.metadata.page_type.map_or("unknown", |t| t.name());
    let source = match article.source {
        Source::Article => "text from the element that reads as the article",
        Source::WholePage => "text from the whole visible page",
        Source::Hidden => {
            "text from the page's hidden elements: the page is hidden until a script shows it"
        }
        Source::Noscript => {
            "text from the page's <noscript> view: the visible page held no article"
        }
        Source::JsonLd => "text from the page's JSON-LD body: the visible page held no article",
    };
    let judged = match article.origin() {
        Origin::WholePage => "; boilerplate judges it as a whole page",
        _ => "",
    };
    format!("html: page type {page_type}; {source}{judged}\n")
}

/// Runs `pipeline` over `text` (of `origin`) stage by stage and describes every stage's
/// edits.
pub fn report(pipeline: &Pipeline, text: &str, origin: Origin) -> String {
    let mut out = String::new();
    let mut current = text.to_string();
    let mut round = 0;
    while pipeline.runs_round(round, &current, origin) {
        round += 1;
        if round > 1 {
            let _ = writeln!(
                out,
                "round {round}: the stages again, as the first finds work in their output"
            );
        }
        for stage in pipeline.stages() {
            current = report_stage(&mut out, stage, current, origin);
        }
    }
    let _ = writeln!(
        out,
        "\n{} bytes in, {} bytes out. Line numbers count lines of the text each stage received.",
        text.len(),
        current.len()
    );
    out
}

/// Runs one stage over `current`, describes its edits in `out`, and returns its output.
fn report_stage(out: &mut String, stage: &dyn Stage, current: String, origin: Origin) -> String {
    let mut trace = Trace::on();
    let next = stage.apply_to(&current, origin, &mut trace).into_owned();
    let edits = trace.edits();
    let lines = LineIndex::of(&current);
    if edits.is_empty() {
        let _ = writeln!(out, "{}: no change", stage.name());
    } else if DETAILED.contains(&stage.name()) {
        let _ = writeln!(out, "{}: {} edit(s)", stage.name(), edits.len());
        for edit in edits {
            let _ = writeln!(out, "  {}", describe(&current, &lines, edit));
        }
    } else {
        summarize(out, stage.name(), &current, &lines, edits);
    }
    if stage.name() == Mojibake::NAME {
        for step in Mojibake::plan(edits) {
            let _ = writeln!(out, "  plan: {step}");
        }
    }
    next
}

fn summarize(out: &mut String, stage: &str, input: &str, lines: &LineIndex, edits: &[Edit]) {
    let mut by_rule: BTreeMap<&str, Vec<&Edit>> = BTreeMap::new();
    for edit in edits {
        by_rule.entry(edit.rule).or_default().push(edit);
    }
    let counts: Vec<String> = by_rule
        .iter()
        .map(|(rule, edits)| format!("{rule} ×{}", edits.len()))
        .collect();
    let _ = writeln!(
        out,
        "{stage}: {} edit(s): {}",
        edits.len(),
        counts.join(", ")
    );
    for edits in by_rule.values() {
        for edit in edits.iter().take(EXAMPLES_PER_RULE) {
            let _ = writeln!(out, "  {}", describe(input, lines, edit));
        }
    }
}

/// "line 12  word_glue  Russiaand → Russia and", or for a removed line
/// "line 80  comment_form  removed: Please enter your comment!".
fn describe(input: &str, lines: &LineIndex, edit: &Edit) -> String {
    let line = lines.line_of(edit.range.start);
    let whole_lines = edit.inserted.is_empty()
        && (edit.range.start == 0 || input.as_bytes()[edit.range.start - 1] == b'\n')
        && (edit.removed.ends_with('\n') || edit.range.end == input.len())
        && !edit.removed.trim().is_empty();
    if whole_lines {
        return format!(
            "line {line:<5} {:<28} removed: {}",
            edit.rule,
            visible(edit.removed.trim_end_matches('\n'))
        );
    }
    let start = word_start(input, edit.range.start);
    let end = word_end(input, edit.range.end);
    let before = &input[start..end];
    let after = format!(
        "{}{}{}",
        &input[start..edit.range.start],
        edit.inserted,
        &input[edit.range.end..end]
    );
    format!(
        "line {line:<5} {:<28} {} → {}",
        edit.rule,
        visible(before),
        visible(&after)
    )
}

/// Where each line of a text starts, to number the lines of many edits in one pass.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn of(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based number of the line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&start| start <= at)
    }
}

/// Widens to the start of the word around `at`, at most 30 bytes back.
fn word_start(input: &str, at: usize) -> usize {
    let floor = at.saturating_sub(30);
    let mut start = at;
    while start > floor && !input.as_bytes()[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    while !input.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// Widens to the end of the word around `at`, at most 30 bytes on.
fn word_end(input: &str, at: usize) -> usize {
    let ceiling = (at + 30).min(input.len());
    let mut end = at;
    while end < ceiling && !input.as_bytes()[end].is_ascii_whitespace() {
        end += 1;
    }
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The text in quotes, with invisible characters, line breaks and odd spaces spelled out.
fn visible(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            ' ' => out.push(' '),
            c if c.is_control() || c.is_whitespace() || is_invisible(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
    )
}
