#!/usr/bin/env python3
"""Scores the `mojibake` stage on ../shared/devdata/mojibake/cldr-cases.jsonl beside ftfy's
fix_encoding, run on the same cases in the same run, on both halves of the set.

Usage: scripts/eval_mojibake.py [--no-build] [--cases PATH] [--shared DIR] [--json OUT]

The halves (issue 17): a case is in the check half when the first byte of sha1(lang) is
below 86, else in the tune half. Rules are found and debugged on tune cases only; the check
half is reported as a whole.

Scores: `exact` is the share of lossless positives (kind not `neg_*` or `sloppy_*`) whose
repair equals `expected`; `sloppy_fffd` is scored exactly too; for `sloppy_drop` the U+FFFD
of `expected` are not judged (the text around them is). Negatives (`neg_*`) must come out
unchanged. Tables are the `codec` field.

unscrape runs as users run it: `unscrape clean --stages mojibake --jobs 1` over a JSONL of
the cases (its CPU time is the child's user + sys); ftfy runs in target/peers-venv (made by
scripts/peers_venv.sh), CPU time of fix_encoding alone. Prints the tables; --json writes
them. Needs ../shared/devdata; says so and exits 2 when it is missing."""
import argparse
import collections
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FTFY = r"""
import json, sys, time, ftfy
cases = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
t0 = time.process_time()
out = [ftfy.fix_encoding(c["text"]) for c in cases]
dt = time.process_time() - t0
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for c, text in zip(cases, out):
        f.write(json.dumps({"id": c["id"], "text": text}, ensure_ascii=False) + "\n")
print(dt)
"""


def half_of(lang):
    return "check" if hashlib.sha1(lang.encode("utf-8")).digest()[0] < 86 else "tune"


def is_negative(case):
    return case["kind"].startswith("neg_")


def correct(case, got):
    if case["kind"] == "sloppy_drop":
        return got.replace("\ufffd", "") == case["expected"].replace("\ufffd", "")
    return got == case["expected"]


def run_unscrape(binary, inp, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "clean", "--stages", "mojibake", "--jobs", "1", "-q", inp, "-o", out],
                   check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def read_outputs(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r["text"] for r in map(json.loads, f)}


def table(cases, outputs, tool):
    """Per half: positives exact by kind and by table, negatives changed."""
    rows = collections.defaultdict(lambda: [0, 0])
    for case in cases:
        got = outputs[tool][case["id"]]
        half = half_of(case["lang"])
        if is_negative(case):
            for key in ("negatives changed", f"changed {case['kind']}"):
                rows[(half, key)][0] += got != case["original"]
                rows[(half, key)][1] += 1
            continue
        ok = correct(case, got)
        keys = [f"kind {case['kind']}"]
        if not case["lossy"]:
            keys += ["lossless positives", f"table {case['codec']}"]
        for key in keys:
            rows[(half, key)][0] += ok
            rows[(half, key)][1] += 1
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--cases")
    ap.add_argument("--json")
    ap.add_argument("--peers", default="ftfy", help="ftfy (default) or none")
    args = ap.parse_args()
    path = args.cases or os.path.join(args.shared, "devdata", "mojibake", "cldr-cases.jsonl")
    if not os.path.exists(path):
        sys.exit(f"eval_mojibake: {path} not found (../shared/devdata is not on this machine)")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with open(path, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f]
    work = tempfile.mkdtemp(prefix="eval-mojibake-")
    inp = os.path.join(work, "in.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps({"id": case["id"], "text": case["original"]}, ensure_ascii=False) + "\n")
    outputs, cpu = {}, {}
    binary = os.path.join(ROOT, "target", "release", "unscrape")
    cpu["unscrape"] = run_unscrape(binary, inp, os.path.join(work, "unscrape.jsonl"))
    outputs["unscrape"] = read_outputs(os.path.join(work, "unscrape.jsonl"))
    if args.peers == "ftfy":
        python = os.path.join(ROOT, "target", "peers-venv", "bin", "python")
        if not os.path.exists(python):
            sys.exit("eval_mojibake: no target/peers-venv: run scripts/peers_venv.sh (or --peers none)")
        done = subprocess.run([python, "-c", FTFY, inp, os.path.join(work, "ftfy.jsonl")],
                              check=True, capture_output=True, text=True)
        cpu["ftfy"] = float(done.stdout.strip())
        outputs["ftfy"] = read_outputs(os.path.join(work, "ftfy.jsonl"))
    tables = {tool: table(cases, outputs, tool) for tool in outputs}
    keys = sorted({k for t in tables.values() for k in t}, key=lambda k: (k[0] != "check", k[1]))
    print(f"{'half':6s} {'what':28s} " + " ".join(f"{tool:>16s}" for tool in tables))
    for key in keys:
        cells = []
        for tool in tables:
            ok, n = tables[tool].get(key, (0, 0))
            cells.append(f"{ok:5d}/{n:<5d}{100 * ok / max(n, 1):5.1f}%")
        print(f"{key[0]:6s} {key[1]:28s} " + " ".join(cells))
    for tool, seconds in cpu.items():
        print(f"CPU {tool}: {seconds:.3f} s")
    if "ftfy" in cpu:
        print(f"unscrape is {cpu['ftfy'] / max(cpu['unscrape'], 1e-9):.1f}x ftfy fix_encoding "
              "(unscrape: whole process; ftfy: fix_encoding alone)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"cpu_seconds": cpu, "tables": {tool: {f"{h}|{w}": v for (h, w), v in t.items()}
                                                       for tool, t in tables.items()}}, f, indent=1)


if __name__ == "__main__":
    main()
