"""The source comparison page (/sources/): a row per article, the coverage of the main
claims by outlet, disputed figures, quote wordings, what only one outlet has, and how
alike the articles are. Every text shown is an article's, escaped and cited."""

from __future__ import annotations

from collections import defaultdict

from ..analysis import outlets as outlet_names
from ..analysis.claims import Claim
from ..analysis.coverage import differently
from .briefing import Line, tidy
from .context import Context, same_wording
from .environment import markdown_environment
from .escape import Safe, escape

PAGE = "sources/index.md"
COVERAGE_CLAIMS = 12
COVERAGE_OUTLETS = 8
ALONE_OUTLETS = 20
ALONE_PER_OUTLET = 5
SIMILAR_PAIRS = 25
QUOTES_BY_OUTLET = 10

_ENV = markdown_environment()


def render_sources(ctx: Context) -> str:
    analysis = ctx.analysis
    return tidy(_ENV.get_template("sources.md.j2").render(
        summary=ctx.summary(),
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


def _article_link(ctx: Context, slug: str) -> Safe:
    a = ctx.articles[slug]
    return Safe(f"[{escape(outlet_names.label(a))}: {escape(a.metadata.title.value)}]({ctx.href(slug=slug)})")


def _article_rows(ctx: Context) -> list[dict[str, object]]:
    rows = []
    for a in sorted(ctx.corpus.articles, key=lambda a: (outlet_names.label(a).casefold(), ctx.published(a.slug), a.slug)):
        m, n = a.metadata, ctx.counts[a.slug]
        rows.append({
            "outlet": outlet_names.label(a), "title": Safe(f"[{escape(m.title.value)}]({ctx.href(slug=a.slug)})"),
            "author": m.author.value if m.author else "unknown", "date": ctx.published(a.slug),
            "words": a.words, "kept": len(a.body), "removed": len(a.removed),
            "quotes": n.quotes, "figures": n.figures, "shared": n.shared, "alone": n.alone,
        })
    return rows


def _coverage(ctx: Context) -> dict[str, object]:
    """Main claims by outlet: reports (✓), reports differently (≠), does not (–)."""
    claims = ctx.points()[:COVERAGE_CLAIMS]
    counts: dict[str, int] = defaultdict(int)
    for a in ctx.corpus.articles:
        counts[ctx.outlet_key[a.slug]] += 1
    columns = sorted(counts, key=lambda k: (-counts[k], ctx.outlet_label[k].casefold()))[:COVERAGE_OUTLETS]
    other_way = differently(ctx.analysis.disagreements, ctx.claim_at, ctx.outlet_key)
    rows = []
    for c in claims:
        cells = []
        for outlet in columns:
            own = [s for s in c.cited if ctx.outlet_key[s.article] == outlet]
            other = other_way.get((c.id, outlet))
            if other is not None:
                cells.append(Safe(f"[≠]({ctx.href(other)} \"reports differently\")"))
            elif own:
                how = "reports it in other words" if own[0] in c.retold else "reports it"
                cells.append(Safe(f"[✓]({ctx.href(own[0])} \"{how}\")"))
            else:
                cells.append(Safe("–"))
        rows.append({"text": c.text, "cells": cells})
    return {
        "coverage_columns": [ctx.outlet_label[k] for k in columns],
        "coverage_rows": rows,
        "coverage_hidden": max(0, len(counts) - len(columns)),
    }


def _quote_coverage(ctx: Context) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for g in [g for g in ctx.analysis.quotes.groups if g.support > 1][:QUOTES_BY_OUTLET]:
        out.append({
            "text": g.text, "speaker": g.speaker or "unattributed",
            "rows": [{
                "outlet": ctx.outlet_label[ctx.outlet_key[q.span.article]], "wording": q.span.text,
                "speaker": q.speaker or "unattributed", "where": Safe(ctx.badge(q.span)),
                "variant": "same" if same_wording(q.span, g.quote.span) else "differs",
            } for q in g.quotes],
        })
    return out


def _alone(ctx: Context) -> list[dict[str, object]]:
    by_outlet: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.analysis.claims.claims:
        if c.support == 1 and not ctx.mostly_quoted(c.span):
            by_outlet[c.outlets[0]].append(c)
    out = []
    for key in sorted(by_outlet, key=lambda k: (-len(by_outlet[k]), ctx.outlet_label[k].casefold()))[:ALONE_OUTLETS]:
        claims = sorted(by_outlet[key], key=lambda c: (c.position, c.span))
        out.append({
            "outlet": ctx.outlet_label[key],
            "lines": [Line(c.text, ctx.badges(c.spans)) for c in claims[:ALONE_PER_OUTLET]],
            "more": max(0, len(claims) - ALONE_PER_OUTLET),
        })
    return out
