//! A page found in a WARC file: what the archive says about it and its HTML bytes.

/// One `WARC-Type: response` record with an HTML payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Its position among all the records of the file (counting skipped ones), from 1.
    pub record_number: usize,
    /// The byte offset of its `WARC/1.x` line in the (decompressed) stream.
    pub offset: u64,
    /// `WARC-Target-URI`: the URL that was fetched.
    pub target_uri: String,
    /// `WARC-Date` as written (ISO 8601, e.g. `2024-03-01T12:00:07Z`).
    pub date: String,
    /// `WARC-Record-ID`, with its angle brackets (`<urn:uuid:...>`).
    pub record_id: String,
    /// The HTTP `Content-Type` header, with its parameters (the charset is among them).
    pub content_type: Option<String>,
    /// The HTTP status code, when the status line has a valid one.
    pub status: Option<u16>,
    /// The HTTP payload: chunked transfer coding removed, gzip/deflate content coding
    /// decoded. Not decoded to text: that is [`crate::decode`]'s job.
    pub body: Vec<u8>,
}
