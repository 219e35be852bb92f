//! HTML pages in: the article found and turned into text lines, for the text stages.

mod extract;
mod flatten;

pub use extract::{extract, extract_from};
