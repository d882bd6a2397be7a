"""What the sources disagree on, each side with who says it and where.

- figure: a figure group with readings that cannot all be true (figures.py);
- date: one claim dated differently by different outlets ("on Saturday night" /
  "on Sunday night");
- contradiction: the same verb with subject and object swapped ("Becker called
  Ferris" / "Ferris called Becker"; issue 4: who called whom);
- quote speaker: one quote put in different mouths;
- quote wording: one quote worded differently (an excerpt of a longer wording is
  not a different wording).

Only what the articles say is compared; nothing is judged right or wrong.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from ..corpus.blocks import text_key
from ..model import Corpus
from . import attribution, outlets
from .claims import Claims, sentence_key
from .dates import DateMention
from .figures import Figures
from .grouping import stable_ids
from .quotes import EXPLICIT, Quote, Quotes
from .relations import Relation
from .spans import Span

Kind = Literal["figure", "date", "contradiction", "quote speaker", "quote wording"]
KINDS: tuple[Kind, ...] = ("figure", "date", "contradiction", "quote speaker", "quote wording")
# A quote shorter than this is a phrase two people may both say; its speakers are not compared.
SPEAKER_MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Side:
    text: str  # this side's version as written: "about 168 seats", "on Saturday night", a wording
    spans: tuple[Span, ...]  # where each outlet says it
    outlets: tuple[str, ...]
    note: str = ""  # "approximate", how a date was derived, ...


@dataclass(frozen=True, slots=True)
class Disagreement:
    id: str
    kind: Kind
    about: Span  # the sentence or quote it is about, verbatim from one side
    ref: str  # the figure group, claim or quote group it comes from ("" for a contradiction)
    sides: tuple[Side, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return outlets.independent(o for s in self.sides for o in s.outlets)


def find_disagreements(
    corpus: Corpus,
    figures: Figures,
    dates: tuple[DateMention, ...],
    claims: Claims,
    quotes: Quotes,
    relations: tuple[Relation, ...],
) -> tuple[Disagreement, ...]:
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    found: list[tuple[Kind, Span, str, tuple[Side, ...]]] = []
    found += _figures(figures)
    found += _dates(dates, claims, outlet_of)
    found += _contradictions(relations, outlet_of)
    found += _quotes(quotes, outlet_of)
    ids = stable_ids("d", [f"{kind} {about.text} {ref}" for kind, about, ref, _ in found])
    made = [Disagreement(i, kind, about, ref, sides) for (kind, about, ref, sides), i in zip(found, ids, strict=True)]
    made.sort(key=lambda d: (KINDS.index(d.kind), -len(d.outlets), d.about))
    return tuple(made)


def _figures(figures: Figures) -> list[tuple[Kind, Span, str, tuple[Side, ...]]]:
    out: list[tuple[Kind, Span, str, tuple[Side, ...]]] = []
    for g in figures.disputed():
        sides = tuple(
            Side(
                text=r.figures[0].span.text,
                spans=tuple(f.span for f in r.figures),
                outlets=r.outlets,
                note="; ".join(x for x in ("approximate" if r.approximate else "",
                                           r.figures[0].qualifier) if x),
            )
            for r in g.readings
        )
        out.append(("figure", g.figure.sentence, g.id, sides))
    return out


def _dates(
    dates: tuple[DateMention, ...], claims: Claims, outlet_of: dict[str, str]
) -> list[tuple[Kind, Span, str, tuple[Side, ...]]]:
    """Claims (with their variants) whose sentences, in different outlets, carry
    dates of one precision that share no value."""
    # A claim and its variants (told alike with another figure) are one fact here.
    fact = {c: c for pair in claims.variants for c in pair}

    def root(c: str) -> str:
        while fact.get(c, c) != c:
            c = fact[c]
        return c

    for a, b in claims.variants:
        ra, rb = root(a), root(b)
        if ra != rb:
            fact[max(ra, rb)] = min(ra, rb)
    by_claim: dict[str, dict[str, list[DateMention]]] = defaultdict(lambda: defaultdict(list))
    for m in dates:
        claim = claims.of_sentence.get(sentence_key(m.sentence))
        if claim and m.resolved:
            by_claim[root(claim)][m.span.article].append(m)
    out: list[tuple[Kind, Span, str, tuple[Side, ...]]] = []
    for claim_id, per_article in by_claim.items():
        if len(per_article) < 2:
            continue
        precisions = {m.precision for ms in per_article.values() for m in ms}
        for precision in sorted(precisions):
            values: dict[dt.date, list[DateMention]] = defaultdict(list)
            sets: list[frozenset[dt.date]] = []
            for ms in per_article.values():
                mine = frozenset(m.date for m in ms if m.precision == precision and m.date)
                if mine:
                    sets.append(mine)
                for m in ms:
                    if m.precision == precision and m.date:
                        values[m.date].append(m)
            clash = any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :])
            voices = {outlet_of[m.span.article] for ms in values.values() for m in ms}
            if not clash or len(voices) < 2:
                continue
            sides = tuple(
                Side(
                    text=f"{ms[0].span.text} ({ms[0].shown()})",
                    spans=tuple(m.span for m in ms),
                    outlets=outlets.independent(outlet_of[m.span.article] for m in ms),
                    note=ms[0].derivation,
                )
                for _, ms in sorted(values.items())
            )
            out.append(("date", claims.by_id[claim_id].span, claim_id, sides))
    return out


def _contradictions(
    relations: tuple[Relation, ...], outlet_of: dict[str, str]
) -> list[tuple[Kind, Span, str, tuple[Side, ...]]]:
    by_key: dict[tuple[str, str, str], list[Relation]] = defaultdict(list)
    for r in relations:
        by_key[r.key].append(r)
    out: list[tuple[Kind, Span, str, tuple[Side, ...]]] = []
    for (a, verb, b), these in sorted(by_key.items()):
        if (a, b) > (b, a):
            continue  # each pair once, from its alphabetically first direction
        those = by_key.get((b, verb, a), [])
        here = {r.sentence.article for r in these}
        there = {r.sentence.article for r in those}
        # An article that says both (they called each other) contradicts nothing.
        one_way, other_way = here - there, there - here
        if not one_way or not other_way:
            continue
        sides = tuple(
            Side(
                text=f"{rs[0].subject} {rs[0].verb} {rs[0].object}",
                spans=tuple(r.sentence for r in rs),
                outlets=outlets.independent(outlet_of[r.sentence.article] for r in rs),
            )
            for rs in ([r for r in these if r.sentence.article in one_way],
                       [r for r in those if r.sentence.article in other_way])
        )
        out.append(("contradiction", sides[0].spans[0], "", sides))
    return out


def _quotes(quotes: Quotes, outlet_of: dict[str, str]) -> list[tuple[Kind, Span, str, tuple[Side, ...]]]:
    out: list[tuple[Kind, Span, str, tuple[Side, ...]]] = []
    for g in quotes.groups:
        if g.support < 2:
            continue
        # Only speakers named in the quote's sentence: "he" read back as the last person
        # named put Abe's words in Trump's mouth on the news clusters.
        speakers: dict[str, list[Quote]] = defaultdict(list)
        for q in g.quotes:
            if q.speaker and q.how in EXPLICIT:
                speakers[attribution.speaker_key(q.speaker)].append(q)
        if len(speakers) > 1 and len(g.text.split()) >= SPEAKER_MIN_WORDS:
            sides = tuple(
                Side(
                    text=qs[0].speaker or "",
                    spans=tuple(q.span for q in qs),
                    outlets=outlets.independent(outlet_of[q.span.article] for q in qs),
                    note=qs[0].how,
                )
                for qs in sorted(speakers.values(), key=lambda qs: -len(qs))
            )
            out.append(("quote speaker", g.quote.span, g.id, sides))
        wording = {q.span: text_key(q.span.text) for q in g.quotes}
        keys = [wording[v.span] for v in g.variants]
        distinct = [v for v, k in zip(g.variants, keys, strict=True)
                    if not any(k != other and k in other for other in keys)]
        if len(distinct) > 1:
            sides = tuple(
                Side(
                    text=v.span.text,
                    spans=tuple(q.span for q in g.quotes if wording[q.span] == wording[v.span]),
                    outlets=outlets.independent(
                        outlet_of[q.span.article] for q in g.quotes if wording[q.span] == wording[v.span]
                    ),
                )
                for v in distinct
            )
            if len({o for s in sides for o in s.outlets}) > 1:
                out.append(("quote wording", g.quote.span, g.id, sides))
    return out
