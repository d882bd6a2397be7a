"""The built site in a real browser: Playwright driving Debian's Chromium against the
site served on 127.0.0.1. Screenshots of the main pages go to tests/artifacts/."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from conftest import STORY
from sites import build, make_project

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)")]
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


SITE: list[Path] = []


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = make_project(tmp_path_factory.mktemp("browser"), STORY)
    build(project)
    SITE.append(project / "site")
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


def _crawl(browser, start: str) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    """Every page reachable from `start` on this host: its console errors, the requests
    it made off 127.0.0.1, its links and its element ids. A fresh tab per page."""
    seen: dict[str, dict[str, object]] = {}
    todo = [start]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        errors: list[str] = []
        outside: list[str] = []
        page = browser.new_page()
        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r, o=outside: o.append(r.url)
                if urlparse(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith("data:") else None)
        response = page.goto(url, wait_until="networkidle")
        seen[url] = info = {
            "status": response.status if response else 0,
            "errors": errors, "outside": outside,
            "ids": set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")),
            "links": page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"),
        }
        page.close()
        for link in info["links"]:  # type: ignore[union-attr]
            target, _ = urldefrag(link)
            if urlparse(target).netloc == urlparse(start).netloc and target.endswith("/") and target not in seen:
                todo.append(target)
    return seen


@pytest.fixture(scope="module")
def crawl(browser, site_url: str):  # type: ignore[no-untyped-def]
    return _crawl(browser, site_url)


def test_every_page_loads_without_errors_or_outside_requests(crawl, site_url: str) -> None:  # type: ignore[no-untyped-def]
    built = {site_url + p.parent.relative_to(SITE[0]).as_posix() + "/" for p in SITE[0].rglob("index.html")}
    assert {u.replace(site_url + "./", site_url) for u in built} == set(crawl)  # every page is reachable
    for url, info in crawl.items():
        assert info["status"] == 200, url
        assert info["errors"] == [], (url, info["errors"])
        assert info["outside"] == [], (url, info["outside"])


def test_every_internal_link_and_anchor_resolves(crawl, browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    import urllib.request

    for url, info in crawl.items():
        for link in info["links"]:
            target, anchor = urldefrag(link)
            if urlparse(target).netloc != urlparse(site_url).netloc:
                continue
            if target in crawl:
                if anchor:
                    assert anchor in crawl[target]["ids"], f"{url}: no #{anchor} on {target}"
            else:
                with urllib.request.urlopen(target) as response:  # noqa: S310 - loopback
                    assert response.status == 200, f"{url}: {target}"


def test_search_finds_an_entity_page(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("s")  # Material's shortcut opens the search box
    page.keyboard.type("Lina Ferris", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any("/entities/lina-ferris/" in h for h in hrefs), hrefs
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search.png"))
    page.close()


def test_light_dark_toggle(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url, wait_until="networkidle")
    before = page.get_attribute("body", "data-md-color-scheme")
    page.click("form[data-md-component=palette] label:visible")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    after = page.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    page.close()


def test_the_pdf_link_downloads_a_pdf(browser, site_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(accept_downloads=True)
    page.goto(site_url + "briefing/", wait_until="networkidle")
    with page.expect_download() as download:
        page.click("a[href$='briefing.pdf']")
    path = tmp_path / "briefing.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    page.close()


@pytest.mark.parametrize("path", ["", "briefing/", "sources/", "entities/", "articles/harwick-gazette-fire/"])
def test_screenshots_of_the_main_pages(browser, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{path.strip('/').replace('/', '_') or 'home'}.png"), full_page=True)
    assert page.inner_text("h1")
    page.close()
