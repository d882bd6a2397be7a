"""Slugs: made by an allow-list (lowercase ASCII letters, digits, hyphens), unique."""

from __future__ import annotations

from slugify import slugify

MAX_SLUG = 80


def make(text: str, fallback: str = "article") -> str:
    slug = slugify(text, max_length=MAX_SLUG, word_boundary=True, lowercase=True)
    return slug or fallback


# articles/index.md is the article list.
RESERVED = frozenset({"index"})


def unique(wanted: list[str], reserved: frozenset[str] = RESERVED) -> list[str]:
    """Distinct slugs in the same order: a repeat gets -2, -3, ... (issue 6: colliding titles)."""
    taken: set[str] = set(reserved)
    out: list[str] = []
    for slug in wanted:
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        out.append(candidate)
    return out
