"""datatrove: a pipeline step that cleans each document's text and counts, in the step's
stats, the documents each stage changed and the edits of each rule.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from unscrape.datatrove import UnscrapeCleaner
>>> LocalPipelineExecutor(pipeline=[
...     JsonlReader("dumps/"), UnscrapeCleaner(), JsonlWriter("clean/"),
... ], tasks=1).run()  # doctest: +SKIP
"""

from itertools import islice
from typing import Any, Iterator

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from . import Cleaner

__all__ = ["UnscrapeCleaner"]


class UnscrapeCleaner(PipelineStep):
    """Cleans ``doc.text`` as ``unscrape clean`` would, ``batch_size`` documents at a time
    on every core. Stats: ``<stage>_changed`` (documents) and ``<stage>.<rule>`` (edits)."""

    name = "🧹 unscrape"
    type = "✂️ - FORMAT"

    def __init__(self, batch_size: int = 256, **options: Any) -> None:
        super().__init__()
        self.batch_size = batch_size
        self.cleaner = Cleaner(**options)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        documents: Iterator[Any] = iter(data)
        while batch := list(islice(documents, self.batch_size)):
            with self.track_time(unit="batch"):
                texts, stats = self.cleaner.clean_batch_with_stats([doc.text for doc in batch])
            for stage, counts in stats.items():
                if counts["documents_changed"]:
                    self.stat_update(f"{stage}_changed", value=counts["documents_changed"])
                for rule, edits in counts["edits"].items():
                    self.stat_update(f"{stage}.{rule}", value=edits)
            for doc, text in zip(batch, texts):
                doc.text = text
                self.update_doc_stats(doc)
                yield doc
