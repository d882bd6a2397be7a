"""From merged, corrected clusters to the EntityIndex the pages and briefing.json use."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from itertools import chain, combinations

from ..corpus import slugs
from ..model import Entity, EntityIndex, Role
from .aliases import name_of
from .extract import Found, tally
from .labels import MINOR_TYPES, TYPES, by_name, vote
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
    named = slugs.unique(wanted)
    related = _relate(drafts, named)
    entities = tuple(_with(e, slug=s, related=r) for e, s, r in zip(drafts, named, related, strict=True))
    return EntityIndex(entities=entities, model=model, notes=tuple(notes))


def _entity(item: Edited) -> Entity:
    """One entry, its slug and companions left for `build`. Counted with plain dicts:
    there is one call per cluster (tens of thousands), most with a mention or two."""
    cluster = item.cluster
    voters = cluster.voting
    kind, _ = vote(tally(voters).items())
    origin = f"vote over {len(voters)} mention{'s' if len(voters) != 1 else ''}"
    name = item.name or name_of(cluster)
    if (named := by_name(kind, name)) != kind:
        kind, origin = named, f"the name (“{name}”); the model's vote said {kind}"
    if item.type:
        kind, origin = item.type, "entities.yml"  # type: ignore[assignment]
    seen: dict[str, int] = {}
    for f in cluster.found:
        seen[f.seen] = seen.get(f.seen, 0) + 1
        if f.seen != f.name:
            seen[f.name] = seen.get(f.name, 0) + 1
    aliases = tuple(n for n in _most_first(seen) if n != name)[:MAX_ALIASES]
    # Roles are shown for people: "quarterback" before "Chicago" is the team's need, not
    # the city's role (news cluster 43). The mentions keep what the text said either way.
    role_counts: dict[str, int] = {}
    if kind == "person":
        for f in cluster.found:
            if f.mention.role:
                role_counts[f.mention.role] = role_counts.get(f.mention.role, 0) + 1
    roles = [Role(item.role, 0, "entities.yml")] if item.role else []
    by_fold: dict[str, Role] = {}
    for text in _most_first(role_counts):
        count = role_counts[text]
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
        labels=_labels(voters),
    )


def _most_first(counts: dict[str, int]) -> list[str]:
    """The keys by count, most first, equals in the order first counted (as Counter.most_common)."""
    if len(counts) < 2:
        return list(counts)
    return sorted(counts, key=counts.__getitem__, reverse=True)


def _labels(voters: tuple[Found, ...]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for f in voters:
        counts[f.mention.label] = counts.get(f.mention.label, 0) + 1
    return tuple(sorted(counts.items(), key=lambda x: (-x[1], x[0])))


def _relate(entities: list[Entity], named: list[str]) -> list[tuple[tuple[str, int], ...]]:
    """Each entity's companions: the entities named in the same paragraphs, most first.
    Pairs are counted once each (a C-speed Counter over all pairs) and then handed to
    both sides: a corpus has hundreds of thousands of pairs and far fewer distinct ones."""
    paragraphs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e, slug in zip(entities, named, strict=True):
        for m in e.mentions:
            paragraphs[(m.article, m.anchor)].add(slug)
    pairs = Counter(chain.from_iterable(combinations(sorted(names), 2) for names in paragraphs.values()))
    shared: dict[str, list[tuple[int, str]]] = defaultdict(list)  # (-count, slug): sorts most first, then by slug
    for (a, b), count in pairs.items():
        shared[a].append((-count, b))
        shared[b].append((-count, a))
    return [tuple((slug, -count) for count, slug in sorted(shared.get(e, ()))[:MAX_RELATED]) for e in named]


def _with(entity: Entity, **changes: object) -> Entity:
    return replace(entity, **changes)  # type: ignore[arg-type]
