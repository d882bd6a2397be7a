"""The fixture story as a site: article pages, briefing and sources, `mkdocs build --strict`.

The briefing plugin is switched off in the copy of mkdocs.yml: the pages are written
here by calling the renderers directly, the way the builder will once it is wired.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import STORY
from sites import build, make_project, parse

from builder.analysis import Analysis, analyse
from builder.model import Corpus
from builder.render import render_analysis_pages
from builder.render.context import KEY_QUOTES
from builder.render.pages import render_site
from builder.render.writer import write_pages

pytestmark = pytest.mark.slow  # every test here reads the site built below


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, story_corpus: Corpus) -> tuple[Path, Corpus, Analysis]:
    corpus = story_corpus
    analysis = analyse(corpus)
    pages = render_site(corpus, "Briefing", STORY)
    pages.update(render_analysis_pages(corpus, analysis))
    project = make_project(tmp_path_factory.mktemp("briefing-site"), STORY, enabled=False)
    assert not write_pages(project / "docs", pages).refused
    build(project)
    return project / "site", corpus, analysis


def test_briefing_and_sources_pages_are_built(site: tuple[Path, Corpus, Analysis]) -> None:
    built, _, _ = site
    for page in ("briefing", "sources"):
        assert (built / page / "index.html").is_file()


def test_every_citation_resolves_to_a_paragraph_anchor(site: tuple[Path, Corpus, Analysis]) -> None:
    built, corpus, _ = site
    checked = 0
    for page in ("briefing", "sources"):
        source = built / page / "index.html"
        for href in parse(source).hrefs:
            target, _, anchor = href.partition("#")
            if not target.startswith("../articles/"):
                continue
            resolved = (source.parent / target).resolve() / "index.html"
            assert resolved.is_file(), href
            if anchor:
                assert anchor in parse(resolved).ids, href
                checked += 1
    paragraphs = sum(len(a.body) for a in corpus.articles)
    assert checked > paragraphs  # every article is cited, most paragraphs more than once


def test_every_quote_shown_is_verbatim_from_its_source(site: tuple[Path, Corpus, Analysis]) -> None:
    built, corpus, analysis = site
    texts = {(a.slug, p.anchor): p.text for a in corpus.articles for p in a.paragraphs}
    shown = [re.sub(r"^“|”$", "", q.strip()) for q in parse(built / "briefing" / "index.html").quotes]
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
