"""The same fact told in other words: sentences of other articles that a claim's wording
finds among the story's rarer words.

`sameclaim` joins sentences worded alike. Outlets retell a fact with words of their
own and fold it into a longer sentence ("Mr Carney's Liberals won ... but fell short of
the 172 needed for majority control" / "The Liberals are projected to have won 169
seats, three short of the 172 needed for a majority"): as wholes the two are not alike,
so each would count one outlet. Here the story's main claims look, in every article
that does not carry them, for the sentence that shares most of their distinctive words:

- words are stemmed (Snowball: "congratulated", "congratulation" -> "congratul") and
  distinctive when few of the story's sentences have them (`RARE`);
- the cosine of the two sets of distinctive words, weighted by rarity, reaches
  `SHARE`, or one clause of the other sentence reaches it with `CLAUSE_WORDS` words in
  common ("While they fell short of a majority, winning approximately 168 seats ...,
  it was a clear mandate against populism"); at least `WORDS` of the shared words are not part of a name, and the shared
  words count `UNITS` with a run of names counted once ("Prime Minister Shinzo Abe"
  is one actor, not four words in common);
- nothing conflicts (`sameclaim.conflicts`: another figure or a negation makes it a
  disagreement, never support).

A sentence found this way joins the claim as a retelling (`Claim.retold`): it counts
its outlet and is cited, and stays in the claim of its own wording. Two claims that
each find the other are one fact and merge.

Chosen on the 70 news clusters, each built as one story, by reading a random 40 of
the links these settings added (308 retellings and 186 merges then; 310 and 185 with
the cleaning and dates of issues 19 and 20 since): 35 joined the same fact;
the 5 others shared a background clause or a place ("air strikes last week in Kunduz").
Without the clause test there were 259 links, 35 of 40 right; with the whole-sentence
cosine at 0.35 instead of 0.45, 567 links and 32 of 40. Only the first `HEAD` claims
look (the ones the key points and the sources table can show), and only for words they
have: the cost does not grow with the square of the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING

import Stemmer

from . import outlets, sameclaim, words
from .spans import Span

if TYPE_CHECKING:
    from .claims import Claim

HEAD = 200
RARE = 0.08  # a word in at most this share of the story's sentences is distinctive
MAX_DF = 400  # ... and in at most this many
SHARE = 0.45
WORDS = 2
UNITS = 3
# A clause of a longer sentence tells the fact when it shares this many words.
CLAUSE_WORDS = 3
_CLAUSE = re.compile(r"[,;:]\s+|\s+[—–-]+\s+|\s+(?:and|but|while|whereas)\s+")

_STEMMER = Stemmer.Stemmer("english")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class _Stems(dict[str, str]):
    """A content word's stem (`words.content` gives roots: plural, "-ed", "-ing" off),
    filled as words are met and read in C. Snowball is given the root with the "e"
    that stripping "-ed" took ("congratulat" -> "congratulate", Porter's own rule), so
    that "congratulated", "congratulate" and "congratulation" meet."""

    def __missing__(self, root: str) -> str:
        if root[:1].isdigit():
            kept = root
        else:
            kept = _STEMMER.stemWord(root + "e" if root.endswith(("at", "bl", "iz")) else root)
        if len(self) < _KEPT:
            self[root] = kept
        return kept


_STEMS = _Stems()
_KEPT = 1 << 18


def stems(bag: Sequence[str]) -> frozenset[str]:
    """The stems of a sentence's content words (`words.content`)."""
    return frozenset(map(_STEMS.__getitem__, bag))


def names(text: str) -> frozenset[str]:
    """Stems of the capitalised words of a sentence, its first word aside."""
    found = _WORD.findall(text)[1:]
    return stems([root for raw in found if raw[:1].isupper() for root in words.content(raw)])


def find(head: Sequence[tuple[str, Span]], sentences: Sequence[tuple[Span, Sequence[str]]]
         ) -> dict[str, list[Span]]:
    """For each head claim (id, wording), the sentence of each other article that
    retells it, in corpus order (`sentences`: every claimable sentence with its content
    words); an article gives a claim one sentence at most."""
    if not head or not sentences:
        return {}
    bags = [stems(bag) for _, bag in sentences]
    df = Counter(chain.from_iterable(bags))
    cap = min(MAX_DF, max(2, int(len(bags) * RARE)))
    weight = {w: math.log(len(bags) / n) for w, n in df.items() if n <= cap and n < len(bags)}
    queries = [(claim_id, span, frozenset(w for w in stems(words.content(span.text)) if w in weight))
               for claim_id, span in head]
    wanted = set().union(*(q for _, _, q in queries))
    postings: dict[str, list[int]] = {}
    for i, b in enumerate(bags):
        for w in b & wanted:
            postings.setdefault(w, []).append(i)
    found: dict[str, list[Span]] = {}
    for claim_id, span, query in queries:
        if len(query) < UNITS:
            continue
        query_weight = math.fsum(weight[w] for w in query)
        hits = Counter(i for w in query for i in postings.get(w, ()))
        best: dict[str, tuple[float, int]] = {}
        query_names: frozenset[str] | None = None
        for i, n in sorted(hits.items()):  # in corpus order: of two as good, the first
            other = sentences[i][0]
            if n < UNITS or other.article == span.article:
                continue
            mine = [w for w in bags[i] if w in weight]
            shared = query.intersection(mine)
            cos = math.fsum(map(weight.__getitem__, shared)) / math.sqrt(
                query_weight * math.fsum(map(weight.__getitem__, mine)) or 1.0)
            if cos < SHARE and n >= CLAUSE_WORDS:  # told in one clause of a longer sentence?
                cos, shared = max(_clauses(other.text, query, query_weight, weight), default=(0.0, frozenset()),
                                  key=lambda c: c[0])
                if cos >= SHARE and len(shared) < CLAUSE_WORDS:
                    continue
            if cos < SHARE or (other.article in best and best[other.article][0] >= cos):
                continue
            if query_names is None:
                query_names = names(span.text)
            plain = shared - query_names - names(other.text)
            if len(plain) < WORDS or len(plain) + (shared != plain) < UNITS:
                continue
            if sameclaim.conflicts(span.text, other.text):
                continue
            best[other.article] = (cos, i)
        if best:
            found[claim_id] = [sentences[i][0] for _, i in sorted(best.values(), key=lambda b: b[1])]
    return found


def _clauses(text: str, query: frozenset[str], query_weight: float, weight: dict[str, float]
             ) -> Iterator[tuple[float, frozenset[str]]]:
    """The cosine of each clause of `text` with the query, and the words they share."""
    for clause in _CLAUSE.split(text):
        mine = [w for w in stems(words.content(clause)) if w in weight]
        shared = query.intersection(mine)
        if shared:
            yield math.fsum(map(weight.__getitem__, shared)) / math.sqrt(
                query_weight * math.fsum(map(weight.__getitem__, mine))), shared


def extend(claims: Sequence[Claim], retellings: dict[str, list[Span]], outlet_of: dict[str, str],
           claim_of: dict[tuple[str, str, int], str]) -> tuple[list[Claim], dict[str, str]]:
    """Claims with their retellings, and the ids merged away (-> the id they joined):
    two claims that find each other merge (the one first in `claims` keeps its id and
    wording); the others take the sentences they found as `retold`. Claims that found
    nothing and were found by no one pass as they are."""
    linked = {cid: {claim_of.get((s.article, s.anchor, s.start)) for s in spans} for cid, spans in retellings.items()}
    order = {c.id: k for k, c in enumerate(claims)}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, targets in linked.items():
        for b in targets:
            if b and b != a and a in linked.get(b, ()):
                ra, rb = root(a), root(b)
                if ra != rb:
                    keep, gone = sorted((ra, rb), key=order.__getitem__)
                    parent[gone] = keep
    touched = set(linked) | set(parent)
    members: dict[str, list[Claim]] = {}
    for cid in sorted(touched, key=order.__getitem__):
        members.setdefault(root(cid), []).append(claims[order[cid]])
    rank = {slug: k for k, slug in enumerate(outlet_of)}
    changed: dict[str, Claim | None] = {}
    for cid, group in members.items():
        head = claims[order[cid]]
        if group[0] is not head:
            group.insert(0, head)
        for c in group[1:]:
            changed[c.id] = None  # merged away
        spans = sorted(dict.fromkeys(s for c in group for s in c.spans), key=lambda s: rank[s.article])
        told = {s.article for s in spans}
        retold = sorted(dict.fromkeys(s for c in group for s in retellings.get(c.id, ()) if s.article not in told),
                        key=lambda s: rank[s.article])
        if len(group) == 1 and not retold:
            continue
        every = spans + retold
        changed[cid] = replace(
            head,
            spans=tuple(spans),
            retold=tuple(retold),
            outlets=outlets.independent(outlet_of[s.article] for s in every),
            position=min(c.position for c in group),
            articles=tuple(dict.fromkeys(s.article for s in sorted(every, key=lambda s: rank[s.article]))),
        )
    out = [c if c.id not in changed else changed[c.id] for c in claims]
    merged = {x: root(x) for x in parent if root(x) != x}
    return [c for c in out if c is not None], merged
