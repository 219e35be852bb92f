"""Ray Data: clean a dataset's text column, or extract and clean the articles of an HTML
column, with ``map_batches``.

>>> import ray, unscrape.ray
>>> ds = ray.data.from_items([{"text": "Relations with Russiaand  China are close."}])
>>> unscrape.ray.clean_dataset(ds).take_all()
[{'text': 'Relations with Russia and China are close.'}]
"""

from typing import Any

from . import Cleaner
from ._batches import METADATA_FIELDS, clean_pages, clean_texts

__all__ = ["clean_dataset"]


def clean_dataset(
    ds: Any,
    text_column: str = "text",
    html_column: Any = None,
    keep_html: bool = False,
    batch_size: int = 256,
    **options: Any,
) -> Any:
    """``ds`` (a ``ray.data.Dataset``) with ``text_column`` cleaned, as ``unscrape clean``
    would. With ``html_column``, each row's page becomes ``text_column`` (its article,
    cleaned) plus the metadata columns ``title``, ``author``, ``date``, ``language``, ``url``,
    ``site_name``; the HTML column is dropped unless ``keep_html``. Options are
    :class:`unscrape.Cleaner`'s; bad options raise here, before any task runs."""
    cleaner = Cleaner(**options)

    def clean_batch(batch):
        if html_column is None:
            batch[text_column] = clean_texts(cleaner, batch[text_column].tolist())
            return batch
        results = clean_pages(cleaner, batch[html_column].tolist())
        batch[text_column] = [result.get("text") for result in results]
        for field in METADATA_FIELDS:
            if field != text_column:
                batch[field] = [result.get(field) for result in results]
        if not keep_html:
            batch = batch.drop(columns=[html_column])
        return batch

    return ds.map_batches(clean_batch, batch_format="pandas", batch_size=batch_size)
