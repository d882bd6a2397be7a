"""Golden files: the rendered page and the metadata of every fixture article and of
the five real seed articles (seeds/, in tests/goldens/seeds/).

Rewrite them after an intended change with `make goldens` (pytest --update-goldens),
then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLES, SEEDS

from builder.model import Article, Corpus
from builder.render.pages import render_article
from builder.render.record import article_record

GOLDENS = Path(__file__).resolve().parent / "goldens"
# Parametrized over the files, not a loaded corpus: collecting reads no article.
FIXTURE_NAMES = sorted(p.name for p in ARTICLES.iterdir())
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _article(corpus: Corpus, name: str) -> Article:
    return next(a for a in corpus.articles if a.name == name)


def test_every_fixture_built(fixture_corpus: Corpus) -> None:
    assert fixture_corpus.skipped == ()
    assert sorted(a.name for a in fixture_corpus.articles) == FIXTURE_NAMES


def test_every_seed_built(seed_corpus: Corpus) -> None:
    assert seed_corpus.skipped == ()
    assert len(seed_corpus.articles) == len([p for p in SEEDS.glob("*.txt")])
    assert sorted(a.name for a in seed_corpus.articles) == SEED_NAMES


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden(name: str, fixture_corpus: Corpus, update_goldens: bool) -> None:
    _compare(GOLDENS, _article(fixture_corpus, name), update_goldens)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_golden(name: str, seed_corpus: Corpus, update_goldens: bool) -> None:
    _compare(GOLDENS / "seeds", _article(seed_corpus, name), update_goldens)


def _compare(folder: Path, article: Article, update_goldens: bool) -> None:
    name = article.name
    outputs = {
        folder / f"{name}.md": render_article(article),
        folder / f"{name}.json": json.dumps(article_record(article), indent=2, sort_keys=True, ensure_ascii=False) + "\n",
    }
    for path, actual in outputs.items():
        if update_goldens:
            path.parent.mkdir(exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
        assert path.exists(), f"{path.name} missing: run `make goldens` and review it"
        assert actual == path.read_text(encoding="utf-8"), f"{path.name} changed: run `make goldens` and review the diff"
