"""Render the briefing PDF: collect the document's content, fill the template, print."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..errors import BriefingError
from ..files import atomic_write
from .document import Document, Numbering

if TYPE_CHECKING:
    from ..build import BuildResult
    from ..model import Corpus, EntityIndex

log = logging.getLogger(__name__)

PAPER_SIZES = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True, slots=True)
class PdfResult:
    path: Path
    pages: int
    seconds: float
    bytes: int
    missing: tuple[str, ...] = ()  # characters no font had: printed as empty boxes
    warning: str = ""  # one line naming them and the articles they come from; "" when none


class _MissingGlyphs(logging.Filter):
    """WeasyPrint's ".notdef glyph rendered" warnings, one per character drawn without a
    font that has it (a Chinese post's every character, before the PDF named a CJK font),
    collected into one set and kept out of the log: the caller says it once."""

    def __init__(self) -> None:
        super().__init__()
        self.chars: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith(".notdef glyph"):
            return True
        if record.args and isinstance(record.args, tuple):
            self.chars.add(str(record.args[0]))
        return False


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
    _check_paper(paper)
    return _print(render_html(document, paper), out, paper)


def _check_paper(paper: str) -> None:
    if paper not in PAPER_SIZES:
        raise BriefingError(f"paper size '{paper}' is not one of {', '.join(PAPER_SIZES)}")


# The key points each story prints in the PDF of several stories.
STORY_POINTS = 5


def render_stories_html(documents: list[tuple[str, Document]], title: str, articles: int, build_date: str,
                        paper: str = "a4") -> str:
    """One document for a folder of several stories (issue 21): a contents page, then
    each story's overview and key points. A story in full is its own PDF (`--story`):
    every story in full made the BBC corpus's 302 stories thousands of pages, minutes
    to lay out and gigabytes of memory."""
    _check_paper(paper)
    css = _ENV.get_template("briefing.css.j2").render(paper=PAPER_SIZES[paper])
    return _ENV.get_template("stories.html.j2").render(docs=documents, css=css, title=title, articles=articles,
                                                       build_date=build_date, points=STORY_POINTS)


def _print(html: str, out: Path, paper: str) -> PdfResult:
    from weasyprint import HTML  # imported here: it takes a second, and only this needs it

    start = time.perf_counter()
    missing = _MissingGlyphs()
    weasyprint_log = logging.getLogger("weasyprint")
    weasyprint_log.addFilter(missing)
    try:
        rendered = HTML(string=html, url_fetcher=_refuse_fetch, base_url=None).render()
        data = rendered.write_pdf()
    finally:
        weasyprint_log.removeFilter(missing)
    assert data is not None
    atomic_write(out, data)
    seconds = time.perf_counter() - start
    log.info("briefing PDF: %d pages in %.1f s", len(rendered.pages), seconds)
    chars = tuple(sorted(missing.chars))
    warning = f"{len(chars)} characters print as empty boxes: no font here has them ({_sample(chars)})" if chars else ""
    return PdfResult(path=out, pages=len(rendered.pages), seconds=seconds, bytes=len(data), missing=chars,
                     warning=warning)


# Debian's fonts for the scripts the PDF's fonts (DejaVu) lack most often.
FONT_PACKAGES = "fonts-noto-cjk for Chinese, Japanese and Korean"


def _sample(chars: tuple[str, ...], shown: int = 8) -> str:
    return " ".join(chars[:shown]) + (f" and {len(chars) - shown} more" if len(chars) > shown else "")


def _glyph_warning(result: PdfResult, corpus: Corpus) -> PdfResult:
    """The warning, naming the articles the missing characters come from."""
    if not result.missing:
        return result
    wanted = set(result.missing)
    names = [a.name for a in corpus.articles
             if not wanted.isdisjoint(a.metadata.title.value) or any(not wanted.isdisjoint(p.text) for p in a.paragraphs)]
    where = f"in article {names[0]}" if len(names) == 1 else \
        f"in {len(names)} articles ({', '.join(names[:3])}{', ...' if len(names) > 3 else ''})" if names else ""
    warning = f"PDF: {len(result.missing)} characters {where} print as empty boxes, no font here has them " \
              f"({_sample(result.missing)}): install a font for their script (Debian: {FONT_PACKAGES})"
    return replace(result, warning=" ".join(warning.split()))


def export_build(result: BuildResult, out: Path, title: str, paper: str = "a4", with_articles: bool = False,
                 story: str = "") -> PdfResult:
    """The PDF of a finished build. With several stories (issue 21): `story` (a slug)
    prints that one in full; without it, every story's overview and key points after a
    contents page."""
    from .document import build_document

    if result.story_briefings:
        chosen = [b for b in result.story_briefings if not story or b.story.slug == story]
        if not chosen:
            known = ", ".join(b.story.slug for b in result.story_briefings[:10])
            raise BriefingError(f"no story '{story}' (the stories: {known}{', ...' if len(result.story_briefings) > 10 else ''})")
        if story:
            corpus, entities = _story_part(result, chosen[0].story.articles)
            document = build_document(corpus, chosen[0].record, entities, title, with_articles)
            return _glyph_warning(export_pdf(document, out, paper), result.corpus)
        documents = []
        for b in chosen:
            corpus, entities = _story_part(result, b.story.articles)
            documents.append((b.story.slug, build_document(corpus, b.record, entities, title, False)))
        html = render_stories_html(documents, title, len(result.corpus.articles), result.corpus.build_date.isoformat(),
                                   paper)
        return _glyph_warning(_print(html, out, paper), result.corpus)
    if result.briefing is None:
        raise BriefingError("the PDF needs a full build, not a check")
    if story:
        raise BriefingError(f"--story {story}: this folder is one story; its PDF is the briefing (leave --story out)")
    document = build_document(result.corpus, result.briefing, result.entities, title, with_articles)
    return _glyph_warning(export_pdf(document, out, paper), result.corpus)


def _story_part(result: BuildResult, articles: tuple[str, ...]) -> tuple[Corpus, EntityIndex]:
    """A story's articles and the entities they name, as if they were the whole folder."""
    from ..model import Corpus, EntityIndex

    wanted = set(articles)
    corpus = Corpus(tuple(a for a in result.corpus.articles if a.slug in wanted), (), result.corpus.build_date)
    entities = []
    for e in result.entities.entities:
        mentions = tuple(m for m in e.mentions if m.article in wanted)
        if mentions:
            entities.append(replace(e, mentions=mentions))
    return corpus, EntityIndex(tuple(entities), result.entities.model)
