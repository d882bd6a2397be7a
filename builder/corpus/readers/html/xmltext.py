"""The main text: trafilatura's extraction, run cheaply first, and its XML read completely.

trafilatura's own text output loses what its XML keeps: text after a heading or a list
(a deals page lost every deal), line breaks (`<lb/>`: "Miami Beach, FLJune 10"), tables
and code. Here the XML is read whole: paragraphs (the tails of headings and loose text
included), headings, list items, tables as rows of cells, code verbatim.

The quick pass (`fast=True`, recall mode: it skips trafilatura's own whole-page
escalation pass, 20 % faster at the same scores) is enough for most pages. The full
cascade (readability, jusText) runs as well when the quick result is short, or is one
block holding most of the page (a menu of 8,700 characters): a dump is replaced, a
longer result taken, and when the quick result is somewhere else on the page than the
full one (a Stack Exchange question above its answers, a recipe's ingredients above its
steps) both are kept in page order.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from ...blocks import text_key
from .segments import SourceIndex

PieceKind = Literal["paragraph", "heading", "item", "table", "code"]

TRAF_OPTS: dict[str, Any] = {
    "include_comments": False, "include_tables": True, "include_images": False, "include_links": False,
    "include_formatting": False, "deduplicate": False, "with_metadata": False, "output_format": "xml",
    "favor_recall": True,
}
# A quick extraction shorter than this many characters and than PAGE_SHARE of the
# page's text also gets the full cascade (trafilatura's own escalation share is 0.2).
# On the scrapinghub benchmark 500 / 700 / 1,000 characters gave F1 0.975 / 0.978 / 0.976.
SHORT = 700
PAGE_SHARE = 0.2
# One block holding this share of the page's text (and over 2,000 characters) is a
# whole-page dump, not an article.
DUMP_SHARE = 0.7
# The quick result counts as found elsewhere on the page when less than this share of
# it is in the full one.
ELSEWHERE = 0.3
# A table is a layout table, read as paragraphs, when it has one column, holds another
# table, or has a cell longer than this.
LAYOUT_CELL = 400

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b\ufeff\u2028\u2029]+")
_BLOCKISH = frozenset(("p", "head", "item", "quote", "list", "div", "table", "row", "cell"))
_CONTAINERS = frozenset(("body", "main", "div", "quote", "list", "cell", "item"))
_PARA_BREAK = "\x00"  # two <lb/> in a row


@dataclass(frozen=True, slots=True)
class Piece:
    """A block of the page's main text as extracted, before it becomes a model.Block."""

    kind: PieceKind
    text: str  # a table: its rows on lines, cells joined by " | "; code: verbatim
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells
    line: int | None = None  # the source line its text starts on
    order: int = -1  # the page segment it comes from (page order); -1 unknown


def main_pieces(tree: Any, index: SourceIndex, page_len: int) -> tuple[list[Piece], str]:
    """The main text's pieces, located on the page, and which passes made them."""
    pieces = _located(_run(tree, fast=True), index)
    n = sum(len(p.text) for p in pieces)
    dump = _is_dump(pieces, page_len)
    how = "quick"
    if (n < SHORT and n < PAGE_SHARE * page_len) or dump:
        second = _located(_run(tree, fast=False), index)
        if second and not _is_dump(second, page_len):
            if dump or not pieces:
                pieces, how = second, "full (quick pass was a whole-page dump)" if dump else "full"
            elif sum(len(p.text) for p in second) > n:
                if _covered(pieces, second) < ELSEWHERE:
                    pieces, how = _union(pieces, second), "quick + full"
                else:
                    pieces, how = second, "full"
    return pieces, how


def _run(tree: Any, **opts: Any) -> list[Piece]:
    import trafilatura  # here: importing it takes 0.12 s of every build, and most corpora have no HTML

    doc = trafilatura.bare_extraction(tree, **{**TRAF_OPTS, **opts})
    if doc is None or doc.body is None:
        return []
    walker = _Walker()
    walker.container(doc.body)
    return walker.pieces


def _is_dump(pieces: list[Piece], page_len: int) -> bool:
    longest = max((len(p.text) for p in pieces), default=0)
    return longest > 2000 and longest > DUMP_SHARE * page_len


def _located(pieces: list[Piece], index: SourceIndex) -> list[Piece]:
    """Each piece with the line and page order of the segment it starts in; one not
    found stays next to the piece before it."""
    index.cursor = 0
    last = -1
    out: list[Piece] = []
    for p in pieces:
        seg = next((s for probe in _probes(p) if (s := index.find(probe)) is not None), None)
        if seg is not None:
            last = seg.order
            out.append(dataclasses.replace(p, line=seg.line, order=seg.order))
        else:
            out.append(dataclasses.replace(p, order=last))
    return out


def _probes(p: Piece) -> list[str]:
    """What to look for on the page: a table's first cells that hold words (a dialogue
    table's first column is all quotation marks), else the text, then its end (text
    trafilatura changed at its start)."""
    if p.kind == "table":
        return [c for row in p.rows for c in row if text_key(c)][:3]
    k = text_key(p.text)
    return [p.text, k[-40:]] if len(k) > 80 else [p.text]


def keystring(texts: Iterable[str]) -> str:
    """The texts' keys in one string, for `f" {key} " in keystring` tests."""
    return " " + " ".join(text_key(t) for t in texts) + " "


def _covered(part: list[Piece], whole: list[Piece]) -> float:
    ks = keystring(p.text for p in whole)
    total = sum(len(p.text) for p in part) or 1
    return sum(len(p.text) for p in part if text_key(p.text) in ks) / total


def _union(first: list[Piece], second: list[Piece]) -> list[Piece]:
    """Both extractions in page order, each piece once."""
    have = keystring(p.text for p in first)
    extra = [p for p in second if text_key(p.text) and f" {text_key(p.text)} " not in have]
    merged = sorted([(p.order, 0, i, p) for i, p in enumerate(first)] + [(p.order, 1, i, p) for i, p in enumerate(extra)],
                    key=lambda t: t[:3])
    return [t[3] for t in merged]


def _inline(text: str) -> str:
    return _SPACES.sub(" ", text)


def _is_code_block(el: Any) -> bool:
    if el.tag != "code":
        return False
    par = el.getparent()
    if par is None or par.tag in _CONTAINERS:
        return True
    return "\n" in "".join(el.itertext()).strip() or el.find(".//lb") is not None


def _inline_text(el: Any, out: list[str]) -> None:
    """Text of an inline element and its children (not its tail)."""
    tag = el.tag
    if tag == "lb":
        out.append("\n")
        return
    if tag == "graphic":
        return
    if el.text:
        out.append(_inline(el.text))
    for child in el:
        if child.tag in _BLOCKISH:
            out.append("\n")
            _inline_text(child, out)
            out.append("\n")
        else:
            _inline_text(child, out)
        if child.tail:
            out.append(_inline(child.tail))


def _code_text(el: Any) -> str:
    out: list[str] = []

    def walk(e: Any) -> None:
        if e.tag == "lb":
            out.append("\n")
        elif e.text:
            out.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                out.append(c.tail)

    walk(el)
    return "".join(out).strip("\n").rstrip()


def _finish(text: str) -> list[str]:
    """Paragraph texts of an inline run: a line break stays, two make a new paragraph."""
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{2,}", _PARA_BREAK, text)
    return [p.strip(" \n") for p in text.split(_PARA_BREAK) if p.strip(" \n")]


def _cell_text(cell: Any) -> str:
    out: list[str] = []
    _inline_text(cell, out)
    return " ".join("".join(out).split())


def _nearest(el: Any, tag: str) -> Any:
    while el is not None and el.tag != tag:
        el = el.getparent()
    return el


class _Walker:
    """trafilatura's XML body into pieces, in document order."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []

    def emit(self, kind: PieceKind, raw: str) -> None:
        for text in _finish(raw):
            self.pieces.append(Piece(kind, text))

    def table(self, el: Any) -> None:
        own_rows = [row for row in el.iter("row") if _nearest(row, "table") is el]
        rows = []
        for row in own_rows:
            cells = [_cell_text(c) for c in row if c.tag == "cell"]
            if any(cells):
                rows.append(tuple(cells))
        if not rows:
            return
        width = max(len(r) for r in rows)
        longest = max(len(c) for r in rows for c in r)
        nested = any(t is not el for t in el.iter("table"))
        if width < 2 or nested or longest > LAYOUT_CELL:
            for row in own_rows:  # a layout table: its cells hold ordinary text
                for cell in row:
                    self.container(cell)
            return
        self.pieces.append(Piece("table", "\n".join(" | ".join(r) for r in rows), rows=tuple(rows)))

    def container(self, el: Any, kind: PieceKind = "paragraph") -> None:
        buf: list[str] = []

        def flush() -> None:
            if buf:
                self.emit(kind, "".join(buf))
                buf.clear()

        if el.text:
            buf.append(_inline(el.text))
        for child in el:
            if child.tag in _BLOCKISH or _is_code_block(child):
                flush()
                self.block(child)
            else:
                _inline_text(child, buf)
            if child.tail:
                buf.append(_inline(child.tail))  # text after a heading or a list: a paragraph of its own
        flush()

    def block(self, el: Any) -> None:
        tag = el.tag
        if tag == "table":
            self.table(el)
        elif tag == "code":
            text = _code_text(el)
            if text.strip():
                self.pieces.append(Piece("code", text))
        elif tag == "head":
            self.container(el, "heading")
        elif tag == "item":
            self.container(el, "item")
        else:  # p, quote, list, div, stray row/cell
            self.container(el, "paragraph")
