"""Render the briefing PDF: collect the document's content, fill the template, print."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..errors import BriefingError
from ..files import atomic_write
from .document import Document, Numbering

if TYPE_CHECKING:
    from ..build import BuildResult

log = logging.getLogger(__name__)

PAPER_SIZES = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True, slots=True)
class PdfResult:
    path: Path
    pages: int
    seconds: float
    bytes: int


def _refuse_fetch(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
    """WeasyPrint's URL fetcher: nothing leaves the machine, nothing is read from disk.
    The template inlines its CSS and uses the system's fonts."""
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    raise BriefingError(f"the PDF template asked for {url[:80]!r}; the PDF makes no requests")


_ENV = Environment(
    loader=PackageLoader("builder", "pdf/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(document: Document, paper: str = "a4") -> str:
    css = _ENV.get_template("briefing.css.j2").render(paper=PAPER_SIZES[paper])
    cite = Numbering(document.references)
    return _ENV.get_template("briefing.html.j2").render(doc=document, css=css, cite=cite, b=document.briefing)


def export_pdf(document: Document, out: Path, paper: str = "a4") -> PdfResult:
    """Write the PDF to `out` (atomically) and say how many pages it has."""
    from weasyprint import HTML  # imported here: it takes a second, and only this needs it

    if paper not in PAPER_SIZES:
        raise BriefingError(f"paper size '{paper}' is not one of {', '.join(PAPER_SIZES)}")
    start = time.perf_counter()
    html = render_html(document, paper)
    rendered = HTML(string=html, url_fetcher=_refuse_fetch, base_url=None).render()
    data = rendered.write_pdf()
    assert data is not None
    atomic_write(out, data)
    seconds = time.perf_counter() - start
    log.info("briefing PDF: %d pages in %.1f s", len(rendered.pages), seconds)
    return PdfResult(path=out, pages=len(rendered.pages), seconds=seconds, bytes=len(data))


def export_build(result: BuildResult, out: Path, title: str, paper: str = "a4", with_articles: bool = False) -> PdfResult:
    """The PDF of a finished build."""
    from .document import build_document

    if result.briefing is None:
        raise BriefingError("the PDF needs a full build, not a check")
    return export_pdf(build_document(result.corpus, result.briefing, result.entities, title, with_articles), out, paper)
