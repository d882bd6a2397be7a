"""The timeline: dated events, the same event from several outlets merged.

An event is a sentence with a date in it (dates.py). Two dated sentences are one event
when they carry the same date at the same precision and either belong to one claim
(claims.py) or say much the same (cosine at least `SIMILARITY`, lower than a claim's:
the shared date already says a lot). A sentence whose date could not be resolved (no
publication date) joins the event of its claim, marked unresolved, or stands alone at
the end: kept, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Corpus
from . import outlets, words
from .claims import Claims, sentence_key
from .dates import DateMention, Precision
from .grouping import group, max_df, stable_ids
from .spans import Span

# Cosine at which two sentences with the same date, not one claim, report one event.
# Sampled on 40 news clusters and the fixture story: pairs at 0.3-0.4 were one event
# told twice ("Tiangong-1 ... was launched into orbit in 2011" / "The Tiangong-1 or
# 'Heavenly Palace' lab was launched in 2011"); at 0.2-0.3 about half were not.
SIMILARITY = 0.3
BLOCK_KEYS = 4


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: dt.date | None  # None: no mention of it could be resolved
    precision: Precision
    sentence: Span  # how the first outlet to date it puts it
    mentions: tuple[DateMention, ...]  # every dated (or undatable) mention, corpus order
    outlets: tuple[str, ...]

    @property
    def support(self) -> int:
        return len(self.outlets)

    def shown(self) -> str:
        return next((m.shown() for m in self.mentions if m.resolved), "unresolved")


@dataclass(frozen=True, slots=True)
class Timeline:
    events: tuple[Event, ...]  # dated events by date (most outlets first within a date), then undated
    mentions: tuple[DateMention, ...]  # every date expression, corpus order


def find_timeline(corpus: Corpus, dates: tuple[DateMention, ...], claims: Claims) -> Timeline:
    mentions = dates
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    dated = [m for m in mentions if m.resolved]
    claim_of = [claims.of_sentence.get(sentence_key(m.sentence)) for m in dated]
    bags = [words.content(m.sentence.text) for m in dated]
    df = words.document_frequency(bags)
    weights = words.idf(df, len(bags))
    vectors = [words.vector(bag, weights) for bag in bags]
    limit = max_df(len(bags))
    keys = [
        ([("claim", claim)] if claim else []) + [(m.date, m.precision, w) for w in words.rare(bag, df, BLOCK_KEYS, limit)]
        for m, bag, claim in zip(dated, bags, claim_of, strict=True)
    ]

    def score(i: int, j: int) -> float:
        a, b = dated[i], dated[j]
        if a.sentence == b.sentence or (a.date, a.precision) != (b.date, b.precision):
            return 0.0  # "opened in 1962 and closed in 2023": two events
        if claim_of[i] is not None and claim_of[i] == claim_of[j]:
            return 1.0
        return words.cosine(vectors[i], vectors[j])

    groups: list[list[DateMention]] = [
        [dated[i] for i in members] for members in group(list(range(len(dated))), keys, score, SIMILARITY)
    ]
    # An undatable mention joins the best-supported event of its claim, else waits with
    # the other undatable mentions of that claim.
    by_claim: dict[str, int] = {}
    for n, members in sorted(enumerate(groups), key=lambda g: -len(g[1])):
        for m in members:
            claim = claims.of_sentence.get(sentence_key(m.sentence))
            if claim:
                by_claim.setdefault(claim, n)
    undated: dict[object, list[DateMention]] = {}
    for m in mentions:
        if m.resolved:
            continue
        claim = claims.of_sentence.get(sentence_key(m.sentence))
        if claim in by_claim:
            groups[by_claim[claim]].append(m)
        else:
            undated.setdefault(claim or m.span, []).append(m)
    groups.extend(undated.values())
    order = {m.span: k for k, m in enumerate(mentions)}
    firsts = [next((m for m in members if m.resolved), members[0]) for members in groups]
    ids = stable_ids("e", [f"{first.shown()} {first.sentence.text}" for first in firsts])
    made = [
        Event(
            id=eid,
            date=first.date,
            precision=first.precision,
            sentence=first.sentence,
            mentions=tuple(sorted(members, key=lambda m: order[m.span])),
            outlets=outlets.independent(outlet_of[m.span.article] for m in members),
        )
        for members, first, eid in zip(groups, firsts, ids, strict=True)
    ]
    made.sort(key=lambda e: (e.date is None, e.date or dt.date.min, -e.support, e.sentence))
    return Timeline(tuple(made), mentions)
