//! A record of what each stage changed, for `unscrape explain` and for tests.
//!
//! Tracing costs nothing when it is off: stages build an [`Edit`] only inside the closure
//! given to [`Trace::record`], which is not called unless the trace is on.

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
    enabled: bool,
    edits: Vec<Edit>,
}

impl Trace {
    /// A trace that records every edit.
    pub fn on() -> Self {
        Trace {
            enabled: true,
            edits: Vec::new(),
        }
    }

    /// A trace that records nothing and costs nothing.
    pub fn off() -> Self {
        Trace::default()
    }

    /// Whether edits are being recorded.
    pub fn is_on(&self) -> bool {
        self.enabled
    }

    /// Records the edit built by `make`, which is called only when the trace is on.
    #[inline]
    pub fn record(&mut self, make: impl FnOnce() -> Edit) {
        if self.enabled {
            self.edits.push(make());
        }
    }

    /// The recorded edits, in the order they were made.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }
}
