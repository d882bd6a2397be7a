"""Stories (issue 21): a mixed folder of articles sorted into stories, one real-world
event or developing story each, and the articles that fit none ("other").

Each article is read as a bag of its rare terms: content words (rooted, as the other
analyses compare them) and names (runs of capitalised words, as the text writes them),
the headline counted twice. A term weighs its TF-IDF in the folder times a prior from
its frequency in English at large (wordfreq), so "police" weighs less than "Duisburg"
even in a folder of five articles where every word is rare. Two articles published
weeks apart are less alike for it (same topic, another event).

Only pairs that share a rare term are compared (blocking: each article's rarest terms
that another article also has, and no term found in more than a few percent of the
folder), then grouped by average linkage: the two groups whose articles are most alike
on average merge, while that average is at least `THRESHOLD`. Groups of one are
"other". A story is named by its most representative headline: the article most like
the others. Deterministic: ties are broken by corpus order.

Comparison only: nothing here reaches a page but headlines and the terms an article
shares with its story, shown as the text wrote them (escaped by the pages).

With a cache, each article's terms are kept (the "story terms" memo): reading them was
half of detection's time (BBC: about 3 of 6 s), and a rebuild with one article changed
reads that article only. The weighing and the grouping are made again: they depend on
the whole folder.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import mul

from wordfreq import zipf_frequency

from ..cache import NO_CACHE, Cache, Memo, key
from ..corpus import slugs
from ..model import Article, Corpus
from .words import STOPWORDS, fold, root, tokens

# Chosen on the even-numbered half of the news clusters (benchmarks/stories.py).
THRESHOLD = 0.035
# A group larger than this is split again with a stricter threshold (up to STRICTEST).
LARGE = 40
STRICTEST = 0.3
# Terms an article is blocked by: its rarest shared terms, at most this many...
BLOCK_TERMS = 24
# ... none found in more than this share of the articles (and never more than MAX_BLOCK).
BLOCK_SHARE = 0.05
MIN_BLOCK = 12
MAX_BLOCK = 400
# A name weighs this much more than a word with the same rarity.
NAME_WEIGHT = 1.5
TITLE_WEIGHT = 2
# Publication dates this many days apart cost nothing; past it, similarity halves every HALF_LIFE days.
SAME_WEEKS = 10
HALF_LIFE = 20
# What an article page says it shares with its story.
WHY_TERMS = 6

_NAME = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’.-]*[A-Za-z0-9](?:\s+(?:of|de|la|von|van|al|bin|the)\s+|\s+|$)){1,4}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”‘’]\s+)$")


@dataclass(frozen=True, slots=True)
class Story:
    """A story: its slug (its pages' folder), its name (a headline of its own unless
    the editor renamed it), its articles in corpus order, and for each article what it
    shares with the others (names and words as written)."""

    slug: str
    title: str
    articles: tuple[str, ...]
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    origin: str = "detected"  # or "stories.yml"
    headline: str = ""  # the article whose headline names it ("" when the editor named it)


@dataclass(frozen=True, slots=True)
class Stories:
    stories: tuple[Story, ...]  # largest first
    other: tuple[str, ...] = ()  # articles in no story, corpus order
    notes: tuple[str, ...] = ()  # what the editor's stories.yml said that matched nothing

    @property
    def single(self) -> bool:
        """One briefing of everything, as before stories: one story or none."""
        return len(self.stories) <= 1

    def of(self, slug: str) -> Story | None:
        for story in self.stories:
            if slug in story.articles:
                return story
        return None

    def by_article(self) -> dict[str, Story]:
        return {a: s for s in self.stories for a in s.articles}


# ---------------------------------------------------------------------------------
# Terms


@functools.lru_cache(maxsize=1 << 16)
def _zipf(term: str) -> float:
    return zipf_frequency(term, "en")


def _prior(term: str) -> float:
    """Rarer in English, heavier: 1 for a word seen less than once per million words
    (zipf 3), 0.15 for one as common as "people" (zipf 6)."""
    z = _zipf(term)
    return max(0.15, min(1.0, 1.0 - (z - 3.0) * 0.28))


class _Terms:
    """Per token: its key and prior, found once per build."""

    def __init__(self) -> None:
        self.words: dict[str, tuple[str, float] | None] = {}
        self.names: dict[str, tuple[str, float] | None] = {}

    def word(self, token: str) -> tuple[str, float] | None:
        if token not in self.words:
            keep = len(token) > 2 and not token.isdigit() and token not in STOPWORDS and not token[0].isdigit()
            self.words[token] = ("w:" + root(token), _prior(token)) if keep else None
        return self.words[token]

    def name(self, text: str) -> tuple[str, float] | None:
        if text not in self.names:
            folded = " ".join(tokens(text))
            if not folded or folded in STOPWORDS or len(folded) < 3:
                self.names[text] = None
            else:
                self.names[text] = ("n:" + folded, _prior(folded))
        return self.names[text]


@dataclass(frozen=True, slots=True)
class Bag:
    """An article's terms: each one's count and prior, and the forms the text writes it
    in with their counts (what an article page shows it shares). What the "story terms"
    memo keeps per article."""

    terms: tuple[str, ...]
    counts: tuple[int, ...]
    priors: tuple[float, ...]
    forms: tuple[tuple[tuple[str, int], ...], ...]


_LEADING = re.compile(r"^(?:(?:The|A|An|Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+)+")
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december christmas easter""".split())
_POSSESSIVE = re.compile(r"['’]s?$")


def _clean_name(text: str) -> str:
    """A name as an article writes it, without "The", a title or a possessive; "" for
    a lone word common in English (a month, a weekday, "Consumers")."""
    words = _POSSESSIVE.sub("", _LEADING.sub("", text.strip().rstrip("."))).split()
    while words and words[0].lower() in STOPWORDS:
        words.pop(0)
    name = " ".join(words)
    if " " not in name and (name.lower() in _CALENDAR or _zipf(name) > 5.0):
        return ""
    return name


def _bag(article: Article, terms: _Terms) -> Bag:
    """An article's terms, their counts, priors and forms."""
    counts: Counter[str] = Counter()
    prior: dict[str, float] = {}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    texts = [article.metadata.title.value] * TITLE_WEIGHT + [p.text for p in article.body]
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update(tokens(text))  # counted in C, each distinct token looked at once
    for token, n in seen.items():
        if (found := terms.word(token)) is not None:
            k, p = found
            counts[k] += n
            prior[k] = max(p, prior.get(k, 0.0))  # a root's forms ("seat", "seats"): the rarest's
            forms[k][token] += n
    for text in texts:
        for m in _NAME.finditer(text):
            name = _clean_name(m.group(0))
            if not name:
                continue
            # A capitalised word opening a sentence is a name only when it is not a common word.
            if " " not in name and _SENTENCE_START.search(text, 0, m.start()) and _zipf(name) > 3.5:
                continue
            if (found := terms.name(name)) is not None:
                k, p = found
                counts[k] += 1
                prior[k] = p * NAME_WEIGHT
                forms[k][name] += 1
    ks = tuple(counts)
    return Bag(ks, tuple(counts[k] for k in ks), tuple(prior[k] for k in ks), tuple(tuple(forms[k].items()) for k in ks))


def bags(articles: Sequence[Article], cache: Cache = NO_CACHE) -> list[Bag]:
    """Every article's terms, in corpus order: kept from an earlier build for the
    articles that did not change (the key covers every field of an article, as the
    findings' does), read for the others."""
    memo: Memo[Bag] = cache.memo("story-terms")
    terms = _Terms()
    out = []
    for article in articles:
        k = key(article)
        kept = memo.get(k)
        out.append(kept if kept is not None else memo.put(k, _bag(article, terms)))
    memo.save()
    return out


def _vectors(bagged: Sequence[Bag]) -> tuple[list[dict[str, float]], Counter[str]]:
    df: Counter[str] = Counter()
    for bag in bagged:
        df.update(bag.terms)
    n = len(bagged)
    vectors = []
    for bag in bagged:
        vec = {k: (1.0 + math.log(c)) * (math.log((1 + n) / (1 + df[k])) + 1.0) * p
               for k, c, p in zip(bag.terms, bag.counts, bag.priors, strict=True)}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({k: v / norm for k, v in vec.items()})
    return vectors, df


def candidate_pairs(vectors: Sequence[dict[str, float]], df: Counter[str]) -> set[tuple[int, int]]:
    """Pairs of articles that share one of their rarest terms: each article is blocked
    by its `BLOCK_TERMS` heaviest terms that another article has and that are in no
    more than `BLOCK_SHARE` of the folder. The pairs grow with the blocks' sizes, not
    with the square of the folder."""
    n = len(vectors)
    max_df = max(MIN_BLOCK, min(MAX_BLOCK, int(n * BLOCK_SHARE)))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        usable = sorted((-w, k) for k, w in vec.items() if 2 <= df[k] <= max_df)
        for _, k in usable[:BLOCK_TERMS]:
            blocks[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


def cluster(articles: Sequence[Article], threshold: float = THRESHOLD,
            cache: Cache = NO_CACHE) -> tuple[list[list[int]], list[dict[str, float]], list[Bag]]:
    """The articles' groups (indices), their vectors and terms."""
    bagged = bags(articles, cache)
    vectors, df = _vectors(bagged)
    days = [a.metadata.date.value.toordinal() if a.metadata.date else None for a in articles]
    sims = {}
    for i, j in sorted(candidate_pairs(vectors, df)):
        if (s := _dot(vectors[i], vectors[j]) * _gap_factor(days[i], days[j])) > 0:
            sims[(i, j)] = s
    return _split_large(average_linkage(len(articles), sims, threshold), sims, threshold), vectors, bagged


def _split_large(groups: list[list[int]], sims: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """A group of more than LARGE articles is a topic more than a story (BBC: a hundred
    articles of a year's British politics): grouped again among themselves, with a
    threshold twice as high, until each part is small enough or the threshold is
    STRICTEST."""
    out: list[list[int]] = []
    for group in groups:
        if len(group) <= LARGE or threshold * 2 > STRICTEST:
            out.append(group)
            continue
        inside = set(group)
        index = {g: i for i, g in enumerate(group)}
        part = {(index[i], index[j]): s for (i, j), s in sims.items() if i in inside and j in inside}
        for sub in _split_large(average_linkage(len(group), part, threshold * 2), part, threshold * 2):
            out.append([group[i] for i in sub])
    return sorted(out)


def average_linkage(n: int, sims: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Agglomerative clustering by average linkage over a sparse similarity graph
    (pairs not given count as 0: articles that share no rare term are unlike): merge
    the two clusters with the highest mean similarity between their members while it is
    at least `threshold`. Clusters in order of their first member."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    total: dict[int, dict[int, float]] = defaultdict(dict)  # cluster -> neighbour -> summed similarity
    for (i, j), s in sims.items():
        total[i][j] = total[i].get(j, 0.0) + s
        total[j][i] = total[j].get(i, 0.0) + s
    heap = [(-s, i, j) for (i, j), s in sorted(sims.items()) if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if abs(total[a].get(b, 0.0) / (len(members[a]) * len(members[b])) + neg) > 1e-12:
            continue  # stale: one of the clusters grew since
        members[a] = sorted(members[a] + members.pop(b))  # a < b: clusters keep their first member's id
        for c, s in total.pop(b).items():
            total[c].pop(b, None)
            if c != a:
                total[a][c] = total[a].get(c, 0.0) + s
                total[c][a] = total[a][c]
        total[a].pop(b, None)
        size = len(members[a])
        for c, s in sorted(total[a].items()):
            if (avg := s / (size * len(members[c]))) >= threshold:
                heapq.heappush(heap, (-avg, min(a, c), max(a, c)))
    return [m for _, m in sorted(members.items())]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    # The shared terms by a set operation, the products in C (as words.cosine).
    shared = sorted(a.keys() & b.keys())
    return sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared))) if shared else 0.0


def _gap_factor(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 1.0
    gap = abs(a - b) - SAME_WEEKS
    return 1.0 if gap <= 0 else 0.5 ** (gap / HALF_LIFE)


# ---------------------------------------------------------------------------------
# Stories


def detect(corpus: Corpus, threshold: float = THRESHOLD, cache: Cache = NO_CACHE) -> Stories:
    """The corpus's stories, largest first, and the articles that fit none. `cache`
    keeps each article's terms between builds."""
    articles = corpus.articles
    if not articles:
        return Stories(())
    groups, vectors, bagged = cluster(articles, threshold, cache)
    stories = [g for g in groups if len(g) > 1]
    other = tuple(articles[g[0]].slug for g in groups if len(g) == 1)
    forms = _Forms(bagged)
    made = [_story(articles, g, vectors, forms) for g in stories]
    return Stories(named(made), other)


def _story(articles: Sequence[Article], group: list[int], vectors: Sequence[dict[str, float]],
           forms: _Forms) -> Story:
    total: dict[str, float] = defaultdict(float)
    for i in group:
        for k, v in vectors[i].items():
            total[k] += v
    # The most representative headline: the article most like the others (its cosine
    # with the sum of the others' vectors), the earliest in the corpus on a tie.
    def likeness(i: int) -> float:
        return sum(v * (total[k] - v) for k, v in vectors[i].items())

    best = max(group, key=lambda i: (round(likeness(i), 9), -i))
    shared = {}
    for i in group:
        contributions = sorted(((v * (total[k] - v), k) for k, v in vectors[i].items() if total[k] - v > 0),
                               key=lambda t: (-t[0], t[1]))
        names = [k for _, k in contributions if k.startswith("n:")]
        words = [k for _, k in contributions if k.startswith("w:")]
        named = names[: WHY_TERMS // 2]
        in_names = {w for k in named for w in k[2:].split()}
        picked = named + [k for k in words if root(k[2:]) not in {root(w) for w in in_names}]
        shown: list[str] = []  # the first WHY_TERMS different forms of the picked terms
        for k in picked:
            if (form := forms.shown(k)) not in shown:
                shown.append(form)
                if len(shown) == WHY_TERMS:
                    break
        shared[articles[i].slug] = tuple(shown)
    return Story("", articles[best].metadata.title.value, tuple(articles[i].slug for i in group), shared,
                 headline=articles[best].slug)


class _Forms:
    """A term as the folder writes it most often (the first in order on a tie). The
    articles' terms are kept one by one (the memo), so their forms are added up here,
    and only for the terms an article page shows: for every term, that took 0.6 s of
    a BBC rebuild (the articles each term is in: 0.15 s)."""

    def __init__(self, bagged: Sequence[Bag]) -> None:
        self._bags = bagged
        self._having: dict[str, list[int]] = defaultdict(list)
        for i, bag in enumerate(bagged):
            for k in bag.terms:
                self._having[k].append(i)
        self._by_term: dict[int, dict[str, tuple[tuple[str, int], ...]]] = {}
        self._shown: dict[str, str] = {}

    def shown(self, k: str) -> str:
        if k not in self._shown:
            total: Counter[str] = Counter()
            for i in self._having[k]:
                if i not in self._by_term:
                    self._by_term[i] = dict(zip(self._bags[i].terms, self._bags[i].forms, strict=True))
                for form, n in self._by_term[i][k]:
                    total[form] += n
            self._shown[k] = min(total.items(), key=lambda t: (-t[1], t[0]))[0]
        return self._shown[k]


def named(stories: Iterable[Story]) -> tuple[Story, ...]:
    """Largest first (then by first article), each with a unique slug from its title."""
    ordered = sorted(stories, key=lambda s: -len(s.articles))
    wanted = [slugs.make(fold(s.title), "story") for s in ordered]
    return tuple(Story(slug, s.title, s.articles, s.shared, s.origin, s.headline)
                 for s, slug in zip(ordered, slugs.unique(wanted), strict=True))


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster id) against the
    gold one, over the items both have. An "other" item is a cluster of its own: give it
    an id no other item has."""
    items = sorted(predicted.keys() & gold.keys())
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in items:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    if not items:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for item in items:
        same = len(by_pred[predicted[item]] & by_gold[gold[item]])
        p += same / len(by_pred[predicted[item]])
        r += same / len(by_gold[gold[item]])
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def assignment(stories: Stories) -> dict[str, str]:
    """Article slug -> story slug, an "other" article its own cluster (for `bcubed`)."""
    out = {a: s.slug for s in stories.stories for a in s.articles}
    out.update({a: f"other:{a}" for a in stories.other})
    return out
