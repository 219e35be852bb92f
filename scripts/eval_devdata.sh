#!/usr/bin/env bash
# Scores unscrape's cleaning of the devdata text dumps against each dataset's gold, with
# ../shared/eval/score.py (F1 over 4-gram shingles, plus glued/doubled token counts).
#
#   scripts/eval_devdata.sh [article|fullpage|gold]...   (default: article fullpage gold)
#
# article/fullpage: ../shared/devdata/dumps/<dataset>/<kind>/*.txt, cleaned, scored against
# ../shared/devdata/<dataset>/*.txt with score.py's metric (four decimals), beside the
# baseline (the dump as it is).
# gold: the gold files themselves, cleaned; prints the share of their \w+ tokens that
# survive (multiset), per dataset. Needs ../shared/devdata (not in the repository: its
# licences do not all allow copying); says so and exits 0 when it is missing.
# UNSCRAPE_ARGS passes options to `unscrape clean` (e.g. "--stages unicode,quotes").
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
if [ ! -d "$shared/devdata" ]; then
  echo "no $shared/devdata here: nothing to evaluate" >&2
  exit 0
fi
cargo build --release --quiet
bin=target/release/unscrape
out=${OUT:-target/eval}
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(article fullpage gold)
for kind in "${kinds[@]}"; do
  for dataset in readability l3s-gn1 cleaneval cleanportaleval dragnet; do
    gold=$shared/devdata/$dataset
    rm -rf "$out/$kind/$dataset"; mkdir -p "$out/$kind/$dataset"
    if [ "$kind" = gold ]; then
      src=$gold
      files=$(ls "$src"/*.txt | grep -v '\.comments\.txt$')
    else
      src=$shared/devdata/dumps/$dataset/$kind
      files=$(ls "$src"/*.txt)
    fi
    # shellcheck disable=SC2086
    $bin clean ${UNSCRAPE_ARGS:-} $files -o "$out/$kind/$dataset/"
    if [ "$kind" = gold ]; then
      python3 - "$gold" "$out/$kind/$dataset" "$dataset" <<'PY'
import collections, html, os, re, sys
gold, pred, name = sys.argv[1:4]
tok = re.compile(r"\w+")
kept = total = kept_decoded = total_decoded = 0
for n in os.listdir(gold):
    if not n.endswith(".txt") or n.endswith(".comments.txt"):
        continue
    text = open(os.path.join(gold, n), encoding="utf-8").read()
    p_path = os.path.join(pred, n)
    p = collections.Counter(tok.findall(open(p_path, encoding="utf-8").read())) if os.path.exists(p_path) else collections.Counter()
    for source, is_decoded in ((text, False), (html.unescape(text), True)):
        g = collections.Counter(tok.findall(source))
        k = sum(min(c, p[t]) for t, c in g.items())
        if is_decoded:
            kept_decoded += k; total_decoded += sum(g.values())
        else:
            kept += k; total += sum(g.values())
# "entities decoded": the gold's own leftover HTML entities (&#039;) decoded first, as the
# unicode stage does; their digits are not words of the text.
print(f"gold {name:16} tokens kept {kept}/{total} = {kept / max(total, 1):.4f}"
      f"   (gold entities decoded: {kept_decoded / max(total_decoded, 1):.4f})")
PY
    else
      python3 - "$shared/eval" "$gold" "$src" "$out/$kind/$dataset" "$kind" "$dataset" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import score  # ../shared/eval/score.py, imported for four decimals
gold, before, after, kind, name = sys.argv[2:7]
g = score.load(gold)
a, b = score.score(g, score.load(before)), score.score(g, score.load(after))
print(f"{kind:8} {name:16} F1 {a['f1']:.4f} -> {b['f1']:.4f} ({b['f1'] - a['f1']:+.4f})  "
      f"P {a['precision']:.4f} -> {b['precision']:.4f}  R {a['recall']:.4f} -> {b['recall']:.4f} "
      f"({b['recall'] - a['recall']:+.4f})  glued {a['glued']} -> {b['glued']}")
PY
    fi
  done
done
