"""One article saved twice is one article: files that hold the same text.

A folder of articles often holds the same one more than once: a page saved as HTML and
pasted as text, a news-please record beside the text it was made from (the news
clusters: 381 of their 805 files are copies of another), the same file copied under
two names, or under another headline (the BBC corpus: 138 of 2,225, 35 of them
re-titled). Counted twice, an article corroborates itself: its claims read as carried
by two articles, its outlet as two.

Two files are copies when their body text is the same word for word (case, punctuation
and spacing aside), or when they have the same name but for the extension and their
texts are at least `NEAR`% alike (rapidfuzz: the text pasted with a caption more or a
title less). Not when they give different addresses (or, without one, name different
outlets): an agency's story that two outlets print word for word is two outlets
reporting it. Of each set the file with the most metadata is kept (then the first by
path); the others are skipped, each with the name of the one kept.

Work is linear in the files (one digest each); the similarity is computed only between
files of one name.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz

from ..model import Cleaned, Metadata, RawDocument, Skipped
from . import metadata
from .blocks import text_key

NEAR = 90  # rapidfuzz ratio (0-100) of two same-named files' texts
# Longer texts are compared by their digest alone: the ratio's time grows with the
# product of the lengths (0.3 s for two texts of 200,000 characters).
NEAR_MAX_CHARS = 200_000
TRIES = 8  # sets of copies a file of the same text is tried against
D = TypeVar("D")


def drop_copies(drafts: Sequence[D], parts: Sequence[tuple[RawDocument, Cleaned, dict[str, object], str]],
                ) -> tuple[list[D], list[Skipped]]:
    """`drafts` less the copies of another, and a `Skipped` for each copy. `parts`
    gives each draft's file as read, its cleaning, its editor's entry and its
    `fingerprint`, in order."""
    digests = [digest for *_, digest in parts]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, digest in enumerate(digests):
        groups[digest].append(i)
    same_name: dict[tuple[Path, str], list[int]] = defaultdict(list)
    for i, (raw, *_) in enumerate(parts):
        same_name[(raw.path.parent, raw.path.stem.lower())].append(i)
    # Metadata only for the files that may be copies: most have neither text nor name in common.
    candidates = {i for members in (*groups.values(), *same_name.values()) if len(members) > 1 for i in members}
    known = {i: metadata.resolve(*parts[i][:3]) for i in sorted(candidates)}
    where = {i: _Copies.of(i, known[i]) for i in known}

    def join(i: int, j: int) -> bool:
        a, b = where[i], where[j]
        if a is b:
            return True
        if not a.joins(b):
            return False
        a.add(b)
        for y in b.members:
            where[y] = a
        return True

    # A page saved twice first (the same name), then the same text, each tried against
    # the first `TRIES` sets of its text (an agency story many outlets printed).
    for members in same_name.values():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if where[i] is not where[j] and _alike(_words(parts[i][1]), _words(parts[j][1])):
                    join(i, j)
    for members in groups.values():
        seen: list[int] = []
        for j in members:
            if not any(join(i, j) for i in seen[:TRIES]):
                seen.append(j)
    kept: list[D] = []
    skipped: list[Skipped] = []
    for i, draft in enumerate(drafts):
        k = where[i].keeper(known) if i in where else i
        if k == i:
            kept.append(draft)
            continue
        how = "the same text" if digests[i] == digests[k] else "the same name and nearly the same text"
        why = "it has more metadata" if _richness(known[k]) > _richness(known[i]) else "it comes first"
        skipped.append(Skipped(parts[i][0].path, f"a copy of {parts[k][0].name} ({how}), which is kept: {why}"))
    return kept, skipped


class _Copies:
    """Files found to be one article: what they say of where they come from (one
    address at most, one outlet at most among those without an address)."""

    __slots__ = ("members", "outlet", "url")

    def __init__(self, members: list[int], url: str | None, outlet: str | None) -> None:
        self.members, self.url, self.outlet = members, url, outlet

    @classmethod
    def of(cls, i: int, m: Metadata) -> _Copies:
        return cls([i], m.url.value if m.url else None, m.outlet.value if m.outlet and not m.url else None)

    def joins(self, other: _Copies) -> bool:
        """Two files that give different addresses are two articles, and so are two that
        give none and name different outlets. An address and an outlet do not conflict: a
        news-please record names its site ("edition.cnn.com"), the text it was made from
        the agency of its dateline ("(CNN)")."""
        return not ((self.url and other.url and self.url != other.url)
                    or (self.outlet and other.outlet and self.outlet != other.outlet))

    def add(self, other: _Copies) -> None:
        self.members.extend(other.members)
        self.url = self.url or other.url
        self.outlet = self.outlet or other.outlet

    def keeper(self, known: dict[int, Metadata]) -> int:
        """The file with the most metadata, then the first."""
        if len(self.members) == 1:
            return self.members[0]
        return max(self.members, key=lambda i: (_richness(known[i]), -i))


def _alike(a: str, b: str) -> bool:
    if not a or not b or max(len(a), len(b)) > NEAR_MAX_CHARS:
        return False
    return fuzz.ratio(a, b, score_cutoff=NEAR) >= NEAR


def fingerprint(cleaned: Cleaned) -> str:
    """A digest of the body's words, case and punctuation aside: what two copies share."""
    return hashlib.blake2b(_words(cleaned).encode(), digest_size=16).hexdigest()


def _words(cleaned: Cleaned) -> str:
    return text_key(" ".join(b.text for b in cleaned.blocks if b.kind == "paragraph"))


def _richness(m: Metadata) -> int:
    return (not m.title_derived) + sum(v is not None for v in (m.outlet, m.author, m.date, m.url, m.description))
