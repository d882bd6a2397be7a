"""Corpus analyses for the briefing and the source comparison (issue 4).

Everything is extractive and cited: every finding carries `Span`s (article slug,
paragraph anchor, characters), and every text shown is a substring of a cleaned
paragraph. The analyses first read each article on its own (findings.py: sentences,
their words, dates, quotes, figures, relations), then compare across the corpus,
each comparison a plain function of the corpus, the articles' findings joined and
the results of the comparisons before it (`analyse`):

    sentences -> dates, claims, quotes, figures, relations
              -> timeline (dates + claims), disagreements (all), similarity (claims)

Adding one is a module, a call in `findings.find` for what it reads in one article,
a call in `analyse` and a field in `Analysis`.

With a cache, the findings of articles read before are kept (the "findings" memo): a
rebuild with one article changed reads that article only.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..cache import NO_CACHE, Cache, Memo, key
from ..memory import collector_paused
from ..model import Article, Corpus
from .claims import Claims, group_claims
from .dates import DateMention
from .disagreements import Disagreement, find_disagreements
from .figures import Figures, group_figures
from .findings import Findings, find, join
from .quotes import Quotes, group_quotes
from .relations import Relation
from .sentences import Sentence
from .similarity import Pair, find_pairs
from .timeline import Timeline, find_timeline
from .timing import Timer


@dataclass(frozen=True, slots=True)
class Analysis:
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    claims: Claims
    quotes: Quotes
    figures: Figures
    relations: tuple[Relation, ...]
    timeline: Timeline
    disagreements: tuple[Disagreement, ...]
    similarity: tuple[Pair, ...]


# The analyses' names, in the order `analyse` runs them (for timings).
STEPS = ("sentences", "dates", "claims", "quotes", "figures", "relations", "timeline", "disagreements",
         "similarity")


def analyse(corpus: Corpus, timer: Timer | None = None, cache: Cache = NO_CACHE) -> Analysis:
    """Every analysis, in order. `timer`, when given, adds up seconds per analysis
    ("cache": reading and writing the kept findings); `cache` keeps the articles'
    findings between builds."""
    timer = timer or Timer()
    with collector_paused():  # half the time of a rebuild from the cache on BBC
        found = _findings(corpus.articles, cache, timer)
        with timer("claims"):
            claims = group_claims(corpus, found.claimable)
        with timer("quotes"):
            quotes = group_quotes(corpus, found.quotes, found.quote_wordings)
        with timer("figures"):
            figures = group_figures(corpus, found.figures, found.contexts)
        with timer("timeline"):
            timeline = find_timeline(corpus, found.dates, claims, found.dated_words)
        with timer("disagreements"):
            disagreements = find_disagreements(corpus, figures, found.dates, claims, quotes, found.relations)
        with timer("similarity"):
            similarity = find_pairs(corpus, claims)
    return Analysis(found.sentences, found.dates, claims, quotes, figures, found.relations, timeline,
                    disagreements, similarity)


def _findings(articles: tuple[Article, ...], cache: Cache, timer: Timer) -> Findings:
    """Every article's findings, joined in corpus order: kept from an earlier build for
    the articles that did not change, read for the others. An article's key covers
    every field of it, its slug too: findings cite articles by slug."""
    memo: Memo[Findings] = cache.memo("findings")
    found: list[Findings] = []
    for article in articles:
        with timer("cache"):
            k = key(article)
            kept = memo.get(k)
        found.append(kept if kept is not None else memo.put(k, find(article, timer)))
    with timer("cache"):
        memo.save()
        return join(found)


__all__ = ["STEPS", "Analysis", "Findings", "Timer", "analyse"]
