#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets) for SECONDS each, one after the other, from the
# committed seeds (fuzz/seeds/TARGET, and fixtures/ for the text and HTML targets) and the
# corpus earlier runs grew (fuzz/corpus, not committed). Findings land in
# fuzz/artifacts/TARGET, the whole log in fuzz/artifacts/TARGET.log; the run stops at the
# first finding.
#
#   scripts/fuzz.sh [SECONDS] [TARGET]...   (default: 600 seconds, every target)
#
# Needs the nightly toolchain and cargo-fuzz: rustup toolchain install nightly;
# cargo install cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pipeline html jsonl warc decode)
# The seed folders of a target: fuzz/seeds/TARGET if there is one, and the project's
# fixtures that make good seeds.
seeds() {
  [ ! -d "seeds/$1" ] || echo "seeds/$1"
  case $1 in
    pipeline) echo ../fixtures/seed ;;
    html) echo ../fixtures/html ;;
    decode) echo ../fixtures/html/charset ;;
  esac
}
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" artifacts
  echo "== $target: $seconds s"
  # -rss_limit_mb: a 16 MB record cleaned with every stage stays far below it. -timeout: the
  # first input pays for loading the word list and building the phrase automata, seconds
  # under the sanitizer on a busy machine.
  # shellcheck disable=SC2046
  cargo +nightly fuzz run -O "$target" "corpus/$target" $(seeds "$target") -- \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 2>&1 | tee "artifacts/$target.log" | tail -n 12
done
