"""The entity index end to end: builder.build.run on the fixture seeds, then
`mkdocs build --strict`; every link of every entity page must resolve, anchors too."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BUILD_DATE, FIXTURES
from sites import broken_links, build, make_project, parse

from builder.build import BuildResult, Settings, run

SEEDS = FIXTURES / "entities" / "seeds"
pytestmark = pytest.mark.slow  # every test here reads the site built below


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    project = make_project(tmp_path_factory.mktemp("entities-site"), SEEDS, build_date=BUILD_DATE.isoformat())
    result = run(Settings(seeds=project / "seeds", docs=project / "docs", title="Briefing", build_date=BUILD_DATE))
    assert result.problems == []
    build(project)
    return project, result


def test_pages_on_disk_follow_the_url_contract(site: tuple[Path, BuildResult]) -> None:
    project, result = site
    entities = result.entities.entities
    assert entities
    on_disk = sorted(p.name for p in (project / "docs" / "entities").glob("*.md"))
    assert on_disk == sorted(["index.md", *(f"{e.slug}.md" for e in entities)])
    for e in entities:
        assert (project / "site" / "entities" / e.slug / "index.html").is_file()
    assert (project / "site" / "entities" / "index.html").is_file()


def test_every_link_of_the_entity_and_article_pages_resolves(site: tuple[Path, BuildResult]) -> None:
    project, _ = site
    root = project / "site"
    assert broken_links(root) == []  # every page of the site, these among them
    pages = [*(root / "entities").rglob("index.html"), *(root / "articles").rglob("index.html")]
    checked = 0
    for page in pages:
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # external links and same-page anchors (permalinks) are not ours
            checked += 1
    assert checked > 100


def test_corrections_from_entities_yml(site: tuple[Path, BuildResult]) -> None:
    _, result = site
    by_name = {e.name: e for e in result.entities.entities}
    assert by_name["Bloc Québécois"].type == "organisation"
    assert by_name["Bloc Québécois"].type_origin == "entities.yml"
    assert by_name["Conservative Party"].type == "organisation"
    assert {"Conservatives"} <= set(by_name["Conservative Party"].aliases)
    assert by_name["White House"].roles[0].origin == "entities.yml"
    assert "U.S. Department of Commerce" in by_name and "Commerce Department" not in by_name
    assert not any(m.text == "Montreal" for e in result.entities.entities for m in e.mentions)
    assert result.entities.notes == ("entities.yml: 'Nobody In These Articles' matches no entity (left as it is)",)


def test_merged_aliases_and_roles(site: tuple[Path, BuildResult]) -> None:
    _, result = site
    by_name = {e.name: e for e in result.entities.entities}
    carney = by_name["Mark Carney"]
    assert {"Carney", "Mr Carney"} <= set(carney.aliases)
    assert carney.type == "person"
    assert len(carney.articles) == 2
    assert by_name["Pierre Poilievre"].roles[0].text == "Conservative leader"
    assert by_name["Dominic LeBlanc"].roles[0].text == "Canada's minister of international trade"
    assert {"U.S.", "US", "America"} <= set(by_name["United States"].aliases)
    assert {"NDP", "New Democrats"} <= set(by_name["New Democratic Party"].aliases)
    assert "Yves-Francois Blanchet" in by_name["Yves-François Blanchet"].aliases


def test_every_mention_carries_its_provenance(site: tuple[Path, BuildResult]) -> None:
    _, result = site
    paragraphs = {(a.slug, p.anchor): p.text for a in result.corpus.articles for p in a.paragraphs}
    for e in result.entities.entities:
        for m in e.mentions:
            text = paragraphs[(m.article, m.anchor)]
            assert text[m.start:m.end] == m.text
            assert m.sentence[0] <= m.start and m.end <= max(m.sentence[1], m.end) <= len(text)


def test_article_pages_link_names_to_entity_pages(site: tuple[Path, BuildResult]) -> None:
    project, _ = site
    page = parse(project / "site" / "articles" / "debate-night" / "index.html")
    assert "../../entities/mark-carney/" in page.hrefs
    assert page.hrefs.count("../../entities/mark-carney/") == 3  # paragraphs 1, 2 and 3 each name him
    # Paragraph 3 names Jagmeet Singh twice ("Jagmeet Singh", then "Singh"): one link.
    assert page.hrefs.count("../../entities/jagmeet-singh/") == 1
    for markdown_page in (project / "docs" / "articles").glob("*.md"):
        for line in markdown_page.read_text(encoding="utf-8").splitlines():
            targets = re.findall(r"\]\((\.\./entities/[^)]+)\)", line)
            assert len(targets) == len(set(targets)), line


def test_a_second_build_writes_nothing(site: tuple[Path, BuildResult]) -> None:
    project, _ = site
    again = run(Settings(seeds=project / "seeds", docs=project / "docs", title="Briefing", build_date=BUILD_DATE))
    assert again.written is not None and again.written.written == ()


def test_entity_pages_have_their_sections_as_headings(site: tuple[Path, BuildResult]) -> None:
    project, result = site
    for e in result.entities.entities:
        headings = parse(project / "site" / "entities" / e.slug / "index.html").headings
        sections = [text for tag, text in headings if tag == "h2"]
        assert sections[:2] == ["Mentions", "Sources"], (e.slug, sections)


def test_search_indexes_the_articles_text_but_not_the_cleaning_report(site: tuple[Path, BuildResult]) -> None:
    import html
    import json

    project, result = site
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d["title"] + " " + d["text"] for d in index["docs"] if d["location"].startswith("articles/"))
    for article in result.corpus.articles:
        words = article.body[0].text.split()[:6]
        assert html.escape(" ".join(words), quote=False) in texts, article.slug  # the index holds HTML
    for report in ("What cleaning removed", "Where this page", "not found in the file", "decoder"):
        assert report not in texts
    # The list of articles repeats their titles: a search finds each article once, on its page.
    assert not [d for d in index["docs"] if d["location"].split("#")[0] == "articles/"]


def test_search_finds_an_entity_page_by_its_name_and_aliases_not_its_mentions(site: tuple[Path, BuildResult]) -> None:
    """The mentions are the articles' own sentences, found on the article pages; on the
    entity pages they only doubled the index (BBC: 5.7 of 12.7 MB)."""
    import json

    project, result = site
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    paged = [e for e in result.entities.entities if (project / "docs" / "entities" / f"{e.slug}.md").is_file()]
    assert paged
    for e in paged:
        entries = [d for d in index["docs"] if d["location"].startswith(f"entities/{e.slug}/")]
        assert [d["location"] for d in entries] == [f"entities/{e.slug}/"], e.slug  # one entry: no sections
        assert entries[0]["title"] == e.name
        assert "¶" not in entries[0]["text"]
        for alias in e.aliases:
            assert alias in entries[0]["text"] or alias.replace("'", "&#x27;") in entries[0]["text"], (e.slug, alias)
