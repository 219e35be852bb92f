//! HTML pages in: the article found and turned into text lines for the text stages, and
//! the page's metadata (title, author, date...), both from one `scraper` parse.

mod block_text;
mod boxes;
mod candidate;
mod comments;
mod extract;
mod flatten;
mod guard;
mod hidden;
mod lead;
mod lean;
pub mod metadata;
mod names;
mod page_type;
mod parts;
mod related;
mod repeated_items;
mod scoring;
mod sections;
mod sibling_blocks;
mod unclosed_title;
mod whole_page;

pub use comments::comments_from;
pub use extract::{Article, Source, article, article_at, article_with, extract, extract_from};
pub use page_type::PageType;
