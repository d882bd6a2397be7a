"""The MkDocs plugin: thin. It runs the builder before each build, watches the seeds
under `mkdocs serve`, keeps long generated sections out of the navigation, renders the
builder's long machine-made blocks faster (fastpath.py), and prints the PDF. The pages it builds are plain Markdown in docs/: any renderer of mkdocs.yml
builds them alike without it (Zensical runs no MkDocs plugin; `zensical build` after
`briefing build` gives the same site, without the PDF).

    plugins:
      - search
      - briefing:
          seeds: seeds
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import summary
from ..build import BuildResult, Settings, run
from ..errors import BriefingError
from ..forked import InChild
from ..pdf import PdfResult, export_build
from .config import BriefingConfig
from .fastpath import FastBlocks, resolver

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    _command = "build"
    _result: BuildResult | None = None
    _pdf: InChild[PdfResult, None, PdfResult] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._fast = FastBlocks()
        config.markdown_extensions.append(self._fast)  # type: ignore[arg-type]
        root = Path(config.config_file_path or ".").resolve().parent
        self._settings = Settings(
            seeds=(root / self.config.seeds).resolve(),
            docs=Path(config.docs_dir).resolve(),
            title=self.config.title or config.site_name,
            build_date=self.config.build_date,
            model=self.config.model,
            cache=(root / self.config.cache).resolve() if self.config.cache else None,
            entity_pages=self.config.entity_pages,
            stories=self.config.stories,
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

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: object) -> Navigation:
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
            # Stories (issue 21): a section each, shown past nav_articles by the list alone.
            listing = [c for c in section.children if c.is_page and c.file.src_uri == "stories/index.md"]
            if listing and len(section.children) > self.config.nav_articles:
                section.children = listing
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page about to be rendered, for the fast path's links (fastpath.py)."""

        def url_of(path: str) -> str | None:
            target = files.get_file_from_path(path)
            return target.url_relative_to(page.file) if target is not None else None

        self._fast.start_page(resolver(page.file.src_uri, url_of))
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The anchors of the blocks the fast path rendered, for MkDocs' anchor check."""
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= self._fast.ids
        return html

    def on_env(self, env: object, *, config: MkDocsConfig, files: object) -> object:
        """Every page is read by now; what is left is MkDocs' page loop, on one core. The
        PDF needs the builder's result, not the site: it is printed in a forked child now,
        beside that loop (BBC: a 19 s PDF during a 27 s page loop), or else after the
        build (`InChild`)."""
        if not (self.config.enabled and self.config.pdf and self._result is not None):
            return env
        if self._command == "serve" and not self.config.pdf_in_serve:
            return env
        result, out = self._result, Path(config.site_dir) / "briefing.pdf"
        title, paper, articles = self._settings.title, self.config.pdf_paper, self.config.pdf_articles
        self._pdf = InChild(lambda: export_build(result, out, title, paper, articles), lambda pdf, _: pdf)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._pdf is None:
            return
        child, self._pdf = self._pdf, None
        with child:
            try:
                child.send(None)
                pdf = child.result()
            except BriefingError as exc:
                raise PluginError(f"briefing: PDF: {exc}") from exc
        log.info("briefing: %s: %d pages in %.1f s%s", pdf.path.name, pdf.pages, pdf.seconds,
                 " (printed beside the pages)" if child.forked else "")
        if pdf.warning:
            # Here, not in the child that printed it: `mkdocs build --strict` counts this process's warnings.
            log.warning("briefing: %s", pdf.warning)

    def on_build_error(self, *, error: Exception) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        if self.config.enabled:
            server.watch(str(self._settings.seeds))
        return server
