//! Command-line definitions and the `clean` and `stages` commands; errors become exit codes.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use unscrape::config::{DashPolicy, QuotePolicy};
use unscrape::stages::RepeatScope;
use unscrape::{Config, Pipeline, decode, jsonl};

/// Every record was written.
const EXIT_OK: i32 = 0;
/// A fatal error stopped the run.
const EXIT_FATAL: i32 = 1;
/// Wrong usage (unknown option or stage).
const EXIT_USAGE: i32 = 2;
/// The run finished but some records went to the rejects file.
const EXIT_REJECTS: i32 = 3;

#[derive(Parser)]
#[command(
    name = "unscrape",
    version,
    about = "Turns scraped web text into clean article text.",
    long_about = "Turns scraped web text into clean article text: removes comment forms, \
                  share widgets, menus and other boilerplate lines, splits words the scraper \
                  glued together, normalizes quotes, Unicode and whitespace.",
    after_help = "Examples:\n  \
        unscrape clean page.txt                 clean one dump to stdout\n  \
        unscrape clean a.txt b.txt -o clean/    clean several files into a folder\n  \
        cat dump.jsonl | unscrape clean > out.jsonl\n  \
        unscrape explain page.txt               show what each stage removed and why\n  \
        unscrape stages                         list the stages\n\n\
        Exit status: 0 every record written, 3 some records rejected (see the rejects \
        file), 1 fatal error, 2 wrong usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean text files, JSONL files or stdin (the main job).
    #[command(
        after_help = "Input: plain text (one document per file) or JSONL (one record per \
        line, `.jsonl`/`.ndjson`, or stdin starting with `{`). JSONL records keep every field; \
        only the text field is cleaned. A record that cannot be cleaned goes to the rejects \
        file with its file, line and reason, and the run goes on (exit status 3)."
    )]
    Clean(CleanArgs),
    /// Show, stage by stage, what was changed or removed in one document and why.
    Explain(ExplainArgs),
    /// List the stages in the order they run, with what each one does.
    Stages,
}

#[derive(Args)]
struct CleanArgs {
    /// Files to clean; `-` or nothing reads stdin.
    inputs: Vec<PathBuf>,
    /// Where to write: a file, or a folder (existing, or ending in `/`) to write one cleaned
    /// file per input under its own name. Default: stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Where rejected JSONL records go [default: OUT.rejects.jsonl, or
    /// unscrape.rejects.jsonl when writing to stdout].
    #[arg(long, value_name = "PATH")]
    rejects: Option<PathBuf>,
    #[command(flatten)]
    settings: Settings,
}

#[derive(Args)]
struct ExplainArgs {
    /// The document to explain (`-` for stdin).
    file: PathBuf,
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

fn explain(args: ExplainArgs) -> Result<i32> {
    let config = args.settings.config()?;
    let pipeline = config.pipeline()?;
    let text = read_document(&args.file)?;
    let report = crate::explain::report(&pipeline, &text);
    io::stdout().write_all(report.as_bytes())?;
    Ok(EXIT_OK)
}

/// A source of documents: a file or stdin.
enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    fn read(&self) -> Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match self {
            Source::Stdin => {
                io::stdin()
                    .read_to_end(&mut bytes)
                    .context("cannot read stdin")?;
            }
            Source::File(path) => {
                bytes = fs::read(path)
                    .with_context(|| format!("cannot read input file {}", path.display()))?;
            }
        }
        Ok(bytes)
    }

    /// JSONL by extension for files; by a first visible byte of `{` for stdin.
    fn is_jsonl(&self, bytes: &[u8]) -> bool {
        match self {
            Source::File(path) => matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("jsonl" | "ndjson")
            ),
            Source::Stdin => bytes
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'{'),
        }
    }
}

fn read_document(path: &Path) -> Result<String> {
    let source = if path == Path::new("-") {
        Source::Stdin
    } else {
        Source::File(path.to_path_buf())
    };
    Ok(decode::decode_bytes(&source.read()?).into_owned())
}

/// A JSONL line that could not be cleaned.
struct Reject {
    source: String,
    line: usize,
    reason: String,
    record: String,
}

fn clean(args: CleanArgs) -> Result<i32> {
    let config = args.settings.config()?;
    let pipeline = config.pipeline()?;
    let sources: Vec<Source> = if args.inputs.is_empty() {
        vec![Source::Stdin]
    } else {
        args.inputs
            .iter()
            .map(|path| {
                if path == Path::new("-") {
                    Source::Stdin
                } else {
                    Source::File(path.clone())
                }
            })
            .collect()
    };
    let into_folder = args
        .output
        .as_ref()
        .is_some_and(|out| out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/'));
    let mut rejects = Vec::new();
    if into_folder {
        let folder = args.output.clone().unwrap_or_default();
        fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create output folder {}", folder.display()))?;
        for source in &sources {
            let Source::File(path) = source else {
                bail!("stdin cannot be written into a folder; give -o a file name");
            };
            let name = path
                .file_name()
                .with_context(|| format!("input {} has no file name", path.display()))?;
            let mut out = Vec::new();
            clean_source(source, &pipeline, &config, &mut out, &mut rejects)?;
            write_atomically(&folder.join(name), &out)?;
        }
    } else {
        let mut out = Vec::new();
        for source in &sources {
            clean_source(source, &pipeline, &config, &mut out, &mut rejects)?;
        }
        match &args.output {
            Some(path) => write_atomically(path, &out)?,
            None => {
                let mut stdout = io::stdout().lock();
                stdout.write_all(&out).context("cannot write to stdout")?;
                stdout.flush().context("cannot write to stdout")?;
            }
        }
    }
    if rejects.is_empty() {
        return Ok(EXIT_OK);
    }
    let path = args.rejects.clone().unwrap_or_else(|| match &args.output {
        Some(out) if !into_folder => {
            let mut name = out.clone().into_os_string();
            name.push(".rejects.jsonl");
            PathBuf::from(name)
        }
        Some(folder) => folder.join("unscrape.rejects.jsonl"),
        None => PathBuf::from("unscrape.rejects.jsonl"),
    });
    write_rejects(&path, &rejects)?;
    eprintln!(
        "unscrape: {} record(s) rejected; see {} for file, line and reason",
        rejects.len(),
        path.display()
    );
    Ok(EXIT_REJECTS)
}

/// Cleans one source into `out`: a text document, or JSONL records line by line.
fn clean_source(
    source: &Source,
    pipeline: &Pipeline,
    config: &Config,
    out: &mut Vec<u8>,
    rejects: &mut Vec<Reject>,
) -> Result<()> {
    let bytes = source.read()?;
    if source.is_jsonl(&bytes) {
        for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match jsonl::clean_record(line, pipeline, &config.text_field) {
                Ok(record) => {
                    out.extend_from_slice(record.as_bytes());
                    out.push(b'\n');
                }
                Err(error) => rejects.push(Reject {
                    source: source.name(),
                    line: index + 1,
                    reason: error.to_string(),
                    record: String::from_utf8_lossy(line).into_owned(),
                }),
            }
        }
    } else {
        let text = decode::decode_bytes(&bytes);
        let clean = pipeline.clean(&text);
        if !clean.is_empty() {
            out.extend_from_slice(clean.as_bytes());
            out.push(b'\n');
        }
    }
    Ok(())
}

fn write_rejects(path: &Path, rejects: &[Reject]) -> Result<()> {
    let mut out = Vec::new();
    for reject in rejects {
        let line = serde_json::json!({
            "source": reject.source,
            "line": reject.line,
            "reason": reject.reason,
            "record": reject.record,
        });
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b'\n');
    }
    write_atomically(path, &out)
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place, so `path`
/// never holds half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder)
        .with_context(|| format!("cannot write output {}", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .with_context(|| format!("cannot write output {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("cannot write output {}", path.display()))?;
    Ok(())
}
