"""Helpers the engine adapters share: columns with missing values, pages with metadata."""

from typing import Any, Dict, List, Optional, Sequence

from . import Cleaner

#: The metadata fields an HTML page can give, beside ``text``.
METADATA_FIELDS = ("title", "author", "date", "language", "url", "site_name")


def clean_texts(cleaner: Cleaner, texts: Sequence[Optional[str]]) -> List[Optional[str]]:
    """``texts`` cleaned one by one (the engine runs batches in parallel); a missing value
    (None, NaN) stays missing."""
    return [text if not isinstance(text, str) else cleaner.clean(text) for text in texts]


def clean_pages(cleaner: Cleaner, pages: Sequence[Any]) -> List[Dict[str, Any]]:
    """Each page's article and metadata (``{}`` for a missing page)."""
    return [cleaner.clean_html(page) if isinstance(page, (str, bytes)) else {} for page in pages]
