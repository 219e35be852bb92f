#!/usr/bin/env bash
# Every test: the Rust suite (`cargo test`: library, binary, properties, fixtures), then the
# Python suite (scripts/test_python.sh: the Python API, Ray and datatrove against the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked
scripts/test_python.sh
