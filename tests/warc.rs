//! The WARC reader on the bundled Common Crawl-shaped sample (fixtures/warc/) and on records
//! built here: which records come out, what they hold, and what broken input gives.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use proptest::prelude::*;
use unscrape::warc::{Response, WarcError, WarcReader};

const FIXTURE: &str = "fixtures/warc/readability-sample.warc.gz";

/// The pages of the fixture: record number, id (in its URL), payload bytes, a phrase of it.
const PAGES: [(usize, &str, usize, &str); 8] = [
    (3, "001", 12533, "The idea behind code coverage"),
    (
        6,
        "daringfireball-1",
        10116,
        "written and produced by John Gruber",
    ),
    (8, "hukumusume", 24662, "欲張りなイヌ"),
    (
        10,
        "mozilla-2",
        25490,
        "most complete browser for building the Web",
    ),
    (14, "tumblr", 31244, "The Bountiful Update"),
    (16, "heise", 62142, "1Password scannt auch QR-Codes"),
    (18, "la-nacion", 63471, "Los pueblos indígenas reclaman"),
    (20, "lemonde-1", 87454, "adopté à une large majorité"),
];

fn fixture_gz() -> Vec<u8> {
    std::fs::read(FIXTURE).unwrap()
}

fn fixture_plain() -> Vec<u8> {
    let mut plain = Vec::new();
    MultiGzDecoder::new(&fixture_gz()[..])
        .read_to_end(&mut plain)
        .unwrap();
    plain
}

fn read_plain(bytes: &[u8]) -> Vec<Result<Response, WarcError>> {
    WarcReader::new(bytes).collect()
}

fn read_gz(bytes: &[u8]) -> Vec<Result<Response, WarcError>> {
    WarcReader::new(std::io::BufReader::new(MultiGzDecoder::new(bytes))).collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// A WARC/1.0 record with these header fields and its Content-Length.
fn record(fields: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\n{fields}Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// A response record for `uri` with this HTTP block.
fn response(uri: &str, http: &[u8]) -> Vec<u8> {
    let fields = format!(
        "WARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\n"
    );
    record(&fields, http)
}

/// A response record for `uri` serving `body` as HTML.
fn page(uri: &str, body: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
    response(uri, http.as_bytes())
}

fn uris(items: &[Result<Response, WarcError>]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Ok(page) => page.target_uri.clone(),
            Err(error) => format!("error: {error}"),
        })
        .collect()
}

#[test]
fn the_fixture_gives_its_eight_pages_and_nothing_else() {
    let pages: Vec<Response> = read_gz(&fixture_gz())
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(pages.len(), PAGES.len());
    for (index, (page, (number, id, length, phrase))) in pages.iter().zip(PAGES).enumerate() {
        assert_eq!(page.record_number, number, "{id}");
        assert_eq!(page.target_uri, format!("https://example.org/{id}/"));
        assert_eq!(
            page.date,
            format!("2024-03-{:02}T12:{index:02}:07Z", index + 1)
        );
        assert!(page.record_id.starts_with("<urn:uuid:"), "{id}");
        assert_eq!(page.status, Some(200), "{id}");
        assert_eq!(page.body.len(), length, "{id}");
        assert!(
            contains(&page.body, phrase),
            "{id}: {phrase:?} not in the body"
        );
        assert!(
            page.body.ends_with(b">\n") || page.body.ends_with(b">"),
            "{id}"
        );
    }
    assert_eq!(pages[3].content_type, Some("text/html".to_string()));
    assert_eq!(
        pages[7].content_type.as_deref(),
        Some("application/xhtml+xml; charset=utf-8")
    );
}

#[test]
fn offsets_point_at_each_record_in_the_decompressed_stream() {
    let plain = fixture_plain();
    for page in read_plain(&plain).into_iter().map(Result::unwrap) {
        let record = &plain[page.offset as usize..];
        assert!(record.starts_with(b"WARC/1.0\r\nWARC-Type: response\r\n"));
        assert!(contains(&record[..1000], &page.record_id));
    }
}

#[test]
fn a_plain_warc_gives_the_same_pages_as_the_gzipped_one() {
    let plain: Vec<Response> = read_plain(&fixture_plain())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let gzipped: Vec<Response> = read_gz(&fixture_gz())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(plain, gzipped);
}

#[test]
fn a_gzip_stream_of_one_member_is_read_as_well() {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(&fixture_plain()).unwrap();
    let one_member = encoder.finish().unwrap();
    assert_eq!(read_gz(&one_member).len(), PAGES.len());
}

#[test]
fn a_chunked_gzipped_payload_is_joined_and_decoded() {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(b"<p>Hello, chunks</p>").unwrap();
    let gz = encoder.finish().unwrap();
    let (first, second) = gz.split_at(10);
    let mut http = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\
                     Content-Type: text/html; charset=utf-8\r\n\r\n"
        .to_vec();
    for chunk in [first, second] {
        http.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        http.extend_from_slice(chunk);
        http.extend_from_slice(b"\r\n");
    }
    http.extend_from_slice(b"0\r\n\r\n");
    let items = read_plain(&response("https://example.org/chunked", &http));
    let page = items[0].as_ref().unwrap();
    assert_eq!(page.body, b"<p>Hello, chunks</p>");
    assert_eq!(items.len(), 1);
}

#[test]
fn a_truncated_gz_file_gives_the_whole_records_then_one_error() {
    let full = read_gz(&fixture_gz());
    let bytes = fixture_gz();
    let items = read_gz(&bytes[..bytes.len() - 5000]);
    assert_eq!(uris(&items[..7]), uris(&full[..7]));
    assert!(
        matches!(
            items[7],
            Err(WarcError::Truncated {
                record_number: 20,
                ..
            })
        ),
        "{:?}",
        items[7]
    );
    assert_eq!(items.len(), 8);
}

#[test]
fn a_file_cut_anywhere_gives_a_prefix_of_the_pages_and_at_most_one_error() {
    for (bytes, gzipped) in [(fixture_gz(), true), (fixture_plain(), false)] {
        let full = uris(&read_plain(&fixture_plain()));
        for cut in (0..bytes.len()).step_by(997) {
            let items = if gzipped {
                read_gz(&bytes[..cut])
            } else {
                read_plain(&bytes[..cut])
            };
            let pages = items.iter().take_while(|item| item.is_ok()).count();
            assert_eq!(uris(&items[..pages]), full[..pages], "cut at {cut}");
            let errors = &items[pages..];
            assert!(errors.len() <= 1, "cut at {cut}: {:?}", uris(errors));
            if let Some(Err(error)) = errors.first() {
                assert!(
                    matches!(error, WarcError::Truncated { .. }),
                    "cut at {cut}: {error}"
                );
            }
        }
    }
}

#[test]
fn a_record_over_the_limit_is_skipped_with_an_error_and_the_next_still_comes() {
    let items: Vec<_> = WarcReader::new(&fixture_plain()[..])
        .with_max_record_bytes(30_000)
        .collect();
    let kept: Vec<_> = items.iter().filter_map(|item| item.as_ref().ok()).collect();
    assert_eq!(kept.len(), 4); // the pages under 30,000 bytes
    assert_eq!(kept[3].target_uri, "https://example.org/mozilla-2/");
    let Err(error) = &items[4] else {
        panic!("tumblr's record is over the limit");
    };
    assert!(matches!(
        error,
        WarcError::RecordTooLarge {
            record_number: 14,
            limit: 30_000,
            ..
        }
    ));
    assert!(
        error
            .to_string()
            .starts_with("record 14 (https://example.org/tumblr/): "),
        "{error}"
    );
    assert_eq!(items.len(), 8);
}

#[test]
fn other_records_are_skipped() {
    let mut warc = record(
        "WARC-Type: revisit\r\nWARC-Target-URI: https://example.org/a\r\n",
        b"HTTP/1.1 200 OK\r\n\r\n",
    );
    warc.extend(record(
        "WARC-Type: response\r\nWARC-Target-URI: dns:example.org\r\nContent-Type: text/dns\r\n",
        b"20240301120000\r\nexample.org. 300 IN A 93.184.215.14\r\n",
    ));
    warc.extend(response(
        "https://example.org/report.pdf",
        b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7",
    ));
    warc.extend(response(
        "https://example.org/untyped",
        b"HTTP/1.1 404 Not Found\r\n\r\n<p>Gone</p>",
    ));
    let items = read_plain(&warc);
    assert_eq!(uris(&items), ["https://example.org/untyped"]);
    let page = items[0].as_ref().unwrap();
    assert_eq!(
        (page.record_number, page.status, page.content_type.clone()),
        (4, Some(404), None)
    );
}

#[test]
fn a_broken_record_costs_that_record_only() {
    let mut warc = b"leftover bytes of an earlier file\n".to_vec();
    warc.extend(page("https://example.org/1", "<p>One</p>"));
    warc.extend(
        b"WARC/1.0\r\nWARC-Type: response\r\nthis is not a field\r\n\r\n<p>lost</p>\r\n\r\n",
    );
    warc.extend(page("https://example.org/2", "<p>Two</p>"));
    warc.extend(
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 12k\r\n\r\n<p>lost</p>\r\n\r\n",
    );
    warc.extend(
        page("https://example.org/3", "<p>Three</p>")
            .iter()
            .map(u8::to_ascii_lowercase),
    );
    warc.extend(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<p>lost</p>\r\n\r\n");
    warc.extend(response("https://example.org/4", b"<p>no HTTP header</p>"));
    warc.extend(page("https://example.org/5", "<p>Five</p>"));
    assert_eq!(
        uris(&read_plain(&warc)),
        [
            r#"error: byte 0: expected a WARC/1.0 or WARC/1.1 line, found "leftover bytes of an earlier file""#,
            "https://example.org/1",
            r#"error: record 2 at byte 318: bad header line "this is not a field""#,
            "https://example.org/2",
            r#"error: record 4 at byte 671: Content-Length "12k" is not a number"#,
            // Record 5, written in lower case, is no record: lost with record 4.
            r#"error: record 5 at byte 1026: the header has no Content-Length"#,
            r#"error: record 6 (https://example.org/4): the block does not start with an HTTP status line: "<p>no HTTP header</p>""#,
            "https://example.org/5",
        ]
    );
}

#[test]
fn a_response_without_its_uri_is_an_error_and_reading_goes_on() {
    let mut warc = record(
        "WARC-Type: response\r\nWARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n",
        b"HTTP/1.1 200 OK\r\n\r\n<p>Whose?</p>",
    );
    warc.extend(page("https://example.org/next", "<p>Next</p>"));
    assert_eq!(
        uris(&read_plain(&warc)),
        [
            "error: record 1 at byte 0: the response has no WARC-Target-URI",
            "https://example.org/next"
        ]
    );
}

proptest! {
    #[test]
    fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let items = read_plain(&bytes);
        prop_assert!(items.len() <= bytes.len() + 1);
        let _ = read_gz(&bytes).len();
    }

    #[test]
    fn a_damaged_fixture_never_panics_and_keeps_records_within_the_limit(
        damage in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20),
    ) {
        let mut bytes = fixture_plain();
        for (at, byte) in damage {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let items: Vec<_> = WarcReader::new(&bytes[..]).with_max_record_bytes(50_000).collect();
        for page in items.iter().filter_map(|item| item.as_ref().ok()) {
            prop_assert!(page.body.len() <= 50_000);
        }
        prop_assert!(items.len() <= 21);
    }

    #[test]
    fn records_of_warc_looking_lines_never_panic(
        lines in proptest::collection::vec(prop::sample::select(vec![
            "WARC/1.0", "WARC/1.1", "WARC-Type: response", "WARC-Target-URI: https://e.org/",
            "WARC-Date: 2024", "WARC-Record-ID: <urn:uuid:1>", "Content-Length: 0",
            "Content-Length: 25", "Content-Length: 99999999999999999999", "HTTP/1.1 200 OK",
            "Transfer-Encoding: chunked", "Content-Encoding: gzip", "5", "0", "", " folded", "<p>",
        ]), 0..60),
    ) {
        let text = lines.join("\r\n");
        let _ = read_plain(text.as_bytes());
    }
}
