#!/usr/bin/env bash
# Scores HTML article extraction on the devdata pages: a thin wrapper of scripts/eval_html.py,
# kept so that this name works. Bare arguments are dataset names, the rest goes to
# eval_html.py as it is:
#
#   scripts/eval_html.sh [dataset]... [--peers p,q|none] [--reuse-peers] [--no-build] ...
#
# Default: every dataset with gold text, unscrape beside all four peers, tune and check halves
# (see scripts/eval_html.py --help). `--peers none` scores unscrape alone, as this script used
# to. UNSCRAPE_ARGS passes options to `unscrape clean`; SHARED points to ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=()
opts=()
for arg in "$@"; do
  case $arg in
    -*) opts+=("$arg") ;;
    *) if [ ${#opts[@]} -gt 0 ] && [[ ${opts[-1]} =~ ^--(datasets|peers|per-doc-tune)$ ]]; then
         opts+=("$arg")
       else
         datasets+=("$arg")
       fi ;;
  esac
done
if [ ${#datasets[@]} -gt 0 ]; then
  opts=(--datasets "$(IFS=,; echo "${datasets[*]}")" "${opts[@]+"${opts[@]}"}")
fi
exec python3 scripts/eval_html.py "${opts[@]+"${opts[@]}"}"
