"""The build's cache: entity results kept between builds, invalidated by a new spaCy,
pipeline or setting; everything else by new code (builder.cache.memo)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLES

from builder.build import Settings, run
from builder.entities import nlp


def _no_model(name: str) -> None:
    raise AssertionError("the model ran although every paragraph was cached")


def test_a_second_build_needs_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=tmp_path / "cache")
    first = run(settings, write=False)
    stores = list((tmp_path / "cache").glob("ner-*.pickle"))
    assert len(stores) == 1
    monkeypatch.setattr(nlp, "load", _no_model)
    second = run(settings, write=False)
    assert second.pages == first.pages
    assert second.entities == first.entities


def test_a_new_spacy_starts_a_new_model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=tmp_path / "cache")
    run(settings, write=False)
    old = {p.name for p in (tmp_path / "cache").glob("ner-*")}
    monkeypatch.setattr(nlp, "version", lambda library: "999")
    run(settings, write=False)
    new = {p.name for p in (tmp_path / "cache").glob("ner-*")}
    assert len(new) == 1 and new != old  # the old file is gone, a new one written


def test_an_unreadable_cache_is_rebuilt(tmp_path: Path) -> None:
    settings = Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=tmp_path / "cache")
    first = run(settings, write=False)
    for store in (tmp_path / "cache").iterdir():
        store.write_bytes(b"not a pickle")
    assert run(settings, write=False).pages == first.pages


def test_a_cache_folder_that_cannot_be_written_is_one_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The site is built all the same; only the next build's head start is lost."""
    import logging

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    settings = Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=blocked / "cache")
    with caplog.at_level(logging.WARNING):
        result = run(settings)
    assert result.written is not None and result.written.written
    assert (tmp_path / "docs" / "index.md").is_file()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len([w for w in warnings if "cannot be written" in w]) == 1, warnings


def test_a_build_with_nothing_changed_reuses_the_last(tmp_path: Path) -> None:
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(ARTICLES, seeds)
    settings = Settings(seeds=seeds, docs=tmp_path / "docs", cache=tmp_path / "cache")
    first = run(settings)
    again = run(settings)
    assert again.timings[0][0] == "nothing changed since the last build"
    assert again.written is not None and set(again.written.unchanged) == set(first.written.written)
    assert again.corpus == first.corpus and again.briefing == first.briefing
    # a changed article is a new build
    (seeds / "utf8_bom_crlf.txt").write_text("Headline\n\nA new text for the benchmark of changes.\n")
    changed = run(settings)
    assert changed.timings[0][0] == "change check" and "articles/utf8-bom-crlf.md" in changed.written.written
    # a page changed on disk is a new build too (and the edited page is kept, as always)
    page = settings.docs / "articles" / "plain-signoff-wires.md"
    page.write_text("edited\n")
    edited = run(settings)
    assert edited.timings[0][0] == "change check" and page.read_text() == "edited\n"
    assert any("edited by hand" in p for p in edited.problems)
    assert run(settings).timings[0][0] == "change check"  # a build with a page left unwritten is not reused
