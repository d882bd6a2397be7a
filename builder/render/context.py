"""What the briefing, the source comparison and briefing.json share: the lookups
(outlets, paragraph numbers, links, claims by sentence) and the selection of what the
briefing shows. Made once per build (build.py) and handed to each of them.

Both pages sit one folder deep (`briefing/index.md`, `sources/index.md`), so their
links to the articles are alike: `../articles/<slug>.md#<anchor>`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..analysis import Analysis
from ..analysis import outlets as outlet_names
from ..analysis.claims import Claim, sentence_key
from ..analysis.dates import DateMention
from ..analysis.disagreements import Disagreement
from ..analysis.figures import FigureGroup
from ..analysis.quotes import QuoteGroup
from ..analysis.spans import Span
from ..analysis.timeline import Event
from ..corpus.blocks import text_key
from ..model import Article, Corpus
from .escape import Safe, escape

ARTICLES = "../articles"

# How much each section of the briefing shows. briefing.json has everything.
OVERVIEW_SENTENCES = 3
# The points the overview looks through for the story's main figure and its date.
OVERVIEW_LOOK = 10
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
# A sentence more than half quotation is shown with the quotes, not as a key point.
QUOTED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Selection:
    """What the briefing page shows of each section, in its order. The PDF prints the
    same (briefing.json's "page"); the JSON has the rest."""

    overview: list[Claim]
    key_points: list[Claim]
    events: list[Event]
    undated: list[Event]
    figures: list[FigureGroup]
    quotes: list[QuoteGroup]
    disagreements: list[Disagreement]


@dataclass(frozen=True, slots=True)
class Counts:
    """An article's row on the source comparison."""

    quotes: int = 0
    figures: int = 0
    shared: int = 0  # claims another article carries too
    alone: int = 0  # claims no other article carries


class Context:
    """Lookups every section needs, made once for both pages and the JSON (a build asks
    for all three in a row; making them three times cost seconds at 10,000 articles)."""

    def __init__(self, corpus: Corpus, analysis: Analysis) -> None:
        self.corpus = corpus
        self.analysis = analysis
        # From the page being made to docs/: ".." for /briefing/ and /sources/, deeper
        # for a story's pages (issue 21: /stories/<slug>/ and /stories/<slug>/sources/).
        self.root = ARTICLES.rsplit("/", 1)[0]
        self.named_by = ""  # a story's (issue 21): the article whose headline names it
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
    def counts(self) -> dict[str, Counts]:
        quotes: dict[str, int] = defaultdict(int)
        for q in self.analysis.quotes.all():
            quotes[q.span.article] += 1
        figures: dict[str, int] = defaultdict(int)
        for f in self.analysis.figures.figures:
            figures[f.span.article] += 1
        shared: dict[str, int] = defaultdict(int)
        alone: dict[str, int] = defaultdict(int)
        for c in self.analysis.claims.claims:
            for slug in c.articles:
                (shared if len(c.articles) > 1 else alone)[slug] += 1
        return {a.slug: Counts(quotes[a.slug], figures[a.slug], shared[a.slug], alone[a.slug])
                for a in self.corpus.articles}

    @functools.cached_property
    def selection(self) -> Selection:
        analysis = self.analysis
        points = self.points()
        figures = [g for g in analysis.figures.groups if g.disputed or g.evolving or g.support > 1][:KEY_FIGURES]
        overview = self._overview(points, figures[0] if figures else None)
        return Selection(
            overview=overview,
            key_points=[c for c in points if c not in overview][:KEY_POINTS],
            events=self._timeline(),
            undated=[e for e in analysis.timeline.events if e.date is None][:UNDATED_EVENTS],
            figures=figures,
            quotes=sorted(
                (g for g in analysis.quotes.groups if g.support > 1 or g.speaker),
                # Fragments ("lone wolf") after whole sentences of the same reach (news clusters).
                key=lambda g: (-g.support, len(g.text.split()) < FRAGMENT_WORDS, g.speaker is None),
            )[:KEY_QUOTES],
            disagreements=list(analysis.disagreements[:DISAGREEMENTS]),
        )

    @functools.cached_property
    def sentences(self) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """Sentence spans by paragraph; only the comparison of claims needs them."""
        out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for s in self.analysis.sentences:
            out[(s.span.article, s.span.anchor)].append((s.span.start, s.span.end))
        return out

    def _overview(self, points: list[Claim], figure: FigureGroup | None) -> list[Claim]:
        """A few sentences that together say what happened, who, when and the main
        figure: the first key point; then, when the points so far do not report the
        story's main figure (the first key figure, in any of their wordings) or show a
        date, the first of the next points that does; then the next points, to
        `OVERVIEW_SENTENCES`; in rank order."""
        chosen = points[:1]
        look = points[1:OVERVIEW_LOOK]
        with_figure = {sentence_key(f.sentence) for f in figure.figures} if figure is not None else set()
        wants = (lambda c: any(sentence_key(t) in with_figure for t in c.cited),  # in any of its wordings
                 lambda c: any(m.date is not None for m in self.dates_in.get(sentence_key(c.span), ())))
        for gives in wants:
            if chosen and not any(map(gives, chosen)):
                chosen += [c for c in look if gives(c) and c not in chosen][:1]
        chosen += [c for c in points if c not in chosen][: max(0, OVERVIEW_SENTENCES - len(chosen))]
        rank = {c.id: k for k, c in enumerate(points)}
        return sorted(chosen[:OVERVIEW_SENTENCES], key=lambda c: rank[c.id])

    def points(self) -> list[Claim]:
        """The key points (analysis/keypoints.py), each shown by its clearest wording;
        quotations left to the quotes."""
        return [c for c in self.analysis.points.points if not self.mostly_quoted(c.span)]

    def _timeline(self) -> list[Event]:
        """Dated events for the page, in date order: every one two or more outlets report,
        then those of one outlet that fall in the story's weeks. "Convicted in 1961" is
        background (news clusters); it stays in briefing.json."""
        dated = [e for e in self.analysis.timeline.events if e.date is not None]
        chosen = [e for e in dated if e.support > 1]
        published = sorted(a.metadata.date.value for a in self.corpus.articles if a.metadata.date)
        if published:
            first, last = published[0] - STORY_BEFORE, published[-1] + STORY_AFTER
            chosen += [e for e in dated if e.support == 1 and e.date is not None and first <= e.date <= last]
        else:
            chosen += [e for e in dated if e.support == 1]
        keep = {e.id for e in chosen[:TIMELINE_EVENTS]}
        return [e for e in dated if e.id in keep]

    def headline(self) -> Article | None:
        """The headline closest to all the others (TF-IDF cosine): the story as most
        outlets put it, in one outlet's words."""
        from ..analysis.words import centrality, content, document_frequency, idf, vector

        if not self.corpus.articles:
            return None
        if self.named_by in self.articles:
            return self.articles[self.named_by]
        # A headline, not a first sentence made into a title (seeds 000, 002, 003 have none).
        candidates = [a for a in self.corpus.articles if not a.metadata.title_derived] or list(self.corpus.articles)
        bags = [content(a.metadata.title.value) for a in candidates]
        weights = idf(document_frequency(bags), len(bags))
        totals = centrality([vector(b, weights) for b in bags])
        # Rounded: two headlines tie often, and sums of other terms can differ in their
        # last bits where the exact totals tie; of equals, the first wins.
        best = max(range(len(totals)), key=lambda i: (round(totals[i], 9), -i))
        return candidates[best]

    def href(self, span: Span | None = None, slug: str = "") -> str:
        relative = f"{self.root}/articles/{span.article if span else slug}.md"
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

    def labels(self, keys: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.outlet_label[k] for k in keys)

    def claim_at(self, span: Span) -> str | None:
        """The claim of the sentence `span` starts in, if any."""
        for start, end in self.sentences.get((span.article, span.anchor), ()):
            if start <= span.start < end:
                return self.analysis.claims.of_sentence.get((span.article, span.anchor, start))
        return None

    def mostly_quoted(self, span: Span) -> bool:
        inside = sum(
            max(0, min(e, span.end) - max(s, span.start)) for s, e in self.quoted.get((span.article, span.anchor), ())
        )
        return inside > QUOTED_SHARE * (span.end - span.start)

    def published(self, slug: str) -> str:
        date = self.articles[slug].metadata.date
        return date.value.isoformat() if date else "date unknown"

    def summary(self) -> str:
        n = len(self.corpus.articles)
        dates = sorted(a.metadata.date.value for a in self.corpus.articles if a.metadata.date)
        text = f"Built from {outlet_names.count(self.corpus.articles)}"
        if dates:
            span = dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
            text += f", published {span}"
        undated = n - len(dates)
        if undated:
            text += f" ({undated} undated)"
        return text + "."


@functools.lru_cache(maxsize=1 << 14)
def wording(text: str) -> str:
    """What two wordings of a quote compare by."""
    return text_key(text)


def same_wording(a: Span, b: Span) -> bool:
    return wording(a.text) == wording(b.text)
