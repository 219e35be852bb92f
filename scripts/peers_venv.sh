#!/usr/bin/env bash
# Creates the Python virtual environment of the peers used by scripts/eval_html.py
# (through ../shared/eval/peers.py): trafilatura 2.3.1 and readability-lxml, with what
# peers.py imports beside them (html-text, beautifulsoup4; lxml_html_clean is lxml's
# lxml.html.clean, split out of lxml 5.2, which readability-lxml and html-text need); and
# ftfy 6.3.1, the mojibake peer of scripts/eval_mojibake.py.
#
#   scripts/peers_venv.sh            (creates target/peers-venv if missing, then installs)
#   VENV=path scripts/peers_venv.sh  (another place)
#
# Then: target/peers-venv/bin/python ../shared/eval/peers.py trafilatura|readability-lxml SRC OUT
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-target/peers-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet \
  trafilatura==2.3.1 readability-lxml html-text beautifulsoup4 lxml_html_clean ftfy==6.3.1
"$venv/bin/python" -c 'import trafilatura, readability, html_text, bs4, lxml.html.clean, ftfy; print("peers venv ready:", trafilatura.__version__, ftfy.__version__)'
