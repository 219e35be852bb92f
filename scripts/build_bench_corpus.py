#!/usr/bin/env python3
"""Build JSONL inputs for benchmarking and robustness-testing `unscrape`.

What it is for
--------------
`unscrape` cleans scraped web text given as JSONL records `{"id", "text", ...}`.
This script makes two kinds of input from the project's development data:

* `corpus`: one large JSONL file (by default at least 1.1 GB) for throughput
  benchmarks of bulk runs.
* `salted`: a small directory of JSONL files with known bad records, broken
  compressed streams and a MANIFEST.json saying exactly what is wrong and
  where, to check that a bulk run loses nothing: every good record comes out,
  every bad one is reported.

Where the data comes from
-------------------------
The development data folder (default `<repo>/../shared/devdata`, i.e. the
`shared/devdata` folder next to the repository; override with --devdata).
For each dataset readability, l3s-gn1, cleaneval, cleanportaleval and dragnet
it uses:

* `dumps/<dataset>/article/*.txt`   (source "<dataset>/article")
* `dumps/<dataset>/fullpage/*.txt`  (source "<dataset>/fullpage")
* `<dataset>/*.txt`, the gold texts (source "<dataset>/gold"), without
  `*.comments.txt`.

Files are read as bytes and decoded as UTF-8 with errors="replace". Texts are
used in a fixed sorted order (dataset, kind, file name), so the output is
deterministic. Several of these datasets may not be copied into the project
(see devdata/README.md): write the outputs outside the repository (e.g. /tmp)
and never commit them.

Records look like

    {"id":"cleaneval/article/dev-001#0","source":"cleaneval/article","text":"..."}

written with json.dumps(ensure_ascii=False, separators=(",", ":")), one per
line. The id is "<dataset>/<kind>/<file stem>#<copy>"; the copy number starts
at 0 and goes up by one each time the cycle through all texts starts again.

Usage 1: corpus
---------------
    python3 scripts/build_bench_corpus.py corpus /tmp/bench/corpus.jsonl
    python3 scripts/build_bench_corpus.py corpus /tmp/small.jsonl --bytes 50000000

Cycles through all texts (uncapped) until at least --bytes bytes (default
1_100_000_000) have been written. Writes OUT.tmp first, then renames it to OUT.
Prints the number of records and bytes written.

Usage 2: salted
---------------
    python3 scripts/build_bench_corpus.py salted /tmp/bench/salted
    python3 scripts/build_bench_corpus.py salted /tmp/s --records 5000 --seed 7 --max-doc-bytes 65536

Writes into OUTDIR (created if needed):

* part-000.jsonl: --records lines (default 20000) built like the corpus, each
  text capped at 100,000 bytes (at most --max-doc-bytes, so good records are
  never oversize). For each bad kind, 1% of the lines (rounded down, at
  least 1) are replaced, at positions drawn with random.Random(--seed):
    - malformed_json:  the record line cut in the middle, or with a trailing
                       garbage character (alternating); never parses as JSON.
    - missing_text:    a valid object without the "text" field.
    - text_not_string: "text" is a number, null, a list or an object (rotating).
    - invalid_utf8:    a valid-looking record whose text contains the raw
                       bytes FF FE (not UTF-8).
    - oversize:        a valid record whose text is longer than
                       --max-doc-bytes (default 262144) bytes in UTF-8:
                       about max + 1000 bytes of texts concatenated.
* part-001.jsonl.gz:  2000 good records, gzip-compressed, then truncated to
                      the first 60% of the compressed bytes.
* part-002.jsonl.zst: the same with zstd (Python module `zstandard` if
                      installed, else the `zstd` command; skipped with a
                      message if neither is available).
* part-003.jsonl:     2000 good records, nothing wrong.
* MANIFEST.json:      what each file holds: line/record counts, the bad
                      kinds with their 1-based line numbers and ids, for the
                      truncated files the records before truncation and how
                      many complete lines survive the cut, and max_doc_bytes.

Ids are unique across the whole directory: the parts continue one cycle
(part-000 takes cycle positions 0..N-1, part-001 the next 2000, and so on).

Standard library only (plus `zstandard` if it happens to be installed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

DATASETS = ("readability", "l3s-gn1", "cleaneval", "cleanportaleval", "dragnet")
DUMP_KINDS = ("article", "fullpage")
DEFAULT_CORPUS_BYTES = 1_100_000_000
DEFAULT_SALTED_RECORDS = 20_000
DEFAULT_MAX_DOC_BYTES = 262_144
GOOD_TEXT_CAP_BYTES = 100_000
COMPRESSED_PART_RECORDS = 2_000
PLAIN_PART_RECORDS = 2_000
TRUNCATE_FRACTION = 0.6
BAD_KINDS = ("malformed_json", "missing_text", "text_not_string", "invalid_utf8", "oversize")
NOT_STRING_VALUES = (42, None, ["not", "a", "string"], {"text": "nested object"})


@dataclass(frozen=True)
class Text:
    dataset: str
    kind: str
    stem: str
    text: str

    @property
    def source(self) -> str:
        return f"{self.dataset}/{self.kind}"

    def record_id(self, copy: int) -> str:
        return f"{self.dataset}/{self.kind}/{self.stem}#{copy}"


# ---------------------------------------------------------------- loading


def default_devdata() -> Path:
    repo = Path(__file__).resolve().parent.parent
    return (repo / ".." / "shared" / "devdata").resolve()


def text_files(devdata: Path) -> list[tuple[str, str, Path]]:
    """(dataset, kind, path) of every text used, in a fixed sorted order."""
    found = []
    for dataset in DATASETS:
        for kind in DUMP_KINDS:
            folder = devdata / "dumps" / dataset / kind
            found += [(dataset, kind, p) for p in folder.glob("*.txt")]
        gold = devdata / dataset
        found += [(dataset, "gold", p) for p in gold.glob("*.txt")
                  if not p.name.endswith(".comments.txt")]
    return sorted(found, key=lambda item: (item[0], item[1], item[2].name))


def load_texts(devdata: Path) -> list[Text]:
    if not devdata.is_dir():
        sys.exit(f"error: development data not found at {devdata} "
                 "(pass --devdata PATH to the shared/devdata folder)")
    files = text_files(devdata)
    if not files:
        sys.exit(f"error: no .txt files found under {devdata} "
                 f"(expected dumps/<dataset>/article|fullpage and <dataset>/ "
                 f"for {', '.join(DATASETS)})")
    return [Text(dataset, kind, path.stem,
                 path.read_bytes().decode("utf-8", errors="replace"))
            for dataset, kind, path in files]


def cap_utf8(text: str, limit: int) -> str:
    """Cut text to at most `limit` UTF-8 bytes, at a character boundary."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


# ---------------------------------------------------------------- records


def json_str(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def record_line(record: dict) -> bytes:
    return (json_str(record) + "\n").encode("utf-8")


def good_record(text: Text, copy: int, cap: int | None = None) -> dict:
    body = text.text if cap is None else cap_utf8(text.text, cap)
    return {"id": text.record_id(copy), "source": text.source, "text": body}


def cycle_position(texts: list[Text], position: int) -> tuple[Text, int]:
    """The text and copy number at a position of the endless cycle."""
    copy, index = divmod(position, len(texts))
    return texts[index], copy


# ---------------------------------------------------------------- corpus


def encoded_text_parts(texts: list[Text]) -> list[tuple[bytes, bytes]]:
    """Per text, the JSON-encoded source and text, computed once."""
    return [(json_str(t.source).encode("utf-8"), json_str(t.text).encode("utf-8"))
            for t in texts]


def corpus_line(text: Text, parts: tuple[bytes, bytes], copy: int) -> bytes:
    """Same bytes as record_line(good_record(text, copy)), but faster."""
    source_json, text_json = parts
    id_json = json_str(text.record_id(copy)).encode("utf-8")
    return b'{"id":' + id_json + b',"source":' + source_json + b',"text":' + text_json + b"}\n"


def write_corpus(texts: list[Text], out: Path, min_bytes: int) -> tuple[int, int]:
    parts = encoded_text_parts(texts)
    tmp = out.with_name(out.name + ".tmp")
    records = written = 0
    try:
        with open(tmp, "wb", buffering=8 << 20) as f:
            while written < min_bytes:
                index = records % len(texts)
                line = corpus_line(texts[index], parts[index], records // len(texts))
                f.write(line)
                written += len(line)
                records += 1
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return records, written


def run_corpus(args: argparse.Namespace) -> None:
    texts = load_texts(args.devdata)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    records, written = write_corpus(texts, out, args.bytes)
    elapsed = time.monotonic() - start
    cycles = records / len(texts)
    print(f"wrote {out}: {records} records, {written} bytes "
          f"({written / 1e9:.3f} GB, {cycles:.1f} cycles of {len(texts)} texts) "
          f"in {elapsed:.1f} s")


# ---------------------------------------------------------------- bad records


def malformed_json_line(record: dict, nth: int) -> tuple[bytes, str]:
    line = json_str(record)
    if nth % 2 == 0:
        return (line[: len(line) // 2] + "\n").encode("utf-8"), "line cut in the middle"
    return (line + "x\n").encode("utf-8"), "trailing garbage character 'x'"


def missing_text_line(record: dict, nth: int) -> tuple[bytes, str]:
    without = {k: v for k, v in record.items() if k != "text"}
    return record_line(without), 'no "text" field'


def text_not_string_line(record: dict, nth: int) -> tuple[bytes, str]:
    value = NOT_STRING_VALUES[nth % len(NOT_STRING_VALUES)]
    kind = {int: "number", type(None): "null", list: "list", dict: "object"}[type(value)]
    return record_line({**record, "text": value}), f"text is {kind}"


def invalid_utf8_line(record: dict, nth: int) -> tuple[bytes, str]:
    text = record["text"]
    middle = len(text) // 2
    head = json_str({**record, "text": text[:middle]})
    tail = json_str(text[middle:])[1:-1]  # escaped string body without quotes
    assert head.endswith('"}')
    data = head[:-2].encode("utf-8") + b"\xff\xfe" + tail.encode("utf-8") + b'"}\n'
    return data, "raw bytes FF FE in the middle of text"


def oversize_text(texts: list[Text], start: int, max_doc_bytes: int) -> str:
    """About max_doc_bytes + 1000 bytes of real texts concatenated."""
    target = max_doc_bytes + 1000
    pieces, size, index = [], 0, start
    while size < target:
        piece = texts[index % len(texts)].text
        pieces.append(piece)
        size += len(piece.encode("utf-8")) + 2
        index += 1
    text = cap_utf8("\n\n".join(pieces), target)
    assert len(text.encode("utf-8")) > max_doc_bytes
    return text


def bad_line(kind: str, record: dict, nth: int, texts: list[Text],
             position: int, max_doc_bytes: int) -> tuple[bytes, str]:
    if kind == "oversize":
        big = {**record, "text": oversize_text(texts, position, max_doc_bytes)}
        return record_line(big), f"text of {len(big['text'].encode('utf-8'))} UTF-8 bytes"
    maker = {
        "malformed_json": malformed_json_line,
        "missing_text": missing_text_line,
        "text_not_string": text_not_string_line,
        "invalid_utf8": invalid_utf8_line,
    }[kind]
    return maker(record, nth)


def plan_bad_positions(records: int, seed: int) -> dict[int, str]:
    """Map 0-based line index -> bad kind, 1% of lines (at least 1) per kind."""
    per_kind = max(1, records // 100)
    if per_kind * len(BAD_KINDS) > records:
        sys.exit(f"error: --records must be at least {len(BAD_KINDS)}")
    rng = random.Random(seed)
    chosen = rng.sample(range(records), per_kind * len(BAD_KINDS))
    return {pos: BAD_KINDS[i // per_kind] for i, pos in enumerate(chosen)}


# ---------------------------------------------------------------- salted parts


def good_lines(texts: list[Text], start: int, count: int, cap: int) -> list[bytes]:
    lines = []
    for position in range(start, start + count):
        text, copy = cycle_position(texts, position)
        lines.append(record_line(good_record(text, copy, cap)))
    return lines


def write_salted_part(texts: list[Text], path: Path, records: int, seed: int,
                      cap: int, max_doc_bytes: int) -> dict:
    plan = plan_bad_positions(records, seed)
    bad = {kind: {"count": 0, "lines": [], "ids": [], "details": []} for kind in BAD_KINDS}
    with open(path, "wb") as f:
        for position in range(records):
            text, copy = cycle_position(texts, position)
            record = good_record(text, copy, cap)
            kind = plan.get(position)
            if kind is None:
                f.write(record_line(record))
                continue
            entry = bad[kind]
            line, detail = bad_line(kind, record, entry["count"], texts,
                                    position, max_doc_bytes)
            f.write(line)
            entry["count"] += 1
            entry["lines"].append(position + 1)
            entry["ids"].append(record["id"])
            entry["details"].append(detail)
    bad_total = sum(e["count"] for e in bad.values())
    return {"lines": records, "good_records": records - bad_total,
            "bad_records": bad_total, "bytes": path.stat().st_size,
            "first_id": texts[0].record_id(0), "bad": bad}


def write_plain_part(path: Path, lines: list[bytes]) -> dict:
    data = b"".join(lines)
    path.write_bytes(data)
    return {"lines": len(lines), "records": len(lines), "good_records": len(lines),
            "bytes": len(data)}


def count_complete_lines(data: bytes) -> int:
    return data.count(b"\n")


def gzip_compress(data: bytes) -> tuple[bytes, str]:
    return gzip.compress(data, compresslevel=6, mtime=0), "python gzip, level 6, mtime 0"


def gzip_prefix_lines(data: bytes) -> int:
    """Complete lines a streaming gzip reader gets from a truncated stream."""
    decoder = zlib.decompressobj(wbits=31)
    return count_complete_lines(decoder.decompress(data))


def zstd_compress(data: bytes) -> tuple[bytes, str] | None:
    try:
        import zstandard  # type: ignore[import-not-found]
    except ImportError:
        zstandard = None
    if zstandard is not None:
        return zstandard.ZstdCompressor(level=3).compress(data), "python zstandard, level 3"
    tool = shutil.which("zstd")
    if tool is None:
        return None
    done = subprocess.run([tool, "-3", "-q", "-c"], input=data,
                          capture_output=True, check=True)
    return done.stdout, f"{tool} -3 (command-line tool)"


def zstd_prefix_lines(data: bytes) -> int | None:
    """Complete lines a streaming zstd reader gets from a truncated stream."""
    try:
        import zstandard  # type: ignore[import-not-found]
        reader = zstandard.ZstdDecompressor().decompressobj()
        return count_complete_lines(reader.decompress(data))
    except ImportError:
        pass
    tool = shutil.which("zstd")
    if tool is None:
        return None
    done = subprocess.run([tool, "-d", "-q", "-c"], input=data, capture_output=True)
    return count_complete_lines(done.stdout)  # exits non-zero: truncated input


def write_truncated_part(path: Path, lines: list[bytes], compress, prefix_lines) -> dict | None:
    data = b"".join(lines)
    result = compress(data)
    if result is None:
        return None
    compressed, how = result
    kept = int(len(compressed) * TRUNCATE_FRACTION)
    path.write_bytes(compressed[:kept])
    return {
        "records_before_truncation": len(lines),
        "uncompressed_bytes": len(data),
        "compressed_bytes_full": len(compressed),
        "bytes_kept": kept,
        "fraction_kept": TRUNCATE_FRACTION,
        "complete_lines_recoverable": prefix_lines(compressed[:kept]),
        "compressor": how,
        "note": ("truncated stream: the file holds only the first "
                 f"{TRUNCATE_FRACTION:.0%} of the compressed bytes, so the records "
                 "after the cut are lost; a reader sees an unexpected end of stream "
                 "(complete_lines_recoverable is what a streaming decoder yields "
                 "before the error; the line after them may be cut)"),
    }


def build_salted(texts: list[Text], outdir: Path, records: int, seed: int,
                 max_doc_bytes: int) -> dict:
    cap = min(GOOD_TEXT_CAP_BYTES, max_doc_bytes)
    files = {"part-000.jsonl": write_salted_part(
        texts, outdir / "part-000.jsonl", records, seed, cap, max_doc_bytes)}
    position = records
    skipped = {}
    for name, compress, prefix in (("part-001.jsonl.gz", gzip_compress, gzip_prefix_lines),
                                   ("part-002.jsonl.zst", zstd_compress, zstd_prefix_lines)):
        lines = good_lines(texts, position, COMPRESSED_PART_RECORDS, cap)
        position += COMPRESSED_PART_RECORDS
        info = write_truncated_part(outdir / name, lines, compress, prefix)
        if info is None:
            (outdir / name).unlink(missing_ok=True)  # no stale file from an earlier run
            skipped[name] = "zstd not available (no zstandard module, no zstd command)"
            print(f"skipping {name}: {skipped[name]}")
        else:
            info["first_id"] = json.loads(lines[0])["id"]
            files[name] = info
    lines = good_lines(texts, position, PLAIN_PART_RECORDS, cap)
    files["part-003.jsonl"] = write_plain_part(outdir / "part-003.jsonl", lines)
    files["part-003.jsonl"]["first_id"] = json.loads(lines[0])["id"]
    return {
        "generator": "scripts/build_bench_corpus.py salted",
        "seed": seed,
        "records": records,
        "max_doc_bytes": max_doc_bytes,
        "good_text_cap_bytes": cap,
        "texts_in_cycle": len(texts),
        "line_numbers": "1-based",
        "files": files,
        "skipped": skipped,
    }


def print_salted_summary(outdir: Path, manifest: dict) -> None:
    print(f"wrote {outdir} (seed {manifest['seed']}, max_doc_bytes {manifest['max_doc_bytes']})")
    for name, info in manifest["files"].items():
        if "bad" in info:
            kinds = ", ".join(f"{k} {v['count']}" for k, v in info["bad"].items())
            print(f"  {name}: {info['lines']} lines, {info['good_records']} good, "
                  f"{info['bad_records']} bad ({kinds}), {info['bytes']} bytes")
        elif "records_before_truncation" in info:
            print(f"  {name}: {info['records_before_truncation']} records before truncation, "
                  f"kept {info['bytes_kept']} of {info['compressed_bytes_full']} compressed "
                  f"bytes, {info['complete_lines_recoverable']} complete lines recoverable")
        else:
            print(f"  {name}: {info['lines']} good records, {info['bytes']} bytes")
    print("  MANIFEST.json")


def manifest_json(value, indent: str = "") -> str:
    """JSON with 2-space indentation, but lists of plain values on one line."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json_str(k)}: {manifest_json(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        items = [inner + manifest_json(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def run_salted(args: argparse.Namespace) -> None:
    if args.records < 1 or args.max_doc_bytes < 1:
        sys.exit("error: --records and --max-doc-bytes must be positive")
    texts = load_texts(args.devdata)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = build_salted(texts, outdir, args.records, args.seed, args.max_doc_bytes)
    manifest_text = manifest_json(manifest) + "\n"
    (outdir / "MANIFEST.json").write_text(manifest_text, encoding="utf-8")
    print_salted_summary(outdir, manifest)


# ---------------------------------------------------------------- command line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--devdata", type=Path, default=default_devdata(),
                        help="development data folder (default: %(default)s)")
    parser = argparse.ArgumentParser(
        description="Build a large JSONL benchmark corpus, or a 'salted' directory "
                    "with known bad records, from the development data.",
        epilog="examples:\n"
               "  %(prog)s corpus /tmp/bench/corpus.jsonl\n"
               "  %(prog)s corpus /tmp/small.jsonl --bytes 50000000\n"
               "  %(prog)s salted /tmp/bench/salted --records 20000 --seed 1\n"
               "Write outputs outside the repository: some datasets may not be "
               "copied into it.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="{corpus,salted}")

    corpus = sub.add_parser(
        "corpus", parents=[common],
        help="write one large JSONL file cycling through all texts",
        description="Cycle through all development texts in sorted order, writing "
                    '{"id","source","text"} records until at least --bytes bytes are '
                    "written. Writes OUT.tmp, then renames it to OUT.")
    corpus.add_argument("out", metavar="OUT.jsonl", help="output file")
    corpus.add_argument("--bytes", type=int, default=DEFAULT_CORPUS_BYTES,
                        help="minimum bytes to write (default: %(default)s)")
    corpus.set_defaults(run=run_corpus)

    salted = sub.add_parser(
        "salted", parents=[common],
        help="write part-000..003 with known bad records and a MANIFEST.json",
        description="Write OUTDIR/part-000.jsonl (records with 1% of each bad kind: "
                    f"{', '.join(BAD_KINDS)}), part-001.jsonl.gz and part-002.jsonl.zst "
                    "(truncated to 60% of their compressed bytes), part-003.jsonl "
                    "(all good) and MANIFEST.json describing them.")
    salted.add_argument("outdir", metavar="OUTDIR", help="output directory")
    salted.add_argument("--records", type=int, default=DEFAULT_SALTED_RECORDS,
                        help="lines in part-000.jsonl (default: %(default)s)")
    salted.add_argument("--seed", type=int, default=1,
                        help="seed for the positions of bad records (default: %(default)s)")
    salted.add_argument("--max-doc-bytes", type=int, default=DEFAULT_MAX_DOC_BYTES,
                        help="oversize records have texts longer than this many UTF-8 "
                             "bytes (default: %(default)s)")
    salted.set_defaults(run=run_salted)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
