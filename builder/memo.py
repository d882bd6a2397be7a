"""Results kept between builds, one value per input, in one file of the build's cache
folder (issue 7: a rebuild with one article changed redoes that article's work only).

A `Memo` is named for a stage ("read", "pages") and for the code it depends on: the
file is `<name>-<digest>.pickle`, the digest taken over that code's source and the
builder's version, so a change to either starts a fresh file. Keys are digests of
everything a value depends on (`key`). A build looks values up with `get`, adds the
ones it made with `put`, and `save` keeps exactly the values this build used: stale
ones drop out. A file that cannot be read is a warning and a fresh start, never an
error; without a cache folder a Memo keeps nothing.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Generic, TypeVar

from . import __version__
from .writer import atomic_write

log = logging.getLogger(__name__)
V = TypeVar("V")
PACKAGE = Path(__file__).resolve().parent
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, KeyError,
               TypeError, ValueError)


def key(*parts: object) -> bytes:
    """A digest of `parts` (values that pickle: the model's dataclasses, strings, tuples)."""
    return hashlib.sha256(pickle.dumps(parts, protocol=5)).digest()


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
        self.path = folder / f"{name}-{code_digest(tuple(sources))}.pickle" if folder is not None else None
        self._old: dict[bytes, V] = self._read()
        self._new: dict[bytes, V] = {}
        self.reused = 0

    def get(self, k: bytes) -> V | None:
        value = self._old.get(k)
        if value is not None:
            self._new[k] = value
            self.reused += 1
        return value

    def put(self, k: bytes, value: V) -> V:
        if self.path is not None:
            self._new[k] = value
        return value

    def save(self) -> None:
        """Write this build's values (when they differ from the file's), and remove the
        files of older code."""
        if self.path is None:
            return
        if self._new.keys() != self._old.keys() or not self.path.is_file():
            atomic_write(self.path, pickle.dumps(self._new, protocol=pickle.HIGHEST_PROTOCOL))
        for old in self.path.parent.glob(f"{self.name}-*.pickle"):
            if old != self.path:
                old.unlink(missing_ok=True)
        self._old, self._new = self._new, {}

    def _read(self) -> dict[bytes, V]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            stored = pickle.loads(self.path.read_bytes())  # noqa: S301 - a file this build wrote in its own cache folder
            if not isinstance(stored, dict):
                raise TypeError(f"a {type(stored).__name__}, not a dict")
        except _UNREADABLE as exc:
            log.warning("cache file %s is unreadable (%s); starting afresh", self.path, exc)
            return {}
        return stored
