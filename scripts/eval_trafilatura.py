#!/usr/bin/env python3
"""Scores unscrape (and, optionally, peers) on trafilatura's evaluation pages.

Each page of ../shared/devdata/trafilatura has hand-picked `with` snippets (must be in the
article text), `without` snippets (navigation, footers, share text: must not be) and often
a reference `title`. This prints, over all pages:

  with     the share of `with` snippets found in the text (goal: at least 95%)
  without  the share of `without` snippets found in the text (goal: at most 5%)
  title    the share of pages with a reference title whose title matches it (goal: 90%)
  comments the share of the reference `comments` snippets (20 pages) found in the
           `comments` field (`--include-comments`), and found in the text (should be none)

Texts and snippets are compared after the same normalization on both sides: NFC, curly
quotes and apostrophes to ASCII (unscrape's default quote policy), whitespace runs to one
space. Titles compare the same way, case-insensitively.

Usage:
  scripts/eval_trafilatura.py [--bin target/release/unscrape] [--peer-dir DIR]... [--misses]
    --peer-dir DIR   also score a folder of <id>.txt outputs (e.g. from
                     ../shared/eval/peers.py trafilatura ../shared/devdata/trafilatura DIR)
    --misses         list every missed `with` snippet, kept `without` snippet and wrong title

Needs ../shared/devdata (not in the repository); says so and exits 0 when it is missing.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})


def normalize(text):
    text = unicodedata.normalize("NFC", text or "").translate(QUOTES)
    return " ".join(text.split())


def load_pages(folder):
    pages = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".segments.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                pages[name[: -len(".segments.json")]] = json.load(f)
    return pages


def run_unscrape(binary, folder, ids):
    with tempfile.TemporaryDirectory() as out:
        target = os.path.join(out, "pages.jsonl")
        files = [os.path.join(folder, i + ".html") for i in ids]
        subprocess.run([binary, "clean", "--quiet", "--include-comments", *files, "-o", target],
                       check=True)
        results = {}
        with open(target, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                page = os.path.basename(record["id"])[: -len(".html")]
                results[page] = (record.get("text", ""), record.get("title"), record.get("comments"))
        return results


def score(name, pages, results, misses):
    found_with = total_with = found_without = total_without = 0
    right_titles = total_titles = 0
    comments_found = comments_in_text = total_comments = 0
    for page, truth in pages.items():
        text, title, comments = results.get(page, ("", None, None))
        text = normalize(text)
        for snippet in truth.get("comments", []) if comments is not None else []:
            total_comments += 1
            comments_found += normalize(snippet) in normalize(comments)
            comments_in_text += normalize(snippet) in text
        for snippet in truth.get("with", []):
            total_with += 1
            if normalize(snippet) in text:
                found_with += 1
            elif misses:
                print(f"  missed   {page}: {snippet[:100]!r}")
        for snippet in truth.get("without", []):
            total_without += 1
            if normalize(snippet) in text:
                found_without += 1
                if misses:
                    print(f"  kept     {page}: {snippet[:100]!r}")
        if truth.get("title") and title is not ...:
            total_titles += 1
            if normalize(title).casefold() == normalize(truth["title"]).casefold():
                right_titles += 1
            elif misses:
                print(f"  title    {page}: {title!r} != {truth['title']!r}")
    line = (f"{name:<12} with {found_with}/{total_with} = {100 * found_with / total_with:.1f}%"
            f"   without {found_without}/{total_without} = "
            f"{100 * found_without / total_without:.1f}%")
    if total_titles:
        line += f"   title {right_titles}/{total_titles} = {100 * right_titles / total_titles:.1f}%"
    if total_comments:
        line += (f"   comments {comments_found}/{total_comments} in the field,"
                 f" {comments_in_text} in the text")
    print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default="target/release/unscrape")
    parser.add_argument("--peer-dir", action="append", default=[])
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--shared", default=os.environ.get("SHARED", "../shared"))
    args = parser.parse_args()
    folder = os.path.join(args.shared, "devdata", "trafilatura")
    if not os.path.isdir(folder):
        print(f"no {folder} here: nothing to evaluate", file=sys.stderr)
        return
    pages = load_pages(folder)
    score("unscrape", pages, run_unscrape(args.bin, folder, list(pages)), args.misses)
    for peer in args.peer_dir:
        results = {}
        for page in pages:
            path = os.path.join(peer, page + ".txt")
            text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            results[page] = (text, ..., None)  # peers' text only: no title, no comments
        score(os.path.basename(peer.rstrip("/")), pages, results, args.misses)


if __name__ == "__main__":
    main()
