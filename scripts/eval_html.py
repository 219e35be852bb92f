#!/usr/bin/env python3
"""Scores HTML article extraction on the devdata datasets, unscrape beside its peers, on the
tune and check halves of each dataset.

Usage:
  scripts/eval_html.py [--datasets a,b,...] [--peers p,q,...|none] [--reuse-peers]
                       [--no-build] [--baseline BIN] [--per-doc-tune DATASET]
                       [--bootstrap N]

  --datasets      readability, l3s-gn1, cleaneval, cleanportaleval, dragnet, wcxb, zh-wce,
                  canola, big9 (default: all). The trafilatura dataset has no gold text: it is
                  scored by scripts/eval_trafilatura.py instead.
  --peers         trafilatura, readability-lxml (Python, run with target/peers-venv/bin/python
                  $SHARED/eval/peers.py; set up by scripts/peers_venv.sh), rs-trafilatura,
                  dom_smoothie (Rust, tools/peers-rs/target/release/peers-rs; build with
                  `cargo build --release --manifest-path tools/peers-rs/Cargo.toml`).
                  Default: these four; `none` scores unscrape alone. Also available:
                  dom_smoothie-formatted (its TextMode::Formatted: line breaks between blocks,
                  where the default text mode glues adjacent blocks' words).
  --reuse-peers   keep a peer's earlier outputs when its folder exists (the peers do not change
                  between runs of unscrape); unscrape is always run again.
  --no-build      use target/release/unscrape as it is (default: `cargo build --release`
                  first). Either way the binary is copied to target/eval/unscrape.bin and the
                  copy is run, so one run scores one build.
  --baseline BIN  also run BIN (an earlier unscrape build) as "unscrape-base" in the same run.
  --per-doc-tune DATASET
                  also print per-page scores of DATASET's tune pages (never its check pages),
                  worst first by unscrape's precision + recall, with each peer's per-page F1
                  (and the page type, for wcxb).

  --bootstrap N   also print, for each half of wcxb, per page type and pooled, the difference
                  of word_f1 between unscrape and each peer with its 95% interval from N
                  paired bootstrap resamples of the pages (seed 1): a gap inside its interval
                  is not shown by the pages. Figures over a half as a whole only.

Environment: SHARED (default ../shared beside the repository root) holds devdata/ and
eval/score.py; UNSCRAPE_ARGS passes extra options to `unscrape clean`, which runs on one thread
(`--jobs 1`, as the peers do) unless they say otherwise.

Pages are SHARED/devdata/<dataset>/<id>.html or <id>.html.gz, their gold <id>.txt beside them
(<id>.comments.txt is not gold); wcxb's <id>.meta.json gives the page type.
SHARED/devdata/check-ids.tsv (dataset, id) names the check pages; all other pages are tune
pages. Rules are found on tune pages; the check half is only ever reported as a whole (per
dataset and wcxb page type), so this script never prints a check page's own scores.

Outputs: target/eval/<tool>/<dataset>/<id>.txt (unscrape writes <id>.html.txt for a .html.gz
page: ids are normalized), with <dataset>.run.json (CPU time, pages) and <dataset>.stderr.log
beside each folder. Printed, for each half: shingle F1 per dataset and tool (score.py's metric:
macro precision and recall over 4-gram shingles, F1 of the two; its functions are imported,
not copied), wcxb word_f1, and the count of empty outputs (no \\w+ token) on pages whose gold
is not empty; then wcxb word_f1 per page type (tune, check, and pooled over all its pages), and
pages per CPU-second of each tool (the child process's user + system time, from
getrusage(RUSAGE_CHILDREN) deltas, so process start-up and file reading count; "work" is the
tool's own figure for its extraction calls alone, when it prints one). Everything printed,
plus precision, recall and pooled figures for every dataset, goes to target/eval/summary.json.

Needs SHARED/devdata (not in the repository); says so and exits 0 when it is missing.
"""
import argparse
import functools
import importlib.util
import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.abspath(os.environ.get("SHARED") or os.path.join(ROOT, "..", "shared"))
DEVDATA = os.path.join(SHARED, "devdata")
EVAL = os.path.join(ROOT, "target", "eval")
UNSCRAPE = os.path.join(ROOT, "target", "release", "unscrape")
# The binary is copied here before the run, so that a build during the run (the target folder
# is shared) cannot mix two versions in one summary.
UNSCRAPE_COPY = os.path.join(EVAL, "unscrape.bin")
# --baseline: an earlier build, copied here before the run.
BASELINE = None
VENV_PYTHON = os.path.join(ROOT, "target", "peers-venv", "bin", "python")
PEERS_RS = os.path.join(ROOT, "tools", "peers-rs", "target", "release", "peers-rs")

DATASETS = ["readability", "l3s-gn1", "cleaneval", "cleanportaleval", "dragnet", "wcxb",
            "zh-wce", "canola", "big9"]
PY_PEERS = ["trafilatura", "readability-lxml"]
RS_PEERS = ["rs-trafilatura", "dom_smoothie", "dom_smoothie-formatted"]
PEERS = PY_PEERS + RS_PEERS[:2]  # the default
HALVES = ["tune", "check"]
# A tool's own report of its extraction time: "... N docs, X MB in Y cpu-s: ..."
WORK_TIME = re.compile(r"(\d+) docs, [\d.]+ MB in ([\d.]+) cpu-s")
# peers-rs's report of a page that failed: "TOOL: ID: error: ..." or "TOOL: ID: panic: ..."
FAILURE = r"^{}: (.+?): (?:error|panic): "


def load_score():
    """score.py's module: its functions are the metric. Its per-page functions are memoized
    (score() looks them up in the module), so that a page scored in several groupings (its half,
    all pages, its page type) is scored once."""
    path = os.path.join(SHARED, "eval", "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("tp_fp_fn", "artifacts", "word_f1"):
        setattr(module, name, functools.lru_cache(maxsize=None)(getattr(module, name)))
    return module


def page_id(name):
    """The page id of a page or output file name, or None: <id>.html, <id>.html.gz,
    <id>.txt, <id>.html.txt, <id>.html.gz.txt."""
    for suffix in (".html.gz.txt", ".html.txt", ".htm.txt", ".html.gz", ".html", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def pages(dataset):
    """{id: path} of the dataset's HTML pages."""
    folder = os.path.join(DEVDATA, dataset)
    return {page_id(n): os.path.join(folder, n) for n in sorted(os.listdir(folder))
            if n.endswith((".html", ".html.gz"))}


def check_ids():
    """{dataset: set of check ids} from check-ids.tsv."""
    halves = {}
    with open(os.path.join(DEVDATA, "check-ids.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            if line.strip():
                dataset, pid = line.rstrip("\n").split("\t")[:2]
                halves.setdefault(dataset, set()).add(pid)
    return halves


def load_outputs(folder):
    """{id: {"articleBody": text}} of a tool's output folder (searched recursively)."""
    data = {}
    for dirpath, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".txt"):
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    data[page_id(name)] = {"articleBody": f.read()}
    return data


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_timed(cmd, log):
    """Runs cmd with stderr to `log`; returns (exit code, child CPU seconds, stderr)."""
    before = cpu_children()
    with open(log, "w", encoding="utf-8") as err:
        code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT).returncode
    cpu = cpu_children() - before
    with open(log, encoding="utf-8", errors="replace") as f:
        return code, cpu, f.read()


def run_tool(tool, dataset, paths, reuse):
    """Runs `tool` over the dataset's pages into target/eval/<tool>/<dataset>; returns the run's
    record (pages, cpu, work cpu, exit code, ids of the pages that failed, reused). With
    `reuse`, an earlier run is kept when its folder and its record exist and it exited with 0
    (the outputs are written to a temporary folder, renamed at the end)."""
    out = os.path.join(EVAL, tool, dataset)
    meta = out + ".run.json"
    if reuse and os.path.isdir(out) and os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            record = {"failed": [], **json.load(f)}
        if record.get("exit_code") == 0 and record.get("pages") == len(paths):
            record["reused"] = True
            return record
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    if tool in ("unscrape", "unscrape-base"):
        extra = shlex.split(os.environ.get("UNSCRAPE_ARGS", ""))
        # One thread, as the peers run: CPU-seconds then compare like with like (idle
        # worker threads spin a little before they sleep).
        if not any(a in ("-j", "--jobs") or a.startswith("--jobs=") for a in extra):
            extra = ["--jobs", "1", *extra]
        binary = UNSCRAPE_COPY if tool == "unscrape" else BASELINE
        cmd = [binary, "clean", "--quiet", *extra, *sorted(paths.values()), "-o", tmp + "/"]
    elif tool in PY_PEERS:
        cmd = [VENV_PYTHON, os.path.join(SHARED, "eval", "peers.py"), tool,
               os.path.join(DEVDATA, dataset), tmp]
    else:
        cmd = [PEERS_RS, tool, os.path.join(DEVDATA, dataset), tmp]
    print(f"  {tool:22s} {dataset:16s}", end="", file=sys.stderr, flush=True)
    t0 = time.time()
    code, cpu, err = run_timed(cmd, out + ".stderr.log")
    m = WORK_TIME.search(err)
    print(f" {cpu:7.1f} cpu-s {time.time() - t0:7.1f} s", file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    failed = set(re.findall(FAILURE.format(re.escape(tool)), err, re.M)) & set(paths)
    record = {"pages": len(paths), "cpu": cpu, "work_cpu": float(m.group(2)) if m else None,
              "exit_code": code, "failed": sorted(failed)}
    with open(meta, "w", encoding="utf-8") as f:
        json.dump(record, f)
    record["reused"] = False
    return record


def is_empty(score, text):
    return not score.tokens(text)


def summarize(score, gold, pred):
    """score.py's figures (per_doc dropped) plus the count of empty outputs on non-empty gold."""
    s = score.score(gold, pred)
    s.pop("per_doc")
    s["empty"] = sum(1 for k, v in gold.items()
                     if not is_empty(score, v.get("articleBody", ""))
                     and is_empty(score, (pred.get(k) or {}).get("articleBody", "")))
    return s


def table(title, head, rows):
    """Prints an aligned table: the first column left-aligned, the others right-aligned."""
    cells = [head] + rows
    widths = [max(len(str(r[i])) for r in cells) for i in range(len(head))]
    print(f"\n{title}")
    for n, r in enumerate(cells):
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def fmt(x, digits=3):
    return "" if x is None else f"{x:.{digits}f}"


def per_doc_tune(score, dataset, gold, preds, tools):
    """Per-page scores of the tune pages only: unscrape's P, R, F1 and word_f1, each peer's F1."""
    def doc_f1(true, out):
        t = score.tp_fp_fn(true, out)
        p, r = score.precision(*t), score.recall(*t)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    typed = any("page_type" in v for v in gold.values())
    rows = []
    for key, item in gold.items():
        true = item.get("articleBody", "")
        outs = {t: (preds[t].get(key) or {}).get("articleBody", "") for t in tools}
        p, r, f = doc_f1(true, outs["unscrape"])
        row = [key] + ([item.get("page_type", "")] if typed else [])
        row += [fmt(p), fmt(r), fmt(f), fmt(score.word_f1(true, outs["unscrape"]))]
        row += [fmt(doc_f1(true, outs[t])[2]) for t in tools if t != "unscrape"]
        rows.append((p + r, row))
    rows.sort(key=lambda x: (x[0], x[1][0]))
    head = ["id"] + (["type"] if typed else []) + ["P", "R", "F1", "word_f1"]
    head += [f"{t} F1" for t in tools if t != "unscrape"]
    table(f"{dataset}: tune pages, worst first (unscrape's P, R, F1, word_f1; peers' F1)",
          head, [r for _, r in rows])


def bootstrap_table(score, halves, preds, tools, resamples):
    """Per half of wcxb, per page type and pooled: unscrape's word_f1 minus each peer's,
    with the 2.5th and 97.5th percentiles of that mean over paired resamples of the pages."""
    import random
    peers = [t for t in tools if t != "unscrape"]
    if not peers:
        return
    for half in HALVES:
        part = halves[half]
        f1 = {t: {k: score.word_f1(v.get("articleBody", ""),
                                   (preds[t].get(k) or {}).get("articleBody", "") or "")
                  for k, v in part.items()} for t in tools}
        groups = {}
        for k, v in part.items():
            groups.setdefault(v.get("page_type") or "(none)", []).append(k)
        groups["(pooled)"] = list(part)
        rows = []
        for kind, keys in sorted(groups.items()):
            cells = []
            for peer in peers:
                diffs = [f1["unscrape"][k] - f1[peer][k] for k in keys]
                rng = random.Random(1)
                means = sorted(sum(rng.choice(diffs) for _ in diffs) / len(diffs)
                               for _ in range(resamples))
                low, high = means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]
                cells.append(f"{sum(diffs) / len(diffs):+.3f} [{low:+.3f}, {high:+.3f}]")
            rows.append([kind, len(keys)] + cells)
        table(f"wcxb {half.upper()} half: unscrape word_f1 minus the peer's, 95% interval of "
              f"{resamples} paired resamples", ["page type", "pages"] + peers, rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", default=",".join(DATASETS))
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--reuse-peers", action="store_true")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--per-doc-tune", metavar="DATASET")
    ap.add_argument("--bootstrap", type=int, metavar="N")
    ap.add_argument("--baseline", metavar="BIN",
                    help="also run this unscrape binary (an earlier build) as the tool "
                         "'unscrape-base', to see what a change moved in the same run")
    args = ap.parse_args()

    if not os.path.isdir(DEVDATA):
        print(f"no {DEVDATA} here: nothing to evaluate", file=sys.stderr)
        return 0
    datasets = [d for d in args.datasets.split(",") if d]
    peers = [] if args.peers == "none" else [p for p in args.peers.split(",") if p]
    for d in datasets:
        if d not in DATASETS:
            ap.error(f"unknown dataset {d!r} (trafilatura has no gold text: "
                     f"scripts/eval_trafilatura.py scores it); known: {', '.join(DATASETS)}")
    for p in peers:
        if p not in PY_PEERS + RS_PEERS:
            ap.error(f"unknown peer {p!r}; known: {', '.join(PY_PEERS + RS_PEERS)} or none")
    if args.per_doc_tune and args.per_doc_tune not in datasets:
        ap.error(f"--per-doc-tune {args.per_doc_tune}: not among the datasets evaluated")
    tools = ["unscrape"] + (["unscrape-base"] if args.baseline else []) + peers
    if args.baseline and not os.access(args.baseline, os.X_OK):
        ap.error(f"--baseline {args.baseline}: not an executable")
    if any(p in PY_PEERS for p in peers) and not os.path.exists(VENV_PYTHON):
        sys.exit(f"no {VENV_PYTHON}: run scripts/peers_venv.sh (or pass --peers without "
                 f"{' and '.join(PY_PEERS)})")
    if any(p in RS_PEERS for p in peers) and not os.path.exists(PEERS_RS):
        sys.exit(f"no {PEERS_RS}: run cargo build --release --manifest-path "
                 "tools/peers-rs/Cargo.toml")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    os.makedirs(EVAL, exist_ok=True)
    shutil.copy2(UNSCRAPE, UNSCRAPE_COPY)
    if args.baseline:
        global BASELINE
        BASELINE = os.path.join(EVAL, "unscrape-base.bin")
        shutil.copy2(args.baseline, BASELINE)

    score = load_score()
    checks = check_ids()
    problems = []
    runs = {t: {} for t in tools}
    results = {h: {} for h in HALVES + ["all"]}
    by_type = {h: {} for h in HALVES + ["all"]}
    golds, preds_of = {}, {}
    wcxb_halves = {}
    print("running:", file=sys.stderr)
    for dataset in datasets:
        paths = pages(dataset)
        gold = score.load(os.path.join(DEVDATA, dataset))
        no_gold = sorted(set(paths) - set(gold))
        if no_gold:
            problems.append(f"{dataset}: {len(no_gold)} pages without gold, not scored")
        gold = {k: v for k, v in gold.items() if k in paths}
        unknown = checks.get(dataset, set()) - set(gold)
        if unknown:
            problems.append(f"{dataset}: {len(unknown)} check ids without a page")
        halves = {"check": {k: v for k, v in gold.items() if k in checks.get(dataset, set())},
                  "all": gold}
        halves["tune"] = {k: v for k, v in gold.items() if k not in halves["check"]}
        preds = {}
        for tool in tools:
            reuse = tool not in ("unscrape", "unscrape-base") and args.reuse_peers
            run = run_tool(tool, dataset, paths, reuse)
            if run["exit_code"]:
                problems.append(f"{tool} on {dataset}: exit code {run['exit_code']} "
                                f"(see target/eval/{tool}/{dataset}.stderr.log)")
            # Pages a peer failed on (error or panic: empty output). Tune pages are named,
            # check pages only counted.
            failed = run.pop("failed")
            if failed:
                tune_failed = [k for k in failed if k not in halves["check"]]
                problems.append(f"{tool} on {dataset}: {len(failed)} failed pages (error or panic, "
                                f"empty output), {len(failed) - len(tune_failed)} of them check pages; "
                                f"tune: {' '.join(tune_failed) or '-'}")
            runs[tool][dataset] = run
            preds[tool] = load_outputs(os.path.join(EVAL, tool, dataset))
        for half, part in halves.items():
            results[half][dataset] = {t: summarize(score, part, preds[t]) for t in tools}
            types = sorted({v.get("page_type") for v in part.values()} - {None})
            for kind in types:
                sub = {k: v for k, v in part.items() if v.get("page_type") == kind}
                by_type[half].setdefault(dataset, {})[kind] = {
                    "docs": len(sub), **{t: score.score(sub, preds[t])["word_f1"] for t in tools}}
        golds[dataset], preds_of[dataset] = halves["tune"], preds
        if dataset == "wcxb":
            wcxb_halves = halves

    # Tables: per half, shingle F1 per dataset (wcxb's word_f1 below it), then empty outputs.
    for half in HALVES:
        rows = []
        for d in datasets:
            r = results[half][d]
            rows.append([d, r["unscrape"]["docs"]] + [fmt(r[t]["f1"]) for t in tools])
            if d in by_type[half]:
                rows.append([f"{d} word_f1", r["unscrape"]["docs"]] + [fmt(r[t]["word_f1"]) for t in tools])
        if len(datasets) > 1:
            rows.append(["mean of datasets", sum(results[half][d]["unscrape"]["docs"] for d in datasets)]
                        + [fmt(sum(results[half][d][t]["f1"] for d in datasets) / len(datasets))
                           for t in tools])
        table(f"{half.upper()} half: shingle F1 (score.py)", ["dataset", "pages"] + tools, rows)
        table(f"{half.upper()} half: empty outputs where the gold is not empty",
              ["dataset", "pages"] + tools,
              [[d, results[half][d]["unscrape"]["docs"]] + [results[half][d][t]["empty"] for t in tools]
               for d in datasets])
    for dataset in sorted({d for h in by_type.values() for d in h}):
        for half in HALVES + ["all"]:
            kinds = by_type[half].get(dataset, {})
            rows = [[k, v["docs"]] + [fmt(v[t]) for t in tools] for k, v in kinds.items()]
            r = results[half][dataset]
            rows.append(["(pooled) word_f1", r["unscrape"]["docs"]] + [fmt(r[t]["word_f1"]) for t in tools])
            rows.append(["(pooled) shingle F1", r["unscrape"]["docs"]] + [fmt(r[t]["f1"]) for t in tools])
            name = "ALL pages (tune + check)" if half == "all" else f"{half.upper()} half"
            table(f"{dataset} {name}: word_f1 per page type", ["page type", "pages"] + tools, rows)

    timing = {}
    for tool in tools:
        recs = runs[tool].values()
        timed = [r for r in recs if r.get("cpu") is not None]
        n = sum(r["pages"] for r in timed)
        cpu = sum(r["cpu"] for r in timed)
        worked = [r for r in timed if r.get("work_cpu") is not None]
        work = sum(r["work_cpu"] for r in worked)
        timing[tool] = {"pages": n, "cpu": cpu, "pages_per_cpu_s": n / cpu if cpu else None,
                        "work_cpu": work if worked else None,
                        "work_pages_per_cpu_s": sum(r["pages"] for r in worked) / work if worked and work else None,
                        "reused_runs": sum(1 for r in recs if r.get("reused"))}
    table("Speed: pages per CPU-second (child process user + system; work = extraction calls alone, "
          "as the tool reports it)",
          ["tool", "pages", "cpu-s", "pages/cpu-s", "work cpu-s", "work pages/s", "reused runs"],
          [[t, v["pages"], fmt(v["cpu"], 1), fmt(v["pages_per_cpu_s"], 1), fmt(v["work_cpu"], 1),
            fmt(v["work_pages_per_cpu_s"], 1), v["reused_runs"]] for t, v in timing.items()])

    if args.bootstrap and "wcxb" in datasets:
        bootstrap_table(score, wcxb_halves, preds_of["wcxb"], tools, args.bootstrap)

    if args.per_doc_tune:
        per_doc_tune(score, args.per_doc_tune, golds[args.per_doc_tune], preds_of[args.per_doc_tune], tools)

    if problems:
        print("\nProblems:")
        for p in problems:
            print(f"  {p}")
    try:
        rev = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                             capture_output=True, text=True).stdout.strip()
    except OSError:
        rev = ""
    summary = {"date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "unscrape_revision": rev,
               "unscrape_built": time.strftime("%Y-%m-%dT%H:%M:%S%z",
                                               time.localtime(os.path.getmtime(UNSCRAPE_COPY))),
               "unscrape_args": os.environ.get("UNSCRAPE_ARGS", ""), "shared": SHARED,
               "datasets": datasets, "tools": tools, "results": results,
               "word_f1_by_page_type": by_type, "timing": timing, "runs": runs,
               "problems": problems}
    os.makedirs(EVAL, exist_ok=True)
    with open(os.path.join(EVAL, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    print(f"\nwritten: {os.path.relpath(os.path.join(EVAL, 'summary.json'), ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
