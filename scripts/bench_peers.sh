#!/usr/bin/env bash
# Side-by-side speed of unscrape and ftfy on the devdata article dumps, one thread each:
# installs ftfy into a venv under target/ (PyPI), runs ../shared/eval/peers.py ftfy (CPU
# time of fix_text alone), then `cargo bench --bench pipeline` for unscrape's pipeline and
# stages over the same dumps, then ftfy's fix_encoding (scripts/ftfy_fix_encoding.py) on
# the same dumps and on the mojibake-dense text the bench wrote, for the `mojibake`
# stage's ratio. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
if [ ! -d "$shared/devdata/dumps" ]; then
  echo "no $shared/devdata/dumps here: nothing to compare on" >&2
  exit 0
fi
venv=target/peers-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet ftfy
all=target/peers-input
rm -rf "$all" && mkdir -p "$all"
for dataset in "$shared"/devdata/dumps/*/; do
  name=$(basename "$dataset")
  for f in "$dataset"article/*.txt; do cp "$f" "$all/$name-$(basename "$f")"; done
done
"$venv/bin/python" "$shared/eval/peers.py" ftfy "$all" target/peers-ftfy
cargo bench --bench pipeline 2>&1 | grep -E "^clean|^mojibake|thrpt:|corpus|dense:" | grep -v "change"
"$venv/bin/python" scripts/ftfy_fix_encoding.py clean "$all"
"$venv/bin/python" scripts/ftfy_fix_encoding.py dense target/bench-mojibake-dense.txt
