//! unscrape turns scraped web text into clean article text.
//!
//! A [`Pipeline`] runs [`Stage`]s in order over a text: `mojibake` (UTF-8 read with the
//! wrong table, C1 controls, entities escaped twice), `unicode` (line breaks, spaces,
//! invisible characters, entities, NFC), `quotes` (curly quotes to ASCII), `joined_tokens`
//! (words glued by the scraper), `repeats` (paragraphs written twice), `boilerplate`
//! (comment forms, widgets, menus) and `whitespace`.
//!
//! ```
//! let dump = "Xi Jinping\u{a0} to hold talks in ‘visit for peace’\n\n\n\
//!             The West is suspicious of China’sChina’s close relations with Russiaand \
//!             Beijing’s vow to stay neutral in the nearly 13-month-old conflict.\n\n\
//!             Please enter your comment!\nPlease enter your name here\n";
//! assert_eq!(
//!     unscrape::clean(dump),
//!     "Xi Jinping to hold talks in 'visit for peace'\n\n\
//!      The West is suspicious of China's close relations with Russia and \
//!      Beijing's vow to stay neutral in the nearly 13-month-old conflict."
//! );
//! ```
//!
//! To choose the stages or see what each one did:
//!
//! ```
//! use unscrape::stages::{Quotes, Whitespace};
//! use unscrape::{Pipeline, Trace};
//!
//! let pipeline = Pipeline::builder().stage(Quotes::ascii()).stage(Whitespace::new()).build();
//! let mut trace = Trace::on();
//! assert_eq!(pipeline.clean_traced("“Hi”  there", &mut trace), "\"Hi\" there");
//! assert_eq!(trace.edits().len(), 3);
//! ```

pub mod bulk;
pub mod config;
pub mod decode;
pub mod html;
pub mod jsonl;
mod lines;
mod pipeline;
mod rewrite;
pub mod stages;
mod stats;
mod swar;
mod trace;
pub mod warc;
mod words;

pub use config::Config;
pub use pipeline::{Origin, Pipeline, PipelineBuilder, STAGE_ORDER, Stage};
pub use stats::{PipelineStats, StageStats};
pub use trace::{Edit, RuleCount, Trace};

/// Cleans `text` with the default pipeline.
///
/// ```
/// assert_eq!(unscrape::clean("said.The  “talks”"), "said. The \"talks\"");
/// ```
pub fn clean(text: &str) -> String {
    clean_as(text, Origin::Unknown)
}

/// [`clean`] for a text whose [`Origin`] is known: an extracted article loses only the
/// lines rules condemn on sight, a whole page's text is judged line by line.
///
/// ```
/// use unscrape::Origin;
/// let page = "Home\nWorld\nBusiness\n17 March 2023\n\
///     Chinese President Xi Jinping will make a state visit to Russia next week, Beijing and \
///     Moscow said on Friday. The Kremlin said the three-day trip will take place at the \
///     invitation of Russian leader Vladimir Putin.\nWhat is on the agenda?\n\
///     Kremlin spokesman Dmitry Peskov said that Putin and Xi would have a one-to-one meeting \
///     over an informal dinner on Monday. On Tuesday, officials from both countries are set \
///     to take part in broader talks.\n";
/// assert!(unscrape::clean_as(page, Origin::WholePage).starts_with("Chinese President"));
/// assert!(unscrape::clean_as(page, Origin::Article).starts_with("World\nBusiness"));
/// ```
pub fn clean_as(text: &str, origin: Origin) -> String {
    use std::sync::OnceLock;
    static DEFAULT: OnceLock<Pipeline> = OnceLock::new();
    DEFAULT
        .get_or_init(Pipeline::default)
        .clean_traced_as(text, origin, &mut Trace::off())
}
