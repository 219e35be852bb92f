"""Shared helpers: the repository's fixtures and the `unscrape` binary, to compare the
Python API with the command line byte for byte."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
DEVDATA = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "devdata"


def unscrape_binary() -> Path:
    """The command-line binary of this checkout, built when missing (UNSCRAPE_BIN wins)."""
    if "UNSCRAPE_BIN" in os.environ:
        return Path(os.environ["UNSCRAPE_BIN"])
    binary = ROOT / "target" / "release" / "unscrape"
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "unscrape"], cwd=ROOT, check=True)
    return binary


@pytest.fixture(scope="session")
def cli() -> Path:
    return unscrape_binary()


def run_cli(binary: Path, *args: str, stdin: bytes = b"") -> bytes:
    return subprocess.run([str(binary), "clean", "--quiet", *args], input=stdin,
                          capture_output=True, check=True).stdout


def dump_records():
    """The readability article dumps bundled in fixtures (devdata, Apache-2.0): JSONL records."""
    path = FIXTURES / "bench" / "readability-dumps.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def records_jsonl(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
