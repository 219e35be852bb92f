//! The run itself: a reader thread that cuts the inputs into chunks of records, rayon
//! workers that clean each chunk, and a writer thread that writes the outcomes in input
//! order. At most a few chunks are in flight, so memory is bounded by the chunk size and
//! the queue depth, not by the input; the output is the same for any number of workers.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{RecvTimeoutError, SyncSender, sync_channel};
use std::time::Instant;

use anyhow::{Context, Result, anyhow};

use super::blocks::Recycled;
use super::inputs::{Format, Input, Source, format_by_name};
use super::item::{Item, Outcome};
use super::reader::{self, Opened};
use super::report::{Report, Unreadable};
use super::work::{Cleaned, Work};
use super::writer::{Output, Writer};
use crate::jsonl::Fields;
use crate::pipeline::Pipeline;
use crate::stats::PipelineStats;

/// How a run reads, cleans and writes.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads.
    pub jobs: usize,
    /// A record longer than this (in bytes) is rejected.
    pub max_doc_bytes: usize,
    /// The JSONL field holding the text.
    pub text_field: String,
    /// The JSONL field holding an HTML page, for records without a text field.
    pub html_field: Option<String>,
    /// Keep the HTML field in the output records.
    pub keep_html: bool,
    /// Give each HTML page's user comments, cleaned, as a `comments` field.
    pub include_comments: bool,
    /// Count each rule's edits for the report (costs an allocation an edit).
    pub count_edits: bool,
    /// Where rejected records go.
    pub rejects: PathBuf,
}

/// A chunk is handed to the workers once it holds this many bytes of input...
const CHUNK_BYTES: usize = 4 << 20;
/// ...or this many items (documents, blocks of JSONL lines).
const CHUNK_ITEMS: usize = 4096;

/// How long the run waits for the reader before it looks at the stop flag again.
const STOP_CHECK: std::time::Duration = std::time::Duration::from_millis(100);

/// What the run has done so far, for a progress bar.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes read from the input files, before decompression.
    pub input_bytes: Arc<AtomicU64>,
    /// Documents cleaned or rejected so far.
    pub documents: AtomicU64,
}

/// Cleans every record of `inputs` with `pipeline` into `output`, rejected records into
/// `options.rejects`. Stops early, writing no output file, when `stop` is set. Fails only
/// when the output cannot be written.
pub fn run(
    pipeline: &Pipeline,
    mut inputs: Vec<Input>,
    output: Output,
    options: &Options,
    progress: &Progress,
    stop: &Arc<AtomicBool>,
) -> Result<Report> {
    let started = Instant::now();
    let mut report = Report {
        jobs: options.jobs,
        ..Report::default()
    };
    let mut stats = PipelineStats::new(pipeline);
    let mut early = sniff_formats(&mut inputs);
    // Inputs that could not even be opened to learn their format are skipped.
    for (opened, input) in early.iter_mut().zip(&inputs) {
        if let Some(Err(reason)) = opened.take_if(|opened| opened.is_err()) {
            report.files.unreadable.push(Unreadable {
                path: input.name(),
                reason,
            });
            *opened = Some(Err(String::new()));
        }
    }
    // Comments need a field to go in: with them, pages are written as records.
    let records_wanted =
        |inputs: &[Input]| inputs.iter().any(holds_records) || options.include_comments;
    let text_as_jsonl = match &output {
        Output::Folder(_) => false,
        Output::File(path) => {
            format_by_name(path) == Some(Format::Jsonl) || records_wanted(&inputs)
        }
        Output::Stdout => records_wanted(&inputs),
    };
    let names: Vec<String> = inputs.iter().map(Input::name).collect();
    let (recycle, recycled) = std::sync::mpsc::channel();
    let work = Work {
        pipeline,
        fields: Fields {
            text: &options.text_field,
            html: options.html_field.as_deref(),
            keep_html: options.keep_html,
            include_comments: options.include_comments,
        },
        names: &names,
        text_as_jsonl,
        count_edits: options.count_edits,
        max_doc_bytes: options.max_doc_bytes,
        recycle,
    };
    let relatives = inputs.iter().map(output_name).collect();
    let mut writer = Writer::new(output, names.clone(), relatives, options.rejects.clone())?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .context("cannot start the worker threads")?;

    // The reader is not joined when the run is interrupted: it may be waiting on stdin.
    let (chunks, chunks_in) = sync_channel::<Vec<Item>>(1);
    let reader = {
        let input_bytes = progress.input_bytes.clone();
        let stop = stop.clone();
        let max_doc_bytes = options.max_doc_bytes;
        std::thread::spawn(move || {
            read_inputs(
                &inputs,
                &mut early,
                max_doc_bytes,
                &input_bytes,
                &stop,
                chunks,
                &recycled,
            )
        })
    };
    let (outcomes_out, outcomes) = sync_channel::<Vec<Outcome>>(4);
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<Writer> {
            for batch in outcomes {
                for outcome in batch {
                    writer.write(outcome)?;
                }
            }
            Ok(writer)
        });
        // Chunks are cleaned as separate pool tasks, so a worker that finishes its part of
        // one chunk starts on the next instead of waiting for the slowest document; the
        // finished chunks are put back in order before they are written.
        let in_flight_limit = 2 * options.jobs + 2;
        let (cleaned_out, cleaned) = std::sync::mpsc::channel::<(usize, Cleaned)>();
        let mut reorder = Reorder {
            waiting: Default::default(),
            next: 0,
            stats: &mut stats,
            report: &mut report,
            progress,
            writer: &outcomes_out,
        };
        pool.in_place_scope(|tasks| {
            let mut next_chunk = 0;
            let mut writer_open = true;
            loop {
                while next_chunk - reorder.next >= in_flight_limit {
                    let Ok((index, done)) = cleaned.recv() else {
                        break;
                    };
                    writer_open &= reorder.put(index, done);
                }
                if !writer_open {
                    break;
                }
                let chunk = match chunks_in.recv_timeout(STOP_CHECK) {
                    Ok(chunk) => chunk,
                    Err(RecvTimeoutError::Timeout) if stop.load(Ordering::Relaxed) => break,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let cleaned_out = cleaned_out.clone();
                let work = &work;
                let index = next_chunk;
                tasks.spawn(move |_| {
                    let _ = cleaned_out.send((index, work.clean_chunk(chunk)));
                });
                next_chunk += 1;
            }
            drop(cleaned_out);
            for (index, done) in cleaned.iter() {
                reorder.put(index, done);
            }
        });
        drop(outcomes_out);
        writer
            .join()
            .map_err(|_| anyhow!("the writer thread panicked"))
    });
    let writer = written??;
    report.interrupted = stop.load(Ordering::Relaxed);
    if !report.interrupted || reader.is_finished() {
        let (files_read, unreadable) = reader.join().unwrap_or_default();
        report.files.read = files_read;
        report.files.unreadable.extend(unreadable);
    }
    report.bytes.written = writer.bytes_written;
    if report.interrupted {
        // Dropping the writer deletes every output file it had not completed.
        drop(writer);
    } else {
        report.rejects_file = writer.finish()?;
    }
    report.stages = stats.stages;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// An input opened early to learn its format (stdin, and files whose name says none), or
/// why it could not be.
type Early = Option<Result<Opened, String>>;

/// Learns the format of every input whose name does not say it, by opening it.
fn sniff_formats(inputs: &mut [Input]) -> Vec<Early> {
    inputs
        .iter_mut()
        .map(|input| {
            if input.format.is_some() {
                return None;
            }
            match reader::open(input, Arc::default()) {
                Ok(opened) => {
                    input.format = Some(opened.format);
                    // stdin cannot be opened twice; a file is opened again when its turn comes.
                    (input.source == Source::Stdin).then_some(Ok(opened))
                }
                Err(error) => Some(Err(error.to_string())),
            }
        })
        .collect()
}

/// The reader thread: every input in order, cut into chunks, blocks of JSONL lines read
/// into `recycled` buffers when there are. Returns the number of files read and those that
/// could not be opened.
fn read_inputs(
    inputs: &[Input],
    early: &mut [Early],
    max_doc_bytes: usize,
    input_bytes: &Arc<AtomicU64>,
    stop: &AtomicBool,
    chunks: SyncSender<Vec<Item>>,
    recycled: &Recycled,
) -> (u64, Vec<Unreadable>) {
    let mut files_read = 0;
    let mut unreadable = Vec::new();
    let mut chunk = Vec::new();
    let mut chunk_bytes = 0;
    let mut open = true;
    for (file, input) in inputs.iter().enumerate() {
        if !open || stop.load(Ordering::Relaxed) {
            break;
        }
        let opened = match early[file].take() {
            Some(Ok(opened)) => Ok(opened),
            Some(Err(_)) => continue,
            None => reader::open(input, input_bytes.clone()).map_err(|e| e.to_string()),
        };
        let opened = match opened {
            Ok(opened) => opened,
            Err(reason) => {
                unreadable.push(Unreadable {
                    path: input.name(),
                    reason,
                });
                continue;
            }
        };
        files_read += 1;
        reader::read_items(file, opened, max_doc_bytes, recycled, &mut |item| {
            chunk_bytes += item.size();
            chunk.push(item);
            if chunk_bytes >= CHUNK_BYTES || chunk.len() >= CHUNK_ITEMS {
                chunk_bytes = 0;
                open = chunks.send(std::mem::take(&mut chunk)).is_ok();
            }
            open && !stop.load(Ordering::Relaxed)
        });
    }
    if open && !chunk.is_empty() {
        let _ = chunks.send(chunk);
    }
    (files_read, unreadable)
}

/// Cleaned chunks waiting for the ones before them, so that they are written in order.
struct Reorder<'a> {
    waiting: std::collections::BTreeMap<usize, Cleaned>,
    /// The index of the next chunk to write.
    next: usize,
    /// What the chunks written so far did.
    stats: &'a mut PipelineStats,
    report: &'a mut Report,
    progress: &'a Progress,
    writer: &'a SyncSender<Vec<Outcome>>,
}

impl Reorder<'_> {
    /// Takes chunk `index` and sends every chunk now in order to the writer; returns
    /// whether the writer still takes them.
    fn put(&mut self, index: usize, cleaned: Cleaned) -> bool {
        self.waiting.insert(index, cleaned);
        let mut open = true;
        while let Some(cleaned) = self.waiting.remove(&self.next) {
            self.next += 1;
            self.stats.merge(&cleaned.stats);
            self.count(&cleaned);
            open &= self.writer.send(cleaned.outcomes).is_ok();
        }
        open
    }

    /// Counts the documents of a cleaned chunk as read, and as written or rejected.
    fn count(&mut self, cleaned: &Cleaned) {
        let report = &mut *self.report;
        report.documents.read += cleaned.documents;
        report.bytes.read += cleaned.bytes;
        self.progress
            .documents
            .fetch_add(cleaned.documents, Ordering::Relaxed);
        for outcome in &cleaned.outcomes {
            match outcome {
                Outcome::Written { documents, .. } => report.documents.written += documents,
                Outcome::Rejected(reject) => {
                    report.documents.rejected += 1;
                    *report.rejected_by_kind.entry(reject.kind).or_default() += 1;
                }
                Outcome::FileEnd { .. } => {}
            }
        }
    }
}

/// Whether an input holds many records (JSONL, WARC), so that the output is JSONL.
fn holds_records(input: &Input) -> bool {
    matches!(input.format, Some(Format::Jsonl | Format::Warc))
}

/// Where an input's output goes under an output folder: its path, with `.txt` for the
/// text of an HTML page.
fn output_name(input: &Input) -> PathBuf {
    match input.format {
        Some(Format::Html) => input.relative.with_extension("txt"),
        Some(Format::Warc) => {
            let stem = input.relative.to_string_lossy();
            let stem = stem.trim_end_matches(".gz").trim_end_matches(".warc");
            PathBuf::from(format!("{stem}.jsonl"))
        }
        _ => input.relative.clone(),
    }
}
