"""The shared site helpers (tests/sites.py): the link checker finds what is broken and
only that, the page collector reads what the tests look for, and make_project writes a
child configuration that MkDocs reads as the project's own with the given options."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY, write
from mkdocs.config import load_config
from sites import broken_links, make_project, parse

PAGE = """<html><head><link rel="stylesheet" href="{up}style.css"></head><body>
<h1 id="top">Title <a class="headerlink" href="#top">¶</a></h1>
<article><p id="p-1">Body <a href="{link}">label <b>bold</b></a></p>
<blockquote>“A quote”</blockquote></article>
<a href="https://example.com/x#nowhere">out</a> <a href="mailto:a@example.com">mail</a> <a href="#">top</a>
</body></html>"""


def _site(tmp_path: Path, links: dict[str, str]) -> Path:
    site = tmp_path / "site"
    write(site / "style.css", "")
    for page, link in links.items():
        up = "../" * page.count("/")
        write(site / page, PAGE.format(up=up, link=link))
    return site


def test_a_site_whose_links_all_resolve_has_none_broken(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": "a/#p-1",  # a folder means its index.html
        "a/index.html": "/b/index.html#top",  # absolute: from the site root
        "b/index.html": "../a/#p-1",
    })
    assert broken_links(site) == []


def test_missing_pages_anchors_and_files_are_each_named(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": "a/#p-2",
        "a/index.html": "/c/",
        "b/index.html": "../../outside.html",
        "c/index.html": "../missing.pdf",
    })
    (site / "c" / "index.html").rename(site / "c" / "page.html")
    assert sorted(broken_links(site)) == [
        ("a/index.html", "/c/", "no such file"),
        ("b/index.html", "../../outside.html", "outside the site"),
        ("c/page.html", "../missing.pdf", "no such file"),
        ("index.html", "a/#p-2", "no #p-2 in a/index.html"),
    ]


def test_the_page_collector(tmp_path: Path) -> None:
    page = parse(_site(tmp_path, {"index.html": "a/#p-1"}) / "index.html")
    assert {"top", "p-1"} == page.ids
    assert ("h1", "Title") in page.headings
    assert ("a/#p-1", "label bold") in page.links
    assert page.hrefs[0] == "#top" and "mailto:a@example.com" in page.hrefs
    assert "".join(page.text).split() == ["Body", "label", "bold", "“A", "quote”"]
    assert [q.strip() for q in page.quotes] == ["“A quote”"]
    assert ("link", {"rel": "stylesheet", "href": "style.css"}) in page.tags


def test_make_project_gives_the_plugin_its_options_and_keeps_the_rest(tmp_path: Path) -> None:
    project = make_project(tmp_path, STORY, pdf=False, entity_pages=4)
    config = load_config(str(project / "mkdocs.yml"))
    briefing = config.plugins["briefing"].config
    assert (briefing.seeds, briefing.pdf, briefing.entity_pages) == ("seeds", False, 4)
    # Read after the child: MkDocs reuses a plugin's instance from one load to the next.
    base = load_config(str(project / "mkdocs.base.yml"))
    assert base.plugins["briefing"].config.pdf is True
    assert list(config.plugins) == list(base.plugins) == ["material/search", "briefing"]
    assert config.theme.name == "material" and config.markdown_extensions == base.markdown_extensions
    assert sorted(p.name for p in (project / "seeds").iterdir()) == sorted(p.name for p in STORY.iterdir())
    assert (project / "docs" / "stylesheets").is_dir() and not (project / "docs" / "articles").exists()
