"""Markdown posts with YAML (`---`) or TOML (`+++`) front matter: Jekyll, Hugo and
WordPress-export shapes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import markdown as md

from ...errors import SourceError
from ...model import Block, RawDocument, Sourced
from ..blocks import html_blocks
from ..decoding import Decoded
from . import frontmatter, templates
from .fields import canonical

# Jekyll names posts `YYYY-MM-DD-slug.md` and takes the date from the name when the
# front matter has none (14 of the 37 posts in ../data/posts).
_DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
# What posts write besides CommonMark: fenced code, tables.
_EXTENSIONS = ("fenced_code", "tables")
_INDENTED = re.compile(r"^(?: {4}|\t)")


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
    what cleaning removed: it is metadata, not text; so is the template syntax the site
    generator would have replaced. A page that lists posts is no article."""
    meta = front.meta if front else {}
    body, body_line = (front.body, front.body_line) if front else (decoded.text, 1)
    if (listing := templates.listing(path.name, meta, body)) is not None:
        raise SourceError(path, f"{listing}, not a post (leave it out of the seeds)")
    stripped = templates.strip(body, body_line)
    fields, extra = canonical(meta, "front matter")
    if "date" not in fields and (named := file_name_date(path.name)) is not None:
        fields["date"] = Sourced(named, "file name")
    blocks = body_blocks(stripped.body, body_line)
    if not blocks:
        raise SourceError(path, "no body text after the front matter" if front else "no text in the file")
    removed = ((frontmatter.removal(front),) if front else ()) + stripped.removed
    return RawDocument(
        path=path, name=name, format=format, encoding=decoded.encoding,
        blocks=blocks, fields=fields, extra=extra, removed=removed,
    )


def file_name_date(name: str) -> dt.date | None:
    """The date of a Jekyll post's file name (`2012-06-25-slug.md`), or None."""
    m = _DATED_NAME.match(name)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def markdown_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """Render each Markdown block to HTML and keep its text, so `**bold**` and link
    syntax never reach the article page; headings stay headings, fenced and indented
    code stays code, tables stay tables. Line numbers are kept for the cleaning report."""
    converter = md.Markdown(extensions=list(_EXTENSIONS))
    out: list[Block] = []
    for line, chunk in markdown_chunks(body, first_line):
        converter.reset()
        out.extend(html_blocks(converter.convert(chunk), line))
    return tuple(out)


def markdown_chunks(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """The body's blank-line separated chunks, each with the line it starts on; a fenced
    code block is one chunk whatever blank lines it holds (mediumish's customer-service
    post shows front matter in a fence), and so is an indented one."""
    out: list[tuple[int, str]] = []
    lines: list[str] = []
    start = first_line
    fence = ""
    for number, line in enumerate(body.split("\n"), first_line):
        m = templates.FENCE.match(line)
        if fence:
            lines.append(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                fence = ""
            continue
        if m:
            fence = m.group(1)
        elif not line.strip():
            if lines and not _indented_code(lines):
                out.append((start, "\n".join(lines)))
                lines = []
            elif lines:
                lines.append(line)  # a blank line inside indented code, unless the code ends here
            continue
        elif lines and _indented_code(lines) and not _INDENTED.match(line):
            out.append((start, "\n".join(lines).rstrip("\n")))
            lines = []
        if not lines:
            start = number
        lines.append(line)
    if lines:
        out.append((start, "\n".join(lines).rstrip("\n")))
    return out


def _indented_code(lines: list[str]) -> bool:
    return all(_INDENTED.match(x) or not x.strip() for x in lines)
