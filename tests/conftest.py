from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.analysis import KnownNames
from builder.corpus.load import load_corpus
from builder.model import Corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
STORY = FIXTURES / "briefing" / "articles"  # one story told by six outlets
CORPORA = ROOT.parent / "shared" / "corpora"
SEEDS = ROOT / "seeds"  # the five real sample articles, the default corpus
BUILD_DATE = dt.date(2025, 6, 1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/goldens from the current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


# The corpora are read once per session, when a test first asks for them, never at
# import: collecting the tests (`pytest --collect-only`, `-m "not slow"`) reads nothing.
# A Corpus is frozen, so the tests can share one.

@pytest.fixture(scope="session")
def fixture_corpus() -> Corpus:
    """tests/fixtures/articles: one file per reading or cleaning case."""
    return load_corpus(ARTICLES, BUILD_DATE)


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    """seeds/: the five real sample articles."""
    return load_corpus(SEEDS, BUILD_DATE)


@pytest.fixture(scope="session")
def story_corpus() -> Corpus:
    """tests/fixtures/briefing/articles: the story the analyses are checked against."""
    return load_corpus(STORY, BUILD_DATE)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def known_names(corpus: Corpus) -> KnownNames:
    """What the entity index of `corpus` says of names: for settling quotes' speakers."""
    from builder.entities import index_entities

    return KnownNames.of(index_entities(corpus, Path("/nonexistent-seeds")), corpus)
