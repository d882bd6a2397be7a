"""`seeds/entities.yml`: an editor's corrections, applied after the automatic pass.

    Mark Carney:                  # an entity, by any name it is shown or seen under
      merge: [Carney, Mr Carney]  # other entries that are this one
      type: person                # person, organisation, place, group, event, product, work, law
      role: Prime Minister        # shown before the roles the text gives
    Trump:
      name: Donald Trump          # rename
    Reuters:
      hide: true                  # out of the index and of the article links

A key that matches no entity names the entity its `merge` list makes; otherwise it is
reported on the index page, not an error: articles come and go, corrections stay.
A file that cannot be read, or a key that cannot be understood, is an error naming
the file and the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..corpus import yamlsafe
from ..errors import ConfigError
from .aliases import Cluster, name_of
from .labels import TYPES
from .names import key as name_key

FILENAME = "entities.yml"
KEYS = ("name", "type", "role", "merge", "hide")


@dataclass(frozen=True, slots=True)
class Correction:
    target: str
    name: str = ""
    type: str = ""
    role: str = ""
    merge: tuple[str, ...] = ()
    hide: bool = False


@dataclass(frozen=True, slots=True)
class Edited:
    """A cluster and what the editor said of it ("" and False: nothing)."""

    cluster: Cluster
    name: str = ""
    type: str = ""
    role: str = ""
    hidden: bool = False


def load(seeds: Path) -> tuple[Correction, ...]:
    path = seeds / FILENAME
    data = yamlsafe.editor_file(path, "a mapping of entity names to corrections (see seeds/README.md)")
    return tuple(_correction(path, str(target), settings) for target, settings in data.items())


def _correction(path: Path, target: str, settings: object) -> Correction:
    where = f"{path}: '{target}'"
    if not target.strip():
        raise ConfigError(f"{path}: an entry has an empty name")
    settings = yamlsafe.editor_entry(where, settings, KEYS, "corrections such as merge:, type:, name:, role: or hide:")
    out = Correction(target=target.strip(), name=_text(where, settings, "name"), role=_text(where, settings, "role"))
    kind = settings.get("type")
    if kind is not None:
        if kind not in TYPES:
            raise ConfigError(f"{where}: 'type' is {kind!r}; use one of {', '.join(TYPES)}")
        out = replace(out, type=kind)
    merge = settings.get("merge")
    if merge is not None:
        names = [merge] if isinstance(merge, str) else merge
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ConfigError(f"{where}: 'merge' should be a name or a list of names")
        out = replace(out, merge=tuple(n.strip() for n in names))
    hide = settings.get("hide")
    if hide is not None:
        if not isinstance(hide, bool):
            raise ConfigError(f"{where}: 'hide' should be true or false")
        out = replace(out, hide=hide)
    return out


def _text(where: str, settings: dict[object, object], field: str) -> str:
    value = settings.get(field)
    if value is None:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: '{field}' should be a non-empty text")
    return value.strip()


def apply(clusters: Iterable[Cluster], corrections: tuple[Correction, ...]) -> tuple[list[Edited], list[str]]:
    """The clusters with the corrections applied, and notes on corrections that matched nothing."""
    items = [Edited(c) for c in clusters]
    notes: list[str] = []
    keys = _Keys()
    for c in corrections:
        if not c.merge:
            continue
        targets = _match(items, c.target, keys)
        sources = [i for n in c.merge for i in _match(items, n, keys) if i not in targets]
        found = list(dict.fromkeys(targets + sources))
        if not found:
            notes.append(f"{FILENAME}: '{c.target}': nothing to merge, no entity is called {', '.join(c.merge)}")
            continue
        missing = [n for n in c.merge if not _match(items, n, keys)]
        if missing:
            notes.append(f"{FILENAME}: '{c.target}': no entity is called {', '.join(missing)}")
        merged = Edited(
            _combine([items[i].cluster for i in found]),
            name=c.target if not targets else "",
        )
        items = [item for i, item in enumerate(items) if i not in found] + [merged]
    for c in corrections:
        matched = _match(items, c.target, keys) or _match(items, c.name, keys)
        if not matched:
            if not c.merge:
                notes.append(f"{FILENAME}: '{c.target}' matches no entity (left as it is)")
            continue
        for i in matched:
            item = items[i]
            items[i] = Edited(
                item.cluster,
                name=c.name or item.name,
                type=c.type or item.type,
                role=c.role or item.role,
                hidden=c.hide or item.hidden,
            )
    return items, notes


def _match(items: list[Edited], name: str, keys: _Keys) -> list[int]:
    """Entries called `name`: by the name shown first, else by any name seen."""
    if not name:
        return []
    wanted = name_key(name)
    shown = [i for i, item in enumerate(items)
             if (name_key(item.name) if item.name else keys.shown(item.cluster)) == wanted]
    if shown:
        return shown
    return [i for i, item in enumerate(items) if wanted in keys.seen(item.cluster)]


class _Keys:
    """What `_match` compares, worked out once per cluster: `apply` matches every
    correction against every entity (thousands), and naming a cluster is not free.
    An entry keeps its cluster, so the cluster's id is not reused while it stands."""

    def __init__(self) -> None:
        self._shown: dict[int, tuple[Cluster, str]] = {}
        self._seen: dict[int, tuple[Cluster, frozenset[str]]] = {}

    def shown(self, cluster: Cluster) -> str:
        """The key of the name the cluster is shown under."""
        entry = self._shown.get(id(cluster))
        if entry is None:
            entry = self._shown[id(cluster)] = (cluster, name_key(name_of(cluster)))
        return entry[1]

    def seen(self, cluster: Cluster) -> frozenset[str]:
        """The keys of every name its mentions were seen under."""
        entry = self._seen.get(id(cluster))
        if entry is None:
            names = frozenset(f.key for f in cluster.found) | frozenset(name_key(f.seen) for f in cluster.found)
            entry = self._seen[id(cluster)] = (cluster, names)
        return entry[1]


def _combine(clusters: list[Cluster]) -> Cluster:
    found = tuple(sorted((f for c in clusters for f in c.found), key=lambda f: f.order))
    return Cluster(found, frozenset().union(*(c.voters for c in clusters)))
