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
from itertools import chain, repeat
from operator import add, mul, truediv

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
    return unicodedata.normalize("NFKD", text.casefold()).translate(_WITHOUT_ACCENTS)


class _Accents(dict[int, int | None]):
    """A `str.translate` table that drops combining characters (accents once NFKD has
    split them off), filled as characters are met: the translation runs in C, where a
    test of every character in Python was most of the time spent reading words."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_ACCENTS = _Accents()


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
    return _split(fold(text))


def _split(folded: str) -> list[str]:
    """`_TOKEN.findall`, the regular expression being the reference. ASCII text (most
    news text once folded) is split in C instead, several times faster: every character
    but a letter, a digit or an apostrophe becomes a space, then apostrophes that do not
    join two runs of letters and digits ("'tis", "dogs'", "a''b") are dropped."""
    if not folded.isascii():
        return _TOKEN.findall(folded)
    chunks = folded.translate(_ASCII_SPACES).split()
    if "'" not in folded:
        return chunks
    out: list[str] = []
    for chunk in chunks:
        if "'" in chunk:
            out.extend(part for part in _APOSTROPHES.split(chunk.strip("'")) if part)
        else:
            out.append(chunk)
    return out


_ASCII_SPACES = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "'")}
_APOSTROPHES = re.compile("'{2,}")


# A sentence is read for claims, then for the timeline when it has a date, one article
# after the other (findings.py): a small cache suffices.
@functools.lru_cache(maxsize=1 << 12)
def content(text: str) -> tuple[str, ...]:
    """The words that carry meaning, rooted, in order (numbers kept: "169" matters)."""
    if len(_CONTENT) > _CONTENT_SIZE:
        _CONTENT.clear()
    return tuple(filter(None, map(_CONTENT.__getitem__, _split(fold(text)))))


def content_of(tokens: Iterable[str]) -> tuple[str, ...]:
    """`content` of a text already split into `tokens`."""
    if len(_CONTENT) > _CONTENT_SIZE:
        _CONTENT.clear()
    return tuple(filter(None, map(_CONTENT.__getitem__, tokens)))


class _ContentWords(dict[str, str]):
    """Each token's content word (`root`), or "" for a stop word: filled as tokens are
    met, and read in C (`content` runs on every sentence of every article; testing and
    rooting each token in Python was most of that time). A root is never ""."""

    def __missing__(self, token: str) -> str:
        kept = root(token) if token not in STOPWORDS and (len(token) > 1 or token.isdigit()) else ""
        self[token] = kept
        return kept


_CONTENT = _ContentWords()
_CONTENT_SIZE = 1 << 18  # distinct tokens; numbers make them many on a long-lived server


def document_frequency(bags: Iterable[Iterable[str]]) -> Counter[str]:
    return Counter(chain.from_iterable(map(set, bags)))


def idf(df: Counter[str], n: int) -> dict[str, float]:
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def vector(bag: Iterable[str], weights: dict[str, float]) -> dict[str, float]:
    """A unit-length TF-IDF vector (binary term frequency: a sentence says a word once).

    Sums here and in `cosine` are `math.fsum`, exactly rounded whatever the order: a
    set's order changes with the hash seed, and a plain sum would make two builds of
    one corpus differ in the last bit, and so in a threshold's decision."""
    distinct = set(bag)
    values = list(map(weights.get, distinct, repeat(1.0)))
    norm = math.sqrt(math.fsum(map(mul, values, values))) or 1.0
    return dict(zip(distinct, map(truediv, values, repeat(norm))))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # The shared words by a set operation, the products in C: most pairs share few words.
    shared = a.keys() & b.keys()
    return math.fsum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared))) if shared else 0.0


def centrality(vectors: Sequence[dict[str, float]]) -> list[float]:
    """Each vector's summed cosine with all of them, in linear time: the sum of dot
    products is the dot product with the sum."""
    total: dict[str, float] = {}
    for vec in vectors:
        total.update(zip(vec, map(add, map(total.get, vec, repeat(0.0)), vec.values())))
    return [cosine(vec, total) for vec in vectors]


def rare(bag: Sequence[str], df: Counter[str], k: int, max_df: int) -> tuple[str, ...]:
    """The `k` rarest words of a bag that another item also has (df >= 2) and that are
    not so common that a block on them would be huge (df <= max_df): blocking keys."""
    usable = sorted([(n, w) for w in set(bag) if 2 <= (n := df[w]) <= max_df])
    return tuple(w for _, w in usable[:k])


def rare_keys(bags: Sequence[Iterable[str]], df: Counter[str], k: int, max_df: int) -> list[tuple[str, ...]]:
    """`rare` of many bags at once: the usable words ranked once, then each bag's
    ranks sorted as numbers, not as (count, word) pairs. Every claim candidate of every
    build has its keys made, whether or not it meets another."""
    usable = sorted([(n, w) for w, n in df.items() if 2 <= n <= max_df])
    rank = {w: r for r, (_, w) in enumerate(usable, start=1)}.get  # from 1: `filter` drops the unusable
    word = [""] + [w for _, w in usable]
    return [tuple([word[r] for r in sorted(filter(None, map(rank, set(bag))))[:k]]) for bag in bags]
