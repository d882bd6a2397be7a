"""Markdown posts with YAML (`---`) or TOML (`+++`) front matter: Jekyll and Hugo shapes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import markdown as md

from ...errors import SourceError
from ...model import Block, RawDocument
from ..blocks import chunks, html_blocks
from ..decoding import Decoded
from . import frontmatter
from .fields import canonical


def read(path: Path, name: str, decoded: Decoded) -> RawDocument:
    try:
        front = frontmatter.split(decoded.text)
    except frontmatter.FrontMatterError as exc:
        raise SourceError(path, f"front matter cannot be read: {exc} (fix or remove it)") from exc
    return post(path, name, decoded, front, markdown_blocks)


def post(path: Path, name: str, decoded: Decoded, front: frontmatter.FrontMatter | None,
         body_blocks: Callable[[str, int], tuple[Block, ...]], format: str = "markdown") -> RawDocument:
    """A post: its front matter's fields and its body read by `body_blocks` (Markdown,
    plain text or HTML, as the file's suffix says). The front matter is listed with
    what cleaning removed: it is metadata, not text."""
    meta = front.meta if front else {}
    body, body_line = (front.body, front.body_line) if front else (decoded.text, 1)
    fields, extra = canonical(meta, "front matter")
    blocks = body_blocks(body, body_line)
    if not blocks:
        raise SourceError(path, "no body text after the front matter" if front else "no text in the file")
    removed = (frontmatter.removal(front),) if front else ()
    return RawDocument(
        path=path, name=name, format=format, encoding=decoded.encoding,
        blocks=blocks, fields=fields, extra=extra, removed=removed,
    )


def markdown_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """Render each Markdown block to HTML and keep its text, so `**bold**` and link
    syntax never reach the article page; headings stay headings. Line numbers are kept
    for the cleaning report."""
    out: list[Block] = []
    for line, chunk in chunks(body, first_line):
        out.extend(html_blocks(md.markdown(chunk), line))
    return tuple(out)
