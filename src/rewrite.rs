//! Builds a stage's output from its input and a sequence of edits, allocating only when
//! the first edit arrives, and reports each edit to the [`Trace`].

use std::borrow::Cow;
use std::ops::Range;

use crate::trace::{Edit, Trace};

/// Applies ordered, non-overlapping edits to `input`.
pub(crate) struct Rewriter<'a, 't> {
    input: &'a str,
    stage: &'static str,
    trace: &'t mut Trace,
    out: Option<String>,
    copied_to: usize,
}

impl<'a, 't> Rewriter<'a, 't> {
    pub(crate) fn new(stage: &'static str, input: &'a str, trace: &'t mut Trace) -> Self {
        Rewriter {
            input,
            stage,
            trace,
            out: None,
            copied_to: 0,
        }
    }

    /// Replaces `range` of the input (which must start at or after the end of the previous
    /// edit) with `with`, naming the `rule` that asked for it.
    pub(crate) fn replace(&mut self, range: Range<usize>, with: &str, rule: &'static str) {
        debug_assert!(range.start >= self.copied_to && range.end >= range.start);
        let input = self.input;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(input.len()));
        out.push_str(&input[self.copied_to..range.start]);
        out.push_str(with);
        self.copied_to = range.end;
        let stage = self.stage;
        self.trace.record(|| Edit {
            stage,
            rule,
            removed: input[range.clone()].to_string(),
            inserted: with.to_string(),
            range,
        });
    }

    /// Removes `range` of the input.
    pub(crate) fn remove(&mut self, range: Range<usize>, rule: &'static str) {
        self.replace(range, "", rule);
    }

    /// The rewritten text, or the input itself when no edit was made.
    pub(crate) fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.input),
            Some(mut out) => {
                out.push_str(&self.input[self.copied_to..]);
                Cow::Owned(out)
            }
        }
    }
}
