"""Results kept between builds (builder.cache.memo): reading and cleaning per file, pages per
input. A rebuild must give exactly what a fresh build gives, reuse what did not change,
and survive a broken cache file."""

from __future__ import annotations

import logging
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ARTICLES, BUILD_DATE, FIXTURES

from builder.build import Settings, run
from builder.cache import Cache, Memo, key
from builder.cache import memo as memo_module
from builder.corpus.load import load_corpus
from builder.render.pages import render_site

STORY = FIXTURES / "briefing" / "articles"


def test_a_memo_keeps_what_this_build_used_and_only_that(tmp_path: Path) -> None:
    first: Memo[str] = Cache(tmp_path).memo("t")
    first.put(key("a"), "A")
    first.put(key("b"), "B")
    first.save()
    second: Memo[str] = Cache(tmp_path).memo("t")
    assert second.get(key("a")) == "A"
    assert second.get(key("c")) is None
    second.save()  # "b" was not used: it drops out
    third: Memo[str] = Cache(tmp_path).memo("t")
    assert third.get(key("b")) is None
    assert third.get(key("a")) == "A"
    assert len(list(tmp_path.glob("t-*.pickle"))) == 1


def test_other_code_starts_a_new_file_and_removes_the_old(tmp_path: Path) -> None:
    old: Memo[str] = Cache(tmp_path).memo("t")
    old.put(key("a"), "A")
    old.save()
    new: Memo[str] = Cache(tmp_path).memo("t", depends="spaCy 9")
    assert new.path != old.path
    assert new.get(key("a")) is None
    new.save()
    assert [p.name for p in tmp_path.glob("t-*.pickle")] == [new.path.name]


@pytest.mark.parametrize("content", [b"not a pickle", pickle.dumps(["a", "list"]), b""])
def test_an_unreadable_file_is_a_warning_and_a_fresh_start(tmp_path: Path, content: bytes,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    path = Cache(tmp_path).memo("t").path
    assert path is not None
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        memo: Memo[str] = Cache(tmp_path).memo("t")
    assert memo.get(key("a")) is None
    assert any("unreadable" in r.getMessage() for r in caplog.records)


def test_without_a_folder_nothing_is_kept(tmp_path: Path) -> None:
    memo: Memo[str] = Cache(None).memo("t")
    memo.put(key("a"), "A")
    memo.save()
    assert memo.get(key("a")) is None
    assert not list(tmp_path.iterdir())


def test_the_code_digest_covers_every_file_of_the_package_and_the_libraries(monkeypatch: pytest.MonkeyPatch,
                                                                             tmp_path: Path) -> None:
    """No hand-kept list of files (issue 17: the read cache ignored trafilatura's version)."""
    assert len(memo_module.code_digest()) == 16
    before = memo_module.code_digest()
    memo_module.code_digest.cache_clear()
    monkeypatch.setattr(memo_module, "version", lambda library: "9.9" if library == "trafilatura" else "1")
    assert memo_module.code_digest() != before
    memo_module.code_digest.cache_clear()
    monkeypatch.undo()
    package = tmp_path / "builder"
    shutil.copytree(memo_module.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(memo_module, "PACKAGE", package)
    assert memo_module.code_digest() == before
    memo_module.code_digest.cache_clear()
    (package / "render" / "templates" / "article.md.j2").write_text("changed", encoding="utf-8")
    assert memo_module.code_digest() != before
    memo_module.code_digest.cache_clear()


def test_a_cached_read_gives_the_same_corpus(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ARTICLES, seeds)
    fresh = load_corpus(seeds, BUILD_DATE)
    load_corpus(seeds, BUILD_DATE, cache=Cache(tmp_path / "cache"))
    again = load_corpus(seeds, BUILD_DATE, cache=Cache(tmp_path / "cache"))
    assert again == fresh
    assert list((tmp_path / "cache").glob("read-*.pickle"))


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ARTICLES, seeds)
    load_corpus(seeds, BUILD_DATE, cache=Cache(tmp_path / "cache"))
    changed = seeds / "plain_signoff_wires.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA paragraph added after the first build.\n", encoding="utf-8")
    again = load_corpus(seeds, BUILD_DATE, cache=Cache(tmp_path / "cache"))
    assert again == load_corpus(seeds, BUILD_DATE)
    article = next(a for a in again.articles if a.name == changed.name)
    assert article.body[-1].text == "A paragraph added after the first build."


def test_pages_made_again_or_kept_are_the_same(tmp_path: Path) -> None:
    settings = Settings(seeds=STORY, docs=tmp_path / "docs", cache=None)
    built = run(settings, write=False)
    memo: Memo[str] = Cache(tmp_path / "cache").memo("pages")
    first = render_site(built.corpus, "Story", STORY, built.entities, memo=memo)
    memo.save()
    memo = Cache(tmp_path / "cache").memo("pages")
    second = render_site(built.corpus, "Story", STORY, built.entities, memo=memo)
    assert second == first == render_site(built.corpus, "Story", STORY, built.entities)
    assert memo.reused == len([p for p in first if p.startswith(("articles/", "entities/"))
                               and p not in ("articles/index.md", "entities/index.md")])


def test_a_rebuild_after_a_change_equals_a_fresh_build(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(STORY, seeds)
    cached = Settings(seeds=seeds, docs=tmp_path / "docs", cache=tmp_path / "cache")
    run(cached)
    changed = seeds / "courier-fire.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nInspector Mara Quill of the harbour police said nothing more.\n",
                       encoding="utf-8")
    rebuilt = run(cached)
    fresh = run(Settings(seeds=seeds, docs=tmp_path / "fresh", cache=None), write=False)
    assert rebuilt.pages == fresh.pages
    assert any("Mara Quill" in page for path, page in rebuilt.pages.items() if path.startswith("articles/"))


def test_an_entry_that_does_not_unpickle_is_made_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Values are kept pickled one by one: one broken value costs that value only."""
    first: Memo[str] = Cache(tmp_path).memo("t")
    first.put(key("a"), "A")
    first.put(key("b"), "B")
    first.save()
    assert first.path is not None
    stored = pickle.loads(first.path.read_bytes())
    stored[key("a")] = b"not a pickle"
    first.path.write_bytes(pickle.dumps(stored))
    with caplog.at_level(logging.WARNING):
        second: Memo[str] = Cache(tmp_path).memo("t")
        assert second.get(key("a")) is None
    assert second.get(key("b")) == "B"
    assert "unreadable" in caplog.text
    second.put(key("a"), "A again")
    second.save()  # the same keys as before, but the broken value is replaced
    assert Cache(tmp_path).memo("t").get(key("a")) == "A again"


@dataclass(frozen=True, slots=True)
class _One:
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Two:
    one: _One
    name: str


def test_dataclasses_pickle_as_calls_and_come_back_equal() -> None:
    """memo.dumps pickles dataclasses by their fields; one whose only field is a tuple
    must not have the tuple taken for its arguments."""
    value = _Two(_One((1, 2, 3)), "two")
    assert pickle.loads(memo_module.dumps(value)) == value
    assert key(value) == key(_Two(_One((1, 2, 3)), "two")) != key(_Two(_One((1, 2)), "two"))


def test_metadata_is_resolved_on_every_read_even_from_the_cache(tmp_path: Path) -> None:
    """The read memo keeps a file as read, cleaned and anchored, not its metadata: that
    depends on seeds/sources.yml (and on today, for "yesterday")."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ARTICLES, seeds)
    load_corpus(seeds, BUILD_DATE, cache=Cache(tmp_path / "cache"))
    (seeds / "sources.yml").write_text("plain_signoff_wires.txt:\n  outlet: The Editor's Outlet\n", encoding="utf-8")
    again = load_corpus(seeds, BUILD_DATE, cache=Cache(tmp_path / "cache"))
    assert again == load_corpus(seeds, BUILD_DATE)
    article = next(a for a in again.articles if a.name == "plain_signoff_wires.txt")
    assert article.metadata.outlet is not None and article.metadata.outlet.value == "The Editor's Outlet"


def test_keys_do_not_depend_on_which_equal_objects_are_shared() -> None:
    made = "".join(["Mark ", "Carney"])
    copy = "".join(["Mark ", "Car", "ney"])
    assert made == copy and made is not copy
    assert key((made, made)) == key((made, copy))  # pickle's memo would write the first pair shorter


def test_the_first_rebuild_after_a_cold_build_reuses_every_page(tmp_path: Path) -> None:
    from builder.entities import index_entities

    seeds = tmp_path / "seeds"
    shutil.copytree(STORY, seeds)
    cache = tmp_path / "cache"
    settings = Settings(seeds=seeds, docs=tmp_path / "docs", cache=cache, build_date=BUILD_DATE)
    cold = run(settings)
    # What a rebuild holds: the articles and the entity index as the caches give them back.
    corpus = load_corpus(seeds, BUILD_DATE, cache=Cache(cache))
    entities = index_entities(corpus, seeds, settings.model, Cache(cache))
    assert corpus == cold.corpus and entities == cold.entities
    memo: Memo[str] = Cache(cache).memo("pages")
    pages = render_site(corpus, settings.title, seeds, entities, settings.entity_pages, memo)
    per_item = [p for p in pages if p.startswith(("articles/", "entities/")) and not p.endswith("/index.md")]
    assert memo.reused == len(per_item) > 0
