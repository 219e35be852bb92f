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
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps ./python
# Run from the repository root, so that the installed package is imported, not python/unscrape.
"$venv/bin/python" -m pytest -q python/tests -p no:cacheprovider "$@"
