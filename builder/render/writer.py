"""Writing generated pages into docs/ without ever harming a hand-written file.

The builder owns only the files listed in its manifest (`docs/.briefing-manifest.json`,
path -> sha256 of what it wrote). It
- writes a page only when its content changed (else `mkdocs serve` rebuilds forever);
- never overwrites a file it did not write, or one edited by hand since it wrote it;
- removes only stale files of its own manifest, and only if still as it left them;
- writes through a temporary file and a rename, so an interrupted build leaves no
  half-written page.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import OutputError
from ..files import atomic_write

MANIFEST = ".briefing-manifest.json"


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    refused: tuple[OutputError, ...] = field(default=())


def digest(data: bytes) -> str:
    """What the manifest records of a file the builder wrote."""
    return hashlib.sha256(data).hexdigest()


def safe_target(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that could land outside `root`."""
    return _Targets(root)(relative)


class _Targets:
    """`safe_target` for the many pages of one docs folder. The same answers, but each
    folder is resolved once, and a page's own name only when it is a symbolic link:
    resolving every page's whole path was half of writing the BBC site (3,231 pages)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._folders: dict[str, Path] = {}

    def __call__(self, relative: str) -> Path:
        segments = relative.split("/")
        if PurePosixPath(relative).is_absolute() or "\\" in relative or any(part in ("", ".", "..") for part in segments):
            raise OutputError(relative, "output path is not a plain relative path")
        folder = "/".join(segments[:-1])
        parent = self._folders.get(folder)
        if parent is None:
            parent = self._folders[folder] = (self.root / folder).resolve()
        target = parent / segments[-1]
        if target.is_symlink():
            target = target.resolve()
        if not target.is_relative_to(self.root):
            raise OutputError(relative, "output path leads outside the docs folder")
        return target


def load_manifest(docs: Path) -> dict[str, str]:
    path = docs / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # an unreadable manifest owns nothing: existing files are then left alone
    files = data.get("files", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def write_pages(docs: Path, pages: dict[str, str]) -> WriteReport:
    docs.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(docs)
    owned: dict[str, str] = {}
    written: list[str] = []
    unchanged: list[str] = []
    refused: list[OutputError] = []
    targets = _Targets(docs)
    for relative in sorted(pages):
        data = pages[relative].encode("utf-8")
        try:
            target = targets(relative)
        except OutputError as exc:
            refused.append(exc)
            continue
        if (mode := _mode(target)) is not None:
            if not stat.S_ISREG(mode):
                refused.append(OutputError(target, "exists and is not a regular file; left alone"))
                continue
            if relative not in manifest:
                refused.append(OutputError(target, "a file the builder did not write is in the way; left alone (move it to build this page)"))
                continue
            content = target.read_bytes()
            current = digest(content)
            if current != manifest[relative]:
                refused.append(OutputError(target, "edited by hand since the builder wrote it; left alone (delete it to regenerate)"))
                continue
            if content == data:
                owned[relative] = current
                unchanged.append(relative)
                continue
        atomic_write(target, data)
        owned[relative] = digest(data)
        written.append(relative)
    removed = _remove_stale(docs, manifest, pages)
    _save_manifest(docs, owned)
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed), tuple(refused))


def _mode(path: Path) -> int | None:
    """The mode of `path` itself, not of what a symbolic link leads to; None if nothing is there."""
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return None


def _remove_stale(docs: Path, manifest: dict[str, str], pages: dict[str, str]) -> list[str]:
    removed: list[str] = []
    targets = _Targets(docs)
    for relative, recorded in sorted(manifest.items()):
        if relative in pages:
            continue
        try:
            target = targets(relative)
        except OutputError:
            continue
        if target.is_file() and not target.is_symlink() and digest(target.read_bytes()) == recorded:
            target.unlink()
            removed.append(relative)
            _prune_empty_dirs(target.parent, docs)
    return removed


def _prune_empty_dirs(folder: Path, docs: Path) -> None:
    root = docs.resolve()
    while folder.resolve() != root and folder.resolve().is_relative_to(root):
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent


def _save_manifest(docs: Path, owned: dict[str, str]) -> None:
    text = json.dumps({"version": 1, "files": dict(sorted(owned.items()))}, indent=1) + "\n"
    path = docs / MANIFEST
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        atomic_write(path, text.encode("utf-8"))


def pages_intact(docs: Path) -> bool:
    """Whether every page the manifest lists is on disk as the builder wrote it."""
    manifest = load_manifest(docs)
    if not manifest:
        return False
    for relative, expected in manifest.items():
        path = docs / relative
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            return False
    return True
