"""Each story's share of a build kept between builds (build.py's "stories" memo, issue
21): a rebuild makes again only the stories whose inputs changed, and writes exactly
the files a build from nothing writes, whatever changed: an article of a story, the
story an article belongs to, or what the entity index says of a name one of a story's
quotes gives while its articles stay the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BUILD_DATE, FIXTURES

from builder import build
from builder.build import BuildResult, Settings, run

STORIES = FIXTURES / "stories"
# A quote whose speaker the index names, in one ferry article only: not in the story's who's who.
BRANDT = '\n"The current was far stronger than forecast," said Hans Brandt, who heads the Duisburg harbour authority.\n'


@pytest.fixture
def made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file that lists the stories each build made rather than reused, one slug a line
    (a file: they are made in the forked child)."""
    log = tmp_path / "made.txt"
    real = build._story_made

    def noted(story, *args):  # type: ignore[no-untyped-def]
        with log.open("a", encoding="utf-8") as out:
            out.write(story.slug + "\n")
        return real(story, *args)

    monkeypatch.setattr(build, "_story_made", noted)
    return log


def _made(log: Path) -> list[str]:
    """The stories made since the last call."""
    slugs = sorted(log.read_text(encoding="utf-8").split()) if log.exists() else []
    log.unlink(missing_ok=True)
    return slugs


def _seeds(tmp_path: Path, extra: str = "") -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(STORIES, seeds)
    if extra:
        with (seeds / "ferry-3.txt").open("a", encoding="utf-8") as out:
            out.write(extra)
    return seeds


def _build(tmp_path: Path, seeds: Path) -> BuildResult:
    return run(Settings(seeds=seeds, docs=tmp_path / "docs", cache=tmp_path / "cache", build_date=BUILD_DATE))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _slug(result: BuildResult, article: str) -> str:
    story = result.stories.of(article)
    assert story is not None
    return story.slug


def _as_from_nothing(tmp_path: Path, seeds: Path, rebuilt: BuildResult, made: Path) -> None:
    """The rebuild wrote what a build of the same folder without a cache writes, file
    for file (briefing.json and the manifest too)."""
    fresh_docs = tmp_path / "fresh"
    shutil.rmtree(fresh_docs, ignore_errors=True)
    fresh = run(Settings(seeds=seeds, docs=fresh_docs, cache=None, build_date=BUILD_DATE))
    _made(made)  # every story, made by the fresh build
    assert rebuilt.pages == fresh.pages
    assert _files(tmp_path / "docs") == _files(fresh_docs)
    assert rebuilt.story_briefings == fresh.story_briefings


def test_a_changed_article_makes_its_story_again_and_no_other(tmp_path: Path, made: Path) -> None:
    seeds = _seeds(tmp_path)
    first = _build(tmp_path, seeds)
    ferry, volcano = _slug(first, "ferry-1"), _slug(first, "volcano-1")
    assert _made(made) == sorted([ferry, volcano])
    with (seeds / "ferry-2.txt").open("a", encoding="utf-8") as out:
        out.write("\nThe ship's owners said they would pay for the repairs to the A42 bridge.\n")
    rebuilt = _build(tmp_path, seeds)
    assert _made(made) == [ferry] == [_slug(rebuilt, "ferry-1")]
    assert "pay for the repairs" in rebuilt.pages[f"stories/{ferry}/sources/index.md"]
    _as_from_nothing(tmp_path, seeds, rebuilt, made)
    # An article in no story changed: every story is kept.
    with (seeds / "other.txt").open("a", encoding="utf-8") as out:
        out.write("\nThe library's cafe opens next month.\n")
    rebuilt = _build(tmp_path, seeds)
    assert _made(made) == []
    _as_from_nothing(tmp_path, seeds, rebuilt, made)


def test_an_article_moved_to_another_story(tmp_path: Path, made: Path) -> None:
    seeds = _seeds(tmp_path)
    first = _build(tmp_path, seeds)
    ferry, volcano = _slug(first, "ferry-1"), _slug(first, "volcano-1")
    _made(made)
    # The editor pins a volcano article to the ferry story: both keep their names and slugs.
    (seeds / "stories.yml").write_text(f"{ferry}:\n  articles: [volcano-3.txt]\n", encoding="utf-8")
    rebuilt = _build(tmp_path, seeds)
    assert {b.story.slug: b.story.articles for b in rebuilt.story_briefings} == {
        ferry: ("ferry-1", "ferry-2", "ferry-3", "volcano-3"), volcano: ("volcano-1", "volcano-2")}
    assert _made(made) == sorted([ferry, volcano])
    _as_from_nothing(tmp_path, seeds, rebuilt, made)


def test_a_speaker_the_index_names_otherwise(tmp_path: Path, made: Path) -> None:
    """The ferry story's articles do not change, nor its who's who: only the name the
    index gives the speaker of one of its quotes (entities.yml renames him)."""
    seeds = _seeds(tmp_path, BRANDT)
    first = _build(tmp_path, seeds)
    ferry = _slug(first, "ferry-1")
    assert "— Hans Brandt" in first.pages[f"stories/{ferry}/index.md"]
    _made(made)
    (seeds / "entities.yml").write_text("Hans Brandt:\n  name: Johann Brandt\n", encoding="utf-8")
    rebuilt = _build(tmp_path, seeds)
    assert "— Johann Brandt" in rebuilt.pages[f"stories/{ferry}/index.md"]
    assert _made(made) == [ferry]
    _as_from_nothing(tmp_path, seeds, rebuilt, made)
    # Named as at first again: made again (the memo keeps a story's last value only), as at first.
    (seeds / "entities.yml").unlink()
    again = _build(tmp_path, seeds)
    assert _made(made) == [ferry]
    assert again.pages == first.pages


def test_a_story_renamed_by_the_editor(tmp_path: Path, made: Path) -> None:
    seeds = _seeds(tmp_path)
    first = _build(tmp_path, seeds)
    _made(made)
    (seeds / "stories.yml").write_text(f"{_slug(first, 'volcano-1')}:\n  title: Lava in Grindavik\n", encoding="utf-8")
    rebuilt = _build(tmp_path, seeds)
    assert _made(made) == ["lava-in-grindavik"]
    assert "Lava in Grindavik" in rebuilt.pages["stories/lava-in-grindavik/index.md"]
    _as_from_nothing(tmp_path, seeds, rebuilt, made)


def test_a_new_story_elsewhere(tmp_path: Path, made: Path) -> None:
    """A third story: no article of the other two changed, but their pages link to "All
    3 stories" now. They are kept (the number is not kept with them) and say so."""
    seeds = _seeds(tmp_path)
    _build(tmp_path, seeds)
    _made(made)
    (seeds / "library-2.txt").write_text(
        "City library reopening draws crowds after roof repairs\n\nHundreds of readers queued outside the city "
        "library on Saturday as it reopened after eight months of roof repairs, the council said.\n\nThe children's "
        "reading room, with its new furniture, was the busiest corner of the library.\n", encoding="utf-8")
    rebuilt = _build(tmp_path, seeds)
    assert len(rebuilt.stories.stories) == 3
    assert _made(made) == [_slug(rebuilt, "library-2")]
    assert all("[All 3 stories]" in rebuilt.pages[f"stories/{s.slug}/index.md"] for s in rebuilt.stories.stories)
    _as_from_nothing(tmp_path, seeds, rebuilt, made)
