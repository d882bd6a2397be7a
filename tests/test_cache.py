"""The build's cache: entity results kept between builds, invalidated by a new builder
version or setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.build import Settings, run
from builder.entities import nlp
from conftest import ARTICLES


def _forget() -> None:
    nlp._cache.clear()
    nlp._loaded.clear()


def _no_model(name: str) -> None:
    raise AssertionError("the model ran although every paragraph was cached")


def test_a_second_build_needs_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=tmp_path / "cache")
    _forget()
    first = run(settings, write=False)
    stores = list((tmp_path / "cache").glob("ner-*.pickle"))
    assert len(stores) == 1
    _forget()
    monkeypatch.setattr(nlp, "load", _no_model)
    second = run(settings, write=False)
    assert second.pages == first.pages
    assert second.entities == first.entities


def test_a_new_builder_version_starts_a_new_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=tmp_path / "cache")
    _forget()
    run(settings, write=False)
    old = {p.name for p in (tmp_path / "cache").iterdir()}
    _forget()
    monkeypatch.setattr(nlp, "__version__", "999")
    run(settings, write=False)
    new = {p.name for p in (tmp_path / "cache").iterdir()}
    assert len(new) == 1 and new != old  # the old file is gone, a new one written


def test_an_unreadable_cache_is_rebuilt(tmp_path: Path) -> None:
    settings = Settings(seeds=ARTICLES, docs=tmp_path / "docs", cache=tmp_path / "cache")
    _forget()
    first = run(settings, write=False)
    for store in (tmp_path / "cache").iterdir():
        store.write_bytes(b"not a pickle")
    _forget()
    assert run(settings, write=False).pages == first.pages
