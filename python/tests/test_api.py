"""The Python API against the command line, and its errors."""

import json
import pickle

import pytest

import unscrape
from conftest import DEVDATA, FIXTURES, dump_records, records_jsonl, run_cli


def cli_texts(cli, records, *options):
    out = run_cli(cli, *options, stdin=records_jsonl(records))
    return [json.loads(line)["text"] for line in out.decode().splitlines()]


def test_clean_gives_the_cli_text_for_every_bundled_dump(cli):
    records = dump_records()
    expected = cli_texts(cli, records)
    assert len(expected) == len(records) > 200
    for record, text in zip(records, expected):
        assert unscrape.clean(record["text"]) == text, record["id"]


def test_every_devdata_article_dump_matches_the_cli(cli, tmp_path):
    dumps = DEVDATA / "dumps"
    if not dumps.is_dir():
        pytest.skip(f"{dumps} is not here (devdata is not in the repository)")
    files = sorted(dumps.glob("*/article/*.txt"))
    assert len(files) > 500
    records = [{"id": str(f), "text": f.read_text(encoding="utf-8")} for f in files]
    expected = cli_texts(cli, records)
    cleaned = unscrape.Cleaner().clean_batch([r["text"] for r in records])
    mismatches = [r["id"] for r, a, b in zip(records, cleaned, expected) if a != b]
    assert mismatches == []


def test_options_are_the_cli_options(cli):
    records = dump_records()[:40]
    for options, flags in [
        ({"quotes": "keep"}, ["--quotes", "keep"]),
        ({"dashes": "ascii", "guillemets": True}, ["--dashes", "ascii", "--guillemets"]),
        ({"repeats": "anywhere"}, ["--repeats", "anywhere"]),
        ({"stages": ["unicode", "whitespace"]}, ["--stages", "unicode,whitespace"]),
        ({"stages": "quotes,boilerplate"}, ["--stages", "quotes,boilerplate"]),
    ]:
        expected = cli_texts(cli, records, *flags)
        assert unscrape.Cleaner(**options).clean_batch([r["text"] for r in records]) == expected, options


def test_clean_batch_is_clean_in_order():
    texts = [r["text"] for r in dump_records()]
    cleaner = unscrape.Cleaner()
    assert cleaner.clean_batch(texts) == [cleaner.clean(t) for t in texts]
    assert cleaner.clean_batch([]) == []


def test_stats_count_what_each_stage_did():
    texts = ["Relations with Russiaand China are close.", "Please enter your comment!\nXi  Jinping"]
    cleaned, stats = unscrape.Cleaner().clean_batch_with_stats(texts)
    assert cleaned == unscrape.Cleaner().clean_batch(texts)
    assert stats["joined_tokens"] == {"documents_changed": 1, "edits": {"word_glue": 1}}
    assert stats["boilerplate"]["documents_changed"] == 1
    assert list(stats) == unscrape.Cleaner().stages


def test_clean_html_gives_the_cli_record(cli, tmp_path):
    pages = sorted((FIXTURES / "html").glob("*.html"))
    assert pages
    out = tmp_path / "pages.jsonl"
    run_cli(cli, *map(str, pages), "-o", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    batch = unscrape.Cleaner().clean_html_batch([p.read_bytes() for p in pages])
    for page, record, from_batch in zip(pages, records, batch):
        from_python = unscrape.clean_html(page.read_bytes())
        del record["id"]
        assert from_python == record, page
        assert from_batch == record, page
    assert unscrape.clean_html("<p>Xi  Jinping</p>", url="https://dw.com/a") == {
        "url": "https://dw.com/a",
        "text": "Xi Jinping",
        "page_type": "article",
    }


def test_clean_html_gives_the_page_type_the_url_tells():
    thread = (
        "<div class='message'><p>Has anyone tried the new firmware on the X200? Mine reboots "
        "every hour since the update.</p></div><div class='message'><p>Same here, rolling "
        "back fixed it for me.</p></div>"
    )
    record = unscrape.clean_html(thread, url="https://forums.example.com/threads/x200.5512/")
    assert record["page_type"] == "forum"
    assert record["text"].endswith("rolling back fixed it for me.")


def test_bad_input_raises_a_clear_exception():
    with pytest.raises(TypeError, match="str"):
        unscrape.clean(42)
    with pytest.raises(TypeError, match="str"):
        unscrape.Cleaner().clean_batch(["ok", None])
    stage_list = ", ".join(unscrape.STAGES)
    with pytest.raises(ValueError, match=f"unknown stage `nope`; the stages are: {stage_list}$"):
        unscrape.clean("x", stages=["nope"])
    with pytest.raises(ValueError, match="unknown variant `curly`"):
        unscrape.Cleaner(quotes="curly")
    with pytest.raises(TypeError, match="unknown option.*colour"):
        unscrape.Cleaner(colour="red")
    with pytest.raises(ValueError, match="2 pages but 1 urls"):
        unscrape.Cleaner().clean_html_batch(["<p>a</p>", "<p>b</p>"], urls=["u"])


def test_never_fails_on_odd_text():
    odd = ["", "\x00\x01", "\ud7ff" * 3, "a" * 100_000, "<" * 1000, "\u202e\u200b\ufeff"]
    assert len(unscrape.Cleaner().clean_batch(odd)) == len(odd)
    assert unscrape.clean_html(b"\xff\xfe\x00<html") is not None


def test_cleaners_pickle_with_their_options():
    cleaner = pickle.loads(pickle.dumps(unscrape.Cleaner(quotes="keep")))
    assert cleaner.options == {"quotes": "keep"}
    assert cleaner.clean("“Hi”  there") == "“Hi” there"


def test_docstring_examples_hold():
    import doctest

    failed, tried = doctest.testmod(unscrape)
    assert tried > 0 and failed == 0
