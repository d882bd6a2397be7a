"""How alike two articles are: the share of their claims they have in common.

Only pairs that share a claim are ever looked at, and a claim carried by more than
`MAX_ARTICLES_PER_CLAIM` articles is not used to pair them (it says the story, not
that two texts are copies), so the work stays near-linear on big corpora.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from ..model import Corpus
from .claims import Claims

MAX_ARTICLES_PER_CLAIM = 64
# Pairs kept, most similar first; the sources page shows fewer.
MAX_PAIRS = 200
# Jaccard over claims. On the news clusters, AP copy that several outlets ran scores
# 0.8-1.0 (the $284 billion electric bill, the Erie snowfall record); articles written
# separately on one story mostly stay under 0.3.
NEAR_DUPLICATE = 0.8
REWRITE = 0.4


@dataclass(frozen=True, slots=True)
class Pair:
    a: str  # article slugs, in corpus order
    b: str
    shared: int  # claims both carry
    score: float  # shared / claims either carries (Jaccard)

    @property
    def reading(self) -> str:
        if self.score >= NEAR_DUPLICATE:
            return "near-duplicate"
        if self.score >= REWRITE:
            return "rewrite or shared copy"
        return "overlap"


def find_pairs(corpus: Corpus, claims: Claims) -> tuple[Pair, ...]:
    order = {a.slug: i for i, a in enumerate(corpus.articles)}
    per_article: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    for claim in claims.claims:
        articles = sorted(claim.articles, key=order.__getitem__)
        per_article.update(articles)
        if 1 < len(articles) <= MAX_ARTICLES_PER_CLAIM:
            shared.update(combinations(articles, 2))
    best = heapq.nsmallest(
        MAX_PAIRS,
        ((-n / (per_article[a] + per_article[b] - n), -n, order[a], order[b], a, b) for (a, b), n in shared.items()),
    )
    return tuple(Pair(a, b, -n, -score) for score, n, _, _, a, b in best)
