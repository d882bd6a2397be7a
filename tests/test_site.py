"""The whole chain: builder + `mkdocs build --strict` in a temporary copy of the project."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ARTICLES, write
from sites import ENV, broken_links, build, make_project, parse

pytestmark = pytest.mark.slow  # every test here builds or serves a site


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("site"), ARTICLES)
    build(project)
    return project


def test_one_page_per_article(built_site: Path) -> None:
    pages = sorted(p.parent.name for p in (built_site / "site" / "articles").glob("*/index.html"))
    assert pages == sorted(re.sub(r"[^a-z0-9]+", "-", p.stem.lower()).strip("-") for p in ARTICLES.iterdir())


def test_article_page_shape(built_site: Path) -> None:
    page = parse(built_site / "site" / "articles" / "plain-dateline-subheadings" / "index.html")
    text = " ".join(page.text)
    assert "Harbour bridge repairs approved after two-year row" in text
    assert "dateline PORT ELLING, N.S." in text
    assert any(tag == "h2" and "what-the-plan-covers" not in (a.get("id") or "") for tag, a in page.tags)
    paragraph_ids = {i for i in page.ids if i.startswith("p-")}
    assert len(paragraph_ids) == 4
    details = [a for tag, a in page.tags if tag == "details"]
    assert any("removed" in (a.get("class") or "") for a in details)


def test_no_article_text_becomes_markup(built_site: Path) -> None:
    for html_file in (built_site / "site").rglob("*.html"):
        page = parse(html_file)
        assert not [a for t, a in page.tags if t == "script" and a.get("src") is None and "tracking" in str(a)]
        assert "tracking" not in html_file.read_text(encoding="utf-8"), html_file


def test_landing_page_lists_every_article(built_site: Path) -> None:
    """Every article is one click from the landing page, or two: the fixtures are two
    stories (issue 21: a harbour bridge's repair, 10 articles, and a ferry strike, 3),
    so the landing page lists the stories and each story's comparison has a row per
    article."""
    site = built_site / "site"
    page = parse(site / "index.html")
    links = {str(a.get("href")) for t, a in page.tags if t == "a"}
    stories = sorted(link for link in links if link.startswith("stories/") and link.endswith("/sources/"))
    assert len(stories) == 2
    for story in stories:
        rows = parse(site / story / "index.html")
        links |= {"articles/" + str(a.get("href")).split("articles/", 1)[1] for t, a in rows.tags
                  if t == "a" and "articles/" in str(a.get("href"))}
    for html_file in (site / "articles").glob("*/index.html"):
        assert f"articles/{html_file.parent.name}/" in links


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    assert broken_links(built_site / "site") == []


def test_strict_build_fails_on_a_bad_file_and_plain_build_still_succeeds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    write(seeds / "good.txt", "Headline\n\nA paragraph of text that is long enough to be an article.\n")
    write(seeds / "empty.txt", "   \n")
    project = make_project(tmp_path, seeds)
    strict = build(project, check=False)
    assert strict.returncode != 0
    assert "empty.txt: file is empty or only whitespace" in strict.stderr
    build(project, strict=False)  # succeeds
    assert (project / "site" / "articles" / "good" / "index.html").exists()
    assert "empty.txt" in (project / "site" / "index.html").read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def test_serve_rebuilds_when_a_seed_changes(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seed = write(seeds / "story.txt", "Headline\n\nThe first version of the text says one thing.\n")
    project = make_project(tmp_path, seeds)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
    url = f"http://127.0.0.1:{port}/articles/story/"
    try:
        body = _wait_for(lambda: _get(url), "first version", 60)
        assert "first version" in body
        (project / "seeds" / "story.txt").write_text("Headline\n\nThe second version of the text says another.\n")
        body = _wait_for(lambda: _get(url), "second version", 60)
        assert "second version" in body and "first version" not in body
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert seed.exists()


def _wait_for(fetch, needle: str, seconds: float) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch()
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    return last
