"""Words for comparing sentences: tokens, stop words, rare-word weights.

Comparison only: nothing here reaches a page, which always shows the source's text.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")

# English function words and reporting verbs: they say nothing about what happened.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say saying told tells according added adding mr mrs ms dr
    one may might must shall us also per via yet still ago new""".split()
)


def fold(text: str) -> str:
    """Case and accents ignored."""
    if text.isascii():
        return text.casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A plural's singular, roughly ("seats" -> "seat", "injuries" -> "injury").

    Written here because a stemmer library (Snowball) maps far more than plurals and
    merges words the figures must keep apart ("general"/"generous"); only the plural
    matters for comparing "169 seats" with "a seat"."""
    word = _POSSESSIVE.sub("", word).replace("’", "'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=1 << 17)
def root(word: str) -> str:
    """For comparing sentences only: the plural and "-ed"/"-ing" off ("forcing",
    "forced" -> "forc"), so "forced 300 residents" meets "forcing 300 residents"
    (fixture story). Never shown."""
    word = stem(word)
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


# A sentence is read by claims, figures and the timeline. The keys are the sentences'
# own strings, already held by the analysis: the cache costs the word tuples only.
@functools.lru_cache(maxsize=1 << 18)
def content(text: str) -> tuple[str, ...]:
    """The words that carry meaning, rooted, in order (numbers kept: "169" matters)."""
    return tuple([root(t) for t in _TOKEN.findall(fold(text)) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())])


def document_frequency(bags: Iterable[Iterable[str]]) -> Counter[str]:
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(set(bag))
    return df


def idf(df: Counter[str], n: int) -> dict[str, float]:
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def vector(bag: Iterable[str], weights: dict[str, float]) -> dict[str, float]:
    """A unit-length TF-IDF vector (binary term frequency: a sentence says a word once)."""
    vec = {w: weights.get(w, 1.0) for w in set(bag)}
    norm = math.hypot(*vec.values()) or 1.0
    return {w: v / norm for w, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # The shared words by a set operation in C: most pairs share few or none.
    shared = a.keys() & b.keys()
    return sum([a[w] * b[w] for w in shared]) if shared else 0.0


def centrality(vectors: Sequence[dict[str, float]]) -> list[float]:
    """Each vector's summed cosine with all of them, in linear time: the sum of dot
    products is the dot product with the sum."""
    total: dict[str, float] = {}
    for vec in vectors:
        for w, v in vec.items():
            total[w] = total.get(w, 0.0) + v
    return [cosine(vec, total) for vec in vectors]


def rare(bag: Sequence[str], df: Counter[str], k: int, max_df: int) -> tuple[str, ...]:
    """The `k` rarest words of a bag that another item also has (df >= 2) and that are
    not so common that a block on them would be huge (df <= max_df): blocking keys."""
    usable = sorted([(n, w) for w in set(bag) if 2 <= (n := df[w]) <= max_df])
    return tuple(w for _, w in usable[:k])
