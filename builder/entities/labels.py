"""The model's labels, the index's types, and the vote that turns one into the other."""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from ..model import EntityType

TYPES: tuple[EntityType, ...] = get_args(EntityType)  # also the index's order of sections
TYPE_OF_LABEL: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LAW": "law",
}
# Types the small model tags unreliably (it calls "Broncos" a PRODUCT and "Mitchell
# Trubisky" a WORK_OF_ART, news cluster 43): kept in the index only when recurring.
MINOR_TYPES: frozenset[EntityType] = frozenset({"event", "product", "work", "law"})
PLURAL: dict[EntityType, str] = {
    "person": "People", "organisation": "Organisations", "place": "Places", "group": "Groups",
    "event": "Events", "product": "Products", "work": "Works", "law": "Laws",
}


def vote(labels: Iterable[str | tuple[str, float]]) -> tuple[EntityType, dict[EntityType, float]]:
    """The type most mentions were given, each label with its weight (default 1), and
    the weighted count of each type (a plain dict: there is a vote per name and per
    entity, tens of thousands in a corpus, and a Counter costs more to make than the vote).

    A tie goes to the type listed first in TYPES (person before organisation before
    place): the small model more often reads a person's surname as an organisation
    or a place than the other way round."""
    counts: dict[EntityType, float] = {}
    for item in labels:
        label, weight = (item, 1.0) if isinstance(item, str) else item
        kind = TYPE_OF_LABEL.get(label)
        if kind is not None:
            counts[kind] = counts.get(kind, 0) + weight
    if not counts:
        return "organisation", counts
    best = max(counts.values())
    return next(t for t in TYPES if counts.get(t) == best), counts
