"""The entity stage's results kept per article between builds (builder/entities/extract.py,
builder/cache/memo.py): an index made with them is the index made without, before and after
articles change; a broken cache file is read afresh; with nothing changed the spaCy
model is not loaded at all."""

from __future__ import annotations

import gc
import logging
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_DATE, FIXTURES

from builder.cache import Cache
from builder.corpus.load import load_corpus
from builder.entities import index_entities, nlp
from builder.model import EntityIndex
from builder.progress import Progress, no_progress

NEW_PARAGRAPH = ("Deputy Chief Ian Marsh met Jagmeet Singh and Pierre Poilievre in Harwick on Monday, "
                 "the Courier reported.")


def _seeds(tmp_path: Path) -> Path:
    """The entity fixtures and the briefing fixtures in one folder (with entities.yml)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "entities" / "seeds", seeds)
    shutil.copytree(FIXTURES / "briefing" / "articles", seeds / "briefing")
    return seeds


def _index(seeds: Path, cache: Path | None) -> EntityIndex:
    return index_entities(load_corpus(seeds, BUILD_DATE), seeds, cache=Cache(cache))


def _no_model(name: str) -> None:
    raise AssertionError("the spaCy model was loaded")


def _pieces(cache: Path) -> dict[bytes, object]:
    (path,) = cache.glob("entities-*.pickle")
    return pickle.loads(path.read_bytes())


def _articles(seeds: Path) -> int:
    return len(load_corpus(seeds, BUILD_DATE).articles)


def _append(article: Path, text: str) -> None:
    article.write_text(article.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def test_reuse_gives_the_same_index(tmp_path: Path) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / "cache"
    uncached = _index(seeds, None)
    assert len(uncached.entities) > 20
    assert _index(seeds, cache) == uncached  # first build: the cache written
    assert len(_pieces(cache)) == _articles(seeds)
    assert _index(seeds, cache) == uncached  # second build: every article from the cache


def test_nothing_changed_loads_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / "cache"
    first = _index(seeds, cache)
    written = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    monkeypatch.setattr(nlp, "load", _no_model)
    monkeypatch.setattr(nlp, "parse", _no_model)  # nor the model's results kept in the cache
    assert _index(seeds, cache) == first
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == written  # nothing rewritten


def test_one_changed_article_gives_the_index_of_an_uncached_run(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / "cache"
    before = _index(seeds, cache)
    _append(seeds / "briefing" / "courier-fire.md", NEW_PARAGRAPH)
    parsed: list[str] = []
    run = nlp._run

    def spy(name: str, todo: list[str], progress: Progress = no_progress) -> dict[str, nlp.Parsed]:
        parsed.extend(todo)
        return run(name, todo, progress)

    monkeypatch.setattr(nlp, "_run", spy)
    after = _index(seeds, cache)
    assert parsed == [NEW_PARAGRAPH]  # only the new paragraph went through the model
    assert after != before
    assert "Pierre Poilievre" in {e.name for e in after.entities}
    monkeypatch.undo()
    assert after == _index(seeds, None)
    assert len(_pieces(cache)) == _articles(seeds)  # the article's old piece dropped out


def test_removed_articles_drop_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / "cache"
    _index(seeds, cache)
    articles = load_corpus(seeds, BUILD_DATE).articles
    removed = next(a for a in articles if a.name == "briefing/valley-radio-fire.md")
    others = {p.text for a in articles if a is not removed for p in a.body}
    gone = next(p.text for p in removed.body if p.text not in others)
    (seeds / removed.name).unlink()
    monkeypatch.setattr(nlp, "load", _no_model)
    after = _index(seeds, cache)
    assert len(_pieces(cache)) == _articles(seeds)
    monkeypatch.undo()
    assert after == _index(seeds, None)
    # The model's results keep the paragraphs it was not asked for when they are next written.
    _append(seeds / "briefing" / "courier-fire.md", NEW_PARAGRAPH)
    assert _index(seeds, cache) == _index(seeds, None)
    (ner,) = cache.glob("ner-*.pickle")
    stored = pickle.loads(ner.read_bytes())
    assert nlp._key(gone) not in stored
    assert {nlp._key(t) for t in others} <= stored.keys()


@pytest.mark.parametrize("content", [b"not a pickle", pickle.dumps(["not", "a", "dict"]), b""])
def test_a_corrupt_cache_file_is_survived(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          caplog: pytest.LogCaptureFixture, content: bytes) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / "cache"
    first = _index(seeds, cache)
    (path,) = cache.glob("entities-*.pickle")
    path.write_bytes(content)
    monkeypatch.setattr(nlp, "load", _no_model)  # the model's cache file still answers
    with caplog.at_level(logging.WARNING):
        assert _index(seeds, cache) == first
    assert "unreadable" in caplog.text
    assert len(_pieces(cache)) == _articles(seeds)  # written anew


def test_pieces_of_another_kind_are_read_afresh(tmp_path: Path) -> None:
    """A readable file whose entries are not what this code keeps (say, an older format
    under the same name) gives no piece: every key misses."""
    seeds, cache = _seeds(tmp_path), tmp_path / "cache"
    first = _index(seeds, cache)
    (path,) = cache.glob("entities-*.pickle")
    path.write_bytes(pickle.dumps({b"not a digest": "not a piece"}))
    assert _index(seeds, cache) == first
    assert len(_pieces(cache)) == _articles(seeds)


def test_the_collector_is_left_as_it_was(tmp_path: Path) -> None:
    """The stage switches Python's cycle collector off (builder/memory.py),
    and spaCy's loader switches it on: afterwards it is as it was."""
    seeds = _seeds(tmp_path)
    nlp.load.cache_clear()  # the model loaded in this test
    assert gc.isenabled()
    _index(seeds, tmp_path / "cache")
    assert gc.isenabled()
    gc.disable()
    try:
        _index(seeds, tmp_path / "cache")
        assert not gc.isenabled()
    finally:
        gc.enable()
