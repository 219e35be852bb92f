//! `unscrape bench`: the throughput of each stage and of the whole pipeline, on one thread
//! and on all of them, over given dumps or the bundled sample.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;
use unscrape::bulk::{self, Format, Source};
use unscrape::{Pipeline, Trace, decode};

/// The bundled sample: the readability pages of the development data, article and
/// full-page dumps (fixtures/bench, Apache-2.0).
const SAMPLE: &str = include_str!("../fixtures/bench/readability-dumps.jsonl");

/// Documents to measure, each cleaned this many times in a row, the median time kept.
pub struct BenchSettings {
    pub inputs: Vec<PathBuf>,
    pub runs: usize,
    pub jobs: usize,
}

/// Prints a table of MB/s and documents/s for each stage (on the text the stages before it
/// leave), the pipeline on one thread and the pipeline on `jobs` threads.
pub fn run(pipeline: &Pipeline, text_field: &str, settings: &BenchSettings) -> Result<()> {
    let documents = if settings.inputs.is_empty() {
        eprintln!("unscrape bench: no input given, measuring the bundled sample");
        texts_of_jsonl(SAMPLE.as_bytes(), text_field)
    } else {
        load(&settings.inputs, text_field)?
    };
    let bytes: usize = documents.iter().map(String::len).sum();
    println!(
        "{} documents, {:.1} MB; median of {} runs",
        documents.len(),
        bytes as f64 / 1e6,
        settings.runs
    );
    println!("{:<26} {:>10} {:>12}", "", "MB/s", "docs/s");
    let show = |name: &str, time: Duration| {
        let seconds = time.as_secs_f64().max(1e-9);
        println!(
            "{name:<26} {:>10.1} {:>12.0}",
            bytes as f64 / 1e6 / seconds,
            documents.len() as f64 / seconds
        );
    };
    let mut stage_input = documents.clone();
    for stage in pipeline.stages() {
        let time = median_time(settings.runs, || {
            for text in &stage_input {
                std::hint::black_box(stage.apply(text, &mut Trace::off()));
            }
        });
        show(stage.name(), time);
        stage_input = stage_input
            .iter()
            .map(|text| stage.apply(text, &mut Trace::off()).into_owned())
            .collect();
    }
    let time = median_time(settings.runs, || {
        for text in &documents {
            std::hint::black_box(pipeline.clean(text));
        }
    });
    show("pipeline, 1 thread", time);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs)
        .build()
        .context("cannot start the worker threads")?;
    let time = median_time(settings.runs, || {
        pool.install(|| {
            documents.par_iter().for_each(|text| {
                std::hint::black_box(pipeline.clean(text));
            })
        })
    });
    show(&format!("pipeline, {} threads", settings.jobs), time);
    Ok(())
}

/// The median time of `runs` runs of `work`, after one untimed run that loads the word
/// lists and warms the caches.
fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// The documents of the given files and folders (decompressed as a run reads them): each
/// text file one, each JSONL record's text field one.
fn load(paths: &[PathBuf], text_field: &str) -> Result<Vec<String>> {
    let mut documents = Vec::new();
    for input in bulk::discover(paths, None)? {
        let Source::File(path) = &input.source else {
            anyhow::bail!("bench reads files, not stdin");
        };
        let (format, bytes) =
            bulk::read_whole(&input).with_context(|| format!("cannot read {}", path.display()))?;
        match format {
            Format::Jsonl => documents.extend(texts_of_jsonl(&bytes, text_field)),
            _ => documents.push(decode::decode_bytes(&bytes).into_owned()),
        }
    }
    Ok(documents)
}

/// The text field of every JSONL line that has one.
fn texts_of_jsonl(bytes: &[u8], text_field: &str) -> Vec<String> {
    bytes
        .split(|&b| b == b'\n')
        .filter_map(|line| {
            let mut record: serde_json::Value = serde_json::from_slice(line).ok()?;
            match record.get_mut(text_field)?.take() {
                serde_json::Value::String(text) => Some(text),
                _ => None,
            }
        })
        .collect()
}
