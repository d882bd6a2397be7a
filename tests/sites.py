"""One way for the tests to make a project, build its site and read the pages.

`make_project` copies the project's mkdocs.yml as mkdocs.base.yml and writes a child
mkdocs.yml that inherits it and sets the plugin's options, so that no test edits the
configuration as a string. `build` runs `mkdocs build` in a subprocess with a fixed
environment. `Page` collects what the tests look for in a built page, and
`broken_links` checks every internal link and anchor of a built site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from builder.render import GENERATED
from builder.render.writer import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
# What every subprocess build sees: nothing from the caller's environment, the build
# date fixed (2025-06-01), MkDocs' notice about version 2 silenced.
ENV = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1748736000",
       # The builder the tests import, in the builds they start too: a git worktree tested
       # with another checkout's virtualenv (PYTHONPATH=worktree) would otherwise build with
       # the builder that virtualenv's editable install points at.
       **({"PYTHONPATH": os.environ["PYTHONPATH"]} if os.environ.get("PYTHONPATH") else {})}


def copy_docs(dest: Path) -> None:
    """The hand-written part of docs/ (stylesheets, about.md, theme overrides). What a
    build left there is not copied: the test project's own build must write it (a copy
    without its manifest would be "a file the builder did not write")."""
    shutil.copytree(ROOT / "docs", dest, ignore=shutil.ignore_patterns(*GENERATED, MANIFEST))


def make_project(tmp: Path, seeds: Path, **options: Any) -> Path:
    """A copy of the project's site configuration around a given seeds folder, in
    `tmp / "project"`. `options` are the briefing plugin's (pdf=False, entity_pages=4...).

    The project's mkdocs.yml becomes mkdocs.base.yml; mkdocs.yml inherits it and gives
    the plugins as a mapping, which MkDocs merges into the parent's list (a plugin
    the child does not name is dropped, so search is named)."""
    project = tmp / "project"
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.base.yml")
    child = {"INHERIT": "mkdocs.base.yml", "plugins": {"search": {}, "briefing": {"seeds": "seeds", **options}}}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(child, sort_keys=False), encoding="utf-8")
    copy_docs(project / "docs")
    shutil.copytree(seeds, project / "seeds")
    return project


def build(project: Path, strict: bool = True, check: bool = True,
          extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs build [--strict]` in `project`; with `check`, the build must succeed."""
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])]
    result = subprocess.run(command, check=False, cwd=project, capture_output=True, text=True,
                            env={**ENV, **(extra_env or {})})
    if check:
        assert result.returncode == 0, result.stderr
    return result


class Page(HTMLParser):
    """What the tests read in a page: element ids, every start tag with its attributes,
    the links (href, text), the text inside <article>, the text of each <blockquote>, and
    the headings (tag, text) without their permalink."""

    HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.quotes: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self._article = 0
        self._quote = 0
        self._link: list[str] | None = None
        self._heading: list[str] | None = None
        self._permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        self.tags.append((tag, attributes))
        if tag == "article":
            self._article += 1
        elif tag == "blockquote":
            self._quote += 1
            self.quotes.append("")
        elif tag in self.HEADINGS:
            self._heading = []
        elif tag == "a":
            if attributes.get("href"):
                self.links.append((attributes["href"] or "", ""))
                self._link = []
            if self._heading is not None and "headerlink" in (attributes.get("class") or "").split():
                self._permalink = True  # the permalink's "¶" is not part of the title

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1
        elif tag == "blockquote":
            self._quote -= 1
        elif tag in self.HEADINGS and self._heading is not None:
            self.headings.append((tag, "".join(self._heading).strip()))
            self._heading = None
        elif tag == "a":
            if self._link is not None:
                self.links[-1] = (self.links[-1][0], "".join(self._link))
                self._link = None
            self._permalink = False

    def handle_data(self, data: str) -> None:
        if self._article:
            self.text.append(data)
        if self._quote:
            self.quotes[-1] += data
        if self._link is not None:
            self._link.append(data)
        if self._heading is not None and not self._permalink:
            self._heading.append(data)

    @property
    def hrefs(self) -> list[str]:
        return [href for href, _ in self.links]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def broken_links(site: Path) -> list[tuple[str, str, str]]:
    """Every internal link of every page of a built site that leads nowhere, as (page,
    href, what is wrong); [] when all resolve. Links are the href of <a> and <link> and
    the src of anything else (the theme's scripts and images too). A relative href is
    read against the page's folder, "/x" against the site root; a folder means its
    index.html; "#anchor" must be an id of the target page. Links with a scheme or a
    host (https:, mailto:, //cdn...) are not the site's and are skipped."""
    site = site.resolve()
    pages: dict[Path, Page] = {}

    def page_of(path: Path) -> Page:
        if path not in pages:
            pages[path] = parse(path)
        return pages[path]

    broken: list[tuple[str, str, str]] = []
    for html_file in sorted(site.rglob("*.html")):
        name = html_file.relative_to(site).as_posix()
        for tag, attributes in page_of(html_file).tags:
            href = attributes.get("href") if tag in ("a", "link") else attributes.get("src")
            if not href:
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            if not path:
                target = html_file
            elif path.startswith("/"):
                target = (site / path.lstrip("/")).resolve()
            else:
                target = (html_file.parent / path).resolve()
            if not target.is_relative_to(site):
                broken.append((name, href, "outside the site"))
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append((name, href, "no such file"))
                continue
            anchor = unquote(parts.fragment)
            if anchor and target.suffix == ".html" and anchor not in page_of(target).ids:
                broken.append((name, href, f"no #{anchor} in {target.relative_to(site).as_posix()}"))
    return broken
