"""Saved HTML pages: the main text, the page's metadata, and what was left out.

page.py does the reading (trafilatura, read completely and cleaned); this module
turns its result into the builder's values: pieces into blocks (list items are
paragraphs; tables and code keep their kind), the page text left out into the
cleaning report, each with its reason, and the metadata into fields.
"""

from __future__ import annotations

from pathlib import Path

from ....errors import SourceError
from ....model import Block, RawDocument, Removal, Sourced
from ...blocks import html_blocks
from ...decoding import Decoded
from ..fields import canonical
from .page import Extracted, extract
from .segments import Drop
from .xmltext import Piece

__all__ = ["Extracted", "body_blocks", "extract", "read"]


def read(path: Path, name: str, decoded: Decoded) -> RawDocument:
    page = extract(decoded.text)
    fields, _ = canonical(page.metadata, "HTML metadata")
    hostname = page.metadata.get("hostname")
    if hostname and "url" not in fields:
        fields["url"] = Sourced(f"https://{hostname}/", "HTML metadata `hostname`")
    blocks = _blocks(page.pieces)
    if not blocks:
        raise SourceError(path, "no article text found in the HTML page")
    return RawDocument(path=path, name=name, format="html", encoding=decoded.encoding, blocks=blocks, fields=fields,
                       removed=tuple(_removal(d) for d in page.dropped))


def _blocks(pieces: tuple[Piece, ...]) -> tuple[Block, ...]:
    """The pieces as blocks, each with its source line. A piece the page's text search
    did not place (3 % on the benchmarks: rules of `___`, text trafilatura rewrote)
    takes the line of the piece before it, which stands before it on the page too."""
    out: list[Block] = []
    line = next((p.line for p in pieces if p.line), 1)
    for p in pieces:
        line = p.line or line
        kind = "paragraph" if p.kind == "item" else p.kind
        out.append(Block(p.text, line, kind, p.rows))
    return tuple(out)


def _removal(drop: Drop) -> Removal:
    reason = drop.reason if drop.count == 1 else f"{drop.reason} ({drop.count} pieces of the page)"
    return Removal(drop.text, drop.rule, reason, drop.line or 0)


def body_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """The body of an HTML file that opens with front matter (a Jekyll `.html` post):
    an HTML fragment, all of it the post, read block by block with the line each starts
    on. Read whole: a `<pre>` holds blank lines (Riding Rails' "This Week in Edge Rails")."""
    return tuple(html_blocks(body, first_line, exact=True))
