"""The model's labels, the index's types, and the vote that turns one into the other."""

from __future__ import annotations

import re
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


# Words that make a name an organisation's whatever the model said: it read "Bloc
# Québécois" as a place (seed 004). Only words that seldom name a place or a person.
ORGANISATION_WORDS = frozenset("""
party bloc league alliance movement coalition council committee commission department ministry
agency association federation corporation parliament congress senate assembly authority
""".split())
_CODE_WITH_DIGITS = re.compile(r"^[A-Z]{1,4}-?\d{1,3}$")  # "G7", "G-20", "P5": groups of states


def by_name(kind: EntityType, name: str) -> EntityType:
    """The type the name itself settles, else the vote's: "Bloc Québécois" and "G7"
    are organisations, though the small model reads both as places (seed 004)."""
    if kind in ("place", "person") and " " in name and any(w.casefold() in ORGANISATION_WORDS for w in name.split()):
        return "organisation"
    if kind == "place" and _CODE_WITH_DIGITS.match(name):
        return "organisation"
    return kind
