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

    /// [`apply`](Stage::apply) to a document whose [`Origin`] is known. Most stages clean
    /// any text the same way; `boilerplate` judges a whole page harder than an article.
    fn apply_to<'a>(&self, input: &'a str, origin: Origin, trace: &mut Trace) -> Cow<'a, str> {
        let _ = origin;
        self.apply(input, trace)
    }
}

/// What a document is, as the step that produced it knows: HTML extraction found an
/// article in its page, or fell back to the page's whole text. A stage never guesses what
/// an earlier step already knew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// A text of unknown making (a text dump, a JSONL record): stages judge for themselves.
    #[default]
    Unknown,
    /// An article an extractor found: only what rules condemn on sight goes.
    Article,
    /// A whole page's text, menus and footers included: its lines are judged by their
    /// neighbours too.
    WholePage,
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
        self.clean_measured_as(text, Origin::Unknown, stats, count_edits)
    }

    /// [`clean_measured`](Pipeline::clean_measured) for a document of known [`Origin`].
    pub fn clean_measured_as(
        &self,
        text: &str,
        origin: Origin,
        stats: &mut PipelineStats,
        count_edits: bool,
    ) -> String {
        let mut trace = if count_edits {
            Trace::counting()
        } else {
            Trace::off()
        };
        let mut current: Cow<'_, str> = Cow::Borrowed(text);
        let mut changed_by = vec![false; self.stages.len()];
        let mut round = 0;
        while self.runs_round(round, &current, origin) {
            round += 1;
            for ((stage, stage_stats), changed_by) in self
                .stages
                .iter()
                .zip(&mut stats.stages)
                .zip(&mut changed_by)
            {
                let started = Instant::now();
                let changed = match stage.apply_to(&current, origin, &mut trace) {
                    Cow::Owned(text) => (text != *current).then_some(text),
                    Cow::Borrowed(_) => None,
                };
                stage_stats.time += started.elapsed();
                if let Some(text) = changed {
                    if !*changed_by {
                        stage_stats.documents_changed += 1;
                        *changed_by = true;
                    }
                    current = Cow::Owned(text);
                }
                for count in trace.counts() {
                    *stage_stats.edits.entry(count.rule).or_default() += count.edits;
                }
                trace.clear_counts();
            }
        }
        current.into_owned()
    }

    /// Whether round `round` (counted from 0) runs on `text`, the output of the rounds
    /// before: the first always; another, up to three in all, while the first stage would
    /// change `text` again, a later stage having made it work (the `unicode` stage removed
    /// a soft hyphen between mojibake), so that cleaning is idempotent.
    pub fn runs_round(&self, round: usize, text: &str, origin: Origin) -> bool {
        round == 0
            || (round < MAX_ROUNDS
                && self.stages.first().is_some_and(|stage| {
                    matches!(stage.apply_to(text, origin, &mut Trace::off()), Cow::Owned(again) if again != text)
                }))
    }

    /// Cleans `text`, recording each stage's edits in `trace`.
    pub fn clean_traced(&self, text: &str, trace: &mut Trace) -> String {
        self.clean_traced_as(text, Origin::Unknown, trace)
    }

    /// [`clean_traced`](Pipeline::clean_traced) for a document of known [`Origin`].
    ///
    /// ```
    /// use unscrape::{Origin, Pipeline, Trace};
    /// // A menu and a dateline over an article: too few phrase lines for the text to count
    /// // as a whole page on its own, but extraction says it is one.
    /// let text = "Home\nWorld\nBusiness\n17 March 2023\n\
    ///     Chinese President Xi Jinping will make a state visit to Russia next week, Beijing \
    ///     and Moscow said on Friday. The Kremlin said the three-day trip will take place at \
    ///     the invitation of Russian leader Vladimir Putin.\nWhat is on the agenda?\n\
    ///     Kremlin spokesman Dmitry Peskov said that Putin and Xi would have a one-to-one \
    ///     meeting over an informal dinner on Monday. On Tuesday, officials from both \
    ///     countries are set to take part in broader talks.\n";
    /// let pipeline = Pipeline::default();
    /// let mut trace = Trace::on();
    /// let as_page = pipeline.clean_traced_as(text, Origin::WholePage, &mut trace);
    /// assert!(as_page.starts_with("Chinese President"), "{as_page}");
    /// let as_text = pipeline.clean_traced_as(text, Origin::Unknown, &mut Trace::off());
    /// assert!(as_text.starts_with("World\nBusiness"), "{as_text}");
    /// ```
    pub fn clean_traced_as(&self, text: &str, origin: Origin, trace: &mut Trace) -> String {
        let mut current: Cow<'_, str> = Cow::Borrowed(text);
        let mut round = 0;
        while self.runs_round(round, &current, origin) {
            round += 1;
            for stage in &self.stages {
                if let Cow::Owned(text) = stage.apply_to(&current, origin, trace) {
                    current = Cow::Owned(text);
                }
            }
        }
        current.into_owned()
    }
}

/// Rounds of the whole pipeline at most (see [`Pipeline::runs_round`]): one is the rule, a
/// second rare, a third not seen.
const MAX_ROUNDS: usize = 3;

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
