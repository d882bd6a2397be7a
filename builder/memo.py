"""Results kept between builds, one value per input, in one file of the build's cache
folder (issue 7: a rebuild with one article changed redoes that article's work only).

A `Memo` is named for a stage ("read", "pages") and for the code it depends on: the
file is `<name>-<digest>.pickle`, the digest taken over that code's source, this
module's (it decides how values are kept) and the builder's version, so a change to
any starts a fresh file. Keys are digests of
everything a value depends on (`key`). A build looks values up with `get`, adds the
ones it made with `put`, and `save` keeps exactly the values this build used: stale
ones drop out. A file that cannot be read is a warning and a fresh start, never an
error; without a cache folder a Memo keeps nothing.

Each value is kept pickled on its own (`dumps`): a build with one article changed
then writes the file again without pickling the thousands of values it reused, and
reads it without unpickling the ones it does not ask for.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import pickle
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from operator import attrgetter
from pathlib import Path
from typing import Generic, TypeVar

from . import __version__
from .writer import atomic_write

log = logging.getLogger(__name__)
V = TypeVar("V")
PACKAGE = Path(__file__).resolve().parent
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, KeyError,
              TypeError, ValueError)


class _Pickler(pickle.Pickler):
    """Dataclasses pickled as a call with their fields. Both ways this is several times
    faster than what frozen dataclasses with slots get (`__getstate__`/`__setstate__`
    look up the fields of every object): keys pickle every article several times a
    build, and a warm rebuild spends most of its time on the caches unpickling. Other
    objects, and dataclasses with a field that is not an argument of `__init__`, are
    pickled as usual."""

    def reducer_override(self, obj: object) -> object:
        fields_of = _FIELDS.get(type(obj), _UNKNOWN)
        if fields_of is _UNKNOWN:
            fields_of = _FIELDS[type(obj)] = _field_getter(obj)
        if fields_of is None:
            return NotImplemented
        return type(obj), fields_of(obj)


_FIELDS: dict[type, Callable[[object], tuple[object, ...]] | None] = {}
_UNKNOWN = object()


def _field_getter(obj: object) -> Callable[[object], tuple[object, ...]] | None:
    """The dataclass's `__init__` arguments as a tuple, or None for anything else."""
    if not is_dataclass(obj) or isinstance(obj, type) or not all(f.init for f in fields(obj)):
        return None
    names = [f.name for f in fields(obj)]
    if len(names) == 1:  # attrgetter of one name gives the value itself, not a tuple
        only = attrgetter(names[0])
        return lambda o: (only(o),)
    return attrgetter(*names)  # type: ignore[return-value]


def dumps(obj: object) -> bytes:
    """`obj` pickled, its dataclasses as calls with their fields (`pickle.loads` reads it)."""
    out = io.BytesIO()
    _Pickler(out, protocol=5).dump(obj)
    return out.getvalue()


def key(*parts: object) -> bytes:
    """A digest of `parts` (values that pickle: the model's dataclasses, strings, tuples;
    no sets, whose order changes between processes).

    Pickled without the pickler's memo ("fast" mode; the values hold no cycles): with it,
    a string met twice is written once if it is the same object both times and twice if
    it is an equal copy, so equal values made afresh and loaded from the cache gave
    different keys, and the first rebuild after a cold build made every entity page
    again (BBC: 8.1 s instead of about 6)."""
    out = io.BytesIO()
    pickler = _Pickler(out, protocol=5)
    pickler.fast = True
    pickler.dump(parts)
    return hashlib.sha256(out.getvalue()).digest()


def write_file(path: Path, data: bytes, older: str = "") -> bool:
    """Write a cache file through a temporary one, then remove the files older code left
    beside it (`older`, a pattern of their names). A cache folder that cannot be written
    is a warning, not an error: it costs the next build its time, nothing else."""
    try:
        atomic_write(path, data)
        for old in path.parent.glob(older) if older else ():
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        if path.parent not in _UNWRITABLE:  # said once a folder: a build writes several files there
            _UNWRITABLE.add(path.parent)
            log.warning("cache folder %s cannot be written (%s); builds keep nothing there and redo their work",
                        path.parent, exc)
        return False
    return True


_UNWRITABLE: set[Path] = set()


@functools.cache
def code_digest(sources: tuple[str, ...]) -> str:
    """A digest of the builder's version and of the source files under `sources`
    (paths relative to the package: modules or folders)."""
    digest = hashlib.sha256(__version__.encode())
    for source in sources:
        path = PACKAGE / source
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            digest.update(b"\0" + file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


class Memo(Generic[V]):
    def __init__(self, folder: Path | None, name: str, sources: Iterable[str]) -> None:
        self.name = name
        digest = code_digest(("memo.py", *sources))
        self.path = folder / f"{name}-{digest}.pickle" if folder is not None else None
        self._old: dict[bytes, bytes] = self._read()  # key -> the value pickled
        self._new: dict[bytes, bytes] = {}
        self._broken = False  # an entry did not unpickle: said once
        self._made = False  # a value was put: the file is written again (it may replace a broken one)
        self.reused = 0

    def get(self, k: bytes) -> V | None:
        data = self._old.get(k)
        if data is None:
            return None
        try:
            value: V = pickle.loads(data)  # noqa: S301 - a file this build wrote in its own cache folder
        except UNREADABLE as exc:
            if not self._broken:
                log.warning("cache file %s has unreadable entries (%s); making them again", self.path, exc)
                self._broken = True
            return None
        self._new[k] = data
        self.reused += 1
        return value

    def put(self, k: bytes, value: V) -> V:
        if self.path is not None:
            self.put_pickled(k, dumps(value))
        return value

    def put_pickled(self, k: bytes, data: bytes) -> None:
        """Keep a value another process pickled with `dumps`."""
        if self.path is not None:
            self._new[k] = data
            self._made = True

    def save(self) -> None:
        """Write this build's values (when they differ from the file's), and remove the
        files of older code."""
        if self.path is None:
            return
        if self._made or self._new.keys() != self._old.keys() or not self.path.is_file():
            write_file(self.path, pickle.dumps(self._new, protocol=pickle.HIGHEST_PROTOCOL), f"{self.name}-*.pickle")
        self._old, self._new, self._made = self._new, {}, False

    def _read(self) -> dict[bytes, bytes]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            stored = pickle.loads(self.path.read_bytes())  # noqa: S301 - a file this build wrote in its own cache folder
            if not isinstance(stored, dict):
                raise TypeError(f"a {type(stored).__name__}, not a dict")
        except UNREADABLE as exc:
            log.warning("cache file %s is unreadable (%s); starting afresh", self.path, exc)
            return {}
        return stored
