from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...model import Block, Removal, Sourced


@dataclass(frozen=True, slots=True)
class Step:
    """What one cleaning rule did: blocks kept, text removed, metadata learnt."""

    kept: tuple[Block, ...]
    removed: tuple[Removal, ...] = ()
    found: dict[str, Sourced[object]] = field(default_factory=dict)


# What earlier rules learnt (a title from the first line, a preamble date...), read-only.
Found = Mapping[str, Sourced[object]]
