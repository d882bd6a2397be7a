"""The combined briefing (/briefing/), the source comparison (/sources/) and
/briefing.json (issue 4).

Nothing here writes a sentence of its own about the story: every statement shown is a
sentence, quote, figure or date from an article (builder.analysis), escaped, with
links to the paragraphs it comes from (`../articles/<slug>.md#<anchor>`, which
`mkdocs build --strict` checks). What the builder adds is labels, counts and the
words "unattributed", "unresolved", "disputed".

briefing.json, schema version `SCHEMA_VERSION`:

    {
      "schema": "briefing-builder/briefing", "version": 1, "build_date": "YYYY-MM-DD",
      "headline": {"text", "article"} | null,      # an article's title, verbatim
      "overview": [claim id, ...],                  # the most corroborated sentences
      "page": {"key_points": [claim id], "timeline": [event id],
               "figures": [figure id], "quotes": [quote id],
               "disagreements": [disagreement id]},
                                                    # what /briefing/ shows, in its order
      "sources": [{"slug", "title", "outlet", "author", "date", "url", "words",
                   "paragraphs", "removed", "quotes", "figures",
                   "claims_shared", "claims_alone"}],
      "claims": [{"id", "text", "cite", "outlets": [outlet], "citations": [cite]}],
                                                    # claims carried by 2+ outlets
      "quotes": [{"id", "text", "speaker" | null, "speakers", "outlets",
                  "variants": [{"text", "outlets"}],
                  "occurrences": [{"cite", "speaker" | null, "cue", "how"}]}],
      "figures": [{"id", "unit", "disputed", "outlets",
                   "readings": [{"text", "values", "bound", "approximate",
                                 "qualifier", "outlets", "citations": [cite]}]}],
      "timeline": [{"id", "date" | null, "precision", "text", "cite", "outlets",
                    "mentions": [{"expression", "date" | null, "derivation", "cite"}]}],
      "disagreements": [{"id", "kind", "about": cite, "ref",
                         "sides": [{"text", "note", "outlets", "citations": [cite]}]}],
      "similarity": [{"a", "b", "shared_claims", "score", "reading"}],
      "whos_who": [{"name", "role", "link"}]
    }

    cite    = {"article": slug, "anchor": paragraph anchor, "start": int, "end": int,
               "text": the cited characters, verbatim}
    outlet  = the outlet as the article names it; "unknown outlet (<slug>)" when unknown
    date    = "YYYY-MM-DD" (a month or season: its first day; see "precision":
              day, week, month, season, year)
    kind    = "figure" | "date" | "contradiction" | "quote speaker" | "quote wording"
    bound   = ">" | ">=" | "<" | "<=" | ""  ("more than 60": ">")

Version 1 is the first. A change that removes or renames a key, or changes a value's
meaning, raises the version; adding a key does not.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


from ..analysis import Analysis
from ..analysis import outlets as outlet_names
from ..analysis.claims import Claim, sentence_key
from ..analysis.dates import DateMention
from ..analysis.disagreements import Disagreement, Side
from ..analysis.figures import FigureGroup
from ..analysis.quotes import QuoteGroup
from ..analysis.spans import Span
from ..analysis.timeline import Event
from ..analysis.words import centrality, content, document_frequency, idf, vector
from ..blocks import text_key
from ..model import Article, Corpus
from .environment import markdown_environment
from .escape import Safe, escape

SCHEMA_VERSION = 1
BRIEFING_PAGE = "briefing/index.md"
SOURCES_PAGE = "sources/index.md"

# How much each section shows. The JSON has everything the sections draw from.
OVERVIEW_SENTENCES = 3
KEY_POINTS = 12
TIMELINE_EVENTS = 40
# The story's weeks: single-outlet events dated this long before the first publication
# date or after the last are background, left to briefing.json.
STORY_BEFORE = dt.timedelta(days=31)
STORY_AFTER = dt.timedelta(days=92)
# Quotes shorter than this are fragments, shown after whole sentences.
FRAGMENT_WORDS = 4
UNDATED_EVENTS = 10
KEY_FIGURES = 12
KEY_QUOTES = 10
DISAGREEMENTS = 25
BADGES = 8  # per statement; "+N more" after
COVERAGE_CLAIMS = 12
COVERAGE_OUTLETS = 8
ALONE_OUTLETS = 20
ALONE_PER_OUTLET = 5
SIMILAR_PAIRS = 25
QUOTES_BY_OUTLET = 10
# A sentence more than half quotation is shown with the quotes, not as a key point.
QUOTED_SHARE = 0.5

# A who's-who link is a page the builder made ("entities/tom-becker.md"); anything else
# is shown as plain text.
_PAGE_LINK = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_.-]*)*\.md(?:#[a-z0-9_-]+)?$")

_BLANK_LINES = re.compile(r"\n{3,}")
# The note on a key point some outlet reports differently. The builder's words, and a
# link to the page's own section (its id is made by the toc extension).
_DIFFER = "the outlets differ on this: see [where the sources disagree](#where-the-sources-disagree)"

KIND_LABELS = {
    "figure": "Figures differ",
    "date": "Dated differently",
    "contradiction": "Contradicting accounts",
    "quote speaker": "Quote attributed to different people",
    "quote wording": "Quote worded differently",
}


@dataclass(frozen=True, slots=True)
class WhoRow:
    """A row of the briefing's "Who's who", given by the entity index.
    `link` is a page path relative to docs/ ("entities/tom-becker.md"), or ""."""

    name: str
    role: str
    link: str = ""


class _Context:
    """Lookups every section needs: outlets, paragraph numbers, links, claims by sentence."""

    def __init__(self, corpus: Corpus, analysis: Analysis, page: str) -> None:
        self.corpus = corpus
        self.analysis = analysis
        self.page = page
        self.articles_dir = posixpath.relpath("articles", posixpath.dirname(page) or ".")
        self.articles = {a.slug: a for a in corpus.articles}
        self.number = {(a.slug, p.anchor): p.number for a in corpus.articles for p in a.paragraphs}
        self.outlet_key = {a.slug: outlet_names.key(a) for a in corpus.articles}
        labels: dict[str, set[str]] = defaultdict(set)
        for a in corpus.articles:
            labels[self.outlet_key[a.slug]].add(outlet_names.label(a))
        # One outlet under several names ("usa.chinadaily.com.cn", "chinadaily.com.cn"):
        # the name they share.
        self.outlet_label = {k: next(iter(v)) if len(v) == 1 else k for k, v in labels.items()}
        self.quoted: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for q in analysis.quotes.all():
            self.quoted[(q.span.article, q.span.anchor)].append((q.span.start, q.span.end))
        self.dates_in: dict[tuple[str, str, int], list[DateMention]] = defaultdict(list)
        for m in analysis.dates:
            self.dates_in[sentence_key(m.sentence)].append(m)

    @functools.cached_property
    def counts(self) -> dict[str, _Counts]:
        return _count(self)

    @functools.cached_property
    def shown(self) -> _Shown:
        """The page's selection; briefing.json names it too."""
        return _shown(self)

    @functools.cached_property
    def sentences(self) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """Sentence spans by paragraph; only the comparison of claims needs them."""
        out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for s in self.analysis.sentences:
            out[(s.span.article, s.span.anchor)].append((s.span.start, s.span.end))
        return out

    def href(self, span: Span | None = None, slug: str = "") -> str:
        relative = f"{self.articles_dir}/{span.article if span else slug}.md"
        return f"{relative}#{span.anchor}" if span else relative

    def badge(self, span: Span) -> str:
        label = f"{self.outlet_label[self.outlet_key[span.article]]} ¶{self.number[(span.article, span.anchor)]}"
        return f"[{escape(label)}]({self.href(span)})"

    def badges(self, spans: Iterable[Span]) -> Safe:
        """One link per article (its first span), at most BADGES, "+N more" after."""
        firsts = list({s.article: s for s in reversed(list(spans))}.values())[::-1]
        shown = [self.badge(s) for s in firsts[:BADGES]]
        if len(firsts) > BADGES:
            shown.append(f"+{len(firsts) - BADGES} more")
        return Safe(" · ".join(shown))

    def outlets(self, keys: Iterable[str]) -> str:
        return ", ".join(self.outlet_label[k] for k in keys)

    def sentence_at(self, span: Span) -> tuple[str, str, int] | None:
        for start, end in self.sentences.get((span.article, span.anchor), ()):
            if start <= span.start < end:
                return (span.article, span.anchor, start)
        return None

    def claim_at(self, span: Span) -> str | None:
        key = self.sentence_at(span)
        return self.analysis.claims.of_sentence.get(key) if key else None

    def mostly_quoted(self, span: Span) -> bool:
        inside = sum(
            max(0, min(e, span.end) - max(s, span.start)) for s, e in self.quoted.get((span.article, span.anchor), ())
        )
        return inside > QUOTED_SHARE * (span.end - span.start)

    def published(self, slug: str) -> str:
        date = self.articles[slug].metadata.date
        return date.value.isoformat() if date else "date unknown"


_ENV = markdown_environment()


# The briefing ---------------------------------------------------------------------


def _headline(corpus: Corpus) -> Article | None:
    """The headline closest to all the others (TF-IDF cosine): the story as most
    outlets put it, in one outlet's words."""
    if not corpus.articles:
        return None
    # A headline, not a first sentence made into a title (seeds 000, 002, 003 have none).
    candidates = [a for a in corpus.articles if not a.metadata.title_derived] or list(corpus.articles)
    bags = [content(a.metadata.title.value) for a in candidates]
    weights = idf(document_frequency(bags), len(bags))
    totals = centrality([vector(b, weights) for b in bags])
    best = max(range(len(totals)), key=lambda i: (totals[i], -i))
    return candidates[best]


def _points(ctx: _Context) -> list[Claim]:
    """Claims of two or more outlets, most outlets first; quotations left to the quotes."""
    return [c for c in ctx.analysis.claims.shared() if not ctx.mostly_quoted(c.span)]


def _quote_when(ctx: _Context, group: QuoteGroup) -> str:
    """When it was said: a date in its sentence outside the quote, else when first reported."""
    for q in group.quotes:
        for m in ctx.dates_in.get(sentence_key(q.sentence), ()):
            if m.resolved and not q.span.contains(m.span):
                return m.shown()
    dates = sorted(ctx.published(q.span.article) for q in group.quotes if ctx.articles[q.span.article].metadata.date)
    return f"reported {dates[0]}" if dates else "date unknown"


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # an article's words
    badges: Safe
    note: str = ""  # escaped unless Safe (the builder's own words)


def _figure_rows(ctx: _Context, groups: Sequence[FigureGroup]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for g in groups:
        for n, r in enumerate(g.readings):
            rows.append({
                "flag": ("disputed" if g.disputed else "agreed" if len(g.readings) == 1 else "consistent") if n == 0 else "",
                "unit": g.unit if n == 0 else "",
                "text": r.figures[0].span.text + (" (approximate)" if r.approximate and not r.figures[0].approximate else ""),
                "qualifier": r.figures[0].qualifier,
                "outlets": ctx.outlets(r.outlets),
                "where": ctx.badges(f.span for f in r.figures),
                "sentence": g.figure.sentence.text if n == 0 else "",
            })
    return rows


def _side_lines(ctx: _Context, d: Disagreement) -> list[_Line]:
    return [_Line(s.text, ctx.badges(s.spans), s.note) for s in d.sides]


@dataclass(frozen=True, slots=True)
class _Shown:
    """What the briefing page shows of each section, in its order. The PDF prints the
    same (briefing.json's "page"); the JSON has the rest."""

    overview: list[Claim]
    key_points: list[Claim]
    events: list[Event]
    undated: list[Event]
    figures: list[FigureGroup]
    quotes: list[QuoteGroup]
    disagreements: list[Disagreement]


def _shown(ctx: _Context) -> _Shown:
    analysis = ctx.analysis
    points = _points(ctx)
    return _Shown(
        overview=points[:OVERVIEW_SENTENCES],
        key_points=points[OVERVIEW_SENTENCES : OVERVIEW_SENTENCES + KEY_POINTS],
        events=_timeline(ctx.corpus, analysis),
        undated=[e for e in analysis.timeline.events if e.date is None][:UNDATED_EVENTS],
        figures=[g for g in analysis.figures.groups if g.disputed or g.support > 1][:KEY_FIGURES],
        quotes=sorted(
            (g for g in analysis.quotes.groups if g.support > 1 or g.speaker),
            # Fragments ("lone wolf") after whole sentences of the same reach (news clusters).
            key=lambda g: (-g.support, len(g.text.split()) < FRAGMENT_WORDS, g.speaker is None),
        )[:KEY_QUOTES],
        disagreements=analysis.disagreements[:DISAGREEMENTS],
    )


def render_briefing(corpus: Corpus, analysis: Analysis, whos_who: Sequence[WhoRow] = (),
                    ctx: _Context | None = None) -> str:
    ctx = ctx or _Context(corpus, analysis, BRIEFING_PAGE)
    headline = _headline(corpus)
    shown = ctx.shown
    overview, key_points, events, undated = shown.overview, shown.key_points, shown.events, shown.undated
    figures, quotes, disagreements = shown.figures, shown.quotes, shown.disagreements
    disputed = {claim for claim, _ in _differently(ctx)}
    return _tidy(_ENV.get_template("briefing.md.j2").render(
        headline=headline,
        headline_link=Safe(f"[{escape(outlet_names.label(headline))}]({ctx.href(slug=headline.slug)})") if headline else "",
        summary=_summary(corpus),
        overview=[_Line(c.text, ctx.badges(c.spans), Safe(_DIFFER) if c.id in disputed else "") for c in overview],
        lead=[_Line(s.span.text, ctx.badges([s.span])) for s in analysis.sentences if s.position == 0][:OVERVIEW_SENTENCES],
        key_points=[_Line(c.text, ctx.badges(c.spans),
                          Safe(f"{c.support} outlets" + ("; " + _DIFFER if c.id in disputed else ""))) for c in key_points],
        whos_who=[{"name": Safe(f"[{escape(w.name)}]({posixpath.relpath(w.link, 'briefing')})")
                   if _PAGE_LINK.match(w.link) else w.name, "role": w.role} for w in whos_who],
        events=[{
            "date": e.shown(), "text": e.sentence.text, "sources": ctx.badges(m.span for m in e.mentions),
            "how": _how_dated(e.mentions),
        } for e in events],
        more_events=sum(1 for e in analysis.timeline.events if e.date is not None) - len(events),
        undated=[_Line(e.sentence.text, ctx.badges(m.span for m in e.mentions), e.mentions[0].derivation) for e in undated],
        figures=_figure_rows(ctx, figures),
        quotes=[{
            "text": g.text, "speaker": g.speaker or "unattributed", "when": _quote_when(ctx, g),
            "sources": ctx.badges(q.span for q in g.quotes), "outlets": g.support,
            "variants": [_Line(v.span.text, ctx.badges(q.span for q in g.quotes if _same_wording(q.span, v.span)))
                         for v in g.variants[1:]],
            "speakers": g.speakers,
        } for g in quotes],
        disagreements=[{"label": KIND_LABELS[d.kind], "about": d.about.text, "sides": _side_lines(ctx, d)}
                       for d in disagreements],
        more_disagreements=max(0, len(analysis.disagreements) - len(disagreements)),
    ))


def _timeline(corpus: Corpus, analysis: Analysis) -> list[Event]:
    """Dated events for the page, in date order: every one two or more outlets report,
    then those of one outlet that fall in the story's weeks. "Convicted in 1961" is
    background (news clusters); it stays in briefing.json."""
    dated = [e for e in analysis.timeline.events if e.date is not None]
    chosen = [e for e in dated if e.support > 1]
    published = sorted(a.metadata.date.value for a in corpus.articles if a.metadata.date)
    if published:
        first, last = published[0] - STORY_BEFORE, published[-1] + STORY_AFTER
        chosen += [e for e in dated if e.support == 1 and e.date is not None and first <= e.date <= last]
    else:
        chosen += [e for e in dated if e.support == 1]
    keep = {e.id for e in chosen[:TIMELINE_EVENTS]}
    return [e for e in dated if e.id in keep]


@functools.lru_cache(maxsize=1 << 14)
def _wording(text: str) -> str:
    return text_key(text)


def _same_wording(a: Span, b: Span) -> bool:
    return _wording(a.text) == _wording(b.text)


def _how_dated(mentions: Sequence[DateMention]) -> str:
    """How the first dated mention was dated, when it needed the publication date."""
    relative = next((m for m in mentions if m.resolved and m.relative), None)
    if relative is None:
        return ""
    return f"“{relative.span.text}”: {relative.derivation}"


def _summary(corpus: Corpus) -> str:
    n = len(corpus.articles)
    dates = sorted(a.metadata.date.value for a in corpus.articles if a.metadata.date)
    text = f"Built from {outlet_names.count(corpus.articles)}"
    if dates:
        span = dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
        text += f", published {span}"
    undated = n - len(dates)
    if undated:
        text += f" ({undated} undated)"
    return text + "."


# The source comparison --------------------------------------------------------------


def render_sources(corpus: Corpus, analysis: Analysis, ctx: _Context | None = None) -> str:
    ctx = ctx or _Context(corpus, analysis, SOURCES_PAGE)
    return _tidy(_ENV.get_template("sources.md.j2").render(
        summary=_summary(corpus),
        rows=_article_rows(ctx),
        **_coverage(ctx),
        disputed=[{"about": g.figure.sentence.text, "unit": g.unit, "rows": [
            {"outlet": ctx.outlet_label[ctx.outlet_key[f.span.article]], "text": f.span.text,
             "where": Safe(ctx.badge(f.span)), "note": "approximate" if f.approximate else ""}
            for r in g.readings for f in r.figures
        ]} for g in analysis.figures.disputed()],
        quotes=_quote_coverage(ctx),
        alone=_alone(ctx),
        pairs=[{
            "a": _article_link(ctx, p.a), "b": _article_link(ctx, p.b), "shared": p.shared,
            "score": f"{p.score:.2f}", "reading": p.reading,
        } for p in analysis.similarity[:SIMILAR_PAIRS]],
        more_pairs=max(0, len(analysis.similarity) - SIMILAR_PAIRS),
    ))


def _tidy(markdown: str) -> str:
    """One blank line between blocks, whatever the template's conditionals left."""
    return _BLANK_LINES.sub("\n\n", markdown).rstrip("\n") + "\n"


def _article_link(ctx: _Context, slug: str) -> Safe:
    a = ctx.articles[slug]
    return Safe(f"[{escape(outlet_names.label(a))}: {escape(a.metadata.title.value)}]({ctx.href(slug=slug)})")


@dataclass(frozen=True, slots=True)
class _Counts:
    quotes: int = 0
    figures: int = 0
    shared: int = 0  # claims another article carries too
    alone: int = 0  # claims no other article carries


def _counts(ctx: _Context) -> dict[str, _Counts]:
    return ctx.counts


def _count(ctx: _Context) -> dict[str, _Counts]:
    quotes: dict[str, int] = defaultdict(int)
    for q in ctx.analysis.quotes.all():
        quotes[q.span.article] += 1
    figures: dict[str, int] = defaultdict(int)
    for f in ctx.analysis.figures.figures:
        figures[f.span.article] += 1
    shared: dict[str, int] = defaultdict(int)
    alone: dict[str, int] = defaultdict(int)
    for c in ctx.analysis.claims.claims:
        for slug in c.articles:
            (shared if len(c.articles) > 1 else alone)[slug] += 1
    return {a.slug: _Counts(quotes[a.slug], figures[a.slug], shared[a.slug], alone[a.slug]) for a in ctx.corpus.articles}


def _article_rows(ctx: _Context) -> list[dict[str, object]]:
    counts = _counts(ctx)
    rows = []
    for a in sorted(ctx.corpus.articles, key=lambda a: (outlet_names.label(a).casefold(), ctx.published(a.slug), a.slug)):
        m, n = a.metadata, counts[a.slug]
        rows.append({
            "outlet": outlet_names.label(a), "title": Safe(f"[{escape(m.title.value)}]({ctx.href(slug=a.slug)})"),
            "author": m.author.value if m.author else "unknown", "date": ctx.published(a.slug),
            "words": a.words, "kept": len(a.body), "removed": len(a.removed),
            "quotes": n.quotes, "figures": n.figures, "shared": n.shared, "alone": n.alone,
        })
    return rows


def _coverage(ctx: _Context) -> dict[str, object]:
    """Main claims by outlet: reports (✓), reports differently (≠), does not (–)."""
    claims = _points(ctx)[:COVERAGE_CLAIMS]
    counts: dict[str, int] = defaultdict(int)
    for a in ctx.corpus.articles:
        counts[ctx.outlet_key[a.slug]] += 1
    columns = sorted(counts, key=lambda k: (-counts[k], ctx.outlet_label[k].casefold()))[:COVERAGE_OUTLETS]
    differently = _differently(ctx)
    rows = []
    for c in claims:
        cells = []
        for outlet in columns:
            own = [s for s in c.spans if ctx.outlet_key[s.article] == outlet]
            other = differently.get((c.id, outlet))
            if other is not None:
                cells.append(Safe(f"[≠]({ctx.href(other)} \"reports differently\")"))
            elif own:
                cells.append(Safe(f"[✓]({ctx.href(own[0])} \"reports it\")"))
            else:
                cells.append(Safe("–"))
        rows.append({"text": c.text, "cells": cells})
    return {
        "coverage_columns": [ctx.outlet_label[k] for k in columns],
        "coverage_rows": rows,
        "coverage_hidden": max(0, len(counts) - len(columns)),
    }


def _differently(ctx: _Context) -> dict[tuple[str, str], Span]:
    """(claim id, outlet) -> where that outlet says it differently: for each disagreement,
    the outlets of every side but the one most outlets take, against the claims the
    majority side's sentences belong to."""
    out: dict[tuple[str, str], Span] = {}
    for d in ctx.analysis.disagreements:
        if d.kind not in ("figure", "date", "contradiction"):
            continue
        ranked: list[Side] = sorted(d.sides, key=lambda s: -len(s.outlets))
        majority = {c for s in ranked[0].spans if (c := ctx.claim_at(s))}
        if d.kind == "date" and d.ref:
            majority.add(d.ref)
        for side in ranked[1:]:
            for span in side.spans:
                for claim in majority:
                    out.setdefault((claim, ctx.outlet_key[span.article]), span)
    return out


def _quote_coverage(ctx: _Context) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for g in [g for g in ctx.analysis.quotes.groups if g.support > 1][:QUOTES_BY_OUTLET]:
        out.append({
            "text": g.text, "speaker": g.speaker or "unattributed",
            "rows": [{
                "outlet": ctx.outlet_label[ctx.outlet_key[q.span.article]], "wording": q.span.text,
                "speaker": q.speaker or "unattributed", "where": Safe(ctx.badge(q.span)),
                "variant": "same" if _same_wording(q.span, g.quote.span) else "differs",
            } for q in g.quotes],
        })
    return out


def _alone(ctx: _Context) -> list[dict[str, object]]:
    by_outlet: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.analysis.claims.claims:
        if c.support == 1 and not ctx.mostly_quoted(c.span):
            by_outlet[c.outlets[0]].append(c)
    out = []
    for key in sorted(by_outlet, key=lambda k: (-len(by_outlet[k]), ctx.outlet_label[k].casefold()))[:ALONE_OUTLETS]:
        claims = sorted(by_outlet[key], key=lambda c: (c.position, c.span))
        out.append({
            "outlet": ctx.outlet_label[key],
            "lines": [_Line(c.text, ctx.badges(c.spans)) for c in claims[:ALONE_PER_OUTLET]],
            "more": max(0, len(claims) - ALONE_PER_OUTLET),
        })
    return out


# Both pages and the JSON -------------------------------------------------------------


def _context(corpus: Corpus, analysis: Analysis) -> _Context:
    """The lookups for this corpus and analysis, made once for both pages and the JSON
    (a build asks for all three in a row; making them three times cost seconds at
    10,000 articles). Both pages sit one folder deep, so their links are alike."""
    global _LAST
    if _LAST is None or _LAST.corpus is not corpus or _LAST.analysis is not analysis:
        _LAST = _Context(corpus, analysis, BRIEFING_PAGE)
    return _LAST


_LAST: _Context | None = None


def render_analysis_pages(corpus: Corpus, analysis: Analysis, whos_who: Sequence[WhoRow] = ()) -> dict[str, str]:
    ctx = _context(corpus, analysis)
    return {
        BRIEFING_PAGE: render_briefing(corpus, analysis, whos_who, ctx),
        SOURCES_PAGE: render_sources(corpus, analysis, ctx),
    }


def _cite(span: Span) -> dict[str, object]:
    return {"article": span.article, "anchor": span.anchor, "start": span.start, "end": span.end, "text": span.text}


def briefing_json(corpus: Corpus, analysis: Analysis, whos_who: Sequence[WhoRow] = ()) -> dict[str, object]:
    """The structured briefing; see the module docstring for the schema."""
    ctx = _context(corpus, analysis)
    headline = _headline(corpus)
    counts = _counts(ctx)
    shown = ctx.shown

    def labels(keys: Iterable[str]) -> list[str]:
        return [ctx.outlet_label[k] for k in keys]

    return {
        "schema": "briefing-builder/briefing",
        "version": SCHEMA_VERSION,
        "build_date": corpus.build_date.isoformat(),
        "headline": {"text": headline.metadata.title.value, "article": headline.slug} if headline else None,
        "overview": [c.id for c in shown.overview],
        "page": {
            "key_points": [c.id for c in shown.key_points],
            "timeline": [e.id for e in shown.events + shown.undated],
            "figures": [g.id for g in shown.figures],
            "quotes": [g.id for g in shown.quotes],
            "disagreements": [d.id for d in shown.disagreements],
        },
        "sources": [{
            "slug": a.slug, "title": a.metadata.title.value,
            "outlet": outlet_names.label(a), "author": a.metadata.author.value if a.metadata.author else None,
            "date": a.metadata.date.value.isoformat() if a.metadata.date else None,
            "url": a.metadata.url.value if a.metadata.url else None,
            "words": a.words, "paragraphs": len(a.body), "removed": len(a.removed),
            "quotes": counts[a.slug].quotes, "figures": counts[a.slug].figures,
            "claims_shared": counts[a.slug].shared, "claims_alone": counts[a.slug].alone,
        } for a in corpus.articles],
        "claims": [{
            "id": c.id, "text": c.text, "cite": _cite(c.span), "outlets": labels(c.outlets),
            "citations": [_cite(s) for s in c.spans],
        } for c in analysis.claims.shared()],
        "quotes": [{
            "id": g.id, "text": g.text, "speaker": g.speaker, "speakers": list(g.speakers),
            "outlets": labels(g.outlets),
            "variants": [{"text": v.span.text, "outlets": labels(sorted({
                ctx.outlet_key[q.span.article] for q in g.quotes if _same_wording(q.span, v.span)}))}
                for v in g.variants],
            "occurrences": [{"cite": _cite(q.span), "speaker": q.speaker, "cue": q.cue, "how": q.how} for q in g.quotes],
        } for g in analysis.quotes.groups],
        "figures": [{
            "id": g.id, "unit": g.unit, "disputed": g.disputed, "outlets": labels(g.outlets),
            "readings": [{
                "text": r.figures[0].span.text, "values": list(r.values), "bound": r.bound,
                "approximate": r.approximate, "qualifier": r.figures[0].qualifier,
                "outlets": labels(r.outlets), "citations": [_cite(f.span) for f in r.figures],
            } for r in g.readings],
        } for g in analysis.figures.groups],
        "timeline": [{
            "id": e.id, "date": e.date.isoformat() if e.date else None, "precision": e.precision,
            "text": e.sentence.text, "cite": _cite(e.sentence), "outlets": labels(e.outlets),
            "mentions": [{
                "expression": m.span.text, "date": m.date.isoformat() if m.date else None,
                "derivation": m.derivation, "cite": _cite(m.span),
            } for m in e.mentions],
        } for e in analysis.timeline.events],
        "disagreements": [{
            "id": d.id, "kind": d.kind, "about": _cite(d.about), "ref": d.ref,
            "sides": [{"text": s.text, "note": s.note, "outlets": labels(s.outlets),
                       "citations": [_cite(x) for x in s.spans]} for s in d.sides],
        } for d in analysis.disagreements],
        "similarity": [{"a": p.a, "b": p.b, "shared_claims": p.shared, "score": round(p.score, 4), "reading": p.reading}
                       for p in analysis.similarity],
        "whos_who": [{"name": w.name, "role": w.role, "link": w.link} for w in whos_who],
    }
