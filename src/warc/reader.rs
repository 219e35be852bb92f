//! The record loop: find a version line, read the WARC header, then keep, skip or reject
//! the block, and after an error find the next record.

use std::io::{BufRead, Read, Take};
use std::iter::FusedIterator;

use super::counting_reader::CountingReader;
use super::error::{Recovery, WarcError};
use super::fields::{BadLines, Fields, HeadError, read_fields, shown};
use super::http::{is_html, read_head};
use super::lines::{read_line_bounded, skip, without_line_end};
use super::payload;
use super::response::Response;

/// The largest record kept unless [`WarcReader::with_max_record_bytes`] says otherwise.
/// Common Crawl cuts payloads at 1 MiB; the limit only guards against a corrupt
/// Content-Length making the reader take in the rest of the file as one record.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// The most bytes a WARC header may take (real ones are under 2 KB, long URIs included).
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// How much of a line is kept to see whether it is a version line (or show it in an error).
const VERSION_LINE_KEEP: usize = 80;

/// Reads the HTML pages out of a WARC file, streaming: one record in memory at a time.
///
/// Yields the `response` records whose HTTP payload is HTML (Content-Type `text/html`,
/// `application/xhtml+xml`, or none) and reads past every other record (`warcinfo`,
/// `request`, `metadata`, `revisit`, images, PDFs, ...) without keeping it. Give it the
/// decompressed stream: a `.warc.gz` file, one gzip member per record as Common Crawl
/// writes them, through [`flate2::read::MultiGzDecoder`].
///
/// ```
/// use std::fs::File;
/// use std::io::BufReader;
///
/// use flate2::read::MultiGzDecoder;
/// use unscrape::warc::WarcReader;
///
/// let file = File::open("fixtures/warc/readability-sample.warc.gz")?;
/// let mut pages = WarcReader::new(BufReader::new(MultiGzDecoder::new(file)));
///
/// let page = pages.next().unwrap()?;
/// assert_eq!(page.record_number, 3); // after the warcinfo and request records
/// assert_eq!(page.target_uri, "https://example.org/001/");
/// assert_eq!(page.status, Some(200));
/// assert_eq!(page.content_type.as_deref(), Some("text/html; charset=utf-8"));
/// assert!(page.body.starts_with(b"<!DOCTYPE html>"));
///
/// // The other 7 pages; requests, a metadata record and an image response are skipped.
/// assert_eq!(pages.filter(|page| page.is_ok()).count(), 7);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A broken record is an `Err` item, and reading goes on with the next record: see
/// [`WarcError`] for what can go wrong.
pub struct WarcReader<R: BufRead> {
    input: CountingReader<R>,
    max_record_bytes: u64,
    /// Records started so far: the number of the last one.
    records: usize,
    state: State,
    line: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// The next line is the version line of a record, maybe after empty lines.
    AtRecord,
    /// Lost after an error: the next record starts at the next version line.
    Resync,
    Done,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads the WARC records of `reader`, keeping records up to
    /// [`DEFAULT_MAX_RECORD_BYTES`].
    pub fn new(reader: R) -> Self {
        WarcReader {
            input: CountingReader::new(reader),
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            records: 0,
            state: State::AtRecord,
            line: Vec::new(),
        }
    }

    /// Keeps pages whose record block is at most `limit` bytes (their decoded payload
    /// too); a larger page is read past and given as [`WarcError::RecordTooLarge`].
    ///
    /// ```
    /// use unscrape::warc::{WarcError, WarcReader};
    ///
    /// let warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/\r\n\
    ///             WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
    ///             Content-Length: 38\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>A long page</p>\r\n\r\n";
    /// let mut pages = WarcReader::new(warc.as_bytes()).with_max_record_bytes(20);
    /// let Some(Err(WarcError::RecordTooLarge { length, .. })) = pages.next() else { panic!() };
    /// assert_eq!(length, 38);
    /// assert!(pages.next().is_none());
    /// ```
    pub fn with_max_record_bytes(mut self, limit: u64) -> Self {
        self.max_record_bytes = limit;
        self
    }

    /// Reads up to the next version line and returns its offset (`None` at the end of the
    /// input). Empty lines before it are skipped; anything else is an error, unless the
    /// reader is resynchronising after one.
    fn find_record(&mut self) -> Result<Option<u64>, WarcError> {
        loop {
            let offset = self.input.position();
            let consumed = read_line_bounded(&mut self.input, &mut self.line, VERSION_LINE_KEEP)
                .map_err(|error| WarcError::from_io(error, self.records + 1, offset))?;
            if consumed == 0 {
                return Ok(None);
            }
            let whole = consumed == self.line.len();
            let text = without_line_end(&self.line);
            if whole && matches!(text, b"WARC/1.0" | b"WARC/1.1") {
                return Ok(Some(offset));
            }
            if self.state == State::Resync || whole && text.trim_ascii().is_empty() {
                continue;
            }
            return Err(WarcError::NotAVersionLine {
                offset,
                line: shown(text),
            });
        }
    }

    /// Reads the record whose version line was at `offset`, up to the end of its block:
    /// the page, or `None` for a record that is not one.
    fn read_record(&mut self, number: usize, offset: u64) -> Result<Option<Response>, WarcError> {
        let truncated = WarcError::Truncated {
            record_number: number,
            offset,
        };
        let fields = match read_fields(&mut self.input, MAX_HEADER_BYTES, BadLines::Reject) {
            Ok(fields) => fields,
            Err(HeadError::Ended) => return Err(truncated),
            Err(HeadError::Io(error)) => return Err(WarcError::from_io(error, number, offset)),
            Err(HeadError::Invalid(reason)) => {
                return Err(WarcError::BadHeader {
                    record_number: number,
                    offset,
                    reason,
                });
            }
        };
        let length = content_length(&fields, number, offset)?;
        let mut block = (&mut self.input).take(length);
        let io_error = |error| WarcError::from_io(error, number, offset);

        if !is_http_response(&fields) {
            return if skip_rest(&mut block).map_err(io_error)? {
                Ok(None)
            } else {
                Err(truncated)
            };
        }
        let required = |field: &'static str| {
            fields.get(field).ok_or(WarcError::MissingField {
                record_number: number,
                offset,
                field,
            })
        };
        let (uri, date, record_id) = match (
            required("WARC-Target-URI"),
            required("WARC-Date"),
            required("WARC-Record-ID"),
        ) {
            (Ok(uri), Ok(date), Ok(id)) => (uri.to_string(), date.to_string(), id.to_string()),
            (Err(missing), ..) | (_, Err(missing), _) | (.., Err(missing)) => {
                let whole = skip_rest(&mut block).map_err(io_error)?;
                return Err(if whole { missing } else { truncated });
            }
        };
        let bad_http = |reason| WarcError::BadHttp {
            record_number: number,
            uri: uri.clone(),
            reason,
        };

        let head = match read_head(&mut block) {
            Ok(head) => head,
            Err(HeadError::Ended) if block.limit() > 0 => return Err(truncated),
            Err(HeadError::Ended) => {
                return Err(bad_http("the block ends inside its HTTP header".into()));
            }
            Err(HeadError::Io(error)) => return Err(io_error(error)),
            Err(HeadError::Invalid(reason)) => {
                let whole = skip_rest(&mut block).map_err(io_error)?;
                return Err(if whole { bad_http(reason) } else { truncated });
            }
        };
        if !is_html(head.content_type()) {
            return if skip_rest(&mut block).map_err(io_error)? {
                Ok(None)
            } else {
                Err(truncated)
            };
        }
        if length > self.max_record_bytes {
            let whole = skip_rest(&mut block).map_err(io_error)?;
            return Err(if whole {
                WarcError::RecordTooLarge {
                    record_number: number,
                    uri,
                    length,
                    limit: self.max_record_bytes,
                }
            } else {
                truncated
            });
        }
        let mut raw = Vec::new();
        block.read_to_end(&mut raw).map_err(io_error)?;
        if block.limit() > 0 {
            return Err(truncated);
        }
        let body = payload::decode(&head, raw, self.max_record_bytes).map_err(bad_http)?;
        Ok(Some(Response {
            record_number: number,
            offset,
            target_uri: uri,
            date,
            record_id,
            content_type: head.content_type().map(str::to_string),
            status: head.status,
            body,
        }))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Response, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.state != State::Done {
            let offset = match self.find_record() {
                Ok(Some(offset)) => offset,
                Ok(None) => break,
                Err(error) => return Some(Err(self.recover(error))),
            };
            self.state = State::AtRecord;
            self.records += 1;
            match self.read_record(self.records, offset) {
                Ok(Some(response)) => return Some(Ok(response)),
                Ok(None) => continue,
                Err(error) => return Some(Err(self.recover(error))),
            }
        }
        self.state = State::Done;
        None
    }
}

impl<R: BufRead> FusedIterator for WarcReader<R> {}

impl<R: BufRead> WarcReader<R> {
    /// Sets where reading goes on after `error`, and gives it back.
    fn recover(&mut self, error: WarcError) -> WarcError {
        self.state = match error.recovery() {
            Recovery::NextRecord => State::AtRecord,
            Recovery::Resync => State::Resync,
            Recovery::Stop => State::Done,
        };
        error
    }
}

/// The block length the header gives.
fn content_length(fields: &Fields, number: usize, offset: u64) -> Result<u64, WarcError> {
    let value = fields
        .get("Content-Length")
        .ok_or(WarcError::MissingContentLength {
            record_number: number,
            offset,
        })?;
    let is_number = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    value
        .parse()
        .ok()
        .filter(|_| is_number)
        .ok_or_else(|| WarcError::BadContentLength {
            record_number: number,
            offset,
            value: value.to_string(),
        })
}

/// Whether the record is an HTTP response: `WARC-Type: response` with an HTTP block (not
/// `dns:` or other protocols, which have their own Content-Type).
fn is_http_response(fields: &Fields) -> bool {
    let is_response = fields
        .get("WARC-Type")
        .is_some_and(|kind| kind.eq_ignore_ascii_case("response"));
    let is_http = fields.get("Content-Type").is_none_or(|content_type| {
        let media_type = content_type.split(';').next().unwrap_or("").trim();
        media_type.eq_ignore_ascii_case("application/http")
    });
    is_response && is_http
}

/// Reads past the rest of `block`; `false` when the input ends first.
fn skip_rest(block: &mut Take<impl BufRead>) -> std::io::Result<bool> {
    let remaining = block.limit();
    Ok(skip(block, remaining)? == remaining)
}
