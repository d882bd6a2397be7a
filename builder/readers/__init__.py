"""The format registry: file suffix -> reader. A new format is one module and one line here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import SourceError
from ..model import RawDocument
from . import html, markdown, newsplease, text

Reader = Callable[[Path, str], RawDocument]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
    ".json": newsplease.read,
}


def read(path: Path, name: str) -> RawDocument:
    """Read one file with the reader its suffix names. Raises SourceError."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise SourceError(path, f"no reader for '{path.suffix}' files (known: {known})")
    return reader(path, name)
