"""The timeline: dated events, the same event from several outlets merged.

An event is a sentence with a date in it (dates.py), dated by what it reports: a date
naming a thing beside it ("on Tuesday ... the tsunami of 2004") makes no event. Two dated sentences are one event
when they carry the same date at the same precision and either belong to one claim
(claims.py) or say much the same (cosine at least `SIMILARITY`, lower than a claim's:
the shared date already says a lot). A sentence whose date could not be resolved (no
publication date) joins the event of its claim, marked unresolved, or stands alone at
the end: kept, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Corpus
from . import outlets, words
from .claims import Claims
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


def find_timeline(
    corpus: Corpus, dates: Sequence[DateMention], claims: Claims, bags: Sequence[tuple[str, ...]] | None = None
) -> Timeline:
    """The events of a corpus's date mentions (corpus order). `bags` are the content
    words of each mention's sentence, read with the articles (findings.py); made here
    when not given. Mentions are handled by their index in `dates` throughout: cheaper
    to hash and sort than the mentions, and the index is their corpus order."""
    mentions = tuple(dates)
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    if bags is None:
        bags = [words.content(m.sentence.text) for m in mentions]
    claim_of = [claims.of_sentence.get((s.article, s.anchor, s.start)) for s in (m.sentence for m in mentions)]
    # A background date ("the tsunami of 2004" beside "on Tuesday") is no event.
    dated = [k for k, m in enumerate(mentions) if m.resolved and not m.background]
    dated_bags = [bags[k] for k in dated]
    df = words.document_frequency(dated_bags)
    weights = words.idf(df, len(dated_bags))
    rare = words.rare_keys(dated_bags, df, BLOCK_KEYS, max_df(len(dated_bags)))
    keys = [
        ([("claim", claim_of[k])] if claim_of[k] else []) + [(mentions[k].date, mentions[k].precision, w) for w in ws]
        for k, ws in zip(dated, rare, strict=True)
    ]
    vectors: list[dict[str, float] | None] = [None] * len(dated)  # made when first compared

    def vector(i: int) -> dict[str, float]:
        vec = vectors[i]
        if vec is None:
            vec = vectors[i] = words.vector(dated_bags[i], weights)
        return vec

    def score(i: int, j: int) -> float:
        a, b = mentions[dated[i]], mentions[dated[j]]
        if a.date != b.date or a.precision != b.precision or a.sentence == b.sentence:
            return 0.0  # "opened in 1962 and closed in 2023": two events
        if claim_of[dated[i]] is not None and claim_of[dated[i]] == claim_of[dated[j]]:
            return 1.0
        return words.cosine(vector(i), vector(j))

    groups = [[dated[i] for i in members] for members in group(range(len(dated)), keys, score, SIMILARITY)]
    # An undatable mention joins the best-supported event of its claim, else waits with
    # the other undatable mentions of that claim.
    by_claim: dict[str, int] = {}
    for n, members in sorted(enumerate(groups), key=lambda g: -len(g[1])):
        for k in members:
            claim = claim_of[k]
            if claim:
                by_claim.setdefault(claim, n)
    undated: dict[object, list[int]] = {}
    for k, m in enumerate(mentions):
        if m.resolved or m.background:
            continue
        claim = claim_of[k]
        if claim in by_claim:
            groups[by_claim[claim]].append(k)
        else:
            undated.setdefault(claim or m.span, []).append(k)
    groups.extend(undated.values())
    # The first mention of a group is dated when any is: the dated ones come first.
    firsts = [mentions[members[0]] for members in groups]
    ids = stable_ids("e", [f"{first.shown()} {first.sentence.text}" for first in firsts])
    made = []
    for members, first, eid in zip(groups, firsts, ids, strict=True):
        event = Event(
            id=eid,
            date=first.date,
            precision=first.precision,
            sentence=first.sentence,
            mentions=tuple([mentions[k] for k in sorted(members)]),
            outlets=outlets.independent(outlet_of[mentions[k].span.article] for k in members),
        )
        s = first.sentence
        made.append(((first.date is None, first.date or dt.date.min, -len(event.outlets),
                      s.article, s.anchor, s.start, s.end, s.text), event))
    made.sort(key=lambda m: m[0])  # by date, most outlets first, then by sentence (a `Span`'s order)
    return Timeline(tuple(e for _, e in made), mentions)
