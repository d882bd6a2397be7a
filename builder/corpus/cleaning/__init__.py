"""Cleaning: from a reader's blocks to the article body, and a report of what went.

`RULES` is the ordered registry; each rule takes the blocks so far and returns what
it keeps, what it removed (with a reason shown on the article page) and any metadata
it learnt (a preamble date, a sign-off outlet, a dateline). Nothing is dropped
without a `Removal`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from ...model import Block, Cleaned, RawDocument, Removal, Sourced
from . import rules
from .step import Found, Step

Rule = Callable[[tuple[Block, ...], RawDocument, Found], Step]

# Order matters: metadata lines come off the top first, the title before duplicates
# (a second paste repeats it), duplicates before tails (seed 002 pastes the article
# and its link list twice), tails before the dateline and subheading passes.
RULES: tuple[tuple[str, Rule], ...] = (
    ("preamble", rules.preamble),
    ("title", rules.title),
    ("duplicate", rules.duplicates),
    ("link-list", rules.link_lists),
    ("script", rules.scripts),
    ("promo", rules.promo_lines),
    ("caption", rules.captions),
    ("trailer", rules.trailer),
    ("separator", rules.separators),
    ("no-words", rules.no_words),
    ("dateline", rules.dateline),
    ("subheading", rules.subheadings),
)


def clean(raw: RawDocument) -> Cleaned:
    blocks = raw.blocks
    removed: list[Removal] = list(raw.removed)
    found: dict[str, Sourced[object]] = {}
    for _name, rule in RULES:
        step = rule(blocks, raw, MappingProxyType(found))
        blocks = step.kept
        removed.extend(step.removed)
        for key, value in step.found.items():
            found.setdefault(key, value)
    removed.sort(key=lambda r: r.line)
    return Cleaned(blocks=blocks, removed=tuple(removed), found=found)


__all__ = ["RULES", "Step", "clean"]
