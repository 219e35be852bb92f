//! The account of a bulk run: what came in, what was written, what was rejected and why,
//! and what each stage did. `--report FILE` writes it as JSON.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use super::item::RejectKind;
use crate::stats::StageStats;

/// What a run did. Documents read = written + rejected.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub documents: DocumentCounts,
    pub bytes: ByteCounts,
    /// Rejected documents by kind.
    pub rejected_by_kind: BTreeMap<RejectKind, u64>,
    /// Where the rejected documents went, when there were any.
    pub rejects_file: Option<PathBuf>,
    /// Input files read, and those that could not be opened (skipped).
    pub files: FileCounts,
    /// Whether the run was interrupted before the end of its input.
    pub interrupted: bool,
    /// Worker threads.
    pub jobs: usize,
    /// Wall-clock time of the run.
    #[serde(rename = "seconds", serialize_with = "as_seconds")]
    pub elapsed: Duration,
    /// What each stage did, in pipeline order.
    pub stages: Vec<StageStats>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentCounts {
    pub read: u64,
    pub written: u64,
    pub rejected: u64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ByteCounts {
    /// Bytes of the documents read (after decompression).
    pub read: u64,
    /// Bytes written to the output (before compression).
    pub written: u64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FileCounts {
    pub read: u64,
    pub unreadable: Vec<Unreadable>,
}

/// An input file that could not be opened.
#[derive(Debug, Clone, Serialize)]
pub struct Unreadable {
    pub path: String,
    pub reason: String,
}

impl Report {
    /// Whether everything read was written and every input could be opened.
    pub fn is_complete(&self) -> bool {
        self.documents.rejected == 0 && self.files.unreadable.is_empty() && !self.interrupted
    }

    /// Documents per second and megabytes (10^6 bytes) read per second.
    pub fn throughput(&self) -> (f64, f64) {
        let seconds = self.elapsed.as_secs_f64().max(1e-9);
        (
            self.documents.read as f64 / seconds,
            self.bytes.read as f64 / 1e6 / seconds,
        )
    }

    /// A few lines for a person: counts, throughput, rejects by kind.
    pub fn summary(&self) -> String {
        let (documents_per_second, megabytes_per_second) = self.throughput();
        let mut summary = format!(
            "{} documents read, {} written, {} rejected; {:.1} MB in, {:.1} MB out; \
             {:.1} s ({documents_per_second:.0} docs/s, {megabytes_per_second:.1} MB/s, {} jobs)",
            self.documents.read,
            self.documents.written,
            self.documents.rejected,
            self.bytes.read as f64 / 1e6,
            self.bytes.written as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            self.jobs,
        );
        for (kind, count) in &self.rejected_by_kind {
            summary.push_str(&format!("\n  rejected, {}: {count}", kind.describe()));
        }
        if let Some(path) = &self.rejects_file {
            summary.push_str(&format!(
                "\n  rejected records are in {} (file, line, reason)",
                path.display()
            ));
        }
        for unreadable in &self.files.unreadable {
            summary.push_str(&format!(
                "\n  skipped {}: {}",
                unreadable.path, unreadable.reason
            ));
        }
        summary
    }
}

fn as_seconds<S: serde::Serializer>(time: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((time.as_secs_f64() * 1e3).round() / 1e3)
}
