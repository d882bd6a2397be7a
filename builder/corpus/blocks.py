"""Splitting plain text into blocks, and HTML fragments into blocks.

Pasted articles come in two shapes: paragraphs separated by blank lines, possibly
hard-wrapped (BBC corpus), or one paragraph per line with no blank lines at all
(news-clusters corpus). `split_text` tells them apart chunk by chunk.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree
from lxml import html as lxml_html

from ..model import Block

_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
# Hard-wrapped text rarely has lines longer than this (72-80 is usual).
WRAP_WIDTH = 100
# A wrapped line breaks before a word that would pass the width: the last line may pass
# the longest other one by a word at most.
_LONGEST_WORD = 20
_WS = re.compile(r"\s+")


_KEY_SUB = re.compile(r"[\W_]+")


def text_key(text: str) -> str:
    """Comparison key: case, accents, punctuation and spacing ignored. ASCII text skips
    the Unicode folding (the HTML reader keys every piece of a page's text)."""
    if text.isascii():
        return " ".join(_KEY_SUB.sub(" ", text.lower()).split())
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_KEY_SUB.sub(" ", text).split())


def collapse(text: str) -> str:
    """One line, single spaces; non-breaking and zero-width spaces count as space."""
    return _WS.sub(" ", text.replace("\u200b", " ").replace("\ufeff", " ")).strip()


def chunks(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """The text's blank-line separated chunks, each with the line it starts on."""
    out: list[tuple[int, str]] = []
    line, pos = first_line, 0
    for match in [*_BLANK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            leading = len(chunk) - len(chunk.lstrip("\n"))
            out.append((line + leading, chunk.strip("\n")))
        if match is None:
            break
        line += text.count("\n", pos, match.end())
        pos = match.end()
    return out


def split_text(text: str, first_line: int = 1) -> tuple[Block, ...]:
    return tuple(block for line, chunk in chunks(text, first_line) for block in _split_chunk(chunk, line))


def _split_chunk(chunk: str, first_line: int) -> list[Block]:
    lines = [(first_line + i, raw.strip()) for i, raw in enumerate(chunk.split("\n"))]
    lines = [(n, s) for n, s in lines if s]
    if not lines:
        return []
    if len(lines) > 1 and _hard_wrapped([s for _, s in lines]):
        return [Block(collapse(" ".join(s for _, s in lines)), lines[0][0])]
    return [Block(collapse(s), n) for n, s in lines]


def _hard_wrapped(lines: list[str]) -> bool:
    """True when the lines are one paragraph broken at a fixed width."""
    body = lines[:-1]
    if any(len(s) > WRAP_WIDTH for s in body) or len(lines[-1]) > max(map(len, body)) + _LONGEST_WORD:
        return False  # a wrapped paragraph's last line is no longer than the others (news
        # clusters: "60 Published By - ... - 2017.12.30. 18:26" over a 400-character line;
        # a headline over its 180-character lead)
    open_ended = sum(1 for s in body if not _SENTENCE_END.search(s))
    return open_ended * 2 >= len(body) and sum(len(s) for s in body) / len(body) >= 35


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {"div", "section", "article", "main", "blockquote", "ul", "ol", "dl", "figure", "body"}
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "form")


def html_blocks(fragment: str, line: int = 1, exact: bool = False) -> list[Block]:
    """Blocks of an HTML fragment: headings, paragraphs, list items, code (`<pre>`,
    verbatim) and tables (rows of cells); scripts dropped; loose text split at blank
    lines. `exact`: the fragment is the file's own text from `line` on (a Jekyll `.html`
    post), and each block gets the line it starts on; otherwise (HTML made from a
    Markdown chunk) every block gets `line`."""
    if not fragment.strip():
        return []
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    etree.strip_elements(root, *_DROP, with_tail=False)
    out: list[Block] = []
    _walk(root, out, _Lines(line, line - 1 if exact else None))
    return out


class _Lines:
    """The file line of an element of the fragment, or of the text after it."""

    def __init__(self, line: int, offset: int | None) -> None:
        self.line, self.offset = line, offset

    def of(self, element: etree._Element) -> int:
        if self.offset is None or element.sourceline is None:
            return self.line
        return self.offset + element.sourceline

    def after(self, element: etree._Element) -> int:
        following = element.getnext()
        if self.offset is None or following is None or following.sourceline is None:
            return self.of(element)
        return self.offset + following.sourceline - (element.tail or "").count("\n")


def _loose(text: str, line: int, out: list[Block]) -> None:
    out.extend(Block(collapse(chunk), n) for n, chunk in chunks(text, line) if chunk.strip())


def _walk(element: etree._Element, out: list[Block], lines: _Lines) -> None:
    if element.text and element.text.strip() and element.tag in _CONTAINERS:
        _loose(element.text, lines.of(element), out)
    for child in element:
        line = lines.of(child)
        if not isinstance(child.tag, str):  # comments, processing instructions
            pass
        elif child.tag in _HEADINGS:
            text = collapse(child.text_content())
            if text:
                out.append(Block(text, line, "heading"))
        elif child.tag in _CONTAINERS:
            _walk(child, out, lines)
        elif child.tag == "pre":
            code = child.text_content().strip("\n").rstrip()
            if code.strip():
                out.append(Block(code, line, "code"))
        elif child.tag == "table" and (rows := table_rows(child)):
            out.append(Block("\n".join(" | ".join(r) for r in rows), line, "table", rows))
        elif child.tag == "hr":
            out.append(Block("___", line))
        else:
            text = collapse(child.text_content())
            if text:
                out.append(Block(text, line))
        if child.tail and child.tail.strip():
            _loose(child.tail, lines.after(child), out)


def table_rows(table: etree._Element) -> tuple[tuple[str, ...], ...]:
    """A data table's rows of cell texts; () for a layout table (one column, or a table
    inside), which is read as text instead."""
    if table.find(".//table") is not None:
        return ()
    rows = tuple(tuple(collapse(cell.text_content()) for cell in tr if cell.tag in ("td", "th"))
                 for tr in table.iter("tr"))
    rows = tuple(r for r in rows if any(r))
    return rows if rows and max(len(r) for r in rows) >= 2 else ()
