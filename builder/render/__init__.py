"""Rendering: a Corpus, its entities and analyses into {path under docs/: Markdown
text} and the briefing's record (briefing.json). Pure: no disk access but the writer's.

    pages.py      the home page, the article list and one page per article
    entities.py   the entity index and a page per entity; entity links in articles
    context.py    what the briefing, the comparison and the record share
    briefing.py   /briefing/;  sources.py  /sources/;  record.py  briefing.json
    writer.py     docs/, only what changed, never a file the builder did not write
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis import Analysis
from ..model import Corpus
from .briefing import PAGE as BRIEFING_PAGE
from .briefing import render_briefing
from .context import Context
from .pages import render_site
from .record import WhoEntry, as_json, briefing_record
from .sources import PAGE as SOURCES_PAGE
from .sources import render_sources

# What a build writes at the top of docs/: these files, and everything in these folders.
GENERATED = ("index.md", "briefing.json", "articles", "entities", "briefing", "sources", "stories")


def render_analysis_pages(corpus: Corpus, analysis: Analysis, whos_who: Sequence[WhoEntry] = (),
                          ctx: Context | None = None) -> dict[str, str]:
    """The briefing's and the source comparison's pages."""
    ctx = ctx or Context(corpus, analysis)
    return {BRIEFING_PAGE: render_briefing(ctx, whos_who), SOURCES_PAGE: render_sources(ctx)}


def briefing_json(corpus: Corpus, analysis: Analysis, whos_who: Sequence[WhoEntry] = (),
                  ctx: Context | None = None) -> object:
    """briefing.json's data (render/record.py has the schema)."""
    return as_json(briefing_record(ctx or Context(corpus, analysis), whos_who))


__all__ = ["BRIEFING_PAGE", "GENERATED", "SOURCES_PAGE", "Context", "WhoEntry", "briefing_json",
           "render_analysis_pages", "render_site"]
