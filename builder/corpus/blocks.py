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
_WS = re.compile(r"\s+")


def text_key(text: str) -> str:
    """Comparison key: case, accents, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


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
    if any(len(s) > WRAP_WIDTH for s in body):
        return False
    open_ended = sum(1 for s in body if not _SENTENCE_END.search(s))
    return open_ended * 2 >= len(body) and sum(len(s) for s in body) / len(body) >= 35


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {"div", "section", "article", "main", "blockquote", "ul", "ol", "dl", "figure", "body"}
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "form")


def html_blocks(fragment: str, line: int = 0) -> list[Block]:
    """Blocks of an HTML fragment: headings, paragraphs, list items; scripts dropped."""
    if not fragment.strip():
        return []
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    etree.strip_elements(root, *_DROP, with_tail=False)
    out: list[Block] = []
    _walk(root, out, line)
    return out


def _walk(element: etree._Element, out: list[Block], line: int) -> None:
    if element.text and element.text.strip() and element.tag in _CONTAINERS:
        out.append(Block(collapse(element.text), line))
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            pass
        elif child.tag in _HEADINGS:
            text = collapse(child.text_content())
            if text:
                out.append(Block(text, line, "heading"))
        elif child.tag in _CONTAINERS:
            _walk(child, out, line)
        elif child.tag == "hr":
            out.append(Block("___", line))
        else:
            text = collapse(child.text_content())
            if text:
                out.append(Block(text, line))
        if child.tail and child.tail.strip():
            out.append(Block(collapse(child.tail), line))
