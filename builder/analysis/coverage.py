"""Which outlet reports a claim differently: the "≠" of the source comparison's
coverage table, and the note on a key point some outlet gives otherwise."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .disagreements import Disagreement, Side
from .spans import Span


def differently(disagreements: tuple[Disagreement, ...], claim_at: Callable[[Span], str | None],
                outlet_of: Mapping[str, str]) -> dict[tuple[str, str], Span]:
    """(claim id, outlet key) -> where that outlet says it differently: for each
    figure, date or contradiction disagreement, the outlets of every side but the one
    most outlets take, against the claims the majority side's sentences belong to.
    `claim_at` gives the claim of the sentence a span is in; `outlet_of`, an article's
    outlet key."""
    out: dict[tuple[str, str], Span] = {}
    for d in disagreements:
        if d.kind not in ("figure", "date", "contradiction"):
            continue
        ranked: list[Side] = sorted(d.sides, key=lambda s: -len(s.outlets))
        majority = {c for s in ranked[0].spans if (c := claim_at(s))}
        if d.kind == "date" and d.ref:
            majority.add(d.ref)
        for side in ranked[1:]:
            for span in side.spans:
                for claim in majority:
                    out.setdefault((claim, outlet_of[span.article]), span)
    return out

