//! Common Crawl WARC files in: the HTML pages of a `.warc` or `.warc.gz` file, streamed one
//! record at a time with [`WarcReader`].
//!
//! A broken record costs that record only: the reader yields an error naming it and goes on
//! at the next `WARC/1.0` or `WARC/1.1` line.
//!
//! ```
//! use unscrape::warc::WarcReader;
//!
//! let warc = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n...\r\n\r\n\
//!             WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n\
//!             WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:2>\r\n\
//!             Content-Length: 56\r\n\r\n\
//!             HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello</p>\r\n\r\n";
//! let records: Vec<_> = WarcReader::new(warc.as_bytes()).collect();
//! assert_eq!(
//!     records[0].as_ref().unwrap_err().to_string(),
//!     r#"record 1 at byte 0: Content-Length "many" is not a number"#
//! );
//! let page = records[1].as_ref().unwrap();
//! assert_eq!((page.record_number, page.target_uri.as_str()), (2, "https://example.org/a"));
//! assert_eq!(page.body, b"<p>Hello</p>");
//! ```
//!
//! Why our own parser and not the `warc` crate (0.4.0 on crates.io): its iterators read
//! every record whole into memory, a 1 MiB buffer allocated for each; its streaming API, the
//! one that can skip a record, is not an `Iterator`. Neither has a record size limit or a way
//! back in after a broken record, and header lines are read with no length bound. It stops
//! at the WARC block, so chunked transfer coding and gzip content coding of the HTTP payload
//! would still be ours to do, and it brings nom, chrono, url, an old uuid and a second gzip
//! library. What we need is a few hundred lines over `BufRead` and the flate2 we already have.

mod counting_reader;
mod error;
mod fields;
mod http;
mod lines;
mod payload;
mod reader;
mod response;

pub use error::WarcError;
pub use reader::{DEFAULT_MAX_RECORD_BYTES, WarcReader};
pub use response::Response;
