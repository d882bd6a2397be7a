"""Whole-build reuse: when nothing that goes into a build changed, the last build's
result stands and its pages on disk are already right (issue 7: a warm rebuild with
nothing changed under 5% of a cold one).

What goes in: every file under the seeds folder (articles and editor files), the
settings, and the builder's own code and templates, so that a change to any of them
is a new build. The pages on disk must still be what the manifest says the builder
wrote; a build that left any page unwritten (a file in the way) is not reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .memo import dumps, write_file
from .writer import WriteReport, load_manifest

if TYPE_CHECKING:
    from .build import BuildResult, Settings

log = logging.getLogger(__name__)
FILENAME = "build.pickle"
_PACKAGE = Path(__file__).resolve().parent


def fingerprint(settings: Settings) -> str:
    digest = hashlib.sha256()
    digest.update(repr((__version__, settings.title, settings.resolved_build_date(), settings.model,
                        settings.entity_pages)).encode())
    for root in (_PACKAGE, settings.seeds):
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            relative = path.relative_to(root).as_posix()
            if root == settings.seeds and any(part.startswith(".") for part in relative.split("/")):
                continue
            digest.update(relative.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _pages_intact(docs: Path) -> bool:
    manifest = load_manifest(docs)
    if not manifest:
        return False
    for relative, expected in manifest.items():
        path = docs / relative
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            return False
    return True


def load(settings: Settings, key: str) -> BuildResult | None:
    if settings.cache is None:
        return None
    path = settings.cache / FILENAME
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            # The key first, on its own: a build that differs stops here, before reading
            # the last result (tens of MB for thousands of articles).
            if pickle.load(handle) != key:  # noqa: S301 - the build's own cache file
                return None
            result = pickle.load(handle)  # noqa: S301
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError, IndexError,
            KeyError):
        return None
    if not _pages_intact(settings.docs):
        return None
    unchanged = tuple(sorted(load_manifest(settings.docs)))
    return replace(result, written=WriteReport(unchanged=unchanged))


def save(settings: Settings, key: str, result: BuildResult) -> None:
    if settings.cache is None:
        return
    if result.written is None or result.written.refused:
        with contextlib.suppress(OSError):  # a cache folder that is not a folder holds no last build
            (settings.cache / FILENAME).unlink(missing_ok=True)  # the last good build no longer stands
        return
    # The pages are on disk; keep what the plugin and the PDF need: the corpus, the
    # entities and briefing.json's content. Pickled by memo.dumps: twice as fast both
    # ways for the model's dataclasses (BBC: 0.6 s -> 0.3 s).
    kept = replace(result, pages={}, written=None)
    data = pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL) + dumps(kept)
    write_file(settings.cache / FILENAME, data)
