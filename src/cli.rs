//! Command-line definitions and the `clean` and `stages` commands; errors become exit codes.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use unscrape::bulk::{self, Format, Input, Options, Output, Progress, Source};
use unscrape::config::{DashPolicy, QuotePolicy};
use unscrape::stages::RepeatScope;
use unscrape::{Config, Pipeline, decode};

/// Every record was written.
const EXIT_OK: i32 = 0;
/// A fatal error stopped the run.
const EXIT_FATAL: i32 = 1;
/// Wrong usage (unknown option or stage).
const EXIT_USAGE: i32 = 2;
/// The run finished but some records went to the rejects file or some inputs could not
/// be read.
const EXIT_REJECTS: i32 = 3;
/// Stopped by Ctrl-C (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: i32 = 130;

#[derive(Parser)]
#[command(
    name = "unscrape",
    version,
    about = "Turns scraped web text into clean article text.",
    long_about = "Turns scraped web text into clean article text: removes comment forms, \
                  share widgets, menus and other boilerplate lines, splits words the scraper \
                  glued together, normalizes quotes, Unicode and whitespace.",
    after_help = "Examples:\n  \
        unscrape clean page.txt                    clean one dump to stdout\n  \
        unscrape clean crawl/ -o clean/            clean a folder into a mirrored folder\n  \
        unscrape clean dumps/ -o out.jsonl.zst --report report.json\n  \
        cat dump.jsonl | unscrape clean > out.jsonl\n  \
        unscrape explain page.txt                  show what each stage removed and why\n  \
        unscrape stages                            list the stages\n  \
        unscrape bench                             measure throughput on a bundled sample\n\n\
        Exit status: 0 every record written, 3 some records rejected (see the rejects \
        file) or some input unreadable, 1 fatal error, 2 wrong usage, 130 interrupted."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean text files, JSONL files or stdin (the main job).
    #[command(
        after_help = "Input: plain text (one document per file; any encoding, detected) or \
        JSONL (one record per line: `.jsonl`/`.ndjson`, or stdin starting with `{`), also \
        `.gz`/`.zst` compressed. JSONL records keep every field and their order; only the \
        text field is cleaned, and a record without an `id` gets `FILE:LINE`. Output is JSONL \
        when any input is JSONL or OUT ends in `.jsonl`; text documents then become \
        {\"id\": FILE, \"text\": ...} records.\n\n\
        Nothing is lost: a record that cannot be cleaned (bad JSON, no text field, text not a \
        string, invalid UTF-8, over --max-doc-bytes, cut off by a truncated .gz/.zst) goes to \
        the rejects file with its file, line and reason, and the run goes on. Output files \
        are written under a temporary name and renamed when complete: an interrupted run \
        leaves no half file.\n\n\
        Exit status: 0 every record written, 3 some rejected or some input unreadable, \
        1 fatal error, 2 wrong usage, 130 interrupted (Ctrl-C)."
    )]
    Clean(CleanArgs),
    /// Show, stage by stage, what was changed or removed in one document and why.
    Explain(ExplainArgs),
    /// List the stages in the order they run, with what each one does.
    Stages,
    /// Measure throughput: each stage, the pipeline on one thread and on all threads.
    #[command(
        after_help = "Prints MB/s and documents/s, the median of --runs runs. Each stage is \
        timed on the text the stages before it leave, as in a real run. With no INPUT it \
        measures the bundled sample (the 103 readability pages of the development data, \
        article and full-page dumps, 2.5 MB)."
    )]
    Bench(BenchArgs),
}

#[derive(Args)]
struct CleanArgs {
    /// Files and folders to clean (folders recursively: .txt, .jsonl, .ndjson, also .gz or
    /// .zst compressed); `-` or nothing reads stdin.
    inputs: Vec<PathBuf>,
    /// Where to write: a file (`.jsonl` writes JSONL records; `.gz`/`.zst` compresses), or a
    /// folder (existing, or ending in `/`) to write one cleaned file per input at its path
    /// under the folder. Default: stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Where rejected records go [default: OUT.rejects.jsonl, or unscrape.rejects.jsonl
    /// in the output folder or the current folder].
    #[arg(long, value_name = "PATH")]
    rejects: Option<PathBuf>,
    /// Write a JSON report: documents read, written and rejected (by kind), bytes, and per
    /// stage the documents changed, the edits by rule and the time spent.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Read every input as this format, whatever its name.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
    /// Worker threads [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Clean only the I-th of N slices of the input files, counting from 0 (files I, I+N,
    /// I+2N... in name order), for job arrays: `--shard $SLURM_ARRAY_TASK_ID/16`.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// Reject records longer than this many bytes (suffixes K, M, G: 1024-based).
    #[arg(long, value_name = "BYTES", default_value = "16M", value_parser = parse_bytes)]
    max_doc_bytes: usize,
    /// The JSONL field holding an HTML page: a record without the text field but with this
    /// one gets its page's article as its text.
    #[arg(long, value_name = "NAME", default_value = "html")]
    html_field: String,
    /// Keep the HTML field in the output records (dropped by default).
    #[arg(long)]
    keep_html: bool,
    /// Give each HTML page's user comments (its comment sections, cleaned) as a `comments`
    /// field of its record (the output is then JSONL); they are never part of `text`.
    #[arg(long)]
    include_comments: bool,
    /// No progress bar and no summary; errors are still printed.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    settings: Settings,
}

#[derive(Args)]
struct BenchArgs {
    /// Text or JSONL files and folders to measure on [default: the bundled sample].
    inputs: Vec<PathBuf>,
    /// Times each measurement is repeated; the median is shown.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..))]
    runs: u16,
    /// Threads for the all-threads measurement [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    #[command(flatten)]
    settings: Settings,
}

#[derive(Args)]
struct ExplainArgs {
    /// The document to explain (`-` for stdin): a text, or an HTML page (`.html`, `.htm`,
    /// also `.gz`/`.zst`), whose page type and source of text are shown first.
    file: PathBuf,
    /// The URL the page was fetched from, evidence of its page type.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    #[command(flatten)]
    settings: Settings,
}

/// Options shared by `clean` and `explain`; they override the config file.
#[derive(Args)]
struct Settings {
    /// Run only these stages (comma-separated), always in pipeline order; see `unscrape stages`.
    #[arg(long, value_delimiter = ',', value_name = "a,b,c")]
    stages: Option<Vec<String>>,
    /// Curly quotes: ascii turns ‘ ’ “ ” into ' and ", keep leaves them.
    #[arg(long, value_enum, value_name = "POLICY")]
    quotes: Option<QuotePolicy>,
    /// Dashes and ellipses: keep leaves them, ascii turns – — into - and … into ...
    #[arg(long, value_enum, value_name = "POLICY")]
    dashes: Option<DashPolicy>,
    /// Also turn guillemets « » ‹ › into ASCII quotes.
    #[arg(long)]
    guillemets: bool,
    /// Also remove repeated paragraphs: consecutive removes a paragraph repeated right after
    /// itself, anywhere every later copy (for training data). Off by default.
    #[arg(long, value_enum, value_name = "SCOPE")]
    repeats: Option<RepeatScope>,
    /// The JSONL field holding the text [default: text].
    #[arg(long, value_name = "NAME")]
    text_field: Option<String>,
    /// Read settings from a TOML file (keys: stages, quotes, dashes, guillemets, repeats,
    /// text_field).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

impl Settings {
    fn config(&self) -> Result<Config> {
        let mut config = match &self.config {
            Some(path) => Config::from_file(path)?,
            None => Config::default(),
        };
        if let Some(stages) = &self.stages {
            config.stages = Some(stages.clone());
        }
        if let Some(quotes) = self.quotes {
            config.quotes = quotes;
        }
        if let Some(dashes) = self.dashes {
            config.dashes = dashes;
        }
        config.guillemets |= self.guillemets;
        if let Some(repeats) = self.repeats {
            config.repeats = Some(repeats);
        }
        if let Some(field) = &self.text_field {
            config.text_field = field.clone();
        }
        Ok(config)
    }
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Clean(args) => clean(args),
        Command::Explain(args) => explain(args),
        Command::Bench(args) => bench(args),
        Command::Stages => {
            print_stages();
            Ok(EXIT_OK)
        }
    };
    match outcome {
        Ok(status) => status,
        Err(error) => {
            eprintln!("unscrape: error: {error:#}");
            if error
                .downcast_ref::<unscrape::config::ConfigError>()
                .is_some_and(|e| matches!(e, unscrape::config::ConfigError::UnknownStage { .. }))
            {
                EXIT_USAGE
            } else {
                EXIT_FATAL
            }
        }
    }
}

fn print_stages() {
    let every_stage = Config {
        repeats: Some(RepeatScope::Consecutive),
        ..Config::default()
    }
    .build_every_stage();
    let default_names: Vec<&str> = Pipeline::default().stages().map(|s| s.name()).collect();
    for stage in every_stage.stages() {
        let off = if default_names.contains(&stage.name()) {
            ""
        } else {
            " (off by default)"
        };
        println!("{:<14} {}{off}", stage.name(), stage.summary());
    }
}

fn bench(args: BenchArgs) -> Result<i32> {
    let config = args.settings.config()?;
    let pipeline = config.pipeline()?;
    let settings = crate::bench::BenchSettings {
        inputs: args.inputs,
        runs: args.runs.into(),
        jobs: jobs_or_cores(args.jobs),
    };
    crate::bench::run(&pipeline, &config.text_field, &settings)?;
    Ok(EXIT_OK)
}

/// `--jobs`, or one job per core.
fn jobs_or_cores(jobs: Option<u16>) -> usize {
    jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    )
}

fn explain(args: ExplainArgs) -> Result<i32> {
    let config = args.settings.config()?;
    let pipeline = config.pipeline()?;
    let (format, bytes) = read_document(&args.file)?;
    let report = if format == Some(Format::Html) || looks_like_html(&bytes) {
        let page = decode::decode_html(&bytes, None);
        let (article, _) = unscrape::html::article_at(&page.text, args.url.as_deref(), false);
        let mut report = crate::explain::extraction(&article);
        report.push_str(&crate::explain::report(
            &pipeline,
            &article.text,
            article.origin(),
        ));
        report
    } else {
        let text = decode::decode_bytes(&bytes);
        crate::explain::report(&pipeline, &text, unscrape::Origin::Unknown)
    };
    io::stdout().write_all(report.as_bytes())?;
    Ok(EXIT_OK)
}

/// Whether a document of no telling name starts like an HTML page.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

/// The bytes of `path` (`-`: stdin), decompressed, and the format its name says.
fn read_document(path: &Path) -> Result<(Option<Format>, Vec<u8>)> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
        return Ok((None, bytes));
    }
    let input = Input {
        source: Source::File(path.to_path_buf()),
        relative: path.to_path_buf(),
        format: bulk::format_by_name(path),
    };
    let (_, bytes) = bulk::read_whole(&input)
        .with_context(|| format!("cannot read input file {}", path.display()))?;
    Ok((input.format, bytes))
}

fn clean(args: CleanArgs) -> Result<i32> {
    let config = args.settings.config()?;
    let pipeline = config.pipeline()?;
    let paths = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let mut inputs = bulk::discover(&paths, args.format)?;
    if let Some((index, count)) = args.shard {
        if inputs.iter().any(|input| input.source == Source::Stdin) {
            bail!("--shard splits input files; stdin cannot be sharded");
        }
        inputs = bulk::shard(inputs, index, count)?;
    }
    let output = output_of(args.output.as_deref(), &inputs)?;
    let rejects = args.rejects.clone().unwrap_or_else(|| match &output {
        Output::File(out) => {
            let mut name = out.clone().into_os_string();
            name.push(".rejects.jsonl");
            PathBuf::from(name)
        }
        Output::Folder(folder) => folder.join("unscrape.rejects.jsonl"),
        Output::Stdout => PathBuf::from("unscrape.rejects.jsonl"),
    });
    let options = Options {
        jobs: jobs_or_cores(args.jobs),
        max_doc_bytes: args.max_doc_bytes,
        text_field: config.text_field.clone(),
        html_field: Some(args.html_field.clone()),
        keep_html: args.keep_html,
        include_comments: args.include_comments,
        count_edits: args.report.is_some(),
        rejects,
    };
    let stop = stop_on_interrupt()?;
    let progress = Progress::default();
    let total_bytes = inputs.iter().map(|i| i.size()).sum::<Option<u64>>();
    let report = crate::progress::show_while(!args.quiet, total_bytes, &progress, || {
        bulk::run(
            &pipeline,
            inputs,
            output.clone(),
            &options,
            &progress,
            &stop,
        )
    })?;
    if let Some(path) = &args.report {
        let json = serde_json::to_string_pretty(&report)? + "\n";
        bulk::write_atomically(path, json.as_bytes())?;
    }
    if report.interrupted {
        eprintln!(
            "unscrape: interrupted after {} documents; {}",
            report.documents.read,
            match &output {
                Output::Stdout => "what was written to stdout stays".to_string(),
                Output::File(path) => format!("nothing was written to {}", path.display()),
                Output::Folder(path) => format!(
                    "the files completed in {} stay, no half file was written",
                    path.display()
                ),
            }
        );
        return Ok(EXIT_INTERRUPTED);
    }
    // The summary is for a person watching; logs get the report file.
    if !args.quiet && io::stderr().is_terminal() {
        eprintln!("unscrape: {}", report.summary());
    }
    if report.documents.rejected > 0 {
        eprintln!(
            "unscrape: {} record(s) rejected; see {} for file, line and reason",
            report.documents.rejected,
            options.rejects.display()
        );
    }
    for unreadable in &report.files.unreadable {
        eprintln!(
            "unscrape: skipped {}: {}",
            unreadable.path, unreadable.reason
        );
    }
    Ok(if report.is_complete() {
        EXIT_OK
    } else {
        EXIT_REJECTS
    })
}

/// Where `-o` says to write: a folder when it is one or ends in `/`, else a file; stdout
/// without `-o`.
fn output_of(out: Option<&Path>, inputs: &[Input]) -> Result<Output> {
    let Some(out) = out else {
        return Ok(Output::Stdout);
    };
    if !(out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/')) {
        return Ok(Output::File(out.to_path_buf()));
    }
    if inputs.iter().any(|input| input.source == Source::Stdin) {
        bail!("stdin cannot be written into a folder; give -o a file name");
    }
    let mut seen = std::collections::HashMap::new();
    for input in inputs {
        if let Some(other) = seen.insert(&input.relative, input.name()) {
            bail!(
                "inputs {other} and {} would both be written to {}; clean them separately \
                 or give their folder instead",
                input.name(),
                out.join(&input.relative).display()
            );
        }
    }
    Ok(Output::Folder(out.to_path_buf()))
}

/// A flag set by Ctrl-C: the run stops at the next chunk and writes no output file. A
/// second Ctrl-C ends the process at once.
fn stop_on_interrupt() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(EXIT_INTERRUPTED);
        }
        eprintln!("\nunscrape: stopping (Ctrl-C again to quit at once)");
    })
    .context("cannot install the Ctrl-C handler")?;
    Ok(stop)
}

/// Parses `I/N` for `--shard`.
fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let usage =
        || format!("`{text}` is not I/N (two numbers, the shard from 0 and the count: 0/4)");
    let (index, count) = text.split_once('/').ok_or_else(usage)?;
    let index: usize = index.trim().parse().map_err(|_| usage())?;
    let count: usize = count.trim().parse().map_err(|_| usage())?;
    if count == 0 || index >= count {
        return Err(format!(
            "`{text}`: the shard counts from 0 and must be below the count (0/{count} to {}/{count})",
            count.saturating_sub(1)
        ));
    }
    Ok((index, count))
}

/// Parses a byte count with an optional K, M or G suffix (1024-based) for `--max-doc-bytes`.
fn parse_bytes(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => {
            return Err(format!(
                "`{text}` is not a byte count (16777216, 512K, 16M, 1G)"
            ));
        }
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is not a byte count (16777216, 512K, 16M, 1G)"))
}
