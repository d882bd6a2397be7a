"""Claims: sentences from different articles that report the same thing, grouped.

Lexical: two sentences are one claim when the cosine of their TF-IDF vectors (content
words, rare words weigh more) reaches `SIMILARITY`. That finds copies, wire rewrites
and light paraphrase ("The council voted on Tuesday to spend $48 million repairing the
bridge" / "On Tuesday the council voted to spend $48 million on repairing the bridge"),
not reformulations that share no words; a claim missed that way shows as two claims,
each with fewer outlets, never as a wrong one.

Sentences are compared only within blocks of rare shared words (grouping.py), so
the work grows with the corpus, not its square.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Corpus
from . import outlets, words
from .grouping import group, max_df, stable_ids
from .sentences import Sentence
from .spans import Span

# Sentences with fewer content words ("He declined to comment.") are not claims:
# they would match across every story.
MIN_WORDS = 4
# Cosine at which two sentences are one claim. Sampled on 40 news clusters: pairs at
# 0.5 and above were one fact reworded ("The flight was scheduled to take off at 11:55
# p.m. Sunday, but left about 10 minutes late" / "...the flight was scheduled to leave
# at 11:55 pm on Sunday, and took off ten minutes late"); at 0.4-0.45 they were mostly
# related but different facts about the same people.
SIMILARITY = 0.5
BLOCK_KEYS = 5
# Sentences that share only one of their five rarest words were never one claim on the
# fixture story or the news clusters; comparing them was half the claims' time at
# 10,000 synthetic articles.
MIN_SHARED_KEYS = 2
# The medoid (the most central wording) is chosen among at most this many members.
MEDOID_SAMPLE = 30


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    span: Span  # the most central wording, verbatim from one article
    spans: tuple[Span, ...]  # every sentence that reports it, corpus order
    outlets: tuple[str, ...]  # independent outlet keys (outlets.key)
    position: int  # earliest place it has in any article (0: a lead sentence)
    articles: tuple[str, ...]  # slugs of the articles that carry it, corpus order

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def support(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True, slots=True)
class Claims:
    claims: tuple[Claim, ...]  # most outlets first, then earliest position
    of_sentence: dict[tuple[str, str, int], str] = field(hash=False)  # (slug, anchor, start) -> id
    by_id: dict[str, Claim] = field(hash=False)

    def shared(self) -> tuple[Claim, ...]:
        """Claims carried by more than one outlet."""
        return tuple(c for c in self.claims if c.support > 1)


def sentence_key(span: Span) -> tuple[str, str, int]:
    return (span.article, span.anchor, span.start)


# A sentence worded enough to be a claim, with its content words (words.content): read
# with its article (findings.py).
Candidate = tuple[Sentence, tuple[str, ...]]


def candidates(sentences: Sequence[Sentence]) -> tuple[Candidate, ...]:
    return tuple((s, bag) for s in sentences if _worded(bag := words.content(s.span.text)))


def find_claims(corpus: Corpus, sentences: Sequence[Sentence]) -> Claims:
    """Claims of a corpus's sentences (corpus order)."""
    return group_claims(corpus, candidates(sentences))


def group_claims(corpus: Corpus, kept: Sequence[Candidate]) -> Claims:
    """The candidates of every article (corpus order) grouped into claims."""
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    bags = [bag for _, bag in kept]
    groups, centers = _cluster(bags)
    made: list[tuple[tuple[int, int, int, str], Claim]] = []
    for members, center, claim_id in zip(groups, centers, stable_ids("c", [" ".join(bags[c]) for c in centers]), strict=True):
        if len(members) == 1:  # most sentences: one article's own (a quick path at 10,000 articles)
            sentence = kept[center][0]
            slug = sentence.span.article
            claim = Claim(claim_id, sentence.span, (sentence.span,), (outlet_of[slug],), sentence.position, (slug,))
        else:
            spans = tuple(kept[i][0].span for i in members)
            claim = Claim(
                id=claim_id,
                span=kept[center][0].span,
                spans=spans,
                outlets=outlets.independent(outlet_of[s.article] for s in spans),
                position=min(kept[i][0].position for i in members),
                articles=tuple(dict.fromkeys(s.article for s in spans)),
            )
        made.append(((-len(claim.outlets), claim.position, -len(claim.spans), claim_id), claim))
    made.sort(key=lambda m: m[0])  # most outlets first; ids are unique, so the order is total
    claims = tuple(claim for _, claim in made)
    of_sentence = {(s.article, s.anchor, s.start): c.id for c in claims for s in c.spans}
    return Claims(claims, of_sentence, {c.id: c for c in claims})


def _cluster(bags: list[tuple[str, ...]]) -> tuple[list[list[int]], list[int]]:
    """Groups of candidates (indices) that say the same, and the index of each group's
    most central wording. Its vectors and keys go when it returns, before the claims
    are made: together they were most of the peak memory at 50,000 articles."""
    df = words.document_frequency(bags)
    keys = words.rare_keys(bags, df, BLOCK_KEYS, max_df(len(bags)))
    weights = words.idf(df, len(bags))
    # Vectors only for sentences that meet another on a rare word: most never do.
    vectors: list[dict[str, float] | None] = [None] * len(bags)

    def vector(i: int) -> dict[str, float]:
        vec = vectors[i]
        if vec is None:
            vec = vectors[i] = words.vector(bags[i], weights)
        return vec

    def score(i: int, j: int) -> float:
        return words.cosine(vectors[i] or vector(i), vectors[j] or vector(j))

    # Two sentences are the same wording when their words are: the bags themselves serve
    # as identities, and order as their texts (" ".join) would, since a space sorts
    # before any character of a word.
    groups = group(bags, keys, score, SIMILARITY, min_shared=MIN_SHARED_KEYS)
    centers = [members[0] if len(members) == 1 else members[_medoid(members, vector, bags)] for members in groups]
    return groups, centers


def _worded(bag: tuple[str, ...]) -> bool:
    """Enough words, numbers not counted: "Xinhua | Updated: 2017-09-15 17:52" is a
    dateline two outlets share, not a claim (news clusters)."""
    return len(bag) - sum(map(str.isdigit, bag)) >= MIN_WORDS


def _medoid(
    members: Sequence[int], vector: Callable[[int], dict[str, float]], identities: Sequence[tuple[str, ...]]
) -> int:
    """Index (into members) of the wording closest to all the others; between equals,
    the first in alphabetical order, so that the claim's id does not depend on which
    article was read first."""
    if len(members) == 1:
        return 0
    if len(members) == 2:  # two wordings are equally central
        return min((0, 1), key=lambda k: identities[members[k]])
    sample = members[:MEDOID_SAMPLE]
    totals = words.centrality([vector(i) for i in sample])
    best = max(round(t, 9) for t in totals)
    return min((k for k in range(len(sample)) if round(totals[k], 9) == best), key=lambda k: identities[sample[k]])
