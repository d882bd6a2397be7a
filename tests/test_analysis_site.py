"""The fixture story as a site: article pages, briefing and sources, `mkdocs build --strict`.

The briefing plugin is switched off in the copy of mkdocs.yml: the pages are written
here by calling the renderers directly, the way the builder will once it is wired.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BUILD_DATE, FIXTURES, ROOT, copy_docs

from builder.analysis import Analysis, analyse
from builder.corpus.load import load_corpus
from builder.model import Corpus
from builder.render import render_analysis_pages
from builder.render.context import KEY_QUOTES
from builder.render.pages import render_site
from builder.render.writer import write_pages

STORY = FIXTURES / "briefing" / "articles"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.quotes: list[str] = []
        self._quote = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag == "blockquote":
            self._quote += 1
            self.quotes.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self._quote -= 1

    def handle_data(self, data: str) -> None:
        if self._quote:
            self.quotes[-1] += data


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus, Analysis]:
    root = tmp_path_factory.mktemp("briefing-site")
    corpus = load_corpus(STORY, BUILD_DATE)
    analysis = analyse(corpus)
    pages = render_site(corpus, "Briefing", STORY)
    pages.update(render_analysis_pages(corpus, analysis))
    docs = root / "docs"
    copy_docs(docs)
    assert not write_pages(docs, pages).refused
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - briefing:\n", "  - briefing:\n      enabled: false\n", 1)
    assert "enabled: false" in config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1748736000"},
    )
    assert result.returncode == 0, result.stderr
    return root / "site", corpus, analysis


def test_briefing_and_sources_pages_are_built(site: tuple[Path, Corpus, Analysis]) -> None:
    built, _, _ = site
    for page in ("briefing", "sources"):
        assert (built / page / "index.html").is_file()


def test_every_citation_resolves_to_a_paragraph_anchor(site: tuple[Path, Corpus, Analysis]) -> None:
    built, corpus, _ = site
    checked = 0
    for page in ("briefing", "sources"):
        source = built / page / "index.html"
        for href in _parse(source).links:
            target, _, anchor = href.partition("#")
            if not target.startswith("../articles/"):
                continue
            resolved = (source.parent / target).resolve() / "index.html"
            assert resolved.is_file(), href
            if anchor:
                assert anchor in _parse(resolved).ids, href
                checked += 1
    paragraphs = sum(len(a.body) for a in corpus.articles)
    assert checked > paragraphs  # every article is cited, most paragraphs more than once


def test_every_quote_shown_is_verbatim_from_its_source(site: tuple[Path, Corpus, Analysis]) -> None:
    built, corpus, analysis = site
    texts = {(a.slug, p.anchor): p.text for a in corpus.articles for p in a.paragraphs}
    shown = [re.sub(r"^“|”$", "", q.strip()) for q in _parse(built / "briefing" / "index.html").quotes]
    assert len(shown) == min(KEY_QUOTES, len([g for g in analysis.quotes.groups if g.support > 1 or g.speaker]))
    for group in analysis.quotes.groups:
        for q in group.quotes:
            assert texts[(q.span.article, q.span.anchor)][q.span.start:q.span.end] == q.span.text
    sources = {q.span.text for g in analysis.quotes.groups for q in g.quotes}
    assert set(shown) <= sources
    page = html.unescape((built / "briefing" / "index.html").read_text(encoding="utf-8"))
    for group in analysis.quotes.groups[:3]:
        for variant in group.variants:
            assert variant.span.text in page
