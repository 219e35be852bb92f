#!/usr/bin/env python3
"""Build data/words/en.tsv.gz, the English word-frequency list used by the
`joined_tokens` stage (word segmentation of glued words such as "Russiaand").

Where the data comes from
-------------------------
* Package: `wordsegment` on PyPI, version 1.3.1 (pinned below as
  WORDSEGMENT_VERSION), by Grant Jenks.
* Licence: Apache License 2.0. The LICENSE file in the sdist
  (wordsegment-1.3.1.tar.gz) reads "Copyright 2017 Grant Jenks"; the module
  docstring says "Copyright (c) 2016 by Grant Jenks" and "Original Copyright
  (c) 2008-2009 by Peter Norvig". The wheel ships no LICENSE file, only
  "License: Apache 2.0" in its METADATA.
* File used: `wordsegment/unigrams.txt` inside the package: 333,213 lines of
  "word<TAB>count", lowercase, counts descending. The package says it is the
  333,000 most common words of the Google Web Trillion Word Corpus (Brants &
  Franz), the same list Peter Norvig publishes as count_1w.txt.
  Its SHA-256 is pinned below as UNIGRAMS_SHA256 (the wheel and the sdist
  carry identical copies).

How it is pruned
----------------
1. Keep only words made of the letters a-z (in 1.3.1 that is every line).
2. Sort by count descending, then by word ascending (ties are thus broken
   alphabetically, which makes the cut deterministic).
3. Keep the first 400,000 (--top), or all of them if there are fewer (1.3.1
   has 333,213, so all are kept: the stage needs the rare words too, to know
   that a rare word is a word and not two glued ones).
4. If the gzipped output would exceed --max-gz-bytes (3,000,000 by default),
   raise a count floor: drop whole groups of equal-count words from the
   bottom, keeping the largest prefix that fits. With 1.3.1 nothing is
   dropped: 333,213 words in 2,234,015 bytes.

Output: gzip of UTF-8 lines "word<TAB>count\\n", written with mtime=0 and no
file name in the header, compression level 9, so re-running gives the same
bytes (given the same zlib).

How to re-run
-------------
From the project root:

    python3 scripts/build_wordfreq.py

downloads wordsegment==1.3.1 with `python3 -m pip download --no-deps` into a
temporary directory (PyPI access needed) and writes data/words/en.tsv.gz.
To work offline, pass an already downloaded package, or the file itself:

    python3 scripts/build_wordfreq.py /path/to/wordsegment-1.3.1-py2.py3-none-any.whl
    python3 scripts/build_wordfreq.py /path/to/wordsegment-1.3.1.tar.gz
    python3 scripts/build_wordfreq.py /path/to/unigrams.txt   # or an unpacked dir

Options: --top N, --max-gz-bytes N, --out PATH, --no-verify (accept a
unigrams.txt whose SHA-256 differs from the pinned one). Standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import NoReturn

WORDSEGMENT_VERSION = "1.3.1"
UNIGRAMS_SHA256 = "fd27e15b83ee7a55d8e17731a397eb4d389cbe2afd1c26afcba8ee2634c0a6d5"
MEMBER = "wordsegment/unigrams.txt"
DEFAULT_TOP = 400_000
DEFAULT_MAX_GZ_BYTES = 3_000_000
WORD_RE = re.compile(r"[a-z]+")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = PROJECT_ROOT / "data" / "words" / "en.tsv.gz"


def die(msg: str) -> NoReturn:
    print(f"build_wordfreq: error: {msg}", file=sys.stderr)
    sys.exit(1)


def download_package(dest: Path) -> Path:
    """Fetch the pinned wordsegment release from PyPI into `dest`."""
    cmd = [
        sys.executable, "-m", "pip", "download",
        f"wordsegment=={WORDSEGMENT_VERSION}",
        "--no-deps", "--disable-pip-version-check", "-d", str(dest),
    ]
    print("running:", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    found = sorted(p for p in dest.iterdir() if p.name.startswith("wordsegment-"))
    if not found:
        die(f"pip download left no wordsegment archive in {dest}")
    return found[0]


def read_unigrams(path: Path) -> bytes:
    """Return the raw bytes of unigrams.txt from a wheel, an sdist, a
    directory (unpacked package or project) or the file itself."""
    if path.is_dir():
        for cand in (path / MEMBER, path / "unigrams.txt",
                     *sorted(path.glob("*/" + MEMBER))):
            if cand.is_file():
                return cand.read_bytes()
        die(f"no {MEMBER} under {path}")
    if not path.is_file():
        die(f"{path} does not exist")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(MEMBER)]
            if not names:
                die(f"no {MEMBER} in {path}")
            return zf.read(min(names, key=len))
    if tarfile.is_tarfile(path):
        with tarfile.open(path) as tf:
            members = [m for m in tf.getmembers()
                       if m.isfile() and m.name.endswith(MEMBER)]
            if not members:
                die(f"no {MEMBER} in {path}")
            f = tf.extractfile(min(members, key=lambda m: len(m.name)))
            assert f is not None
            return f.read()
    return path.read_bytes()  # assume it is unigrams.txt itself


def parse(raw: bytes) -> tuple[list[tuple[str, int]], int, int]:
    """Parse "word\\tcount" lines; return (kept, total_lines, dropped)."""
    kept: dict[str, int] = {}
    total = dropped = 0
    for lineno, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        total += 1
        try:
            word, count_s = line.split("\t")
            count = int(count_s)
        except ValueError:
            die(f"unigrams.txt line {lineno}: not 'word<TAB>count': {line!r}")
        if not WORD_RE.fullmatch(word) or count <= 0:
            dropped += 1
            continue
        # Duplicates do not occur in 1.3.1; if they ever do, keep the larger.
        kept[word] = max(count, kept.get(word, 0))
    rows = sorted(kept.items(), key=lambda wc: (-wc[1], wc[0]))
    return rows, total, dropped


def encode(rows: list[tuple[str, int]]) -> bytes:
    text = "".join(f"{w}\t{c}\n" for w, c in rows).encode("utf-8")
    buf = io.BytesIO()
    # filename="" and mtime=0 keep the gzip header free of run-specific data.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf,
                       compresslevel=9, mtime=0) as gz:
        gz.write(text)
    return buf.getvalue()


def prune(rows: list[tuple[str, int]], top: int, max_gz: int
          ) -> tuple[list[tuple[str, int]], bytes]:
    rows = rows[:top]
    data = encode(rows)
    if len(data) <= max_gz:
        return rows, data
    # Raise the count floor: cut only at boundaries between different counts,
    # binary-searching the largest prefix whose gzip fits.
    bounds = [i for i in range(1, len(rows) + 1)
              if i == len(rows) or rows[i][1] != rows[i - 1][1]]
    lo, hi = 0, len(bounds) - 1  # invariant: bounds[hi] is too big
    best = b""
    best_n = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        cand = encode(rows[:bounds[mid]])
        if len(cand) <= max_gz:
            best, best_n, lo = cand, bounds[mid], mid + 1
        else:
            hi = mid - 1
    if not best_n:
        die(f"cannot fit any words in {max_gz} gzipped bytes")
    return rows[:best_n], best


def main() -> None:
    ap = argparse.ArgumentParser(
        description="Build data/words/en.tsv.gz from wordsegment's unigrams.txt.")
    ap.add_argument("source", nargs="?", type=Path,
                    help="wordsegment wheel/sdist, unpacked dir, or unigrams.txt "
                         f"(default: pip download wordsegment=={WORDSEGMENT_VERSION})")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--top", type=int, default=DEFAULT_TOP)
    ap.add_argument("--max-gz-bytes", type=int, default=DEFAULT_MAX_GZ_BYTES)
    ap.add_argument("--no-verify", action="store_true",
                    help="do not require the pinned SHA-256 of unigrams.txt")
    args = ap.parse_args()

    if args.source is None:
        with tempfile.TemporaryDirectory(prefix="wordsegment-") as tmp:
            raw = read_unigrams(download_package(Path(tmp)))
    else:
        raw = read_unigrams(args.source)

    digest = hashlib.sha256(raw).hexdigest()
    if digest != UNIGRAMS_SHA256:
        msg = (f"unigrams.txt SHA-256 is {digest}, expected {UNIGRAMS_SHA256} "
               f"(wordsegment {WORDSEGMENT_VERSION})")
        if not args.no_verify:
            die(msg + "; pass --no-verify to accept it")
        print("warning: " + msg, file=sys.stderr)

    rows, total, dropped = parse(raw)
    kept, data = prune(rows, args.top, args.max_gz_bytes)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = args.out.with_name(args.out.name + ".tmp")
    tmp_out.write_bytes(data)
    os.replace(tmp_out, args.out)

    print(f"source lines: {total}; dropped (not a-z): {dropped}; "
          f"a-z words: {len(rows)}", file=sys.stderr)
    print(f"wrote {args.out}: {len(kept)} words, {len(data)} bytes gzipped, "
          f"count floor {kept[-1][1]}", file=sys.stderr)
    for rank in sorted({1, 1000, 10000, 50000, len(kept)}):
        if rank <= len(kept):
            w, c = kept[rank - 1]
            print(f"  rank {rank}: {w}\t{c}", file=sys.stderr)


if __name__ == "__main__":
    main()
