#!/usr/bin/env bash
# Scores unscrape's article extraction from the devdata HTML pages against each dataset's
# gold with ../shared/eval/score.py (F1 over 4-gram shingles, precision, recall).
#
#   scripts/eval_html.sh [dataset]...   (default: readability l3s-gn1 cleaneval cleanportaleval dragnet)
#
# Needs ../shared/devdata (not in the repository: its licences do not all allow copying);
# says so and exits 0 when it is missing. UNSCRAPE_ARGS passes options to `unscrape clean`.
# Peers for comparison: ../shared/eval/peers.py trafilatura|readability-lxml SRC OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
if [ ! -d "$shared/devdata" ]; then
  echo "no $shared/devdata here: nothing to evaluate" >&2
  exit 0
fi
cargo build --release --quiet
bin=target/release/unscrape
out=${OUT:-target/eval/html}
datasets=("$@")
[ ${#datasets[@]} -gt 0 ] || datasets=(readability l3s-gn1 cleaneval cleanportaleval dragnet)
for dataset in "${datasets[@]}"; do
  rm -rf "${out:?}/$dataset"; mkdir -p "$out/$dataset"
  # shellcheck disable=SC2086
  $bin clean --quiet ${UNSCRAPE_ARGS:-} "$shared/devdata/$dataset"/*.html -o "$out/$dataset/"
  printf '%-16s ' "$dataset"
  python3 "$shared/eval/score.py" "$shared/devdata/$dataset" "$out/$dataset" | tail -1
done
