"""Real corpora from ../shared/corpora: every article reads, nothing crashes, and the
cleaning keeps the text. Skipped where the corpora are absent."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPORA

from builder.corpus.load import load_corpus
from builder.render.pages import render_site

BBC = CORPORA / "bbc-news-2225"
CLUSTERS = CORPORA / "news-clusters"
needs_bbc = pytest.mark.skipif(not BBC.is_dir(), reason="../shared/corpora/bbc-news-2225 is not here")
needs_clusters = pytest.mark.skipif(not CLUSTERS.is_dir(), reason="../shared/corpora/news-clusters is not here")
pytestmark = pytest.mark.slow  # every test here reads a real corpus


@needs_bbc
def test_bbc_windows_1252_pound_sign() -> None:
    corpus = load_corpus(BBC / "sport", dt.date(2025, 1, 1))
    article = next(a for a in corpus.articles if a.name == "199.txt")
    assert article.encoding == "cp1252 (detected)"
    assert "£15.8m" in " ".join(p.text for p in article.paragraphs)


@needs_bbc
@pytest.mark.parametrize("section", ["business", "politics", "tech"])
def test_bbc_sections_read_completely(section: str) -> None:
    corpus = load_corpus(BBC / section, dt.date(2025, 1, 1))
    files = list((BBC / section).glob("*.txt"))
    # The corpus repeats some files word for word under another number: one article each.
    assert all(s.reason.startswith("a copy of ") for s in corpus.skipped)
    assert 0 < len(corpus.skipped) < 0.2 * len(files)  # tech: 65 of 401
    assert len(corpus.articles) + len(corpus.skipped) == len(files)
    files = [a.source for a in corpus.articles]
    raw_words = sum(len(p.read_bytes().split()) for p in files)
    kept_words = sum(a.words for a in corpus.articles)
    # Cleaning takes titles and little else from the BBC texts.
    assert kept_words / raw_words > 0.97
    titled = sum(1 for a in corpus.articles if a.metadata.title.origin.startswith("first line"))
    assert titled / len(corpus.articles) > 0.99


@needs_clusters
def test_news_clusters_json_records_build_with_their_metadata(tmp_path: Path) -> None:
    clusters = sorted(d for d in CLUSTERS.iterdir() if d.is_dir())[:10]
    seeds = tmp_path / "seeds"
    for cluster in clusters:
        for record in cluster.glob("*.json"):
            (seeds / cluster.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(record, seeds / cluster.name / record.name)  # a temporary copy, never in the project
    corpus = load_corpus(seeds, dt.date(2025, 1, 1))
    records = [json.loads(p.read_text(encoding="utf-8")) for p in seeds.rglob("*.json")]
    with_text = sum(1 for r in records if (r.get("text") or "").strip())
    assert len(corpus.articles) == with_text
    assert all(s.reason == "the record's \"text\" is empty" for s in corpus.skipped)
    assert all(a.metadata.outlet is not None for a in corpus.articles)
    assert sum(a.metadata.date is not None for a in corpus.articles) / len(corpus.articles) > 0.9
    pages = render_site(corpus, "Clusters", seeds)
    assert len(pages) == len(corpus.articles) + 2  # the landing page and the article list
