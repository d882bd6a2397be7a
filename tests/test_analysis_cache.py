"""The analyses' per-article findings kept between builds (the "findings" memo): a
rebuild reads only the articles that changed, and finds exactly what a build without
the cache finds."""

from __future__ import annotations

import logging
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import BUILD_DATE, FIXTURES

import builder.analysis
from builder.analysis import analyse
from builder.analysis.findings import Findings, find
from builder.cache import Cache, key
from builder.cache import memo as memo_module
from builder.corpus.load import load_corpus
from builder.model import Corpus

STORY = FIXTURES / "briefing" / "articles"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the fixture story, free to edit."""
    return Path(shutil.copytree(STORY, tmp_path / "seeds"))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the articles the analyses read (not taken from the cache)."""
    names: list[str] = []

    def counted(article, timer=None):  # type: ignore[no-untyped-def]
        names.append(article.name)
        return find(article, timer)

    monkeypatch.setattr(builder.analysis, "find", counted)
    return names


def _corpus(seeds: Path) -> Corpus:
    return load_corpus(seeds, BUILD_DATE)


def _file(cache: Path) -> Path:
    (found,) = cache.glob("findings-*.pickle")
    return found


def _entries(cache: Path) -> dict[bytes, bytes]:
    return pickle.loads(_file(cache).read_bytes())  # type: ignore[no-any-return]


def test_a_rebuild_from_the_cache_reads_nothing_and_finds_the_same(tmp_path: Path, seeds: Path, reads: list[str]) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    uncached = analyse(corpus)
    reads.clear()
    cold = analyse(corpus, cache=Cache(cache))
    assert len(reads) == len(corpus.articles)
    reads.clear()
    warm = analyse(_corpus(seeds), cache=Cache(cache))
    assert reads == []
    assert warm == cold == uncached


def test_a_changed_article_is_read_again_and_the_result_is_a_fresh_builds(
    tmp_path: Path, seeds: Path, reads: list[str]
) -> None:
    cache = tmp_path / "cache"
    analyse(_corpus(seeds), cache=Cache(cache))
    changed = seeds / "northern-wire-fire.md"
    changed.write_text(
        changed.read_text(encoding="utf-8")
        + "\nFire Chief Ana Ruiz said on Tuesday that 64 firefighters had fought the blaze.\n",
        encoding="utf-8",
    )
    corpus = _corpus(seeds)
    fresh = analyse(corpus)
    reads.clear()
    warm = analyse(corpus, cache=Cache(cache))
    assert reads == ["northern-wire-fire.md"]
    assert warm == fresh
    assert any("Ana Ruiz" in s.span.text for s in warm.sentences)


def test_articles_no_longer_in_the_corpus_leave_the_cache(tmp_path: Path, seeds: Path, reads: list[str]) -> None:
    cache = tmp_path / "cache"
    analyse(_corpus(seeds), cache=Cache(cache))
    (seeds / "valley-radio-fire.md").unlink()
    corpus = _corpus(seeds)
    fresh = analyse(corpus)
    reads.clear()
    assert analyse(corpus, cache=Cache(cache)) == fresh
    assert reads == []
    assert set(_entries(cache)) == {key(a) for a in corpus.articles}


def test_a_corrupt_cache_file_is_a_warning_and_a_fresh_build(
    tmp_path: Path, seeds: Path, reads: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    analyse(corpus, cache=Cache(cache))
    _file(cache).write_bytes(b"\x80\x05not a pickle at all")
    fresh = analyse(corpus)
    reads.clear()
    with caplog.at_level(logging.WARNING, logger="builder.cache.memo"):
        result = analyse(corpus, cache=Cache(cache))
    assert result == fresh
    assert len(reads) == len(corpus.articles)
    assert "unreadable" in caplog.text
    # ... and written again, whole.
    reads.clear()
    assert analyse(corpus, cache=Cache(cache)) == result
    assert reads == []


def test_a_corrupt_entry_is_read_again(tmp_path: Path, seeds: Path, reads: list[str]) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    analyse(corpus, cache=Cache(cache))
    entries = _entries(cache)
    broken = key(corpus.articles[0])
    entries[broken] = entries[broken][:20]
    _file(cache).write_bytes(pickle.dumps(entries))
    fresh = analyse(corpus)
    reads.clear()
    assert analyse(corpus, cache=Cache(cache)) == fresh
    assert reads == [corpus.articles[0].name]


def test_other_code_does_not_reuse_the_cache(
    tmp_path: Path, seeds: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    analyse(corpus, cache=Cache(cache))
    old = _file(cache)
    monkeypatch.setattr(memo_module, "code_digest", lambda: "0123456789abcdef")
    fresh = analyse(corpus)
    reads.clear()
    assert analyse(corpus, cache=Cache(cache)) == fresh
    assert len(reads) == len(corpus.articles)
    assert _file(cache).name == "findings-0123456789abcdef.pickle"  # the older file is gone
    assert not old.exists()


def test_an_articles_key_covers_its_slug(seeds: Path) -> None:
    """Findings cite articles by slug: the same text under another slug is another entry."""
    article = _corpus(seeds).articles[0]
    assert key(article) == key(replace(article))
    assert key(article) != key(replace(article, slug="other"))


def test_findings_round_trip_through_the_cache_pickle(seeds: Path) -> None:
    for article in _corpus(seeds).articles:
        found = find(article)
        again = pickle.loads(memo_module.dumps(found))
        assert isinstance(again, Findings)
        assert again == found


def test_a_cache_that_cannot_be_written_is_a_warning(
    tmp_path: Path, seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = _corpus(seeds)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="builder.cache.memo"):
        assert analyse(corpus, cache=Cache(blocked / "cache")) == analyse(corpus)
    assert caplog.text.count("cannot be written") == 1
