//! A record of what each stage changed, for `unscrape explain` and for tests.
//!
//! Tracing costs nothing when it is off: stages build an [`Edit`] only inside the closure
//! given to [`Trace::record`], which is not called unless the trace is on. A counting trace
//! keeps only how many edits each rule made, for the report of a bulk run.

use std::ops::Range;

/// One change made by one stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The stage that made the change (`"boilerplate"`).
    pub stage: &'static str,
    /// The rule inside the stage (`"comment_form"`, `"doubled"`, `"nbsp"`...).
    pub rule: &'static str,
    /// Byte range of the removed text in the text the stage received.
    pub range: Range<usize>,
    /// The text that was there.
    pub removed: String,
    /// The text that replaced it (empty for a pure removal).
    pub inserted: String,
}

/// The edits made while cleaning one document, in pipeline order.
///
/// ```
/// use unscrape::{Pipeline, Trace};
///
/// let mut trace = Trace::on();
/// let clean = Pipeline::default().clean_traced("Xi\u{a0}Jinping", &mut trace);
/// assert_eq!(clean, "Xi Jinping");
/// assert_eq!(trace.edits()[0].stage, "unicode");
/// ```
#[derive(Debug, Default, Clone)]
pub struct Trace {
    mode: Mode,
    edits: Vec<Edit>,
    counts: Vec<RuleCount>,
}

/// What a trace keeps.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Mode {
    #[default]
    Off,
    Record,
    Count,
}

/// How many edits one rule of one stage made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleCount {
    /// The stage (`"boilerplate"`).
    pub stage: &'static str,
    /// The rule inside the stage (`"comment_form"`).
    pub rule: &'static str,
    /// Edits made by the rule.
    pub edits: u64,
}

impl Trace {
    /// A trace that records every edit.
    pub fn on() -> Self {
        Trace {
            mode: Mode::Record,
            ..Trace::default()
        }
    }

    /// A trace that records nothing and costs nothing.
    pub fn off() -> Self {
        Trace::default()
    }

    /// A trace that counts the edits of each rule and keeps nothing else.
    ///
    /// ```
    /// use unscrape::{Pipeline, Trace};
    ///
    /// let mut trace = Trace::counting();
    /// Pipeline::default().clean_traced("“Xi”\u{a0}and “Putin”", &mut trace);
    /// let quotes = trace.counts().iter().find(|c| c.stage == "quotes").unwrap();
    /// assert_eq!(quotes.edits, 4);
    /// assert!(trace.edits().is_empty());
    /// ```
    pub fn counting() -> Self {
        Trace {
            mode: Mode::Count,
            ..Trace::default()
        }
    }

    /// Whether edits are being recorded.
    pub fn is_on(&self) -> bool {
        self.mode == Mode::Record
    }

    /// Records the edit built by `make`, which is called only when the trace is on or
    /// counting.
    #[inline]
    pub fn record(&mut self, make: impl FnOnce() -> Edit) {
        match self.mode {
            Mode::Off => {}
            Mode::Record => self.edits.push(make()),
            Mode::Count => {
                let edit = make();
                self.count(edit.stage, edit.rule, 1);
            }
        }
    }

    /// The recorded edits, in the order they were made.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The edits counted by rule, in the order the rules first made one.
    pub fn counts(&self) -> &[RuleCount] {
        &self.counts
    }

    /// Forgets the counted edits, keeping the mode.
    pub fn clear_counts(&mut self) {
        self.counts.clear();
    }

    fn count(&mut self, stage: &'static str, rule: &'static str, edits: u64) {
        match self
            .counts
            .iter_mut()
            .find(|c| c.stage == stage && c.rule == rule)
        {
            Some(count) => count.edits += edits,
            None => self.counts.push(RuleCount { stage, rule, edits }),
        }
    }
}
