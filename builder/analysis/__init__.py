"""Corpus analyses for the briefing and the source comparison (issue 4).

Everything is extractive and cited: every finding carries `Span`s (article slug,
paragraph anchor, characters), and every text shown is a substring of a cleaned
paragraph. The analyses first read each article on its own (findings.py: sentences,
their words, dates, quotes, figures, relations), then compare across the corpus,
each comparison a plain function of the corpus, the articles' findings joined and
the results of the comparisons before it (`analyse`):

    sentences -> dates, claims, quotes, figures, relations
              -> key points (claims), timeline (dates + claims), disagreements (all),
                 similarity (claims)

Adding one is a module, a call in `findings.find` for what it reads in one article,
a call in `analyse` and a field in `Analysis`.

With a cache, the findings of articles read before are kept (the "findings" memo): a
rebuild with one article changed reads that article only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..cache import NO_CACHE, Cache, Memo, key
from ..memory import collector_paused
from ..model import Article, Corpus
from .claims import Claims, group_claims
from .dates import DateMention
from .disagreements import Disagreement, find_disagreements
from .figures import Figures, group_figures
from .findings import Findings, find, join
from .keypoints import KeyPoints, rank
from .quotes import Quotes, group_quotes, wordings
from .relations import Relation
from .sentences import Sentence
from .similarity import Pair, find_pairs
from .speakers import KnownNames, settle
from .timeline import Timeline, find_timeline
from .timing import Timer


@dataclass(frozen=True, slots=True)
class Analysis:
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    claims: Claims
    points: KeyPoints
    quotes: Quotes
    figures: Figures
    relations: tuple[Relation, ...]
    timeline: Timeline
    disagreements: tuple[Disagreement, ...]
    similarity: tuple[Pair, ...]


# The analyses' names, in the order `analyse` runs them (for timings).
STEPS = ("sentences", "dates", "claims", "key points", "quotes", "figures", "relations", "timeline", "disagreements",
         "similarity")


@dataclass(frozen=True, slots=True)
class Compared:
    """What the analyses make before the entity index is known: everything but who
    said the quotes, their groups and the disagreements (`finish`)."""

    corpus: Corpus
    found: Findings
    claims: Claims
    points: KeyPoints
    figures: Figures
    timeline: Timeline
    similarity: tuple[Pair, ...]


def analyse(corpus: Corpus, timer: Timer | None = None, cache: Cache = NO_CACHE,
            known: KnownNames | None = None) -> Analysis:
    """Every analysis, in order. `timer`, when given, adds up seconds per analysis
    ("cache": reading and writing the kept findings); `cache` keeps the articles'
    findings between builds; `known` is what the entity index says of names (without
    it, speakers are kept as written and pronouns are not resolved)."""
    return finish(compare(corpus, timer, cache), known or KnownNames(), timer)


def compare(corpus: Corpus, timer: Timer | None = None, cache: Cache = NO_CACHE) -> Compared:
    """The analyses that need nothing of the entity index: they run beside it."""
    timer = timer or Timer()
    with collector_paused():  # half the time of a rebuild from the cache on BBC
        return _compared(corpus, join(_findings(corpus.articles, cache, timer)), timer)


def compare_stories(corpus: Corpus, stories: Sequence[Sequence[str]], timer: Timer | None = None,
                    cache: Cache = NO_CACHE) -> list[Compared]:
    """`compare` of each story (its articles' slugs) on its own (issue 21): the articles'
    findings read once, the comparisons made within each story. Only the findings of
    these stories' articles are read; the memo keeps the other articles' unread (a
    rebuild compares the stories that changed, build.py)."""
    if not stories:
        return []
    timer = timer or Timer()
    with collector_paused():
        wanted = {s for slugs in stories for s in slugs}
        read = [a for a in corpus.articles if a.slug in wanted]
        found = dict(zip((a.slug for a in read),
                         _findings(read, cache, timer, [a for a in corpus.articles if a.slug not in wanted]),
                         strict=True))
        by_slug = {a.slug: a for a in read}
        out = []
        for slugs in stories:
            part = Corpus(tuple(by_slug[s] for s in slugs), (), corpus.build_date)
            out.append(_compared(part, join([found[s] for s in slugs]), timer))
        return out


def _compared(corpus: Corpus, found: Findings, timer: Timer) -> Compared:
    with timer("claims"):
        claims = group_claims(corpus, found.claimable)
    with timer("key points"):
        points = rank(corpus, found.sentences, claims)
    with timer("figures"):
        figures = group_figures(corpus, found.figures, found.contexts)
    with timer("timeline"):
        timeline = find_timeline(corpus, found.dates, claims, found.dated_words)
    with timer("similarity"):
        similarity = find_pairs(corpus, claims)
    return Compared(corpus, found, claims, points, figures, timeline, similarity)


def finish(compared: Compared, known: KnownNames, timer: Timer | None = None) -> Analysis:
    """The quotes' speakers settled with what the entity index knows, the quotes grouped,
    and the disagreements."""
    timer = timer or Timer()
    corpus, found = compared.corpus, compared.found
    with collector_paused():
        with timer("quotes"):
            said = settle(corpus, found.quotes, known, found.sentences)
            quotes = group_quotes(corpus, said, wordings(said))
        with timer("disagreements"):
            disagreements = find_disagreements(corpus, compared.figures, found.dates, compared.claims, quotes,
                                               found.relations)
    return Analysis(found.sentences, found.dates, compared.claims, compared.points, quotes, compared.figures,
                    found.relations,
                    compared.timeline, disagreements, compared.similarity)


def _findings(articles: Sequence[Article], cache: Cache, timer: Timer, unread: Sequence[Article] = ()) -> list[Findings]:
    """Every article's findings, in corpus order: kept from an earlier build for
    the articles that did not change, read for the others. An article's key covers
    every field of it, its slug too: findings cite articles by slug. The findings of
    `unread` articles, if kept, stay kept."""
    memo: Memo[Findings] = cache.memo("findings")
    if memo.path is None:  # nothing kept: no key to make (a second of 10,000 synthetic articles)
        return [find(article, timer) for article in articles]
    found: list[Findings] = []
    for article in articles:
        with timer("cache"):
            k = key(article)
            kept = memo.get(k)
        found.append(kept if kept is not None else memo.put(k, find(article, timer)))
    with timer("cache"):
        if memo.path is not None:
            for article in unread:
                memo.keep(key(article))
        memo.save()
        return found


__all__ = ["STEPS", "Analysis", "Compared", "Findings", "KnownNames", "Timer", "analyse", "compare", "compare_stories", "finish"]
