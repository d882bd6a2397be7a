from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, Removal, Sourced


@dataclass(frozen=True, slots=True)
class Step:
    """What one cleaning rule did: blocks kept, text removed, metadata learnt."""

    kept: tuple[Block, ...]
    removed: tuple[Removal, ...] = ()
    found: dict[str, Sourced[object]] = field(default_factory=dict)
