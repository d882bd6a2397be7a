"""What goes into the PDF, gathered from the build's structured data (briefing.json's
dictionary, the entity index, the articles). Citations become numbered references a
reader on paper can follow: [3] -> "3. ABC, 'Title', paragraph 4".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..analysis import outlets as outlet_names
from ..model import Corpus, EntityIndex


# The comparison table prints a row per article up to this many; past it, the articles
# sharing the most claims (2,225 rows took 151 landscape pages and 48 s to lay out).
COMPARED = 100


@dataclass(frozen=True, slots=True)
class Reference:
    number: int
    outlet: str
    title: str
    paragraph: int
    date: str
    url: str


@dataclass(frozen=True, slots=True)
class ArticleText:
    title: str
    meta: str
    paragraphs: tuple[tuple[str, str], ...]  # (kind, text)


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    site_title: str
    date_range: str
    articles: int
    outlets: str  # "5 articles from 2 named outlets (3 name none)"
    build_date: str
    briefing: Mapping[str, object]  # briefing.json's dictionary
    sources: Sequence[Mapping[str, object]]
    compared: Sequence[Mapping[str, object]]  # the comparison table's rows
    entities: Sequence[Mapping[str, object]]
    references: Mapping[tuple[str, str], Reference]  # (article, anchor) -> reference, unnumbered
    # What the briefing page shows of each section (briefing.json's "page"), as
    # briefing.json's entries, and how many entries of the section's list it leaves out.
    shown: Mapping[str, Sequence[Mapping[str, object]]] = field(default_factory=dict)
    more: Mapping[str, int] = field(default_factory=dict)
    appendix: tuple[ArticleText, ...] = field(default=())


class Numbering:
    """Numbers citations in the order the template uses them (reading order); one
    number per paragraph cited. A fresh one for every rendering."""

    def __init__(self, sources: Mapping[tuple[str, str], Reference]) -> None:
        self._sources = sources
        self._numbers: dict[tuple[str, str], int] = {}
        self.used: list[Reference] = []

    def __call__(self, cite: Mapping[str, object]) -> int:
        key = (str(cite["article"]), str(cite["anchor"]))
        if key not in self._numbers:
            self._numbers[key] = len(self._numbers) + 1
            self.used.append(replace(self._sources[key], number=self._numbers[key]))
        return self._numbers[key]


def build_document(corpus: Corpus, briefing: Mapping[str, object], entities: EntityIndex,
                   site_title: str, with_articles: bool = False) -> Document:
    references = {
        (a.slug, p.anchor): Reference(
            number=0,
            outlet=outlet_names.label(a),
            title=a.metadata.title.value,
            paragraph=p.number,
            date=a.metadata.date.value.isoformat() if a.metadata.date else "undated",
            url=a.metadata.url.value if a.metadata.url else "",
        )
        for a in corpus.articles for p in a.paragraphs
    }
    dates = sorted(a.metadata.date.value for a in corpus.articles if a.metadata.date)
    headline = briefing.get("headline")
    title = str(headline["text"]) if isinstance(headline, dict) else site_title
    rows = [
        {"name": e.name, "type": e.type, "role": e.roles[0].text if e.roles else "",
         "mentions": len(e.mentions), "articles": len(e.articles)}
        for e in sorted(entities.entities, key=lambda e: (-len(e.mentions), e.name))
        if len(e.articles) > 1 or len(entities.entities) <= 60
    ][:200]
    appendix = tuple(
        ArticleText(
            title=a.metadata.title.value,
            meta=" · ".join(filter(None, [
                a.metadata.outlet.value if a.metadata.outlet else "outlet unknown",
                a.metadata.author.value if a.metadata.author else "",
                a.metadata.date.value.isoformat() if a.metadata.date else "date unknown",
            ])),
            paragraphs=tuple((p.kind, p.text) for p in a.paragraphs),
        )
        for a in corpus.articles
    ) if with_articles else ()
    shown, more = _shown(briefing)
    sources: list[Mapping[str, object]] = list(briefing["sources"])  # type: ignore[call-overload]
    return Document(
        title=title,
        site_title=site_title,
        date_range=_span(dates),
        articles=len(corpus.articles),
        outlets=outlet_names.count(corpus.articles),
        build_date=corpus.build_date.isoformat(),
        briefing=briefing,
        sources=sources,
        compared=sources if len(sources) <= COMPARED else
        sorted(sources, key=lambda s: -s["claims_shared"])[:COMPARED],  # type: ignore[operator]
        entities=rows,
        references=references,
        shown=shown,
        more=more,
        appendix=appendix,
    )


# briefing.json's "page" names entries of these lists.
_SECTIONS = {"key_points": "claims", "timeline": "timeline", "figures": "figures",
             "quotes": "quotes", "disagreements": "disagreements"}


def _shown(briefing: Mapping[str, object]) -> tuple[dict[str, list[Mapping[str, object]]], dict[str, int]]:
    """The page's entries of each section. The key points leave out the overview's
    claims, so "more" counts the claims shown in neither."""
    page: Mapping[str, list[str]] = briefing["page"]  # type: ignore[assignment]
    shown: dict[str, list[Mapping[str, object]]] = {}
    more: dict[str, int] = {}
    for section, key in _SECTIONS.items():
        entries: list[Mapping[str, object]] = briefing[key]  # type: ignore[assignment]
        by_id = {e["id"]: e for e in entries}
        shown[section] = [by_id[i] for i in page[section]]
        printed = len(shown[section]) + (len(briefing["overview"]) if section == "key_points" else 0)  # type: ignore[arg-type]
        more[section] = len(entries) - printed
    return shown, more


def _span(dates: list[dt.date]) -> str:
    if not dates:
        return "undated sources"
    if dates[0] == dates[-1]:
        return dates[0].isoformat()
    return f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
