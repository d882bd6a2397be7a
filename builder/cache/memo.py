"""Results kept between builds: one mechanism for every stage (issue 7: a rebuild with
one article changed redoes that article's work only; issue 17: one cache policy).

A build has one `Cache`, its folder or none. Each stage asks it for a `Memo`: one file
in the folder, `<stage>-<digest>.pickle`. The digest covers what the kept values
depend on besides their own inputs: by default the builder's code (every file of the
package, templates included: no hand-kept list of files to forget), Python's version
and the versions of the libraries whose output the values hold (`LIBRARIES`), so that
a new version of any starts a fresh file. A stage whose values depend on one library
alone says so (the model's raw results: spaCy and the pipeline, not our code, which
changes far more often than they do).

Keys are digests of everything a value depends on (`key`). A build looks values up
with `get`, adds the ones it made with `put`, marks the ones it still needs but did not
read with `keep`, and `save` writes exactly those: stale values drop out. A file that
cannot be read is a warning and a fresh start; a folder that cannot be written, one
warning for the build, never an error. Without a folder a Memo keeps nothing.

Each value is kept pickled on its own (`dumps`): a build with one article changed
writes the file again without pickling the thousands of values it reused, and reads it
without unpickling the ones it does not ask for.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from importlib import metadata
from operator import attrgetter
from pathlib import Path
from typing import Generic, TypeVar

from ..files import atomic_write

log = logging.getLogger(__name__)
V = TypeVar("V")
PACKAGE = Path(__file__).resolve().parent.parent
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, KeyError,
              TypeError, ValueError)
# The libraries whose output a kept value may hold: the readers' (trafilatura, htmldate,
# lxml, charset-normalizer, python-frontmatter, PyYAML, Markdown), the dates' (dateparser),
# the entities' (spaCy), the analyses' (rapidfuzz), the stories' (wordfreq) and the pages' (Jinja2, python-slugify).
LIBRARIES = ("trafilatura", "htmldate", "lxml", "charset-normalizer", "python-frontmatter", "PyYAML", "Markdown",
             "dateparser", "spacy", "rapidfuzz", "wordfreq", "Jinja2", "python-slugify")


@functools.cache
def version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


@functools.cache
def code_digest() -> str:
    """The builder's code as this process runs it: every file of the package, Python's
    version and the libraries' (`LIBRARIES`)."""
    digest = hashlib.sha256(f"python {sys.version_info[:3]}".encode())
    for library in LIBRARIES:
        digest.update(f"\0{library} {version(library)}".encode())
    for file in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(b"\0" + file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class Cache:
    """The build's cache folder (None: keep nothing), and whether it could be written."""

    folder: Path | None
    _unwritable: bool = field(default=False, repr=False)

    def memo(self, stage: str, depends: str = "") -> Memo[V]:  # type: ignore[type-var]
        """The memo of one stage. `depends`: what its values depend on, when that is not
        the builder's code and libraries (`code_digest`)."""
        if self.folder is None:
            return Memo(self, stage, "")
        digest = hashlib.sha256(depends.encode()).hexdigest()[:16] if depends else code_digest()
        return Memo(self, f"{stage}-{digest}.pickle", f"{stage}-*.pickle")

    def write(self, name: str, data: bytes, older: str = "") -> bool:
        """Write a file of the folder through a temporary one, then remove the files
        older code left beside it (`older`, a pattern of their names). A folder that
        cannot be written is a warning, said once: it costs the next build its time."""
        if self.folder is None:
            return False
        path = self.folder / name
        try:
            atomic_write(path, data)
            for old in self.folder.glob(older) if older else ():
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as exc:
            if not self._unwritable:
                self._unwritable = True
                log.warning("cache folder %s cannot be written (%s); builds keep nothing there and redo their work",
                            self.folder, exc)
            return False
        return True


NO_CACHE = Cache(None)


class _Pickler(pickle.Pickler):
    """Dataclasses pickled as a call with their fields. Both ways this is several times
    faster than what frozen dataclasses with slots get (`__getstate__`/`__setstate__`
    look up the fields of every object): keys pickle every article several times a
    build, and a warm rebuild spends most of its time on the caches unpickling. Other
    objects, and dataclasses with a field that is not an argument of `__init__`, are
    pickled as usual."""

    def reducer_override(self, obj: object) -> object:
        fields_of = _fields_of(type(obj))
        if fields_of is None:
            return NotImplemented
        return type(obj), fields_of(obj)


@functools.cache
def _fields_of(kind: type) -> Callable[[object], tuple[object, ...]] | None:
    """A dataclass's `__init__` arguments as a tuple, or None for anything else."""
    if not is_dataclass(kind) or not all(f.init for f in fields(kind)):
        return None
    names = [f.name for f in fields(kind)]
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


class Memo(Generic[V]):
    """One stage's values, kept in one file of the cache folder."""

    def __init__(self, cache: Cache, name: str, older: str) -> None:
        self._cache = cache
        self.name = name
        self._older = older
        self.path = cache.folder / name if cache.folder is not None else None
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

    def keep(self, k: bytes) -> None:
        """Keep a value this build still needs but did not read."""
        data = self._old.get(k)
        if data is not None:
            self._new[k] = data

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
            self._cache.write(self.name, pickle.dumps(self._new, protocol=pickle.HIGHEST_PROTOCOL), self._older)
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
