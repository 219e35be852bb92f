"""unscrape.ray on a real local Ray (two CPUs): 2,000 documents, the same text as the CLI."""

import json

import pytest
import ray

import unscrape.ray
from conftest import FIXTURES, dump_records, records_jsonl, run_cli


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def two_thousand_records():
    records = dump_records()
    copies = (2000 + len(records) - 1) // len(records)
    many = [dict(r, id=f"{r['id']}#{i}") for i in range(copies) for r in records]
    return many[:2000]


def test_clean_dataset_matches_the_cli(local_ray, cli):
    records = two_thousand_records()
    expected = {json.loads(line)["id"]: json.loads(line)["text"]
                for line in run_cli(cli, stdin=records_jsonl(records)).decode().splitlines()}
    ds = ray.data.from_items(records)
    cleaned = unscrape.ray.clean_dataset(ds).take_all()
    assert len(cleaned) == 2000
    assert {row["id"]: row["text"] for row in cleaned} == expected


def test_html_column_becomes_text_and_metadata(local_ray, cli, tmp_path):
    pages = sorted((FIXTURES / "html").glob("*.html"))
    out = tmp_path / "pages.jsonl"
    run_cli(cli, *map(str, pages), "-o", str(out))
    expected = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ds = ray.data.from_items([{"page": p.name, "html": p.read_text(encoding="utf-8")} for p in pages])
    rows = sorted(unscrape.ray.clean_dataset(ds, html_column="html").take_all(), key=lambda r: r["page"])
    for row, record in zip(rows, expected):
        assert "html" not in row
        assert row["text"] == record["text"]
        assert row["title"] == record.get("title")


def test_bad_options_raise_before_any_task(local_ray):
    with pytest.raises(ValueError, match="unknown stage"):
        unscrape.ray.clean_dataset(ray.data.from_items([{"text": "x"}]), stages=["nope"])


def test_docstring_example_holds(local_ray):
    import doctest

    failed, tried = doctest.testmod(unscrape.ray)
    assert tried > 0 and failed == 0
