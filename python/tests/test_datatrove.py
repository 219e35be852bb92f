"""unscrape.datatrove in a real datatrove pipeline: JSONL reader → UnscrapeCleaner → JSONL
writer, the same text as the CLI, and the stage counts in the step's stats."""

import gzip
import json

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from unscrape.datatrove import UnscrapeCleaner
from conftest import dump_records, records_jsonl, run_cli


def test_pipeline_output_matches_the_cli(cli, tmp_path):
    records = dump_records()
    source = tmp_path / "in"
    source.mkdir()
    (source / "dumps.jsonl").write_bytes(records_jsonl(records))
    expected = {json.loads(line)["id"]: json.loads(line)["text"]
                for line in run_cli(cli, stdin=records_jsonl(records)).decode().splitlines()}

    cleaner = UnscrapeCleaner(batch_size=64)
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(source)), cleaner, JsonlWriter(str(tmp_path / "out"))],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    written = {}
    for path in (tmp_path / "out").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                written[doc["id"]] = doc["text"]
    assert written == expected

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if s["name"].endswith(UnscrapeCleaner.name))
    assert step["stats"]["joined_tokens_changed"]["total"] > 0
    assert step["stats"]["boilerplate_changed"]["total"] > 0
