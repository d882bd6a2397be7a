"""The analyses' per-article cache (builder/analysis/cache.py): a rebuild reads only the
articles that changed, and finds exactly what a build without the cache finds."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_DATE, FIXTURES

from builder.analysis import analyse
from builder.analysis import cache as findings_cache
from builder.analysis.findings import Findings, find
from builder.model import Corpus
from builder.pipeline import load_corpus

STORY = FIXTURES / "briefing" / "articles"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the fixture story, free to edit."""
    return Path(shutil.copytree(STORY, tmp_path / "seeds"))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the articles the analyses read (not taken from the cache)."""
    names: list[str] = []

    def counted(article, spent=None):  # type: ignore[no-untyped-def]
        names.append(article.name)
        return find(article, spent)

    monkeypatch.setattr(findings_cache, "find", counted)
    return names


def _corpus(seeds: Path) -> Corpus:
    return load_corpus(seeds, BUILD_DATE)


def _files(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir())


def test_a_rebuild_from_the_cache_reads_nothing_and_finds_the_same(tmp_path: Path, seeds: Path, reads: list[str]) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    uncached = analyse(corpus)
    cold = analyse(corpus, cache=cache)
    assert len(reads) == len(corpus.articles)
    assert _files(cache) == [findings_cache.path(cache).name]
    reads.clear()
    warm = analyse(_corpus(seeds), cache=cache)
    assert reads == []
    assert warm == cold == uncached


def test_a_changed_article_is_read_again_and_the_result_is_a_fresh_builds(
    tmp_path: Path, seeds: Path, reads: list[str]
) -> None:
    cache = tmp_path / "cache"
    analyse(_corpus(seeds), cache=cache)
    changed = seeds / "northern-wire-fire.md"
    changed.write_text(
        changed.read_text(encoding="utf-8")
        + "\nFire Chief Ana Ruiz said on Tuesday that 64 firefighters had fought the blaze.\n",
        encoding="utf-8",
    )
    corpus = _corpus(seeds)
    reads.clear()
    warm = analyse(corpus, cache=cache)
    assert reads == ["northern-wire-fire.md"]
    assert warm == analyse(corpus)
    assert any("Ana Ruiz" in s.span.text for s in warm.sentences)


def test_articles_no_longer_in_the_corpus_leave_the_cache(tmp_path: Path, seeds: Path, reads: list[str]) -> None:
    cache = tmp_path / "cache"
    analyse(_corpus(seeds), cache=cache)
    (seeds / "valley-radio-fire.md").unlink()
    corpus = _corpus(seeds)
    reads.clear()
    assert analyse(corpus, cache=cache) == analyse(corpus)
    assert reads == []
    stored = findings_cache.load(cache)
    assert len(stored.entries) == len(corpus.articles)
    assert set(stored.entries) == {findings_cache.article_digest(a) for a in corpus.articles}


def test_a_corrupt_cache_file_is_a_warning_and_a_fresh_build(
    tmp_path: Path, seeds: Path, reads: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    analyse(corpus, cache=cache)
    findings_cache.path(cache).write_bytes(b"\x80\x05not a pickle at all")
    reads.clear()
    with caplog.at_level(logging.WARNING, logger="builder.analysis.cache"):
        result = analyse(corpus, cache=cache)
    assert result == analyse(corpus)
    assert len(reads) == len(corpus.articles)
    assert "unreadable" in caplog.text
    # ... and written again, whole.
    reads.clear()
    assert analyse(corpus, cache=cache) == result
    assert reads == []


def test_a_corrupt_entry_is_read_again(tmp_path: Path, seeds: Path, reads: list[str]) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    analyse(corpus, cache=cache)
    stored = findings_cache.load(cache)
    broken = findings_cache.article_digest(corpus.articles[0])
    stored.entries[broken] = stored.entries[broken][:20]
    findings_cache.save(cache, stored)
    reads.clear()
    assert analyse(corpus, cache=cache) == analyse(corpus)
    assert reads == [corpus.articles[0].name]


def test_other_code_does_not_reuse_the_cache(
    tmp_path: Path, seeds: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(seeds)
    cache = tmp_path / "cache"
    analyse(corpus, cache=cache)
    old = findings_cache.path(cache)
    monkeypatch.setattr(findings_cache, "code_digest", lambda: "0123456789abcdef")
    reads.clear()
    assert analyse(corpus, cache=cache) == analyse(corpus)
    assert len(reads) == len(corpus.articles)
    assert _files(cache) == ["analysis-0123456789abcdef.pickle"]  # the older file is gone
    assert not old.exists()


def test_the_code_digest_covers_the_analyses_and_the_model() -> None:
    package = Path(findings_cache.__file__).parent
    covered = {p.name for p in package.glob("*.py")}
    assert {"claims.py", "cache.py", "findings.py", "sentences.py"} <= covered
    assert (package.parent / "model.py").is_file()
    assert len(findings_cache.code_digest()) == 16


def test_an_articles_digest_covers_its_slug(seeds: Path) -> None:
    """Findings cite articles by slug: the same text under another slug is another entry."""
    from dataclasses import replace

    article = _corpus(seeds).articles[0]
    assert findings_cache.article_digest(article) == findings_cache.article_digest(replace(article))
    assert findings_cache.article_digest(article) != findings_cache.article_digest(replace(article, slug="other"))


def test_findings_round_trip_through_the_cache_pickle(seeds: Path) -> None:
    import pickle

    for article in _corpus(seeds).articles:
        found = find(article)
        again = pickle.loads(findings_cache.dumps(found))
        assert isinstance(again, Findings)
        assert again == found


def test_a_cache_that_cannot_be_written_is_a_warning(
    tmp_path: Path, seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = _corpus(seeds)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="builder.analysis.cache"):
        assert analyse(corpus, cache=blocked / "cache") == analyse(corpus)
    assert "cannot be written" in caplog.text
