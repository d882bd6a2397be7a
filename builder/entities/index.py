"""From merged, corrected clusters to the EntityIndex the pages and briefing.json use."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations

from .. import slugs
from ..model import Entity, EntityIndex, Role
from .aliases import name_of
from .labels import MINOR_TYPES, TYPES, vote
from .names import fold
from .overrides import Edited

# An event, product, work or law is listed only when this many articles name it:
# the small model's labels for these are often wrong, and a recurring name is
# one the story is about (see labels.MINOR_TYPES).
MINOR_MIN_ARTICLES = 2
MAX_ROLES = 5
MAX_ALIASES = 12
MAX_RELATED = 8
# Slugs the entities/ folder keeps for itself: entities/index.md is the index page.
RESERVED_SLUGS = {"index"}


def build(items: list[Edited], model: str, notes: list[str]) -> EntityIndex:
    drafts: list[Entity] = []
    for item in items:
        if item.hidden:
            continue
        entity = _entity(item)
        if entity.type in MINOR_TYPES and len(entity.articles) < MINOR_MIN_ARTICLES and not item.type:
            continue
        drafts.append(entity)
        if item.cluster.ambiguous:
            options = " or ".join(item.cluster.ambiguous)
            notes.append(f"'{entity.name}' ({len(entity.mentions)} mentions) could be {options}: "
                         f"kept as its own entry (merge it in entities.yml)")
    drafts.sort(key=lambda e: (TYPES.index(e.type), -len(e.mentions), fold(e.name), e.name))
    wanted = [slugs.make(e.name, fallback="entity") for e in drafts]
    wanted = [f"{s}-entity" if s in RESERVED_SLUGS else s for s in wanted]
    named = [_with(e, slug=s) for e, s in zip(drafts, slugs.unique(wanted), strict=True)]
    return EntityIndex(entities=tuple(_relate(named)), model=model, notes=tuple(notes))


def _entity(item: Edited) -> Entity:
    cluster = item.cluster
    voters = [f for f in cluster.found if f.order in cluster.voters] or list(cluster.found)
    kind, _ = vote(ballot for f in voters for ballot in f.ballots)
    origin = f"vote over {len(voters)} mention{'s' if len(voters) != 1 else ''}"
    if item.type:
        kind, origin = item.type, "entities.yml"  # type: ignore[assignment]
    name = item.name or name_of(cluster)
    seen: Counter[str] = Counter()
    for f in cluster.found:
        seen[f.seen] += 1
        if f.seen != f.name:
            seen[f.name] += 1
    aliases = tuple(n for n, _ in seen.most_common() if n != name)[:MAX_ALIASES]
    # Roles are shown for people: "quarterback" before "Chicago" is the team's need, not
    # the city's role (news cluster 43). The mentions keep what the text said either way.
    role_counts = Counter(f.mention.role for f in cluster.found if f.mention.role and kind == "person")
    roles = [Role(item.role, 0, "entities.yml")] if item.role else []
    by_fold: dict[str, Role] = {}
    for text, count in role_counts.most_common():
        k = fold(text)
        if k in by_fold:
            by_fold[k] = Role(by_fold[k].text, by_fold[k].count + count, "article text")
        else:
            by_fold[k] = Role(text, count, "article text")
    roles.extend(sorted(by_fold.values(), key=lambda r: (-r.count, r.text))[:MAX_ROLES])
    return Entity(
        slug="",
        name=name,
        type=kind,
        type_origin=origin,
        aliases=aliases,
        roles=tuple(roles),
        mentions=tuple(f.mention for f in cluster.found),
        labels=tuple(sorted(Counter(f.mention.label for f in voters).items(), key=lambda x: (-x[1], x[0]))),
    )


def _relate(entities: list[Entity]) -> list[Entity]:
    """Each entity's companions: the entities named in the same paragraphs, most first."""
    paragraphs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in entities:
        for m in e.mentions:
            paragraphs[(m.article, m.anchor)].add(e.slug)
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for names in paragraphs.values():
        for a, b in combinations(sorted(names), 2):
            shared[a][b] += 1
            shared[b][a] += 1
    return [
        _with(e, related=tuple(sorted(shared[e.slug].items(), key=lambda x: (-x[1], x[0]))[:MAX_RELATED]))
        for e in entities
    ]


def _with(entity: Entity, **changes: object) -> Entity:
    return replace(entity, **changes)  # type: ignore[arg-type]
