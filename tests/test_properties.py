"""Property-based tests: arbitrary bytes and Unicode never crash the readers or the
cleaner, and never come out of a rendered article page as markup."""

from __future__ import annotations

import datetime as dt
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_escape import _NAMES, _OPTIONS

from builder.corpus.cleaning import clean
from builder.corpus.load import load_corpus
from builder.corpus.readers import READERS, read
from builder.errors import SourceError
from builder.render.pages import render_article

SUFFIXES = sorted(READERS)
MD = markdown.Markdown(extensions=_NAMES, extension_configs=_OPTIONS)
# Every element an article page may contain; anything else came from article text.
ALLOWED = {"h1", "h2", "p", "details", "summary", "table", "thead", "tbody", "tr", "th", "td", "strong", "a"}
TEXTISH = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
MARKUPISH = st.lists(
    st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "---", "+++", "\n", "\n\n", "title: x",
                     "{{ x }}", "--8<-- \"f\"", "[a](javascript:x)", "# H", "&amp;", "\r\n", "\ufeff", "ABC/wires",
                     "You may also like", "WASHINGTON —", "Headline", "A sentence of text.", "<p>", "</title>", "*", "`"]),
    max_size=30,
).map("".join)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _assert_no_markup(article_markdown: str) -> None:
    body = article_markdown.split("\n---\n", 1)[1]  # past the front matter
    MD.reset()
    parser = _Elements()
    parser.feed(MD.convert(body))
    for tag, attrs in parser.found:
        assert tag in ALLOWED, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value is not None and not value.lower().startswith(("javascript:", "data:")), value


def _build_one(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{suffix}"
        path.write_bytes(data)
        try:
            raw = read(path, path.name)
        except SourceError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in exc.reason
            event(f"skipped: {exc.reason[:25]}")
            return
        clean(raw)
        corpus = load_corpus(Path(folder), dt.date(2025, 1, 1))
        assert len(corpus.articles) + len(corpus.skipped) == 1
        for skipped in corpus.skipped:
            assert "unexpected" not in skipped.reason, skipped
        for article in corpus.articles:
            event(f"article ({suffix})")
            _assert_no_markup(render_article(article))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    _build_one(data, suffix)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTISH, st.sampled_from(SUFFIXES))
def test_arbitrary_unicode(text: str, suffix: str) -> None:
    _build_one(text.encode("utf-8"), suffix)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUPISH, st.sampled_from(SUFFIXES))
def test_markup_and_front_matter_soup(text: str, suffix: str) -> None:
    _build_one(text.encode("utf-8"), suffix)
