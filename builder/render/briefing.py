"""The combined briefing page (/briefing/).

Nothing here writes a sentence of its own about the story: every statement shown is a
sentence, quote, figure or date from an article (builder.analysis), escaped, with
links to the paragraphs it comes from (`../articles/<slug>.md#<anchor>`, which
`mkdocs build --strict` checks). What the builder adds is labels, counts and the
words "unattributed", "unresolved", "disputed".
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis import outlets as outlet_names
from ..analysis.claims import sentence_key
from ..analysis.coverage import differently
from ..analysis.dates import DateMention
from ..analysis.disagreements import Disagreement
from ..analysis.figures import FigureGroup
from ..analysis.quotes import QuoteGroup
from .context import Context, same_wording
from .environment import markdown_environment
from .escape import Safe, escape
from .record import WhoEntry

PAGE = "briefing/index.md"

# A who's-who link is a page the builder made ("entities/tom-becker.md"); anything else
# is shown as plain text.
_PAGE_LINK = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_.-]*)*\.md(?:#[a-z0-9_-]+)?$")
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

_ENV = markdown_environment()
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # an article's words
    badges: Safe
    note: str = ""  # escaped unless Safe (the builder's own words)


def render_briefing(ctx: Context, whos_who: Sequence[WhoEntry] = (), page: str = PAGE, title: str = "") -> str:
    """`title`: a story's name its editor gave it (stories.yml), shown instead of the headline."""
    analysis, shown = ctx.analysis, ctx.selection
    headline = ctx.headline()
    disputed = {claim for claim, _ in differently(analysis.disagreements, ctx.claim_at, ctx.outlet_key)}
    return tidy(_ENV.get_template("briefing.md.j2").render(
        headline=headline, title=title,
        headline_link=Safe(f"[{escape(outlet_names.label(headline))}]({ctx.href(slug=headline.slug)})") if headline else "",
        summary=ctx.summary(),
        overview=[Line(c.text, ctx.badges(c.cited), Safe(_DIFFER) if c.id in disputed else "") for c in shown.overview],
        key_points=[Line(c.text, ctx.badges(c.cited),
                         Safe(f"{c.support} outlet{'s' if c.support != 1 else ''}"
                              + ("; " + _DIFFER if c.id in disputed else "")))
                    for c in shown.key_points],
        whos_who=[{"name": Safe(f"[{escape(w.name)}]({posixpath.relpath(w.link, posixpath.dirname(page))})")
                   if _PAGE_LINK.match(w.link) else w.name, "role": w.role} for w in whos_who],
        events=[{
            "date": e.shown(), "text": e.sentence.text, "sources": ctx.badges(m.span for m in e.mentions),
            "how": _how_dated(e.mentions),
        } for e in shown.events],
        more_events=sum(1 for e in analysis.timeline.events if e.date is not None) - len(shown.events),
        undated=[Line(e.sentence.text, ctx.badges(m.span for m in e.mentions), e.mentions[0].derivation)
                 for e in shown.undated],
        figures=_figure_rows(ctx, shown.figures),
        quotes=[{
            "text": g.text, "speaker": g.speaker or "unattributed", "when": _quote_when(ctx, g),
            "sources": ctx.badges(q.span for q in g.quotes), "outlets": g.support,
            "variants": [Line(v.span.text, ctx.badges(q.span for q in g.quotes if same_wording(q.span, v.span)))
                         for v in g.variants[1:]],
            "speakers": g.speakers,
        } for g in shown.quotes],
        disagreements=[{"label": KIND_LABELS[d.kind], "about": d.about.text, "sides": _side_lines(ctx, d)}
                       for d in shown.disagreements],
        more_disagreements=max(0, len(analysis.disagreements) - len(shown.disagreements)),
    ))


def tidy(markdown: str) -> str:
    """One blank line between blocks, whatever the template's conditionals left."""
    return _BLANK_LINES.sub("\n\n", markdown).rstrip("\n") + "\n"


def _quote_when(ctx: Context, group: QuoteGroup) -> str:
    """When it was said: a date in its sentence outside the quote, else when first reported."""
    for q in group.quotes:
        for m in ctx.dates_in.get(sentence_key(q.sentence), ()):
            if m.resolved and not q.span.contains(m.span):
                return m.shown()
    dates = sorted(ctx.published(q.span.article) for q in group.quotes if ctx.articles[q.span.article].metadata.date)
    return f"reported {dates[0]}" if dates else "date unknown"


def _figure_rows(ctx: Context, groups: Sequence[FigureGroup]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for g in groups:
        for n, r in enumerate(g.readings):
            when = ""
            if g.evolving:  # a sequence: each value with when it was first reported
                when = f" (reported {g.reported[n]})" if g.reported and g.reported[n] else " (date unknown)"
            rows.append({
                "flag": _flag(g) if n == 0 else ("then" if g.evolving else ""),
                "unit": g.unit if n == 0 else "",
                "text": r.figures[0].span.text + (" (approximate)" if r.approximate and not r.figures[0].approximate else "")
                + when,
                "qualifier": r.figures[0].qualifier,
                "outlets": ctx.outlets(r.outlets),
                "where": ctx.badges(f.span for f in r.figures),
                "sentence": g.figure.sentence.text if n == 0 else "",
            })
    return rows


def _flag(g: FigureGroup) -> str:
    if g.disputed:
        return "disputed"
    if g.evolving:
        return "changed over time"
    return "agreed" if len(g.readings) == 1 else "consistent"


def _side_lines(ctx: Context, d: Disagreement) -> list[Line]:
    return [Line(s.text, ctx.badges(s.spans), s.note) for s in d.sides]


def _how_dated(mentions: Sequence[DateMention]) -> str:
    """How the first dated mention was dated: from the publication date when one
    needed it, else as written."""
    shown = next((m for m in mentions if m.resolved and m.relative), None) or next(
        (m for m in mentions if m.resolved), None)
    if shown is None:
        return ""
    return f"“{shown.span.text}”: {shown.derivation}"
