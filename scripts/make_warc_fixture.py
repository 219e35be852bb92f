#!/usr/bin/env python3
"""Build fixtures/warc/readability-sample.warc.gz, the WARC file the `warc` module's tests read.

What it holds
-------------
A small Common Crawl-shaped WARC file: one gzip member per record, records in the order
Common Crawl writes them:

1. a `warcinfo` record;
2. for each of 8 readability pages: a `request` record and a `response` record whose block
   is a real-looking HTTP response (`HTTP/1.1 200 OK`, `Content-Type: text/html; ...`,
   `Content-Length`) with the page's bytes, unchanged, as payload;
3. after the first page, a `metadata` record (as Common Crawl writes one per capture);
4. after the fourth page, a request and a response for a tiny PNG image (`image/png`).

The reader must yield the 8 HTML responses and skip everything else.

Where the pages come from
-------------------------
`<devdata>/readability/<id>.html` (Mozilla Readability.js test pages, Apache-2.0, which may
be copied; see its SOURCE.md). Their original URLs are not recorded there (the maintainers
rewrote links to `http://fakehost/...`), so each page gets a made-up URL
`https://example.org/<id>/`.

Deterministic: same inputs, same bytes out (fixed dates, record ids derived from the page id
with uuid5, gzip mtime 0).

Usage: python3 scripts/make_warc_fixture.py [--devdata ../shared/devdata] [--out PATH]
"""

import argparse
import base64
import gzip
import hashlib
import struct
import sys
import uuid
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Small pages in several languages: (id, Content-Type the server sends).
PAGES = [
    ("001", "text/html; charset=utf-8"),
    ("daringfireball-1", "text/html; charset=UTF-8"),
    ("hukumusume", "text/html; charset=utf-8"),
    ("mozilla-2", "text/html"),
    ("tumblr", "text/html; charset=utf-8"),
    ("heise", "text/html; charset=utf-8"),
    ("la-nacion", "text/html; charset=utf-8"),
    ("lemonde-1", "application/xhtml+xml; charset=utf-8"),
]

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:unscrape:fixtures:warc")


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, name)}>"


def digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def warc_date(index: int) -> str:
    return f"2024-03-{index + 1:02d}T12:{index:02d}:07Z"


def http_date(index: int) -> str:
    return f"Fri, {index + 1:02d} Mar 2024 12:{index:02d}:06 GMT"


def record(fields: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC record as its own gzip member."""
    head = "WARC/1.0\r\n" + "".join(f"{name}: {value}\r\n" for name, value in fields)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    raw = head.encode() + block + b"\r\n\r\n"
    return gzip.compress(raw, compresslevel=9, mtime=0)


def warcinfo() -> bytes:
    block = (
        "software: unscrape scripts/make_warc_fixture.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: 8 Readability.js test pages (Apache-2.0) as a Common Crawl-shaped sample\r\n"
    ).encode()
    fields = [
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", warc_date(0)),
        ("WARC-Filename", "readability-sample.warc.gz"),
        ("WARC-Record-ID", record_id("warcinfo")),
        ("Content-Type", "application/warc-fields"),
    ]
    return record(fields, block)


def capture(name: str, index: int, url: str, content_type: str, payload: bytes) -> bytes:
    """The request and response records of one fetch."""
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    request_block = (
        f"GET {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "User-Agent: unscrape-fixture/1.0\r\n"
        "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n"
        "Accept-Encoding: identity\r\n\r\n"
    ).encode()
    request_id = record_id(f"{name}:request")
    request = record(
        [
            ("WARC-Type", "request"),
            ("WARC-Date", warc_date(index)),
            ("WARC-Record-ID", request_id),
            ("WARC-Target-URI", url),
            ("WARC-Warcinfo-ID", record_id("warcinfo")),
            ("Content-Type", "application/http; msgtype=request"),
        ],
        request_block,
    )
    response_block = (
        "HTTP/1.1 200 OK\r\n"
        f"Date: {http_date(index)}\r\n"
        "Server: nginx\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(payload)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode() + payload
    response = record(
        [
            ("WARC-Type", "response"),
            ("WARC-Date", warc_date(index)),
            ("WARC-Record-ID", record_id(f"{name}:response")),
            ("WARC-Target-URI", url),
            ("WARC-Concurrent-To", request_id),
            ("WARC-Warcinfo-ID", record_id("warcinfo")),
            ("WARC-Block-Digest", digest(response_block)),
            ("WARC-Payload-Digest", digest(payload)),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        response_block,
    )
    return request + response


def metadata(name: str, index: int, url: str) -> bytes:
    block = b"fetchTimeMs: 118\r\ncharset-detected: UTF-8\r\n"
    fields = [
        ("WARC-Type", "metadata"),
        ("WARC-Date", warc_date(index)),
        ("WARC-Record-ID", record_id(f"{name}:metadata")),
        ("WARC-Target-URI", url),
        ("WARC-Concurrent-To", record_id(f"{name}:response")),
        ("Content-Type", "application/warc-fields"),
    ]
    return record(fields, block)


def tiny_png() -> bytes:
    """A 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devdata", type=Path, default=REPO.parent / "shared" / "devdata")
    parser.add_argument("--out", type=Path, default=REPO / "fixtures" / "warc" / "readability-sample.warc.gz")
    args = parser.parse_args()

    out = bytearray(warcinfo())
    print("record  id                    url                                    payload bytes")
    for index, (page, content_type) in enumerate(PAGES):
        url = f"https://example.org/{page}/"
        payload = (args.devdata / "readability" / f"{page}.html").read_bytes()
        out += capture(page, index, url, content_type, payload)
        print(f"        {page:<21} {url:<38} {len(payload)}")
        if index == 0:
            out += metadata(page, index, url)
        if index == 3:
            out += capture("logo", index, "https://example.org/static/logo.png", "image/png", tiny_png())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(bytes(out))
    print(f"wrote {args.out} ({len(out)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
