//! The HTTP payload as the server meant it: chunked transfer coding removed, gzip or deflate
//! content coding decoded, so that the bytes handed on are the page itself.

use std::io::{self, Read};

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use super::fields::shown;
use super::http::HttpHead;
use super::lines::without_line_end;

/// The payload of a response with `head`, from the `raw` bytes after its headers; decoded
/// content may grow to at most `limit` bytes. The error says what is wrong, for a person.
pub(super) fn decode(head: &HttpHead, raw: Vec<u8>, limit: u64) -> Result<Vec<u8>, String> {
    let chunked = head
        .fields
        .get("Transfer-Encoding")
        .is_some_and(|codings| codings.to_ascii_lowercase().contains("chunked"));
    let mut payload = if chunked { dechunk(raw)? } else { raw };
    if let Some(codings) = head.fields.get("Content-Encoding") {
        // Codings are listed in the order they were applied: undo them from the last.
        for coding in codings.rsplit(',').map(str::trim) {
            payload = decompress(coding, payload, limit)?;
        }
    }
    Ok(payload)
}

/// The data of a chunked body. Like warcio, a body that does not start with a chunk size is
/// taken as it is: some archivers remove the chunking but keep the header. A body cut before
/// its last chunk (a truncated record) gives the chunks it has.
fn dechunk(raw: Vec<u8>) -> Result<Vec<u8>, String> {
    let mut data = Vec::with_capacity(raw.len());
    let mut rest = &raw[..];
    let mut first = true;
    while let Some(end) = memchr::memchr(b'\n', rest) {
        let size_line = without_line_end(&rest[..=end]);
        let Some(size) = chunk_size(size_line) else {
            if first {
                return Ok(raw);
            }
            return Err(format!("bad chunk size line {}", shown(size_line)));
        };
        first = false;
        rest = &rest[end + 1..];
        if size == 0 {
            break; // Trailer fields, if any, follow: nothing a page needs.
        }
        let taken = usize::try_from(size).map_or(rest.len(), |size| size.min(rest.len()));
        data.extend_from_slice(&rest[..taken]);
        rest = &rest[taken..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
    if first {
        return Ok(raw);
    }
    Ok(data)
}

/// The size in a chunk size line (hex digits, maybe `;extensions` after them).
fn chunk_size(line: &[u8]) -> Option<u64> {
    let digits = line.split(|&b| b == b';').next()?.trim_ascii();
    if digits.is_empty() || digits.len() > 15 || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u64::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
}

/// `payload` with one content coding undone.
fn decompress(coding: &str, payload: Vec<u8>, limit: u64) -> Result<Vec<u8>, String> {
    match coding.to_ascii_lowercase().as_str() {
        "" | "identity" => Ok(payload),
        "gzip" | "x-gzip" => read_limited(MultiGzDecoder::new(&payload[..]), coding, limit),
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        "deflate" if is_zlib(&payload) => {
            read_limited(ZlibDecoder::new(&payload[..]), coding, limit)
        }
        "deflate" => read_limited(DeflateDecoder::new(&payload[..]), coding, limit),
        _ => Err(format!("unsupported Content-Encoding {coding:?}")),
    }
}

/// Whether `data` starts with a zlib header (RFC 1950: deflate method, checksum of 31).
fn is_zlib(data: &[u8]) -> bool {
    matches!(data, [cmf, flg, ..] if cmf & 0x0f == 8 && (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 == 0)
}

/// All `decoder` gives, up to `limit` bytes. A stream that stops early gives what it has:
/// an archive cuts long payloads (`WARC-Truncated`) and the start of a page is still a page.
fn read_limited(decoder: impl Read, coding: &str, limit: u64) -> Result<Vec<u8>, String> {
    let mut decoded = Vec::new();
    match decoder
        .take(limit.saturating_add(1))
        .read_to_end(&mut decoded)
    {
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => {}
        Err(error) => return Err(format!("cannot decode Content-Encoding {coding}: {error}")),
    }
    if decoded.len() as u64 > limit {
        return Err(format!(
            "its payload decodes to more than the limit of {limit} bytes"
        ));
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::{DeflateEncoder, GzEncoder, ZlibEncoder};

    use super::*;
    use crate::warc::http::read_head;

    fn decoded(headers: &str, raw: &[u8]) -> Result<Vec<u8>, String> {
        let block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n");
        let head = read_head(&mut block.as_bytes()).unwrap();
        decode(&head, raw.to_vec(), 1000)
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    const CHUNKED: &str = "Transfer-Encoding: chunked\r\n";

    #[test]
    fn a_plain_payload_is_unchanged() {
        assert_eq!(decoded("", b"<p>Hi</p>").unwrap(), b"<p>Hi</p>");
    }

    #[test]
    fn chunks_are_joined() {
        let raw = b"5\r\n<p>Hi\r\n4;name=x\r\n</p>\r\n0\r\nExpires: never\r\n\r\n";
        assert_eq!(decoded(CHUNKED, raw).unwrap(), b"<p>Hi</p>");
        assert_eq!(
            decoded(CHUNKED, b"A\n0123456789\n0\n\n").unwrap(),
            b"0123456789"
        );
    }

    #[test]
    fn a_cut_chunked_payload_gives_the_chunks_it_has() {
        let raw = b"5\r\n<p>Hi\r\n40\r\n</p> and mo";
        assert_eq!(decoded(CHUNKED, raw).unwrap(), b"<p>Hi</p> and mo");
    }

    #[test]
    fn a_chunked_header_on_an_unchunked_payload_is_ignored() {
        assert_eq!(
            decoded(CHUNKED, b"<html>\n<p>Hi").unwrap(),
            b"<html>\n<p>Hi"
        );
        assert_eq!(decoded(CHUNKED, b"<html>").unwrap(), b"<html>");
    }

    #[test]
    fn a_bad_chunk_size_after_the_first_is_an_error() {
        let error = decoded(CHUNKED, b"2\r\nHi\r\nzz\r\n").unwrap_err();
        assert_eq!(error, r#"bad chunk size line "zz""#);
    }

    #[test]
    fn gzip_and_both_kinds_of_deflate_are_decoded() {
        let page = b"<p>Hello</p>";
        assert_eq!(
            decoded("Content-Encoding: gzip\r\n", &gzip(page)).unwrap(),
            page
        );
        let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
        zlib.write_all(page).unwrap();
        let zlib = zlib.finish().unwrap();
        assert_eq!(
            decoded("Content-Encoding: deflate\r\n", &zlib).unwrap(),
            page
        );
        let mut deflate = DeflateEncoder::new(Vec::new(), Compression::default());
        deflate.write_all(page).unwrap();
        let deflate = deflate.finish().unwrap();
        assert_eq!(
            decoded("Content-Encoding: Deflate\r\n", &deflate).unwrap(),
            page
        );
    }

    #[test]
    fn gzip_inside_chunks_is_decoded() {
        let gz = gzip(b"<p>Hello</p>");
        let mut raw = format!("{:x}\r\n", gz.len()).into_bytes();
        raw.extend_from_slice(&gz);
        raw.extend_from_slice(b"\r\n0\r\n\r\n");
        let headers = format!("{CHUNKED}Content-Encoding: gzip\r\n");
        assert_eq!(decoded(&headers, &raw).unwrap(), b"<p>Hello</p>");
    }

    #[test]
    fn a_cut_gzip_payload_gives_what_it_has() {
        let page = "<p>Hello</p>".repeat(60);
        let mut encoder = GzEncoder::new(Vec::new(), Compression::none());
        encoder.write_all(page.as_bytes()).unwrap();
        let gz = encoder.finish().unwrap();
        let body = decoded("Content-Encoding: gzip\r\n", &gz[..gz.len() / 2]).unwrap();
        assert!(!body.is_empty() && page.as_bytes().starts_with(&body));
    }

    #[test]
    fn undecodable_or_unknown_codings_are_errors() {
        let error = decoded("Content-Encoding: gzip\r\n", b"not gzip at all").unwrap_err();
        assert!(
            error.starts_with("cannot decode Content-Encoding gzip"),
            "{error}"
        );
        let error = decoded("Content-Encoding: br\r\n", b"...").unwrap_err();
        assert_eq!(error, r#"unsupported Content-Encoding "br""#);
    }

    #[test]
    fn a_payload_that_decodes_past_the_limit_is_an_error() {
        let error = decoded("Content-Encoding: gzip\r\n", &gzip(&[b'a'; 5000])).unwrap_err();
        assert_eq!(
            error,
            "its payload decodes to more than the limit of 1000 bytes"
        );
    }
}
