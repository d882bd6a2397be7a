"""Whole-build reuse: when nothing that goes into a build changed, the last build's
result stands and its pages on disk are already right (issue 7: a warm rebuild with
nothing changed under 5% of a cold one).

What goes in: every file under the seeds folder (articles and editor files), the
settings, and the builder's code and libraries (`memo.code_digest`), so that a change
to any of them is a new build. The pages on disk must still be what the manifest says
the builder wrote; a build that left any page unwritten (a file in the way) is not
reused. The result is whatever the build hands over (`build.BuildResult`): this module
keeps it without knowing its type.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

from .memo import UNREADABLE, Cache, code_digest, dumps

FILENAME = "build.pickle"


def fingerprint(seeds: Path, settings: object) -> str:
    """A digest of the build's inputs: the seeds, the settings (their repr) and the code."""
    digest = hashlib.sha256(f"{code_digest()}\0{settings!r}".encode())
    for path in sorted(p for p in seeds.rglob("*") if p.is_file()):
        relative = path.relative_to(seeds).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        digest.update(relative.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def load(cache: Cache, key: str, pages_intact: Callable[[], bool]) -> object | None:
    """The last build's result when its key is `key` and its pages are still on disk."""
    if cache.folder is None or not (cache.folder / FILENAME).is_file():
        return None
    try:
        with (cache.folder / FILENAME).open("rb") as handle:
            # The key first, on its own: a build that differs stops here, before reading
            # the last result (tens of MB for thousands of articles).
            if pickle.load(handle) != key:  # noqa: S301 - the build's own cache file
                return None
            result = pickle.load(handle)  # noqa: S301
    except UNREADABLE:
        return None
    return result if pages_intact() else None


def save(cache: Cache, key: str, result: object) -> None:
    """Keep `result` as the last build's. Pickled by `memo.dumps`: twice as fast both
    ways for the model's dataclasses (BBC: 0.6 s -> 0.3 s)."""
    cache.write(FILENAME, pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL) + dumps(result))


def forget(cache: Cache) -> None:
    """The last good build no longer stands (a page could not be written)."""
    if cache.folder is not None and (cache.folder / FILENAME).is_file():
        try:
            (cache.folder / FILENAME).unlink()
        except OSError:
            pass  # a cache folder that cannot be changed holds a build that is checked again next time
