//! What each stage of a pipeline did over many documents, for the report of a bulk run:
//! documents it changed, edits by rule (a removed line for `boilerplate`, a repaired token
//! for `joined_tokens`), and the time it took.
//!
//! ```
//! use unscrape::{Pipeline, PipelineStats};
//!
//! let pipeline = Pipeline::default();
//! let mut stats = PipelineStats::new(&pipeline);
//! let clean = pipeline.clean_measured("The talks with Russiaand  China", &mut stats, true);
//! assert_eq!(clean, "The talks with Russia and China");
//! let whitespace = stats.stage("whitespace").unwrap();
//! assert_eq!(whitespace.documents_changed, 1);
//! assert_eq!(stats.stage("joined_tokens").unwrap().edits["word_glue"], 1);
//! ```

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use crate::pipeline::Pipeline;

/// The work of every stage of one pipeline, summed over documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PipelineStats {
    /// One entry a stage, in pipeline order.
    pub stages: Vec<StageStats>,
}

/// The work of one stage, summed over documents.
#[derive(Debug, Clone, Serialize)]
pub struct StageStats {
    /// The stage's name.
    pub stage: &'static str,
    /// Documents whose text the stage changed.
    pub documents_changed: u64,
    /// Edits by rule; counted only when asked for.
    pub edits: BTreeMap<&'static str, u64>,
    /// Time spent in the stage, summed over every thread.
    #[serde(rename = "seconds", serialize_with = "as_seconds")]
    pub time: Duration,
}

impl PipelineStats {
    /// Empty stats for the stages of `pipeline`.
    pub fn new(pipeline: &Pipeline) -> Self {
        PipelineStats {
            stages: pipeline
                .stages()
                .map(|stage| StageStats {
                    stage: stage.name(),
                    documents_changed: 0,
                    edits: BTreeMap::new(),
                    time: Duration::ZERO,
                })
                .collect(),
        }
    }

    /// The stats of the stage named `name`.
    pub fn stage(&self, name: &str) -> Option<&StageStats> {
        self.stages.iter().find(|stage| stage.stage == name)
    }

    /// Adds the stats of another part of the same run (same pipeline).
    pub fn merge(&mut self, other: &PipelineStats) {
        for (mine, theirs) in self.stages.iter_mut().zip(&other.stages) {
            mine.documents_changed += theirs.documents_changed;
            mine.time += theirs.time;
            for (rule, edits) in &theirs.edits {
                *mine.edits.entry(rule).or_default() += edits;
            }
        }
    }
}

fn as_seconds<S: serde::Serializer>(time: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((time.as_secs_f64() * 1e6).round() / 1e6)
}
