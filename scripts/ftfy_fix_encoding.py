#!/usr/bin/env python3
"""CPU time of ftfy's fix_encoding over text, for the ratio with unscrape's mojibake stage.

Usage: ftfy_fix_encoding.py LABEL PATH...   (files, or folders of .txt files)
Prints LABEL, documents, MB and MB/s of fix_encoding alone (reading excluded).
Run with a Python that has ftfy (scripts/bench_peers.sh makes target/peers-venv)."""
import os
import sys
import time

import ftfy

label, paths = sys.argv[1], sys.argv[2:]
texts = []
for path in paths:
    names = sorted(os.path.join(path, n) for n in os.listdir(path) if n.endswith(".txt")) \
        if os.path.isdir(path) else [path]
    for name in names:
        texts.append(open(name, "rb").read().decode("utf-8", "replace"))
size = sum(len(t.encode("utf-8")) for t in texts)
t0 = time.process_time()
for text in texts:
    ftfy.fix_encoding(text)
dt = max(time.process_time() - t0, 1e-9)
print(f"ftfy fix_encoding {label}: {len(texts)} documents, {size / 1e6:.1f} MB, "
      f"{dt:.2f} s CPU, {size / 1e6 / dt:.2f} MB/s")
