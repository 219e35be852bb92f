#!/usr/bin/env bash
# The Python suite (python/tests): builds the package from this checkout into a venv
# (target/py-venv, made on first use), with Ray, datatrove and pytest, then runs pytest.
# Needs Python ≥ 3.9 with venv and pip, and the Rust toolchain (the wheel is built here).
#
#   scripts/test_python.sh [PYTEST ARGS]...
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${UNSCRAPE_VENV:-target/py-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-test.txt
# A debug build checks the same behaviour and reuses what `cargo test` compiled (a release
# build, what `pip install ./python` makes, would compile everything again).
MATURIN_PEP517_ARGS="--profile dev" \
  "$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps ./python
cargo build --quiet --bin unscrape
export UNSCRAPE_BIN=${UNSCRAPE_BIN:-$PWD/target/debug/unscrape}
# Run from the repository root, so that the installed package is imported, not python/unscrape.
"$venv/bin/python" -m pytest -q python/tests -p no:cacheprovider "$@"
