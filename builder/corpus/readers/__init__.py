"""The format registry: file suffix -> reader. A new format is one module and one line here.

Every reader gets the file's text already decoded (builder.decoding). A text format
that opens with front matter is read as a post whatever its suffix (frontmatter.py):
its metadata from the front matter, its body by the suffix's rules.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...errors import SourceError
from ...model import RawDocument
from ..decoding import Decoded, read_text
from . import frontmatter, html, markdown, newsplease, text

Reader = Callable[[Path, str, Decoded], RawDocument]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
    ".json": newsplease.read,
}
# Suffixes whose files may open with front matter without being Markdown posts.
_POSTS_TOO: dict[str, tuple[Callable[[str, int], object], str]] = {
    ".txt": (text.body_blocks, "text with front matter"),
    ".html": (html.body_blocks, "HTML with front matter"),
    ".htm": (html.body_blocks, "HTML with front matter"),
}


def read(path: Path, name: str) -> RawDocument:
    """Read one file with the reader its suffix names. Raises SourceError."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise SourceError(path, f"no reader for '{path.suffix}' files (known: {known})")
    decoded = read_text(path)
    if suffix in _POSTS_TOO:
        try:
            front = frontmatter.split(decoded.text)
        except frontmatter.FrontMatterError:
            front = None  # a `---` line pasted with the text, not front matter
        if front is not None:
            body_blocks, format = _POSTS_TOO[suffix]
            return markdown.post(path, name, decoded, front, body_blocks, format)  # type: ignore[arg-type]
    return reader(path, name, decoded)
