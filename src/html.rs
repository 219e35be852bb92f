//! HTML input: what unscrape reads from a page's markup, parsed with `scraper`.

pub mod metadata;
