"""Claims: sentences from different articles that report the same thing, grouped.

Two sentences are one claim when `sameclaim.same_claim` says they report the same
fact: their content words overlap, a paraphrase score over their wording reaches its
cut, and no figure or negation conflicts ("168 seats" and "169 seats" are a
disagreement, never one claim). That finds copies, wire rewrites and paraphrase that
keeps most of the fact's words. A fact retold in words of its own ("The 42-year-old
male driver, from Beckenham, is being held on suspicion of manslaughter" / "The tram
driver, 42, from Beckenham, has been arrested on suspicion of manslaughter") is then
looked for by the story's first claims among the rarer words of each other article
(retold.py): found, it joins the claim as a retelling (`Claim.retold`), or two claims
that find each other merge. What neither finds shows as two claims, each with fewer
outlets, never as a wrong one.

Sentences are compared only within blocks of rare shared words (grouping.py), and
scored only when the TF-IDF cosine of their content words reaches `PREFILTER`, so the
work grows with the corpus, not its square.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Corpus
from . import outlets, retold, sameclaim, words
from .grouping import group, max_df, stable_ids
from .sentences import Sentence
from .spans import Span

# Sentences with fewer content words ("He declined to comment.") are not claims:
# they would match across every story.
MIN_WORDS = 4
# TF-IDF cosine below which two sentences are not scored: of the 1,190 pairs of the
# news clusters the rule joined when every blocked pair was scored, 1 was below it.
PREFILTER = 0.3
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
    # Sentences of other articles that tell it in words of their own (retold.py): cited
    # and counted with it, each still in the claim of its own wording too.
    retold: tuple[Span, ...] = ()

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def support(self) -> int:
        return len(self.outlets)

    @property
    def cited(self) -> tuple[Span, ...]:
        """Every sentence that reports it: its wordings, then its retellings."""
        return self.spans + self.retold if self.retold else self.spans


@dataclass(frozen=True, slots=True)
class Claims:
    claims: tuple[Claim, ...]  # most outlets first, then earliest position
    of_sentence: dict[tuple[str, str, int], str] = field(hash=False)  # (slug, anchor, start) -> id
    by_id: dict[str, Claim] = field(hash=False)
    # Pairs of claims told alike but with another figure or date ("on Sunday night,
    # forcing 300 residents" / "on Saturday night, forcing about 250"): never one claim,
    # but one fact the outlets disagree on (disagreements.py).
    variants: tuple[tuple[str, str], ...] = ()

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
    groups, centers, alike = _cluster(bags, [s.span.text for s, _ in kept])
    made: list[Claim] = []
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
        made.append(claim)
    made_in_order = list(made)  # group order, for the variants
    made.sort(key=_rank)
    # The same fact in other words (retold.py), looked for by the claims ranked first.
    found = retold.find([(c.id, c.span) for c in made[: retold.HEAD]], [(s.span, bag) for s, bag in kept]) if len(outlet_of) > 1 else {}
    merged: dict[str, str] = {}
    if found:
        first = {(s.article, s.anchor, s.start): c.id for c in made for s in c.spans}
        extended, merged = retold.extend(made, found, outlet_of, first)
        made = sorted(extended, key=_rank)
    claims = tuple(made)
    of_sentence = {(s.article, s.anchor, s.start): c.id for c in claims for s in c.spans}
    variants: tuple[tuple[str, str], ...] = ()
    if alike:
        claim_of = {i: merged.get(claim.id, claim.id) for claim, members in zip(made_in_order, groups, strict=True)
                    for i in members}
        pairs = {(claim_of[i], claim_of[j]) for i, j in alike if claim_of[i] != claim_of[j]}
        variants = tuple(sorted({(min(p), max(p)) for p in pairs}))
    return Claims(claims, of_sentence, {c.id: c for c in claims}, variants)


def _rank(claim: Claim) -> tuple[int, int, int, str]:
    """Most outlets first, then the earliest; ids are unique, so the order is total."""
    return (-len(claim.outlets), claim.position, -len(claim.spans), claim.id)


def _cluster(bags: list[tuple[str, ...]], texts: list[str]
             ) -> tuple[list[list[int]], list[int], list[tuple[int, int]]]:
    """Groups of candidates (indices) that say the same, the index of each group's
    most central wording, and the pairs told alike but for a conflicting figure or
    date. Its vectors and keys go when it returns, before the claims are made: together
    they were most of the peak memory at 50,000 articles."""
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

    alike: list[tuple[int, int]] = []

    def score(i: int, j: int) -> float:
        if words.cosine(vectors[i] or vector(i), vectors[j] or vector(j)) < PREFILTER:
            return 0.0
        match, conflicts = sameclaim.judge(texts[i], texts[j], bags[i], bags[j])
        if conflicts:
            if conflicts == ("numbers",):
                alike.append((i, j))
            return 0.0
        return match

    # Two sentences are the same wording when their words are: the bags themselves serve
    # as identities, and order as their texts (" ".join) would, since a space sorts
    # before any character of a word.
    groups = group(bags, keys, score, sameclaim.SCORE, min_shared=MIN_SHARED_KEYS)
    centers = [members[0] if len(members) == 1 else members[_medoid(members, vector, bags)] for members in groups]
    return groups, centers, alike


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
    # A wording met again (a wire copy, boilerplate) has the vector of its first member,
    # the same object: made once. When every sampled wording is one, all are equally
    # central and the first wins, as the totals below would say.
    first: dict[tuple[str, ...], int] = {}
    for i in sample:
        first.setdefault(identities[i], i)
    if len(first) == 1:
        return 0
    totals = words.centrality([vector(first[identities[i]]) for i in sample])
    best = max(round(t, 9) for t in totals)
    return min((k for k in range(len(sample)) if round(totals[k], 9) == best), key=lambda k: identities[sample[k]])
