//! The [`Stage`] trait and the [`Pipeline`] that runs stages in order.

use std::borrow::Cow;
use std::time::Instant;

use crate::config::Config;
use crate::stages::{Boilerplate, JoinedTokens, Mojibake, Quotes, Repeats, Unicode, Whitespace};
use crate::stats::PipelineStats;
use crate::trace::Trace;

/// One cleaning step: a pure transform of text.
///
/// A stage returns `Cow::Borrowed(input)` when it has nothing to do, so a clean document
/// passes through without a copy. It reports every change it makes to the [`Trace`].
pub trait Stage: Send + Sync {
    /// The stage's name as used by `--stages` and in traces (`"quotes"`).
    fn name(&self) -> &'static str;

    /// One line on what the stage does, for `unscrape stages`.
    fn summary(&self) -> &'static str;

    /// Cleans `input`, recording each edit in `trace`.
    fn apply<'a>(&self, input: &'a str, trace: &mut Trace) -> Cow<'a, str>;
}

/// The names of every stage, in the order the default pipeline runs them.
pub const STAGE_ORDER: [&str; 7] = [
    Mojibake::NAME,
    Unicode::NAME,
    Quotes::NAME,
    JoinedTokens::NAME,
    Repeats::NAME,
    Boilerplate::NAME,
    Whitespace::NAME,
];

/// Stages run in order over a text.
///
/// ```
/// use unscrape::Pipeline;
/// use unscrape::stages::{Quotes, Whitespace};
///
/// let pipeline = Pipeline::builder()
///     .stage(Quotes::ascii())
///     .stage(Whitespace::new())
///     .build();
/// assert_eq!(pipeline.clean("“visit for peace”   \n\n\n\nnext"), "\"visit for peace\"\n\nnext");
/// ```
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Default for Pipeline {
    /// The stages of [`Config::default`]: every stage but `repeats`, in [`STAGE_ORDER`].
    fn default() -> Self {
        Config::default().build_pipeline()
    }
}

impl Pipeline {
    /// Starts an empty pipeline; add stages in the order they should run.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder { stages: Vec::new() }
    }

    /// The stages, in order.
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|stage| stage.as_ref())
    }

    /// Cleans `text` through every stage.
    pub fn clean(&self, text: &str) -> String {
        self.clean_traced(text, &mut Trace::off())
    }

    /// Cleans `text` and adds to `stats` what each stage did and how long it took; with
    /// `count_edits`, also how many edits each rule made (which costs an allocation an
    /// edit). See [`PipelineStats`] for an example.
    pub fn clean_measured(
        &self,
        text: &str,
        stats: &mut PipelineStats,
        count_edits: bool,
    ) -> String {
        let mut trace = if count_edits {
            Trace::counting()
        } else {
            Trace::off()
        };
        let mut current: Cow<'_, str> = Cow::Borrowed(text);
        for (stage, stage_stats) in self.stages.iter().zip(&mut stats.stages) {
            let started = Instant::now();
            let changed = match stage.apply(&current, &mut trace) {
                Cow::Owned(text) => (text != *current).then_some(text),
                Cow::Borrowed(_) => None,
            };
            stage_stats.time += started.elapsed();
            if let Some(text) = changed {
                stage_stats.documents_changed += 1;
                current = Cow::Owned(text);
            }
            for count in trace.counts() {
                *stage_stats.edits.entry(count.rule).or_default() += count.edits;
            }
            trace.clear_counts();
        }
        current.into_owned()
    }

    /// Cleans `text`, recording each stage's edits in `trace`.
    pub fn clean_traced(&self, text: &str, trace: &mut Trace) -> String {
        let mut current: Cow<'_, str> = Cow::Borrowed(text);
        for stage in &self.stages {
            let changed = match stage.apply(&current, trace) {
                Cow::Owned(text) => Some(text),
                Cow::Borrowed(_) => None,
            };
            if let Some(text) = changed {
                current = Cow::Owned(text);
            }
        }
        current.into_owned()
    }
}

/// Builds a [`Pipeline`] stage by stage.
pub struct PipelineBuilder {
    stages: Vec<Box<dyn Stage>>,
}

impl PipelineBuilder {
    /// Appends a stage.
    pub fn stage(mut self, stage: impl Stage + 'static) -> Self {
        self.stages.push(Box::new(stage));
        self
    }

    /// Appends an already boxed stage.
    pub fn boxed_stage(mut self, stage: Box<dyn Stage>) -> Self {
        self.stages.push(stage);
        self
    }

    /// The finished pipeline.
    pub fn build(self) -> Pipeline {
        Pipeline {
            stages: self.stages,
        }
    }
}
