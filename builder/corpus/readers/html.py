"""Saved HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ...errors import SourceError
from ...model import Block, RawDocument, Sourced
from ..blocks import chunks, collapse, html_blocks
from ..decoding import Decoded
from .fields import canonical

# trafilatura's XML attributes; fields.ALIASES maps them onto ours (sitename -> outlet).
_META = ("title", "author", "date", "sitename", "url", "description", "tags", "categories", "image")


def read(path: Path, name: str, decoded: Decoded) -> RawDocument:
    import trafilatura  # here: importing it takes 0.12 s of every build, and most corpora have no HTML

    xml = trafilatura.extract(
        decoded.text, output_format="xml", with_metadata=True, include_comments=False,
        include_tables=False, include_images=False, include_links=False, deduplicate=False,
    )
    if not xml:
        raise SourceError(path, "no article text found in the HTML page")
    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    fields, _ = canonical({key: root.get(key) for key in _META if root.get(key)}, "HTML metadata")
    hostname = root.get("hostname")
    if hostname and "url" not in fields:
        fields["url"] = Sourced(f"https://{hostname}/", "HTML metadata `hostname`")
    blocks = tuple(_blocks(root))
    if not blocks:
        raise SourceError(path, "no article text found in the HTML page")
    return RawDocument(path=path, name=name, format="html", encoding=decoded.encoding, blocks=blocks, fields=fields)


def _blocks(root: etree._Element) -> list[Block]:
    main = root.find("main")
    if main is None:
        return []
    out: list[Block] = []
    for element in main.iter("head", "p", "item", "quote"):
        if element.tag == "quote" and element.find("p") is not None:
            continue  # its <p> children are visited on their own
        text = collapse("".join(element.itertext()))
        if text:
            out.append(Block(text, 0, "heading" if element.tag == "head" else "paragraph"))
    return out


def body_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """The body of an HTML file that opens with front matter (a Jekyll `.html` post):
    an HTML fragment, read block by block with the line each starts on."""
    return tuple(b for line, chunk in chunks(body, first_line) for b in html_blocks(chunk, line))
