"""Golden files: the rendered page and the metadata of every fixture article.

Rewrite them after an intended change with `make goldens` (pytest --update-goldens),
then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.pipeline import load_corpus
from builder.render.data import article_record
from builder.render.pages import render_article
from conftest import ARTICLES, BUILD_DATE

GOLDENS = Path(__file__).resolve().parent / "goldens"
CORPUS = load_corpus(ARTICLES, BUILD_DATE)
BY_NAME = {a.name: a for a in CORPUS.articles}


def test_every_fixture_built() -> None:
    assert CORPUS.skipped == ()
    assert sorted(BY_NAME) == sorted(p.name for p in ARTICLES.iterdir())


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_golden(name: str, update_goldens: bool) -> None:
    article = BY_NAME[name]
    outputs = {
        GOLDENS / f"{name}.md": render_article(article),
        GOLDENS / f"{name}.json": json.dumps(article_record(article), indent=2, sort_keys=True, ensure_ascii=False) + "\n",
    }
    for path, actual in outputs.items():
        if update_goldens:
            path.parent.mkdir(exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
        assert path.exists(), f"{path.name} missing: run `make goldens` and review it"
        assert actual == path.read_text(encoding="utf-8"), f"{path.name} changed: run `make goldens` and review the diff"
