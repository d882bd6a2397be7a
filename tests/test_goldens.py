"""Golden files: the rendered page and the metadata of every fixture article and of
the five real seed articles (seeds/, in tests/goldens/seeds/).

Rewrite them after an intended change with `make goldens` (pytest --update-goldens),
then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLES, BUILD_DATE, SEEDS

from builder.corpus.load import load_corpus
from builder.model import Article
from builder.render.pages import render_article
from builder.render.record import article_record

GOLDENS = Path(__file__).resolve().parent / "goldens"
CORPUS = load_corpus(ARTICLES, BUILD_DATE)
BY_NAME = {a.name: a for a in CORPUS.articles}
SEED_CORPUS = load_corpus(SEEDS, BUILD_DATE)


def test_every_fixture_built() -> None:
    assert CORPUS.skipped == ()
    assert sorted(BY_NAME) == sorted(p.name for p in ARTICLES.iterdir())


def test_every_seed_built() -> None:
    assert SEED_CORPUS.skipped == ()
    assert len(SEED_CORPUS.articles) == len([p for p in SEEDS.glob("*.txt")])


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_golden(name: str, update_goldens: bool) -> None:
    _compare(GOLDENS, BY_NAME[name], update_goldens)


@pytest.mark.parametrize("name", sorted(a.name for a in SEED_CORPUS.articles))
def test_seed_golden(name: str, update_goldens: bool) -> None:
    _compare(GOLDENS / "seeds", next(a for a in SEED_CORPUS.articles if a.name == name), update_goldens)


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
