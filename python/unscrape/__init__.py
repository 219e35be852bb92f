"""unscrape: turns scraped web dumps into clean article text, fast.

Cleans text as the ``unscrape clean`` command line does (boilerplate lines, glued and
doubled words, curly quotes, Unicode spaces and controls, blank-line runs) and extracts the
article and metadata of HTML pages. Batches run on every core with the GIL released.

>>> import unscrape
>>> unscrape.clean("China’sChina’s close relations with Russiaand  Beijing")
"China's close relations with Russia and Beijing"
>>> unscrape.clean("“Putin” — Xi", quotes="keep", dashes="ascii")
'“Putin” - Xi'
>>> cleaner = unscrape.Cleaner(stages=["unicode", "whitespace"])
>>> cleaner.clean_batch(["a  b", "c\\u00a0d"])
['a b', 'c d']

Options (keywords, the same as the command line's and ``unscrape.toml``'s):
  stages:     list of stage names to run, in pipeline order (see ``unscrape.STAGES``)
  quotes:     "ascii" (default) or "keep"
  dashes:     "keep" (default) or "ascii"
  guillemets: True to turn « » ‹ › into ASCII quotes too
  repeats:    None (default), "consecutive" or "anywhere"

Engines: ``unscrape.ray.clean_dataset``, ``unscrape.spark.clean_column`` and
``unscrape.datatrove.UnscrapeCleaner`` (import those modules explicitly).
"""

import json
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _unscrape

__all__ = ["Cleaner", "STAGES", "clean", "clean_html"]

#: Every stage, in the order the pipeline runs them.
STAGES: List[str] = list(_unscrape.STAGES)

_OPTION_NAMES = ("stages", "quotes", "dashes", "guillemets", "repeats")


def _options_json(options: Dict[str, Any]) -> str:
    unknown = sorted(set(options) - set(_OPTION_NAMES))
    if unknown:
        raise TypeError(
            f"unknown option(s) {', '.join(unknown)}; the options are: {', '.join(_OPTION_NAMES)}"
        )
    given = {name: value for name, value in options.items() if value is not None}
    if isinstance(given.get("stages"), str):
        given["stages"] = [s.strip() for s in given["stages"].split(",") if s.strip()]
    return json.dumps(given, sort_keys=True)


class Cleaner:
    """A cleaner with fixed options; cheap to make once the first with the same options exists.

    >>> cleaner = Cleaner(quotes="keep")
    >>> cleaner.clean("said.The  “talks”")
    'said. The “talks”'
    >>> cleaner.clean_batch(["Relations with Russiaand China are close.", "in the united statesIt said"])
    ['Relations with Russia and China are close.', 'in the united states It said']
    """

    def __init__(self, **options: Any) -> None:
        self.options = dict(options)
        self._cleaner = _unscrape.Cleaner(_options_json(options))

    @property
    def stages(self) -> List[str]:
        """The stages this cleaner runs, in order."""
        return self._cleaner.stages()

    def clean(self, text: str) -> str:
        """One text, cleaned. Raises TypeError when ``text`` is not a str."""
        return self._cleaner.clean(text)

    def clean_batch(self, texts: Sequence[str]) -> List[str]:
        """Many texts, cleaned on every core with the GIL released; the same order."""
        return self._cleaner.clean_batch(list(texts))

    def clean_batch_with_stats(
        self, texts: Sequence[str]
    ) -> Tuple[List[str], Dict[str, Dict[str, Any]]]:
        """Many texts cleaned, and per stage the documents it changed and its edits by rule.

        >>> texts, stats = Cleaner().clean_batch_with_stats(["Relations with Russiaand China are close."])
        >>> stats["joined_tokens"]
        {'documents_changed': 1, 'edits': {'word_glue': 1}}
        """
        cleaned, stats = self._cleaner.clean_batch_with_stats(list(texts))
        return cleaned, json.loads(stats)

    def clean_html(self, page: Union[str, bytes], url: Optional[str] = None) -> Dict[str, Any]:
        """An HTML page's content text, cleaned, and its metadata: a dict with ``text``,
        ``page_type`` (article, forum, product, listing, collection, service or
        documentation: what the text holds depends on it) and, when found, ``title``,
        ``author``, ``date``, ``language``, ``url``, ``site_name``. ``bytes`` are decoded as
        the command line decodes pages (BOM, ``<meta charset>``, detection); ``url`` is
        recorded as the page's URL and is evidence of its type."""
        return json.loads(self._cleaner.clean_html(page, url))

    def clean_html_batch(
        self,
        pages: Sequence[Union[str, bytes]],
        urls: Optional[Sequence[Optional[str]]] = None,
    ) -> List[Dict[str, Any]]:
        """Many pages, each as :meth:`clean_html`, on every core; the same order."""
        urls = None if urls is None else list(urls)
        return [json.loads(r) for r in self._cleaner.clean_html_batch(list(pages), urls)]

    def __getstate__(self) -> Dict[str, Any]:
        # Engines (Ray, Spark, datatrove) ship cleaners to their workers by pickling.
        return {"options": self.options}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__init__(**state["options"])

    def __repr__(self) -> str:
        options = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return f"Cleaner({options})"


def clean(text: str, **options: Any) -> str:
    """``text`` cleaned with the default pipeline, or with the given options.

    >>> clean("Xi Jinping  to hold talks\\nPlease enter your comment!")
    'Xi Jinping to hold talks'
    """
    return Cleaner(**options).clean(text)


def clean_html(html: Union[str, bytes], url: Optional[str] = None, **options: Any) -> Dict[str, Any]:
    """An HTML page's article, cleaned, and its metadata (see :meth:`Cleaner.clean_html`).

    >>> page = "<html><head><title>Talks | DW</title></head><body><p>Xi  Jinping will visit Moscow.</p></body></html>"
    >>> clean_html(page, url="https://dw.com/a")["text"]
    'Xi Jinping will visit Moscow.'
    """
    return Cleaner(**options).clean_html(html, url)
