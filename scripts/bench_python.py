#!/usr/bin/env python3
"""Throughput of the Python package against the CLI and against what a Python user calls
today, on the same inputs, in one run (this machine is noisy: compare the ratios).

  text   Cleaner().clean_batch(texts) on every core, against `unscrape clean` on the same
         texts as JSONL (--jobs = cores), and against ftfy.fix_text one text at a time
  html   Cleaner().clean_html_batch(pages) on every core, against
         ftfy.fix_text(trafilatura.extract(page)) one page at a time

Texts: every devdata article dump (../shared/devdata/dumps/*/article), else the bundled
readability dumps. Pages: the devdata HTML pages, else fixtures/html. Each timing is the
median of --runs runs (wall seconds); peers run once (they are slow) unless --peer-runs.

  target/py-venv/bin/python scripts/bench_python.py [--runs 5] [--repeat 4] [--no-peers]
Peers come from the peers venv (target/peers-venv: ftfy, trafilatura) through a
subprocess, so that this venv needs only unscrape.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import unscrape

ROOT = Path(__file__).resolve().parents[1]
DEVDATA = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "devdata"
PEERS_PYTHON = ROOT / "target" / "peers-venv" / "bin" / "python"

PEER_TEXT = """
import ftfy, json, sys, time
texts = json.load(open(sys.argv[1]))
started = time.perf_counter()
for text in texts:
    ftfy.fix_text(text)
print(time.perf_counter() - started)
"""

PEER_HTML = """
import ftfy, json, sys, time, trafilatura
pages = [open(p, "rb").read() for p in json.load(open(sys.argv[1]))]
started = time.perf_counter()
for page in pages:
    ftfy.fix_text(trafilatura.extract(page, include_tables=True) or "")
print(time.perf_counter() - started)
"""


def texts_and_pages():
    dumps = sorted((DEVDATA / "dumps").glob("*/article/*.txt"))
    if dumps:
        texts = [p.read_text(encoding="utf-8") for p in dumps]
        source = f"{len(texts)} devdata article dumps"
    else:
        lines = (ROOT / "fixtures" / "bench" / "readability-dumps.jsonl").read_text(encoding="utf-8")
        texts = [json.loads(line)["text"] for line in lines.splitlines()]
        source = f"{len(texts)} bundled readability dumps (no {DEVDATA})"
    pages = sorted(DEVDATA.glob("*/*.html")) or sorted((ROOT / "fixtures" / "html").glob("*.html"))
    return texts, source, pages


def median_seconds(run, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peer_seconds(script, payload, runs):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(payload, f)
    try:
        return statistics.median(
            float(subprocess.run([str(PEERS_PYTHON), "-c", script, f.name], capture_output=True,
                                 text=True, check=True).stdout)
            for _ in range(runs)
        )
    finally:
        os.unlink(f.name)


def cli_seconds(texts, runs):
    binary = ROOT / "target" / "release" / "unscrape"
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "unscrape"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "texts.jsonl"
        source.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        jobs = str(os.cpu_count())
        command = [str(binary), "clean", "--quiet", "--jobs", jobs, str(source), "-o", str(Path(folder) / "out.jsonl")]
        return median_seconds(lambda: subprocess.run(command, check=True), runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer-runs", type=int, default=1)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--repeat", type=int, default=4,
                        help="use the texts this many times, so that the CLI's start-up is amortized")
    args = parser.parse_args()
    texts, source, pages = texts_and_pages()
    texts = texts * args.repeat
    source += f" x{args.repeat}"
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    cleaner = unscrape.Cleaner()
    cleaner.clean_batch(texts[:10])  # builds the pipeline and loads the word list

    batch = median_seconds(lambda: cleaner.clean_batch(texts), args.runs)
    cli = cli_seconds(texts, args.runs)
    print(f"text: {source}, {megabytes:.1f} MB, {os.cpu_count()} cores, median of {args.runs}")
    print(f"  Cleaner.clean_batch   {megabytes / batch:7.1f} MB/s")
    print(f"  unscrape clean (CLI)  {megabytes / cli:7.1f} MB/s   clean_batch/CLI = {cli / batch:.2f}")
    if not args.no_peers and PEERS_PYTHON.exists():
        ftfy = peer_seconds(PEER_TEXT, texts, args.peer_runs)
        print(f"  ftfy.fix_text         {megabytes / ftfy:7.1f} MB/s   clean_batch is {ftfy / batch:.0f}x")

    page_bytes = [p.read_bytes() for p in pages]
    page_megabytes = sum(map(len, page_bytes)) / 1e6
    html = median_seconds(lambda: cleaner.clean_html_batch(page_bytes), args.runs)
    print(f"html: {len(pages)} pages, {page_megabytes:.1f} MB")
    print(f"  Cleaner.clean_html_batch        {len(pages) / html:7.0f} pages/s {page_megabytes / html:6.1f} MB/s")
    if not args.no_peers and PEERS_PYTHON.exists():
        peer = peer_seconds(PEER_HTML, [str(p) for p in pages], args.peer_runs)
        print(f"  ftfy(trafilatura.extract(page)) {len(pages) / peer:7.0f} pages/s {page_megabytes / peer:6.1f} MB/s"
              f"   clean_html_batch is {peer / html:.0f}x")
    elif not args.no_peers:
        print(f"  (no {PEERS_PYTHON}: peers not run)", file=sys.stderr)


if __name__ == "__main__":
    main()
