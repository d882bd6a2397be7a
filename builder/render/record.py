"""The briefing as a typed record: what /briefing.json holds and what the PDF prints
(issue 4; issue 17: typed values where dicts travelled). `briefing_record` makes it
from the analyses, `as_json` turns it into briefing.json's data, and the PDF reads its
fields. `article_record` is one article as plain data (the golden files).

briefing.json, schema version `SCHEMA_VERSION`:

    {
      "schema": "briefing-builder/briefing", "version": 1, "build_date": "YYYY-MM-DD",
      "headline": {"text", "article"} | null,      # an article's title, verbatim
      "overview": [claim id, ...],                  # the first key points
      "page": {"key_points": [claim id], "timeline": [event id],
               "figures": [figure id], "quotes": [quote id],
               "disagreements": [disagreement id]},
                                                    # what /briefing/ shows, in its order
      "sources": [{"slug", "title", "outlet", "author", "date", "url", "words",
                   "paragraphs", "removed", "quotes", "figures",
                   "claims_shared", "claims_alone"}],
      "claims": [{"id", "text", "cite", "outlets": [outlet], "citations": [cite]}],
                                                    # the key points, ranked (text: the
                                                    # clearest wording), then the other
                                                    # claims carried by 2+ outlets
      "quotes": [{"id", "text", "speaker" | null, "speakers", "outlets",
                  "variants": [{"text", "outlets"}],
                  "occurrences": [{"cite", "speaker" | null, "cue", "how"}]}],
      "figures": [{"id", "unit", "disputed", "evolving", "outlets",
                   "readings": [{"text", "values", "bound", "approximate",
                                 "qualifier", "outlets", "citations": [cite],
                                 "reported" | null}]}],   # evolving: a toll that
                                                          # changed as the story went
                                                          # on, readings in the order
                                                          # first reported
      "timeline": [{"id", "date" | null, "precision", "text", "cite", "outlets",
                    "mentions": [{"expression", "date" | null, "derivation", "cite"}]}],
      "disagreements": [{"id", "kind", "about": cite, "ref",
                         "sides": [{"text", "note", "outlets", "citations": [cite]}]}],
      "similarity": [{"a", "b", "shared_claims", "score", "reading"}],
      "whos_who": [{"name", "role", "link"}]
    }

    cite    = {"article": slug, "anchor": paragraph anchor, "start": int, "end": int,
               "text": the cited characters, verbatim}
    outlet  = the outlet as the article names it; "article <n>, outlet unknown" when unknown
    date    = "YYYY-MM-DD" (a month or season: its first day; see "precision":
              day, week, month, season, year)
    kind    = "figure" | "date" | "contradiction" | "quote speaker" | "quote wording"
    bound   = ">" | ">=" | "<" | "<=" | ""  ("more than 60": ">")

Version 1 is the first. A change that removes or renames a key, or changes a value's
meaning, raises the version; adding a key does not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, is_dataclass

from ..analysis import Analysis
from ..analysis.claims import Claim
from ..analysis.spans import Span
from ..model import Article, Sourced
from .context import Context, same_wording

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Cite:
    article: str
    anchor: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, span: Span) -> Cite:
        return cls(span.article, span.anchor, span.start, span.end, span.text)


@dataclass(frozen=True, slots=True)
class Headline:
    text: str
    article: str


@dataclass(frozen=True, slots=True)
class Page:
    key_points: tuple[str, ...]
    timeline: tuple[str, ...]
    figures: tuple[str, ...]
    quotes: tuple[str, ...]
    disagreements: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceRow:
    slug: str
    title: str
    outlet: str
    author: str | None
    date: str | None
    url: str | None
    words: int
    paragraphs: int
    removed: int
    quotes: int
    figures: int
    claims_shared: int
    claims_alone: int


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    id: str
    text: str
    cite: Cite
    outlets: tuple[str, ...]
    citations: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class Variant:
    text: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Occurrence:
    cite: Cite
    speaker: str | None
    cue: str
    how: str


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    id: str
    text: str
    speaker: str | None
    speakers: tuple[str, ...]
    outlets: tuple[str, ...]
    variants: tuple[Variant, ...]
    occurrences: tuple[Occurrence, ...]


@dataclass(frozen=True, slots=True)
class ReadingEntry:
    text: str
    values: tuple[float, ...]
    bound: str
    approximate: bool
    qualifier: str
    outlets: tuple[str, ...]
    citations: tuple[Cite, ...]
    reported: str | None = None  # the first publication date giving it (ISO), when known


@dataclass(frozen=True, slots=True)
class FigureEntry:
    id: str
    unit: str
    disputed: bool
    outlets: tuple[str, ...]
    readings: tuple[ReadingEntry, ...]
    evolving: bool = False  # a toll that changed as the story went on: readings in the order reported


@dataclass(frozen=True, slots=True)
class MentionEntry:
    expression: str
    date: str | None
    derivation: str
    cite: Cite


@dataclass(frozen=True, slots=True)
class EventEntry:
    id: str
    date: str | None
    precision: str
    text: str
    cite: Cite
    outlets: tuple[str, ...]
    mentions: tuple[MentionEntry, ...]


@dataclass(frozen=True, slots=True)
class SideEntry:
    text: str
    note: str
    outlets: tuple[str, ...]
    citations: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class DisagreementEntry:
    id: str
    kind: str
    about: Cite
    ref: str
    sides: tuple[SideEntry, ...]


@dataclass(frozen=True, slots=True)
class PairEntry:
    a: str
    b: str
    shared_claims: int
    score: float
    reading: str


@dataclass(frozen=True, slots=True)
class WhoEntry:
    name: str
    role: str
    link: str = ""  # a page under docs/ ("entities/tom-becker.md"), or ""


@dataclass(frozen=True, slots=True)
class Briefing:
    schema: str
    version: int
    build_date: str
    headline: Headline | None
    overview: tuple[str, ...]
    page: Page
    sources: tuple[SourceRow, ...]
    claims: tuple[ClaimEntry, ...]
    quotes: tuple[QuoteEntry, ...]
    figures: tuple[FigureEntry, ...]
    timeline: tuple[EventEntry, ...]
    disagreements: tuple[DisagreementEntry, ...]
    similarity: tuple[PairEntry, ...]
    whos_who: tuple[WhoEntry, ...]


def briefing_record(ctx: Context, whos_who: Sequence[WhoEntry] = ()) -> Briefing:
    """The structured briefing of a corpus's analyses."""
    corpus, analysis, shown = ctx.corpus, ctx.analysis, ctx.selection
    headline = ctx.headline()

    def cites(spans: Sequence[Span]) -> tuple[Cite, ...]:
        return tuple(Cite.of(s) for s in spans)

    return Briefing(
        schema="briefing-builder/briefing",
        version=SCHEMA_VERSION,
        build_date=corpus.build_date.isoformat(),
        headline=Headline(headline.metadata.title.value, headline.slug) if headline else None,
        overview=tuple(c.id for c in shown.overview),
        page=Page(
            key_points=tuple(c.id for c in shown.key_points),
            timeline=tuple(e.id for e in shown.events + shown.undated),
            figures=tuple(g.id for g in shown.figures),
            quotes=tuple(g.id for g in shown.quotes),
            disagreements=tuple(d.id for d in shown.disagreements),
        ),
        sources=tuple(_source(a, ctx) for a in corpus.articles),
        claims=tuple(ClaimEntry(c.id, c.text, Cite.of(c.span), ctx.labels(c.outlets), cites(c.cited))
                     for c in _claims(analysis, ctx.points())),
        quotes=tuple(QuoteEntry(
            id=g.id, text=g.text, speaker=g.speaker, speakers=g.speakers, outlets=ctx.labels(g.outlets),
            variants=tuple(Variant(v.span.text, ctx.labels(sorted(
                {ctx.outlet_key[q.span.article] for q in g.quotes if same_wording(q.span, v.span)})))
                for v in g.variants),
            occurrences=tuple(Occurrence(Cite.of(q.span), q.speaker, q.cue, q.how) for q in g.quotes),
        ) for g in analysis.quotes.groups),
        figures=tuple(FigureEntry(
            id=g.id, unit=g.unit, disputed=g.disputed, outlets=ctx.labels(g.outlets),
            readings=tuple(ReadingEntry(
                text=r.figures[0].span.text, values=r.values, bound=r.bound, approximate=r.approximate,
                qualifier=r.figures[0].qualifier, outlets=ctx.labels(r.outlets),
                citations=cites([f.span for f in r.figures]), reported=reported or None,
            ) for r, reported in zip(g.readings, g.reported or [""] * len(g.readings), strict=True)),
            evolving=g.evolving,
        ) for g in analysis.figures.groups),
        timeline=tuple(EventEntry(
            id=e.id, date=e.date.isoformat() if e.date else None, precision=e.precision, text=e.sentence.text,
            cite=Cite.of(e.sentence), outlets=ctx.labels(e.outlets),
            mentions=tuple(MentionEntry(m.span.text, m.date.isoformat() if m.date else None, m.derivation,
                                        Cite.of(m.span)) for m in e.mentions),
        ) for e in analysis.timeline.events),
        disagreements=tuple(DisagreementEntry(
            id=d.id, kind=d.kind, about=Cite.of(d.about), ref=d.ref,
            sides=tuple(SideEntry(s.text, s.note, ctx.labels(s.outlets), cites(s.spans)) for s in d.sides),
        ) for d in analysis.disagreements),
        similarity=tuple(PairEntry(p.a, p.b, p.shared, round(p.score, 4), p.reading) for p in analysis.similarity),
        whos_who=tuple(whos_who),
    )


def _claims(analysis: Analysis, points: Sequence[Claim]) -> list[Claim]:
    """The key points as shown (their clearest wording), then the other claims two
    outlets or more carry."""
    shown = {c.id for c in points}
    return [*points, *(c for c in analysis.claims.shared() if c.id not in shown)]


def _source(a: Article, ctx: Context) -> SourceRow:
    m, n = a.metadata, ctx.counts[a.slug]
    from ..analysis import outlets as outlet_names

    return SourceRow(
        slug=a.slug, title=m.title.value, outlet=outlet_names.label(a),
        author=m.author.value if m.author else None, date=m.date.value.isoformat() if m.date else None,
        url=m.url.value if m.url else None, words=a.words, paragraphs=len(a.body), removed=len(a.removed),
        quotes=n.quotes, figures=n.figures, claims_shared=n.shared, claims_alone=n.alone,
    )


def as_json(record: object) -> object:
    """A record as plain data for json.dumps: dataclasses as dicts of their fields in
    order, tuples as lists. Walked by hand: `dataclasses.asdict` copies every value
    it meets, several times slower on the hundreds of thousands of BBC citations.
    Strings, numbers and None are taken as they are, without a call: most values are
    (BBC's 302 story records: 0.27 s -> 0.17 s, the collector paused)."""
    convert = _converter(type(record))
    if convert is not None:
        return convert(record)
    if isinstance(record, (tuple, list)):
        return [x if type(x) in _PLAIN else as_json(x) for x in record]
    return record


_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _converter(kind: type) -> Callable[[object], dict[str, object]] | None:
    if not is_dataclass(kind):
        return None
    names = tuple(f.name for f in fields(kind))

    def convert(obj: object) -> dict[str, object]:
        out = {}
        for name in names:
            value = getattr(obj, name)
            out[name] = value if type(value) in _PLAIN else as_json(value)
        return out

    return convert


def _field(value: Sourced[object] | None) -> dict[str, str] | None:
    if value is None:
        return None
    shown = value.value.isoformat() if hasattr(value.value, "isoformat") else str(value.value)
    return {"value": shown, "from": value.origin}


def article_record(article: Article) -> dict[str, object]:
    """One article as plain data: its metadata with where each value came from, its
    paragraphs and what cleaning removed."""
    m = article.metadata
    return {
        "slug": article.slug,
        "source": article.name,
        "format": article.format,
        "encoding": article.encoding,
        "title": _field(m.title),
        "outlet": _field(m.outlet),
        "author": _field(m.author),
        "date": _field(m.date),
        "dateline": _field(m.dateline),
        "url": _field(m.url),
        "description": _field(m.description),
        "tags": list(m.tags),
        "categories": list(m.categories),
        "words": article.words,
        "paragraphs": [
            {"anchor": p.anchor, "kind": p.kind, "number": p.number, "text": p.text,
             **({"rows": [list(row) for row in p.rows]} if p.rows else {})} for p in article.paragraphs
        ],
        "removed": [{"line": r.line, "rule": r.rule, "reason": r.reason, "text": r.text} for r in article.removed],
        "extra": dict(article.extra),
    }
