"""The limit on entity pages (issue 7): a story's entities all get a page; past the
limit, the entities named in the most articles do, and every other one keeps its row in
the index, linked to the paragraph that first names it. No link may point at a page
that was not written: the strict MkDocs build at the end checks every one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import STORY
from sites import build, make_project

from builder.build import Settings, run
from builder.render.entities import ENTITY_PAGES, with_pages

SEEDS = STORY
LIMIT = 4


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return run(Settings(seeds=SEEDS, docs=tmp_path_factory.mktemp("full")), write=False)


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return run(Settings(seeds=SEEDS, docs=tmp_path_factory.mktemp("limited"), entity_pages=LIMIT), write=False)


def _entity_pages(pages: dict[str, str]) -> set[str]:
    return {p for p in pages if p.startswith("entities/") and p != "entities/index.md"}


def test_a_story_gets_a_page_for_every_entity(full) -> None:  # type: ignore[no-untyped-def]
    assert len(full.entities.entities) <= ENTITY_PAGES
    assert _entity_pages(full.pages) == {f"entities/{e.slug}.md" for e in full.entities.entities}


def test_past_the_limit_the_most_named_entities_get_pages(limited) -> None:  # type: ignore[no-untyped-def]
    entities = limited.entities.entities
    assert len(entities) > LIMIT
    paged = with_pages(limited.entities, LIMIT)
    assert _entity_pages(limited.pages) == {f"entities/{s}.md" for s in paged}
    fewest_paged = min(len(e.articles) for e in entities if e.slug in paged)
    assert all(len(e.articles) <= fewest_paged for e in entities if e.slug not in paged)


def test_every_entity_keeps_its_row_and_the_unpaged_link_to_their_first_mention(limited) -> None:  # type: ignore[no-untyped-def]
    index = limited.pages["entities/index.md"]
    paged = with_pages(limited.entities, LIMIT)
    for entity in limited.entities.entities:
        first = entity.mentions[0]
        target = f"({entity.slug}.md)" if entity.slug in paged else f"(../articles/{first.article}.md#{first.anchor})"
        assert target in index, entity.name
    assert f"The {len(limited.entities.entities) - LIMIT} named in the fewest articles have no page" in index


def test_articles_and_the_briefing_link_only_to_pages_that_exist(limited) -> None:  # type: ignore[no-untyped-def]
    written = _entity_pages(limited.pages)
    for path, page in limited.pages.items():
        if not path.endswith(".md"):
            continue
        for target in re.findall(r"\]\((?:\.\./)?(entities/[^)#]+\.md)", page):
            assert target in written | {"entities/index.md"}, (path, target)
    for row in limited.briefing.whos_who:
        assert row.link in written | {""}


@pytest.mark.slow
def test_the_plugin_option_builds_strictly(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS, pdf=False, entity_pages=LIMIT)
    build(project)
    assert len([p for p in (project / "site" / "entities").iterdir() if p.is_dir()]) == LIMIT
