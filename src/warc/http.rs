//! The HTTP response at the start of a `response` record's block: status line and headers,
//! read before the payload so that a record that is not HTML can be skipped unread.

use std::io::BufRead;

use super::fields::{BadLines, Fields, HeadError, read_fields, shown};
use super::lines::{read_line_bounded, without_line_end};

/// The most bytes an HTTP status line and headers may take. Real ones are a few KB; the
/// cap keeps a record whose block is not HTTP at all from being read into memory.
const MAX_HEAD_BYTES: usize = 256 * 1024;

/// An HTTP response's status line and headers.
#[derive(Debug)]
pub(super) struct HttpHead {
    /// The status code, when the status line has a valid one.
    pub(super) status: Option<u16>,
    pub(super) fields: Fields,
}

impl HttpHead {
    pub(super) fn content_type(&self) -> Option<&str> {
        self.fields.get("Content-Type")
    }
}

/// Reads the status line and headers, through the empty line before the payload.
pub(super) fn read_head(block: &mut impl BufRead) -> Result<HttpHead, HeadError> {
    let mut line = Vec::new();
    let consumed = read_line_bounded(block, &mut line, MAX_HEAD_BYTES)?;
    if consumed == 0 {
        return Err(HeadError::Ended);
    }
    let status_line = without_line_end(&line);
    if !status_line.starts_with(b"HTTP/") {
        return Err(HeadError::Invalid(format!(
            "the block does not start with an HTTP status line: {}",
            shown(status_line)
        )));
    }
    if !line.ends_with(b"\n") {
        return Err(HeadError::Ended);
    }
    let status = status_line
        .split(|&b| b == b' ')
        .nth(1)
        .filter(|code| code.len() == 3 && code.iter().all(u8::is_ascii_digit))
        .and_then(|code| std::str::from_utf8(code).ok()?.parse().ok());
    let fields = read_fields(
        block,
        MAX_HEAD_BYTES.saturating_sub(consumed),
        BadLines::Ignore,
    )?;
    Ok(HttpHead { status, fields })
}

/// Whether a payload with this Content-Type is a page to extract text from: `text/html`,
/// `application/xhtml+xml`, or no type at all (browsers sniff those, and most are HTML).
pub(super) fn is_html(content_type: Option<&str>) -> bool {
    let Some(content_type) = content_type else {
        return true;
    };
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    media_type.is_empty()
        || media_type.eq_ignore_ascii_case("text/html")
        || media_type.eq_ignore_ascii_case("application/xhtml+xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_and_headers_and_stops_at_the_payload() {
        let mut block =
            &b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>"[..];
        let head = read_head(&mut block).unwrap();
        assert_eq!(head.status, Some(404));
        assert_eq!(head.content_type(), Some("text/html; charset=utf-8"));
        assert_eq!(block, b"<html>");
    }

    #[test]
    fn a_status_line_without_a_code_has_no_status() {
        let head = read_head(&mut &b"HTTP/1.0 OK\r\n\r\n"[..]).unwrap();
        assert_eq!(head.status, None);
    }

    #[test]
    fn a_block_that_is_not_http_is_invalid() {
        let Err(HeadError::Invalid(reason)) = read_head(&mut &b"<html>\r\n\r\n"[..]) else {
            panic!("a block without a status line must be rejected");
        };
        assert_eq!(
            reason,
            r#"the block does not start with an HTTP status line: "<html>""#
        );
    }

    #[test]
    fn html_content_types() {
        for html in [
            None,
            Some("text/html"),
            Some("Text/HTML; charset=ISO-8859-1"),
            Some("application/xhtml+xml"),
            Some(""),
        ] {
            assert!(is_html(html), "{html:?}");
        }
        for other in ["image/png", "text/plain", "application/pdf", "text/htmlx"] {
            assert!(!is_html(Some(other)), "{other}");
        }
    }
}
