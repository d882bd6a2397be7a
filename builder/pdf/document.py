"""What goes into the PDF, gathered from the build's record of the briefing
(render/record.py, what briefing.json holds), the entity index and the articles. Citations become numbered references a
reader on paper can follow: [3] -> "3. ABC, 'Title', paragraph 4".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..analysis import outlets as outlet_names
from ..model import Corpus, EntityIndex
from ..render.record import (
    Briefing,
    Cite,
    ClaimEntry,
    DisagreementEntry,
    EventEntry,
    FigureEntry,
    QuoteEntry,
    SourceRow,
)

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
    paragraphs: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...]  # (kind, text, a table's rows)


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    site_title: str
    date_range: str
    articles: int
    outlets: str  # "5 articles from 2 named outlets (3 name none)"
    build_date: str
    briefing: Briefing
    sources: Sequence[SourceRow]
    compared: Sequence[SourceRow]  # the comparison table's rows
    entities: Sequence[Mapping[str, object]]
    references: Mapping[tuple[str, str], Reference]  # (article, anchor) -> reference, unnumbered
    # What the briefing page shows of each section (the record's "page"), as the
    # record's entries, and how many entries of the section's list it leaves out.
    shown: Mapping[str, Sequence[object]] = field(default_factory=dict)
    more: Mapping[str, int] = field(default_factory=dict)
    appendix: tuple[ArticleText, ...] = field(default=())


class Numbering:
    """Numbers citations in the order the template uses them (reading order); one
    number per paragraph cited. A fresh one for every rendering."""

    def __init__(self, sources: Mapping[tuple[str, str], Reference]) -> None:
        self._sources = sources
        self._numbers: dict[tuple[str, str], int] = {}
        self.used: list[Reference] = []

    def __call__(self, cite: Cite) -> int:
        key = (cite.article, cite.anchor)
        if key not in self._numbers:
            self._numbers[key] = len(self._numbers) + 1
            self.used.append(replace(self._sources[key], number=self._numbers[key]))
        return self._numbers[key]


def build_document(corpus: Corpus, briefing: Briefing, entities: EntityIndex,
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
    title = briefing.headline.text if briefing.headline else site_title
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
            paragraphs=tuple((p.kind, p.text, p.rows) for p in a.paragraphs),
        )
        for a in corpus.articles
    ) if with_articles else ()
    shown, more = _shown(briefing)
    sources = briefing.sources
    return Document(
        title=title,
        site_title=site_title,
        date_range=_span(dates),
        articles=len(corpus.articles),
        outlets=outlet_names.count(corpus.articles),
        build_date=corpus.build_date.isoformat(),
        briefing=briefing,
        sources=sources,
        compared=sources if len(sources) <= COMPARED else sorted(sources, key=lambda s: -s.claims_shared)[:COMPARED],
        entities=rows,
        references=references,
        shown=shown,
        more=more,
        appendix=appendix,
    )


def _shown(briefing: Briefing) -> tuple[dict[str, list[object]], dict[str, int]]:
    """The page's entries of each section. The key points leave out the overview's
    claims, so "more" counts the corroborated claims shown in neither."""
    sections: dict[str, tuple[tuple[str, ...], Sequence[ClaimEntry | EventEntry | FigureEntry | QuoteEntry
                                                         | DisagreementEntry]]] = {
        "key_points": (briefing.page.key_points, briefing.claims),
        "timeline": (briefing.page.timeline, briefing.timeline),
        "figures": (briefing.page.figures, briefing.figures),
        "quotes": (briefing.page.quotes, briefing.quotes),
        "disagreements": (briefing.page.disagreements, briefing.disagreements),
    }
    shown: dict[str, list[object]] = {}
    more: dict[str, int] = {}
    for section, (ids, entries) in sections.items():
        by_id = {e.id: e for e in entries}
        shown[section] = [by_id[i] for i in ids]
        if section == "key_points":  # the claims two outlets or more carry, printed in neither
            printed = {*ids, *briefing.overview}
            more[section] = sum(1 for c in briefing.claims if len(c.outlets) > 1 and c.id not in printed)
        else:
            more[section] = len(entries) - len(ids)
    return shown, more


def _span(dates: list[dt.date]) -> str:
    if not dates:
        return "undated sources"
    if dates[0] == dates[-1]:
        return dates[0].isoformat()
    return f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
