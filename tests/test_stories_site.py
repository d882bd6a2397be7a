"""A folder of two stories and an article that fits none, built as a site (issue 21):
the landing page lists the stories, each has its briefing and comparison, articles
and entities say which story they belong to, and every link resolves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sites import broken_links, build, make_project, parse

FIXTURES = Path(__file__).parent / "fixtures" / "stories"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("stories"), FIXTURES, pdf=True)
    build(project)
    return project / "site"


def _stories(site: Path) -> dict[str, list[str]]:
    data = json.loads((site / "briefing.json").read_text(encoding="utf-8"))
    return {s["slug"]: s["articles"] for s in data["stories"]}


def test_a_briefing_and_a_comparison_per_story(site: Path):
    stories = _stories(site)
    assert sorted(map(sorted, stories.values())) == [["ferry-1", "ferry-2", "ferry-3"],
                                                     ["volcano-1", "volcano-2", "volcano-3"]]
    for slug in stories:
        briefing = parse(site / "stories" / slug / "index.html")
        assert any(h == "h2" and t == "Overview" for h, t in briefing.headings)
        assert (site / "stories" / slug / "sources" / "index.html").is_file()
    # No combined briefing: it would mix the stories.
    assert not (site / "briefing" / "index.html").exists()
    assert (site / "briefing.pdf").is_file()


def test_home_lists_the_stories_and_the_article_in_none(site: Path):
    home = parse(site / "index.html")
    for slug in _stories(site):
        assert f"stories/{slug}/" in home.hrefs and f"stories/{slug}/sources/" in home.hrefs
    assert "articles/other/" in home.hrefs
    assert any(t == "Articles in no story" for _, t in home.headings)


def test_an_article_says_its_story_and_why(site: Path):
    stories = _stories(site)
    ferry = next(s for s, articles in stories.items() if "ferry-1" in articles)
    page = parse(site / "articles" / "ferry-1" / "index.html")
    text = " ".join(page.text)
    assert f"../../stories/{ferry}/" in page.hrefs
    line = text.split("Story:")[1]
    assert "Duisburg" in line.split("entities it names with them:")[1] and "claim" in line
    # The volcano story's entities are not the ferry story's.
    assert "Grindavik" not in line.split("entities it names with them:")[1].split(".")[0]
    other = " ".join(parse(site / "articles" / "other" / "index.html").text)
    assert "none of the 2 stories" in other


def test_an_entity_page_names_its_stories(site: Path):
    stories = _stories(site)
    volcano = next(s for s, articles in stories.items() if "volcano-1" in articles)
    page = parse(site / "entities" / "grindavik" / "index.html")
    assert f"../../stories/{volcano}/" in page.hrefs


def test_every_link_resolves(site: Path):
    assert broken_links(site) == []


def test_option_one_keeps_the_single_briefing(tmp_path: Path):
    project = make_project(tmp_path, FIXTURES, pdf=False, stories="one")
    build(project)
    site = project / "site"
    assert (site / "briefing" / "index.html").is_file() and (site / "sources" / "index.html").is_file()
    assert not (site / "stories").exists()


def test_stories_yml_merges_the_two(tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES, seeds)
    (seeds / "stories.yml").write_text("Two disasters:\n  articles: [ferry-1.txt, ferry-2.txt, ferry-3.txt, "
                                       "volcano-1.txt, volcano-2.txt, volcano-3.txt]\n", encoding="utf-8")
    project = make_project(tmp_path / "p", seeds, pdf=False)
    build(project)
    # One story and one article in none: one briefing of everything, as before.
    assert (project / "site" / "briefing" / "index.html").is_file()


def test_pdf_of_one_story_or_all_with_contents(tmp_path: Path):
    import pypdf

    from builder.cli import main

    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES, seeds)
    common = ["pdf", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--no-cache"]
    assert main([*common, "--out", str(tmp_path / "all.pdf")]) == 0
    pages = [p.extract_text() for p in pypdf.PdfReader(tmp_path / "all.pdf").pages]
    assert "2 stories" in pages[0]
    assert "Stories" in pages[1] and "Duisburg" in pages[1] and "Grindavik" in pages[1]  # the contents
    # Each story's overview and key points, cited by outlet and paragraph, on pages of its own.
    assert any("Key points" in p and "Duisburg" in p and "¶" in p and "Grindavik" not in p for p in pages[2:])
    assert any("Key points" in p and "Grindavik" in p and "¶" in p and "Duisburg" not in p for p in pages[2:])
    import datetime as dt

    from builder.analysis.stories import detect
    from builder.corpus.load import load_corpus
    slug = detect(load_corpus(seeds, dt.date(2025, 6, 1))).of("volcano-1").slug
    assert main([*common, "--out", str(tmp_path / "one.pdf"), "--story", slug]) == 0
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "one.pdf").pages)
    assert "Grindavik" in text and "Duisburg" not in text
    assert main([*common, "--out", str(tmp_path / "no.pdf"), "--story", "no-such-story"]) == 2
